"""Issue 14, finding 1: a failed export, first or later, never blocks the laptop and
never leaves HQ or the auditor a gap: the next plain export takes the abandoned number.

A failure at every sequence number 1..4, by ENOSPC (a full stick, a real small tmpfs)
and by SIGKILL (a real CLI process killed while it seals).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.cli_helpers import enrolled_pair
from tests.fault_helpers import cli_proc, end_to_end, kill_when, new_finalized
from tests.faultfs import MiB, fill, small_tmpfs

ROUNDS = 4


def test_full_stick_at_every_sequence(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path / "p")
    finalized: set[str] = set()
    with small_tmpfs(tmp_path / "stick", 16) as stick:
        for seq in range(1, ROUNDS + 1):
            finalized.add(new_finalized(s, tmp_path, f"s{seq}", attachment=2 * MiB))
            filler = fill(stick, 512 * 1024)
            r = s.f("export", "--to", stick)
            assert r.rc == 1, (seq, r.out, r.err)
            assert "internal error" not in r.err and r.err.count("\n") == 1, r.err
            assert not list(stick.glob(".*.part")), "a failed export leaves no .part"
            filler.unlink()
            r = s.f("export", "--to", stick)  # plain: no --resend, no --force
            assert r.rc == 0, (seq, r.err)
            [path] = r.out.split()
            assert path.endswith(f"-{seq:06d}.intake"), (seq, path)
            shutil.copy(path, tmp_path / "p")  # the stick is small: HQ's copy
            Path(path).unlink()
        assert end_to_end(s, finalized, tmp_path / "p") == list(range(1, ROUNDS + 1))


def test_sigkill_while_sealing_at_every_sequence(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path / "p")
    usb = tmp_path / "usb"
    usb.mkdir()
    outbox = s.field / "outbox"
    finalized: set[str] = set()
    kills = 0
    for seq in range(1, ROUNDS + 1):
        finalized.add(new_finalized(s, tmp_path, f"k{seq}", attachment=3 * MiB))
        proc = cli_proc(s.field, "export", "--to", usb)
        # Killed as soon as the volume is being written (its .part exists).
        if kill_when(proc, lambda: any(outbox.glob("*.part"))):
            kills += 1
        r = s.f("export", "--to", usb)
        assert r.rc == 0, (seq, r.err)
        assert "internal error" not in r.err
    assert kills >= ROUNDS - 1, f"only {kills} kills landed while sealing"
    assert end_to_end(s, finalized, usb) == list(range(1, ROUNDS + 1))
    entries = s.f("outbox", "--json").json()
    assert [e["sequence"] for e in entries] == list(range(1, ROUNDS + 1))
    assert all(e["state"] == "pending" for e in entries), entries
