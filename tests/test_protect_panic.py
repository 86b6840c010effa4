"""Panic: crypto-erase first, then delete; no passphrase needed; only our own files."""

from __future__ import annotations

import io
import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from intake_app.errors import IntakeError, ProfileError, StoreCorrupt, WrongPassphrase
from intake_app.protect import erase, panic
from intake_app.protect import unlock as protect_unlock
from intake_app.services.field import FieldService
from intake_app.store import profile
from intake_app.store.keyslots import ProfileHeader
from tests.cli_helpers import FIELD_PASS, Setup, enrolled_pair, example_values, ok, run
from tests.conftest import PASSPHRASE, new_field_service, scan_for

CANARY = "CANARY-panic-51c2-کابل"


def _record(s: Setup, **changes: Any) -> str:
    f = s.root / "values.json"
    f.write_text(json.dumps(example_values(**changes), ensure_ascii=False), encoding="utf-8")
    rid = ok("--data-dir", s.field, "record", "new", "--form", "hrd_intake", "--json", f,
             passphrase=FIELD_PASS).out.strip()
    f.unlink()
    return rid


def _nothing_opens(data_dir: Path, passphrase: str, old_header: bytes) -> None:
    """Nothing left opens; nor does the old header put back with the passphrase."""
    for p in data_dir.rglob("*") if data_dir.exists() else []:
        if p.is_file():
            data = p.read_bytes()
            if len(data) == len(old_header):
                with pytest.raises((ProfileError, WrongPassphrase)):
                    ProfileHeader.parse(data).unlock(passphrase)
    data_dir.mkdir(exist_ok=True)
    (data_dir / profile.HEADER_NAME).write_bytes(old_header)
    # The old header still unwraps the old key, but no database it opened is left.
    with pytest.raises((StoreCorrupt, WrongPassphrase, ProfileError)):
        db, _ = profile.open_profile(data_dir, passphrase)
        db.close()
    svc = FieldService(data_dir)
    with pytest.raises(IntakeError):
        svc.unlock(passphrase)


def test_cli_panic_after_a_working_session(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path)
    rid = _record(s, interviewer_notes=CANARY)
    src = tmp_path / "outside" / "photo.jpg"
    src.parent.mkdir()
    src.write_bytes(os.urandom(100_000) + CANARY.encode())
    ok("--data-dir", s.field, "attach", rid, src, passphrase=FIELD_PASS)
    ok("--data-dir", s.field, "record", "finalize", rid, passphrase=FIELD_PASS)
    usb = tmp_path / "usb"
    usb.mkdir()
    ok("--data-dir", s.field, "export", "--to", usb, passphrase=FIELD_PASS)
    _record(s, interviewer_notes=CANARY + " draft")
    assert list((s.field / "outbox").glob("*.intake"))
    old_header = (s.field / profile.HEADER_NAME).read_bytes()

    r = run("--data-dir", s.field, "panic", "--yes")  # no passphrase given or needed
    assert r.rc == 0, r.err
    assert "erased" in r.out
    assert not s.field.exists(), "the folder is gone, outbox included (default)"
    _nothing_opens(s.field, FIELD_PASS, old_header)
    assert scan_for(Path(os.environ["TMPDIR"]), CANARY) == []
    # The bundle already on the stick is HQ's business: still valid there.
    assert list(usb.glob("*.intake"))


def test_panic_needs_yes(data_dir: Path) -> None:
    new_field_service(data_dir)
    r = run("--data-dir", data_dir, "panic")
    assert r.rc == 2 and "--yes" in r.err
    assert profile.profile_exists(data_dir)


def test_panic_without_profile_is_harmless(tmp_path: Path) -> None:
    d = tmp_path / "somewhere"
    d.mkdir()
    (d / "notes.txt").write_text("mine")
    (d / "store.db").write_text("someone else's file with our name")
    r = run("--data-dir", d, "panic", "--yes")
    assert r.rc == 0 and "nothing to erase" in r.out
    assert sorted(p.name for p in d.iterdir()) == ["notes.txt", "store.db"]


def test_panic_leaves_foreign_files(data_dir: Path) -> None:
    new_field_service(data_dir)
    (data_dir / "README.txt").write_text("not ours")
    report = panic.panic(data_dir)
    assert report.had_profile
    assert sorted(p.name for p in data_dir.iterdir()) == ["README.txt"]


def test_gui_style_panic_of_an_unlocked_service(data_dir: Path) -> None:
    """What the GUI's panic button calls: the store is open, records on screen."""
    svc = new_field_service(data_dir)
    rid = svc.new_record("hrd_intake", example_values(interviewer_notes=CANARY))
    svc.attach(rid, io.BytesIO(CANARY.encode() * 100), "a.txt")
    old_header = (data_dir / profile.HEADER_NAME).read_bytes()
    report = panic.panic(data_dir, service=svc)
    assert not svc.is_unlocked
    assert report.had_profile  # its speed: bench/bench_panic.py
    assert not data_dir.exists()
    _nothing_opens(data_dir, PASSPHRASE, old_header)


def test_panic_does_not_wait_for_a_busy_service(data_dir: Path) -> None:
    svc = new_field_service(data_dir)
    svc.new_record("hrd_intake", example_values())
    holding, release = threading.Event(), threading.Event()

    def busy() -> None:
        with svc._lock:  # a long export in flight
            holding.set()
            release.wait(10)

    t = threading.Thread(target=busy)
    t.start()
    holding.wait(5)
    try:
        report = panic.panic(data_dir, service=svc)
        assert report.seconds < 5.0  # far below the 10 s the busy call holds the lock
        assert not data_dir.exists()
    finally:
        release.set()
        t.join()
    svc.lock()


def test_key_material_is_destroyed_before_any_file_is_deleted(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    new_field_service(data_dir)
    hdr = data_dir / profile.HEADER_NAME
    states: list[tuple[str, bool]] = []
    real_unlink = erase.unlink

    def spy(path: Path) -> bool:
        try:
            ProfileHeader.parse(hdr.read_bytes()).unlock(PASSPHRASE)
            opens = True
        except (ProfileError, WrongPassphrase, FileNotFoundError):
            opens = False
        states.append((Path(path).name, opens))
        return real_unlink(path)

    monkeypatch.setattr(panic, "unlink", spy)
    panic.panic(data_dir)
    assert states and not any(opens for _, opens in states), states


def test_interrupted_header_copies_are_destroyed(data_dir: Path) -> None:
    new_field_service(data_dir)
    header = (data_dir / profile.HEADER_NAME).read_bytes()
    stray = data_dir / f".{profile.HEADER_NAME}.tmp-4242"
    stray.write_bytes(header)
    panic.panic(data_dir)
    assert not data_dir.exists()


def test_keep_outbox_setting_and_override(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path)
    rid = _record(s)
    ok("--data-dir", s.field, "record", "finalize", rid, passphrase=FIELD_PASS)
    ok("--data-dir", s.field, "export", "--to", tmp_path, passphrase=FIELD_PASS)
    ok("--data-dir", s.field, "protect", "set", "--panic-outbox", "keep", passphrase=FIELD_PASS)
    bundles = sorted(p.name for p in (s.field / "outbox").iterdir())
    ok("--data-dir", s.field, "panic", "--yes")
    assert sorted(p.relative_to(s.field).as_posix() for p in s.field.rglob("*")) == [
        "outbox", *(f"outbox/{b}" for b in bundles)]
    # The sealed bundles do not open with anything the laptop had.
    assert not profile.profile_exists(s.field)
    # Running panic again with the override takes the rest.
    ok("--data-dir", s.field, "panic", "--yes", "--destroy-outbox")
    assert s.field.exists() is False or not any(s.field.iterdir())


def test_panic_from_locked_app_reads_keep_setting(data_dir: Path) -> None:
    svc = new_field_service(data_dir)
    svc.update_protect_settings(keep_outbox_on_panic=True)
    (data_dir / "outbox").mkdir()
    (data_dir / "outbox" / "x-000001.intake").write_bytes(b"sealed")
    svc.lock()
    report = panic.panic(data_dir)
    assert report.kept_outbox
    assert [p.name for p in data_dir.rglob("*")] == ["outbox", "x-000001.intake"]


def test_passphrase_change_overwrites_the_old_header_bytes(data_dir: Path) -> None:
    """A rename alone would leave the old header (old passphrase) in freed blocks."""
    new_field_service(data_dir)
    path = data_dir / profile.HEADER_NAME
    old = path.read_bytes()
    fd = os.open(path, os.O_RDONLY)  # hold the old inode, as a forensic tool would read it
    try:
        protect_unlock.change_passphrase(data_dir, PASSPHRASE, "a brand new passphrase")
        left = os.pread(fd, len(old) + 16, 0)
    finally:
        os.close(fd)
    assert len(left) == len(old) and left != old
    with pytest.raises((ProfileError, WrongPassphrase)):
        ProfileHeader.parse(left).unlock(PASSPHRASE)


def test_shred_helpers(tmp_path: Path) -> None:
    f = tmp_path / "small"
    f.write_bytes(b"secret" * 10)
    link = tmp_path / "link"
    link.symlink_to(f)
    assert erase.overwrite_in_place(link) is False  # never through a symlink
    assert f.read_bytes() == b"secret" * 10
    assert erase.shred(f)
    assert not f.exists()
    assert erase.shred(f) is False
    assert erase.unlink(link) and not link.is_symlink()
