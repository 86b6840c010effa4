"""The monthly report (services.report, hq.monthly, gui.report_pdf, intake hq report):
the dashboard's numbers, statistics consent, small-cell suppression, the event log,
HTML with inline SVG charts and a PDF whose Dari text is shaped."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake_app.errors import ConsentRefused, UsageError
from intake_app.models import CaseFilter
from intake_app.services.hq import HQService
from tests.case_helpers import PASS, example, make_hq, seed
from tests.cli_helpers import run
from tests.pdf_text import page_texts

MONTH = dt.datetime.now(dt.UTC).strftime("%Y-%m")  # cases open when the desk reads them


def _seed(svc: HQService) -> HQService:
    # kabul 7 (legal aid), balkh 6 (medical), herat 3 (shelter): herat is under k=5,
    # balkh the next smallest (complementary suppression).
    recs = [example(name_latin=f"Person {i}", province_of_origin=p, needs=[n])
            for i, (p, n) in enumerate([("kabul", "legal_aid")] * 7 + [("balkh", "medical")]
                                       * 6 + [("herat", "shelter")] * 3)]
    seed(svc, recs)
    ids = [c.id for c in svc.cases(CaseFilter(), limit=100)]
    for cid in ids[:2]:
        svc.set_status(cid, "triaged", actor="lead", reason="seen")
    return svc


@pytest.fixture
def hq(tmp_path: Path, hq_backend: str | None) -> Iterator[HQService]:
    svc = _seed(make_hq(tmp_path, hq_backend))
    yield svc
    svc.close()


def _table(page: str, name: str) -> list[list[str]]:
    body = page.split(f'data-table="{name}">', 1)[1].split("</table>", 1)[0]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in body.split("<tr>")[2:]]


def _section(page: str, title: str) -> str:
    return page.split(f"<h2>{title}</h2>", 1)[1].split("<h2>", 1)[0]


def test_html_has_the_service_numbers_and_suppresses_small_cells(hq: HQService) -> None:
    rep = hq.monthly_report(MONTH, actor="lead")
    st = hq.dashboard_stats(today=rep.as_of)
    assert rep.k == 5 and rep.cases == 16 and rep.excluded_cases == 0
    page = rep.html
    assert _table(page, "by_priority") == [[lvl, str(n)] for lvl, n in st.by_priority]
    # new 14, triaged 2: triaged is under k, and new goes with it (14 = 16 - 2).
    assert dict(st.by_status)["triaged"] == 2
    assert _table(page, "by_status")[:2] == [["New", "&lt;5"], ["Triaged", "&lt;5"]]
    assert ["Closed", "0"] in _table(page, "by_status")  # zeros disclose no one
    weeks = _table(page, "new_per_week")
    assert weeks[-1][1] == "16"  # all opened this week (when the desk read them)
    needs = _table(page, "needs_by_province")
    assert {n[0]: n[2] for n in needs} == {"Kabul": "7", "Balkh": "&lt;5", "Herat": "&lt;5"}
    grid = _section(page, "Open cases&#x27; needs by province")
    shown = re.findall(r">([^<>]+)</text>", grid.split("<table", 1)[0])
    assert "7" in shown and "3" not in shown and "6" not in shown  # nor in the chart
    # A suppressed bar is drawn at a fixed size: its length tells nothing.
    status = _section(page, "Cases by status").split("<table", 1)[0]
    assert status.count('width="12"') == 2
    assert "<script" not in page and "Person 1" not in page


def test_month_bounds_and_k(hq: HQService) -> None:
    with pytest.raises(UsageError):
        hq.monthly_report("2025-13", actor="lead")
    with pytest.raises(UsageError):
        hq.monthly_report("2999-01", actor="lead")
    with pytest.raises(UsageError):
        hq.monthly_report(MONTH, actor="lead", k=1)
    rep = hq.monthly_report(MONTH, actor="lead", k=2)
    assert _table(rep.html, "by_status")[:2] == [["New", "14"], ["Triaged", "2"]]
    past = hq.monthly_report("2025-06", actor="lead", today=dt.date(2026, 1, 5))
    assert past.as_of == "2025-06-30"
    assert past.tables[2].cells[0].key == "2025-05-26"  # a Monday


def test_statistics_consent_refuses_or_leaves_out_and_is_logged(hq: HQService) -> None:
    seed(hq, [example(name_latin="No Stats", consent_statistics=False)])
    with pytest.raises(ConsentRefused, match="statistics refused"):
        hq.monthly_report(MONTH, actor="lead")
    refused = [e.detail for e in hq.log_entries() if e.kind == "consent-refused"]
    assert refused[-1]["what"] == "report" and refused[-1]["purpose"] == "statistics"
    rep = hq.monthly_report(MONTH, actor="lead", only_consenting=True)
    assert rep.cases == 16 and rep.excluded_cases == 1
    logged = [e.detail for e in hq.log_entries() if e.kind == "report-monthly"]
    assert logged[-1] == {"month": MONTH, "by": "lead", "k": 5, "cases": 16,
                          "excluded_cases": 1}


def test_cli_pdf_has_the_text_shaped_and_html_json(tmp_path: Path) -> None:
    _seed(make_hq(tmp_path)).close()
    base = ("--data-dir", str(tmp_path / "hq"), "hq", "report", "--month", MONTH,
            "--as", "lead")
    r = run(*base, "--out", tmp_path / "r.pdf", "--lang", "fa-AF", "--json",
            passphrase=PASS)
    assert r.rc == 0, r.err
    assert r.json()["cases"] == 16
    data = (tmp_path / "r.pdf").read_bytes()
    assert data.startswith(b"%PDF-1.") and data.rstrip().endswith(b"%%EOF")
    assert (tmp_path / "r.pdf").stat().st_mode & 0o777 == 0o600
    text = "".join(page_texts(data))
    flat = unicodedata.normalize("NFKC", "".join(text.split()))
    assert f"Monthlyreport{MONTH}" in flat and "Casescounted16" in flat
    kabul, legal = "کابل", "کمکحقوقی"  # the form's Dari labels
    assert kabul in flat or kabul[::-1] in flat
    assert legal in flat or legal[::-1] in flat
    # Shaped: joined letters are drawn as their contextual forms (presentation forms).
    assert any("\ufb50" <= ch <= "\ufeff" for ch in text)
    assert "\u0628\u0644\u062e" in flat or "balkh" in flat  # بلخ
    r = run(*base, "--out", tmp_path / "r.html", passphrase=PASS)
    assert r.rc == 0 and "<svg" in (tmp_path / "r.html").read_text(encoding="utf-8")
    r = run(*base, "--out", tmp_path / "r.txt", passphrase=PASS)
    assert r.rc == 2 and "FILE.html or FILE.pdf" in r.err and "Traceback" not in r.err
    assert not (tmp_path / "r.txt").exists()


def test_follow_ups_of_fewer_than_k_cases_are_hidden(tmp_path: Path) -> None:
    hq = make_hq(tmp_path)
    try:
        seed(hq, [example()] * 3)  # the example's form gives each several follow-ups
        rep = hq.monthly_report(MONTH, actor="lead")
        assert rep.cases is None  # 3 < k
        rows = dict(map(tuple, _table(rep.html, "follow_ups")))
        assert rows["Follow-ups past due"] == rows["Open cases with a follow-up past due"] \
            == "&lt;5"
    finally:
        hq.close()
