"""Issue 14 (soak): the store file follows the live data. Purged pages go back to the
file system at the purge's checkpoint (incremental auto-vacuum), so a year of sealed,
acknowledged and purged interviews does not leave the file at its largest size."""

from __future__ import annotations

import io
import os
from pathlib import Path

from intake_app.services.field import FieldService
from tests.cli_helpers import FIELD_PASS, example_values


def _size(d: Path) -> int:
    # The store and, since schema 9, the attachment blob files beside it.
    return sum(p.stat().st_size for p in [*d.glob("store.db*"), *d.glob("blobs/*")])


def test_purged_drafts_give_their_space_back(tmp_path: Path) -> None:
    svc = FieldService(tmp_path / "field")
    svc.create(FIELD_PASS)
    keep = svc.new_record("hrd_intake", example_values())
    svc._store.checkpoint()
    base = _size(svc.data_dir)
    drafts = []
    for i in range(4):
        rid = svc.new_record("hrd_intake", example_values(interviewer_notes=f"draft {i}"))
        svc.attach(rid, io.BytesIO(os.urandom(5 << 20)), f"v{i}.mp4")
        drafts.append(rid)
    svc._store.checkpoint()
    assert _size(svc.data_dir) > base + (20 << 20)
    svc.purge_drafts(drafts)
    after = _size(svc.data_dir)
    assert after <= base * 1.1 + (64 << 10), (base, after)
    assert svc.record(keep).summary.id == keep
    assert svc.check() == []
    svc.close()


def test_passwd_turns_incremental_vacuum_on(tmp_path: Path) -> None:
    from intake_app.store import db as store_db

    svc = FieldService(tmp_path / "field")
    svc.create(FIELD_PASS)
    assert int(svc._store.execute("PRAGMA auto_vacuum").fetchone()[0]) == 2
    svc.change_passphrase(FIELD_PASS, FIELD_PASS + " new")
    svc.unlock(FIELD_PASS + " new")
    assert int(svc._store.execute("PRAGMA auto_vacuum").fetchone()[0]) == 2
    assert isinstance(svc._store, store_db.Database)
    svc.close()
