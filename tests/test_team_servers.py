"""The team-server test servers are real and confined: PostgreSQL on a Unix socket only,
run by an unprivileged user; SeaweedFS's S3 endpoint on loopback storing real objects."""

from __future__ import annotations

import io
import os
import secrets

import pytest

from tests.pg_helpers import PgServer, S3Server


def test_postgres_is_real_and_socket_only(pg_server: PgServer) -> None:
    import psycopg

    with psycopg.connect(pg_server.dsn()) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()
        listen = conn.execute("SHOW listen_addresses").fetchone()
        owner = conn.execute("SELECT pg_stat_file('PG_VERSION')").fetchone()
    assert version is not None and int(version[0]) >= 150000
    assert listen == ("",)  # no TCP socket at all
    assert owner is not None
    # The data folder belongs to an unprivileged user (initdb refuses root).
    assert (pg_server.root / "data").stat().st_uid != 0 or os.geteuid() != 0


def test_postgres_password_logins_are_checked(pg_server: PgServer) -> None:
    import psycopg

    name = "u_" + secrets.token_hex(3)
    with psycopg.connect(pg_server.dsn(), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {name} LOGIN PASSWORD 'right-one'")
    with psycopg.connect(pg_server.dsn(user=name, password="right-one")) as conn:
        assert conn.execute("SELECT current_user").fetchone() == (name,)
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg_server.dsn(user=name, password="wrong"))


def test_seaweedfs_stores_and_returns_objects(s3_server: S3Server) -> None:
    client = s3_server.client()
    bucket = "t-" + secrets.token_hex(4)
    client.make_bucket(bucket)
    data = secrets.token_bytes(3 << 20)
    client.put_object(bucket, "a/b", io.BytesIO(data), len(data))
    resp = client.get_object(bucket, "a/b")
    try:
        assert resp.read() == data
    finally:
        resp.close()
        resp.release_conn()
    client.remove_object(bucket, "a/b")
    assert [o.object_name for o in client.list_objects(bucket, recursive=True)] == []
    assert s3_server.endpoint.startswith("127.0.0.1:")
