"""Request signatures, the nonce cache, backoff delays, names and configuration."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from nacl.signing import SigningKey

from intake_app.crypto import labels
from intake_app.errors import UsageError
from intake_app.services.outbox import bundle_name as outbox_bundle_name
from intake_app.sync.auth import (
    DROPBOX_REQUEST,
    EMPTY_SHA256,
    AuthError,
    Credentials,
    NonceCache,
    canonical_request,
    parse_authorization,
    sign_headers,
    verify_request,
)
from intake_app.sync.client import backoff_delays, check_proxy
from intake_app.sync.config import Limits, build_config, load_config
from intake_app.sync.storage import bundle_name, parse_name
from intake_app.sync.testing import SimWorld

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def world(tmp_path: Path) -> SimWorld:
    return SimWorld.create(tmp_path, 2)


def _verify(world: SimWorld, headers: dict[str, str], *, method: str = "GET",
            path: str = "/v1/bundles", query: str = "", digest: str = EMPTY_SHA256,
            nonces: NonceCache | None = None, now: float | None = None) -> str:
    p = verify_request(world.keyring(), nonces if nonces is not None else NonceCache(), now=now,
                       authorization=headers["Authorization"], method=method, path=path,
                       query=query, body_sha256=digest)
    return f"{p.role}:{p.ident}"


def test_label_is_new_and_distinct() -> None:
    assert DROPBOX_REQUEST == b"intake_app/v1 dropbox-request"
    assert DROPBOX_REQUEST not in labels.ALL_LABELS
    assert not any(lbl.startswith(DROPBOX_REQUEST) or DROPBOX_REQUEST.startswith(lbl)
                   for lbl in labels.ALL_LABELS)


def test_sign_and_verify_device_and_hq(world: SimWorld) -> None:
    dev = world.devices["dev-000"].creds
    h = sign_headers(dev, "PATCH", "/v1/uploads/x", "offset=0&total=3", b"abc")
    assert h["Authorization"].startswith("Intake-Sig device=dev-000, ts=")
    digest = h["X-Intake-Content-SHA256"]
    assert _verify(world, h, method="PATCH", path="/v1/uploads/x", query="offset=0&total=3",
                   digest=digest) == "device:dev-000"
    assert _verify(world, sign_headers(world.hq_creds, "GET", "/v1/bundles")) == "hq:hq-sim"


@pytest.mark.parametrize("change", ["method", "path", "query", "digest"])
def test_signature_covers_every_field(world: SimWorld, change: str) -> None:
    h = sign_headers(world.devices["dev-000"].creds, "PATCH", "/v1/uploads/x", "offset=0",
                     b"abc")
    kw = {"method": "PATCH", "path": "/v1/uploads/x", "query": "offset=0",
          "digest": h["X-Intake-Content-SHA256"]}
    kw[change] = {"method": "PUT", "path": "/v1/uploads/y", "query": "offset=1",
                  "digest": EMPTY_SHA256}[change]
    with pytest.raises(AuthError, match="signature is invalid"):
        _verify(world, h, **kw)


def test_signature_is_bound_to_the_organisation(world: SimWorld) -> None:
    d = world.devices["dev-000"]
    other_org = Credentials("device", d.device_id, d.key, "hq-other")
    with pytest.raises(AuthError, match="invalid"):
        _verify(world, sign_headers(other_org, "GET", "/v1/bundles"))


def test_stale_replayed_unknown_revoked(world: SimWorld) -> None:
    dev = world.devices["dev-000"].creds
    now = time.time()
    for skew in (-301, 301):
        with pytest.raises(AuthError, match="clock"):
            _verify(world, sign_headers(dev, "GET", "/v1/bundles", now=int(now) + skew), now=now)
    cache = NonceCache()
    h = sign_headers(dev, "GET", "/v1/bundles")
    _verify(world, h, nonces=cache)
    with pytest.raises(AuthError, match="replayed"):
        _verify(world, h, nonces=cache)
    stranger = Credentials("device", "dev-x", SigningKey.generate(), "hq-sim")
    with pytest.raises(AuthError, match="unknown device"):
        _verify(world, sign_headers(stranger, "GET", "/v1/bundles"))
    ring = world.keyring(revoked=frozenset({"dev-000"}))
    with pytest.raises(AuthError) as ei:
        verify_request(ring, NonceCache(), authorization=sign_headers(
            dev, "GET", "/v1/bundles")["Authorization"], method="GET", path="/v1/bundles",
            query="", body_sha256=EMPTY_SHA256)
    assert ei.value.status == 403


@pytest.mark.parametrize("value", [
    None, "", "Basic dXNlcjpwYXNz", "Intake-Sig", "Intake-Sig device=a",
    "Intake-Sig device=a, hq=b, ts=1, nonce=" + "0" * 32 + ", sig=" + "A" * 88,
    "Intake-Sig device=a, ts=x, nonce=" + "0" * 32 + ", sig=" + "A" * 88,
    "Intake-Sig device=a, ts=1, nonce=XYZ, sig=" + "A" * 88,
    "Intake-Sig device=a, ts=1, nonce=" + "0" * 32 + ", sig=!!",
    "Intake-Sig device=a, ts=1, nonce=" + "0" * 32 + ", sig=AAAA",
    "Intake-Sig device=../x, ts=1, nonce=" + "0" * 32 + ", sig=" + "A" * 88,
    "Intake-Sig device=a, device=a, ts=1, nonce=" + "0" * 32 + ", sig=" + "A" * 88,
])
def test_malformed_authorization(value: str | None) -> None:
    with pytest.raises(AuthError) as ei:
        parse_authorization(value)
    assert ei.value.status == 401


def test_canonical_request_refuses_newlines() -> None:
    with pytest.raises(ValueError):
        canonical_request(hq_id="h", role="hq", ident="h", method="GET", path="/v1/x\n",
                          query="", ts=1, nonce="0" * 32, body_sha256=EMPTY_SHA256)


def test_nonce_cache_is_bounded_and_expires() -> None:
    c = NonceCache(max_entries=3, window=300)
    for i in range(3):
        c.add("device", "d", f"{i:032x}", 1000.0)
    with pytest.raises(AuthError) as ei:
        c.add("device", "d", f"{9:032x}", 1000.0)
    assert ei.value.status == 503  # full of live nonces: refuse rather than forget one
    c.add("device", "d", f"{9:032x}", 1000.0 + 602)  # the old ones expired
    assert len(c) == 1


def test_backoff_delays_grow_with_jitter_up_to_cap() -> None:
    gen = backoff_delays(base=1.0, cap=60.0, rng=random.Random(7))
    delays = [next(gen) for _ in range(12)]
    nominal = [min(60.0, 2.0**i) for i in range(12)]
    for d, n in zip(delays, nominal, strict=True):
        assert n / 2 <= d <= n
    assert max(delays) <= 60.0 and delays[-1] >= 30.0
    again = [next(backoff_delays(1.0, 60.0, rng=random.Random(s))) for s in range(20)]
    assert len(set(again)) == 20  # jitter: laptops do not retry in lockstep
    with pytest.raises(ValueError):
        next(backoff_delays(base=0))


def test_proxy_setting() -> None:
    assert check_proxy(None) is None
    assert check_proxy("socks5://127.0.0.1:9050") == "socks5://127.0.0.1:9050"
    assert check_proxy("socks5h://127.0.0.1:9150") == "socks5h://127.0.0.1:9150"
    for bad in ("http://proxy:8080", "socks5://127.0.0.1", "127.0.0.1:9050"):
        with pytest.raises(UsageError):
            check_proxy(bad)


def test_bundle_names_match_the_outbox() -> None:
    cases = [("dev-1a2b", 1), ("a.b_c-d", 999_999), ("x", 1_000_000), ("d" * 64, 2**63 - 1)]
    for dev, seq in cases:
        assert bundle_name(dev, seq) == outbox_bundle_name(dev, seq)
        assert parse_name(bundle_name(dev, seq)) == (dev, seq)
    for bad in ["dev-1.intake", "dev-000000.intake", ".dev-000001.intake", "dev-0000001.intake",
                "../dev-000001.intake", "dev-000001.intake.part", "dev-000001.bndl"]:
        assert parse_name(bad) is None, bad


def test_example_config_loads(tmp_path: Path) -> None:
    values = load_config(REPO / "sync" / "dropbox.toml")
    cfg = build_config(values, {})
    assert cfg.host == "127.0.0.1" and cfg.tls_cert is None
    assert cfg.limits.max_request_bytes <= Limits().max_request_bytes * 4
    bad = tmp_path / "bad.toml"
    bad.write_text('storage = "/x"\nkeyring = "/k"\npasword = "x"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="unknown setting"):
        load_config(bad)
    with pytest.raises(UsageError, match="--storage"):
        build_config({}, {"keyring": Path("/k")})
    with pytest.raises(UsageError, match="go together"):
        build_config({}, {"storage": Path("/s"), "keyring": Path("/k"), "tls_cert": Path("/c")})


def test_drop_box_server_needs_no_store_and_no_qt() -> None:
    """The relay imports only the public-key side of the core: no Qt, no encrypted store."""
    import subprocess
    import sys

    code = (
        "import sys, intake_app.sync.server, intake_app.sync.client;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', "
        "'sqlcipher3') or m.startswith(('intake_app.store', 'intake_app.services'))];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("ts", ["²", "1²", "١٢٣", "12\u00b3"])
def test_a_timestamp_of_non_ascii_digits_is_an_auth_error(ts: str) -> None:
    """'²' passes str.isdigit but int() raises ValueError (found by the drop-box fuzzer:
    a 500 instead of a refusal); '١٢٣' int() reads. Only 0-9 is a timestamp."""
    header = f"Intake-Sig device=dev-1,ts={ts},nonce={'a' * 32},sig=AAAA"
    with pytest.raises(AuthError, match="malformed timestamp"):
        parse_authorization(header)


def test_query_integers_are_ascii_digits_only() -> None:
    from urllib.parse import quote

    from starlette.requests import Request

    from intake_app.errors import Problem
    from intake_app.sync.handlers import _int_param

    def req(q: bytes) -> Request:
        return Request({"type": "http", "method": "GET", "path": "/", "headers": [],
                        "query_string": q})

    assert _int_param(req(b"offset=42"), "offset") == 42
    for bad in ("²", "١٢", "4²"):
        with pytest.raises(Problem) as exc:
            _int_param(req(f"offset={quote(bad)}".encode()), "offset")  # '%C2%B2'...
        assert exc.value.status == 400
