"""Finding 4: an HQ insider who rewrites the event log and signs it again is caught by
a witness kept outside HQ: the auditor's kept checkpoint, the log head a receipt carried
to a field laptop, the signed checkpoint beside an export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake_app.crypto import read_receipt
from intake_app.hq import eventlog
from intake_app.services.hq import HQService
from tests.cli_helpers import HQ_PASS, Setup, enrolled_pair, example_values, run
from tests.pg_helpers import PgServer


@pytest.fixture
def own_backend(hq_backend: str | None, request: pytest.FixtureRequest) -> str | None:
    """``hq_backend`` with a database of its own: the insider drops the log's triggers,
    which a truncated module database would otherwise lose for the next test."""
    if hq_backend is None:
        return None
    server: PgServer = request.getfixturevalue("pg_server")
    return server.store_url(server.new_database("witness"))


def _bundle(s: Setup, tag: str) -> Path:
    f = s.root / "v.json"
    f.write_text(json.dumps(example_values(interviewer_notes=tag)), encoding="utf-8")
    rid = s.f("record", "new", "--form", "hrd_intake", "--json", f).out.strip()
    assert s.f("record", "finalize", rid).rc == 0
    usb = s.root / f"usb-{tag}"
    usb.mkdir()
    r = s.f("export", "--to", usb)
    assert r.rc == 0, r.err
    return Path(r.out.split()[0])


def _insider_rewrites_log(hq: Path, drop_kind: str) -> None:
    """What HQ itself can do: drop the triggers, delete an entry, re-chain, re-sign."""
    svc = HQService(hq)
    svc.unlock(HQ_PASS)
    try:
        entries = eventlog.read_entries(svc._store)
        dropped = next(e for e in entries if e.kind == drop_kind)
        sk = svc.signing_key()
        with svc._store.transaction() as conn:
            on = " ON hq_events" if type(svc._store).__name__ == "PgDatabase" else ""
            conn.execute("DROP TRIGGER hq_events_no_delete" + on)
            conn.execute("DROP TRIGGER hq_events_chained_final" + on)
            conn.execute("DELETE FROM hq_events")
            conn.execute("DELETE FROM hq_log_checkpoints")
            for e in entries:
                if e is not dropped:
                    eventlog.append_entry(conn, kind=e.kind, detail=e.detail, at=e.at,
                                          signing_key=sk, hq_id=svc.hq_id)
    finally:
        svc.lock()


def test_rewritten_log_is_caught_by_witnesses(tmp_path: Path, own_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=own_backend)
    b1 = _bundle(s, "one")
    assert s.h("hq", "import", b1).rc == 0
    auditor = {"INTAKE_AUDITOR_DIR": str(tmp_path / "auditor")}

    def verify(log: Path, *extra: str | Path) -> tuple[int, str]:
        r = run("verify", b1, "--keyring", s.keyring, "--log", log, *extra, env=auditor)
        return r.rc, r.out + r.err

    log1 = tmp_path / "log1.jsonl"
    assert s.h("hq", "log", "--out", log1).rc == 0
    assert verify(log1)[0] == 0  # the auditor keeps this log's checkpoint
    kept = list((tmp_path / "auditor").iterdir())
    assert len(kept) == 1 and kept[0].name.endswith(".log-checkpoint.sig")

    # Receipts carry the log head; the laptop keeps it and hands it to an auditor.
    assert s.h("hq", "receipts", "--out", tmp_path / "receipts").rc == 0
    assert s.f("receipts", "import", tmp_path / "receipts").rc == 0
    witness = tmp_path / "witness.sdoc"
    assert s.f("receipts", "witness", "--out", witness).rc == 0
    # An export carries a signed checkpoint for whoever receives it.
    assert s.h("hq", "export", "--format", "jsonl", "--out", tmp_path / "x.jsonl").rc == 0
    export_cp = tmp_path / "x.jsonl.log-checkpoint.sig"
    assert export_cp.exists()

    # An honest HQ's later log extends every witness.
    log2 = tmp_path / "log2.jsonl"
    assert s.h("hq", "log", "--out", log2).rc == 0
    rc, out = verify(log2, "--since", witness, "--since", export_cp, "--since", log1)
    assert rc == 0, out

    _insider_rewrites_log(s.hq, "enroll")
    log3 = tmp_path / "log3.jsonl"
    assert s.h("hq", "log", "--out", log3).rc == 0
    # On its own the rewritten log verifies: HQ signed it again. That is the finding.
    rc, out = verify(log3, "--no-kept-checkpoint")
    assert rc == 0, out
    # Every witness kept outside HQ contradicts it.
    rc, out = verify(log3)
    assert rc == 1 and "rewritten" in out
    for w in (witness, export_cp, log1):
        rc, out = verify(log3, "--no-kept-checkpoint", "--since", w)
        assert rc == 1 and "rewritten" in out, (w, out)


def test_deleting_the_tail_is_caught(tmp_path: Path, own_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=own_backend)
    b1 = _bundle(s, "one")
    assert s.h("hq", "import", b1).rc == 0
    log1 = tmp_path / "log1.jsonl"
    assert s.h("hq", "log", "--out", log1).rc == 0
    _insider_rewrites_log(s.hq, "log-export")  # also drops everything after: size shrinks
    svc = HQService(s.hq)
    svc.unlock(HQ_PASS)
    try:
        data = svc.log_bytes()
        ring = svc.keyring()
    finally:
        svc.lock()
    check = eventlog.verify_log(data, ring.hq_signing_key, ring.hq_id)
    assert check.ok
    w = eventlog.read_witness(log1.read_bytes(), ring.hq_signing_key, ring.hq_id)
    problem = eventlog.extension_problem(check, w)
    assert problem is not None


def test_receipt_log_head_is_signed_and_optional() -> None:
    from nacl.signing import SigningKey

    from intake_app.crypto import make_receipt

    sk = SigningKey(bytes(range(32)))
    plain = make_receipt(sk, "hq-1", "dev-a", [(1, "a" * 64)])
    assert read_receipt(plain, sk.verify_key).log is None
    withlog = make_receipt(sk, "hq-1", "dev-a", [(1, "a" * 64)], log=(7, "b" * 64))
    assert read_receipt(withlog, sk.verify_key).log == (7, "b" * 64)
