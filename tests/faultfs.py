"""Real full disks for fault tests: a small tmpfs mounted for one test, then filled.

Mounting needs root (CI and the development machine run as root). Where mount is
impossible the test is skipped with a loud reason, so a green run that skipped these is
visible in ``-ra`` output rather than silent; in CI (``CI=true``) it fails instead, since
CI runs as root and a skipped fault test there would hide a broken set-up.
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


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1")


def _skip(why: str) -> None:
    msg = f"DISK-FULL FAULT TEST NOT RUN: {why}"
    if in_ci():
        pytest.fail(f"{msg} (CI runs as root: mounting must work there)")
    warnings.warn(msg, stacklevel=3)
    pytest.skip(msg)


def mount_problem(probe: Path) -> str | None:
    """Why a tmpfs cannot be mounted here (None: it can), found by mounting one."""
    if os.geteuid() != 0:
        return "mounting a tmpfs needs root"
    if shutil.which("mount") is None:
        return "no mount command"
    probe.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(probe)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return f"mount -t tmpfs failed: {r.stderr.strip() or r.returncode}"
    subprocess.run(["umount", "-l", str(probe)], capture_output=True)
    return None


@contextmanager
def small_tmpfs(path: Path, size_mib: int, *, read_only: bool = False) -> Iterator[Path]:
    """Mount a ``size_mib`` tmpfs at ``path`` for the duration of the block
    (``read_only``: mounted ro, so every write fails with EROFS, root or not)."""
    if os.geteuid() != 0:
        _skip("mounting a tmpfs needs root")
    if shutil.which("mount") is None:
        _skip("no mount command")
    path.mkdir(parents=True, exist_ok=True)
    opts = f"size={size_mib}m,mode=0700" + (",ro" if read_only else "")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(path)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        _skip(f"mount -t tmpfs failed: {r.stderr.strip() or r.returncode}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount(path: Path, *, read_only: bool) -> None:
    """Turn a mounted tmpfs read-only or writable again, in place (its files stay)."""
    subprocess.run(["mount", "-o", f"remount,{'ro' if read_only else 'rw'}", str(path)],
                   check=True, capture_output=True)


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
