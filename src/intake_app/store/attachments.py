"""Attachments streamed into the database in fixed-size chunks.

Memory stays constant whatever the file size: a reader thread reads and
hashes the next chunks while the database encrypts and writes the current one
(hashlib and SQLite both release the GIL, so the two cores share the work).
The bytes go from the source file straight into SQLCipher pages: no temp
file, no thumbnail, nothing in plaintext on disk.

An attachment is written in several transactions (so the WAL stays small)
and flagged complete in the last one; incomplete rows left by a crash are
invisible to readers and removed by ``purge_incomplete`` at the next open.

attachments.complete: 0 being written here (a crash leftover if seen at open),
1 complete, 2 received in part at HQ and waiting for the volumes that hold the
rest (kept across opens; invisible to readers until complete).
"""

from __future__ import annotations

import hashlib
import mimetypes
import queue
import threading
from collections.abc import Iterator
from typing import BinaryIO

from intake_app.errors import NotFound
from intake_app.models import AttachmentInfo
from intake_app.store.db import Database
from intake_app.store.records import new_id, now_ms

CHUNK_SIZE = 1 << 20
# Chunks per transaction: 128 MiB of WAL at most between commits.
CHUNKS_PER_COMMIT = 128
_QUEUE_DEPTH = 4
MAX_NAME_LEN = 255


def guess_mime(name: str) -> str:
    mime, _ = mimetypes.guess_type(name, strict=False)
    return mime or "application/octet-stream"


def clean_name(name: str) -> str:
    """Keep only a base name: attachment names are labels, never paths."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip() or "attachment"
    return base[:MAX_NAME_LEN]


def _read_chunks(src: BinaryIO, out: queue.Queue[bytes | BaseException | None],
                 digest: hashlib._Hash, stop: threading.Event) -> None:
    try:
        while not stop.is_set():
            chunk = src.read(CHUNK_SIZE)
            if not chunk:
                break
            digest.update(chunk)
            out.put(chunk)
        out.put(None)
    except BaseException as exc:  # handed to the writer thread, which re-raises it
        out.put(exc)


def add_attachment(db: Database, record_id: str, src: BinaryIO, name: str,
                   mime: str | None = None) -> AttachmentInfo:
    name = clean_name(name)
    mime = mime or guess_mime(name)
    att_id = new_id()
    created = now_ms()
    if db.execute("SELECT 1 FROM records WHERE id = ?", (record_id,)).fetchone() is None:
        raise NotFound(f"no record {record_id}")
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO attachments (id, record_id, name, mime, size, sha256, created_at, "
            "complete) VALUES (?, ?, ?, ?, 0, '', ?, 0)",
            (att_id, record_id, name, mime, created),
        )
    digest = hashlib.sha256()
    chunks: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=_QUEUE_DEPTH)
    stop = threading.Event()
    reader = threading.Thread(target=_read_chunks, args=(src, chunks, digest, stop), daemon=True)
    reader.start()
    size = 0
    idx = 0
    try:
        done = False
        while not done:
            with db.transaction() as conn:
                for _ in range(CHUNKS_PER_COMMIT):
                    item = chunks.get()
                    if item is None:
                        done = True
                        break
                    if isinstance(item, BaseException):
                        raise item
                    conn.execute(
                        "INSERT INTO attachment_chunks (attachment_id, idx, data) VALUES (?, ?, ?)",
                        (att_id, idx, item),
                    )
                    idx += 1
                    size += len(item)
                if done:
                    reader.join()
                    conn.execute(
                        "UPDATE attachments SET size = ?, sha256 = ?, complete = 1 WHERE id = ?",
                        (size, digest.hexdigest(), att_id),
                    )
    except BaseException:
        stop.set()
        while reader.is_alive():
            try:
                chunks.get(timeout=0.1)
            except queue.Empty:
                pass
        delete_attachment(db, att_id)
        raise
    return AttachmentInfo(id=att_id, record_id=record_id, name=name, mime=mime, size=size,
                          sha256=digest.hexdigest(), created_at=created)


def get_attachment(db: Database, att_id: str) -> AttachmentInfo:
    r = db.execute(
        "SELECT id, record_id, name, mime, size, sha256, created_at FROM attachments "
        "WHERE id = ? AND complete = 1",
        (att_id,),
    ).fetchone()
    if r is None:
        raise NotFound(f"no attachment {att_id}")
    return AttachmentInfo(id=r[0], record_id=r[1], name=r[2], mime=r[3], size=r[4], sha256=r[5],
                          created_at=r[6])


def iter_attachment(db: Database, att_id: str) -> Iterator[bytes]:
    """The attachment's bytes, one chunk at a time (constant memory)."""
    get_attachment(db, att_id)
    idx = 0
    while True:
        row = db.execute(
            "SELECT data FROM attachment_chunks WHERE attachment_id = ? AND idx = ?", (att_id, idx)
        ).fetchone()
        if row is None:
            return
        yield bytes(row[0])
        idx += 1


def delete_attachment(db: Database, att_id: str) -> None:
    with db.transaction() as conn:
        conn.execute("DELETE FROM attachments WHERE id = ?", (att_id,))


def purge_incomplete(db: Database) -> int:
    """Remove attachments whose write never finished (a crash mid-write)."""
    with db.transaction() as conn:
        cur = conn.execute("DELETE FROM attachments WHERE complete = 0")
        return int(cur.rowcount)
