"""Shared pieces of the fault tests: real CLI subprocesses to kill, and the end-to-end
check run after every fault (store sound, nothing lost or duplicated, chain gap-free)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


FORK_SERVER = str(Path(__file__).with_name("forkserver.py"))


@dataclass
class Outcome:
    rc: int
    killed: bool
    seconds: float
    out: str
    err: str
    steps: int = -1  # file-system steps counted by tests/kill_hook.py, if it was asked


class ForkServer:
    """A client of tests/forkserver.py: real CLI processes, forked from one warm parent."""

    def __init__(self, work: Path) -> None:
        self.work = work
        work.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen([sys.executable, FORK_SERVER], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        self.n = 0

    def run(self, data_dir: Path | None, *argv: str | Path, passphrase: str | None = FIELD_PASS,
            env: dict[str, str] | None = None, kill_after: float | None = None,
            kill: str | None = None) -> Outcome:
        self.n += 1
        full = dict(os.environ, **(env or {}))
        full.pop("INTAKE_PASSPHRASE", None)
        if passphrase is not None:
            full["INTAKE_PASSPHRASE"] = passphrase
        out, err = self.work / f"{self.n}.out", self.work / f"{self.n}.err"
        pre = ["--data-dir", str(data_dir)] if data_dir is not None else []
        req = {"argv": [*pre, *map(str, argv)], "env": full, "out": str(out),
               "err": str(err), "kill_after": kill_after, "kill": kill}
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(req) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line, "the fork server died"
        ans = json.loads(line)
        # A kill before the child redirected its output leaves no files.
        text = {f: f.read_text() if f.exists() else "" for f in (out, err)}
        lines = text[err].splitlines(keepends=True)
        steps = -1
        if lines and lines[-1].startswith("KILLHOOK-COUNT "):
            steps = int(lines.pop().split()[1])
        res = Outcome(ans["rc"], ans["killed"], ans["seconds"], text[out], "".join(lines), steps)
        out.unlink(missing_ok=True)
        err.unlink(missing_ok=True)
        return res

    def ok(self, data_dir: Path | None, *argv: str | Path, **kw: object) -> Outcome:
        r = self.run(data_dir, *argv, **kw)  # type: ignore[arg-type]
        assert r.rc == 0, f"{argv}: rc={r.rc} {r.err}"
        assert "internal error" not in r.err and "Traceback" not in r.err, r.err
        return r

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


_TEMPLATE: dict[str, Path] = {}


def prepared(base: Path, dest: Path) -> Setup:
    """A copy of one enrolled HQ/field pair built once per test session under ``base``
    (enrolling costs seconds; copying a tiny profile costs milliseconds)."""
    from tests.cli_helpers import enrolled_pair

    if "root" not in _TEMPLATE:
        root = base / "fault-template"
        if root.exists():
            shutil.rmtree(root)
        _TEMPLATE["root"] = root
        _TEMPLATE["device"] = Path(enrolled_pair(root).device_id)
    shutil.copytree(_TEMPLATE["root"], dest)
    return Setup(dest, dest / "hq", dest / "field", dest / "keyring.sig",
                 str(_TEMPLATE["device"]))


_REGISTRIES: dict[str, Any] = {}


def add_records(field: Path, n: int, tag: str, *, finalize: bool = True,
                attachment: int = 0) -> list[str]:
    """``n`` records of the shipped form, in-process through the service (cheap)."""
    import io

    from intake_app.services.field import FieldService

    svc = FieldService(field)
    svc.unlock(FIELD_PASS)
    # Parsing the forms (built-in and installed) costs a quarter of a second, as much as
    # the rest of this call; they do not change within a test, so parse them once.
    if str(field) in _REGISTRIES:
        svc._registry = _REGISTRIES[str(field)]
    else:
        _REGISTRIES[str(field)] = svc.registry()
    try:
        ids = []
        for i in range(n):
            rid = svc.new_record("hrd_intake",
                                 example_values(interviewer_notes=f"record {tag} {i}"), "en")
            if attachment:
                svc.attach(rid, io.BytesIO(os.urandom(attachment)), f"{tag}-{i}.bin")
            if finalize:
                svc.finalize(rid, "en")
            ids.append(rid)
        return ids
    finally:
        svc.lock()


def field_state(field: Path, passphrase: str = FIELD_PASS, *, check: bool = True
                ) -> dict[str, tuple[str, str]]:
    """{record id: (status, interviewer notes)} and a sound store, in-process
    (``check=False``: the caller checked the store since the last fault)."""
    from intake_app.services.field import FieldService

    svc = FieldService(field)
    svc.unlock(passphrase)
    try:
        if check:
            assert svc.check() == [], svc.check()
        return {r.id: (r.status.value, str(svc.record(r.id).values.get("interviewer_notes", "")
                                           if r.status.value in ("draft", "finalized") else ""))
                for r in svc.list_records()}
    finally:
        svc.lock()


def hq_state(hq: Path, *, check: bool = True) -> list[str]:
    """The record ids HQ holds (a list: a duplicate would show), after a sound check
    (``check=False``: the caller checked the store since the last fault)."""
    from intake_app.services.hq import HQService

    svc = HQService(hq)
    svc.unlock(HQ_PASS)
    try:
        if check:
            assert svc.check() == [], svc.check()
        return [r.id for r in svc.list_records()]
    finally:
        svc.lock()


KILL_OPS = "fsync,replace,rename,unlink"


class Killer:
    """Kills one command at random points: alternately after a random delay (uniform
    over the command's measured run time) and at a random file-system step (k drawn
    from the steps counted in an unkilled run). Seeded: ``seed`` and ``name`` make the
    sequence of kill points reproducible; ``where`` says which one a failure hit.

    The first try is a measuring run (not killed): a guessed run time longer than the
    real one makes most delays land after the command ended, and every such miss is
    a whole extra round of the test (the first version wasted two thirds of its tries
    that way). After that the estimate (time and step count) is the latest unkilled run's."""

    def __init__(self, fs: ForkServer, seed: int, name: str) -> None:
        import random

        self.fs, self.seed, self.name = fs, seed, name
        self.rng = random.Random(f"{seed}/{name}")
        self.kills = self.tries = 0
        self.est: float | None = None
        self.steps = 0
        self.where = ""

    def run(self, data_dir: Path | None, *argv: str | Path, **kw: object) -> Outcome:
        self.tries += 1
        if self.est is None:
            self.where = "nowhere (measuring run)"
            r = self.fs.run(data_dir, *argv, kill=f"{KILL_OPS}:0", **kw)  # type: ignore[arg-type]
        elif self.tries % 2 == 0 and self.steps > 0:
            k = self.rng.randint(1, self.steps)
            self.where = f"at step {k} of {self.steps} ({KILL_OPS})"
            r = self.fs.run(data_dir, *argv, kill=f"{KILL_OPS}:{k}", **kw)  # type: ignore[arg-type]
        else:
            delay = self.rng.uniform(0.0, self.est)
            self.where = f"after {delay * 1000:.1f} ms"
            r = self.fs.run(data_dir, *argv, kill=f"{KILL_OPS}:0", kill_after=delay,
                            **kw)  # type: ignore[arg-type]
        if r.killed:
            self.kills += 1
        else:
            assert "internal error" not in r.err and "Traceback" not in r.err, r.err
            self.est = r.seconds
            if r.steps >= 0:  # the latest run's count: a k beyond a shorter run is a miss
                self.steps = r.steps
        return r

    def label(self) -> str:
        return (f"[{self.name}: seed={self.seed} (INTAKE_FAULT_SEED) try {self.tries}, "
                f"kill {self.where}]")
