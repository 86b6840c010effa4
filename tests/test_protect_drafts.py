"""Draft-age minimisation: stale drafts are listed (the warning), then purged on request."""

from __future__ import annotations

import io
import json

import pytest

from intake_app.errors import InvalidState
from intake_app.services.field import DAY_MS, FieldService
from intake_app.store.records import now_ms
from tests.cli_helpers import example_values, ok, run
from tests.conftest import PASSPHRASE, scan_for

DAY = DAY_MS
CANARY = "CANARY-stale-77aa-پشاور"


def _age(svc: FieldService, rid: str, days: int) -> None:
    with svc._store.transaction() as conn:
        conn.execute("UPDATE records SET updated_at = ?, created_at = ? WHERE id = ?",
                     (now_ms() - days * DAY, now_ms() - days * DAY, rid))



def test_stale_drafts_are_listed_and_purged(svc: FieldService) -> None:
    old = svc.new_record("hrd_intake", example_values(interviewer_notes=CANARY))
    svc.attach(old, io.BytesIO(CANARY.encode() * 1000), "note.txt")
    _age(svc, old, 45)
    fresh = svc.new_record("hrd_intake", example_values())
    done = svc.new_record("hrd_intake", example_values())
    svc.finalize(done)
    _age(svc, done, 90)  # finalized records wait for export, they are not drafts
    assert svc.draft_max_age_days() == 30
    assert [r.id for r in svc.stale_drafts()] == [old]
    assert [r.id for r in svc.stale_drafts(0)] == [old, fresh]
    assert svc.purge_stale_drafts() == 1
    assert {r.id for r in svc.list_records()} == {fresh, done}
    assert svc.search(CANARY) == []
    assert svc._store.execute("SELECT count(*) FROM attachment_chunks").fetchone()[0] == 0
    assert svc._store.execute("SELECT count(*) FROM revisions WHERE record_id = ?",
                          (old,)).fetchone()[0] == 0
    with pytest.raises(InvalidState):
        svc.purge_drafts([done])
    svc.lock()
    assert scan_for(svc.data_dir, CANARY) == []


def test_cli_drafts_list_and_purge(svc: FieldService) -> None:
    rid = svc.new_record("hrd_intake", example_values())
    _age(svc, rid, 40)
    svc.lock()
    d = svc.data_dir
    listed = ok("--data-dir", d, "drafts", "list", "--json", passphrase=PASSPHRASE).json()
    assert [r["id"] for r in listed] == [rid]
    r = run("--data-dir", d, "drafts", "purge", passphrase=PASSPHRASE)
    assert r.rc == 1 and rid in r.out and "--yes" in r.err  # the warning, nothing deleted
    assert len(ok("--data-dir", d, "record", "list", "--json", passphrase=PASSPHRASE).json()) == 1
    assert "no drafts older than 60" in ok("--data-dir", d, "drafts", "purge", "--older-than",
                                           "60", "--yes", passphrase=PASSPHRASE).out
    r = ok("--data-dir", d, "drafts", "purge", "--yes", passphrase=PASSPHRASE)
    assert "purged 1" in r.out
    assert json.loads(ok("--data-dir", d, "record", "list", "--json",
                         passphrase=PASSPHRASE).out) == []
