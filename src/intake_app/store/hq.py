"""HQ's tables: its keys, enrolled devices, received bundles and record sources."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from intake_app.store.backend import Store
from intake_app.store.ids import now_ms
from intake_app.store.pg import roles as pg_roles

# -- keys ----------------------------------------------------------------------------


def add_key(conn: Any, purpose: str, label: str, secret: bytes | None, public_hex: str, *,
            created_at: int, retired_at: int | None = None) -> None:
    conn.execute(
        "INSERT INTO hq_keys (purpose, label, secret, public_hex, created_at, retired_at) "
        "VALUES (?, ?, ?, ?, ?, ?)", (purpose, label, secret, public_hex, created_at, retired_at))


def keys_with_secrets(db: Store) -> list[tuple[str, str, bytes, str, int, int | None]]:
    """(purpose, label, secret, public_hex, created_at, retired_at) of each key whose
    secret this store holds, oldest first."""
    return [(str(r[0]), str(r[1]), bytes(r[2]), str(r[3]), int(r[4]), r[5]) for r in db.execute(
        "SELECT purpose, label, secret, public_hex, created_at, retired_at FROM hq_keys "
        "WHERE secret IS NOT NULL ORDER BY id").fetchall()]  # fmt: skip


def public_keys(db: Store) -> set[str]:
    return {str(r[0]) for r in db.execute("SELECT public_hex FROM hq_keys")}


def drop_secrets(conn: Any) -> None:
    """Only the public halves stay (a team HQ's PostgreSQL store)."""
    conn.execute("UPDATE hq_keys SET secret = NULL WHERE secret IS NOT NULL")


def signing_secret(db: Store) -> bytes | None:
    row = db.execute(
        "SELECT secret FROM hq_keys WHERE purpose = 'signing' AND retired_at IS NULL "
        "ORDER BY id DESC LIMIT 1").fetchone()  # fmt: skip
    return None if row is None else bytes(row[0])


def signing_public(db: Store) -> str | None:
    """Hex of HQ's current signing public key (what a team member's login may read)."""
    row = db.execute(
        "SELECT public_hex FROM hq_keys WHERE purpose = 'signing' AND retired_at IS NULL "
        "ORDER BY id DESC LIMIT 1").fetchone()  # fmt: skip
    return None if row is None else str(row[0])


def recipient_secrets(db: Store) -> list[tuple[str, bytes, int | None]]:
    """(label, secret, retired_at) of every recipient key, retired ones too, oldest first."""
    return [(str(r[0]), bytes(r[1]), r[2]) for r in db.execute(
        "SELECT label, secret, retired_at FROM hq_keys WHERE purpose = 'recipient' "
        "ORDER BY id").fetchall()]  # fmt: skip


def active_recipients(db: Store) -> list[tuple[str, str]]:
    """(label, public key hex) of the recipient keys new bundles are sealed to."""
    return [(r[0], r[1]) for r in db.execute(
        "SELECT label, public_hex FROM hq_keys WHERE purpose = 'recipient' AND "
        "retired_at IS NULL ORDER BY id").fetchall()]  # fmt: skip


# -- devices -------------------------------------------------------------------------


def device_row(db: Store, device_id: str) -> tuple[str, str, str, int, int | None] | None:
    """(device_id, label, public_hex, enrolled_at, revoked_at) or None."""
    row = db.execute(
        "SELECT device_id, label, public_hex, enrolled_at, revoked_at FROM devices "
        "WHERE device_id = ?", (device_id,)).fetchone()  # fmt: skip
    return None if row is None else (row[0], row[1], row[2], row[3], row[4])


def device_with_key(db: Store, public_hex: str) -> str | None:
    row = db.execute("SELECT device_id FROM devices WHERE public_hex = ?",
                     (public_hex,)).fetchone()
    return None if row is None else str(row[0])


def add_device(conn: Any, device_id: str, public_hex: str, label: str, enrolled_at: int,
               revoked_at: int | None = None) -> None:
    conn.execute(
        "INSERT INTO devices (device_id, public_hex, label, enrolled_at, revoked_at) "
        "VALUES (?, ?, ?, ?, ?)", (device_id, public_hex, label, enrolled_at, revoked_at))


def revoke_device(conn: Any, device_id: str) -> None:
    conn.execute("UPDATE devices SET revoked_at = ? WHERE device_id = ?",
                 (now_ms(), device_id))


def device_rows(db: Store) -> list[tuple[str, str, str, int, int | None]]:
    """Every device as in ``device_row``, by id."""
    return [(r[0], r[1], r[2], r[3], r[4]) for r in db.execute(
        "SELECT device_id, label, public_hex, enrolled_at, revoked_at FROM devices "
        "ORDER BY device_id").fetchall()]  # fmt: skip


# -- received bundles ----------------------------------------------------------------


def received_sequences(db: Store, device_id: str) -> list[int]:
    return [int(r[0]) for r in db.execute(
        "SELECT seq FROM received_bundles WHERE device_id = ? ORDER BY seq", (device_id,))]


def known_chains(db: Store) -> dict[str, list[tuple[int, str]]]:
    """{device id: [(sequence, statement hash), ...]} of every bundle received."""
    known: dict[str, list[tuple[int, str]]] = {}
    for dev, seq, h in db.execute("SELECT device_id, seq, statement_hash FROM received_bundles"):
        known.setdefault(dev, []).append((seq, h))
    return known


def received_prev(db: Store, device_id: str, seq: int) -> str | None:
    row = db.execute("SELECT prev FROM received_bundles WHERE device_id = ? AND seq = ?",
                     (device_id, seq)).fetchone()
    return None if row is None else str(row[0])


def received_hash_in(conn: Any, device_id: str, seq: int) -> str | None:
    """Inside an import's transaction: the statement hash already received, if any."""
    row = conn.execute("SELECT statement_hash FROM received_bundles WHERE device_id = ? "
                       "AND seq = ?", (device_id, seq)).fetchone()
    return None if row is None else str(row[0])


def add_received(conn: Any, *, device_id: str, seq: int, statement_hash: str, prev: str,
                 size: int, record_count: int, created_at: int) -> None:
    conn.execute(
        "INSERT INTO received_bundles (device_id, seq, statement_hash, prev, size, "
        "record_count, created_at, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (device_id, seq, statement_hash, prev, size, record_count, created_at, now_ms()))


def sending_devices(db: Store) -> list[str]:
    return [str(r[0]) for r in db.execute(
        "SELECT DISTINCT device_id FROM received_bundles ORDER BY device_id")]


def receipt_entries(db: Store, device_id: str) -> list[tuple[int, str]]:
    return [(int(r[0]), str(r[1])) for r in db.execute(
        "SELECT seq, statement_hash FROM received_bundles WHERE device_id = ? ORDER BY seq",
        (device_id,))]


# -- records as HQ holds them (exports) ----------------------------------------------


def form_versions_in_use(db: Store, form_id: str | None) -> list[tuple[str, str]]:
    sql = "SELECT DISTINCT form_id, form_version FROM records"
    return [(str(r[0]), str(r[1])) for r in db.execute(
        sql + (" WHERE form_id = ?" if form_id else ""),
        (form_id,) if form_id else ()).fetchall()]


def record_count(db: Store, form_id: str | None) -> int:
    return int(db.execute(
        "SELECT count(*) FROM records" + (" WHERE form_id = ?" if form_id else ""),
        (form_id,) if form_id else ()).fetchone()[0])


def record_ids(db: Store, form_id: str | None) -> list[str]:
    return [str(r[0]) for r in db.execute(
        "SELECT id FROM records" + (" WHERE form_id = ?" if form_id else "")
        + " ORDER BY form_id, created_at, id", (form_id,) if form_id else ())]


def export_rows(db: Store, form_id: str | None) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """(record id, ``export_row``) of every record of ``form_id`` (None: all), in export
    order. A team member's export is one logged read (store.pg.roles)."""
    if pg_roles.reads_logged(db):
        for row in pg_roles.export_rows(db, form_id):
            yield str(row[0]), tuple(row[1:])
        return
    for rid in record_ids(db, form_id):
        one = export_row(db, rid)
        if one is not None:
            yield rid, one


def export_row(db: Store, record_id: str) -> tuple[Any, ...] | None:
    """(form_id, form_version, status, current_rev, created_at, updated_at, data,
    device_id, seq) of the record's current revision and the bundle that brought it."""
    row = db.execute(
        "SELECT c.form_id, c.form_version, c.status, c.current_rev, c.created_at, "
        "c.updated_at, r.data, s.device_id, s.seq FROM records c "
        "JOIN revisions r ON r.record_id = c.id AND r.rev = c.current_rev "
        "LEFT JOIN record_sources s ON s.record_id = c.id AND s.rev = c.current_rev "
        "WHERE c.id = ?", (record_id,)).fetchone()
    return None if row is None else tuple(row)


