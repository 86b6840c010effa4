"""SIGKILL a writer at random moments; the store must stay sound and complete."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from intake_app.services.base import ProfileService
from intake_app.store import attachments as att
from intake_app.store import profile
from intake_app.store import records as rec
from tests.conftest import PASSPHRASE

KILLS = 50


@pytest.mark.slow
def test_sigkill_loop(data_dir: Path) -> None:
    profile.create_profile(data_dir, PASSPHRASE, "field").close()
    rng = random.Random(20261128)
    saved: dict[str, int] = {}
    edited: set[str] = set()
    attachments: dict[str, str] = {}
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_writer", str(data_dir), PASSPHRASE],
            stdout=subprocess.PIPE,
            env=env,
            cwd=Path(__file__).resolve().parents[1],
        )
        # One kill in ten lands while the child starts (before or while it
        # opens the store); the rest anywhere in its first 0.6 s of writing,
        # counted from its READY line, whatever the machine's load.
        assert child.stdout is not None
        if rng.random() < 0.1:
            time.sleep(rng.uniform(0.0, 0.3))
        else:
            ready = child.stdout.readline()
            assert ready == b"READY\n", ready
            time.sleep(rng.uniform(0.0, 0.6))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        for line in out.decode().splitlines():
            parts = line.split()
            if len(parts) < 3:
                continue  # a line cut by the kill: its save may or may not have landed
            if parts[0] == "R":
                saved[parts[1]] = int(parts[2])
            elif parts[0] == "E":
                edited.add(parts[1])
            elif parts[0] == "A" and len(parts) == 4:
                attachments[parts[2]] = parts[3]

    assert len(saved) > 50, "the writer never got going"
    svc = ProfileService(data_dir)
    svc.unlock(PASSPHRASE)
    db = svc._store
    assert svc.check() == []
    for rid, n in saved.items():
        values = rec.get_values(db, rid)
        assert values["n"] == n
        if rid in edited:
            assert values.get("edited") is True
    for att_id, sha in attachments.items():
        info = att.get_attachment(db, att_id)
        digest = hashlib.sha256()
        for chunk in att.iter_attachment(db, att_id):
            digest.update(chunk)
        assert digest.hexdigest() == sha == info.sha256
    # No partial attachment survives, and every stored one is whole.
    assert db.execute("SELECT count(*) FROM attachments WHERE complete = 0").fetchone()[0] == 0
    for att_id, size, sha in db.execute("SELECT id, size, sha256 FROM attachments").fetchall():
        data = b"".join(att.iter_attachment(db, att_id))
        assert len(data) == size and hashlib.sha256(data).hexdigest() == sha
    # Every record has its first revision and a consistent current revision.
    bad = db.execute(
        "SELECT count(*) FROM records c WHERE NOT EXISTS (SELECT 1 FROM revisions r "
        "WHERE r.record_id = c.id AND r.rev = c.current_rev)"
    ).fetchone()[0]
    assert bad == 0
    svc.lock()
