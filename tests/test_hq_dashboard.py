"""services.dashboard: the figures behind the HQ dashboard and the monthly report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake_app.models import CaseFilter
from intake_app.services.dashboard import week_start
from intake_app.services.hq import HQService
from tests.case_helpers import example, make_hq, seed

TODAY = "2025-07-01"


@pytest.fixture
def hq(tmp_path: Path, hq_backend: str | None) -> Iterator[HQService]:
    svc = make_hq(tmp_path, hq_backend)
    yield svc
    svc.close()


def test_dashboard_counts_equal_the_queues(hq: HQService) -> None:
    seed(hq, [example(),
              example(name_latin="Ali Rezaei", province_of_origin="kabul",
                      needs=["legal_aid"], risk_level="low", document_expiry="2025-07-20"),
              example(name_latin="Zahra Noori", document_expiry=None, needs=["shelter"])],
         at=1_750_000_000_000)  # 2025-06-15 (a Sunday)
    ids = [c.id for c in hq.cases(CaseFilter())]
    hq.set_status(ids[0], "triaged", actor="a", reason="seen")
    hq.set_status(ids[0], "closed", actor="a", reason="done")
    st = hq.dashboard_stats(today=TODAY, weeks=4, within_days=30)
    flt = CaseFilter(today=TODAY)
    assert st.open_cases == hq.count_cases(flt) == 2
    assert st.closed_cases == 1
    assert dict(st.by_status) == {"new": 2, "triaged": 0, "in_progress": 0, "referred": 0,
                                  "closed": 1}
    assert sum(n for _, n in st.by_priority) == 2
    for level, n in st.by_priority:
        assert n == hq.count_cases(CaseFilter(priority=level, today=TODAY))
    assert [w for w, _ in st.new_per_week] == ["2025-06-09", "2025-06-16", "2025-06-23",
                                               "2025-06-30"]
    # A case opens when HQ receives its record (now): this week has all three.
    now = hq.dashboard_stats(weeks=2)
    assert [n for _, n in now.new_per_week] == [0, 3]
    assert now.new_per_week[1][0] == week_start(dt.datetime.now(dt.UTC).date()).isoformat()
    assert st.overdue_cases == hq.count_cases(CaseFilter(queue="overdue", today=TODAY))
    assert st.overdue_follow_ups >= st.overdue_cases
    open_ids = {c.id for c in hq.cases(flt)}
    expired = [c for c in hq.cases(flt) if c.doc_expiry and c.doc_expiry < TODAY]
    assert st.expired_documents == len(expired)
    assert st.expiring_documents == 1  # 2025-07-20, within 30 days
    assert st.expired_documents + st.expiring_documents == hq.count_cases(
        CaseFilter(queue="expiring", today=TODAY))
    needs = {(p, n): c for p, n, c in st.needs_by_province}
    assert needs[("kabul", "legal_aid")] == 1
    assert sum(c for (p, _), c in needs.items() if p == "herat") == sum(
        len(c.needs) for c in hq.cases(flt) if c.id in open_ids and c.province == "herat")


def test_a_merged_case_counts_once(hq: HQService) -> None:
    seed(hq, [example(), example()])
    a, b = (c.id for c in hq.cases(CaseFilter()))
    before = hq.dashboard_stats(today=TODAY)
    hq.merge(a, b, actor="a", reason="same person")
    after = hq.dashboard_stats(today=TODAY)
    assert (before.open_cases, after.open_cases) == (2, 1)
    assert after.overdue_cases == 1 and after.overdue_follow_ups == before.overdue_follow_ups
