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
    # At HQ: imported from a device's bundle (read-only there).
    RECEIVED = "received"


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


class Policy(Snapshot):
    """Set by HQ in the provisioning file; the field device applies it."""

    auto_lock_minutes: int = 10
    # FAT32 cannot hold a file of 4 GiB; stay well below it.
    max_volume_bytes: int = 4_000_000_000
    # False (default): after sealing, the laptop keeps no readable copy.
    keep_readable_until_receipt: bool = False
    # Days after which the laptop warns about (and later purges) old drafts.
    draft_max_age_days: int = 30


class OutboxState(StrEnum):
    """A volume in the field outbox (store/outbox.py)."""

    WRITING = "writing"  # sequence reserved, file not sealed yet (never listed)
    PENDING = "pending"  # sealed; HQ has not acknowledged it
    DELIVERED = "delivered"  # listed in a signed receipt
    ABANDONED = "abandoned"  # an interrupted write: HQ sees a gap, never a fork


class OutboxEntry(Snapshot):
    sequence: int
    file_name: str
    statement_hash: str
    created_at: int
    size: int
    record_count: int
    state: OutboxState  # pending until HQ's receipt arrives, then delivered
    delivered_at: int | None = None


class EnrollInfo(Snapshot):
    device_id: str
    org_name: str
    hq_id: str
    hq_fingerprint: str
    device_fingerprint: str
    forms: tuple[str, ...]


class ReceiptResult(Snapshot):
    delivered: tuple[int, ...]
    already_delivered: tuple[int, ...]
    unknown: tuple[int, ...]
    purged_records: int


class ExportResult(Snapshot):
    paths: tuple[str, ...]
    sequences: tuple[int, ...]
    record_count: int
    attachment_count: int
    bytes_written: int
    # Volumes sealed by an earlier export that was cut before they reached its stick,
    # written first by this one (in ``paths``, not in ``sequences``).
    rewritten: tuple[int, ...] = ()


class DeviceInfo(Snapshot):
    device_id: str
    label: str
    fingerprint: str
    enrolled_at: int
    revoked_at: int | None
    received: tuple[int, ...]
    missing: tuple[int, ...]
    last_sequence: int


class ImportOutcome(Snapshot):
    path: str
    verdict: str  # "imported", "duplicate", "rejected"
    reason: str = ""
    kind: str = ""  # BundleError kind when rejected
    device_id: str = ""
    sequence: int = 0
    records: int = 0
    attachments: int = 0
    notes: tuple[str, ...] = ()
    quarantined: bool = False


class VerifyOutcome(Snapshot):
    path: str
    ok: bool
    kind: str = ""
    reason: str = ""
    device_id: str = ""
    sequence: int = 0
    statement_hash: str = ""
    notes: tuple[str, ...] = ()


# -- HQ's case desk (services.cases) -------------------------------------------------


class CaseSummary(Snapshot):
    id: str
    status: str
    priority: str
    priority_rank: int
    priority_override: bool
    assignee: str | None
    display_name: str  # the person's name as the newest record gives it
    province: str
    needs: tuple[str, ...]
    form_id: str
    doc_expiry: str | None  # ISO date
    next_due: str | None  # ISO date of the earliest open follow-up
    interviews: int
    created_at: int
    updated_at: int
    status_at: int
    merged_into: str | None


class CaseNote(Snapshot):
    id: int
    case_id: str
    at: int
    author: str
    text: str


class FollowUp(Snapshot):
    id: int
    case_id: str
    due: str
    label: str
    source: str  # "form" (a date field of a record) or "analyst"
    record_id: str | None
    created_at: int
    created_by: str
    done_at: int | None
    done_by: str | None


class Referral(Snapshot):
    id: int
    case_id: str
    at: int
    actor: str
    partner: str
    need: str
    reason: str
    records: tuple[str, ...]


class CaseEvent(Snapshot):
    id: int
    case_id: str
    at: int
    actor: str
    action: str
    detail: dict[str, Any]
    reason: str


class CaseDetail(Snapshot):
    summary: CaseSummary
    priority_auto: str
    priority_reasons: tuple[str, ...]
    names: tuple[str, ...]
    records: tuple[RecordSummary, ...]
    merged_cases: tuple[str, ...]
    notes: tuple[CaseNote, ...]
    follow_ups: tuple[FollowUp, ...]
    referrals: tuple[Referral, ...]
    history: tuple[CaseEvent, ...]

    @property
    def id(self) -> str:
        return self.summary.id


class CaseFilter(Snapshot):
    """A queue and filters. Queues: all (open cases), new, priority, overdue,
    expiring (documents within ``within_days``), mine (assignee = ``me``), closed."""

    queue: str = "all"
    status: str | None = None
    priority: str | None = None
    assignee: str | None = None
    province: str | None = None
    need: str | None = None
    form_id: str | None = None
    since_ms: int | None = None  # created_at bounds, inclusive
    until_ms: int | None = None
    within_days: int = 30
    me: str | None = None
    today: str | None = None  # ISO date; None: today (UTC)


class PurposeExport(Snapshot):
    """What a purpose-bound export or referral wrote (services.case_exports)."""

    purpose: str
    paths: tuple[str, ...]
    cases: int
    records: int
    excluded: int  # records left out for want of consent (only with only_consenting)
    k: int | None = None


class DuplicatePair(Snapshot):
    """Two cases that are likely the same person, and why (services.duplicates)."""

    a: CaseSummary
    b: CaseSummary
    score: float
    reasons: tuple[str, ...]
    records: tuple[str, str]


class NotDuplicate(Snapshot):
    """A pair an analyst marked as not the same person: no longer suggested."""

    a: CaseSummary
    b: CaseSummary


class RetentionItem(Snapshot):
    """A case a retention purge would erase (services.retention)."""

    case_id: str
    status: str
    status_at: int
    records: int
    attachments: int
    merged_cases: tuple[str, ...]


class DashboardStats(Snapshot):
    """The case desk in numbers (services.dashboard): the HQ dashboard's charts and
    the monthly report's tables. Live cases only (a merged case counts in its target)."""

    today: str  # ISO date the figures are for
    open_cases: int
    closed_cases: int
    by_priority: tuple[tuple[str, int], ...]  # open cases per level, most urgent first
    by_status: tuple[tuple[str, int], ...]  # every status in workflow order
    new_per_week: tuple[tuple[str, int], ...]  # (ISO date of the week's Monday, cases opened)
    overdue_follow_ups: int  # open follow-ups past due, on open cases
    overdue_cases: int  # open cases with at least one
    expired_documents: int  # open cases whose document expiry is past
    expiring_documents: int  # open cases whose document expires within ``within_days``
    within_days: int
    needs_by_province: tuple[tuple[str, str, int], ...]  # (province, need, open cases)


class DeskVocabulary(Snapshot):
    """What the HQ case screens offer and how they name it (services.dashboard):
    statuses and allowed transitions, priority levels, and the labels of needs and
    provinces in one language, from the forms' casework declarations."""

    statuses: tuple[str, ...]
    transitions: dict[str, tuple[str, ...]]
    levels: tuple[str, ...]  # least to most urgent
    needs: dict[str, str]  # choice value -> label
    provinces: dict[str, str]
    forms: dict[str, str]  # form id -> title
    # What a priority reason and a follow-up name, in the same language: the rules' and
    # follow-ups' fields (name -> label), their choices (field -> value -> label), and
    # each declared follow-up (its stored label -> text, and the days before the date).
    fields: dict[str, str] = {}
    values: dict[str, dict[str, str]] = {}
    follow_ups: dict[str, str] = {}
    follow_up_days: dict[str, int] = {}


class ReportCell(Snapshot):
    """One count of the monthly report; ``count`` None: suppressed (under k)."""

    key: str  # the stored value (status, level, week, province | need)
    label: str  # what the report shows
    count: int | None


class ReportTable(Snapshot):
    name: str  # by_priority, by_status, new_per_week, follow_ups, needs_by_province
    title: str
    chart: str  # bars, columns, grid
    cells: tuple[ReportCell, ...]


class MonthlyReport(Snapshot):
    """The dashboard's numbers for one month (services.report), consent-bound and
    with small-cell suppression like a statistics export; ``html`` is the report."""

    month: str  # YYYY-MM
    as_of: str  # ISO date dates are measured against: the month's last day, or today
    k: int
    cases: int | None  # live cases counted (None: under k)
    excluded_cases: int  # left out for want of statistics consent
    within_days: int
    tables: tuple[ReportTable, ...]
    html: str
