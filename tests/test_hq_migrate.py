"""``intake hq migrate``: an embedded HQ profile (built through the CLI and the services:
imports with an attachment, receipts, cases, retention, the event log) moved into a real
PostgreSQL, compared service by service, its log verified, killed and resumed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from intake_app.crypto.receipt import read_receipt
from intake_app.models import CaseFilter
from intake_app.services.hq import HQService
from intake_app.store.pg import copy
from tests.cli_helpers import HQ_PASS, Setup, enrolled_pair, example_values, run
from tests.pg_helpers import PgServer

REPO = Path(__file__).resolve().parents[1]
BLOB = bytes(range(256)) * 5000  # 1.28 MB: two stored chunks, the second short


def _record(s: Setup, tag: str, attach: bytes | None = None) -> str:
    f = s.root / "v.json"
    f.write_text(json.dumps(example_values(interviewer_notes=tag), ensure_ascii=False),
                 encoding="utf-8")
    rid = s.f("record", "new", "--form", "hrd_intake", "--json", f).out.strip()
    if attach is not None:
        p = s.root / "evidence.jpg"
        p.write_bytes(attach)
        assert s.f("attach", rid, p).rc == 0
        p.unlink()
    assert s.f("record", "finalize", rid).rc == 0
    return rid


def _export(s: Setup, tag: str) -> Path:
    usb = s.root / f"usb-{tag}"
    usb.mkdir()
    r = s.f("export", "--to", usb)
    assert r.rc == 0, r.err
    return Path(r.out.split()[0])


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """An embedded HQ: two imported bundles (three records, one attachment, a revision),
    a rejected one, receipts, cases with notes, follow-ups, a referral, a merge and a
    status change, a retention setting, and the event log."""
    root = tmp_path_factory.mktemp("migrate")
    with pytest.MonkeyPatch.context() as mp:
        (root / "tmp").mkdir()
        mp.setenv("TMPDIR", str(root / "tmp"))
        mp.delenv("INTAKE_PASSPHRASE", raising=False)
        s = enrolled_pair(root)
        rids = [_record(s, "alpha zebra", BLOB), _record(s, "bravo"), _record(s, "charlie")]
        b1 = _export(s, "1")
        f = s.root / "v2.json"
        f.write_text(json.dumps(example_values(interviewer_notes="bravo revised")),
                     encoding="utf-8")
        b2 = None
        if s.f("record", "edit", rids[1], "--json", f).rc == 0:
            assert s.f("record", "finalize", rids[1]).rc == 0
            b2 = _export(s, "2")
        bad = root / "bad.intake"
        bad.write_bytes(b1.read_bytes()[:-10])
        assert s.h("hq", "import", b1, *([b2] if b2 else [])).rc == 0
        assert s.h("hq", "import", bad).rc == 1
        assert s.h("hq", "receipts", "--out", root / "receipts").rc == 0
        with HQService(s.hq) as hq:
            hq.unlock(HQ_PASS)
            cases = [c.id for c in hq.cases(CaseFilter(queue="all"), limit=10)]
            assert len(cases) == 3
            hq.add_note(cases[0], "called back, safe for now", actor="amina")
            hq.add_follow_up(cases[0], "2031-01-05", "check documents", actor="amina")
            hq.assign(cases[0], "amina", actor="sup")
            hq.set_status(cases[1], "triaged", actor="sup", reason="read")
            hq.refer(cases[1], "Legal Aid", "legal", actor="sup", reason="needs a lawyer")
            hq.not_duplicate(cases[1], cases[2], actor="sup", reason="different people")
            hq.merge(cases[0], cases[2], actor="sup", reason="same person")
            hq.set_retention("closed", 24, actor="sup")
        bundles = [b1, *([b2] if b2 else [])]
        yield {"s": s, "root": root, "rids": rids, "cases": cases, "bundles": bundles}


def _dump(svc: HQService) -> dict[str, Any]:
    """What the services return, for comparing two stores."""
    out: dict[str, Any] = {
        "records": [r.model_dump() for r in svc.list_records()],
        "details": {r.id: svc.record(r.id).model_dump() for r in svc.list_records()},
        "search": [r.id for r in svc.search("zebra")] + [r.id for r in svc.search("brav")],
        "cases": [c.model_dump() for c in svc.cases(CaseFilter(queue="all"), limit=50)],
        "case_details": {c.id: svc.case(c.id).model_dump()
                         for c in svc.cases(CaseFilter(queue="all"), limit=50)},
        "devices": [d.model_dump() for d in svc.devices()],
        "retention": svc.retention_policy(),
        "not_duplicates": [n.model_dump() for n in svc.not_duplicates()],
        "fingerprint": svc.fingerprint(),
        "log": svc.log_entries(),
    }
    out["attachments"] = {a.id: svc.attachment_bytes(a.id) for r in svc.list_records()
                          for a in svc.record(r.id).attachments}
    return out


def _migrate(src: Path, url: str, dest: Path, *extra: str) -> Any:
    return run("--data-dir", src, "hq", "migrate", "--to", url, "--new-profile", dest, *extra,
               passphrase=HQ_PASS)


@pytest.fixture(scope="module")
def migrated(source: dict[str, Any], pg_server: PgServer) -> dict[str, Any]:
    s: Setup = source["s"]
    with HQService(s.hq) as hq:
        hq.unlock(HQ_PASS)
        before = _dump(hq)
        tables = {t: _table(hq, t) for t, _k in copy.PLAN}
    url = pg_server.store_url(pg_server.new_database("mig"))
    dest = source["root"] / "team"
    r = _migrate(s.hq, url, dest)
    assert r.rc == 0, r.err
    from intake_app.store.pg.db import PgDatabase

    db = PgDatabase(url)  # before any unlock of the new profile (which would tidy up)
    try:
        keys = [tuple(k) for k in db.execute("SELECT purpose, secret FROM hq_keys").fetchall()]
    finally:
        db.close()
    return {**source, "server_keys": keys, "before": before, "tables": tables, "url": url,
            "dest": dest, "out": r}


def _table(svc: HQService, table: str) -> list[tuple[Any, ...]]:
    return sorted((tuple(r) for r in svc._store.execute(f"SELECT * FROM {table}").fetchall()),
                  key=repr)


def test_every_table_is_copied() -> None:
    from intake_app.store.pg.migrations import TABLES

    assert sorted(t for t, _k in copy.PLAN) == sorted(TABLES)


def test_services_return_the_same_over_postgresql(migrated: dict[str, Any]) -> None:
    assert "migrated: HQ hq-" in migrated["out"].out
    with HQService(migrated["dest"]) as team:
        team.unlock(HQ_PASS)
        assert getattr(team._store, "dialect", "") == "postgresql"
        after = _dump(team)
    before = migrated["before"]
    assert before["attachments"] and list(before["attachments"].values()) == [BLOB]
    assert before["search"] and before["cases"] and before["case_details"]
    assert before["not_duplicates"] and before["retention"]
    for key in before:
        if key != "log":
            assert after[key] == before[key], key
    # The same entries and hashes, then the move itself chained on.
    assert after["log"][:-1] == before["log"]
    assert after["log"][-1].kind == "migrate" and after["log"][-1].prev == before["log"][-1].hash


def test_keys_stay_with_the_importer(migrated: dict[str, Any]) -> None:
    rows = migrated["server_keys"]
    assert len(rows) == 3 and all(r[1] is None for r in rows)
    with HQService(migrated["dest"]) as team:
        team.unlock(HQ_PASS)
        local = team._local
        assert local is not None
        assert len(local.execute("SELECT 1 FROM hq_keys WHERE secret IS NOT NULL").fetchall()) == 3
        assert len(team.recipient_private_keys()) == 2


def test_source_profile_is_untouched(migrated: dict[str, Any]) -> None:
    with HQService(migrated["s"].hq) as hq:
        hq.unlock(HQ_PASS)
        assert getattr(hq._store, "dialect", "sqlite") == "sqlite"
        assert {t: _table(hq, t) for t, _k in copy.PLAN} == migrated["tables"]


def test_log_verifies_after_the_move_and_new_entries_chain_on(migrated: dict[str, Any]) -> None:
    s: Setup = migrated["s"]
    root, dest = migrated["root"], migrated["dest"]
    with HQService(dest) as team:
        team.unlock(HQ_PASS)
        team.add_note(migrated["cases"][1], "after the move", actor="sup")
        receipts = team.receipts()
        key = team.signing_key().verify_key
        entries = team.log_entries()
    assert entries[-1].kind == "receipt"
    assert run("--data-dir", dest, "hq", "log", "--out", root / "team-log.jsonl",
               passphrase=HQ_PASS).rc == 0
    bundles = migrated["bundles"]
    r = run("verify", *bundles, "--keyring", s.keyring, "--log", root / "team-log.jsonl")
    assert r.rc == 0, r.out + r.err
    assert "log intact" in r.out and r.out.count("LOGGED") == len(bundles)
    # Receipts from the team store name the same bundles as the embedded HQ's.
    with HQService(s.hq) as hq:
        hq.unlock(HQ_PASS)
        old = hq.receipts()
    assert {d: read_receipt(b, key).entries for d, b in receipts.items()} == \
        {d: read_receipt(b, key).entries for d, b in old.items()}


def test_rerun_on_a_finished_target_changes_nothing(migrated: dict[str, Any]) -> None:
    r = _migrate(migrated["s"].hq, migrated["url"], migrated["dest"])
    assert r.rc == 0, r.err
    assert "finished an interrupted migration" in r.out


def test_refuses_another_hqs_database(migrated: dict[str, Any], pg_server: PgServer,
                                      tmp_path: Path) -> None:
    other = pg_server.store_url(pg_server.new_database("oth"))
    assert run("--data-dir", tmp_path / "other", "hq", "init", "--org", "Other",
               "--database", other, passphrase=HQ_PASS).rc == 0
    r = _migrate(migrated["s"].hq, other, tmp_path / "t2")
    assert r.rc == 1
    assert r.err.strip().count("\n") == 0 and "another HQ's data" in r.err, r.err
    assert not (tmp_path / "t2").exists()
    # A half-made migration of this HQ is not a store ``hq init`` may take over.
    half = pg_server.store_url(pg_server.new_database("half"))
    env = {"INTAKE_TEST_MIGRATE_KILL": "3"}
    assert _killed_run(migrated["s"].hq, half, tmp_path / "t3", env) == -9
    r = run("--data-dir", tmp_path / "t4", "hq", "init", "--org", "X", "--database", half,
            passphrase=HQ_PASS)
    assert r.rc == 1 and "already holds" in r.err, r.err


def test_refuses_a_password_in_the_url(migrated: dict[str, Any], tmp_path: Path) -> None:
    r = _migrate(migrated["s"].hq, "postgresql://u:secret@localhost/db", tmp_path / "t")
    assert r.rc == 2 and "must not hold a password" in r.err


def _killed_run(src: Path, url: str, dest: Path, env: dict[str, str]) -> int:
    proc = subprocess.run(
        [sys.executable, str(REPO / "tests" / "migrate_kill.py"), "--data-dir", str(src),
         "hq", "migrate", "--to", url, "--new-profile", str(dest)],
        env={**os.environ, "INTAKE_PASSPHRASE": HQ_PASS, **env}, capture_output=True,
        timeout=120)
    return proc.returncode if proc.returncode != 0 else int(
        proc.stderr.decode().rsplit("MIGRATE-KILL-COUNT ", 1)[1].split()[0])


def _pg_tables(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every target table, without what differs between two migrations by design: the
    store id, the move's time and its log entry (time and hash)."""
    from intake_app.store.pg.db import PgDatabase

    db = PgDatabase(url)
    try:
        out = {}
        for t, _k in copy.PLAN:
            rows = [tuple(r) for r in db.execute(f"SELECT * FROM {t}").fetchall()]
            if t == "meta":
                rows = [r for r in rows if r[0] not in ("hq.store_id", "hq.migrated_from")]
            if t == "hq_events":
                rows = [r for r in rows if r[2] != "migrate"]
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        db.close()


@pytest.mark.slow
def test_killed_at_any_point_the_rerun_gives_the_same_copy(
        migrated: dict[str, Any], pg_server: PgServer, tmp_path: Path) -> None:
    src = migrated["s"].hq
    # An uninterrupted run (tiny batches too) counts the points and is the reference.
    count_url = pg_server.store_url(pg_server.new_database("cnt"))
    total = _killed_run(src, count_url, tmp_path / "count", {"INTAKE_TEST_MIGRATE_KILL": "0"})
    assert total > 20
    want = _pg_tables(count_url)
    assert want["records"] and want["attachment_chunks"] and want["case_notes"]
    # The first point, one in the middle, inside the finishing transaction, after it
    # (the store done, no profile yet), and before the profile's rename.
    for k in sorted({1, total // 2, total - 2, total - 1, total}):
        url = pg_server.store_url(pg_server.new_database("k"))
        dest = tmp_path / f"team-{k}"
        assert _killed_run(src, url, dest, {"INTAKE_TEST_MIGRATE_KILL": str(k)}) == -9, k
        r = _migrate(src, url, dest)
        assert r.rc == 0, (k, r.err)
        assert _pg_tables(url) == want, k
        with HQService(dest) as team:
            team.unlock(HQ_PASS)
            assert [e.kind for e in team.log_entries()][-1] == "migrate"
        shutil.rmtree(dest)


def test_source_changed_while_interrupted_starts_over(migrated: dict[str, Any],
                                                      pg_server: PgServer,
                                                      tmp_path: Path) -> None:
    """Killed after every table was copied, then a case changes at the source: the second
    read of the source does not sum to the copy, so the copy starts again."""
    src = migrated["s"].hq
    url = pg_server.store_url(pg_server.new_database("chg"))
    last = copy.PLAN[-1][0]
    assert _killed_run(src, url, tmp_path / "t", {"INTAKE_TEST_MIGRATE_KILL":
                                                  f"done:{last}"}) == -9
    case = migrated["cases"][1]
    with HQService(src) as hq:
        hq.unlock(HQ_PASS)
        hq.set_status(case, "in_progress", actor="sup", reason="started")
        want = hq.case(case).model_dump()
    r = _migrate(src, url, tmp_path / "t")
    assert r.rc == 0, r.err
    with HQService(tmp_path / "t") as team:
        team.unlock(HQ_PASS)
        assert team.case(case).model_dump() == want


def test_attachments_go_to_the_bucket(migrated: dict[str, Any], pg_server: PgServer,
                                      s3_server: Any, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from intake_app.services.hq_migrate import migrate_hq
    from intake_app.store.attachments import open_chunk
    from intake_app.store.pg.db import PgDatabase
    from intake_app.store.s3blobs import S3Blobs

    bucket = "mig-" + os.urandom(4).hex()
    s3_server.client().make_bucket(bucket)
    monkeypatch.setenv("INTAKE_S3_ENDPOINT", f"http://{s3_server.endpoint}")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", s3_server.access_key)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", s3_server.secret_key)
    url = pg_server.store_url(pg_server.new_database("s3"))
    with HQService(migrated["s"].hq) as hq:
        hq.unlock(HQ_PASS)
        migrate_hq(hq, url, tmp_path / "team", HQ_PASS, blobs=f"s3://{bucket}/hq")
    db = PgDatabase(url)
    try:
        (att_id, name, size, key), = db.execute(
            "SELECT id, blob, size, chunk_key FROM attachments").fetchall()
        marks = db.execute("SELECT length(data) FROM attachment_chunks WHERE "
                           "attachment_id = ? ORDER BY idx", (att_id,)).fetchall()
    finally:
        db.close()
    assert name and size == len(BLOB) and [m[0] for m in marks] == [0, 0]
    objects = list(s3_server.client().list_objects(bucket, prefix="hq/"))
    assert [o.object_name for o in objects] == [f"hq/{name}"]
    store = S3Blobs.connect(f"s3://{bucket}/hq")
    stored = list(store.read_run(name, size, 0, 2, att_id))
    assert b"".join(open_chunk(bytes(key), att_id, i, c) for i, c in enumerate(stored)) == BLOB
    # The new profile remembers the bucket: the service reads the attachment from it.
    with HQService(tmp_path / "team") as team:
        team.unlock(HQ_PASS)
        assert b"".join(team.attachment_chunks(att_id)) == BLOB
    # A rerun must name the same bucket (its rows name objects there).
    r = _migrate(migrated["s"].hq, url, tmp_path / "team")
    assert r.rc == 2 and f"--blobs s3://{bucket}/hq" in r.err, r.err
    r = _migrate(migrated["s"].hq, url, tmp_path / "team", "--blobs", f"s3://{bucket}/hq")
    assert r.rc == 0 and "finished" in r.out, r.err


def test_search_index_is_what_an_import_on_postgresql_writes(migrated: dict[str, Any]) -> None:
    from intake_app.store.pg.db import PgDatabase
    from intake_app.store.search import lexemes

    with HQService(migrated["s"].hq) as hq:
        hq.unlock(HQ_PASS)
        bodies = {int(r[0]): str(r[1]) for r in hq._store.execute(
            "SELECT rowid, body FROM records_fts").fetchall()}
    db = PgDatabase(migrated["url"])
    try:
        got = {int(r[0]): str(r[1]) for r in db.execute(
            "SELECT rowid, CAST(tsv AS text) FROM records_fts").fetchall()}
        want = {k: str(db.execute("SELECT CAST(array_to_tsvector(CAST(? AS text[])) AS text)",
                                  (lexemes(b),)).fetchone()[0]) for k, b in bodies.items()}
    finally:
        db.close()
    assert got == want and len(got) == 3


def test_word_splitting_by_table_matches_the_categories() -> None:
    """textnorm splits words with a translate table (fast); it must split exactly where
    the Unicode categories say (letters, numbers, nonspacing marks make words)."""
    import random
    import unicodedata

    from intake_app.textnorm import search_words

    def by_category(text: str) -> list[str]:
        out, cur = [], ""
        for ch in text:
            cat = unicodedata.category(ch)
            if cat[0] in "LN" or cat == "Mn":
                cur += ch
            elif cur:
                out, cur = [*out, cur], ""
        return [*out, cur] if cur else out

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert search_words(every) == by_category(every)
    rng = random.Random(7)
    for _ in range(300):
        t = "".join(rng.choice(every) if rng.random() < 0.3 else rng.choice(" a1,.-_'مریم۱٢\u064b")
                    for _ in range(rng.randint(0, 40)))
        assert search_words(t) == by_category(t), t
