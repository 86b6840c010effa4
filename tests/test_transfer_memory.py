"""Issue 20: an HQ import process stays <= 64 MiB peak RSS; the modules it loads are part
of that. psycopg (the PostgreSQL backend) costs ~15 MiB and is loaded only when a profile
uses PostgreSQL."""

from __future__ import annotations

import subprocess
import sys


def test_the_hq_service_does_not_load_psycopg_for_a_local_store() -> None:
    code = ("import sys, intake_app.services.hq, intake_app.cli; "
            "print('psycopg' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       check=True)
    assert r.stdout.strip() == "False"
