"""Team members' attachment reads and duplicate finder (issue 19), on top of the roles of
``store.pg.roles``: the same rule as for record content, a read of content needs a
committed ``hq_events`` row first (a ticket, ``intake_member_ticket``).

- Attachments: the listing columns (id, record, name, type, size, hash, time) are
  granted to supervisors and caseworkers like a record's summary, under a row-level
  policy (a caseworker: attachments of their cases' records). The content is sealed
  under each attachment's own key (``attachments.chunk_key``), which stays ungranted:
  a member gets it, with the object's name, only from ``intake_read_attachment`` for a
  committed ticket (log row ``attachment-read``). The sealed chunks (``bytea`` rows or
  the bucket's object) reveal nothing without the key; ``intake_attachment_chunks``
  hands the rows out for the ticket without the minute's limit, so a large attachment
  can stream for longer than that. An auditor has none of these.
- Duplicate finder: ``person_keys`` / ``person_blocks`` (names, birth years, phones)
  stay ungranted; a supervisor reads them through ``intake_person_keys``,
  ``intake_record_person`` and ``intake_block_people`` for a ticket whose log row
  (``duplicates-read``) says what was looked at. A caseworker is refused: the finder
  compares every case.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from intake_app.errors import NotFound

_PERSON = "k.record_id, cr.case_id, k.names, k.birth_year, k.phones, k.province"
_PERSON_TYPE = ("record_id text, case_id text, names text, birth_year bigint, phones text, "
                "province text")
_ATT_LIST = "id, record_id, name, mime, size, sha256, created_at, complete"
_FUNCS_ALL = ("intake_member_ticket(text, text)", "intake_read_attachment(bigint)",
              "intake_attachment_chunks(bigint, bigint, bigint)")
_FUNCS_SUP = ("intake_person_keys(bigint)", "intake_record_person(bigint)",
              "intake_block_people(bigint, text, bigint)")
_MINE = ("SELECT cr.record_id FROM case_records cr JOIN cases c ON c.id = cr.case_id "
         "WHERE c.assignee = session_user")
_NOW = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint"

MIGRATION: list[str] = [
    "ALTER TABLE attachments ENABLE ROW LEVEL SECURITY",
    f"""CREATE POLICY attachments_by_role ON attachments USING (intake_sees_all()
        OR record_id IN ({_MINE}))""",
    f"""CREATE FUNCTION intake_member_ticket(p_what text, p_target text) RETURNS bigint
        LANGUAGE plpgsql SECURITY DEFINER AS $$
        DECLARE t bigint; rec text;
        BEGIN
            IF p_what = 'attachment' THEN
                SELECT a.record_id INTO rec FROM attachments a
                    WHERE a.id = p_target AND a.complete = 1;
                -- Missing and not theirs read the same: no oracle for other cases.
                IF rec IS NULL OR NOT intake_may_read(rec) THEN
                    RAISE EXCEPTION 'no attachment %', p_target;
                END IF;
                t := intake_log('attachment-read',
                                jsonb_build_object('attachment', p_target, 'record', rec));
            ELSIF p_what = 'people' THEN
                IF NOT intake_sees_all() THEN
                    RAISE EXCEPTION 'permission denied: the duplicate finder is for '
                        'supervisors' USING ERRCODE = 'insufficient_privilege';
                END IF;
                t := intake_log('duplicates-read', jsonb_build_object('scope', p_target));
            ELSE
                RAISE EXCEPTION 'unknown read %', p_what USING ERRCODE = 'invalid_parameter_value';
            END IF;
            INSERT INTO read_tickets VALUES (t, session_user, p_what, p_target, NULL,
                pg_current_xact_id(), {_NOW});
            RETURN t;
        END $$""",
    # The key and where the sealed chunks are (markers: chunk rows that only mark a
    # chunk held in the blob object, store.attachments).
    """CREATE FUNCTION intake_read_attachment(p_ticket bigint)
        RETURNS TABLE (size bigint, chunk_key bytea, blob text, markers bigint)
        LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
        DECLARE t read_tickets := intake_redeem(p_ticket, 'attachment');
        BEGIN
            RETURN QUERY SELECT a.size, a.chunk_key, a.blob, (SELECT count(*)
                FROM attachment_chunks c WHERE c.attachment_id = a.id AND length(c.data) = 0)
                FROM attachments a WHERE a.id = t.target AND a.complete = 1;
        END $$""",
    """CREATE FUNCTION intake_attachment_chunks(p_ticket bigint, p_first bigint,
                                                p_count bigint)
        RETURNS TABLE (idx bigint, data bytea)
        LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
        DECLARE t read_tickets;
        BEGIN
            SELECT * INTO t FROM read_tickets WHERE id = p_ticket AND login = session_user
                AND what = 'attachment';
            IF NOT FOUND OR pg_xact_status(t.xid) IS DISTINCT FROM 'committed' THEN
                RAISE EXCEPTION 'no committed read ticket % for %', p_ticket, session_user
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN QUERY SELECT c.idx, c.data FROM attachment_chunks c
                WHERE c.attachment_id = t.target AND c.idx >= p_first
                  AND c.idx < p_first + p_count ORDER BY c.idx;
        END $$""",
    f"""CREATE FUNCTION intake_person_keys(p_ticket bigint) RETURNS TABLE ({_PERSON_TYPE})
        LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
        DECLARE t read_tickets := intake_redeem(p_ticket, 'people');
        BEGIN
            RETURN QUERY SELECT {_PERSON} FROM person_keys k
                JOIN case_records cr ON cr.record_id = k.record_id;
        END $$""",
    f"""CREATE FUNCTION intake_record_person(p_ticket bigint) RETURNS TABLE ({_PERSON_TYPE})
        LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
        DECLARE t read_tickets := intake_redeem(p_ticket, 'people');
        BEGIN
            RETURN QUERY SELECT {_PERSON} FROM person_keys k
                JOIN case_records cr ON cr.record_id = k.record_id
                WHERE k.record_id = t.target;
        END $$""",
    f"""CREATE FUNCTION intake_block_people(p_ticket bigint, p_key text, p_limit bigint)
        RETURNS TABLE ({_PERSON_TYPE})
        LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
        DECLARE t read_tickets := intake_redeem(p_ticket, 'people');
        BEGIN
            RETURN QUERY SELECT {_PERSON} FROM person_blocks b
                JOIN person_keys k ON k.record_id = b.record_id
                JOIN case_records cr ON cr.record_id = b.record_id
                WHERE b.key = p_key LIMIT p_limit;
        END $$""",
    *[f"REVOKE ALL ON FUNCTION {f} FROM PUBLIC" for f in (*_FUNCS_ALL, *_FUNCS_SUP)],
    f"""DO $$ DECLARE g_imp text := current_database() || '_importer';
        g_sup text := current_database() || '_supervisor';
        g_cw text := current_database() || '_caseworker';
        BEGIN
        EXECUTE format('GRANT SELECT ({_ATT_LIST}) ON attachments TO %I, %I', g_sup, g_cw);
        EXECUTE format('GRANT EXECUTE ON FUNCTION {", ".join(_FUNCS_ALL)} TO %I, %I, %I',
                       g_imp, g_sup, g_cw);
        EXECUTE format('GRANT EXECUTE ON FUNCTION {", ".join(_FUNCS_SUP)} TO %I, %I',
                       g_imp, g_sup);
        {" ".join(f"EXECUTE format('ALTER FUNCTION {f} SET search_path = pg_catalog, %I, "
                  "pg_temp', current_schema());" for f in (*_FUNCS_ALL, *_FUNCS_SUP))}
        END $$""",
]


def _ticket(db: Any, what: str, target: str) -> int:
    """A committed log row for this read (``db`` autocommits each statement)."""
    import psycopg  # here: store.pg.roles' importers must not load it for SQLCipher

    try:
        row = db.execute("SELECT intake_member_ticket(?, ?)", (what, target)).fetchone()
    except psycopg.errors.RaiseException:
        raise NotFound(f"no {what} {target}") from None
    return int(row[0])


# -- attachments ----------------------------------------------------------------------


def read_attachment(db: Any, att_id: str
                    ) -> tuple[int, bytes | None, str | None, Iterator[bytes] | None]:
    """(size, key, blob name, stored chunks from rows or None: read them from the blob)
    of one attachment, after its logged ticket."""
    ticket = _ticket(db, "attachment", att_id)
    row = db.execute("SELECT * FROM intake_read_attachment(?)", (ticket,)).fetchone()
    if row is None:
        raise NotFound(f"no attachment {att_id}")
    size, key, blob, markers = int(row[0]), row[1], row[2], int(row[3])
    count = (size + (1 << 20) - 1) >> 20
    key = None if key is None else bytes(key)
    if blob is not None and markers == count:
        return size, key, str(blob), None
    return size, key, None, _chunk_rows(db, ticket, count)


def _chunk_rows(db: Any, ticket: int, count: int, batch: int = 8) -> Iterator[bytes]:
    for first in range(0, count, batch):
        rows = db.execute("SELECT idx, data FROM intake_attachment_chunks(?, ?, ?)",
                          (ticket, first, batch)).fetchall()
        for want, (idx, data) in zip(range(first, min(first + batch, count)), rows,
                                     strict=False):
            if int(idx) != want or not len(data):
                return  # the caller finds the count short: StoreCorrupt
            yield bytes(data)


# -- the duplicate finder's keys ------------------------------------------------------

Person = tuple[str, str, str, int | None, str, str]


def _people(rows: Sequence[Any]) -> list[Person]:
    return [(str(r[0]), str(r[1]), str(r[2]), None if r[3] is None else int(r[3]),
             str(r[4]), str(r[5])) for r in rows]


def person_keys(db: Any) -> list[Person]:
    ticket = _ticket(db, "people", "all")
    return _people(db.execute("SELECT * FROM intake_person_keys(?)", (ticket,)).fetchall())


def record_person(db: Any, record_id: str) -> Person | None:
    ticket = _ticket(db, "people", record_id)
    found = _people(db.execute("SELECT * FROM intake_record_person(?)", (ticket,)).fetchall())
    return found[0] if found else None


def block_people(db: Any, keys: Sequence[str], max_block: int) -> list[Person]:
    """As ``store.cases.block_people``: one ticket (log row) for the lookup."""
    ticket = _ticket(db, "people", f"blocks of {len(keys)}")
    out: dict[str, Person] = {}
    for key in keys:
        rows = db.execute("SELECT * FROM intake_block_people(?, ?, ?)",
                          (ticket, key, max_block + 1)).fetchall()
        if len(rows) <= max_block:
            out.update((p[0], p) for p in _people(rows))
    return list(out.values())
