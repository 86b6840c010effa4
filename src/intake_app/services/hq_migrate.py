"""``intake hq migrate``: an embedded (SQLCipher) HQ profile moved up to PostgreSQL.

The source profile is only read (under its import lock, so no import runs meanwhile).
Every HQ table is copied into a fresh PostgreSQL database (``store.pg.copy``: per-table
batches, progress in the target, resumable after a kill), checked against a second read
of the source, then marked usable in one transaction that also appends a ``migrate``
entry to the event log (the copied entries keep their hashes and checkpoints, so the log
verifies across the move and later entries chain on). Last, a new profile folder is made
for the team store (same passphrase; its SQLCipher file holds the connection string and
the store id), built under a temporary name and renamed into place.

Keys stay with the importer: PostgreSQL's ``hq_keys`` gets the public halves only, the
new profile (on this machine) the whole keys, as ``intake hq init --database`` makes them
(services.hq_backend). The source profile keeps its own copy of every key.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from intake_app.errors import ProfileError, StoreCorrupt, UsageError
from intake_app.hq import eventlog
from intake_app.objstore import parse_url as _parse_s3
from intake_app.paths import fsync_dir
from intake_app.services import hq_backend
from intake_app.services.hq import HQService
from intake_app.store import hq as store_hq
from intake_app.store import meta as store_meta
from intake_app.store import profile as store_profile
from intake_app.store.backend import Store
from intake_app.store.blobs import BlobStore
from intake_app.store.ids import now_ms
from intake_app.store.pg import copy
from intake_app.store.pg.db import PgDatabase, check_no_password

# psycopg comes with this module: the CLI imports it only for ``intake hq migrate``.


@dataclass(frozen=True)
class MigrateSummary:
    hq_id: str
    new_profile: str
    rows: dict[str, int]
    seconds: float
    resumed: bool

    @property
    def records(self) -> int:
        return self.rows.get("records", 0)


def migrate_hq(svc: HQService, database: str, new_profile: Path, passphrase: str, *,
               db_password: str | None = None, blobs: str | None = None,
               progress: Callable[[str, int], None] | None = None) -> MigrateSummary:
    """Copy the unlocked embedded HQ ``svc`` into the empty PostgreSQL ``database`` (or
    finish an interrupted copy of it) and make ``new_profile`` open it. ``blobs``: an
    ``s3://bucket/prefix`` for the attachments (objects), else they become rows."""
    check_no_password(database)
    start = time.monotonic()
    src = svc._store
    if getattr(src, "dialect", "sqlite") != "sqlite":
        raise ProfileError("this HQ profile already keeps its store in PostgreSQL")
    new_profile = Path(new_profile)
    hq_id = svc.hq_id
    bucket: BlobStore | None = None
    if blobs is not None:
        from intake_app.store.s3blobs import S3Blobs

        blobs = s3_url(blobs)
        bucket = S3Blobs.connect(blobs)
    with svc._lock, svc._import_lock(None):
        pg = PgDatabase(database, password=db_password)
        try:
            st = copy.target_state(pg)
            if st.state in ("other", "done") and not (st.state == "done" and st.hq_id == hq_id):
                raise ProfileError("the target database already holds another HQ's data ("
                                   f"{st.hq_id or 'not an HQ store'}): give an empty database")
            if st.state == "copying" and st.hq_id != hq_id:
                raise ProfileError("the target database holds an unfinished migration of "
                                   f"another HQ ({st.hq_id}): give an empty database")
            if st.state != "done" and store_profile.profile_exists(new_profile):
                raise ProfileError(f"a profile already exists in {new_profile}")
            if st.state in ("copying", "done") and st.blobs != blobs:
                raise UsageError("this migration was started with " + (
                    f"--blobs {st.blobs}" if st.blobs else "no --blobs")
                    + ": run it again the same way")
            resumed = st.state != "empty"
            store_id = st.store_id or secrets.token_hex(16)
            if st.state == "empty":
                copy.begin(pg, hq_id, store_id, blobs)
            if st.state == "done":
                rows = {t: copy.target_count(pg, t) for t, _key in copy.PLAN}
            else:
                rows = _copy_all(src, pg, hq_id, store_id, blobs, bucket, progress)
            if st.state != "done":
                sk = svc.signing_key()

                def log_move(conn: object) -> None:
                    eventlog.append_entry(conn, kind="migrate", at=now_ms(), signing_key=sk,
                                          hq_id=hq_id, detail={"from": "embedded",
                                                               "records": rows["records"]})

                copy.finish(pg, {"kind": "hq", hq_backend.STORE_ID_KEY: store_id,
                                 "hq.migrated_from": json.dumps(
                                     {"at": now_ms(), "rows": rows, "blobs": blobs},
                                     sort_keys=True)},
                            log_move)
        finally:
            pg.close()
        _make_profile(new_profile, passphrase, database, store_id, db_password, blobs,
                      store_hq.keys_with_secrets(src))
    return MigrateSummary(hq_id=hq_id, new_profile=str(new_profile), rows=rows,
                          seconds=time.monotonic() - start, resumed=resumed)


def _copy_all(src: Store, pg: PgDatabase, hq_id: str, store_id: str, blobs: str | None,
              bucket: BlobStore | None,
              progress: Callable[[str, int], None] | None) -> dict[str, int]:
    for attempt in (1, 2):
        for table, key in copy.PLAN:
            copy.copy_table(src, pg, table, key, progress, bucket)
        # The source may have changed while an earlier run was interrupted (an import
        # in between): a second read must sum to what was copied, table by table.
        changed = [t for t, key in copy.PLAN
                   if copy.source_digest(src, t, key) != copy.copied(pg, t)]
        # (meta: the target names its own blobs, under its own ``blob_name_key``)
        short = [t for t, _key in copy.PLAN
                 if t != "meta" and copy.target_count(pg, t) != copy.copied(pg, t)[0]]
        if short:
            raise StoreCorrupt(f"the target database lost rows of {', '.join(short)} during "
                               "the migration (another program writes to it?)")
        if not changed:
            return {t: copy.copied(pg, t)[0] for t, _key in copy.PLAN}
        if attempt == 2:
            raise StoreCorrupt("the source profile keeps changing during the migration "
                               f"({', '.join(changed)}): stop imports and run it again")
        copy.restart(pg)
        copy.begin(pg, hq_id, store_id, blobs)
    raise AssertionError("unreachable")


def _staging(new_profile: Path) -> Path:
    return new_profile.parent / f".{new_profile.name}.migrating"


def s3_url(blobs: str) -> str:
    return _parse_s3(blobs).url


def _make_profile(new_profile: Path, passphrase: str, database: str, store_id: str,
                  db_password: str | None, blobs: str | None,
                  keys: list[tuple[str, str, bytes, str, int, int | None]]) -> None:
    """The team profile, made once: under a temporary name, then renamed (a kill leaves
    either no profile or a whole one). On a rerun, the one there must open this store."""
    if store_profile.profile_exists(new_profile):
        with HQService(new_profile, db_password=db_password) as check:
            check.unlock(passphrase)  # refuses another store (store ids differ)
            if getattr(check._store, "dialect", "") != "postgresql":
                raise ProfileError(f"a profile already exists in {new_profile}")
        return
    staging = _staging(new_profile)
    shutil.rmtree(staging, ignore_errors=True)
    db = store_profile.create_profile(staging, passphrase, "hq")
    try:
        with db.transaction() as conn:
            store_meta.put_meta(conn, {hq_backend.DATABASE_KEY: database,
                                       hq_backend.STORE_ID_KEY: store_id,
                                       # the bucket the new profile's attachments are in
                                       **({} if blobs is None
                                          else {hq_backend.BLOBS_KEY: blobs})})
            # HQ's private keys: here, on the importer's machine, not in PostgreSQL.
            for purpose, label, secret, public, created, retired in keys:
                store_hq.add_key(conn, purpose, label, secret, public, created_at=created,
                                 retired_at=retired)
    finally:
        db.close()
    copy.step("profile")
    if new_profile.exists():
        new_profile.rmdir()  # an empty folder the user made (a full one is refused above)
    os.rename(staging, new_profile)
    fsync_dir(new_profile.parent)
