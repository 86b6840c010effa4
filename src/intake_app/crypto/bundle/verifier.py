"""Verifying without any decryption key: framing, signature, signer, stream hash."""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from nacl.exceptions import CryptoError
from nacl.signing import VerifyKey

from intake_app.crypto.bundle.format import (
    MIN_STREAM,
    SIGNATURE_LEN,
    STATEMENT_LEN,
    TRAILER_LEN,
    TRAILER_MAGIC,
    BundleHeader,
    Statement,
    _read_exact,
    chunk_layout,
    read_header,
)
from intake_app.crypto.bundle.stream import (
    _hash_region,
)
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
