"""Verifying without any decryption key: framing, signature, signer, stream hash."""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from nacl.exceptions import CryptoError
from nacl.signing import VerifyKey

from intake_app.crypto.bundle.format import (
    FORMAT_VERSION,
    FORMAT_VERSION_2,
    MIN_STREAM,
    SIGNATURE_LEN,
    BundleHeader,
    Statement,
    _read_exact,
    chunk_layout,
    read_header,
    trailer_len,
    trailer_magic,
)
from intake_app.crypto.bundle.stream import (
    _hash_region,
)
from intake_app.crypto.bundle.tree import hash_tree_region
from intake_app.crypto.keyring import DeviceEntry, Keyring
from intake_app.errors import BundleError


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



def _file_size(fh: BinaryIO) -> int:
    return fh.seek(0, 2)


def verify_bundle(fh: BinaryIO, keyring: Keyring) -> VerifiedBundle:
    """Integrity and origin without any decryption key; ``fh`` is a seekable binary
    file (the trailer is read from its end). Check order (each failure's kind):
    header framing (header) -> trailer framing, statement/header match, Ed25519 (signature)
    -> HQ id (recipient) -> signer enrolled, not revoked (signer) -> stream length
    (signature) -> chunk layout (header) -> stream hash (signature)."""
    v = _verify_statement(fh, keyring)
    st = v.statement
    if _hash_region(fh, len(v.header.raw), st.stream_len) != st.stream_hash:
        raise BundleError("signature", "ciphertext does not match the signed hash")
    if st.version != FORMAT_VERSION:
        at = len(v.header.raw) + st.stream_len
        got = (_hash_region(fh, at, st.blob_len) if st.version == FORMAT_VERSION_2
               else hash_tree_region(fh, at, st.blob_len))
        if got != st.blob_hash:
            raise BundleError("signature", "blob region does not match the signed hash")
    return v


def verify_statement(fh: BinaryIO, keyring: Keyring) -> VerifiedBundle:
    """Every verify check except hashing the stream and blobs (the ones that read the
    whole file). Only for a caller that then opens with ``single_pass=True``, which
    hashes exactly the bytes it reads and checks them before the items end."""
    return _verify_statement(fh, keyring)


def _verify_statement(fh: BinaryIO, keyring: Keyring) -> VerifiedBundle:
    """Every verify check except hashing the stream (the one that reads the whole file)."""
    hdr = read_header(fh)
    size = _file_size(fh)
    tlen = trailer_len(hdr.version)
    if size < len(hdr.raw) + tlen + MIN_STREAM:
        raise BundleError("signature", "file too short: missing signature trailer or stream")
    fh.seek(size - tlen)
    trailer = _read_exact(fh, tlen)
    magic = trailer_magic(hdr.version)
    if len(trailer) != tlen or trailer[-8:] != magic:
        raise BundleError("signature", "missing or malformed signature trailer")
    slen = tlen - SIGNATURE_LEN - len(magic)
    stmt_bytes = trailer[:slen]
    sig = trailer[slen : slen + SIGNATURE_LEN]
    st = Statement.decode(stmt_bytes, hdr.version)
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
    stream_len = size - len(hdr.raw) - tlen - st.blob_len
    if st.stream_len != stream_len:
        raise BundleError("signature", "file length does not match the signed stream length")
    chunk_layout(stream_len, hdr.chunk_log2)
    return VerifiedBundle(hdr, st, st.hash, sig, size, keyring.devices[hdr.device_id])
