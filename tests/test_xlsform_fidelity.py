"""XLSForm fidelity (issue 17): fixtures of the classes real Kobo/ODK forms use.

For every fixture: it imports; a record made from it validates; a record breaking
each rule is refused naming the field; export -> import gives the same canonical
form and pyxform converts the export; and the canonical form matches pyxform's
own JSON except for the differences docs/forms.md lists (``_pyxform_view``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from intake_app.errors import FormError, ValidationFailed
from intake_app.forms import Form, import_xlsform, validate_record
from intake_app.forms.metadata import fill_metadata
from intake_app.forms.model import SELECT_TYPES
from intake_app.forms.xlsform_export import export_xlsform
from tests.xlsform_helpers import load_fixtures

TODAY = dt.date(2025, 6, 1)




FX = load_fixtures("fidelity_fixtures")
NAMES = list(FX.FIXTURES)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Form, list[str]]]:
    root = tmp_path_factory.mktemp("fidelity")
    out = {}
    for name, fx in FX.FIXTURES.items():
        path = FX.write_fixture(name, fx, root / name)
        form, warnings = import_xlsform(path)
        out[name] = (path, form, warnings)
    return out


def test_at_least_twenty_fixtures() -> None:
    assert len(FX.FIXTURES) >= 20


@pytest.mark.parametrize("name", NAMES)
def test_record_validates_and_each_broken_rule_is_refused(
        built: dict[str, tuple[Path, Form, list[str]]], name: str) -> None:
    _, form, _ = built[name]
    fx = FX.FIXTURES[name]
    assert validate_record(form, fx.good, today=TODAY)
    assert fx.bad, "every fixture breaks at least one rule"
    for record, field in fx.bad:
        with pytest.raises(ValidationFailed) as exc:
            validate_record(form, record, today=TODAY)
        paths = [e.path for e in exc.value.errors]
        assert any(p == field or p.endswith(field) for p in paths), (record, paths)


def _canonical(form: Form) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(form.canonical_json())
    data["metadata"].pop("source_file", None)
    # Files are rewritten by the export (same choices, other bytes): compare the names.
    files = data["metadata"].get("data_files")
    if files:
        data["metadata"]["data_files"] = sorted(files)
    return data


@pytest.mark.parametrize("name", NAMES)
def test_export_round_trip_and_pyxform_converts_it(
        built: dict[str, tuple[Path, Form, list[str]]], name: str, tmp_path: Path) -> None:
    from pyxform import xls2xform

    _, form, _ = built[name]
    out = tmp_path / "export" / f"{name}.xlsx"
    written = export_xlsform(form, out)
    assert written[0] == out
    again, _ = import_xlsform(out)
    assert _canonical(again) == _canonical(form)
    result = xls2xform.convert(xlsform=str(out), validate=False)
    assert "<h:html" in result.xform


# ------------------------------------------------------------------ specific classes


def test_metadata_rows_filled_or_left_empty(
        built: dict[str, tuple[Path, Form, list[str]]]) -> None:
    _, form, warnings = built["metadata_rows"]
    kinds = {f.name: f.metadata for f in form.walk() if f.metadata}
    assert set(kinds) == {"start", "end", "today", "deviceid", "username", "phonenumber",
                          "simserial", "subscriberid", "email", "audit"}
    for empty in ("username", "phonenumber", "simserial", "subscriberid", "email", "audit"):
        assert any(f"'{empty}'" in w and "left empty" in w for w in warnings), empty
    t0 = dt.datetime(2025, 6, 1, 9, 30, tzinfo=dt.UTC)
    first = fill_metadata(form, {"q": "a", "phonenumber": "0300"}, device_id="dev-1", now=t0)
    assert first["start"] == "2025-06-01T09:30:00Z" and first["end"] == first["start"]
    assert first["today"] == "2025-06-01" and first["deviceid"] == "dev-1"
    assert "phonenumber" not in first  # never recorded, even if offered
    later = fill_metadata(form, {"q": "b"}, device_id="dev-1", previous=first,
                          now=t0 + dt.timedelta(hours=2))
    assert later["start"] == first["start"] and later["end"] == "2025-06-01T11:30:00Z"
    assert validate_record(form, later, today=TODAY)["start"] == first["start"]


def test_rank_order_is_the_value(built: dict[str, tuple[Path, Form, list[str]]]) -> None:
    _, form, _ = built["rank_priorities"]
    assert form.field("priorities").type == "rank"
    out = validate_record(form, {"priorities": ["safety", "none", "money"]}, today=TODAY)
    assert out["priorities"] == ["safety", "none", "money"]


def test_geopoint_typed_by_hand(built: dict[str, tuple[Path, Form, list[str]]]) -> None:
    _, form, _ = built["geopoint_site"]
    out = validate_record(form, {"site": "۳۴٫۵ ۶۹٫۱"}, today=TODAY)
    assert out["site"] == "34.5 69.1"


def test_calculated_total_keeps_constraint_and_required(
        built: dict[str, tuple[Path, Form, list[str]]]) -> None:
    _, form, warnings = built["calc_total"]
    total = form.field("total")
    assert total.constraint == ". = 100" and total.required is True
    assert total.constraint_message
    assert not any("total" in w for w in warnings)
    with pytest.raises(ValidationFailed, match="add up to 100"):
        validate_record(form, {"food": 1, "rent": 1, "other": 1}, today=TODAY)


def test_choice_files_become_part_of_the_form(
        built: dict[str, tuple[Path, Form, list[str]]]) -> None:
    path, form, warnings = built["from_file_csv"]
    assert sorted(form.metadata["data_files"]) == ["communities.csv", "needs.csv",
                                                   "provinces.csv"]
    assert any("communities.csv" in w and "2 choices" in w for w in warnings)
    labels = {c.name: c.label for c in form.choice_lists["communities_csv"]}
    assert labels["c2"]["fa-AF"] == "جامعه ۲"
    # The installed form does not depend on the file any more.
    (path.parent / "communities.csv").unlink()
    again = Form.from_json(form.canonical_json())
    assert validate_record(again, FX.FIXTURES["from_file_csv"].good, today=TODAY)
    with pytest.raises(FormError, match=r"communities\.csv not found next to"):
        import_xlsform(path)


def test_unacted_columns_kept_and_listed_once(
        built: dict[str, tuple[Path, Form, list[str]]]) -> None:
    _, form, warnings = built["unacted_columns"]
    colour = form.field("colour")
    assert colour.xlsform["guidance_hint"] == "Ask slowly"
    assert "randomize=true" in colour.xlsform["parameters"]
    assert "$kuid" in colour.xlsform and "media" in colour.xlsform
    summary = [w for w in warnings if w.startswith("kept in the form")]
    assert len(summary) == 1
    for key in ("guidance_hint", "media", "parameters", "$kuid"):
        assert key in summary[0]
    assert form.metadata["xlsform_settings"]["instance_name"] == "concat('c-', ${colour})"


def test_same_name_in_two_groups_is_kept_apart(
        built: dict[str, tuple[Path, Form, list[str]]]) -> None:
    _, form, _ = built["dup_names_groups"]
    assert form.field("witness_name").xlsform["name"] == "name"
    assert form.field("name").label == {"en": "Name"}


def test_required_stray_word_is_not_a_yes_no_value(tmp_path: Path) -> None:
    path = FX.write_xlsx({"survey": [["type", "name", "label", "required"],
                                     ["text", "a", "A", "yes please"],
                                     ["text", "b", "B", "Maybe"]]}, tmp_path / "stray.xlsx")
    with pytest.raises(FormError) as exc:
        import_xlsform(path)
    assert "not a yes/no value" in str(exc.value) and "${" not in str(exc.value).split(
        "(write")[0]


def test_required_spellings(built: dict[str, tuple[Path, Form, list[str]]]) -> None:
    _, form, _ = built["required_spellings"]
    req = {f.name: f.required for f in form.walk()}
    assert all(req[n] is True for n in "abcdefg")
    assert req["h"] == "${a} = 'x'" and req["i"] is False and req["j"] is False
    assert form.field("i").read_only and form.field("j").read_only


def test_cascading_duplicate_names(built: dict[str, tuple[Path, Form, list[str]]]) -> None:
    from intake_app.forms import choices_for

    _, form, _ = built["cascading_dups"]
    assert [c.name for c in form.choice_lists["district"]].count("center") == 2
    offered = choices_for(form, "district", {"province": "herat"})
    assert [name for name, _ in offered] == ["center", "guzara"]


# ------------------------------------------------------------------ differential


_PYX_TYPES = {"select one": "select_one", "select all that apply": "select_multiple",
              "rank": "rank", "select one external": "select_one", "string": "text",
              "text": "text", "integer": "integer", "int": "integer", "decimal": "decimal",
              "date": "date", "note": "note", "calculate": "calculate", "group": "group",
              "repeat": "repeat", "geopoint": "geopoint", "geotrace": "geotrace",
              "geoshape": "geoshape", "image": "attachment", "photo": "attachment",
              "audio": "attachment", "video": "attachment", "file": "attachment",
              "hidden": "hidden", "acknowledge": "yes_no", "trigger": "yes_no",
              "time": "text", "datetime": "text", "barcode": "text", "range": "integer"}


def _pyxform_view(data: dict[str, Any]) -> dict[str, Any]:
    """pyxform's JSON reduced to what the canonical form must match."""
    out: dict[str, Any] = {}

    def walk(items: list[Any]) -> None:
        for q in items:
            name, qtype = q.get("name"), q.get("type")
            if qtype == "group" and name == "meta" and q.get("control", {}).get("bodyless"):
                walk([c for c in q.get("children", [])
                      if c.get("name") not in ("instanceID", "instanceName")])
                continue
            bind = q.get("bind", {})
            kind = _PYX_TYPES.get(qtype, "hidden")  # metadata types (start, audit ...)
            if bind.get("calculate") and kind not in ("calculate", "hidden"):
                kind = "calculate"  # documented: a calculated question is read-only
            if kind == "text" and "multiline" in str(q.get("control", {}).get(
                    "appearance", "")):
                kind = "long_text"
            entry = {"type": kind, "relevant": bind.get("relevant"),
                     "calculation": bind.get("calculate"),
                     "constraint": bind.get("constraint") if qtype != "range" else None}
            if kind in SELECT_TYPES:
                entry["choices"] = sorted({c["name"] for c in q.get("choices") or []})
            out.setdefault(name, []).append(entry)
            walk(q.get("children", []))

    walk(data.get("children", []))
    return out


def _our_view(form: Form) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in form.walk():
        range_type = f.xlsform.get("type") == "range"
        entry = {"type": "integer" if range_type else f.type, "relevant": f.relevant,
                 "calculation": f.calculation,
                 "constraint": None if range_type else f.constraint}
        if f.type in SELECT_TYPES:
            entry["choices"] = sorted({c.name for c in form.choice_lists[f.choices or ""]})
        out.setdefault(f.xlsform.get("name", f.name), []).append(entry)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_differential_against_pyxform_json(
        built: dict[str, tuple[Path, Form, list[str]]], name: str) -> None:
    from pyxform.xls2json import workbook_to_json
    from pyxform.xls2json_backends import get_xlsform

    path, form, _ = built[name]
    wb = get_xlsform(xlsform=str(path))
    data = workbook_to_json(workbook_dict=wb, form_name=None,
                            fallback_form_name=wb.fallback_form_name,
                            default_language="default", warnings=[])
    theirs, ours = _pyxform_view(data), _our_view(form)
    # Choices of external and file lists are not in pyxform's JSON (it reads them at
    # XForm time); the fixture's files and sheets are checked in the tests above.
    for qname, entries in theirs.items():
        for entry, mine in zip(entries, ours.get(qname, []), strict=False):
            if entry.get("choices") == [] and mine.get("choices"):
                entry["choices"] = mine["choices"]
    assert ours == theirs
    # Languages: every language column pyxform saw is a language of the form.
    langs = {lang.name for lang in form.languages}
    for key in wb.survey_header[0] if wb.survey_header else []:
        if str(key).startswith("label::"):
            assert str(key).split("::", 1)[1].split(" (")[0] in langs


# ------------------------------------------------------------------ CLI


def _cli(*args: str | Path) -> Any:
    from tests.cli_helpers import run

    return run(*args)


def test_cli_check_and_file_option(built: dict[str, tuple[Path, Form, list[str]]],
                                   tmp_path: Path) -> None:
    path, _, _ = built["kobo_mixed"]
    lone = tmp_path / "lone" / "kobo_mixed.xlsx"
    lone.parent.mkdir()
    lone.write_bytes(path.read_bytes())
    r = _cli("forms", "check", lone, "--json")
    assert r.rc == 1
    res = r.json()
    assert not res["ok"] and "cities.csv" in res["error"] and "not found" in res["error"]
    r = _cli("forms", "check", lone, "--file", path.parent / "cities.csv", "--json")
    assert r.rc == 0, r.err
    res = r.json()
    assert res["ok"] and res["id"] == "kobo_mixed" and res["data_files"] == ["cities.csv"]
    r = _cli("forms", "check", lone)
    assert r.rc == 1 and r.err.count("\n") == 1 and "Traceback" not in r.err
    assert "cities.csv" in r.err
    # export of an imported form, through the CLI (no profile: --out JSON then export)
    r = _cli("forms", "import", lone, "--file", path.parent / "cities.csv", "--out",
             tmp_path / "k.json")
    assert r.rc == 0, r.err


def test_kobo_instance_lookup_and_entities(tmp_path: Path) -> None:
    path = FX.write_xlsx({
        "survey": [["type", "name", "label", "calculation", "save_to"],
                   ["select_one camp", "camp", "Camp"],
                   ["calculate", "camp_label", "",
                    "instance('camp')/root/item[name = ${camp}]/label"],
                   ["calculate", "camp_prov", "",
                    "instance('camp')/root/item[name=${camp}]/province"],
                   ["text", "tree", "Tree", "", "species"]],
        "choices": [["list_name", "name", "label", "province"],
                    ["camp", "jalozai", "Jalozai", "kp"], ["camp", "pishin", "Pishin", "bal"]],
        "entities": [["list_name", "label"], ["trees", "${tree}"]],
        "settings": [["form_id", "version"], ["lookup", "1"]],
    }, tmp_path / "lookup.xlsx")
    form, _ = import_xlsform(path)
    out = validate_record(form, {"camp": "pishin", "tree": "oak"}, today=TODAY)
    assert out["camp_label"] == "Pishin" and out["camp_prov"] == "bal"
    assert form.metadata["xlsform_sheets"]["entities"][0]["list_name"] == "trees"
    assert form.field("tree").xlsform["save_to"] == "species"
    again, _ = import_xlsform(export_xlsform(form, tmp_path / "out" / "lookup.xlsx")[0])
    assert _canonical(again) == _canonical(form)


def test_cli_install_with_files_then_export(tmp_path: Path) -> None:
    from tests.cli_helpers import FIELD_PASS, ok

    fx = FX.FIXTURES["from_file_csv"]
    src = FX.write_fixture("from_file_csv", fx, tmp_path / "src")
    lone = tmp_path / "lone" / "from_file_csv.xlsx"
    lone.parent.mkdir()
    lone.write_bytes(src.read_bytes())
    data = tmp_path / "field"
    ok("--data-dir", data, "init", passphrase=FIELD_PASS)
    files = [a for f in sorted(fx.files) for a in ("--file", str(src.parent / f))]
    ok("--data-dir", data, "forms", "import", lone, *files, passphrase=FIELD_PASS)
    out = tmp_path / "exported" / "again.xlsx"
    r = ok("--data-dir", data, "forms", "export", "from_file_csv", "--out", out,
           passphrase=FIELD_PASS)
    assert "again.xlsx" in r.out and "communities.csv" in r.out
    installed = Form.from_json(json.dumps(ok(
        "--data-dir", data, "forms", "show", "from_file_csv", "--json",
        passphrase=FIELD_PASS).json()))
    again, _ = import_xlsform(out)  # the choice files were written beside it
    assert _canonical(again) == _canonical(installed)


def test_metadata_inside_a_group_is_filled(tmp_path: Path) -> None:
    path = FX.write_xlsx({"survey": [["type", "name", "label"],
                                     ["begin_group", "g", "G"], ["start", "started"],
                                     ["text", "q", "Q"], ["end_group"]]},
                         tmp_path / "meta_in_group.xlsx")
    form, _ = import_xlsform(path)
    out = fill_metadata(form, {"q": "a"}, device_id="d",
                        now=dt.datetime(2025, 6, 1, 8, tzinfo=dt.UTC))
    assert out["started"] == "2025-06-01T08:00:00Z"
