"""Property tests: any change to a valid bundle is refused with BundleError, nothing else."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake_app.crypto import Keyring, open_bundle, verify_bundle
from intake_app.errors import BundleError

from .test_crypto_vectors import VECTORS, mv

RING = Keyring.load((VECTORS / "good" / "keyring.sdoc").read_bytes(), mv.HQ_SIGN.verify_key)
GOOD = (VECTORS / "good" / "good-2-attachment.bndl").read_bytes()
OTHER = (VECTORS / "good" / "good-1-records.bndl").read_bytes()


def outcome(data: bytes) -> str:
    """'ok' or the BundleError kind; any other exception fails the test. Runs the
    auditor verify, the two-pass open and the single-pass open; all must agree on
    accept/refuse."""
    results = []
    for single in (False, True):
        try:
            if not single:
                verify_bundle(io.BytesIO(data), RING)
            for item in open_bundle(io.BytesIO(data), [mv.HQ_MAIN], RING, single_pass=single):
                for _ in item.chunks():
                    pass
        except BundleError as e:
            results.append(e.kind)
        else:
            results.append("ok")
    assert (results[0] == "ok") == (results[1] == "ok"), results
    return results[0]


mutations = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, len(GOOD) - 1), st.integers(0, 7)),
    st.tuples(st.just("truncate"), st.integers(0, len(GOOD) - 1), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, len(GOOD)), st.integers(0, 255)),
    st.tuples(st.just("delete"), st.integers(0, len(GOOD) - 1), st.integers(1, 64)),
    st.tuples(st.just("splice"), st.integers(0, len(GOOD) - 1), st.integers(1, 2000)),
    st.tuples(st.just("set"), st.integers(0, len(GOOD) - 1), st.integers(0, 255)),
)


def mutate(data: bytes, m: tuple[str, int, int]) -> bytes:
    op, at, arg = m
    if not data:
        return data + bytes([arg & 0xFF]) if op == "insert" else data
    at = at % (len(data) + (op == "insert"))
    if op == "flip":
        b = bytearray(data)
        b[at] ^= 1 << arg
        return bytes(b)
    if op == "truncate":
        return data[:at]
    if op == "insert":
        return data[:at] + bytes([arg]) + data[at:]
    if op == "delete":
        return data[:at] + data[at + arg :]
    if op == "set":
        return data[:at] + bytes([arg]) + data[at + 1 :]
    src = at % max(1, len(OTHER) - arg)  # splice: overwrite with bytes of another bundle
    return data[:at] + OTHER[src : src + arg] + data[at + arg :]


def test_unmodified_is_accepted() -> None:
    assert outcome(GOOD) == "ok"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutations, min_size=1, max_size=3))
def test_any_mutation_is_refused_or_identical(ms: list[tuple[str, int, int]]) -> None:
    data = GOOD
    for m in ms:
        data = mutate(data, m)
    result = outcome(data)
    if data in (GOOD, OTHER):  # unchanged, or spliced into exactly the other valid bundle
        assert result == "ok"
    else:
        assert result != "ok"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes_never_crash(data: bytes) -> None:
    assert outcome(data) != "ok"
    assert outcome(GOOD[:200] + data) != "ok"
