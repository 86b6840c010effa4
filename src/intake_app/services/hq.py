"""The HQ profile: keys, devices, provisioning, bundle import, receipts, records."""

from __future__ import annotations

import json
import secrets
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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
)
from intake_app.errors import BundleError, IntakeError, NotFound, ValidationFailed
from intake_app.forms import Form, validate_record
from intake_app.hq import eventlog, keybackup
from intake_app.hq.eventlog import LogEntry
from intake_app.hq.export import ExportRecord, ExportSummary, export_records
from intake_app.hq.keybackup import KeyMaterial, RecipientSecret
from intake_app.models import (
    DeviceInfo,
    ImportOutcome,
    Policy,
    RecordDetail,
    RecordFilter,
    RecordStatus,
    RecordSummary,
)
from intake_app.paths import atomic_write, ensure_private_dir
from intake_app.services import enrollment
from intake_app.services.base import ProfileService, locked
from intake_app.services.hq_import import import_items
from intake_app.store import records as rec_store
from intake_app.store.attachments import iter_attachment
from intake_app.store.records import now_ms

QUARANTINE_DIR = "quarantine"


class HQService(ProfileService):
    kind = "hq"

    # -- creation and keys ----------------------------------------------------------
    @locked
    def init_hq(self, passphrase: str, org_name: str, recipient_keys: int = 2) -> None:
        self.create(passphrase)
        hq_id = "hq-" + secrets.token_hex(6)
        ts = now_ms()
        with self.db.transaction() as conn:
            conn.execute("INSERT INTO meta VALUES ('hq_id', ?)", (hq_id,))
            conn.execute("INSERT INTO meta VALUES ('org_name', ?)", (org_name,))
            sk = SigningKey.generate()
            conn.execute(
                "INSERT INTO hq_keys (purpose, label, secret, public_hex, created_at) "
                "VALUES ('signing', 'signing', ?, ?, ?)",
                (bytes(sk), bytes(sk.verify_key).hex(), ts),
            )
            for i in range(recipient_keys):
                pk = PrivateKey.generate()
                label = "main" if i == 0 else f"backup-{i}"
                conn.execute(
                    "INSERT INTO hq_keys (purpose, label, secret, public_hex, created_at) "
                    "VALUES ('recipient', ?, ?, ?, ?)",
                    (label, bytes(pk), bytes(pk.public_key).hex(), ts),
                )
        self._log("init", {"hq_id": hq_id, "org_name": org_name})

    @property
    def hq_id(self) -> str:
        return self.meta("hq_id") or ""

    def signing_key(self) -> SigningKey:
        row = self.db.execute(
            "SELECT secret FROM hq_keys WHERE purpose = 'signing' AND retired_at IS NULL "
            "ORDER BY id DESC LIMIT 1").fetchone()  # fmt: skip
        if row is None:
            raise IntakeError("HQ profile has no signing key")
        return SigningKey(bytes(row[0]))

    def recipient_private_keys(self) -> list[PrivateKey]:
        """Every recipient key, retired ones too: old bundles must still open."""
        rows = self.db.execute("SELECT secret FROM hq_keys WHERE purpose = 'recipient'").fetchall()
        return [PrivateKey(bytes(r[0])) for r in rows]

    def _active_recipients(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT label, public_hex FROM hq_keys WHERE purpose = 'recipient' AND "
            "retired_at IS NULL ORDER BY id").fetchall()]  # fmt: skip

    @locked
    def fingerprint(self) -> str:
        return fingerprint(bytes(self.signing_key().verify_key))

    # -- forms and provisioning ----------------------------------------------------
    @locked
    def provisioning(self, policy: Policy | None = None) -> bytes:
        reg = self.registry()
        latest: dict[str, Form] = {}
        for f in reg.list():
            latest[f.id] = reg.get(f.id)
        return enrollment.build_provisioning(
            signing_key=self.signing_key(), hq_id=self.hq_id, org_name=self.meta("org_name") or "",
            recipients=self._active_recipients(), forms=list(latest.values()),
            policy=policy or Policy(),
        )

    # -- devices --------------------------------------------------------------------
    @locked
    def enroll_device(self, card_bytes: bytes) -> DeviceInfo:
        card = enrollment.read_device_card(card_bytes)
        if card.hq_id != self.hq_id:
            raise IntakeError(f"device card is for {card.hq_id}, not this HQ ({self.hq_id})")
        row = self.db.execute("SELECT public_hex, revoked_at FROM devices WHERE device_id = ?",
                              (card.device_id,)).fetchone()
        pub = bytes(card.public_key).hex()
        if row is not None:
            if row[0] != pub:
                raise IntakeError(f"device {card.device_id} is enrolled with another key")
            if row[1] is not None:
                raise IntakeError(f"device {card.device_id} was revoked; it cannot re-enroll")
        else:
            if self.db.execute("SELECT 1 FROM devices WHERE public_hex = ?", (pub,)).fetchone():
                raise IntakeError("that device key is already enrolled under another id")
            with self.db.transaction() as conn:
                conn.execute(
                    "INSERT INTO devices (device_id, public_hex, label, enrolled_at) "
                    "VALUES (?, ?, ?, ?)", (card.device_id, pub, card.label, now_ms()))  # fmt: skip
            self._log("enroll", {"device_id": card.device_id, "fingerprint": card.fingerprint})
        return self._device_info(card.device_id)

    @locked
    def revoke_device(self, device_id: str) -> DeviceInfo:
        row = self.db.execute("SELECT revoked_at FROM devices WHERE device_id = ?",
                              (device_id,)).fetchone()
        if row is None:
            raise NotFound(f"no device {device_id}")
        if row[0] is None:
            with self.db.transaction() as conn:
                conn.execute("UPDATE devices SET revoked_at = ? WHERE device_id = ?",
                             (now_ms(), device_id))
            self._log("revoke", {"device_id": device_id})
        return self._device_info(device_id)

    def _device_info(self, device_id: str) -> DeviceInfo:
        row = self.db.execute(
            "SELECT device_id, label, public_hex, enrolled_at, revoked_at FROM devices "
            "WHERE device_id = ?", (device_id,)).fetchone()  # fmt: skip
        if row is None:
            raise NotFound(f"no device {device_id}")
        seqs = [r[0] for r in self.db.execute(
            "SELECT seq FROM received_bundles WHERE device_id = ? ORDER BY seq", (device_id,))]
        top = max(seqs, default=0)
        missing = sorted(set(range(1, top + 1)) - set(seqs))
        return DeviceInfo(device_id=row[0], label=row[1],
                          fingerprint=fingerprint(bytes.fromhex(row[2])), enrolled_at=row[3],
                          revoked_at=row[4], received=tuple(seqs), missing=tuple(missing),
                          last_sequence=top)

    @locked
    def devices(self) -> list[DeviceInfo]:
        ids = [r[0] for r in self.db.execute("SELECT device_id FROM devices ORDER BY device_id")]
        return [self._device_info(d) for d in ids]

    @locked
    def keyring(self) -> Keyring:
        devices = []
        for dev_id, pub, enrolled, revoked in self.db.execute(
            "SELECT device_id, public_hex, enrolled_at, revoked_at FROM devices ORDER BY device_id"
        ).fetchall():  # fmt: skip

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
        known: dict[str, list[tuple[int, str]]] = {}
        for dev, seq, h in self.db.execute(
                "SELECT device_id, seq, statement_hash FROM received_bundles"):
            known.setdefault(dev, []).append((seq, h))
        return known

    def _quarantine(self, path: Path, reason: str) -> None:
        folder = ensure_private_dir(self.data_dir / QUARANTINE_DIR)
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        base = f"{stamp}-{secrets.token_hex(3)}-{path.name}"
        try:
            shutil.copyfile(path, folder / base)
        except OSError:
            pass  # the reason file still records what happened
        atomic_write(folder / (base + ".reason.txt"), (reason + "\n").encode("utf-8"))

    @locked
    def import_bundle(self, path: Path,
                      progress: Callable[[int, int], None] | None = None) -> ImportOutcome:
        """Verify, check the chain, decrypt and commit one bundle (all or nothing)."""
        try:
            fh = open(path, "rb")
        except OSError as exc:
            return ImportOutcome(path=str(path), verdict="rejected", kind="header",
                                 reason=f"cannot read: {exc.strerror}")
        with fh:
            try:
                return self._import_open(path, fh, progress)
            except BundleError as exc:
                self._quarantine(path, str(exc))
                self._log("reject", {"file": path.name, "reason": str(exc)})
                return ImportOutcome(path=str(path), verdict="rejected", kind=exc.kind,
                                     reason=str(exc), quarantined=True)

    def _import_open(self, path: Path, fh: Any,
                     progress: Callable[[int, int], None] | None) -> ImportOutcome:
        ring = self.keyring()
        v: VerifiedBundle = verify_bundle(fh, ring)
        if v.header.hq_id != self.hq_id:
            raise BundleError("recipient", f"bundle is for {v.header.hq_id}, not this HQ")
        notes: list[str] = []
        known = self._known_chains()
        for f in check_chain([v], known):
            if f.kind == "duplicate":
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
        registry = self.registry()

        def check(form_id: str, version: str, values: dict[str, Any]) -> None:
            try:
                form = registry.get(form_id, version)
                validate_record(form, values)
            except (NotFound, ValidationFailed) as exc:
                raise BundleError("payload", f"record does not validate: {exc}") from None

        with self.db.transaction() as conn:
            counts = import_items(conn, open_bundle(fh, self.recipient_private_keys(), ring,
                                                   verified=v),
                                  device_id=v.device_id, seq=v.sequence, check=check,
                                  progress=progress, total=v.size)
            conn.execute(
                "INSERT INTO received_bundles (device_id, seq, statement_hash, prev, size, "
                "record_count, created_at, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (v.device_id, v.sequence, v.statement_hash.hex(), v.prev.hex(), v.size,
                 v.statement.record_count, v.header.created_at, now_ms()))  # fmt: skip
            self._log_in(conn, "import", {"device_id": v.device_id, "seq": v.sequence,
                                          "statement_hash": v.statement_hash.hex()})
        return ImportOutcome(path=str(path), verdict="imported", device_id=v.device_id,
                             sequence=v.sequence, records=counts[0], attachments=counts[1],
                             notes=tuple(notes))

    def _check_forward_link(self, v: VerifiedBundle, seqs: dict[int, str]) -> None:
        nxt = v.sequence + 1
        if nxt in seqs:
            row = self.db.execute(
                "SELECT prev FROM received_bundles WHERE device_id = ? AND seq = ?",
                (v.device_id, nxt)).fetchone()  # fmt: skip
            if row is not None and row[0] != v.statement_hash.hex():
                raise BundleError("chain", f"wrong-prev: device {v.device_id} #{nxt} does not "
                                           f"chain to this #{v.sequence}")

    # -- receipts -------------------------------------------------------------------
    @locked
    def receipts(self, device_id: str | None = None) -> dict[str, bytes]:
        """One signed receipt per device that has sent bundles: {device_id: receipt}."""
        out: dict[str, bytes] = {}
        ids = [device_id] if device_id else [r[0] for r in self.db.execute(
            "SELECT DISTINCT device_id FROM received_bundles ORDER BY device_id")]
        for dev in ids:
            entries = [(r[0], r[1]) for r in self.db.execute(
                "SELECT seq, statement_hash FROM received_bundles WHERE device_id = ? "
                "ORDER BY seq", (dev,))]
            if not entries:
                if device_id:
                    raise NotFound(f"no bundles received from {device_id}")
                continue
            out[dev] = make_receipt(self.signing_key(), self.hq_id, dev, entries)
            self._log("receipt", {"device_id": dev, "through": entries[-1][0]})
        return out

    # -- records --------------------------------------------------------------------
    @locked
    def list_records(self, flt: RecordFilter | None = None, *, limit: int = -1,
                     offset: int = 0) -> list[RecordSummary]:
        return rec_store.list_records(self.db, flt, limit=limit, offset=offset)

    @locked
    def count_records(self, flt: RecordFilter | None = None) -> int:
        return rec_store.count_records(self.db, flt)

    @locked
    def search(self, query: str, flt: RecordFilter | None = None, *,
               limit: int = 200) -> list[RecordSummary]:
        return rec_store.search_records(self.db, query, flt, limit=limit)

    @locked
    def record(self, record_id: str, rev: int | None = None) -> RecordDetail:
        return rec_store.get_detail(self.db, record_id, rev)

    @locked
    def attachment_chunks(self, att_id: str) -> list[bytes]:
        return list(iter_attachment(self.db, att_id))

    # -- event log ------------------------------------------------------------------
    def _log(self, kind: str, detail: dict[str, Any]) -> None:
        """Append to the hash-chained event log (intake_app.hq.eventlog); every
        CHECKPOINT_EVERY entries HQ signs a checkpoint over the head."""
        with self.db.transaction() as conn:
            self._log_in(conn, kind, detail)

    def _log_in(self, conn: Any, kind: str, detail: dict[str, Any]) -> None:
        """Append inside the caller's transaction (an import and its entry commit together)."""
        try:
            sk: SigningKey | None = self.signing_key()
        except IntakeError:
            sk = None
        eventlog.append_entry(conn, kind=kind, detail=detail, at=now_ms(),
                              signing_key=sk, hq_id=self.hq_id)

    # -- exports, key backup and the signed log (intake_app.hq) ------------------------
    @locked
    def export_forms(self, form_id: str | None = None) -> dict[str, list[Form]]:
        """Every form version that HQ records use, by form id (for exports)."""
        reg = self.registry()
        sql = "SELECT DISTINCT form_id, form_version FROM records"
        rows = self.db.execute(sql + (" WHERE form_id = ?" if form_id else ""),
                               (form_id,) if form_id else ()).fetchall()
        out: dict[str, list[Form]] = {}
        for fid, version in rows:
            out.setdefault(fid, []).append(reg.get(fid, version))
        if form_id and not out:
            reg.get(form_id)  # NotFound for an unknown form; else simply no records
            out[form_id] = [reg.get(form_id)]
        return out

    def _export_rows(self, form_id: str | None) -> Iterator[ExportRecord]:
        ids = [r[0] for r in self.db.execute(
            "SELECT id FROM records" + (" WHERE form_id = ?" if form_id else "")
            + " ORDER BY form_id, created_at, id", (form_id,) if form_id else ())]
        for rid in ids:
            row = self.db.execute(
                "SELECT c.form_id, c.form_version, c.status, c.current_rev, c.created_at, "
                "c.updated_at, r.data, s.device_id, s.seq FROM records c "
                "JOIN revisions r ON r.record_id = c.id AND r.rev = c.current_rev "
                "LEFT JOIN record_sources s ON s.record_id = c.id AND s.rev = c.current_rev "
                "WHERE c.id = ?", (rid,)).fetchone()
            if row is None:
                continue
            atts = tuple(a.model_dump(mode="json", exclude={"record_id"})
                         for a in rec_store.list_attachments(self.db, rid))
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
        total = self.db.execute(
            "SELECT count(*) FROM records" + (" WHERE form_id = ?" if form_id else ""),
            (form_id,) if form_id else ()).fetchone()[0]
        summary = export_records(self._export_rows(form_id), forms, fmt, Path(out), lang=lang,
                                 raw=raw, progress=progress, total=int(total))
        self._log("export", {"format": fmt, "form": form_id or "", "records": summary.records,
                             "labels": "raw" if raw else (lang or "default")})
        return summary

    @locked
    def key_material(self) -> KeyMaterial:
        """HQ's private keys as intake_app.hq.keybackup.KeyMaterial (handle with care)."""
        recips = tuple(
            RecipientSecret(str(label), PrivateKey(bytes(secret)), retired is not None)
            for label, secret, retired in self.db.execute(
                "SELECT label, secret, retired_at FROM hq_keys WHERE purpose = 'recipient' "
                "ORDER BY id"))
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
        revoked devices (it must be signed by the restored key). Nothing is created when
        the shares, the fingerprint or the keyring do not match. Returns KeyMaterial."""
        km = keybackup.combine(mnemonics, share_passphrase)
        if expect_fingerprint is not None and " ".join(expect_fingerprint.split()) != \
                km.fingerprint:
            raise IntakeError(f"fingerprint mismatch: the shares restore {km.fingerprint}")
        ring: Keyring | None = None
        if keyring is not None:
            try:
                ring = Keyring.load(keyring, km.signing_key.verify_key)
            except BundleError as exc:
                raise IntakeError(f"the keyring is not this HQ's: {exc}") from None
            if ring.hq_id != km.hq_id:
                raise IntakeError(f"the keyring is for {ring.hq_id}, not {km.hq_id}")
        self.create(passphrase)
        ts = now_ms()
        with self.db.transaction() as conn:
            conn.execute("INSERT INTO meta VALUES ('hq_id', ?)", (km.hq_id,))
            conn.execute("INSERT INTO meta VALUES ('org_name', ?)", (km.org_name,))
            conn.execute(
                "INSERT INTO hq_keys (purpose, label, secret, public_hex, created_at) "
                "VALUES ('signing', 'signing', ?, ?, ?)",
                (bytes(km.signing_key), bytes(km.signing_key.verify_key).hex(), ts))
            for r in km.recipients:
                conn.execute(
                    "INSERT INTO hq_keys (purpose, label, secret, public_hex, created_at, "
                    "retired_at) VALUES ('recipient', ?, ?, ?, ?, ?)",
                    (r.label, bytes(r.key), bytes(r.key.public_key).hex(), ts,
                     ts if r.retired else None))
            if ring is not None:
                conn.execute("INSERT INTO meta VALUES ('keyring_serial', ?)", (str(ring.serial),))
                for d in ring.devices.values():
                    conn.execute(
                        "INSERT INTO devices (device_id, public_hex, label, enrolled_at, "
                        "revoked_at) VALUES (?, ?, ?, ?, ?)",
                        (d.device_id, bytes(d.public_key).hex(), "restored from keyring",
                         d.enrolled_at * 1000,
                         None if d.revoked_at is None else d.revoked_at * 1000))
        self._log("restore", {"hq_id": km.hq_id, "shares": len(mnemonics),
                              "devices": len(ring.devices) if ring else 0,
                              "keyring_serial": ring.serial if ring else 0})
        return km

    @locked
    def log_bytes(self) -> bytes:
        """The event log as signed JSON Lines (intake_app.hq.eventlog), ending with a
        checkpoint signed now over the whole log (the export itself is an entry)."""
        sk = self.signing_key()
        at = now_ms()
        with self.db.transaction() as conn:
            eventlog.append_entry(conn, kind="log-export", detail={}, at=at, signing_key=sk,
                                  hq_id=self.hq_id, every=0)
            eventlog.add_checkpoint(conn, sk, self.hq_id, at)
            return eventlog.export_lines(conn, hq_id=self.hq_id,
                                         org_name=self.meta("org_name") or "",
                                         hq_key=sk.verify_key, exported_at=at)

    @locked
    def log_entries(self) -> list[LogEntry]:
        """Every event log entry (intake_app.hq.eventlog.LogEntry), oldest first."""
        return eventlog.read_entries(self.db)


__all__ = ["HQService", "RecordStatus"]
