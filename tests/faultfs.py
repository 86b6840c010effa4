"""Real full disks for fault tests: a small tmpfs mounted for one test, then filled.

Mounting needs root (CI and the development machine run as root). Where mount is
impossible the test is skipped with a loud reason, so a green run that skipped these is
visible in ``-ra`` output rather than silent.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

MiB = 1 << 20


def _skip(why: str) -> None:
    msg = f"DISK-FULL FAULT TEST NOT RUN: {why}"
    warnings.warn(msg, stacklevel=3)
    pytest.skip(msg)


@contextmanager
def small_tmpfs(path: Path, size_mib: int) -> Iterator[Path]:
    """Mount a ``size_mib`` tmpfs at ``path`` for the duration of the block."""
    if os.geteuid() != 0:
        _skip("mounting a tmpfs needs root")
    if shutil.which("mount") is None:
        _skip("no mount command")
    path.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_mib}m,mode=0700", "tmpfs",
                        str(path)], capture_output=True, text=True)
    if r.returncode != 0:
        _skip(f"mount -t tmpfs failed: {r.stderr.strip() or r.returncode}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def free(path: Path) -> int:
    return shutil.disk_usage(path).free


def fill(mount: Path, leave: int, name: str = "filler") -> Path:
    """Take all but ``leave`` bytes of ``mount``'s free space (a real allocated file)."""
    filler = mount / name
    have = filler.stat().st_size if filler.exists() else 0
    target = have + free(mount) - leave
    with open(filler, "ab") as fh:
        if target > have:
            os.posix_fallocate(fh.fileno(), 0, target)
        else:
            fh.truncate(max(target, 0))
    return filler
