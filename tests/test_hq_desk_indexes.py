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


def test_queue_first_pages_walk_live_cases_in_order(tmp_path: Path) -> None:
    """Each queue's first page is one index walk over live (not merged) cases, in the
    queue's order: no sort of every case, no walk over the merged ones."""
    from intake_app.models import CaseFilter
    from intake_app.store import cases as store_cases

    hq = make_hq(tmp_path)
    try:
        for flt, index in ((CaseFilter(queue="all"), "cases_live_priority"),
                           (CaseFilter(queue="new"), "cases_live_status"),
                           (CaseFilter(queue="closed"), "cases_live_status"),
                           (CaseFilter(queue="overdue"), "cases_live_due"),
                           (CaseFilter(queue="expiring"), "cases_live_expiry"),
                           (CaseFilter(status="triaged", assignee="w"),
                            "cases_live_assignee")):
            where, params, order = store_cases._where(flt, "2026-01-01")
            plan = _plan(hq, f"SELECT c.id FROM cases c WHERE {' AND '.join(where)} "
                             f"ORDER BY {store_cases.ORDERS[order]} LIMIT 50", tuple(params))
            assert index in plan and "TEMP B-TREE" not in plan, (flt.queue, plan)
    finally:
        hq.close()


def test_next_due_refresh_uses_the_follow_up_index_on_postgresql(
        tmp_path: Path, pg_server: object, pg_database: str) -> None:
    """bench_team at 1M records: ``f.case_id = ?1 OR f.case_id IN (...)`` was a
    sequential scan of every follow-up per case the desk's sync touched."""
    from intake_app.store import cases as store_cases

    hq = make_hq(tmp_path, pg_server.store_url(pg_database))  # type: ignore[attr-defined]
    try:
        with hq._store.transaction() as conn:
            conn.execute("SET LOCAL enable_seqscan = off")  # tiny tables: ask for the index
            rows = conn.execute("EXPLAIN " + store_cases.NEXT_DUE, ("C-000001",)).fetchall()
        plan = " / ".join(str(r[0]) for r in rows)
        assert "Seq Scan on case_followups" not in plan, plan
    finally:
        hq.close()
