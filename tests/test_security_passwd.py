"""Findings 5 and 9: a passphrase change re-keys the store (crash-safely), and the test
suite's cheap key derivation cannot reach a real profile."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from intake_app.errors import ProfileError, StoreCorrupt, WrongPassphrase
from intake_app.protect import unlock as protect_unlock
from intake_app.services.field import FieldService
from intake_app.store import keyslots
from intake_app.store import profile as sp
from intake_app.store.db import Database
from tests.cli_helpers import example_values, run
from tests.conftest import PASSPHRASE

NEW = "a brand new passphrase"



def _old_header_opens_store(data_dir: Path, saved_header: bytes, passphrase: str) -> bool:
    """The attack: an earlier copy of the header plus the old (disclosed) passphrase."""
    key = sp.ProfileHeader.parse(saved_header).unlock(passphrase)[1]
    try:
        Database(sp.db_path(data_dir), key).close()
    except StoreCorrupt:
        return False
    return True


# -- finding 5 ------------------------------------------------------------------------


def test_old_header_and_old_passphrase_open_nothing_after_passwd(svc: FieldService) -> None:
    svc.new_record("hrd_intake", example_values(interviewer_notes="before the change"))
    saved = sp.header_path(svc.data_dir).read_bytes()
    svc.change_passphrase(PASSPHRASE, NEW)
    # The open service was moved to the new key and keeps working.
    rid = svc.new_record("hrd_intake", example_values(interviewer_notes="written since"))
    assert len(svc.list_records()) == 2
    svc.lock()
    assert not _old_header_opens_store(svc.data_dir, saved, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        svc.unlock(PASSPHRASE)
    svc.unlock(NEW)
    assert svc.record(rid).values["interviewer_notes"] == "written since"
    assert svc.check() == []
    svc.lock()
    assert [p.name for p in svc.data_dir.iterdir() if sp.REKEY_MARK in p.name] == []


def test_cli_passwd_rekeys(data_dir: Path) -> None:
    assert run("--data-dir", data_dir, "init", passphrase=PASSPHRASE).rc == 0
    saved = sp.header_path(data_dir).read_bytes()
    r = run("--data-dir", data_dir, "passwd", passphrase=PASSPHRASE,
            env={"INTAKE_NEW_PASSPHRASE": NEW})
    assert r.rc == 0, r.err
    assert not _old_header_opens_store(data_dir, saved, PASSPHRASE)
    assert run("--data-dir", data_dir, "record", "list", passphrase=NEW).rc == 0


def test_crash_before_the_commit_point_keeps_the_old_passphrase(
        svc: FieldService, monkeypatch: pytest.MonkeyPatch) -> None:
    rid = svc.new_record("hrd_intake", example_values())
    svc.lock()
    real_replace = os.replace

    def crash(src: object, dst: object) -> None:
        if sp.REKEY_MARK in str(src) and str(dst).endswith(sp.DB_NAME):
            raise KeyboardInterrupt  # the process dies here: nothing is cleaned up
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        protect_unlock.change_passphrase(svc.data_dir, PASSPHRASE, NEW)
    monkeypatch.setattr(os, "replace", real_replace)
    assert any(sp.REKEY_MARK in p.name for p in svc.data_dir.iterdir())
    with pytest.raises(WrongPassphrase):
        svc.unlock(NEW)
    svc.unlock(PASSPHRASE)
    assert svc.record(rid).id == rid
    svc.lock()
    assert not any(sp.REKEY_MARK in p.name for p in svc.data_dir.iterdir())


def test_crash_after_the_commit_point_gives_the_new_passphrase(
        svc: FieldService, monkeypatch: pytest.MonkeyPatch) -> None:
    rid = svc.new_record("hrd_intake", example_values())
    svc.lock()
    real_write = sp.write_header

    def crash(data_dir: Path, header: sp.ProfileHeader) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(sp, "write_header", crash)
    with pytest.raises(KeyboardInterrupt):
        protect_unlock.change_passphrase(svc.data_dir, PASSPHRASE, NEW)
    monkeypatch.setattr(sp, "write_header", real_write)
    # The database is already under the new key; the header still has the old one.
    # Whichever passphrase the user tries first, the change is completed.
    with pytest.raises(WrongPassphrase):
        svc.unlock(PASSPHRASE)
    svc.unlock(NEW)
    assert svc.record(rid).id == rid
    svc.lock()
    assert not any(sp.REKEY_MARK in p.name for p in svc.data_dir.iterdir())


def test_decoy_passwd_rekeys_the_decoy(svc: FieldService) -> None:
    svc.set_duress("the duress passphrase", erase_real=False)
    svc.lock()
    saved = sp.header_path(svc.data_dir).read_bytes()
    old_token = sp.ProfileHeader.parse(saved).unlock("the duress passphrase")[1]
    protect_unlock.change_passphrase(svc.data_dir, "the duress passphrase", "another duress one")
    with pytest.raises(StoreCorrupt):
        Database(sp.decoy_path(svc.data_dir), keyslots.decoy_key(old_token)[0])
    svc.unlock("another duress one")
    assert len(svc.list_records()) == 3  # the practice drafts
    svc.lock()
    svc.unlock(PASSPHRASE)
    svc.lock()


# -- finding 9 ------------------------------------------------------------------------


def test_fast_kdf_refused_outside_the_test_suite(data_dir: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    with pytest.raises(ProfileError, match="only for the test suite"):
        sp.create_profile(data_dir, PASSPHRASE, "field")
    assert not sp.profile_exists(data_dir)
    r = run("--data-dir", data_dir, "init", passphrase=PASSPHRASE)
    assert r.rc == 1 and "only for the test suite" in r.err and "Traceback" not in r.err


def test_frozen_build_ignores_fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    params = keyslots.calibrate(target_s=0.05)
    assert not keyslots.below_floor(params)


def test_weak_header_warns_at_unlock_and_passwd_recalibrates(
        svc: FieldService, monkeypatch: pytest.MonkeyPatch) -> None:
    svc.new_record("hrd_intake", example_values())
    svc.lock()
    assert keyslots.below_floor(sp.read_header(svc.data_dir).params)  # the test parameters
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    monkeypatch.delenv("INTAKE_TESTING_FAST_KDF")
    r = run("--data-dir", svc.data_dir, "record", "list", passphrase=PASSPHRASE)
    assert r.rc == 0 and "weaker than it should be" in r.err
    r = run("--data-dir", svc.data_dir, "passwd", passphrase=PASSPHRASE,
            env={"INTAKE_NEW_PASSPHRASE": NEW})
    assert r.rc == 0, r.err
    params = sp.read_header(svc.data_dir).params
    assert not keyslots.below_floor(params), params
    r = run("--data-dir", svc.data_dir, "record", "list", "--json", passphrase=NEW)
    assert r.rc == 0 and "weaker" not in r.err and len(r.json()) == 1


def test_interrupted_rekey_of_a_copied_folder(svc: FieldService, tmp_path: Path) -> None:
    """A copy of the folder taken mid-change still opens (with one passphrase or the other)."""
    svc.lock()
    copy = tmp_path / "copy"
    shutil.copytree(svc.data_dir, copy)
    protect_unlock.change_passphrase(copy, PASSPHRASE, NEW)
    other = FieldService(copy)
    other.unlock(NEW)
    other.lock()
