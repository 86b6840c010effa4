"""Team HQ roles, enforced by PostgreSQL itself: four group roles per HQ database, the
grants and row-level security policies that bind them, the SECURITY DEFINER functions
through which every non-importer read of record content is logged, and the per-person
login roles (``intake hq user add``).

Groups are cluster-wide in PostgreSQL, so each HQ database has its own four, named
``<database>_<kind>`` (``intake_group(kind)``): a caseworker of one HQ is nobody in
another on the same server. Identity is ``session_user`` (the login), never
``current_user`` (which ``SET ROLE`` and definer functions change).

- importer: every table (it runs the import and holds HQ's keys on its own machine; the
  database owner is one too);
- supervisor: all cases and their notes, follow-ups, referrals, history, assignment;
  record content only through ``intake_read_record`` / ``intake_export_rows``;
- caseworker: the cases assigned to them (RLS on ``cases.assignee = session_user`` and,
  through it, on every case table and on ``records``); never the ``assignee`` column;
  content only through ``intake_read_record`` for a record of one of their cases;
- auditor: the event log and its checkpoints, devices, received bundles, public keys;
  no record content, no cases.

The content tables (``revisions``, ``attachments``, ``attachment_chunks``,
``records_fts``, ``person_keys``, ``person_blocks``) have no grant for the last three: a
read through the functions writes its ``hq_events`` row in the same statement (unchained:
``hash`` NULL; the importer's next entry chains it, ``hq.eventlog``), so a read without
a log row cannot happen.
"""

from __future__ import annotations

from typing import Any

KINDS = ("importer", "supervisor", "caseworker", "auditor")
# pg_advisory_xact_lock key serialising appends to hq_events (store.events takes it too).
LOG_LOCK = 0x1E7A4E0619

CONTENT_TABLES = ("revisions", "attachments", "attachment_chunks", "records_fts",
                  "person_keys", "person_blocks")
CASE_TABLES = ("case_records", "case_notes", "case_followups", "case_referrals",
               "case_history")
_ALL = ("meta", "forms", "records", *CONTENT_TABLES, "outbox", "bundle_records", "hq_keys",
        "devices", "received_bundles", "record_sources", "hq_events", "hq_log_checkpoints",
        "cases", *CASE_TABLES, "case_not_duplicates", "schema_version", "read_tickets")
_KEY_COLUMNS = "id, purpose, label, public_hex, created_at, retired_at"
_CASE_COLUMNS_CASEWORKER = (
    "status, prev_status, priority, priority_level, priority_auto, priority_override, "
    "priority_reasons, display_name, province, needs, doc_expiry, next_due, interviews, "
    "updated_at, status_at")
_DEFINER = ("intake_log(text, jsonb)", "intake_may_read(text)",
            "intake_ticket(text, text, bigint)", "intake_redeem(bigint, text)",
            "intake_read_record(bigint)", "intake_export_rows(bigint)")


def _grants() -> str:
    """The DO block granting each group its tables (names depend on the database)."""
    everyone = ("meta", "forms", "schema_version")
    sup_read = ("records", "devices", "received_bundles", "record_sources", "hq_events",
                "hq_log_checkpoints", "cases", *CASE_TABLES)
    sup_write = ("cases", *CASE_TABLES)
    cw_read = ("records", "cases", *CASE_TABLES)
    aud_read = ("devices", "received_bundles", "hq_events", "hq_log_checkpoints")
    lines = [
        "g_imp text := current_database() || '_importer';",
        "g_sup text := current_database() || '_supervisor';",
        "g_cw text := current_database() || '_caseworker';",
        "g_aud text := current_database() || '_auditor';",
        "BEGIN",
        "FOREACH g IN ARRAY ARRAY[g_imp, g_sup, g_cw, g_aud] LOOP",
        "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN",
        "    EXECUTE format('CREATE ROLE %I NOLOGIN', g);",
        "  END IF;",
        "END LOOP;",
        f"EXECUTE format('GRANT ALL ON {', '.join(_ALL)} TO %I', g_imp);",
        "EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I, %I, %I',"
        " current_schema(), g_imp, g_sup, g_cw);",
        f"EXECUTE format('GRANT SELECT ON {', '.join(everyone)} TO %I, %I, %I',"
        " g_sup, g_cw, g_aud);",
        f"EXECUTE format('GRANT SELECT ({_KEY_COLUMNS}) ON hq_keys TO %I, %I, %I',"
        " g_sup, g_cw, g_aud);",
        f"EXECUTE format('GRANT SELECT ON {', '.join(sup_read)} TO %I', g_sup);",
        f"EXECUTE format('GRANT INSERT, UPDATE ON {', '.join(sup_write)} TO %I', g_sup);",
        f"EXECUTE format('GRANT SELECT ON {', '.join(cw_read)} TO %I', g_cw);",
        f"EXECUTE format('GRANT UPDATE ({_CASE_COLUMNS_CASEWORKER}) ON cases TO %I', g_cw);",
        "EXECUTE format('GRANT INSERT ON case_notes, case_followups, case_history, "
        "case_referrals TO %I', g_cw);",
        "EXECUTE format('GRANT UPDATE (done_at, done_by) ON case_followups TO %I', g_cw);",
        f"EXECUTE format('GRANT SELECT ON {', '.join(aud_read)} TO %I', g_aud);",
        "EXECUTE format('GRANT SELECT, INSERT, DELETE ON case_not_duplicates TO %I, %I', "
        "g_sup, g_cw);",
        # Definer functions: callable by the groups named, nobody else.
        *[f"EXECUTE 'REVOKE ALL ON FUNCTION {f} FROM PUBLIC';" for f in _DEFINER],
        "EXECUTE format('GRANT EXECUTE ON FUNCTION intake_log(text, jsonb), "
        "intake_ticket(text, text, bigint), intake_read_record(bigint), "
        "intake_export_rows(bigint) TO %I, %I, %I', g_imp, g_sup, g_cw);",
        # search_path pinned: a caller's schema cannot shadow what the definers call.
        *[f"EXECUTE format('ALTER FUNCTION {f} SET search_path = pg_catalog, %I, pg_temp',"
          " current_schema());" for f in (*_DEFINER, "intake_group(text)", "intake_is(text)",
                                          "intake_sees_all()")],
        "END",
    ]
    return "DO $$ DECLARE g text;\n" + "\n".join(lines) + " $$"


# 7: search for team members. ``records_fts`` (lexemes of content) stays closed to them;
# this returns only the ids of live cases the login may see whose records match.
SEARCH_MIGRATION: list[str] = [
    """CREATE FUNCTION intake_search_cases(p_query text, p_limit bigint)
        RETURNS TABLE (case_id text) LANGUAGE sql STABLE SECURITY DEFINER AS $$
        SELECT c.id FROM records_fts f JOIN records r ON r.seq = f.rowid
            JOIN case_records cr ON cr.record_id = r.id JOIN cases c ON c.id = cr.case_id
            WHERE f.tsv @@ CAST(p_query AS tsquery) AND c.merged_into IS NULL
              AND (intake_sees_all() OR c.assignee = session_user)
            GROUP BY c.id ORDER BY max(f.rowid) DESC LIMIT p_limit $$""",
    "REVOKE ALL ON FUNCTION intake_search_cases(text, bigint) FROM PUBLIC",
    """DO $$ BEGIN
        EXECUTE format('GRANT EXECUTE ON FUNCTION intake_search_cases(text, bigint) '
                       'TO %I, %I, %I', current_database() || '_importer',
                       current_database() || '_supervisor', current_database() || '_caseworker');
        EXECUTE format('ALTER FUNCTION intake_search_cases(text, bigint) '
                       'SET search_path = pg_catalog, %I, pg_temp', current_schema());
        END $$""",
]


def _policy(table: str, using: str, check: str | None = None) -> list[str]:
    return [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY {table}_by_role ON {table} USING ({using}) "
            f"WITH CHECK ({check or using})"]


_MINE = "SELECT id FROM cases WHERE assignee = session_user"

MIGRATION: list[str] = [
    # HQ's private keys stay on the importer's machine (services.hq_keys): only public.
    "ALTER TABLE hq_keys ALTER COLUMN secret DROP NOT NULL",
    """CREATE FUNCTION intake_group(kind text) RETURNS text LANGUAGE sql STABLE
        AS $$ SELECT current_database() || '_' || kind $$""",
    """CREATE FUNCTION intake_is(kind text) RETURNS boolean LANGUAGE sql STABLE
        AS $$ SELECT pg_has_role(session_user, intake_group(kind), 'MEMBER') $$""",
    """CREATE FUNCTION intake_sees_all() RETURNS boolean LANGUAGE sql STABLE
        AS $$ SELECT intake_is('importer') OR intake_is('supervisor') $$""",
    *_policy("cases", "intake_sees_all() OR assignee = session_user"),
    *[s for t in CASE_TABLES for s in _policy(t, f"intake_sees_all() OR case_id IN ({_MINE})")],
    *_policy("case_not_duplicates",
             f"intake_sees_all() OR (case_a IN ({_MINE}) AND case_b IN ({_MINE}))"),
    *_policy("records", "intake_sees_all() OR id IN (SELECT record_id FROM case_records "
             f"WHERE case_id IN ({_MINE}))"),
    # One log row per call, stamped with the login; the id continues the chain's numbering
    # under the log's lock (the importer's appends take it too). Returns the row's id.
    f"""CREATE FUNCTION intake_log(p_kind text, p_detail jsonb) RETURNS bigint
        LANGUAGE plpgsql SECURITY DEFINER AS $$
        DECLARE next_id bigint;
        BEGIN
            PERFORM pg_advisory_xact_lock({LOG_LOCK});
            SELECT coalesce(max(id), 0) + 1 INTO next_id FROM hq_events;
            INSERT INTO hq_events (id, at, kind, detail) VALUES (next_id,
                (extract(epoch FROM clock_timestamp()) * 1000)::bigint, p_kind,
                (coalesce(p_detail, '{{}}'::jsonb)
                 || jsonb_build_object('login', session_user::text))::text);
            RETURN next_id;
        END $$""",
    """CREATE FUNCTION intake_may_read(p_record text) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER AS $$
        SELECT intake_sees_all() OR (intake_is('caseworker') AND EXISTS (
            SELECT 1 FROM case_records cr JOIN cases c ON c.id = cr.case_id
            WHERE cr.record_id = p_record AND c.assignee = session_user)) $$""",
    # A content read is two statements: the first logs it and returns a ticket, the
    # second returns the content for a ticket whose transaction has COMMITTED (checked
    # with pg_xact_status). A log row in the reader's own open transaction could be
    # rolled back after the content was seen; a committed one cannot.
    """CREATE TABLE read_tickets (id bigint PRIMARY KEY, login text NOT NULL,
        what text NOT NULL, target text, rev bigint, xid xid8 NOT NULL, at bigint NOT NULL)""",
    """CREATE FUNCTION intake_ticket(p_what text, p_target text, p_rev bigint) RETURNS bigint
        LANGUAGE plpgsql SECURITY DEFINER AS $$
        DECLARE t bigint; n bigint;
        BEGIN
            IF p_what = 'record' THEN
                IF NOT intake_may_read(p_target) THEN
                    RAISE EXCEPTION 'permission denied for record %', p_target
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                SELECT coalesce(p_rev, r.current_rev) INTO p_rev FROM records r
                    WHERE r.id = p_target;
                t := intake_log('read', jsonb_build_object('record', p_target, 'rev', p_rev));
            ELSIF p_what = 'export' THEN
                IF NOT intake_sees_all() THEN
                    RAISE EXCEPTION 'permission denied: exports are for supervisors'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                SELECT count(*) INTO n FROM records c
                    WHERE p_target IS NULL OR c.form_id = p_target;
                t := intake_log('export-read', jsonb_build_object(
                    'form', coalesce(p_target, ''), 'records', n));
            ELSE
                RAISE EXCEPTION 'unknown read %', p_what USING ERRCODE = 'invalid_parameter_value';
            END IF;
            INSERT INTO read_tickets VALUES (t, session_user, p_what, p_target, p_rev,
                pg_current_xact_id(), (extract(epoch FROM clock_timestamp()) * 1000)::bigint);
            RETURN t;
        END $$""",
    # The ticket: this login's, this kind, committed, at most a minute old.
    """CREATE FUNCTION intake_redeem(p_ticket bigint, p_what text) RETURNS read_tickets
        LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
        DECLARE t read_tickets;
        BEGIN
            SELECT * INTO t FROM read_tickets WHERE id = p_ticket AND login = session_user
                AND what = p_what;
            IF NOT FOUND OR pg_xact_status(t.xid) IS DISTINCT FROM 'committed'
                    OR t.at < (extract(epoch FROM clock_timestamp()) * 1000)::bigint - 60000
            THEN
                RAISE EXCEPTION 'no committed read ticket % for %: log the read first '
                    '(intake_ticket) in its own transaction', p_ticket, session_user
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN t;
        END $$""",
    # Every revision's number and time, the content of the ticket's one.
    """CREATE FUNCTION intake_read_record(p_ticket bigint)
        RETURNS TABLE (rev bigint, saved_at bigint, data text)
        LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
        DECLARE t read_tickets := intake_redeem(p_ticket, 'record');
        BEGIN
            RETURN QUERY SELECT v.rev, v.saved_at, CASE WHEN v.rev = t.rev THEN v.data END
                FROM revisions v WHERE v.record_id = t.target ORDER BY v.rev;
        END $$""",
    # A whole export for one ticket (its log row names the form and the count).
    """CREATE FUNCTION intake_export_rows(p_ticket bigint)
        RETURNS TABLE (record_id text, form_id text, form_version text, status text,
                       current_rev bigint, created_at bigint, updated_at bigint, data text,
                       device_id text, seq bigint)
        LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
        DECLARE t read_tickets := intake_redeem(p_ticket, 'export');
        BEGIN
            RETURN QUERY SELECT c.id, c.form_id, c.form_version, c.status, c.current_rev,
                c.created_at, c.updated_at, r.data, s.device_id, s.seq FROM records c
                JOIN revisions r ON r.record_id = c.id AND r.rev = c.current_rev
                LEFT JOIN record_sources s ON s.record_id = c.id AND s.rev = c.current_rev
                WHERE t.target IS NULL OR c.form_id = t.target
                ORDER BY c.form_id, c.created_at, c.id;
        END $$""",
    _grants(),
]


# -- people: one login role each, a member of one group ------------------------------


def group_of(conn: Any) -> str | None:
    """The kind of this connection's login: 'owner' (owns the database's tables or is a
    superuser), one of KINDS, or None (no role in this HQ)."""
    row = conn.execute(
        "SELECT r.rolsuper OR pg_has_role(session_user, c.relowner, 'MEMBER') "
        "FROM pg_roles r, pg_class c WHERE r.rolname = session_user "
        "AND c.oid = to_regclass('hq_events')").fetchone()
    if row is not None and row[0]:
        return "owner"
    for kind in KINDS:
        if conn.execute("SELECT intake_is(?)", (kind,)).fetchone()[0]:
            return kind
    return None


def login(conn: Any) -> str:
    return str(conn.execute("SELECT session_user").fetchone()[0])


def people(conn: Any) -> list[tuple[str, str]]:
    """(login, kind) of every member of this HQ's groups, by login."""
    rows = conn.execute(
        "SELECT m.rolname, substr(g.rolname, length(current_database()) + 2) "
        "FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
        "JOIN pg_roles m ON m.oid = a.member "
        "WHERE g.rolname IN (intake_group('importer'), intake_group('supervisor'), "
        "intake_group('caseworker'), intake_group('auditor')) ORDER BY m.rolname, 2"
    ).fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]


def role_exists(conn: Any, login: str) -> bool:
    return conn.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (login,)).fetchone() \
        is not None


def need_createrole(conn: Any, needed_for: str) -> None:
    """Refuse with one line naming the privilege and how to grant it, before a statement
    that makes or drops roles fails halfway with PostgreSQL's bare "permission denied"."""
    from intake_app.errors import AccessDenied

    ok, who = conn.execute("SELECT rolsuper OR rolcreaterole, rolname FROM pg_roles "
                           "WHERE rolname = current_user").fetchone()
    if not ok:
        raise AccessDenied(f"the database login {who} lacks the CREATEROLE privilege, which "
                           f"{needed_for} needs; a superuser grants it with: "
                           f"ALTER ROLE {who} CREATEROLE")


def add_person(conn: Any, login: str, kind: str, password: str) -> None:
    """A new login role in ``kind``'s group, inside the caller's transaction. The
    password goes as a SCRAM verifier made on this side (libpq's PQencryptPasswordConn):
    the password itself never travels nor lands in the server's log. DDL takes no
    parameters: the values go through set_config (local to the transaction) and
    format's %I / %L inside the server."""
    need_createrole(conn, "adding a person (intake hq user add)")
    verifier = conn.raw.pgconn.encrypt_password(
        password.encode("utf-8"), login.encode("utf-8"), b"scram-sha-256").decode("ascii")
    conn.execute("SELECT set_config('intake.login', ?, true), "
                 "set_config('intake.verifier', ?, true), set_config('intake.kind', ?, true)",
                 (login, verifier, kind))
    conn.execute(
        "DO $$ BEGIN EXECUTE format('CREATE ROLE %I LOGIN INHERIT PASSWORD %L IN ROLE %I',"
        " current_setting('intake.login'), current_setting('intake.verifier'), "
        "intake_group(current_setting('intake.kind'))); END $$")


def remove_person(conn: Any, login: str) -> None:
    need_createrole(conn, "removing a person (intake hq user remove)")
    conn.execute("SELECT set_config('intake.login', ?, true)", (login,))
    conn.execute("DO $$ BEGIN EXECUTE format('DROP ROLE %I', "
                 "current_setting('intake.login')); END $$")


# -- the logged content reads, as the store makes them for a team member -------------

# Logins whose content reads go through the ticket functions (never a plain SELECT).
LOGGED = ("supervisor", "caseworker", "auditor")


def reads_logged(db: Any) -> bool:
    """True for a team member's PostgreSQL store (``PgDatabase.member``) that is not
    an importer: its content reads take a ticket first."""
    return getattr(db, "member", None) in LOGGED


def read_record(db: Any, record_id: str, rev: int | None) -> list[tuple[int, int, str | None]]:
    """(rev, saved_at, data) of every revision, data only for ``rev`` (None: the current
    one). Two autocommitted statements on ``db`` (never inside a transaction): the
    ticket's log row is committed before the content comes back."""
    ticket = db.execute("SELECT intake_ticket('record', ?, ?)", (record_id, rev)).fetchone()[0]
    return [(int(r[0]), int(r[1]), None if r[2] is None else str(r[2])) for r in db.execute(
        "SELECT rev, saved_at, data FROM intake_read_record(?)", (ticket,)).fetchall()]


def search_case_ids(db: Any, tsquery: str, limit: int) -> list[str]:
    return [str(r[0]) for r in db.execute(
        "SELECT case_id FROM intake_search_cases(?, ?)", (tsquery, limit)).fetchall()]


def export_rows(db: Any, form_id: str | None) -> list[tuple[Any, ...]]:
    """(record_id, form_id, form_version, status, current_rev, created_at, updated_at,
    data, device_id, seq) of every record (of ``form_id``): one logged export read."""
    ticket = db.execute("SELECT intake_ticket('export', ?, NULL)", (form_id,)).fetchone()[0]
    return [tuple(r) for r in db.execute(
        "SELECT * FROM intake_export_rows(?)", (ticket,)).fetchall()]
