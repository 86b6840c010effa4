"""The field profile: interview records, attachments and search."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from intake_app.crypto import fingerprint, generate_device_key
from intake_app.errors import (
    FieldError,
    IntakeError,
    InvalidState,
    NotFound,
    UsageError,
    ValidationFailed,
)
from intake_app.forms import Form, attachment_refs, validate_record
from intake_app.forms.metadata import fill_metadata
from intake_app.models import (
    AttachmentInfo,
    EnrollInfo,
    ExportResult,
    OutboxEntry,
    Policy,
    ReceiptResult,
    RecordFilter,
    RecordStatus,
    RecordSummary,
)
from intake_app.services import enrollment, outbox
from intake_app.services.base import ProfileService, locked
from intake_app.store import attachments as att_store
from intake_app.store import meta as store_meta
from intake_app.store import records as rec_store
from intake_app.store.db import require_space

EDITABLE = (RecordStatus.DRAFT, RecordStatus.FINALIZED)
DAY_MS = 86_400_000
# An attachment passes through the WAL (checkpointed every 128 MiB) into the main file.
_WAL_PEAK = 160 << 20


def _source_size(src: BinaryIO) -> int | None:
    try:
        return os.fstat(src.fileno()).st_size
    except (AttributeError, OSError, ValueError):
        return None  # an in-memory stream: its size is unknown here
DRAFT_POSITIONS_META = "gui.draft_positions"


class FieldService(ProfileService):
    kind = "field"

    # -- forms ---------------------------------------------------------------
    def list_forms(self) -> list[Form]:
        return self.registry().list()

    def get_form(self, form_id: str, version: str | None = None) -> Form:
        return self.registry().get(form_id, version)

    # -- records -------------------------------------------------------------
    def _check_attachment_refs(
        self, form: Form, values: Mapping[str, Any], record_id: str | None
    ) -> None:
        atts = rec_store.list_attachments(self._store, record_id) if record_id else ()
        owned = {a.id for a in atts}
        errors = [
            FieldError(path, f"no attachment {att_id} on this record")
            for path, att_id in attachment_refs(form, values)
            if att_id not in owned
        ]
        if errors:
            raise ValidationFailed(errors)

    @locked
    def new_record(self, form_id: str, values: Mapping[str, Any], lang: str = "en", *,
                   partial: bool = False) -> str:
        """Validate and save a new draft; returns its id. ``partial``: see save_draft."""
        form = self.get_form(form_id)
        values = fill_metadata(form, values, device_id=self.meta("device_id"))
        clean = validate_record(form, values, lang, partial=partial)
        self._check_attachment_refs(form, clean, None)
        require_space(self._store.path, 0)
        return rec_store.create_record(self._store, form.id, form.version, clean)

    @locked
    def edit_record(self, record_id: str, values: Mapping[str, Any], lang: str = "en", *,
                    partial: bool = False) -> int:
        """Validate and save a new revision; returns its number."""
        summary = rec_store.get_summary(self._store, record_id)
        allowed = (RecordStatus.DRAFT,) if partial else EDITABLE
        if summary.status not in allowed:
            raise InvalidState(f"record {record_id} is {summary.status.value} and cannot be edited")
        form = self.get_form(summary.form_id, summary.form_version)
        values = fill_metadata(form, values, device_id=self.meta("device_id"),
                               previous=rec_store.get_values(self._store, record_id))
        clean = validate_record(form, values, lang, partial=partial)
        self._check_attachment_refs(form, clean, record_id)
        require_space(self._store.path, 0)
        return rec_store.update_record(self._store, record_id, clean, allowed)

    @locked
    def save_draft(self, record_id: str | None, form_id: str, values: Mapping[str, Any],
                   lang: str = "en") -> str:
        """Save an interview in progress (the GUI's "save draft"): every rule is checked
        except that required answers and repeat minimums may still be missing.
        ``finalize`` checks those. Returns the record id."""
        if record_id is None:
            return self.new_record(form_id, values, lang, partial=True)
        self.edit_record(record_id, values, lang, partial=True)
        return record_id

    @locked
    def set_draft_position(self, record_id: str, section: int, field: str) -> None:
        """Where the interviewer was in this draft (section index, field path), so the
        draft reopens there. Ids and field names only; entries of records that are no
        longer drafts are dropped on every write."""
        drafts = {r.id for r in self.list_records(RecordFilter(status=RecordStatus.DRAFT))}
        if record_id not in drafts:
            raise InvalidState(f"record {record_id} is not a draft")
        positions = {k: v for k, v in self._draft_positions().items() if k in drafts}
        positions[record_id] = [int(section), str(field)]
        self.set_meta(DRAFT_POSITIONS_META, json.dumps(positions, sort_keys=True))

    @locked
    def draft_position(self, record_id: str) -> tuple[int, str] | None:
        entry = self._draft_positions().get(record_id)
        if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], int)
                and isinstance(entry[1], str)):
            return None
        return entry[0], entry[1]

    def _draft_positions(self) -> dict[str, Any]:
        raw = self.meta(DRAFT_POSITIONS_META)
        try:
            data = json.loads(raw) if raw else {}
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def _forget_positions(self, record_ids: Iterable[str]) -> None:
        positions = self._draft_positions()
        kept = {k: v for k, v in positions.items() if k not in set(record_ids)}
        if kept != positions:
            self.set_meta(DRAFT_POSITIONS_META, json.dumps(kept, sort_keys=True))

    @locked
    def finalize(self, record_id: str, lang: str = "en") -> None:
        summary = rec_store.get_summary(self._store, record_id)
        if summary.status is not RecordStatus.DRAFT:
            raise InvalidState(f"record {record_id} is {summary.status.value}, not a draft")
        form = self.get_form(summary.form_id, summary.form_version)
        # Re-check against the form: the definition may have been reinstalled.
        validate_record(form, rec_store.get_values(self._store, record_id), lang)
        require_space(self._store.path, 0)
        rec_store.set_status(self._store, record_id, RecordStatus.FINALIZED, (RecordStatus.DRAFT,))
        self._forget_positions([record_id])

    def _check_readable(self, summary: RecordSummary) -> None:
        if summary.status in (RecordStatus.SEALED, RecordStatus.DELIVERED) and not (
            rec_store.list_revisions(self._store, summary.id)
        ):
            raise InvalidState(
                f"record {summary.id} was sealed for HQ; this laptop keeps no readable copy"
            )

    # -- stale drafts (data minimisation) -----------------------------------------
    # A draft is "stale" when it has not been saved for Policy.draft_max_age_days
    # days. The GUI lists them after unlock and purges them once the user confirms;
    # ``intake drafts purge`` does the same.
    def draft_max_age_days(self) -> int:
        return int(self.policy().draft_max_age_days)

    @locked
    def stale_drafts(self, older_than_days: int | None = None, *,
                     now_ms: int | None = None) -> list[RecordSummary]:
        """Drafts not saved for ``older_than_days`` (default: the policy's age), oldest first."""
        days = self.draft_max_age_days() if older_than_days is None else older_than_days
        if days < 0:
            raise UsageError("the age must be 0 days or more")
        now = rec_store.now_ms() if now_ms is None else now_ms
        rows = self.list_records(RecordFilter(status=RecordStatus.DRAFT,
                                              until_ms=now - days * DAY_MS))
        return sorted(rows, key=lambda r: (r.updated_at, r.id))

    @locked
    def purge_drafts(self, record_ids: Iterable[str]) -> int:
        """Delete these drafts and everything readable about them (store.records.delete_drafts:
        one transaction, then a checkpoint). Refuses non-drafts."""
        ids = list(dict.fromkeys(record_ids))
        if ids:
            rec_store.delete_drafts(self._store, ids)
            self._forget_positions(ids)
        return len(ids)

    @locked
    def purge_stale_drafts(self, older_than_days: int | None = None) -> int:
        return self.purge_drafts([r.id for r in self.stale_drafts(older_than_days)])

    # -- attachments ---------------------------------------------------------
    @locked
    def attach(
        self, record_id: str, src: BinaryIO, name: str, mime: str | None = None
    ) -> AttachmentInfo:
        summary = rec_store.get_summary(self._store, record_id)
        if summary.status not in EDITABLE:
            raise InvalidState(f"record {record_id} is {summary.status.value}; cannot attach files")
        size = _source_size(src)
        if size is not None:  # fail before writing, not after filling the disk (finding 2)
            need = size + min(size, _WAL_PEAK)
            require_space(self._store.path, need,
                          f"the file needs about {need / (1 << 20):.1f} MB; nothing was saved")
        return att_store.add_attachment(self._store, record_id, src, name, mime)

    def attach_file(self, record_id: str, path: Path) -> AttachmentInfo:
        try:
            # O_NONBLOCK: opening a FIFO must not hang before it can be refused.
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            raise NotFound(f"no such file: {path}") from None
        except OSError as exc:
            raise IntakeError(f"cannot read {path}: {exc.strerror}") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            # /dev/zero would be read until the disk is full (finding 2).
            raise NotFound(f"not a file: {path} (folders, devices and pipes cannot be "
                           "attached)")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as fh:
            return self.attach(record_id, fh, path.name)

    # -- enrollment, export, outbox, receipts (see services/outbox.py) -------------
    def _after_unlock(self) -> None:
        if self.is_decoy_session():
            # Finding 13: the sealed files beside the decoy name this device; the
            # decoy's enrollment and outbox must tell the same story.
            outbox.reconcile_decoy(self)
            return
        outbox.recover(self)

    # Enrollment the duress decoy copies (never the device key: the decoy gets its own).
    _DECOY_META = ("device_id", "hq_id", "org_name", "hq_signing_key", "recipients",
                   "policy", "enrolled_at", "provisioning_issued_at")

    def _decoy_meta(self) -> dict[str, str]:
        out = {k: v for k in self._DECOY_META if (v := self.meta(k)) is not None}
        if out:
            from nacl.signing import SigningKey

            out["device_key"] = bytes(SigningKey.generate()).hex()
        return out

    def is_enrolled(self) -> bool:
        return self.meta("device_id") is not None

    @locked
    def policy(self) -> Policy:
        raw = self.meta("policy")
        return Policy.model_validate_json(raw) if raw else Policy()

    def device_fingerprint(self) -> str | None:
        key = self.meta("device_key")
        if key is None:
            return None
        from nacl.signing import SigningKey

        return fingerprint(bytes(SigningKey(bytes.fromhex(key)).verify_key))

    @staticmethod
    def provisioning_fingerprint(data: bytes) -> str:
        """HQ's fingerprint as the provisioning file states it (show it before enrolling)."""
        return enrollment.read_provisioning(data).fingerprint

    @locked
    def enroll(self, data: bytes, expect_fingerprint: str | None = None,
               label: str = "field laptop") -> tuple[EnrollInfo, bytes]:
        """Trust HQ's provisioning file; returns the enrollment and the device card bytes.

        Enrolling again with the same HQ updates forms and policy and keeps the
        device key; another HQ is refused. The first enrolment needs the HQ
        fingerprint the user got from HQ (the file alone proves nothing about who
        made it). A provisioning file older than the one applied is refused: an old
        file would bring back old recipients, forms and policy (a replay)."""
        prov = enrollment.read_provisioning(data)
        current = self.meta("hq_signing_key")
        if current is None and expect_fingerprint is None:
            raise UsageError("first enrolment: give the HQ fingerprint HQ told you "
                             "(--expect-fingerprint) so this file can be checked against it")
        enrollment.check_expected_fingerprint(prov, expect_fingerprint)
        if current is not None and current != bytes(prov.hq_signing_key).hex():
            raise IntakeError("this laptop is enrolled with another HQ")
        digest = hashlib.sha256(data).hexdigest()
        applied_at = int(self.meta("provisioning_issued_at") or -1)
        if prov.issued_at < applied_at or (
                prov.issued_at == applied_at and digest != self.meta("provisioning_sha256")):
            raise IntakeError("this provisioning file is older than the one already applied "
                              f"(issued {prov.issued_at}, applied {applied_at}); ask HQ for "
                              "the current one")
        device_id = self.meta("device_id") or enrollment.new_device_id()
        key_hex = self.meta("device_key") or bytes(generate_device_key()).hex()
        from nacl.signing import SigningKey

        key = SigningKey(bytes.fromhex(key_hex))
        values = {
            "hq_id": prov.hq_id, "org_name": prov.org_name,
            "hq_signing_key": bytes(prov.hq_signing_key).hex(),
            "recipients": json.dumps([pk for _label, pk in prov.recipients]),
            "policy": enrollment.policy_json(prov.policy),
            "device_id": device_id, "device_key": key_hex,
            "enrolled_at": str(rec_store.now_ms()),
            "provisioning_issued_at": str(prov.issued_at), "provisioning_sha256": digest,
        }  # fmt: skip
        with self._store.transaction() as conn:
            store_meta.put_meta(conn, values)
            for form in prov.forms:
                self._store_form(conn, form)
        self._registry = None
        card = enrollment.device_card(device_key=key, device_id=device_id, hq_id=prov.hq_id,
                                      label=label)
        info = EnrollInfo(device_id=device_id, org_name=prov.org_name, hq_id=prov.hq_id,
                          hq_fingerprint=prov.fingerprint,
                          device_fingerprint=fingerprint(bytes(key.verify_key)),
                          forms=tuple(f"{f.id} {f.version}" for f in prov.forms))
        return info, card

    @locked
    def export(self, dest: Path | None, *, progress: Callable[[int, int], None] | None = None,
               cancel: threading.Event | None = None) -> ExportResult:
        return outbox.export(self, dest, progress=progress, cancel=cancel)

    @locked
    def export_estimate(self) -> tuple[int, int]:
        """(finalized records, bytes) the next export will write, before the copies of
        unwritten volumes."""
        return outbox.estimate(self)

    @locked
    def resend(self, dest: Path) -> ExportResult:
        return outbox.resend(self, dest)

    @locked
    def unwritten_volumes(self) -> list[int]:
        """Sealed volumes an interrupted export never put on its stick."""
        return outbox.unwritten_volumes(self)

    @locked
    def outbox(self) -> list[OutboxEntry]:
        return outbox.outbox(self)

    @locked
    def import_receipt(self, data: bytes) -> ReceiptResult:
        return outbox.import_receipt(self, data)

    @locked
    def log_witness(self) -> bytes | None:
        """HQ's latest receipt carrying its log head: hand it to an auditor
        (``intake verify --log LOG --since FILE``)."""
        return outbox.log_witness(self)
