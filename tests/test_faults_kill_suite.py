"""Issue 14, fault-injection suite: SIGKILL at random points of every write command,
at least KILLS landed kills each; after every kill the store checks, nothing is lost or
duplicated end to end (HQ's record set equals the finalized set), and the next plain
command (no --resend, no --force) recovers.

Kill points are random but seeded: set INTAKE_FAULT_SEED to replay a failure (every
assertion names the seed, the try and the kill point). Kills alternate between a
random delay and a random file-system step (tests/kill_hook.py). Every command is a
real CLI process forked from tests/forkserver.py, so a kill costs milliseconds.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake_app.sync.config import Limits
from intake_app.sync.server import BackgroundServer
from tests.cli_helpers import FIELD_PASS, HQ_PASS, Setup, example_values
from tests.fault_helpers import (
    ForkServer,
    Killer,
    Outcome,
    add_records,
    field_state,
    hq_state,
    prepared,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

SEED = int(os.environ.get("INTAKE_FAULT_SEED", "14"))
KILLS = 30
MAX_TRIES = 4 * KILLS


@pytest.fixture(scope="module")
def fs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ForkServer]:
    server = ForkServer(tmp_path_factory.mktemp("forkserver"))
    yield server
    server.close()


@pytest.fixture
def pair(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Setup:
    return prepared(tmp_path_factory.getbasetemp(), tmp_path / "p")


@contextlib.contextmanager
def trial(k: Killer) -> Iterator[None]:
    """Failures say which seed and kill point they came from."""
    try:
        yield
    except AssertionError as exc:
        raise AssertionError(f"{k.label()} {exc}") from None


def clean(r: Outcome) -> None:
    """A command that ended on its own ended cleanly: no traceback, no internal error."""
    if not r.killed:
        assert "internal error" not in r.err and "Traceback" not in r.err, r.err


def more(*ks: Killer) -> bool:
    for k in ks:
        assert k.tries <= MAX_TRIES, f"{k.label()} only {k.kills} kills in {k.tries} tries"
    return any(k.kills < KILLS for k in ks)


def test_kill_export_hq_import_and_receipts(fs: ForkServer, pair: Setup, tmp_path: Path) -> None:
    s = pair
    usb, rcpt = tmp_path / "usb", tmp_path / "receipt.sig"
    usb.mkdir()
    ke, ki, kr = (Killer(fs, SEED, n) for n in ("export", "hq import", "receipts import"))
    finalized: set[str] = set()
    imported: set[str] = set()
    i = 0
    while more(ke, ki, kr):
        i += 1
        finalized |= set(add_records(s.field, 1, f"e{i}", attachment=(i % 3) * 150_000))
        with trial(ke):
            if ke.kills < KILLS:
                clean(ke.run(s.field, "export", "--to", usb))
            fs.ok(s.field, "check")
            fs.ok(s.field, "export", "--to", usb)  # plain: no --resend, no --force
            left = field_state(s.field, check=False)
            assert not [r for r, (st, _) in left.items() if st == "finalized"]
            assert not list(usb.glob(".*.part"))
        new = sorted(str(p) for p in usb.glob("*.intake") if p.name not in imported)
        with trial(ki):
            if ki.kills < KILLS:
                clean(ki.run(s.hq, "hq", "import", *new, passphrase=HQ_PASS))
            hq_state(s.hq)
            r = fs.ok(s.hq, "hq", "import", "--json", *new, passphrase=HQ_PASS)
            for o in json.loads(r.out):
                assert o["verdict"] in ("imported", "duplicate"), o
                assert not [n for n in o["notes"] if "gap" in n], o
            held = hq_state(s.hq, check=False)
            assert len(held) == len(set(held)) and set(held) == finalized, set(held) ^ finalized
        imported |= {Path(p).name for p in new}
        with trial(kr):
            fs.ok(s.hq, "hq", "receipts", "--out", rcpt, "--device", s.device_id,
                  passphrase=HQ_PASS)
            if kr.kills < KILLS:
                clean(kr.run(s.field, "receipts", "import", rcpt))
            field_state(s.field)
            fs.ok(s.field, "receipts", "import", rcpt)
            out = json.loads(fs.ok(s.field, "outbox", "--json").out)
            assert {e["state"] for e in out} == {"delivered"}, out
            assert field_state(s.field, check=False) == {}, "sealed records HQ holds are purged"
    [dev] = json.loads(fs.ok(s.hq, "hq", "devices", "--json", passphrase=HQ_PASS).out)
    assert dev["received"] == list(range(1, len(dev["received"]) + 1)), dev
    assert dev["missing"] == [], dev
    v = fs.run(None, "verify", *sorted(usb.glob("*.intake")), "--keyring", s.keyring, "--json",
               passphrase=None)
    assert v.rc == 0 and json.loads(v.out)["ok"], v.out + v.err


def test_kill_upload_and_hq_fetch(fs: ForkServer, pair: Setup, tmp_path: Path) -> None:
    s = pair
    usb, incoming = tmp_path / "usb", tmp_path / "incoming"
    usb.mkdir()
    srv = BackgroundServer(tmp_path / "dropbox", s.keyring, Limits(min_free_bytes=0))
    srv.start()
    try:
        ku, kf = Killer(fs, SEED, "upload"), Killer(fs, SEED, "hq fetch")
        finalized: set[str] = set()
        i = 0
        while more(ku, kf):
            i += 1
            # Volumes of ~0.15-0.6 MB: one to three upload chunks (256 KiB first), so cuts land
            # mid-upload; small enough that the growing stores stay cheap to check.
            finalized |= set(add_records(s.field, 1, f"u{i}", attachment=150_000 * (1 + i % 4)))
            fs.ok(s.field, "export", "--to", usb)
            with trial(ku):
                if ku.kills < KILLS:
                    clean(ku.run(s.field, "upload", "--to", srv.url))
                field_state(s.field)
                r = fs.ok(s.field, "upload", "--to", srv.url)
                assert "failed" not in r.out, r.out
            with trial(kf):
                if kf.kills < KILLS:
                    clean(kf.run(s.hq, "hq", "fetch", "--from", srv.url, "--to", incoming,
                                 "--import", passphrase=HQ_PASS))
                hq_state(s.hq)
                fs.ok(s.hq, "hq", "fetch", "--from", srv.url, "--to", incoming, "--import",
                      passphrase=HQ_PASS)
                held = hq_state(s.hq, check=False)
                assert len(held) == len(set(held)) and set(held) == finalized, \
                    set(held) ^ finalized
                assert not list(incoming.glob("*.part"))
            if i % 3 == 0:  # receipts now and then: the laptop purges, the store stays small
                fs.ok(s.hq, "hq", "publish-receipts", "--to", srv.url, passphrase=HQ_PASS)
        [dev] = json.loads(fs.ok(s.hq, "hq", "devices", "--json", passphrase=HQ_PASS).out)
        assert dev["missing"] == [] and dev["received"] == list(range(1, i + 1)), dev
    finally:
        srv.stop()


def test_kill_passwd(fs: ForkServer, pair: Setup) -> None:
    s = pair
    ids = set(add_records(s.field, 2, "p", finalize=False, attachment=100_000))
    k = Killer(fs, SEED, "passwd")
    current = FIELD_PASS
    n = 0
    while more(k):
        n += 1
        new = f"passphrase number {n} of the test"
        with trial(k):
            clean(k.run(s.field, "passwd", passphrase=current,
                        env={"INTAKE_NEW_PASSPHRASE": new}))
            old_ok = fs.run(s.field, "check", passphrase=current)
            new_ok = fs.run(s.field, "check", passphrase=new)
            # Atomic: exactly one of the two opens, and the store is sound under it.
            assert (old_ok.rc == 0) != (new_ok.rc == 0), (old_ok, new_ok)
            for r in (old_ok, new_ok):
                assert r.rc == 0 or r.err.count("\n") == 1, r.err
            current = current if old_ok.rc == 0 else new
            assert set(field_state(s.field, current, check=False)) == ids
            r = fs.ok(s.field, "record", "list", "--json", passphrase=current)
            assert {x["id"] for x in json.loads(r.out)} == ids


def test_kill_panic(fs: ForkServer, pair: Setup, tmp_path: Path) -> None:
    s = pair
    ids = set(add_records(s.field, 2, "x", attachment=100_000))
    usb = tmp_path / "usb"
    usb.mkdir()
    fs.ok(s.field, "export", "--to", usb)
    ids |= set(add_records(s.field, 1, "draft", finalize=False))
    master = tmp_path / "master"
    shutil.copytree(s.field, master)
    k = Killer(fs, SEED, "panic")
    while more(k):
        shutil.rmtree(s.field, ignore_errors=True)
        shutil.copytree(master, s.field)
        with trial(k):
            clean(k.run(s.field, "panic", "--yes", passphrase=None))
            r = fs.run(s.field, "check")
            # Either the kill came before anything was destroyed (the store is whole),
            # or the store no longer opens: never a half-readable profile.
            if r.rc == 0:
                assert set(field_state(s.field)) == ids
            else:
                assert r.err.count("\n") == 1 and "internal error" not in r.err, r.err
            r = fs.ok(s.field, "panic", "--yes", passphrase=None)
            assert "erased" in r.out or "nothing to erase" in r.out, r.out
            assert not s.field.exists() or not any(s.field.rglob("*.db*")), \
                sorted(map(str, s.field.rglob("*")))
            gone = fs.run(s.field, "check")
            assert gone.rc == 1 and "internal error" not in gone.err, gone.err


def test_kill_duress_set(fs: ForkServer, pair: Setup) -> None:
    s = pair
    add_records(s.field, 2, "d", finalize=False)
    before = field_state(s.field)
    k = Killer(fs, SEED, "duress set")
    n = 0
    while more(k):
        n += 1
        duress = f"duress passphrase {n}"
        with trial(k):
            clean(k.run(s.field, "duress", "set", "--keep-real",
                        env={"INTAKE_DURESS_PASSPHRASE": duress}))
            assert field_state(s.field) == before  # the real profile, whole
            fs.ok(s.field, "duress", "set", "--keep-real",
                  env={"INTAKE_DURESS_PASSPHRASE": duress})
            if n % 8 == 0:  # the decoy opens and shows none of the real records
                r = fs.ok(s.field, "record", "list", "--json", passphrase=duress)
                assert not {x["id"] for x in json.loads(r.out)} & set(before)
                assert field_state(s.field, check=False) == before


def test_kill_record_edit(fs: ForkServer, pair: Setup, tmp_path: Path) -> None:
    s = pair
    [rid] = add_records(s.field, 1, "edit", finalize=False)
    k = Killer(fs, SEED, "record edit")
    prev = field_state(s.field)[rid][1]
    n = 0
    while more(k):
        n += 1
        notes = f"edit number {n} " + "x" * (n * 97 % 3000)
        f = tmp_path / "values.json"
        f.write_text(json.dumps(example_values(interviewer_notes=notes)))
        with trial(k):
            clean(k.run(s.field, "record", "edit", rid, "--json", f))
            got = field_state(s.field)[rid][1]
            assert got in (prev, notes), got[:40]  # the old revision or the new, whole
            fs.ok(s.field, "record", "edit", rid, "--json", f)
            assert field_state(s.field, check=False)[rid][1] == notes
            prev = notes


def test_kill_attach(fs: ForkServer, pair: Setup, tmp_path: Path) -> None:
    import hashlib

    from intake_app.services.field import FieldService

    s = pair
    [rid] = add_records(s.field, 1, "att", finalize=False)
    k = Killer(fs, SEED, "attach")
    held: dict[str, int] = {}

    def attachments() -> dict[str, int]:
        field_state(s.field)
        svc = FieldService(s.field)
        svc.unlock(FIELD_PASS)
        try:
            out: dict[str, int] = {}
            for a in svc.record(rid).attachments:
                out[a.sha256] = out.get(a.sha256, 0) + 1
            return out
        finally:
            svc.lock()

    n = 0
    while more(k):
        n += 1
        src = tmp_path / f"photo{n}.jpg"
        src.write_bytes(os.urandom(k.rng.randint(20_000, 250_000)))
        sha = hashlib.sha256(src.read_bytes()).hexdigest()
        with trial(k):
            r = k.run(s.field, "attach", rid, src)
            clean(r)
            now = attachments()
            # Nothing half-stored: the file is there whole (the kill came after the
            # commit) or not at all; nothing else changed.
            assert {h: c for h, c in now.items() if h != sha} == held, now
            assert now.get(sha, 0) == (0 if r.killed else 1) or (r.killed and now[sha] == 1)
            if r.killed:
                # The plain re-run a user would do; a kill after the commit means the
                # re-run stores the file a second time (the user attached it twice).
                fs.ok(s.field, "attach", rid, src)
            held = attachments()
            assert held.get(sha, 0) >= 1
        src.unlink()
