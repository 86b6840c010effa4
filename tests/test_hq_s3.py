"""Issue 19: a team HQ's attachments in S3-compatible object storage, end to end through
the CLI, on a real PostgreSQL and a real SeaweedFS (tests/pg_helpers.py; never mocks).

One HQ + field pair per module (PostgreSQL database and bucket of its own); the bundles
are made once by the field CLI and imported by the HQ CLI as a user runs them."""

from __future__ import annotations

import io
import json
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from intake_app import objstore
from intake_app.errors import NotFound
from intake_app.models import CaseFilter
from intake_app.services.hq import HQService
from intake_app.store import attachments as att_store
from intake_app.store.pg.db import PgDatabase
from intake_app.store.s3blobs import S3Blobs
from tests.cli_helpers import HQ_PASS, Setup, enrolled_pair, example_values, run
from tests.pg_helpers import PgServer, S3Server

pytest.importorskip("minio", reason="minio not installed (pip install -e '.[team]')")

CANARY = b"CANARY-S3-7f3a9c "
SIZE = 9 * (1 << 20) + 4321  # more than one 8 MiB multipart part, the last chunk short


def s3_env(server: S3Server, endpoint: str | None = None) -> dict[str, str]:
    return {"INTAKE_S3_ENDPOINT": endpoint or f"http://{server.endpoint}",
            "AWS_ACCESS_KEY_ID": server.access_key,
            "AWS_SECRET_ACCESS_KEY": server.secret_key}


DEAD = "http://127.0.0.1:9"  # nothing listens on the discard port here


@dataclass
class Team:
    s: Setup
    url: str  # the PostgreSQL store
    bucket: str
    server: S3Server
    data: bytes
    aid: str
    rid: str

    def objects(self) -> dict[str, bytes]:
        client = self.server.client()
        out = {}
        for o in client.list_objects(self.bucket, recursive=True):
            resp = client.get_object(self.bucket, o.object_name)
            try:
                out[str(o.object_name)] = resp.read()
            finally:
                resp.close()
                resp.release_conn()
        return out

    def hq(self) -> HQService:
        svc = HQService(self.s.hq)
        svc.unlock(HQ_PASS)
        return svc


def _record_with_attachment(s: Setup, data: bytes, name: str = "witness-statement.pdf",
                            ) -> tuple[str, str, str]:
    """A finalized record with one attachment, exported: (record id, attachment id,
    bundle path)."""
    f = s.root / f"v-{secrets.token_hex(3)}.json"
    f.write_text(json.dumps(example_values(), ensure_ascii=False), encoding="utf-8")
    rid = s.f("record", "new", "--form", "hrd_intake", "--json", f).out.strip()
    src = s.root / name
    src.write_bytes(data)
    aid = s.f("attach", rid, src).out.strip()
    src.unlink()
    assert s.f("record", "finalize", rid).rc == 0
    usb = s.root / f"usb-{secrets.token_hex(3)}"
    usb.mkdir()
    r = s.f("export", "--to", usb)
    assert r.rc == 0, r.err
    (path,) = r.out.split()
    return rid, aid, path


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory, pg_server: PgServer,
         s3_server: S3Server) -> Iterator[Team]:
    root = tmp_path_factory.mktemp("team")
    bucket = "hq-" + secrets.token_hex(4)
    s3_server.client().make_bucket(bucket)
    url = pg_server.store_url(pg_server.new_database("s3hq"))
    with pytest.MonkeyPatch.context() as mp:
        for k, v in s3_env(s3_server).items():
            mp.setenv(k, v)
        s = enrolled_pair(root, database=url, blobs=f"s3://{bucket}/team")
        data = (CANARY * (SIZE // len(CANARY) + 1))[:SIZE]
        rid, aid, path = _record_with_attachment(s, data)
        r = s.h("hq", "import", path)
        assert r.rc == 0, r.err + r.out
        yield Team(s, url, bucket, s3_server, data, aid, rid)


def test_import_lands_ciphertext_objects_that_reveal_nothing(team: Team) -> None:
    objects = team.objects()
    assert len(objects) == 1
    (key, body), = objects.items()
    name = key.removeprefix("team/")
    assert key.startswith("team/") and len(name) == 32 and all(c in "0123456789abcdef"
                                                                 for c in name)
    assert team.aid not in key and team.rid not in key and "witness" not in key
    assert CANARY.strip() not in body  # the bucket holds no plaintext (canary)
    assert len(body) == att_store.blobs.size_class(att_store.blobs.data_len(SIZE))
    db = PgDatabase(team.url)
    try:
        blob, key_bytes = db.execute("SELECT blob, chunk_key FROM attachments WHERE id = ?",
                                     (team.aid,)).fetchone()
        assert blob == name and len(bytes(key_bytes)) == 32  # the key is in PostgreSQL
        # The chunk rows are empty markers: the ciphertext is only in the bucket.
        assert db.execute("SELECT max(length(data)) FROM attachment_chunks WHERE "
                          "attachment_id = ?", (team.aid,)).fetchone()[0] == 0
    finally:
        db.close()


def test_open_reads_the_same_bytes_back_streaming(team: Team) -> None:
    with team.hq() as hq:
        assert b"".join(hq.attachment_chunks(team.aid)) == team.data
        # One ranged read of a run (what a v2 export or a viewer streams).
        runs = list(att_store.stored_chunks(hq._store, team.aid, 8, 2))
        assert [len(c) for c in runs] == [att_store.blobs.STRIDE,
                                          att_store.blobs.stored_len(SIZE, 9)]


def test_cli_saves_an_attachment_streamed_and_logged(team: Team, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "saved.pdf"
    r = run("--data-dir", team.s.hq, "hq", "attachment", team.aid, "--out", out,
            passphrase=HQ_PASS)
    assert r.rc == 0, r.err
    assert out.read_bytes() == team.data and oct(out.stat().st_mode & 0o777) == "0o600"
    assert "NOT encrypted" in r.err
    with team.hq() as hq:
        (entry,) = [e for e in hq.log_entries() if e.kind == "attachment-saved"]
        assert entry.detail["attachment"] == team.aid
    # The store unreachable: a one-line error and no file, not a partial one.
    gone = folder / "gone.pdf"
    r = run("--data-dir", team.s.hq, "hq", "attachment", team.aid, "--out", gone,
            passphrase=HQ_PASS, env=s3_env(team.server, DEAD))
    assert r.rc == 1 and len(r.err.strip().splitlines()) == 1, r.err
    assert "object storage" in r.err and list(folder.iterdir()) == [out]


def test_unreachable_store_fails_the_import_in_one_line_and_leaves_nothing(
        team: Team) -> None:
    rid, aid, path = _record_with_attachment(team.s, os.urandom(3 << 20), "second.jpg")
    before = team.objects()
    r = run("--data-dir", team.s.hq, "hq", "import", path, passphrase=HQ_PASS,
            env=s3_env(team.server, DEAD))
    assert r.rc == 1, r.out + r.err
    (line,) = r.err.strip().splitlines()
    assert line.startswith("intake: object storage: cannot write an attachment object")
    assert team.objects() == before
    with team.hq() as hq:  # nothing of the bundle: no record, no attachment row, no bundle
        assert hq._store.execute("SELECT count(*) FROM records WHERE id = ?",
                                 (rid,)).fetchone()[0] == 0
        assert hq._store.execute("SELECT count(*) FROM attachments WHERE id = ?",
                                 (aid,)).fetchone()[0] == 0
        n_bundles = hq._store.execute("SELECT count(*) FROM received_bundles").fetchone()[0]
    assert not (team.s.hq / "quarantine").exists() or not any(
        (team.s.hq / "quarantine").iterdir())  # not the bundle's fault: not quarantined
    r = run("--data-dir", team.s.hq, "hq", "import", path, passphrase=HQ_PASS,
            env=s3_env(team.server))
    assert r.rc == 0, r.err
    with team.hq() as hq:
        assert hq._store.execute("SELECT count(*) FROM received_bundles").fetchone()[0] \
            == n_bundles + 1
        assert len(b"".join(hq.attachment_chunks(aid))) == 3 << 20
    assert len(team.objects()) == len(before) + 1


def test_init_errors_are_one_line_and_leave_no_profile(team: Team, tmp_path: Path,
                                                       pg_server: PgServer) -> None:
    url = pg_server.store_url(pg_server.new_database("s3init"))
    cases = [
        (["--database", url, "--blobs", "s3://no-such-bucket/x"], s3_env(team.server), 1,
         "no bucket"),
        (["--database", url, "--blobs", f"s3://{team.bucket}/x"], s3_env(team.server, DEAD),
         1, "cannot reach"),
        (["--database", url, "--blobs", f"s3://{team.bucket}/x"],
         {"INTAKE_S3_ENDPOINT": "", "AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""},
         2, "no S3 endpoint"),
        (["--blobs", f"s3://{team.bucket}/x"], s3_env(team.server), 2, "needs --database"),
        (["--database", url, "--blobs", "s3://ak:sk@bucket/x"], s3_env(team.server), 2,
         "must not hold credentials"),
    ]
    for i, (args, env, rc, msg) in enumerate(cases):
        d = tmp_path / f"hq{i}"
        r = run("--data-dir", d, "hq", "init", "--org", "O", *args, passphrase=HQ_PASS,
                env=env)
        assert r.rc == rc, (args, r.err)
        (line,) = r.err.strip().splitlines()
        assert msg in line, line
        assert not (d / "profile.hdr").exists()
        assert "ak:sk" not in line or "s3://" not in line
    # A real process (no pytest log capture): urllib3's retry warnings stay off stderr.
    env = {**os.environ, **s3_env(team.server, DEAD), "INTAKE_PASSPHRASE": HQ_PASS}
    r2 = subprocess.run([sys.executable, "-c", "import sys; from intake_app.cli import run; "
                         "sys.exit(run())", "--data-dir", str(tmp_path / "sub"), "hq", "init",
                         "--org", "O", "--database", url, "--blobs", f"s3://{team.bucket}/x"],
                        capture_output=True, text=True, env=env, check=False)
    assert r2.returncode == 1 and len(r2.stderr.strip().splitlines()) == 1, r2.stderr


def test_retention_purge_is_a_crypto_erase_of_key_then_object(team: Team) -> None:
    with team.hq() as hq:
        db = hq._store
        store = db.blob_store
        name = db.execute("SELECT blob FROM attachments WHERE id = ?",
                          (team.aid,)).fetchone()[0]
        key = bytes(db.execute("SELECT chunk_key FROM attachments WHERE id = ?",
                               (team.aid,)).fetchone()[0])
        aside = team.objects()[f"team/{name}"]  # a copy taken before the purge
        # With the key, the copy opens (so the check below can fail).
        first = aside[:att_store.blobs.STRIDE]
        assert att_store.open_chunk(key, team.aid, 0, first) == team.data[:1 << 20]
        cid = next(c.id for c in hq.cases(CaseFilter(), limit=100)
                   if team.rid in {r.id for r in hq.case(c.id).records})
        hq.set_status(cid, "triaged", actor="x", reason="r")
        hq.set_status(cid, "closed", actor="x", reason="done")
        hq.set_retention("closed", 1, actor="d")
        later = hq.case(cid).summary.status_at + 40 * 86_400_000
        # The object delete fails (endpoint gone): the key row goes anyway.
        dead = S3Blobs.open(store.location, objstore.settings_from_env(
            s3_env(team.server, DEAD)))
        db.blob_store = dead
        try:
            hq.purge_retained(actor="d", now_ms_=later)
        finally:
            db.blob_store = store
        assert db.execute("SELECT count(*) FROM attachments WHERE chunk_key = ?",
                          (key,)).fetchone()[0] == 0
        with pytest.raises(NotFound):
            b"".join(hq.attachment_chunks(team.aid))
        assert f"team/{name}" in team.objects()  # an unreadable orphan, until the sweep
        assert att_store.sweep_blobs(db) >= 1
        assert f"team/{name}" not in team.objects()
        # Put the copy back under its old name: nothing in HQ names or opens it.
        team.server.client().put_object(team.bucket, f"team/{name}", io.BytesIO(aside),
                                        len(aside))
        with pytest.raises(NotFound):
            b"".join(hq.attachment_chunks(team.aid))
        assert db.execute("SELECT count(*) FROM attachments WHERE blob = ?",
                          (name,)).fetchone()[0] == 0
        att_store.sweep_blobs(db)


def test_crash_after_the_upload_leaves_an_orphan_the_sweep_removes(team: Team) -> None:
    _, aid, path = _record_with_attachment(team.s, os.urandom(2 << 20), "third.bin")
    before = set(team.objects())
    code = f"""
import os
from pathlib import Path
from intake_app.store import s3blobs
from intake_app.services.hq import HQService
real = s3blobs.S3Writer.finish
def finish(self, total):
    real(self, total)
    os._exit(9)  # the object is in the bucket, the import transaction never commits
s3blobs.S3Writer.finish = finish
svc = HQService(Path({str(team.s.hq)!r})); svc.unlock({HQ_PASS!r})
svc.import_bundle(Path({path!r}))
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       check=False, env={**os.environ, **s3_env(team.server)})
    assert r.returncode == 9, r.stderr
    orphans = set(team.objects()) - before
    assert len(orphans) == 1
    with pytest.MonkeyPatch.context() as mp:
        for k, v in s3_env(team.server).items():
            mp.setenv(k, v)
        with team.hq() as hq:  # the sweep at open spares young objects (another importer)
            assert orphans <= set(team.objects())
            assert hq._store.execute("SELECT count(*) FROM attachments WHERE id = ?",
                                     (aid,)).fetchone()[0] == 0
            assert att_store.sweep_blobs(hq._store) == 1
            assert not orphans & set(team.objects())
            out = hq.import_bundle(Path(path))
            assert out.verdict == "imported", out
            assert len(b"".join(hq.attachment_chunks(aid))) == 2 << 20


def test_the_bucket_is_swept_at_open_at_most_once_an_hour(team: Team) -> None:
    """Listing the bucket at every command would cost seconds on a large one: the open's
    sweep runs (and records its time in meta blobs.swept_at) only when the last one is
    older than the grace (one hour)."""
    def swept_at() -> int:
        db = PgDatabase(team.url)
        try:
            return int(db.execute("SELECT value FROM meta WHERE key = ?",
                                  (att_store.SWEPT_AT,)).fetchone()[0])
        finally:
            db.close()

    def set_swept_at(value: int) -> None:
        db = PgDatabase(team.url)
        try:
            db.execute("UPDATE meta SET value = ? WHERE key = ?",
                       (str(value), att_store.SWEPT_AT))
        finally:
            db.close()

    now = att_store.now_ms()
    set_swept_at(now - 10 * 60_000)  # ten minutes ago: not due
    with team.hq():
        pass
    assert swept_at() == now - 10 * 60_000
    set_swept_at(now - 2 * 3_600_000)  # two hours ago: due
    with team.hq():
        pass
    assert swept_at() >= now


def test_a_member_reads_an_attachment_from_the_bucket_after_its_log_row(
        team: Team, pg_server: PgServer, tmp_path: Path) -> None:
    """A supervisor's own profile (``hq join --blobs``) gets the key from PostgreSQL only
    for a committed ``attachment-read`` row, and the sealed object from the bucket with
    their own S3 settings; a profile that does not name the bucket says so in one line."""
    from intake_app.services.hq_team import TeamAdmin
    from tests.case_helpers import PASS

    data = secrets.token_bytes((1 << 20) + 777)  # its own record: earlier tests purge
    with pytest.MonkeyPatch.context() as mp:
        for k, v in s3_env(team.server).items():
            mp.setenv(k, v)
        rid, aid, path = _record_with_attachment(team.s, data, name="scan.pdf")
        r = team.s.h("hq", "import", path)
        assert r.rc == 0, r.err + r.out
    login, password = f"sup_{secrets.token_hex(3)}", secrets.token_urlsafe(16)
    with TeamAdmin(team.url) as admin:
        admin.add(login, "supervisor", password)
    member_url = team.url.replace(f"user={pg_server.admin}", f"user={login}")
    blobs = f"s3://{team.bucket}/team"
    for folder, named in ((tmp_path / "with", blobs), (tmp_path / "without", None)):
        r = run("--data-dir", folder, "hq", "join", "--database", member_url,
                *(("--blobs", named) if named else ()), passphrase=PASS,
                env={"PGPASSWORD": password})
        assert r.rc == 0, r.err
    with pytest.MonkeyPatch.context() as mp:
        for k, v in s3_env(team.server).items():
            mp.setenv(k, v)
        with HQService(tmp_path / "with", db_password=password) as sup:
            sup.unlock(PASS)
            assert [a.id for a in sup.record(rid).attachments] == [aid]
            assert b"".join(sup.attachment_chunks(aid)) == data
        r = run("--data-dir", tmp_path / "without", "hq", "attachment", aid, "--out",
                tmp_path / "x.pdf", passphrase=PASS, env={"PGPASSWORD": password})
        assert r.rc == 1 and "hq join --blobs" in r.err and r.err.count("\n") == 1, r.err
        assert not (tmp_path / "x.pdf").exists()
    with team.hq() as hq:
        reads = [e for e in hq.log_entries() if e.kind == "attachment-read"]
    assert len(reads) == 2 and all(e.detail["login"] == login for e in reads)
