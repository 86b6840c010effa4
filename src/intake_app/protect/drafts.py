"""Data minimisation for drafts: find those older than the policy's age, purge them.

A draft is "stale" when it has not been saved for ``Policy.draft_max_age_days``
days (``updated_at``). The GUI lists stale drafts after unlock (the warning)
and purges them once the user confirms; ``intake drafts purge`` does the same.
Purging is ``store.records.delete_drafts``: the record row, its revisions,
attachments (crypto-erased) and search entry go in one transaction; ``secure_delete`` zeroes the
freed pages and a WAL checkpoint drops the old page images from the WAL.
"""

from __future__ import annotations

from collections.abc import Iterable

from intake_app.errors import UsageError
from intake_app.models import RecordFilter, RecordStatus, RecordSummary
from intake_app.services.field import FieldService
from intake_app.store import records as rec_store

DAY_MS = 86_400_000


def max_age_days(svc: FieldService) -> int:
    return int(svc.policy().draft_max_age_days)


def stale_drafts(svc: FieldService, older_than_days: int | None = None, *,
                 now_ms: int | None = None) -> list[RecordSummary]:
    """Drafts not saved for ``older_than_days`` (default: the policy's age), oldest first."""
    days = max_age_days(svc) if older_than_days is None else older_than_days
    if days < 0:
        raise UsageError("the age must be 0 days or more")
    now = rec_store.now_ms() if now_ms is None else now_ms
    rows = svc.list_records(RecordFilter(status=RecordStatus.DRAFT, until_ms=now - days * DAY_MS))
    return sorted(rows, key=lambda r: (r.updated_at, r.id))


def purge_drafts(svc: FieldService, record_ids: Iterable[str]) -> int:
    """Delete these drafts and everything readable about them. Refuses non-drafts."""
    ids = list(dict.fromkeys(record_ids))
    if not ids:
        return 0
    with svc._lock:
        rec_store.delete_drafts(svc.db, ids)
    return len(ids)


def purge_stale_drafts(svc: FieldService, older_than_days: int | None = None) -> int:
    return purge_drafts(svc, [r.id for r in stale_drafts(svc, older_than_days)])
