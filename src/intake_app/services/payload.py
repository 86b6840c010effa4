"""What travels inside a bundle: record revisions and attachment parts.

The crypto layer carries opaque typed items; this module gives them meaning.
Both sides (field export, HQ import) use it, so the two cannot drift apart.

record item meta (canonical JSON):
    {"type": "record", "record_id": hex32, "form_id": str, "form_version": str,
     "created_at": ms, "rev": int >= 1, "saved_at": ms, "values_json": str}
    (values travel as a JSON string because canonical JSON allows no floats)
attachment item meta:
    {"type": "attachment", "attachment_id": hex32, "record_id": hex32, "name": str,
     "mime": str, "total_size": int, "sha256": hex64, "offset": int, "size": int}
    One attachment may be split into parts (each offset a multiple of the
    store's chunk size) so that no volume exceeds its size limit.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, cast

from intake_app import boundedjson
from intake_app.crypto import PayloadItem, safe_attachment_name
from intake_app.crypto.bundle import SealedPart
from intake_app.crypto.canonical import canonical_json
from intake_app.errors import BundleError
from intake_app.store.attachments import CHUNK_SIZE, chunk_key, read_chunk, stored_chunks
from intake_app.store.backend import Store

_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_FORM_ID = re.compile(r"[A-Za-z0-9_.-]{1,128}")
MAX_VALUES_JSON = 768 * 1024


def record_item(*, record_id: str, form_id: str, form_version: str, created_at: int, rev: int,
                saved_at: int, values_json: str) -> PayloadItem:
    meta = {
        "type": "record", "record_id": record_id, "form_id": form_id,
        "form_version": form_version, "created_at": created_at, "rev": rev,
        "saved_at": saved_at, "values_json": values_json,
    }  # fmt: skip
    return PayloadItem("record", canonical_json(meta))


class AttachmentPartReader(io.RawIOBase):
    """Reads bytes [offset, offset+length) of a stored attachment, chunk by chunk."""

    def __init__(self, db: Store, att_id: str, offset: int, length: int) -> None:
        super().__init__()
        if offset % CHUNK_SIZE:
            raise ValueError("attachment parts start on a chunk boundary")
        self._db, self._att, self._idx, self._left = db, att_id, offset // CHUNK_SIZE, length
        self._key = chunk_key(db, att_id)
        self._buf = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self._left <= 0:
            return 0
        if not self._buf:
            data = read_chunk(self._db, self._key, self._att, self._idx)
            if data is None:
                raise BundleError("payload", f"attachment {self._att} is missing data")
            self._buf = memoryview(data)
            self._idx += 1
        n = min(len(b), len(self._buf), self._left)
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]  # a view: no copy of the rest
        self._left -= n
        return n


CHUNK_LOG2 = CHUNK_SIZE.bit_length() - 1


def attachment_items(db: Store, *, att_id: str, record_id: str, name: str, mime: str,
                     total_size: int, sha256: str, part_max: int,
                     sealed: bool = True) -> list[PayloadItem]:
    """The parts of one attachment, each at most ``part_max`` bytes (a chunk multiple).

    An attachment with its own chunk key travels as v2 ``sealed`` parts: its stored
    chunk ciphertexts as they are, with the key inside the encrypted payload (nothing
    is decrypted or encrypted again). Older attachments (no chunk key) and empty ones
    travel inline, encrypted by the bundle's stream."""
    part_max = max(CHUNK_SIZE, part_max - part_max % CHUNK_SIZE)
    offsets = list(range(0, total_size, part_max)) or [0]
    key = chunk_key(db, att_id) if sealed else None
    items = []
    for off in offsets:
        size = min(part_max, total_size - off)
        meta = canonical_json({
            "type": "attachment", "attachment_id": att_id, "record_id": record_id,
            "name": name, "mime": mime, "total_size": total_size, "sha256": sha256,
            "offset": off, "size": size,
        })  # fmt: skip
        if key is not None and size:
            first, count = off // CHUNK_SIZE, (size + CHUNK_SIZE - 1) // CHUNK_SIZE

            def chunks(first: int = first, count: int = count) -> Iterator[bytes]:
                return stored_chunks(db, att_id, first, count)

            part = SealedPart(key, att_id.encode("ascii"), first, chunks, CHUNK_LOG2)
            items.append(PayloadItem("sealed", meta, None, size, part))
            continue
        items.append(PayloadItem("attachment", meta,
                                 cast(BinaryIO, AttachmentPartReader(db, att_id, off, size)),
                                 size))
    return items


def _field(meta: dict[str, Any], key: str, kind: type) -> Any:
    value = meta.get(key)
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise BundleError("payload", f"item field {key} must be an integer")
    if not isinstance(value, kind):
        raise BundleError("payload", f"item field {key} missing or of the wrong type")
    return value


@dataclass(frozen=True)
class RecordPayload:
    record_id: str
    form_id: str
    form_version: str
    created_at: int
    rev: int
    saved_at: int
    values: dict[str, Any]


def parse_record_meta(meta: dict[str, Any]) -> RecordPayload:
    expected = {"type", "record_id", "form_id", "form_version", "created_at", "rev", "saved_at",
                "values_json"}
    if set(meta) != expected or meta.get("type") != "record":
        raise BundleError("payload", "record item has wrong or missing fields")
    rid = _field(meta, "record_id", str)
    if not _HEX32.fullmatch(rid):
        raise BundleError("payload", "record id must be 32 lowercase hex digits")
    form_id = _field(meta, "form_id", str)
    form_version = _field(meta, "form_version", str)
    if not _FORM_ID.fullmatch(form_id) or not _FORM_ID.fullmatch(form_version):
        raise BundleError("payload", "bad form id or version in record item")
    rev = _field(meta, "rev", int)
    created, saved = _field(meta, "created_at", int), _field(meta, "saved_at", int)
    if rev < 1 or created < 0 or saved < 0:
        raise BundleError("payload", "record item numbers out of range")
    text = _field(meta, "values_json", str)
    if len(text) > MAX_VALUES_JSON:
        raise BundleError("payload", "record values too large")
    try:  # bounded: depth, string sizes and value count (boundedjson)
        values = boundedjson.loads(text, max_text=MAX_VALUES_JSON)
    except boundedjson.JsonBoundsError as exc:
        raise BundleError("payload", f"record values refused: {exc}") from None
    if not isinstance(values, dict):
        raise BundleError("payload", "record values must be a JSON object")
    return RecordPayload(rid, form_id, form_version, created, rev, saved, values)


@dataclass(frozen=True)
class AttachmentPart:
    attachment_id: str
    record_id: str
    name: str
    mime: str
    total_size: int
    sha256: str
    offset: int
    size: int


def parse_attachment_meta(meta: dict[str, Any]) -> AttachmentPart:
    expected = {"type", "attachment_id", "record_id", "name", "mime", "total_size", "sha256",
                "offset", "size"}
    if set(meta) != expected or meta.get("type") != "attachment":
        raise BundleError("payload", "attachment item has wrong or missing fields")
    aid, rid = _field(meta, "attachment_id", str), _field(meta, "record_id", str)
    if not _HEX32.fullmatch(aid) or not _HEX32.fullmatch(rid):
        raise BundleError("payload", "attachment ids must be 32 lowercase hex digits")
    name = safe_attachment_name(meta["name"])
    mime = _field(meta, "mime", str)
    if len(mime) > 255 or not mime.isprintable():
        raise BundleError("payload", "bad attachment media type")
    sha = _field(meta, "sha256", str)
    if not _HEX64.fullmatch(sha):
        raise BundleError("payload", "attachment sha256 must be 64 lowercase hex digits")
    total, off, size = (_field(meta, k, int) for k in ("total_size", "offset", "size"))
    if total < 0 or off < 0 or size < 0 or off + size > total or off % CHUNK_SIZE:
        raise BundleError("payload", "attachment part out of range")
    if size == 0 and total != 0:
        raise BundleError("payload", "empty attachment part")
    return AttachmentPart(aid, rid, name, mime, total, sha, off, size)
