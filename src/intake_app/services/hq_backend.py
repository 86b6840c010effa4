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
# The s3://bucket/prefix of a team HQ's attachment objects (none: bytea rows). Endpoint
# and credentials are never stored: they come from the environment (intake_app.objstore).
BLOBS_KEY = "hq.blobs"


def open_empty(database: str, password: str | None, blobs: str | None = None) -> PgDatabase:
    """Before ``create``: the database a new HQ will use, reachable and empty, and its
    bucket reachable (so a bad URL, password or bucket leaves no half-made profile)."""
    from intake_app.store.pg.db import PgDatabase, check_no_password

    check_no_password(database)
    from intake_app.store.pg.copy import target_state

    store = None
    if blobs is not None:
        from intake_app.store.s3blobs import S3Blobs

        store = S3Blobs.connect(blobs)  # checks the URL, the settings and the bucket
    pg = PgDatabase(database, password=password)
    # Not "empty": an HQ store, or an unfinished ``intake hq migrate`` into it.
    if target_state(pg).state != "empty":
        pg.close()
        raise ProfileError("that database already holds an HQ store: give an empty one")
    pg.blob_store = store
    return pg


def move_new_store(local: Store, pg: PgDatabase, database: str) -> Store:
    """After ``create``: the new HQ's store is the (empty) PostgreSQL database."""
    store_id = secrets.token_hex(16)
    with pg.transaction() as conn:
        store_meta.put_meta(conn, {**store_meta.all_meta(local), STORE_ID_KEY: store_id})
    remember = {DATABASE_KEY: database, STORE_ID_KEY: store_id}
    if pg.blob_store is not None:
        remember[BLOBS_KEY] = pg.blob_store.location.url
    with local.transaction() as conn:
        store_meta.put_meta(conn, remember)
    local.close()
    return pg


def attach_blobs(local: Store, pg: PgDatabase) -> None:
    """The bucket this profile names, on ``pg`` (no network call: an unreachable store
    fails the first read or write with one line, not every unlock)."""
    url = store_meta.get_meta(local, BLOBS_KEY)
    if url is None:
        return
    from intake_app import objstore
    from intake_app.store.s3blobs import S3Blobs

    settings = objstore.settings_from_env()
    pg.blob_store = S3Blobs(objstore.parse_url(url), objstore.make_client(settings))


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
        attach_blobs(local, pg)
        purge_incomplete(pg)
    except BaseException:
        pg.close()
        raise
    local.close()
    return pg


def database_of(local: Store) -> str | None:
    return store_meta.get_meta(local, DATABASE_KEY)


def blobs_of(local: Store) -> str | None:
    return store_meta.get_meta(local, BLOBS_KEY)
