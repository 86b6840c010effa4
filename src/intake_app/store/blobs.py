"""Attachment ciphertext outside the SQLite file: one blob file per attachment.

A blob file holds an attachment's stored chunks (nonce || XChaCha20-Poly1305
ciphertext under the attachment's own key, ``store.attachments``) exactly as they
are, chunk ``i`` at offset ``i * STRIDE``, then random bytes up to a size class. The
key, the name, the size and which chunks are present stay in the SQLCipher store
(an ``attachment_chunks`` row with empty ``data`` marks a chunk held in the blob
file), so destroying the store's key erases every blob at once (panic), and a file
name (random hex, never derived from an id) says nothing.

Crash safety: the file is written and fsynced (with its folder) before the
transaction that names it commits. A crash before the commit leaves a file no row
names; ``sweep`` deletes such files at open and after an import. HQ uses blob files
for received v2 parts (docs/threat-model.md, "Attachments outside the store").
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
import threading
from collections.abc import Iterable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any, Protocol

import nacl.bindings as sodium

from intake_app.errors import StoreCorrupt
from intake_app.paths import (
    FILE_MODE,
    WRITEBACK_STEP,
    ensure_private_dir,
    fsync_dir,
    start_writeback,
)

CHUNK_SIZE = 1 << 20
# A stored chunk is nonce (24) || ciphertext || tag (16) (store.attachments).
SEAL_OVERHEAD = (sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
                 + sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES)
BLOB_DIR = "blobs"
STRIDE = CHUNK_SIZE + SEAL_OVERHEAD
_NAME = re.compile(r"[0-9a-f]{32}")
_MIN_CLASS = 1 << 20
_PAD_BLOCK = 1 << 20


class BlobSink(Protocol):
    """One blob being written: stored chunks at their index, then ``finish`` (durable
    before the naming row commits) or ``abort``."""

    def write(self, idx: int, stored: bytes | memoryview) -> None: ...

    def finish(self, total_size: int | None) -> None: ...

    def abort(self) -> None: ...


class BlobStore(Protocol):
    """Where a store keeps its blobs (names from ``new_name``; keys, sizes and which
    chunks exist stay in the store's rows): ``LocalBlobs``, a folder beside the SQLCipher
    file, or ``store.s3blobs.S3Blobs``, a bucket prefix for a PostgreSQL HQ.

    ``whole_only``: the store writes a blob once, from chunk 0 in order, with the
    attachment's size known (an object store has no random writes); the caller keeps
    attachments that arrive in several parts in rows instead."""

    whole_only: bool

    def writer(self, name: str, total_size: int) -> BlobSink: ...

    def read_stored(self, name: str, idx: int, length: int) -> bytes | None: ...

    def read_run(self, name: str, total_size: int, first: int, count: int,
                 what: str) -> Iterator[bytes]: ...

    def remove(self, names: Iterable[str]) -> None: ...

    def sweep(self, conn: Any, min_age: timedelta | None = None) -> int:
        """Delete this store's blobs no row names; ``min_age``: spare younger ones
        (an object store shared with other importers; a local folder ignores it)."""
        ...


def blob_dir(db_path: Path) -> Path:
    """``blobs/`` beside the databases, shared by ``store.db`` and the decoy
    ``store-b.db`` (one folder whatever the duress state: the same shape either way)."""
    return Path(db_path).parent / BLOB_DIR


def is_blob_name(name: str) -> bool:
    return _NAME.fullmatch(name) is not None


def name_key(conn: Any) -> bytes:
    """This store's secret for naming its blob files (meta ``blob_name_key``)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'blob_name_key'").fetchone()
    if row is not None:
        return bytes.fromhex(str(row[0]))
    key = secrets.token_bytes(32)
    conn.execute("INSERT INTO meta (key, value) VALUES ('blob_name_key', ?)", (key.hex(),))
    return key


def _tag(key: bytes, nonce: str) -> str:
    return hashlib.blake2b(nonce.encode("ascii"), key=key, digest_size=8,
                           person=b"intake-blobname").hexdigest()


def new_name(conn: Any) -> str:
    """A random-looking name (16 random hex + an 8-byte keyed tag): only the store that
    made it can tell it is its own, so each store's sweep deletes only its own orphans
    and never the other store's files in the shared folder. Inside a transaction."""
    nonce = secrets.token_hex(8)
    return nonce + _tag(name_key(conn), nonce)


def is_own(key: bytes, name: str) -> bool:
    return is_blob_name(name) and hmac.compare_digest(_tag(key, name[:16]), name[16:])


def size_class(n: int) -> int:
    """The padded size of a blob holding ``n`` bytes: the next of 2^(k/8) (k whole), at
    least 1 MiB, in 4 KiB units: at most ~9% padding, and a blob's size tells its
    attachment's size only to within that step."""
    if n <= _MIN_CLASS:
        return _MIN_CLASS
    k = 8 * (n.bit_length() - 1)
    while int(2 ** (k / 8)) < n:
        k += 1
    return (int(2 ** (k / 8)) + 4095) // 4096 * 4096


def stored_len(total_size: int, idx: int) -> int:
    """Length of stored chunk ``idx`` of an attachment of ``total_size`` bytes."""
    return min(CHUNK_SIZE, total_size - idx * CHUNK_SIZE) + SEAL_OVERHEAD


def data_len(total_size: int) -> int:
    n = (total_size + CHUNK_SIZE - 1) // CHUNK_SIZE
    return total_size + n * SEAL_OVERHEAD


class BlobWriter:
    """Writes stored chunks at their offsets; ``finish`` pads (when the attachment is
    complete) and fsyncs file and folder. The caller commits the naming row after."""

    def __init__(self, db_path: Path, name: str) -> None:
        folder = ensure_private_dir(blob_dir(db_path))
        self.path = folder / name
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        self._since: int | None = None  # start of the bytes not yet pushed to the disk
        self._pad: threading.Thread | None = None
        self._pad_error: BaseException | None = None

    def pad_ahead(self, total_size: int) -> None:
        """The whole attachment comes through this writer: write its padding (the bytes
        after its chunks, up to the size class) now, on a thread of its own, while the
        chunks arrive (other bytes of the file), instead of after them in ``finish``;
        its disk writes then overlap the import's CPU work."""
        end, want = data_len(total_size), size_class(data_len(total_size))

        def run() -> None:
            try:
                _pad(self.fd, end, want)
                start_writeback(self.fd, end, want - end)
            except BaseException as exc:  # re-raised by finish()
                self._pad_error = exc

        self._pad = threading.Thread(target=run, daemon=True, name="blob-pad")
        self._pad.start()

    def _join_pad(self) -> bool:
        """True if the padding was written ahead (raises its error, if any)."""
        if self._pad is None:
            return False
        self._pad.join()
        self._pad = None
        if self._pad_error is not None:
            raise self._pad_error
        return True

    def write(self, idx: int, stored: bytes | memoryview) -> None:
        view = memoryview(stored)
        pos = start = idx * STRIDE
        while view:
            n = os.pwrite(self.fd, view, pos)
            view, pos = view[n:], pos + n
        # Chunks come in order: push every few MiB on to the disk now, so the fsync in
        # finish() does not wait for the whole file (paths.start_writeback).
        if self._since is None or start < self._since:
            self._since = start
        if pos - self._since >= WRITEBACK_STEP:
            start_writeback(self.fd, self._since, pos - self._since)
            self._since = pos

    def finish(self, total_size: int | None) -> None:
        """``total_size``: the attachment's size once all its chunks are here (pad the
        file to its size class), else None (more parts come later: no padding yet)."""
        try:
            if not self._join_pad() and total_size is not None:
                end = data_len(total_size)
                os.ftruncate(self.fd, end)
                _pad(self.fd, end, size_class(end))
            os.fsync(self.fd)
        finally:
            os.close(self.fd)
        fsync_dir(self.path.parent)

    def abort(self) -> None:
        try:
            with contextlib.suppress(Exception):  # aborting anyway: the file is swept
                self._join_pad()
        finally:
            os.close(self.fd)


def _pad(fd: int, end: int, want: int) -> None:
    """Random bytes at ``end`` .. ``want`` of the file: ChaCha20 keystream under a fresh
    random key, as random as os.urandom to anyone without the key, four times faster."""
    while end < want:
        k = min(_PAD_BLOCK, want - end)
        os.pwrite(fd, sodium.randombytes_buf_deterministic(k, os.urandom(32)), end)
        end += k


def read_stored(db_path: Path, name: str, idx: int, length: int) -> bytes | None:
    """Stored chunk ``idx`` (``length`` bytes), or None if the file is short or gone."""
    try:
        fd = os.open(blob_dir(db_path) / name, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        data = os.pread(fd, length, idx * STRIDE)
    finally:
        os.close(fd)
    return data if len(data) == length else None


def read_run(db_path: Path, name: str, total_size: int, first: int, count: int,
             what: str) -> Iterator[bytes]:
    """Stored chunks ``first`` .. ``first + count - 1`` of a blob, read in order."""
    try:
        fh = open(blob_dir(db_path) / name, "rb", buffering=0)
    except FileNotFoundError:
        raise StoreCorrupt(f"attachment {what} is missing its blob file") from None
    with fh:
        fh.seek(first * STRIDE)
        for idx in range(first, first + count):
            want = stored_len(total_size, idx)
            data = fh.read(want)
            if len(data) != want:
                raise StoreCorrupt(f"attachment {what} blob file is short at chunk {idx}")
            yield data


def names_in(conn: Any, where: str, params: tuple[Any, ...]) -> list[str]:
    rows = conn.execute(f"SELECT blob FROM attachments WHERE ({where}) AND blob IS NOT NULL",
                        params).fetchall()
    return [str(r[0]) for r in rows]


def remove(db_path: Path, names: Iterable[str]) -> None:
    """Best effort: the files are ciphertext under keys already destroyed."""
    folder = blob_dir(db_path)
    for name in names:
        if _NAME.fullmatch(name):
            (folder / name).unlink(missing_ok=True)


def sweep(conn: Any, db_path: Path) -> int:
    """Delete this store's blob files that no attachment row names (a crash before the
    commit, a rolled-back import, a purge). Files of the other store, and anything not
    named by this module, are left alone."""
    folder = blob_dir(db_path)
    if not folder.is_dir():
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'blob_name_key'").fetchone()
    if row is None:
        return 0  # this store never named a blob
    key = bytes.fromhex(str(row[0]))
    known = {str(r[0]) for r in conn.execute(
        "SELECT blob FROM attachments WHERE blob IS NOT NULL").fetchall()}
    gone = 0
    for p in folder.iterdir():
        if p.name not in known and is_own(key, p.name):
            p.unlink(missing_ok=True)
            gone += 1
    if gone:
        fsync_dir(folder)
    return gone


def remove_foreign(conn: Any, db_path: Path) -> int:
    """Delete every blob file that is not this store's: after erase on duress, the real
    store's (their keys are gone with it), run from the decoy."""
    folder = blob_dir(db_path)
    if not folder.is_dir():
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'blob_name_key'").fetchone()
    key = None if row is None else bytes.fromhex(str(row[0]))
    gone = 0
    for p in folder.iterdir():
        if is_blob_name(p.name) and (key is None or not is_own(key, p.name)):
            p.unlink(missing_ok=True)
            gone += 1
    return gone


class LocalBlobs:
    """``BlobStore`` on the ``blobs/`` folder beside the SQLCipher file ``db_path``."""

    whole_only = False

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)

    def writer(self, name: str, total_size: int) -> BlobSink:
        return BlobWriter(self.db_path, name)

    def read_stored(self, name: str, idx: int, length: int) -> bytes | None:
        return read_stored(self.db_path, name, idx, length)

    def read_run(self, name: str, total_size: int, first: int, count: int,
                 what: str) -> Iterator[bytes]:
        return read_run(self.db_path, name, total_size, first, count, what)

    def remove(self, names: Iterable[str]) -> None:
        remove(self.db_path, names)

    def sweep(self, conn: Any, min_age: timedelta | None = None) -> int:
        return sweep(conn, self.db_path)
