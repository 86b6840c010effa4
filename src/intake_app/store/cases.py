"""HQ's case desk tables (schema migration 6): cases, the records that joined them,
follow-ups, append-only notes, referrals, history and the duplicate finder's keys.

Only rows live here; what a case is and may become is ``intake_app.services.cases``'.
Writers run inside the caller's transaction (``conn``); readers take the Database.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from intake_app.errors import IntakeError
from intake_app.models import CaseFilter
from intake_app.store import bulk, search
from intake_app.store.pg import casesearch as pg_casesearch
from intake_app.store.pg import member_reads
from intake_app.store.pg import roles as pg_roles
from intake_app.store.where import Where

CASE_COLS = ("id, status, priority, priority_level, priority_override, assignee, "
             "display_name, province, needs, form_id, doc_expiry, next_due, interviews, "
             "created_at, updated_at, status_at, merged_into")
_C_COLS = ", ".join("c." + c.strip() for c in CASE_COLS.split(","))


# -- joining records to cases --------------------------------------------------------


def records_to_sync(conn: Any) -> list[tuple[Any, ...]]:
    """(record_id, form_id, form_version, current_rev, case_id or None) of records that
    joined no case yet or have a revision the desk has not read."""
    return [tuple(r) for r in conn.execute(
        "SELECT r.id, r.form_id, r.form_version, r.current_rev, cr.case_id FROM records r "
        "LEFT JOIN case_records cr ON cr.record_id = r.id "
        "WHERE r.status = 'received' AND (cr.record_id IS NULL OR cr.seen_rev < r.current_rev) "
        "ORDER BY r.seq").fetchall()]  # fmt: skip


def new_case(conn: Any, *, status: str, priority: int, level: str, form_id: str,
             at: int) -> str:
    seq = conn.execute(
        "INSERT INTO cases (id, status, priority, priority_level, priority_auto, form_id, "
        "created_at, updated_at, status_at) VALUES ('', ?, ?, ?, ?, ?, ?, ?, ?)",
        (status, priority, level, priority, form_id, at, at, at)).lastrowid
    case_id = f"C-{seq:06d}"
    conn.execute("UPDATE cases SET id = ? WHERE seq = ?", (case_id, seq))
    return case_id


def link_record(conn: Any, record_id: str, case_id: str, rev: int) -> None:
    conn.execute(
        "INSERT INTO case_records (record_id, case_id, home_case, seen_rev) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(record_id) DO UPDATE SET seen_rev = excluded.seen_rev",
        (record_id, case_id, case_id, rev))


def put_person_keys(conn: Any, record_id: str, names: Sequence[str], birth_year: int | None,
                    phones: Sequence[str], province: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO person_keys (record_id, names, birth_year, phones, province) "
        "VALUES (?, ?, ?, ?, ?)", (record_id, " ".join(names), birth_year, " ".join(phones),
                                   province))


def put_blocks(conn: Any, record_id: str, keys: Sequence[str]) -> None:
    conn.execute("DELETE FROM person_blocks WHERE record_id = ?", (record_id,))
    conn.executemany("INSERT OR IGNORE INTO person_blocks (key, record_id) VALUES (?, ?)",
                     [(k, record_id) for k in keys])


def any_person_keys(conn: Any) -> bool:
    return conn.execute("SELECT 1 FROM person_keys LIMIT 1").fetchone() is not None


def replace_all_blocks(conn: Any, rows: Iterable[tuple[str, str]]) -> None:
    """Every record's blocks anew: (key, record id) rows."""
    conn.execute("DELETE FROM person_blocks")
    conn.executemany("INSERT OR IGNORE INTO person_blocks (key, record_id) VALUES (?, ?)",
                     rows)


def block_people(db: Any, keys: Sequence[str], max_block: int
                 ) -> list[tuple[str, str, str, int | None, str, str]]:
    """person_keys rows (as ``person_keys``) of records sharing a block with ``keys``,
    skipping blocks larger than ``max_block``."""
    if pg_roles.reads_logged(db):  # a team member: logged, through the database
        return member_reads.block_people(db, keys, max_block)
    out: dict[str, tuple[str, str, str, int | None, str, str]] = {}
    for key in keys:
        rows = db.execute(
            "SELECT k.record_id, cr.case_id, k.names, k.birth_year, k.phones, k.province "
            "FROM person_blocks b JOIN person_keys k ON k.record_id = b.record_id "
            "JOIN case_records cr ON cr.record_id = b.record_id WHERE b.key = ? LIMIT ?",
            (key, max_block + 1)).fetchall()
        if len(rows) <= max_block:
            for r in rows:
                out[r[0]] = tuple(r)
    return list(out.values())


def record_person(db: Any, record_id: str) -> tuple[str, str, str, int | None, str, str] | None:
    if pg_roles.reads_logged(db):
        return member_reads.record_person(db, record_id)
    row = db.execute(
        "SELECT k.record_id, cr.case_id, k.names, k.birth_year, k.phones, k.province "
        "FROM person_keys k JOIN case_records cr ON cr.record_id = k.record_id "
        "WHERE k.record_id = ?", (record_id,)).fetchone()
    return None if row is None else tuple(row)


def person_keys(db: Any) -> Iterator[tuple[str, str, str, int | None, str, str]]:
    """(record_id, case_id, names, birth_year, phones, province) of every record in a
    live case, streaming, in record id order."""
    if pg_roles.reads_logged(db):
        yield from member_reads.person_keys(db)
        return
    yield from db.execute(
        "SELECT k.record_id, cr.case_id, k.names, k.birth_year, k.phones, k.province "
        "FROM person_keys k JOIN case_records cr ON cr.record_id = k.record_id "
        "ORDER BY k.record_id")


def person_block_members(db: Any, max_block: int) -> Iterator[tuple[str, list[str]]] | None:
    """(key, record ids) of every block of 2 to ``max_block`` records, streaming: one
    row per block, so a full run reads the blocks it needs and none of the singletons
    (most keys). None for a team member: ``person_blocks`` is not granted to them (the
    caller computes the blocks from ``person_keys``)."""
    if pg_roles.reads_logged(db):
        return None
    agg = "string_agg(record_id, ' ')" if search.is_pg(db) else "group_concat(record_id, ' ')"
    rows = db.execute(f"SELECT key, {agg} FROM person_blocks GROUP BY key "
                      "HAVING count(*) BETWEEN 2 AND ?", (max_block,))
    return ((str(key), str(ids).split()) for key, ids in rows)


def member_data(conn: Any, case_id: str) -> list[tuple[str, str, str, str, int]]:
    """(record_id, form_id, form_version, data, created_at) of the case's records."""
    return [(str(r[0]), str(r[1]), str(r[2]), str(r[3]), int(r[4])) for r in conn.execute(
        "SELECT r.id, r.form_id, r.form_version, v.data, r.created_at FROM case_records cr "
        "JOIN records r ON r.id = cr.record_id "
        "JOIN revisions v ON v.record_id = r.id AND v.rev = r.current_rev "
        "WHERE cr.case_id = ? ORDER BY r.created_at, r.id", (case_id,)).fetchall()]


# -- the same writes for many records at once (the desk's sync after an import) --------
# Ids per ``IN (...)``: well under SQLite's parameter limit.
ID_CHUNK = 500


def _chunks(ids: Sequence[str], size: int = ID_CHUNK) -> Iterator[list[str]]:
    items = list(ids)
    for i in range(0, len(items), size):
        yield items[i:i + size]


def current_data_many(conn: Any, record_ids: Sequence[str]) -> dict[str, str]:
    """``current_data`` of many records: {record id: data}."""
    out: dict[str, str] = {}
    for part in _chunks(record_ids):
        out.update((str(r[0]), str(r[1])) for r in conn.execute(
            "SELECT r.id, v.data FROM records r JOIN revisions v ON v.record_id = r.id AND "
            f"v.rev = r.current_rev WHERE r.id IN ({','.join('?' * len(part))})", part))
    return out


# The columns a case opened by the desk's sync is inserted with, after its placeholder id
# (new_cases): everything its one record says, so no UPDATE follows the insert.
NEW_CASE_COLS = ("status", "priority", "priority_level", "priority_auto", "form_id",
                 "priority_reasons", "display_name", "province", "needs", "doc_expiry",
                 "interviews", "next_due", "created_at", "updated_at", "status_at")


def new_cases(conn: Any, rows: Sequence[tuple[Any, ...]], at: int) -> list[str]:
    """A case for each (record id, then the values of NEW_CASE_COLS up to next_due), in
    order; their case ids, C-{seq}. PostgreSQL: the seqs are drawn from the identity's
    sequence first, so each row goes in whole with its id (one statement). SQLite (seq
    AUTOINCREMENT): each row is first inserted under a placeholder id made from its
    record's (unique, and never a case id's shape), then given C-{seq}."""
    if not rows:
        return []
    cols = ("id", *NEW_CASE_COLS)
    if search.is_pg(conn):
        seqs = sorted(int(r[0]) for r in conn.execute(
            "SELECT nextval(pg_get_serial_sequence('cases', 'seq')) "
            "FROM generate_series(1, CAST(? AS bigint))", (len(rows),)))
        ids = [f"C-{seq:06d}" for seq in seqs]
        bulk.insert(conn, "cases", ("seq", *cols), [
            (seq, cid, *r[1:], at, at, at) for seq, cid, r in zip(seqs, ids, rows, strict=True)])
        return ids
    bulk.insert(conn, "cases", cols, [("~" + r[0], *r[1:], at, at, at) for r in rows])
    found: dict[str, int] = {}
    for part in _chunks(["~" + r[0] for r in rows]):
        found.update((str(r[0]), int(r[1])) for r in conn.execute(
            f"SELECT id, seq FROM cases WHERE id IN ({','.join('?' * len(part))})", part))
    ids = [f"C-{found['~' + r[0]]:06d}" for r in rows]
    conn.executemany("UPDATE cases SET id = ? WHERE seq = ?",
                     [(cid, found["~" + r[0]]) for cid, r in zip(ids, rows, strict=True)])
    return ids


def add_history_many(conn: Any, rows: Sequence[tuple[str, int, str, str, dict[str, Any], str]]
                     ) -> None:
    """``add_history`` for each (case id, at, actor, action, detail, reason)."""
    bulk.insert(conn, "case_history", ("case_id", "at", "actor", "action", "detail", "reason"),
                [(c, at, actor, action, json.dumps(detail, ensure_ascii=False, sort_keys=True),
                  reason) for c, at, actor, action, detail, reason in rows])


def link_records(conn: Any, rows: Sequence[tuple[str, str, int]], *, new: bool = False) -> None:
    """``link_record`` for each (record id, case id, rev); ``new``: none of these records
    is linked yet (their cases were just opened), so they are plain inserts."""
    if new:
        bulk.insert(conn, "case_records", ("record_id", "case_id", "home_case", "seen_rev"),
                    [(rid, cid, cid, rev) for rid, cid, rev in rows])
        return
    conn.executemany(
        "INSERT INTO case_records (record_id, case_id, home_case, seen_rev) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(record_id) DO UPDATE SET seen_rev = excluded.seen_rev",
        [(rid, cid, cid, rev) for rid, cid, rev in rows])


def put_people(conn: Any, rows: Sequence[tuple[str, Sequence[str], int | None, Sequence[str],
                                               str, Sequence[str]]]) -> None:
    """``put_person_keys`` and ``put_blocks`` for each (record id, names, birth year,
    phones, province, block keys): what those records had is replaced."""
    for part in _chunks([r[0] for r in rows]):
        marks = ",".join("?" * len(part))
        conn.execute(f"DELETE FROM person_keys WHERE record_id IN ({marks})", part)
        conn.execute(f"DELETE FROM person_blocks WHERE record_id IN ({marks})", part)
    # The last row of a record wins, as INSERT OR REPLACE did.
    keys = {rid: (rid, " ".join(names), year, " ".join(phones), province)
            for rid, names, year, phones, province, _ in rows}
    bulk.insert(conn, "person_keys", ("record_id", "names", "birth_year", "phones",
                                      "province"), list(keys.values()))
    bulk.insert(conn, "person_blocks", ("key", "record_id"),
                list(dict.fromkeys((k, r[0]) for r in rows for k in r[5])))


def form_follow_ups_of(conn: Any, record_ids: Sequence[str]) -> set[tuple[str, str, str]]:
    """(record id, due, label) of the follow-ups stored for these records."""
    have: set[tuple[str, str, str]] = set()
    for part in _chunks(list(dict.fromkeys(record_ids))):
        have.update((str(r[0]), str(r[1]), str(r[2])) for r in conn.execute(
            "SELECT record_id, due, label FROM case_followups WHERE record_id IN "
            f"({','.join('?' * len(part))})", part))
    return have


def add_form_follow_ups(conn: Any, rows: Sequence[tuple[str, str, str, str]], at: int,
                        actor: str) -> None:
    """``add_follow_up`` (source "form") for each (case id, due, label, record id), in
    order, as given (``new_form_follow_ups`` chose them)."""
    bulk.insert(conn, "case_followups", ("case_id", "due", "label", "source", "record_id",
                                         "created_at", "created_by"),
                [(case_id, due, label, "form", rid, at, actor)
                 for case_id, due, label, rid in rows])


def member_data_many(conn: Any, case_ids: Sequence[str]
                     ) -> dict[str, list[tuple[str, str, str, str, int]]]:
    """``member_data`` of many cases: {case id: its records, as member_data orders them}."""
    out: dict[str, list[tuple[str, str, str, str, int]]] = {}
    for part in _chunks(case_ids):
        for r in conn.execute(
                "SELECT cr.case_id, r.id, r.form_id, r.form_version, v.data, r.created_at "
                "FROM case_records cr JOIN records r ON r.id = cr.record_id "
                "JOIN revisions v ON v.record_id = r.id AND v.rev = r.current_rev "
                f"WHERE cr.case_id IN ({','.join('?' * len(part))}) "
                "ORDER BY cr.case_id, r.created_at, r.id", part):
            out.setdefault(str(r[0]), []).append(
                (str(r[1]), str(r[2]), str(r[3]), str(r[4]), int(r[5])))
    return out


def member_ids(db: Any, case_id: str) -> list[str]:
    return [str(r[0]) for r in db.execute(
        "SELECT cr.record_id FROM case_records cr JOIN records r ON r.id = cr.record_id "
        "WHERE cr.case_id = ? ORDER BY r.created_at, r.id", (case_id,))]


def home_members(db: Any, case_id: str) -> list[str]:
    return [str(r[0]) for r in db.execute(
        "SELECT record_id FROM case_records WHERE home_case = ?", (case_id,))]


def move_records(conn: Any, record_ids: Sequence[str], case_id: str) -> None:
    conn.executemany("UPDATE case_records SET case_id = ? WHERE record_id = ?",
                     [(case_id, r) for r in record_ids])


_SET_DERIVED = (
    "UPDATE cases SET priority_auto = ?, priority_reasons = ?, display_name = ?, "
    "province = ?, needs = ?, doc_expiry = ?, interviews = ?, updated_at = ?, "
    "priority = CASE priority_override WHEN 1 THEN priority ELSE ? END, "
    "priority_level = CASE priority_override WHEN 1 THEN priority_level ELSE ? END "
    "WHERE id = ?")


def derived_row(case_id: str, *, auto: int, auto_level: str, reasons: list[str],
                display_name: str, province: str, needs: Sequence[str],
                doc_expiry: str | None, interviews: int, at: int) -> tuple[Any, ...]:
    """The parameters of ``set_derived`` for one case (``set_derived_many`` takes them)."""
    return (auto, json.dumps(reasons, ensure_ascii=False), display_name, province,
            ("|" + "|".join(needs) + "|") if needs else "", doc_expiry, interviews, at, auto,
            auto_level, case_id)


def set_derived(conn: Any, case_id: str, *, auto: int, auto_level: str, reasons: list[str],
                display_name: str, province: str, needs: Sequence[str],
                doc_expiry: str | None, interviews: int, at: int) -> None:
    """Refresh what the case's records say; an analyst's priority override stays."""
    conn.execute(_SET_DERIVED, derived_row(
        case_id, auto=auto, auto_level=auto_level, reasons=reasons, display_name=display_name,
        province=province, needs=needs, doc_expiry=doc_expiry, interviews=interviews, at=at))


def set_derived_many(conn: Any, rows: Sequence[tuple[Any, ...]]) -> None:
    """``set_derived`` for many cases: rows from ``derived_row``."""
    conn.executemany(_SET_DERIVED, rows)


def case_row(db: Any, case_id: str) -> tuple[Any, ...] | None:
    row: tuple[Any, ...] | None = db.execute(
        f"SELECT {CASE_COLS}, priority_auto, priority_reasons, prev_status "
        "FROM cases WHERE id = ?", (case_id,)).fetchone()
    return row


def update_case(conn: Any, case_id: str, at: int, **cols: Any) -> None:
    allowed = {"status", "prev_status", "priority", "priority_level", "priority_override",
               "assignee", "merged_into", "status_at", "next_due"}
    if not cols or set(cols) - allowed:
        raise ValueError(f"cannot set {sorted(set(cols) - allowed)}")
    sets = ", ".join(f"{k} = ?" for k in cols)
    conn.execute(f"UPDATE cases SET {sets}, updated_at = ? WHERE id = ?",
                 (*cols.values(), at, case_id))


# -- queues --------------------------------------------------------------------------


def _where(flt: CaseFilter, today: str) -> tuple[list[str], list[Any], str]:
    """SQL clauses (alias ``c``), parameters and the order for a queue and filters."""
    w = Where("c.merged_into IS NULL")
    order = "priority"
    q = flt.queue
    if q == "new":
        w.clauses.append("c.status = 'new'")
        order = "newest"
    elif q == "closed":
        w.clauses.append("c.status = 'closed'")
        order = "newest"
    elif q in ("all", "priority", "overdue", "expiring", "mine"):
        if flt.status is None:
            w.clauses.append("c.status != 'closed'")
        if q == "overdue":
            w.add("c.next_due IS NOT NULL AND c.next_due < ?", today)
            order = "due"
        elif q == "expiring":
            limit = (dt.date.fromisoformat(today) + dt.timedelta(days=flt.within_days))
            w.add("c.doc_expiry IS NOT NULL AND c.doc_expiry <= ?", limit.isoformat())
            order = "expiry"
        elif q == "mine":
            w.add("c.assignee = ?", flt.me or "")
    else:
        raise IntakeError(f"unknown queue {q!r} (one of: {', '.join(QUEUES)})")
    w.equal(status=flt.status, priority_level=flt.priority, assignee=flt.assignee,
            province=flt.province, form_id=flt.form_id)
    w.add("c.needs LIKE ?", None if flt.need is None else f"%|{flt.need}|%")
    w.between("created_at", flt.since_ms, flt.until_ms)
    return w.clauses, w.params, order


QUEUES = ("all", "new", "priority", "overdue", "expiring", "mine", "closed")


def list_cases(db: Any, flt: CaseFilter, today: str, limit: int,
               offset: int) -> list[tuple[Any, ...]]:
    where, params, order = _where(flt, today)
    return [tuple(r) for r in db.execute(
        f"SELECT {_C_COLS} FROM cases c WHERE {' AND '.join(where)} "
        f"ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()]


def count_cases(db: Any, flt: CaseFilter, today: str) -> int:
    where, params, _ = _where(flt, today)
    return int(db.execute(f"SELECT count(*) FROM cases c WHERE {' AND '.join(where)}",
                          tuple(params)).fetchone()[0])


ORDERS = {
    "priority": "c.priority DESC, c.updated_at DESC",
    "newest": "c.created_at DESC",
    "due": "c.next_due, c.priority DESC",
    "expiry": "c.doc_expiry, c.priority DESC",
}


def search_case_ids(db: Any, query: str, limit: int) -> list[str]:
    """Live cases whose records match every word, newest record first, each case once."""
    found = search.match(db, query)
    if found is None:
        return []
    cond, match = found
    if pg_roles.reads_logged(db):  # a team member: through the database's own function
        return pg_roles.search_case_ids(db, match, limit)
    if search.is_pg(db):  # the page only, not every match (store.pg.casesearch)
        return pg_casesearch.case_ids(db, match, limit)
    joins = ("FROM records_fts f JOIN records r ON r.seq = f.rowid "
             "JOIN case_records cr ON cr.record_id = r.id JOIN cases c ON c.id = cr.case_id "
             f"WHERE {cond} AND c.merged_into IS NULL")
    out: list[str] = []
    seen: set[str] = set()
    cur = db.execute(f"SELECT c.id {joins} ORDER BY f.rowid DESC", (match,))
    for (cid,) in cur:
        if cid not in seen:
            seen.add(cid)
            out.append(cid)
            if len(out) >= limit:
                break
    return out


# Ids per statement of ``cases_by_ids``: under PostgreSQL's 65,535 parameters (this
# SQLite build's limit: 250,000), and large: a full duplicates run asks for every case of
# its pairs (43,831 at 100,000 records: one statement), and fewer statements cost less.
CASES_CHUNK = 50_000


def cases_by_ids(db: Any, ids: Sequence[str]) -> list[tuple[Any, ...]]:
    """The rows of these cases, in the order given (missing ones left out)."""
    rows: dict[str, tuple[Any, ...]] = {}
    for part in _chunks(ids, CASES_CHUNK):
        rows.update((r[0], tuple(r)) for r in db.execute(
            f"SELECT {CASE_COLS} FROM cases WHERE id IN ({','.join('?' * len(part))})",
            part))
    return [rows[i] for i in ids if i in rows]


def merged_children(db: Any, case_id: str) -> list[str]:
    return [str(r[0]) for r in db.execute(
        "SELECT id FROM cases WHERE merged_into = ? ORDER BY seq", (case_id,))]


def not_duplicates(db: Any) -> set[tuple[str, str]]:
    """The pairs (a < b) an analyst marked as not the same person."""
    return {(str(r[0]), str(r[1])) for r in db.execute(
        "SELECT case_a, case_b FROM case_not_duplicates")}


def set_not_duplicate(conn: Any, a: str, b: str, at: int, actor: str, on: bool) -> bool:
    """Mark (``on``) or unmark the pair (a < b); False if it already was so."""
    had = conn.execute("SELECT 1 FROM case_not_duplicates WHERE case_a = ? AND case_b = ?",
                       (a, b)).fetchone() is not None
    if had == on:
        return False
    if on:
        conn.execute("INSERT INTO case_not_duplicates (case_a, case_b, at, actor) "
                     "VALUES (?, ?, ?, ?)", (a, b, at, actor))
    else:
        conn.execute("DELETE FROM case_not_duplicates WHERE case_a = ? AND case_b = ?",
                     (a, b))
    return True


# -- notes, follow-ups, referrals, history -------------------------------------------


def add_note(conn: Any, case_id: str, at: int, author: str, text: str) -> int:
    return int(conn.execute("INSERT INTO case_notes (case_id, at, author, text) VALUES "
                            "(?, ?, ?, ?)", (case_id, at, author, text)).lastrowid)


def notes(db: Any, case_ids: Sequence[str]) -> list[tuple[int, str, int, str, str]]:
    marks = ",".join("?" * len(case_ids))
    return [tuple(r) for r in db.execute(
        f"SELECT id, case_id, at, author, text FROM case_notes WHERE case_id IN ({marks}) "
        "ORDER BY id", tuple(case_ids)).fetchall()]


def add_follow_up(conn: Any, case_id: str, due: str, label: str, source: str,
                  record_id: str | None, at: int, actor: str) -> int | None:
    """A new open follow-up; None if the form already gave this one."""
    if record_id is not None and conn.execute(
            "SELECT 1 FROM case_followups WHERE record_id = ? AND label = ? AND due = ?",
            (record_id, label, due)).fetchone() is not None:
        return None
    return int(conn.execute(
        "INSERT INTO case_followups (case_id, due, label, source, record_id, created_at, "
        "created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (case_id, due, label, source, record_id, at, actor)).lastrowid)


def close_follow_up(conn: Any, fid: int, at: int, actor: str) -> tuple[str, str] | None:
    """(case_id, due) of the follow-up just marked done; None if no such open one."""
    row = conn.execute("SELECT case_id, due FROM case_followups WHERE id = ? AND "
                       "done_at IS NULL", (fid,)).fetchone()
    if row is None:
        return None
    conn.execute("UPDATE case_followups SET done_at = ?, done_by = ? WHERE id = ?",
                 (at, actor, fid))
    return str(row[0]), str(row[1])


def follow_ups(db: Any, case_ids: Sequence[str]) -> list[tuple[Any, ...]]:
    """(id, case_id, due, label, source, record_id, created_at, created_by, done_at,
    done_by), by due date."""
    marks = ",".join("?" * len(case_ids))
    return [tuple(r) for r in db.execute(
        "SELECT id, case_id, due, label, source, record_id, created_at, created_by, "
        f"done_at, done_by FROM case_followups WHERE case_id IN ({marks}) "
        "ORDER BY due, id", tuple(case_ids)).fetchall()]


# One IN over the case and its merged children: PostgreSQL plans ``case_id = ?1 OR
# case_id IN (...)`` as a scan of every follow-up (bench_team at 1M records).
NEXT_DUE = ("UPDATE cases SET next_due = (SELECT min(f.due) FROM case_followups f WHERE "
            "f.done_at IS NULL AND f.case_id IN (SELECT ?1 UNION ALL SELECT id FROM cases "
            "WHERE merged_into = ?1)) WHERE id = ?1")


def refresh_next_due(conn: Any, case_ids: Sequence[str]) -> None:
    """The earliest open follow-up of each case (records merged in count too)."""
    conn.executemany(NEXT_DUE, [(cid,) for cid in case_ids])


def add_referral(conn: Any, case_id: str, at: int, actor: str, partner: str, need: str,
                 reason: str, record_ids: Sequence[str]) -> int:
    return int(conn.execute(
        "INSERT INTO case_referrals (case_id, at, actor, partner, need, reason, records) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (case_id, at, actor, partner, need, reason, json.dumps(list(record_ids)))).lastrowid)


def referrals(db: Any, case_ids: Sequence[str]) -> list[tuple[Any, ...]]:
    marks = ",".join("?" * len(case_ids))
    return [tuple(r) for r in db.execute(
        "SELECT id, case_id, at, actor, partner, need, reason, records FROM case_referrals "
        f"WHERE case_id IN ({marks}) ORDER BY id", tuple(case_ids)).fetchall()]


def add_history(conn: Any, case_id: str, at: int, actor: str, action: str,
                detail: dict[str, Any], reason: str) -> None:
    conn.execute(
        "INSERT INTO case_history (case_id, at, actor, action, detail, reason) VALUES "
        "(?, ?, ?, ?, ?, ?)", (case_id, at, actor, action,
                               json.dumps(detail, ensure_ascii=False, sort_keys=True), reason))


def history(db: Any, case_ids: Sequence[str]) -> list[tuple[Any, ...]]:
    marks = ",".join("?" * len(case_ids))
    return [tuple(r) for r in db.execute(
        "SELECT id, case_id, at, actor, action, detail, reason FROM case_history "
        f"WHERE case_id IN ({marks}) ORDER BY id", tuple(case_ids)).fetchall()]


# -- retention ---------------------------------------------------------------------


def retention_due(db: Any, status: str, before_ms: int) -> list[tuple[str, str, int]]:
    """(case id, status, status_at) of live cases in ``status`` since before the cutoff."""
    return [(str(r[0]), str(r[1]), int(r[2])) for r in db.execute(
        "SELECT id, status, status_at FROM cases WHERE merged_into IS NULL AND status = ? "
        "AND status_at < ? ORDER BY status_at", (status, before_ms)).fetchall()]


def attachment_count(db: Any, record_ids: Sequence[str]) -> int:
    if not record_ids:
        return 0
    marks = ",".join("?" * len(record_ids))
    return int(db.execute(f"SELECT count(*) FROM attachments WHERE record_id IN ({marks})",
                          tuple(record_ids)).fetchone()[0])


def delete_cases(conn: Any, case_ids: Sequence[str]) -> None:
    """Every row of these cases (their records are purged by store.records first)."""
    for cid in case_ids:
        for table in ("case_notes", "case_followups", "case_referrals", "case_history"):
            conn.execute(f"DELETE FROM {table} WHERE case_id = ?", (cid,))
        conn.execute("DELETE FROM case_records WHERE case_id = ? OR home_case = ?",
                     (cid, cid))
        conn.execute("DELETE FROM case_not_duplicates WHERE case_a = ? OR case_b = ?",
                     (cid, cid))
        conn.execute("DELETE FROM cases WHERE id = ?", (cid,))
