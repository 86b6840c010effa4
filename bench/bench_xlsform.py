"""XLSForm import benchmark: a 700-row form with 3,300 choices (issue 17: <= 2 s).

Times ``intake forms import FORM.xlsx --out x.json`` as a user runs it (a fresh
process, so start-up and pyxform's import are counted), and the library call
alone; compares with pyxform's own xls2xform conversion of the same workbook
(the reference tool), and times the size-bomb refusal (#13 finding 8).
Run: .venv/bin/python bench/bench_xlsform.py [--rounds N]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from intake_app.errors import FormError  # noqa: E402
from intake_app.forms import import_xlsform  # noqa: E402

TARGET_S = 2.0


def _fixtures():  # type: ignore[no-untyped-def]
    path = ROOT / "tests" / "xlsforms" / "fidelity_fixtures.py"
    spec = importlib.util.spec_from_file_location("fidelity_fixtures_bench", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    fx = _fixtures()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        path = fx.write_xlsx(fx.big_form(), d / "big_form.xlsx")
        form, _ = import_xlsform(path)
        rows = len(fx.big_form()["survey"]) - 1
        choices = sum(len(v) for v in form.choice_lists.values())
        print(f"form: {rows} survey rows, {choices} choices in {len(form.choice_lists)} lists")
        lib = []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            import_xlsform(path)
            lib.append(time.perf_counter() - t0)
        cli = []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", "import sys; from intake_app.cli import "
                            "main; sys.exit(main())", "forms", "import", str(path), "--out",
                            str(d / "out.json")], check=True, capture_output=True)
            cli.append(time.perf_counter() - t0)
        ref = []
        from pyxform import xls2xform

        for _ in range(args.rounds):
            t0 = time.perf_counter()
            xls2xform.convert(xlsform=str(path), validate=False)
            ref.append(time.perf_counter() - t0)
        # A workbook unpacking to ~60 MB of sheet: refused before parsing.
        base = fx.write_xlsx({"survey": [["type", "name", "label"], ["text", "a", "A"]]},
                             d / "base.xlsx")
        bomb = d / "bomb.xlsx"
        row = b"<row><c t=\"inlineStr\"><is><t>" + b"q" * 400 + b"</t></is></c></row>"
        with zipfile.ZipFile(base) as zin, zipfile.ZipFile(bomb, "w",
                                                           zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info)
                if info.filename == "xl/worksheets/sheet1.xml":
                    data = b"<worksheet><sheetData>" + row * 140_000 + b"</sheetData></worksheet>"
                zout.writestr(info.filename, data)
        bomb_size = bomb.stat().st_size
        t0 = time.perf_counter()
        try:
            import_xlsform(bomb)
        except FormError:
            pass
        bomb_s = time.perf_counter() - t0
    med_lib, med_cli, med_ref = (statistics.median(x) for x in (lib, cli, ref))
    print(f"import_xlsform (library): median {med_lib:.3f} s, best {min(lib):.3f} s")
    print(f"intake forms import (new process): median {med_cli:.3f} s, best {min(cli):.3f} s"
          f"  target <= {TARGET_S:.1f} s: {'met' if med_cli <= TARGET_S else 'MISSED'}")
    print(f"pyxform xls2xform.convert (reference): median {med_ref:.3f} s;"
          f" ratio import/pyxform {med_lib / med_ref:.2f}")
    print(f"size bomb ({bomb_size} B unpacking to ~60 MB) refused in {bomb_s * 1000:.0f} ms")
    return 0 if med_cli <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
