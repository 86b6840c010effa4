"""GUI-side adapter over the service API.

Helpers the screens share over ``FieldService``: the auto-lock choice within
the policy's limit, pending attachments and the like. The policy itself is the
service's ``models.Policy`` (``svc.policy()``). Pure Python: no Qt, no database
handle.
"""

from __future__ import annotations

import io
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from intake_app.errors import IntakeError, InvalidState
from intake_app.errors import SaveFailed as SaveFailed  # re-exported for the editor
from intake_app.forms import Form, attachment_refs
from intake_app.models import AttachmentInfo
from intake_app.services.field import FieldService

Progress = Callable[[int, int], None]
DEFAULT_AUTO_LOCK = 10
AUTO_LOCK_META = "gui.auto_lock_minutes"


def auto_lock_minutes(svc: FieldService) -> int:
    """The user's choice (kept in the encrypted store), never above the policy's."""
    limit = svc.policy().auto_lock_minutes or DEFAULT_AUTO_LOCK
    try:
        raw = svc.meta(AUTO_LOCK_META)
    except IntakeError:
        raw = None
    try:
        chosen = int(raw) if raw else limit
    except ValueError:
        chosen = limit
    return max(1, min(chosen, limit))


def set_auto_lock_minutes(svc: FieldService, minutes: int) -> int:
    limit = svc.policy().auto_lock_minutes or DEFAULT_AUTO_LOCK
    value = max(1, min(int(minutes), limit))
    svc.set_meta(AUTO_LOCK_META, str(value))
    return value


def device_fingerprint(svc: FieldService) -> str | None:
    return svc.device_fingerprint()


def is_enrolled(svc: FieldService) -> bool:
    return svc.is_enrolled()


# ---------------------------------------------------------------- saving records


@dataclass
class PendingAttachment:
    """A file chosen in the editor but not stored yet: its bytes live in memory only.

    ``placeholder`` is a random id in attachment-id format that stands in the
    record's values until the file is stored and gets its real id.
    """

    placeholder: str
    name: str
    data: bytes
    mime: str | None = None


def new_placeholder() -> str:
    return secrets.token_hex(16)


@dataclass
class SaveResult:
    record_id: str
    values: dict[str, Any]
    attachments: dict[str, AttachmentInfo] = field(default_factory=dict)  # placeholder -> info


def _replace_refs(form: Form, values: Mapping[str, Any], mapping: Mapping[str, str | None]
                  ) -> dict[str, Any]:
    """Copy of ``values`` with attachment ids replaced (None: dropped)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        info = form.index.fields.get(key)
        if info is not None and info.field.type == "repeat" and isinstance(value, list):
            out[key] = [_replace_refs(form, r, mapping) if isinstance(r, Mapping) else r
                        for r in value]
        elif (info is not None and info.field.type == "attachment" and isinstance(value, str)
              and value in mapping):
            new = mapping[value]
            if new is not None:
                out[key] = new
        else:
            out[key] = value
    return out


def save(svc: FieldService, form: Form, record_id: str | None, values: Mapping[str, Any],
         lang: str, pending: Sequence[PendingAttachment] = (), *, draft: bool = True
         ) -> SaveResult:
    """Create or update a record, storing the attachments chosen since the last save.

    A draft goes through ``FieldService.save_draft`` (required answers may still
    be missing); otherwise ``new_record``/``edit_record``, which validate fully.
    """
    used = {att for _, att in attachment_refs(form, values)}
    pending = [p for p in pending if p.placeholder in used]
    def write(rid: str | None, vals: dict[str, Any]) -> str:
        if draft:
            return svc.save_draft(rid, form.id, vals, lang)
        if rid is None:
            return svc.new_record(form.id, vals, lang)
        svc.edit_record(rid, vals, lang)
        return rid

    added: dict[str, AttachmentInfo] = {}
    try:
        if record_id is None and pending:
            # Attachments need a record to belong to: create it without them first.
            record_id = write(None, _replace_refs(form, values, {p.placeholder: None
                                                                  for p in pending}))
        for item in pending:
            assert record_id is not None
            added[item.placeholder] = svc.attach(record_id, io.BytesIO(item.data), item.name,
                                                 item.mime)
        final = _replace_refs(form, values, {k: v.id for k, v in added.items()})
        rid = write(record_id, final)
    except IntakeError as exc:
        # The editor keeps what did get stored, so a retry does not duplicate it.
        raise SaveFailed(exc, record_id, added) from exc
    return SaveResult(rid, final, added)


def finalize(svc: FieldService, record_id: str, lang: str) -> None:
    summary = svc.summary(record_id)
    if summary.status.value != "draft":
        raise InvalidState(f"record {record_id} is {summary.status.value}, not a draft")
    svc.finalize(record_id, lang)
