"""Aggregates over HQ's case tables for the dashboard and the monthly report
(``intake_app.services.dashboard``). Live (not merged) cases only; counts, no content.

``skip``: case ids left out (the monthly report's cases without statistics consent),
bound as one JSON array so any number fits in one parameter (SQLite's ``json_each``,
PostgreSQL's ``json_array_elements_text``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from intake_app.store.search import is_pg


def _not_in(db: Any, col: str) -> str:
    if is_pg(db):
        return f" AND {col} NOT IN (SELECT json_array_elements_text(CAST(? AS json)))"
    return f" AND {col} NOT IN (SELECT value FROM json_each(?))"


def _skip(skip: Sequence[str]) -> str:
    return json.dumps(list(skip))


def by_priority(db: Any, *, open_only: bool = True,
                skip: Sequence[str] = ()) -> list[tuple[int, str, int]]:
    """(rank, level, cases), most urgent first."""
    where = "merged_into IS NULL" + (" AND status != 'closed'" if open_only else "")
    return [(int(r[0]), str(r[1]), int(r[2])) for r in db.execute(
        f"SELECT priority, priority_level, count(*) FROM cases WHERE {where}"
        + _not_in(db, "id") + " GROUP BY priority, priority_level "
        "ORDER BY priority DESC, priority_level", (_skip(skip),))]


def by_status(db: Any, skip: Sequence[str] = ()) -> dict[str, int]:
    return {str(r[0]): int(r[1]) for r in db.execute(
        "SELECT status, count(*) FROM cases WHERE merged_into IS NULL"
        + _not_in(db, "id") + " GROUP BY status", (_skip(skip),))}


def created_since(db: Any, since_ms: int, skip: Sequence[str] = ()) -> list[int]:
    """created_at of live cases opened since ``since_ms``."""
    return [int(r[0]) for r in db.execute(
        "SELECT created_at FROM cases WHERE merged_into IS NULL AND created_at >= ?"
        + _not_in(db, "id"), (since_ms, _skip(skip)))]


def overdue_follow_ups(db: Any, today: str, skip: Sequence[str] = ()) -> tuple[int, int]:
    """(open follow-ups due before ``today``, live open cases having one)."""
    row = db.execute(
        "SELECT count(*), count(DISTINCT coalesce(c.merged_into, c.id)) "
        "FROM case_followups f JOIN cases c ON c.id = f.case_id "
        "JOIN cases t ON t.id = coalesce(c.merged_into, c.id) "
        "WHERE f.done_at IS NULL AND f.due < ? AND t.status != 'closed'"
        + _not_in(db, "t.id"), (today, _skip(skip))).fetchone()
    return int(row[0]), int(row[1])


def expiring(db: Any, today: str, until: str, skip: Sequence[str] = ()) -> tuple[int, int]:
    """(open cases whose document expired before ``today``, expiring today..``until``)."""
    row = db.execute(
        "SELECT coalesce(sum(CASE WHEN doc_expiry < ? THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN doc_expiry >= ? AND doc_expiry <= ? THEN 1 ELSE 0 END), 0) "
        "FROM cases "
        "WHERE merged_into IS NULL AND status != 'closed' AND doc_expiry IS NOT NULL"
        + _not_in(db, "id"), (today, today, until, _skip(skip))).fetchone()
    return int(row[0]), int(row[1])


def province_needs(db: Any, skip: Sequence[str] = ()) -> list[tuple[str, str]]:
    """(province, needs as stored: ``|a|b|``) of live open cases."""
    return [(str(r[0]), str(r[1])) for r in db.execute(
        "SELECT province, needs FROM cases WHERE merged_into IS NULL AND status != 'closed'"
        + _not_in(db, "id"), (_skip(skip),))]
