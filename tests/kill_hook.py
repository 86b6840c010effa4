"""Faults injected into a real ``intake`` CLI process (run directly, or forked by
tests/forkserver.py), for windows too narrow to reach with a timed kill and for errors a
real disk will not produce on demand.

``INTAKE_TEST_KILL=OPS:K[:SUBSTR]``: OPS is a comma-separated subset of fsync, replace,
rename, unlink; the K-th such call (counting only calls whose path contains SUBSTR, if
given) SIGKILLs the process before it runs. K=0 only counts: the total is printed to
stderr at exit as ``KILLHOOK-COUNT n`` (a test draws K at random from it).

``eio:SUBSTR:N``: reading a file whose path contains SUBSTR fails with EIO after N bytes
(a stick with a bad sector), wherever the file is opened with open() or os.open/fdopen.
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
    """A binary file that fails with EIO once ``left`` bytes have been read."""

    def __init__(self, fh: Any, left: int) -> None:
        self._fh, self._left = fh, left

    def _take(self, data: bytes) -> bytes:
        if len(data) > self._left:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        self._left -= len(data)
        return data

    def read(self, n: int = -1) -> bytes:
        return self._take(self._fh.read(n))

    def read1(self, n: int = -1) -> bytes:
        return self._take(self._fh.read1(n))

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
    fds: set[int] = set()

    def os_open(path: Any, *a: Any, **kw: Any) -> int:
        fd = real_os_open(path, *a, **kw)
        if substr in os.fspath(path):
            fds.add(fd)
        return fd

    def fdopen(fd: int, mode: str = "r", *a: Any, **kw: Any) -> Any:
        fh = real_fdopen(fd, mode, *a, **kw)
        return _EIOReader(fh, after) if fd in fds and "b" in mode and "r" in mode else fh

    def open_(file: Any, mode: str = "r", *a: Any, **kw: Any) -> Any:
        fh = real_open(file, mode, *a, **kw)
        if isinstance(file, (str, os.PathLike)) and substr in os.fspath(file) \
                and "b" in mode and "r" in mode and "+" not in mode:
            return _EIOReader(fh, after)
        return fh

    os.open, os.fdopen = os_open, fdopen  # type: ignore[assignment]
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
