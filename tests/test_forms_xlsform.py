"""XLSForm import: fixtures of different styles are generated into tmp_path."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from intake_app.errors import FormError, ValidationFailed
from intake_app.forms import Form, choices_for, import_xlsform, validate_record
from tests.cli_helpers import example_values, run

TODAY = dt.date(2025, 6, 1)


def _load_fixtures() -> ModuleType:
    path = Path(__file__).parent / "xlsforms" / "make_fixtures.py"
    spec = importlib.util.spec_from_file_location("xlsform_fixtures", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FX = _load_fixtures()


@pytest.fixture(scope="module")
def xdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("xlsforms")
    FX.write_all(d)
    return d


@pytest.fixture(scope="module")
def imported(xdir: Path) -> dict[str, tuple[Form, list[str]]]:
    return {name: import_xlsform(xdir / f"{name}.xlsx") for name in FX.POSITIVE}


@pytest.mark.parametrize("name", list(FX.POSITIVE))
def test_positive_fixture_imports_and_record_validates(
        imported: dict[str, tuple[Form, list[str]]], name: str) -> None:
    form, _ = imported[name]
    record = FX.POSITIVE[name][1]
    out = validate_record(form, record, today=TODAY)
    assert out
    # The canonical JSON survives a round trip and validates the same way.
    again = Form.from_json(form.canonical_json())
    assert validate_record(again, record, today=TODAY) == out


def test_multilang_rtl(imported: dict[str, tuple[Form, list[str]]]) -> None:
    form, warnings = imported["multilang_rtl"]
    assert (form.id, form.version, form.default_language) == ("ml_intake", "2024061201", "en")
    assert {lg.code: lg.direction for lg in form.languages} == {
        "en": "ltr", "fa-AF": "rtl", "ps": "rtl", "ur": "rtl"}
    age = form.field("age")
    assert age.label == {"en": "Age", "fa-AF": "سن", "ps": "عمر", "ur": "عمر"}
    assert set(age.constraint_message) == {"en", "fa-AF", "ps", "ur"}
    assert form.field("remarks").type == "long_text"
    assert form.field("today").type == "hidden"
    assert form.field("urgency").default == "low"
    assert form.choice_label("needs", "legal", "ps") == "حقوقي مرسته"
    out = validate_record(form, FX.MULTILANG_RECORD, today=TODAY)
    assert out["age"] == 34 and out["income"] == 12000.5 and out["arrived"] == "2023-01-15"
    assert out["phone"] == "03001234567" and out["need_count"] == "2"
    for lang, msg in (("en", "Must be an adult"), ("fa-AF", "باید بزرگسال باشد"),
                      ("ps", "باید لوی سړی وي"), ("ur", "بالغ ہونا چاہیے")):
        with pytest.raises(ValidationFailed) as exc:
            validate_record(form, {**FX.MULTILANG_RECORD, "age": "۱۲"}, lang, today=TODAY)
        assert [(e.path, e.message) for e in exc.value.errors] == [("age", msg)]
    assert any("hint" in w for w in warnings)


def test_nested_repeats(imported: dict[str, tuple[Form, list[str]]]) -> None:
    form, _ = imported["nested_repeats"]
    assert form.field("incident").type == "repeat"
    assert form.field("household").repeat_count == "${n_households}"
    out = validate_record(form, FX.NESTED_RECORD, today=TODAY)
    assert out["total_age"] == "82" and out["first_hh"] == "A"
    assert out["household"][0]["member"][0]["incident_count"] == "1"
    assert out["household"][1]["hh_index"] == "2"
    bad: dict[str, Any] = json.loads(json.dumps(FX.NESTED_RECORD))
    bad["n_households"] = 3
    bad["household"][0]["member"][0]["incident"][0]["incident_date"] = "2030-01-01"
    bad["household"][0]["member"][1]["incident"] = [{"incident_date": "2020-01-01",
                                                     "incident_what": "dropped"}]
    with pytest.raises(ValidationFailed) as exc:
        validate_record(form, bad, today=TODAY)
    assert {e.path for e in exc.value.errors} == {
        "household", "household[0].member[0].incident[0].incident_date"}


def test_cascading_and_or_other(imported: dict[str, tuple[Form, list[str]]]) -> None:
    form, warnings = imported["cascading"]
    assert form.field("district").choice_filter == "province=${province} and country=${country}"
    assert form.field("work_other").relevant == "selected(${work}, 'other')"
    assert "other" in [c.name for c in form.choice_lists["work"]]
    assert any("no version" in w for w in warnings)
    assert choices_for(form, "district", {"country": "af", "province": "kabul"}, "ps") == [
        ("paghman", "پغمان")]
    with pytest.raises(ValidationFailed, match="'peshawar' is not one of the choices"):
        validate_record(form, {**FX.CASCADING_RECORD, "district": "peshawar"})
    out = validate_record(form, {**FX.CASCADING_RECORD, "work": ["law"]})
    assert "work_other" not in out  # only relevant when 'other' is selected


def test_legacy_aliases(imported: dict[str, tuple[Form, list[str]]]) -> None:
    form, _ = imported["legacy_aliases"]
    types = {f.name: f.type for f in form.walk()}
    assert types == {
        "personal": "group", "nick": "text", "kids": "integer", "married": "select_one",
        "employed": "select_one", "langs": "select_multiple", "child": "repeat",
        "child_name": "text", "work": "group", "salary": "decimal", "ro": "text",
        "portrait": "attachment", "voice": "attachment", "doc": "attachment"}
    assert form.field("kids").required is True and form.field("married").required is True
    assert form.field("ro").read_only is True
    assert form.field("voice").attachment_kind == "audio"
    out = validate_record(form, {**FX.LEGACY_RECORD, "employed": "no"}, today=TODAY)
    assert "salary" not in out
    with pytest.raises(ValidationFailed, match="Not negative"):
        validate_record(form, {**FX.LEGACY_RECORD, "kids": -1})


def test_messy_sheet(imported: dict[str, tuple[Form, list[str]]]) -> None:
    form, warnings = imported["messy"]
    assert (form.id, form.version, form.title) == ("messy-form", "2023.11.02",
                                                   {"en": "Messy form"})
    assert [f.name for f in form.walk()] == ["q1", "q2", "q3", "q4"]
    assert form.field("q2").hint == {"en": "below 1000"}
    assert form.field("q1").label == {"en": "First question", "ur": "پہلا سوال"}
    assert form.choice_lists["colours"][1].filters == {"colour_hex": "#00f"}
    assert "unused_list" not in form.choice_lists
    assert any("Translator notes" in w and "row 2" in w for w in warnings)
    assert any("unused_list" in w for w in warnings)
    assert form.metadata["xlsform_settings"]["instance_name"] == "concat(${q1}, '-', ${q2})"
    out = validate_record(form, {"q1": "a", "q2": 2, "q3": "red"})
    assert out == {"q1": "a", "q2": 2}  # q3 not relevant when q2 <= 5


def test_kobo_style(imported: dict[str, tuple[Form, list[str]]]) -> None:
    form, _ = imported["kobo_style"]
    # No GPS on a laptop, but the question stays: the position is typed by hand.
    assert form.field("location").type == "geopoint"
    assert form.field("start").metadata == "start"
    assert form.field("ack").type == "yes_no"
    assert form.field("score").constraint == ". >= 1 and . <= 5"
    assert form.field("double").type == "calculate"
    assert {lg.code: lg.direction for lg in form.languages}["prs"] == "rtl"
    with pytest.raises(ValidationFailed, match="score"):
        validate_record(form, {**FX.KOBO_RECORD, "score": 9})


@pytest.mark.parametrize("name", list(FX.NEGATIVE))
def test_negative_fixture_clear_error(xdir: Path, name: str) -> None:
    fragment = FX.NEGATIVE[name][1]
    with pytest.raises(FormError) as exc:
        import_xlsform(xdir / f"bad_{name}.xlsx")
    text = str(exc.value)
    assert f"bad_{name}.xlsx" in text
    if fragment.startswith("row "):
        assert re.search(r"row\s*:?\s*" + fragment.split()[1] + r"\b", text), text
    else:
        assert fragment in text, text


def test_select_one_from_file_with_csv(tmp_path: Path) -> None:
    sheets = FX.NEGATIVE["from_file_missing"][0]
    path = FX.write_xlsx(sheets, tmp_path / "with_file.xlsx")
    (tmp_path / "districts.csv").write_text(
        "name,label::English (en),province\nd1,District 1,p1\nd2,District 2,p2\n",
        encoding="utf-8")
    form, warnings = import_xlsform(path)
    assert any("districts.csv" in w and "row 3" in w for w in warnings)
    assert validate_record(form, {"district": "d2"}) == {"district": "d2"}
    with pytest.raises(ValidationFailed):
        validate_record(form, {"district": "d3"})


def test_not_an_xlsform(tmp_path: Path) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip")
    with pytest.raises(FormError, match=r"junk\.xlsx"):
        import_xlsform(junk)
    with pytest.raises(FormError, match="no such file"):
        import_xlsform(tmp_path / "missing.xlsx")
    empty = FX.write_xlsx({"survey": [["type", "name", "label"]]}, tmp_path / "empty.xlsx")
    with pytest.raises(FormError):
        import_xlsform(empty)


def test_cli_import(xdir: Path, tmp_path: Path) -> None:
    none = tmp_path / "no-profile"
    out_file = tmp_path / "ml.json"
    r = run("--data-dir", none, "forms", "import", xdir / "multilang_rtl.xlsx",
            "--out", out_file)
    assert r.rc == 0, r.err
    assert Form.from_json(out_file.read_bytes()).id == "ml_intake"
    assert "warning:" in r.err
    r = run("--data-dir", none, "forms", "import", xdir / "bad_pulldata.xlsx", "--out",
            tmp_path / "bad.json")
    assert r.rc == 1 and "row 3" in r.err and "Traceback" not in r.err
    assert not (tmp_path / "bad.json").exists()


def test_cli_validate_needs_no_profile(tmp_path: Path) -> None:
    """``intake forms validate`` (was ``python -m intake_app.forms validate``)."""
    none = tmp_path / "no-profile"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(example_values()), encoding="utf-8")
    r = run("--data-dir", none, "forms", "validate", "--form", "hrd_intake", "--json", good)
    assert r.rc == 0, r.err
    assert r.json()["interviewer_code"] == example_values()["interviewer_code"]
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    r = run("--data-dir", none, "forms", "validate", "--form", "hrd_intake", "--json", bad)
    assert r.rc == 1 and "record is not valid" in r.err and r.out == ""
    r = run("--data-dir", none, "forms", "validate", "--form", "hrd_intake",
            "--forms-dir", tmp_path, "--json", good)
    assert r.rc == 1 and "Traceback" not in r.err
    assert not none.exists()  # nothing was created or opened


def test_plain_label_and_named_languages(tmp_path: Path) -> None:
    sheets = {
        "survey": [["type", "name", "label", "label::Dari (fa-AF)", "label::Kiswahili"],
                   ["text", "q", "Question", "سوال", "Swali"],
                   ["text", "نام", "Name", "نام", "Jina"]],
    }
    form, warnings = import_xlsform(FX.write_xlsx(sheets, tmp_path / "plain.xlsx"))
    assert form.default_language == "en"
    assert form.field("q").label == {"en": "Question", "fa-AF": "سوال", "kiswahil": "Swali"}
    assert form.field("نام").label["fa-AF"] == "نام"  # names in any script
    assert any("plain 'label'" in w for w in warnings)
    assert any("Kiswahili" in w for w in warnings)
    assert validate_record(form, {"q": "a", "نام": "b"}) == {"q": "a", "نام": "b"}
