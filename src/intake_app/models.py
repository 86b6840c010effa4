"""Frozen snapshots handed from the service layer to the CLI and the GUI.

They are plain data: no database handle, nothing that can reach back into the
store. The GUI keeps only these (and ids).
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict


class RecordStatus(StrEnum):
    DRAFT = "draft"
    FINALIZED = "finalized"
    # Sealed into a bundle; by default no readable copy remains on the laptop.
    SEALED = "sealed"
    # HQ's signed receipt arrived for every bundle holding the record.
    DELIVERED = "delivered"


def ms_to_iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).isoformat(timespec="seconds")


class Snapshot(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AttachmentInfo(Snapshot):
    id: str
    record_id: str
    name: str
    mime: str
    size: int
    sha256: str
    created_at: int


class RecordSummary(Snapshot):
    id: str
    form_id: str
    form_version: str
    status: RecordStatus
    created_at: int
    updated_at: int
    revision: int


class RevisionInfo(Snapshot):
    rev: int
    saved_at: int


class RecordDetail(Snapshot):
    summary: RecordSummary
    values: dict[str, Any]
    revisions: tuple[RevisionInfo, ...]
    attachments: tuple[AttachmentInfo, ...]

    @property
    def id(self) -> str:
        return self.summary.id


class RecordFilter(Snapshot):
    status: RecordStatus | None = None
    form_id: str | None = None
    # Inclusive bounds on updated_at, milliseconds since the epoch.
    since_ms: int | None = None
    until_ms: int | None = None
