"""Consent enforced per purpose on every referral and export; refusals are logged."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from intake_app.errors import ConsentRefused, UsageError
from intake_app.forms import Form
from intake_app.hq.purpose import statistics, suppress
from intake_app.models import CaseFilter
from intake_app.services.hq import HQService
from tests.case_helpers import PASS, example, make_hq, seed
from tests.cli_helpers import run


@pytest.fixture
def hq(tmp_path: Path, hq_backend: str | None) -> HQService:
    svc = make_hq(tmp_path, hq_backend)
    yield svc
    svc.close()


def case_of(hq: HQService, rid: str) -> str:
    for c in hq.cases(CaseFilter(queue="new"), limit=1000):
        if rid in [r.id for r in hq.case(c.id).records]:
            return c.id
    raise AssertionError(rid)


def refusals(hq: HQService) -> list[dict[str, object]]:
    return [e.detail for e in hq.log_entries() if e.kind == "consent-refused"]


def test_referral_carries_only_the_templates_fields(hq: HQService, tmp_path: Path) -> None:
    (rid,) = seed(hq, [example(consent_refer_partners=True)])
    cid = case_of(hq, rid)
    hq.triage(cid, actor="lead", reason="ok")
    out = tmp_path / "ref.jsonl"
    ref = hq.refer(cid, "Legal aid partner", "legal_aid", actor="lead", reason="visa",
                   out=out)
    assert ref.records == (rid,)
    pkg = json.loads(out.read_text(encoding="utf-8"))
    vals = pkg["records"][0]["values"]
    assert vals["name_latin"] == "Maryam Ahmadi"
    for hidden in ("narrative", "threats", "code_word", "consent_notes", "organisation",
                   "pk_district", "family_at_risk"):
        assert hidden not in vals, hidden
    assert set(vals) <= set(hq.casework("hrd_intake", "2025.2").referral_fields)
    assert hq.case(cid).summary.status == "referred"
    assert out.stat().st_mode & 0o077 == 0
    log = next(e.detail for e in hq.log_entries() if e.kind == "case-refer")
    assert log["records"] == 1 and "Legal aid" not in json.dumps(log)


@pytest.mark.parametrize("answer", [False, None])
def test_referral_without_consent_is_refused_and_logged(hq: HQService, tmp_path: Path,
                                                         answer: bool | None) -> None:
    (rid,) = seed(hq, [example(consent_refer_partners=answer)])
    cid = case_of(hq, rid)
    out = tmp_path / "ref.jsonl"
    with pytest.raises(ConsentRefused, match="consent_refer_partners"):
        hq.refer(cid, "Shelter", "shelter", actor="lead", reason="needs shelter", out=out)
    assert not out.exists()
    assert hq.case(cid).referrals == ()
    (r,) = refusals(hq)
    assert r["purpose"] == "referral" and r["cases"] == [cid] and r["records"] == 1
    assert hq.case(cid).history[-1].action == "refer-refused"


def test_referral_of_a_merged_case_leaves_out_the_non_consenting_interview(
        hq: HQService) -> None:
    a, b = seed(hq, [example(consent_refer_partners=True),
                     example(consent_refer_partners=False)])
    ca, cb = case_of(hq, a), case_of(hq, b)
    hq.merge(ca, cb, actor="analyst", reason="same person")
    ref = hq.refer(ca, "Medical", "medical", actor="lead", reason="x")
    assert ref.records == (a,)
    assert b not in json.dumps(hq.referral_package(ca))


@pytest.mark.parametrize("purpose,field", [("referral", "consent_refer_partners"),
                                           ("advocacy", "consent_advocacy"),
                                           ("statistics", "consent_statistics")])
def test_an_export_that_would_include_a_non_consenting_record_is_refused(
        hq: HQService, tmp_path: Path, purpose: str, field: str) -> None:
    seed(hq, [example(**{field: True}) for _ in range(6)] + [example(**{field: False})])
    out = tmp_path / "out"
    with pytest.raises(ConsentRefused, match=field):
        hq.export_purpose(purpose, out, actor="lead")
    assert not out.exists()
    (r,) = refusals(hq)
    assert r["purpose"] == purpose and r["records"] == 1 and r["what"] == "export"
    res = hq.export_purpose(purpose, out, actor="lead", only_consenting=True)
    assert (res.records, res.excluded) == (6, 1)
    e = [x.detail for x in hq.log_entries() if x.kind == "export-purpose"][-1]
    assert (e["purpose"], e["records"], e["excluded"]) == (purpose, 6, 1)


def test_advocacy_export_has_no_names_or_ids(hq: HQService, tmp_path: Path) -> None:
    seed(hq, [example(consent_advocacy=True)])
    out = tmp_path / "adv.jsonl"
    hq.export_purpose("advocacy", out, actor="lead")
    text = out.read_text(encoding="utf-8")
    for secret in ("Maryam", "مریم", "+92", "Herat women", "signal", "record_id", "C-0"):
        assert secret not in text, secret
    row = json.loads(text)
    assert row["values"]["threats"][0]["act_type"]


def test_statistics_are_aggregated_with_small_cells_suppressed(hq: HQService,
                                                              tmp_path: Path) -> None:
    seed(hq, [example(province_of_origin="herat")] * 7 +
         [example(province_of_origin="kabul")] * 6 +
         [example(province_of_origin="balkh")] * 2)
    out = tmp_path / "stats"
    res = hq.export_purpose("statistics", out, actor="lead")
    assert res.k == 5
    with open(out / "province_of_origin.csv", encoding="utf-8-sig") as fh:
        rows = {r["value"]: r["count"] for r in csv.DictReader(fh)}
    assert rows["herat"] == "7" and rows["kabul"] == "<5" and rows["balkh"] == "<5"
    # Kabul (6) is suppressed too: otherwise 15 - 7 - 6 would give Balkh's 2 back.
    everything = "".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    assert "Maryam" not in everything and "C-0" not in everything
    for p in out.glob("*.csv"):
        for row in csv.reader(p.read_text(encoding="utf-8-sig").splitlines()[1:]):
            assert row[1].startswith("<") or int(row[1]) >= 5, (p.name, row)
    with pytest.raises(UsageError):
        hq.export_purpose("statistics", out, actor="lead", k=1)
    hq.set_statistics_k(10, actor="lead")
    res = hq.export_purpose("statistics", tmp_path / "s10", actor="lead")
    assert res.k == 10


def test_suppression_rules() -> None:
    assert suppress({"a": 9, "b": 3}, 5) == [("a", None), ("b", None)]
    assert suppress({"a": 9, "b": 6, "c": 3}, 5) == [("a", 9), ("b", None), ("c", None)]
    assert suppress({"a": 9, "b": 3, "c": 2}, 5) == [("a", 9), ("b", None), ("c", None)]
    s = statistics([{"g": "w"}] * 4, ["g"], 5)
    assert s["people"] is None and s["tables"]["g"] == [("w", None)]


def test_consent_field_comes_from_the_form_not_a_hard_coded_name(hq: HQService,
                                                                tmp_path: Path) -> None:
    """A form that keeps referral consent in another field drives the desk the same."""
    form = json.loads(hq.registry().get("hrd_intake", "2025.2").canonical_json())
    form["id"] = "other_intake"
    form["metadata"]["casework"]["consent"]["referral"] = "consent_legal"
    hq.install_form(Form.from_dict(form))
    from intake_app.store.received import store_revision
    from tests.case_helpers import Rev

    with hq._store.transaction() as conn:
        store_revision(conn, Rev("r-other", "other_intake", "2025.2", 1, 1, 1, example(
            consent_refer_partners=False, consent_legal=True)), "dev-1", 1)
    hq._sync_cases()
    cid = case_of(hq, "r-other")
    assert hq.refer(cid, "p", "legal_aid", actor="lead", reason="x").records == ("r-other",)


def test_cli_export_purpose_and_refer(tmp_path: Path) -> None:
    svc = make_hq(tmp_path)
    seed(svc, [example(consent_refer_partners=False)])
    cid = svc.cases(limit=1)[0].id
    svc.close()

    def h(*argv: object) -> tuple[int, str, str]:
        r = run("--data-dir", tmp_path / "hq", "hq", *argv, passphrase=PASS)
        return r.rc, r.out, r.err

    rc, _, err = h("export", "--purpose", "referral", "--out", tmp_path / "r.jsonl",
                   "--as", "lead")
    assert rc == 1 and "referral refused" in err and "Traceback" not in err
    assert not (tmp_path / "r.jsonl").exists()
    rc, _, err = h("cases", "refer", cid, "--partner", "X", "--need", "medical",
                   "--as", "lead", "--reason", "r")
    assert rc == 1 and "consent_refer_partners = no" in err
    rc, out, err = h("export", "--purpose", "statistics", "--out", tmp_path / "st",
                     "--as", "lead", "--json")
    assert rc == 0, err
    assert json.loads(out)["k"] == 5
    rc, _, err = h("export", "--out", tmp_path / "x")
    assert rc == 2 and "--format" in err


def test_uwazi_csv_is_consent_bound(hq: HQService, tmp_path: Path) -> None:
    seed(hq, [example(consent_advocacy=True), example(consent_advocacy=False)])
    out = tmp_path / "uwazi.csv"
    with pytest.raises(ConsentRefused):
        hq.export_purpose("advocacy", out, actor="lead", fmt="uwazi")
    hq.export_purpose("advocacy", out, actor="lead", fmt="uwazi", only_consenting=True)
    with open(out, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "advocacy 1" and "Maryam" not in out.read_text(encoding="utf-8")
    assert "|" in row["threats_act_type"]  # multi-values joined with '|'
    assert set(row) == {"title", *(f.replace(".", "_") for f in
                                   hq.casework("hrd_intake", "2025.2").advocacy_fields)}
    ref = tmp_path / "ref.csv"
    seed(hq, [example(consent_refer_partners=True, name_latin="Ali Rezaei")])
    cid = next(c.id for c in hq.search_cases("Rezaei"))
    hq.export_purpose("referral", ref, actor="lead", fmt="uwazi", case_ids=[cid])
    assert "Ali Rezaei" in ref.read_text(encoding="utf-8")
