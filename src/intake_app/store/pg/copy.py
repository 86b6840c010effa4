"""Copying an embedded (SQLCipher) HQ store into a fresh PostgreSQL one, resumably.

Every table is copied in key order, one batch per PostgreSQL transaction; the same
transaction moves the table's row in ``hq_migrate_state`` (the last key copied, the rows
so far and a digest of them), so a kill at any point loses at most the batch in flight
and the next run continues after the last committed one. The target carries no ``kind``
and no store id until ``finish`` (one transaction that also drops the state table):
until then a profile refuses to open it and ``intake hq init`` refuses to use it.

The digest is the sum (mod 2^256) of BLAKE2b over each source row's ``repr``: the same
whatever the batch boundaries, so before finishing the source is read once more and a
table that changed while the migration was interrupted (a later import) is noticed.

``hq_keys`` goes without its secrets (NULL): HQ's private keys stay in the importer's
profile (services.hq_backend), never on the server. Rows keep their keys
(``records.seq`` is the search index's rowid, ``hq_events.id`` the log's sequence): the
identity sequences are moved past them at the end. Blob-file chunks (embedded schema 9)
become one object each in the team's bucket when there is one, else ``bytea`` rows; the
search index is rebuilt from FTS5's folded text with the lexemes ``store.search``
computes, as an import on PostgreSQL writes them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from intake_app.store import blobs
from intake_app.store.attachments import _stored, stored_chunks
from intake_app.store.backend import Store
from intake_app.store.pg.db import PgConnection, PgDatabase
from intake_app.store.pg.migrations import TABLES
from intake_app.store.search import lexemes

STATE = "hq_migrate_state"
HEADER = "*"
BATCH_ROWS = 2000
BATCH_CHUNKS = 8  # attachments (with all their chunks) per transaction
_MOD = 1 << 256
# Meta keys that belong to one store only, never copied: what ``finish`` writes itself,
# the profile's pointer to its database, and the blob-file naming secret (no files here).
SKIP_META = ("kind", "hq.store_id", "hq.database", "blob_name_key")

# (table, key columns in the source): rowid for rowid tables, the primary key for the
# WITHOUT ROWID ones. Parents before children (foreign keys).
PLAN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("meta", ("rowid",)), ("forms", ("rowid",)), ("hq_keys", ("rowid",)),
    ("devices", ("rowid",)), ("received_bundles", ("rowid",)), ("records", ("rowid",)),
    ("revisions", ("rowid",)), ("record_sources", ("record_id", "rev")),
    ("attachments", ("rowid",)), ("attachment_chunks", ("rowid",)),
    ("records_fts", ("rowid",)), ("outbox", ("rowid",)), ("bundle_records", ("seq", "record_id")),
    ("hq_events", ("rowid",)), ("hq_log_checkpoints", ("rowid",)), ("cases", ("rowid",)),
    ("case_records", ("record_id",)), ("case_notes", ("rowid",)),
    ("case_followups", ("rowid",)), ("case_referrals", ("rowid",)),
    ("case_history", ("rowid",)), ("person_keys", ("record_id",)),
    ("person_blocks", ("key", "record_id")), ("case_not_duplicates", ("rowid",)),
)
# Identity columns whose sequences must pass the copied keys.
IDENTITY = (("records", "seq"), ("outbox", "seq"), ("hq_keys", "id"), ("hq_events", "id"),
            ("hq_log_checkpoints", "id"), ("cases", "seq"), ("case_notes", "id"),
            ("case_followups", "id"), ("case_referrals", "id"), ("case_history", "id"))


def step(point: str) -> None:
    """Called at every point a kill can fall between (tests/migrate_kill.py counts them)."""


@dataclass(frozen=True)
class TargetState:
    """What the target database holds: ``empty``, ``copying`` (a migration of ``hq_id``
    under way), ``done`` (a finished HQ store of ``hq_id``) or ``other`` (anything else)."""

    state: str
    hq_id: str = ""
    store_id: str = ""
    blobs: str | None = None  # the bucket the attachments went to (``copying``, ``done``)


def _has_state(pg: PgDatabase) -> bool:
    return pg.execute("SELECT to_regclass(?)", (STATE,)).fetchone()[0] is not None


def target_state(pg: PgDatabase) -> TargetState:
    meta = {str(k): str(v) for k, v in pg.execute("SELECT key, value FROM meta").fetchall()}
    if _has_state(pg):
        row = pg.execute(f"SELECT cursor FROM {STATE} WHERE tbl = ?", (HEADER,)).fetchone()
        head = json.loads(row[0]) if row else {}
        return TargetState("copying", str(head.get("hq_id", "")), str(head.get("store_id", "")),
                           head.get("blobs"))
    if meta.get("kind") == "hq" and "hq.migrated_from" in meta:
        return TargetState("done", meta.get("hq_id", ""), meta.get("hq.store_id", ""),
                           json.loads(meta["hq.migrated_from"]).get("blobs"))
    if meta or any(pg.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() for t in TABLES):
        return TargetState("other", meta.get("hq_id", ""))
    return TargetState("empty")


def begin(pg: PgDatabase, hq_id: str, store_id: str, blobs: str | None) -> None:
    with pg.transaction() as conn:
        conn.raw.execute(f"""CREATE TABLE {STATE} (tbl text PRIMARY KEY, cursor text,
            done bigint NOT NULL DEFAULT 0, rows bigint NOT NULL DEFAULT 0,
            digest text NOT NULL DEFAULT '0')""")
        conn.execute(f"INSERT INTO {STATE} (tbl, cursor) VALUES (?, ?)",
                     (HEADER, json.dumps({"hq_id": hq_id, "store_id": store_id,
                                          "blobs": blobs})))
        for table, _key in PLAN:
            conn.execute(f"INSERT INTO {STATE} (tbl) VALUES (?)", (table,))


def restart(pg: PgDatabase) -> None:
    """Empty the target (a migration's own half-copy, never a finished store) and start
    over: TRUNCATE, which the append-only triggers (row DELETE) do not stop."""
    with pg.transaction() as conn:
        conn.raw.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
        conn.raw.execute(f"DROP TABLE IF EXISTS {STATE}")


# -- reading the source ---------------------------------------------------------------


def _columns(src: Store, table: str) -> list[str]:
    if table == "records_fts":
        return ["rowid", "body"]
    return [str(r[1]) for r in src.execute(f"PRAGMA table_info({table})").fetchall()]


def _batches(src: Store, table: str, key: tuple[str, ...], cursor: list[Any] | None,
             size: int) -> Iterator[tuple[list[tuple[Any, ...]], list[Any]]]:
    """(rows, key of the last row) batch by batch after ``cursor``; rows are the source
    table's columns (meta filtered), with the key columns first if rowid."""
    cols = _columns(src, table)
    select = ", ".join(["rowid", *cols] if key == ("rowid",) and table != "records_fts"
                       else cols)
    order = ", ".join(key)
    nkey = len(key)
    while True:
        where, params = "", ()
        if cursor is not None:
            marks = ", ".join("?" * nkey)
            where = f"WHERE ({order}) > ({marks})" if nkey > 1 else f"WHERE {order} > ?"
            params = tuple(cursor)
        rows = [tuple(r) for r in src.execute(
            f"SELECT {select} FROM {table} {where} ORDER BY {order} LIMIT ?",
            (*params, size)).fetchall()]
        if not rows:
            return
        last = rows[-1]
        if key == ("rowid",):
            cursor = [last[0]]
            if table != "records_fts":
                rows = [r[1:] for r in rows]
        else:
            cursor = [last[cols.index(k)] for k in key]
        if table == "meta":
            rows = [r for r in rows if r[0] not in SKIP_META]
        yield rows, cursor


def _row_digest(row: tuple[Any, ...]) -> int:
    return int.from_bytes(hashlib.blake2b(repr(row).encode("utf-8"), digest_size=32).digest(),
                          "big")


def source_digest(src: Store, table: str, key: tuple[str, ...]) -> tuple[int, int]:
    """(rows, digest) of the whole source table, as ``copy_table`` sums them."""
    n = total = 0
    for rows, _cursor in _batches(src, table, key, None, BATCH_ROWS * 5):
        n += len(rows)
        total = (total + sum(_row_digest(r) for r in rows)) % _MOD
    return n, total


# -- writing the target ---------------------------------------------------------------


def _insert(conn: PgConnection, table: str, cols: list[str],
            rows: Sequence[tuple[Any, ...]]) -> None:
    """COPY the rows in (a tenth of the time of row-by-row inserts). The search index
    goes through a staging table so its tsvector is ``array_to_tsvector`` over the
    store's own lexemes, exactly as ``store.search.put`` writes it."""
    if not rows:
        return
    target, values = table, rows
    if table == "hq_keys":  # public halves only: the secrets stay in the importer's profile
        values = [tuple(None if c == "secret" else v for c, v in zip(cols, r, strict=True))
                  for r in rows]
    if table == "records_fts":
        conn.raw.execute("CREATE TEMP TABLE IF NOT EXISTS fts_stage (rowid bigint, "
                         "lex text) ON COMMIT DELETE ROWS")
        target, cols = "fts_stage", ["rowid", "lex"]
        # One text per record, split again by the server: psycopg's array dumper costs a
        # millisecond per record. U+001F is a control character, never in a word.
        values = [(r[0], "\x1f".join(lexemes(str(r[1])))) for r in rows]
    with conn.raw.cursor() as cur, cur.copy(
            f"COPY {target} ({', '.join(cols)}) FROM STDIN") as pipe:
        for row in values:
            pipe.write_row(row)
    if table == "records_fts":
        conn.raw.execute("INSERT INTO records_fts (rowid, tsv) "
                         "SELECT rowid, array_to_tsvector(string_to_array(lex, chr(31))) "
                         "FROM fts_stage")
        conn.raw.execute("DELETE FROM fts_stage")


def _chunk_rows(src: Store, att_id: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in src.execute(
        "SELECT attachment_id, idx, data FROM attachment_chunks WHERE attachment_id = ? "
        "ORDER BY idx", (att_id,)).fetchall()]


def _copy_attachment(conn: PgConnection, src: Store, cols: list[str], row: tuple[Any, ...],
                     chunks: list[tuple[Any, ...]], bucket: blobs.BlobStore | None) -> None:
    """One attachment row and its chunks: into the bucket as one object when there is one
    and the attachment is whole (an object is written once), else as ``bytea`` rows. The
    object is durable before this transaction names it; a kill in between leaves an
    orphan that the bucket's sweep removes (store/s3blobs.py)."""
    att = dict(zip(cols, row, strict=True))
    att_id, size = str(att["id"]), int(att["size"])
    whole = (att["complete"] == 1 and size > 0
             and [int(c[1]) for c in chunks] == list(range(len(chunks))))
    name = None
    if bucket is not None and whole:
        name = blobs.new_name(conn)
        sink = bucket.writer(name, size)
        try:
            for idx, stored in enumerate(stored_chunks(src, att_id, 0, len(chunks))):
                sink.write(idx, stored)
            sink.finish(size)
        except BaseException:
            sink.abort()
            raise
        step("object")
    att["blob"] = name
    _insert(conn, "attachments", cols, [tuple(att[c] for c in cols)])
    for _att, idx, _data in chunks:  # one at a time: memory stays one chunk
        conn.raw.execute("INSERT INTO attachment_chunks (attachment_id, idx, data) "
                         "VALUES (%s, %s, %s)",
                         (att_id, idx, b"" if name else _stored(src, att_id, int(idx))))


def copy_table(src: Store, pg: PgDatabase, table: str, key: tuple[str, ...],
               progress: Callable[[str, int], None] | None = None,
               bucket: blobs.BlobStore | None = None) -> int:
    """Copy what is left of ``table``; returns the rows copied in all (earlier runs too).
    ``attachment_chunks`` is copied with ``attachments``, each attachment with its chunks
    in one transaction (both tables' progress moves together)."""
    row = pg.execute(f"SELECT cursor, done, rows, digest FROM {STATE} WHERE tbl = ?",
                     (table,)).fetchone()
    after = None if row[0] is None else list(json.loads(row[0]))
    if row[1] or table == "attachment_chunks":
        return int(row[2])
    n, total = int(row[2]), int(row[3])
    cn, ctotal = copied(pg, "attachment_chunks")
    cols = _columns(src, table)
    size = BATCH_CHUNKS if table == "attachments" else BATCH_ROWS
    for rows, cursor in _batches(src, table, key, after, size):
        with pg.transaction() as conn:
            if table == "attachments":
                for r in rows:
                    chunks = _chunk_rows(src, str(r[cols.index("id")]))
                    _copy_attachment(conn, src, cols, r, chunks, bucket)
                    cn += len(chunks)
                    ctotal = (ctotal + sum(_row_digest(c) for c in chunks)) % _MOD
                conn.execute(f"UPDATE {STATE} SET rows = ?, digest = ? WHERE tbl = ?",
                             (cn, str(ctotal), "attachment_chunks"))
            else:
                _insert(conn, table, cols, rows)
            n += len(rows)
            total = (total + sum(_row_digest(r) for r in rows)) % _MOD
            conn.execute(f"UPDATE {STATE} SET cursor = ?, rows = ?, digest = ? WHERE tbl = ?",
                         (json.dumps(cursor), n, str(total), table))
            step(f"batch:{table}")
        step(f"committed:{table}")
        if progress is not None:
            progress(table, n)
    with pg.transaction() as conn:
        conn.execute(f"UPDATE {STATE} SET done = 1 WHERE tbl = ?", (table,))
    step(f"done:{table}")
    return n


def copied(pg: PgDatabase, table: str) -> tuple[int, int]:
    """(rows, digest) the state table holds for ``table``."""
    row = pg.execute(f"SELECT rows, digest FROM {STATE} WHERE tbl = ?", (table,)).fetchone()
    return int(row[0]), int(row[1])


def target_count(pg: PgDatabase, table: str) -> int:
    return int(pg.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def finish(pg: PgDatabase, meta: dict[str, str], in_transaction: Callable[[Any], None]) -> None:
    """Make the copy a usable HQ store, all at once: sequences past the copied keys, the
    store's ``kind`` and id (``meta``), ``in_transaction(conn)`` (the log's entry for
    the move), and the state table dropped."""
    with pg.transaction() as conn:
        for table, col in IDENTITY:
            conn.raw.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{col}'), "
                f"coalesce(max({col}), 1), max({col}) IS NOT NULL) FROM {table}")
        for k, v in meta.items():
            conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) "
                         "DO UPDATE SET value = excluded.value", (k, v))
        in_transaction(conn)
        conn.raw.execute(f"DROP TABLE {STATE}")
        step("finish")
    step("finished")


def source_meta(src: Store) -> dict[str, str]:
    return {str(k): str(v) for k, v in src.execute("SELECT key, value FROM meta").fetchall()}
