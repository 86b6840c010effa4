"""How the bundle threads hand an error to their caller: one mechanism for all of them.

A ``Crew`` owns the worker threads of one seal, verify or open. Workers are started
with ``spawn``; every wait between them and the caller is a ``put`` or ``get`` on the
crew. The rules:

- **First error wins.** The first exception raised anywhere (in a worker, or in the
  caller: ``settle`` on the way out) is kept; later ones do not replace it.
- **The others stop.** That first error sets ``stop``; every crew wait notices within
  ``_POLL`` seconds. A worker then ends quietly (``_Stop``); a caller's wait raises the
  first error itself, the original object (so its type and message).
- **No thread is left running.** ``close`` (and ``with crew:``) sets ``stop`` and joins
  every worker. Waits outside the crew (file reads, hashing) end on their own.

The caller's own files are not the crew's business: whoever opened the output removes
it when the seal raises (services/outbox.py writes to a ``.part`` and unlinks it).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from types import TracebackType
from typing import NoReturn, TypeVar

T = TypeVar("T")
_POLL = 0.05  # how soon a blocked wait sees ``stop``; a full or empty queue only


class _Stop(Exception):
    """Ends a worker whose crew stopped; never reaches the caller."""


class Crew:
    def __init__(self) -> None:
        self.stop = threading.Event()
        self.error: BaseException | None = None
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []

    def spawn(self, fn: Callable[[], None], name: str) -> threading.Thread:
        t = threading.Thread(target=self._run, args=(fn,), daemon=True, name=name)
        self._threads.append(t)
        t.start()
        return t

    def _run(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except _Stop:
            pass
        except BaseException as e:  # handed to the caller's thread by its next wait
            self.fail(e)

    def fail(self, e: BaseException) -> BaseException:
        """Keep ``e`` unless an error came first, stop the crew; the first error."""
        with self._lock:
            if self.error is None:
                self.error = e
            self.stop.set()
            return self.error

    def _stopped(self) -> NoReturn:
        if self.error is None or threading.current_thread() in self._threads:
            raise _Stop
        raise self.error

    def check(self) -> None:
        """Raise the first error, if there is one (in a worker: end it quietly)."""
        if self.error is not None:
            self._stopped()

    def put(self, q: queue.Queue[T], x: T) -> None:
        while True:
            try:
                q.put(x, timeout=_POLL)
                return
            except queue.Full:
                if self.stop.is_set():
                    self._stopped()

    def get(self, q: queue.Queue[T]) -> T:
        while True:
            try:
                return q.get(timeout=_POLL)
            except queue.Empty:
                if self.stop.is_set():
                    self._stopped()

    def finish(self) -> None:
        """Wait for workers that end on their own (told so through their queues), then
        raise the first error if any."""
        for t in self._threads:
            t.join()
        self.check()

    def close(self) -> None:
        """Stop and join every worker."""
        self.stop.set()
        for t in self._threads:
            t.join()

    def settle(self, exc: BaseException) -> BaseException:
        """Close after the caller raised ``exc``: the exception to raise, which is the
        first error. Not an ``Exception`` (GeneratorExit, KeyboardInterrupt): ``exc``."""
        if not isinstance(exc, Exception):
            self.close()
            return exc
        first = self.fail(exc)
        self.close()
        return first

    def __enter__(self) -> Crew:
        return self

    def __exit__(self, tp: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc is None:
            self.close()
            self.check()  # an error no wait of the caller's saw is not lost
            return
        first = self.settle(exc)
        if first is not exc:
            raise first
