"""The HQ profile: keys, devices, provisioning, bundle import, receipts, records."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import shutil
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from nacl.public import PrivateKey, PublicKey
from nacl.signing import SigningKey, VerifyKey

from intake_app.crypto import (
    DeviceEntry,
    Keyring,
    VerifiedBundle,
    check_chain,
    fingerprint,
    make_receipt,
    open_bundle,
    verify_bundle,
    verify_statement,
)
from intake_app.crypto.bundle import FORMAT_VERSION_2
from intake_app.errors import (
    BundleError,
    DiskFull,
    IntakeError,
    NotFound,
    ObjectStoreError,
    StoreCorrupt,
    UsageError,
    ValidationFailed,
)
from intake_app.forms import Form, validate_record
from intake_app.hq import eventlog, keybackup
from intake_app.hq.eventlog import LogEntry
from intake_app.hq.export import EXPORT_WARNING, ExportRecord, ExportSummary, export_records
from intake_app.hq.keybackup import KeyMaterial, RecipientSecret
from intake_app.models import DeviceInfo, ImportOutcome, Policy, RecordStatus
from intake_app.paths import FILE_MODE, atomic_write, ensure_private_dir
from intake_app.services import enrollment, hq_backend, hq_restore
from intake_app.services.base import locked
from intake_app.services.cases import Handoff
from intake_app.services.hq_import import Check, import_items, import_lock
from intake_app.services.outbox_io import split_volume_hint
from intake_app.services.payload import RecordPayload
from intake_app.services.report import ReportDesk
from intake_app.store import events as store_events
from intake_app.store import hq as store_hq
from intake_app.store import meta as store_meta
from intake_app.store import records as rec_store
from intake_app.store.attachments import iter_attachment, sweep_blobs
from intake_app.store.backend import Store
from intake_app.store.ids import now_ms

QUARANTINE_DIR = "quarantine"
# Failures of HQ's own store or disk: not the bundle's fault, so they propagate
# instead of quarantining a good bundle (everything else inside a bundle is refused).
# Errors reading the bundle's medium (a bad sector, a stick pulled out).
_READ_FAILURES = (errno.EIO, errno.ENXIO, errno.ENODEV, errno.ESTALE, errno.ENOMEDIUM)
_STORE_FAILURES = (StoreCorrupt, DiskFull, ObjectStoreError, MemoryError,
                   sqlcipher3.OperationalError,
                   sqlcipher3.InterfaceError)
# Held by whoever imports into this HQ store (CLI, GUI, drop box fetch), so two runs at
# once do not both decide a bundle is new (finding 3 of issue 14).
IMPORT_LOCK = "import.lock"

class _AlreadyImported(Exception):
    """Another import committed this (device, sequence) after our chain check."""

    def __init__(self, statement_hash: str) -> None:
        self.statement_hash = statement_hash


LOG_WITNESS_SUFFIX = ".log-checkpoint.sig"


class HQService(ReportDesk):
    kind = "hq"

    def __init__(self, data_dir: Path, database: str | None = None,
                 db_password: str | None = None, blobs: str | None = None) -> None:
        """``database``: a PostgreSQL connection string for a new team HQ (``init_hq``);
        an existing profile remembers its own. ``db_password``: as typed at a prompt.
        ``blobs``: ``s3://bucket/prefix`` for its attachments (with ``database``)."""
        super().__init__(data_dir)
        self._database, self._db_password, self._db_password_typed = database, db_password, False
        if blobs is not None and database is None:
            raise UsageError("--blobs s3://... needs --database postgresql://...")
        self._blobs = blobs
        self._new_pg: Any = None  # store.pg.db.PgDatabase, imported lazily
        self._local: Store | None = None  # a team HQ's profile store: HQ's private keys

    def _after_create(self) -> None:
        if self._new_pg is not None and self._database is not None and self._db is not None:
            pg, self._new_pg = self._new_pg, None
            self._db, self._local = pg, hq_backend.move_new_store(self._db, pg, self._database)

    def _after_unlock(self) -> None:
        if self._db is not None:
            self._db, self._local = hq_backend.open_team_store(self._db, self._db_password)

    @locked
    def lock(self) -> None:
        if self._db_password_typed:  # typed at the unlock prompt (team_db): forgotten
            self._db_password, self._db_password_typed = None, False
        local, self._local = self._local, None
        super().lock()
        if local is not None:
            local.close()

    close = lock

    @locked
    def team_role(self) -> str | None:
        """A team member's role ("supervisor", "caseworker", "auditor"), or None for the
        owner, an importer or an embedded HQ: which screens make sense (the database
        refuses the rest whatever the screens do)."""
        member = getattr(self._store, "member", None)
        return member if member in ("supervisor", "caseworker", "auditor") else None

    @property
    def _keys(self) -> Store:
        """Where HQ's private keys are: never in PostgreSQL (hq_backend)."""
        return self._local if self._local is not None else self._store

    # -- creation and keys ----------------------------------------------------------
    @locked
    def init_hq(self, passphrase: str, org_name: str, recipient_keys: int = 2) -> None:
        if self._database is not None:
            self._new_pg = hq_backend.open_empty(self._database, self._db_password,
                                                 self._blobs)
        try:
            self.create(passphrase)
        finally:
            if self._new_pg is not None:  # create failed before the store moved
                self._new_pg.close()
                self._new_pg = None
        hq_id = "hq-" + secrets.token_hex(6)
        ts = now_ms()
        sk = SigningKey.generate()
        keys = [("signing", "signing", bytes(sk), bytes(sk.verify_key).hex())]
        for i in range(recipient_keys):
            pk = PrivateKey.generate()
            keys.append(("recipient", "main" if i == 0 else f"backup-{i}", bytes(pk),
                         bytes(pk.public_key).hex()))
        hq_backend.add_keys(self._local, self._store, keys, ts)
        with self._store.transaction() as conn:
            store_meta.insert_meta(conn, {"hq_id": hq_id, "org_name": org_name})
        self._log("init", {"hq_id": hq_id, "org_name": org_name})

    @property
    def hq_id(self) -> str:
        return self.meta("hq_id") or ""

    def signing_key(self) -> SigningKey:
        secret = store_hq.signing_secret(self._keys)
        if secret is None:
            raise IntakeError("HQ profile has no signing key")
        return SigningKey(secret)

    def recipient_private_keys(self) -> list[PrivateKey]:
        """Every recipient key, retired ones too: old bundles must still open."""
        return [PrivateKey(secret) for _l, secret, _r in store_hq.recipient_secrets(self._keys)]

    def _active_recipients(self) -> list[tuple[str, str]]:
        return store_hq.active_recipients(self._store)

    @locked
    def fingerprint(self) -> str:
        return fingerprint(bytes(self.verify_key()))

    def verify_key(self) -> VerifyKey:
        """HQ's signing public key: from the profile's key, else (a team member's profile,
        keyless) the public half the store holds."""
        if store_hq.signing_secret(self._keys) is None and (
                public := store_hq.signing_public(self._store)) is not None:
            return VerifyKey(bytes.fromhex(public))
        return self.signing_key().verify_key

    # -- forms and provisioning ----------------------------------------------------
    @locked
    def provisioning(self, policy: Policy | None = None) -> bytes:
        reg = self.registry()
        latest: dict[str, Form] = {}
        for f in reg.list():
            latest[f.id] = reg.get(f.id)
        # Strictly increasing issue times: laptops refuse a file older than the one they
        # applied (finding 10), so two files made in one second must still be ordered.
        issued = max(int(time.time()), int(self.meta("provisioning_issued_at") or 0) + 1)
        self.set_meta("provisioning_issued_at", str(issued))
        return enrollment.build_provisioning(
            signing_key=self.signing_key(), hq_id=self.hq_id, org_name=self.meta("org_name") or "",
            recipients=self._active_recipients(), forms=list(latest.values()),
            policy=policy or Policy(), issued_at=issued,
        )

    # -- devices --------------------------------------------------------------------
    @locked
    def enroll_device(self, card_bytes: bytes) -> DeviceInfo:
        card = enrollment.read_device_card(card_bytes)
        if card.hq_id != self.hq_id:
            raise IntakeError(f"device card is for {card.hq_id}, not this HQ ({self.hq_id})")
        row = store_hq.device_row(self._store, card.device_id)
        pub = bytes(card.public_key).hex()
        if row is not None:
            if row[2] != pub:
                raise IntakeError(f"device {card.device_id} is enrolled with another key")
            if row[4] is not None:
                raise IntakeError(f"device {card.device_id} was revoked; it cannot re-enroll")
        else:
            if store_hq.device_with_key(self._store, pub) is not None:
                raise IntakeError("that device key is already enrolled under another id")
            with self._store.transaction() as conn:
                store_hq.add_device(conn, card.device_id, pub, card.label, now_ms())
            self._log("enroll", {"device_id": card.device_id, "fingerprint": card.fingerprint})
        return self._device_info(card.device_id)

    @locked
    def revoke_device(self, device_id: str) -> DeviceInfo:
        row = store_hq.device_row(self._store, device_id)
        if row is None:
            raise NotFound(f"no device {device_id}")
        if row[4] is None:
            with self._store.transaction() as conn:
                store_hq.revoke_device(conn, device_id)
            self._log("revoke", {"device_id": device_id})
        return self._device_info(device_id)

    def _device_info(self, device_id: str) -> DeviceInfo:
        row = store_hq.device_row(self._store, device_id)
        if row is None:
            raise NotFound(f"no device {device_id}")
        seqs = store_hq.received_sequences(self._store, device_id)
        top = max(seqs, default=0)
        missing = sorted(set(range(1, top + 1)) - set(seqs))
        return DeviceInfo(device_id=row[0], label=row[1],
                          fingerprint=fingerprint(bytes.fromhex(row[2])), enrolled_at=row[3],
                          revoked_at=row[4], received=tuple(seqs), missing=tuple(missing),
                          last_sequence=top)

    @locked
    def devices(self) -> list[DeviceInfo]:
        return [self._device_info(row[0]) for row in store_hq.device_rows(self._store)]

    @locked
    def keyring(self) -> Keyring:
        devices = []
        for dev_id, _label, pub, enrolled, revoked in store_hq.device_rows(self._store):
            devices.append(DeviceEntry(dev_id, VerifyKey(bytes.fromhex(pub)),
                                       "revoked" if revoked is not None else "enrolled",
                                       enrolled // 1000,
                                       None if revoked is None else revoked // 1000))

        serial = int(self.meta("keyring_serial") or "0") + 1
        return Keyring.build(
            hq_id=self.hq_id, org_name=self.meta("org_name") or "",
            hq_signing_key=self.signing_key().verify_key,
            recipients=[(lbl, PublicKey(bytes.fromhex(pk))) for lbl, pk in
                        self._active_recipients()],
            devices=devices, serial=serial, issued_at=int(time.time()),
        )  # fmt: skip

    @locked
    def keyring_bytes(self) -> bytes:
        ring = self.keyring()
        self.set_meta("keyring_serial", str(ring.serial))
        return ring.to_bytes(self.signing_key())

    # -- import -------------------------------------------------------------------
    def _known_chains(self) -> dict[str, list[tuple[int, str]]]:
        return store_hq.known_chains(self._store)

    def _quarantine(self, path: Path, reason: str, fh: Any | None = None) -> None:
        """Keep a private copy (0600) of a refused bundle and the reason beside it.

        The copy is made from the already opened regular file, never by path: a
        symlink or a file swapped since it was opened is not followed."""
        folder = ensure_private_dir(self.data_dir / QUARANTINE_DIR)
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        base = f"{stamp}-{secrets.token_hex(3)}-{path.name}"
        if fh is not None:
            try:
                fh.seek(0)
                fd = os.open(folder / base, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
                with os.fdopen(fd, "wb") as out:
                    shutil.copyfileobj(fh, out, 1 << 20)
            except OSError:
                pass  # the reason file still records what happened
        atomic_write(folder / (base + ".reason.txt"), (reason + "\n").encode("utf-8"))

    def _reject(self, path: Path, exc: BundleError, fh: Any | None) -> ImportOutcome:
        self._quarantine(path, str(exc), fh)
        self._log("reject", {"file": path.name, "reason": str(exc)})
        return ImportOutcome(path=str(path), verdict="rejected", kind=exc.kind,
                             reason=str(exc), quarantined=fh is not None)

    def _import_lock(self, on_wait: Callable[[], None] | None) -> Any:
        return import_lock(self.data_dir / IMPORT_LOCK, on_wait)

    @locked
    def import_bundle(self, path: Path,
                      progress: Callable[[int, int], None] | None = None,
                      on_wait: Callable[[], None] | None = None) -> ImportOutcome:
        """Verify, check the chain, decrypt and commit one bundle (all or nothing).

        Whatever goes wrong inside one bundle is that bundle's rejection (quarantined,
        logged, reported), so one bad file never stalls the others; only failures of
        HQ's own store or disk propagate. Only regular files are read: the name is
        opened without following a symlink and checked with fstat."""
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return self._reject(path, BundleError(
                    "header", "not a regular file (a symbolic link): not read"), None)
            return ImportOutcome(path=str(path), verdict="rejected", kind="header",
                                 reason=f"cannot read: {exc.strerror}")
        with os.fdopen(fd, "rb") as fh, self._import_lock(on_wait):
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return self._reject(path, BundleError(
                    "header", "not a regular file: not read"), None)
            try:
                try:
                    return self._import_open(path, fh, progress)
                except BaseException:
                    with contextlib.suppress(Exception):  # the first error is the one
                        sweep_blobs(self._store)  # a rolled-back import's blob files
                    raise
            except BundleError as exc:
                if hint := split_volume_hint(path):
                    exc = BundleError(exc.kind, str(exc) + hint)
                return self._reject(path, exc, fh)
            except _STORE_FAILURES:
                raise
            except Exception as exc:  # anything else is this bundle's fault
                if isinstance(exc, OSError) and exc.errno in _READ_FAILURES:
                    # The medium failed, not the bundle: nothing to quarantine (a copy
                    # read from elsewhere imports), and not reported as a bad payload.
                    self._log("unreadable", {"file": path.name, "reason": exc.strerror})
                    return ImportOutcome(path=str(path), verdict="rejected", kind="header",
                                         reason=f"cannot read: {exc.strerror} (nothing "
                                                "imported; import a fresh copy)")
                detail = f"{type(exc).__name__}: {exc}"[:300]
                return self._reject(path, BundleError(
                    "payload", f"bundle could not be imported ({detail})"), fh)

    def _import_open(self, path: Path, fh: Any,
                     progress: Callable[[int, int], None] | None) -> ImportOutcome:
        ring = self.keyring()
        v: VerifiedBundle = verify_statement(fh, ring)
        if v.header.version < FORMAT_VERSION_2:
            # v1 keeps its full verify pass before decrypting; a v2 import reads the file
            # once: the single-pass open below hashes the stream and the blob region as
            # it reads them and refuses before anything commits (bundle-format.md §8.4).
            v = verify_bundle(fh, ring)
        if v.header.hq_id != self.hq_id:
            raise BundleError("recipient", f"bundle is for {v.header.hq_id}, not this HQ")
        notes: list[str] = []
        known = self._known_chains()
        for f in check_chain([v], known):
            if f.kind == "duplicate":
                self._confirm_whole(fh, ring, v)
                return ImportOutcome(path=str(path), verdict="duplicate", device_id=v.device_id,
                                     sequence=v.sequence, reason="already imported")
            if f.kind == "older":
                # A late volume (another stick, a resend) filling a gap is welcome, as
                # long as the bundle after it names it as its predecessor.
                self._check_forward_link(v, dict(known.get(v.device_id, [])))
                notes.append(f"late volume: fills sequence {v.sequence}")
                continue
            if f.refuse:
                raise f.error()
            if f.kind == "gap":
                notes.append(f"gap: {f.device_id} sequence {f.sequence} missing")
        self._check_forward_link(v, dict(known.get(v.device_id, [])))
        registry, handed = self.registry(), Handoff(self)

        def check(r: RecordPayload) -> None:
            try:
                validate_record(registry.get(r.form_id, r.form_version), r.values)
            except (NotFound, ValidationFailed) as exc:
                raise BundleError("payload", f"record does not validate: {exc}") from None
            handed.note(r)  # the sync's facts, while the values are at hand

        try:
            counts = self._commit_import(fh, ring, v, check, progress)
        except _AlreadyImported as dup:
            if dup.statement_hash != v.statement_hash.hex():
                raise BundleError("chain", f"fork: device {v.device_id} #{v.sequence} was "
                                           "imported with different content") from None
            self._confirm_whole(fh, ring, v)
            return ImportOutcome(path=str(path), verdict="duplicate", device_id=v.device_id,
                                 sequence=v.sequence, reason="already imported")
        self._sync_cases(handed=handed)  # the new records join cases (services.cases)
        return ImportOutcome(path=str(path), verdict="imported", device_id=v.device_id,
                             sequence=v.sequence, records=counts[0], attachments=counts[1],
                             notes=tuple(notes))

    @staticmethod
    def _confirm_whole(fh: Any, ring: Keyring, v: VerifiedBundle) -> None:
        """A v2 bundle is hashed while it is opened; one not opened (a duplicate) is
        hashed here, so a changed copy of an imported bundle is refused, not 'duplicate'."""
        if v.header.version >= FORMAT_VERSION_2:
            verify_bundle(fh, ring)

    def _commit_import(self, fh: Any, ring: Keyring, v: VerifiedBundle, check: Check,
                       progress: Callable[[int, int], None] | None) -> tuple[int, int]:
        with self._store.small_cache(), self._store.transaction() as conn:
            # The duplicate check again, inside the write transaction: whatever another
            # process committed since the chain check is seen here, not as a UNIQUE error.
            existing = store_hq.received_hash_in(conn, v.device_id, v.sequence)
            if existing is not None:
                raise _AlreadyImported(existing)
            # single_pass with verified=v: the decrypt pass hashes exactly the bytes it
            # decrypts and checks them against v's statement before anything commits
            # (finding 7: a file changed between the verify pass and this one was
            # stored under the first file's hash).
            counts = import_items(conn, open_bundle(fh, self.recipient_private_keys(), ring,
                                                   verified=v, single_pass=True),
                                  device_id=v.device_id, seq=v.sequence, check=check,
                                  progress=progress, total=v.size)
            store_hq.add_received(conn, device_id=v.device_id, seq=v.sequence,
                                  statement_hash=v.statement_hash.hex(), prev=v.prev.hex(),
                                  size=v.size, record_count=v.statement.record_count,
                                  created_at=v.header.created_at)
            self._log_in(conn, "import", {"device_id": v.device_id, "seq": v.sequence,
                                          "statement_hash": v.statement_hash.hex()})
        return counts[0], counts[1]

    def _check_forward_link(self, v: VerifiedBundle, seqs: dict[int, str]) -> None:
        nxt = v.sequence + 1
        if nxt in seqs:
            prev = store_hq.received_prev(self._store, v.device_id, nxt)
            if prev is not None and prev != v.statement_hash.hex():
                raise BundleError("chain", f"wrong-prev: device {v.device_id} #{nxt} does not "
                                           f"chain to this #{v.sequence}")

    # -- receipts -------------------------------------------------------------------
    @locked
    def receipts(self, device_id: str | None = None) -> dict[str, bytes]:
        """One signed receipt per device that has sent bundles: {device_id: receipt}."""
        out: dict[str, bytes] = {}
        ids = [device_id] if device_id else store_hq.sending_devices(self._store)
        for dev in ids:
            entries = store_hq.receipt_entries(self._store, dev)
            if not entries:
                if device_id:
                    raise NotFound(f"no bundles received from {device_id}")
                continue
            with self._store.transaction() as conn:
                # The log head goes with the receipt: the laptop keeps it as a witness
                # that a later, rewritten log would contradict (eventlog.Witness).
                head = eventlog.current_head(conn)
                out[dev] = make_receipt(self.signing_key(), self.hq_id, dev, entries, log=head)
                self._log_in(conn, "receipt", {"device_id": dev, "through": entries[-1][0]})
        return out

    # -- records: list, count, search, show live on ProfileService --------------------
    @locked
    def attachment_chunks(self, att_id: str) -> list[bytes]:
        return list(iter_attachment(self._store, att_id))

    # -- event log ------------------------------------------------------------------
    def _log(self, kind: str, detail: dict[str, Any]) -> None:
        """Append to the hash-chained event log (intake_app.hq.eventlog); every
        CHECKPOINT_EVERY entries HQ signs a checkpoint over the head."""
        with self._store.transaction() as conn:
            self._log_in(conn, kind, detail)

    def _log_in(self, conn: Any, kind: str, detail: dict[str, Any]) -> None:
        """Append inside the caller's transaction (an import and its entry commit together)."""
        try:
            sk: SigningKey | None = self.signing_key()
        except IntakeError:
            sk = None
        if hq_backend.log_as_member(conn, self._store, kind, detail):
            return  # a team member's entry, written by the database (store.pg.roles)
        eventlog.append_entry(conn, kind=kind, detail=detail, at=now_ms(),
                              signing_key=sk, hq_id=self.hq_id)

    # -- exports, key backup and the signed log (intake_app.hq) ------------------------
    @locked
    def export_forms(self, form_id: str | None = None) -> dict[str, list[Form]]:
        """Every form version that HQ records use, by form id (for exports)."""
        reg = self.registry()
        rows = store_hq.form_versions_in_use(self._store, form_id)
        out: dict[str, list[Form]] = {}
        for fid, version in rows:
            out.setdefault(fid, []).append(reg.get(fid, version))
        if form_id and not out:
            reg.get(form_id)  # NotFound for an unknown form; else simply no records
            out[form_id] = [reg.get(form_id)]
        return out

    def _export_rows(self, form_id: str | None) -> Iterator[ExportRecord]:
        for rid, row in store_hq.export_rows(self._store, form_id):
            atts = tuple(a.model_dump(mode="json", exclude={"record_id"})
                         for a in rec_store.list_attachments(self._store, rid))
            yield ExportRecord(record_id=rid, form_id=row[0], form_version=row[1],
                               status=row[2], revision=row[3], created_at=row[4],
                               updated_at=row[5], values=json.loads(row[6]),
                               device_id=row[7] or "", bundle_seq=row[8], attachments=atts)

    @locked
    def export_records(self, fmt: str, out: Path, *, form_id: str | None = None,
                       lang: str | None = None, raw: bool = False,
                       progress: Callable[[int, int], None] | None = None) -> ExportSummary:
        """Write records as csv (a folder), xlsx or jsonl (a file); see
        intake_app.hq.export. The files are NOT encrypted: show EXPORT_WARNING first.
        Returns an ExportSummary; the export is recorded in the event log."""
        forms = self.export_forms(form_id)
        total = store_hq.record_count(self._store, form_id)
        summary = export_records(self._export_rows(form_id), forms, fmt, Path(out), lang=lang,
                                 raw=raw, progress=progress, total=int(total))
        sk = None if hq_backend.is_member(self._store) else self.signing_key()
        with self._store.transaction() as conn:
            self._log_in(conn, "export", {"format": fmt, "form": form_id or "",
                                          "records": summary.records,
                                          "labels": "raw" if raw else (lang or "default")})
            cp = eventlog.add_checkpoint(conn, sk, self.hq_id, now_ms()) if sk else None
        # The signed log head travels with the export: whoever receives it holds a
        # witness of HQ's log (``intake verify --log LOG --since FILE``). A team member
        # holds no signing key: their export's log rows are signed by the importer's next.
        out = Path(out)
        if cp is not None:
            atomic_write(out.with_name(out.name + LOG_WITNESS_SUFFIX), cp.document)
        return summary

    @locked
    def key_material(self) -> KeyMaterial:
        """HQ's private keys as intake_app.hq.keybackup.KeyMaterial (handle with care)."""
        recips = tuple(
            RecipientSecret(label, PrivateKey(secret), retired is not None)
            for label, secret, retired in store_hq.recipient_secrets(self._keys))
        return KeyMaterial(self.hq_id, self.meta("org_name") or "", self.signing_key(), recips)

    @locked
    def backup_keys(self, shares: int, threshold: int, passphrase: str = "") -> list[str]:
        """SLIP-39 mnemonics, any ``threshold`` of ``shares`` restore HQ's private keys."""
        mnemonics = keybackup.split(self.key_material(), shares, threshold, passphrase)
        self._log("key-backup", {"shares": shares, "threshold": threshold,
                                 "passphrase": bool(passphrase)})
        return mnemonics

    @locked
    def restore_keys(self, passphrase: str, mnemonics: list[str], *,
                     share_passphrase: str = "", keyring: bytes | None = None,
                     expect_fingerprint: str | None = None) -> KeyMaterial:
        """Create this (new) HQ profile from backup shares, with the same hq_id, keys and
        fingerprint. ``keyring``: HQ's last public keyring, to bring back the enrolled and
        revoked devices (it must be signed by the restored key). With ``database`` (a team
        HQ): the importer's profile for the store still in PostgreSQL (services.hq_restore).
        Nothing is created when the shares, the fingerprint, the keyring or the database
        do not match. Returns KeyMaterial."""
        return hq_restore.restore_keys(self, passphrase, mnemonics,
                                       share_passphrase=share_passphrase, keyring=keyring,
                                       expect_fingerprint=expect_fingerprint)

    @locked
    def log_bytes(self) -> bytes:
        """The event log as signed JSON Lines (intake_app.hq.eventlog), ending with a
        checkpoint signed now over the whole log (the export itself is an entry). A team
        member (no key): the log as far as HQ's last signed checkpoint."""
        if hq_backend.is_member(self._store):
            with self._store.transaction() as conn:
                signed = max((n for n, _d in store_events.checkpoints(conn)), default=0)
                return eventlog.export_lines(conn, hq_id=self.hq_id, org_name=self.meta(
                    "org_name") or "", hq_key=self.verify_key(), exported_at=now_ms(),
                    through=signed)
        sk = self.signing_key()
        at = now_ms()
        with self._store.transaction() as conn:
            eventlog.append_entry(conn, kind="log-export", detail={}, at=at, signing_key=sk,
                                  hq_id=self.hq_id, every=0)
            eventlog.add_checkpoint(conn, sk, self.hq_id, at)
            return eventlog.export_lines(conn, hq_id=self.hq_id,
                                         org_name=self.meta("org_name") or "",
                                         hq_key=sk.verify_key, exported_at=at)

    @locked
    def log_entries(self) -> list[LogEntry]:
        """Every event log entry (intake_app.hq.eventlog.LogEntry), oldest first."""
        return eventlog.read_entries(self._store)


__all__ = ["EXPORT_WARNING", "ExportSummary", "HQService", "RecordStatus", "keybackup"]
