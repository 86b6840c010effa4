"""Writing the field device's bundle files: the outbox's and the stick's at once, pushed
on to the disk as they are written, fsynced where durability needs it; and reading an
outbox volume back whole (its file plus the pieces that hold its blob region:
store/outbox.py) for a resend, the drop box or ``join_folder`` (services/outbox.py)."""

from __future__ import annotations

import bisect
import contextlib
import glob
import io
import os
import queue
import threading
from pathlib import Path
from typing import Any, BinaryIO

from intake_app.crypto.bundle import Statement, read_statement_unverified, trailer_len
from intake_app.errors import BundleError, IntakeError
from intake_app.paths import WRITEBACK_STEP, fsync_dir, start_writeback
from intake_app.store import outbox as store_outbox


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

    def write_b(self, data: bytes | memoryview) -> int:
        """Only to the destination, in order with ``write`` (the blob region: the outbox
        keeps it by link)."""
        if self._error is not None:
            raise self._error
        view = memoryview(data)
        self._q.put(view if isinstance(view.obj, bytes) else bytes(view))
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


class OnlyB:
    """The writer's ``blobs_out`` beside a ``Tee``: what it writes goes to the stick only."""

    def __init__(self, tee: Tee) -> None:
        self._tee = tee

    def write(self, data: bytes | memoryview) -> int:
        return self._tee.write_b(data)

    def flush(self) -> None:
        pass


class Discard:
    """``blobs_out`` of an export without a stick: the blob region is hashed, not written
    (the outbox keeps it by link)."""

    def write(self, data: bytes | memoryview) -> int:
        return len(data)

    def flush(self) -> None:
        pass


Segment = tuple[Path, int, int]  # (file, offset in it, length)


def pieces_of(folder: Path, name: str) -> list[tuple[Path, int, int, int]]:
    """(path, k, start, length) of the pieces of volume ``name``, in order of k."""
    found = []
    for p in folder.glob(f"{glob.escape(name)}.b*"):
        parsed = store_outbox.parse_piece(p.name)
        if parsed is not None and parsed[0] == name:
            found.append((p, parsed[1], parsed[2], parsed[3]))
    return sorted(found, key=lambda t: t[1])


def split_volume_hint(path: Path) -> str:
    """For a bundle that failed to verify: '' unless ``path`` is an outbox volume whose
    attachment bytes lie in pieces beside it (read alone, its blob region is missing)."""
    try:
        split = bool(pieces_of(path.parent, path.name))
    except OSError:
        return ""
    return (f" (an outbox volume without its attachment pieces: run `intake outbox-join "
            f"{path.parent} --to FOLDER` and use the bundles it writes)") if split else ""


def remove_volume(folder: Path, name: str) -> None:
    """A volume's file, its temporary name and its pieces (a hard link's data goes with
    its last name: the store's was unlinked at the purge)."""
    for p in [folder / name, folder / (name + ".part")] + [t[0] for t in pieces_of(folder,
                                                                                     name)]:
        p.unlink(missing_ok=True)


def volume_segments(folder: Path, name: str) -> tuple[list[Segment], int]:
    """Where the bytes of outbox volume ``name`` are, in order, and the bundle's size:
    the file alone (no blob region, or written whole by an older version), or its head
    (header and stream), its pieces' ranges, its trailer. Raises IntakeError when a
    piece is missing or short (nothing is decrypted: the laptop has no key for it)."""
    main = folder / name
    try:
        with open(main, "rb") as fh:
            hdr, stmt, size = read_statement_unverified(fh)
    except FileNotFoundError:
        raise IntakeError(f"outbox bundle {name} is missing from {folder}") from None
    except (OSError, BundleError) as exc:
        raise IntakeError(f"outbox bundle {name} cannot be read: {exc}") from None
    st = Statement.decode(stmt, hdr.version)
    tlen = trailer_len(hdr.version)
    head = len(hdr.raw) + st.stream_len
    full = head + st.blob_len + tlen
    if size == full:
        return [(main, 0, size)], size
    pieces = pieces_of(folder, name)
    if (size != head + tlen or [k for _, k, _, _ in pieces] != list(range(len(pieces)))
            or sum(n for _, _, _, n in pieces) != st.blob_len):
        raise IntakeError(f"outbox bundle {name} is incomplete in {folder}")
    segs: list[Segment] = [(main, 0, head)]
    for path, _k, start, length in pieces:
        if path.stat().st_size < start + length:
            raise IntakeError(f"outbox bundle {name} is incomplete in {folder}")
        segs.append((path, start, length))
    segs.append((main, head, tlen))
    return segs, full


class VolumeReader(io.RawIOBase):
    """The whole bundle of an outbox volume as one seekable file, read from its segments
    (``volume_segments``); one descriptor open at a time."""

    def __init__(self, segments: list[Segment]) -> None:
        super().__init__()
        self._segs = segments
        self._starts: list[int] = []
        total = 0
        for _p, _o, n in segments:
            self._starts.append(total)
            total += n
        self.size = total
        self._pos = 0
        self._fd: int | None = None
        self._fd_seg = -1

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._pos, 2: self.size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def _fd_for(self, i: int) -> int:
        if self._fd_seg != i:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
            self._fd = os.open(self._segs[i][0], os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            self._fd_seg = i
        assert self._fd is not None
        return self._fd

    def readinto(self, b: Any) -> int:
        if self._pos >= self.size:
            return 0
        i = bisect.bisect_right(self._starts, self._pos) - 1
        _path, off, length = self._segs[i]
        within = self._pos - self._starts[i]
        view = memoryview(b).cast("B")
        n = min(len(view), length - within)
        got = os.preadv(self._fd_for(i), [view[:n]], off + within)
        if got <= 0:
            raise IntakeError("an outbox bundle's piece is shorter than it should be")
        self._pos += got
        return got

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        super().close()


def open_volume(folder: Path, name: str) -> VolumeReader:
    return VolumeReader(volume_segments(folder, name)[0])


def copy_volume(folder: Path, name: str, dest_dir: Path) -> Path:
    """Write outbox volume ``name`` whole to ``dest_dir`` (temp name, fsync, rename)."""
    segs, _size = volume_segments(folder, name)
    final = dest_dir / name
    tmp = dest_dir / f".{name}.part"
    buf = bytearray(4 << 20)
    try:
        with VolumeReader(segs) as fin, open(tmp, "wb") as fout:
            while n := fin.readinto(buf):
                fout.write(memoryview(buf)[:n])
            fout.flush()
            os.fsync(fout.fileno())
        os.replace(tmp, final)
        fsync_dir(dest_dir)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise IntakeError(f"cannot write to {dest_dir}: {exc.strerror or exc}") from None
    return final


def join_folder(src: Path, dest_dir: Path) -> list[Path]:
    """Every volume in an outbox folder written whole to ``dest_dir``: for the outbox a
    keep-outbox panic left, which no profile reads any more (``intake outbox-join``)."""
    done = []
    for main in sorted(src.glob("*.intake")):
        done.append(copy_volume(src, main.name, dest_dir))
    return done


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
