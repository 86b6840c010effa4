"""The unlocked session: the service, the worker runner, and locking.

Locking (on demand or after the idle minutes) stops the sender and pending
results, clears the clipboard, closes the store and tells the window to throw
away every view built while unlocked.

``ClipboardGuard`` clears text copied from the app after the profile's
clipboard seconds (``protect.clipboard``), if the clipboard still holds it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent

from intake_app.gui import adapter
from intake_app.gui.sender import Sender
from intake_app.gui.workers import TaskRunner
from intake_app.services import protection as clip_policy
from intake_app.services.field import FieldService

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
})


WARN_MS = 30_000  # auto-lock warns this long ahead


class Session(QObject):
    """One profile, opened and closed by the user.

    ``about_to_lock`` is emitted (directly, while the store is still open) before
    every lock, so open work is saved first. Auto-lock warns ``warn_ms`` ahead with
    ``lock_warning(seconds_left)`` every ``tick_ms``; any input cancels it."""

    locked = Signal()
    unlocked = Signal()
    about_to_lock = Signal()
    lock_warning = Signal(int)
    lock_warning_cancelled = Signal()

    def __init__(self, service: FieldService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = TaskRunner(self)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self._warn)
        self.warn_ms = WARN_MS
        self.tick_ms = 1000
        self.countdown = QTimer(self)
        self.countdown.timeout.connect(self._tick)
        self._left_ms = 0
        self._idle_total = 0
        self._filter_installed = False
        self.clipboard_guard = ClipboardGuard(self)
        self.sending = Sender(self)

    # -------------------------------------------------------------- state
    @property
    def is_unlocked(self) -> bool:
        return self.service.is_unlocked

    def set_service(self, service: FieldService) -> None:
        """Switch profile (after "Try a demo"); the old one is locked first."""
        if self.service.is_unlocked:
            self.service.lock()
        self.service = service

    def start_idle_timer(self) -> None:
        minutes = adapter.auto_lock_minutes(self.service)
        self.set_idle_ms(minutes * 60_000)
        app = QGuiApplication.instance()
        if app is not None and not self._filter_installed:
            app.installEventFilter(self)
            self._filter_installed = True

    def set_idle_ms(self, total_ms: int) -> None:
        """Lock after ``total_ms`` without input; the warning takes its last ``warn_ms``."""
        self.countdown.stop()
        self._idle_total = max(0, int(total_ms))
        self.idle_timer.setInterval(max(0, self._idle_total - self.warn_ms))
        self.idle_timer.start()

    @property
    def idle_ms(self) -> int:
        """Input-free time before the lock, warning included."""
        return self._idle_total

    @property
    def warning_active(self) -> bool:
        return self.countdown.isActive()

    def _warn(self) -> None:
        self._left_ms = min(self.warn_ms, self._idle_total)
        if self._left_ms <= 0:
            self.lock()
            return
        self.countdown.start(self.tick_ms)
        self.lock_warning.emit(self._seconds_left())

    def _seconds_left(self) -> int:
        return max(1, -(-self._left_ms // 1000))

    def _tick(self) -> None:
        self._left_ms -= self.tick_ms
        if self._left_ms <= 0:
            self.lock()
            return
        self.lock_warning.emit(self._seconds_left())

    def cancel_warning(self) -> None:
        if self.countdown.isActive():
            self.countdown.stop()
            self.lock_warning_cancelled.emit()
            self.idle_timer.start()

    def after_unlock(self) -> None:
        self.start_idle_timer()
        self.unlocked.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            if self.countdown.isActive():
                self.cancel_warning()
            elif self.idle_timer.isActive():
                self.idle_timer.start()  # restart the countdown
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_L
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier
                and self.is_unlocked):
            # Ctrl+L also where the window's shortcut cannot reach (a modal dialog).
            self.lock()
            return True
        return False

    # -------------------------------------------------------------- lock
    def lock(self) -> None:
        if self.is_unlocked:
            self.about_to_lock.emit()  # save open work while the store is open
        self.idle_timer.stop()
        if self.countdown.isActive():
            self.countdown.stop()
            self.lock_warning_cancelled.emit()
        self.sending.forget()
        self.runner.invalidate()
        clear_clipboard()
        self.clipboard_guard.forget()
        app = QGuiApplication.instance()
        if app is not None and self._filter_installed:
            app.removeEventFilter(self)
            self._filter_installed = False
        # Waits for a service call in flight (they are serialised by its lock).
        self.service.lock()
        self.locked.emit()


def clear_clipboard() -> None:
    cb = QGuiApplication.clipboard()
    if cb is None:
        return
    cb.clear(QClipboard.Mode.Clipboard)
    if cb.supportsSelection():
        cb.clear(QClipboard.Mode.Selection)


class ClipboardGuard(QObject):
    """Clears what the app copied after ``clipboard_clear_seconds``, if still there.

    Only a digest of the copied text is kept. "Copied by the app": the clipboard
    changed while this process owns it or has the focused window (some platforms
    do not report ownership)."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self.copied: bytes | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.expire)
        cb = QGuiApplication.clipboard()
        if cb is not None:
            cb.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        cb = QGuiApplication.clipboard()
        if cb is None:
            return
        ours = cb.ownsClipboard() or QGuiApplication.focusWindow() is not None
        text = cb.text()
        if not ours or not text:
            if not text:
                self.forget()
            return
        self.copied = clip_policy.digest(text)
        self.timer.start(max(1000, self.session.service.clipboard_policy()
                             .clear_after_ms))

    def expire(self) -> None:
        cb = QGuiApplication.clipboard()
        if cb is not None and clip_policy.should_clear(self.copied, cb.text()):
            clear_clipboard()
        self.forget()

    def forget(self) -> None:
        self.timer.stop()
        self.copied = None
