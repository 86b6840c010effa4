"""Cryptographic core: keys, signed documents, keyring, receipts and sealed bundles.

Only PyNaCl (libsodium) primitives. The format is specified in docs/bundle-format.md.
"""

from intake_app.crypto.bundle import (
    BundleHeader,
    BundleInfo,
    BundleWriter,
    OpenedItem,
    PayloadItem,
    VerifiedBundle,
    open_bundle,
    parse_bundle_unverified,
    safe_attachment_name,
    validate_attachment_meta,
    verify_bundle,
    verify_statement,
    write_bundle,
)
from intake_app.crypto.chain import ChainFinding, check_chain, enforce_chain
from intake_app.crypto.keyring import DeviceEntry, Keyring
from intake_app.crypto.keys import fingerprint, generate_device_key, generate_hq_keys
from intake_app.crypto.receipt import Receipt, make_receipt, read_receipt
from intake_app.crypto.signed import SignedDocument, open_document, sign_document

__all__ = [
    "BundleHeader",
    "BundleInfo",
    "BundleWriter",
    "ChainFinding",
    "DeviceEntry",
    "Keyring",
    "OpenedItem",
    "PayloadItem",
    "Receipt",
    "SignedDocument",
    "VerifiedBundle",
    "check_chain",
    "enforce_chain",
    "fingerprint",
    "generate_device_key",
    "generate_hq_keys",
    "make_receipt",
    "open_bundle",
    "open_document",
    "parse_bundle_unverified",
    "read_receipt",
    "safe_attachment_name",
    "sign_document",
    "validate_attachment_meta",
    "verify_bundle",
    "verify_statement",
    "write_bundle",
]
