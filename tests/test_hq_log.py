"""HQ's hash-chained, signed event log; ``intake verify --log`` and ``--report``."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3 as sqlite3  # the bundled SQLite (>= 3.42, FTS5 secure-delete)
from nacl.signing import SigningKey

from intake_app.crypto.canonical import canonical_json
from intake_app.hq import eventlog
from intake_app.store import schema
from tests.cli_helpers import FIELD_PASS, Setup, enrolled_pair, example_values, run

SK = SigningKey(bytes(range(32)))
HQ_ID = "hq-000000000001"


def _bundle(s: Setup, tag: str) -> Path:
    f = s.root / "v.json"
    f.write_text(json.dumps(example_values(interviewer_notes=tag), ensure_ascii=False),
                 encoding="utf-8")
    rid = s.f("record", "new", "--form", "hrd_intake", "--json", f).out.strip()
    assert s.f("record", "finalize", rid).rc == 0
    usb = s.root / f"usb-{tag}"
    usb.mkdir()
    r = s.f("export", "--to", usb)
    assert r.rc == 0, r.err
    return Path(r.out.split()[0])


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory,
            hq_backend_module: str | None) -> dict[str, Any]:
    """An HQ that imported two bundles, rejected one, wrote receipts and revoked a device."""
    root = tmp_path_factory.mktemp("log")
    with pytest.MonkeyPatch.context() as mp:
        (root / "tmp").mkdir()
        mp.setenv("TMPDIR", str(root / "tmp"))
        mp.delenv("INTAKE_PASSPHRASE", raising=False)
        s = enrolled_pair(root, database=hq_backend_module)
        b1, b2, b3 = (_bundle(s, t) for t in ("one", "two", "three"))
        bad = root / "bad.intake"
        bad.write_bytes(b1.read_bytes()[:-10])
        assert s.h("hq", "import", b1, b2).rc == 0
        assert s.h("hq", "import", bad).rc == 1
        assert s.h("hq", "receipts", "--out", root / "receipts").rc == 0
        # A second laptop, enrolled then revoked (lost at a checkpoint).
        f2 = root / "field2"
        assert run("--data-dir", f2, "init", passphrase=FIELD_PASS).rc == 0
        r = run("--data-dir", f2, "enroll", root / "prov.sig", "--card-out", root / "c2.sig",
                "--expect-fingerprint", s.h("hq", "fingerprint").out.strip(),
                passphrase=FIELD_PASS)
        assert r.rc == 0, r.err
        lost = r.out.split(" as ")[1].split()[0]
        assert s.h("hq", "enroll-device", root / "c2.sig").rc == 0
        assert s.h("hq", "revoke-device", lost).rc == 0
        assert s.h("hq", "keyring", "--out", root / "keyring2.sig").rc == 0
        assert s.h("hq", "log", "--out", root / "log.jsonl").rc == 0
        yield {"s": s, "b1": b1, "b2": b2, "b3": b3, "root": root, "lost": lost,
               "keyring": root / "keyring2.sig", "log": root / "log.jsonl"}


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def _write(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.write_bytes(b"".join(canonical_json(x) + b"\n" for x in lines))
    return path


def _rechain(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What a forger without HQ's key can do: renumber and recompute every hash."""
    prev, seq, out = eventlog.GENESIS, 0, []
    for x in lines:
        if x["type"] == "entry":
            seq += 1
            x = dict(x, seq=seq, prev=prev)
            x["hash"] = prev = eventlog.entry_hash(seq, x["at"], x["kind"], x["detail"], prev)
        out.append(x)
    return out


def _verify(a: dict[str, Any], log: Path, *bundles: Path, keyring: Path | None = None
            ) -> Any:
    return run("verify", *(bundles or (a["b1"], a["b2"])), "--keyring",
               keyring or a["keyring"], "--log", log)


def test_log_records_every_event_and_verifies(audited: dict[str, Any]) -> None:
    lines = _lines(audited["log"])
    assert lines[0]["type"] == "intake-hq-log"
    kinds = [x["kind"] for x in lines if x["type"] == "entry"]
    assert kinds[0] == "init" and kinds[1] == "enroll"
    assert kinds.count("import") == 2 and "reject" in kinds and "receipt" in kinds
    assert "revoke" in kinds and kinds[-1] == "log-export"
    assert lines[-1]["type"] == "checkpoint"
    r = _verify(audited, audited["log"])
    assert r.rc == 0, r.out
    assert "log intact" in r.out and r.out.count("LOGGED") == 2
    j = run("verify", audited["b1"], "--keyring", audited["keyring"], "--log", audited["log"],
            "--json").json()
    assert j["ok"] and j["log"]["ok"] and j["log"]["bundles"][0]["entry"] is not None


def test_without_log_output_is_unchanged(audited: dict[str, Any]) -> None:
    r = run("verify", audited["b1"], "--keyring", audited["keyring"])
    assert r.rc == 0 and len(r.out.splitlines()) == 2 and "LOG" not in r.out
    assert "log" not in run("verify", audited["b1"], "--keyring", audited["keyring"],
                            "--json").json()


def test_removed_entry_is_detected(audited: dict[str, Any], tmp_path: Path) -> None:
    lines = _lines(audited["log"])
    i = next(i for i, x in enumerate(lines) if x.get("kind") == "reject")
    bad = _write(tmp_path / "removed.jsonl", lines[:i] + lines[i + 1:])
    r = _verify(audited, bad)
    assert r.rc == 1 and "log FAILED" in r.out
    assert "removed or reordered" in r.out and "does not chain" in r.out
    # Renumbering and re-hashing everything does not help: the signed checkpoint differs.
    forged = _write(tmp_path / "removed2.jsonl", _rechain(lines[:i] + lines[i + 1:]))
    r = _verify(audited, forged)
    assert r.rc == 1 and "does not match the entries" in r.out


def test_reordered_entries_are_detected(audited: dict[str, Any], tmp_path: Path) -> None:
    lines = _lines(audited["log"])
    idx = [i for i, x in enumerate(lines) if x["type"] == "entry"]
    a, b = idx[2], idx[3]
    lines[a], lines[b] = lines[b], lines[a]
    r = _verify(audited, _write(tmp_path / "reordered.jsonl", lines))
    assert r.rc == 1 and "out of place" in r.out
    r = _verify(audited, _write(tmp_path / "reordered2.jsonl", _rechain(lines)))
    assert r.rc == 1 and "does not match the entries" in r.out


def test_edited_entry_is_detected(audited: dict[str, Any], tmp_path: Path) -> None:
    lines = _lines(audited["log"])
    i = next(i for i, x in enumerate(lines) if x.get("kind") == "revoke")
    lines[i] = dict(lines[i], detail={"device_id": "dev-someone-else"})
    r = _verify(audited, _write(tmp_path / "edited.jsonl", lines))
    assert r.rc == 1 and "was edited" in r.out
    r = _verify(audited, _write(tmp_path / "edited2.jsonl", _rechain(lines)))
    assert r.rc == 1 and "does not match the entries" in r.out
    # Editing the time of the very last entry is caught by the final checkpoint.
    lines = _lines(audited["log"])
    lines[-2] = dict(lines[-2], at=lines[-2]["at"] + 1)
    r = _verify(audited, _write(tmp_path / "edited3.jsonl", _rechain(lines)))
    assert r.rc == 1


def test_erasing_an_import_is_detected(audited: dict[str, Any], tmp_path: Path) -> None:
    lines = _lines(audited["log"])
    b2_hash = run("verify", audited["b2"], "--keyring", audited["keyring"],
                  "--json").json()["bundles"][0]["statement_hash"]
    keep = [x for x in lines if x.get("detail", {}).get("statement_hash") != b2_hash]
    r = _verify(audited, _write(tmp_path / "erased.jsonl", _rechain(keep)))
    assert r.rc == 1 and "NOT LOGGED" in r.out and str(audited["b2"]) in r.out


def test_missing_or_forged_checkpoints(audited: dict[str, Any], tmp_path: Path) -> None:
    lines = _lines(audited["log"])
    r = _verify(audited, _write(tmp_path / "nocp.jsonl", lines[:-1]))
    assert r.rc == 1 and "not covered by a signed checkpoint" in r.out
    # Dropping the tail and the final checkpoint with it.
    cut = [x for x in lines[:-3] if x["type"] == "entry" or x is lines[0]]
    r = _verify(audited, _write(tmp_path / "tail.jsonl", cut))
    assert r.rc == 1 and "not covered" in r.out
    # A checkpoint signed by someone else over a forged chain.
    forged = _rechain([x for x in lines if x["type"] != "checkpoint"])
    n = sum(1 for x in forged if x["type"] == "entry")
    doc = eventlog.checkpoint_document(SigningKey.generate(), lines[0]["hq_id"], n,
                                       forged[-1]["hash"], 1)
    forged.append({"type": "checkpoint", "size": n,
                   "document": base64.b64encode(doc).decode()})
    r = _verify(audited, _write(tmp_path / "forged.jsonl", forged))
    assert r.rc == 1 and "checkpoint refused" in r.out
    # Garbage lines and another HQ's keyring.
    (tmp_path / "junk.jsonl").write_bytes(audited["log"].read_bytes() + b"{not json}\n")
    assert _verify(audited, tmp_path / "junk.jsonl").rc == 1
    other = enrolled_pair(tmp_path / "other", distinct=True)
    r = run("verify", audited["b1"], "--keyring", other.keyring, "--log", audited["log"])
    assert r.rc == 1 and "not" in r.out


def test_bundle_imported_after_the_log_was_written(audited: dict[str, Any],
                                                   tmp_path: Path) -> None:
    r = _verify(audited, audited["log"], audited["b1"], audited["b3"])
    # b3 verifies but HQ never imported it: the log does not know it.
    assert r.rc == 1 and "NOT LOGGED" in r.out and str(audited["b3"]) in r.out
    assert r.out.count("OK    ") == 2


def test_html_report(audited: dict[str, Any], tmp_path: Path) -> None:
    s: Setup = audited["s"]
    odd = tmp_path / "<b>odd<i>&name.intake"
    shutil.copyfile(audited["b2"], odd)
    report = tmp_path / "audit.html"
    r = run("verify", audited["b1"], odd, audited["b3"], "--keyring", audited["keyring"],
            "--log", audited["log"], "--report", report)
    assert r.rc == 1  # b3 was never imported
    html = report.read_text(encoding="utf-8")
    fp = run("verify", audited["b1"], "--keyring", audited["keyring"],
             "--json").json()["keyring"]["fingerprint"]
    assert fp in html and s.device_id in html and "Test Org" in html
    assert "&lt;b&gt;odd&lt;i&gt;&amp;name.intake" in html and "<b>odd" not in html
    assert audited["lost"] in html and "revoked" in html and "Revocations" in html
    assert "continuous 1-3" in html and "intact" in html and "entry " in html
    assert "<script" not in html and "http" not in html.replace("http-equiv", "")
    # Gaps are shown.
    r = run("verify", audited["b1"], audited["b3"], "--keyring", s.keyring,
            "--report", tmp_path / "gap.html")
    assert r.rc == 0
    assert "gaps: sequence 2" in (tmp_path / "gap.html").read_text(encoding="utf-8")
    r = run("verify", audited["b1"], "--keyring", s.keyring, "--report", tmp_path / "a.pdf")
    assert r.rc == 2 and "PDF" in r.err


# -- the chain on a bare store ---------------------------------------------------------


def _store() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for stmts in schema.MIGRATIONS:
        for stmt in stmts:
            conn.execute(stmt)
    return conn


def test_periodic_checkpoints_and_verify() -> None:
    conn = _store()
    for i in range(130):
        eventlog.append_entry(conn, kind="import", detail={"n": i, "t": "پشاور"}, at=1000 + i,
                              signing_key=SK, hq_id=HQ_ID, every=64)
    sizes = [r[0] for r in conn.execute("SELECT size FROM hq_log_checkpoints ORDER BY id")]
    assert sizes == [64, 128]
    eventlog.add_checkpoint(conn, SK, HQ_ID, 5000)
    data = eventlog.export_lines(conn, hq_id=HQ_ID, org_name="O", hq_key=SK.verify_key,
                                 exported_at=5000)
    check = eventlog.verify_log(data, SK.verify_key, HQ_ID)
    assert check.ok, check.problems
    assert check.size == 130 and [c.size for c in check.checkpoints] == [64, 128, 130]
    assert check.head == conn.execute("SELECT hash FROM hq_events WHERE id = 130").fetchone()[0]
    # A middle checkpoint that no longer matches is reported even if the tail is re-signed.
    lines = data.split(b"\n")
    entry5 = json.loads(lines[5])
    entry5["detail"] = {"n": 999}
    lines[5] = canonical_json(entry5)
    bad = eventlog.verify_log(b"\n".join(lines), SK.verify_key, HQ_ID)
    assert not bad.ok and any("edited" in p for p in bad.problems)


def test_legacy_rows_are_chained_on_next_append() -> None:
    conn = _store()
    for i in range(3):  # written before migration 3: no prev, no hash
        conn.execute("INSERT INTO hq_events (at, kind, detail) VALUES (?, ?, ?)",
                     (i, "import", json.dumps({"device_id": "d", "seq": i}, sort_keys=True)))
    e = eventlog.append_entry(conn, kind="revoke", detail={"device_id": "d"}, at=9,
                              signing_key=SK, hq_id=HQ_ID)
    assert e.seq == 4
    eventlog.add_checkpoint(conn, SK, HQ_ID, 10)
    data = eventlog.export_lines(conn, hq_id=HQ_ID, org_name="O", hq_key=SK.verify_key,
                                 exported_at=10)
    check = eventlog.verify_log(data, SK.verify_key, HQ_ID)
    assert check.ok, check.problems
    assert [x.detail for x in check.entries][:2] == [{"device_id": "d", "seq": 0},
                                                     {"device_id": "d", "seq": 1}]


def test_log_is_append_only_in_the_store() -> None:
    conn = _store()
    eventlog.append_entry(conn, kind="init", detail={}, at=1, signing_key=SK, hq_id=HQ_ID)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM hq_events")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE hq_events SET kind = 'x'")


def test_empty_and_foreign_logs() -> None:
    assert not eventlog.verify_log(b"", SK.verify_key, HQ_ID).ok
    conn = _store()
    eventlog.append_entry(conn, kind="init", detail={}, at=1, signing_key=SK, hq_id=HQ_ID)
    eventlog.add_checkpoint(conn, SK, HQ_ID, 2)
    data = eventlog.export_lines(conn, hq_id=HQ_ID, org_name="O", hq_key=SK.verify_key,
                                 exported_at=2)
    assert eventlog.verify_log(data, SK.verify_key, HQ_ID).ok
    other = SigningKey.generate()
    check = eventlog.verify_log(data, other.verify_key, HQ_ID)
    assert not check.ok and any("another HQ signing key" in p for p in check.problems)
    assert not eventlog.verify_log(data, SK.verify_key, "hq-ffffffffffff").ok
