"""Keep ``True`` and ``False`` alive under PySide6 on Python 3.11.

PySide6 6.12's ``Signal.emit()`` returns ``True`` without taking a reference for it, so
each emit from Python drops one reference to ``True``. The editor emits about two per
keystroke: after a few thousand keystrokes (one long interview) the count reached zero
and the interpreter aborted ("Fatal Python error: bool_dealloc"), taking the app and the
answers typed since the last save with it. Python 3.12 makes ``True`` and ``False``
immortal (their count is never used); on 3.11 we give them as many references as
no session could drop.
"""

from __future__ import annotations

import ctypes
import sys

SPARE = 1 << 40  # a million emits a second would take twelve days to use them up


def keep_bools_alive() -> None:
    """Add ``SPARE`` references to ``True`` and ``False`` (once per process; CPython 3.11)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (True, False):
        # ob_refcnt is the first field of every CPython object.
        count = ctypes.c_ssize_t.from_address(id(obj))
        if count.value < SPARE:
            count.value += SPARE
