from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from intake_app.errors import ProfileError, StoreCorrupt, WrongPassphrase
from intake_app.protect import unlock as protect_unlock
from intake_app.store import profile
from intake_app.store.keyslots import (
    HEADER_SIZE,
    MEM_MAX_KIB,
    KdfParams,
    ProfileHeader,
    calibrate,
)
from tests.conftest import PASSPHRASE


def test_create_open_and_modes(data_dir: Path) -> None:
    db = profile.create_profile(data_dir, PASSPHRASE, "field")
    db.close()
    assert stat.S_IMODE(os.stat(data_dir).st_mode) == 0o700
    for child in data_dir.iterdir():
        assert stat.S_IMODE(os.stat(child).st_mode) == 0o600, child
    db, slot = profile.open_profile(data_dir, PASSPHRASE)
    assert slot == 0
    assert db.execute("SELECT value FROM meta WHERE key='kind'").fetchone()[0] == "field"
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()


def test_wrong_passphrase_changes_nothing(data_dir: Path) -> None:
    profile.create_profile(data_dir, PASSPHRASE, "field").close()
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    with pytest.raises(WrongPassphrase) as err:
        profile.open_profile(data_dir, "not the passphrase")
    assert str(err.value) == "wrong passphrase"
    after = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    assert before == after


def test_second_init_refused(data_dir: Path) -> None:
    profile.create_profile(data_dir, PASSPHRASE, "field").close()
    with pytest.raises(ProfileError):
        profile.create_profile(data_dir, PASSPHRASE, "field")


def test_short_passphrase_refused(data_dir: Path) -> None:
    with pytest.raises(ProfileError):
        profile.create_profile(data_dir, "short", "field")
    assert not profile.profile_exists(data_dir)


def test_change_passphrase(data_dir: Path) -> None:
    profile.create_profile(data_dir, PASSPHRASE, "field").close()
    protect_unlock.change_passphrase(data_dir, PASSPHRASE, "a brand new passphrase")
    with pytest.raises(WrongPassphrase):
        profile.open_profile(data_dir, PASSPHRASE)
    db, _ = profile.open_profile(data_dir, "a brand new passphrase")
    db.close()
    with pytest.raises(WrongPassphrase):
        protect_unlock.change_passphrase(data_dir, PASSPHRASE, "whatever else")


def test_header_roundtrip_and_shape() -> None:
    params = KdfParams(1, 8192)
    h = ProfileHeader.create("pw-pw-pw-pw", b"k" * 32, params)
    raw = h.to_bytes()
    assert len(raw) == HEADER_SIZE
    assert ProfileHeader.parse(raw) == h
    assert h.unlock("pw-pw-pw-pw") == (0, b"k" * 32)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda b: b[:-1],
        lambda b: b + b"\0",
        lambda b: b"XXXXXXXX" + b[8:],
        lambda b: b[:8] + b"\x02" + b[9:],
        lambda b: b[:12] + (0).to_bytes(4, "big") + b[16:],  # opslimit 0
        lambda b: b[:12] + (1000).to_bytes(4, "big") + b[16:],  # opslimit huge
        lambda b: b[:16] + (MEM_MAX_KIB + 1).to_bytes(4, "big") + b[20:],
        lambda b: b[:16] + (16).to_bytes(4, "big") + b[20:],  # memlimit tiny
    ],
)
def test_header_rejects_bad_bytes(mutate: object) -> None:
    raw = ProfileHeader.create("pw-pw-pw-pw", b"k" * 32, KdfParams(1, 8192)).to_bytes()
    with pytest.raises(ProfileError):
        ProfileHeader.parse(mutate(raw))  # type: ignore[operator]


def test_header_bit_flip_in_slot_is_wrong_passphrase() -> None:
    raw = bytearray(ProfileHeader.create("pw-pw-pw-pw", b"k" * 32, KdfParams(1, 8192)).to_bytes())
    raw[60] ^= 1
    with pytest.raises(WrongPassphrase):
        ProfileHeader.parse(bytes(raw)).unlock("pw-pw-pw-pw")


def test_unused_slot_is_random_not_zero() -> None:
    h1 = ProfileHeader.create("pw-pw-pw-pw", b"k" * 32, KdfParams(1, 8192))
    h2 = ProfileHeader.create("pw-pw-pw-pw", b"k" * 32, KdfParams(1, 8192))
    assert h1.slots[1] != h2.slots[1]
    assert h1.slots[1] != bytes(len(h1.slots[1]))


def test_calibration_within_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTAKE_TESTING_FAST_KDF")
    params = calibrate(target_s=0.05)
    params.check()
    assert params.memlimit_kib == 256 * 1024


def test_missing_profile(data_dir: Path) -> None:
    with pytest.raises(ProfileError, match="no profile"):
        profile.open_profile(data_dir, PASSPHRASE)


def test_interrupted_init_leftover_is_cleared(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / profile.DB_NAME).write_bytes(os.urandom(4096))
    profile.create_profile(data_dir, PASSPHRASE, "field").close()
    db, _ = profile.open_profile(data_dir, PASSPHRASE)
    db.close()


def test_database_missing_is_reported(data_dir: Path) -> None:
    profile.create_profile(data_dir, PASSPHRASE, "field").close()
    (data_dir / profile.DB_NAME).unlink()
    with pytest.raises(StoreCorrupt):
        profile.open_profile(data_dir, PASSPHRASE)
