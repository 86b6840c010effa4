"""Writing what a decrypted bundle carries into the HQ store.

Runs inside the caller's transaction, which commits only after the bundle's
end of stream is confirmed; a BundleError raised here rolls everything back.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from intake_app.errors import BundleError
from intake_app.models import RecordStatus
from intake_app.store import blobs, bulk, search
from intake_app.store.attachments import (
    CHUNK_SIZE,
    SEAL_OVERHEAD,
    blob_store,
    chunk_key,
    new_chunk_key,
    read_chunk,
    write_chunk,
)
from intake_app.store.ids import now_ms
from intake_app.textnorm import searchable_text


class RevisionIn(Protocol):
    """A record revision as parsed from a bundle (services.payload.RecordPayload)."""

    @property
    def record_id(self) -> str: ...
    @property
    def form_id(self) -> str: ...
    @property
    def form_version(self) -> str: ...
    @property
    def created_at(self) -> int: ...
    @property
    def rev(self) -> int: ...
    @property
    def saved_at(self) -> int: ...
    @property
    def values(self) -> dict[str, Any]: ...


class PartIn(Protocol):
    """An attachment part as parsed from a bundle (services.payload.AttachmentPart)."""

    @property
    def attachment_id(self) -> str: ...
    @property
    def record_id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def mime(self) -> str: ...
    @property
    def total_size(self) -> int: ...
    @property
    def sha256(self) -> str: ...
    @property
    def offset(self) -> int: ...
    @property
    def size(self) -> int: ...


def _dumps(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def store_revision(conn: Any, r: RevisionIn, device_id: str, seq: int) -> bool:
    """Add one received revision (validated by the caller); False if HQ holds it already."""
    data = _dumps(r.values)
    row = conn.execute("SELECT form_id, form_version, current_rev, seq FROM records WHERE id = ?",
                       (r.record_id,)).fetchone()
    current: int | None = None
    if row is None:  # the common case: a record HQ has never seen
        rowid = conn.execute(
            "INSERT INTO records (id, form_id, form_version, status, created_at, updated_at, "
            "current_rev) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (r.record_id, r.form_id, r.form_version, RecordStatus.RECEIVED.value, r.created_at,
             r.saved_at, r.rev)).lastrowid  # fmt: skip
    else:
        _check_owner(conn, r.record_id, device_id)
        if (row[0], row[1]) != (r.form_id, r.form_version):
            raise BundleError("payload", f"record {r.record_id} changed form")
        rowid, current = row[3], row[2]
        existing = conn.execute("SELECT data FROM revisions WHERE record_id = ? AND rev = ?",
                                (r.record_id, r.rev)).fetchone()
        if existing is not None:
            if existing[0] != data:
                raise BundleError("payload", f"record {r.record_id} revision {r.rev} conflicts")
            return False  # the same revision came again (a re-exported record)
        top = conn.execute("SELECT max(rev) FROM revisions WHERE record_id = ?",
                           (r.record_id,)).fetchone()[0]
        # A record's history continues one revision at a time (a late volume may fill
        # an earlier hole); a jump past it would let a bundle bury the real history.
        if top is not None and r.rev > int(top) + 1:
            raise BundleError("payload", f"record {r.record_id} revision {r.rev} does not "
                                         f"continue its history (HQ holds up to {top})")
    conn.execute("INSERT INTO revisions (record_id, rev, saved_at, data) VALUES (?, ?, ?, ?)",
                 (r.record_id, r.rev, r.saved_at, data))
    conn.execute("INSERT INTO record_sources (record_id, rev, device_id, seq) VALUES (?, ?, ?, ?)",
                 (r.record_id, r.rev, device_id, seq))
    if current is None or r.rev > current:
        if current is not None:
            conn.execute("UPDATE records SET current_rev = ?, updated_at = ? WHERE id = ?",
                         (r.rev, max(r.saved_at, 0), r.record_id))
            search.drop(conn, rowid)
        search.put(conn, rowid, searchable_text(r.values))
    return True


# Ids per ``IN (...)`` lookup: well under SQLite's parameter limit.
ID_CHUNK = 500


def existing_records(conn: Any, record_ids: Sequence[str]) -> dict[str, int]:
    """{record id: records.seq} of those ids HQ holds."""
    out: dict[str, int] = {}
    ids = list(record_ids)
    for i in range(0, len(ids), ID_CHUNK):
        part = ids[i:i + ID_CHUNK]
        marks = ",".join("?" * len(part))
        out.update((str(r[0]), int(r[1])) for r in conn.execute(
            f"SELECT id, seq FROM records WHERE id IN ({marks})", part))
    return out


@dataclass
class _NewRecord:
    """A record HQ has never seen, as its revisions in one batch leave it."""

    first: RevisionIn
    current: RevisionIn
    updated_at: int
    revs: dict[int, tuple[int, str]]  # rev -> (saved_at, data)
    index: str  # the current revision's search text, as search.put_many_ready takes it


def prepare(conn: Any, r: RevisionIn) -> tuple[str, str]:
    """(data, search text) of a revision for ``store_revisions``: the JSON stored and the
    index's text (search.index_form). Pure: no statement runs, so the caller may make
    them while another thread writes the previous batch (services.hq_import)."""
    return _dumps(r.values), search.index_values(conn, r.values)


def store_revisions(conn: Any, revs: Sequence[RevisionIn], device_id: str, seq: int,
                    prepared: Sequence[tuple[str, str]] | None = None) -> set[str]:
    """``store_revision`` for a batch, in order, with the same checks and the same rows;
    the ids of the records given a new revision. Records HQ already holds (rare: a
    resent or continued record) go one by one; new ones are written a table at a time
    (one statement each: store.bulk), not a few round trips per record. ``prepared``:
    ``prepare`` of each revision, if the caller made them."""
    if prepared is None:
        prepared = [prepare(conn, r) for r in revs]
    known = existing_records(conn, list(dict.fromkeys(r.record_id for r in revs)))
    new: dict[str, _NewRecord] = {}
    changed: set[str] = set()
    for r, (data, index) in zip(revs, prepared, strict=True):
        if r.record_id in known:
            if store_revision(conn, r, device_id, seq):
                changed.add(r.record_id)
            continue
        n = new.get(r.record_id)
        if n is None:
            new[r.record_id] = _NewRecord(r, r, r.saved_at, {r.rev: (r.saved_at, data)}, index)
            changed.add(r.record_id)
            continue
        # The rules of store_revision for a record this batch has just created.
        if (n.first.form_id, n.first.form_version) != (r.form_id, r.form_version):
            raise BundleError("payload", f"record {r.record_id} changed form")
        if r.rev in n.revs:
            if n.revs[r.rev][1] != data:
                raise BundleError("payload", f"record {r.record_id} revision {r.rev} conflicts")
            continue
        top = max(n.revs)
        if r.rev > top + 1:
            raise BundleError("payload", f"record {r.record_id} revision {r.rev} does not "
                                         f"continue its history (HQ holds up to {top})")
        n.revs[r.rev] = (r.saved_at, data)
        if r.rev > n.current.rev:
            n.current, n.updated_at, n.index = r, max(r.saved_at, 0), index
    if not new:
        return changed
    cols = ("id", "form_id", "form_version", "status", "created_at", "updated_at",
            "current_rev")
    recs = [(rid, n.first.form_id, n.first.form_version, RecordStatus.RECEIVED.value,
             n.first.created_at, n.updated_at, n.current.rev) for rid, n in new.items()]
    # PostgreSQL hands the new rows' seq back with the insert; SQLite reads them after.
    returned = bulk.insert(conn, "records", cols, recs,
                           returning="id, seq" if search.is_pg(conn) else None)
    rows = [(rid, rev, saved, data) for rid, n in new.items()
            for rev, (saved, data) in n.revs.items()]
    bulk.insert(conn, "revisions", ("record_id", "rev", "saved_at", "data"), rows)
    bulk.insert(conn, "record_sources", ("record_id", "rev", "device_id", "seq"),
                [(r[0], r[1], device_id, seq) for r in rows])
    seqs = ({str(r[0]): int(r[1]) for r in returned} if returned
            else existing_records(conn, list(new)))
    search.put_many_ready(conn, [(seqs[rid], n.index) for rid, n in new.items()])
    return changed


def _check_owner(conn: Any, record_id: str, device_id: str) -> None:
    """A record belongs to the device that first sent it: refuse any other sender."""
    owners = [r[0] for r in conn.execute(
        "SELECT DISTINCT device_id FROM record_sources WHERE record_id = ?", (record_id,))]
    if owners != [device_id]:
        owner = owners[0] if owners else "HQ"
        raise BundleError("payload", f"record {record_id} belongs to {owner}; device "
                                     f"{device_id} may not change it")


def store_attachment_part(conn: Any, a: PartIn, chunks: Iterable[bytes],
                          on_bytes: Callable[[int], None], device_id: str) -> bool:
    """Add one received attachment part; True if it is the first part of a new one."""
    owner = conn.execute("SELECT 1 FROM records WHERE id = ?", (a.record_id,)).fetchone()
    if owner is None:
        raise BundleError("payload", f"attachment {a.attachment_id} for an unknown record")
    _check_owner(conn, a.record_id, device_id)
    row = conn.execute("SELECT record_id, size, sha256, complete FROM attachments WHERE id = ?",
                       (a.attachment_id,)).fetchone()
    if row is None:
        conn.execute(
            "INSERT INTO attachments (id, record_id, name, mime, size, sha256, created_at, "
            "complete, chunk_key) VALUES (?, ?, ?, ?, ?, ?, ?, 2, ?)",
            (a.attachment_id, a.record_id, a.name, a.mime, a.total_size, a.sha256, now_ms(),
             new_chunk_key()))
    elif (row[0], row[1], row[2]) != (a.record_id, a.total_size, a.sha256):
        raise BundleError("payload", f"attachment {a.attachment_id} conflicts with a stored one")
    elif row[3] == 1:
        for piece in chunks:
            on_bytes(len(piece))
        return False  # already complete: a resent part
    key = chunk_key(conn, a.attachment_id)
    idx = a.offset // CHUNK_SIZE
    buf = bytearray()
    got = 0
    # The usual case, a whole attachment in one item, is hashed on the way in.
    whole = hashlib.sha256() if a.offset == 0 and a.size == a.total_size else None
    for piece in chunks:
        buf += piece
        got += len(piece)
        on_bytes(len(piece))
        if whole is not None:
            whole.update(piece)
        while len(buf) >= CHUNK_SIZE:
            write_chunk(conn, key, a.attachment_id, idx, bytes(buf[:CHUNK_SIZE]))
            del buf[:CHUNK_SIZE]
            idx += 1
    if buf:
        write_chunk(conn, key, a.attachment_id, idx, bytes(buf))
    if got != a.size:
        raise BundleError("payload", "attachment part shorter than declared")
    if whole is not None:
        if whole.hexdigest() != a.sha256:
            raise BundleError("payload", f"attachment {a.attachment_id} does not match its hash")
        conn.execute("UPDATE attachments SET complete = 1 WHERE id = ?", (a.attachment_id,))
    else:
        _complete_if_whole(conn, a.attachment_id, a.total_size, a.sha256)
    return a.offset == 0


def store_sealed_part(conn: Any, a: PartIn, key: bytes,
                      chunks: Iterable[tuple[int, bytes | memoryview]],
                      on_bytes: Callable[[int], None], device_id: str) -> bool:
    """Add one received v2 sealed part: its stored chunks (already authenticated by the
    opener under ``key`` with this attachment's id and their index) go as received into
    the attachment's blob (a file or an object: store/blobs.py, store/s3blobs.py), durable
    before the caller commits; the
    attachment keeps the device's key; nothing is decrypted or encrypted again.
    True if it is the first part of a new attachment."""
    owner = conn.execute("SELECT 1 FROM records WHERE id = ?", (a.record_id,)).fetchone()
    if owner is None:
        raise BundleError("payload", f"attachment {a.attachment_id} for an unknown record")
    _check_owner(conn, a.record_id, device_id)
    row = conn.execute("SELECT record_id, size, sha256, complete, chunk_key, blob "
                       "FROM attachments WHERE id = ?", (a.attachment_id,)).fetchone()
    where = blob_store(conn)
    if where is not None and where.whole_only and (a.offset, a.size) != (0, a.total_size):
        where = None  # an object is written once, whole: parts stay in rows (bytea)
    if row is None:
        blob: str | None = None if where is None else blobs.new_name(conn)
        conn.execute(
            "INSERT INTO attachments (id, record_id, name, mime, size, sha256, created_at, "
            "complete, chunk_key, blob) VALUES (?, ?, ?, ?, ?, ?, ?, 2, ?, ?)",
            (a.attachment_id, a.record_id, a.name, a.mime, a.total_size, a.sha256, now_ms(),
             key, blob))
    elif (row[0], row[1], row[2]) != (a.record_id, a.total_size, a.sha256):
        raise BundleError("payload", f"attachment {a.attachment_id} conflicts with a stored one")
    elif row[4] is None or bytes(row[4]) != key:
        raise BundleError("payload", f"attachment {a.attachment_id} comes with another key "
                                     "than the one HQ holds for it")
    elif row[3] == 1:
        for _, stored in chunks:
            on_bytes(len(stored) - SEAL_OVERHEAD)
        return False  # already complete: a resent part
    else:
        blob = None if row[5] is None else str(row[5])  # None: earlier parts in SQLite
    if where is None:
        blob = None
    writer = None if blob is None or where is None else where.writer(blob, a.total_size)
    if isinstance(writer, blobs.BlobWriter) and (a.offset, a.size) == (0, a.total_size):
        writer.pad_ahead(a.total_size)  # beside the chunks, not after them
    got = 0
    try:
        for idx, stored in chunks:
            if writer is not None:
                writer.write(idx, stored)
            conn.execute("INSERT OR REPLACE INTO attachment_chunks (attachment_id, idx, data) "
                         "VALUES (?, ?, ?)",
                         (a.attachment_id, idx, b"" if writer is not None else bytes(stored)))
            got += len(stored) - SEAL_OVERHEAD
            on_bytes(len(stored) - SEAL_OVERHEAD)
        if got != a.size:
            raise BundleError("payload", "attachment part shorter than declared")
        need = (a.total_size + CHUNK_SIZE - 1) // CHUNK_SIZE
        have = conn.execute("SELECT count(*) FROM attachment_chunks WHERE attachment_id = ?",
                            (a.attachment_id,)).fetchone()[0]
        if writer is not None:
            w, writer = writer, None
            w.finish(a.total_size if have >= need else None)
    finally:
        if writer is not None:
            writer.abort()  # the transaction rolls back; the sweep removes a new file
    if have >= need:
        conn.execute("UPDATE attachments SET complete = 1 WHERE id = ?", (a.attachment_id,))
    return a.offset == 0


def _complete_if_whole(conn: Any, att_id: str, total: int, sha: str) -> None:
    need = (total + CHUNK_SIZE - 1) // CHUNK_SIZE
    have = conn.execute("SELECT count(*) FROM attachment_chunks WHERE attachment_id = ?",
                        (att_id,)).fetchone()[0]
    if have < need:
        return  # more parts come in a later volume
    digest = hashlib.sha256()
    size = 0
    key = chunk_key(conn, att_id)
    for idx in range(need):
        data = read_chunk(conn, key, att_id, idx)
        if data is None:
            raise BundleError("payload", f"attachment {att_id} is missing a part")
        digest.update(data)
        size += len(data)
    if size != total or digest.hexdigest() != sha:
        raise BundleError("payload", f"attachment {att_id} does not match its hash")
    conn.execute("UPDATE attachments SET complete = 1 WHERE id = ?", (att_id,))
