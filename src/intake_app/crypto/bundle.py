"""The sealed bundle: streaming seal, auditor verify (no private key) and HQ open.

File = HEADER || STREAM || TRAILER. docs/bundle-format.md is the specification;
this module is one implementation of it. In short:

* H  = SHA-256(BUNDLE_HEADER || 0x00 || header bytes as read)
* stream key = BLAKE2b-256(key=file_key, PAYLOAD_KEY || 0x00 || H); file_key is sealed
  (crypto_box_seal) to every HQ recipient. The signer's public key is inside the
  header, hence inside H, hence inside the stream key and every chunk's AD.
* STREAM = secretstream header (24) || chunks; chunk i has AD = H || u64be(i); every
  chunk but the last holds exactly 2**chunk_log2 plaintext bytes and is tagged
  MESSAGE; the last holds 1..2**chunk_log2 bytes and is tagged FINAL.
* statement = BUNDLE_STATEMENT || 0x00 || H || SHA-256(STREAM) || u64be(len(STREAM))
  || u32be(item_count) || u32be(record_count); Ed25519-signed by the device key;
  statement hash S = SHA-256(statement) is what the next bundle's prev points at.
* TRAILER (fixed 183 bytes) = statement || signature || b"INTKEND1".
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import itertools
import queue
import struct
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Literal

import nacl.bindings as sodium
import nacl.utils
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey
from nacl.signing import SigningKey, VerifyKey

from intake_app.crypto import labels
from intake_app.crypto.canonical import parse_canonical_object
from intake_app.crypto.keyring import DeviceEntry, Keyring, check_id
from intake_app.crypto.keys import FINGERPRINT_BYTES, fingerprint_bytes
from intake_app.errors import BundleError, IntakeError

# --- format constants (see docs/bundle-format.md) ----------------------------------
MAGIC = b"INTKBNDL"
FORMAT_VERSION = 1
SUITE = 1  # X25519 sealed box + XChaCha20-Poly1305 secretstream + Ed25519 + SHA-256
PREFIX_LEN = 16  # magic, version, suite, header_len
MAX_HEADER = 64 * 1024
MAX_RECIPIENTS = 16
MIN_CHUNK_LOG2 = 10
MAX_CHUNK_LOG2 = 20
DEFAULT_CHUNK_LOG2 = 20  # 1 MiB: large chunks are what makes secretstream fast
MAX_CHUNK = 1 << MAX_CHUNK_LOG2
SEALED_KEY_LEN = 32 + 48  # crypto_box_seal of a 32-byte key
STANZA_LEN = FINGERPRINT_BYTES + SEALED_KEY_LEN
SS_HEADER_LEN = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES  # 24
ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES  # 17
TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
MAX_META = 1024 * 1024
MAX_ATTACHMENT = 1 << 40
MAX_ITEMS = 2**32 - 1
MAX_SEQUENCE = 2**63 - 1
ITEM_END, ITEM_RECORD, ITEM_ATTACHMENT = 0, 1, 2
ITEM_KINDS = {ITEM_RECORD: "record", ITEM_ATTACHMENT: "attachment"}
ITEM_HEAD = struct.Struct(">BIQ")  # kind, meta_len, data_len -- then meta, then data
TRAILER_MAGIC = b"INTKEND1"
STATEMENT_LEN = len(labels.BUNDLE_STATEMENT) + 1 + 32 + 32 + 8 + 4 + 4
SIGNATURE_LEN = 64
TRAILER_LEN = STATEMENT_LEN + SIGNATURE_LEN + len(TRAILER_MAGIC)
ZERO_HASH = bytes(32)
MIN_STREAM = SS_HEADER_LEN + ABYTES + 1  # the end-of-items byte is always there

RNG = Callable[[int], bytes]

try:  # PyNaCl's own cffi binding of libsodium, to pull into reusable buffers
    _sodium_lib: Any = importlib.import_module("nacl._sodium")
    _LIB, _FFI = _sodium_lib.lib, _sodium_lib.ffi
except (ImportError, AttributeError):  # pragma: no cover - other PyNaCl builds
    _LIB = _FFI = None


# --- small pure functions (vector-tested) -----------------------------------------
def header_hash(header_bytes: bytes) -> bytes:
    return hashlib.sha256(labels.framed(labels.BUNDLE_HEADER, header_bytes)).digest()


def stream_key(file_key: bytes, h: bytes) -> bytes:
    return sodium.crypto_generichash_blake2b_salt_personal(
        labels.framed(labels.PAYLOAD_KEY, h), key=file_key, digest_size=32
    )


def chunk_ad(h: bytes, index: int) -> bytes:
    return h + index.to_bytes(8, "big")


def chunk_layout(stream_len: int, chunk_log2: int) -> tuple[int, int]:
    """(number of chunks, ciphertext length of the last chunk) or BundleError('header')."""
    full = (1 << chunk_log2) + ABYTES
    body = stream_len - SS_HEADER_LEN
    if body < ABYTES + 1:
        raise BundleError("header", "stream too short to hold a final chunk")
    n = (body + full - 1) // full
    last = body - (n - 1) * full
    if last < ABYTES + 1:  # an empty FINAL chunk is never written
        raise BundleError("header", "stream length leaves an empty or partial final chunk")
    return n, last


def stream_length(plain_len: int, chunk_log2: int) -> int:
    """Ciphertext stream length for ``plain_len`` (>= 1) plaintext bytes."""
    c = 1 << chunk_log2
    return SS_HEADER_LEN + plain_len + ABYTES * ((plain_len + c - 1) // c)


@dataclass(frozen=True)
class Statement:
    header_hash: bytes
    stream_hash: bytes
    stream_len: int
    item_count: int
    record_count: int

    def encode(self, label: bytes = labels.BUNDLE_STATEMENT) -> bytes:
        return labels.framed(label, self.header_hash + self.stream_hash) + struct.pack(
            ">QII", self.stream_len, self.item_count, self.record_count
        )

    @property
    def hash(self) -> bytes:
        return hashlib.sha256(self.encode()).digest()

    @classmethod
    def decode(cls, data: bytes) -> Statement:
        head = labels.framed(labels.BUNDLE_STATEMENT)
        if len(data) != STATEMENT_LEN or not data.startswith(head):
            raise BundleError("signature", "trailer does not hold a bundle statement")
        o = len(head)
        n, items, records = struct.unpack_from(">QII", data, o + 64)
        return cls(data[o : o + 32], data[o + 32 : o + 64], n, items, records)


@dataclass(frozen=True)
class Recipient:
    fingerprint: bytes
    sealed_key: bytes


@dataclass(frozen=True)
class BundleHeader:
    chunk_log2: int
    hq_id: str
    device_id: str
    device_key: bytes
    sequence: int
    prev: bytes
    created_at: int
    recipients: tuple[Recipient, ...]
    raw: bytes = field(repr=False)
    hash: bytes = b""

    @property
    def chunk_size(self) -> int:
        return 1 << self.chunk_log2


def encode_header(
    *,
    chunk_log2: int,
    hq_id: str,
    device_id: str,
    device_key: bytes,
    sequence: int,
    prev: bytes,
    created_at: int,
    recipients: Sequence[Recipient],
    version: int = FORMAT_VERSION,
    suite: int = SUITE,
) -> bytes:
    """Serialise a header. No validation: the test-vector generator uses it to build
    bad headers; BundleWriter validates before calling it."""
    hq, dev = hq_id.encode("ascii"), device_id.encode("ascii")
    body = (
        bytes([chunk_log2, len(hq)])
        + hq
        + bytes([len(dev)])
        + dev
        + device_key
        + struct.pack(">Q", sequence)
        + prev
        + struct.pack(">Q", created_at)
        + bytes([len(recipients)])
        + b"".join(r.fingerprint + r.sealed_key for r in recipients)
    )
    return MAGIC + struct.pack(">HHI", version, suite, PREFIX_LEN + len(body)) + body


def _id(raw: bytes, what: str) -> str:
    try:
        return check_id(raw.decode("ascii"), what)
    except UnicodeDecodeError:
        raise BundleError("header", f"{what} is not ASCII") from None


def parse_header(raw: bytes) -> BundleHeader:
    """Strictly parse complete header bytes (prefix included)."""
    if len(raw) < PREFIX_LEN or raw[:8] != MAGIC:
        raise BundleError("header", "not an intake bundle (bad magic)")
    version, suite, hlen = struct.unpack_from(">HHI", raw, 8)
    if version != FORMAT_VERSION:
        raise BundleError("header", f"unsupported bundle version {version}")
    if suite != SUITE:
        raise BundleError("header", f"unsupported algorithm suite {suite}")
    if not PREFIX_LEN < hlen <= MAX_HEADER:
        raise BundleError("header", "header length out of range")
    if len(raw) != hlen:
        raise BundleError("header", "truncated header")
    o = PREFIX_LEN

    def take(n: int) -> bytes:
        nonlocal o
        if o + n > hlen:
            raise BundleError("header", "header fields overrun the header length")
        b = raw[o : o + n]
        o += n
        return b

    chunk_log2 = take(1)[0]
    if not MIN_CHUNK_LOG2 <= chunk_log2 <= MAX_CHUNK_LOG2:
        raise BundleError("header", "chunk size out of range")
    hq_id = _id(take(take(1)[0]), "hq_id")
    device_id = _id(take(take(1)[0]), "device_id")
    device_key = take(32)
    (sequence,) = struct.unpack(">Q", take(8))
    prev = take(32)
    (created_at,) = struct.unpack(">Q", take(8))
    n_rec = take(1)[0]
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise BundleError("header", "sequence out of range")
    if (sequence == 1) != (prev == ZERO_HASH):
        raise BundleError("header", "prev must be all zero exactly for sequence 1")
    if created_at > MAX_SEQUENCE:
        raise BundleError("header", "created_at out of range")
    if not 1 <= n_rec <= MAX_RECIPIENTS:
        raise BundleError("header", "recipient count must be 1-16")
    recips = []
    for _ in range(n_rec):
        stanza = take(STANZA_LEN)
        recips.append(Recipient(stanza[:FINGERPRINT_BYTES], stanza[FINGERPRINT_BYTES:]))
    fps = [r.fingerprint for r in recips]
    if any(a >= b for a, b in itertools.pairwise(fps)):
        raise BundleError("header", "recipients must be in strictly ascending fingerprint order")
    if o != hlen:
        raise BundleError("header", "trailing bytes in header")
    return BundleHeader(
        chunk_log2, hq_id, device_id, device_key, sequence, prev, created_at,
        tuple(recips), raw, header_hash(raw),
    )  # fmt: skip


def _read_exact(fh: BinaryIO, n: int) -> bytes:
    b = fh.read(n)
    return b if b is not None else b""


def read_header(fh: BinaryIO) -> BundleHeader:
    fh.seek(0)
    prefix = _read_exact(fh, PREFIX_LEN)
    if len(prefix) < PREFIX_LEN:
        raise BundleError("header", "file too short for a bundle header")
    if prefix[:8] != MAGIC:
        raise BundleError("header", "not an intake bundle (bad magic)")
    (hlen,) = struct.unpack_from(">I", prefix, 12)
    if not PREFIX_LEN < hlen <= MAX_HEADER:
        parse_header(prefix)  # reports version/suite first, then the length
        raise BundleError("header", "header length out of range")
    rest = _read_exact(fh, hlen - PREFIX_LEN)
    return parse_header(prefix + rest)


def parse_bundle_unverified(fh: BinaryIO) -> BundleHeader:
    """The header, strictly parsed but NOT authenticated: for display only."""
    return read_header(fh)


# --- sealing the file key -------------------------------------------------------------
def seal_file_key(file_key: bytes, recipient: PublicKey, rng: RNG | None = None) -> bytes:
    if rng is None:
        return sodium.crypto_box_seal(file_key, bytes(recipient))
    # Deterministic variant for the vector generator only: exactly libsodium's
    # crypto_box_seal construction, with the ephemeral key drawn from ``rng``.
    epk, esk = sodium.crypto_box_seed_keypair(rng(32))
    nonce = sodium.crypto_generichash_blake2b_salt_personal(epk + bytes(recipient), digest_size=24)
    return epk + sodium.crypto_box(file_key, nonce, bytes(recipient), esk)


# --- writer ------------------------------------------------------------------------------
@dataclass
class PayloadItem:
    """One typed item. ``meta`` is canonical JSON; attachments stream ``data_len`` bytes."""

    kind: str
    meta: bytes
    data: BinaryIO | None = None
    data_len: int = 0


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


class _HashWriter(threading.Thread):
    """Hashes and writes ciphertext on a second core while the caller encrypts the next
    chunk. Works on a small ring of reused buffers, which also bounds memory."""

    def __init__(self, out: BinaryIO, slot_size: int) -> None:
        super().__init__(daemon=True, name="bundle-writer")
        self.out = out
        self.jobs: queue.Queue[tuple[bytearray, int] | None] = queue.Queue()
        self.free: queue.Queue[bytearray] = queue.Queue()
        for _ in range(4):
            self.free.put(bytearray(slot_size))
        self.sha = hashlib.sha256()
        self.error: BaseException | None = None

    def run(self) -> None:
        while (job := self.jobs.get()) is not None:
            buf, n = job
            if self.error is None:
                try:
                    mv = memoryview(buf)[:n]
                    self.sha.update(mv)
                    self.out.write(mv)
                except BaseException as e:  # re-raised in the caller's thread
                    self.error = e
            self.free.put(buf)  # always recycle, so the producer never blocks forever

    def slot(self) -> bytearray:
        if self.error is not None:
            raise self.error
        return self.free.get()

    def put(self, buf: bytearray, n: int) -> None:
        self.jobs.put((buf, n))

    def finish(self) -> bytes:
        self.jobs.put(None)
        self.join()
        if self.error is not None:
            raise self.error
        return self.sha.digest()


class BundleWriter:
    """Streams one bundle into ``out`` (opened by the caller; it does temp+fsync+rename).

    ``add()`` items, then ``close()``. ``size_if_added(item)`` gives the exact final
    file size if ``item`` were added next, so a caller can stop before a volume limit.
    If ``add()`` raises, the bundle is unusable: call ``abort()`` and delete the file.
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
    ) -> None:
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
            created_at=created_at, recipients=stanzas,
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
        extra = 0 if item is None else ITEM_HEAD.size + len(item.meta) + item.data_len
        plain = self._plain_len + extra + 1  # + end-of-items byte
        return len(self._hdr) + stream_length(plain, self._log2) + TRAILER_LEN

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
        self._write(ITEM_HEAD.pack(kind, len(item.meta), item.data_len) + bytes(item.meta))
        if item.data is not None:
            self._copy_stream(item.data, item.data_len)
        self.item_count += 1
        self.record_count += kind == ITEM_RECORD

    def close(self) -> BundleInfo:
        if self._closed:
            raise ValueError("bundle already closed")
        self._closed = True
        self._write(bytes([ITEM_END]))
        self._push(TAG_FINAL)
        stream_hash = self._sink.finish()
        st = Statement(
            self._h, stream_hash, stream_length(self._plain_len, self._log2),
            self.item_count, self.record_count,
        )  # fmt: skip
        stmt = st.encode()
        sig = self._key.sign(stmt).signature
        self._out.write(stmt + sig + TRAILER_MAGIC)
        self._out.flush()
        return BundleInfo(
            statement_hash=st.hash.hex(), sequence=self._sequence, prev=self._prev,
            size=len(self._hdr) + st.stream_len + TRAILER_LEN, item_count=self.item_count,
            record_count=self.record_count, device_id=self._device_id,
        )  # fmt: skip

    def abort(self) -> None:
        """Stop the background writer; the caller deletes its temp file."""
        if not self._closed:
            self._closed = True
            # already failing; the caller discards the file
            with contextlib.suppress(Exception):
                self._sink.finish()


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
) -> BundleInfo:
    """Seal ``items`` into ``out``. With ``max_bytes``, stops before the first item that
    would make the file larger and returns it as ``BundleInfo.unwritten`` (the items after
    it were not consumed from the iterable). ``record_count``, if given, must match."""
    w = BundleWriter(
        out, signing_key=signing_key, device_id=device_id, hq_id=hq_id, sequence=sequence,
        prev=prev, recipients=recipients, created_at=created_at, chunk_log2=chunk_log2, rng=rng,
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
    except BaseException:
        w.abort()
        raise
    if unwritten is not None:
        info = BundleInfo(**{**info.__dict__, "unwritten": unwritten})
    return info


# --- attachment metadata ------------------------------------------------------------------
_BAD_NAME_CHARS = set('/\\:*?"<>|')


def safe_attachment_name(name: object) -> str:
    """Return ``name`` if it is a plain file name, else BundleError('payload').

    Refuses: non-strings, empty, > 255 UTF-8 bytes, not NFC, '.', '..', leading dot,
    leading/trailing space, control characters, and / \\ : * ? " < > |  (path
    separators on any OS, drive letters, Windows reserved characters)."""
    if not isinstance(name, str) or not name:
        raise BundleError("payload", "attachment name must be a non-empty string")
    if len(name.encode("utf-8", "surrogatepass")) > 255:
        raise BundleError("payload", "attachment name too long")
    if (
        unicodedata.normalize("NFC", name) != name
        or name.startswith(".")
        or name != name.strip()
        or any(c in _BAD_NAME_CHARS or unicodedata.category(c)[0] == "C" for c in name)
    ):
        raise BundleError("payload", f"unsafe attachment name {name!r}")
    return name


def validate_attachment_meta(meta: dict[str, Any], data_len: int) -> None:
    """What the importer relies on: a safe 'name' if present, 'size' == data length."""
    if "name" in meta:
        safe_attachment_name(meta["name"])
    if "size" in meta and (meta["size"] != data_len or isinstance(meta["size"], bool)):
        raise BundleError("payload", "attachment size in metadata does not match its data")
    if data_len > MAX_ATTACHMENT:
        raise BundleError("payload", "attachment too large")


# --- verify ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class VerifiedBundle:
    header: BundleHeader
    statement: Statement
    statement_hash: bytes
    signature: bytes
    size: int
    device: DeviceEntry

    @property
    def device_id(self) -> str:
        return self.header.device_id

    @property
    def sequence(self) -> int:
        return self.header.sequence

    @property
    def prev(self) -> bytes:
        return self.header.prev


def _hash_region(fh: BinaryIO, start: int, length: int) -> bytes:
    """SHA-256 of fh[start:start+length]; reading and hashing overlap on two cores."""
    fh.seek(start)
    bufsize = 1 << 20
    free: queue.Queue[bytearray] = queue.Queue()
    full: queue.Queue[tuple[bytearray, int] | None] = queue.Queue()
    for _ in range(3):
        free.put(bytearray(bufsize))
    sha = hashlib.sha256()

    def hasher() -> None:
        while (job := full.get()) is not None:
            buf, n = job
            sha.update(memoryview(buf)[:n])
            free.put(buf)

    t = threading.Thread(target=hasher, daemon=True, name="bundle-hasher")
    t.start()
    left = length
    short = False
    try:
        while left:
            buf = free.get()
            mv = memoryview(buf)[: min(bufsize, left)]
            got = fh.readinto(mv) if hasattr(fh, "readinto") else 0
            if not got:
                short = True
                break
            full.put((buf, got))
            left -= got
    finally:
        full.put(None)
        t.join()
    if short:
        raise BundleError("signature", "file shorter than its signed stream length")
    return sha.digest()


def _file_size(fh: BinaryIO) -> int:
    return fh.seek(0, 2)


def verify_bundle(fh: BinaryIO, keyring: Keyring) -> VerifiedBundle:
    """Integrity and origin without any decryption key; ``fh`` is a seekable binary
    file (the trailer is read from its end). Check order (each failure's kind):
    header framing (header) -> trailer framing, statement/header match, Ed25519 (signature)
    -> HQ id (recipient) -> signer enrolled, not revoked (signer) -> stream length
    (signature) -> chunk layout (header) -> stream hash (signature)."""
    v = _verify_statement(fh, keyring)
    if _hash_region(fh, len(v.header.raw), v.statement.stream_len) != v.statement.stream_hash:
        raise BundleError("signature", "ciphertext does not match the signed hash")
    return v


def _verify_statement(fh: BinaryIO, keyring: Keyring) -> VerifiedBundle:
    """Every verify check except hashing the stream (the one that reads the whole file)."""
    hdr = read_header(fh)
    size = _file_size(fh)
    if size < len(hdr.raw) + TRAILER_LEN + MIN_STREAM:
        raise BundleError("signature", "file too short: missing signature trailer or stream")
    fh.seek(size - TRAILER_LEN)
    trailer = _read_exact(fh, TRAILER_LEN)
    if len(trailer) != TRAILER_LEN or trailer[-8:] != TRAILER_MAGIC:
        raise BundleError("signature", "missing or malformed signature trailer")
    stmt_bytes = trailer[:STATEMENT_LEN]
    sig = trailer[STATEMENT_LEN : STATEMENT_LEN + SIGNATURE_LEN]
    st = Statement.decode(stmt_bytes)
    if st.header_hash != hdr.hash:
        raise BundleError("signature", "signed statement does not cover this header")
    try:
        VerifyKey(hdr.device_key).verify(stmt_bytes, sig)
    except CryptoError:
        raise BundleError("signature", "device signature is invalid") from None
    if hdr.hq_id != keyring.hq_id:
        raise BundleError("recipient", f"bundle is for HQ {hdr.hq_id!r}, not {keyring.hq_id!r}")
    status = keyring.device_status(hdr.device_id, hdr.device_key)
    if status != "enrolled":
        raise BundleError("signer", f"device {hdr.device_id!r} is {status}")
    stream_len = size - len(hdr.raw) - TRAILER_LEN
    if st.stream_len != stream_len:
        raise BundleError("signature", "file length does not match the signed stream length")
    chunk_layout(stream_len, hdr.chunk_log2)
    return VerifiedBundle(hdr, st, st.hash, sig, size, keyring.devices[hdr.device_id])


# --- open ------------------------------------------------------------------------------------
def unseal_file_key(header: BundleHeader, recipient_keys: Sequence[PrivateKey]) -> bytes:
    mine = {fingerprint_bytes(bytes(k.public_key)): k for k in recipient_keys}
    for r in header.recipients:
        key = mine.get(r.fingerprint)
        if key is None:
            continue
        try:
            return sodium.crypto_box_seal_open(r.sealed_key, bytes(key.public_key), bytes(key))
        except CryptoError:
            raise BundleError("recipient", "sealed file key does not open") from None
    raise BundleError("recipient", "bundle is not sealed to any of our recipient keys")


class _Stop(Exception):
    pass


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


class _RingHasher(threading.Thread):
    """SHA-256 over (buffer, length) jobs on another core; hands buffers back."""

    def __init__(self, recycle: queue.Queue[bytearray]) -> None:
        super().__init__(daemon=True, name="bundle-hasher")
        self.jobs: queue.Queue[tuple[bytearray, int] | None] = queue.Queue()
        self.recycle = recycle
        self.sha = hashlib.sha256()

    def run(self) -> None:
        while (job := self.jobs.get()) is not None:
            buf, n = job
            self.sha.update(memoryview(buf)[:n])
            self.recycle.put(buf)

    def finish(self) -> bytes:
        self.jobs.put(None)
        self.join()
        return self.sha.digest()


class _Decryptor(threading.Thread):
    """Reads and decrypts chunks ahead of the consumer, so decryption overlaps whatever
    the caller does with the plaintext. Enforces MESSAGE ... MESSAGE FINAL with FINAL
    exactly on the last chunk. With ``expect_hash`` it also hashes the ciphertext on a
    third thread and signals the end of the stream only once the hash matched."""

    def __init__(self, fh: BinaryIO, state: Any, h: bytes, n_chunks: int, last_len: int,
                 chunk: int, ss_header: bytes, expect_hash: bytes | None) -> None:  # fmt: skip
        super().__init__(daemon=True, name="bundle-decrypt")
        self.fh, self.state, self.h = fh, state, h
        self.n, self.last_len, self.full_len = n_chunks, last_len, chunk + ABYTES
        self.ss_header, self.expect_hash = ss_header, expect_hash
        self.q: queue.Queue[object] = queue.Queue(maxsize=_SLOTS)
        self.free_pt: queue.Queue[bytearray] = queue.Queue()
        self.free_ct: queue.Queue[bytearray] = queue.Queue()
        for _ in range(_SLOTS + 2):
            self.free_pt.put(bytearray(chunk))
        for _ in range(3):
            self.free_ct.put(bytearray(self.full_len))
        self.stop = threading.Event()

    def _put(self, x: object) -> None:
        while True:
            try:
                self.q.put(x, timeout=0.05)
                return
            except queue.Full:
                if self.stop.is_set():
                    raise _Stop from None

    def _get(self, q: queue.Queue[bytearray]) -> bytearray:
        while True:
            try:
                return q.get(timeout=0.05)
            except queue.Empty:
                if self.stop.is_set():
                    raise _Stop from None

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

    def run(self) -> None:
        hasher: _RingHasher | None = None
        try:
            if self.expect_hash is not None:
                hasher = _RingHasher(self.free_ct)
                hasher.start()
                hasher.sha.update(self.ss_header)
            for i in range(self.n):
                if self.stop.is_set():
                    raise _Stop
                final = i == self.n - 1
                size = self.last_len if final else self.full_len
                ct = self._get(self.free_ct)
                if self._read_into(ct, size) != size:
                    raise BundleError("payload", "stream truncated while decrypting")
                if hasher is not None:
                    hasher.jobs.put((ct, size))  # hashing and decryption read ct together
                pt = self._get(self.free_pt)
                try:
                    mlen, tag = _pull_into(self.state, pt, ct, size, chunk_ad(self.h, i))
                except BundleError:
                    raise BundleError("payload", f"chunk {i} does not decrypt") from None
                if hasher is None:
                    self.free_ct.put(ct)
                if tag != (TAG_FINAL if final else TAG_MESSAGE):
                    raise BundleError("payload", f"chunk {i} has the wrong stream tag")
                self._put((pt, mlen))
            if hasher is not None:
                digest, hasher = hasher.finish(), None
                if digest != self.expect_hash:
                    raise BundleError("signature", "ciphertext does not match the signed hash")
            self._put(_END)
        except _Stop:
            pass
        except BaseException as e:  # handed to the consumer's thread
            with contextlib.suppress(_Stop):
                self._put(e)
        finally:
            if hasher is not None:
                hasher.finish()

    def close(self) -> None:
        self.stop.set()
        self.join()


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
        x = self.dec.q.get()
        if isinstance(x, BaseException):
            self.ended = True
            raise x
        return x

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


class OpenedItem:
    """A decrypted item. For attachments, consume ``chunks()`` before asking the
    iterator for the next item (anything left unread is decrypted and dropped)."""

    def __init__(self, kind: Literal["record", "attachment"], meta: dict[str, Any],
                 meta_bytes: bytes, data_len: int, reader: _PlainReader) -> None:  # fmt: skip
        self.kind = kind
        self.meta = meta
        self.meta_bytes = meta_bytes
        self.data_len = data_len
        self._reader = reader
        self._left = data_len
        self._live = True

    def chunks(self) -> Iterator[bytes]:
        """The attachment bytes, at most one chunk (<= 1 MiB) at a time."""
        if not self._live:
            raise ValueError("item data read after moving to the next item")
        for piece in self._reader.pieces(self._left):
            self._left -= len(piece)
            yield piece

    def read_all(self, limit: int = 64 * 1024 * 1024) -> bytes:
        if self._left > limit:
            raise ValueError("attachment larger than read_all limit")
        return b"".join(self.chunks())

    def _finish(self) -> None:
        for _ in self.chunks():
            pass
        self._live = False


def open_bundle(
    fh: BinaryIO,
    recipient_keys: Sequence[PrivateKey],
    keyring: Keyring,
    *,
    verified: VerifiedBundle | None = None,
    single_pass: bool = False,
) -> Iterator[OpenedItem]:
    """Verify, then decrypt and yield items. Commit only if the iterator is exhausted
    without error: the stream end, trailing bytes and the signed item/record counts are
    checked last.

    Default: a full verify pass first (unless ``verified`` is given for this same open
    file). ``single_pass=True``: everything but the stream hash is checked before any
    decryption (or ``verified`` is a ``verify_bundle`` result for this file), and the
    hash of exactly the bytes being decrypted is checked against the statement before
    the iterator can complete. Chunks are authenticated by the AEAD under a key bound to
    the signed header either way; single pass reads the file once (about 1.6x faster
    at HQ, and no window for the file to change between passes)."""
    if verified is not None:
        v = verified
    elif single_pass:
        v = _verify_statement(fh, keyring)
    else:
        v = verify_bundle(fh, keyring)
    hdr, st = v.header, v.statement
    file_key = unseal_file_key(hdr, recipient_keys)
    key = stream_key(file_key, hdr.hash)
    n_chunks, last_len = chunk_layout(st.stream_len, hdr.chunk_log2)
    fh.seek(len(hdr.raw))
    ss_header = _read_exact(fh, SS_HEADER_LEN)
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    try:
        sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, ss_header, key)
    except (CryptoError, ValueError):
        raise BundleError("payload", "bad stream header") from None
    # Single pass checks the stream hash of the bytes it decrypts, also against a
    # statement verified earlier (the caller's chain checks used that statement).
    expect = st.stream_hash if single_pass else None
    dec = _Decryptor(fh, state, hdr.hash, n_chunks, last_len, hdr.chunk_size, ss_header, expect)
    dec.start()
    try:
        yield from _items(_PlainReader(dec), st)
    finally:
        dec.close()


def _items(rd: _PlainReader, st: Statement) -> Iterator[OpenedItem]:
    items = records = 0
    while True:
        kind = rd.read(1)[0]
        if kind == ITEM_END:
            break
        if kind not in ITEM_KINDS:
            raise BundleError("payload", f"unknown item kind {kind}")
        _, meta_len, data_len = ITEM_HEAD.unpack(bytes([kind]) + rd.read(ITEM_HEAD.size - 1))
        if not 0 < meta_len <= MAX_META:
            raise BundleError("payload", "item metadata size out of range")
        items += 1
        records += kind == ITEM_RECORD
        if items > st.item_count or records > st.record_count:
            raise BundleError("payload", "more items than the signed statement says")
        meta_bytes = rd.read(meta_len)
        meta = parse_canonical_object(meta_bytes, kind="payload", what="item metadata")
        if kind == ITEM_RECORD:
            if data_len:
                raise BundleError("payload", "record item with attachment data")
        else:
            validate_attachment_meta(meta, data_len)
        kname: Literal["record", "attachment"] = "record" if kind == ITEM_RECORD else "attachment"
        item = OpenedItem(kname, meta, meta_bytes, data_len, rd)
        yield item
        item._finish()
    if not rd.at_end():
        raise BundleError("payload", "data after the end of the items")
    if items != st.item_count or records != st.record_count:
        raise BundleError("payload", "item or record count differs from the signed statement")
