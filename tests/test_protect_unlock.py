"""Failed-unlock counter and profile.aux: off by default, counted before the KDF, restored."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from intake_app.errors import ProfileError, UsageError, WrongPassphrase
from intake_app.protect import guard
from intake_app.protect import unlock as protect_unlock
from intake_app.store import profile
from intake_app.store.keyslots import ProfileHeader
from tests.cli_helpers import ok, run
from tests.conftest import PASSPHRASE, new_field_service


def _state(data_dir: Path) -> guard.AuxState | None:
    return guard.read_state(data_dir, profile.read_header(data_dir).salt)


def _files(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in d.iterdir() if p.is_file()}


def test_off_by_default_and_wrong_passphrase_changes_nothing(data_dir: Path) -> None:
    svc = new_field_service(data_dir, locked=True)
    before = _files(data_dir)
    for _ in range(12):
        with pytest.raises(WrongPassphrase):
            svc.unlock("not the passphrase")
    assert _files(data_dir) == before
    svc.unlock(PASSPHRASE)
    report = svc.unlock_report()
    assert report == protect_unlock.UnlockReport()


def test_wipe_after_n_wrong_passphrases(data_dir: Path) -> None:
    svc = new_field_service(data_dir, locked=True, wipe_after=3)
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            svc.unlock("wrong wrong wrong")
    svc.unlock(PASSPHRASE)  # a success resets the count, and says how many there were
    report = svc.unlock_report()
    assert report is not None and report.failed_attempts == 2
    svc.lock()
    state = _state(data_dir)
    assert state is not None and state.failures == 0
    for i in range(3):
        with pytest.raises(WrongPassphrase):  # the same message, also on the last one
            svc.unlock(f"wrong guess {i}")
    assert not data_dir.exists()
    with pytest.raises(ProfileError, match="no profile"):
        svc.unlock(PASSPHRASE)


def test_attempt_is_counted_before_the_slow_kdf(data_dir: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    svc = new_field_service(data_dir, locked=True, wipe_after=5)

    def killed(self: ProfileHeader, passphrase: str) -> bytes:
        raise KeyboardInterrupt  # the process is killed while Argon2id runs

    monkeypatch.setattr(ProfileHeader, "kek", killed)
    with pytest.raises(KeyboardInterrupt):
        svc.unlock("guess")
    monkeypatch.undo()
    state = _state(data_dir)
    assert state is not None and state.failures == 1


def test_aux_file_is_fixed_size_and_random_looking(tmp_path: Path) -> None:
    sizes = set()
    blobs = []
    for i, changes in enumerate([{}, {"wipe_after": 10, "keep_outbox_on_panic": True},
                                 {"clipboard_clear_seconds": 5}]):
        d = tmp_path / str(i)
        new_field_service(d, locked=True, **changes)  # type: ignore[arg-type]
        raw = (d / guard.AUX_NAME).read_bytes()
        sizes.add(len(raw))
        blobs.append(raw)
    assert sizes == {guard.AUX_SIZE}
    assert len(set(blobs)) == 3
    assert guard.decode(b"\0" * guard.AUX_SIZE, b"s" * 16) is None
    assert guard.decode(b"short", b"s" * 16) is None


def test_deleting_the_aux_file_is_reported_and_undone(data_dir: Path) -> None:
    svc = new_field_service(data_dir, locked=True, wipe_after=4)
    (data_dir / guard.AUX_NAME).unlink()  # someone resets the counter by deleting the file
    for _ in range(6):  # no counting without the file...
        with pytest.raises(WrongPassphrase):
            svc.unlock("guessing")
    svc.unlock(PASSPHRASE)  # ...but the owner is told, and the file is back
    report = svc.unlock_report()
    assert report is not None and report.settings_restored
    svc.lock()
    state = _state(data_dir)
    assert state is not None and state.settings.wipe_after == 4


def test_rolled_back_aux_file_is_reported(data_dir: Path) -> None:
    svc = new_field_service(data_dir, locked=True)
    old = (data_dir / guard.AUX_NAME).read_bytes()
    svc.unlock(PASSPHRASE)
    svc.update_protect_settings(wipe_after=2)
    svc.lock()
    (data_dir / guard.AUX_NAME).write_bytes(old)  # an older copy, wipe off
    svc.unlock(PASSPHRASE)
    report = svc.unlock_report()
    assert report is not None and report.settings_restored
    assert svc.protect_settings().wipe_after == 2


def test_settings_changed_from_the_decoy_are_restored(data_dir: Path) -> None:

    svc = new_field_service(data_dir)
    svc.update_protect_settings(wipe_after=5)
    svc.set_duress("coerced passphrase", erase_real=False)
    svc.lock()
    svc.unlock("coerced passphrase")
    assert svc.protect_settings().wipe_after == 5  # the decoy shows the same settings
    svc.update_protect_settings(wipe_after=0)
    svc.lock()
    svc.unlock(PASSPHRASE)
    report = svc.unlock_report()
    assert report is not None and report.settings_restored
    assert svc.protect_settings().wipe_after == 5


def test_settings_are_checked(data_dir: Path) -> None:
    svc = new_field_service(data_dir)
    with pytest.raises(UsageError):
        svc.update_protect_settings(wipe_after=1000)
    with pytest.raises(UsageError):
        svc.update_protect_settings(clipboard_clear_seconds=0)
    svc.lock()
    from intake_app.errors import InvalidState

    with pytest.raises(InvalidState):
        svc.protect_settings()


def test_old_profile_without_new_files_is_completed(data_dir: Path) -> None:
    svc = new_field_service(data_dir, locked=True)
    (data_dir / profile.DECOY_NAME).unlink()
    (data_dir / guard.AUX_NAME).unlink()
    svc.unlock(PASSPHRASE)
    report = svc.unlock_report()
    assert report is not None and not report.settings_restored  # defaults: nothing to say
    svc.lock()
    assert (data_dir / profile.DECOY_NAME).exists() and (data_dir / guard.AUX_NAME).exists()


def test_unlock_disables_core_dumps(data_dir: Path) -> None:
    svc = new_field_service(data_dir, locked=True)
    svc.unlock(PASSPHRASE)
    assert resource.getrlimit(resource.RLIMIT_CORE)[0] == 0


def test_cli_protect_commands(data_dir: Path) -> None:
    ok("--data-dir", data_dir, "init", passphrase=PASSPHRASE)
    r = ok("--data-dir", data_dir, "protect", "status", passphrase=PASSPHRASE)
    assert "wipe after wrong passphrases: off" in r.out
    r = ok("--data-dir", data_dir, "protect", "set", "--wipe-after", "3", "--panic-outbox",
           "keep", "--clipboard-seconds", "20", passphrase=PASSPHRASE)
    assert "3" in r.out and "yes" in r.out and "20 s" in r.out
    assert run("--data-dir", data_dir, "protect", "set", passphrase=PASSPHRASE).rc == 2
    assert run("--data-dir", data_dir, "protect", "set", "--wipe-after", "-1",
               passphrase=PASSPHRASE).rc == 2
    assert run("--data-dir", data_dir, "record", "list", passphrase="nope nope").rc == 1
    r = ok("--data-dir", data_dir, "protect", "status", passphrase=PASSPHRASE)
    assert "wrong passphrases before this unlock: 1" in r.out


def test_passphrase_change_counts_too(data_dir: Path) -> None:
    svc = new_field_service(data_dir, locked=True, wipe_after=2)
    with pytest.raises(WrongPassphrase):
        svc.change_passphrase("guess one", "whatever new one")
    svc.change_passphrase(PASSPHRASE, "the next passphrase")  # success resets
    state = _state(data_dir)
    assert state is not None and state.failures == 0
    for guess in ("guess two", "guess three"):
        with pytest.raises(WrongPassphrase):
            svc.change_passphrase(guess, "whatever new one")
    assert not data_dir.exists()


def test_stale_header_copy_is_destroyed_at_unlock(data_dir: Path) -> None:
    svc = new_field_service(data_dir, locked=True)
    header = (data_dir / profile.HEADER_NAME).read_bytes()
    stale = data_dir / f".{profile.HEADER_NAME}.tmp-999999999"  # no such process
    stale.write_bytes(header)
    live = data_dir / f".{guard.AUX_NAME}.tmp-1"  # pid 1 is alive: maybe mid-write, left alone
    live.write_bytes(b"x")
    svc.unlock(PASSPHRASE)
    assert not stale.exists() and live.exists()
