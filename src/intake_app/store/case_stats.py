"""Aggregates over HQ's case tables for the dashboard and the monthly report
(``intake_app.services.dashboard``). Live (not merged) cases only; counts, no content."""

from __future__ import annotations

from typing import Any


def by_priority(db: Any, *, open_only: bool = True) -> list[tuple[int, str, int]]:
    """(rank, level, cases), most urgent first."""
    where = "merged_into IS NULL" + (" AND status != 'closed'" if open_only else "")
    return [(int(r[0]), str(r[1]), int(r[2])) for r in db.execute(
        f"SELECT priority, priority_level, count(*) FROM cases WHERE {where} "
        "GROUP BY priority, priority_level ORDER BY priority DESC, priority_level")]


def by_status(db: Any) -> dict[str, int]:
    return {str(r[0]): int(r[1]) for r in db.execute(
        "SELECT status, count(*) FROM cases WHERE merged_into IS NULL GROUP BY status")}


def created_since(db: Any, since_ms: int) -> list[int]:
    """created_at of live cases opened since ``since_ms``."""
    return [int(r[0]) for r in db.execute(
        "SELECT created_at FROM cases WHERE merged_into IS NULL AND created_at >= ?",
        (since_ms,))]


def overdue_follow_ups(db: Any, today: str) -> tuple[int, int]:
    """(open follow-ups due before ``today``, live open cases having one)."""
    row = db.execute(
        "SELECT count(*), count(DISTINCT coalesce(c.merged_into, c.id)) "
        "FROM case_followups f JOIN cases c ON c.id = f.case_id "
        "JOIN cases t ON t.id = coalesce(c.merged_into, c.id) "
        "WHERE f.done_at IS NULL AND f.due < ? AND t.status != 'closed'", (today,)).fetchone()
    return int(row[0]), int(row[1])


def expiring(db: Any, today: str, until: str) -> tuple[int, int]:
    """(open cases whose document expired before ``today``, expiring today..``until``)."""
    row = db.execute(
        "SELECT coalesce(sum(CASE WHEN doc_expiry < ? THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN doc_expiry >= ? AND doc_expiry <= ? THEN 1 ELSE 0 END), 0) "
        "FROM cases "
        "WHERE merged_into IS NULL AND status != 'closed' AND doc_expiry IS NOT NULL",
        (today, today, until)).fetchone()
    return int(row[0]), int(row[1])


def province_needs(db: Any) -> list[tuple[str, str]]:
    """(province, needs as stored: ``|a|b|``) of live open cases."""
    return [(str(r[0]), str(r[1])) for r in db.execute(
        "SELECT province, needs FROM cases WHERE merged_into IS NULL AND status != 'closed'")]
