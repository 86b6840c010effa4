"""Key generation, fingerprints and (de)serialisation.

Device keys are Ed25519 (signing). HQ has one Ed25519 signing key (keyrings,
receipts, provisioning) and one or more X25519 recipient keys (main, offline
backup, rotation). All public keys travel as 64 lowercase hex digits.

Fingerprint: F = BLAKE2b-160(FINGERPRINT label || 0x00 || 32-byte public key).
Shown as the 160-bit big-endian integer F written as 50 decimal digits
(zero-padded) in 10 groups of 5 separated by spaces: digits read the same in
Dari, Pashto, Urdu and English and survive a phone call or a handwritten note.
The bundle header carries the raw 20 bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nacl.bindings import crypto_generichash_blake2b_salt_personal as blake2b
from nacl.public import PrivateKey, PublicKey
from nacl.signing import SigningKey, VerifyKey

from intake_app.crypto import labels
from intake_app.errors import BundleError

FINGERPRINT_BYTES = 20
KEY_BYTES = 32
_HEX64 = re.compile(r"[0-9a-f]{64}")
_FP_TEXT = re.compile(r"(\d{5} ){9}\d{5}")


def fingerprint_bytes(public_key_bytes: bytes) -> bytes:
    """The raw 20-byte fingerprint of a 32-byte public key (Ed25519 or X25519)."""
    if len(public_key_bytes) != KEY_BYTES:
        raise ValueError("public key must be 32 bytes")
    return blake2b(
        labels.framed(labels.FINGERPRINT, bytes(public_key_bytes)), digest_size=FINGERPRINT_BYTES
    )


def format_fingerprint(fp: bytes) -> str:
    if len(fp) != FINGERPRINT_BYTES:
        raise ValueError("fingerprint must be 20 bytes")
    digits = f"{int.from_bytes(fp, 'big'):050d}"
    return " ".join(digits[i : i + 5] for i in range(0, 50, 5))


def parse_fingerprint(text: str) -> bytes:
    """Inverse of format_fingerprint (exact form only)."""
    if not _FP_TEXT.fullmatch(text):
        raise ValueError("fingerprint must be 10 groups of 5 digits")
    n = int(text.replace(" ", ""))
    if n >= 1 << 160:
        raise ValueError("fingerprint out of range")
    return n.to_bytes(FINGERPRINT_BYTES, "big")


def fingerprint(public_key_bytes: bytes) -> str:
    """Human-comparable fingerprint, e.g. '01234 56789 ... 43210' (10 groups)."""
    return format_fingerprint(fingerprint_bytes(public_key_bytes))


@dataclass(frozen=True)
class HQKeys:
    signing_key: SigningKey
    recipient_keys: tuple[PrivateKey, ...]


def generate_device_key() -> SigningKey:
    return SigningKey.generate()


def generate_hq_keys(n_recipients: int = 2) -> HQKeys:
    """HQ signing key plus ``n_recipients`` X25519 keys (default: main + offline backup)."""
    if not 1 <= n_recipients <= 16:
        raise ValueError("1..16 recipient keys")
    return HQKeys(SigningKey.generate(), tuple(PrivateKey.generate() for _ in range(n_recipients)))


def to_hex(key: VerifyKey | PublicKey | SigningKey | PrivateKey | bytes) -> str:
    return bytes(key).hex()


def _hex32(text: str, what: str) -> bytes:
    if not isinstance(text, str) or not _HEX64.fullmatch(text):
        raise BundleError("header", f"{what} must be 64 lowercase hex digits")
    return bytes.fromhex(text)


def verify_key_from_hex(text: str) -> VerifyKey:
    return VerifyKey(_hex32(text, "Ed25519 public key"))


def public_key_from_hex(text: str) -> PublicKey:
    return PublicKey(_hex32(text, "X25519 public key"))


def signing_key_from_bytes(seed: bytes) -> SigningKey:
    if len(seed) != KEY_BYTES:
        raise ValueError("signing key seed must be 32 bytes")
    return SigningKey(seed)


def private_key_from_bytes(raw: bytes) -> PrivateKey:
    if len(raw) != KEY_BYTES:
        raise ValueError("private key must be 32 bytes")
    return PrivateKey(raw)
