"""Child process for fault tests: the ``intake`` CLI, killed by itself with SIGKILL at
the k-th call of a file-system step, so a test can hit a window too narrow to reach
with a timed kill (e.g. between sealing a volume and renaming the stick's copy).

``INTAKE_TEST_KILL=OPS:K[:SUBSTR]``: OPS is a comma-separated subset of fsync, replace,
rename, unlink; the K-th such call (counting only calls whose path contains SUBSTR, if
given) kills the process before it runs. K=0 only counts: the total is printed to
stderr at exit as ``KILLHOOK-COUNT n`` (a test uses it to draw K at random).
"""

from __future__ import annotations

import atexit
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

OPS = ("fsync", "replace", "rename", "unlink")


def install(spec: str) -> None:
    ops_s, k_s, *rest = spec.split(":", 2)
    ops = set(ops_s.split(","))
    assert ops <= set(OPS), spec
    k = int(k_s)
    substr = rest[0] if rest else ""
    seen = [0]

    def hook(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kw: Any) -> Any:
            paths = " ".join(os.fspath(a) for a in args if isinstance(a, (str, os.PathLike)))
            if not substr or substr in paths:
                seen[0] += 1
                if seen[0] == k:
                    os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kw)
        return wrapped

    for name in ops:
        setattr(os, name, hook(name, getattr(os, name)))
    if k == 0:
        atexit.register(lambda: print(f"KILLHOOK-COUNT {seen[0]}", file=sys.stderr))


def main() -> None:
    spec = os.environ.get("INTAKE_TEST_KILL", "")
    if spec:
        install(spec)
    from intake_app.cli import main as cli_main

    code = cli_main(sys.argv[1:])
    sys.stderr.flush()
    sys.exit(code)


if __name__ == "__main__":
    main()
