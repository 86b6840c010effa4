"""Team HQ roles enforced by PostgreSQL itself (issue 19): each person's own database
login, with plain SQL, gets only what the role gives; content reads by non-importers go
through the definer functions and each leaves an event-log row. One HQ database for the
module (a real server from tests/pg_helpers.py, real password logins)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from intake_app.services.hq import HQService
from intake_app.store.pg import roles
from tests.case_helpers import example, make_hq, seed
from tests.pg_helpers import PgServer

psycopg = pytest.importorskip("psycopg")


@dataclass
class Team:
    server: PgServer
    dbname: str
    hq: HQService
    logins: dict[str, str]  # kind or name -> login
    passwords: dict[str, str]  # login -> password
    mine: str  # case assigned to the caseworker "cw"
    theirs: str  # case assigned to "cw2"
    loose: str  # case assigned to nobody
    records: dict[str, str]  # case id -> its record id

    def connect(self, who: str) -> Any:
        login = self.logins[who]
        return psycopg.connect(self.server.dsn(self.dbname, user=login,
                                               password=self.passwords[login]),
                               autocommit=True)

    def log_rows(self) -> list[tuple[str, str]]:
        with psycopg.connect(self.server.dsn(self.dbname), autocommit=True) as c:
            return [(r[0], r[1]) for r in c.execute(
                "SELECT kind, detail FROM hq_events ORDER BY id").fetchall()]


@pytest.fixture(scope="module")
def team(pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
    dbname = pg_server.new_database("roles")
    hq = make_hq(tmp_path_factory.mktemp("roles"), pg_server.store_url(dbname))
    tag = secrets.token_hex(3)
    logins = {k: f"{k}_{tag}" for k in ("importer", "supervisor", "cw", "cw2", "auditor")}
    kinds = {"importer": "importer", "supervisor": "supervisor", "cw": "caseworker",
             "cw2": "caseworker", "auditor": "auditor"}
    passwords = {login: secrets.token_urlsafe(12) for login in logins.values()}
    store: Any = hq._store
    with store.transaction() as conn:
        for who, login in logins.items():
            roles.add_person(conn, login, kinds[who], passwords[login])
    seed(hq, [example(full_name=f"Person {i}") for i in range(3)])
    cases = {c.id: hq.case(c.id).records[0].id for c in hq.cases(limit=10)}
    ids = sorted(cases)
    hq.assign(ids[0], logins["cw"], actor="lead")
    hq.assign(ids[1], logins["cw2"], actor="lead")
    yield Team(pg_server, dbname, hq, logins, passwords, ids[0], ids[1], ids[2], cases)
    hq.close()


def _read(conn: Any, record_id: str) -> list[tuple[Any, ...]]:
    """A logged read as the app makes it: the ticket (committed: autocommit), then the
    content for it."""
    t = conn.execute("SELECT intake_ticket('record', %s, NULL)", (record_id,)).fetchone()[0]
    return list(conn.execute("SELECT * FROM intake_read_record(%s)", (t,)).fetchall())


def _denied(conn: Any, sql: str, params: tuple[Any, ...] = ()) -> str:
    """The statement is refused by the server; its message."""
    with pytest.raises(psycopg.Error) as info:
        conn.execute(sql, params)
    return str(info.value)


def test_a_caseworker_sees_only_the_cases_assigned_to_them(team: Team) -> None:
    with team.connect("cw") as cw:
        assert [r[0] for r in cw.execute("SELECT id FROM cases")] == [team.mine]
        assert [r[0] for r in cw.execute("SELECT id FROM records")] == [team.records[team.mine]]
        assert {r[0] for r in cw.execute("SELECT case_id FROM case_history")} == {team.mine}
        assert cw.execute("SELECT count(*) FROM cases WHERE id = %s",
                          (team.theirs,)).fetchone()[0] == 0
        assert cw.execute("SELECT count(*) FROM case_records WHERE case_id = %s",
                          (team.loose,)).fetchone()[0] == 0
        for table in roles.CONTENT_TABLES:
            assert "permission denied" in _denied(cw, f"SELECT * FROM {table}")
        assert "permission denied" in _denied(cw, "SELECT * FROM hq_events")
        assert "permission denied" in _denied(cw, "SELECT secret FROM hq_keys")


def _plan(conn: Any, sql: str) -> str:
    return "\n".join(r[0] for r in conn.execute("EXPLAIN " + sql))


def test_no_policy_asks_each_row_for_the_logins_role(team: Team) -> None:
    """Migration 12: a policy names its groups; none calls ``intake_sees_all()`` (a
    function with its own search_path, never inlined: ~37 us per row scanned, which made
    a caseworker's queue page walk 46,000 rows for 1.8 s at 200,000 records) in the
    plan; a caseworker's rule is the plain ``assignee = session_user``, in the column's
    collation so that ``cases_assignee`` serves it (the queue's order; ``session_user``
    is a ``name``, collated "C": compared as it is, no index could), a supervisor's none."""
    queries = ("SELECT id FROM cases WHERE merged_into IS NULL ORDER BY priority DESC "
               "LIMIT 50", "SELECT id FROM records", "SELECT case_id FROM case_history",
               "SELECT case_id FROM case_followups", "SELECT id FROM attachments")
    for who in ("cw", "supervisor"):
        with team.connect(who) as conn:
            for sql in queries:
                plan = _plan(conn, sql)
                assert "intake_sees_all" not in plan and "intake_is" not in plan, (who, plan)
    with team.connect("cw") as cw:  # the caseworker's rule alone, which an index serves
        plan = _plan(cw, "SELECT id FROM cases WHERE merged_into IS NULL AND status != "
                         "'closed' ORDER BY priority DESC, updated_at DESC LIMIT 50")
        assert " OR " not in plan, plan
        cw.execute("SET enable_seqscan = off")  # a tiny table: can an index serve it?
        for sql in ("SELECT id FROM cases", "SELECT count(*) FROM case_history"):
            assert "Index Cond: (assignee = " in _plan(cw, sql), _plan(cw, sql)
    with team.connect("supervisor") as sup:  # no row filter at all for a supervisor
        assert "SESSION_USER" not in _plan(sup, "SELECT id FROM cases")


def test_a_supervisor_sees_every_case_but_no_content_table(team: Team) -> None:
    with team.connect("supervisor") as sup:
        assert sorted(r[0] for r in sup.execute("SELECT id FROM cases")) == sorted(team.records)
        assert sup.execute("SELECT count(*) FROM records").fetchone()[0] == 3
        for table in roles.CONTENT_TABLES:
            assert "permission denied" in _denied(sup, f"SELECT * FROM {table}")
        assert sup.execute("SELECT count(*) FROM hq_events").fetchone()[0] > 0


def test_an_auditor_reads_the_log_and_devices_but_no_record_content(team: Team) -> None:
    with team.connect("auditor") as aud:
        assert aud.execute("SELECT count(*) FROM hq_events").fetchone()[0] > 0
        aud.execute("SELECT * FROM devices, received_bundles LIMIT 1")
        for table in (*roles.CONTENT_TABLES, "records", "cases", *roles.CASE_TABLES):
            assert "permission denied" in _denied(aud, f"SELECT * FROM {table}")
        for call in ("SELECT intake_ticket('record', %s, NULL)",
                     "SELECT intake_ticket('export', %s, NULL)"):
            assert "permission denied" in _denied(aud, call, (team.records[team.mine],))
        for call in ("SELECT * FROM intake_read_record(1)", "SELECT * FROM intake_export_rows(1)",
                     "SELECT * FROM read_tickets"):
            assert "permission denied" in _denied(aud, call)


def test_every_content_read_goes_through_the_definer_and_leaves_a_log_row(
        team: Team) -> None:
    rid = team.records[team.mine]
    before = len(team.log_rows())
    with team.connect("cw") as cw:
        rows = _read(cw, rid)
    assert len(rows) == 1 and "Person" in rows[0][2]
    after = team.log_rows()
    assert len(after) == before + 1
    kind, detail = after[-1]
    assert kind == "read" and rid in detail and team.logins["cw"] in detail
    with team.connect("supervisor") as sup:
        t = sup.execute("SELECT intake_ticket('export', NULL, NULL)").fetchone()[0]
        assert sup.execute("SELECT count(*) FROM intake_export_rows(%s)", (t,)).fetchone()[0] \
            == 3
        assert _read(sup, team.records[team.loose])[0][2]
    kinds = [k for k, _d in team.log_rows()[len(after):]]
    assert kinds == ["export-read", "read"]


def test_content_comes_only_for_a_committed_log_row(team: Team) -> None:
    """A log row in the reader's own transaction could be rolled back after the content
    was seen: the content is only handed out for a ticket whose log row is committed."""
    rid = team.records[team.mine]
    before = len(team.log_rows())
    with team.connect("cw") as cw:
        cw.autocommit = False
        t = cw.execute("SELECT intake_ticket('record', %s, NULL)", (rid,)).fetchone()[0]
        assert "no committed read ticket" in _denied(
            cw, "SELECT * FROM intake_read_record(%s)", (t,))
        cw.rollback()
        # The same in one statement, and in one query string (one implicit transaction).
        assert "no committed read ticket" in _denied(
            cw, "SELECT * FROM intake_read_record(intake_ticket('record', %s, NULL))", (rid,))
        cw.rollback()
        cw.autocommit = True
        nxt = len(team.log_rows()) + 1  # the id the ticket will get
        assert "no committed read ticket" in _denied(cw, (
            f"SELECT intake_ticket('record', '{rid}', NULL); "
            f"SELECT * FROM intake_read_record({nxt})").encode())
    assert len(team.log_rows()) == before
    # Another login's ticket, or a ticket of another kind, is refused too.
    with team.connect("supervisor") as sup:
        t = sup.execute("SELECT intake_ticket('record', %s, NULL)", (rid,)).fetchone()[0]
    with team.connect("cw") as cw:
        assert "no committed read ticket" in _denied(
            cw, "SELECT * FROM intake_read_record(%s)", (t,))
        mine = cw.execute("SELECT intake_ticket('record', %s, NULL)", (rid,)).fetchone()[0]
        assert "no committed read ticket" in _denied(
            cw, "SELECT * FROM intake_export_rows(%s)", (mine,))


def test_a_caseworker_cannot_reach_other_cases_by_any_path(team: Team) -> None:
    me = team.logins["cw"]
    with team.connect("cw") as cw:
        for case in (team.theirs, team.loose):
            # UPDATE of a case not theirs: invisible to them, nothing changes.
            assert cw.execute("UPDATE cases SET status = 'closed' WHERE id = %s",
                              (case,)).rowcount == 0
            # Definer functions for another case's record: refused.
            assert "permission denied" in _denied(
                cw, "SELECT intake_ticket('record', %s, NULL)", (team.records[case],))
            # A note or history row on another case: refused by the policy's check.
            assert "row-level security" in _denied(
                cw, "INSERT INTO case_notes (case_id, at, author, text) "
                    "VALUES (%s, 1, 'x', 'y')", (case,))
        # Reassigning: no grant on the column (not even their own case)...
        assert "permission denied" in _denied(
            cw, "UPDATE cases SET assignee = %s WHERE id = %s", (me, team.loose))
        assert "permission denied" in _denied(
            cw, "UPDATE cases SET assignee = %s WHERE id = %s", (team.logins["cw2"], team.mine))
        # ... nor the exports, nor the log, nor another role.
        assert "permission denied" in _denied(cw, "SELECT intake_ticket('export', NULL, NULL)")
        assert "permission denied" in _denied(cw, "SELECT * FROM read_tickets")
        # Search: ids of their own cases only, whatever the words.
        assert [r[0] for r in cw.execute(
            "SELECT * FROM intake_search_cases('person:*', 10)")] == [team.mine]
        assert "permission denied" in _denied(cw, "DELETE FROM hq_events")
        assert "permission denied" in _denied(
            cw, "INSERT INTO hq_events (id, at, kind, detail) VALUES (999, 1, 'x', '{}')")
        assert "permission denied" in _denied(cw, "UPDATE hq_events SET detail = '{}'")
        for role in (team.logins["supervisor"], team.logins["importer"],
                     f"{team.dbname}_supervisor", f"{team.dbname}_importer", "intake_admin"):
            _denied(cw, f'SET ROLE "{role}"')
        # Their own case: the grants they have work.
        assert cw.execute("UPDATE cases SET needs = 'food' WHERE id = %s",
                          (team.mine,)).rowcount == 1
    with psycopg.connect(team.server.dsn(team.dbname), autocommit=True) as admin:
        rows = dict(admin.execute("SELECT id, status FROM cases").fetchall())
        assigned = dict(admin.execute("SELECT id, assignee FROM cases").fetchall())
    assert rows[team.theirs] != "closed" and rows[team.loose] != "closed"
    assert assigned == {team.mine: me, team.theirs: team.logins["cw2"], team.loose: None}


def test_the_log_rows_from_reads_join_the_signed_chain(team: Team) -> None:
    rid = team.records[team.mine]
    with team.connect("cw") as cw:
        _read(cw, rid)
    # The importer's next entry chains them; the exported log verifies with the keyring.
    from intake_app.hq.eventlog import verify_log

    data = team.hq.log_bytes()
    check = verify_log(data, team.hq.signing_key().verify_key, team.hq.hq_id)
    assert check.ok, check.summary()
    reads = check.kinds("read")
    assert reads and all(team.logins["cw"] in str(e.detail) or
                         team.logins["supervisor"] in str(e.detail) for e in reads)


def test_the_importer_login_imports_and_reads_everything(team: Team) -> None:
    with team.connect("importer") as imp:
        assert imp.execute("SELECT count(*) FROM revisions").fetchone()[0] == 3
        assert imp.execute("SELECT count(*) FROM cases").fetchone()[0] == 3
        imp.execute("INSERT INTO forms (form_id, version, definition, installed_at) "
                    "VALUES ('f', '1', '\\x00', 1)")
        imp.execute("DELETE FROM forms WHERE form_id = 'f'")


# -- HQ's private keys: in the importer's profile, never in PostgreSQL ------------------


def test_hqs_private_keys_stay_in_the_profile_and_postgres_has_public_keys_only(
        team: Team) -> None:
    with psycopg.connect(team.server.dsn(team.dbname), autocommit=True) as admin:
        rows = admin.execute("SELECT purpose, secret, public_hex FROM hq_keys").fetchall()
    assert len(rows) == 3 and all(secret is None for _p, secret, _h in rows)
    # The keys the profile holds are those public halves, and they work.
    sk = team.hq.signing_key()
    assert bytes(sk.verify_key).hex() in {h for _p, _s, h in rows}
    assert {bytes(k.public_key).hex() for k in team.hq.recipient_private_keys()} == \
        {h for p, _s, h in rows if p == "recipient"}


def test_secrets_found_in_postgres_move_into_the_profile_at_unlock(
        pg_server: PgServer, tmp_path: Path) -> None:
    """A store from before migration 6 (or copied up by an older migrate) held them."""
    from intake_app.store import hq as store_hq
    from tests.case_helpers import PASS

    url = pg_server.store_url(pg_server.new_database("keys"))
    hq = make_hq(tmp_path, url)
    fp = hq.fingerprint()
    local: Any = hq._local
    keys = store_hq.keys_with_secrets(local)
    with local.transaction() as conn:
        conn.execute("DELETE FROM hq_keys")
    with hq._store.transaction() as conn:
        for _purpose, _label, secret, public, _c, _r in keys:
            conn.execute("UPDATE hq_keys SET secret = ? WHERE public_hex = ?", (secret, public))
    hq.lock()
    again = HQService(tmp_path / "hq")
    again.unlock(PASS)
    try:
        assert again.fingerprint() == fp
        assert store_hq.keys_with_secrets(again._store) == []
        assert [k[2] for k in store_hq.keys_with_secrets(again._keys)] == [k[2] for k in keys]
    finally:
        again.lock()


# -- the service API as each role (a member's own profile: intake hq join) --------------


def _member(team: Team, who: str, root: Path) -> HQService:
    from intake_app.services.hq_team import join_team
    from tests.case_helpers import PASS

    login = team.logins[who]
    folder = root / who
    if not folder.exists():
        m = join_team(folder, PASS, team.server.store_url(team.dbname, login),
                      team.passwords[login])
        assert m.login == login
    svc = HQService(folder, db_password=team.passwords[login])
    svc.unlock(PASS)
    return svc


@pytest.fixture(scope="module")
def members(team: Team, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("members")


def test_the_service_as_a_caseworker_works_on_their_cases_only(
        team: Team, members: Path) -> None:
    from intake_app.errors import AccessDenied, NotFound

    login = team.logins["cw"]
    before = len(team.log_rows())
    with _member(team, "cw", members) as cw:
        assert cw._keys is not cw._store and not cw.recipient_private_keys()
        assert [c.id for c in cw.cases()] == [team.mine]
        detail = cw.case(team.mine)  # reads the record's content: logged
        assert detail.names and detail.records[0].id == team.records[team.mine]
        shown = cw.record(team.records[team.mine])
        assert shown.values["full_name"].startswith("Person")
        assert [c.id for c in cw.search_cases("Person")] == [team.mine]  # not logged: ids
        note = cw.add_note(team.mine, "called back", actor="Amina")
        assert note.author == "Amina"
        for case in (team.theirs, team.loose):
            with pytest.raises(NotFound):
                cw.case(case)
            with pytest.raises(NotFound):
                cw.record(team.records[case])
            with pytest.raises(NotFound):
                cw.add_note(case, "x", actor="Amina")
        with pytest.raises(AccessDenied):
            cw.assign(team.mine, team.logins["cw2"], actor="Amina")
        with pytest.raises(AccessDenied):
            cw.export_records("jsonl", members / "cw.jsonl")
    new = team.log_rows()[before:]
    reads = [d for k, d in new if k == "read"]
    assert len(reads) == 2 and all(login in d for d in reads)
    assert any(k == "case-note" and login in d for k, d in new)
    assert not (members / "cw.jsonl").exists()


def test_the_service_as_a_supervisor_assigns_and_exports_with_a_log_row(
        team: Team, members: Path) -> None:
    before = len(team.log_rows())
    with _member(team, "supervisor", members) as sup:
        assert len(sup.cases()) == 3
        assert sorted(c.id for c in sup.search_cases("person")) == sorted(team.records)
        sup.assign(team.loose, team.logins["cw2"], actor="Lead")
        summary = sup.export_records("jsonl", members / "all.jsonl")
        assert summary.records == 3
        sup.assign(team.loose, None, actor="Lead")
    assert len((members / "all.jsonl").read_text(encoding="utf-8").splitlines()) >= 3
    kinds = [k for k, _d in team.log_rows()[before:]]
    assert kinds.count("export-read") == 1 and "export" in kinds
    assert kinds.count("case-assign") == 2


def test_the_service_as_an_auditor_reads_the_log_not_the_records(
        team: Team, members: Path) -> None:
    from intake_app.errors import AccessDenied

    with _member(team, "auditor", members) as aud:
        assert {e.kind for e in aud.log_entries()} >= {"init", "read"}
        assert aud.devices() == []
        with pytest.raises(AccessDenied):
            aud.cases()
        with pytest.raises(AccessDenied):
            aud.record(team.records[team.mine])
        with pytest.raises(AccessDenied):
            aud.search_cases("Person")


def test_a_login_with_no_role_cannot_join(team: Team, tmp_path: Path) -> None:
    from intake_app.errors import ProfileError
    from intake_app.services.hq_team import join_team
    from tests.case_helpers import PASS

    stranger = f"stranger_{secrets.token_hex(3)}"
    with psycopg.connect(team.server.dsn(team.dbname), autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {stranger} LOGIN PASSWORD 'stranger-password'")
    with pytest.raises(ProfileError, match="no role"):
        join_team(tmp_path / "x", PASS, team.server.store_url(team.dbname, stranger),
                  "stranger-password")
    assert not (tmp_path / "x").exists()


def test_cli_user_add_list_remove(team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                  ) -> None:
    import io

    from tests.cli_helpers import run

    url = team.server.store_url(team.dbname)
    name = f"newcw_{secrets.token_hex(3)}"
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-enough-password\n"))
    r = run("hq", "user", "add", name, "--role", "caseworker", "--database", url,
            "--password-stdin")
    assert r.rc == 0, r.err
    assert {"login": name, "role": "caseworker"} in run(
        "hq", "user", "list", "--json", "--database", url).json()
    with psycopg.connect(team.server.dsn(team.dbname, user=name,
                                         password="a-long-enough-password")) as c:
        assert c.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
    # Refusals: one line each, nothing changed.
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    r = run("hq", "user", "add", "other_one", "--role", "caseworker", "--database", url,
            "--password-stdin")
    assert r.rc == 2 and "12 characters" in r.err
    r = run("hq", "user", "add", "Bad-Name", "--role", "caseworker", "--database", url,
            "--password-stdin")
    assert r.rc == 2 and "bad login name" in r.err
    r = run("hq", "user", "list", "--database", team.server.store_url(
        team.dbname, team.logins["supervisor"]), env={"PGPASSWORD": team.passwords[
            team.logins["supervisor"]]})
    assert r.rc == 1 and "owner" in r.err
    assert run("hq", "user", "remove", name, "--database", url).rc == 0
    assert name not in run("hq", "user", "list", "--database", url).out
    r = run("hq", "user", "remove", name, "--database", url)
    assert r.rc == 1 and "nobody" in r.err
    kinds = [k for k, _d in team.log_rows()]
    assert "team-add" in kinds and "team-remove" in kinds


@pytest.mark.slow  # ~11 s on the loaded 2-core machine: a real field laptop and HQ via the CLI
def test_an_importer_login_imports_a_real_bundle(pg_server: PgServer, tmp_path: Path) -> None:
    """Not the owner: a person in the importer group, with HQ's keys in their profile."""
    from intake_app.services import hq_backend
    from intake_app.services.hq_team import TeamAdmin
    from intake_app.store import meta as store_meta
    from tests.cli_helpers import HQ_PASS, enrolled_pair, example_values, run
    from tests.test_bundle_flow import _new

    dbname = pg_server.new_database("imp")
    s = enrolled_pair(tmp_path, database=pg_server.store_url(dbname))
    login, password = f"imp_{secrets.token_hex(3)}", secrets.token_urlsafe(16)
    with TeamAdmin(pg_server.store_url(dbname)) as team:
        team.add(login, "importer", password)
    with HQService(s.hq) as svc:  # this profile now names the importer's own login
        svc.unlock(HQ_PASS)
        local: Any = svc._local
        with local.transaction() as conn:
            store_meta.put_meta(conn, {hq_backend.DATABASE_KEY: pg_server.store_url(
                dbname, login)})
    rid = _new(s, example_values(interviewer_notes="via importer"), name="r.json")
    assert s.f("record", "finalize", rid).rc == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    bundle = s.f("export", "--to", usb).out.split()[0]
    env = {"PGPASSWORD": password}
    r = run("--data-dir", s.hq, "hq", "import", bundle, passphrase=HQ_PASS, env=env)
    assert r.rc == 0 and "imported" in r.out, r.out + r.err
    shown = run("--data-dir", s.hq, "hq", "records", "show", rid, "--json",
                passphrase=HQ_PASS, env=env).json()
    assert shown["values"]["interviewer_notes"] == "via importer"
    with psycopg.connect(pg_server.dsn(dbname), autocommit=True) as admin:
        assert admin.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
        assert admin.execute("SELECT count(*) FROM hq_keys WHERE secret IS NOT NULL"
                             ).fetchone()[0] == 0
    # A wrong password for that login: one line, exit 1.
    r = run("--data-dir", s.hq, "hq", "records", "list", passphrase=HQ_PASS,
            env={"PGPASSWORD": "wrong"})
    assert r.rc == 1 and "cannot connect" in r.err and "Traceback" not in r.err


# -- attachments and the duplicate finder as team members (store.pg.member_reads) -------


@pytest.fixture(scope="module")
def attached(team: Team) -> dict[str, tuple[str, bytes]]:
    """One sealed attachment (two chunks, bytea rows) on the record of ``mine`` and one
    on ``theirs``, written as an import writes them (store.attachments)."""
    from intake_app.store import attachments as att_store

    out = {}
    store: Any = team.hq._store
    for case in (team.mine, team.theirs):
        att_id, data = secrets.token_hex(16), secrets.token_bytes(att_store.CHUNK_SIZE + 999)
        key = att_store.new_chunk_key()
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO attachments (id, record_id, name, mime, size, sha256, created_at, "
                "complete, chunk_key) VALUES (?, ?, 'scan.pdf', 'application/pdf', ?, '', 1, "
                "1, ?)", (att_id, team.records[case], len(data), key))
            size = att_store.CHUNK_SIZE
            for idx in range(2):
                att_store.write_chunk(conn, key, att_id, idx,
                                      data[idx * size:(idx + 1) * size])
        out[case] = (att_id, data)
    return out


def test_attachment_content_only_through_a_committed_log_row(
        team: Team, attached: dict[str, tuple[str, bytes]]) -> None:
    mine, _data = attached[team.mine]
    theirs, _other = attached[team.theirs]
    before = len(team.log_rows())
    with team.connect("cw") as cw:
        # The listing columns of their cases' attachments; never the key nor the chunks.
        assert [r[0] for r in cw.execute("SELECT id FROM attachments")] == [mine]
        for sql in ("SELECT chunk_key FROM attachments", "SELECT blob FROM attachments",
                    "SELECT * FROM attachment_chunks"):
            assert "permission denied" in _denied(cw, sql)
        # Another case's attachment: refused before any log row; a ticket in the
        # reader's open transaction opens nothing.
        assert "no attachment" in _denied(
            cw, "SELECT intake_member_ticket('attachment', %s)", (theirs,))
        cw.autocommit = False
        t = cw.execute("SELECT intake_member_ticket('attachment', %s)", (mine,)).fetchone()[0]
        for sql in ("SELECT * FROM intake_read_attachment(%s)",
                    "SELECT * FROM intake_attachment_chunks(%s, 0, 2)"):
            assert "no committed read ticket" in _denied(cw, sql, (t,))
            cw.rollback()
            t = cw.execute("SELECT intake_member_ticket('attachment', %s)",
                           (mine,)).fetchone()[0]
        cw.rollback()
    assert len(team.log_rows()) == before
    with team.connect("supervisor") as sup:  # a supervisor's ticket is no caseworker's
        t = sup.execute("SELECT intake_member_ticket('attachment', %s)", (mine,)).fetchone()[0]
    with team.connect("cw") as cw:
        assert "no committed read ticket" in _denied(
            cw, "SELECT * FROM intake_read_attachment(%s)", (t,))
    with team.connect("auditor") as aud:
        for sql in ("SELECT id FROM attachments",
                    f"SELECT intake_member_ticket('attachment', '{mine}')",
                    "SELECT intake_member_ticket('people', 'all')",
                    "SELECT * FROM intake_person_keys(1)"):
            assert "permission denied" in _denied(aud, sql)


def test_the_service_reads_attachments_as_each_role_with_a_log_row(
        team: Team, members: Path, attached: dict[str, tuple[str, bytes]]) -> None:
    from intake_app.errors import AccessDenied, NotFound
    from intake_app.services.hq_attachments import save_attachment

    mine, data = attached[team.mine]
    theirs, other = attached[team.theirs]
    before = len(team.log_rows())
    with _member(team, "cw", members) as cw:
        shown = cw.record(team.records[team.mine])
        assert [a.id for a in shown.attachments] == [mine]
        assert cw.attachment_bytes(mine) == data
        assert save_attachment(cw, mine, members / "scan.pdf").size == len(data)
        assert (members / "scan.pdf").read_bytes() == data
        for call in (lambda: cw.attachment_bytes(theirs), lambda: cw.attachment(theirs),
                     lambda: save_attachment(cw, theirs, members / "not.pdf")):
            with pytest.raises(NotFound):
                call()
    assert not (members / "not.pdf").exists()
    with _member(team, "supervisor", members) as sup:
        assert b"".join(sup.attachment_chunks(theirs)) == other
    with _member(team, "auditor", members) as aud, pytest.raises(AccessDenied):
        aud.attachment_bytes(mine)
    new = team.log_rows()[before:]
    reads = [d for k, d in new if k == "attachment-read"]
    assert len(reads) == 3 and sum(team.logins["cw"] in d for d in reads) == 2
    assert any(k == "attachment-saved" and team.logins["cw"] in d for k, d in new)


def test_a_supervisor_runs_the_duplicate_finder_with_a_log_row(
        team: Team, members: Path) -> None:
    from intake_app.errors import AccessDenied

    def pairs(found: list[Any]) -> list[tuple[str, str, float]]:
        return [(p.a.id, p.b.id, p.score) for p in found]

    everyone = pairs(team.hq.duplicates(threshold=0.0))
    one = pairs(team.hq.duplicates_of(team.mine, threshold=0.0))
    assert everyone and one  # the seeded people are alike enough at threshold 0
    before = len(team.log_rows())
    with _member(team, "supervisor", members) as sup:
        assert pairs(sup.duplicates(threshold=0.0)) == everyone
        assert pairs(sup.duplicates_of(team.mine, threshold=0.0)) == one
    new = [(k, d) for k, d in team.log_rows()[before:] if k == "duplicates-read"]
    assert new and all(team.logins["supervisor"] in d for _k, d in new)
    with _member(team, "cw", members) as cw, pytest.raises(AccessDenied):
        cw.duplicates()


def test_without_createrole_init_and_user_add_say_what_is_missing(
        pg_server: PgServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One line naming the privilege and the statement that grants it, exit 1, and
    nothing made: the check comes before the first migration."""
    import io

    from intake_app.store import profile as store_profile
    from tests.cli_helpers import HQ_PASS, run

    login, password = f"nocr_{secrets.token_hex(3)}", secrets.token_urlsafe(16)
    dbname = f"nocr_{secrets.token_hex(4)}"
    with psycopg.connect(pg_server.dsn(), autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {login} LOGIN PASSWORD '{password}'")
        admin.execute(f'CREATE DATABASE "{dbname}" OWNER {login}')
    url, env = pg_server.store_url(dbname, login), {"PGPASSWORD": password}
    hq = tmp_path / "hq"
    r = run("--data-dir", hq, "hq", "init", "--org", "O", "--database", url,
            passphrase=HQ_PASS, env=env)
    assert r.rc == 1, r.err
    assert r.err.strip().count("\n") == 0 and "Traceback" not in r.err
    assert "lacks the CREATEROLE privilege" in r.err and f"ALTER ROLE {login} CREATEROLE" in r.err
    assert not store_profile.profile_exists(hq)
    with psycopg.connect(pg_server.dsn(dbname), autocommit=True) as admin:
        assert admin.execute("SELECT to_regclass('meta')").fetchone()[0] is None
        admin.execute(f"ALTER ROLE {login} CREATEROLE")  # as the message says
    r = run("--data-dir", hq, "hq", "init", "--org", "O", "--database", url,
            passphrase=HQ_PASS, env=env)
    assert r.rc == 0, r.err
    with psycopg.connect(pg_server.dsn(dbname), autocommit=True) as admin:
        admin.execute(f"ALTER ROLE {login} NOCREATEROLE")
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-enough-password\n"))
    r = run("hq", "user", "add", "amina_x", "--role", "caseworker", "--database", url,
            "--password-stdin", env=env)
    assert r.rc == 1 and "lacks the CREATEROLE privilege" in r.err and "hq user add" in r.err
    assert r.err.strip().count("\n") == 0


def test_restore_keys_into_the_importer_profile_of_a_team_hq(
        pg_server: PgServer, tmp_path: Path) -> None:
    """The importer's laptop is lost; PostgreSQL kept the store. M shares and the
    database give back an importer profile with the same keys; a database of another HQ
    is refused before anything is made."""
    import shutil

    from intake_app.hq.eventlog import verify_log
    from intake_app.store import profile as store_profile
    from tests.cli_helpers import run

    dbname = pg_server.new_database("restore")
    url = pg_server.store_url(dbname)
    hq = make_hq(tmp_path, url)
    rid = seed(hq, [example(full_name="Kept Person")])[0]
    fp, shares = hq.fingerprint(), hq.backup_keys(3, 2)
    hq.lock()
    shutil.rmtree(tmp_path / "hq")  # the lost laptop
    (tmp_path / "two.txt").write_text("\n".join(shares[1:]) + "\n", encoding="utf-8")
    other = make_hq(tmp_path / "other", pg_server.store_url(pg_server.new_database("other")))
    other_url = other._database
    other.lock()
    new = tmp_path / "new-hq"
    args = ("--data-dir", new, "hq", "restore-keys", "--shares-file", tmp_path / "two.txt")
    r = run(*args, "--database", str(other_url), passphrase="a new importer passphrase")
    assert r.rc == 1 and "that database holds HQ" in r.err and r.err.count("\n") == 1
    assert not store_profile.profile_exists(new)
    r = run(*args, "--database", url, "--expect-fingerprint", fp,
            passphrase="a new importer passphrase")
    assert r.rc == 0, r.err
    assert fp in r.out
    with HQService(new) as svc:
        svc.unlock("a new importer passphrase")
        assert svc.fingerprint() == fp and svc._local is not None
        assert svc.record(rid).values["full_name"] == "Kept Person"
        assert svc.recipient_private_keys()
        check = verify_log(svc.log_bytes(), svc.signing_key().verify_key, svc.hq_id)
        assert check.ok and check.kinds("restore"), check.summary()
    with psycopg.connect(pg_server.dsn(dbname), autocommit=True) as admin:
        assert admin.execute("SELECT count(*) FROM hq_keys WHERE secret IS NOT NULL"
                             ).fetchone()[0] == 0


def test_the_cli_asks_a_member_for_the_database_password_on_a_terminal(
        team: Team, members: Path, tmp_path: Path) -> None:
    """No ~/.pgpass, PGPASSFILE entry or service file: on a terminal the password is
    asked (never an argument), then the command runs as that login."""
    import os
    import pty
    import subprocess
    import sys

    from tests.case_helpers import PASS

    _member(team, "cw", members).lock()  # the profile (hq join)
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "PGPASSWORD"}
    env |= {"INTAKE_PASSPHRASE": PASS, "PGPASSFILE": str(tmp_path / "none")}
    proc = subprocess.Popen([sys.executable, "-c", "from intake_app.cli import run; run()",
                             "--data-dir", str(members / "cw"), "hq", "cases", "list"],
                            stdin=follower, stdout=follower, stderr=follower, env=env,
                            start_new_session=True)
    os.close(follower)
    seen = b""
    try:
        while b"Database password: " not in seen:
            chunk = os.read(leader, 4096)
            assert chunk, seen
            seen += chunk
        os.write(leader, team.passwords[team.logins["cw"]].encode() + b"\n")
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
        assert proc.wait(timeout=60) == 0, seen
    out = seen.decode(errors="replace")
    assert team.mine in out and team.theirs not in out
    assert team.passwords[team.logins["cw"]] not in out  # not echoed


def test_an_auditor_exports_the_log_as_far_as_hq_signed_it_and_it_verifies(
        team: Team, members: Path) -> None:
    """Members hold no key: their export ends at HQ's last signed checkpoint (the
    importer's next entry signs what came since) and verifies with HQ's public key,
    whose fingerprint they can read out."""
    from intake_app.hq.eventlog import verify_log
    from tests.case_helpers import PASS
    from tests.cli_helpers import run

    team.hq.log_bytes()  # the importer signs a checkpoint over the head
    with _member(team, "auditor", members) as aud:
        assert aud.fingerprint() == team.hq.fingerprint()
        signed = len(aud.log_entries())
        data = aud.log_bytes()
        check = verify_log(data, aud.verify_key(), team.hq.hq_id)
        assert check.ok, check.summary()
        assert len(check.entries) == signed
        with team.connect("cw") as cw:  # a read after the checkpoint: not yet signed
            _read(cw, team.records[team.mine])
        later = verify_log(aud.log_bytes(), aud.verify_key(), team.hq.hq_id)
        assert later.ok and len(later.entries) == signed
    login = team.logins["auditor"]
    r = run("--data-dir", members / "auditor", "hq", "log", "--out", members / "log.jsonl",
            passphrase=PASS, env={"PGPASSWORD": team.passwords[login]})
    assert r.rc == 0, r.err
    assert verify_log((members / "log.jsonl").read_bytes(), team.hq.signing_key().verify_key,
                      team.hq.hq_id).ok
