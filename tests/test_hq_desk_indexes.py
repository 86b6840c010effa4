"""The case desk's lookups at scale are index searches, not table scans
(bench/bench_desk.py: without these, opening cases for 100,000 records was quadratic)."""

from __future__ import annotations

from pathlib import Path

from tests.case_helpers import make_hq


def _plan(hq: object, sql: str, params: tuple[object, ...]) -> str:
    rows = hq._store.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()  # type: ignore[attr-defined]
    return " / ".join(str(r[-1]) for r in rows)


def test_follow_up_and_merged_lookups_use_indexes(tmp_path: Path) -> None:
    hq = make_hq(tmp_path)
    try:
        # store.cases.add_follow_up: the form's follow-up of this record already given?
        plan = _plan(hq, "SELECT 1 FROM case_followups WHERE record_id = ? AND label = ? "
                         "AND due = ?", ("r", "visa", "2026-01-01"))
        assert "INDEX case_followups_record" in plan, plan
        # store.cases.merged_children (case open) and refresh_next_due.
        plan = _plan(hq, "SELECT id FROM cases WHERE merged_into = ? ORDER BY seq", ("C",))
        assert "cases_merged" in plan, plan
    finally:
        hq.close()
