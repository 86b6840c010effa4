"""Signed documents, keyring, receipts, canonical JSON, fingerprints and labels."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from nacl.public import PrivateKey
from nacl.signing import SigningKey

from intake_app.crypto import (
    Keyring,
    fingerprint,
    generate_device_key,
    generate_hq_keys,
    labels,
    make_receipt,
    open_document,
    read_receipt,
    sign_document,
)
from intake_app.crypto.canonical import canonical_json, parse_canonical_json
from intake_app.crypto.keyring import DeviceEntry
from intake_app.crypto.keys import format_fingerprint, parse_fingerprint
from intake_app.crypto.signed import MAGIC
from intake_app.errors import BundleError

SK = SigningKey(bytes(32))
OTHER = SigningKey(bytes([1]) * 32)


def kind_of(fn: object, *a: object) -> str:
    with pytest.raises(BundleError) as e:
        fn(*a)  # type: ignore[operator]
    return e.value.kind


def test_labels_distinct_and_prefix_free() -> None:
    ls = labels.ALL_LABELS
    assert len(set(ls)) == len(ls)
    assert all(b"\x00" not in x and x.startswith(labels.PREFIX) for x in ls)


def test_sign_and_open_document() -> None:
    doc = sign_document("provisioning", {"b": 1, "a": ["x", None, True]}, SK)
    got = open_document("provisioning", doc, SK.verify_key)
    assert got.body == {"a": ["x", None, True], "b": 1}
    assert bytes(got.signer) == bytes(SK.verify_key) and got.raw == doc
    assert open_document("provisioning", doc).body["b"] == 1


def test_document_refusals() -> None:
    doc = sign_document("receipt", {"a": 1}, SK)
    assert kind_of(open_document, "keyring", doc) == "header"  # wrong purpose
    assert kind_of(open_document, "receipt", doc, OTHER.verify_key) == "signature"
    flipped = bytearray(doc)
    flipped[-70] ^= 1  # body byte: '1' -> '0' stays valid JSON, signature breaks
    assert kind_of(open_document, "receipt", bytes(flipped)) == "signature"
    assert kind_of(open_document, "receipt", doc[:-1]) == "header"
    assert kind_of(open_document, "receipt", doc + b"\x00") == "header"
    assert kind_of(open_document, "receipt", b"") == "header"
    assert kind_of(open_document, "receipt", b"X" + doc[1:]) == "header"
    # a body that is signed but not canonical is still refused
    body = b'{"a": 1}'
    p = b"receipt"
    import struct

    part = MAGIC + struct.pack(">HB", 1, len(p)) + p + bytes(SK.verify_key)
    part += struct.pack(">I", len(body)) + body
    forged = part + SK.sign(labels.framed(labels.DOC_RECEIPT, part)).signature
    assert kind_of(open_document, "receipt", forged) == "header"
    # same signed part under another purpose's label
    wrong = part + SK.sign(labels.framed(labels.DOC_KEYRING, part)).signature
    assert kind_of(open_document, "receipt", wrong) == "signature"
    with pytest.raises(ValueError):
        sign_document("receipt", {"a": 1.5}, SK)
    with pytest.raises(ValueError):
        sign_document("nonsense", {}, SK)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"a": 1}',
        b'{"b":1,"a":2}',
        b'{"a":1,"a":1}',
        b'{"a":1.0}',
        b'{"a":1e2}',
        b"NaN",
        b'{"a":"\\u0041"}',
        b"\xef\xbb\xbf{}",
        b'{"a":-0}',
        b'{"a":01}',
        b'"\xff"',
        b'{"a":9223372036854775808}',
        b"{} ",
    ],
)
def test_non_canonical_json_refused(raw: bytes) -> None:
    with pytest.raises(BundleError):
        parse_canonical_json(raw)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63) + 1, 2**63 - 1) | st.text(),
    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(), c, max_size=4),
    max_leaves=12,
)


@given(json_values)
def test_canonical_round_trip(v: object) -> None:
    try:
        raw = canonical_json(v)
    except ValueError:  # lone surrogates cannot be encoded
        return
    assert parse_canonical_json(raw) == v


def test_fingerprint_format() -> None:
    pk = bytes(PrivateKey(bytes(32)).public_key)
    fp = fingerprint(pk)
    groups = fp.split(" ")
    assert len(groups) == 10 and all(len(g) == 5 and g.isdigit() for g in groups)
    assert format_fingerprint(parse_fingerprint(fp)) == fp
    assert fingerprint(bytes(31) + b"\x01") != fingerprint(bytes(32))
    with pytest.raises(ValueError):
        parse_fingerprint("12345")


def _ring(**kw: object) -> tuple[Keyring, object, SigningKey]:
    hq = generate_hq_keys(2)
    dev = generate_device_key()
    args: dict = dict(  # type: ignore[type-arg]
        hq_id="hq-1",
        org_name="Org",
        hq_signing_key=hq.signing_key.verify_key,
        recipients=[
            ("main", hq.recipient_keys[0].public_key),
            ("backup", hq.recipient_keys[1].public_key),
        ],
        devices=[DeviceEntry("dev-1", dev.verify_key, "enrolled", 5)],
    )
    args.update(kw)
    return Keyring.build(**args), hq, dev


def test_keyring_round_trip_and_pinning() -> None:
    ring, hq, dev = _ring()
    data = ring.to_bytes(hq.signing_key)
    again = Keyring.load(data, hq.signing_key.verify_key)
    assert again.to_body() == ring.to_body()
    assert again.device_status("dev-1", dev.verify_key) == "enrolled"
    assert again.device_status("dev-1", bytes(32)) == "key-mismatch"
    assert again.device_status("nope", dev.verify_key) == "unknown"
    assert kind_of(Keyring.load, data, OTHER.verify_key) == "signature"
    # a keyring signed by a key other than the one it names
    forged = sign_document("keyring", ring.to_body(), OTHER)
    assert kind_of(Keyring.load, forged, None) == "signature"
    with pytest.raises(ValueError):
        ring.to_bytes(OTHER)


def test_keyring_validation() -> None:
    ring, hq, _ = _ring()
    body = ring.to_body()
    for mutate in (
        lambda b: b.update(extra=1),
        lambda b: b.update(hq_id="../x"),
        lambda b: b.update(recipients=[]),
        lambda b: b.update(recipients=[b["recipients"][0]] * 2),
        lambda b: b["devices"]["dev-1"].update(status="paused"),
        lambda b: b["devices"]["dev-1"].update(revoked_at=9),
        lambda b: b["devices"]["dev-1"].update(public_key="AB" * 32),
        lambda b: b.update(serial=0),
    ):
        import copy

        b2 = copy.deepcopy(body)
        mutate(b2)
        b2["hq_signing_key"] = bytes(hq.signing_key.verify_key).hex()
        data = sign_document("keyring", b2, hq.signing_key)
        assert kind_of(Keyring.load, data, hq.signing_key.verify_key) == "header"


def test_receipt_round_trip_and_refusals() -> None:
    entries = [(2, "bb" * 32), (1, "aa" * 32)]
    data = make_receipt(SK, "hq-1", "dev-1", entries)
    r = read_receipt(data, SK.verify_key)
    assert r.entries == ((1, "aa" * 32), (2, "bb" * 32))
    assert kind_of(read_receipt, data, OTHER.verify_key) == "signature"
    keyring_doc = sign_document("keyring", {"type": "intake-receipt"}, SK)
    assert kind_of(read_receipt, keyring_doc, SK.verify_key) == "header"
    with pytest.raises(BundleError):
        make_receipt(SK, "hq-1", "dev-1", [(1, "aa" * 32), (1, "bb" * 32)])
    with pytest.raises(BundleError):
        make_receipt(SK, "hq-1", "dev-1", [(1, "AA" * 32)])
