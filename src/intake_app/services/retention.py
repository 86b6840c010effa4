"""Per-status retention: cases that have been in a status (e.g. closed) longer than
HQ's policy allows are purged. The purge is store.records' one purge for each record
(search entry, attachments crypto-erased, every revision, the row) plus every row of
the case; what stays is a content-free tombstone in the signed event log (case id,
status, counts, who, the policy). ``retention_preview`` lists what would go."""

from __future__ import annotations

import datetime as dt
import json

from intake_app.errors import UsageError
from intake_app.hq.casework import STATUSES
from intake_app.models import RetentionItem
from intake_app.services.base import locked
from intake_app.services.cases import _need
from intake_app.services.duplicates import DuplicateDesk
from intake_app.store import cases as store_cases
from intake_app.store import meta as store_meta
from intake_app.store import records as rec_store
from intake_app.store.ids import now_ms

RETENTION_META = "retention_months"
_MONTH_MS = 30 * 86_400_000  # a month of policy is 30 days


class RetentionDesk(DuplicateDesk):
    """Mixed into HQService after DuplicateDesk."""

    def retention_policy(self) -> dict[str, int]:
        """{status: months}; statuses without an entry are never purged."""
        raw = store_meta.get_meta(self._store, RETENTION_META)
        return {str(k): int(v) for k, v in json.loads(raw).items()} if raw else {}

    @locked
    def set_retention(self, status: str, months: int | None, *, actor: str) -> dict[str, int]:
        """Keep cases in ``status`` for ``months`` after they entered it (None: forever)."""
        actor = _need(actor, "who (--as)")
        if status not in STATUSES:
            raise UsageError(f"unknown status {status!r} (one of: {', '.join(STATUSES)})")
        if months is not None and months < 1:
            raise UsageError("retention is at least 1 month")
        policy = self.retention_policy()
        if months is None:
            policy.pop(status, None)
        else:
            policy[status] = months
        with self._store.transaction() as conn:
            store_meta.put_meta(conn, {RETENTION_META: json.dumps(policy, sort_keys=True)})
            self._log_in(conn, "policy", {"retention": policy, "by": actor})
        return policy

    def _due(self, now: int) -> list[RetentionItem]:
        out = []
        for status, months in sorted(self.retention_policy().items()):
            for cid, st, at in store_cases.retention_due(self._store, status,
                                                          now - months * _MONTH_MS):
                recs = store_cases.member_ids(self._store, cid)
                out.append(RetentionItem(
                    case_id=cid, status=st, status_at=at, records=len(recs),
                    attachments=store_cases.attachment_count(self._store, recs),
                    merged_cases=tuple(store_cases.merged_children(self._store, cid))))
        return out

    @locked
    def retention_preview(self, *, now_ms_: int | None = None) -> list[RetentionItem]:
        self._ensure_cases()
        return self._due(now_ms_ if now_ms_ is not None else now_ms())

    @locked
    def purge_retained(self, *, actor: str, now_ms_: int | None = None) -> list[RetentionItem]:
        """Erase every case the preview lists; returns what was erased."""
        actor = _need(actor, "who (--as)")
        self._ensure_cases()
        items = self._due(now_ms_ if now_ms_ is not None else now_ms())
        policy = self.retention_policy()
        for item in items:
            with self._store.transaction() as conn:
                for rid in store_cases.member_ids(self._store, item.case_id):
                    rec_store.delete_record_in(conn, rid)
                store_cases.delete_cases(conn, [item.case_id, *item.merged_cases])
                self._log_in(conn, "case-purged", {
                    "case": item.case_id, "merged": list(item.merged_cases),
                    "status": item.status, "records": item.records,
                    "attachments": item.attachments, "by": actor,
                    "policy_months": policy.get(item.status),
                    "in_status_since": dt.datetime.fromtimestamp(
                        item.status_at / 1000, dt.UTC).date().isoformat()})
        if items:
            self._store.checkpoint()  # the freed, zeroed pages leave the WAL too
        return items
