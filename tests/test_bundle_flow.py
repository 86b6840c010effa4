"""Issue 4 end to end through the CLI, plus HQ-side refusals on real bundles."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from intake_app.services.hq import HQService
from tests.cli_helpers import FIELD_PASS, HQ_PASS, Setup, enrolled_pair, example_values, ok, run
from tests.conftest import scan_for

CANARY = "CANARY-bundle-9d1e-پشاور"


def _new(s: Setup, values: dict[str, Any], name: str = "v.json") -> str:
    f = s.root / name
    f.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    rid = s.f("record", "new", "--form", "hrd_intake", "--json", f)
    assert rid.rc == 0, rid.err
    f.unlink()
    return rid.out.strip()


def hq_state(hq_dir: Path) -> dict[str, Any]:
    """Every row of every table that import may touch (the event log excepted)."""
    svc = HQService(hq_dir)
    svc.unlock(HQ_PASS)
    try:
        tables = ["records", "revisions", "attachments", "attachment_chunks", "received_bundles",
                  "record_sources", "devices"]
        return {t: sorted(map(tuple, svc._store.execute(f"SELECT * FROM {t}").fetchall()))
                for t in tables} | {"fts": svc._store.execute(
                    "SELECT count(*) FROM records_fts").fetchone()[0]}  # fmt: skip
    finally:
        svc.lock()


def hq_attachment(hq_dir: Path, att_id: str) -> bytes:
    svc = HQService(hq_dir)
    svc.unlock(HQ_PASS)
    try:
        return b"".join(svc.attachment_chunks(att_id))
    finally:
        svc.lock()


def test_full_round_trip(tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    sent: dict[str, dict[str, Any]] = {}
    files: dict[str, bytes] = {}
    for i in range(3):
        values = example_values(interviewer_notes=f"{CANARY} record {i}")
        rid = _new(s, values)
        sent[rid] = values
        if i < 2:
            blob = os.urandom(2_500_000 + i) + CANARY.encode()
            p = inputs / f"evidence{i}.jpg"
            p.write_bytes(blob)
            aid = s.f("attach", rid, p).out.strip()
            files[aid] = blob
        assert s.f("record", "finalize", rid).rc == 0
    # Values as the field store holds them (validation may normalise).
    held = {rid: s.f("record", "show", rid, "--json").json()["values"] for rid in sent}
    shutil.rmtree(inputs)

    usb = tmp_path / "usb"
    usb.mkdir()
    r = s.f("export", "--to", usb)
    assert r.rc == 0, r.err
    bundles = [Path(p) for p in r.out.split()]
    assert bundles and all(p.parent == usb and p.exists() for p in bundles)
    assert not list(usb.glob(".*")), "no temporary files left on the stick"
    outbox = s.f("outbox", "--json").json()
    assert [e["state"] for e in outbox] == ["pending"] * len(bundles)

    # The laptop keeps no readable copy once sealed.
    for rid in sent:
        shown = s.f("record", "show", rid)
        assert shown.rc == 1 and "no readable copy" in shown.err
    assert s.f("record", "search", "CANARY", "--json").json() == []

    v = run("verify", *bundles, "--keyring", s.keyring, "--json")
    assert v.rc == 0, v.out
    assert all(b["ok"] for b in v.json()["bundles"])

    imp = s.h("hq", "import", *bundles)
    assert imp.rc == 0, imp.out + imp.err
    again = s.h("hq", "import", *bundles)
    assert again.rc == 0 and "duplicate" in again.out

    for rid, values in held.items():
        got = s.h("hq", "records", "show", rid, "--json").json()
        assert got["values"] == values
        for att in got["attachments"]:
            data = hq_attachment(s.hq, att["id"])
            assert data == files[att["id"]]
            assert hashlib.sha256(data).hexdigest() == att["sha256"]
    assert {a for rid in held for a in (x["id"] for x in s.h(
        "hq", "records", "show", rid, "--json").json()["attachments"])} == set(files)
    assert len(s.h("hq", "records", "search", "CANARY", "--json").json()) == 3

    receipts = tmp_path / "receipts"
    assert s.h("hq", "receipts", "--out", receipts).rc == 0
    r = s.f("receipts", "import", receipts)
    assert r.rc == 0, r.err
    assert "purged 3 record(s)" in r.out
    assert all(e["state"] == "delivered" for e in s.f("outbox", "--json").json())
    assert s.f("record", "list", "--json").json() == []
    assert not list((s.field / "outbox").glob("*.intake"))
    assert scan_for(s.field, CANARY) == []
    assert scan_for(Path(os.environ["TMPDIR"]), CANARY) == []


def test_keep_readable_policy(tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend, provision_args=("--keep-readable",))
    rid = _new(s, example_values())
    s.f("record", "finalize", rid)
    usb = tmp_path / "usb"
    usb.mkdir()
    assert s.f("export", "--to", usb).rc == 0
    assert s.f("record", "show", rid, "--json").json()["summary"]["status"] == "sealed"
    assert s.h("hq", "import", usb).rc == 0
    s.h("hq", "receipts", "--out", tmp_path / "r.sig", "--device", s.device_id)
    assert s.f("receipts", "import", tmp_path / "r.sig").rc == 0
    assert s.f("record", "show", rid).rc == 1


def test_volumes_split_and_arrive_in_any_order(tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend, provision_args=("--max-volume-mb", "6"))
    rid = _new(s, example_values())
    blob = os.urandom(13_000_000)
    p = tmp_path / "big.bin"
    p.write_bytes(blob)
    aid = s.f("attach", rid, p).out.strip()
    rid2 = _new(s, example_values())
    s.f("record", "finalize", rid)
    s.f("record", "finalize", rid2)
    usb = tmp_path / "usb"
    usb.mkdir()
    out = s.f("export", "--to", usb)
    vols = [Path(x) for x in out.out.split()]
    assert len(vols) >= 3
    assert all(v.stat().st_size <= 6_000_000 for v in vols)
    for vol in vols:  # each volume verifies on its own
        assert run("verify", vol, "--keyring", s.keyring).rc == 0
    for vol in reversed(vols):  # HQ may receive them in any order
        r = s.h("hq", "import", vol)
        assert r.rc == 0, r.out
    assert hq_attachment(s.hq, aid) == blob
    assert s.h("hq", "records", "show", rid2, "--json").rc == 0
    devices = s.h("hq", "devices", "--json").json()
    assert devices[0]["missing"] == [] and devices[0]["last_sequence"] == len(vols)


def _export_one(s: Setup, tag: str) -> Path:
    rid = _new(s, example_values(interviewer_notes=tag))
    s.f("record", "finalize", rid)
    usb = s.root / f"usb-{tag}"
    usb.mkdir()
    r = s.f("export", "--to", usb)
    assert r.rc == 0, r.err
    (path,) = r.out.split()
    return Path(path)


def test_gap_is_reported_and_visible(tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    b1, b2, b3 = (_export_one(s, t) for t in ("one", "two", "three"))
    assert s.h("hq", "import", b1).rc == 0
    r = s.h("hq", "import", b3)
    assert r.rc == 0 and "gap" in r.out
    dev = s.h("hq", "devices", "--json").json()[0]
    assert dev["missing"] == [2]
    assert s.h("hq", "import", b2).rc == 0
    assert s.h("hq", "devices", "--json").json()[0]["missing"] == []
    v = run("verify", b1, b3, "--keyring", s.keyring)
    assert v.rc == 0 and "gap" in v.out


def test_fork_is_refused_and_changes_nothing(tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    twin = tmp_path / "field-twin"
    shutil.copytree(s.field, twin)  # a cloned laptop: same device key and sequence
    b1 = _export_one(s, "original")
    s_twin = Setup(tmp_path, s.hq, twin, s.keyring, s.device_id)
    fork = _export_one(s_twin, "forked")
    assert s.h("hq", "import", b1).rc == 0
    before = hq_state(s.hq)
    r = s.h("hq", "import", fork)
    assert r.rc == 1 and "fork" in r.out
    assert hq_state(s.hq) == before
    assert list((s.hq / "quarantine").glob("*.reason.txt"))
    v = run("verify", b1, fork, "--keyring", s.keyring)
    assert v.rc == 1 and "fork" in v.out


def test_revoked_device_and_other_hq(tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    b1 = _export_one(s, "before")
    s.h("hq", "revoke-device", s.device_id)
    before = hq_state(s.hq)
    r = s.h("hq", "import", b1)
    assert r.rc == 1 and "revoked" in r.out
    assert hq_state(s.hq) == before
    other = enrolled_pair(tmp_path / "other", distinct=True)
    r = run("--data-dir", other.hq, "hq", "import", b1, passphrase=HQ_PASS)
    assert r.rc == 1
    assert run("verify", b1, "--keyring", other.keyring).rc == 1


_CUTS: list[int | str] = [0, 1, 7, 64, 500, "half", -1, -64, -65, -200]
_PG_CUTS: list[int | str] = [0, 500, "half", -65]  # a subset on PostgreSQL (suite time)


@pytest.mark.parametrize(("cut", "hq_backend"),
                         [*((c, "sqlcipher") for c in _CUTS),
                          *((c, "postgresql") for c in _PG_CUTS)],
                         indirect=["hq_backend"])
def test_truncated_bundle_changes_nothing(tmp_path: Path, hq_backend: str | None,
                                         cut: int | str) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    good = _export_one(s, "x").read_bytes()
    end = len(good) // 2 if cut == "half" else int(cut)
    assert abs(end) < len(good)
    bad = tmp_path / "bad.intake"
    bad.write_bytes(good[:end])
    before = hq_state(s.hq)
    r = s.h("hq", "import", bad)
    assert r.rc == 1 and "rejected" in r.out
    assert hq_state(s.hq) == before
    assert run("verify", bad, "--keyring", s.keyring).rc == 1
    assert bad.read_bytes() == good[:end], "the source medium is left as it was"


def test_bit_flips_change_nothing(tmp_path: Path) -> None:
    # SQLCipher only (~20 s each): the truncations above cover refusals on PostgreSQL.
    s = enrolled_pair(tmp_path)
    good = _export_one(s, "flip").read_bytes()
    before = hq_state(s.hq)
    step = max(1, len(good) // 40)
    for off in [*range(0, len(good), step), len(good) - 1]:
        data = bytearray(good)
        data[off] ^= 0x01
        bad = tmp_path / f"flip-{off}.intake"
        bad.write_bytes(bytes(data))
        r = s.h("hq", "import", bad)
        assert r.rc == 1, f"flip at {off} accepted"
    assert hq_state(s.hq) == before
    good_path = tmp_path / "good.intake"
    good_path.write_bytes(good)
    assert s.h("hq", "import", good_path).rc == 0


def test_field_errors(tmp_path: Path) -> None:
    d = tmp_path / "field"
    ok("--data-dir", d, "init", passphrase=FIELD_PASS)
    r = run("--data-dir", d, "export", "--to", tmp_path, passphrase=FIELD_PASS)
    assert r.rc == 1 and "not enrolled" in r.err
    bogus = tmp_path / "prov.sig"
    bogus.write_bytes(b"INTKSDOC garbage")
    r = run("--data-dir", d, "enroll", bogus, "--card-out", tmp_path / "c",
            passphrase=FIELD_PASS)
    assert r.rc == 1 and r.err.count("\n") == 1


def test_wrong_fingerprint_refuses_enrollment(tmp_path: Path) -> None:
    hq, field = tmp_path / "hq", tmp_path / "field"
    ok("--data-dir", hq, "hq", "init", "--org", "O", passphrase=HQ_PASS)
    ok("--data-dir", hq, "hq", "provision", "--out", tmp_path / "p.sig", passphrase=HQ_PASS)
    ok("--data-dir", field, "init", passphrase=FIELD_PASS)
    r = run("--data-dir", field, "enroll", tmp_path / "p.sig", "--card-out", tmp_path / "c",
            "--expect-fingerprint", "12345 " * 9 + "12345", passphrase=FIELD_PASS)
    assert r.rc == 1 and "mismatch" in r.err
    assert not (tmp_path / "c").exists()
