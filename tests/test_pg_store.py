"""The HQ store on PostgreSQL: the dialect translation, migrations, the profile that
points at its database, and passwords kept off the connection string. The HQ modules
themselves run on both backends through the ``hq_backend`` fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake_app.errors import ProfileError, UsageError
from intake_app.models import CaseFilter
from intake_app.services.hq import HQService
from intake_app.store import search
from intake_app.store.pg import migrations
from intake_app.store.pg.db import PgDatabase, check_no_password
from intake_app.store.pg.dialect import translate
from tests.case_helpers import PASS, example, make_hq, seed
from tests.cli_helpers import run
from tests.pg_helpers import PgServer


def test_placeholders_become_psycopgs_and_literals_stay() -> None:
    t = translate("SELECT '?', 'it''s 5%' FROM t WHERE a = ? AND b LIKE ?")
    assert t.sql == "SELECT '?', 'it''s 5%%' FROM t WHERE a = %s AND b LIKE %s"
    assert t.order is None and not t.returns_key


def test_numbered_placeholders_reorder_the_parameters() -> None:
    t = translate("UPDATE cases SET x = ?2 WHERE id = ?1 OR merged_into = ?1")
    assert t.sql == "UPDATE cases SET x = %s WHERE id = %s OR merged_into = %s"
    assert t.order == (1, 0, 0)


def test_insert_or_forms_become_on_conflict() -> None:
    assert translate("INSERT OR IGNORE INTO person_blocks (key, record_id) VALUES (?, ?)"
                     ).sql.endswith("VALUES (%s, %s) ON CONFLICT DO NOTHING")
    t = translate("INSERT OR REPLACE INTO meta VALUES (?, ?)")
    assert t.sql == ("INSERT INTO meta (key, value) VALUES (%s, %s) ON CONFLICT (key) "
                     "DO UPDATE SET value = EXCLUDED.value")
    t = translate("INSERT OR REPLACE INTO attachment_chunks (attachment_id, idx, data) "
                  "VALUES (?, ?, ?)")
    assert t.sql.endswith("ON CONFLICT (attachment_id, idx) DO UPDATE SET data = EXCLUDED.data")
    with pytest.raises(ValueError, match="no primary key"):
        translate("INSERT OR REPLACE INTO devices VALUES (?)")


def test_generated_keys_limits_and_blob_literals() -> None:
    t = translate("INSERT INTO case_notes (case_id) VALUES (?)")
    assert t.sql.endswith(" RETURNING id") and t.returns_key
    assert not translate("INSERT INTO revisions (record_id) VALUES (?)").returns_key
    assert translate("SELECT a FROM t WHERE b = ? LIMIT ? OFFSET ?").limits == (1,)
    assert translate("INSERT INTO c (d) VALUES (x'00ff')").sql.endswith(
        "VALUES ('\\x00ff'::bytea)")


@pytest.mark.parametrize("dsn", [
    "postgresql://hq:secret@db.example/hq",
    "postgresql:///hq?host=/run/pg&password=secret",
    "host=/run/pg dbname=hq password=secret",
])
def test_a_password_in_the_connection_string_is_refused(tmp_path: Path, dsn: str) -> None:
    with pytest.raises(UsageError, match="must not hold a password"):
        check_no_password(dsn)
    svc = HQService(tmp_path / "hq", dsn)
    with pytest.raises(UsageError, match="must not hold a password"):
        svc.init_hq(PASS, "Org")


def test_the_search_lexemes_match_fts5s_words() -> None:
    assert search.lexemes("café au lait\nزرغونه-قلندری 2025") == sorted(
        ["cafe", "au", "lait", "زرغونه", "قلندری", "2025"])
    assert search.match(type("C", (), {"dialect": "postgresql"})(), 'caf "x') == (
        "f.tsv @@ CAST(? AS tsquery)", "'caf':* & 'x':*")


def test_migrations_run_once_and_record_their_version(pg_server: PgServer) -> None:
    url = pg_server.store_url(pg_server.new_database("mig"))
    db = PgDatabase(url)
    try:
        assert db.user_version == migrations.LATEST
        assert db.integrity_problems() == []
    finally:
        db.close()
    again = PgDatabase(url)  # a second open finds the schema and changes nothing
    try:
        rows = again.execute("SELECT version FROM schema_version").fetchall()
        assert [r[0] for r in rows] == list(range(1, migrations.LATEST + 1))
    finally:
        again.close()


def test_a_team_hq_keeps_its_records_in_postgres_and_reopens_there(
        tmp_path: Path, pg_server: PgServer) -> None:
    url = pg_server.store_url(pg_server.new_database("team"))
    hq = make_hq(tmp_path, url)
    seed(hq, [example(name_latin="Zarghuna Qalandari")])
    hq.close()
    reopened = HQService(tmp_path / "hq")  # the profile remembers its database
    reopened.unlock(PASS)
    try:
        assert reopened._store.path != tmp_path / "hq" / "store.db"
        assert [c.display_name for c in reopened.cases(CaseFilter(queue="new"))] == [
            "Zarghuna Qalandari"]
        assert reopened.search_cases("zargh")
    finally:
        reopened.close()
    db = PgDatabase(url)
    try:
        assert db.execute("SELECT count(*) FROM records").fetchone()[0] == 1
    finally:
        db.close()


def test_a_profile_refuses_a_database_that_is_not_its_own(
        tmp_path: Path, pg_server: PgServer) -> None:
    url = pg_server.store_url(pg_server.new_database("own"))
    make_hq(tmp_path / "a", url).close()
    with pytest.raises(ProfileError, match="already holds an HQ store"):
        make_hq(tmp_path / "b", url)
    assert not (tmp_path / "b" / "hq").exists()
    db = PgDatabase(url)
    try:
        with db.transaction() as conn:
            conn.execute("UPDATE meta SET value = 'other' WHERE key = 'hq.store_id'")
    finally:
        db.close()
    svc = HQService(tmp_path / "a" / "hq")
    with pytest.raises(ProfileError, match="not this profile's"):
        svc.unlock(PASS)
    assert not svc.is_unlocked


def test_cli_init_refuses_a_password_on_the_command_line(tmp_path: Path) -> None:
    r = run("--data-dir", tmp_path / "hq", "hq", "init", "--org", "Org", "--database",
            "postgresql://hq:secret@db.example/hq", passphrase=PASS)
    assert r.rc == 2 and "must not hold a password" in r.err and "Traceback" not in r.err
    assert "secret" not in r.err


def test_cli_reports_an_unreachable_database_in_one_line(tmp_path: Path) -> None:
    r = run("--data-dir", tmp_path / "hq", "hq", "init", "--org", "Org", "--database",
            f"postgresql:///nodb?host={tmp_path}&port=1", passphrase=PASS)
    assert r.rc == 1 and "cannot connect to the HQ database" in r.err
    assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err
    assert not (tmp_path / "hq").exists()  # no half-made profile to trip the retry


def test_an_unreachable_server_is_not_reported_as_a_damaged_store(tmp_path: Path) -> None:
    """Which error a failed connection raises decides the GUI's sentence: 'cannot be
    reached', not StoreCorrupt's 'failed its integrity check' (what it said before)."""
    from intake_app.errors import DatabaseUnreachable
    from intake_app.store.pg.probe import probe

    dsn = f"postgresql:///nodb?host={tmp_path}&port=1"
    with pytest.raises(DatabaseUnreachable, match="cannot connect to the HQ database"):
        PgDatabase(dsn)
    with pytest.raises(DatabaseUnreachable, match="cannot connect to the HQ database"):
        probe(dsn, timeout_s=2)
