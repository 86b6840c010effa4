"""Writing the field device's bundle files: both copies at once, pushed on to the disk
as they are written, fsynced where durability needs it (services/outbox.py)."""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import threading
from pathlib import Path
from typing import BinaryIO

from intake_app.errors import IntakeError
from intake_app.paths import WRITEBACK_STEP, fsync_dir, start_writeback


class Pushed:
    """A file written sequentially whose dirty pages are sent on to the disk every few
    MiB (paths.start_writeback), so its final fsync does not wait for all of them."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh, self._pos, self._sent = fh, 0, 0

    def write(self, data: bytes | memoryview) -> int:
        n = self._fh.write(data)
        self._pos += len(data)
        if self._pos - self._sent >= WRITEBACK_STEP:
            self._fh.flush()
            start_writeback(self._fh.fileno(), self._sent, self._pos - self._sent)
            self._sent = self._pos
        return n

    def flush(self) -> None:
        self._fh.flush()


class Tee:
    """Writes every block to two files: the outbox copy on the caller's thread, the
    destination's copy (the stick, often another device) on a thread of its own, so
    the two writes run at the same time. Bounded: at most two blocks wait for a slow
    destination, so memory does not grow however slow it is."""

    def __init__(self, a: Pushed, b: Pushed) -> None:
        self._a, self._b = a, b
        self._q: queue.Queue[bytes | memoryview | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._t = threading.Thread(target=self._run, daemon=True, name="export-copy")
        self._t.start()

    def _run(self) -> None:
        while (data := self._q.get()) is not None:
            if self._error is None:
                try:
                    self._b.write(data)
                except BaseException as exc:  # re-raised on the caller's thread
                    self._error = exc
            self._q.task_done()
        self._q.task_done()

    def write(self, data: bytes | memoryview) -> int:
        if self._error is not None:
            raise self._error
        view = memoryview(data)
        # A view of immutable bytes (a stored chunk) is shared as it is; a view of a
        # reused buffer (the record stream) is copied before the caller reuses it.
        self._q.put(view if isinstance(view.obj, bytes) else bytes(view))
        self._a.write(view)
        return len(view)

    def flush(self) -> None:
        self._q.join()
        if self._error is not None:
            raise self._error
        self._a.flush()
        self._b.flush()

    def close(self) -> None:
        self._q.put(None)
        self._t.join()


def copy_atomic(src: Path, dest_dir: Path) -> Path:
    final = dest_dir / src.name
    tmp = dest_dir / f".{src.name}.part"
    try:
        with open(src, "rb") as fin, open(tmp, "wb") as fout:
            shutil.copyfileobj(fin, fout, 4 << 20)
            fout.flush()
            os.fsync(fout.fileno())
        os.replace(tmp, final)
        fsync_dir(dest_dir)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise IntakeError(f"cannot write to {dest_dir}: {exc.strerror or exc}") from None
    return final


class Syncing:
    """An fsync of the stick's copy running on its own thread (on a duplicate of its
    descriptor, so the file may be closed meanwhile); ``wait()`` re-raises its error."""

    def __init__(self, fh: BinaryIO) -> None:
        fh.flush()
        self._fd = os.dup(fh.fileno())
        self._error: BaseException | None = None
        self._t = threading.Thread(target=self._run, daemon=True, name="fsync-dest")
        self._t.start()

    def _run(self) -> None:
        try:
            os.fsync(self._fd)
        except BaseException as exc:  # re-raised by wait(), on the caller's thread
            self._error = exc
        finally:
            os.close(self._fd)

    def wait(self) -> None:
        self._t.join()
        if self._error is not None:
            raise self._error


def fsync_both(out: BinaryIO, copy: BinaryIO | None) -> Syncing | None:
    """fsync the outbox copy here and start the stick's copy's fsync beside it: two
    devices in the field (internal disk, USB stick), so neither waits for the other.
    The stick's is only needed before its copy is renamed into place, so the caller
    commits the volume (and purges) while it runs, and waits for it just before."""
    out.flush()
    sync = None if copy is None else Syncing(copy)
    try:
        os.fsync(out.fileno())
    except BaseException:
        if sync is not None:
            with contextlib.suppress(OSError):
                sync.wait()
        raise
    return sync
