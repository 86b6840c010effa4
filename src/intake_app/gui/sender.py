"""Sending the outbox to the drop box: "Send now" and the optional background sender.

The work runs on a Python worker thread (``sync.uploader``; no Qt there) and
reports to the UI thread through queued signals. One job at a time: a new
one cancels the previous job and waits for its thread before starting.

- **Send now**: one ``Uploader.run()`` (the client's own retries apply); with
  background sending on, it starts the background loop at once instead.
- **Background**: while bundles wait in the outbox, ``run_with_backoff`` with an
  uploader that first checks that the drop box answers (``reachable``); after
  each round, wait ``poll_seconds`` and look again (HQ's receipt comes later).
  Stops when nothing is pending, on a refused device, and on lock, panic and quit.

Nothing here deletes a bundle: only the receipt import inside ``Uploader.run``
does, after HQ's signature verified. Settings (drop box URL, SOCKS5 proxy,
background on/off) live in the encrypted store, never in QSettings.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Signal

from intake_app.errors import IntakeError, UsageError
from intake_app.models import OutboxState
from intake_app.services.field import FieldService
from intake_app.services.sending import (
    Cancelled,
    DropboxError,
    Unreachable,
    Uploader,
    UploadProgress,
    UploadReport,
    backoff_delays,
    check_proxy,
    run_with_backoff,
)

if TYPE_CHECKING:
    from intake_app.gui.session import Session

URL_META = "sync.url"
PROXY_META = "sync.proxy"
BACKGROUND_META = "sync.background"


@dataclass(frozen=True)
class SendConfig:
    url: str = ""
    proxy: str = ""
    background: bool = False

    @property
    def configured(self) -> bool:
        return bool(self.url)


def check_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if url and (parts.scheme not in ("http", "https") or not parts.hostname):
        raise UsageError("the drop box address must look like https://host[:port]")
    return url


def load_config(svc: FieldService) -> SendConfig:
    try:
        return SendConfig(url=svc.meta(URL_META) or "", proxy=svc.meta(PROXY_META) or "",
                          background=svc.meta(BACKGROUND_META) == "1")
    except IntakeError:
        return SendConfig()


def save_config(svc: FieldService, cfg: SendConfig) -> SendConfig:
    """Check, then keep in the encrypted store (an address can be sensitive)."""
    clean = SendConfig(url=check_url(cfg.url), proxy=(check_proxy(cfg.proxy.strip()) or ""),
                       background=cfg.background and bool(cfg.url.strip()))
    svc.set_meta(URL_META, clean.url)
    svc.set_meta(PROXY_META, clean.proxy)
    svc.set_meta(BACKGROUND_META, "1" if clean.background else "0")
    return clean


@dataclass
class SendStatus:
    phase: str = "idle"  # idle, sending, waiting, done, failed
    background: bool = False  # the background loop is running
    attempts: int = 0
    last_attempt: float = 0.0  # time.time() of the last attempt, 0: none yet
    next_try: float = 0.0  # time.time() of the next try while waiting
    reason: str = ""  # why the last attempt did not reach the drop box
    error: str = ""
    report: UploadReport | None = None
    progress: UploadProgress | None = None
    delivered: list[int] = field(default_factory=list)


class _Bridge(QObject):
    attempt = Signal(int)
    progress = Signal(int, object)
    waiting = Signal(int, float, str)
    round_done = Signal(int, object)
    finished = Signal(int, object)  # None, or the exception that ended the job


class _ProbingUploader(Uploader):
    """Tries only when the drop box answers: an unreachable one costs one request."""

    on_attempt: Callable[[], None] | None = None

    def run(self) -> UploadReport:
        if self.on_attempt is not None:
            self.on_attempt()
        if not self.reachable():
            raise Unreachable("the drop box cannot be reached")
        return super().run()


class Sender(QObject):
    changed = Signal()  # status changed
    receipt_applied = Signal(object)  # an UploadReport whose receipt changed the outbox

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self.status = SendStatus()
        self.delays_factory: Callable[[], Iterator[float]] = lambda: backoff_delays(30.0, 1800.0)
        self.poll_seconds = 600.0  # between rounds while bundles wait for HQ's receipt
        self.timeout = 60.0
        self.retries = 4
        self._job = 0
        self._config: SendConfig | None = None  # read once per unlock / settings change
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._bridge = _Bridge(self)
        self._bridge.attempt.connect(self._on_attempt)
        self._bridge.progress.connect(self._on_progress)
        self._bridge.waiting.connect(self._on_waiting)
        self._bridge.round_done.connect(self._on_round)
        self._bridge.finished.connect(self._on_finished)
        session.unlocked.connect(self.resume)

    # -------------------------------------------------------------- control
    def config(self) -> SendConfig:
        if self._config is None:
            self._config = load_config(self.session.service)
        return self._config

    def resume(self, *, now: bool = False) -> None:
        """After unlock, settings or an export: start the background loop if it is on.

        ``now`` (after an export): a loop that is only waiting tries again at once."""
        cfg = self.config()
        if not (cfg.configured and cfg.background):
            return
        if not self.status.background or (now and self.status.phase == "waiting"):
            self._start(cfg, background=True)

    def send_now(self) -> bool:
        cfg = self.config()
        if not cfg.configured or not self.session.is_unlocked:
            return False
        self._start(cfg, background=cfg.background)
        return True

    def use_config(self, cfg: SendConfig) -> None:
        """The settings just saved (Settings, Sending): restart with them."""
        self._config = cfg
        self.stop()
        self.resume()

    def stop(self) -> None:
        """Cancel the job. Never waits and never touches the store (panic calls it):
        the thread is a daemon and stops at its next check."""
        self._job += 1
        self._cancel.set()
        self.status = SendStatus()
        self.changed.emit()

    def forget(self) -> None:
        """On lock: stop, and forget the settings read from the store."""
        self.stop()
        self._config = None

    def _start(self, cfg: SendConfig, *, background: bool) -> None:
        self._job += 1
        self._cancel.set()
        job, cancel, previous = self._job, threading.Event(), self._thread
        self._cancel = cancel
        # The background loop shows "sending" only once it really tries (bundles pending).
        self.status = SendStatus(phase="idle" if background else "sending",
                                 background=background,
                                 attempts=self.status.attempts,
                                 last_attempt=self.status.last_attempt)
        svc = self.session.service
        thread = threading.Thread(target=self._work, name="intake-sender", daemon=True,
                                  args=(job, svc, cfg, cancel, background, previous))
        self._thread = thread
        thread.start()
        self.changed.emit()

    # -------------------------------------------------------------- worker thread
    def _uploader(self, job: int, svc: FieldService, cfg: SendConfig,
                  cancel: threading.Event, cls: type[Uploader]) -> Uploader:
        return cls(svc, cfg.url, proxy=cfg.proxy or None, cancel=cancel, timeout=self.timeout,
                   retries=self.retries,
                   progress=lambda p: self._bridge.progress.emit(job, p))

    def _work(self, job: int, svc: FieldService, cfg: SendConfig, cancel: threading.Event,
              background: bool, previous: threading.Thread | None) -> None:
        if previous is not None:
            previous.join()
        outcome: BaseException | None = None
        try:
            if background:
                self._loop(job, svc, cfg, cancel)
            else:
                self._bridge.attempt.emit(job)
                up = self._uploader(job, svc, cfg, cancel, Uploader)
                try:
                    self._bridge.round_done.emit(job, up.run())
                finally:
                    up.close()
        except BaseException as exc:  # reported to the UI thread
            outcome = exc
        self._bridge.finished.emit(job, outcome)

    def _loop(self, job: int, svc: FieldService, cfg: SendConfig,
              cancel: threading.Event) -> None:
        while not cancel.is_set():
            if not any(e.state == OutboxState.PENDING for e in svc.outbox()):
                return
            up = self._uploader(job, svc, cfg, cancel, _ProbingUploader)
            assert isinstance(up, _ProbingUploader)
            up.on_attempt = lambda: self._bridge.attempt.emit(job)
            try:
                report = run_with_backoff(
                    up, delays=self.delays_factory(),
                    on_wait=lambda d, r: self._bridge.waiting.emit(job, d, r))
            finally:
                up.close()
            self._bridge.round_done.emit(job, report)
            if not any(e.state == OutboxState.PENDING for e in svc.outbox()):
                return
            self._bridge.waiting.emit(job, self.poll_seconds, "")
            if cancel.wait(self.poll_seconds):
                raise Cancelled()

    # -------------------------------------------------------------- UI thread
    def _on_attempt(self, job: int) -> None:
        if job != self._job:
            return
        st = self.status
        st.phase, st.attempts, st.last_attempt, st.next_try = "sending", st.attempts + 1, \
            time.time(), 0.0
        st.progress = None
        self.changed.emit()

    def _on_progress(self, job: int, p: Any) -> None:
        if job == self._job and isinstance(p, UploadProgress):
            self.status.progress = p
            self.changed.emit()

    def _on_waiting(self, job: int, seconds: float, reason: str) -> None:
        if job != self._job:
            return
        st = self.status
        st.phase, st.next_try, st.progress = "waiting", time.time() + seconds, None
        if reason:
            st.reason = reason
        self.changed.emit()

    def _on_round(self, job: int, report: Any) -> None:
        if job != self._job or not isinstance(report, UploadReport):
            return
        st = self.status
        st.report, st.reason, st.error, st.progress = report, "", "", None
        st.phase = "done"
        if report.receipt is not None:
            st.delivered = list(report.receipt.delivered)
            self.receipt_applied.emit(report)
        self.changed.emit()

    def _on_finished(self, job: int, outcome: Any) -> None:
        if job != self._job:
            return
        st = self.status
        st.background, st.progress, st.next_try = False, None, 0.0
        if isinstance(outcome, Cancelled) or outcome is None:
            st.phase = "done" if st.report is not None else "idle"
        else:
            st.phase = "failed"
            st.error = str(outcome) if isinstance(outcome, IntakeError) else \
                type(outcome).__name__
            st.reason = "unreachable" if isinstance(outcome, Unreachable) else \
                "refused" if isinstance(outcome, DropboxError) else ""
        self.changed.emit()
