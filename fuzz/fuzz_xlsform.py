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
    fdp = atheris.FuzzedDataProvider(data)
    csv_part = fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 512))
    book = fdp.ConsumeBytes(fdp.remaining_bytes())
    form = _TMP / "form.xlsx"
    form.write_bytes(book)
    (_TMP / "list.csv").write_bytes(csv_part)
    try:
        import_xlsform(form)
    except FormError:
        pass


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
