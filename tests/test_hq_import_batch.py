"""HQ import writes a bundle's records in batches (store.received.store_revisions) and the
desk's sync opens their cases in batches (services.cases.SYNC_BATCH): the batch edges
keep every rule of the one-record-at-a-time path, on both backends. Batches of 2 here,
so each bundle spans several."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from intake_app.services import cases as cases_mod
from intake_app.services import hq_import
from intake_app.services.hq import HQService
from tests.cli_helpers import HQ_PASS, enrolled_pair, example_values
from tests.test_bundle_flow import hq_state
from tests.test_security_hq_import import _second_device, forge, rev_item


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hq_import, "RECORD_BATCH", 2)
    monkeypatch.setattr(cases_mod, "SYNC_BATCH", 2)


def _import(hq: Path, path: Path) -> Any:
    svc = HQService(hq)
    svc.unlock(HQ_PASS)
    try:
        return svc.import_bundle(path)
    finally:
        svc.lock()


def _rows(hq: Path, sql: str) -> list[tuple[Any, ...]]:
    svc = HQService(hq)
    svc.unlock(HQ_PASS)
    try:
        return [tuple(r) for r in svc._store.execute(sql).fetchall()]
    finally:
        svc.lock()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


A, B, C, D = ("a" * 32, "b" * 32, "c" * 32, "d" * 32)


def test_repeated_and_continued_revisions_across_batches(tmp_path: Path,
                                                         hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    items = [rev_item(A, 1, example_values(interviewer_notes="a1")),
             rev_item(A, 1, example_values(interviewer_notes="a1")),  # the same again
             rev_item(B, 1, example_values(interviewer_notes="b1")),
             rev_item(A, 2, example_values(interviewer_notes="a2")),  # A is in the store now
             rev_item(C, 1, example_values(interviewer_notes="c1")),
             rev_item(C, 2, example_values(interviewer_notes="c2")),  # both in one batch
             rev_item(C, 1, example_values(interviewer_notes="c1"))]  # older, the same again
    out = _import(s.hq, _write(tmp_path / "b.intake", forge(s.field, items)))
    assert out.verdict == "imported" and out.records == 3
    assert _rows(s.hq, "SELECT id, current_rev FROM records ORDER BY seq") == [
        (A, 2), (B, 1), (C, 2)]
    assert _rows(s.hq, "SELECT record_id, rev FROM revisions ORDER BY record_id, rev") == [
        (A, 1), (A, 2), (B, 1), (C, 1), (C, 2)]
    assert len(_rows(s.hq, "SELECT * FROM record_sources")) == 5
    svc = HQService(s.hq)
    svc.unlock(HQ_PASS)
    try:
        assert svc.record(C).values["interviewer_notes"] == "c2"
        assert svc.record(A).values["interviewer_notes"] == "a2"
        # One search row per record, holding its current revision's words.
        assert [r.id for r in svc.search("c2")] == [C]
        assert svc.search("c1") == [] and svc.search("a1") == []
        # The desk opened one case per record, across its batches of 2.
        opened = svc._store.execute(
            "SELECT cr.record_id, c.id FROM case_records cr JOIN cases c ON c.id = cr.case_id "
            "ORDER BY c.seq").fetchall()
        assert [r[0] for r in opened] == [A, B, C]
        assert len({r[1] for r in opened}) == 3 and all(r[1].startswith("C-") for r in opened)
        assert svc._store.execute("SELECT count(*) FROM case_history WHERE action = 'opened'"
                                  ).fetchone()[0] == 3
    finally:
        svc.lock()
    assert _rows(s.hq, "SELECT count(*) FROM records_fts") == [(3,)]


def test_a_bad_record_in_any_batch_rejects_the_bundle_and_changes_nothing(
        tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    before = hq_state(s.hq)
    bad = example_values()
    bad["consent_method"] = "telepathy"  # not one of the form's choices
    good = [rev_item(r * 32, 1, example_values()) for r in "12345"]  # batches 1-3
    for last, reason in [
            (rev_item("1" * 32, 1, example_values(interviewer_notes="other")), "conflicts"),
            (rev_item("5" * 32, 3, example_values()), "does not continue"),
            (rev_item(A, 1, bad), "does not validate")]:
        out = _import(s.hq, _write(tmp_path / "b.intake", forge(s.field, [*good, last])))
        assert out.verdict == "rejected" and reason in out.reason
        # The records written by the earlier batches were rolled back with it.
        assert hq_state(s.hq) == before
        assert _rows(s.hq, "SELECT count(*) FROM cases") == [(0,)]


def test_a_record_of_another_device_inside_a_batch_rejects_all_of_it(
        tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    f2 = _second_device(s)
    assert _import(s.hq, _write(tmp_path / "one.intake", forge(
        s.field, [rev_item(A, 1, example_values(interviewer_notes="mine"))]))).verdict == \
        "imported"
    before = hq_state(s.hq)
    items = [rev_item(B, 1, example_values()), rev_item(C, 1, example_values()),  # batch 1
             rev_item(D, 1, example_values()),
             rev_item(A, 2, example_values(interviewer_notes="FORGED"))]  # batch 2
    out = _import(s.hq, _write(tmp_path / "evil.intake", forge(f2, items)))
    assert out.verdict == "rejected" and "belongs to" in out.reason
    assert hq_state(s.hq) == before
    assert _rows(s.hq, "SELECT count(*) FROM cases") == [(1,)]
