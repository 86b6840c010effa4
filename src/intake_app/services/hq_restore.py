"""Restoring HQ's keys from backup shares (SLIP-39, hq.keybackup) into a new profile:
an embedded HQ (a new store with the keys and, from HQ's last keyring, the devices), or
the importer's profile of a team HQ whose store is still in PostgreSQL (the lost laptop
held only the keys: the database keeps records, cases, devices and the event log).

The team case checks everything before the profile is made: the database holds an HQ
store, the same HQ as the shares (hq_id and the signing key's public half), and the
login may hold HQ's keys (the owner or an importer). The keys go into the profile only;
PostgreSQL keeps the public halves (services.hq_backend). The restore is an entry in the
signed log, in the database's chain."""

from __future__ import annotations

from typing import TYPE_CHECKING

from intake_app.crypto import Keyring
from intake_app.errors import BundleError, IntakeError, ProfileError, UsageError
from intake_app.hq import keybackup
from intake_app.hq.keybackup import KeyMaterial
from intake_app.services import hq_backend
from intake_app.store import hq as store_hq
from intake_app.store import meta as store_meta
from intake_app.store.backend import Store
from intake_app.store.ids import now_ms

if TYPE_CHECKING:
    from intake_app.services.hq import HQService


def restore_keys(svc: HQService, passphrase: str, mnemonics: list[str], *,
                 share_passphrase: str = "", keyring: bytes | None = None,
                 expect_fingerprint: str | None = None) -> KeyMaterial:
    """``HQService.restore_keys``: see there."""
    km = keybackup.combine(mnemonics, share_passphrase)
    if expect_fingerprint is not None and " ".join(expect_fingerprint.split()) != \
            km.fingerprint:
        raise IntakeError(f"fingerprint mismatch: the shares restore {km.fingerprint}")
    if svc._database is not None:
        if keyring is not None:
            raise UsageError("the team database holds the devices already: restore "
                             "without --keyring")
        return _into_team(svc, svc._database, passphrase, km, len(mnemonics))
    ring: Keyring | None = None
    if keyring is not None:
        try:
            ring = Keyring.load(keyring, km.signing_key.verify_key)
        except BundleError as exc:
            raise IntakeError(f"the keyring is not this HQ's: {exc}") from None
        if ring.hq_id != km.hq_id:
            raise IntakeError(f"the keyring is for {ring.hq_id}, not {km.hq_id}")
    svc.create(passphrase)
    with svc._store.transaction() as conn:
        store_meta.insert_meta(conn, {"hq_id": km.hq_id, "org_name": km.org_name})
        _add_keys(conn, km, now_ms(), with_secrets=True)
        if ring is not None:
            store_meta.insert_meta(conn, {"keyring_serial": str(ring.serial)})
            for d in ring.devices.values():
                store_hq.add_device(conn, d.device_id, bytes(d.public_key).hex(),
                                    "restored from keyring", d.enrolled_at * 1000,
                                    None if d.revoked_at is None else d.revoked_at * 1000)
    svc._log("restore", {"hq_id": km.hq_id, "shares": len(mnemonics),
                         "devices": len(ring.devices) if ring else 0,
                         "keyring_serial": ring.serial if ring else 0})
    return km


def _add_keys(conn: object, km: KeyMaterial, ts: int, *, with_secrets: bool,
              skip: set[str] | None = None) -> None:
    """The shares' keys (``with_secrets=False``: public halves only), except ``skip``."""
    keys = [("signing", "signing", bytes(km.signing_key),
             bytes(km.signing_key.verify_key).hex(), False)]
    keys += [("recipient", r.label, bytes(r.key), bytes(r.key.public_key).hex(), r.retired)
             for r in km.recipients]
    for purpose, label, secret, public, retired in keys:
        if public not in (skip or set()):
            store_hq.add_key(conn, purpose, label, secret if with_secrets else None, public,
                             created_at=ts, retired_at=ts if retired else None)


def _into_team(svc: HQService, database: str, passphrase: str, km: KeyMaterial,
               shares: int) -> KeyMaterial:
    from intake_app.store.pg import roles

    pg = hq_backend.connect(database, svc._db_password)
    try:
        store_id = store_meta.get_meta(pg, hq_backend.STORE_ID_KEY)
        if store_meta.get_meta(pg, "kind") != "hq" or store_id is None:
            raise ProfileError("that database holds no HQ store")
        found = store_meta.get_meta(pg, "hq_id")
        if found != km.hq_id:
            raise ProfileError(f"that database holds HQ {found}, not {km.hq_id} (the "
                               "shares'): nothing was restored")
        if bytes(km.signing_key.verify_key).hex() not in store_hq.public_keys(pg):
            raise ProfileError("the shares' signing key is not the one that database "
                               "names: nothing was restored")
        if roles.group_of(pg.conn) not in hq_backend.WRITERS:
            raise ProfileError("only the HQ database's owner or an importer login holds "
                               "HQ's keys: restore with that login")
        org = store_meta.get_meta(pg, "org_name") or km.org_name
    finally:
        pg.close()
    svc.create(passphrase)
    local: Store = svc._store
    with local.transaction() as conn:
        store_meta.insert_meta(conn, {"hq_id": km.hq_id, "org_name": org})
        remember = {hq_backend.DATABASE_KEY: database, hq_backend.STORE_ID_KEY: store_id}
        if svc._blobs is not None:
            remember[hq_backend.BLOBS_KEY] = svc._blobs
        store_meta.put_meta(conn, remember)
        _add_keys(conn, km, now_ms(), with_secrets=True)
    svc.lock()
    svc.unlock(passphrase)  # as every later session: the database, checked and joined
    with svc._store.transaction() as conn:  # public halves a later backup has and it lacks
        _add_keys(conn, km, now_ms(), with_secrets=False, skip=store_hq.public_keys(svc._store))
    svc._log("restore", {"hq_id": km.hq_id, "shares": shares, "devices": len(svc.devices()),
                         "database": True})
    return km
