"""One ``pid_alive`` (store/profile.py) serves the rekey recovery and the stale temp files."""

from __future__ import annotations

import os
import subprocess
import sys

from intake_app.protect import unlock
from intake_app.store.profile import pid_alive


def test_pid_alive_once() -> None:
    assert not hasattr(unlock, "_pid_alive")
    assert pid_alive(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not pid_alive(child.pid)
