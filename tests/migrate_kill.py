"""``intake`` run with a SIGKILL at the K-th point of ``intake hq migrate``
(``store.pg.copy.step``: inside a batch's transaction, after its commit, after a table,
inside and after the finishing transaction, before the new profile's rename), with
batches of a few rows so a small profile has many points.

``INTAKE_TEST_MIGRATE_KILL=K`` (or a point's name, e.g. ``done:cases``); K=0 only counts
and prints ``MIGRATE-KILL-COUNT n`` to stderr at exit (a test then picks from 1..n)."""

from __future__ import annotations

import atexit
import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    from intake_app.cli import main as cli_main
    from intake_app.store.pg import copy

    spec = os.environ.get("INTAKE_TEST_MIGRATE_KILL", "0")
    k = int(spec) if spec.isdigit() else -1
    seen = [0]
    copy.BATCH_ROWS, copy.BATCH_CHUNKS = 3, 1

    def step(point: str) -> None:
        seen[0] += 1
        if seen[0] == k or point == spec:
            os.kill(os.getpid(), signal.SIGKILL)

    copy.step = step  # type: ignore[assignment]
    if k == 0:
        atexit.register(lambda: print(f"MIGRATE-KILL-COUNT {seen[0]}", file=sys.stderr))
    code = cli_main(sys.argv[1:])
    sys.stderr.flush()
    sys.exit(code)


if __name__ == "__main__":
    main()
