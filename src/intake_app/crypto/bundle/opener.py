"""Opening at HQ: unseal the file key, decrypt streaming, yield the items."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO, Literal

import nacl.bindings as sodium
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey

from intake_app.crypto.bundle.crew import Crew
from intake_app.crypto.bundle.format import (
    FORMAT_VERSION,
    FORMAT_VERSION_3,
    ITEM_END,
    ITEM_HEAD,
    ITEM_KINDS,
    ITEM_KINDS_V2,
    ITEM_RECORD,
    ITEM_SEALED,
    MAX_ATTACHMENT,
    MAX_BLOB_ID,
    MAX_CHUNK_LOG2,
    MAX_META,
    MAX_PART_INDEX,
    MIN_CHUNK_LOG2,
    PART_KEY_LEN,
    PART_OVERHEAD,
    SS_HEADER_LEN,
    BundleHeader,
    Statement,
    _read_exact,
    chunk_layout,
    part_layout,
    stream_key,
    validate_attachment_meta,
)
from intake_app.crypto.bundle.stream import (
    BlobPart,
    _BlobPipe,
    _Decryptor,
    _PlainReader,
)
from intake_app.crypto.bundle.verifier import (
    VerifiedBundle,
    _verify_statement,
    verify_bundle,
)
from intake_app.crypto.canonical import parse_canonical_object
from intake_app.crypto.keyring import Keyring
from intake_app.crypto.keys import fingerprint_bytes
from intake_app.errors import BundleError


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



ItemKind = Literal["record", "attachment", "sealed"]


class OpenedItem:
    """A decrypted item. For attachments, consume ``chunks()`` before asking the
    iterator for the next item (anything left unread is decrypted and dropped).

    A v2 ``sealed`` item carries no plaintext: ``part`` says which blob, key and chunk
    indices it holds, and ``stored_chunks()`` yields its stored chunks (nonce ||
    ciphertext) from the BLOBS region, each authenticated under the part's key with
    its blob id and index, hashed into the signed blob hash (checked at the end)."""

    def __init__(self, kind: ItemKind, meta: dict[str, Any], meta_bytes: bytes, data_len: int,
                 reader: _PlainReader, part: BlobPart | None = None,
                 blobs: _BlobPipe | None = None) -> None:  # fmt: skip
        self.kind = kind
        self.meta = meta
        self.meta_bytes = meta_bytes
        self.data_len = data_len
        self.part = part
        self._reader = reader
        self._blobs = blobs
        self._left = data_len
        self._live = True

    def stored_chunks(self) -> Iterator[tuple[int, memoryview]]:
        """(chunk index, stored chunk) of a sealed part, in order, each authenticated; the
        chunk is a view valid until the next one is asked for (a reused buffer)."""
        if self.part is None or self._blobs is None:
            raise ValueError("not a sealed item")
        if not self._live:
            raise ValueError("item data read after moving to the next item")
        self._live = False
        yield from self._blobs.chunks(self.part)

    def chunks(self) -> Iterator[bytes]:
        """The attachment bytes, at most one chunk (<= 1 MiB) at a time."""
        if self.part is not None:
            raise ValueError("a sealed item has no plaintext in the bundle")
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
        if self.part is not None:
            if self._live:
                for _ in self.stored_chunks():
                    pass
            return
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
    # One crew for the decrypt, hash and blob threads: the first error among them (or
    # of the consumer's) is what the caller gets, and none outlives this generator.
    with Crew() as crew:
        dec = _Decryptor(crew, fh, state, hdr.hash, n_chunks, last_len, hdr.chunk_size,
                         ss_header, expect)
        dec.start()
        blobs: _BlobPipe | None = None
        if hdr.version != FORMAT_VERSION:
            # The blob region's hash is always checked on the bytes read here: they are
            # what the importer stores, and they are read in this pass only.
            blobs = _BlobPipe(crew, fh, len(hdr.raw) + st.stream_len,
                              (1 << MAX_CHUNK_LOG2) + 64,
                              tree=hdr.version == FORMAT_VERSION_3)
            blobs.start()
        yield from _items(_PlainReader(dec), st, blobs)
        if blobs is not None:
            digest, consumed = blobs.finish()
            if consumed != st.blob_len:
                raise BundleError("payload", "sealed parts do not fill the blob region")
            if digest != st.blob_hash:
                raise BundleError("signature", "blob region does not match the signed hash")


def _sealed_part(rd: _PlainReader, data_len: int, offset: int) -> BlobPart:
    """The binary reference after a sealed item's metadata (docs/bundle-format.md §3)."""
    log2, id_len = rd.read(2)
    if not MIN_CHUNK_LOG2 <= log2 <= MAX_CHUNK_LOG2:
        raise BundleError("payload", "sealed part chunk size out of range")
    if not 1 <= id_len <= MAX_BLOB_ID:
        raise BundleError("payload", "sealed part blob id length out of range")
    blob_id = rd.read(id_len)
    first = int.from_bytes(rd.read(8), "big")
    key = rd.read(PART_KEY_LEN)
    if not 1 <= data_len <= MAX_ATTACHMENT:
        raise BundleError("payload", "sealed part size out of range")
    n, _ = part_layout(data_len, log2)
    if first > MAX_PART_INDEX - n:
        raise BundleError("payload", "sealed part chunk index out of range")
    return BlobPart(offset, data_len, log2, blob_id, first, key)


def _items(rd: _PlainReader, st: Statement, blobs: _BlobPipe | None = None
           ) -> Iterator[OpenedItem]:
    items = records = 0
    blob_off = 0
    kinds = ITEM_KINDS_V2 if blobs is not None else ITEM_KINDS
    while True:
        kind = rd.read(1)[0]
        if kind == ITEM_END:
            break
        if kind not in kinds:
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
        part: BlobPart | None = None
        if kind == ITEM_RECORD:
            if data_len:
                raise BundleError("payload", "record item with attachment data")
        else:
            validate_attachment_meta(meta, data_len)
        if kind == ITEM_SEALED:
            part = _sealed_part(rd, data_len, blob_off)
            blob_off += data_len + PART_OVERHEAD * part_layout(data_len, part.chunk_log2)[0]
            if blob_off > st.blob_len:
                raise BundleError("payload", "sealed parts overrun the blob region")
        kname: ItemKind = "record" if kind == ITEM_RECORD else (
            "sealed" if kind == ITEM_SEALED else "attachment")
        item = OpenedItem(kname, meta, meta_bytes, data_len, rd, part, blobs)
        yield item
        item._finish()
    if not rd.at_end():
        raise BundleError("payload", "data after the end of the items")
    if items != st.item_count or records != st.record_count:
        raise BundleError("payload", "item or record count differs from the signed statement")
