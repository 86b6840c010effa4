"""Process hardening: keep keys and plaintext out of crash dumps.

``disable_core_dumps`` runs on every unlock, before the first key is derived.
``harden_process`` is for the entry points (``intake``, ``intake-app``): it also
marks the process non-dumpable on Linux, which stops core dumps through a
``core_pattern`` pipe and ptrace attachment by other processes of the same user.
"""

from __future__ import annotations

import contextlib
import sys


def disable_core_dumps() -> bool:
    """Set RLIMIT_CORE to 0. True if it is 0 afterwards."""
    try:
        import resource
    except ImportError:  # not a POSIX system
        return False
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return resource.getrlimit(resource.RLIMIT_CORE)[0] == 0


def set_non_dumpable() -> bool:
    """prctl(PR_SET_DUMPABLE, 0) on Linux. True if it took effect."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_dumpable = 4
        return int(libc.prctl(pr_set_dumpable, 0, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def harden_process() -> None:
    disable_core_dumps()
    set_non_dumpable()
