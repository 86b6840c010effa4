"""The v3 blob hash tree (docs/bundle-format.md §9), hashed on two cores.

B_hash = SHA-256(framed(BLOB_TREE, u64(Bn)) || D_0 || ... || D_{m-1}), D_k = SHA-256 of
the k-th 1 MiB leaf of BLOBS. Leaves are independent, so two threads each hash every
other one: ``TreeHalf(0)`` the even leaves, ``TreeHalf(1)`` the odd ones, each fed the
same bytes in file order (the two stages of a pipeline that both see every block).
One SHA-256 pass was the whole cost of a keyless verify and the largest single cost
of export and import; split this way it runs on both cores."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
from typing import Any, BinaryIO

from intake_app.crypto.bundle.crew import Crew
from intake_app.crypto.bundle.format import LEAF_LOG2, LEAF_SIZE, blob_tree_root
from intake_app.errors import BundleError


class TreeHalf:
    """The leaf hashes of one parity. ``feed(pos, data)``: ``data`` is BLOBS[pos : pos +
    len(data)], fed in increasing ``pos`` order without gaps; bytes of the other
    parity's leaves are skipped (no copy)."""

    def __init__(self, parity: int) -> None:
        self.parity = parity
        self.leaves: dict[int, bytes] = {}
        self._k = -1
        self._h: Any = None

    def feed(self, pos: int, data: bytes | bytearray | memoryview) -> None:
        mv = memoryview(data)
        start, end = pos, pos + len(mv)
        while pos < end:
            k = pos >> LEAF_LOG2
            stop = min(end, (k + 1) << LEAF_LOG2)
            if k & 1 == self.parity:
                if k != self._k:
                    self._close()
                    self._k, self._h = k, hashlib.sha256()
                self._h.update(mv[pos - start : stop - start])
            pos = stop

    def _close(self) -> None:
        if self._h is not None:
            self.leaves[self._k] = self._h.digest()
            self._h = None

    def finish(self) -> dict[int, bytes]:
        self._close()
        return self.leaves


def tree_root(blob_len: int, *halves: TreeHalf) -> bytes:
    """B_hash from both halves; every leaf of ``blob_len`` bytes must have been fed."""
    leaves: dict[int, bytes] = {}
    for h in halves:
        leaves.update(h.finish())
    m = (blob_len + LEAF_SIZE - 1) >> LEAF_LOG2
    if len(leaves) != m or any(k not in leaves for k in range(m)):
        raise BundleError("signature", "blob region shorter than its signed length")
    return blob_tree_root(blob_len, (leaves[k] for k in range(m)))


def _fd(fh: BinaryIO) -> int | None:
    with contextlib.suppress(AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return fh.fileno()
    return None


def hash_tree_region(fh: BinaryIO, start: int, length: int) -> bytes:
    """B_hash of fh[start : start + length] (keyless verify). From a real file: two
    threads, each reading (``os.preadv`` into its own reused buffer) and hashing every
    other leaf. Anything else (an in-memory or remote view): one pass in order."""
    fd = _fd(fh)
    m = (length + LEAF_SIZE - 1) >> LEAF_LOG2
    leaves: list[bytes | None] = [None] * m
    if fd is None:
        fh.seek(start)
        for k in range(m):
            want = min(LEAF_SIZE, length - k * LEAF_SIZE)
            data = fh.read(want)
            if data is None or len(data) != want:
                raise BundleError("signature", "file shorter than its signed blob length")
            leaves[k] = hashlib.sha256(data).digest()
        return blob_tree_root(length, (d for d in leaves if d is not None))

    def work(parity: int) -> None:
        buf = bytearray(LEAF_SIZE)
        mv = memoryview(buf)
        for k in range(parity, m, 2):
            crew.check()
            want = min(LEAF_SIZE, length - k * LEAF_SIZE)
            got = 0
            while got < want:
                n = os.preadv(fd, [mv[got:want]], start + k * LEAF_SIZE + got)
                if not n:
                    raise BundleError("signature", "file shorter than its signed blob length")
                got += n
            leaves[k] = hashlib.sha256(mv[:want]).digest()

    # The crew (crew.py): the first error of either thread is what the caller gets.
    with Crew() as crew:
        crew.spawn(lambda: work(1), "bundle-verify-tree")
        work(0)
        crew.finish()
    return blob_tree_root(length, (d for d in leaves if d is not None))
