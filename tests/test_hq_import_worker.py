"""`intake hq import-worker`: the team server's importer, a long-running `fetch --import`.
A real drop box, a real field laptop uploading, the worker as a real process: it imports
what arrives, publishes receipts, backs off while the drop box is away, and exits 0 on
SIGTERM."""

from __future__ import annotations

import json
import os
import re
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from intake_app.sync.config import Limits
from intake_app.sync.server import BackgroundServer
from tests.cli_helpers import HQ_PASS, Setup, enrolled_pair, example_values

# ~15 s each on the shared machine (the worker is a real process that unlocks HQ).
pytestmark = [pytest.mark.timeout(180), pytest.mark.slow]


def _worker(s: Setup, url: str, *extra: str) -> subprocess.Popen[str]:
    cmd = [str(Path(sys.executable).parent / "intake"), "--data-dir", str(s.hq), "hq",
           "import-worker", "--from", url, "--to", str(s.root / "incoming"),
           "--interval", "0.2", "--max-backoff", "1", "--timeout", "5", *extra]
    return subprocess.Popen(cmd, env={**os.environ, "INTAKE_PASSPHRASE": HQ_PASS},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _read_until(proc: subprocess.Popen[str], stream: str, pattern: str,
                timeout: float = 60) -> str:
    """Lines from the worker's stdout/stderr until one matches ``pattern``."""
    f = proc.stdout if stream == "out" else proc.stderr
    assert f is not None
    sel = selectors.DefaultSelector()
    sel.register(f, selectors.EVENT_READ)
    seen = ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sel.select(0.2):
            line = f.readline()
            if not line:
                break
            seen += line
            if re.search(pattern, line):
                return seen
    raise AssertionError(f"no {pattern!r} from the worker; got:\n{seen}")


def _stop(proc: subprocess.Popen[str]) -> tuple[int, str]:
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=30)
    return proc.returncode, err


def _seal_and_upload(s: Setup, url: str, text: str) -> None:
    f = s.root / "v.json"
    f.write_text(json.dumps(example_values(interviewer_notes=text)), encoding="utf-8")
    rid = s.f("record", "new", "--form", "hrd_intake", "--json", f)
    assert rid.rc == 0, rid.err
    assert s.f("record", "finalize", rid.out.strip()).rc == 0
    usb = s.root / "usb"
    usb.mkdir(exist_ok=True)
    assert s.f("export", "--to", usb).rc == 0
    r = s.f("upload", "--to", url)
    assert r.rc == 0 and "sent " in r.out, r.err


def test_worker_imports_publishes_receipts_and_stops_on_sigterm(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path)
    with BackgroundServer(tmp_path / "dropbox", s.keyring, Limits(min_free_bytes=0)) as url:
        proc = _worker(s, url, "--publish-receipts")
        try:
            _read_until(proc, "err", "watching")
            _seal_and_upload(s, url, "first worker record")
            assert s.device_id in _read_until(proc, "out", "^imported ")
            _seal_and_upload(s, url, "second worker record")
            _read_until(proc, "out", "^imported ")
            deadline = time.monotonic() + 30
            while True:  # the worker published the receipts: the laptop collects them
                assert s.f("upload", "--to", url).rc == 0
                states = [e["state"] for e in s.f("outbox", "--json").json()]
                if states == ["delivered"] * 2 or time.monotonic() > deadline:
                    break
                time.sleep(0.3)
            assert states == ["delivered"] * 2
        finally:
            rc, err = _stop(proc)
    assert rc == 0, err
    assert "SIGTERM: stopping after this pass" in err and "stopped after" in err
    assert len(s.h("hq", "records", "search", "worker", "--json").json()) == 2


def test_worker_backs_off_while_the_drop_box_is_away(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path)
    srv = BackgroundServer(tmp_path / "dropbox", s.keyring, Limits(min_free_bytes=0))
    url = srv.start()
    srv.stop()  # gone: nothing listens on its port now
    proc = _worker(s, url)
    try:
        err = _read_until(proc, "err", r"next try in 1 s")
    finally:
        rc, rest = _stop(proc)
    waits = [float(w) for w in re.findall(r"next try in (\d+) s", err)]
    assert waits[-1] == 1 and len(waits) >= 2  # 0.4 s, 0.8 s (shown rounded), then the cap
    assert "cannot reach the drop box" in err
    assert rc == 0, rest
