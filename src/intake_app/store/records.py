"""Records, their append-only revisions, and full-text search, on an open Database.

Values arrive here already validated by the forms layer; this module only
stores them. Each function that writes runs in one transaction.
"""

from __future__ import annotations

import json
from typing import Any

from intake_app.errors import InvalidState, NotFound
from intake_app.models import (
    AttachmentInfo,
    RecordDetail,
    RecordFilter,
    RecordStatus,
    RecordSummary,
    RevisionInfo,
)
from intake_app.store import search
from intake_app.store.attachments import erase_attachments
from intake_app.store.backend import Store
from intake_app.store.ids import new_id as new_id
from intake_app.store.ids import now_ms as now_ms
from intake_app.store.pg import roles as pg_roles
from intake_app.store.where import Where
from intake_app.textnorm import searchable_text

_SUMMARY_COLS = "id, form_id, form_version, status, created_at, updated_at, current_rev"


def _dumps(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _summary(row: tuple[Any, ...]) -> RecordSummary:
    return RecordSummary(
        id=row[0],
        form_id=row[1],
        form_version=row[2],
        status=RecordStatus(row[3]),
        created_at=row[4],
        updated_at=row[5],
        revision=row[6],
    )


def create_record(db: Store, form_id: str, form_version: str, values: dict[str, Any]) -> str:
    record_id = new_id()
    ts = now_ms()
    with db.transaction() as conn:
        seq = conn.execute(
            f"INSERT INTO records ({_SUMMARY_COLS}) VALUES (?, ?, ?, ?, ?, ?, 1)",
            (record_id, form_id, form_version, RecordStatus.DRAFT.value, ts, ts),
        ).lastrowid
        conn.execute(
            "INSERT INTO revisions (record_id, rev, saved_at, data) VALUES (?, 1, ?, ?)",
            (record_id, ts, _dumps(values)),
        )
        search.put(conn, seq, searchable_text(values))
    return record_id


def get_summary(db: Store, record_id: str) -> RecordSummary:
    row = db.execute(f"SELECT {_SUMMARY_COLS} FROM records WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        raise NotFound(f"no record {record_id}")
    return _summary(row)


def update_record(
    db: Store, record_id: str, values: dict[str, Any], editable: tuple[RecordStatus, ...]
) -> int:
    """Append a revision. Returns the new revision number."""
    ts = now_ms()
    with db.transaction() as conn:
        row = conn.execute(
            "SELECT status, current_rev, seq FROM records WHERE id = ?", (record_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no record {record_id}")
        if RecordStatus(row[0]) not in editable:
            raise InvalidState(f"record {record_id} is {row[0]} and can no longer be edited")
        rev = int(row[1]) + 1
        conn.execute(
            "INSERT INTO revisions (record_id, rev, saved_at, data) VALUES (?, ?, ?, ?)",
            (record_id, rev, ts, _dumps(values)),
        )
        conn.execute(
            "UPDATE records SET current_rev = ?, updated_at = ? WHERE id = ?", (rev, ts, record_id)
        )
        search.drop(conn, row[2])
        search.put(conn, row[2], searchable_text(values))
    return rev


def set_status(
    db: Store, record_id: str, new: RecordStatus, allowed_from: tuple[RecordStatus, ...]
) -> None:
    with db.transaction() as conn:
        row = conn.execute("SELECT status FROM records WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            raise NotFound(f"no record {record_id}")
        if RecordStatus(row[0]) not in allowed_from:
            raise InvalidState(f"record {record_id} is {row[0]}; cannot mark it {new.value}")
        conn.execute(
            "UPDATE records SET status = ?, updated_at = ? WHERE id = ?",
            (new.value, now_ms(), record_id),
        )


def _logged_read(db: Store, record_id: str, rev: int | None
                 ) -> tuple[dict[str, Any], tuple[RevisionInfo, ...]]:
    """A team member's read (store.pg.roles): logged by the database, then returned."""
    rows = pg_roles.read_record(db, record_id, rev)
    data = [d for _r, _s, d in rows if d is not None]
    if not data:
        raise NotFound(f"no record {record_id}" + (f" revision {rev}" if rev else ""))
    values: dict[str, Any] = json.loads(data[0])
    return values, tuple(RevisionInfo(rev=r, saved_at=s) for r, s, _d in rows)


def get_values(db: Store, record_id: str, rev: int | None = None) -> dict[str, Any]:
    if pg_roles.reads_logged(db):
        return _logged_read(db, record_id, rev)[0]
    if rev is None:
        row = db.execute(
            "SELECT r.data FROM revisions r JOIN records c ON c.id = r.record_id "
            "AND r.rev = c.current_rev WHERE c.id = ?",
            (record_id,),
        ).fetchone()
    else:
        row = db.execute(
            "SELECT data FROM revisions WHERE record_id = ? AND rev = ?", (record_id, rev)
        ).fetchone()
    if row is None:
        raise NotFound(f"no record {record_id}" + (f" revision {rev}" if rev else ""))
    values: dict[str, Any] = json.loads(row[0])
    return values


def list_revisions(db: Store, record_id: str) -> tuple[RevisionInfo, ...]:
    rows = db.execute(
        "SELECT rev, saved_at FROM revisions WHERE record_id = ? ORDER BY rev", (record_id,)
    ).fetchall()
    return tuple(RevisionInfo(rev=r[0], saved_at=r[1]) for r in rows)


def list_attachments(db: Store, record_id: str) -> tuple[AttachmentInfo, ...]:
    rows = db.execute(
        "SELECT id, record_id, name, mime, size, sha256, created_at FROM attachments "
        "WHERE record_id = ? AND complete = 1 ORDER BY created_at, id",
        (record_id,),
    ).fetchall()
    return tuple(
        AttachmentInfo(
            id=r[0], record_id=r[1], name=r[2], mime=r[3], size=r[4], sha256=r[5], created_at=r[6]
        )
        for r in rows
    )


def get_detail(db: Store, record_id: str, rev: int | None = None) -> RecordDetail:
    summary = get_summary(db, record_id)
    if pg_roles.reads_logged(db):
        values, revisions = _logged_read(db, record_id, rev)
        return RecordDetail(summary=summary, values=values, revisions=revisions,
                            attachments=list_attachments(db, record_id))
    return RecordDetail(
        summary=summary,
        values=get_values(db, record_id, rev),
        revisions=list_revisions(db, record_id),
        attachments=list_attachments(db, record_id),
    )


def _filter_sql(flt: RecordFilter | None) -> tuple[str, list[Any]]:
    w = Where()
    if flt is not None:
        w.equal(status=flt.status.value if flt.status is not None else None,
                form_id=flt.form_id)
        w.between("updated_at", flt.since_ms, flt.until_ms)
    return w.sql(), w.params


def count_records(db: Store, flt: RecordFilter | None = None) -> int:
    where, params = _filter_sql(flt)
    row = db.execute(f"SELECT count(*) FROM records c WHERE {where}", tuple(params)).fetchone()
    return int(row[0])


def list_records(
    db: Store, flt: RecordFilter | None = None, *, limit: int = -1, offset: int = 0
) -> list[RecordSummary]:
    """Newest first. ``limit``/``offset`` let a view load lazily."""
    where, params = _filter_sql(flt)
    cols = ", ".join("c." + c.strip() for c in _SUMMARY_COLS.split(","))
    rows = db.execute(
        f"SELECT {cols} FROM records c WHERE {where} "
        "ORDER BY c.updated_at DESC, c.id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    return [_summary(r) for r in rows]


def search_records(
    db: Store, query: str, flt: RecordFilter | None = None, *, limit: int = 200
) -> list[RecordSummary]:
    """Records matching every word (as a prefix), newest first.

    Newest-first walks the index in rowid order and stops at ``limit``; ranking
    by relevance would score every match, which is slow for common words."""
    found = search.match(db, query)
    if found is None:
        return []
    cond, match = found
    where, params = _filter_sql(flt)
    cols = ", ".join("c." + c.strip() for c in _SUMMARY_COLS.split(","))
    rows = db.execute(
        f"SELECT {cols} FROM records_fts f JOIN records c ON c.seq = f.rowid "
        f"WHERE {cond} AND {where} ORDER BY f.rowid DESC LIMIT ?",
        (match, *params, limit),
    ).fetchall()
    return [_summary(r) for r in rows]


def purge_content(conn: Any, record_id: str) -> None:
    """The one purge of a record's readable content, inside the caller's transaction:
    its search entry, its attachments (crypto-erase: keys destroyed) and every revision.
    The record row stays (the outbox tracks delivery by it); see ``delete_record_in``."""
    conn.execute(
        "DELETE FROM records_fts WHERE rowid = (SELECT seq FROM records WHERE id = ?)",
        (record_id,),
    )
    erase_attachments(conn, "record_id = ?", (record_id,))
    conn.execute("DELETE FROM revisions WHERE record_id = ?", (record_id,))


def delete_record_in(conn: Any, record_id: str) -> None:
    """Purge a record's content, then its row and its outbox membership."""
    purge_content(conn, record_id)
    conn.execute("DELETE FROM records WHERE id = ?", (record_id,))
    conn.execute("DELETE FROM bundle_records WHERE record_id = ?", (record_id,))


def delete_record(db: Store, record_id: str) -> None:
    """Remove a record with its history, attachments and index entry (secure_delete is on)."""
    with db.transaction() as conn:
        delete_record_in(conn, record_id)



def delete_drafts(db: Store, record_ids: list[str]) -> None:
    """Delete these drafts (refusing any other status) in one transaction, then
    checkpoint so that the freed, zeroed pages leave the WAL too."""
    with db.transaction() as conn:
        for rid in record_ids:
            row = conn.execute("SELECT status FROM records WHERE id = ?", (rid,)).fetchone()
            if row is None:
                raise NotFound(f"no record {rid}")
            if row[0] != RecordStatus.DRAFT.value:
                raise InvalidState(f"record {rid} is {row[0]}, not a draft")
            delete_record_in(conn, rid)
    db.checkpoint()
