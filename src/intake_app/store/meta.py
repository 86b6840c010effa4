"""The ``meta`` key/value table and the installed ``forms`` table."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from intake_app.store.ids import now_ms

_UPSERT = ("INSERT INTO meta (key, value) VALUES (?, ?) "
           "ON CONFLICT(key) DO UPDATE SET value = excluded.value")


def get_meta(conn: Any, key: str) -> str | None:
    """``conn``: a Database or the connection of an open transaction."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def get_meta_int(conn: Any, key: str, default: int) -> int:
    value = get_meta(conn, key)
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def put_meta(conn: Any, values: Mapping[str, str]) -> None:
    """Insert or replace, inside the caller's transaction."""
    for key, value in values.items():
        conn.execute(_UPSERT, (key, value))


def insert_meta(conn: Any, values: Mapping[str, str]) -> None:
    """Insert keys that must not exist yet (an IntegrityError otherwise)."""
    for key, value in values.items():
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))


def form_definitions(conn: Any) -> Iterator[bytes]:
    for (definition,) in conn.execute("SELECT definition FROM forms").fetchall():
        yield bytes(definition)


def put_form(conn: Any, form_id: str, version: str, definition: bytes) -> None:
    conn.execute(
        "INSERT INTO forms (form_id, version, definition, installed_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(form_id, version) DO UPDATE SET definition = excluded.definition",
        (form_id, version, definition, now_ms()),
    )


def all_meta(conn: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta").fetchall()}
