"""Shared pieces of the fault tests: real CLI subprocesses to kill, and the end-to-end
check run after every fault (store sound, nothing lost or duplicated, chain gap-free)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.cli_helpers import FIELD_PASS, HQ_PASS, Setup, example_values, ok, run

CLI = "import sys; from intake_app.cli import main; sys.exit(main(sys.argv[1:]))"


def cli_proc(data_dir: Path, *argv: str | Path, passphrase: str = FIELD_PASS,
             env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """``intake --data-dir DIR ARGV`` as its own process (inherits the test-suite KDF)."""
    full = dict(os.environ, INTAKE_PASSPHRASE=passphrase, **(env or {}))
    return subprocess.Popen([sys.executable, "-c", CLI, "--data-dir", str(data_dir),
                             *map(str, argv)], env=full, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


KILL_HOOK = str(Path(__file__).with_name("kill_hook.py"))


def hooked_run(data_dir: Path, kill: str, *argv: str | Path, passphrase: str = FIELD_PASS,
               env: dict[str, str] | None = None, timeout: float = 120.0
               ) -> subprocess.CompletedProcess[str]:
    """``intake --data-dir DIR ARGV`` killed by itself as ``INTAKE_TEST_KILL=kill`` says
    (see tests/kill_hook.py); returncode -9 when the kill landed."""
    full = dict(os.environ, INTAKE_PASSPHRASE=passphrase, INTAKE_TEST_KILL=kill, **(env or {}))
    return subprocess.run([sys.executable, KILL_HOOK, "--data-dir", str(data_dir),
                           *map(str, argv)], env=full, capture_output=True, text=True,
                          timeout=timeout)


def kill_when(proc: subprocess.Popen[str], ready: Callable[[], bool], *,
              timeout: float = 60.0) -> bool:
    """SIGKILL ``proc`` as soon as ``ready()``; False if it finished first."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            return False
        if ready():
            proc.kill()
            proc.communicate()
            return True
        time.sleep(0.0005)
    proc.kill()
    proc.communicate()
    raise AssertionError("the process neither finished nor reached the kill point")


def new_finalized(s: Setup, tmp: Path, tag: str, *, attachment: int = 0) -> str:
    f = tmp / f"values-{tag}.json"
    f.write_text(json.dumps(example_values(interviewer_notes=f"record {tag}")))
    rid = s.f("record", "new", "--form", "hrd_intake", "--json", f).out.strip()
    assert len(rid) == 32, rid
    if attachment:
        a = tmp / f"att-{tag}.bin"
        a.write_bytes(os.urandom(attachment))
        assert s.f("attach", rid, a).rc == 0
        a.unlink()
    r = s.f("record", "finalize", rid)
    assert r.rc == 0, r.err
    return rid


def bundles_in(*dirs: Path) -> list[Path]:
    found: dict[str, Path] = {}
    for d in dirs:
        for p in sorted(d.glob("*.intake")):
            found.setdefault(p.name, p)
    return [found[k] for k in sorted(found)]


def end_to_end(s: Setup, finalized: set[str], *dirs: Path) -> list[int]:
    """Import every bundle found in ``dirs`` at HQ and check the whole story: the field
    store is sound, HQ holds exactly the finalized records (none lost, none twice), the
    device's chain is 1..n with no gap, and the auditor verifies every bundle."""
    assert ok("--data-dir", s.field, "check", passphrase=FIELD_PASS).out == "ok\n"
    bundles = bundles_in(*dirs)
    assert bundles, "no bundle reached HQ"
    imp = run("--data-dir", s.hq, "hq", "import", "--json", *bundles, passphrase=HQ_PASS)
    assert imp.rc == 0, imp.out + imp.err
    for o in imp.json():
        assert o["verdict"] in ("imported", "duplicate"), o
        assert not [n for n in o["notes"] if "gap" in n], o
    held = ok("--data-dir", s.hq, "hq", "records", "list", "--json", passphrase=HQ_PASS).json()
    ids = [r["id"] for r in held]
    assert len(ids) == len(set(ids)), "a record is held twice at HQ"
    assert set(ids) == finalized, (set(ids) ^ finalized)
    [dev] = ok("--data-dir", s.hq, "hq", "devices", "--json", passphrase=HQ_PASS).json()
    seqs = list(dev["received"])
    assert seqs == list(range(1, len(seqs) + 1)) and dev["missing"] == [], dev
    v = run("verify", *bundles, "--keyring", s.keyring, "--json")
    assert v.rc == 0 and v.json()["ok"], v.out + v.err
    for b in v.json()["bundles"]:
        assert not [n for n in b.get("notes", []) if "gap" in n], b
    return seqs
