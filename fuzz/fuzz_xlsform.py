"""atheris harness for XLSForm import (issue 13 "Also"; #17 owns the XLSForm side).

Untrusted bytes are written as a workbook (and, when they look like text, as a
choices CSV beside it) and imported; anything but ``FormError`` is a bug.
Run:  .venv/bin/python fuzz/fuzz_xlsform.py [-atheris_runs=100000] [corpus_dir]
(atheris must be installed: pip install atheris; `make fuzz` runs every harness.)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris  # type: ignore[import-not-found]

with atheris.instrument_imports():
    from intake_app.errors import FormError
    from intake_app.forms import import_xlsform

_TMP = Path(tempfile.mkdtemp(prefix="fuzz-xlsform-"))


def test_one_input(data: bytes) -> None:
    # Layout: one length byte n, n bytes of choices CSV, then the workbook.
    n = data[0] if data else 0
    csv_part, book = data[1:1 + n], data[1 + n:]
    form = _TMP / "form.xlsx"
    form.write_bytes(book)
    (_TMP / "list.csv").write_bytes(csv_part)
    try:
        import_xlsform(form)
    except FormError:
        pass


def _seed_corpus() -> Path:
    """Valid workbooks (the test fixtures) to start mutating from: random bytes alone
    rarely get past the zip reader."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "xlsforms"))
    import make_fixtures

    corpus = Path(tempfile.mkdtemp(prefix="fuzz-xlsform-corpus-"))
    for name, (sheets, _) in make_fixtures.POSITIVE.items():
        book = make_fixtures.write_xlsx(sheets, corpus / f"{name}.xlsx").read_bytes()
        csv_part = b"name,label\nx,X\n"
        (corpus / f"seed-{name}").write_bytes(bytes([len(csv_part)]) + csv_part + book)
        (corpus / f"{name}.xlsx").unlink()
    return corpus


if __name__ == "__main__":
    args = list(sys.argv)
    if not any(not a.startswith("-") for a in args[1:]):
        args.append(str(_seed_corpus()))
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()
