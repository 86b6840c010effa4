"""Sealing: ``BundleWriter`` streams items into a signed, chained volume."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

import nacl.bindings as sodium
import nacl.utils
from nacl.public import PublicKey
from nacl.signing import SigningKey

from intake_app.crypto.bundle.format import (
    ABYTES,
    DEFAULT_CHUNK_LOG2,
    EMPTY_SHA256,
    FORMAT_VERSION,
    FORMAT_VERSION_2,
    FORMAT_VERSION_3,
    ITEM_ATTACHMENT,
    ITEM_END,
    ITEM_HEAD,
    ITEM_KINDS,
    ITEM_RECORD,
    ITEM_SEALED,
    MAX_ATTACHMENT,
    MAX_BLOB_ID,
    MAX_CHUNK_LOG2,
    MAX_ITEMS,
    MAX_META,
    MAX_PART_INDEX,
    MAX_RECIPIENTS,
    MAX_SEQUENCE,
    MIN_CHUNK_LOG2,
    PART_KEY_LEN,
    PART_OVERHEAD,
    RNG,
    SS_HEADER_LEN,
    TAG_FINAL,
    TAG_MESSAGE,
    ZERO_HASH,
    PayloadItem,
    Recipient,
    SealedPart,
    Statement,
    chunk_ad,
    encode_header,
    header_hash,
    part_layout,
    seal_file_key,
    sealed_ref_len,
    stream_key,
    stream_length,
    trailer_len,
    trailer_magic,
    validate_attachment_meta,
)
from intake_app.crypto.bundle.stream import (
    _HashWriter,
    _push_into,
)
from intake_app.crypto.bundle.tree import TreeHalf, tree_root
from intake_app.crypto.canonical import parse_canonical_object
from intake_app.crypto.keyring import check_id
from intake_app.crypto.keys import fingerprint_bytes
from intake_app.errors import IntakeError


@dataclass(frozen=True)
class BundleInfo:
    statement_hash: str
    sequence: int
    prev: bytes
    size: int
    item_count: int
    record_count: int
    device_id: str
    unwritten: PayloadItem | None = None  # first item that did not fit in max_bytes



class BundleWriter:
    """Streams one bundle into ``out`` (opened by the caller; it does temp+fsync+rename).

    ``version=2`` also takes ``sealed`` items: their descriptors (with the part's key)
    go into the encrypted stream as they are added, and their stored chunks are copied
    as they are into the BLOBS region at ``close()``. ``add()`` items, then ``close()``.
    ``size_if_added(item)`` gives the exact final file size if ``item`` were
    added next, so a caller can stop before a volume limit.
    ``blobs_out``: where the BLOBS region goes instead of ``out`` (written after the
    stream's last byte reached ``out`` and before the trailer): the field outbox keeps
    the store's blob files by hard link and writes only the rest (services/outbox.py).
    If ``add()`` raises, the bundle is unusable: raise what ``abort(exc)`` returns and
    delete the file.
    """

    def __init__(
        self,
        out: BinaryIO,
        *,
        signing_key: SigningKey,
        device_id: str,
        hq_id: str,
        sequence: int,
        prev: bytes,
        recipients: Sequence[PublicKey],
        created_at: int,
        chunk_log2: int = DEFAULT_CHUNK_LOG2,
        rng: RNG | None = None,
        version: int = FORMAT_VERSION,
        blobs_out: BinaryIO | None = None,
    ) -> None:
        if version not in (FORMAT_VERSION, FORMAT_VERSION_2, FORMAT_VERSION_3):
            raise ValueError("unknown bundle format version")
        self.version = version
        self._parts: list[tuple[SealedPart, int]] = []
        self._blob_len = 0
        check_id(device_id, "device_id")
        check_id(hq_id, "hq_id")
        if not 1 <= sequence <= MAX_SEQUENCE:
            raise ValueError("sequence must be >= 1")
        if len(prev) != 32 or (sequence == 1) != (prev == ZERO_HASH):
            raise ValueError("prev must be 32 bytes, all zero exactly for sequence 1")
        if not 0 <= created_at <= MAX_SEQUENCE:
            raise ValueError("created_at out of range")
        if not MIN_CHUNK_LOG2 <= chunk_log2 <= MAX_CHUNK_LOG2:
            raise ValueError("chunk_log2 out of range")
        fps = {fingerprint_bytes(bytes(pk)): pk for pk in recipients}
        if not 1 <= len(fps) <= MAX_RECIPIENTS or len(fps) != len(recipients):
            raise ValueError("1-16 distinct recipients required")
        rand: RNG = rng if rng is not None else nacl.utils.random
        file_key = rand(32)
        stanzas = [Recipient(fp, seal_file_key(file_key, fps[fp], rng)) for fp in sorted(fps)]
        self._key = signing_key
        self._hdr = encode_header(
            chunk_log2=chunk_log2, hq_id=hq_id, device_id=device_id,
            device_key=bytes(signing_key.verify_key), sequence=sequence, prev=prev,
            created_at=created_at, recipients=stanzas, version=version,
        )  # fmt: skip
        self._h = header_hash(self._hdr)
        self._device_id, self._sequence, self._prev = device_id, sequence, prev
        self._c = 1 << chunk_log2
        self._log2 = chunk_log2
        self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
        key = stream_key(file_key, self._h)
        if rng is None:
            ss_header = sodium.crypto_secretstream_xchacha20poly1305_init_push(self._state, key)
        else:
            # init_pull derives the same state from a chosen header as init_push does
            # from a random one; only the vector generator takes this path.
            ss_header = rand(SS_HEADER_LEN)
            sodium.crypto_secretstream_xchacha20poly1305_init_pull(self._state, ss_header, key)
        out.write(self._hdr)
        self._out = out
        self._blobs_out = out if blobs_out is None else blobs_out
        self._sink = _HashWriter(out, self._c + ABYTES)
        self._sink.start()
        slot = self._sink.slot()
        slot[:SS_HEADER_LEN] = ss_header
        self._sink.put(slot, SS_HEADER_LEN)
        self._buf = bytearray(self._c)
        self._mv = memoryview(self._buf)
        self._fill = 0
        self._index = 0
        self._plain_len = 0
        self.item_count = 0
        self.record_count = 0
        self._closed = False

    # -- sizes ----------------------------------------------------------------------
    @property
    def bytes_written(self) -> int:
        """Size the file would have if closed now."""
        return self.size_if_added(None)

    def size_if_added(self, item: PayloadItem | None) -> int:
        extra = blobs = 0
        if item is not None and item.sealed is not None:
            extra = ITEM_HEAD.size + len(item.meta) + sealed_ref_len(len(item.sealed.blob_id))
            blobs = part_layout(item.data_len, item.sealed.chunk_log2)[1]
        elif item is not None:
            extra = ITEM_HEAD.size + len(item.meta) + item.data_len
        plain = self._plain_len + extra + 1  # + end-of-items byte
        return (len(self._hdr) + stream_length(plain, self._log2) + self._blob_len + blobs
                + trailer_len(self.version))

    # -- plaintext plumbing -------------------------------------------------------------
    def _flush_full(self) -> None:
        self._push(TAG_MESSAGE)
        self._fill = 0

    def _push(self, tag: int) -> None:
        slot = self._sink.slot()
        n = _push_into(
            self._state, slot, self._buf, self._fill, chunk_ad(self._h, self._index), tag
        )
        self._index += 1
        self._sink.put(slot, n)

    def _write(self, data: bytes) -> None:
        mv = memoryview(data)
        while mv:
            if self._fill == self._c:  # flush only when more data follows: last chunk is FINAL
                self._flush_full()
            k = min(self._c - self._fill, len(mv))
            self._mv[self._fill : self._fill + k] = mv[:k]
            self._fill += k
            mv = mv[k:]
        self._plain_len += len(data)

    def _copy_stream(self, src: BinaryIO, n: int) -> None:
        readinto = getattr(src, "readinto", None)
        left = n
        while left:
            if self._fill == self._c:
                self._flush_full()
            k = min(self._c - self._fill, left)
            if readinto is not None:
                got = readinto(self._mv[self._fill : self._fill + k])
            else:
                b = src.read(k)
                got = len(b)
                self._mv[self._fill : self._fill + got] = b
            if not got:
                raise IntakeError("attachment stream ended before its declared length")
            self._fill += got
            left -= got
        self._plain_len += n
        if src.read(1):
            raise IntakeError("attachment stream is longer than its declared length")

    # -- public --------------------------------------------------------------------------
    def add(self, item: PayloadItem) -> None:
        if self._closed:
            raise ValueError("bundle already closed")
        kind = {v: k for k, v in ITEM_KINDS.items()}.get(item.kind)
        if item.kind == "sealed" and self.version != FORMAT_VERSION:
            kind = ITEM_SEALED
        if kind is None:
            raise ValueError(f"unknown item kind {item.kind!r}")
        meta = parse_canonical_object(bytes(item.meta), kind="payload", what="item metadata")
        if not 0 < len(item.meta) <= MAX_META:
            raise ValueError("item metadata size out of range")
        if kind == ITEM_RECORD and (item.data is not None or item.data_len):
            raise ValueError("records carry no data stream")
        if kind == ITEM_ATTACHMENT:
            validate_attachment_meta(meta, item.data_len)
            if item.data is None and item.data_len:
                raise ValueError("attachment without a data stream")
        if self.item_count >= MAX_ITEMS:
            raise ValueError("too many items")
        if kind == ITEM_SEALED:
            self._add_sealed(item, meta)
            return
        self._write(ITEM_HEAD.pack(kind, len(item.meta), item.data_len) + bytes(item.meta))
        if item.data is not None:
            self._copy_stream(item.data, item.data_len)
        self.item_count += 1
        self.record_count += kind == ITEM_RECORD

    def _add_sealed(self, item: PayloadItem, meta: dict[str, object]) -> None:
        p = item.sealed
        if p is None:
            raise ValueError("sealed item without its part")
        if not 1 <= item.data_len <= MAX_ATTACHMENT or item.data is not None:
            raise ValueError("a sealed part holds 1 byte to 1 TiB and no inline data")
        validate_attachment_meta(meta, item.data_len)
        n, blob = part_layout(item.data_len, p.chunk_log2)
        if (len(p.key) != PART_KEY_LEN or not 1 <= len(p.blob_id) <= MAX_BLOB_ID
                or not MIN_CHUNK_LOG2 <= p.chunk_log2 <= MAX_CHUNK_LOG2
                or not 0 <= p.first_index <= MAX_PART_INDEX - n):
            raise ValueError("sealed part key, blob id, chunk size or index out of range")
        ref = (bytes([p.chunk_log2, len(p.blob_id)]) + p.blob_id
               + p.first_index.to_bytes(8, "big") + p.key)
        self._write(ITEM_HEAD.pack(ITEM_SEALED, len(item.meta), item.data_len)
                    + bytes(item.meta) + ref)
        self._parts.append((p, item.data_len))
        self._blob_len += blob
        self.item_count += 1

    def _copy_blobs(self) -> bytes:
        """The BLOBS region: every sealed part's stored chunks, as they are, in order;
        read and hashed on this thread, written (to both copies) on the sink's, so SHA-256
        and the writes run on two cores. v3: the sink's thread hashes the tree's odd
        leaves, this one the even leaves (crypto/bundle/tree.py)."""
        halves = (TreeHalf(0), TreeHalf(1)) if self.version == FORMAT_VERSION_3 else None
        # Four stored chunks queued: enough to keep the writer busy; the sink may hold
        # a few more (the export writes two copies), and peak RSS stays bounded.
        sink = _HashWriter(self._blobs_out, 0, hashes=False, depth=4, name="bundle-blob-writer",
                           tree=None if halves is None else halves[1])
        sha = hashlib.sha256()
        pos = 0
        sink.start()
        with sink.crew:  # on the way out: first error wins, the sink's thread is joined
            for p, data_len in self._parts:
                c, left = 1 << p.chunk_log2, data_len
                for stored in p.chunks():
                    want = min(c, left) + PART_OVERHEAD
                    if left <= 0 or len(stored) != want:
                        raise IntakeError("a stored attachment chunk has the wrong length")
                    block = bytes(stored)
                    if halves is None:
                        sha.update(block)
                    else:
                        halves[0].feed(pos, block)
                    pos += len(block)
                    sink.put_bytes(block)
                    left -= want - PART_OVERHEAD
                if left:
                    raise IntakeError("a stored attachment has fewer chunks than its size")
            sink.finish()
        return sha.digest() if halves is None else tree_root(pos, *halves)

    def close(self) -> BundleInfo:
        if self._closed:
            raise ValueError("bundle already closed")
        self._closed = True
        self._write(bytes([ITEM_END]))
        self._push(TAG_FINAL)
        stream_hash = self._sink.finish()
        v2 = self.version != FORMAT_VERSION  # v2 or v3: a BLOBS region
        blob_hash = self._copy_blobs() if v2 else EMPTY_SHA256
        st = Statement(
            self._h, stream_hash, stream_length(self._plain_len, self._log2),
            self.item_count, self.record_count, self.version, blob_hash, self._blob_len,
        )  # fmt: skip
        stmt = st.encode()
        sig = self._key.sign(stmt).signature
        self._out.write(stmt + sig + trailer_magic(self.version))
        self._out.flush()
        return BundleInfo(
            statement_hash=st.hash.hex(), sequence=self._sequence, prev=self._prev,
            size=len(self._hdr) + st.stream_len + self._blob_len + trailer_len(self.version),
            item_count=self.item_count, record_count=self.record_count,
            device_id=self._device_id,
        )  # fmt: skip

    def abort(self, exc: BaseException) -> BaseException:
        """After ``exc``: stop and join the background writer; the exception to raise
        (the first error: ``exc``, or the writer's if it failed before). The caller
        deletes its temp file."""
        self._closed = True
        return self._sink.crew.settle(exc)


def write_bundle(
    out: BinaryIO,
    *,
    signing_key: SigningKey,
    device_id: str,
    hq_id: str,
    sequence: int,
    prev: bytes,
    recipients: Sequence[PublicKey],
    items: Iterable[PayloadItem],
    created_at: int,
    record_count: int | None = None,
    max_bytes: int | None = None,
    chunk_log2: int = DEFAULT_CHUNK_LOG2,
    rng: RNG | None = None,
    version: int = FORMAT_VERSION,
    blobs_out: BinaryIO | None = None,
) -> BundleInfo:
    """Seal ``items`` into ``out`` (the BLOBS region into ``blobs_out`` if given). With
    ``max_bytes``, stops before the first item that would make the file larger and returns
    it as ``BundleInfo.unwritten`` (the items after it were not consumed from the
    iterable). ``record_count``, if given, must match."""
    w = BundleWriter(
        out, signing_key=signing_key, device_id=device_id, hq_id=hq_id, sequence=sequence,
        prev=prev, recipients=recipients, created_at=created_at, chunk_log2=chunk_log2, rng=rng,
        version=version, blobs_out=blobs_out,
    )  # fmt: skip
    unwritten: PayloadItem | None = None
    try:
        if max_bytes is not None and w.bytes_written > max_bytes:
            raise IntakeError("volume size limit is smaller than an empty bundle")
        for item in items:
            if max_bytes is not None and w.size_if_added(item) > max_bytes:
                if w.item_count == 0:
                    raise IntakeError("item does not fit in an empty volume")
                unwritten = item
                break
            w.add(item)
        if record_count is not None and record_count != w.record_count:
            raise ValueError("record_count does not match the records written")
        info = w.close()
    except BaseException as e:
        first = w.abort(e)
        if first is e:
            raise
        raise first from e
    if unwritten is not None:
        info = BundleInfo(**{**info.__dict__, "unwritten": unwritten})
    return info
