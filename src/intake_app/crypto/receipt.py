"""HQ receipts: HQ signs which (sequence, statement hash) of a device it imported,
so the device may forget them. A "receipt" signed document with body
{"type": "intake-receipt", "hq_id": ID, "device_id": ID,
 "entries": [[sequence, hash hex64], ...]}  strictly ascending, unique, 1..100000,
and, from receipts made since the log witness change, "log": [size, head hex64]: the
head of HQ's event log when the receipt was made. The laptop keeps it as a witness an
auditor can check a later log against (``intake verify --log --since``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nacl.signing import SigningKey, VerifyKey

from intake_app.crypto.keyring import check_id
from intake_app.crypto.signed import open_document, sign_document
from intake_app.errors import BundleError

RECEIPT_TYPE = "intake-receipt"
MAX_ENTRIES = 100_000
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Receipt:
    hq_id: str
    device_id: str
    entries: tuple[tuple[int, str], ...]
    raw: bytes
    log: tuple[int, str] | None = None


def _check_entries(entries: object) -> tuple[tuple[int, str], ...]:
    if not isinstance(entries, list | tuple) or not 1 <= len(entries) <= MAX_ENTRIES:
        raise BundleError("header", "receipt: 1..100000 entries required")
    out: list[tuple[int, str]] = []
    for e in entries:
        if not isinstance(e, list | tuple) or len(e) != 2:
            raise BundleError("header", "receipt: entry must be [sequence, hash]")
        seq, h = e
        if isinstance(seq, bool) or not isinstance(seq, int) or not 1 <= seq < 2**63:
            raise BundleError("header", "receipt: bad sequence")
        if not isinstance(h, str) or not _HEX64.fullmatch(h):
            raise BundleError("header", "receipt: hash must be 64 lowercase hex digits")
        if out and seq <= out[-1][0]:
            raise BundleError("header", "receipt: entries must be strictly ascending")
        out.append((seq, h))
    return tuple(out)


def _check_log(log: object) -> tuple[int, str]:
    if not isinstance(log, list | tuple) or len(log) != 2:
        raise BundleError("header", "receipt: log must be [size, head]")
    size, head = log
    if isinstance(size, bool) or not isinstance(size, int) or not 0 <= size < 2**63:
        raise BundleError("header", "receipt: bad log size")
    if not isinstance(head, str) or not _HEX64.fullmatch(head):
        raise BundleError("header", "receipt: log head must be 64 lowercase hex digits")
    return size, head


def make_receipt(
    hq_signing_key: SigningKey, hq_id: str, device_id: str, entries: list[tuple[int, str]],
    log: tuple[int, str] | None = None,
) -> bytes:
    check_id(hq_id, "hq_id")
    check_id(device_id, "device_id")
    ents = _check_entries(sorted(entries))
    body: dict[str, object] = {
        "type": RECEIPT_TYPE,
        "hq_id": hq_id,
        "device_id": device_id,
        "entries": [[s, h] for s, h in ents],
    }
    if log is not None:
        size, head = _check_log(log)
        body["log"] = [size, head]
    return sign_document("receipt", body, hq_signing_key)


def read_receipt(data: bytes, hq_verify_key: VerifyKey) -> Receipt:
    doc = open_document("receipt", data, hq_verify_key)
    b = doc.body
    keys = set(b)
    if keys - {"log"} != {"type", "hq_id", "device_id", "entries"} or b["type"] != RECEIPT_TYPE:
        raise BundleError("header", "receipt: wrong or missing fields")
    return Receipt(
        check_id(b["hq_id"], "hq_id"),
        check_id(b["device_id"], "device_id"),
        _check_entries(b["entries"]),
        doc.raw,
        _check_log(b["log"]) if "log" in keys else None,
    )
