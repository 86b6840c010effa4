"""Writing a decrypted bundle's items into the HQ store, inside one transaction.

The caller opened the transaction and commits only after the item iterator is
exhausted (the bundle's end of stream and signed counts confirmed). Any
BundleError raised here or by the iterator rolls everything back.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from intake_app.crypto import OpenedItem
from intake_app.errors import BundleError
from intake_app.paths import FILE_MODE
from intake_app.services.payload import (
    CHUNK_LOG2,
    RecordPayload,
    parse_attachment_meta,
    parse_record_meta,
)
from intake_app.services.writer import Writer
from intake_app.store.attachments import CHUNK_SIZE
from intake_app.store.received import (
    prepare,
    store_attachment_part,
    store_revisions,
    store_sealed_part,
)

Check = Callable[[RecordPayload], None]  # validates a record (BundleError if it does not)
# Records written together (store.received.store_revisions): a few statements per batch
# instead of several round trips per record; all of them still in the bundle's one
# transaction.
RECORD_BATCH = 500

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: the in-transaction check still holds
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def import_lock(path: Path, on_wait: Callable[[], None] | None) -> Iterator[None]:
    """Held by whoever imports into one HQ store (CLI, GUI, drop box fetch), so two runs
    at once do not both decide a bundle is new (finding 3 of issue 14)."""
    if fcntl is None:
        yield
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def import_items(conn: Any, items: Iterator[OpenedItem], *, device_id: str, seq: int,
                 check: Check, progress: Callable[[int, int], None] | None,
                 total: int) -> tuple[int, int]:
    """Returns (records with a new revision, new attachments).

    Records, not revisions: a record saved several times travels as several revisions,
    and the field app says how many records it sealed (the two counts must agree)."""
    new_records: set[str] = set()
    attachments = 0
    done = 0

    def on_bytes(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    batch: list[RecordPayload] = []
    texts: list[tuple[str, str]] = []  # store.received.prepare of each, made here
    # A full batch is written by the writer thread (services.writer) while this one
    # decrypts, parses, validates and prepares (JSON, search text) the next.
    with Writer("hq-import-writer") as writer:

        def flush() -> None:
            if batch:
                writer.submit(functools.partial(store_revisions, conn, list(batch), device_id,
                                                seq, list(texts)), new_records.update)
                batch.clear()
                texts.clear()

        for item in items:
            if item.kind == "record":
                r = parse_record_meta(item.meta)
                check(r)
                batch.append(r)
                texts.append(prepare(conn, r))
                if len(batch) >= RECORD_BATCH:
                    flush()
                continue
            flush()  # an attachment's record must be in the store before it
            writer.settle()
            if item.kind == "sealed":
                part = parse_attachment_meta(item.meta)
                ref = item.part
                # The part's blob must be this attachment's, at this offset, in the
                # store's chunk size: the opener authenticated the chunks under exactly
                # these.
                if (ref is None or ref.blob_id != part.attachment_id.encode("ascii")
                        or ref.first_index != part.offset // CHUNK_SIZE
                        or ref.chunk_log2 != CHUNK_LOG2):
                    raise BundleError("payload", f"sealed part of attachment "
                                                 f"{part.attachment_id} names another blob,"
                                                 " offset or chunk size")
                attachments += store_sealed_part(conn, part, ref.key, item.stored_chunks(),
                                                 on_bytes, device_id)
            else:
                part = parse_attachment_meta(item.meta)
                attachments += store_attachment_part(conn, part, item.chunks(), on_bytes,
                                                     device_id)
        flush()
    return len(new_records), attachments
