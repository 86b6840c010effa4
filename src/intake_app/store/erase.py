"""Removing files so that what matters is gone first.

On flash storage and on copy-on-write or journaling file systems, overwriting
a file does not reliably overwrite the blocks that held it. We overwrite only
small files that hold (or held) key material or settings: the header and
``profile.aux``, where an in-place overwrite is cheap and, on the common
non-copy-on-write file systems (ext4, NTFS, FAT on a spinning disk), removes
the bytes. Large files are encrypted under a key that is destroyed first
(crypto-erase), then unlinked: overwriting gigabytes would be slow and, on an
SSD, no more certain.
"""

from __future__ import annotations

import os
from pathlib import Path

import nacl.utils

# Files larger than this are never overwritten here (they are ciphertext: unlink them).
SMALL_FILE_MAX = 1 << 20


def unlink(path: Path) -> bool:
    """Remove a file or symlink; True if something was removed."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        return False
    except IsADirectoryError:
        return False
    return True


def overwrite_in_place(path: Path, *, max_size: int = SMALL_FILE_MAX) -> bool:
    """Overwrite a regular file's bytes with random bytes and fsync. Never follows symlinks.

    Returns False when there is nothing to overwrite (missing, a symlink, not a
    regular file, or larger than ``max_size``)."""
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        st = os.fstat(fd)
        import stat

        if not stat.S_ISREG(st.st_mode) or st.st_size > max_size:
            return False
        size = max(st.st_size, 1)
        os.pwrite(fd, nacl.utils.random(size), 0)
        os.fsync(fd)
        return True
    finally:
        os.close(fd)


def shred(path: Path) -> bool:
    """Overwrite a small file in place, then unlink it. True if something was removed."""
    overwrite_in_place(path)
    return unlink(path)


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
