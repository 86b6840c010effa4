"""The import's and the desk's sync's bulk writes (issue 19, import speed) keep what the
row-at-a-time path made, on both backends: store.bulk's one-statement inserts, cases
opened whole by the sync (no refresh after), the writer thread's error order, the
sync's facts handed over by the import (services.cases.Handoff) instead of read back."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake_app.crypto import verify_bundle
from intake_app.services import cases as cases_mod
from intake_app.services import hq_import
from intake_app.services.hq import HQService
from intake_app.store import bulk
from intake_app.store import cases as store_cases
from intake_app.store.received import _dumps
from tests.cli_helpers import HQ_PASS, enrolled_pair, example_values
from tests.test_bundle_flow import hq_state
from tests.test_security_hq_import import _ring, _second_device, forge, rev_item

# -- store.bulk on both backends ------------------------------------------------------


def test_bulk_insert_keeps_values_and_order(tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    odd = ["plain", "quote ' and \" and \\ back", "line\nbreak\ttab", "دری پښتو اردو",
           "😀 astral", "", "{\"json\": [1, 2]}"]
    rows = [("C-x", i, "a", "act", text, "r" * i) for i, text in enumerate(odd)]
    with HQService(s.hq) as svc:
        svc.unlock(HQ_PASS)
        with svc._store.transaction() as conn:
            bulk.insert(conn, "case_history", ("case_id", "at", "actor", "action", "detail",
                                               "reason"), rows)
            bulk.insert(conn, "case_history", ("case_id", "at", "actor", "action", "detail",
                                               "reason"), [])
        got = [tuple(r) for r in svc._store.execute(
            "SELECT case_id, at, actor, action, detail, reason FROM case_history "
            "WHERE case_id = 'C-x' ORDER BY id").fetchall()]
    assert got == rows  # generated ids follow the rows' order


# -- the sync opens a case whole --------------------------------------------------------


def _varied(i: int) -> dict[str, Any]:
    today = dt.datetime.now(dt.UTC).date()
    return example_values(
        name_latin=f"Person {i}", interviewer_notes=f"n{i}",
        risk_level=["low", "medium", "high", "extreme"][i % 4],
        follow_up_date=(today + dt.timedelta(days=3 + i)).isoformat(),
        document_expiry=(today + dt.timedelta(days=10 + 20 * i)).isoformat())


def test_cases_opened_whole_equal_a_refresh(tmp_path: Path, hq_backend: str | None,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Each new case's row (priority and reasons, name, province, needs, expiry, next
    follow-up) is what the refresh of an existing case (``_derived``, NEXT_DUE) makes of
    it; a record already in a case still gets that refresh. Batches of 2."""
    monkeypatch.setattr(hq_import, "RECORD_BATCH", 2)
    monkeypatch.setattr(cases_mod, "SYNC_BATCH", 2)
    s = enrolled_pair(tmp_path, database=hq_backend)
    ids = [f"{i:x}" * 32 for i in range(1, 6)]
    items = [rev_item(rid, 1, _varied(i)) for i, rid in enumerate(ids)]
    bundle = tmp_path / "b.intake"
    bundle.write_bytes(forge(s.field, items))
    with HQService(s.hq) as svc:
        svc.unlock(HQ_PASS)
        assert svc.import_bundle(bundle).verdict == "imported"
        cols = f"{store_cases.CASE_COLS}, priority_auto, priority_reasons"
        before = [tuple(r) for r in svc._store.execute(
            f"SELECT {cols} FROM cases ORDER BY seq").fetchall()]
        assert len(before) == 5 and len({r[2] for r in before}) > 1  # priorities differ
        assert all(r[11] is not None for r in before)  # each has its next follow-up
        today = dt.datetime.now(dt.UTC).date()
        with svc._store.transaction() as conn:
            for row in before:
                svc._refresh_in(conn, row[0], today, row[14])  # its own updated_at
            store_cases.refresh_next_due(conn, [r[0] for r in before])
        after = [tuple(r) for r in svc._store.execute(
            f"SELECT {cols} FROM cases ORDER BY seq").fetchall()]
        log = [json.loads(r[0]) for r in svc._store.execute(
            "SELECT detail FROM hq_events WHERE kind = 'case-sync'").fetchall()]
    assert after == before
    assert log[-1] == {"records": 5, "opened": 5, "cases": 5}


# -- the writer thread: the earlier batch's error is the bundle's ------------------------


def test_an_earlier_batch_error_wins_over_a_later_records(
        tmp_path: Path, hq_backend: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Batch 1 holds another device's record (refused by the writer thread); a record of
    batch 2 does not validate (refused while batch 1 is written): the bundle's reason is
    batch 1's, as when each batch was written before the next was read."""
    monkeypatch.setattr(hq_import, "RECORD_BATCH", 2)
    s = enrolled_pair(tmp_path, database=hq_backend)
    f2 = _second_device(s)
    a, b, c, d = ("a" * 32, "b" * 32, "c" * 32, "d" * 32)
    first = tmp_path / "one.intake"
    first.write_bytes(forge(s.field, [rev_item(a, 1, example_values())]))
    bad = example_values()
    bad["consent_method"] = "telepathy"
    evil = tmp_path / "evil.intake"
    evil.write_bytes(forge(f2, [rev_item(a, 2, example_values(interviewer_notes="FORGED")),
                                rev_item(b, 1, example_values()),  # batch 1
                                rev_item(c, 1, example_values()),
                                rev_item(d, 1, bad)]))  # batch 2
    with HQService(s.hq) as svc:
        svc.unlock(HQ_PASS)
        assert svc.import_bundle(first).verdict == "imported"
    before = hq_state(s.hq)
    with HQService(s.hq) as svc:
        svc.unlock(HQ_PASS)
        out = svc.import_bundle(evil)
    assert out.verdict == "rejected" and "belongs to" in out.reason, out.reason
    assert hq_state(s.hq) == before


# -- the sync's facts handed over by the import ------------------------------------------

_DESK = {  # every row the sync writes, without its clock (at, created_at...)
    "cases": "SELECT id, status, prev_status, priority, priority_level, priority_auto, "
             "priority_override, priority_reasons, assignee, display_name, province, needs, "
             "form_id, doc_expiry, next_due, interviews, merged_into FROM cases ORDER BY id",
    "case_records": "SELECT record_id, case_id, home_case, seen_rev FROM case_records "
                    "ORDER BY record_id",
    "person_keys": "SELECT record_id, names, birth_year, phones, province FROM person_keys "
                   "ORDER BY record_id",
    "person_blocks": "SELECT key, record_id FROM person_blocks ORDER BY key, record_id",
    "case_followups": "SELECT case_id, due, label, source, record_id, created_by, done_at "
                      "FROM case_followups ORDER BY case_id, due, label",
    "case_history": "SELECT case_id, actor, action, detail, reason FROM case_history "
                    "ORDER BY case_id, id",
    "log": "SELECT kind, detail FROM hq_events WHERE kind LIKE 'case-%' ORDER BY id",
}

_PEOPLE = [("مریم احمدی", "Maryam Ahmadi"), ("زرغونه قلندری", "Zarghuna Qalandari"),
           ("لیلا", "Laila"), ("سحر احمد سلطانی", "Sahar Ahmad Sultani"),
           ("منیژه باقری", "Manizha Bagheri")]


def _person(i: int, rev: int = 1) -> dict[str, Any]:
    today = dt.datetime.now(dt.UTC).date()
    native, latin = _PEOPLE[i % len(_PEOPLE)]
    v = example_values(
        name_native=native, name_latin=latin if rev == 1 else latin + " Jan",
        aliases="Mariam Ahmady" if i % 2 else "", contact_detail=f"+92 300 00{i}{rev}0000",
        risk_level=["low", "medium", "high", "extreme"][(i + rev) % 4],
        follow_up_date=(today + dt.timedelta(days=3 + i + rev)).isoformat(),
        document_expiry=(today + dt.timedelta(days=10 + 20 * i)).isoformat(),
        province_of_origin=["herat", "kabul"][i % 2])
    if i % 3 == 0:  # no birth date: the year comes from the age and the interview date
        del v["birth_date"]
        v["approximate_age"] = 30 + i
    return v


def _two_bundles(tmp_path: Path, hq_backend: str | None) -> Any:
    """An HQ holding record 0 (in its case), and a bundle with record 0's next revision,
    records 1-4 (two revisions of record 2, in one bundle) and a record seen before."""
    s = enrolled_pair(tmp_path, database=hq_backend)
    ids = [f"{i + 1:x}" * 32 for i in range(5)]
    first = forge(s.field, [rev_item(ids[0], 1, _person(0))])
    b1, b2 = tmp_path / "b1.intake", tmp_path / "b2.intake"
    b1.write_bytes(first)
    prev = verify_bundle(io.BytesIO(first), _ring(s)).statement_hash
    b2.write_bytes(forge(s.field, [
        rev_item(ids[0], 2, _person(0, 2)), rev_item(ids[1], 1, _person(1)),
        rev_item(ids[2], 1, _person(2)), rev_item(ids[2], 2, _person(2, 2)),
        rev_item(ids[3], 1, _person(3)), rev_item(ids[4], 1, _person(4))], seq=2, prev=prev))
    return s, b1, b2


def _desk_after(s: Any, bundles: list[Path]) -> dict[str, list[tuple[Any, ...]]]:
    with HQService(s.hq) as svc:
        svc.unlock(HQ_PASS)
        for b in bundles:
            assert svc.import_bundle(b).verdict == "imported"
        return {k: [tuple(r) for r in svc._store.execute(q).fetchall()]
                for k, q in _DESK.items()}


def test_handed_facts_make_the_rows_reading_makes(
        tmp_path: Path, hq_backend: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sync after an import, with the facts the import made of each revision as it
    validated it, writes the rows (cases, links, person keys and blocks, follow-ups,
    history) and the log entries the sync makes from the values it reads back: a known
    record's next revision, two revisions of one record in a bundle, both scripts,
    batches of 2. Without a handoff (HANDOFF_MAX 0) the sync reads every record."""
    monkeypatch.setattr(hq_import, "RECORD_BATCH", 2)
    monkeypatch.setattr(cases_mod, "SYNC_BATCH", 2)
    reads: list[int] = []
    real = store_cases.current_data_many

    def counted(conn: Any, ids: Any) -> dict[str, str]:
        reads.append(len(ids))
        return real(conn, ids)

    monkeypatch.setattr(store_cases, "current_data_many", counted)
    s, b1, b2 = _two_bundles(tmp_path / "a", hq_backend)
    handed = _desk_after(s, [b1, b2])
    assert reads == [] and len(handed["cases"]) == 5, handed["cases"]
    assert {r[3] for r in handed["case_records"]} == {1, 2}  # current revisions read
    if hq_backend is not None:  # a fresh database for the second HQ
        from intake_app.store.pg.db import PgDatabase

        db = PgDatabase(hq_backend)
        try:
            db.truncate_all()
        finally:
            db.close()
    monkeypatch.setattr(cases_mod, "HANDOFF_MAX", 0)
    s, b1, b2 = _two_bundles(tmp_path / "b", hq_backend)
    assert _desk_after(s, [b1, b2]) == handed
    assert sum(reads) == 6  # record 0, then 0 (its new revision) and 1-4


def test_facts_of_another_day_are_not_used(tmp_path: Path, hq_backend: str | None,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """An import that began before midnight hands facts made for that day (priority
    rules count days): a sync on the next day reads the records instead."""
    reads: list[int] = []
    real = store_cases.current_data_many
    monkeypatch.setattr(store_cases, "current_data_many",
                        lambda conn, ids: reads.append(len(ids)) or real(conn, ids))
    real_init = cases_mod.Handoff.__init__

    def yesterday(self: cases_mod.Handoff, desk: Any) -> None:
        real_init(self, desk)
        self.today -= dt.timedelta(days=1)

    monkeypatch.setattr(cases_mod.Handoff, "__init__", yesterday)
    s, b1, _b2 = _two_bundles(tmp_path, hq_backend)
    _desk_after(s, [b1])
    assert reads == [1]


_ODD = st.recursive(
    st.none() | st.booleans() | st.integers(-200, 200) | st.floats(allow_nan=False)
    | st.text(st.sampled_from(list("aq Khsz09-+~\u0627\u06cc\u0645\u0631\u06f1")),
              max_size=12) | st.sampled_from(["1991~", "1988-05", "2031-02-03", "extreme"]),
    lambda inner: st.lists(inner, max_size=3), max_leaves=6)
_FIELDS = ("name_native", "name_latin", "aliases", "birth_date", "approximate_age",
           "interview_date", "contact_detail", "province_of_origin", "needs", "risk_level",
           "imminence_flags", "document_expiry", "follow_up_date", "next_review",
           "detained_in_pakistan")


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Any:
    s = enrolled_pair(tmp_path_factory.mktemp("desk"))
    svc = HQService(s.hq)
    svc.unlock(HQ_PASS)
    yield svc
    svc.lock()


@settings(max_examples=300, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(_FIELDS), _ODD, max_size=len(_FIELDS)))
def test_facts_of_the_values_are_those_of_the_stored_text(desk: Any,
                                                          changes: dict[str, Any]) -> None:
    """What the import hands over is made from the values as parsed from the bundle;
    what the sync would read is the text stored for them (sorted keys, compact): any
    values (wrong types, both scripts, digits of every kind) give the same facts or the
    same error, with a shared name-key memo or none."""
    values = example_values(**changes)
    stored = json.loads(_dumps(values))
    ver = desk.registry().get("hrd_intake").version
    today = dt.date(2026, 12, 4)

    def facts(v: dict[str, Any], memo: dict[str, str]) -> Any:
        try:
            return desk._facts("a" * 32, "hrd_intake", ver, v, today, memo, fresh=True)
        except Exception as exc:
            return type(exc)

    memo: dict[str, str] = {}
    assert facts(values, memo) == facts(stored, {}) == facts(stored, memo)
