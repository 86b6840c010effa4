"""One write in the background while the caller prepares the next (HQ import, the desk's
sync): on PostgreSQL the server's work and the round trips overlap the caller's Python;
on SQLite its C code runs without the GIL.

The rules, so the store sees what it saw when each batch was written in turn:
- at most one write runs at a time, and while it runs the connection is the writer's:
  the caller ``settle``s (waits for it) before it touches the connection itself;
- a write's error is raised by the next ``submit``/``settle``, or on the way out of the
  ``with`` block even when the caller failed meanwhile: the batch being written came
  before whatever the caller was doing, so its error is the one a one-batch-at-a-time
  run would have raised;
- no thread outlives the ``with`` block (so none outlives the caller's transaction).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any


class Writer:
    def __init__(self, name: str) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._pending: tuple[Future[Any], Callable[[Any], None] | None] | None = None

    def submit(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        """Run ``fn`` in the writer thread after the write before it; ``done`` gets its
        result in the caller's thread (at the next ``submit`` or ``settle``)."""
        self.settle()
        self._pending = (self._pool.submit(fn), done)

    def settle(self) -> None:
        """Wait for the write in flight; raise its error, or hand ``done`` its result."""
        if self._pending is not None:
            (fut, done), self._pending = self._pending, None
            result = fut.result()
            if done is not None:
                done(result)

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if kind is None:
                self.settle()
            elif self._pending is not None:
                fut, self._pending = self._pending[0], None
                first = fut.exception()  # waits for it
                if first is not None:
                    raise first from None
        finally:
            self._pool.shutdown(wait=True)
