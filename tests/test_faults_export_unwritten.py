"""Issue 14, finding 4: an export killed after a volume was sealed (records 'sealed',
outbox row 'pending') but before the stick's copy got its final name left only a hidden
``.part`` on the stick, and a plain re-run said 'nothing to export'. The next plain
export now says so and writes it; stale ``.part`` files of this device are removed.

The kill is a real SIGKILL of a real CLI process, at the exact rename (tests/kill_hook.py).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from intake_app.errors import IntakeError
from intake_app.services.field import FieldService
from tests.cli_helpers import FIELD_PASS, enrolled_pair
from tests.fault_helpers import end_to_end, hooked_run, new_finalized

KiB = 1024


def _bundles(d: Path) -> list[str]:
    return sorted(p.name for p in d.glob("*.intake"))


def test_kill_between_seal_and_rename_is_written_next_time(tmp_path: Path) -> None:
    # 2 MB volumes: three records with 1.2 MB attachments need three volumes.
    s = enrolled_pair(tmp_path / "p", provision_args=("--max-volume-mb", "2"))
    usb = tmp_path / "usb"
    usb.mkdir()
    finalized = {new_finalized(s, tmp_path, f"r{i}", attachment=1200 * KiB) for i in range(3)}
    # The second rename of a file into the stick: volume 1 is in place, volume 2 is
    # sealed and committed, its stick copy still hidden.
    r = hooked_run(s.field, f"replace:2:{usb}/", "export", "--to", usb)
    assert r.returncode == -9, (r.returncode, r.stdout, r.stderr)
    [first] = _bundles(usb)
    assert first.endswith("-000001.intake")
    parts = sorted(p.name for p in usb.glob(".*.part"))
    assert parts == [f".{s.device_id}-000002.intake.part"], parts
    entries = s.f("outbox", "--json").json()
    assert [(e["sequence"], e["state"]) for e in entries] == [(1, "pending"), (2, "pending")]
    # Another device's temporary file on the same stick is not ours to remove.
    foreign = usb / ".ffffffffffffffff-000001.intake.part"
    foreign.write_bytes(b"x")

    again = s.f("export", "--to", usb)  # plain: no --resend, no --force
    assert again.rc == 0, again.err
    assert "1 sealed volume never reached a stick" in again.err, again.err
    assert "nothing to export" not in again.err
    # The cut volume first, then what it had not reached yet, sealed as usual.
    lines = again.out.splitlines()
    assert lines[0].endswith("-000002.intake") and len(lines) >= 2, again.out
    assert lines[1].endswith("-000003.intake"), again.out
    assert not [p for p in usb.glob(".*.part") if p != foreign], "stale .part left"
    assert foreign.exists()
    assert s.f("outbox", "--json").json()[1]["sequence"] == 2
    # Once written, it is not written again.
    third = s.f("export", "--to", usb)
    assert third.rc == 0 and "never reached" not in third.err
    assert "nothing to export" in third.err
    seqs = end_to_end(s, finalized, usb)
    assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) == len(lines) + 1


def test_killed_single_volume_then_nothing_new(tmp_path: Path) -> None:
    """The case from the finding: one volume, killed at its stick rename; no new record."""
    s = enrolled_pair(tmp_path / "p")
    usb = tmp_path / "usb"
    usb.mkdir()
    finalized = {new_finalized(s, tmp_path, "only")}
    r = hooked_run(s.field, f"replace:1:{usb}/", "export", "--to", usb)
    assert r.returncode == -9, (r.returncode, r.stderr)
    assert _bundles(usb) == []
    again = s.f("export", "--to", usb)
    assert again.rc == 0, again.err
    assert "1 sealed volume never reached a stick" in again.err, again.err
    assert _bundles(usb) == [f"{s.device_id}-000001.intake"]
    assert not list(usb.glob(".*.part"))
    assert end_to_end(s, finalized, usb) == [1]


def test_stale_part_from_a_kill_while_sealing_is_removed(tmp_path: Path) -> None:
    """A kill while sealing to stick A, then exports to B and back to A: the old code
    overwrote a .part only when the same number was sealed to the same stick again."""
    s = enrolled_pair(tmp_path / "p")
    usb_a, usb_b = tmp_path / "a", tmp_path / "b"
    usb_a.mkdir()
    usb_b.mkdir()
    finalized = {new_finalized(s, tmp_path, "a", attachment=600 * KiB)}
    # Killed at the fsync of the two copies being sealed: both .part files exist.
    r = hooked_run(s.field, "fsync:1", "export", "--to", usb_a)
    assert r.returncode == -9, (r.returncode, r.stderr)
    assert [p.name for p in usb_a.glob(".*.part")] == [f".{s.device_id}-000001.intake.part"]
    b = s.f("export", "--to", usb_b)
    assert b.rc == 0 and "never reached" not in b.err, b.err
    finalized.add(new_finalized(s, tmp_path, "b"))
    a = s.f("export", "--to", usb_a)
    assert a.rc == 0 and "never reached" not in a.err, a.err
    assert not list(usb_a.glob(".*.part")), "the stale .part of sequence 1 is still there"
    assert _bundles(usb_a) == [f"{s.device_id}-000002.intake"]
    assert end_to_end(s, finalized, usb_a, usb_b) == [1, 2]


def test_stick_fsync_failing_after_the_commit_is_written_next_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stick copy's fsync runs while the volume commits (and purges); when it fails
    (EIO from a pulled stick), the volume is sealed, reported as not written, stays
    hidden on the stick, and the next export writes it from the outbox."""
    s = enrolled_pair(tmp_path / "p")
    usb = tmp_path / "usb"
    usb.mkdir()
    finalized = {new_finalized(s, tmp_path, "r0", attachment=1200 * KiB)}
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if str(usb) in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_fsync(fd)

    with FieldService(s.field) as svc:
        svc.unlock(FIELD_PASS)
        monkeypatch.setattr(os, "fsync", fsync)
        with pytest.raises(IntakeError, match="sealed, but not written"):
            svc.export(usb)
        monkeypatch.setattr(os, "fsync", real_fsync)
        assert _bundles(usb) == [] and svc.unwritten_volumes() == [1]
    again = s.f("export", "--to", usb)
    assert again.rc == 0, again.err
    assert "1 sealed volume never reached a stick" in again.err, again.err
    assert end_to_end(s, finalized, usb) == [1]
