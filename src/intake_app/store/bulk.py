"""Many rows into one table in one statement, on both engines (the import and the
desk's sync write a bundle's rows a table at a time).

SQLite: ``executemany`` (a C loop in the same process). PostgreSQL: the rows travel as
one JSON text that ``json_populate_recordset`` turns back into rows of the table's own
type, so a batch is one statement and one round trip, with one parameter to send,
instead of one INSERT per row through psycopg's pipeline (~20 µs of Python per row and
a bind/execute per row on the server). COPY would be cheaper still, but PostgreSQL
refuses COPY FROM into a table with row-level security for a login it applies to (a
team's importer group, store.pg.roles); an INSERT ... SELECT is checked by the same
policies as one row at a time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from intake_app.store import search


def payload(cols: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """The rows as a JSON array of objects keyed by column (``json_populate_recordset``)."""
    return json.dumps([dict(zip(cols, r, strict=True)) for r in rows], ensure_ascii=False,
                      separators=(",", ":"))


def insert(conn: Any, table: str, cols: Sequence[str], rows: Sequence[Sequence[Any]],
           *, returning: str | None = None) -> list[tuple[Any, ...]]:
    """``INSERT INTO table (cols) VALUES ...`` for every row, in order (generated keys in
    that order too); the ``returning`` columns of the new rows (PostgreSQL: as the server
    returns them; SQLite: not supported, returns [])."""
    if not rows:
        return []
    names = ", ".join(cols)
    if not search.is_pg(conn):
        if returning is not None:
            raise ValueError("returning is for PostgreSQL only")
        conn.executemany(f"INSERT INTO {table} ({names}) VALUES "
                         f"({', '.join('?' * len(cols))})", rows)
        return []
    tail = f" RETURNING {returning}" if returning else ""
    res = conn.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM "
                       f"json_populate_recordset(NULL::{table}, CAST(? AS json)) WITH ORDINALITY "
                       f"ORDER BY ordinality{tail}", (payload(cols, rows),))
    return [tuple(r) for r in res.fetchall()] if returning else []
