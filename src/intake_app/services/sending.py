"""Field side: send the outbox to a drop box, then collect and apply HQ's receipt.

The GUI runs ``Uploader.run()`` on a worker thread (no Qt here):

    up = Uploader(service, url, proxy=..., progress=callback, cancel=threading.Event())
    report = up.run()        # raises Unreachable / Cancelled / DropboxError (auth)

``progress`` receives ``UploadProgress`` snapshots from that worker thread. Local
bundles are never deleted here: only ``FieldService.import_receipt`` removes a bundle,
after HQ's signed receipt for it verified.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, cast

from nacl.signing import SigningKey

from intake_app.errors import Cancelled, DropboxError, IntakeError, InvalidState, Unreachable
from intake_app.models import OutboxState, ReceiptResult
from intake_app.services import outbox, outbox_io
from intake_app.services.field import FieldService
from intake_app.sync.auth import Credentials
from intake_app.sync.client import DropboxClient, backoff_delays, check_proxy

__all__ = [
    "Cancelled",
    "DropboxError",
    "Unreachable",
    "UploadProgress",
    "UploadReport",
    "Uploader",
    "backoff_delays",
    "check_proxy",
    "device_credentials",
    "run_with_backoff",
]


PROGRESS_INTERVAL = 0.1  # seconds between "uploading" snapshots (plus first and last)


@dataclass(frozen=True)
class UploadProgress:
    phase: str  # "connecting", "uploading", "receipts", "done"
    file_name: str = ""
    file_index: int = 0  # 1-based while uploading
    file_count: int = 0
    bytes_done: int = 0  # over all files of this run
    bytes_total: int = 0
    message: str = ""


@dataclass
class UploadReport:
    stored: list[str] = field(default_factory=list)  # newly accepted by the drop box
    already: list[str] = field(default_factory=list)  # it (or HQ) had them already
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    receipt: ReceiptResult | None = None
    receipt_error: str = ""

    @property
    def ok(self) -> bool:
        return not self.failed and not self.receipt_error


def device_credentials(svc: FieldService) -> Credentials:
    device_id, key_hex, hq_id = svc.meta("device_id"), svc.meta("device_key"), svc.meta("hq_id")
    if not (device_id and key_hex and hq_id):
        raise InvalidState("this laptop is not enrolled with HQ yet (run 'intake enroll')")
    return Credentials("device", device_id, SigningKey(bytes.fromhex(key_hex)), hq_id)


class Uploader:
    def __init__(self, service: FieldService, url: str, *, proxy: str | None = None,
                 ca_cert: Path | None = None,
                 progress: Callable[[UploadProgress], None] | None = None,
                 cancel: threading.Event | None = None, timeout: float = 60.0,
                 retries: int = 4, client: DropboxClient | None = None) -> None:
        self.svc = service
        self.creds = device_credentials(service)
        self.cancel = cancel or threading.Event()
        self.progress = progress or (lambda _p: None)
        self.client = client or DropboxClient(url, self.creds, proxy=proxy, ca_cert=ca_cert,
                                              timeout=timeout, retries=retries,
                                              cancel=self.cancel)

    def close(self) -> None:
        self.client.close()

    def reachable(self) -> bool:
        """One unauthenticated GET /v1/status (through the proxy, if set): is it worth
        starting ``run()`` now? Never raises."""
        try:
            return bool(self.client.status().get("ok"))
        except Exception:  # any network or protocol failure means "not now"
            return False

    def run(self) -> UploadReport:
        """Send every pending outbox bundle, then apply the drop box's receipt, if any.

        Per-bundle refusals land in ``report.failed``; a drop box that cannot be
        reached raises ``Unreachable`` (try later, with ``backoff_delays``), a set
        ``cancel`` raises ``Cancelled``, a refused device (401/403) ``DropboxError``."""
        report = UploadReport()
        pending = [e for e in self.svc.outbox() if e.state == OutboxState.PENDING]
        folder = outbox.outbox_dir(self.svc)
        total = sum(e.size for e in pending)
        self.progress(UploadProgress("connecting", file_count=len(pending),
                                     bytes_total=total))
        done = 0
        last = [0.0]  # when the last "uploading" snapshot went out
        for i, entry in enumerate(pending, 1):
            if self.cancel.is_set():
                raise Cancelled()
            path = folder / entry.file_name

            def on_bytes(n: int, size: int, base: int = done, e: str = entry.file_name,
                         idx: int = i) -> None:
                now = time.monotonic()
                if n in (0, size) or now - last[0] >= PROGRESS_INTERVAL:
                    last[0] = now
                    self.progress(UploadProgress("uploading", e, idx, len(pending), base + n,
                                                 total))

            try:
                # The volume's file and its pieces (the blob region, kept by link), read
                # as the one bundle they are.
                segments, size = outbox_io.volume_segments(folder, entry.file_name)
            except IntakeError as exc:
                report.failed.append((entry.file_name, str(exc)))
                done += entry.size
                continue
            def reader(segs: list[outbox_io.Segment] = segments) -> BinaryIO:
                return cast(BinaryIO, outbox_io.VolumeReader(segs))

            try:
                verdict = self.client.upload_file(
                    path, entry.file_name, statement_hash=entry.statement_hash,
                    on_bytes=on_bytes,
                    source=(reader, size))
            except FileNotFoundError:
                report.failed.append((entry.file_name, f"missing from {folder}"))
            except DropboxError as exc:
                if exc.status in (401, 403):  # the device itself is refused
                    raise
                report.failed.append((entry.file_name, str(exc)))
            else:
                (report.stored if verdict == "stored" else report.already).append(
                    entry.file_name)
            done += entry.size
        self.progress(UploadProgress("receipts", file_count=len(pending), bytes_done=done,
                                     bytes_total=total))
        self._collect(report)
        self.progress(UploadProgress("done", file_count=len(pending), bytes_done=done,
                                     bytes_total=total, message=summary(report)))
        return report

    def _collect(self, report: UploadReport) -> None:
        data = self.client.fetch_receipt(self.creds.ident)
        if data is None:
            return
        try:
            report.receipt = self.svc.import_receipt(data)
        except IntakeError as exc:
            report.receipt_error = str(exc)


def run_with_backoff(uploader: Uploader, *, delays: Iterator[float] | None = None,
                     on_wait: Callable[[float, str], None] | None = None,
                     max_attempts: int | None = None) -> UploadReport:
    """Call ``uploader.run()`` until the drop box answers: after each ``Unreachable``
    wait the next of ``delays`` (default ``backoff_delays(30, 1800)``: 15-30 s, then
    doubling up to 15-30 min), calling ``on_wait(seconds, reason)`` first. Stops early
    when ``uploader.cancel`` is set (``Cancelled``); re-raises the last ``Unreachable``
    after ``max_attempts``. For the GUI's background sender, on its worker thread."""
    waits = delays if delays is not None else backoff_delays(30.0, 1800.0)
    attempt = 0
    while True:
        attempt += 1
        try:
            return uploader.run()
        except Unreachable as exc:
            if max_attempts is not None and attempt >= max_attempts:
                raise
            delay = next(waits)
            if on_wait is not None:
                on_wait(delay, str(exc))
            if uploader.cancel.wait(delay):
                raise Cancelled() from None


def summary(report: UploadReport) -> str:
    parts = [f"{len(report.stored)} sent", f"{len(report.already)} already there"]
    if report.failed:
        parts.append(f"{len(report.failed)} refused")
    if report.receipt is not None:
        parts.append(f"HQ confirmed {len(report.receipt.delivered)}")
    return ", ".join(parts)
