"""The field outbox: one row per sealed volume, and which records each holds.

States: 'writing' (sequence reserved, file not sealed yet), 'pending' (sealed,
HQ has not acknowledged it), 'delivered' (in a signed receipt), 'abandoned'
(an interrupted write; HQ sees a gap, never a fork).

Files of a volume in the outbox folder (services/outbox.py): ``NAME`` holds the bundle
without its BLOBS region (header, stream, trailer; the whole bundle when it has none,
or when an older version wrote it); each sealed part's bytes are in a piece
``NAME.b<k>-<start>-<length>``: bytes ``start .. start + length`` of that file, in the
order ``k`` = 0, 1, ... A piece is a hard link to the store's blob file (the same
ciphertext, no second copy) or, where no link can be made, a copy of just those bytes.
"""

from __future__ import annotations

import re

from intake_app.models import OutboxEntry, OutboxState, RecordStatus
from intake_app.store.backend import Store
from intake_app.store.ids import now_ms
from intake_app.store.records import delete_record_in, purge_content

_PIECE = re.compile(r"(.+)\.b(\d{1,6})-(\d{1,15})-(\d{1,15})")


def piece_name(name: str, k: int, start: int, length: int) -> str:
    return f"{name}.b{k}-{start}-{length}"


def parse_piece(file_name: str) -> tuple[str, int, int, int] | None:
    """(volume name, k, start, length) of a piece's file name, else None."""
    m = _PIECE.fullmatch(file_name)
    return None if m is None else (m[1], int(m[2]), int(m[3]), int(m[4]))


def writing_files(db: Store) -> list[str]:
    rows = db.execute("SELECT file_name FROM outbox WHERE state = 'writing'").fetchall()
    return [str(r[0]) for r in rows]


def abandon_writing(db: Store) -> None:
    with db.transaction() as conn:
        conn.execute("UPDATE outbox SET state = 'abandoned' WHERE state = 'writing'")


def abandon(db: Store, seq: int) -> None:
    with db.transaction() as conn:
        conn.execute("UPDATE outbox SET state = 'abandoned' WHERE seq = ?", (seq,))


def last_link(db: Store) -> tuple[int, bytes]:
    """Next sequence number and the statement hash the next bundle chains to.

    The next number follows the last *sealed* volume: sequences abandoned after it
    (an interrupted or failed write) are taken again. An abandoned volume never got
    its final name anywhere (only a hidden .part, removed at the next export), so
    HQ and the auditor see one gap-free chain; skipping it instead left a gap, and
    after a failed first volume an impossible sequence 2 with an all-zero prev
    (issue 14, finding 1)."""
    row = db.execute(
        "SELECT seq, statement_hash FROM outbox WHERE state IN ('pending', 'delivered') "
        "ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return 1, bytes(32)
    return int(row[0]) + 1, bytes.fromhex(row[1])


def reserve(db: Store, seq: int, name: str, prev: bytes, created: int) -> None:
    """Step 1 of a volume: the sequence number is taken, committed, before sealing
    (an abandoned attempt at this number or later is replaced: see ``last_link``)."""
    with db.transaction() as conn:
        conn.execute("DELETE FROM outbox WHERE seq >= ? AND state = 'abandoned'", (seq,))
        conn.execute(
            "INSERT INTO outbox (seq, file_name, statement_hash, prev, created_at, size, "
            "record_count, state) VALUES (?, ?, '', ?, ?, 0, 0, 'writing')",
            (seq, name, prev.hex(), created),
        )


def finalized_records(db: Store) -> list[str]:
    rows = db.execute(
        "SELECT id FROM records WHERE status = ? ORDER BY created_at, id",
        (RecordStatus.FINALIZED.value,),
    ).fetchall()
    return [r[0] for r in rows]


def finalized_attachment_bytes(db: Store) -> int:
    return int(db.execute(
        "SELECT coalesce(sum(size), 0) FROM attachments WHERE complete = 1 AND record_id IN "
        "(SELECT id FROM records WHERE status = ?)", (RecordStatus.FINALIZED.value,)
    ).fetchone()[0])  # fmt: skip


def export_header(db: Store, record_id: str) -> tuple[str, str, int, int]:
    """(form id, form version, created_at, last exported revision) of a record."""
    row = db.execute(
        "SELECT form_id, form_version, created_at, exported_rev FROM records WHERE id = ?",
        (record_id,),
    ).fetchone()
    return str(row[0]), str(row[1]), int(row[2]), int(row[3])


def revisions_after(db: Store, record_id: str, rev: int) -> list[tuple[int, int, str]]:
    """(rev, saved_at, data) of every revision after ``rev``, in order."""
    return [(int(r[0]), int(r[1]), str(r[2])) for r in db.execute(
        "SELECT rev, saved_at, data FROM revisions WHERE record_id = ? AND rev > ? "
        "ORDER BY rev", (record_id, rev)).fetchall()]  # fmt: skip


def complete_attachments(db: Store, record_id: str) -> list[tuple[str, str, str, int, str]]:
    """(id, name, mime, size, sha256) of a record's complete attachments, in order."""
    return [tuple(r) for r in db.execute(
        "SELECT id, name, mime, size, sha256 FROM attachments WHERE record_id = ? AND "
        "complete = 1 ORDER BY created_at, id", (record_id,)
    ).fetchall()]  # fmt: skip


def commit_volume(db: Store, seq: int, statement_hash: str, size: int, record_count: int,
                  touched: list[str], finished: list[str], *, purge: bool,
                  unwritten: bool = False) -> None:
    """Step 3 of a volume, one transaction: the row becomes 'pending', the records whose
    last item it holds become 'sealed' and, if ``purge``, lose their readable content.
    ``unwritten``: a stick's copy is still to be renamed into place (``mark_written``)."""
    with db.transaction() as conn:
        conn.execute(
            "UPDATE outbox SET state = 'pending', statement_hash = ?, size = ?, record_count = ?,"
            " unwritten = ? WHERE seq = ?",
            (statement_hash, size, record_count, int(unwritten), seq))  # fmt: skip
        for rid in touched:
            conn.execute("INSERT OR IGNORE INTO bundle_records (seq, record_id) VALUES (?, ?)",
                         (seq, rid))
        for rid in finished:
            conn.execute(
                "UPDATE records SET status = ?, exported_rev = current_rev, updated_at = ? "
                "WHERE id = ?", (RecordStatus.SEALED.value, now_ms(), rid))  # fmt: skip
            if purge:
                purge_content(conn, rid)
    if finished and purge:
        db.checkpoint()  # secure_delete's overwrites reach the main file now


def mark_written(db: Store, seqs: list[int]) -> None:
    """The stick's copies of ``seqs`` have their final names."""
    with db.transaction() as conn:
        conn.executemany("UPDATE outbox SET unwritten = 0 WHERE seq = ?", [(s,) for s in seqs])


def unwritten(db: Store) -> list[tuple[int, str]]:
    """(sequence, file name) of sealed, unacknowledged volumes whose export was cut
    after sealing and before the stick's copy got its final name (finding 4)."""
    return [(int(r[0]), str(r[1])) for r in db.execute(
        "SELECT seq, file_name FROM outbox WHERE unwritten = 1 AND state = 'pending' "
        "ORDER BY seq").fetchall()]  # fmt: skip


def entries(db: Store) -> list[OutboxEntry]:
    rows = db.execute(
        "SELECT seq, file_name, statement_hash, created_at, size, record_count, state, "
        "delivered_at FROM outbox WHERE state != 'writing' ORDER BY seq"
    ).fetchall()
    return [OutboxEntry(sequence=r[0], file_name=r[1], statement_hash=r[2], created_at=r[3],
                        size=r[4], record_count=r[5], state=OutboxState(r[6]), delivered_at=r[7])
            for r in rows]


def file_name(db: Store, seq: int) -> str:
    return str(db.execute("SELECT file_name FROM outbox WHERE seq = ?", (seq,)).fetchone()[0])


def apply_receipt(db: Store, listed: list[tuple[int, str]]
                  ) -> tuple[list[int], list[int], list[int], int]:
    """Mark the listed (sequence, statement hash) delivered and delete every record all of
    whose bundles are delivered, in one transaction.

    Returns (delivered, already delivered, unknown, records purged)."""
    delivered: list[int] = []
    already: list[int] = []
    unknown: list[int] = []
    purged = 0
    with db.transaction() as conn:
        for seq, digest in listed:
            row = conn.execute("SELECT statement_hash, state FROM outbox WHERE seq = ?",
                               (seq,)).fetchone()
            if row is None or row[0] != digest:
                unknown.append(seq)
                continue
            if row[1] == OutboxState.DELIVERED:
                already.append(seq)
                continue
            conn.execute("UPDATE outbox SET state = 'delivered', delivered_at = ? WHERE seq = ?",
                         (now_ms(), seq))
            delivered.append(seq)
        # A record is gone from the laptop once every bundle holding it is delivered.
        for (rid,) in conn.execute(
            "SELECT DISTINCT b.record_id FROM bundle_records b JOIN records r ON r.id = "
            "b.record_id WHERE r.status = ? AND NOT EXISTS (SELECT 1 FROM bundle_records b2 "
            "JOIN outbox o ON o.seq = b2.seq WHERE b2.record_id = b.record_id AND o.state != "
            "'delivered')", (RecordStatus.SEALED.value,)
        ).fetchall():  # fmt: skip
            delete_record_in(conn, rid)
            purged += 1
    if purged:
        db.checkpoint()
    return delivered, already, unknown, purged


def adopt_files(db: Store, rows: list[tuple[int, str, str, str, int, int, int]]) -> None:
    """Outbox rows for bundle files the store did not write (the duress decoy's view of
    the sealed files beside it): (seq, file name, statement hash, prev, created_at ms,
    size, record count). Rows of files that are gone become 'delivered'."""
    seqs = {r[0] for r in rows}
    with db.transaction() as conn:
        for seq, name, digest, prev, created, size, count in rows:
            conn.execute(
                "INSERT OR IGNORE INTO outbox (seq, file_name, statement_hash, prev, "
                "created_at, size, record_count, state) VALUES (?, ?, ?, ?, ?, ?, ?, "
                "'pending')", (seq, name, digest, prev, created, size, count))  # fmt: skip
        for (seq,) in conn.execute(
                "SELECT seq FROM outbox WHERE state = 'pending'").fetchall():
            if seq not in seqs:
                conn.execute("UPDATE outbox SET state = 'delivered', delivered_at = ? "
                             "WHERE seq = ?", (now_ms(), seq))
