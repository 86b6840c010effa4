"""HQ exports: every field of every record of the default form round-trips into CSV,
XLSX and JSON lines, in English and Dari, and reads back in a spreadsheet reader."""

from __future__ import annotations

import csv
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from intake_app.forms import Form, FormRegistry
from intake_app.hq.export import (
    ExportRecord,
    build_layout,
    export_records,
    sheet_names,
)
from tests.cli_helpers import Setup, enrolled_pair, example_values, run

CANARY = "CANARY-export-7f3a"
YES_NO = {"en": ("Yes", "No"), "fa-AF": ("بلی", "نخیر")}
META_MAIN = ["_record_id", "_form_id", "_form_version", "_status", "_revision", "_created_at",
             "_updated_at", "_device_id", "_bundle_seq"]
META_REPEAT = ["_record_id", "_row_path", "_parent_path", "_row_index"]


def _other_record(evidence: str | None = None) -> dict[str, Any]:
    """A record taking the branches the shipped example does not."""
    v = example_values()
    for k in ("birth_date", "family_at_risk"):
        v.pop(k)
    threat = dict(v["threats"][0])
    threat.update(act_type=["other", "threat"], act_other="=cmd|' /C calc'!A0",
                  evidence_held=["photos"])
    if evidence:
        threat["evidence_file"] = evidence
    v.update(
        has_family_at_risk=False, approximate_age="۴۲", aliases="@alias مریم",
        ethnicity="tajik", religion="sunni",
        pk_city="other", pk_city_other="Abbottabad", has_intermediary=True,
        intermediary_name="نسرین", intermediary_relation="cousin",
        intermediary_contact="-12 formula", code_word="=HYPERLINK(\"http://x\")",
        hrd_work=["other", "journalism_media"], hrd_work_other="Poet (شاعر)",
        threats=[threat], legal_notes=f"{CANARY} legal",
        needs=["medical", "financial", "shelter", "digital_security", "physical_security",
               "family_support", "documents", "relocation", "legal_aid", "psychosocial"],
        urgency_medical="urgent", urgency_financial="priority", urgency_shelter="priority",
        urgency_digital_security="high", urgency_physical_security="urgent",
        urgency_family_support="high", urgency_documents="high",
        medical_details="Needs insulin", needs_notes="Tab\tinside",
        started_at="2025-06-14T09:00:00Z", device_id="laptop-7",
        referrals=[dict(v["referrals"][0], referral_notes="Follow up by phone")],
    )
    return v


def _new(s: Setup, values: dict[str, Any]) -> str:
    f = s.root / "v.json"
    f.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    r = s.f("record", "new", "--form", "hrd_intake", "--json", f)
    assert r.rc == 0, r.err
    return r.out.strip()


@dataclass
class Exported:
    s: Setup
    form: Form
    records: dict[str, dict[str, Any]]  # id -> values as HQ holds them


@pytest.fixture(scope="module")
def hq_with_records(tmp_path_factory: pytest.TempPathFactory,
                    hq_backend_module: str | None) -> Iterator[Exported]:
    root = tmp_path_factory.mktemp("export")
    with pytest.MonkeyPatch.context() as mp:
        (root / "tmp").mkdir()
        mp.setenv("TMPDIR", str(root / "tmp"))
        mp.delenv("INTAKE_PASSPHRASE", raising=False)
        s = enrolled_pair(root, database=hq_backend_module)
        a = _new(s, example_values(interviewer_notes=f"{CANARY} notes"))
        b = _new(s, _other_record())
        (root / "photo.jpg").write_bytes(b"\xff\xd8 not really a photo")
        aid = s.f("attach", b, root / "photo.jpg").out.strip()
        (root / "v.json").write_text(json.dumps(_other_record(aid), ensure_ascii=False),
                                     encoding="utf-8")
        assert s.f("record", "edit", b, "--json", root / "v.json").rc == 0
        for rid in (a, b):
            assert s.f("record", "finalize", rid).rc == 0
        usb = root / "usb"
        usb.mkdir()
        assert s.f("export", "--to", usb).rc == 0
        assert s.h("hq", "import", usb).rc == 0
        records = {rid: s.h("hq", "records", "show", rid, "--json").json()["values"]
                   for rid in (a, b)}
        form = FormRegistry.default_registry().get("hrd_intake")
        yield Exported(s, form, records)


# -- the expected rendering, written out independently of the exporter -----------------


def expected_cell(form: Form, name: str, value: Any, lang: str, raw: bool) -> Any:
    """Typed cell (XLSX); CSV is its text form."""
    if value is None:
        return None
    f = form.field(name)
    if f.type == "select_one":
        return value if raw else form.choice_label(f.choices or "", value, lang)
    if f.type == "select_multiple":
        if raw:
            return " ".join(value)
        return "; ".join(form.choice_label(f.choices or "", v, lang) for v in value)
    if f.type == "yes_no" or isinstance(value, bool):
        return value if raw else YES_NO[lang][0 if value else 1]
    return value


def as_csv(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, int | float):
        return repr(cell)
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def expected_tables(form: Form, records: dict[str, dict[str, Any]], lang: str, raw: bool
                    ) -> dict[str, list[dict[str, Any]]]:
    """{table: [row as {column: typed cell}]} (metadata columns left out)."""
    tables: dict[str, list[dict[str, Any]]] = {"hrd_intake": []}
    repeats = {f.name for f in form.walk() if f.type == "repeat"}
    for r in repeats:
        tables[f"hrd_intake__{r}"] = []

    def scope_fields(scope: str | None) -> list[str]:
        return [i.field.name for i in form.index.order if i.field.has_value
                and (i.repeats[-1] if i.repeats else None) == scope]

    for rid, values in records.items():
        tables["hrd_intake"].append(
            {"_record_id": rid} | {n: expected_cell(form, n, values.get(n), lang, raw)
                                  for n in scope_fields(None)})

        def rows(container: dict[str, Any], parent: str, rid: str = rid) -> None:
            for key in repeats:
                for i, row in enumerate(container.get(key) or [], start=1):
                    path = f"{parent}.{i}" if parent else str(i)
                    tables[f"hrd_intake__{key}"].append(
                        {"_record_id": rid, "_row_path": path, "_parent_path": parent,
                         "_row_index": i}
                        | {n: expected_cell(form, n, row.get(n), lang, raw)
                           for n in scope_fields(key)})
                    rows(row, path, rid)

        rows(values, "")
    return tables


def _key(row: dict[str, Any]) -> tuple[str, str]:
    return (str(row["_record_id"]), str(row.get("_row_path", "")))


# -- tests --------------------------------------------------------------------------------


def test_every_field_is_exercised(hq_with_records: Exported) -> None:
    form, records = hq_with_records.form, hq_with_records.records
    value_fields = {f.name for f in form.walk() if f.has_value}
    seen: set[str] = set()

    def visit(container: dict[str, Any]) -> None:
        for k, v in container.items():
            if isinstance(v, list) and v and isinstance(v[0], dict):
                for row in v:
                    visit(row)
            else:
                seen.add(k)

    for values in records.values():
        visit(values)
    assert value_fields - seen == set(), "records must fill every field of the form"
    layout = build_layout([form])
    columns = {c for t in layout.ordered_tables() for c in t.fields}
    assert columns == value_fields


@pytest.mark.parametrize("lang,raw", [("en", False), ("fa-AF", False), ("en", True)])
def test_csv_round_trip(hq_with_records: Exported, tmp_path: Path, lang: str, raw: bool) -> None:
    e = hq_with_records
    out = tmp_path / "csv"
    args = ["hq", "export", "--format", "csv", "--out", out, "--lang", lang]
    r = e.s.h(*args, *(["--raw"] if raw else []))
    assert r.rc == 0, r.err
    assert "leaves the encrypted store" in r.err and r.err.count("warning") == 1
    expect = expected_tables(e.form, e.records, lang, raw)
    assert {p.name for p in out.iterdir()} == {f"{t}.csv" for t in expect} | {
        "hrd_intake__fields.csv"}
    for table, rows in expect.items():
        path = out / f"{table}.csv"
        raw_bytes = path.read_bytes()
        assert raw_bytes.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM for Excel"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        with open(path, encoding="utf-8-sig", newline="") as fh:
            got = list(csv.DictReader(fh))
        meta = META_MAIN if table == "hrd_intake" else META_REPEAT
        assert list(got[0])[: len(meta)] == meta
        assert len(got) == len(rows), table
        by_key = {_key(g): g for g in got}
        for want in rows:
            have = by_key[_key(want)]
            for col, cell in want.items():
                assert have[col] == as_csv(cell), (table, col)
    main = list(csv.DictReader(open(out / "hrd_intake.csv", encoding="utf-8-sig", newline="")))
    assert {m["_device_id"] for m in main} == {e.s.device_id}
    assert {m["_bundle_seq"] for m in main} == {"1"}
    # The form's own deviceid field: as given, else filled by the laptop that made it.
    assert {m["device_id"] for m in main} == {e.s.device_id, "laptop-7"}
    # Arabic-script text intact, and formula injection neutralised.
    text = (out / "hrd_intake.csv").read_text(encoding="utf-8-sig")
    assert "مریم احمدی" in text and "نسرین" in text
    assert "'=HYPERLINK" in text and "'+92 300 0000000" in text and "'@alias" in text
    if lang == "fa-AF":
        assert "هرات" in text  # a Dari choice label
    if not raw:
        fields = list(csv.DictReader(open(out / "hrd_intake__fields.csv", encoding="utf-8-sig")))
        assert {f["column"] for f in fields} == {f.name for f in e.form.walk() if f.has_value}


@pytest.mark.parametrize("lang,raw", [("en", False), ("fa-AF", False), ("fa-AF", True)])
def test_xlsx_round_trip(hq_with_records: Exported, tmp_path: Path, lang: str,
                         raw: bool) -> None:
    e = hq_with_records
    (tmp_path / "o").mkdir()
    out = tmp_path / "o" / "export.xlsx"
    r = e.s.h("hq", "export", "--format", "xlsx", "--out", out, "--lang", lang,
              *(["--raw"] if raw else []))
    assert r.rc == 0, r.err
    assert "leaves the encrypted store" in r.err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    # No parts left; the signed log head goes beside the export (a witness, finding 4).
    assert sorted(p.name for p in out.parent.iterdir()) == [
        "export.xlsx", "export.xlsx.log-checkpoint.sig"]
    wb = load_workbook(out, read_only=True)
    expect = expected_tables(e.form, e.records, lang, raw)
    titles = sheet_names([*expect, "hrd_intake__fields"])
    assert set(wb.sheetnames) == set(titles.values())
    for table, rows in expect.items():
        ws = wb[titles[table]]
        values = list(ws.iter_rows(values_only=True))
        header = [str(h) for h in values[0]]
        # (write-only sheets carry no dimension: readers see rows end at their last cell)
        got = [dict(zip(header, row + (None,) * (len(header) - len(row)), strict=True))
               for row in values[1:]]
        assert len(got) == len(rows)
        by_key = {_key(g): g for g in got}
        for want in rows:
            have = by_key[_key(want)]
            for col, cell in want.items():
                if col == "_row_path":
                    assert str(have[col]) == cell
                elif col == "_parent_path":
                    assert (have[col] or "") == cell
                else:
                    assert have[col] == cell, (table, col)
    wb.close()
    # Risky text is stored as text (never a formula), unchanged, with Excel's quote prefix.
    full = load_workbook(out)
    ws = full["hrd_intake"]
    header = [c.value for c in ws[1]]
    cell = ws.cell(row=2, column=header.index("contact_detail") + 1)
    assert cell.data_type == "s" and cell.quotePrefix and cell.value.startswith("+92")
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)


@pytest.mark.parametrize("lang", ["en", "fa-AF"])
def test_jsonl_keeps_full_structure(hq_with_records: Exported, tmp_path: Path,
                                    lang: str) -> None:
    e = hq_with_records
    out = tmp_path / "records.jsonl"
    r = e.s.h("hq", "export", "--format", "jsonl", "--out", out, "--lang", lang)
    assert r.rc == 0, r.err
    assert "leaves the encrypted store" in r.err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {x["record_id"]: x["values"] for x in lines} == e.records
    for x in lines:
        assert x["form_id"] == "hrd_intake" and x["form_version"] == e.form.version
        assert x["revision"] >= 1 and x["received"] == {"device_id": e.s.device_id,
                                                        "sequence": 1}
        labels = x["labels"]
        v = x["values"]
        assert labels["gender"] == e.form.choice_label("gender", v["gender"], lang)
        assert labels["consent_store"] == YES_NO[lang][0]
        assert labels["threats"][0]["act_type"] == [
            e.form.choice_label("act_type", n, lang) for n in v["threats"][0]["act_type"]]
    with_att = [x for x in lines if x["attachments"]]
    assert len(with_att) == 1 and with_att[0]["attachments"][0]["name"] == "photo.jpg"
    assert with_att[0]["values"]["threats"][0]["evidence_file"] == \
        with_att[0]["attachments"][0]["id"]


def test_form_filter_and_errors(hq_with_records: Exported, tmp_path: Path) -> None:
    e = hq_with_records
    tmp_path = tmp_path / "o"
    tmp_path.mkdir()
    r = e.s.h("hq", "export", "--format", "jsonl", "--out", tmp_path / "x.jsonl",
              "--form", "no_such_form")
    assert r.rc == 1 and "no_such_form" in r.err
    assert not (tmp_path / "x.jsonl").exists()
    r = e.s.h("hq", "export", "--format", "xlsx", "--out", tmp_path)
    assert r.rc == 2 and "folder" in r.err
    r = e.s.h("hq", "export", "--format", "pdf", "--out", tmp_path / "x")
    assert r.rc == 2
    r = e.s.h("hq", "export", "--format", "csv", "--out", tmp_path / "c", "--lang", "de")
    assert r.rc == 2 and "fa-AF" in r.err and not (tmp_path / "c").exists()
    r = e.s.h("hq", "export", "--format", "jsonl", "--out", tmp_path / "f.jsonl",
              "--form", "hrd_intake", "--raw")
    assert r.rc == 0 and len((tmp_path / "f.jsonl").read_text().splitlines()) == 2
    assert "labels" not in json.loads((tmp_path / "f.jsonl").read_text().splitlines()[0])
    assert sorted(os.listdir(tmp_path)) == ["f.jsonl", "f.jsonl.log-checkpoint.sig"], \
        "no temporary files left"
    # Exports are recorded in HQ's event log.
    log = tmp_path / "log.jsonl"
    assert e.s.h("hq", "log", "--out", log).rc == 0
    kinds = [json.loads(x).get("kind") for x in log.read_text().splitlines()]
    assert "export" in kinds


def test_no_plaintext_in_system_temp(hq_with_records: Exported, tmp_path: Path) -> None:
    from tests.conftest import scan_for

    e = hq_with_records
    tmp = Path(os.environ["TMPDIR"])
    assert e.s.h("hq", "export", "--format", "xlsx", "--out", tmp_path / "a.xlsx").rc == 0
    assert e.s.h("hq", "export", "--format", "csv", "--out", tmp_path / "c").rc == 0
    assert scan_for(tmp, CANARY) == []
    assert not list(tmp.glob("openpyxl*"))


NESTED = {
    "id": "nested", "version": "1", "default_language": "en",
    "languages": [{"code": "en", "name": "English", "direction": "ltr"}],
    "choice_lists": {"c": [{"name": "a", "label": {"en": "Alpha"}},
                           {"name": "b", "label": {"en": "Beta"}}]},
    "fields": [
        {"name": "title", "type": "text"},
        {"name": "people", "type": "repeat", "children": [
            {"name": "pname", "type": "text"},
            {"name": "events", "type": "repeat", "children": [
                {"name": "what", "type": "select_multiple", "choices": "c"},
                {"name": "when", "type": "date"}]}]}],
}


def test_nested_repeats_link_by_row_path(tmp_path: Path) -> None:
    form = Form.from_dict(NESTED)
    rec = ExportRecord(
        record_id="r1", form_id="nested", form_version="1", status="received", revision=1,
        created_at=1, updated_at=2,
        values={"title": "T", "people": [
            {"pname": "P1", "events": [{"what": ["a"], "when": "2024"},
                                       {"what": ["a", "b"]}]},
            {"pname": "P2"},
            {"pname": "P3", "events": [{"when": "2023-01"}]}]})
    summary = export_records([rec], {"nested": [form]}, "csv", tmp_path / "out")
    assert summary.rows == {"nested": 1, "nested__people": 3, "nested__events": 3}

    def read(name: str) -> list[dict[str, str]]:
        with open(tmp_path / "out" / f"{name}.csv", encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))

    people = read("nested__people")
    events = read("nested__events")
    assert [(p["_row_path"], p["_parent_path"], p["_row_index"], p["pname"])
            for p in people] == [
        ("1", "", "1", "P1"), ("2", "", "2", "P2"), ("3", "", "3", "P3")]
    assert [(x["_row_path"], x["_parent_path"], x["_row_index"], x["what"], x["when"])
            for x in events] == [("1.1", "1", "1", "Alpha", "2024"),
                                 ("1.2", "1", "2", "Alpha; Beta", ""),
                                 ("3.1", "3", "1", "", "2023-01")]
    summary = export_records([rec], {"nested": [form]}, "xlsx", tmp_path / "n.xlsx", raw=True)
    wb = load_workbook(tmp_path / "n.xlsx", read_only=True)
    rows = list(wb["nested__events"].iter_rows(values_only=True))
    assert rows[2][4] == "a b"


def test_sheet_names_fit_excel() -> None:
    names = sheet_names(["a" * 40, "a" * 40 + "x", "b[1]:?", "B[1]:?"])
    assert all(len(v) <= 31 for v in names.values())
    assert len({v.lower() for v in names.values()}) == 4
    assert names["b[1]:?"] == "b_1___"


def test_export_with_no_hq_profile(tmp_path: Path) -> None:
    r = run("--data-dir", tmp_path / "none", "hq", "export", "--format", "csv", "--out",
            tmp_path / "o", passphrase="x")
    assert r.rc == 1 and "no HQ profile" in r.err
