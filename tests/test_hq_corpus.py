"""The adversarial corpus (tests/vectors/bad) against the real HQ profile and CLI.

An HQ profile is given the vectors' fixed keys, so every case reaches the same
code path a real bundle does: `intake verify` fails verify-stage cases with the
right class, and `hq import` refuses every case (or reports a replay as a no-op)
without changing anything in the HQ store.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from intake_app.services.hq import HQService
from tests.cli_helpers import HQ_PASS, run
from tests.pg_helpers import PgServer
from tests.test_bundle_flow import hq_state

from .test_crypto_vectors import VECTORS, mv

BAD = VECTORS / "bad"
KEYRING = VECTORS / "good" / "keyring.sdoc"
MANIFEST: dict[str, dict] = json.loads((BAD / "manifest.json").read_text())  # type: ignore[type-arg]


@pytest.fixture(scope="module")
def vector_hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An HQ profile holding the vectors' keys and devices."""
    d = tmp_path_factory.mktemp("vector-hq") / "hq"
    svc = HQService(d)
    svc.create(HQ_PASS)
    ring = mv.keyring()
    with svc._store.transaction() as conn:
        conn.execute("INSERT INTO meta VALUES ('hq_id', ?)", (ring.hq_id,))
        conn.execute("INSERT INTO meta VALUES ('org_name', ?)", (ring.org_name,))
        conn.execute("INSERT INTO hq_keys (purpose, label, secret, public_hex, created_at) "
                     "VALUES ('signing', 'signing', ?, ?, 0)",
                     (bytes(mv.HQ_SIGN), bytes(mv.HQ_SIGN.verify_key).hex()))
        for label, key in (("main", mv.HQ_MAIN), ("backup", mv.HQ_BACKUP)):
            conn.execute("INSERT INTO hq_keys (purpose, label, secret, public_hex, created_at) "
                         "VALUES ('recipient', ?, ?, ?, 0)",
                         (label, bytes(key), bytes(key.public_key).hex()))
        for dev in ring.devices.values():
            conn.execute(
                "INSERT INTO devices (device_id, public_hex, label, enrolled_at, revoked_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (dev.device_id, bytes(dev.public_key).hex(), dev.device_id,
                 dev.enrolled_at * 1000, None if dev.revoked_at is None else dev.revoked_at))
    svc.lock()
    yield d


def _set_known(hq_dir: Path, known: dict[str, list[list[object]]]) -> None:
    svc = HQService(hq_dir)
    svc.unlock(HQ_PASS)
    try:
        _known_in(svc, known)
    finally:
        svc.lock()


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_hq_import_refuses_and_changes_nothing(vector_hq: Path, name: str) -> None:
    case = MANIFEST[name]
    _set_known(vector_hq, case.get("known", {}))
    path = BAD / case["file"]
    original = path.read_bytes()
    before = hq_state(vector_hq)
    svc = HQService(vector_hq)
    svc.unlock(HQ_PASS)
    try:
        outcome = svc.import_bundle(path)
    finally:
        svc.lock()
    assert hq_state(vector_hq) == before
    assert path.read_bytes() == original, "the source is left as it was"
    _check_outcome(case, outcome)


def _check_outcome(case: dict, outcome: Any) -> None:  # type: ignore[type-arg]
    if case.get("finding") == "duplicate":
        assert outcome.verdict == "duplicate"
        return
    assert outcome.verdict == "rejected", outcome
    if case["stage"] in ("verify", "open") or case.get("finding") in ("fork", "wrong-prev",
                                                                       "older"):
        # "older" is refused at HQ too: its successor names another bundle as prev.
        assert outcome.kind == case["expect"] or (
            case.get("finding") == "older" and outcome.kind in ("chain", "payload")), outcome


def test_hq_import_on_postgresql_refuses_and_changes_nothing(
        tmp_path: Path, pg_server: PgServer) -> None:
    """The cases that get past verification (open and chain stages: the store is read
    and written) against a team HQ's PostgreSQL store, in one unlocked service (the
    verify-stage ones are refused before any store is touched, as above)."""
    from intake_app.services import hq_backend

    d = tmp_path / "hq"
    svc = HQService(d, pg_server.store_url(pg_server.new_database("corpus")))
    svc._new_pg = hq_backend.open_empty(str(svc._database), None)
    svc.create(HQ_PASS)
    ring = mv.keyring()
    keys = [("signing", "signing", bytes(mv.HQ_SIGN), bytes(mv.HQ_SIGN.verify_key).hex())]
    keys += [("recipient", label, bytes(k), bytes(k.public_key).hex())
             for label, k in (("main", mv.HQ_MAIN), ("backup", mv.HQ_BACKUP))]
    hq_backend.add_keys(svc._local, svc._store, keys, 0)
    with svc._store.transaction() as conn:
        conn.execute("INSERT INTO meta VALUES ('hq_id', ?)", (ring.hq_id,))
        conn.execute("INSERT INTO meta VALUES ('org_name', ?)", (ring.org_name,))
        for dev in ring.devices.values():
            conn.execute(
                "INSERT INTO devices (device_id, public_hex, label, enrolled_at, revoked_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (dev.device_id, bytes(dev.public_key).hex(), dev.device_id,
                 dev.enrolled_at * 1000, None if dev.revoked_at is None else dev.revoked_at))
    svc.lock()
    svc.unlock(HQ_PASS)  # as a later session: the profile names the database
    try:
        assert svc._store.dialect == "postgresql"
        names = sorted(n for n, c in MANIFEST.items() if c["stage"] != "verify")
        assert len(names) >= 40
        for name in names:
            case = MANIFEST[name]
            _known_in(svc, case.get("known", {}))
            before = _state(svc)
            _check_outcome(case, svc.import_bundle(BAD / case["file"]))
            assert _state(svc) == before, name
    finally:
        svc.lock()


def _known_in(svc: HQService, known: dict[str, list[list[object]]]) -> None:
    with svc._store.transaction() as conn:
        conn.execute("DELETE FROM received_bundles")
        for dev, entries in known.items():
            for seq, h in entries:
                conn.execute(
                    "INSERT INTO received_bundles (device_id, seq, statement_hash, prev, size, "
                    "record_count, created_at, imported_at) VALUES (?, ?, ?, '', 0, 0, 0, 0)",
                    (dev, seq, h))


def _state(svc: HQService) -> dict[str, Any]:
    """As test_bundle_flow.hq_state, on an open service."""
    tables = ["records", "revisions", "attachments", "attachment_chunks", "received_bundles",
              "record_sources", "devices", "cases", "case_records", "person_keys"]
    return {t: sorted(map(tuple, svc._store.execute(f"SELECT * FROM {t}").fetchall()))
            for t in tables} | {"fts": svc._store.execute(
                "SELECT count(*) FROM records_fts").fetchone()[0]}  # fmt: skip


@pytest.mark.parametrize("name", sorted(n for n, c in MANIFEST.items() if c["stage"] == "verify"))
def test_cli_verify_fails_with_the_class(name: str) -> None:
    case = MANIFEST[name]
    r = run("verify", BAD / case["file"], "--keyring", KEYRING, "--json")
    assert r.rc == 1
    (bundle,) = r.json()["bundles"]
    assert bundle["ok"] is False and bundle["kind"] == case["expect"], bundle
