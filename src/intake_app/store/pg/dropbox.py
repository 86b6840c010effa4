"""The shared drop box's state in PostgreSQL (``intake dropbox serve --storage s3://...
--state postgresql://...``): uploads in progress and their segments in the bucket,
stored bundles, receipts' entries, the pushed keyring, replay nonces. All SQL of
``sync/shared.py`` is here (the store owns SQL); it holds no record content and no key,
only what the drop box's folder would hold as file names and sizes.

Quota, chain and receipt decisions run inside one transaction under a per-device
advisory lock, so several instances see one consistent state. Rows come back as tuples:
the callers (the sync layer) wrap them.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import secrets
import time
from collections.abc import Callable, Iterator
from typing import Any

import psycopg

from intake_app.errors import Problem
from intake_app.store.pg.db import check_no_password

log = logging.getLogger("intake_app.sync")

SCHEMA = """
CREATE TABLE IF NOT EXISTS dropbox_parts (
    device text NOT NULL, name text NOT NULL, upload text NOT NULL UNIQUE,
    size bigint NOT NULL, total bigint NOT NULL, touched double precision NOT NULL,
    header_checked boolean NOT NULL DEFAULT false, PRIMARY KEY (device, name));
CREATE TABLE IF NOT EXISTS dropbox_segments (
    upload text NOT NULL, start bigint NOT NULL, size bigint NOT NULL, key text NOT NULL,
    PRIMARY KEY (upload, start));
CREATE TABLE IF NOT EXISTS dropbox_bundles (
    device text NOT NULL, sequence bigint NOT NULL, name text NOT NULL,
    statement_hash text NOT NULL, prev text NOT NULL, size bigint NOT NULL,
    stored_at bigint NOT NULL, upload text NOT NULL, PRIMARY KEY (device, sequence));
CREATE INDEX IF NOT EXISTS dropbox_bundles_stored ON dropbox_bundles (stored_at);
CREATE TABLE IF NOT EXISTS dropbox_receipted (
    device text NOT NULL, sequence bigint NOT NULL, statement_hash text NOT NULL,
    PRIMARY KEY (device, sequence));
CREATE TABLE IF NOT EXISTS dropbox_keyring (
    hq_id text PRIMARY KEY, serial bigint NOT NULL, data bytea NOT NULL);
CREATE TABLE IF NOT EXISTS dropbox_nonces (
    role text NOT NULL, ident text NOT NULL, nonce text NOT NULL,
    seen_at double precision NOT NULL, PRIMARY KEY (role, ident, nonce));
"""
SCHEMA_LOCK = 0x1D0B0C5  # advisory lock: instances starting together create tables once
BUNDLE_COLS = "device, name, sequence, statement_hash, prev, size, stored_at"
PART_COLS = "size, total, touched, header_checked"

# (statement hash, 'stored'|'delivered') of a sequence, or None
Known = tuple[str, str] | None
Row = tuple[Any, ...]


class DropboxState:
    """A few autocommit psycopg connections shared by the drop box's worker threads."""

    def __init__(self, dsn: str, keep: int = 8) -> None:
        check_no_password(dsn)
        self.dsn, self.keep = dsn, keep
        self._idle: queue.LifoQueue[psycopg.Connection[Any]] = queue.LifoQueue()

    @contextlib.contextmanager
    def conn(self) -> Iterator[psycopg.Connection[Any]]:
        c: psycopg.Connection[Any] | None = None
        with contextlib.suppress(queue.Empty):
            c = self._idle.get_nowait()
        try:
            if c is None or c.closed or c.broken:
                c = psycopg.connect(self.dsn, autocommit=True, connect_timeout=10)
            yield c
        except psycopg.OperationalError as exc:
            if c is not None:
                c.close()
            log.error("state database: %s", exc)
            raise Problem(503, "busy", "the drop box's state database is unavailable",
                          retry=True) from None
        if not c.closed and self._idle.qsize() < self.keep:
            self._idle.put(c)
        else:
            c.close()

    @contextlib.contextmanager
    def tx(self, device: str | None = None) -> Iterator[psycopg.Connection[Any]]:
        """A transaction; with ``device``, under that device's advisory lock."""
        with self.conn() as c, c.transaction():
            if device is not None:
                c.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                          ("dropbox:" + device,))
            yield c

    def close(self) -> None:
        while not self._idle.empty():
            self._idle.get_nowait().close()

    def create(self) -> None:
        with self.conn() as c, c.transaction():
            c.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
            c.execute(SCHEMA)

    # -- nonces ---------------------------------------------------------------------------------
    def add_nonce(self, role: str, ident: str, nonce: str, now: float, horizon: float,
                  per_signer: int) -> str:
        """'ok', 'replay' (live elsewhere), or 'quota' (the signer holds too many)."""
        with self.tx() as c:
            cur = c.execute(
                "INSERT INTO dropbox_nonces VALUES (%s, %s, %s, %s) ON CONFLICT "
                "(role, ident, nonce) DO UPDATE SET seen_at = EXCLUDED.seen_at "
                "WHERE dropbox_nonces.seen_at < %s", (role, ident, nonce, now, horizon))
            if cur.rowcount == 0:
                return "replay"
            row = c.execute("SELECT count(*) FROM dropbox_nonces WHERE role = %s AND "
                            "ident = %s AND seen_at >= %s", (role, ident, horizon)).fetchone()
            if row is not None and row[0] > per_signer:
                c.execute("DELETE FROM dropbox_nonces WHERE role = %s AND ident = %s AND "
                          "nonce = %s", (role, ident, nonce))
                return "quota"
        return "ok"

    def purge_nonces(self, horizon: float) -> int:
        with self.conn() as c:
            return int(c.execute("DELETE FROM dropbox_nonces WHERE seen_at < %s",
                                 (horizon,)).rowcount)

    # -- keyring ----------------------------------------------------------------------------------
    def keyring(self, hq_id: str) -> tuple[int, bytes] | None:
        with self.conn() as c:
            row = c.execute("SELECT serial, data FROM dropbox_keyring WHERE hq_id = %s",
                            (hq_id,)).fetchone()
        return (int(row[0]), bytes(row[1])) if row else None

    def put_keyring(self, hq_id: str, serial: int, data: bytes,
                    check: Callable[[int], None]) -> None:
        """Store a keyring; ``check(serial held)`` raises if it is not newer."""
        with self.tx("keyring:" + hq_id) as c:
            row = c.execute("SELECT serial FROM dropbox_keyring WHERE hq_id = %s",
                            (hq_id,)).fetchone()
            check(int(row[0]) if row else 0)
            c.execute("INSERT INTO dropbox_keyring VALUES (%s, %s, %s) ON CONFLICT (hq_id) "
                      "DO UPDATE SET serial = EXCLUDED.serial, data = EXCLUDED.data",
                      (hq_id, serial, data))

    # -- lookups ----------------------------------------------------------------------------------
    @staticmethod
    def _known(c: psycopg.Connection[Any], device: str, seq: int) -> Known:
        row = c.execute("SELECT statement_hash FROM dropbox_bundles WHERE device = %s AND "
                        "sequence = %s", (device, seq)).fetchone()
        if row is not None:
            return str(row[0]), "stored"
        row = c.execute("SELECT statement_hash FROM dropbox_receipted WHERE device = %s AND "
                        "sequence = %s", (device, seq)).fetchone()
        return (str(row[0]), "delivered") if row is not None else None

    @staticmethod
    def _bundle(c: psycopg.Connection[Any], device: str, seq: int) -> Row | None:
        row: Row | None = c.execute(f"SELECT {BUNDLE_COLS} FROM dropbox_bundles WHERE "
                                    "device = %s AND sequence = %s", (device, seq)).fetchone()
        return row

    @staticmethod
    def _part(c: psycopg.Connection[Any], device: str, name: str) -> Row | None:
        row: Row | None = c.execute(f"SELECT {PART_COLS} FROM dropbox_parts WHERE device = %s "
                                    "AND name = %s", (device, name)).fetchone()
        return row

    @staticmethod
    def _segments(c: psycopg.Connection[Any], upload: str) -> list[tuple[int, int, str]]:
        rows = c.execute("SELECT start, size, key FROM dropbox_segments WHERE upload = %s "
                         "ORDER BY start", (upload,)).fetchall()
        return [(int(a), int(b), str(k)) for a, b, k in rows]

    def known(self, device: str, seq: int) -> Known:
        with self.conn() as c:
            return self._known(c, device, seq)

    def bundle(self, device: str, seq: int) -> Row | None:
        with self.conn() as c:
            return self._bundle(c, device, seq)

    def part(self, device: str, name: str) -> Row | None:
        with self.conn() as c:
            return self._part(c, device, name)

    def bundles_since(self, since: int) -> list[Row]:
        with self.conn() as c:
            return list(c.execute(f"SELECT {BUNDLE_COLS} FROM dropbox_bundles WHERE stored_at "
                                  ">= %s ORDER BY stored_at, device, sequence",
                                  (since,)).fetchall())

    def part_segments(self, device: str, name: str) -> list[tuple[int, int, str]]:
        with self.conn() as c:
            row = c.execute("SELECT upload FROM dropbox_parts WHERE device = %s AND name = %s",
                            (device, name)).fetchone()
            return self._segments(c, row[0]) if row else []

    def bundle_segments(self, device: str, seq: int) -> list[tuple[int, int, str]]:
        with self.conn() as c:
            row = c.execute("SELECT upload FROM dropbox_bundles WHERE device = %s AND "
                            "sequence = %s", (device, seq)).fetchone()
            return self._segments(c, row[0]) if row else []

    def has_receipt(self, device: str) -> bool:
        with self.conn() as c:
            return c.execute("SELECT 1 FROM dropbox_receipted WHERE device = %s LIMIT 1",
                             (device,)).fetchone() is not None

    # -- uploads ----------------------------------------------------------------------------------
    def reserve(self, device: str, name: str, total: int,
                check: Callable[[int, int], None]) -> Row:
        """``check(bytes, files)`` on what the device holds over all instances (leaving
        out this upload), then hold the part for ``total`` bytes. The part's row."""
        with self.tx(device) as c:
            b = c.execute("SELECT coalesce(sum(size), 0), count(*) FROM dropbox_bundles "
                          "WHERE device = %s", (device,)).fetchone()
            p = c.execute("SELECT coalesce(sum(greatest(size, total)), 0), count(*) FROM "
                          "dropbox_parts WHERE device = %s AND name <> %s",
                          (device, name)).fetchone()
            assert b is not None and p is not None
            check(int(b[0]) + int(p[0]), int(b[1]) + int(p[1]))
            c.execute("INSERT INTO dropbox_parts (device, name, upload, size, total, touched) "
                      "VALUES (%s, %s, %s, 0, %s, %s) ON CONFLICT (device, name) DO UPDATE "
                      "SET total = EXCLUDED.total, touched = EXCLUDED.touched",
                      (device, name, secrets.token_hex(16), total, time.time()))
            row = self._part(c, device, name)
        assert row is not None
        return row

    def upload_of(self, device: str, name: str) -> str | None:
        with self.conn() as c:
            row = c.execute("SELECT upload FROM dropbox_parts WHERE device = %s AND name = %s",
                            (device, name)).fetchone()
        return str(row[0]) if row else None

    def add_segment(self, device: str, name: str, upload: str, offset: int, size: int,
                    key: str) -> int | None:
        """Record a segment if the upload still ends at ``offset``: None, else the size
        the drop box holds (another request got there first)."""
        with self.tx() as c:
            row = c.execute("SELECT upload, size FROM dropbox_parts WHERE device = %s AND "
                            "name = %s FOR UPDATE", (device, name)).fetchone()
            if row is None or row[0] != upload:
                return 0
            if row[1] != offset:
                return int(row[1])
            c.execute("INSERT INTO dropbox_segments VALUES (%s, %s, %s, %s)",
                      (upload, offset, size, key))
            c.execute("UPDATE dropbox_parts SET size = %s, touched = %s WHERE device = %s AND "
                      "name = %s", (offset + size, time.time(), device, name))
        return None

    def mark_header_checked(self, device: str, name: str) -> None:
        with self.conn() as c:
            c.execute("UPDATE dropbox_parts SET header_checked = true WHERE device = %s AND "
                      "name = %s", (device, name))

    def commit(self, device: str, name: str, seq: int,
               decide: Callable[[Known, Known, str | None], str | None],
               row_for: Callable[[int], Row]) -> tuple[str | None, Row | None, list[str]]:
        """Under the device's lock: ``decide(known, before, after_prev)`` (the chain rules;
        raises, or returns the state of an identical bundle held). None: the part
        becomes bundle ``row_for(size)``. Returns (verdict, bundle row, keys to delete)."""
        with self.tx(device) as c:
            after = self._bundle(c, device, seq + 1)
            verdict = decide(self._known(c, device, seq), self._known(c, device, seq - 1),
                             str(after[4]) if after else None)
            row = c.execute("DELETE FROM dropbox_parts WHERE device = %s AND name = %s "
                            "RETURNING upload, size", (device, name)).fetchone()
            if row is None:
                raise Problem(409, "offset-mismatch", "this upload was aborted; start again",
                              offset=0)
            upload, size = str(row[0]), int(row[1])
            if verdict is None:
                b = row_for(size)
                c.execute(f"INSERT INTO dropbox_bundles ({BUNDLE_COLS}, upload) VALUES "
                          "(%s, %s, %s, %s, %s, %s, %s, %s)", (*b, upload))
                return None, b, []
            keys = [k for _s, _n, k in self._segments(c, upload)]
            c.execute("DELETE FROM dropbox_segments WHERE upload = %s", (upload,))
        return verdict, None, keys

    def discard_part(self, device: str, name: str) -> list[str]:
        """Forget an upload in progress; the keys of its segments (to delete)."""
        with self.tx() as c:
            row = c.execute("DELETE FROM dropbox_parts WHERE device = %s AND name = %s "
                            "RETURNING upload", (device, name)).fetchone()
            if row is None:
                return []
            keys = [k for _s, _n, k in self._segments(c, row[0])]
            c.execute("DELETE FROM dropbox_segments WHERE upload = %s", (row[0],))
        return keys

    def unreferenced(self, keys: list[str]) -> list[str]:
        """Those of ``keys`` no segment row names (objects a crash or a failed delete left)."""
        if not keys:
            return []
        with self.conn() as c:
            rows = c.execute("SELECT key FROM dropbox_segments WHERE key = ANY(%s)",
                             (keys,)).fetchall()
        named = {str(r[0]) for r in rows}
        return [k for k in keys if k not in named]

    def stale_parts(self, before: float) -> list[tuple[str, str]]:
        with self.conn() as c:
            rows = c.execute("SELECT device, name FROM dropbox_parts WHERE touched < %s",
                             (before,)).fetchall()
        return [(str(d), str(n)) for d, n in rows]

    # -- receipts ---------------------------------------------------------------------------------
    def accept_receipt(self, device: str, entries: list[tuple[int, str]],
                       check: Callable[[int | None], None],
                       keep_raw: Callable[[], None]) -> tuple[list[Row], list[str]]:
        """Under the device's lock: ``check(highest sequence receipted)``, ``keep_raw()``
        (the signed receipt into the bucket), then the entries replace the old ones and
        the bundles they acknowledge go. Returns (pruned bundle rows, keys to delete)."""
        pruned: list[Row] = []
        keys: list[str] = []
        with self.tx(device) as c:
            row = c.execute("SELECT max(sequence) FROM dropbox_receipted WHERE device = %s",
                            (device,)).fetchone()
            check(int(row[0]) if row and row[0] is not None else None)
            keep_raw()
            c.execute("DELETE FROM dropbox_receipted WHERE device = %s", (device,))
            with c.cursor() as cur:
                cur.executemany("INSERT INTO dropbox_receipted VALUES (%s, %s, %s)",
                                [(device, seq, h) for seq, h in entries])
            for seq, h in entries:
                b = self._bundle(c, device, seq)
                if b is None or b[3] != h:
                    continue
                up = c.execute("DELETE FROM dropbox_bundles WHERE device = %s AND sequence = %s "
                               "RETURNING upload", (device, seq)).fetchone()
                assert up is not None
                keys += [k for _s, _n, k in self._segments(c, up[0])]
                c.execute("DELETE FROM dropbox_segments WHERE upload = %s", (up[0],))
                pruned.append(b)
        return pruned, keys
