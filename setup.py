"""Build hook: compile the Qt translations (.ts -> .qm) into the wheel.

Everything else is declared in pyproject.toml. The .qm files are build products
(git-ignored); ``pyside6-lrelease`` comes from the build requirements.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py


def find_lrelease() -> str:
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (here / name).exists():
            return str(here / name)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found:
        return found
    try:  # the console script may be missing from PATH in an isolated build env
        import PySide6

        for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
            cand = Path(PySide6.__file__).parent / name
            if cand.exists():
                return str(cand)
    except ImportError:
        pass
    raise SystemExit("setup.py: pyside6-lrelease not found (build requires pyside6-essentials)")


class build_py_with_translations(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable checkout uses `make translations` in place
        src = Path(__file__).resolve().parent / "src" / "intake_app" / "gui" / "translations"
        dest = Path(self.build_lib) / "intake_app" / "gui" / "translations"
        dest.mkdir(parents=True, exist_ok=True)
        tool = find_lrelease()
        sources = sorted(src.glob("*.ts"))
        if not sources:
            raise SystemExit(f"setup.py: no .ts translations in {src}")
        for ts in sources:
            qm = dest / ts.with_suffix(".qm").name
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
            if not qm.exists() or qm.stat().st_size == 0:
                raise SystemExit(f"setup.py: lrelease wrote no {qm.name}")


packages = [*find_packages("src"), "intake_app.builtin_forms", "intake_app.builtin_forms.examples"]
setup(packages=packages, cmdclass={"build_py": build_py_with_translations})
