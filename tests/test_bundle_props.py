"""Property: any mutation of a real bundle is refused by HQ with nothing changed,
unless the bytes are unchanged (then it imports, once)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake_app.errors import BundleError
from intake_app.models import ImportOutcome
from intake_app.services.hq import HQService
from tests.cli_helpers import HQ_PASS, enrolled_pair
from tests.test_bundle_flow import _export_one, hq_state

_cache: dict[str, object] = {}


def _world() -> tuple[Path, bytes]:
    if "world" not in _cache:
        root = Path(tempfile.mkdtemp(prefix="intake-props-"))
        s = enrolled_pair(root)
        _cache["world"] = (s.hq, _export_one(s, "prop").read_bytes())
    return _cache["world"]  # type: ignore[return-value]


@st.composite
def mutations(draw: st.DrawFn) -> bytes:
    _hq, good = _world()
    data = bytearray(good)
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["flip", "set", "cut", "insert", "delete", "splice"]))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "set":
            data[i] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[i:]
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=40))
        elif op == "delete":
            del data[i : i + draw(st.integers(1, 64))]
        else:
            j = draw(st.integers(0, len(data) - 1))
            n = draw(st.integers(1, 64))
            data[i : i + n] = good[j : j + n]
    return bytes(data)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutations())
def test_mutated_bundles_never_partially_import(mutated: bytes) -> None:
    hq_dir, good = _world()
    before = hq_state(hq_dir)
    path = hq_dir.parent / "mutant.intake"
    path.write_bytes(mutated)
    svc = HQService(hq_dir)
    svc.unlock(HQ_PASS)
    try:
        outcome: ImportOutcome = svc.import_bundle(path)  # must not raise anything
    except BundleError as exc:  # pragma: no cover - import_bundle reports, never raises
        raise AssertionError(f"import raised {exc}") from exc
    finally:
        svc.lock()
    if mutated == good:
        assert outcome.verdict in ("imported", "duplicate")
    else:
        assert outcome.verdict == "rejected", outcome
        assert outcome.kind in ("header", "signature", "signer", "recipient", "payload", "chain")
        assert hq_state(hq_dir) == before
