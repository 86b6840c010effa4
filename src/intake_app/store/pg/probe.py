"""Trying a team database before an HQ uses it (the GUI's connection dialog): connect,
name the server, say whether the database already holds an HQ store. Changes nothing
(``PgDatabase`` would migrate on open)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import psycopg

from intake_app.errors import DatabaseLoginFailed, DatabaseUnreachable
from intake_app.store.pg.db import check_no_password


@dataclass(frozen=True)
class Probe:
    server_version: str
    user: str
    database: str
    holds_hq: bool  # an HQ store is already there: a new HQ must be given another


def probe(dsn: str, password: str | None = None, timeout_s: int = 10) -> Probe:
    check_no_password(dsn)
    extra: dict[str, Any] = {} if password is None else {"password": password}
    try:
        conn = psycopg.connect(dsn, autocommit=True, connect_timeout=timeout_s, **extra)
    except psycopg.OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "failed"
        cls = DatabaseLoginFailed if "password" in first else DatabaseUnreachable
        raise cls(f"cannot connect to the HQ database: {first}") from None
    with conn:
        version, user, db = conn.execute(
            "SELECT current_setting('server_version'), current_user, current_database()"
        ).fetchone() or ("", "", "")
        holds = False
        if conn.execute("SELECT to_regclass('meta')").fetchone() != (None,):
            try:
                holds = conn.execute("SELECT 1 FROM meta WHERE key = 'kind'").fetchone() \
                    is not None
            except psycopg.Error:  # a team member's login may not read meta: not empty
                holds = True
    return Probe(str(version), str(user), str(db), holds)
