"""The drop box's request handlers (``DropBox``): authentication, resumable uploads,
listings, downloads, receipts and the keyring, each answering errors as JSON problems.

The ASGI app and its runners are ``intake_app.sync.server``. API: docs/sync.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, JSONResponse, Response, StreamingResponse

from intake_app.crypto import Keyring, VerifiedBundle, read_receipt
from intake_app.crypto.keyring import ID_RE
from intake_app.errors import BundleError, Problem
from intake_app.sync.auth import (
    DIGEST_HEADER,
    EMPTY_SHA256,
    SCHEME,
    AddressLimiter,
    AuthError,
    NonceCache,
    NonceStore,
    Principal,
    ascii_digits,
    check_digest_header,
    names_known_signer,
    verify_request,
)
from intake_app.sync.config import Limits
from intake_app.sync.storage import (
    Sink,
    Storage,
    StoredBundle,
    bundle_name,
    load_keyring,
    parse_name,
)

if TYPE_CHECKING:
    from intake_app.sync.shared import SharedStorage

    AnyStorage = Storage | SharedStorage

log = logging.getLogger("intake_app.sync")
API_VERSION = 1
T = TypeVar("T")


def answer(p: Problem) -> JSONResponse:
    """The JSON error answer of a Problem (errors.Problem: status, code, detail)."""
    headers = {"WWW-Authenticate": SCHEME} if p.status == 401 else None
    return JSONResponse({"error": p.code, "detail": p.detail, **p.extra},
                        status_code=p.status, headers=headers)


Handler = Callable[[Request], Awaitable[Response]]


def guard(fn: Handler) -> Handler:
    async def wrapper(request: Request) -> Response:
        try:
            return await fn(request)
        except Problem as p:
            if p.status in (413, 422, 507) or p.code == "chain":
                log.warning("refused %s %s: %s (%s)", request.method, request.url.path,
                            p.code, p.detail)
            return answer(p)
        except AuthError as e:
            code = {400: "bad-request", 401: "unauthorized", 403: "forbidden",
                    429: "too-many-failures"}.get(e.status, "busy")
            return answer(Problem(e.status, code, str(e)))

    return wrapper


def _signed_path(request: Request) -> str:
    path: str = request.scope["path"]
    root: str = request.scope.get("root_path") or ""
    if root and path.startswith(root):
        path = path[len(root):]
    return path


def _int_param(request: Request, key: str, *, required: bool = True) -> int | None:
    raw = request.query_params.get(key)
    if raw is None:
        if required:
            raise Problem(400, "bad-request", f"query parameter {key} is required")
        return None
    if not ascii_digits(raw) or len(raw) > 19:
        raise Problem(400, "bad-request", f"query parameter {key} must be a non-negative integer")
    return int(raw)


class DropBox:
    """The handlers over a ``storage.Storage`` (one folder, the default) or a
    ``shared.SharedStorage`` (an S3 bucket + PostgreSQL state, several instances)."""

    def __init__(self, storage_dir: Path, keyring_path: Path, limits: Limits | None = None,
                 *, storage: AnyStorage | None = None) -> None:
        self.limits = limits or Limits()
        self.storage: AnyStorage
        if storage is None:
            storage_dir.mkdir(parents=True, exist_ok=True)
            ring = load_keyring(keyring_path, storage_dir)
            self.storage = Storage(storage_dir, ring)
            self.storage.load(self.limits.stale_part_seconds)
        else:
            self.storage = storage
        self.nonces: NonceStore = self.storage.nonces or NonceCache(
            self.limits.nonce_cache_entries, self.limits.clock_skew_seconds,
            self.limits.nonce_quota_per_signer)
        self.failures = AddressLimiter(self.limits.failed_requests_per_address,
                                       2 * self.limits.clock_skew_seconds)
        self._upload_locks: dict[tuple[str, str], asyncio.Lock] = {}
        self._upload_refs: dict[tuple[str, str], int] = {}
        self._device_locks: dict[str, asyncio.Lock] = {}
        self._doc_lock = asyncio.Lock()

    @property
    def keyring(self) -> Keyring:
        return self.storage.keyring

    async def _st(self, fn: Callable[..., T], *args: Any) -> T:
        """A storage call: inline for the folder (in memory), in a worker thread for the
        shared storage (network round trips)."""
        if self.storage.blocking:
            return await asyncio.to_thread(fn, *args)
        return fn(*args)

    # -- auth ------------------------------------------------------------------------------
    async def authenticate(self, request: Request, body_sha256: str | None = None) -> Principal:
        """The signer of a request (auth.verify_request), or AuthError. The address
        limiter is only touched here on the event loop; with the shared storage the
        signature check and its nonce insert run in a worker thread."""
        address = request.client.host if request.client else "?"
        now = time.time()
        authorization = request.headers.get("authorization")
        if self.storage.blocking:
            await asyncio.to_thread(self.storage.current_keyring)  # a newer pushed keyring
        # A locked address (too many failures) still serves requests that verify: good
        # devices may share a NAT address with a bad client. Only requests naming no
        # known signer are refused before the signature work.
        locked = self.failures.locked(address, now)
        if locked and not names_known_signer(self.keyring, authorization):
            raise self.failures.refusal()
        try:
            digest = body_sha256
            if digest is None:
                digest = check_digest_header(request.headers.get(DIGEST_HEADER)) or EMPTY_SHA256
            ring, nonces, path = self.keyring, self.nonces, _signed_path(request)
            query = request.scope.get("query_string", b"").decode("latin-1")

            def check() -> Principal:
                return verify_request(ring, nonces, authorization=authorization,
                                      method=request.method, path=path, query=query,
                                      body_sha256=digest, now=now)

            if self.storage.blocking:
                return await asyncio.to_thread(check)
            return check()
        except AuthError as e:
            if e.status in (400, 401):  # not who it claims to be: counted against the address
                self.failures.failed(address, now)
                if locked:
                    raise self.failures.refusal() from None
            raise

    @staticmethod
    def require_hq(p: Principal) -> None:
        if p.role != "hq":
            raise Problem(403, "forbidden", "this operation is for HQ only")

    @staticmethod
    def upload_name(p: Principal, name: str) -> str:
        parsed = parse_name(name)
        if parsed is None:
            raise Problem(400, "bad-name", "bundle name must be <device>-<sequence>.intake")
        if p.role != "device" or parsed[0] != p.ident:
            raise Problem(403, "forbidden", "a device may only upload its own bundles")
        return name

    # -- routes: status ----------------------------------------------------------------------
    async def status(self, request: Request) -> Response:
        return JSONResponse({"ok": True, "api": API_VERSION})

    # -- routes: uploads ------------------------------------------------------------------------
    async def upload_status(self, request: Request) -> Response:
        p = await self.authenticate(request)
        name = self.upload_name(p, request.path_params["name"])
        st = await self._st(self.storage.upload_state, p.ident, name)
        headers = {"Upload-Offset": str(st["offset"] or 0)}
        return JSONResponse(st, headers=headers)

    async def upload_abort(self, request: Request) -> Response:
        p = await self.authenticate(request)
        name = self.upload_name(p, request.path_params["name"])
        async with self._upload_lock(p.ident, name):
            await self._st(self.storage.discard_part, p.ident, name)
        return JSONResponse({"name": name, "state": "absent"})

    @contextlib.asynccontextmanager
    async def _upload_lock(self, device: str, name: str) -> AsyncIterator[None]:
        """One request at a time per upload; the lock lives while anyone holds or awaits it."""
        key = (device, name)
        lock = self._upload_locks.setdefault(key, asyncio.Lock())
        self._upload_refs[key] = self._upload_refs.get(key, 0) + 1
        try:
            try:
                await asyncio.wait_for(lock.acquire(), self.limits.body_idle_timeout + 5)
            except TimeoutError:
                raise Problem(409, "upload-busy", "another request for this upload is running",
                              retry=True) from None
            try:
                yield
            finally:
                lock.release()
        finally:
            self._upload_refs[key] -= 1
            if not self._upload_refs[key]:
                del self._upload_refs[key]
                del self._upload_locks[key]

    def _room_check(self, total: int, free: int | None) -> Callable[[int, int], None]:
        """The quota check ``reserve`` runs on what the device holds (across instances)."""
        lim = self.limits

        def check(nbytes: int, nfiles: int) -> None:
            if nfiles + 1 > lim.device_quota_files:
                raise Problem(507, "quota-files", f"device quota reached "
                              f"({lim.device_quota_files} bundles held); wait until HQ "
                              "collects them")
            if nbytes + total > lim.device_quota_bytes:
                raise Problem(507, "quota-bytes", f"device quota reached "
                              f"({lim.device_quota_bytes} bytes); wait until HQ collects its "
                              "bundles")
            if free is not None and free - total < lim.min_free_bytes:
                raise Problem(507, "disk-full", "the drop box is out of disk space")

        return check

    async def upload_chunk(self, request: Request) -> Response:
        digest = check_digest_header(request.headers.get(DIGEST_HEADER))
        p = await self.authenticate(request, digest or EMPTY_SHA256)
        name = self.upload_name(p, request.path_params["name"])
        offset = _int_param(request, "offset")
        total = _int_param(request, "total")
        assert offset is not None and total is not None
        lim = self.limits
        if total < 1 or offset >= total:
            raise Problem(400, "bad-range", "need 0 <= offset < total")
        if total > lim.max_bundle_bytes:
            raise Problem(413, "bundle-too-large",
                          f"bundle larger than the drop box accepts ({lim.max_bundle_bytes} bytes)")
        length_hdr = request.headers.get("content-length")
        if length_hdr is not None:
            if not ascii_digits(length_hdr):
                raise Problem(400, "bad-request", "bad Content-Length")
            if int(length_hdr) > lim.max_request_bytes:
                raise Problem(413, "request-too-large", f"request body larger than "
                              f"{lim.max_request_bytes} bytes; send smaller chunks")
            if offset + int(length_hdr) > total:
                raise Problem(400, "bad-range", "body runs past the declared total")
        if digest is None:
            raise Problem(400, "bad-request", f"{DIGEST_HEADER} is required for uploads")
        async with self._upload_lock(p.ident, name):
            return await self._receive_chunk(request, p.ident, name, offset, total, digest)

    async def _receive_chunk(self, request: Request, device: str, name: str, offset: int,
                             total: int, digest: str) -> Response:
        st = self.storage
        part = await self._st(st.get_part, device, name)
        have = part.size if part is not None else 0
        if part is not None and part.total is not None and part.total != total:
            raise Problem(409, "total-mismatch", f"this upload was started with total "
                          f"{part.total}; abort it (DELETE) to start again", offset=have)
        if offset != have:
            raise Problem(409, "offset-mismatch", f"the drop box holds {have} bytes of this "
                          "upload; continue from there", offset=have)
        free = await self._st(st.free_bytes)
        part = await self._st(st.reserve, device, name, total, self._room_check(total, free))
        sha = hashlib.sha256()
        written = 0
        failure: Problem | None = None
        sink: Sink = await self._st(st.open_sink, device, name, offset)
        stream = request.stream()
        try:
            while True:
                try:
                    chunk = await asyncio.wait_for(anext(stream), self.limits.body_idle_timeout)
                except StopAsyncIteration:
                    break
                if not chunk:
                    continue
                written += len(chunk)
                if written > self.limits.max_request_bytes:
                    failure = Problem(413, "request-too-large", "request body larger than "
                                      f"{self.limits.max_request_bytes} bytes")
                    break
                if offset + written > total:
                    failure = Problem(400, "bad-range", "body runs past the declared total")
                    break
                sha.update(chunk)
                sink.write(chunk)
        except ClientDisconnect:
            failure = Problem(400, "disconnected", "client went away mid-chunk")
        except TimeoutError:
            failure = Problem(408, "timeout", "no body data for too long")
        except OSError as exc:  # ENOSPC, EIO: keep what was there before
            log.error("writing %s/%s: %s", device, name, exc)
            failure = Problem(507, "disk-error", "the drop box could not store the data")
        finally:
            await stream.aclose()
        if failure is None and sha.hexdigest() != digest:
            failure = Problem(400, "digest-mismatch",
                              "body does not match its signed SHA-256", offset=offset)
        if failure is None:
            try:
                size = await self._st(st.append, device, name, sink, written)
            except OSError as exc:
                log.error("writing %s/%s: %s", device, name, exc)
                failure = Problem(507, "disk-error", "the drop box could not store the data")
        if failure is not None:
            sink.discard()
            await self._st(st.after_failure, device, name, offset)
            failure.extra.setdefault("offset", offset)
            raise failure
        if not part.header_checked:
            await self._early_header_check(device, name, size)
        if size < total:
            return JSONResponse({"name": name, "state": "partial", "complete": False,
                                 "offset": size, "total": total})
        return await self._commit(device, name)

    async def _early_header_check(self, device: str, name: str, size: int) -> None:
        """Refuse garbage and foreign bundles as soon as their header has arrived."""
        st = self.storage
        try:
            hdr = await self._st(st.read_header, device, name, size)
        except BundleError as exc:
            await self._st(st.discard_part, device, name)
            raise Problem(422, "bundle-refused", str(exc), kind=exc.kind) from None
        if hdr is None:
            return
        problem: Problem | None = None
        if hdr.device_id != device:
            problem = Problem(403, "forbidden", f"bundle header names device {hdr.device_id}, "
                              f"not {device}")
        elif hdr.hq_id != self.keyring.hq_id:
            problem = Problem(422, "bundle-refused", f"recipient: bundle is for HQ {hdr.hq_id}",
                              kind="recipient")
        elif bundle_name(device, hdr.sequence) != name:
            problem = Problem(422, "bad-name", f"bundle #{hdr.sequence} must be uploaded as "
                              f"{bundle_name(device, hdr.sequence)}")
        if problem is not None:
            await self._st(st.discard_part, device, name)
            raise problem
        await self._st(st.mark_header_checked, device, name)

    async def _commit(self, device: str, name: str) -> Response:
        st = self.storage
        try:
            v: VerifiedBundle = await asyncio.to_thread(st.verify_upload, device, name)
        except BundleError as exc:
            await self._st(st.discard_part, device, name)
            raise Problem(422, "bundle-refused", str(exc), kind=exc.kind) from None
        problem: Problem | None = None
        if v.device_id != device:
            problem = Problem(403, "forbidden", "a device may only upload its own bundles")
        elif bundle_name(device, v.sequence) != name:
            problem = Problem(422, "bad-name",
                              f"must be uploaded as {bundle_name(device, v.sequence)}")
        if problem is not None:
            await self._st(st.discard_part, device, name)
            raise problem
        lock = self._device_locks.setdefault(device, asyncio.Lock())
        async with lock:
            try:
                if isinstance(st, Storage):
                    state, sb = await st.commit_async(device, name, v)
                else:
                    state, sb = await asyncio.to_thread(st.commit, device, name, v)
            except Problem as p:
                if p.code == "chain":
                    await self._st(st.discard_part, device, name)
                raise
        h = v.statement_hash.hex()
        if sb is None:
            return JSONResponse({"name": name, "state": state, "complete": True,
                                 "status": "duplicate", "statement_hash": h})
        log.info("stored %s/%s (%d bytes)", device, name, sb.size)
        return JSONResponse({"name": name, "state": "stored", "complete": True,
                             "status": "stored", "statement_hash": h, "sequence": v.sequence},
                            status_code=201)

    # -- routes: HQ --------------------------------------------------------------------------
    async def list_bundles(self, request: Request) -> Response:
        p = await self.authenticate(request)
        self.require_hq(p)
        since = _int_param(request, "since", required=False) or 0
        items: list[StoredBundle] = await self._st(self.storage.list_bundles, since)
        return JSONResponse({"bundles": [b.as_json() for b in items],
                             "keyring_serial": self.keyring.serial})

    async def download(self, request: Request) -> Response:
        p = await self.authenticate(request)
        self.require_hq(p)
        device, name = request.path_params["device"], request.path_params["name"]
        parsed = parse_name(name)
        if parsed is None or parsed[0] != device:
            raise Problem(400, "bad-name", "bundle name must be <device>-<sequence>.intake")
        sb = await self._st(self.storage.find_bundle, device, parsed[1])
        if sb is None or sb.name != name:
            raise Problem(404, "not-found", f"no bundle {name} here")
        headers = {"X-Intake-Statement-Hash": sb.statement_hash}
        body = self.storage.bundle_body(sb)
        if isinstance(body, Path):
            return FileResponse(body, media_type="application/octet-stream", headers=headers)
        return ranged_stream(request, sb.size, body, headers)

    async def _read_document(self, request: Request) -> tuple[Principal, bytes]:
        digest = check_digest_header(request.headers.get(DIGEST_HEADER)) or EMPTY_SHA256
        p = await self.authenticate(request, digest)
        self.require_hq(p)
        limit = self.limits.max_document_bytes
        length = request.headers.get("content-length")
        if length is not None and (not ascii_digits(length) or int(length) > limit):
            raise Problem(413, "request-too-large", f"document larger than {limit} bytes")
        body = bytearray()
        try:
            async for chunk in request.stream():
                body += chunk
                if len(body) > limit:
                    raise Problem(413, "request-too-large", f"document larger than {limit} bytes")
        except ClientDisconnect:
            raise Problem(400, "disconnected", "client went away") from None
        if hashlib.sha256(body).hexdigest() != digest:
            raise Problem(400, "digest-mismatch", "body does not match its signed SHA-256")
        return p, bytes(body)

    async def post_receipt(self, request: Request) -> Response:
        _p, body = await self._read_document(request)
        try:
            r = read_receipt(body, self.keyring.hq_signing_key)
        except BundleError as exc:
            raise Problem(422, "receipt-refused", str(exc)) from None
        if r.hq_id != self.keyring.hq_id:
            raise Problem(422, "receipt-refused", "receipt is from another HQ")
        if r.device_id not in self.keyring.devices:
            raise Problem(422, "receipt-refused", f"device {r.device_id} is not in the keyring")
        async with self._doc_lock:
            pruned = await asyncio.to_thread(self.storage.accept_receipt, r)
        return JSONResponse({"device": r.device_id, "status": "stored",
                             "through": r.entries[-1][0], "pruned": [b.name for b in pruned]})

    async def get_receipt(self, request: Request) -> Response:
        p = await self.authenticate(request)
        device = request.path_params["device"]
        if not ID_RE.fullmatch(device):
            raise Problem(400, "bad-request", "malformed device id")
        if p.role == "device" and p.ident != device:
            raise Problem(403, "forbidden", "a device may only read its own receipts")
        data = await self._st(self.storage.receipt_bytes, device)
        if data is None:
            raise Problem(404, "not-found", "no receipt for this device yet")
        return Response(data, media_type="application/octet-stream")

    async def put_keyring(self, request: Request) -> Response:
        _p, body = await self._read_document(request)
        current = self.keyring
        try:
            ring = Keyring.load(body, current.hq_signing_key)
        except BundleError as exc:
            raise Problem(422, "keyring-refused", str(exc)) from None
        if ring.hq_id != current.hq_id:
            raise Problem(422, "keyring-refused", "keyring is for another HQ")
        async with self._doc_lock:
            await asyncio.to_thread(self.storage.accept_keyring, body, ring)
        return JSONResponse({"status": "stored", "serial": ring.serial,
                             "devices": len(ring.devices)})

    async def housekeeping(self) -> None:
        while True:
            await asyncio.sleep(600)
            try:
                gone = await self._st(self.storage.clean_stale, self.limits.stale_part_seconds)
            except Problem as p:  # the shared state or bucket is away: next time
                log.warning("housekeeping skipped: %s", p.detail)
                continue
            if gone:
                log.info("dropped %d abandoned partial upload(s)", gone)


def ranged_stream(request: Request, size: int, body: Callable[[int], Iterator[bytes]],
                  headers: dict[str, str]) -> Response:
    """A bundle streamed from object storage, honouring ``Range: bytes=N-`` (how the HQ
    client resumes a download)."""
    start, status = 0, 200
    rng = request.headers.get("range", "")
    m = re.fullmatch(r"bytes=(\d{1,19})-", rng.strip())
    if m:
        start = int(m.group(1))
        if start >= size:
            return Response(status_code=416, headers={"Content-Range": f"bytes */{size}"})
        status = 206
        headers = {**headers, "Content-Range": f"bytes {start}-{size - 1}/{size}"}
    headers = {**headers, "Content-Length": str(size - start), "Accept-Ranges": "bytes"}
    if request.method == "HEAD":
        return Response(status_code=status, headers=headers,
                        media_type="application/octet-stream")
    return StreamingResponse(body(start), status_code=status, headers=headers,
                             media_type="application/octet-stream")
