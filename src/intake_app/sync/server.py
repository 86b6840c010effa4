"""The drop box: an ASGI app (Starlette) that takes resumable bundle uploads from
field devices and hands them to HQ. It verifies everything it stores against the
public keyring and never holds a key that opens a bundle. API: docs/sync.md.

This module assembles the ASGI app (routes, worker threads, housekeeping) and runs it
(``serve``, ``BackgroundServer``); the handlers are ``intake_app.sync.handlers``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from intake_app.errors import Problem
from intake_app.sync.config import Limits, ServerConfig
from intake_app.sync.handlers import DropBox, answer, guard

if TYPE_CHECKING:
    from intake_app.sync.shared import SharedStorage

WORKER_THREADS = 8


def create_app(storage_dir: Path, keyring_path: Path, limits: Limits | None = None, *,
               storage: SharedStorage | None = None) -> Starlette:
    """The app over a folder (``storage_dir``) or, given ``storage``, a shared bucket."""
    box = DropBox(storage_dir, keyring_path, limits, storage=storage)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # verify + fsync run in worker threads; enough of them lets the file system
        # batch concurrent commits into one journal flush.
        pool = ThreadPoolExecutor(max_workers=WORKER_THREADS, thread_name_prefix="dropbox")
        asyncio.get_running_loop().set_default_executor(pool)
        task = asyncio.create_task(box.housekeeping())
        try:
            yield
        finally:
            task.cancel()
            pool.shutdown(wait=False)

    g = guard
    routes = [
        Route("/v1/status", g(box.status), methods=["GET"]),
        Route("/v1/uploads/{name}", g(box.upload_status), methods=["GET", "HEAD"]),
        Route("/v1/uploads/{name}", g(box.upload_chunk), methods=["PATCH"]),
        Route("/v1/uploads/{name}", g(box.upload_abort), methods=["DELETE"]),
        Route("/v1/bundles", g(box.list_bundles), methods=["GET"]),
        Route("/v1/bundles/{device}/{name}", g(box.download), methods=["GET", "HEAD"]),
        Route("/v1/receipts", g(box.post_receipt), methods=["POST"]),
        Route("/v1/receipts/{device}", g(box.get_receipt), methods=["GET"]),
        Route("/v1/keyring", g(box.put_keyring), methods=["PUT"]),
    ]
    async def http_error(request: Request, exc: Exception) -> Response:
        status = int(getattr(exc, "status_code", 500))
        code = {404: "not-found", 405: "method-not-allowed"}.get(status, "http-error")
        return answer(Problem(status, code, str(getattr(exc, "detail", "error"))))

    app = Starlette(routes=routes, lifespan=lifespan,
                    exception_handlers={404: http_error, 405: http_error})
    app.state.dropbox = box
    return app


def uvicorn_config(cfg: ServerConfig, app: Starlette | None = None, *,
                   storage: SharedStorage | None = None) -> Any:
    import uvicorn

    folder = Path() if isinstance(cfg.storage, str) else cfg.storage
    return uvicorn.Config(
        app or create_app(folder, cfg.keyring, cfg.limits, storage=storage),
        host=cfg.host, port=cfg.port, log_level="info", access_log=False,
        ssl_certfile=str(cfg.tls_cert) if cfg.tls_cert else None,
        ssl_keyfile=str(cfg.tls_key) if cfg.tls_key else None,
        limit_concurrency=cfg.limit_concurrency, timeout_keep_alive=15,
        proxy_headers=True, forwarded_allow_ips=cfg.forwarded_allow_ips,
        server_header=False, date_header=True,
    )


def serve(cfg: ServerConfig, storage: SharedStorage | None = None) -> None:
    """Run the drop box in the foreground until SIGINT/SIGTERM."""
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(name)s: %(message)s")
    uvicorn.Server(uvicorn_config(cfg, storage=storage)).run()


def open_shared(cfg: ServerConfig) -> SharedStorage:
    """The bucket + state database of ``cfg`` (--storage s3://..., --state ...), ready."""
    from intake_app.sync.objects import Bucket
    from intake_app.sync.shared import SharedStorage
    from intake_app.sync.storage import load_keyring_file

    assert isinstance(cfg.storage, str) and cfg.state
    bucket = Bucket(cfg.storage)
    st = SharedStorage(bucket, cfg.state, load_keyring_file(cfg.keyring),
                       nonce_window=cfg.limits.clock_skew_seconds,
                       nonce_quota=cfg.limits.nonce_quota_per_signer)
    st.load(cfg.limits.stale_part_seconds)
    return st


class BackgroundServer:
    """Run a drop box in a thread on 127.0.0.1 (tests, benchmarks): ``with ... as url:``."""

    def __init__(self, storage_dir: Path, keyring_path: Path, limits: Limits | None = None,
                 host: str = "127.0.0.1", *, storage: SharedStorage | None = None) -> None:
        import threading

        import uvicorn

        self.app = create_app(storage_dir, keyring_path, limits, storage=storage)
        self.host = host
        self.port = 0
        self.url = ""
        # Port 0: the kernel picks a free port; read it back once started. (Handing
        # uvicorn a pre-bound socket instead costs ~40 ms per request on loopback.)
        config = uvicorn.Config(self.app, host=host, port=0, log_level="warning",
                                access_log=False, limit_concurrency=512, timeout_keep_alive=15)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True,
                                       name="dropbox-server")

    @property
    def dropbox(self) -> DropBox:
        box: DropBox = self.app.state.dropbox
        return box

    def start(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("drop box did not start")
            time.sleep(0.01)
        self.port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://{self.host}:{self.port}"
        return self.url

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
