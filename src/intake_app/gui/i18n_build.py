"""Build the UI translations: every ``translations/*.ts`` into a ``.qm`` beside it.

Run as ``python -m intake_app.gui.i18n_build`` (the Makefile does, before the
tests and before running the app); ``--update`` first refreshes the ``.ts``
sources from the code with ``pyside6-lupdate``. ``.qm`` files are build products and are
git-ignored; the app starts in English when one is missing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"


def find_lrelease() -> str | None:
    """``pyside6-lrelease`` next to this Python (the venv), else on PATH."""
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe", "lrelease"):
        cand = here / name
        if cand.exists():
            return str(cand)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def update_sources(directory: Path = TRANSLATIONS_DIR) -> None:
    """Refresh the ``.ts`` sources from the code (``pyside6-lupdate``); keeps translations.

    New strings arrive untranslated (type "unfinished") for the translators.
    """
    here = Path(sys.executable).parent
    tool = next((str(here / n) for n in ("pyside6-lupdate", "pyside6-lupdate.exe")
                 if (here / n).exists()), None) or shutil.which("pyside6-lupdate")
    if tool is None:
        raise SystemExit("i18n_build: pyside6-lupdate not found")
    sources = sorted(str(p) for p in Path(__file__).resolve().parent.rglob("*.py"))
    for ts in sorted(directory.glob("*.ts")):
        subprocess.run([tool, "-silent", *sources, "-ts", str(ts)], check=True)


def build(directory: Path = TRANSLATIONS_DIR, *, quiet: bool = True) -> list[Path]:
    """Compile every ``.ts`` in ``directory``; returns the ``.qm`` files written."""
    tool = find_lrelease()
    if tool is None:
        raise SystemExit("i18n_build: pyside6-lrelease not found (install pyside6-essentials)")
    written: list[Path] = []
    for ts in sorted(directory.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        cmd = [tool, *(["-silent"] if quiet else []), str(ts), "-qm", str(qm)]
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if result.returncode != 0 or not qm.exists():
            raise SystemExit(f"i18n_build: {ts.name}: {result.stderr.strip() or 'failed'}")
        written.append(qm)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--update" in args:
        update_sources()
    written = build(quiet="-v" not in args)
    print(f"i18n_build: {len(written)} translation(s) built in {TRANSLATIONS_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
