"""Faults injected into a real ``intake`` CLI process (run directly, or forked by
tests/forkserver.py), for windows too narrow to reach with a timed kill and for errors a
real disk will not produce on demand.

``INTAKE_TEST_KILL=OPS:K[:SUBSTR]``: OPS is a comma-separated subset of fsync, replace,
rename, unlink; the K-th such call (counting only calls whose path contains SUBSTR, if
given) SIGKILLs the process before it runs. K=0 only counts: the total is printed to
stderr at exit as ``KILLHOOK-COUNT n`` (a test draws K at random from it).

``eio:SUBSTR:N``: reading a file whose path contains SUBSTR fails with EIO where a read
reaches byte N (a stick with a bad sector there), wherever the file is opened with open()
or os.open/fdopen, and read with read/readinto, os.read, os.pread or os.sendfile.

``oserr:ERRNO:SUBSTR:N`` (ERRNO a name: ENOSPC, EROFS, EIO): the injected failing file
layer, for machines where a small tmpfs or a read-only mount cannot be made. Writing to a
file whose path contains SUBSTR fails with that error once N bytes went to it; N=0 makes
opening it for writing fail (as a read-only mount does), and also os.replace/rename/mkdir
onto such a path. Only Python-level writes are covered (SQLite writes in C): the tests use
it for export targets, never for the profile.
"""

from __future__ import annotations

import atexit
import builtins
import errno
import io
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

OPS = ("fsync", "replace", "rename", "unlink")


def _paths(args: tuple[Any, ...]) -> str:
    return " ".join(os.fspath(a) for a in args if isinstance(a, (str, os.PathLike)))


def install(spec: str) -> list[int]:
    """Install the faults of ``spec``; returns the step counter (one element)."""
    if spec.startswith("eio:"):
        _, substr, after = spec.split(":", 2)
        _install_eio(substr, int(after))
        return [0]
    if spec.startswith("oserr:"):
        _, err_name, rest_s = spec.split(":", 2)
        substr, _, after = rest_s.rpartition(":")
        _install_oserr(err_name, substr, int(after))
        return [0]
    ops_s, k_s, *rest = spec.split(":", 2)
    ops = set(ops_s.split(","))
    assert ops <= set(OPS), spec
    k = int(k_s)
    substr = rest[0] if rest else ""
    seen = [0]

    def hook(real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kw: Any) -> Any:
            if not substr or substr in _paths(args):
                seen[0] += 1
                if seen[0] == k:
                    os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kw)
        return wrapped

    for name in ops:
        setattr(os, name, hook(getattr(os, name)))
    return seen


class _EIOReader:
    """A binary file with a bad sector at byte ``bad``: a read that reaches it fails with
    EIO, wherever the read starts (a trailer read first fails as well as a stream read)."""

    def __init__(self, fh: Any, bad: int) -> None:
        self._fh, self._bad = fh, bad

    def _take(self, start: int, data: bytes) -> bytes:
        if start + len(data) > self._bad:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return data

    def read(self, n: int = -1) -> bytes:
        start = self._fh.tell()
        return self._take(start, self._fh.read(n))

    def read1(self, n: int = -1) -> bytes:
        start = self._fh.tell()
        return self._take(start, self._fh.read1(n))

    def readinto(self, b: Any) -> int:
        data = self.read(len(b))
        b[: len(data)] = data
        return len(data)

    def __enter__(self) -> _EIOReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)


def _install_eio(substr: str, after: int) -> None:
    real_open, real_os_open, real_fdopen = builtins.open, os.open, os.fdopen
    real_read, real_pread, real_sendfile = os.read, os.pread, os.sendfile
    real_preadv = os.preadv
    fds: set[int] = set()
    sent: dict[int, int] = {}

    def os_open(path: Any, *a: Any, **kw: Any) -> int:
        fd = real_os_open(path, *a, **kw)
        if substr in os.fspath(path):
            fds.add(fd)
        else:
            fds.discard(fd)
        return fd

    def fdopen(fd: int, mode: str = "r", *a: Any, **kw: Any) -> Any:
        fh = real_fdopen(fd, mode, *a, **kw)
        return _EIOReader(fh, after) if fd in fds and "b" in mode and "r" in mode else fh

    def open_(file: Any, mode: str = "r", *a: Any, **kw: Any) -> Any:
        fh = real_open(file, mode, *a, **kw)
        if isinstance(file, (str, os.PathLike)) and substr in os.fspath(file):
            fds.add(fh.fileno())
            if "b" in mode and "r" in mode and "+" not in mode:
                return _EIOReader(fh, after)
        elif isinstance(file, (str, os.PathLike)):
            fds.discard(fh.fileno())
        return fh

    def bad_range(fd: int, offset: int, n: int) -> None:
        if fd in fds and offset + n > after:
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    def read(fd: int, n: int) -> bytes:
        start = os.lseek(fd, 0, os.SEEK_CUR) if fd in fds else 0
        data = real_read(fd, n)
        bad_range(fd, start, len(data))
        return data

    def pread(fd: int, n: int, offset: int) -> bytes:
        data = real_pread(fd, n, offset)
        bad_range(fd, offset, len(data))
        return data

    def preadv(fd: int, buffers: Any, offset: int, *a: Any) -> int:
        n = real_preadv(fd, buffers, offset, *a)
        bad_range(fd, offset, n)
        return n

    def sendfile(out_fd: int, in_fd: int, offset: int | None, count: int) -> int:
        if in_fd in fds:
            start = offset if offset is not None else sent.get(in_fd, 0)
            bad_range(in_fd, start, count)
        n = real_sendfile(out_fd, in_fd, offset, count)
        sent[in_fd] = sent.get(in_fd, 0) + n
        return n

    os.open, os.fdopen = os_open, fdopen  # type: ignore[assignment]
    os.read, os.pread, os.sendfile = read, pread, sendfile  # type: ignore[assignment]
    os.preadv = preadv  # type: ignore[assignment]
    builtins.open = io.open = open_  # type: ignore[assignment]


class _FailingWriter:
    """A binary file that fails with ``err`` once ``left`` bytes were written to it."""

    def __init__(self, fh: Any, err: int, left: list[int]) -> None:
        self._fh, self._err, self._left = fh, err, left

    def write(self, data: Any) -> int:
        n = len(data)
        if n > self._left[0]:
            raise OSError(self._err, os.strerror(self._err))
        self._left[0] -= n
        return int(self._fh.write(data))

    def __enter__(self) -> _FailingWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)


def _install_oserr(err_name: str, substr: str, after: int) -> None:
    err = getattr(errno, err_name)
    real_open, real_os_open, real_fdopen = builtins.open, os.open, os.fdopen
    real_write, real_replace, real_rename, real_mkdir = os.write, os.replace, os.rename, os.mkdir
    left = [after]  # one budget for the whole target: a disk has one free space
    fds: set[int] = set()

    def fail() -> None:
        raise OSError(err, os.strerror(err))

    def hit(path: Any) -> bool:
        return isinstance(path, (str, bytes, os.PathLike)) and substr in os.fsdecode(path)

    def writing(mode: str) -> bool:
        return any(c in mode for c in "wax+")

    def os_open(path: Any, flags: int, *a: Any, **kw: Any) -> int:
        if hit(path) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and after == 0:
            fail()
        fd = real_os_open(path, flags, *a, **kw)
        if hit(path) and flags & (os.O_WRONLY | os.O_RDWR):
            fds.add(fd)
        else:
            fds.discard(fd)
        return fd

    def fdopen(fd: int, mode: str = "r", *a: Any, **kw: Any) -> Any:
        fh = real_fdopen(fd, mode, *a, **kw)
        return _FailingWriter(fh, err, left) if fd in fds and "b" in mode else fh

    def open_(file: Any, mode: str = "r", *a: Any, **kw: Any) -> Any:
        if hit(file) and writing(mode) and after == 0:
            fail()
        fh = real_open(file, mode, *a, **kw)
        if hit(file) and writing(mode) and "b" in mode:
            return _FailingWriter(fh, err, left)
        return fh

    def write(fd: int, data: Any) -> int:
        if fd in fds:
            if len(data) > left[0]:
                fail()
            left[0] -= len(data)
        return real_write(fd, data)

    def moved(real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(src: Any, dst: Any, *a: Any, **kw: Any) -> Any:
            if after == 0 and (hit(dst) or hit(src)):
                fail()
            return real(src, dst, *a, **kw)
        return wrapped

    def mkdir(path: Any, *a: Any, **kw: Any) -> None:
        if after == 0 and hit(path):
            fail()
        real_mkdir(path, *a, **kw)

    os.open, os.fdopen, os.write = os_open, fdopen, write  # type: ignore[assignment]
    os.replace, os.rename = moved(real_replace), moved(real_rename)  # type: ignore[assignment]
    os.mkdir = mkdir  # type: ignore[assignment]
    builtins.open = io.open = open_  # type: ignore[assignment]


def main() -> None:
    spec = os.environ.get("INTAKE_TEST_KILL", "")
    if spec:
        seen = install(spec)
        if spec.split(":")[1:2] == ["0"]:
            atexit.register(lambda: print(f"KILLHOOK-COUNT {seen[0]}", file=sys.stderr))
    from intake_app.cli import main as cli_main

    code = cli_main(sys.argv[1:])
    sys.stderr.flush()
    sys.exit(code)


if __name__ == "__main__":
    main()
