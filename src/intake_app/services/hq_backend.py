"""Where a team HQ's store lives: PostgreSQL instead of the profile's SQLCipher file.

The profile folder stays what unlocks HQ (header, passphrase, key slots): its SQLCipher
store then holds only the metadata, the database's connection string and a store id that
the PostgreSQL side must match, so a profile never opens another HQ's database.
Everything else (keys, devices, records, cases, the event log) is in PostgreSQL.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from intake_app.errors import ProfileError
from intake_app.store import meta as store_meta
from intake_app.store.attachments import purge_incomplete
from intake_app.store.backend import Store

if TYPE_CHECKING:
    from intake_app.store.pg.db import PgDatabase

# store.pg (psycopg) is imported only when a profile uses PostgreSQL: loading it costs
# ~15 MiB of RSS in every HQ process, and HQ import must stay <= 64 MiB (issue 20).

DATABASE_KEY = "hq.database"
STORE_ID_KEY = "hq.store_id"


def open_empty(database: str, password: str | None) -> PgDatabase:
    """Before ``create``: the database a new HQ will use, reachable and empty (so a bad
    URL or password leaves no half-made profile behind)."""
    from intake_app.store.pg.db import PgDatabase, check_no_password

    check_no_password(database)
    from intake_app.store.pg.copy import target_state

    pg = PgDatabase(database, password=password)
    # Not "empty": an HQ store, or an unfinished ``intake hq migrate`` into it.
    if target_state(pg).state != "empty":
        pg.close()
        raise ProfileError("that database already holds an HQ store: give an empty one")
    return pg


def move_new_store(local: Store, pg: PgDatabase, database: str) -> Store:
    """After ``create``: the new HQ's store is the (empty) PostgreSQL database."""
    store_id = secrets.token_hex(16)
    with pg.transaction() as conn:
        store_meta.put_meta(conn, {**store_meta.all_meta(local), STORE_ID_KEY: store_id})
    with local.transaction() as conn:
        store_meta.put_meta(conn, {DATABASE_KEY: database, STORE_ID_KEY: store_id})
    local.close()
    return pg


def open_team_store(local: Store, password: str | None) -> Store:
    """After ``unlock``: the PostgreSQL store this profile names, or the local one."""
    database = store_meta.get_meta(local, DATABASE_KEY)
    if database is None:
        return local
    from intake_app.store.pg.db import PgDatabase

    pg = PgDatabase(database, password=password)
    try:
        if store_meta.get_meta(pg, STORE_ID_KEY) != store_meta.get_meta(local, STORE_ID_KEY):
            raise ProfileError("the HQ database is not this profile's (store ids differ)")
        purge_incomplete(pg)
    except BaseException:
        pg.close()
        raise
    local.close()
    return pg


def database_of(local: Store) -> str | None:
    return store_meta.get_meta(local, DATABASE_KEY)
