"""The drop box on loopback: resumable uploads, refusals that leave nothing behind,
concurrency, HQ fetch, receipts, keyring pushes, and what the storage may hold."""

from __future__ import annotations

import hashlib
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from nacl.signing import SigningKey

from intake_app.crypto import Keyring, make_receipt, read_receipt, verify_bundle
from intake_app.errors import BundleError
from intake_app.sync.auth import Credentials, sign_headers
from intake_app.sync.client import DropboxClient, DropboxError, Unreachable
from intake_app.sync.config import Limits
from intake_app.sync.server import BackgroundServer
from intake_app.sync.testing import SimBundle, SimWorld

pytestmark = pytest.mark.timeout(120)

TEST_LIMITS = Limits(min_free_bytes=0, max_request_bytes=4 << 20, max_bundle_bytes=64 << 20,
                     body_idle_timeout=5.0)


class Box:
    def __init__(self, root: Path, world: SimWorld, limits: Limits = TEST_LIMITS) -> None:
        self.root, self.world, self.limits = root, world, limits
        self.storage = root / "store"
        self.server = BackgroundServer(self.storage, world.keyring_path, limits)
        self.url = self.server.start()

    def restart(self) -> None:
        self.server.stop()
        self.server = BackgroundServer(self.storage, self.world.keyring_path, self.limits)
        self.url = self.server.start()

    def client(self, device: str | None = None, **kw: Any) -> DropboxClient:
        creds = self.world.hq_creds if device is None else self.world.devices[device].creds
        kw.setdefault("backoff_base", 0.01)
        kw.setdefault("backoff_cap", 0.05)
        return DropboxClient(self.url, creds, **kw)

    def files(self, sub: str) -> list[Path]:
        return sorted(p for p in (self.storage / sub).rglob("*") if p.is_file())

    def nothing_stored(self) -> bool:
        return self.files("bundles") == [] and self.files("incoming") == []


@pytest.fixture
def world(tmp_path: Path) -> SimWorld:
    return SimWorld.create(tmp_path / "world", 3)


@pytest.fixture
def box(tmp_path: Path, world: SimWorld) -> Iterator[Box]:
    b = Box(tmp_path, world)
    yield b
    b.server.stop()


def raw(box: Box, creds: Credentials | None, method: str, path: str, query: str = "",
        body: bytes = b"", headers: dict[str, str] | None = None, **sign: Any) -> httpx.Response:
    h = dict(headers or {})
    if creds is not None:
        h.update(sign_headers(creds, method, path, query, body, **sign))
    url = box.url + path + ("?" + query if query else "")
    return httpx.request(method, url, content=body, headers=h, timeout=30)


def patch(box: Box, creds: Credentials, name: str, offset: int, total: int, body: bytes,
          **kw: Any) -> httpx.Response:
    return raw(box, creds, "PATCH", f"/v1/uploads/{name}", f"offset={offset}&total={total}",
               body, **kw)


# -- round trip -------------------------------------------------------------------------
def test_upload_fetch_round_trip(box: Box, world: SimWorld, tmp_path: Path) -> None:
    b = world.bundle("dev-000", 2_500_000)
    path = b.write(tmp_path)
    seen: list[int] = []
    with box.client("dev-000") as c:
        assert c.upload_state(b.name)["state"] == "absent"
        assert c.upload_file(path, on_bytes=lambda n, _t: seen.append(n)) == "stored"
        assert seen[0] == 0 and seen[-1] == len(b.data) and len(seen) > 3  # several chunks
        assert seen == sorted(seen)  # progress while each chunk is on the wire
        assert c.upload_file(path) == "duplicate"
        st = c.upload_state(b.name)
        assert st["complete"] and st["statement_hash"] == b.statement_hash
    with box.client() as hq:
        listing = hq.list_bundles()
        assert [(x["name"], x["statement_hash"]) for x in listing] == [(b.name, b.statement_hash)]
        dest = tmp_path / "fetched"
        dest.mkdir()
        got = hq.download("dev-000", b.name, dest, world.keyring(), b.statement_hash)
        assert got.read_bytes() == b.data
        assert hq.list_bundles(since=listing[0]["stored_at"] + 1) == []
    assert box.files("incoming") == []


def test_download_resumes_and_refuses_a_bad_copy(box: Box, world: SimWorld,
                                                 tmp_path: Path) -> None:
    b = world.bundle("dev-001", 1_000_000)
    _upload(box, "dev-001", b)
    dest = tmp_path / "hq-in"
    dest.mkdir()
    part = dest / f".{b.name}.part"
    part.write_bytes(b.data[:400_000])  # an earlier download cut off
    seen: list[int] = []
    with box.client() as hq:
        got = hq.download("dev-001", b.name, dest, world.keyring(), b.statement_hash,
                          on_bytes=lambda n, _t: seen.append(n))
        assert got.read_bytes() == b.data and not part.exists()
        assert seen[0] > 400_000  # continued with a Range request
        got.unlink()
        part.write_bytes(b"\0" * 400_000)  # a corrupt partial copy: caught by verify
        with pytest.raises(BundleError):
            hq.download("dev-001", b.name, dest, world.keyring(), b.statement_hash)
        assert not part.exists() and not got.exists()
        assert hq.download("dev-001", b.name, dest, world.keyring()).read_bytes() == b.data


def test_status_needs_no_auth_and_everything_else_does(box: Box) -> None:
    assert httpx.get(box.url + "/v1/status").json() == {"ok": True, "api": 1}
    for method, path in [("GET", "/v1/bundles"), ("GET", "/v1/uploads/dev-000-000001.intake"),
                         ("GET", "/v1/receipts/dev-000"), ("PUT", "/v1/keyring")]:
        r = raw(box, None, method, path)
        assert r.status_code == 401, (method, path)
        assert r.headers["www-authenticate"] == "Intake-Sig"


# -- resumable uploads ----------------------------------------------------------------------
def _cut_upload(box: Box, creds: Credentials, name: str, offset: int, total: int,
                chunk: bytes) -> None:
    """Send a signed PATCH, half of its body, then drop the connection."""
    path, query = f"/v1/uploads/{name}", f"offset={offset}&total={total}"
    h = sign_headers(creds, "PATCH", path, query, chunk)
    host, port = box.url.removeprefix("http://").split(":")
    head = (f"PATCH {path}?{query} HTTP/1.1\r\nHost: {host}\r\nContent-Length: {len(chunk)}\r\n"
            + "".join(f"{k}: {v}\r\n" for k, v in h.items()) + "\r\n").encode()
    with socket.create_connection((host, int(port))) as s:
        s.sendall(head + chunk[: len(chunk) // 2])
        time.sleep(0.2)


def test_cut_mid_upload_resumes_from_server_offset(box: Box, world: SimWorld,
                                                   tmp_path: Path) -> None:
    b = world.bundle("dev-000", 3_000_000)
    path = b.write(tmp_path)
    creds = world.devices["dev-000"].creds
    first = 1 << 20
    assert patch(box, creds, b.name, 0, len(b.data), b.data[:first]).json()["offset"] == first
    _cut_upload(box, creds, b.name, first, len(b.data), b.data[first: 2 * first])
    with box.client("dev-000") as c:
        for _ in range(100):  # the server notices the disconnect and keeps only whole chunks
            st = c.upload_state(b.name)
            if st["offset"] == first and ("dev-000", b.name) not in \
                    box.server.dropbox._upload_locks:
                break
            time.sleep(0.02)
        assert st == {"name": b.name, "state": "partial", "complete": False, "offset": first,
                      "total": len(b.data)}
        assert box.files("bundles") == []  # never under the final name while partial
        seen: list[int] = []
        assert c.upload_file(path, on_bytes=lambda n, _t: seen.append(n)) == "stored"
    assert seen[0] == first  # resumed, not restarted
    stored = box.storage / "bundles" / "dev-000" / b.name
    assert stored.read_bytes() == b.data
    assert box.files("incoming") == []


def test_stalled_body_times_out_and_keeps_whole_chunks(tmp_path: Path, world: SimWorld) -> None:
    """A half-open connection (laptop gone, no FIN) does not hold the upload forever."""
    box = Box(tmp_path, world, replace(TEST_LIMITS, body_idle_timeout=0.5))
    try:
        b = world.bundle("dev-000", 300_000)
        creds = world.devices["dev-000"].creds
        assert patch(box, creds, b.name, 0, len(b.data), b.data[:100_000]).status_code == 200
        path, query = f"/v1/uploads/{b.name}", f"offset=100000&total={len(b.data)}"
        chunk = b.data[100_000:200_000]
        h = sign_headers(creds, "PATCH", path, query, chunk)
        host, port = box.url.removeprefix("http://").split(":")
        head = (f"PATCH {path}?{query} HTTP/1.1\r\nHost: {host}\r\nContent-Length: "
                f"{len(chunk)}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in h.items()) + "\r\n")
        with socket.create_connection((host, int(port))) as s:
            s.sendall(head.encode() + chunk[:30_000])  # ... then silence
            s.settimeout(10)
            reply = s.recv(65536).decode()
        assert reply.startswith("HTTP/1.1 408"), reply
        r = raw(box, creds, "HEAD", f"/v1/uploads/{b.name}")
        assert r.headers["upload-offset"] == "100000"
    finally:
        box.server.stop()


def test_partial_upload_survives_restart(box: Box, world: SimWorld, tmp_path: Path) -> None:
    b = world.bundle("dev-001", 1_500_000)
    creds = world.devices["dev-001"].creds
    assert patch(box, creds, b.name, 0, len(b.data), b.data[:700_000]).status_code == 200
    box.restart()
    with box.client("dev-001") as c:
        assert c.upload_state(b.name)["offset"] == 700_000
        seen: list[int] = []
        assert c.upload_file(b.write(tmp_path), on_bytes=lambda n, _t: seen.append(n)) == "stored"
    assert seen[0] == 700_000


class FlakyTransport(httpx.HTTPTransport):
    """Fails every other PATCH before it reaches the server (a dropped connection)."""

    def __init__(self) -> None:
        super().__init__()
        self.patches = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "PATCH":
            self.patches += 1
            if self.patches % 2 == 0:
                raise httpx.WriteError("connection reset by peer")
        return super().handle_request(request)


def test_client_retries_and_resumes_through_network_errors(box: Box, world: SimWorld,
                                                           tmp_path: Path) -> None:
    b = world.bundle("dev-002", 2_000_000)
    t = FlakyTransport()
    with box.client("dev-002", transport=t, retries=10) as c:
        assert c.upload_file(b.write(tmp_path), first_chunk=256 << 10) == "stored"
    assert t.patches >= 4
    assert (box.storage / "bundles" / "dev-002" / b.name).read_bytes() == b.data


def test_client_adapts_to_a_stricter_request_limit(tmp_path: Path, world: SimWorld) -> None:
    box = Box(tmp_path, world, replace(TEST_LIMITS, max_request_bytes=200_000))
    try:
        b = world.bundle("dev-000", 1_000_000)
        with box.client("dev-000") as c:
            assert c.upload_file(b.write(tmp_path), first_chunk=1 << 20) == "stored"
    finally:
        box.server.stop()


def test_unreachable_drop_box_raises_after_retries(world: SimWorld, tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    c = DropboxClient(f"http://127.0.0.1:{port}", world.devices["dev-000"].creds, retries=2,
                      backoff_base=0.01, backoff_cap=0.02)
    with pytest.raises(Unreachable):
        c.upload_state("dev-000-000001.intake")


# -- concurrency -------------------------------------------------------------------------------
def test_fifty_devices_upload_concurrently(tmp_path: Path) -> None:
    world = SimWorld.create(tmp_path / "w50", 50)
    bundles = {d: [world.bundle(d, 20_000 + 7_919 * i + 1_000 * k) for k in range(2)]
               for i, d in enumerate(world.devices)}
    folder = tmp_path / "out"
    folder.mkdir()
    box = Box(tmp_path, world)
    try:
        def send(device: str) -> list[str]:
            with box.client(device) as c:
                return [c.upload_file(b.write(folder), first_chunk=64 << 10)
                        for b in bundles[device]]

        with ThreadPoolExecutor(50) as pool:
            verdicts = list(pool.map(send, list(world.devices)))
        assert all(v == ["stored", "stored"] for v in verdicts)
        # ... and a second wave of the same uploads is a no-op.
        with ThreadPoolExecutor(50) as pool:
            assert all(v == ["duplicate", "duplicate"]
                       for v in pool.map(send, list(world.devices)))
        with box.client() as hq:
            listing = hq.list_bundles()
    finally:
        box.server.stop()
    expect = {(b.name, b.statement_hash) for bs in bundles.values() for b in bs}
    assert {(x["name"], x["statement_hash"]) for x in listing} == expect
    assert len(listing) == 100
    stored = box.files("bundles")
    assert len(stored) == 100 and box.files("incoming") == []
    ring = world.keyring()
    for p in stored:
        with open(p, "rb") as fh:
            verify_bundle(fh, ring)


# -- refusals --------------------------------------------------------------------------------
def _refused(r: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body: dict[str, Any] = r.json()
    assert body["detail"]
    if code:
        assert body["error"] == code, body
    return body


def test_garbage_upload_refused(box: Box, world: SimWorld) -> None:
    creds = world.devices["dev-000"].creds
    junk = hashlib.sha256(b"x").digest() * 200
    body = _refused(patch(box, creds, "dev-000-000001.intake", 0, len(junk), junk), 422,
                    "bundle-refused")
    assert body["kind"] == "header"
    assert box.nothing_stored()


def test_truncated_bundle_refused(box: Box, world: SimWorld) -> None:
    b = world.bundle("dev-000", 50_000)
    cut = b.data[:-100]
    body = _refused(patch(box, world.devices["dev-000"].creds, b.name, 0, len(cut), cut), 422)
    assert body["kind"] == "signature"
    assert box.nothing_stored()


def test_oversized_requests_refused(box: Box, world: SimWorld) -> None:
    creds = world.devices["dev-000"].creds
    name = "dev-000-000001.intake"
    _refused(patch(box, creds, name, 0, 65 << 20, b"x" * 10), 413, "bundle-too-large")
    big = b"\0" * ((4 << 20) + 1)
    _refused(patch(box, creds, name, 0, 8 << 20, big), 413, "request-too-large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while streaming
        for _ in range(5):
            yield b"\0" * (1 << 20)

    digest = hashlib.sha256(b"\0" * (5 << 20)).hexdigest()
    h = sign_headers(creds, "PATCH", f"/v1/uploads/{name}", f"offset=0&total={8 << 20}",
                     body_sha256=digest)
    r = httpx.patch(f"{box.url}/v1/uploads/{name}?offset=0&total={8 << 20}", content=chunks(),
                    headers=h)
    _refused(r, 413, "request-too-large")
    assert box.nothing_stored()


def test_unsigned_and_badly_signed_refused(box: Box, world: SimWorld) -> None:
    b = world.bundle("dev-000", 10_000)
    _refused(raw(box, None, "PATCH", f"/v1/uploads/{b.name}", f"offset=0&total={len(b.data)}",
                 b.data), 401)
    # A signed request whose signature does not match what was sent (offset changed).
    h = sign_headers(world.devices["dev-000"].creds, "PATCH", f"/v1/uploads/{b.name}",
                     "offset=0&total=1", b.data)
    r = httpx.patch(f"{box.url}/v1/uploads/{b.name}?offset=0&total={len(b.data)}",
                    content=b.data, headers=h)
    _refused(r, 401)
    # A bundle whose own Ed25519 signature is broken.
    bad = bytearray(b.data)
    bad[-20] ^= 1
    body = _refused(patch(box, world.devices["dev-000"].creds, b.name, 0, len(bad), bytes(bad)),
                    422)
    assert body["kind"] == "signature"
    assert box.nothing_stored()


def test_unknown_signer_refused(box: Box, world: SimWorld) -> None:
    stranger = Credentials("device", "dev-999", SigningKey.generate(), world.hq_id)
    _refused(patch(box, stranger, "dev-999-000001.intake", 0, 10, b"0123456789"), 401)
    # An enrolled device uploading a bundle signed by a key the keyring does not know.
    b = world.bundle("dev-000", 10_000, key=SigningKey.generate(), advance=False)
    body = _refused(patch(box, world.devices["dev-000"].creds, b.name, 0, len(b.data), b.data),
                    422)
    assert body["kind"] == "signer"
    # Someone else's key pretending to be dev-000 in the request.
    fake = Credentials("device", "dev-000", SigningKey.generate(), world.hq_id)
    _refused(patch(box, fake, b.name, 0, len(b.data), b.data), 401)
    assert box.nothing_stored()


def test_replayed_and_stale_requests_refused(box: Box, world: SimWorld) -> None:
    b = world.bundle("dev-000", 10_000)
    creds = world.devices["dev-000"].creds
    path, query = f"/v1/uploads/{b.name}", f"offset=0&total={len(b.data)}"
    h = sign_headers(creds, "PATCH", path, query, b.data[:5000])
    url = f"{box.url}{path}?{query}"
    assert httpx.patch(url, content=b.data[:5000], headers=h).status_code == 200
    with box.client("dev-000") as c:
        c.send("DELETE", path)
    r = httpx.patch(url, content=b.data[:5000], headers=h)  # the same request, captured
    assert "replayed" in _refused(r, 401)["detail"]
    old = int(time.time()) - 400
    _refused(patch(box, creds, b.name, 0, len(b.data), b.data, now=old), 401)
    _refused(patch(box, creds, b.name, 0, len(b.data), b.data, now=old + 800), 401)
    assert box.nothing_stored()


def test_duplicate_upload_is_idempotent(box: Box, world: SimWorld) -> None:
    b = world.bundle("dev-000", 10_000)
    creds = world.devices["dev-000"].creds
    assert patch(box, creds, b.name, 0, len(b.data), b.data).status_code == 201
    before = {p: p.stat().st_mtime_ns for p in box.files("bundles")}
    r = patch(box, creds, b.name, 0, len(b.data), b.data)
    assert r.status_code == 200 and r.json()["status"] == "duplicate"
    assert {p: p.stat().st_mtime_ns for p in box.files("bundles")} == before
    assert box.files("incoming") == []


def test_fork_and_wrong_prev_refused(box: Box, world: SimWorld) -> None:
    creds = world.devices["dev-000"].creds
    b1 = world.bundle("dev-000", 10_000)
    assert patch(box, creds, b1.name, 0, len(b1.data), b1.data).status_code == 201
    d = world.devices["dev-000"]
    d.sequence, d.prev = 0, bytes(32)
    fork = world.bundle("dev-000", 12_000)  # another #1
    assert fork.name == b1.name
    _refused(patch(box, creds, fork.name, 0, len(fork.data), fork.data), 409, "chain")
    d.sequence, d.prev = 1, hashlib.sha256(b"not b1").digest()
    wrong = world.bundle("dev-000", 1_000)  # #2 not linked to the #1 held
    _refused(patch(box, creds, wrong.name, 0, len(wrong.data), wrong.data), 409, "chain")
    assert [p.name for p in box.files("bundles")] == [b1.name]
    assert box.files("incoming") == []


def test_devices_only_upload_their_own_bundles(box: Box, world: SimWorld) -> None:
    b = world.bundle("dev-000", 10_000)
    other = world.devices["dev-001"].creds
    _refused(patch(box, other, b.name, 0, len(b.data), b.data), 403)
    renamed = "dev-001-000001.intake"  # dev-000's bundle under dev-001's name
    _refused(patch(box, other, renamed, 0, len(b.data), b.data), 403)
    _refused(patch(box, world.devices["dev-000"].creds, "../x.intake", 0, 3, b"abc"), 404)
    _refused(patch(box, world.devices["dev-000"].creds, "dev-000-1.intake", 0, 3, b"abc"), 400,
             "bad-name")
    assert box.nothing_stored()


def test_offset_mismatch_digest_mismatch(box: Box, world: SimWorld) -> None:
    b = world.bundle("dev-000", 100_000)
    creds = world.devices["dev-000"].creds
    assert patch(box, creds, b.name, 0, len(b.data), b.data[:1000]).status_code == 200
    body = _refused(patch(box, creds, b.name, 5000, len(b.data), b.data[5000:6000]), 409,
                    "offset-mismatch")
    assert body["offset"] == 1000
    h = sign_headers(creds, "PATCH", f"/v1/uploads/{b.name}", f"offset=1000&total={len(b.data)}",
                     body_sha256=hashlib.sha256(b"something else").hexdigest())
    r = httpx.patch(f"{box.url}/v1/uploads/{b.name}?offset=1000&total={len(b.data)}",
                    content=b.data[1000:2000], headers=h)
    assert _refused(r, 400, "digest-mismatch")["offset"] == 1000
    with box.client("dev-000") as c:
        assert c.upload_state(b.name)["offset"] == 1000  # unauthenticated bytes dropped


def test_device_quotas(tmp_path: Path, world: SimWorld) -> None:
    box = Box(tmp_path, world, replace(TEST_LIMITS, device_quota_files=2,
                                       device_quota_bytes=100_000))
    try:
        creds = world.devices["dev-000"].creds
        for _ in range(2):
            b = world.bundle("dev-000", 10_000)
            assert patch(box, creds, b.name, 0, len(b.data), b.data).status_code == 201
        b = world.bundle("dev-000", 10_000)
        _refused(patch(box, creds, b.name, 0, len(b.data), b.data), 507, "quota-files")
        big = world.bundle("dev-001", 120_000)
        _refused(patch(box, world.devices["dev-001"].creds, big.name, 0, len(big.data),
                       big.data[:1000]), 507, "quota-bytes")
        assert len(box.files("bundles")) == 2 and box.files("incoming") == []
    finally:
        box.server.stop()


# -- HQ: permissions, receipts, keyring --------------------------------------------------------
def _upload(box: Box, device: str, b: SimBundle) -> None:
    r = patch(box, box.world.devices[device].creds, b.name, 0, len(b.data), b.data)
    assert r.status_code == 201, r.text


def test_hq_routes_are_for_hq_only(box: Box, world: SimWorld) -> None:
    b = world.bundle("dev-000", 1000)
    _upload(box, "dev-000", b)
    dev = world.devices["dev-000"].creds
    _refused(raw(box, dev, "GET", "/v1/bundles"), 403)
    _refused(raw(box, dev, "GET", f"/v1/bundles/dev-000/{b.name}"), 403)
    receipt = make_receipt(world.hq_key, world.hq_id, "dev-000", [(1, b.statement_hash)])
    _refused(raw(box, dev, "POST", "/v1/receipts", body=receipt), 403)
    _refused(raw(box, dev, "PUT", "/v1/keyring", body=world.keyring_bytes()), 403)
    other_hq = Credentials("hq", world.hq_id, SigningKey.generate(), world.hq_id)
    _refused(raw(box, other_hq, "GET", "/v1/bundles"), 401)


def test_receipts_published_and_collected(box: Box, world: SimWorld, tmp_path: Path) -> None:
    b1, b2 = world.bundle("dev-000", 1000), world.bundle("dev-000", 1000)
    _upload(box, "dev-000", b1)
    _upload(box, "dev-000", b2)
    with box.client("dev-000") as dev:
        assert dev.fetch_receipt("dev-000") is None
    receipt = make_receipt(world.hq_key, world.hq_id, "dev-000", [(1, b1.statement_hash)])
    with box.client() as hq:
        r = hq.post_receipt(receipt)
        assert r["pruned"] == [b1.name]  # HQ holds it: the relay forgets it
        assert [x["name"] for x in hq.list_bundles()] == [b2.name]
        forged = make_receipt(SigningKey.generate(), world.hq_id, "dev-000",
                              [(1, b1.statement_hash), (2, b2.statement_hash)])
        with pytest.raises(DropboxError) as ei:
            hq.post_receipt(forged)
        assert ei.value.status == 422
    with box.client("dev-000") as dev:
        got = dev.fetch_receipt("dev-000")
        assert got == receipt
        assert read_receipt(got, world.hq_key.verify_key).entries == ((1, b1.statement_hash),)
        with pytest.raises(DropboxError) as ei:
            dev.fetch_receipt("dev-001")
        assert ei.value.status == 403
        # HQ acknowledged it: re-sending is a no-op, and the drop box says so.
        assert dev.upload_file(b1.write(tmp_path)) == "delivered"
    assert [p.name for p in box.files("bundles")] == [b2.name]
    both = make_receipt(world.hq_key, world.hq_id, "dev-000",
                        [(1, b1.statement_hash), (2, b2.statement_hash)])
    with box.client() as hq:
        hq.post_receipt(both)
        with pytest.raises(DropboxError) as ei:
            hq.post_receipt(receipt)  # older than the one held
        assert ei.value.status == 409
    assert box.files("bundles") == []


def test_keyring_push_enrolls_and_revokes(box: Box, world: SimWorld) -> None:
    new = world.add_device("dev-new")
    b = world.bundle("dev-new", 1000)
    _refused(patch(box, new.creds, b.name, 0, len(b.data), b.data), 401)
    with box.client() as hq:
        with pytest.raises(DropboxError) as ei:
            hq.put_keyring(world.keyring_bytes())  # same serial
        assert ei.value.status == 409
        world.serial = 2
        assert hq.put_keyring(world.keyring_bytes())["serial"] == 2
    _upload(box, "dev-new", b)
    world.serial = 3
    with box.client() as hq:
        hq.put_keyring(world.keyring_bytes(revoked=frozenset({"dev-001"})))
        impostor = SimWorld.create(box.root / "other", 1, hq_id=world.hq_id)
        impostor.serial = 9
        with pytest.raises(DropboxError) as ei:
            hq.put_keyring(impostor.keyring_bytes())  # another HQ key
        assert ei.value.status == 422
    b1 = world.bundle("dev-001", 1000)
    _refused(patch(box, world.devices["dev-001"].creds, b1.name, 0, len(b1.data), b1.data), 403)
    box.restart()  # the pushed keyring outlives a restart
    assert box.server.dropbox.keyring.serial == 3


def test_storage_holds_only_sealed_bundles_and_signed_receipts(box: Box, world: SimWorld,
                                                               tmp_path: Path) -> None:
    for d in ("dev-000", "dev-001"):
        for _ in range(2):
            _upload(box, d, world.bundle(d, 5000))
    half = world.bundle("dev-002", 100_000)
    patch(box, world.devices["dev-002"].creds, half.name, 0, len(half.data), half.data[:500])
    receipt = make_receipt(world.hq_key, world.hq_id, "dev-000",
                           [(1, world.bundle("dev-000", 1, advance=False).statement_hash)])
    with box.client() as hq:
        hq.post_receipt(receipt)
        world.serial = 2
        hq.put_keyring(world.keyring_bytes())
    check_storage_is_public(box.storage, world.keyring(), world.hq_key,
                            secrets=[bytes(world.hq_key), *(bytes(k) for k in world.recipients),
                                     *(bytes(d.key) for d in world.devices.values())])


def check_storage_is_public(storage: Path, ring: Keyring, hq_key: SigningKey,
                            secrets: list[bytes]) -> None:
    """Every file is a sealed bundle that verifies, a signed receipt, the signed keyring, or
    an in-progress upload of a sealed bundle; no private key appears anywhere."""
    for p in sorted(q for q in storage.rglob("*") if q.is_file()):
        rel = p.relative_to(storage)
        data = p.read_bytes()
        for s in secrets:
            assert s not in data and s.hex().encode() not in data, rel
        if rel.parts[0] == "bundles":
            with open(p, "rb") as fh:
                verify_bundle(fh, ring)
        elif rel.parts[0] == "receipts":
            read_receipt(data, hq_key.verify_key)
        elif rel.parts[0] == "incoming":
            assert p.name.endswith(".intake.part") and data[:8] == b"INTKBNDL"
        else:
            assert rel.as_posix() == "keyring.sig"
            Keyring.load(data, hq_key.verify_key)
