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
* Version 2 adds a BLOBS region after the stream: attachment chunks carried exactly as
  the field store holds them (each under its attachment's own key, whose descriptor
  travels inside the encrypted stream), signed as SHA-256(BLOBS) in a longer statement.
* Version 3 is version 2 with BLOBS signed as a hash tree over 1 MiB leaves, which
  writer, verifier and HQ hash on two cores (``blob_tree_root``).

The package: ``format`` (constants, header, statement, pure functions), ``stream``
(cffi push/pull and its threads), ``crew`` (how those threads hand an error to the
caller), ``writer``, ``verifier`` and ``opener``.
"""

from intake_app.crypto.bundle.format import (
    ABYTES,
    DEFAULT_CHUNK_LOG2,
    FORMAT_VERSION,
    FORMAT_VERSION_2,
    FORMAT_VERSION_3,
    ITEM_ATTACHMENT,
    ITEM_END,
    ITEM_HEAD,
    ITEM_KINDS,
    ITEM_RECORD,
    ITEM_SEALED,
    MAGIC,
    MAX_ATTACHMENT,
    MAX_CHUNK,
    MAX_CHUNK_LOG2,
    MAX_HEADER,
    MAX_ITEMS,
    MAX_META,
    MAX_RECIPIENTS,
    MAX_SEQUENCE,
    MIN_CHUNK_LOG2,
    MIN_STREAM,
    PART_OVERHEAD,
    PREFIX_LEN,
    RNG,
    SEALED_KEY_LEN,
    SIGNATURE_LEN,
    SS_HEADER_LEN,
    STANZA_LEN,
    STATEMENT_LEN,
    STATEMENT_LEN_V2,
    SUITE,
    TAG_FINAL,
    TAG_MESSAGE,
    TRAILER_LEN,
    TRAILER_LEN_V2,
    TRAILER_MAGIC,
    TRAILER_MAGIC_V3,
    ZERO_HASH,
    BundleHeader,
    PayloadItem,
    Recipient,
    SealedPart,
    Statement,
    blob_tree_hash,
    blob_tree_root,
    chunk_ad,
    chunk_layout,
    encode_header,
    header_hash,
    parse_bundle_unverified,
    parse_header,
    part_ad,
    part_layout,
    read_header,
    read_statement_unverified,
    safe_attachment_name,
    seal_file_key,
    stream_key,
    stream_length,
    trailer_len,
    validate_attachment_meta,
)
from intake_app.crypto.bundle.opener import (
    OpenedItem,
    open_bundle,
    unseal_file_key,
)
from intake_app.crypto.bundle.verifier import (
    VerifiedBundle,
    verify_bundle,
    verify_statement,
)
from intake_app.crypto.bundle.writer import (
    BundleInfo,
    BundleWriter,
    write_bundle,
)

__all__ = [
    "ABYTES",
    "DEFAULT_CHUNK_LOG2",
    "FORMAT_VERSION",
    "FORMAT_VERSION_2",
    "FORMAT_VERSION_3",
    "ITEM_ATTACHMENT",
    "ITEM_END",
    "ITEM_HEAD",
    "ITEM_KINDS",
    "ITEM_RECORD",
    "ITEM_SEALED",
    "MAGIC",
    "MAX_ATTACHMENT",
    "MAX_CHUNK",
    "MAX_CHUNK_LOG2",
    "MAX_HEADER",
    "MAX_ITEMS",
    "MAX_META",
    "MAX_RECIPIENTS",
    "MAX_SEQUENCE",
    "MIN_CHUNK_LOG2",
    "MIN_STREAM",
    "PART_OVERHEAD",
    "PREFIX_LEN",
    "RNG",
    "SEALED_KEY_LEN",
    "SIGNATURE_LEN",
    "SS_HEADER_LEN",
    "STANZA_LEN",
    "STATEMENT_LEN",
    "STATEMENT_LEN_V2",
    "SUITE",
    "TAG_FINAL",
    "TAG_MESSAGE",
    "TRAILER_LEN",
    "TRAILER_LEN_V2",
    "TRAILER_MAGIC",
    "TRAILER_MAGIC_V3",
    "ZERO_HASH",
    "BundleHeader",
    "BundleInfo",
    "BundleWriter",
    "OpenedItem",
    "PayloadItem",
    "Recipient",
    "SealedPart",
    "Statement",
    "VerifiedBundle",
    "blob_tree_hash",
    "blob_tree_root",
    "chunk_ad",
    "chunk_layout",
    "encode_header",
    "header_hash",
    "open_bundle",
    "parse_bundle_unverified",
    "parse_header",
    "part_ad",
    "part_layout",
    "read_header",
    "read_statement_unverified",
    "safe_attachment_name",
    "seal_file_key",
    "stream_key",
    "stream_length",
    "trailer_len",
    "unseal_file_key",
    "validate_attachment_meta",
    "verify_bundle",
    "verify_statement",
    "write_bundle",
]
