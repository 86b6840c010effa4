"""The S3 blob store (store/s3blobs.py) and its settings (intake_app/objstore.py) against a
real SeaweedFS server (tests/pg_helpers.py: the `weed` binary, never a mock)."""

from __future__ import annotations

import io
import json
import os
import re
import secrets
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from intake_app import objstore as s3
from intake_app.errors import ObjectStoreError, UsageError
from intake_app.store import blobs
from intake_app.store.blobs import STRIDE, data_len, size_class, stored_len
from tests.pg_helpers import PgServer, S3Server

pytest.importorskip("minio", reason="minio not installed (pip install -e '.[team]')")


def env_for(server: S3Server) -> dict[str, str]:
    return {"INTAKE_S3_ENDPOINT": f"http://{server.endpoint}",
            "AWS_ACCESS_KEY_ID": server.access_key,
            "AWS_SECRET_ACCESS_KEY": server.secret_key}


@pytest.fixture(scope="module")
def bucket(s3_server: S3Server) -> Iterator[str]:
    name = "blobs-" + secrets.token_hex(4)
    s3_server.client().make_bucket(name)
    yield name


# -- URLs and settings -------------------------------------------------------------------


def test_url_parsing() -> None:
    assert s3.parse_url("s3://bucket") == s3.S3Location("bucket", "")
    loc = s3.parse_url("s3://my-bucket/team/hq/")
    assert (loc.bucket, loc.prefix, loc.url) == ("my-bucket", "team/hq", "s3://my-bucket/team/hq")
    assert loc.key("abc") == "team/hq/abc" and loc.list_prefix() == "team/hq/"
    for bad in ("https://bucket/x", "s3://Bad_Bucket/x", "s3://ab", "s3://key:secret@bucket/x",
                "s3://bucket/a/../b", "s3://bucket/x?region=y", "s3://bucket/a b"):
        with pytest.raises(UsageError):
            s3.parse_url(bad)


def test_settings_from_environment_and_private_file(tmp_path: Path) -> None:
    st = s3.settings_from_env({"INTAKE_S3_ENDPOINT": "http://127.0.0.1:9000",
                               "AWS_ACCESS_KEY_ID": "ak", "AWS_SECRET_ACCESS_KEY": "sk"})
    assert (st.host, st.secure, st.access_key, st.secret_key) == ("127.0.0.1:9000", False,
                                                                  "ak", "sk")
    assert "sk" not in repr(st) and "ak" not in repr(st)
    assert s3.settings_from_env({"INTAKE_S3_ENDPOINT": "s3.example.org",
                                 "AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b"}).secure
    with pytest.raises(UsageError, match="no S3 endpoint"):
        s3.settings_from_env({"AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b"})
    with pytest.raises(UsageError, match="no S3 credentials"):
        s3.settings_from_env({"INTAKE_S3_ENDPOINT": "http://h:1"})
    with pytest.raises(UsageError, match="credentials"):
        s3.settings_from_env({"INTAKE_S3_ENDPOINT": "http://u:p@h:1",
                              "AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b"})
    conf = tmp_path / "s3.json"
    conf.write_text(json.dumps({"endpoint": "https://s3.example.org:8443", "access_key": "fa",
                                "secret_key": "fs", "region": "eu-1"}), encoding="utf-8")
    conf.chmod(0o644)
    with pytest.raises(UsageError, match="chmod 600"):
        s3.settings_from_env({"INTAKE_S3_CONFIG": str(conf)})
    conf.chmod(0o600)
    st = s3.settings_from_env({"INTAKE_S3_CONFIG": str(conf), "AWS_ACCESS_KEY_ID": "ignored"})
    assert (st.host, st.secure, st.access_key, st.region) == ("s3.example.org:8443", True,
                                                              "fa", "eu-1")


def test_unreachable_endpoint_and_missing_bucket_are_one_line(s3_server: S3Server) -> None:
    dead = {"INTAKE_S3_ENDPOINT": "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID": "a",
            "AWS_SECRET_ACCESS_KEY": "b"}
    with pytest.raises(ObjectStoreError, match="cannot reach") as err:
        s3.connect(s3.parse_url("s3://bucket/x"), s3.settings_from_env(dead))
    assert "\n" not in str(err.value)
    with pytest.raises(ObjectStoreError, match="no bucket"):
        s3.connect(s3.parse_url("s3://no-such-bucket/x"),
                   s3.settings_from_env(env_for(s3_server)))


# -- the blob store ----------------------------------------------------------------------


def _name(key: bytes) -> str:
    nonce = secrets.token_hex(8)
    return nonce + blobs._tag(key, nonce)


def _stored(total: int) -> list[bytes]:
    n = (total + blobs.CHUNK_SIZE - 1) // blobs.CHUNK_SIZE
    return [os.urandom(stored_len(total, i)) for i in range(n)]


def test_object_round_trip_padding_ranges_and_sweep(s3_server: S3Server, bucket: str,
                                                    pg_server: PgServer) -> None:
    from intake_app.store.pg.db import PgDatabase
    from intake_app.store.s3blobs import PART_SIZE, S3Blobs

    store = S3Blobs.connect(f"s3://{bucket}/hq", s3.settings_from_env(env_for(s3_server)))
    db = PgDatabase(pg_server.store_url(pg_server.new_database("s3b")))
    with db.transaction() as conn:
        key = blobs.name_key(conn)
    total = PART_SIZE + blobs.CHUNK_SIZE + 12345  # more than one part
    chunks = _stored(total)
    kept, orphan = _name(key), _name(key)
    for name in (kept, orphan):
        w = store.writer(name, total)
        for i, c in enumerate(chunks):
            w.write(i, c)
        w.finish(total)
    client = s3_server.client()
    stat = client.stat_object(bucket, f"hq/{kept}")
    assert stat.size == size_class(data_len(total)) > data_len(total)
    assert list(store.read_run(kept, total, 0, len(chunks), "a")) == chunks
    assert list(store.read_run(kept, total, len(chunks) - 2, 2, "a")) == chunks[-2:]
    assert store.read_stored(kept, 3, STRIDE) == chunks[3]
    assert store.read_stored(_name(key), 0, STRIDE) is None
    # A foreign object under the prefix and a young orphan are spared.
    client.put_object(bucket, "hq/" + "0" * 32, io.BytesIO(b"x"), 1)
    with db.transaction() as conn:  # the row naming ``kept`` (its key would be here)
        conn.execute("INSERT INTO records (id, form_id, form_version, status, created_at, "
                     "updated_at, current_rev) VALUES ('r', 'f', '1', 'received', 0, 0, 1)")
        conn.execute("INSERT INTO attachments (id, record_id, name, mime, size, sha256, "
                     "created_at, complete, blob) VALUES ('a', 'r', 'n', 'm', ?, '', 0, 1, ?)",
                     (total, kept))
    assert store.sweep(db, min_age=timedelta(hours=1)) == 0  # the orphan is too young
    assert store.sweep(db) == 1
    db.close()
    assert sorted(store.names()) == sorted(["0" * 32, kept])
    store.remove([kept, "0" * 32])
    assert list(store.names()) == []


def test_aborted_and_short_uploads_leave_no_object(s3_server: S3Server, bucket: str) -> None:
    from intake_app.store.s3blobs import PART_SIZE, S3Blobs

    store = S3Blobs.connect(f"s3://{bucket}/abort", s3.settings_from_env(env_for(s3_server)))
    first_part = PART_SIZE // blobs.CHUNK_SIZE
    total = (first_part + 8) * blobs.CHUNK_SIZE
    chunks = _stored(total)
    w = store.writer("a" * 32, total)
    for i, c in enumerate(chunks[:first_part + 2]):  # past the first part
        w.write(i, c)
    w.abort()
    w = store.writer("b" * 32, total)
    w.write(0, chunks[0])
    with pytest.raises(ValueError):
        w.write(2, chunks[2])  # objects are written in order
    with pytest.raises(ValueError):
        w.finish(total)  # short: aborted, not completed
    assert list(store.names()) == []
    assert not list(s3_server.client().list_objects(bucket, prefix="abort/", recursive=True))


def test_upload_to_a_dead_endpoint_fails_in_one_line(s3_server: S3Server, bucket: str) -> None:
    from intake_app.store.s3blobs import S3Blobs

    live = S3Blobs.connect(f"s3://{bucket}/dead", s3.settings_from_env(env_for(s3_server)))
    dead = S3Blobs.open(live.location, s3.settings_from_env(
        {**env_for(s3_server), "INTAKE_S3_ENDPOINT": "http://127.0.0.1:9"}))
    total = 3 * blobs.CHUNK_SIZE
    w = dead.writer("c" * 32, total)
    with pytest.raises(ObjectStoreError, match="cannot write") as err:
        for i, c in enumerate(_stored(total)):
            w.write(i, c)
        w.finish(total)
    assert "\n" not in str(err.value)


def _traced_requests(trace: str) -> list[tuple[str, dict[str, str]]]:
    """(request line, headers) of each request in a minio trace."""
    out = []
    for block in trace.split("---------START-HTTP---------\n")[1:]:
        lines = block.splitlines()
        headers = {}
        for line in lines[1:]:
            if not line.strip():
                break
            k, _, v = line.partition(":")
            headers[k.strip().lower()] = v.strip()
        out.append((lines[0], headers))
    return out


def test_object_bodies_go_unsigned_in_reused_part_buffers(
        s3_server: S3Server, bucket: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts and whole objects are sent with UNSIGNED-PAYLOAD (no SHA-256 of each body,
    store/s3client.py); the real server takes them, the bytes read back intact, and the
    part list (it carries its own Content-MD5) is still signed with its hash."""
    from intake_app.store import s3blobs
    from intake_app.store.s3blobs import S3Blobs

    # The smallest parts S3 takes, two in flight: more parts than buffers, in few bytes.
    monkeypatch.setattr(s3blobs, "PART_SIZE", 5 << 20)
    monkeypatch.setattr(s3blobs, "PARALLEL_PARTS", 2)
    store = S3Blobs.connect(f"s3://{bucket}/unsigned", s3.settings_from_env(env_for(s3_server)))
    trace = io.StringIO()
    store.client.trace_on(trace)
    big = 2 * s3blobs.PARALLEL_PARTS * s3blobs.PART_SIZE // blobs.CHUNK_SIZE * blobs.CHUNK_SIZE
    for total, name in ((1000, "s" * 32), (big + 5, "m" * 32)):
        chunks = _stored(total)
        w = store.writer(name, total)
        for i, c in enumerate(chunks):
            w.write(i, memoryview(bytearray(c)))  # a view, as the opener hands them
        w.finish(total)
        assert list(store.read_run(name, total, 0, len(chunks), "a")) == chunks
        # More parts than buffers: the buffers were reused, not one made per part.
        assert w._made <= s3blobs.PARALLEL_PARTS + 1
    store.client.trace_off()
    reqs = _traced_requests(trace.getvalue())
    puts = [(line, h) for line, h in reqs if line.startswith("PUT ")]
    parts = [line for line, _ in puts if "partNumber=" in line]
    assert len(puts) == 1 + len(parts) and len(parts) > 2 * s3blobs.PARALLEL_PARTS
    assert {h["x-amz-content-sha256"] for _, h in puts} == {"UNSIGNED-PAYLOAD"}
    assert all("content-md5" not in h for _, h in puts)
    (complete,) = [h for line, h in reqs if line.startswith("POST ") and "uploadId=" in line]
    assert re.fullmatch(r"[0-9a-f]{64}", complete["x-amz-content-sha256"])
    store.remove(["s" * 32, "m" * 32])
