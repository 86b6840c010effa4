"""HTTP client for the drop box: signed requests, retries with backoff, resumable
uploads and downloads, optional SOCKS5 proxy (Tor). No Qt; safe on a worker thread.
"""

from __future__ import annotations

import contextlib
import os
import random
import ssl
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import httpx

from intake_app.crypto import Keyring, verify_bundle
from intake_app.errors import (
    BundleError,
    Cancelled,
    DropboxError,
    Unreachable,
    UsageError,
)
from intake_app.paths import fsync_dir
from intake_app.sync.auth import Credentials, sign_headers
from intake_app.sync.storage import statement_hash_of

MIN_CHUNK = 64 * 1024
FIRST_CHUNK = 256 * 1024
MAX_CHUNK = 8 * 1024 * 1024  # below the drop box's default 16 MiB request limit
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
PROXY_SCHEMES = ("socks5", "socks5h")


def backoff_delays(base: float = 2.0, cap: float = 900.0, factor: float = 2.0,
                   rng: random.Random | None = None) -> Iterator[float]:
    """Endless delays (seconds) for retries: exponential with "equal jitter".

    Attempt n waits a random time in [d/2, d] with d = min(cap, base * factor**n), so
    waits grow until ``cap``, never drop below half the nominal delay, and many laptops
    that lost the same network do not come back in lockstep."""
    if base <= 0 or cap < base or factor < 1:
        raise ValueError("need 0 < base <= cap and factor >= 1")
    r = rng or random.SystemRandom()
    d = base
    while True:
        yield d / 2 + r.uniform(0, d / 2)
        d = min(cap, d * factor)


def _pieces(body: bytes, on_sent: Callable[[int], None], size: int = 64 * 1024
            ) -> Iterator[bytes]:
    mv = memoryview(body)
    for i in range(0, len(body), size):
        yield bytes(mv[i : i + size])
        on_sent(min(len(body), i + size))


def _shifted(on_bytes: Callable[[int, int], None] | None, offset: int,
             size: int) -> Callable[[int], None] | None:
    if on_bytes is None:
        return None
    cb = on_bytes
    return lambda n: cb(offset + n, size)


def check_proxy(proxy: str | None) -> str | None:
    if not proxy:
        return None
    parts = urlsplit(proxy)
    if parts.scheme not in PROXY_SCHEMES or not parts.hostname or not parts.port:
        raise UsageError("proxy must look like socks5://127.0.0.1:9050 (socks5h:// also works)")
    return proxy


def _error_from(resp: httpx.Response) -> DropboxError:
    try:
        body = resp.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    return DropboxError(resp.status_code, str(body.get("error", "http-error")),
                        str(body.get("detail", resp.reason_phrase or "error")), body)


class DropboxClient:
    """Signed requests to one drop box. ``url`` is its base (``https://host[/prefix]``).

    Every request uses ``proxy`` if given (``socks5://`` or ``socks5h://``: host names
    are resolved by the proxy, so .onion addresses work and DNS does not leak);
    environment proxy variables are ignored so nothing bypasses it."""

    def __init__(self, url: str, creds: Credentials, *, proxy: str | None = None,
                 ca_cert: Path | None = None, timeout: float = 60.0, retries: int = 4,
                 cancel: threading.Event | None = None, backoff_base: float = 1.0,
                 backoff_cap: float = 30.0, transport: httpx.BaseTransport | None = None) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(f"drop box URL must be http(s)://host[:port]: {url}")
        self.base = url.rstrip("/")
        self.creds = creds
        self.retries = retries
        self.cancel = cancel or threading.Event()
        self.backoff = (backoff_base, backoff_cap)
        verify: ssl.SSLContext | bool = True
        if ca_cert is not None:
            verify = ssl.create_default_context(cafile=str(ca_cert))
        self.http = httpx.Client(
            proxy=check_proxy(proxy), verify=verify, trust_env=False, transport=transport,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 60.0)), follow_redirects=False,
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> DropboxClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing ---------------------------------------------------------------------------
    def _wait(self, delay: float) -> None:
        if self.cancel.wait(delay):
            raise Cancelled()

    def _build(self, method: str, path: str, params: dict[str, Any] | None, body: bytes,
               headers: dict[str, str] | None,
               on_sent: Callable[[int], None] | None = None) -> httpx.Request:
        query = "&".join(f"{k}={v}" for k, v in (params or {}).items())
        signed = sign_headers(self.creds, method, path, query, body)
        url = self.base + path + ("?" + query if query else "")  # base may carry a prefix
        all_headers = {**(headers or {}), **signed}
        content: bytes | Iterator[bytes] | None = body or None
        if on_sent is not None and body:
            content = _pieces(body, on_sent)  # progress while a chunk is on the wire
            all_headers["Content-Length"] = str(len(body))
        return self.http.build_request(method, url, content=content, headers=all_headers)

    def send(self, method: str, path: str, *, params: dict[str, Any] | None = None,
             body: bytes = b"", headers: dict[str, str] | None = None, retry: bool = True,
             stream: bool = False, ok: tuple[int, ...] = (200, 201, 206),
             on_sent: Callable[[int], None] | None = None) -> httpx.Response:
        """One signed request; transient failures retried with backoff when ``retry``.
        Returns a response whose status is in ``ok`` (404 too, if listed), else raises."""
        delays = backoff_delays(*self.backoff)
        attempt = 0
        while True:
            if self.cancel.is_set():
                raise Cancelled()
            try:
                resp = self.http.send(self._build(method, path, params, body, headers,
                                                  on_sent), stream=stream)
            except httpx.TransportError as exc:
                if not retry or attempt >= self.retries:
                    raise Unreachable(f"cannot reach the drop box: {type(exc).__name__}"
                                      f"{': ' + str(exc) if str(exc) else ''}") from None
            else:
                if resp.status_code in ok:
                    return resp
                if stream:
                    resp.read()
                err = _error_from(resp)
                resp.close()
                transient = resp.status_code in RETRY_STATUSES or err.code == "upload-busy"
                if not (retry and transient):
                    raise err
                if attempt >= self.retries:  # overloaded or failing: "try later", not "refused"
                    raise Unreachable(f"the drop box is not answering properly: {err}")
            attempt += 1
            self._wait(next(delays))

    # -- API -----------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        resp = self.http.get(self.base + "/v1/status")
        resp.raise_for_status()
        data: dict[str, Any] = resp.json()
        return data

    def upload_state(self, name: str) -> dict[str, Any]:
        data: dict[str, Any] = self.send("GET", f"/v1/uploads/{name}").json()
        return data

    def upload_file(self, path: Path, name: str | None = None, *,
                    statement_hash: str | None = None,
                    on_bytes: Callable[[int, int], None] | None = None,
                    first_chunk: int = FIRST_CHUNK, max_chunk: int = MAX_CHUNK,
                    source: tuple[Callable[[], BinaryIO], int] | None = None) -> str:
        """Send one bundle, resuming from what the drop box holds. Returns 'stored',
        'duplicate' (it had it already) or 'delivered' (HQ already acknowledged it).
        ``source``: (open, size) of the bundle's bytes when they are not ``path`` alone
        (a field outbox volume and its pieces: services/outbox_io.py)."""
        name = name or path.name
        size = path.stat().st_size if source is None else source[1]
        mine = statement_hash or statement_hash_of(path)
        delays = backoff_delays(*self.backoff)
        failures = 0
        chunk = max(MIN_CHUNK, min(first_chunk, max_chunk))
        with (open(path, "rb") if source is None else source[0]()) as fh:
            while True:
                st = self.upload_state(name)
                if st.get("complete"):
                    if st.get("statement_hash") != mine:
                        raise DropboxError(409, "chain", f"the drop box holds a different "
                                           f"{name}: this device's chain has forked")
                    return "duplicate" if st.get("state") == "stored" else "delivered"
                offset = int(st.get("offset") or 0)
                if st.get("state") == "partial" and st.get("total") not in (None, size):
                    self.send("DELETE", f"/v1/uploads/{name}")
                    offset = 0
                if offset >= size:  # a complete part the drop box did not commit: start over
                    self.send("DELETE", f"/v1/uploads/{name}")
                    offset = 0
                try:
                    while True:
                        if on_bytes:
                            on_bytes(offset, size)
                        if self.cancel.is_set():
                            raise Cancelled()
                        fh.seek(offset)
                        data = fh.read(min(chunk, size - offset))
                        resp = self.send(
                            "PATCH", f"/v1/uploads/{name}", retry=False,
                            params={"offset": offset, "total": size}, body=data,
                            headers={"Content-Type": "application/octet-stream"},
                            on_sent=_shifted(on_bytes, offset, size))
                        body = resp.json()
                        if body.get("complete"):
                            if on_bytes:
                                on_bytes(size, size)
                            return "stored" if body.get("status") == "stored" else "duplicate"
                        offset = int(body["offset"])
                        chunk = min(max_chunk, chunk * 2)
                        failures = 0
                except Unreachable:
                    failures += 1
                    chunk = max(MIN_CHUNK, chunk // 4)
                    wait = True
                except DropboxError as exc:
                    if exc.code == "request-too-large" and chunk > MIN_CHUNK:
                        max_chunk = chunk = max(MIN_CHUNK, chunk // 2)  # a stricter drop box
                        continue
                    retryable = exc.status in RETRY_STATUSES or exc.code in (
                        "offset-mismatch", "upload-busy", "digest-mismatch", "disconnected")
                    if not retryable:
                        raise
                    failures += 1
                    chunk = max(MIN_CHUNK, chunk // 2)
                    # offset-mismatch: ask the drop box where to go on, no wait needed
                    wait = exc.code != "offset-mismatch"
                if failures > self.retries:
                    raise Unreachable(f"upload of {name} keeps failing; will try again later")
                if wait:
                    self._wait(next(delays))

    def fetch_receipt(self, device_id: str) -> bytes | None:
        resp = self.send("GET", f"/v1/receipts/{device_id}", ok=(200, 404))
        return resp.content if resp.status_code == 200 else None

    def list_bundles(self, since: int = 0) -> list[dict[str, Any]]:
        params = {"since": since} if since else None
        items: list[dict[str, Any]] = self.send("GET", "/v1/bundles", params=params).json()[
            "bundles"]
        return items

    def download(self, device_id: str, name: str, dest_dir: Path, keyring: Keyring,
                 statement_hash: str | None = None,
                 on_bytes: Callable[[int, int], None] | None = None) -> Path:
        """Fetch one bundle (resuming a partial download), verify it against ``keyring``,
        then move it into ``dest_dir`` under its name. Returns the final path."""
        final = dest_dir / name
        part = dest_dir / f".{name}.part"
        delays = backoff_delays(*self.backoff)
        attempt = 0
        while True:
            have = part.stat().st_size if part.exists() else 0
            headers = {"Range": f"bytes={have}-"} if have else None
            try:
                with contextlib.closing(self.send("GET", f"/v1/bundles/{device_id}/{name}",
                                                  headers=headers, stream=True,
                                                  ok=(200, 206, 416))) as resp:
                    if resp.status_code == 416:  # our part is bigger than theirs
                        part.unlink(missing_ok=True)
                        continue
                    total = int(resp.headers.get("content-range", "/0").rsplit("/", 1)[1] or 0) \
                        if resp.status_code == 206 else int(resp.headers.get("content-length", 0))
                    mode = "ab" if resp.status_code == 206 else "wb"
                    with open(part, mode) as out:
                        done = have if mode == "ab" else 0
                        for piece in resp.iter_bytes(1 << 20):
                            if self.cancel.is_set():
                                raise Cancelled()
                            out.write(piece)
                            done += len(piece)
                            if on_bytes:
                                on_bytes(done, total)
                        out.flush()
                        os.fsync(out.fileno())
                break
            except httpx.TransportError as exc:  # cut mid-body: resume with Range
                attempt += 1
                if attempt > self.retries:
                    raise Unreachable(f"download of {name} keeps failing: "
                                      f"{type(exc).__name__}") from None
                self._wait(next(delays))
        try:
            with open(part, "rb") as fh:
                v = verify_bundle(fh, keyring)
        except BundleError:
            part.unlink(missing_ok=True)
            raise
        if statement_hash is not None and v.statement_hash.hex() != statement_hash:
            part.unlink(missing_ok=True)
            raise BundleError("signature", f"{name}: not the bundle the drop box listed")
        os.replace(part, final)
        fsync_dir(dest_dir)
        return final

    def post_receipt(self, data: bytes) -> dict[str, Any]:
        out: dict[str, Any] = self.send("POST", "/v1/receipts", body=data, headers={
            "Content-Type": "application/octet-stream"}).json()
        return out

    def put_keyring(self, data: bytes) -> dict[str, Any]:
        out: dict[str, Any] = self.send("PUT", "/v1/keyring", body=data, headers={
            "Content-Type": "application/octet-stream"}).json()
        return out

