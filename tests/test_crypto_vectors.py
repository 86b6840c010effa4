"""Fixed test vectors: regenerate byte-identically, verify and open to known plaintext."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from nacl.public import PrivateKey
from nacl.signing import SigningKey

from intake_app.crypto import Keyring, read_receipt, verify_bundle
from intake_app.crypto.bundle import chunk_ad, header_hash, stream_key
from intake_app.crypto.keys import fingerprint_bytes

VECTORS = Path(__file__).resolve().parent / "vectors"


def load_mv() -> ModuleType:
    if "intake_make_vectors" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "intake_make_vectors", VECTORS / "make_vectors.py"
        )
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        sys.modules["intake_make_vectors"] = mod
        spec.loader.exec_module(mod)
    return sys.modules["intake_make_vectors"]


mv = load_mv()
INFO = json.loads((VECTORS / "good" / "vectors.json").read_text())


def ring() -> Keyring:
    return Keyring.load((VECTORS / "good" / "keyring.sdoc").read_bytes(), mv.HQ_SIGN.verify_key)


def test_regenerating_gives_identical_bytes(tmp_path: Path) -> None:
    written = mv.generate(tmp_path)
    committed = sorted(
        p.relative_to(VECTORS)
        for p in VECTORS.rglob("*")
        if p.is_file() and p.suffix in {".bndl", ".sdoc", ".json"}
    )
    fresh = sorted(p.relative_to(tmp_path) for p in written)
    assert fresh == committed
    for rel in fresh:
        assert (tmp_path / rel).read_bytes() == (VECTORS / rel).read_bytes(), rel


def test_keys_in_json_match_fixed_seeds() -> None:
    k = INFO["keys"]
    sk = SigningKey(bytes.fromhex(k["device dev-a"]["seed"]))
    assert bytes(sk.verify_key).hex() == k["device dev-a"]["public"]
    pk = PrivateKey(bytes.fromhex(k["hq recipient main"]["secret"])).public_key
    assert bytes(pk).hex() == k["hq recipient main"]["public"]
    assert fingerprint_bytes(bytes(pk)).hex() == INFO["fingerprints"]["hq recipient main"]


def test_intermediate_values() -> None:
    data = (VECTORS / "good" / "good-1-records.bndl").read_bytes()
    iv = INFO["good-1-records intermediates"]
    h = header_hash(data[: mv.hlen(data)])
    assert h.hex() == iv["header_hash"]
    assert stream_key(bytes.fromhex(iv["file_key"]), h).hex() == iv["stream_key"]
    assert chunk_ad(h, 0).hex() == iv["chunk_ad_0"]


@pytest.mark.parametrize("name", sorted(INFO["bundles"]))
def test_good_vector_verifies_and_opens(name: str) -> None:
    b = INFO["bundles"][name]
    data = (VECTORS / b["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == b["sha256"]
    v = verify_bundle(io.BytesIO(data), ring())
    assert v.statement_hash.hex() == b["statement_hash"]
    keys = [PrivateKey(bytes.fromhex(INFO["keys"]["hq recipient main"]["secret"]))]
    got = mv.open_all(data, keys, ring())
    assert [
        (k, json.dumps(m, sort_keys=True, separators=(",", ":")), len(d)) for k, m, d in got
    ] == [(i["kind"], i["meta"], i["data_len"]) for i in b["items"]]
    assert [hashlib.sha256(d).hexdigest() for _, _, d in got] == [
        i["data_sha256"] for i in b["items"]
    ]


def test_backup_key_opens_multi_recipient_vector() -> None:
    data = (VECTORS / "good" / "good-2-attachment.bndl").read_bytes()
    got = mv.open_all(data, [mv.HQ_BACKUP], ring())
    assert got[2][2] == mv.ATTACHMENT


def test_vectors_chain_together() -> None:
    from intake_app.crypto import check_chain

    vs = [
        verify_bundle(io.BytesIO((VECTORS / INFO["bundles"][n]["file"]).read_bytes()), ring())
        for n in sorted(INFO["bundles"])
    ]
    assert [v.sequence for v in vs] == [1, 2, 3]
    assert check_chain(vs) == []


def test_builder_matches_writer() -> None:
    """The independent builder used for the bad corpus reproduces the writer's bytes."""
    spec = mv.Spec(rng="good-2-attachment", sequence=2, created_at=mv.CREATED_AT + 2)
    spec.prev = bytes.fromhex(INFO["bundles"]["good-1-records"]["statement_hash"])
    assert mv.build(spec) == (VECTORS / "good" / "good-2-attachment.bndl").read_bytes()


def test_receipt_vector() -> None:
    r = read_receipt((VECTORS / "good" / "receipt.sdoc").read_bytes(), mv.HQ_SIGN.verify_key)
    assert r.device_id == "dev-a" and len(r.entries) == 3
