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
import struct
import threading
from collections.abc import Iterator
from typing import Any, BinaryIO

import nacl.bindings as sodium
import nacl.exceptions
import nacl.utils

from intake_app.errors import NotFound, StoreCorrupt
from intake_app.models import AttachmentInfo
from intake_app.store.db import Database
from intake_app.store.ids import new_id, now_ms

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


# --- chunk sealing ------------------------------------------------------------------------
# Each chunk is XChaCha20-Poly1305 under the attachment's own random key, with the
# attachment id and chunk index as associated data (no chunk can be moved to another
# place). Stored as nonce || ciphertext. The key lives only in the attachment's row.
KEY_SIZE = 32
_NONCE = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
SEAL_OVERHEAD = _NONCE + sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES
_SEAL_OVERHEAD = SEAL_OVERHEAD
_IDX = struct.Struct(">Q")


def new_chunk_key() -> bytes:
    return nacl.utils.random(KEY_SIZE)


def _ad(att_id: str, idx: int) -> bytes:
    return att_id.encode("ascii") + _IDX.pack(idx)


def seal_chunk(key: bytes | None, att_id: str, idx: int, data: bytes) -> bytes:
    if key is None:  # an attachment written before chunk keys existed
        return data
    nonce = nacl.utils.random(_NONCE)
    return nonce + sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
        data, _ad(att_id, idx), nonce, key)


def open_chunk(key: bytes | None, att_id: str, idx: int, stored: bytes) -> bytes:
    if key is None:
        return bytes(stored)
    try:
        return bytes(sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
            bytes(stored[_NONCE:]), _ad(att_id, idx), bytes(stored[:_NONCE]), key))
    except (nacl.exceptions.CryptoError, ValueError):
        raise StoreCorrupt(f"attachment {att_id} chunk {idx} is damaged") from None


def chunk_key(conn: Any, att_id: str) -> bytes | None:
    row = conn.execute("SELECT chunk_key FROM attachments WHERE id = ?", (att_id,)).fetchone()
    if row is None:
        raise NotFound(f"no attachment {att_id}")
    return None if row[0] is None else bytes(row[0])


def write_chunk(conn: Any, key: bytes | None, att_id: str, idx: int, data: bytes) -> None:
    conn.execute("INSERT OR REPLACE INTO attachment_chunks (attachment_id, idx, data) "
                 "VALUES (?, ?, ?)", (att_id, idx, seal_chunk(key, att_id, idx, data)))


def read_chunk(conn: Any, key: bytes | None, att_id: str, idx: int) -> bytes | None:
    row = conn.execute("SELECT data FROM attachment_chunks WHERE attachment_id = ? AND idx = ?",
                       (att_id, idx)).fetchone()
    return None if row is None else open_chunk(key, att_id, idx, row[0])


def stored_chunks(conn: Any, att_id: str, first: int, count: int) -> Iterator[bytes]:
    """Chunks ``first`` .. ``first + count - 1`` exactly as stored (nonce || ciphertext),
    not decrypted: what a v2 bundle carries (docs/bundle-format.md §8)."""
    for idx in range(first, first + count):
        row = conn.execute("SELECT data FROM attachment_chunks WHERE attachment_id = ? AND "
                           "idx = ?", (att_id, idx)).fetchone()
        if row is None:
            raise StoreCorrupt(f"attachment {att_id} is missing chunk {idx}")
        yield bytes(row[0])


def erase_attachments(conn: Any, where: str, params: tuple[Any, ...]) -> None:
    """Delete attachments selected by ``where`` (SQL over table ``attachments``).

    Crypto-erase: the chunks go first without page overwriting (they stay sealed
    under keys about to be destroyed), then the small rows holding the keys are
    deleted with secure_delete on. Runs inside the caller's transaction."""
    conn.execute("PRAGMA secure_delete = OFF")
    try:
        conn.execute("DELETE FROM attachment_chunks WHERE attachment_id IN "
                     f"(SELECT id FROM attachments WHERE {where} AND chunk_key IS NOT NULL)",
                     params)
    finally:
        conn.execute("PRAGMA secure_delete = ON")
    conn.execute(f"DELETE FROM attachments WHERE {where}", params)


def _read_chunks(src: BinaryIO, out: queue.Queue[bytes | BaseException | None],
                 digest: hashlib._Hash, stop: threading.Event, key: bytes,
                 att_id: str) -> None:
    # Hashing and sealing happen here, on the second core, while the database writes.
    try:
        idx = 0
        while not stop.is_set():
            chunk = src.read(CHUNK_SIZE)
            if not chunk:
                break
            digest.update(chunk)
            out.put(seal_chunk(key, att_id, idx, chunk))
            idx += 1
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
    key = new_chunk_key()
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO attachments (id, record_id, name, mime, size, sha256, created_at, "
            "complete, chunk_key) VALUES (?, ?, ?, ?, 0, '', ?, 0, ?)",
            (att_id, record_id, name, mime, created, key),
        )
    digest = hashlib.sha256()
    chunks: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=_QUEUE_DEPTH)
    stop = threading.Event()
    reader = threading.Thread(target=_read_chunks, args=(src, chunks, digest, stop, key, att_id),
                              daemon=True)
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
                    size += len(item) - _SEAL_OVERHEAD
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
    key = chunk_key(db, att_id)
    idx = 0
    while True:
        data = read_chunk(db, key, att_id, idx)
        if data is None:
            return
        yield data
        idx += 1


def delete_attachment(db: Database, att_id: str) -> None:
    with db.transaction() as conn:
        erase_attachments(conn, "id = ?", (att_id,))


def purge_incomplete(db: Database) -> int:
    """Remove attachments whose write never finished (a crash mid-write)."""
    with db.transaction() as conn:
        n = conn.execute("SELECT count(*) FROM attachments WHERE complete = 0").fetchone()[0]
        erase_attachments(conn, "complete = 0", ())
        return int(n)
