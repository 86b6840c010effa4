"""The HQ store on PostgreSQL: the same surface as ``store.db.Database`` (execute,
transaction, integrity_problems, checkpoint, close) over one psycopg 3 connection.

The connection string names host, database and user; the password comes from libpq
(a ``~/.pgpass`` / ``PGPASSFILE`` entry, a ``PGSERVICEFILE`` service, or the caller's
prompt passed as ``password``), never from the string itself: one given there is refused,
so it cannot end up in shell history, process lists or config files.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import psycopg
from psycopg import conninfo

from intake_app.errors import (
    AccessDenied,
    DatabaseLoginFailed,
    DatabaseUnreachable,
    StoreCorrupt,
    UsageError,
)
from intake_app.store.db import _ON_COMMIT
from intake_app.store.pg import migrations
from intake_app.store.pg.dialect import Translated, translate

DIALECT = "postgresql"
# psycopg's errors that are the statement's fault, reported as they are (as SQLite's
# IntegrityError and OperationalError are by store.db.Database.execute).
STATEMENT_ERRORS = (psycopg.errors.IntegrityError, psycopg.errors.ProgrammingError,
                    psycopg.errors.DataError, psycopg.errors.RaiseException)


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def check_no_password(dsn: str) -> None:
    """Refuse a connection string carrying a password (see the module docstring)."""
    if is_postgres_url(dsn):
        parts = urlsplit(dsn)
        if parts.password is not None or "password" in parse_qs(parts.query):
            raise UsageError("the database URL must not hold a password: use ~/.pgpass, "
                             "PGPASSFILE or a libpq service file, or enter it when asked")
        return
    try:
        params = conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError as exc:
        raise UsageError(f"bad database connection string: {exc}") from None
    if "password" in params:
        raise UsageError("the connection string must not hold a password: use ~/.pgpass, "
                         "PGPASSFILE or a libpq service file, or enter it when asked")


class Result:
    """What ``execute`` returns: a cursor's rows plus SQLite's ``lastrowid``."""

    def __init__(self, cur: psycopg.Cursor[Any], returns_key: bool) -> None:
        self._cur = cur
        self.lastrowid: int | None = None
        if returns_key:
            row = cur.fetchone()
            self.lastrowid = None if row is None else int(row[0])
        self.rowcount = cur.rowcount

    def fetchone(self) -> Any:
        return self._cur.fetchone() if self._cur.description else None

    def fetchall(self) -> list[Any]:
        return self._cur.fetchall() if self._cur.description else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class PgConnection:
    """The connection a transaction yields; the store's SQL goes through ``translate``."""

    dialect = DIALECT

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.raw = conn
        # Where attachment blobs live (store.s3blobs.S3Blobs), or None: bytea rows.
        self.blob_store: Any = None

    @staticmethod
    def _args(t: Translated, params: Sequence[Any]) -> tuple[Any, ...]:
        args = tuple(params)
        if t.order is not None:
            args = tuple(args[i] for i in t.order)
        if t.limits:
            args = tuple(None if i in t.limits and isinstance(a, int) and a < 0 else a
                         for i, a in enumerate(args))
        return args

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except psycopg.errors.InsufficientPrivilege as exc:
            # A team member's role (store.pg.roles) does not allow it: one line.
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else "refused"
            raise AccessDenied(f"the HQ database refused this for your role: {first}") \
                from None
        except STATEMENT_ERRORS:
            raise
        except psycopg.Error as exc:
            raise StoreCorrupt(f"database error: {exc}") from exc

    def execute(self, sql: str, params: Sequence[Any] = (), *,
                prepare: bool | None = None) -> Result:
        """``prepare``: psycopg's (None: prepared once run 5 times; False: never, so the
        statement is planned for each call's parameters)."""
        t = translate(sql)
        with self._errors():
            cur = self.raw.execute(t.sql, self._args(t, params), prepare=prepare)
        return Result(cur, t.returns_key)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """All rows in one pipeline (psycopg sends them without waiting for each reply):
        one round trip, not one per row; the first failing row raises."""
        t = translate(sql)
        if t.returns_key:  # no caller reads keys from executemany
            t = Translated(t.sql.rsplit(" RETURNING ", 1)[0], t.order, False, t.limits)
        args = [self._args(t, r) for r in rows]
        if not args:
            return
        with self._errors(), self.raw.cursor() as cur:
            cur.executemany(t.sql, args)


class PgDatabase:
    """One connection, one thread at a time (the services serialise their calls)."""

    dialect = DIALECT

    def __init__(self, dsn: str, *, password: str | None = None,
                 schema_version: int = migrations.LATEST) -> None:
        check_no_password(dsn)
        self.dsn = dsn
        # For messages and for code that names the store's location (no file here).
        self.path = Path(urlsplit(dsn).path or "postgresql")
        kwargs: dict[str, Any] = {"autocommit": True}
        if password is not None:
            kwargs["password"] = password
        try:
            raw = psycopg.connect(dsn, **kwargs)
        except psycopg.OperationalError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else "failed"
            # libpq: "fe_sendauth: no password supplied", "password authentication failed"
            cls = DatabaseLoginFailed if "password" in first else DatabaseUnreachable
            raise cls(f"cannot connect to the HQ database: {first}") from None
        self.conn = PgConnection(raw)
        # Which team role the login has (store.pg.roles.group_of), set by whoever opens
        # an HQ store: None until then.
        self.member: str | None = None
        self._lock = threading.RLock()
        self._depth = 0
        try:
            self.migrate(schema_version)
        except BaseException:
            raw.close()
            raise

    @property
    def user_version(self) -> int:
        with self.transaction() as conn:
            # Only when missing: a team member's login may not create tables.
            if conn.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None:
                conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version bigint NOT NULL)")
            row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
        return 0 if row is None or row[0] is None else int(row[0])

    def migrate(self, target: int = migrations.LATEST) -> None:
        current = self.user_version
        if current > migrations.LATEST:
            raise StoreCorrupt(f"HQ database schema {current} is newer than this program "
                               f"({migrations.LATEST}); update it")
        if current < migrations.ROLES_VERSION <= target:  # before any change
            from intake_app.store.pg.roles import need_createrole

            need_createrole(self.conn, "a new team HQ database (its four team roles)")
        for version in range(current + 1, target + 1):
            with self.transaction() as conn:
                # Two programs migrating at once: the second waits, then finds it done.
                conn.raw.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE")
                row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
                if row[0] is not None and int(row[0]) >= version:
                    continue
                for stmt in migrations.MIGRATIONS[version - 1]:
                    conn.raw.execute(stmt)  # DDL: no parameters, not translated
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))

    @property
    def blob_store(self) -> Any:
        return self.conn.blob_store

    @blob_store.setter
    def blob_store(self, store: Any) -> None:
        self.conn.blob_store = store

    @contextmanager
    def transaction(self) -> Iterator[PgConnection]:
        """One transaction, rolled back on any exception (psycopg's own block). Work
        queued with ``store.db.after_commit`` runs after the outermost one commits."""
        with self._lock:
            outer = id(self.conn) not in _ON_COMMIT
            if outer:
                _ON_COMMIT[id(self.conn)] = []
            try:
                with self.conn.raw.transaction():
                    yield self.conn
            except BaseException:
                if outer:
                    _ON_COMMIT.pop(id(self.conn), None)
                raise
            if outer:
                for fn in _ON_COMMIT.pop(id(self.conn), []):
                    fn()

    def execute(self, sql: str, params: Sequence[Any] = (), *,
                prepare: bool | None = None) -> Result:
        return self.conn.execute(sql, params, prepare=prepare)

    def integrity_problems(self) -> list[str]:
        """PostgreSQL checks its own pages; here: the schema is the one this program made."""
        problems: list[str] = []
        if self.user_version != migrations.LATEST:
            problems.append(f"schema version {self.user_version}, expected {migrations.LATEST}")
        found = {r[0] for r in self.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
        problems += [f"missing table {t}" for t in migrations.TABLES if t not in found]
        return problems

    @contextmanager
    def small_cache(self) -> Iterator[None]:
        yield  # the server's buffers are not this process's memory

    def checkpoint(self) -> None:
        """Nothing to do: PostgreSQL checkpoints and vacuums on its own."""

    def truncate_all(self) -> None:
        """Empty every table (tests: one database per module, emptied between tests)."""
        with self.transaction() as conn:
            tables = ", ".join((*migrations.TABLES, *migrations.PG_ONLY_TABLES))
            conn.raw.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")

    def close(self) -> None:
        try:
            self.conn.raw.close()
        except psycopg.Error:
            pass
