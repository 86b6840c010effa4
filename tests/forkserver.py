"""A fork server for the fault suite: imports the CLI once, then forks one child per
command, so a few hundred SIGKILLed commands cost milliseconds each, not an interpreter
start (about a second on a loaded machine) each. The child is the real CLI in a real
process; the kill is a real SIGKILL.

Protocol, one JSON object per line on stdin: ``{"argv", "env", "out", "err",
"kill_after", "kill"}``; the answer is one line ``{"rc", "killed", "seconds"}``. rc is
the exit code, or -9 after a SIGKILL. ``kill_after``: the server kills the child after
that many seconds (it has not reaped it yet, so the pid is still the child's).
``kill``: a spec for tests/kill_hook.py (the child kills itself at the k-th step).
The server is single-threaded and opens no store, so forking it is safe.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# Everything a command may import, loaded once before any fork.
import intake_app.cli
import intake_app.services.field
import intake_app.services.hq
import intake_app.services.hq_import
import intake_app.services.hq_sync
import intake_app.services.protection
import intake_app.services.sending
import intake_app.sync.client  # noqa: F401
from tests import kill_hook


def _child(req: dict[str, object]) -> None:
    os.environ.clear()
    os.environ.update({str(k): str(v) for k, v in dict(req["env"]).items()})  # type: ignore[call-overload]
    for fd, path in ((1, req["out"]), (2, req["err"])):
        f = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(f, fd)
        os.close(f)
    sys.stdin = open(os.devnull)
    spec = req.get("kill")
    seen = kill_hook.install(str(spec)) if spec else None
    code = 1
    try:
        from intake_app.cli import main

        code = main([str(a) for a in req["argv"]])  # type: ignore[attr-defined]
    except SystemExit as exc:
        code = int(exc.code or 0) if not isinstance(exc.code, str) else 1
    finally:
        if seen is not None:
            print(f"KILLHOOK-COUNT {seen[0]}", file=sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def main() -> None:
    for line in sys.stdin:
        req = json.loads(line)
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            _child(req)
        after = req.get("kill_after")
        killed = False
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if after is not None and time.monotonic() - start >= float(after):
                os.kill(pid, signal.SIGKILL)
                killed = True
                _, status = os.waitpid(pid, 0)
                break
            time.sleep(0.0005)
        rc = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        print(json.dumps({"rc": rc, "killed": killed or rc == -9,
                          "seconds": time.monotonic() - start}), flush=True)


if __name__ == "__main__":
    main()
