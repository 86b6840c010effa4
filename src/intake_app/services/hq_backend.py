"""Where a team HQ's store lives: PostgreSQL instead of the profile's SQLCipher file.

The profile folder stays what unlocks HQ (header, passphrase, key slots): its SQLCipher
store then holds the metadata, the database's connection string, a store id that the
PostgreSQL side must match (so a profile never opens another HQ's database) and, on the
importer's machine only, HQ's private keys (``hq_keys`` with their secrets). PostgreSQL
holds every other table and ``hq_keys`` with the public halves only (secret NULL): a
database login, a dump or a backup of the server never holds a key that opens bundles or
signs for HQ. A team member's profile (``join_team``) holds no key at all.
"""

from __future__ import annotations

import json
import secrets
from typing import TYPE_CHECKING, Any

from intake_app.errors import AccessDenied, ProfileError
from intake_app.store import events as store_events
from intake_app.store import hq as store_hq
from intake_app.store import meta as store_meta
from intake_app.store.attachments import purge_incomplete
from intake_app.store.backend import Store

if TYPE_CHECKING:
    from intake_app.store.pg.db import PgDatabase

# store.pg (psycopg) is imported only when a profile uses PostgreSQL: loading it costs
# ~15 MiB of RSS in every HQ process, and HQ import must stay <= 64 MiB (issue 20).

# Logins that write the store as the importer does (the owner, the importer group).
WRITERS = ("owner", "importer")
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
    """After ``create``: the new HQ's store is the (empty) PostgreSQL database; the
    profile's own store stays open (the keys go there: ``add_keys``). Returns it."""
    store_id = secrets.token_hex(16)
    with pg.transaction() as conn:
        store_meta.put_meta(conn, {**store_meta.all_meta(local), STORE_ID_KEY: store_id})
    remember = {DATABASE_KEY: database, STORE_ID_KEY: store_id}
    if pg.blob_store is not None:
        remember[BLOBS_KEY] = pg.blob_store.location.url
    with local.transaction() as conn:
        store_meta.put_meta(conn, remember)
    return local


def attach_blobs(local: Store, pg: PgDatabase) -> None:
    """The bucket this profile names, on ``pg`` (no network call: an unreachable store
    fails the first read or write with one line, not every unlock)."""
    url = store_meta.get_meta(local, BLOBS_KEY)
    if url is None:
        return
    from intake_app import objstore
    from intake_app.store.s3blobs import S3Blobs

    settings = objstore.settings_from_env()
    pg.blob_store = S3Blobs.open(objstore.parse_url(url), settings)


def add_keys(local: Store | None, store: Store, keys: list[tuple[str, str, bytes, str]],
             at: int) -> None:
    """(purpose, label, secret, public hex) of new keys: whole in ``local`` (a team HQ's
    profile store), the public halves in ``store``; an embedded HQ keeps both in one."""
    if local is not None:
        with local.transaction() as conn:
            for purpose, label, secret, public in keys:
                store_hq.add_key(conn, purpose, label, secret, public, created_at=at)
    with store.transaction() as conn:
        for purpose, label, secret, public in keys:
            store_hq.add_key(conn, purpose, label, None if local is not None else secret,
                             public, created_at=at)


def _keys_off_the_server(local: Store, pg: PgDatabase) -> None:
    """Secrets found in PostgreSQL (a store made before migration 6, or copied up by
    ``intake hq migrate``) move into the profile, then are cleared on the server."""
    found = store_hq.keys_with_secrets(pg)
    if not found:
        return
    have = store_hq.public_keys(local)
    with local.transaction() as conn:
        for purpose, label, secret, public, created, retired in found:
            if public not in have:
                store_hq.add_key(conn, purpose, label, secret, public, created_at=created,
                                 retired_at=retired)
    with pg.transaction() as conn:
        store_hq.drop_secrets(conn)


NO_ROLE = ("this database login has no role in this HQ (the owner adds people: "
           "intake hq user add)")


def connect(database: str, password: str | None) -> PgDatabase:
    """The HQ database as this login; a login the database lets read nothing is told so."""
    from intake_app.store.pg.db import PgDatabase

    try:
        return PgDatabase(database, password=password)
    except AccessDenied:
        raise ProfileError(NO_ROLE) from None


def open_team_store(local: Store, password: str | None) -> tuple[Store, Store | None]:
    """After ``unlock``: (the PostgreSQL store this profile names, the profile's own store
    kept open for the keys), or (the local store, None) for an embedded HQ."""
    database = store_meta.get_meta(local, DATABASE_KEY)
    if database is None:
        return local, None
    from intake_app.store.pg import roles

    pg = connect(database, password)
    try:
        if store_meta.get_meta(pg, STORE_ID_KEY) != store_meta.get_meta(local, STORE_ID_KEY):
            raise ProfileError("the HQ database is not this profile's (store ids differ)")
        attach_blobs(local, pg)
        pg.member = roles.group_of(pg.conn)
        if pg.member is None:
            raise ProfileError(NO_ROLE)
        if pg.member in WRITERS:
            _keys_off_the_server(local, pg)
            purge_incomplete(pg)
    except BaseException:
        pg.close()
        raise
    return pg, local


def is_member(store: Store) -> bool:
    """A team member's store who is not an importer: no key, no plain content reads,
    no direct writes to the event log."""
    member = getattr(store, "member", None)
    return member is not None and member not in WRITERS


def log_as_member(conn: Any, store: Store, kind: str, detail: dict[str, Any]) -> bool:
    """A team member who is not an importer appends to the event log through the
    database (store.pg.roles: the login is stamped in); True when done so."""
    if not is_member(store):
        return False
    store_events.append_as_member(conn, kind, json.dumps(detail, sort_keys=True))
    return True


def database_of(local: Store) -> str | None:
    return store_meta.get_meta(local, DATABASE_KEY)


def blobs_of(local: Store) -> str | None:
    return store_meta.get_meta(local, BLOBS_KEY)
