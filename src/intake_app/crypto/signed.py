"""One format for every signed document: keyring, receipt, provisioning, device card.

    offset  size  field
    0       8     magic b"INTKSDOC"
    8       2     version u16 BE = 1
    10      1     purpose length p (1..32), then p ASCII bytes (a key of DOCUMENT_PURPOSES)
    11+p    32    signer Ed25519 public key
    43+p    4     body length n u32 BE (1..MAX_BODY), then n bytes canonical JSON object
    47+p+n  64    Ed25519 signature over  label(purpose) || 0x00 || bytes[0 : 47+p+n]
    end           nothing may follow

The purpose label is bound into the signature, so a receipt can never be
replayed as a keyring. A fixed layout (no optional fields) leaves one encoding.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nacl.exceptions import CryptoError
from nacl.signing import SigningKey, VerifyKey

from intake_app.crypto import labels
from intake_app.crypto.canonical import canonical_json, parse_canonical_object
from intake_app.errors import BundleError

MAGIC = b"INTKSDOC"
VERSION = 1
MAX_BODY = 4 * 1024 * 1024
MAX_DOCUMENT = 8 + 2 + 1 + 32 + 32 + 4 + MAX_BODY + 64


@dataclass(frozen=True)
class SignedDocument:
    purpose: str
    body: dict[str, Any]
    signer: VerifyKey
    raw: bytes


def _label(purpose: str) -> bytes:
    try:
        return labels.DOCUMENT_PURPOSES[purpose]
    except KeyError:
        raise ValueError(f"unknown document purpose {purpose!r}") from None


def sign_document(purpose: str, body: Mapping[str, Any], signing_key: SigningKey) -> bytes:
    label = _label(purpose)
    try:
        body_bytes = canonical_json(dict(body))
    except ValueError as e:
        raise ValueError(f"document body is not canonical-JSON encodable: {e}") from None
    if len(body_bytes) > MAX_BODY:
        raise ValueError("document body too large")
    p = purpose.encode("ascii")
    signed_part = (
        MAGIC
        + struct.pack(">HB", VERSION, len(p))
        + p
        + bytes(signing_key.verify_key)
        + struct.pack(">I", len(body_bytes))
        + body_bytes
    )
    sig = signing_key.sign(labels.framed(label, signed_part)).signature
    return signed_part + sig


def open_document(purpose: str, data: bytes, verify_key: VerifyKey | None = None) -> SignedDocument:
    """Parse and verify. Framing problems -> 'header'; bad or foreign signature -> 'signature'."""
    label = _label(purpose)
    data = bytes(data)
    if len(data) > MAX_DOCUMENT:
        raise BundleError("header", "signed document too large")
    if len(data) < 11 or data[:8] != MAGIC:
        raise BundleError("header", "not a signed document (bad magic)")
    version, plen = struct.unpack_from(">HB", data, 8)
    if version != VERSION:
        raise BundleError("header", f"unsupported signed-document version {version}")
    if not 1 <= plen <= 32 or len(data) < 11 + plen + 36:
        raise BundleError("header", "truncated signed document")
    got_purpose = data[11 : 11 + plen]
    off = 11 + plen
    signer_raw = data[off : off + 32]
    (n,) = struct.unpack_from(">I", data, off + 32)
    body_start = off + 36
    if not 1 <= n <= MAX_BODY:
        raise BundleError("header", "signed document body length out of range")
    if len(data) != body_start + n + 64:
        raise BundleError("header", "signed document length does not match its body length")
    if got_purpose != purpose.encode("ascii"):
        raise BundleError("header", f"document is not a {purpose} document")
    signed_part = data[: body_start + n]
    sig = data[body_start + n :]
    try:
        signer = VerifyKey(signer_raw)
        signer.verify(labels.framed(label, signed_part), sig)
    except CryptoError:
        raise BundleError("signature", f"{purpose} signature is invalid") from None
    if verify_key is not None and bytes(verify_key) != signer_raw:
        raise BundleError("signature", f"{purpose} is not signed by the expected key")
    body = parse_canonical_object(data[body_start : body_start + n], kind="header", what="body")
    return SignedDocument(purpose=purpose, body=body, signer=signer, raw=data)
