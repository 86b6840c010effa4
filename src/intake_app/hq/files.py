"""Private, atomic output files: 0600 from the first byte, renamed into place on success."""

from __future__ import annotations

import io
import os
import secrets
from pathlib import Path
from typing import IO

from intake_app.paths import FILE_MODE, fsync_dir


class AtomicFile:
    """A temporary sibling of ``path`` that becomes ``path`` on :meth:`commit`.

    A crash or :meth:`abort` leaves the old file (if any) and removes the temporary.
    """

    def __init__(self, path: Path, *, text: bool = False, encoding: str = "utf-8",
                 newline: str | None = None) -> None:
        self.path = Path(path)
        self.tmp = self.path.with_name(f".{self.path.name}.tmp-{os.getpid()}-"
                                       f"{secrets.token_hex(4)}")
        fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        self._raw: IO[bytes] = os.fdopen(fd, "wb")
        self.text: io.TextIOWrapper | None = None
        if text:
            self.text = io.TextIOWrapper(self._raw, encoding=encoding, newline=newline)
        self._done = False

    @property
    def binary(self) -> IO[bytes]:
        return self._raw

    def commit(self) -> None:
        if self._done:
            return
        try:
            if self.text is not None:
                self.text.flush()
            self._raw.flush()
            os.fsync(self._raw.fileno())
        finally:
            self._close()
        os.chmod(self.tmp, FILE_MODE)
        os.replace(self.tmp, self.path)
        self._done = True
        fsync_dir(self.path.parent)

    def abort(self) -> None:
        if self._done:
            return
        self._done = True
        self._close()
        self.tmp.unlink(missing_ok=True)

    def _close(self) -> None:
        try:
            if self.text is not None:
                self.text.close()  # closes the raw file too
            else:
                self._raw.close()
        except (OSError, ValueError):
            pass


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600."""
    f = AtomicFile(path)
    try:
        f.binary.write(data)
        f.commit()
    except BaseException:
        f.abort()
        raise
