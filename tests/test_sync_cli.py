"""The network path end to end through the CLI: seal on the laptop, ``intake upload``,
``intake hq fetch --import``, ``intake hq publish-receipts``, ``intake upload`` again to
collect the receipt; plus the real ``intake dropbox serve`` process."""

from __future__ import annotations

import json
import os
import select
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from intake_app.services.field import FieldService
from intake_app.services.hq import HQService
from intake_app.services.sending import Uploader, UploadProgress
from intake_app.sync.client import Unreachable
from intake_app.sync.config import Limits
from intake_app.sync.server import BackgroundServer
from tests.cli_helpers import FIELD_PASS, HQ_PASS, Setup, enrolled_pair, example_values
from tests.test_sync_dropbox import check_storage_is_public

pytestmark = pytest.mark.timeout(180)
CANARY = "CANARY-sync-7f3a-کابل"


def _seal(s: Setup, n: int = 1) -> list[Path]:
    for i in range(n):
        f = s.root / "v.json"
        values = example_values(interviewer_notes=f"{CANARY} {i}")
        f.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
        rid = s.f("record", "new", "--form", "hrd_intake", "--json", f)
        assert rid.rc == 0, rid.err
        assert s.f("record", "finalize", rid.out.strip()).rc == 0
    usb = s.root / "usb"
    usb.mkdir(exist_ok=True)
    r = s.f("export", "--to", usb)
    assert r.rc == 0, r.err
    return [Path(p) for p in r.out.split()]


def _pair(tmp_path: Path, database: str | None) -> Iterator[tuple[Setup, BackgroundServer]]:
    s = enrolled_pair(tmp_path, database=database)
    srv = BackgroundServer(tmp_path / "dropbox", s.keyring, Limits(min_free_bytes=0))
    srv.start()
    yield s, srv
    srv.stop()


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Setup, BackgroundServer]]:
    yield from _pair(tmp_path, None)


@pytest.fixture
def hq_pair(tmp_path: Path, hq_backend: str | None) -> Iterator[tuple[Setup, BackgroundServer]]:
    """``pair`` with HQ on each backend (fetch --import and receipts)."""
    yield from _pair(tmp_path, hq_backend)


def test_upload_fetch_import_receipt_round_trip(hq_pair: tuple[Setup, BackgroundServer],
                                                 tmp_path: Path) -> None:
    s, srv = hq_pair
    url = srv.url
    _seal(s, 2)
    r = s.f("upload", "--to", url)
    assert r.rc == 0, r.err
    assert r.out.count("sent ") == 1 and "receipt: none from HQ yet" in r.out
    again = s.f("upload", "--to", url)
    assert again.rc == 0 and "already " in again.out
    outbox = s.f("outbox", "--json").json()
    assert [e["state"] for e in outbox] == ["pending"]  # nothing deleted before a receipt
    assert (s.field / "outbox" / outbox[0]["file_name"]).exists()

    fetched = tmp_path / "fetched"
    r = s.h("hq", "fetch", "--from", url, "--to", fetched, "--import")
    assert r.rc == 0, r.err
    assert "imported " in r.out and f"{s.device_id}" in r.out
    assert len(s.h("hq", "records", "search", "CANARY", "--json").json()) == 2
    r = s.h("hq", "fetch", "--from", url, "--to", fetched)  # already imported: skipped
    assert r.rc == 0 and "fetched" not in r.out

    r = s.h("hq", "publish-receipts", "--to", url)
    assert r.rc == 0, r.err
    assert f"published receipt for {s.device_id} through #1" in r.out
    assert "deleted 1 bundle(s)" in r.out  # HQ holds it: the relay forgets it

    r = s.f("upload", "--to", url)
    assert r.rc == 0, r.err
    assert "receipt: delivered 1 bundle(s)" in r.out and "purged 2 record(s)" in r.out
    assert [e["state"] for e in s.f("outbox", "--json").json()] == ["delivered"]
    assert not (s.field / "outbox" / outbox[0]["file_name"]).exists()

    # The relay held only public material: no private key of HQ or the laptop, no plaintext.
    hq = HQService(s.hq)
    hq.unlock(HQ_PASS)
    fs = FieldService(s.field)
    fs.unlock(FIELD_PASS)
    try:
        secrets = [bytes(hq.signing_key()), *(bytes(k) for k in hq.recipient_private_keys()),
                   bytes.fromhex(fs.meta("device_key") or "")]
        ring = hq.keyring()
        hq_key = hq.signing_key()
    finally:
        hq.lock()
        fs.lock()
    check_storage_is_public(srv.dropbox.storage.root, ring, hq_key, secrets)
    from tests.conftest import scan_for

    assert scan_for(srv.dropbox.storage.root, CANARY) == []


def test_uploader_api_progress_and_cancel(pair: tuple[Setup, BackgroundServer]) -> None:
    s, srv = pair
    _seal(s, 1)
    svc = FieldService(s.field)
    svc.unlock(FIELD_PASS)
    try:
        cancel = threading.Event()
        cancel.set()
        up = Uploader(svc, srv.url, cancel=cancel)
        from intake_app.sync.client import Cancelled

        with pytest.raises(Cancelled):
            up.run()
        up.close()
        seen: list[UploadProgress] = []
        up = Uploader(svc, srv.url, progress=seen.append)
        report = up.run()
        up.close()
    finally:
        svc.lock()
    assert report.ok and len(report.stored) == 1 and report.receipt is None
    phases = [p.phase for p in seen]
    assert phases[0] == "connecting" and phases[-1] == "done" and "uploading" in phases
    last_up = [p for p in seen if p.phase == "uploading"][-1]
    assert last_up.bytes_done == last_up.bytes_total > 0 and last_up.file_count == 1


def test_background_sender_backs_off_then_sends(tmp_path: Path) -> None:
    """run_with_backoff: unreachable -> wait (cancel-aware) -> try again -> sent."""
    from intake_app.services.sending import device_credentials, run_with_backoff
    from intake_app.sync.client import Cancelled, DropboxClient

    s = enrolled_pair(tmp_path)
    _seal(s, 1)
    svc = FieldService(s.field)
    svc.unlock(FIELD_PASS)
    try:
        with socket.socket() as sk:
            sk.bind(("127.0.0.1", 0))
            dead = f"http://127.0.0.1:{sk.getsockname()[1]}"
        waits: list[float] = []
        up = Uploader(svc, dead, retries=0)
        assert not up.reachable()
        with pytest.raises(Unreachable):
            run_with_backoff(up, delays=iter([0.01] * 5), max_attempts=3,
                             on_wait=lambda d, _r: waits.append(d))
        assert waits == [0.01, 0.01]
        up.cancel.set()
        with pytest.raises(Cancelled):
            run_with_backoff(up, delays=iter([5.0]))  # returns at once, not after 5 s
        up.close()
        # The drop box comes up while the sender waits: the next attempt goes through.
        srv = BackgroundServer(tmp_path / "box", s.keyring, Limits(min_free_bytes=0))
        port_box: list[str] = []
        creds = device_credentials(svc)

        def client_factory() -> DropboxClient:
            return DropboxClient(port_box[0] if port_box else dead, creds, retries=0)

        up = Uploader(svc, dead, retries=0)

        def on_wait(_d: float, _r: str) -> None:
            if not port_box:
                port_box.append(srv.start())
                up.client = client_factory()

        report = run_with_backoff(up, delays=iter([0.01] * 5), on_wait=on_wait)
        up.close()
        srv.stop()
    finally:
        svc.lock()
    assert len(report.stored) == 1


def test_publish_keyring_lets_a_new_laptop_upload(tmp_path: Path,
                                                  hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    # The drop box starts with a keyring that predates the laptop's enrollment.
    early = tmp_path / "early.sig"
    svc = HQService(s.hq)
    svc.unlock(HQ_PASS)
    try:
        ring = svc.keyring()
        from intake_app.crypto import Keyring

        old = Keyring.build(hq_id=ring.hq_id, org_name=ring.org_name,
                            hq_signing_key=ring.hq_signing_key,
                            recipients=[(r.label, r.public_key) for r in ring.recipients],
                            serial=1, issued_at=ring.issued_at)
        early.write_bytes(old.to_bytes(svc.signing_key()))
    finally:
        svc.lock()
    _seal(s, 1)
    with BackgroundServer(tmp_path / "dropbox", early, Limits(min_free_bytes=0)) as url:
        r = s.f("upload", "--to", url)
        assert r.rc == 1 and "401" in r.err and "unknown device" in r.err
        r = s.h("hq", "publish-keyring", "--to", url)
        assert r.rc == 0, r.err
        assert "published keyring serial" in r.out
        r = s.f("upload", "--to", url)
        assert r.rc == 0 and "sent " in r.out, r.err


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path)
    r = s.f("upload", "--to", "ftp://example.org")
    assert r.rc == 2 and r.err.count("\n") == 1 and "http(s)://" in r.err
    r = s.f("upload", "--to", "http://127.0.0.1:9", "--proxy", "http://proxy:8080")
    assert r.rc == 2 and "socks5://" in r.err
    r = s.f("upload", "--to", "http://127.0.0.1:9", "--timeout", "0.5", "--retries", "0")
    assert r.rc == 1 and r.err.startswith("intake: cannot reach the drop box")
    assert r.err.count("\n") == 1


def test_upload_through_socks5_proxy(pair: tuple[Setup, BackgroundServer]) -> None:
    """Every connection goes through the SOCKS5 proxy (as with Tor)."""
    s, srv = pair
    _seal(s, 1)
    proxy = _MiniSocks5()
    try:
        r = s.f("upload", "--to", srv.url, "--proxy", f"socks5://127.0.0.1:{proxy.port}")
        assert r.rc == 0, r.err
    finally:
        proxy.close()
    assert proxy.connections >= 1 and all(t == ("127.0.0.1", srv.port) for t in proxy.targets)


class _MiniSocks5:
    """Just enough SOCKS5 (no auth, CONNECT) to prove the client uses the proxy."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.targets: list[tuple[str, int]] = []
        self._stop = False
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:  # timeout, or closed
                continue
            self.connections += 1
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.recv(3)  # VER NMETHODS METHODS
            conn.sendall(b"\x05\x00")
            head = conn.recv(4)
            if head[3] == 1:  # IPv4 address; 3 would be a host name for the proxy to resolve
                host = socket.inet_ntoa(conn.recv(4))
            else:
                host = conn.recv(conn.recv(1)[0]).decode()
            (port,) = struct.unpack(">H", conn.recv(2))
            self.targets.append((host, port))
            with socket.create_connection((host, port)) as up:
                conn.sendall(b"\x05\x00\x00\x01" + socket.inet_aton("127.0.0.1") + b"\x00\x00")
                while True:
                    ready, _, _ = select.select([conn, up], [], [], 5)
                    if not ready:
                        return
                    for s in ready:
                        data = s.recv(65536)
                        if not data:
                            return
                        (up if s is conn else conn).sendall(data)

    def close(self) -> None:
        self._stop = True
        self.sock.close()


def test_dropbox_serve_command(tmp_path: Path) -> None:
    """The real command in its own process: starts, answers, stops on SIGTERM."""
    from intake_app.sync.testing import SimWorld

    w = SimWorld.create(tmp_path / "w", 1)
    with socket.socket() as sk:
        sk.bind(("127.0.0.1", 0))
        port = sk.getsockname()[1]
    cfg = tmp_path / "dropbox.toml"
    cfg.write_text(f'storage = "{tmp_path / "store"}"\nkeyring = "{w.keyring_path}"\n'
                   f"port = {port}\n[limits]\nmin_free_bytes = 0\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    code = "from intake_app.cli import run; run()"
    proc = subprocess.Popen([sys.executable, "-c", code, "dropbox", "serve", "--config", cfg],
                            env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        r = None
        for _ in range(100):
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/v1/status", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.communicate()
                time.sleep(0.1)
        assert r is not None and r.json() == {"ok": True, "api": 1}
        assert (tmp_path / "store" / "bundles").is_dir()
    finally:
        proc.terminate()
        proc.wait(10)
    # uvicorn shuts down gracefully, then re-raises SIGTERM (systemd counts that as clean).
    assert proc.returncode in (0, -15)
    assert b"Finished server process" in proc.stderr.read()  # type: ignore[union-attr]
