"""The import's and the desk's sync's bulk writes (issue 19, import speed) keep what the
row-at-a-time path made, on both backends: store.bulk's one-statement inserts, cases
opened whole by the sync (no refresh after), the writer thread's error order."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from intake_app.services import cases as cases_mod
from intake_app.services import hq_import
from intake_app.services.hq import HQService
from intake_app.store import bulk
from intake_app.store import cases as store_cases
from tests.cli_helpers import HQ_PASS, enrolled_pair, example_values
from tests.test_bundle_flow import hq_state
from tests.test_security_hq_import import _second_device, forge, rev_item

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
