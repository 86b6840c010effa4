"""HQ's case desk: cases, triage, caseworkers, follow-ups, notes, history.

Store-agnostic: every row goes through ``intake_app.store.cases``; what a form
declares (names, consent, priority rules, follow-up dates) is read by
``intake_app.hq.casework``. Every change records who, when and why in the case's
history (in the encrypted store) and appends an entry to HQ's signed event log.
The log is read by auditors without keys, so its entries stay content-free: case
ids, statuses, levels, the actor, and the SHA-256 of the reason or note text.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from intake_app.errors import IntakeError, NotFound, UsageError
from intake_app.forms import Form
from intake_app.hq.casework import Casework, check_transition, parse_casework, parse_date
from intake_app.hq.duplicates import BLOCK_KEYS_VERSION, Person, block_keys
from intake_app.hq.duplicates import people as people_of
from intake_app.hq.namekeys import name_keys
from intake_app.models import (
    CaseDetail,
    CaseEvent,
    CaseFilter,
    CaseNote,
    CaseSummary,
    FollowUp,
    Referral,
)
from intake_app.services import hq_backend
from intake_app.services.base import ProfileService, locked
from intake_app.services.payload import RecordPayload
from intake_app.services.writer import Writer
from intake_app.store import cases as store_cases
from intake_app.store import meta as store_meta
from intake_app.store import records as rec_store
from intake_app.store.ids import now_ms

SYSTEM = "system"
BLOCKS_META = "person_blocks_version"  # BLOCK_KEYS_VERSION of the stored blocks
# Records (and cases) the desk's sync writes together (CaseDesk._sync_cases).
SYNC_BATCH = 500
# Records whose sync facts an import hands to the sync (Handoff): ~1.5 KB each in memory
# (10,000: +15 MiB peak RSS), so a huge bundle keeps the rest for the sync to read.
HANDOFF_MAX = 20_000


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def case_summary(row: tuple[Any, ...]) -> CaseSummary:
    needs = tuple(n for n in str(row[8]).split("|") if n)
    return CaseSummary(
        id=row[0], status=row[1], priority_rank=row[2], priority=row[3],
        priority_override=bool(row[4]), assignee=row[5], display_name=row[6], province=row[7],
        needs=needs, form_id=row[9], doc_expiry=row[10], next_due=row[11], interviews=row[12],
        created_at=row[13], updated_at=row[14], status_at=row[15], merged_into=row[16])


def _blocks_current(conn: Any) -> None:
    """Stored blocks made by another ``block_keys`` (an older version) are rebuilt from
    the stored keys (no content read): the duplicate finder reads the blocks as stored."""
    if store_meta.get_meta(conn, BLOCKS_META) == BLOCK_KEYS_VERSION:
        return
    if store_cases.any_person_keys(conn):  # else a new store: nothing to rebuild
        store_cases.replace_all_blocks(conn, [
            (k, p.record_id) for p in people_of(store_cases.person_keys(conn))
            for k in block_keys(p)])
    store_meta.put_meta(conn, {BLOCKS_META: BLOCK_KEYS_VERSION})


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the desk's sync takes from one revision's values (``CaseDesk._facts``)."""

    follow: tuple[tuple[str, str], ...]  # (due, label) of the form's follow-up dates
    fresh: tuple[Any, ...] | None  # a new case's row after its record id (_sync_plan)
    person: tuple[Any, ...]  # (name keys, birth year, phones, province, block keys)


class Handoff:
    """The sync's facts of the revisions an import validated, made as the import reads
    each one, so the sync that follows reads none of their values back from the store
    (nor parses them again): {(record id, rev): facts} for the day they were made on
    (another day: the sync reads, as without them). At most ``HANDOFF_MAX`` records."""

    def __init__(self, desk: CaseDesk) -> None:
        self._desk = desk
        self.today = dt.datetime.now(dt.UTC).date()
        self.facts: dict[tuple[str, int], _Facts] = {}
        self.memo: dict[str, str] = {}  # name words' keys (hq.namekeys)

    def note(self, r: RecordPayload) -> None:
        if len(self.facts) >= HANDOFF_MAX:
            return
        try:
            self.facts[(r.record_id, r.rev)] = self._desk._facts(
                r.record_id, r.form_id, r.form_version, r.values, self.today, self.memo,
                fresh=True)
        except Exception:  # the sync makes them (and fails) as without a handoff
            return


@dataclass
class _SyncPlan:
    """One batch of the desk's sync, as ``CaseDesk._sync_plan`` makes it."""

    fresh: list[tuple[Any, ...]] = field(default_factory=list)  # store_cases.new_cases
    links: list[tuple[str, str | None, int]] = field(default_factory=list)  # None: new case
    people: list[tuple[Any, ...]] = field(default_factory=list)  # store_cases.put_people
    follow: list[tuple[str, str, str]] = field(default_factory=list)  # (record, due, label)


def _need(text: str, what: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise UsageError(f"{what} is required")
    return text


class CaseDesk(ProfileService):
    """Mixed into HQService; needs its event log (``_log_in``)."""

    _casework_cache: dict[tuple[str, str], Casework]
    _cases_synced = False

    def _log_in(self, conn: Any, kind: str, detail: dict[str, Any]) -> None:
        raise NotImplementedError

    # -- what forms declare -------------------------------------------------------
    def casework(self, form_id: str, version: str) -> Casework:
        """The declaration of that form version, else of the newest version of the
        same form that has one (older versions keep their field names)."""
        cache: dict[tuple[str, str], Casework] = self.__dict__.setdefault(
            "_casework_cache", {})
        key = (form_id, version)
        if key not in cache:
            reg = self.registry()
            forms: list[Form] = []
            try:
                forms.append(reg.get(form_id, version))
            except NotFound:
                pass
            forms += sorted((f for f in reg.list() if f.id == form_id),
                            key=lambda f: f.version == version)[::-1]
            cw = Casework()
            for f in forms:
                cw = parse_casework(f.metadata)
                if cw.declared:
                    break
            cache[key] = cw
        return cache[key]

    # -- records join cases ----------------------------------------------------------
    def _sync_cases(self, today: dt.date | None = None, handed: Handoff | None = None) -> int:
        """Open a case for each received record not in one yet; re-read new revisions.
        Returns the number of records read. Written SYNC_BATCH records at a time, a table
        at a time (store.cases' *_many writers): a few statements per batch, not a dozen
        round trips per record (a team HQ's PostgreSQL, issue 19). ``handed``: the facts
        of the revisions an import just stored (their values are not read again)."""
        today = today or dt.datetime.now(dt.UTC).date()
        facts = handed.facts if handed is not None and handed.today == today else {}
        memo = handed.memo if handed is not None else {}
        with self._store.transaction() as conn:
            _blocks_current(conn)
            rows = store_cases.records_to_sync(conn)
            if not rows:
                return 0
            at = now_ms()
            touched: dict[str, None] = {}  # cases to refresh (not those opened whole)
            opened = 0

            def count(n: int) -> None:
                nonlocal opened
                opened += n

            # Batch k is computed here while the writer thread writes batch k-1; what a
            # batch reads is read before the writes before it (their records differ).
            batches = [rows[i:i + SYNC_BATCH] for i in range(0, len(rows), SYNC_BATCH)]
            with Writer("hq-sync-writer") as writer:
                reads = self._sync_reads(conn, batches[0], facts, today, memo)
                for k, batch in enumerate(batches):
                    plan = self._sync_plan(batch, reads, touched)
                    writer.settle()
                    if k + 1 < len(batches):
                        reads = self._sync_reads(conn, batches[k + 1], facts, today, memo)
                    writer.submit(functools.partial(self._sync_write, conn, plan, at), count)
            cases = list(touched)
            for i in range(0, len(cases), SYNC_BATCH):
                part = cases[i:i + SYNC_BATCH]
                members = store_cases.member_data_many(conn, part)
                store_cases.set_derived_many(conn, [
                    d for cid in part if (d := self._derived(cid, members.get(cid, []), today,
                                                             at)) is not None])
            store_cases.refresh_next_due(conn, cases)
            self._log_in(conn, "case-sync", {"records": len(rows), "opened": opened,
                                             "cases": len(touched) + opened})
        return len(rows)

    def _sync_reads(self, conn: Any, rows: list[tuple[Any, ...]],
                    handed: dict[tuple[str, int], _Facts], today: dt.date,
                    memo: dict[str, str]) -> tuple[dict[str, _Facts], set[tuple[str, str, str]]]:
        """What a batch of ``_sync_cases`` reads: its records' facts (handed over, else
        made from their current values) and the follow-ups their forms gave before."""
        ids = [r[0] for r in rows]
        facts = {rid: f for rid, _fid, _ver, rev, _case in rows
                 if (f := handed.get((rid, rev))) is not None}
        if len(facts) < len(rows):
            data = store_cases.current_data_many(conn, [i for i in ids if i not in facts])
            for rid, fid, ver, _rev, case_id in rows:
                if rid not in facts:
                    facts[rid] = self._facts(rid, fid, ver, json.loads(data.get(rid) or "{}"),
                                             today, memo, fresh=case_id is None)
        return facts, store_cases.form_follow_ups_of(conn, ids)

    def _facts(self, rid: str, fid: str, ver: str, v: dict[str, Any], today: dt.date,
               memo: dict[str, str], *, fresh: bool) -> _Facts:
        """One revision's facts for ``_sync_plan``; ``fresh``: with the row of a case it
        would open (priority, what its record says: as ``_derived`` would make it)."""
        cw = self.casework(fid, ver)
        follow = tuple((due.isoformat(), label) for label, due in cw.follow_up_dates(v))
        row = None
        if fresh:
            d = self._derived_of("", [(fid, ver, v)], today, 0)
            # derived_row: auto, reasons, name, province, needs, expiry, interviews,
            # at, auto, auto level, case id
            row = ("new", d[0], d[9], d[0], fid, d[1], d[2], d[3], d[4], d[5], d[6])
        year, age = cw.age_of(v)
        if year is None and age is not None:
            when = _date_of(cw.text_of(v, cw.interview_date)) or today
            year = when.year - age
        keys, phones = name_keys(cw.names_of(v), memo), cw.phones_of(v)
        province = cw.text_of(v, cw.province)
        return _Facts(follow, row, (keys, year, phones, province, block_keys(Person(
            rid, "", tuple(keys), year, tuple(phones), province))))

    def _sync_plan(self, rows: list[tuple[Any, ...]],
                   reads: tuple[dict[str, _Facts], set[tuple[str, str, str]]],
                   touched: dict[str, None]) -> _SyncPlan:
        """One batch of ``_sync_cases`` (no statement: ``_sync_write`` writes it), the
        same rows as one record at a time. A record not in a case yet opens its own,
        inserted whole (priority, what its record says, next follow-up: as ``_derived``
        and ``refresh_next_due`` would make it); the cases of records already in one are
        marked in ``touched`` to be refreshed after."""
        facts, have = reads
        plan = _SyncPlan()
        for rid, _fid, _ver, _rev, _case in rows:  # in order; one the form gave is skipped
            for due, label in facts[rid].follow:
                key = (rid, due, label)
                if key not in have:
                    have.add(key)
                    plan.follow.append(key)
        next_due: dict[str, str] = {}
        for rid, day, _label in plan.follow:
            if rid not in next_due or day < next_due[rid]:
                next_due[rid] = day
        for rid, _fid, _ver, rev, case_id in rows:
            f = facts[rid]
            if case_id is None:
                assert f.fresh is not None
                plan.fresh.append((rid, *f.fresh, next_due.get(rid)))
            else:
                touched[case_id] = None
            plan.links.append((rid, case_id, rev))
            plan.people.append((rid, *f.person))
        return plan

    def _sync_write(self, conn: Any, plan: _SyncPlan, at: int) -> int:
        """Write one batch's plan (in the writer thread); the number of cases opened."""
        new_ids = dict(zip((f[0] for f in plan.fresh),
                           store_cases.new_cases(conn, plan.fresh, at), strict=True))
        store_cases.add_history_many(conn, [(cid, at, SYSTEM, "opened", {"record": rid},
                                             "record received")
                                            for rid, cid in new_ids.items()])
        store_cases.link_records(conn, [(rid, new_ids[rid], rev) for rid, cid, rev
                                        in plan.links if cid is None], new=True)
        store_cases.link_records(conn, [(rid, cid, rev) for rid, cid, rev in plan.links
                                        if cid is not None])
        store_cases.put_people(conn, plan.people)
        case_of = {rid: cid or new_ids[rid] for rid, cid, _rev in plan.links}
        store_cases.add_form_follow_ups(conn, [(case_of[rid], due, label, rid)
                                               for rid, due, label in plan.follow], at, SYSTEM)
        return len(new_ids)

    def _refresh_in(self, conn: Any, case_id: str, today: dt.date, at: int) -> None:
        row = self._derived(case_id, store_cases.member_data(conn, case_id), today, at)
        if row is not None:
            store_cases.set_derived_many(conn, [row])

    def _derived(self, case_id: str, members: list[tuple[str, str, str, str, int]],
                 today: dt.date, at: int) -> tuple[Any, ...] | None:
        """What the case's records say (store_cases.derived_row); None: no records."""
        if not members:
            return None
        return self._derived_of(case_id, [(fid, ver, json.loads(data))
                                          for _rid, fid, ver, data, _created in members],
                                today, at)

    def _derived_of(self, case_id: str, members: list[tuple[str, str, dict[str, Any]]],
                    today: dt.date, at: int) -> tuple[Any, ...]:
        """``_derived`` of (form id, version, values), oldest first (at least one)."""
        best, level = -1, ""
        reasons: list[str] = []
        needs: dict[str, None] = {}
        name = province = ""
        expiry: str | None = None
        for fid, ver, values in members:  # oldest first: newest wins
            cw = self.casework(fid, ver)
            rank, why = cw.priority(values, today)
            if rank > best:
                best, level, reasons = rank, cw.levels[rank], list(why)
            elif rank == best:
                reasons += [w for w in why if w not in reasons]
            name = cw.display_of(values) or name
            province = cw.text_of(values, cw.province) or province
            for n in cw.needs_of(values):
                needs.setdefault(n, None)
            d = _date_of(cw.text_of(values, cw.document_expiry))
            expiry = d.isoformat() if d else expiry
        return store_cases.derived_row(case_id, auto=best, auto_level=level, reasons=reasons,
                                       display_name=name, province=province,
                                       needs=list(needs), doc_expiry=expiry,
                                       interviews=len(members), at=at)

    def _ensure_cases(self) -> None:
        # A team member (not an importer) reads no content to sync: the importer does.
        if not self.__dict__.get("_cases_synced") and not hq_backend.is_member(self._store):
            self._sync_cases()
            self.__dict__["_cases_synced"] = True

    # -- reading ----------------------------------------------------------------------
    @locked
    def cases(self, flt: CaseFilter | None = None, *, limit: int = 50,
              offset: int = 0) -> list[CaseSummary]:
        """A queue's page (see CaseFilter), most urgent first."""
        self._ensure_cases()
        flt = flt or CaseFilter()
        return [case_summary(r) for r in store_cases.list_cases(
            self._store, flt, _today(flt), limit, offset)]

    @locked
    def count_cases(self, flt: CaseFilter | None = None) -> int:
        self._ensure_cases()
        flt = flt or CaseFilter()
        return store_cases.count_cases(self._store, flt, _today(flt))

    @locked
    def search_cases(self, query: str, *, limit: int = 50) -> list[CaseSummary]:
        """Cases any of whose records match every word (names in either script)."""
        self._ensure_cases()
        ids = store_cases.search_case_ids(self._store, query, limit)
        return [case_summary(r) for r in store_cases.cases_by_ids(self._store, ids)]

    def _summary(self, case_id: str) -> CaseSummary:
        row = store_cases.case_row(self._store, case_id)
        if row is None:
            raise NotFound(f"no case {case_id}")
        return case_summary(row)

    @locked
    def case(self, case_id: str) -> CaseDetail:
        self._ensure_cases()
        row = store_cases.case_row(self._store, case_id)
        if row is None:
            raise NotFound(f"no case {case_id}")
        summary = case_summary(row)
        children = store_cases.merged_children(self._store, case_id)
        ids = [case_id, *children]
        records = tuple(rec_store.get_summary(self._store, r)
                        for r in store_cases.member_ids(self._store, case_id))
        names: dict[str, None] = {}
        for r in records:
            cw = self.casework(r.form_id, r.form_version)
            for n in cw.names_of(rec_store.get_values(self._store, r.id)):
                names.setdefault(n, None)
        auto_rank = int(row[17])
        cw0 = self.casework(summary.form_id, records[0].form_version) if records else None
        auto = cw0.levels[auto_rank] if cw0 and auto_rank < len(cw0.levels) else str(auto_rank)
        return CaseDetail(
            summary=summary, priority_auto=auto,
            priority_reasons=tuple(json.loads(row[18])), names=tuple(names), records=records,
            merged_cases=tuple(children),
            notes=tuple(CaseNote(id=n[0], case_id=n[1], at=n[2], author=n[3], text=n[4])
                        for n in store_cases.notes(self._store, ids)),
            follow_ups=tuple(_follow_up(f) for f in store_cases.follow_ups(self._store, ids)),
            referrals=tuple(Referral(id=r[0], case_id=r[1], at=r[2], actor=r[3], partner=r[4],
                                     need=r[5], reason=r[6], records=tuple(json.loads(r[7])))
                            for r in store_cases.referrals(self._store, ids)),
            history=tuple(CaseEvent(id=h[0], case_id=h[1], at=h[2], actor=h[3], action=h[4],
                                    detail=json.loads(h[5]), reason=h[6])
                          for h in store_cases.history(self._store, ids)))

    # -- changing -----------------------------------------------------------------------
    def _change(self, conn: Any, case_id: str, actor: str, action: str,
                detail: dict[str, Any], reason: str, at: int) -> None:
        """History (full reason) and the event log (its hash), in one transaction."""
        store_cases.add_history(conn, case_id, at, actor, action, detail, reason)
        self._log_in(conn, "case-" + action, {"case": case_id, "by": actor, **detail,
                                              "reason_sha256": digest(reason)})

    def _live(self, case_id: str) -> CaseSummary:
        s = self._summary(case_id)
        if s.merged_into is not None:
            raise IntakeError(f"case {case_id} is merged into {s.merged_into}; "
                              "work on that case, or unmerge it")
        return s

    @locked
    def set_status(self, case_id: str, status: str, *, actor: str, reason: str) -> CaseSummary:
        """new -> triaged -> in_progress -> referred -> closed; closed -> in_progress
        reopens. The reason is required."""
        actor, reason = _need(actor, "who (--as)"), _need(reason, "a reason")
        self._ensure_cases()
        s = self._live(case_id)
        check_transition(s.status, status)
        at = now_ms()
        with self._store.transaction() as conn:
            store_cases.update_case(conn, case_id, at, status=status, prev_status=s.status,
                                    status_at=at)
            action = "reopen" if s.status == "closed" else "status"
            self._change(conn, case_id, actor, action, {"from": s.status, "to": status},
                         reason, at)
        return self._summary(case_id)

    @locked
    def set_priority(self, case_id: str, level: str, *, actor: str,
                     reason: str) -> CaseSummary:
        """Override the form's priority (``auto`` returns to it); a reason is required."""
        actor, reason = _need(actor, "who (--as)"), _need(reason, "a reason")
        self._ensure_cases()
        s = self._live(case_id)
        row = store_cases.case_row(self._store, case_id)
        assert row is not None
        at = now_ms()
        with self._store.transaction() as conn:
            if level == "auto":
                self._set_auto_priority(conn, case_id, s, int(row[17]), at)
                new_level = "auto"
            else:
                cw = self._case_casework(case_id, s.form_id)
                rank = cw.level_rank(level)
                store_cases.update_case(conn, case_id, at, priority=rank, priority_level=level,
                                        priority_override=1)
                new_level = level
            self._change(conn, case_id, actor, "priority",
                         {"from": s.priority, "to": new_level}, reason, at)
        return self._summary(case_id)

    def _set_auto_priority(self, conn: Any, case_id: str, s: CaseSummary, auto: int,
                           at: int) -> None:
        cw = self._case_casework(case_id, s.form_id)
        level = cw.levels[auto] if auto < len(cw.levels) else cw.default_level
        store_cases.update_case(conn, case_id, at, priority=auto, priority_level=level,
                                priority_override=0)

    def _case_casework(self, case_id: str, form_id: str) -> Casework:
        ids = store_cases.member_ids(self._store, case_id)
        version = rec_store.get_summary(self._store, ids[-1]).form_version if ids else ""
        return self.casework(form_id, version)

    @locked
    def triage(self, case_id: str, *, actor: str, reason: str, priority: str | None = None,
               assignee: str | None = None) -> CaseSummary:
        """Mark a new case triaged, optionally overriding its priority and assigning it."""
        if priority is not None:
            self.set_priority(case_id, priority, actor=actor, reason=reason)
        if assignee is not None:
            self.assign(case_id, assignee, actor=actor, reason=reason)
        return self.set_status(case_id, "triaged", actor=actor, reason=reason)

    @locked
    def assign(self, case_id: str, assignee: str | None, *, actor: str,
               reason: str = "") -> CaseSummary:
        """Give the case to a caseworker (None or empty: unassign)."""
        actor = _need(actor, "who (--as)")
        self._ensure_cases()
        s = self._live(case_id)
        who = " ".join((assignee or "").split()) or None
        at = now_ms()
        with self._store.transaction() as conn:
            store_cases.update_case(conn, case_id, at, assignee=who)
            self._change(conn, case_id, actor, "assign", {"from": s.assignee, "to": who},
                         reason, at)
        return self._summary(case_id)

    @locked
    def add_note(self, case_id: str, text: str, *, actor: str) -> CaseNote:
        """Append a note (notes are never edited or removed, except by a retention purge)."""
        actor, text = _need(actor, "who (--as)"), text.strip()
        if not text:
            raise UsageError("the note is empty")
        self._ensure_cases()
        self._live(case_id)
        at = now_ms()
        with self._store.transaction() as conn:
            nid = store_cases.add_note(conn, case_id, at, actor, text)
            self._change(conn, case_id, actor, "note", {"note": nid}, text, at)
        return CaseNote(id=nid, case_id=case_id, at=at, author=actor, text=text)

    @locked
    def add_follow_up(self, case_id: str, due: str, label: str, *, actor: str) -> FollowUp:
        actor, label = _need(actor, "who (--as)"), _need(label, "what to follow up")
        d = _date_of(due)
        if d is None:
            raise UsageError(f"due date {due!r}: expected YYYY-MM-DD")
        self._ensure_cases()
        self._live(case_id)
        at = now_ms()
        with self._store.transaction() as conn:
            fid = store_cases.add_follow_up(conn, case_id, d.isoformat(), label, "analyst",
                                            None, at, actor)
            assert fid is not None
            store_cases.refresh_next_due(conn, [case_id])
            self._change(conn, case_id, actor, "follow-up",
                         {"follow_up": fid, "due": d.isoformat()}, label, at)
        return next(f for f in self.case(case_id).follow_ups if f.id == fid)

    @locked
    def complete_follow_up(self, follow_up_id: int, *, actor: str, reason: str = "") -> None:
        actor = _need(actor, "who (--as)")
        self._ensure_cases()
        at = now_ms()
        with self._store.transaction() as conn:
            done = store_cases.close_follow_up(conn, follow_up_id, at, actor)
            if done is None:
                raise NotFound(f"no open follow-up {follow_up_id}")
            case_id = done[0]
            row = store_cases.case_row(self._store, case_id)
            target = row[16] if row is not None and row[16] else case_id
            store_cases.refresh_next_due(conn, [target])
            self._change(conn, case_id, actor, "follow-up-done", {"follow_up": follow_up_id},
                         reason, at)


def _follow_up(f: tuple[Any, ...]) -> FollowUp:
    return FollowUp(id=f[0], case_id=f[1], due=f[2], label=f[3], source=f[4], record_id=f[5],
                    created_at=f[6], created_by=f[7], done_at=f[8], done_by=f[9])


def _date_of(text: str) -> dt.date | None:
    return parse_date(text)


def _today(flt: CaseFilter) -> str:
    return flt.today or dt.datetime.now(dt.UTC).date().isoformat()
