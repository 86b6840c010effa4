"""The adversarial corpus: every case is refused with exactly its expected kind."""

from __future__ import annotations

import collections
import io
import json

import pytest

from intake_app.crypto import Keyring, check_chain, enforce_chain, open_bundle, verify_bundle
from intake_app.errors import BUNDLE_ERROR_KINDS, BundleError

from .test_crypto_vectors import VECTORS, mv

BAD = VECTORS / "bad"
MANIFEST: dict[str, dict] = json.loads((BAD / "manifest.json").read_text())  # type: ignore[type-arg]
RING = Keyring.load((VECTORS / "good" / "keyring.sdoc").read_bytes(), mv.HQ_SIGN.verify_key)


def test_corpus_size_and_coverage() -> None:
    assert len(MANIFEST) >= 40
    assert sorted(p.name for p in BAD.glob("*.bndl")) == sorted(
        c["file"] for c in MANIFEST.values()
    )
    by_kind = collections.Counter(c["expect"] for c in MANIFEST.values())
    assert set(by_kind) == set(BUNDLE_ERROR_KINDS)


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_bad_case(name: str) -> None:
    case = MANIFEST[name]
    data = (BAD / case["file"]).read_bytes()
    stage, expect = case["stage"], case["expect"]
    if stage == "verify":
        with pytest.raises(BundleError) as e:
            verify_bundle(io.BytesIO(data), RING)
        assert e.value.kind == expect, str(e.value)
        return
    # open and chain cases are validly signed: an auditor's verify accepts them
    v = verify_bundle(io.BytesIO(data), RING)
    if stage == "open":
        fh = io.BytesIO(data)
        with pytest.raises(BundleError) as e:
            for item in open_bundle(fh, [mv.HQ_MAIN, mv.HQ_BACKUP], RING):
                for _ in item.chunks():
                    pass
        assert e.value.kind == expect, str(e.value)
        return
    assert stage == "chain"
    known = {d: [(s, h) for s, h in es] for d, es in case["known"].items()}
    findings = check_chain([v], known)
    hits = [f for f in findings if f.kind == case["finding"]]
    assert hits, findings
    assert hits[0].error().kind == expect
    if hits[0].refuse:
        with pytest.raises(BundleError) as e:
            enforce_chain(findings)
        assert e.value.kind == "chain"


def test_open_commits_nothing_before_a_late_failure() -> None:
    """A bad MAC on the last chunk surfaces before the iterator completes."""
    data = (BAD / "p-bad-mac-last.bndl").read_bytes()
    seen = []
    with pytest.raises(BundleError):
        for item in open_bundle(io.BytesIO(data), [mv.HQ_MAIN], RING):
            seen.append(item.kind)
            for _ in item.chunks():
                pass
    assert seen  # earlier items were yielded, but the iterator never finished cleanly


def test_resigned_by_other_device_passes_audit_but_not_hq() -> None:
    data = (BAD / "p-resigned-other-device.bndl").read_bytes()
    v = verify_bundle(io.BytesIO(data), RING)
    assert v.device_id == "dev-b"
    with pytest.raises(BundleError) as e:
        list(open_bundle(io.BytesIO(data), [mv.HQ_MAIN], RING))
    assert e.value.kind == "payload"


@pytest.mark.parametrize("name", sorted(n for n, c in MANIFEST.items() if c["stage"] != "chain"))
def test_bad_case_single_pass(name: str) -> None:
    """HQ's single-pass open refuses every case too. A ciphertext that does not match the
    signed hash may surface as 'payload' (a chunk fails to decrypt before the hash is done)."""
    case = MANIFEST[name]
    data = (BAD / case["file"]).read_bytes()
    with pytest.raises(BundleError) as e:
        for item in open_bundle(io.BytesIO(data), [mv.HQ_MAIN], RING, single_pass=True):
            for _ in item.chunks():
                pass
    ok = {case["expect"]} | ({"payload"} if case["expect"] == "signature" else set())
    assert e.value.kind in ok, str(e.value)
