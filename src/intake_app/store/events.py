"""HQ's event log tables: ``hq_events`` (hash-chained) and ``hq_log_checkpoints``.

Only the rows live here; the chain, the hashes and the signatures are
``intake_app.hq.eventlog``'s. Every function runs inside the caller's transaction.
"""

from __future__ import annotations

from typing import Any

# The lock team members' logged reads take too: an entry they add and one appended here
# never get the same id (psycopg-free module).
from intake_app.store.pg.roles import LOG_LOCK


def last_chained(conn: Any) -> tuple[int, str] | None:
    """(id, hash) of the newest chained entry (first step of every append: on PostgreSQL
    it takes the log's lock until the transaction ends)."""
    if getattr(conn, "dialect", "") == "postgresql":
        conn.execute("SELECT pg_advisory_xact_lock(?)", (LOG_LOCK,))
    row = conn.execute(
        "SELECT id, hash FROM hq_events WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def unchained(conn: Any) -> list[tuple[int, int, str, str]]:
    """(id, at, kind, detail text) of entries written before the log was a chain."""
    return [(int(r[0]), int(r[1]), str(r[2]), str(r[3])) for r in conn.execute(
        "SELECT id, at, kind, detail FROM hq_events WHERE hash IS NULL ORDER BY id"
    ).fetchall()]  # fmt: skip


def chain(conn: Any, row_id: int, detail: str, prev: str, entry_hash: str) -> None:
    conn.execute("UPDATE hq_events SET detail = ?, prev = ?, hash = ? WHERE id = ?",
                 (detail, prev, entry_hash, row_id))


def append(conn: Any, seq: int, at: int, kind: str, detail: str, prev: str,
           entry_hash: str) -> None:
    conn.execute(
        "INSERT INTO hq_events (id, at, kind, detail, prev, hash) VALUES (?, ?, ?, ?, ?, ?)",
        (seq, at, kind, detail, prev, entry_hash))


def append_as_member(conn: Any, kind: str, detail: str) -> None:
    """A team member's entry (store.pg.roles.intake_log): unchained, with the login; the
    importer's next append chains it."""
    conn.execute("SELECT intake_log(?, ?::jsonb)", (kind, detail))


def add_checkpoint(conn: Any, size: int, head: str, at: int, document: bytes) -> None:
    conn.execute("INSERT INTO hq_log_checkpoints (size, head, at, document) VALUES (?, ?, ?, ?)",
                 (size, head, at, document))


def entries(conn: Any) -> list[tuple[int, int, str, str, str | None, str | None]]:
    """(id, at, kind, detail text, prev, hash) of every entry, oldest first."""
    return [tuple(r) for r in conn.execute(
        "SELECT id, at, kind, detail, prev, hash FROM hq_events ORDER BY id").fetchall()]


def checkpoints(conn: Any) -> list[tuple[int, bytes]]:
    """(size, signed document) of every checkpoint, oldest first."""
    return [(int(r[0]), bytes(r[1])) for r in conn.execute(
        "SELECT size, document FROM hq_log_checkpoints ORDER BY id").fetchall()]
