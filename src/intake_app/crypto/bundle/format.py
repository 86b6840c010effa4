"""The bundle format: constants, header, statement and the small pure functions the
test vectors fix (docs/bundle-format.md)."""

from __future__ import annotations

import hashlib
import itertools
import struct
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import nacl.bindings as sodium
from nacl.public import PublicKey

from intake_app.crypto import labels
from intake_app.crypto.keyring import check_id
from intake_app.crypto.keys import FINGERPRINT_BYTES
from intake_app.errors import BundleError

# --- format constants (see docs/bundle-format.md) ----------------------------------
MAGIC = b"INTKBNDL"
FORMAT_VERSION = 1
FORMAT_VERSION_2 = 2  # v2: attachment chunk ciphertexts carried as stored (BLOBS region)
# v3: as v2, but the blob region is signed as a hash tree over 1 MiB leaves, so
# writer, verifier and HQ hash it on both cores (docs/bundle-format.md §9)
FORMAT_VERSION_3 = 3
VERSIONS = (FORMAT_VERSION, FORMAT_VERSION_2, FORMAT_VERSION_3)
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
ITEM_END, ITEM_RECORD, ITEM_ATTACHMENT, ITEM_SEALED = 0, 1, 2, 3
ITEM_KINDS = {ITEM_RECORD: "record", ITEM_ATTACHMENT: "attachment"}
ITEM_KINDS_V2 = {**ITEM_KINDS, ITEM_SEALED: "sealed"}
ITEM_HEAD = struct.Struct(">BIQ")  # kind, meta_len, data_len -- then meta, then data
TRAILER_MAGIC = b"INTKEND1"
TRAILER_MAGIC_V2 = b"INTKEND2"
TRAILER_MAGIC_V3 = b"INTKEND3"
STATEMENT_LEN = len(labels.BUNDLE_STATEMENT) + 1 + 32 + 32 + 8 + 4 + 4
STATEMENT_LEN_V2 = len(labels.BUNDLE_STATEMENT_V2) + 1 + 32 + 32 + 32 + 8 + 8 + 4 + 4
SIGNATURE_LEN = 64
TRAILER_LEN = STATEMENT_LEN + SIGNATURE_LEN + len(TRAILER_MAGIC)
TRAILER_LEN_V2 = STATEMENT_LEN_V2 + SIGNATURE_LEN + len(TRAILER_MAGIC_V2)
# v3's statement has v2's layout under its own label of the same length
assert len(labels.BUNDLE_STATEMENT_V3) == len(labels.BUNDLE_STATEMENT_V2)
LEAF_LOG2 = 20  # v3 blob tree: leaf k = BLOBS[k * 2^20 : (k + 1) * 2^20]
LEAF_SIZE = 1 << LEAF_LOG2
# v2 sealed part: stored chunk = nonce (24) || XChaCha20-Poly1305-IETF ciphertext (+16)
PART_NONCE = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
PART_OVERHEAD = PART_NONCE + sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES  # 40
PART_KEY_LEN = 32
MAX_BLOB_ID = 64
MAX_PART_INDEX = 2**62
EMPTY_SHA256 = hashlib.sha256(b"").digest()
ZERO_HASH = bytes(32)
MIN_STREAM = SS_HEADER_LEN + ABYTES + 1  # the end-of-items byte is always there

RNG = Callable[[int], bytes]

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


def sealed_ref_len(blob_id_len: int) -> int:
    """Bytes after the metadata of a v2 sealed item: chunk_log2, blob id, index, key."""
    return 1 + 1 + blob_id_len + 8 + PART_KEY_LEN


def part_layout(data_len: int, chunk_log2: int) -> tuple[int, int]:
    """(number of stored chunks, BLOBS bytes) of a sealed part of ``data_len`` >= 1 bytes."""
    c = 1 << chunk_log2
    n = (data_len + c - 1) // c
    return n, data_len + PART_OVERHEAD * n


def part_ad(blob_id: bytes, index: int) -> bytes:
    """AEAD associated data of stored chunk ``index`` of blob ``blob_id``."""
    return blob_id + index.to_bytes(8, "big")


def trailer_len(version: int) -> int:
    return TRAILER_LEN if version == FORMAT_VERSION else TRAILER_LEN_V2


def trailer_magic(version: int) -> bytes:
    return {FORMAT_VERSION_2: TRAILER_MAGIC_V2, FORMAT_VERSION_3: TRAILER_MAGIC_V3}.get(
        version, TRAILER_MAGIC)


def _statement_label(version: int) -> bytes:
    return (labels.BUNDLE_STATEMENT_V3 if version == FORMAT_VERSION_3
            else labels.BUNDLE_STATEMENT_V2)


def blob_tree_root(blob_len: int, leaves: Iterable[bytes]) -> bytes:
    """v3 B_hash from the SHA-256 of every leaf, in order (§9)."""
    h = hashlib.sha256(labels.framed(labels.BLOB_TREE, blob_len.to_bytes(8, "big")))
    for d in leaves:
        h.update(d)
    return h.digest()


def blob_tree_hash(blobs: bytes) -> bytes:
    """v3 B_hash of a whole BLOBS region in memory (reference for tests and vectors)."""
    return blob_tree_root(len(blobs), (hashlib.sha256(blobs[i : i + LEAF_SIZE]).digest()
                                       for i in range(0, len(blobs), LEAF_SIZE)))


@dataclass(frozen=True)
class Statement:
    header_hash: bytes
    stream_hash: bytes
    stream_len: int
    item_count: int
    record_count: int
    version: int = FORMAT_VERSION
    blob_hash: bytes = EMPTY_SHA256  # v2: SHA-256(BLOBS); v3: blob_tree_root
    blob_len: int = 0  # v2 and v3

    def encode(self, label: bytes | None = None) -> bytes:
        if self.version != FORMAT_VERSION:
            return labels.framed(
                label or _statement_label(self.version),
                self.header_hash + self.stream_hash + self.blob_hash,
            ) + struct.pack(">QQII", self.stream_len, self.blob_len, self.item_count,
                            self.record_count)  # fmt: skip
        return labels.framed(label or labels.BUNDLE_STATEMENT,
                             self.header_hash + self.stream_hash) + struct.pack(
            ">QII", self.stream_len, self.item_count, self.record_count
        )

    @property
    def hash(self) -> bytes:
        return hashlib.sha256(self.encode()).digest()

    @classmethod
    def decode(cls, data: bytes, version: int = FORMAT_VERSION) -> Statement:
        if version != FORMAT_VERSION:
            head = labels.framed(_statement_label(version))
            if len(data) != STATEMENT_LEN_V2 or not data.startswith(head):
                raise BundleError("signature",
                                  f"trailer does not hold a v{version} bundle statement")
            o = len(head)
            n, b, items, records = struct.unpack_from(">QQII", data, o + 96)
            return cls(data[o : o + 32], data[o + 32 : o + 64], n, items, records,
                       version, data[o + 64 : o + 96], b)  # fmt: skip
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
    version: int = FORMAT_VERSION

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
    if version not in VERSIONS:
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
        tuple(recips), raw, header_hash(raw), version,
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


def read_statement_unverified(fh: BinaryIO) -> tuple[BundleHeader, bytes, int]:
    """(header, statement bytes, file size) of either version, NOT authenticated: for
    listing files by the statement hash they claim. Raises BundleError."""
    hdr = read_header(fh)
    size = fh.seek(0, 2)
    tlen = trailer_len(hdr.version)
    if size < len(hdr.raw) + tlen:
        raise BundleError("signature", "file too short for a trailer")
    fh.seek(size - tlen)
    stmt = _read_exact(fh, tlen)[: tlen - SIGNATURE_LEN - 8]
    Statement.decode(stmt, hdr.version)
    return hdr, stmt, size


# --- sealing the file key -------------------------------------------------------------
def seal_file_key(file_key: bytes, recipient: PublicKey, rng: RNG | None = None) -> bytes:
    if rng is None:
        return sodium.crypto_box_seal(file_key, bytes(recipient))
    # Deterministic variant for the vector generator only: exactly libsodium's
    # crypto_box_seal construction, with the ephemeral key drawn from ``rng``.
    epk, esk = sodium.crypto_box_seed_keypair(rng(32))
    nonce = sodium.crypto_generichash_blake2b_salt_personal(epk + bytes(recipient), digest_size=24)
    return epk + sodium.crypto_box(file_key, nonce, bytes(recipient), esk)



@dataclass(frozen=True)
class SealedPart:
    """A v2 sealed part: ``data_len`` bytes already encrypted as stored chunks under
    ``key``; ``chunks()`` yields the stored chunks (nonce || ciphertext) in order."""

    key: bytes
    blob_id: bytes
    first_index: int
    chunks: Callable[[], Iterable[bytes]] = field(repr=False)
    chunk_log2: int = 20


@dataclass
class PayloadItem:
    """One typed item. ``meta`` is canonical JSON; attachments stream ``data_len`` bytes
    (``kind == "sealed"``: carried as ``sealed``'s stored chunks, v2 only)."""

    kind: str
    meta: bytes
    data: BinaryIO | None = None
    data_len: int = 0
    sealed: SealedPart | None = None



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
