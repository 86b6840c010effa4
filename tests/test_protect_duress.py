"""Duress passphrase: a decoy store, same shapes on disk, silent erase of the real store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from intake_app.errors import IntakeError, ProfileError, StoreCorrupt, WrongPassphrase
from intake_app.forms import validate_record
from intake_app.models import RecordStatus
from intake_app.protect import unlock as protect_unlock
from intake_app.services.field import FieldService
from intake_app.store import profile
from intake_app.store.keyslots import HEADER_SIZE, SLOT_SIZE, SLOTS_OFFSET, ProfileHeader
from tests.cli_helpers import ok, run
from tests.conftest import PASSPHRASE, new_field_service, scan_for

DURESS = "tea with sugar please"
CANARY = "CANARY-duress-0b7e-هرات"


def _shape(d: Path) -> dict[str, int]:
    return {p.relative_to(d).as_posix(): p.stat().st_size for p in sorted(d.rglob("*"))
            if p.is_file()}


def test_files_have_the_same_names_and_sizes_with_or_without_duress(tmp_path: Path) -> None:
    plain = new_field_service(tmp_path / "plain")
    plain.lock()
    erasing = new_field_service(tmp_path / "erasing")
    erasing.set_duress(DURESS)
    erasing.lock()
    keeping = new_field_service(tmp_path / "keeping")
    keeping.set_duress(DURESS, erase_real=False)
    keeping.lock()
    cleared = new_field_service(tmp_path / "cleared")
    cleared.set_duress(DURESS)
    cleared.clear_duress()
    cleared.lock()
    shapes = {name: _shape(tmp_path / name) for name in ("plain", "erasing", "keeping",
                                                          "cleared")}
    assert shapes["plain"] == {"profile.aux": 72, "profile.hdr": HEADER_SIZE,
                               "store-b.db": shapes["plain"]["store-b.db"],
                               "store.db": shapes["plain"]["store.db"]}
    assert all(s == shapes["plain"] for s in shapes.values()), shapes
    for name in shapes:
        raw = (tmp_path / name / profile.HEADER_NAME).read_bytes()
        header = ProfileHeader.parse(raw)  # same header format, same KDF parameters
        slot1 = raw[SLOTS_OFFSET + SLOT_SIZE:]
        assert len(slot1) == SLOT_SIZE and slot1 != bytes(SLOT_SIZE)
        assert header.params == ProfileHeader.parse(
            (tmp_path / "plain" / profile.HEADER_NAME).read_bytes()).params


def test_duress_passphrase_opens_the_decoy(data_dir: Path) -> None:
    svc = new_field_service(data_dir, records=2, notes=CANARY)
    created = svc.meta("created_at")
    svc.set_duress(DURESS, erase_real=False)
    svc.lock()
    decoy = FieldService(data_dir)
    decoy.unlock(DURESS)
    try:
        rows = decoy.list_records()
        assert len(rows) == 3 and all(r.status is RecordStatus.DRAFT for r in rows)
        assert decoy.search(CANARY) == []
        assert decoy.meta("kind") == "field"
        assert decoy.meta("created_at") == created
        assert not decoy.is_enrolled()
        form = decoy.get_form("hrd_intake")
        for row in rows:  # complete, valid drafts, like those the app itself saves
            values = decoy.record(row.id).values
            assert values["interviewer_code"] == "TRAINING"
            assert validate_record(form, values, "en") == values
        assert decoy.is_decoy_session()
    finally:
        decoy.lock()
    # Kept (erase off): the real store still opens, untouched.
    real = FieldService(data_dir)
    real.unlock(PASSPHRASE)
    assert len(real.search(CANARY)) == 2
    assert not real.is_decoy_session()
    real.lock()


def test_duress_erases_the_real_store_silently(data_dir: Path) -> None:
    svc = new_field_service(data_dir, records=2, notes=CANARY)
    svc.set_duress(DURESS)  # erase on duress is the default
    svc.lock()
    old_header = (data_dir / profile.HEADER_NAME).read_bytes()
    shape_before = _shape(data_dir)

    decoy = FieldService(data_dir)
    decoy.unlock(DURESS)  # no error, no message: it just opens
    assert len(decoy.list_records()) == 3
    report = decoy.unlock_report()
    assert report is not None and report.decoy and report.erased_real
    decoy.lock()

    assert set(_shape(data_dir)) == set(shape_before)  # same files: nothing looks missing
    assert _shape(data_dir)["store.db"] == _shape(data_dir)["store-b.db"]
    with pytest.raises(WrongPassphrase):
        FieldService(data_dir).unlock(PASSPHRASE)
    # The old header, recovered and put back, with the real passphrase: still nothing.
    saved = (data_dir / profile.HEADER_NAME).read_bytes()
    (data_dir / profile.HEADER_NAME).write_bytes(old_header)
    with pytest.raises(StoreCorrupt):
        db, _ = profile.open_profile(data_dir, PASSPHRASE)
        db.close()
    (data_dir / profile.HEADER_NAME).write_bytes(saved)
    # The decoy keeps working; a second use does not erase again.
    inode = (data_dir / profile.DB_NAME).stat().st_ino
    decoy.unlock(DURESS)
    report = decoy.unlock_report()
    assert report is not None and not report.erased_real
    decoy.lock()
    assert (data_dir / profile.DB_NAME).stat().st_ino == inode


def test_erase_on_duress_removes_the_outbox_unless_kept(tmp_path: Path) -> None:
    for keep in (False, True):
        d = tmp_path / f"keep-{keep}"
        svc = new_field_service(d)
        svc.update_protect_settings(keep_outbox_on_panic=keep)
        svc.set_duress(DURESS)
        (d / "outbox").mkdir()
        (d / "outbox" / "dev-1-000001.intake").write_bytes(os.urandom(64))
        svc.lock()
        FieldService(d).unlock(DURESS)
        assert (d / "outbox" / "dev-1-000001.intake").exists() is keep


def test_duress_passphrase_must_differ(data_dir: Path) -> None:
    svc = new_field_service(data_dir)
    with pytest.raises(ProfileError, match="different"):
        svc.set_duress(PASSPHRASE)
    with pytest.raises(ProfileError, match="too short"):
        svc.set_duress("short")
    svc.set_duress(DURESS)
    svc.set_duress(DURESS, erase_real=False)  # setting it again replaces it
    svc.lock()
    # Changing the real passphrase to the duress one would hide the duress slot.
    with pytest.raises(ProfileError):
        protect_unlock.change_passphrase(data_dir, PASSPHRASE, DURESS)


def test_set_and_clear_from_the_decoy_pretend(data_dir: Path) -> None:
    svc = new_field_service(data_dir, records=1, notes=CANARY)
    svc.set_duress(DURESS, erase_real=False)
    svc.lock()
    before = {n: (data_dir / n).read_bytes() for n in ("profile.hdr", "store.db")}
    decoy = FieldService(data_dir)
    decoy.unlock(DURESS)
    decoy.set_duress("another one entirely")
    decoy.clear_duress()
    decoy.lock()
    assert (data_dir / "profile.hdr").read_bytes() == before["profile.hdr"]
    decoy.unlock(DURESS)  # still the duress passphrase
    assert decoy.is_decoy_session()
    decoy.lock()
    real = FieldService(data_dir)
    real.unlock(PASSPHRASE)
    assert len(real.search(CANARY)) == 1
    real.lock()


def test_clear_makes_the_duress_passphrase_wrong(data_dir: Path) -> None:
    svc = new_field_service(data_dir)
    svc.set_duress(DURESS)
    svc.clear_duress()
    svc.lock()
    with pytest.raises(WrongPassphrase):
        FieldService(data_dir).unlock(DURESS)
    FieldService(data_dir).unlock(PASSPHRASE)


def test_changing_the_duress_passphrase_keeps_its_setting(data_dir: Path) -> None:
    svc = new_field_service(data_dir, records=1, notes=CANARY)
    svc.set_duress(DURESS)
    svc.lock()
    protect_unlock.change_passphrase(data_dir, DURESS, "the new duress phrase")
    with pytest.raises(WrongPassphrase):
        FieldService(data_dir).unlock(DURESS)
    FieldService(data_dir).unlock("the new duress phrase")  # erases the real store
    with pytest.raises(WrongPassphrase):
        FieldService(data_dir).unlock(PASSPHRASE)


def test_crash_between_decoy_and_header_heals(data_dir: Path) -> None:
    svc = new_field_service(data_dir)
    svc.set_duress(DURESS, erase_real=False)
    # What a crash after writing store-b.db but before the header leaves: a decoy file
    # the slot's key does not open.
    profile.install_filler_decoy(data_dir, "field", 0)
    svc.lock()
    decoy = FieldService(data_dir)
    decoy.unlock(DURESS)
    assert decoy.is_decoy_session()
    decoy.lock()


def test_real_store_does_not_reveal_duress(data_dir: Path) -> None:
    svc = new_field_service(data_dir)
    before = dict(svc._store.execute("SELECT key, value FROM meta").fetchall())
    svc.set_duress(DURESS)
    after = dict(svc._store.execute("SELECT key, value FROM meta").fetchall())
    assert before == after
    svc.lock()


def test_cli_duress_set_and_clear(data_dir: Path) -> None:
    ok("--data-dir", data_dir, "init", passphrase=PASSPHRASE)
    r = run("--data-dir", data_dir, "duress", "set", passphrase=PASSPHRASE)
    assert r.rc == 2 and "terminal" in r.err  # no tty, no INTAKE_DURESS_PASSPHRASE
    r = ok("--data-dir", data_dir, "duress", "set", "--keep-real", passphrase=PASSPHRASE,
           env={"INTAKE_DURESS_PASSPHRASE": DURESS})
    assert "set" in r.out and "erase" not in r.out
    decoy_list = ok("--data-dir", data_dir, "record", "list", "--json", passphrase=DURESS).json()
    assert len(decoy_list) == 3
    assert ok("--data-dir", data_dir, "record", "list", "--json",
              passphrase=PASSPHRASE).json() == []
    ok("--data-dir", data_dir, "duress", "clear", passphrase=PASSPHRASE)
    r = run("--data-dir", data_dir, "record", "list", passphrase=DURESS)
    assert r.rc == 1 and r.err == "intake: wrong passphrase\n"
    r = ok("--data-dir", data_dir, "duress", "set", passphrase=PASSPHRASE,
           env={"INTAKE_DURESS_PASSPHRASE": DURESS})
    assert "erase" in r.out
    r = run("--data-dir", data_dir, "duress", "set", passphrase=PASSPHRASE,
            env={"INTAKE_DURESS_PASSPHRASE": PASSPHRASE})
    assert r.rc == 1 and "different" in r.err


def test_nothing_on_disk_holds_the_canary_after_duress(data_dir: Path) -> None:
    svc = new_field_service(data_dir, records=3, notes=CANARY)
    svc.set_duress(DURESS)
    svc.lock()
    FieldService(data_dir).unlock(DURESS)
    assert scan_for(data_dir, CANARY) == []
    with pytest.raises(IntakeError):
        FieldService(data_dir).unlock(PASSPHRASE)
