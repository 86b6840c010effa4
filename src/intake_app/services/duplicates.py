"""Likely duplicates (``hq.duplicates``) and the analyst's merge and unmerge.

A merge moves the records of one case into another; the merged case stays (status
kept, ``merged_into`` set) so an unmerge can give back exactly the records that
first joined it (``case_records.home_case``), with its notes, follow-ups and
history, which never move. Both are logged with who, when and why.

"Not a duplicate" is stored (``case_not_duplicates``): the pair is not suggested again,
across restarts, until the analyst undoes it; both are logged like a merge.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from intake_app.errors import IntakeError
from intake_app.hq import duplicates as hq_dups
from intake_app.models import DuplicatePair, NotDuplicate
from intake_app.services.base import locked
from intake_app.services.case_exports import ConsentDesk
from intake_app.services.cases import _need, case_summary
from intake_app.store import cases as store_cases
from intake_app.store.ids import now_ms


class DuplicateDesk(ConsentDesk):
    """Mixed into HQService after ConsentDesk."""

    def _pairs(self, found: Sequence[hq_dups.Candidate], limit: int) -> list[DuplicatePair]:
        skip = store_cases.not_duplicates(self._store)
        found = [c for c in found if (c.a, c.b) not in skip][:limit]
        ids = list(dict.fromkeys(i for c in found for i in (c.a, c.b)))
        rows = {r[0]: case_summary(r) for r in store_cases.cases_by_ids(self._store, ids)}
        return [DuplicatePair(a=rows[c.a], b=rows[c.b], score=c.score, reasons=c.reasons,
                              records=c.records)
                for c in found if c.a in rows and c.b in rows]

    @locked
    def duplicates(self, *, limit: int = 200,
                   threshold: float = hq_dups.THRESHOLD) -> list[DuplicatePair]:
        """Likely duplicate pairs among all live cases, best first."""
        self._ensure_cases()
        # The cycle collector paused for the whole run (the keys read, the pairs, their
        # snapshots); the run's 100,000 Person objects die before it runs again.
        with hq_dups.one_run():
            return self._pairs(self._all_candidates(threshold), limit)

    def _all_candidates(self, threshold: float) -> list[hq_dups.Candidate]:
        # The blocks as stored at sync: no block keys computed here (but by a team
        # member, who may read the keys and not the blocks).
        people = hq_dups.people(store_cases.person_keys(self._store))
        stored = store_cases.person_block_members(self._store, hq_dups.MAX_BLOCK)
        if stored is None:
            return hq_dups.candidates(people, threshold)
        index = {p.record_id: i for i, p in enumerate(people)}.get
        blocks = ((key, [i for r in ids if (i := index(r)) is not None]) for key, ids in stored)
        return hq_dups.candidates_in_blocks(people, blocks, threshold)

    @locked
    def duplicates_of(self, case_id: str, *, limit: int = 20,
                      threshold: float = hq_dups.THRESHOLD) -> list[DuplicatePair]:
        """Likely duplicates of one case (each of its records looked up by its blocks)."""
        self._ensure_cases()
        self._summary(case_id)
        found: dict[tuple[str, str], hq_dups.Candidate] = {}
        for rid in store_cases.member_ids(self._store, case_id):
            found.update({(c.a, c.b): c for c in self.duplicates_of_record(rid, threshold)})
        return self._pairs(sorted(found.values(), key=lambda c: -c.score), limit)

    def duplicates_of_record(self, record_id: str,
                             threshold: float = hq_dups.THRESHOLD) -> list[hq_dups.Candidate]:
        row = store_cases.record_person(self._store, record_id)
        if row is None:
            return []
        me = hq_dups.person(row)
        others = [hq_dups.person(r) for r in store_cases.block_people(
            self._store, hq_dups.block_keys(me), hq_dups.MAX_BLOCK)]
        return hq_dups.candidates_for(me, others, threshold)

    @locked
    def not_duplicate(self, a: str, b: str, *, actor: str, reason: str) -> None:
        """The analyst's "not the same person": the pair is no longer suggested."""
        self._mark_pair(a, b, actor, reason, on=True)

    @locked
    def undo_not_duplicate(self, a: str, b: str, *, actor: str, reason: str) -> None:
        """Suggest the pair again (if the finder still finds it)."""
        self._mark_pair(a, b, actor, reason, on=False)

    @locked
    def not_duplicates(self) -> list[NotDuplicate]:
        """The pairs marked as not a duplicate."""
        self._ensure_cases()
        pairs = sorted(store_cases.not_duplicates(self._store))
        ids = list(dict.fromkeys(i for p in pairs for i in p))
        rows = {r[0]: case_summary(r) for r in store_cases.cases_by_ids(self._store, ids)}
        return [NotDuplicate(a=rows[a], b=rows[b]) for a, b in pairs
                if a in rows and b in rows]

    def _mark_pair(self, a: str, b: str, actor: str, reason: str, *, on: bool) -> None:
        actor, reason = _need(actor, "who (--as)"), _need(reason, "a reason")
        self._ensure_cases()
        if a == b:
            raise IntakeError("a case is always a duplicate of itself")
        a, b = sorted((a, b))
        for cid in (a, b):  # undoing needs only that both exist (one may be merged since)
            (self._live if on else self._summary)(cid)
        at = now_ms()
        action = "not-duplicate" if on else "not-duplicate-undone"
        with self._store.transaction() as conn:
            if not store_cases.set_not_duplicate(conn, a, b, at, actor, on):
                raise IntakeError(f"cases {a} and {b} are "
                                  f"{'already' if on else 'not'} marked as not a duplicate")
            self._change(conn, a, actor, action, {"other": b}, reason, at)
            store_cases.add_history(conn, b, at, actor, action, {"other": a}, reason)

    @locked
    def merge(self, target: str, source: str, *, actor: str, reason: str) -> None:
        """Merge case ``source`` into ``target`` (never automatic)."""
        actor, reason = _need(actor, "who (--as)"), _need(reason, "a reason")
        self._ensure_cases()
        if target == source:
            raise IntakeError("a case cannot be merged into itself")
        self._live(target)
        s = self._live(source)
        moved = store_cases.member_ids(self._store, source)
        at = now_ms()
        today = dt.datetime.now(dt.UTC).date()
        with self._store.transaction() as conn:
            store_cases.move_records(conn, moved, target)
            store_cases.update_case(conn, source, at, merged_into=target)
            self._refresh_in(conn, target, today, at)
            store_cases.refresh_next_due(conn, [target])
            self._change(conn, target, actor, "merge", {"source": source,
                                                        "records": len(moved)}, reason, at)
            store_cases.add_history(conn, source, at, actor, "merged-into",
                                    {"target": target, "status": s.status}, reason)

    @locked
    def unmerge(self, source: str, *, actor: str, reason: str) -> None:
        """Undo a merge: ``source`` gets back the records that first joined it."""
        actor, reason = _need(actor, "who (--as)"), _need(reason, "a reason")
        self._ensure_cases()
        s = self._summary(source)
        if s.merged_into is None:
            raise IntakeError(f"case {source} is not merged into another case")
        target = s.merged_into
        homes = [source, *store_cases.merged_children(self._store, source)]
        # Records of cases merged into source earlier go back with it.
        back = [r for h in homes for r in store_cases.home_members(self._store, h)]
        at = now_ms()
        today = dt.datetime.now(dt.UTC).date()
        with self._store.transaction() as conn:
            store_cases.move_records(conn, back, source)
            store_cases.update_case(conn, source, at, merged_into=None)
            for cid in (source, target):
                self._refresh_in(conn, cid, today, at)
            store_cases.refresh_next_due(conn, [source, target])
            self._change(conn, target, actor, "unmerge", {"source": source,
                                                          "records": len(back)}, reason, at)
            store_cases.add_history(conn, source, at, actor, "unmerged-from",
                                    {"target": target}, reason)
