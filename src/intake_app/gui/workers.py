"""Run service calls off the UI thread and report back through signals.

``TaskRunner.start(fn, ...)`` runs ``fn`` on a QThreadPool worker. Results,
errors and progress arrive in the UI thread through queued signals. After a
lock, ``invalidate()`` makes every result still in flight be dropped, so no
snapshot reaches a view that has been cleared.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

ProgressFn = Callable[[int, int], None]


def _alive(fn: Callable[..., Any] | None) -> bool:
    """False for no callback, or a method of a Qt object already deleted."""
    if fn is None:
        return False
    owner = getattr(fn, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Task(QRunnable):
    """One call on a worker thread. ``fn`` gets ``progress``/``cancel`` if asked to."""

    def __init__(self, fn: Callable[..., Any], *, with_progress: bool = False,
                 cancel: threading.Event | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.with_progress = with_progress
        self.cancel = cancel or threading.Event()
        self.signals = TaskSignals()
        self.finished_event = threading.Event()

    def _progress(self, done: int, total: int) -> None:
        self.signals.progress.emit(int(done), int(total))

    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(progress=self._progress, cancel=self.cancel)
            else:
                result = self.fn()
        except BaseException as exc:  # reported to the UI, never swallowed silently
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)
        finally:
            self.finished_event.set()


class TaskRunner(QObject):
    """Starts tasks, keeps them alive until they report, and forgets them on lock."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._generation = 0
        self._live: set[Task] = set()

    def start(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        *,
        with_progress: bool = False,
        cancel: threading.Event | None = None,
    ) -> Task:
        task = Task(fn, with_progress=with_progress, cancel=cancel)
        generation = self._generation

        @Slot(object)
        def done(result: object) -> None:
            self._live.discard(task)
            if generation == self._generation and _alive(on_done):
                assert on_done is not None
                on_done(result)

        @Slot(object)
        def failed(exc: object) -> None:
            self._live.discard(task)
            if generation == self._generation and _alive(on_error):
                assert on_error is not None and isinstance(exc, BaseException)
                on_error(exc)

        @Slot(int, int)
        def progress(a: int, b: int) -> None:
            if generation == self._generation and _alive(on_progress):
                assert on_progress is not None
                on_progress(a, b)

        task.signals.done.connect(done)
        task.signals.failed.connect(failed)
        task.signals.progress.connect(progress)
        self._live.add(task)
        self.pool.start(task)
        return task

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def invalidate(self) -> None:
        """Drop every result still to come (used on lock); ask running tasks to stop."""
        self._generation += 1
        for task in list(self._live):
            task.cancel.set()

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
