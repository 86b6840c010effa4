"""Round trips, writer contract, sizes, streaming and chain rules."""

from __future__ import annotations

import io
import os
import tracemalloc
from collections.abc import Iterator

import pytest
from nacl.public import PrivateKey
from nacl.signing import SigningKey

from intake_app.crypto import (
    BundleWriter,
    Keyring,
    PayloadItem,
    check_chain,
    enforce_chain,
    open_bundle,
    parse_bundle_unverified,
    safe_attachment_name,
    verify_bundle,
    write_bundle,
)
from intake_app.crypto.bundle import ZERO_HASH, stream_length
from intake_app.crypto.canonical import canonical_json
from intake_app.crypto.keyring import DeviceEntry
from intake_app.errors import BundleError, IntakeError

DEV = SigningKey(bytes(range(32)))
DEV2 = SigningKey(bytes(range(1, 33)))
HQ_SIGN = SigningKey(bytes(range(2, 34)))
MAIN, BACKUP, STRANGER = (PrivateKey(bytes([i]) * 32) for i in (7, 8, 9))
RING = Keyring.build(
    hq_id="hq",
    org_name="Org",
    hq_signing_key=HQ_SIGN.verify_key,
    recipients=[("main", MAIN.public_key), ("backup", BACKUP.public_key)],
    devices=[
        DeviceEntry("d1", DEV.verify_key, "enrolled", 0),
        DeviceEntry("d2", DEV2.verify_key, "enrolled", 0),
    ],
)


def rec(i: int) -> PayloadItem:
    return PayloadItem("record", canonical_json({"id": i, "text": "سلام"}))


def att(data: bytes, name: str = "f.bin") -> PayloadItem:
    meta = canonical_json({"name": name, "size": len(data)})
    return PayloadItem("attachment", meta, io.BytesIO(data), len(data))


def seal(
    items: list[PayloadItem],
    *,
    seq: int = 1,
    prev: bytes = ZERO_HASH,
    log2: int = 10,
    recipients: list | None = None,
    key: SigningKey = DEV,
    dev: str = "d1",
    **kw: object,
) -> tuple[bytes, object]:
    out = io.BytesIO()
    info = write_bundle(
        out,
        signing_key=key,
        device_id=dev,
        hq_id="hq",
        sequence=seq,
        prev=prev,
        recipients=recipients or [MAIN.public_key, BACKUP.public_key],
        items=items,
        created_at=1000 + seq,
        chunk_log2=log2,
        **kw,  # type: ignore[arg-type]
    )
    return out.getvalue(), info


def open_all(data: bytes, keys: list[PrivateKey]) -> list[tuple[str, dict, bytes]]:  # type: ignore[type-arg]
    return [
        (i.kind, i.meta, b"".join(i.chunks())) for i in open_bundle(io.BytesIO(data), keys, RING)
    ]


def test_round_trip_either_recipient_opens() -> None:
    blob = os.urandom(5000)
    data, info = seal([rec(1), att(blob), rec(2)])
    assert info.size == len(data) and info.item_count == 3 and info.record_count == 2  # type: ignore[attr-defined]
    for key in (MAIN, BACKUP):
        got = open_all(data, [key])
        assert [k for k, _, _ in got] == ["record", "attachment", "record"]
        assert got[1][2] == blob and got[0][1]["text"] == "سلام"
    with pytest.raises(BundleError) as e:
        open_all(data, [STRANGER])
    assert e.value.kind == "recipient"


def test_empty_payload_is_allowed() -> None:
    data, info = seal([])
    assert info.item_count == 0  # type: ignore[attr-defined]
    assert open_all(data, [MAIN]) == []


@pytest.mark.parametrize("n", [0, 1, 1023, 1024, 1025, 2048 - 15, 2048 - 14, 4096])
def test_chunk_boundaries(n: int) -> None:
    """Plaintext lengths around multiples of the chunk size (no empty FINAL chunk)."""
    blob = bytes(n)
    data, _ = seal([att(blob)])
    assert open_all(data, [MAIN])[0][2] == blob


def test_size_prediction_and_max_bytes() -> None:
    items = [att(os.urandom(3000), f"a{i}") for i in range(10)]
    data, info = seal(items, max_bytes=12_000)
    assert len(data) <= 12_000
    n = info.item_count  # type: ignore[attr-defined]
    assert 0 < n < 10 and info.unwritten is items[n]  # type: ignore[attr-defined]
    assert len(open_all(data, [MAIN])) == n
    out = io.BytesIO()
    w = BundleWriter(
        out,
        signing_key=DEV,
        device_id="d1",
        hq_id="hq",
        sequence=1,
        prev=ZERO_HASH,
        recipients=[MAIN.public_key],
        created_at=1,
        chunk_log2=10,
    )
    for i in range(5):
        it = att(os.urandom(700 * i), f"b{i}")
        predicted = w.size_if_added(it)
        w.add(it)
        assert w.bytes_written == predicted
    info2 = w.close()
    assert info2.size == len(out.getvalue()) == predicted


def test_item_too_big_for_empty_volume() -> None:
    with pytest.raises(IntakeError):
        seal([att(bytes(5000))], max_bytes=2000)


def test_writer_refuses_bad_input() -> None:
    with pytest.raises(ValueError):
        seal([PayloadItem("script", b"{}")])
    with pytest.raises(BundleError):
        seal([PayloadItem("record", b'{"a": 1}')])
    with pytest.raises(BundleError):
        seal([att(b"x", "../x")])
    with pytest.raises(IntakeError):
        seal([PayloadItem("attachment", canonical_json({"size": 10}), io.BytesIO(b"short"), 10)])
    with pytest.raises(IntakeError):
        seal([PayloadItem("attachment", canonical_json({}), io.BytesIO(b"longer"), 2)])
    with pytest.raises(ValueError):
        seal([rec(1)], record_count=2)
    with pytest.raises(ValueError):
        seal([], seq=2, prev=ZERO_HASH)
    with pytest.raises(ValueError):
        seal([], recipients=[MAIN.public_key, MAIN.public_key])


def test_parse_unverified_shows_header() -> None:
    data, _ = seal([rec(1)], seq=1)
    h = parse_bundle_unverified(io.BytesIO(data))
    assert (h.device_id, h.hq_id, h.sequence, len(h.recipients)) == ("d1", "hq", 1, 2)


def test_hq_without_bundle_key_cannot_open_but_auditor_verifies() -> None:
    data, info = seal([rec(1)], recipients=[STRANGER.public_key])
    v = verify_bundle(io.BytesIO(data), RING)
    assert v.statement_hash.hex() == info.statement_hash  # type: ignore[attr-defined]


def test_unconsumed_attachment_is_skipped_safely() -> None:
    data, _ = seal([att(os.urandom(4000)), rec(5)])
    kinds = [i.kind for i in open_bundle(io.BytesIO(data), [MAIN], RING)]
    assert kinds == ["attachment", "record"]


def test_stream_length_formula() -> None:
    assert stream_length(1, 10) == 24 + 1 + 17
    assert stream_length(1024, 10) == 24 + 1024 + 17
    assert stream_length(1025, 10) == 24 + 1025 + 34


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "/abs",
        "a/b",
        "a\\b",
        "..",
        ".",
        ".hidden",
        "",
        " x",
        "x ",
        "C:x",
        "a\x00",
        "a\nb",
        "e\u0301",
        "x" * 256,
        "a\u202eb",
    ],
)
def test_unsafe_names(name: str) -> None:
    with pytest.raises(BundleError) as e:
        safe_attachment_name(name)
    assert e.value.kind == "payload"


@pytest.mark.parametrize("name", ["photo.jpg", "عکس ۱.jpg", "a b.pdf", "x" * 255, "é"])
def test_safe_names(name: str) -> None:
    assert safe_attachment_name(name) == name


def _chain(n: int, key: SigningKey = DEV, dev: str = "d1") -> list:  # type: ignore[type-arg]
    out, prev = [], ZERO_HASH
    for s in range(1, n + 1):
        data, _ = seal([rec(s)], seq=s, prev=prev, key=key, dev=dev)
        v = verify_bundle(io.BytesIO(data), RING)
        prev = v.statement_hash
        out.append(v)
    return out


def test_chain_rules() -> None:
    vs = _chain(4)
    assert check_chain(vs) == []
    assert check_chain(vs[::-1]) == []  # order of arrival does not matter
    known = {"d1": [(1, vs[0].statement_hash.hex())]}
    assert [f.kind for f in check_chain([vs[0]], known)] == ["duplicate"]
    assert [f.kind for f in check_chain([vs[2], vs[3]], known)] == ["gap"]
    assert check_chain([vs[1]], known) == []  # gap fill links to its predecessor
    fork, _ = seal([rec(99)], seq=1)
    fv = verify_bundle(io.BytesIO(fork), RING)
    f = check_chain([fv], known)
    assert [x.kind for x in f] == ["fork"]
    with pytest.raises(BundleError) as e:
        enforce_chain(f)
    assert e.value.kind == "chain"
    enforce_chain(check_chain([vs[2]], known))  # a gap alone is reported, not refused
    with pytest.raises(BundleError):
        enforce_chain(check_chain([vs[2]], known), refuse_gaps=True)
    other = _chain(1, DEV2, "d2")
    assert check_chain(vs + other) == []  # chains are per device


def test_revoked_device_refused_even_if_backdated() -> None:
    data, _ = seal([rec(1)])
    ring = Keyring.build(
        hq_id="hq",
        org_name="Org",
        hq_signing_key=HQ_SIGN.verify_key,
        recipients=[("main", MAIN.public_key)],
        devices=[DeviceEntry("d1", DEV.verify_key, "revoked", 0, 10**9)],
    )
    with pytest.raises(BundleError) as e:
        verify_bundle(io.BytesIO(data), ring)
    assert e.value.kind == "signer"


class _Zeros(io.RawIOBase):
    """A stream of n zero bytes that never exists in memory at once."""

    def __init__(self, n: int) -> None:
        self.left = n

    def readable(self) -> bool:
        return True

    def readinto(self, b: memoryview) -> int:  # type: ignore[override]
        k = min(len(b), self.left)
        b[:k] = bytes(k)
        self.left -= k
        return k


def _drain(it: Iterator[bytes]) -> int:
    return sum(len(c) for c in it)


@pytest.mark.slow
def test_large_attachment_streams_in_bounded_memory(tmp_path: object) -> None:
    n = 50 * 1024 * 1024
    path = os.path.join(str(tmp_path), "big.bndl")
    tracemalloc.start()
    try:
        with open(path, "wb") as out:
            write_bundle(
                out,
                signing_key=DEV,
                device_id="d1",
                hq_id="hq",
                sequence=1,
                prev=ZERO_HASH,
                recipients=[MAIN.public_key],
                items=[PayloadItem("attachment", canonical_json({"size": n}), _Zeros(n), n)],  # type: ignore[arg-type]
                created_at=1,
            )
        _, peak_seal = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        with open(path, "rb") as fh:
            total = 0
            for item in open_bundle(fh, [MAIN], RING):
                total += _drain(item.chunks())
        _, peak_open = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert total == n
    assert peak_seal < 16 * 1024 * 1024, peak_seal
    assert peak_open < 16 * 1024 * 1024, peak_open


def test_single_pass_round_trip_and_early_stop() -> None:
    import threading

    blob = os.urandom(20_000)
    data, _ = seal([att(blob), rec(1)])
    got = [
        (i.kind, b"".join(i.chunks()))
        for i in open_bundle(io.BytesIO(data), [MAIN], RING, single_pass=True)
    ]
    assert got == [("attachment", blob), ("record", b"")]
    before = threading.active_count()
    gen = open_bundle(io.BytesIO(data), [MAIN], RING)
    next(gen)
    gen.close()  # caller gives up: the decrypt thread must stop
    assert threading.active_count() == before


def test_public_binding_fallback_opens_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """_pull_into's fallback (PyNaCl's public binding) gives the same plaintext."""
    from intake_app.crypto.bundle import stream as bundle

    blob = os.urandom(3000)
    data, _ = seal([att(blob), rec(1)])
    fast = open_all(data, [MAIN])
    det = [att(blob), rec(1)]
    sealed_fast, _ = seal(det, rng=lambda n: bytes(n))
    monkeypatch.setattr(bundle, "_LIB", None)
    assert open_all(data, [MAIN]) == fast
    det = [att(blob), rec(1)]
    assert seal(det, rng=lambda n: bytes(n))[0] == sealed_fast
    bad = bytearray(data)
    bad[400] ^= 1
    with pytest.raises(BundleError):
        open_all(bytes(bad), [MAIN])
