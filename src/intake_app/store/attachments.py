"""Attachments streamed in fixed-size sealed chunks into a blob file beside the store.

Memory stays constant whatever the file size: a reader thread reads and hashes
the next chunks while this thread seals (under the attachment's own key) and
writes the current one (hashlib, libsodium and file writes release the GIL, so
the two cores share the work). Only sealed chunks reach the disk: no temp file,
no thumbnail, nothing in plaintext. The blob file holds them as stored
(store/blobs.py); the key, name, size and metadata stay in SQLCipher, so destroying
the store's key erases them all. Attachments written before schema 9 (and v1
imports at HQ) keep their chunks in ``attachment_chunks`` and read as before.

The row (complete = 0) commits before the file is written and is flagged
complete after the file is fsynced; incomplete rows left by a crash are
invisible to readers and removed, with their files, by ``purge_incomplete``.

attachments.complete: 0 being written here (a crash leftover if seen at open),
1 complete, 2 received in part at HQ and waiting for the volumes that hold the
rest (kept across opens; invisible to readers until complete).
"""

from __future__ import annotations

import hashlib
import importlib
import mimetypes
import queue
import struct
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any, BinaryIO

import nacl.bindings as sodium
import nacl.exceptions
import nacl.utils

from intake_app.errors import NotFound, ObjectStoreError, StoreCorrupt
from intake_app.models import AttachmentInfo
from intake_app.store import blobs
from intake_app.store.backend import Store
from intake_app.store.blobs import CHUNK_SIZE as CHUNK_SIZE
from intake_app.store.blobs import SEAL_OVERHEAD as SEAL_OVERHEAD
from intake_app.store.db import after_commit
from intake_app.store.ids import new_id, now_ms
from intake_app.store.pg import member_reads
from intake_app.store.pg import roles as pg_roles

_QUEUE_DEPTH = 4
# The sweep at open spares objects younger than this (an import elsewhere may be about
# to commit the row naming one); after a failed import this process sweeps at once.
SWEEP_GRACE = timedelta(hours=1)
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


try:  # PyNaCl's own cffi binding of libsodium: seal into a reused buffer
    _sodium_lib: Any = importlib.import_module("nacl._sodium")
    _LIB, _FFI = _sodium_lib.lib, _sodium_lib.ffi
except (ImportError, AttributeError):  # pragma: no cover - other PyNaCl builds
    _LIB = _FFI = None


def seal_chunk_into(out: bytearray, key: bytes, att_id: str, idx: int, data: bytes) -> int:
    """``seal_chunk`` written into ``out`` (>= len(data) + SEAL_OVERHEAD bytes); returns
    the stored length. The attach path seals 1 MiB chunks without fresh 1 MiB objects
    and copies per chunk (the binding's allocations cost as much as the cipher)."""
    if _LIB is None:
        sealed = seal_chunk(key, att_id, idx, data)
        out[: len(sealed)] = sealed
        return len(sealed)
    if len(out) < len(data) + SEAL_OVERHEAD:
        raise ValueError("chunk larger than its buffer")
    out[:_NONCE] = nacl.utils.random(_NONCE)
    mv = memoryview(out)
    ad = _ad(att_id, idx)
    rc = _LIB.crypto_aead_xchacha20poly1305_ietf_encrypt(
        _FFI.from_buffer(mv[_NONCE:]), _FFI.NULL, data, len(data), ad, len(ad), _FFI.NULL,
        _FFI.from_buffer(mv[:_NONCE]), key)
    if rc != 0:
        raise RuntimeError("chunk sealing failed")
    return len(data) + SEAL_OVERHEAD


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


def _stored(conn: Any, att_id: str, idx: int) -> bytes | None:
    """Stored chunk ``idx`` from its row, or from the blob file when the row is only
    the marker (empty data, store/blobs.py)."""
    row = conn.execute("SELECT data FROM attachment_chunks WHERE attachment_id = ? AND idx = ?",
                       (att_id, idx)).fetchone()
    if row is None:
        return None
    if len(row[0]):
        return bytes(row[0])
    blob, size = conn.execute("SELECT blob, size FROM attachments WHERE id = ?",
                              (att_id,)).fetchone()
    where = blob_store(conn)
    data = None if blob is None or where is None else where.read_stored(
        str(blob), idx, blobs.stored_len(int(size), idx))
    if data is None:
        raise StoreCorrupt(f"attachment {att_id} is missing its blob file or chunk {idx}")
    return data


def store_file(conn: Any) -> Path:
    """The SQLCipher file the blob files sit beside."""
    return Path(conn.execute("PRAGMA database_list").fetchone()[2])


def has_blob_files(conn: Any) -> bool:
    """A SQLCipher store, with its ``blobs/`` folder (a PostgreSQL one has none)."""
    return getattr(conn, "dialect", "sqlite") == "sqlite"


def blob_store(conn: Any) -> blobs.BlobStore | None:
    """Where this store's blobs live: the folder beside the SQLCipher file, a team HQ's
    bucket (``store.s3blobs``, set on the PostgreSQL connection), or None (PostgreSQL
    without object storage: sealed chunks stay ``bytea`` rows)."""
    if has_blob_files(conn):
        return blobs.LocalBlobs(store_file(conn))
    found: blobs.BlobStore | None = getattr(conn, "blob_store", None)
    return found


def read_chunk(conn: Any, key: bytes | None, att_id: str, idx: int) -> bytes | None:
    stored = _stored(conn, att_id, idx)
    return None if stored is None else open_chunk(key, att_id, idx, stored)


def stored_chunks(conn: Any, att_id: str, first: int, count: int) -> Iterator[bytes]:
    """Chunks ``first`` .. ``first + count - 1`` exactly as stored (nonce || ciphertext),
    not decrypted: what a v2 bundle carries (docs/bundle-format.md §8). From a blob
    file: one open, sequential reads."""
    row = conn.execute("SELECT blob, size FROM attachments WHERE id = ?", (att_id,)).fetchone()
    have = conn.execute("SELECT count(*) FROM attachment_chunks WHERE attachment_id = ? AND "
                        "idx >= ? AND idx < ? AND length(data) = 0",
                        (att_id, first, first + count)).fetchone()[0]
    if row is None or row[0] is None or have != count:
        for idx in range(first, first + count):
            stored = _stored(conn, att_id, idx)
            if stored is None:
                raise StoreCorrupt(f"attachment {att_id} is missing chunk {idx}")
            yield stored
        return
    where = blob_store(conn)
    if where is None:
        raise StoreCorrupt(f"attachment {att_id} names a blob but this store has none")
    yield from where.read_run(str(row[0]), int(row[1]), first, count, att_id)


def blob_file_of(conn: Any, att_id: str, first: int, count: int) -> Path | None:
    """The local blob file holding chunks ``first`` .. ``first + count - 1`` of an
    attachment (they sit at ``idx * STRIDE`` in it, back to back), or None when they are
    rows (pre-schema-9 attachments) or the store has no blob folder. The file is never
    written again once the attachment is complete: the field outbox keeps it by hard
    link (services/outbox.py)."""
    if not has_blob_files(conn):
        return None
    row = conn.execute("SELECT blob FROM attachments WHERE id = ? AND complete = 1",
                       (att_id,)).fetchone()
    if row is None or row[0] is None or not blobs.is_blob_name(str(row[0])):
        return None
    have = conn.execute("SELECT count(*) FROM attachment_chunks WHERE attachment_id = ? AND "
                        "idx >= ? AND idx < ? AND length(data) = 0",
                        (att_id, first, first + count)).fetchone()[0]
    return blobs.blob_dir(store_file(conn)) / str(row[0]) if have == count else None


def erase_attachments(conn: Any, where: str, params: tuple[Any, ...]) -> None:
    """Delete attachments selected by ``where`` (SQL over table ``attachments``).

    Crypto-erase: the chunks go first without page overwriting (they stay sealed
    under keys about to be destroyed), then the small rows holding the keys are
    deleted with secure_delete on. Runs inside the caller's transaction."""
    names = blobs.names_in(conn, where, params)
    held = blob_store(conn) if names else None
    if held is not None:
        # The blobs go once the rows (and keys) are gone for good: after the commit, so
        # a rollback keeps a readable attachment; a failed delete leaves ciphertext
        # under a destroyed key, which the sweep removes (store/blobs.py, s3blobs.py).
        after_commit(conn, lambda: held.remove(names))
    sqlite = getattr(conn, "dialect", "sqlite") == "sqlite"  # PostgreSQL: no such pragma
    if sqlite:
        conn.execute("PRAGMA secure_delete = OFF")
    try:
        conn.execute("DELETE FROM attachment_chunks WHERE attachment_id IN "
                     f"(SELECT id FROM attachments WHERE {where} AND chunk_key IS NOT NULL)",
                     params)
    finally:
        if sqlite:
            conn.execute("PRAGMA secure_delete = ON")
    conn.execute(f"DELETE FROM attachments WHERE {where}", params)


def _read_chunks(src: BinaryIO, out: queue.Queue[bytes | BaseException | None],
                 digest: hashlib._Hash, stop: threading.Event) -> None:
    # Reading and hashing happen here, on the second core, while the caller's thread
    # seals and writes (hashlib, libsodium and file writes all release the GIL).
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


def add_attachment(db: Store, record_id: str, src: BinaryIO, name: str,
                   mime: str | None = None) -> AttachmentInfo:
    """Stream ``src`` into a new blob file (store/blobs.py) sealed chunk by chunk under
    the attachment's own key. Order: the row (complete = 0, naming the blob) commits
    first, then the file is written and fsynced, then one transaction marks the chunks
    and completes the row; a crash before the end leaves a row that
    ``purge_incomplete`` erases (and its file) at the next open."""
    name = clean_name(name)
    mime = mime or guess_mime(name)
    att_id = new_id()
    created = now_ms()
    if db.execute("SELECT 1 FROM records WHERE id = ?", (record_id,)).fetchone() is None:
        raise NotFound(f"no record {record_id}")
    key = new_chunk_key()
    with db.transaction() as conn:
        blob = blobs.new_name(conn)
        conn.execute(
            "INSERT INTO attachments (id, record_id, name, mime, size, sha256, created_at, "
            "complete, chunk_key, blob) VALUES (?, ?, ?, ?, 0, '', ?, 0, ?, ?)",
            (att_id, record_id, name, mime, created, key, blob),
        )
    digest = hashlib.sha256()
    chunks: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=_QUEUE_DEPTH)
    stop = threading.Event()
    reader = threading.Thread(target=_read_chunks, args=(src, chunks, digest, stop),
                              daemon=True)
    size = idx = 0
    writer: blobs.BlobWriter | None = None
    try:
        writer = blobs.BlobWriter(db.path, blob)
        reader.start()
        sealed = bytearray(CHUNK_SIZE + SEAL_OVERHEAD)
        while (item := chunks.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            n = seal_chunk_into(sealed, key, att_id, idx, item)
            writer.write(idx, memoryview(sealed)[:n])
            idx += 1
            size += len(item)
        reader.join()
        w, writer = writer, None
        w.finish(size)
        with db.transaction() as conn:
            conn.executemany("INSERT INTO attachment_chunks (attachment_id, idx, data) "
                             "VALUES (?, ?, x'')", [(att_id, i) for i in range(idx)])
            conn.execute("UPDATE attachments SET size = ?, sha256 = ?, complete = 1 "
                         "WHERE id = ?", (size, digest.hexdigest(), att_id))
    except BaseException:
        stop.set()
        while reader.is_alive():
            try:
                chunks.get(timeout=0.1)
            except queue.Empty:
                pass
        if writer is not None:
            writer.abort()
        delete_attachment(db, att_id)
        raise
    return AttachmentInfo(id=att_id, record_id=record_id, name=name, mime=mime, size=size,
                          sha256=digest.hexdigest(), created_at=created)


def get_attachment(db: Store, att_id: str) -> AttachmentInfo:
    r = db.execute(
        "SELECT id, record_id, name, mime, size, sha256, created_at FROM attachments "
        "WHERE id = ? AND complete = 1",
        (att_id,),
    ).fetchone()
    if r is None:
        raise NotFound(f"no attachment {att_id}")
    return AttachmentInfo(id=r[0], record_id=r[1], name=r[2], mime=r[3], size=r[4], sha256=r[5],
                          created_at=r[6])


def iter_attachment(db: Store, att_id: str) -> Iterator[bytes]:
    """The attachment's bytes, one chunk at a time (constant memory; from a blob, one
    sequential read: one ranged GET from a bucket)."""
    if pg_roles.reads_logged(db):
        yield from _member_chunks(db, att_id)
        return
    info = get_attachment(db, att_id)
    key = chunk_key(db, att_id)
    count = (info.size + CHUNK_SIZE - 1) // CHUNK_SIZE
    for idx, stored in enumerate(stored_chunks(db, att_id, 0, count)):
        yield open_chunk(key, att_id, idx, stored)


def _member_chunks(db: Store, att_id: str) -> Iterator[bytes]:
    """A team member's read: key and chunks only after its committed log row
    (store.pg.member_reads); the chunks from rows or from the bucket's object."""
    size, key, blob, rows = member_reads.read_attachment(db, att_id)
    count = (size + CHUNK_SIZE - 1) // CHUNK_SIZE
    if rows is None:
        where = blob_store(db)
        if where is None or blob is None:
            raise ObjectStoreError(f"attachment {att_id} is in the HQ's object store, which "
                                   "this profile does not name (intake hq join --blobs)")
        rows = where.read_run(blob, size, 0, count, att_id)
    idx = -1
    for idx, stored in enumerate(rows):
        yield open_chunk(key, att_id, idx, stored)
    if idx + 1 != count:
        raise StoreCorrupt(f"attachment {att_id} is missing chunk {idx + 1}")


def delete_attachment(db: Store, att_id: str) -> None:
    with db.transaction() as conn:
        erase_attachments(conn, "id = ?", (att_id,))


def sweep_blobs(db: Store, min_age: timedelta | None = None) -> int:
    """Delete blobs no attachment row names (store/blobs.py); ``min_age`` spares young
    objects in a bucket that other importers may be writing to."""
    where = blob_store(db)
    return 0 if where is None else where.sweep(db, min_age)


def remove_old_decoy_blobs(db: Store) -> int:
    """After ``duress set``/``clear`` rebuilt the decoy (run from the real store): delete
    every blob file in the shared folder that is not this store's. Those are the old
    decoy's, whose naming key and chunk keys went with it; the new decoy has none."""
    return blobs.remove_foreign(db, db.path) if has_blob_files(db) else 0


def purge_incomplete(db: Store) -> int:
    """Remove attachments whose write never finished (a crash mid-write), then the blob
    files no row names (store/blobs.py: a crash before an import's commit, a purge)."""
    with db.transaction() as conn:
        n = conn.execute("SELECT count(*) FROM attachments WHERE complete = 0").fetchone()[0]
        erase_attachments(conn, "complete = 0", ())
        # The naming key exists before any transaction names a blob with it: a file
        # named in a rolled-back first transaction is still recognised by the sweep.
        blobs.name_key(conn)
    try:
        _sweep_at_open(db)
    except ObjectStoreError:
        pass  # the bucket is unreachable now: the next open or import sweeps
    return int(n)


SWEPT_AT = "blobs.swept_at"


def _sweep_at_open(db: Store) -> None:
    """A folder is swept at every open (a directory listing); a bucket at most once per
    ``SWEEP_GRACE`` (listing a large bucket at every ``intake hq`` command would cost
    seconds each): the time of the last sweep is in meta."""
    where = blob_store(db)
    if where is None:
        return
    if not where.whole_only:
        where.sweep(db, SWEEP_GRACE)
        return
    now = now_ms()
    last = db.execute("SELECT value FROM meta WHERE key = ?", (SWEPT_AT,)).fetchone()
    if last is not None and 0 <= now - int(last[0]) < SWEEP_GRACE.total_seconds() * 1000:
        return
    where.sweep(db, SWEEP_GRACE)
    with db.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                     (SWEPT_AT, str(now)))
