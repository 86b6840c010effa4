"""Writing a decrypted bundle's items into the HQ store, inside one transaction.

The caller opened the transaction and commits only after the item iterator is
exhausted (the bundle's end of stream and signed counts confirmed). Any
BundleError raised here or by the iterator rolls everything back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from intake_app.crypto import OpenedItem
from intake_app.services.payload import parse_attachment_meta, parse_record_meta
from intake_app.store.received import store_attachment_part, store_revision

Check = Callable[[str, str, dict[str, Any]], None]


def import_items(conn: Any, items: Iterator[OpenedItem], *, device_id: str, seq: int,
                 check: Check, progress: Callable[[int, int], None] | None,
                 total: int) -> tuple[int, int]:
    """Returns (new record revisions, new attachments)."""
    records = attachments = 0
    done = 0

    def on_bytes(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    for item in items:
        if item.kind == "record":
            r = parse_record_meta(item.meta)
            check(r.form_id, r.form_version, r.values)
            records += store_revision(conn, r, device_id, seq)
        else:
            part = parse_attachment_meta(item.meta)
            attachments += store_attachment_part(conn, part, item.chunks(), on_bytes,
                                                 device_id)
    return records, attachments
