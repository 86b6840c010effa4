"""The secretstream in motion: cffi push/pull into reusable buffers, and the threads
that hash, decrypt and read ahead so the work overlaps on two cores. Every one of those
threads runs in a ``Crew`` (crew.py): how a thread's error reaches the caller."""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import io
import os
import queue
import threading
from collections.abc import Iterator
from typing import Any, BinaryIO

import nacl.bindings as sodium
from nacl.exceptions import CryptoError

from intake_app.crypto.bundle.crew import Crew, _Stop
from intake_app.crypto.bundle.format import (
    ABYTES,
    PART_NONCE,
    PART_OVERHEAD,
    TAG_FINAL,
    TAG_MESSAGE,
    chunk_ad,
    part_ad,
)
from intake_app.crypto.bundle.tree import TreeHalf, tree_root
from intake_app.errors import BundleError

try:  # PyNaCl's own cffi binding of libsodium, to pull into reusable buffers
    _sodium_lib: Any = importlib.import_module("nacl._sodium")
    _LIB, _FFI = _sodium_lib.lib, _sodium_lib.ffi
except (ImportError, AttributeError):  # pragma: no cover - other PyNaCl builds
    _LIB = _FFI = None


def _push_into(state: Any, out: bytearray, m: bytearray, mlen: int, ad: bytes, tag: int) -> int:
    """crypto_secretstream_xchacha20poly1305_push of m[:mlen] into ``out``; returns the
    ciphertext length. Same reason as _pull_into: no fresh 1 MiB objects per chunk."""
    if _LIB is None:
        ct = sodium.crypto_secretstream_xchacha20poly1305_push(state, bytes(m[:mlen]), ad, tag)
        out[: len(ct)] = ct
        return len(ct)
    if mlen > len(m) or mlen + ABYTES > len(out):
        raise ValueError("chunk larger than its buffer")
    rc = _LIB.crypto_secretstream_xchacha20poly1305_push(
        state.statebuf, _FFI.from_buffer(out), _FFI.NULL, _FFI.from_buffer(m), mlen,
        ad, len(ad), tag,
    )  # fmt: skip
    if rc != 0:
        raise RuntimeError("secretstream push failed")
    return mlen + ABYTES


class _HashWriter:
    """Hashes and writes ciphertext on a second core while the caller encrypts the next
    chunk. Works on a small ring of reused buffers, which also bounds memory."""

    def __init__(self, out: BinaryIO, slot_size: int, *, hashes: bool = True,
                 depth: int = 8, name: str = "bundle-writer",
                 tree: TreeHalf | None = None) -> None:
        self.crew = Crew()
        self.out, self.name = out, name
        self.hashes = hashes  # False: the producer hashes (the blob copy, see writer.py)
        self.tree, self.pos = tree, 0  # v3 blob copy: this thread hashes the odd leaves
        # Bounded: a slow target (a USB stick) stalls the producer instead of growing memory.
        self.jobs: queue.Queue[tuple[bytearray | bytes, int] | None] = queue.Queue(
            maxsize=depth)
        self.free: queue.Queue[bytearray] = queue.Queue()
        for _ in range(4):
            self.free.put(bytearray(slot_size))
        self.sha = hashlib.sha256()

    def start(self) -> None:
        self.crew.spawn(self._run, self.name)

    def _run(self) -> None:
        while (job := self.crew.get(self.jobs)) is not None:
            buf, n = job
            mv = memoryview(buf)[:n]
            if self.hashes:
                self.sha.update(mv)
            if self.tree is not None:
                self.tree.feed(self.pos, mv)
                self.pos += n
            self.out.write(mv)
            if isinstance(buf, bytearray):
                self.free.put(buf)

    def put_bytes(self, data: bytes) -> None:
        """Queue an immutable block (a stored chunk) as it is: no copy."""
        self.crew.check()
        self.crew.put(self.jobs, (data, len(data)))

    def slot(self) -> bytearray:
        self.crew.check()
        return self.crew.get(self.free)

    def put(self, buf: bytearray, n: int) -> None:
        self.crew.put(self.jobs, (buf, n))

    def finish(self) -> bytes:
        self.crew.check()
        self.crew.put(self.jobs, None)
        self.crew.finish()
        return self.sha.digest()


def _hash_region(fh: BinaryIO, start: int, length: int) -> bytes:
    """SHA-256 of fh[start:start+length]; reading and hashing overlap on two cores."""
    fh.seek(start)
    bufsize = 1 << 20
    free: queue.Queue[bytearray] = queue.Queue()
    full: queue.Queue[tuple[bytearray, int] | None] = queue.Queue(maxsize=4)
    for _ in range(3):
        free.put(bytearray(bufsize))
    sha = hashlib.sha256()
    short = False
    with Crew() as crew:

        def hasher() -> None:
            while (job := crew.get(full)) is not None:
                buf, n = job
                sha.update(memoryview(buf)[:n])
                free.put(buf)

        crew.spawn(hasher, "bundle-verify-hasher")
        left = length
        while left:
            buf = crew.get(free)
            mv = memoryview(buf)[: min(bufsize, left)]
            got = fh.readinto(mv) if hasattr(fh, "readinto") else 0
            if not got:
                short = True
                break
            crew.put(full, (buf, got))
            left -= got
        crew.put(full, None)
        crew.finish()
    if short:
        raise BundleError("signature", "file shorter than its signed stream length")
    return sha.digest()



_END = object()
_SLOTS = 4  # decrypted chunks in flight: bounds memory to a few MiB


def _pull_into(state: Any, out: bytearray, c: bytearray, clen: int, ad: bytes) -> tuple[int, int]:
    """crypto_secretstream_xchacha20poly1305_pull into ``out``: (plaintext length, tag).

    The public binding allocates two fresh 1 MiB objects per chunk and the page faults
    that follow cost more than the decryption; this calls the same libsodium function
    on reused buffers. Raises BundleError('payload') on failure."""
    if _LIB is None:
        try:
            m, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, bytes(c[:clen]), ad)
        except CryptoError:
            raise BundleError("payload", "chunk does not decrypt") from None
        out[: len(m)] = m
        return len(m), tag
    if clen < ABYTES or clen - ABYTES > len(out) or clen > len(c):
        raise BundleError("payload", "chunk length out of range")
    mlen = _FFI.new("unsigned long long *")
    tag_p = _FFI.new("unsigned char *")
    rc = _LIB.crypto_secretstream_xchacha20poly1305_pull(
        state.statebuf, _FFI.from_buffer(out), mlen, tag_p, _FFI.from_buffer(c), clen,
        ad, len(ad),
    )  # fmt: skip
    if rc != 0:
        raise BundleError("payload", "chunk does not decrypt")
    return int(mlen[0]), int(tag_p[0])


class _RingHasher:
    """SHA-256 over (buffer, length) jobs on another core; hands buffers back."""

    def __init__(self, crew: Crew, recycle: queue.Queue[bytearray]) -> None:
        self.crew = crew
        self.jobs: queue.Queue[tuple[bytearray, int] | None] = queue.Queue(maxsize=8)
        self.recycle = recycle
        self.sha = hashlib.sha256()
        self.thread = crew.spawn(self._run, "bundle-stream-hasher")

    def _run(self) -> None:
        while (job := self.crew.get(self.jobs)) is not None:
            buf, n = job
            self.sha.update(memoryview(buf)[:n])
            self.recycle.put(buf)

    def finish(self) -> bytes:
        self.crew.put(self.jobs, None)
        self.thread.join()
        self.crew.check()  # a digest the hasher did not finish is never compared
        return self.sha.digest()


class _Decryptor:
    """Reads and decrypts chunks ahead of the consumer, so decryption overlaps whatever
    the caller does with the plaintext. Enforces MESSAGE ... MESSAGE FINAL with FINAL
    exactly on the last chunk. With ``expect_hash`` it also hashes the ciphertext on a
    third thread and signals the end of the stream only once the hash matched."""

    def __init__(self, crew: Crew, fh: BinaryIO, state: Any, h: bytes, n_chunks: int,
                 last_len: int, chunk: int, ss_header: bytes,
                 expect_hash: bytes | None) -> None:  # fmt: skip
        self.crew = crew
        self.fh, self.state, self.h = fh, state, h
        self.n, self.last_len, self.full_len = n_chunks, last_len, chunk + ABYTES
        self.ss_header, self.expect_hash = ss_header, expect_hash
        self.q: queue.Queue[object] = queue.Queue(maxsize=_SLOTS)
        self.free_pt: queue.Queue[bytearray] = queue.Queue()
        self.free_ct: queue.Queue[bytearray] = queue.Queue()
        # A stream of one chunk (a v2 bundle's records, beside its blobs) needs buffers
        # of that chunk's size only: 9 MiB of full-size buffers was most of the import's
        # peak RSS over its baseline.
        ct_len = self.full_len if n_chunks > 1 else last_len
        for _ in range(_SLOTS + 2):
            self.free_pt.put(bytearray(max(1, ct_len - ABYTES)))
        for _ in range(3):
            self.free_ct.put(bytearray(ct_len))

    def start(self) -> None:
        self.crew.spawn(self._run, "bundle-decrypt")

    def _read_into(self, buf: bytearray, size: int) -> int:
        mv = memoryview(buf)[:size]
        got = 0
        readinto = getattr(self.fh, "readinto", None)
        while got < size:
            if readinto is not None:
                k = readinto(mv[got:])
            else:
                b = self.fh.read(size - got)
                k = len(b)
                mv[got : got + k] = b
            if not k:
                break
            got += k
        return got

    def _run(self) -> None:
        crew, hasher = self.crew, None
        if self.expect_hash is not None:
            hasher = _RingHasher(crew, self.free_ct)
            hasher.sha.update(self.ss_header)
        for i in range(self.n):
            if crew.stop.is_set():  # the consumer left early: read no further
                raise _Stop
            final = i == self.n - 1
            size = self.last_len if final else self.full_len
            ct = crew.get(self.free_ct)
            if self._read_into(ct, size) != size:
                raise BundleError("payload", "stream truncated while decrypting")
            if hasher is not None:
                crew.put(hasher.jobs, (ct, size))  # hashing and decryption read ct together
            pt = crew.get(self.free_pt)
            try:
                mlen, tag = _pull_into(self.state, pt, ct, size, chunk_ad(self.h, i))
            except BundleError:
                raise BundleError("payload", f"chunk {i} does not decrypt") from None
            if hasher is None:
                self.free_ct.put(ct)
            if tag != (TAG_FINAL if final else TAG_MESSAGE):
                raise BundleError("payload", f"chunk {i} has the wrong stream tag")
            crew.put(self.q, (pt, mlen))
        if hasher is not None and hasher.finish() != self.expect_hash:
            raise BundleError("signature", "ciphertext does not match the signed hash")
        crew.put(self.q, _END)


class _PlainReader:
    """The plaintext byte stream over the decrypted chunks. Hands out copies, so the
    caller owns what it gets; the ring buffer goes back when the reader moves on."""

    def __init__(self, dec: _Decryptor) -> None:
        self.dec = dec
        self.buf: bytearray | None = None
        self.cur = memoryview(b"")
        self.pos = 0
        self.ended = False

    def _take(self) -> object:
        if self.buf is not None:
            self.dec.free_pt.put(self.buf)
            self.buf, self.cur, self.pos = None, memoryview(b""), 0
        try:
            return self.dec.crew.get(self.dec.q)
        except BaseException:
            self.ended = True
            raise

    def _next(self) -> None:
        if self.ended:
            raise BundleError("payload", "payload ends in the middle of an item")
        x = self._take()
        if x is _END:
            self.ended = True
            raise BundleError("payload", "payload ends in the middle of an item")
        assert isinstance(x, tuple)
        self.buf, n = x
        self.cur, self.pos = memoryview(self.buf)[:n], 0

    def read(self, n: int) -> bytes:
        parts = []
        while n:
            if self.pos == len(self.cur):
                self._next()
            k = min(n, len(self.cur) - self.pos)
            parts.append(bytes(self.cur[self.pos : self.pos + k]))
            self.pos += k
            n -= k
        return b"".join(parts)

    def pieces(self, n: int) -> Iterator[bytes]:
        while n:
            if self.pos == len(self.cur):
                self._next()
            k = min(n, len(self.cur) - self.pos)
            piece = bytes(self.cur[self.pos : self.pos + k])
            self.pos += k
            n -= k
            yield piece

    def at_end(self) -> bool:
        """True iff the plaintext is used up and the stream ended cleanly (and, in
        single-pass mode, the ciphertext hash matched)."""
        if self.pos != len(self.cur) or self.ended:
            return False
        x = self._take()
        self.ended = True
        return x is _END


# --- v2: sealed parts in the BLOBS region -------------------------------------------------
def _pread_into(fh: BinaryIO, buf: bytearray, offset: int, n: int) -> int:
    """Read n bytes at ``offset`` into ``buf`` without moving fh's position (the stream
    decryptor reads the same file sequentially on another thread); the count read. Into
    a reused buffer: a fresh 1 MiB object per chunk costs its page faults every time."""
    mv = memoryview(buf)[:n]
    fileno = getattr(fh, "fileno", None)
    fd: int | None = None
    if fileno is not None:
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            fd = fileno()
    if fd is not None:
        got = 0
        while got < n:
            k = os.preadv(fd, [mv[got:]], offset + got)
            if not k:
                break
            got += k
        return got
    getbuffer = getattr(fh, "getbuffer", None)
    if getbuffer is None:
        raise BundleError("payload", "bundle file does not support positioned reads")
    with getbuffer() as view:
        piece = view[offset : offset + n]
        mv[: len(piece)] = piece
        return len(piece)


def _aead_check(stored: bytes | memoryview, ad: bytes, key: bytes) -> bool:
    """True iff ``stored`` (nonce || ciphertext) authenticates under ``key`` and ``ad``.

    libsodium's decrypt with a NULL message pointer checks the Poly1305 tag and stops
    there (aead_xchacha20poly1305.c: ``if (m == NULL) return ret``): a third of the cost
    of decrypting, which HQ does not need (it stores the ciphertext).
    ``tests/test_crypto_bundle_v2.py`` checks that it accepts and refuses as the full
    decryption does."""
    clen = len(stored) - PART_NONCE
    if clen < PART_OVERHEAD - PART_NONCE:
        return False
    if _LIB is None:
        try:
            sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
                bytes(stored[PART_NONCE:]), ad, bytes(stored[:PART_NONCE]), key)
        except CryptoError:
            return False
        return True
    mv = memoryview(stored)
    rc = _LIB.crypto_aead_xchacha20poly1305_ietf_decrypt(
        _FFI.NULL, _FFI.NULL, _FFI.NULL, _FFI.from_buffer(mv[PART_NONCE:]), clen,
        ad, len(ad), _FFI.from_buffer(mv[:PART_NONCE]), key,
    )  # fmt: skip
    return bool(rc == 0)


class BlobPart:
    """Where one sealed part sits in BLOBS and what its chunks must authenticate under."""

    def __init__(self, offset: int, data_len: int, chunk_log2: int, blob_id: bytes,
                 first_index: int, key: bytes) -> None:  # fmt: skip
        self.offset, self.data_len, self.chunk_log2 = offset, data_len, chunk_log2
        self.blob_id, self.first_index, self.key = blob_id, first_index, key

    def chunk_sizes(self) -> Iterator[int]:
        c = 1 << self.chunk_log2
        left = self.data_len
        while left:
            k = min(c, left)
            yield k + PART_OVERHEAD
            left -= k


class _BlobPipe:
    """Reads and hashes (SHA-256 of BLOBS, in file order) the stored chunks of the sealed
    parts on one thread while a second (``_check``) authenticates them, ahead of the
    consumer that writes them into the store: three stages, all releasing the GIL
    (hashlib, libsodium through cffi, file writes), so both cores work. Bounded: at most
    a few chunks wait between stages, in a fixed pool of reused buffers (no allocation
    per chunk), so memory does not grow with the size of the bundle."""

    def __init__(self, crew: Crew, fh: BinaryIO, base: int, max_chunk: int, *,
                 tree: bool = False) -> None:
        self.crew, self.fh, self.base = crew, fh, base
        # v3: the blob tree's even leaves are hashed here, the odd ones by the checker
        # (each sees every chunk, in order), so SHA-256 is split over both stages.
        self.halves = (TreeHalf(0), TreeHalf(1)) if tree else None
        self.parts: queue.Queue[BlobPart | None] = queue.Queue(maxsize=2)
        # Two chunks between each pair of stages: enough to keep the three threads
        # busy, and the import's peak RSS under 64 MiB (issue 20).
        self.mid: queue.Queue[object] = queue.Queue(maxsize=2)
        self.out: queue.Queue[object] = queue.Queue(maxsize=2)
        # One buffer per place a chunk can be: reader, mid (2), checker, out (2), consumer.
        # Allocated as needed, at most 8: only as many as the stages actually hold.
        self.pool: queue.Queue[bytearray] = queue.Queue()
        self.max_chunk, self.allocated = max_chunk, 0
        self.sha = hashlib.sha256()
        self.consumed = 0
        self.threads: list[threading.Thread] = []

    def _buffer(self) -> bytearray:
        with contextlib.suppress(queue.Empty):
            return self.pool.get_nowait()
        if self.allocated < 8:
            self.allocated += 1
            return bytearray(self.max_chunk)
        return self.crew.get(self.pool)

    def start(self) -> None:
        self.threads = [self.crew.spawn(self._check, "bundle-blob-check"),
                        self.crew.spawn(self._read, "bundle-blobs")]

    def _read(self) -> None:
        crew = self.crew
        while (part := crew.get(self.parts)) is not None:
            pos = self.base + part.offset
            for j, size in enumerate(part.chunk_sizes()):
                if crew.stop.is_set():
                    raise _Stop
                buf = self._buffer()
                if size > len(buf):
                    raise BundleError("payload", "sealed chunk larger than its buffer")
                if _pread_into(self.fh, buf, pos, size) != size:
                    raise BundleError("payload", "blob region truncated")
                stored = memoryview(buf)[:size]
                if self.halves is None:
                    self.sha.update(stored)
                else:
                    self.halves[0].feed(self.consumed, stored)
                crew.put(self.mid, (part, part.first_index + j, stored, buf, self.consumed))
                self.consumed += size
                pos += size
            crew.put(self.mid, _END)
        crew.put(self.mid, None)

    def _check(self) -> None:
        crew = self.crew
        while (x := crew.get(self.mid)) is not None:
            if isinstance(x, tuple):
                part, idx, stored, buf, at = x
                if not _aead_check(stored, part_ad(part.blob_id, idx), part.key):
                    raise BundleError("payload", f"sealed chunk {idx} of blob "
                                      f"{part.blob_id.decode('ascii', 'replace')} does not "
                                      "authenticate under its key")
                if self.halves is not None:
                    self.halves[1].feed(at, stored)
                x = (idx, stored, buf)
            crew.put(self.out, x)

    def chunks(self, part: BlobPart) -> Iterator[tuple[int, memoryview]]:
        """(index, stored chunk) of ``part``, each already authenticated. The chunk is a
        view of a reused buffer, valid until the next one is asked for: write or copy it
        before that."""
        self.crew.put(self.parts, part)
        while True:
            x = self.crew.get(self.out)
            if x is _END:
                return
            assert isinstance(x, tuple)
            idx, stored, buf = x
            yield idx, stored
            with contextlib.suppress(BufferError):
                stored.release()  # a consumer that kept it fails loudly, not on new bytes
            self.pool.put(buf)

    def finish(self) -> tuple[bytes, int]:
        """(hash of the bytes read: SHA-256 for v2, the tree root for v3; bytes read)."""
        self.crew.put(self.parts, None)
        for t in self.threads:
            t.join()
        self.crew.check()
        if self.halves is not None:
            return tree_root(self.consumed, *self.halves), self.consumed
        return self.sha.digest(), self.consumed
