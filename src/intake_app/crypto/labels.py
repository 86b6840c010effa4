"""Context labels: one per key-derivation, hash and signature purpose.

Every label is distinct ASCII without NUL. Wherever a label prefixes data it is
followed by a single 0x00 byte, so no label/data pair can be read as another.
Changing any of these changes the format: bump the version in crypto/bundle/format.py.
"""

from __future__ import annotations

from typing import Final

PREFIX: Final = b"intake_app/v1 "

# Bundle
BUNDLE_HEADER: Final = PREFIX + b"bundle-header"  # H = SHA-256(label 0x00 header)
BUNDLE_STATEMENT: Final = PREFIX + b"bundle-statement"  # what the device signs
BUNDLE_STATEMENT_V2: Final = PREFIX + b"bundle-statement-v2"  # what it signs in a v2 bundle
BUNDLE_STATEMENT_V3: Final = PREFIX + b"bundle-statement-v3"  # what it signs in a v3 bundle
BLOB_TREE: Final = PREFIX + b"blob-tree"  # v3: B_hash = SHA-256(label 0x00 u64(Bn) leaf hashes)
PAYLOAD_KEY: Final = PREFIX + b"payload-key"  # stream key = BLAKE2b(key=file_key, label 0x00 H)

# Keys
FINGERPRINT: Final = PREFIX + b"fingerprint"

# Signed documents (signed.py): purpose name -> signature label
DOC_KEYRING: Final = PREFIX + b"keyring"
DOC_RECEIPT: Final = PREFIX + b"receipt"
DOC_PROVISIONING: Final = PREFIX + b"provisioning"
DOC_DEVICE_CARD: Final = PREFIX + b"device-card"
DOC_LOG_CHECKPOINT: Final = PREFIX + b"log-checkpoint"  # HQ's signed head of its event log

# HQ event log (intake_app.hq.eventlog): entry hash = SHA-256(label 0x00 canonical entry)
LOG_ENTRY: Final = PREFIX + b"log-entry"

DOCUMENT_PURPOSES: Final[dict[str, bytes]] = {
    "keyring": DOC_KEYRING,
    "receipt": DOC_RECEIPT,
    "provisioning": DOC_PROVISIONING,
    "device-card": DOC_DEVICE_CARD,
    "log-checkpoint": DOC_LOG_CHECKPOINT,
}

ALL_LABELS: Final = (
    BUNDLE_HEADER,
    BUNDLE_STATEMENT,
    BUNDLE_STATEMENT_V2,
    BUNDLE_STATEMENT_V3,
    BLOB_TREE,
    PAYLOAD_KEY,
    FINGERPRINT,
    DOC_KEYRING,
    DOC_RECEIPT,
    DOC_PROVISIONING,
    DOC_DEVICE_CARD,
    DOC_LOG_CHECKPOINT,
    LOG_ENTRY,
)


def framed(label: bytes, data: bytes = b"") -> bytes:
    """label || 0x00 || data: the one way a label is combined with data."""
    return label + b"\x00" + data
