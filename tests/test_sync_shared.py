"""Shared drop-box storage (issue 19): two real `dropbox serve` instances on one
SeaweedFS bucket and one PostgreSQL state database. An upload cut mid-chunk at A resumes
at B, HQ fetches from either, a request replayed from A to B is refused, the device
quota counts what both hold, and the bucket holds no plaintext.

Instance A runs in-process (uvicorn thread), instance B is the real CLI in a subprocess
(`intake dropbox serve --storage s3://... --state postgresql://...`, S3 keys from the
environment)."""

from __future__ import annotations

import io
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from intake_app import objstore
from intake_app.crypto import make_receipt, verify_bundle
from intake_app.sync.auth import Credentials, sign_headers
from intake_app.sync.client import DropboxClient, DropboxError
from intake_app.sync.config import Limits
from intake_app.sync.objects import Bucket
from intake_app.sync.server import BackgroundServer
from intake_app.sync.shared import SharedStorage
from intake_app.sync.testing import SimWorld
from tests.pg_helpers import PgServer, S3Server

# One pair of instances for the module (B's CLI start costs seconds on a loaded machine);
# each test uses its own devices.
pytestmark = [pytest.mark.timeout(120), pytest.mark.slow]

LIMITS = Limits(min_free_bytes=0, max_request_bytes=4 << 20, max_bundle_bytes=64 << 20,
                body_idle_timeout=5.0, device_quota_files=3)
CANARY = b"CANARY-shared-dropbox-7f3a"


@dataclass
class Pair:
    world: SimWorld
    a: str  # instance A's URL (in-process)
    b: str  # instance B's URL (subprocess)
    bucket: Bucket
    server_a: BackgroundServer
    state_url: str
    prefix: str

    def client(self, url: str, device: str | None = None) -> DropboxClient:
        creds = self.world.hq_creds if device is None else self.world.devices[device].creds
        return DropboxClient(url, creds, backoff_base=0.01, backoff_cap=0.05)

    def objects(self) -> list[tuple[str, bytes]]:
        c, loc = self.bucket.client, self.bucket.loc
        out = []
        for o in c.list_objects(loc.bucket, prefix=loc.list_prefix(), recursive=True):
            r = c.get_object(loc.bucket, o.object_name)
            out.append((o.object_name, r.read()))
            r.close()
            r.release_conn()
        return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory, s3_server: S3Server,
         pg_server: PgServer) -> Iterator[Pair]:
    tmp_path = tmp_path_factory.mktemp("shared")
    world = SimWorld.create(tmp_path / "world", 7)
    # A prefix of its own in the session's bucket (a new bucket would be a SeaweedFS
    # collection with volumes of its own; the test server's volumes are few).
    prefix = "relay-" + secrets.token_hex(4)
    url = f"s3://intake-ready/{prefix}"
    env = {"INTAKE_S3_ENDPOINT": "http://" + s3_server.endpoint,
           "AWS_ACCESS_KEY_ID": s3_server.access_key,
           "AWS_SECRET_ACCESS_KEY": s3_server.secret_key}
    state_url = pg_server.store_url(pg_server.new_database("dropbox"))
    bucket = Bucket(url, objstore.settings_from_env(env))
    store = SharedStorage(bucket, state_url, world.keyring(),
                          nonce_quota=LIMITS.nonce_quota_per_signer)
    store.load(LIMITS.stale_part_seconds)
    server_a = BackgroundServer(tmp_path / "unused", world.keyring_path, LIMITS, storage=store)
    a = server_a.start()
    port = _free_port()
    cmd = [str(Path(sys.executable).parent / "intake"), "dropbox", "serve", "--storage", url,
           "--state", state_url, "--keyring", str(world.keyring_path), "--port", str(port),
           "--max-request-mb", "4", "--device-quota-files", "3"]
    log = open(tmp_path / "b.log", "wb")
    proc = subprocess.Popen(cmd, env={**os.environ, **env}, stdout=log, stderr=log)
    b = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(b + "/v1/status", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError((tmp_path / "b.log").read_text(errors="replace"))
        time.sleep(0.05)
    try:
        yield Pair(world, a, b, bucket, server_a, state_url, prefix)
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()
        server_a.stop()
        store.close()


def _cut_patch(url: str, creds: Credentials, name: str, offset: int, total: int,
               chunk: bytes) -> None:
    """A signed PATCH whose connection drops after half of its body."""
    path, query = f"/v1/uploads/{name}", f"offset={offset}&total={total}"
    h = sign_headers(creds, "PATCH", path, query, chunk)
    host, port = url.removeprefix("http://").split(":")
    head = (f"PATCH {path}?{query} HTTP/1.1\r\nHost: {host}\r\nContent-Length: {len(chunk)}"
            "\r\n" + "".join(f"{k}: {v}\r\n" for k, v in h.items()) + "\r\n").encode()
    with socket.create_connection((host, int(port))) as s:
        s.sendall(head + chunk[: len(chunk) // 2])
        time.sleep(0.2)


def test_upload_cut_at_a_resumes_at_b_and_hq_fetches_from_either(pair: Pair,
                                                                  tmp_path: Path) -> None:
    w = pair.world
    b = w.bundle("dev-000", content=CANARY * 40_000)  # ~1 MB of known plaintext, sealed
    creds = w.devices["dev-000"].creds
    first = 256 * 1024
    path, query = f"/v1/uploads/{b.name}", f"offset=0&total={len(b.data)}"
    r = httpx.patch(pair.a + path + "?" + query, content=b.data[:first], timeout=30,
                    headers=sign_headers(creds, "PATCH", path, query, b.data[:first]))
    assert r.json()["offset"] == first
    _cut_patch(pair.a, creds, b.name, first, len(b.data), b.data[first: 2 * first])
    with pair.client(pair.b, "dev-000") as c:
        for _ in range(100):  # A notices the disconnect: the cut chunk left nothing
            st = c.upload_state(b.name)
            if ("dev-000", b.name) not in pair.server_a.dropbox._upload_locks:
                break
            time.sleep(0.02)
        assert st == {"name": b.name, "state": "partial", "complete": False, "offset": first,
                      "total": len(b.data)}
        seen: list[int] = []
        src = b.write(tmp_path)
        assert c.upload_file(src, on_bytes=lambda n, _t: seen.append(n)) == "stored"
        assert seen[0] == first  # resumed at B where A left off
    with pair.client(pair.a, "dev-000") as c:
        assert c.upload_file(src) == "duplicate"  # A sees what B stored
    for url in (pair.a, pair.b):
        dest = tmp_path / url.rsplit(":", 1)[1]
        dest.mkdir()
        with pair.client(url) as hq:
            listing = hq.list_bundles()
            assert b.name in [x["name"] for x in listing]
            got = hq.download("dev-000", b.name, dest, w.keyring(), b.statement_hash)
            assert got.read_bytes() == b.data
    # A download cut short resumes with a Range request (B streams from the segments).
    dest = tmp_path / "ranged"
    dest.mkdir()
    (dest / f".{b.name}.part").write_bytes(b.data[:300_000])
    with pair.client(pair.b) as hq:
        assert hq.download("dev-000", b.name, dest, w.keyring()).read_bytes() == b.data
    # HQ's receipt posted at B prunes the bundle for A too.
    segments = {n for n, d in pair.objects() if n.startswith(f"{pair.prefix}/uploads/")
                and d in b.data}
    assert segments
    receipt = make_receipt(w.hq_key, w.hq_id, "dev-000", [(1, b.statement_hash)])
    with pair.client(pair.b) as hq:
        assert hq.post_receipt(receipt)["pruned"] == [b.name]
    with pair.client(pair.a) as hq:
        assert b.name not in [x["name"] for x in hq.list_bundles()]
    with pair.client(pair.a, "dev-000") as c:
        assert c.fetch_receipt("dev-000") == receipt
        assert c.upload_file(src) == "delivered"
    after = {n for n, _d in pair.objects()}
    assert f"{pair.prefix}/receipts/dev-000.sig" in after
    assert not segments & after  # the segments went with the bundle


def test_a_request_replayed_at_the_other_instance_is_refused(pair: Pair) -> None:
    w = pair.world
    path = "/v1/uploads/dev-001-000001.intake"
    h = sign_headers(w.devices["dev-001"].creds, "GET", path)
    assert httpx.get(pair.a + path, headers=h, timeout=30).status_code == 200
    replay = httpx.get(pair.b + path, headers=h, timeout=30)
    assert replay.status_code == 401 and "replayed" in replay.json()["detail"]
    hq = sign_headers(w.hq_creds, "GET", "/v1/bundles")
    assert httpx.get(pair.b + "/v1/bundles", headers=hq, timeout=30).status_code == 200
    assert httpx.get(pair.a + "/v1/bundles", headers=hq, timeout=30).status_code == 401


def test_the_device_quota_counts_both_instances(pair: Pair, tmp_path: Path) -> None:
    w = pair.world
    bundles = [w.bundle("dev-002", 2000) for _ in range(4)]
    for i, b in enumerate(bundles[:3]):  # quota: 3 files, spread over A and B
        with pair.client(pair.a if i % 2 else pair.b, "dev-002") as c:
            assert c.upload_file(b.write(tmp_path)) == "stored"
    for url in (pair.a, pair.b):
        with pair.client(url, "dev-002") as c, pytest.raises(DropboxError) as ei:
            c.upload_file(bundles[3].write(tmp_path))
        assert ei.value.status == 507 and ei.value.code == "quota-files"
    with pair.client(pair.a, "dev-003") as c:  # another device is not affected
        assert c.upload_file(w.bundle("dev-003", 2000).write(tmp_path)) == "stored"


def test_the_bucket_holds_no_plaintext(pair: Pair, tmp_path: Path) -> None:
    w = pair.world
    done = w.bundle("dev-004", content=CANARY * 1000)
    with pair.client(pair.a, "dev-004") as c:
        c.upload_file(done.write(tmp_path))
    half = w.bundle("dev-005", content=CANARY * 2000)
    path, query = f"/v1/uploads/{half.name}", f"offset=0&total={len(half.data)}"
    httpx.patch(pair.b + path + "?" + query, content=half.data[:5000], timeout=30,
                headers=sign_headers(w.devices["dev-005"].creds, "PATCH", path, query,
                                     half.data[:5000]))
    objs = pair.objects()
    assert len(objs) >= 2
    secrets_ = [bytes(w.hq_key), *(bytes(k) for k in w.recipients),
                *(bytes(d.key) for d in w.devices.values())]
    for name, data in objs:
        assert CANARY not in data, name
        assert not any(s in data or s.hex().encode() in data for s in secrets_), name
        if "/0000000000000000-" in name:
            assert data[:8] == b"INTKBNDL", name  # the first segment of a sealed bundle
    whole = next(d for n, d in objs if d == done.data)  # one segment: the whole bundle
    verify_bundle(io.BytesIO(whole), w.keyring())


def test_sweep_removes_orphaned_objects_only(pair: Pair, tmp_path: Path) -> None:
    """An object the state database does not name (a crash between the bucket write and
    the commit) is removed once old enough; a live upload's segments stay."""
    w = pair.world
    b = w.bundle("dev-006", 300_000)
    creds = w.devices["dev-006"].creds
    path, query = f"/v1/uploads/{b.name}", f"offset=0&total={len(b.data)}"
    r = httpx.patch(pair.a + path + "?" + query, content=b.data[:100_000], timeout=30,
                    headers=sign_headers(creds, "PATCH", path, query, b.data[:100_000]))
    assert r.json()["offset"] == 100_000
    pair.bucket.put_bytes("uploads/deadbeef/0000000000000000-00000000", b"orphan")
    store = pair.server_a.dropbox.storage
    assert isinstance(store, SharedStorage)
    assert store.sweep() == 0  # younger than an hour: may be mid-commit elsewhere
    assert store.sweep(min_age=0) == 1
    names = [n for n, _d in pair.objects()]
    assert f"{pair.prefix}/uploads/deadbeef/0000000000000000-00000000" not in names
    with pair.client(pair.b, "dev-006") as c:  # the live upload was left alone
        assert c.upload_file(b.write(tmp_path)) == "stored"
