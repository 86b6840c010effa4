"""A SQLCipher 4 connection keyed with a raw 32-byte key, with the pragmas we rely on."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from intake_app.errors import CannotVerify, DiskFull, StoreCorrupt
from intake_app.paths import FILE_MODE
from intake_app.store import schema

# Work to do once the transaction on a connection commits (and to drop if it rolls
# back): deleting blob files whose rows a purge removed (store/blobs.py). Keyed by
# id(connection); filled and drained on the thread that holds the transaction.
_ON_COMMIT: dict[int, list[Callable[[], None]]] = {}


def after_commit(conn: Any, fn: Callable[[], None]) -> None:
    """Run ``fn`` after the open transaction on ``conn`` commits; never if it rolls back.
    Outside ``Database.transaction`` (no one to run it), run it at once."""
    if id(conn) in _ON_COMMIT:
        _ON_COMMIT[id(conn)].append(fn)
    else:
        fn()

# 32 KiB pages: attachment chunks (1 MiB blobs) write at ~2.5x the speed of 4 KiB
# pages here, and small record saves stay well inside their latency budget.
PAGE_SIZE = 32768
DB_ERRORS = (sqlcipher3.DatabaseError,)
# FTS5's secure-delete option (purged words leave the search index) arrived in 3.42.
MIN_SQLITE = (3, 42, 0)
SQLITE_IOERR = 10
SQLITE_FULL = 13
# With less than this free, an I/O error on the profile's disk is the full disk (tmpfs and
# some USB file systems report a short write as EIO, and a full disk cannot map -shm).
LOW_SPACE = 1 << 20
# A record save or finalize writes a few dozen 32 KiB pages to the WAL and later to the
# main file: refuse to start one with less room than this (finding 2: fail before writing).
WRITE_RESERVE = 4 << 20


def free_bytes(path: Path) -> int:
    """Free bytes on the file system holding ``path`` (a file or folder); -1 if unknown."""
    target = path if path.is_dir() else path.parent
    try:
        return shutil.disk_usage(target).free
    except OSError:
        return -1


def _mb(n: int) -> str:
    return f"{max(n, 0) / (1 << 20):.1f}"


def disk_full(path: Path, what: str) -> DiskFull:
    return DiskFull(f"the disk holding the profile is full ({_mb(free_bytes(path))} MB free): "
                    f"{what}")


def require_space(path: Path, nbytes: int, what: str = "nothing was saved") -> None:
    """Refuse a write of about ``nbytes`` (plus the reserve) that cannot fit on the disk."""
    free = free_bytes(path)
    if 0 <= free < nbytes + WRITE_RESERVE:
        raise disk_full(path, what)


def is_disk_full(exc: BaseException, path: Path) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc)
    if primary == SQLITE_FULL or "disk is full" in text:
        return True
    ioerr = primary == SQLITE_IOERR or "disk I/O error" in text
    return ioerr and 0 <= free_bytes(path) < LOW_SPACE


def check_sqlite_version(version: str | None = None) -> None:
    """Refuse to run on a SQLite without FTS5 secure-delete (purge must mean gone)."""
    found = version if version is not None else sqlcipher3.sqlite_version
    parts = tuple(int(p) for p in found.split(".")[:3])
    if parts < MIN_SQLITE:
        need = ".".join(map(str, MIN_SQLITE))
        raise StoreCorrupt(f"SQLite {found} is too old: {need} or newer is needed "
                           "(FTS5 secure-delete)")


def _key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("database key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


class Database:
    """One connection, used from one thread at a time.

    Autocommit mode (isolation_level=None): every write goes through
    ``transaction()`` so the boundaries are explicit.
    """

    def __init__(
        self, path: Path, key: bytes, *, create: bool = False, schema_version: int = schema.LATEST
    ) -> None:
        check_sqlite_version()
        self.path = path
        existed = path.exists()
        if create and existed:
            raise FileExistsError(path)
        if not create and not existed:
            raise StoreCorrupt(f"store database missing: {path}")
        if create:
            # Create the file ourselves so it is 0600 from the first byte.
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
        try:
            self.conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        except DB_ERRORS as exc:
            if is_disk_full(exc, path):
                raise disk_full(path, "cannot open the store; free some space") from exc
            raise StoreCorrupt(f"cannot open store: {exc}") from exc
        try:
            self.conn.execute(_key_pragma(key))
            # Not SQLCipher's default, so it must be given on every open.
            self.conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
            if create:
                # Before the first table exists: pages freed by purges go back to the
                # file system at the next checkpoint, so the file tracks the live data
                # rather than its largest size ever (soak benchmark, issue 14).
                self.conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
            # Reading the schema is the first access that decrypts a page: a wrong
            # key or a damaged first page fails here.
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = FULL")
            # Checkpoint every 128 MiB of WAL rather than 32: fewer, longer sequential
            # copies (attachment writes gain ~5%). Purges checkpoint explicitly.
            self.conn.execute("PRAGMA wal_autocheckpoint = 4096")
            self.conn.execute("PRAGMA cache_size = -32768")  # 32 MiB of page cache
            self.conn.execute("PRAGMA secure_delete = ON")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA temp_store = MEMORY")
            # cipher_memory_security stays OFF (SQLCipher 4's default): it costs a third
            # of the attachment write speed, and the Python process holds the same
            # plaintext in its own objects anyway (a residual risk in the threat model).
            self._fix_modes()
            self.migrate(schema_version)
        except DB_ERRORS as exc:
            self.conn.close()
            if is_disk_full(exc, path):
                raise disk_full(path, "cannot open the store; free some space") from exc
            raise StoreCorrupt(f"store is damaged or unreadable: {exc}") from exc
        except BaseException:
            self.conn.close()
            raise

    def _fix_modes(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            p = Path(str(self.path) + suffix)
            if p.exists():
                os.chmod(p, FILE_MODE)

    @property
    def user_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self, target: int = schema.LATEST) -> None:
        current = self.user_version
        if current > schema.LATEST:
            raise StoreCorrupt(
                f"store schema {current} is newer than this program ({schema.LATEST}); update it"
            )
        for version in range(current + 1, target + 1):
            with self.transaction():
                for stmt in schema.MIGRATIONS[version - 1]:
                    self.conn.execute(stmt)
                self.conn.execute(f"PRAGMA user_version = {version}")

    @contextmanager
    def transaction(self) -> Iterator[sqlcipher3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception.

        A full disk becomes ``DiskFull``. After SQLITE_FULL, SQLite may already have
        rolled back; an unconditional ROLLBACK then raised "no transaction is active"
        over the real error (finding 2), so roll back only what is still open."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except DB_ERRORS as exc:
            self._raise_if_full(exc)
            raise
        _ON_COMMIT[id(self.conn)] = []  # SQLite transactions do not nest
        try:
            yield self.conn
        except BaseException as exc:
            _ON_COMMIT.pop(id(self.conn), None)
            self._rollback_open()
            self._raise_if_full(exc)
            raise
        try:
            self.conn.execute("COMMIT")
        except DB_ERRORS as exc:
            _ON_COMMIT.pop(id(self.conn), None)
            self._rollback_open()
            self._raise_if_full(exc)
            raise
        for fn in _ON_COMMIT.pop(id(self.conn), []):
            fn()

    def _rollback_open(self) -> None:
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except DB_ERRORS:
                pass  # the original error is the one to report

    def _raise_if_full(self, exc: BaseException) -> None:
        if isinstance(exc, DB_ERRORS) and is_disk_full(exc, self.path):
            raise disk_full(self.path, "nothing was saved") from exc

    def execute(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Any:
        try:
            return self.conn.execute(sql, params)
        except DB_ERRORS as exc:
            if isinstance(exc, sqlcipher3.IntegrityError | sqlcipher3.OperationalError):
                raise
            raise StoreCorrupt(f"store is damaged: {exc}") from exc

    def _checkpoint_for_check(self) -> bool:
        """Checkpoint before checking; True if the whole WAL reached the main file.

        ``cipher_integrity_check`` reads the main file: a checkpoint cut short by a full
        disk leaves a short last page there while the WAL still holds the committed data,
        which is not damage (finding 2)."""
        try:
            row = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except DB_ERRORS as exc:
            if is_disk_full(exc, self.path):
                raise self._cannot_verify() from exc
            return False
        return row is not None and int(row[0]) == 0 and int(row[1]) <= int(row[2])

    def _cannot_verify(self) -> CannotVerify:
        free = free_bytes(self.path)
        if 0 <= free < LOW_SPACE:
            why = f"the disk holding the profile is full ({_mb(free)} MB free)"
        else:
            why = "another program has the store open"
        return CannotVerify(f"cannot verify: {why} and the write-ahead log is not "
                            "checkpointed; this is not damage: free some space (or close the "
                            "app) and run check again")

    def integrity_problems(self) -> list[str]:
        """SQLCipher's page HMAC check, then SQLite's structural check."""
        checkpointed = self._checkpoint_for_check()
        problems = self._integrity_problems()
        if problems and not checkpointed and all("invalid size" in p for p in problems):
            raise self._cannot_verify()
        return problems

    def _integrity_problems(self) -> list[str]:
        problems: list[str] = []
        try:
            for (row,) in self.conn.execute("PRAGMA cipher_integrity_check"):
                problems.append(f"cipher: {row}")
            for (row,) in self.conn.execute("PRAGMA integrity_check"):
                if row != "ok":
                    problems.append(f"sqlite: {row}")
            for row in self.conn.execute("PRAGMA foreign_key_check"):
                problems.append(f"foreign key: {tuple(row)}")
        except DB_ERRORS as exc:
            problems.append(f"unreadable: {exc}")
        return problems

    @contextmanager
    def small_cache(self) -> Iterator[None]:
        """A 4 MiB page cache while a bundle's attachment chunks stream through: each is
        read or written once, so caching them only grows memory (issue 20: <= 64 MiB)."""
        self.conn.execute("PRAGMA cache_size = -4096")
        try:
            yield
        finally:
            self.conn.execute("PRAGMA cache_size = -32768")

    def checkpoint(self) -> None:
        # Give free pages back first (a no-op for a store made without auto_vacuum);
        # each result row is one step, so the cursor must be drained.
        self.conn.execute("PRAGMA incremental_vacuum").fetchall()
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        try:
            self.conn.close()
        except DB_ERRORS:
            pass
