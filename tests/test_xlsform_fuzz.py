"""Property/fuzz tests for XLSForm import (issue 13 "Also"): untrusted workbooks and
choice files give a Form or a ``FormError`` (one line), never another exception;
a form that imports validates records with ``ValidationFailed`` at worst.
The atheris harness for the same target is fuzz/fuzz_xlsform.py.
"""

from __future__ import annotations

import importlib.util
import io
import os
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake_app.errors import FormError, ValidationFailed
from intake_app.forms import import_xlsform, validate_record


def _fixtures() -> ModuleType:
    path = Path(__file__).parent / "xlsforms" / "make_fixtures.py"
    spec = importlib.util.spec_from_file_location("xlsform_fixtures_fuzz", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FX = _fixtures()
# 400 examples per target in every run (CI included); more with XLSFORM_FUZZ_EXAMPLES.
SETTINGS = settings(max_examples=int(os.environ.get("XLSFORM_FUZZ_EXAMPLES", "400")),
                    deadline=None, suppress_health_check=list(HealthCheck))

TYPES = ["text", "integer", "decimal", "date", "note", "calculate", "hidden", "rank L",
         "select_one L", "select_multiple L", "select_one M", "select_one_from_file l.csv",
         "select_one_from_file ../l.csv", "select_one_external L", "geopoint", "geotrace",
         "geoshape", "start", "end", "today", "deviceid", "audit", "phonenumber", "image",
         "range", "time", "barcode", "acknowledge", "begin_group", "end_group",
         "begin_repeat", "end_repeat", "osm", "xml-external", "bogus", ""]
EXPRS = ["", ". > 1", "${a} = 'x'", "${b}", "${zz}", "count-selected(.)", "pulldata('a')",
         "../a", "../../a", "position(..)", "once(uuid())", "if(", "1 div 0", "yes", "T",
         "true()", "selected-at(${a}, 0)", "indexed-repeat(${a}, ${r}, 1)", "'\u202e'",
         "string-length(.) > 2", "random()", "format-date(today(), '%Y')"]
NAMES = ["a", "b", "c", "r", "g", "name", "a", "1bad", "with space", "ÿ", "دری", ""]
# Text a worksheet can hold (no C0 controls other than tab/newline).
_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=[
    chr(c) for c in range(32) if chr(c) not in "\t\n"]), max_size=12)
cells = st.one_of(st.none(), st.sampled_from(EXPRS), _text, st.integers(-5, 5))
rows = st.lists(st.tuples(st.sampled_from(TYPES), st.sampled_from(NAMES), cells, cells,
                          cells, cells), min_size=0, max_size=12)
choice_rows = st.lists(st.tuples(st.sampled_from(["L", "M", "", "L "]),
                                 st.sampled_from(["x", "y", "x", "", "a b", "۱"]),
                                 _text, st.sampled_from(["", "1", "2"])),
                       max_size=8)


def _import_only_form_errors(path: Path, files: dict[str, Path] | None = None) -> Any:
    try:
        return import_xlsform(path, files)[0]
    except FormError as exc:
        assert "\n" not in str(exc)
        return None


@SETTINGS
@given(rows=rows, choices=choice_rows, settings_row=st.tuples(cells, cells, cells),
       values=st.dictionaries(st.sampled_from(NAMES), cells, max_size=6))
def test_structured_workbooks(rows: list[tuple[Any, ...]], choices: list[tuple[Any, ...]],
                              settings_row: tuple[Any, ...], values: dict[str, Any]) -> None:
    sheets = {
        "survey": [["type", "name", "label", "relevant", "constraint", "required"],
                   *[list(r) for r in rows]],
        "choices": [["list_name", "name", "label", "f"], *[list(c) for c in choices]],
        "settings": [["version", "allow_choice_duplicates", "default_language"],
                     list(settings_row)],
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = FX.write_xlsx(sheets, Path(tmp) / "f.xlsx")
        (Path(tmp) / "l.csv").write_text("name,label\nx,X\n", encoding="utf-8")
        form = _import_only_form_errors(path)
    if form is not None:
        try:
            validate_record(form, values)
        except ValidationFailed:
            pass


def _seed() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "survey"
    for r in (["type", "name", "label", "constraint"], ["integer", "a", "A", ". > 1"],
              ["select_one L", "b", "B", ""]):
        ws.append(r)
    ws2 = wb.create_sheet("choices")
    for r in (["list_name", "name", "label"], ["L", "x", "X"]):
        ws2.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


SEED = _seed()


@SETTINGS
@given(edits=st.lists(st.tuples(st.integers(0, len(SEED) - 1), st.binary(min_size=1,
                                                                          max_size=4)),
                      min_size=1, max_size=6),
       cut=st.one_of(st.none(), st.integers(0, len(SEED))))
def test_mutated_workbook_bytes(edits: list[tuple[int, bytes]], cut: int | None) -> None:
    data = bytearray(SEED)
    for pos, chunk in edits:
        data[pos:pos + len(chunk)] = chunk
    if cut is not None:
        data = data[:cut]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.xlsx"
        path.write_bytes(bytes(data))
        _import_only_form_errors(path)


@SETTINGS
@given(body=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
       ext=st.sampled_from(["csv", "xml", "geojson"]))
def test_untrusted_choice_files(body: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = FX.write_xlsx({"survey": [["type", "name", "label"],
                                         [f"select_one_from_file c.{ext}", "q", "Q"]]},
                             Path(tmp) / "f.xlsx")
        (Path(tmp) / f"c.{ext}").write_bytes(body)
        _import_only_form_errors(path)
