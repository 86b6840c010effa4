"""Finding 11: one device cannot lock everyone out of the drop box.

The replay-nonce cache was shared: one device's signed requests filled it and every
other device (and HQ) got 503. Now each signer has its own quota, and unauthenticated
failures are counted per source address."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from intake_app.sync.auth import AddressLimiter, AuthError, NonceCache, sign_headers
from intake_app.sync.config import Limits
from intake_app.sync.server import BackgroundServer
from intake_app.sync.testing import SimWorld

pytestmark = pytest.mark.timeout(120)

LIMITS = replace(Limits(min_free_bytes=0), nonce_quota_per_signer=20,
                 failed_requests_per_address=15)


@pytest.fixture
def box(tmp_path: Path) -> Iterator[tuple[str, SimWorld]]:
    world = SimWorld.create(tmp_path / "world", 2)
    server = BackgroundServer(tmp_path / "store", world.keyring_path, LIMITS)
    url = server.start()
    yield url, world
    server.stop()


def _get(url: str, world: SimWorld, who: str | None, path: str) -> httpx.Response:
    creds = world.hq_creds if who is None else world.devices[who].creds
    return httpx.get(url + path, headers=sign_headers(creds, "GET", path), timeout=30)


def test_one_device_flooding_does_not_lock_out_others(box: tuple[str, SimWorld]) -> None:
    url, world = box
    path = "/v1/uploads/dev-000-000001.intake"
    codes = [_get(url, world, "dev-000", path).status_code for _ in range(25)]
    assert codes[:20] == [200] * 20
    assert set(codes[20:]) == {503}
    # The others are untouched by dev-000's flood.
    assert _get(url, world, "dev-001", "/v1/uploads/dev-001-000001.intake").status_code == 200
    assert _get(url, world, None, "/v1/bundles").status_code == 200


def test_unauthenticated_failures_are_limited_per_address(box: tuple[str, SimWorld]) -> None:
    url, world = box
    forged = sign_headers(world.devices["dev-001"].creds, "GET", "/v1/bundles")
    forged["Authorization"] = forged["Authorization"].replace("device=dev-001", "device=dev-000")
    codes = [httpx.get(url + "/v1/bundles", headers=forged, timeout=30).status_code
             for _ in range(18)]
    assert codes[:15] == [401] * 15 and set(codes[15:]) == {429}


def test_nonce_cache_quota_per_signer_unit() -> None:
    c = NonceCache(max_entries=1000, window=300, per_signer=3)
    for i in range(3):
        c.add("device", "a", f"{i:032x}", 1000.0)
    with pytest.raises(AuthError) as ei:
        c.add("device", "a", f"{9:032x}", 1000.0)
    assert ei.value.status == 503
    c.add("device", "b", f"{9:032x}", 1000.0)
    c.add("hq", "a", f"{9:032x}", 1000.0)  # a role is part of the signer
    c.add("device", "a", f"{9:032x}", 1000.0 + 602)  # a's old nonces expired
    assert c.held_by("device", "a") == 1 and len(c) == 1


def test_address_limiter_window_and_bound() -> None:
    lim = AddressLimiter(per_address=2, window=10, max_addresses=2)
    lim.failed("1.1.1.1", 0.0)
    lim.failed("1.1.1.1", 1.0)
    with pytest.raises(AuthError):
        lim.check("1.1.1.1", 2.0)
    lim.check("2.2.2.2", 2.0)
    lim.check("1.1.1.1", 11.0)  # the window passed
    for i in range(5):
        lim.failed(f"3.3.3.{i}", 3.0)
    assert len(lim._hits) == 2


def test_good_devices_behind_a_locked_address_keep_working(box: tuple[str, SimWorld]) -> None:
    """Noticed at stop 24: the lock-out was per address only, so one bad client behind a
    NAT address refused every good device behind it. Now a request that verifies passes
    a locked address; failures from it are still refused."""
    url, world = box  # every client here comes from 127.0.0.1: one "NAT address"
    codes = [httpx.get(url + "/v1/bundles", headers={"Authorization": "Intake-Sig junk"},
                       timeout=30).status_code for _ in range(17)]
    assert codes[:15] == [401] * 15 and set(codes[15:]) == {429}
    # The address is locked, yet correctly signed requests from it are served.
    path = "/v1/uploads/dev-001-000001.intake"
    assert _get(url, world, "dev-001", path).status_code == 200
    assert _get(url, world, None, "/v1/bundles").status_code == 200
    # A bad signature naming a real device, and a replay, are still refused.
    forged = sign_headers(world.devices["dev-001"].creds, "GET", "/v1/bundles")
    forged["Authorization"] = forged["Authorization"].replace("device=dev-001", "device=dev-000")
    assert httpx.get(url + "/v1/bundles", headers=forged, timeout=30).status_code == 429
    replay = sign_headers(world.devices["dev-001"].creds, "GET", path)
    assert httpx.get(url + path, headers=replay, timeout=30).status_code == 200
    assert httpx.get(url + path, headers=replay, timeout=30).status_code == 429
    assert httpx.get(url + "/v1/bundles", headers={"Authorization": "Intake-Sig junk"},
                     timeout=30).status_code == 429
