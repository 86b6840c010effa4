"""Bundle format v2: attachment chunks carried as stored, keys sealed inside the payload.

Fixed-hex vectors (deterministic writer randomness, as in test_crypto_vectors.py) and the
adversarial cases of issue 20: chunk swaps between attachments, a key/attachment
mismatch and a chunk ciphertext from another bundle, each made by a validly signing
(malicious or buggy) enrolled device, so only the open refuses them."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterable
from pathlib import Path

import nacl.bindings as sodium
import pytest

from intake_app.crypto import verify_bundle
from intake_app.crypto.bundle import (
    FORMAT_VERSION_2,
    PART_OVERHEAD,
    TRAILER_LEN_V2,
    PayloadItem,
    SealedPart,
    open_bundle,
    part_ad,
    read_statement_unverified,
    write_bundle,
)
from intake_app.crypto.canonical import canonical_json
from intake_app.errors import BundleError, IntakeError
from tests.test_crypto_vectors import load_mv

mv = load_mv()
FIXTURE = Path(__file__).resolve().parent / "vectors_v2" / "good-v2-sealed.bndl"
LOG2 = 10  # 1 KiB chunks: a few KiB make several


def blob_id(name: str) -> bytes:
    return hashlib.sha256(name.encode()).hexdigest()[:32].encode("ascii")


def part_key(name: str) -> bytes:
    return mv.seed("part key " + name)


def store_chunks(name: str, data: bytes, log2: int = LOG2) -> list[bytes]:
    """What the field store holds for ``data``: nonce || AEAD(chunk, blob_id || u64(i))."""
    rng = mv.DetRng("chunks " + name)
    c = 1 << log2
    out = []
    for i in range(0, len(data), c):
        nonce = rng(24)
        out.append(nonce + sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
            data[i : i + c], part_ad(blob_id(name), i // c), nonce, part_key(name)))
    return out


A = bytes(range(256)) * 12  # 3 KiB: 3 chunks
B = bytes(reversed(range(256))) * 9 + b"tail"  # 2 308 bytes: 3 chunks, short last


def sealed(name: str, data: bytes, chunks: Callable[[], Iterable[bytes]] | None = None,
           key: bytes | None = None) -> PayloadItem:
    cs = store_chunks(name, data)
    meta = canonical_json({"name": name + ".jpg", "size": len(data)})
    return PayloadItem("sealed", meta, None, len(data), SealedPart(
        key if key is not None else part_key(name), blob_id(name), 0,
        chunks if chunks is not None else (lambda: iter(cs)), LOG2))


def seal(items: list[PayloadItem], rng: str = "v2-good", seq: int = 1,
         version: int = FORMAT_VERSION_2) -> bytes:
    out = io.BytesIO()
    write_bundle(out, signing_key=mv.DEV["dev-a"], device_id="dev-a", hq_id=mv.HQ_ID,
                 sequence=seq, prev=mv.ZERO_HASH if seq == 1 else b"\x01" * 32,
                 recipients=mv.RECIPIENTS, items=items, created_at=mv.CREATED_AT,
                 chunk_log2=LOG2, rng=mv.DetRng(rng), version=version)
    return out.getvalue()


def good(version: int = FORMAT_VERSION_2, rng: str = "v2-good") -> bytes:
    return seal([PayloadItem("record", mv.rec_meta(1)), sealed("att-a", A),
                 PayloadItem("attachment", mv.att_meta("inline.txt", 5), io.BytesIO(b"hello"), 5),
                 sealed("att-b", B)], rng=rng, version=version)


def open_all(data: bytes) -> list[tuple[str, object, bytes]]:
    got: list[tuple[str, object, bytes]] = []
    for it in open_bundle(io.BytesIO(data), [mv.HQ_MAIN], mv.keyring()):
        if it.kind == "sealed":
            assert it.part is not None
            got.append((it.kind, (it.part.key, it.part.blob_id, it.part.first_index),
                        b"".join(bytes(c) for _, c in it.stored_chunks())))
        else:
            got.append((it.kind, it.meta, b"".join(it.chunks())))
    return got


def test_v2_fixed_vector() -> None:
    data = good()
    assert data == FIXTURE.read_bytes()  # the committed fixture is what the writer makes
    assert hashlib.sha256(data).hexdigest() == (
        "c98de69f55fc08903dbaab6b738273f38c62f064d64595b475a1cb7303f04a5a")
    v = verify_bundle(io.BytesIO(data), mv.keyring())
    assert v.header.version == 2 and v.statement.version == 2
    assert v.statement_hash.hex() == (
        "f69fd2d55d1756f73f0baf755deed3310053b8dd7831cb304f5392c316ec940d")
    blobs = b"".join(store_chunks("att-a", A) + store_chunks("att-b", B))
    assert v.statement.blob_len == len(blobs) == len(A) + len(B) + 6 * PART_OVERHEAD
    assert v.statement.blob_hash == hashlib.sha256(blobs).digest()
    # The BLOBS region is the stored chunks byte for byte, just before the trailer.
    assert data[-TRAILER_LEN_V2 - len(blobs) : -TRAILER_LEN_V2] == blobs
    assert part_ad(blob_id("att-a"), 1).hex() == blob_id("att-a").hex() + "0000000000000001"


def test_v2_opens_and_carries_the_keys() -> None:
    got = open_all(good())
    assert [k for k, _, _ in got] == ["record", "sealed", "attachment", "sealed"]
    assert got[1][1] == (part_key("att-a"), blob_id("att-a"), 0)
    assert got[1][2] == b"".join(store_chunks("att-a", A))
    assert got[2][2] == b"hello"
    assert got[3][2] == b"".join(store_chunks("att-b", B))


def test_unread_sealed_parts_are_still_checked() -> None:
    items = list(open_bundle(io.BytesIO(good()), [mv.HQ_MAIN], mv.keyring()))
    assert [i.kind for i in items] == ["record", "sealed", "attachment", "sealed"]


def test_read_statement_unverified_both_versions() -> None:
    hdr, stmt, size = read_statement_unverified(io.BytesIO(good()))
    assert hdr.version == 2 and size == len(good())
    v = verify_bundle(io.BytesIO(good()), mv.keyring())
    assert hashlib.sha256(stmt).digest() == v.statement_hash
    v1 = (mv.HERE / "good" / "good-1-records.bndl").read_bytes()
    hdr1, stmt1, _ = read_statement_unverified(io.BytesIO(v1))
    assert hdr1.version == 1 and len(stmt1) < len(stmt)


def kind_at_open(data: bytes) -> str:
    verify_bundle(io.BytesIO(data), mv.keyring())  # validly signed: the auditor accepts
    with pytest.raises(BundleError) as e:
        open_all(data)
    return e.value.kind


def test_chunk_swap_between_attachments_refused() -> None:
    a, b = store_chunks("att-a", A), store_chunks("att-b", B)
    a2, b2 = [b[0], *a[1:]], [a[0], *b[1:]]  # same lengths: chunk 0 swapped
    data = seal([sealed("att-a", A, lambda: iter(a2)), sealed("att-b", B, lambda: iter(b2))])
    assert kind_at_open(data) == "payload"


def test_chunk_reorder_inside_an_attachment_refused() -> None:
    a = store_chunks("att-a", A)
    data = seal([sealed("att-a", A, lambda: iter([a[1], a[0], a[2]]))])
    assert kind_at_open(data) == "payload"


def test_key_attachment_mismatch_refused() -> None:
    data = seal([sealed("att-a", A, key=part_key("att-b")), sealed("att-b", B)])
    assert kind_at_open(data) == "payload"


def test_chunk_from_another_bundle_refused() -> None:
    # Bundle 1 carried attachment C; bundle 2 splices C's chunk 0 into attachment A.
    other = store_chunks("att-c", bytes(3072))
    seal([sealed("att-c", bytes(3072))], rng="v2-other")
    a = store_chunks("att-a", A)
    data = seal([sealed("att-a", A, lambda: iter([other[0], *a[1:]]))], rng="v2-splice", seq=2)
    assert kind_at_open(data) == "payload"


def test_tampered_blob_byte_fails_verify() -> None:
    data = bytearray(good())
    data[-TRAILER_LEN_V2 - 10] ^= 1
    with pytest.raises(BundleError) as e:
        verify_bundle(io.BytesIO(bytes(data)), mv.keyring())
    assert e.value.kind == "signature"
    with pytest.raises(BundleError) as e:  # and the single-pass open catches it too
        list(open_bundle(io.BytesIO(bytes(data)), [mv.HQ_MAIN], mv.keyring(),
                         verified=verify_bundle(io.BytesIO(good()), mv.keyring()),
                         single_pass=True))
    assert e.value.kind in {"signature", "payload"}


def test_truncated_or_extended_blob_region_fails_verify() -> None:
    data = good()
    cut = data[: -TRAILER_LEN_V2 - 1] + data[-TRAILER_LEN_V2:]
    longer = data[:-TRAILER_LEN_V2] + b"\x00" + data[-TRAILER_LEN_V2:]
    for bad in (cut, longer):
        with pytest.raises(BundleError) as e:
            verify_bundle(io.BytesIO(bad), mv.keyring())
        assert e.value.kind == "signature"


def test_v1_bundle_relabelled_v2_refused() -> None:
    v1 = bytearray((mv.HERE / "good" / "good-1-records.bndl").read_bytes())
    v1[8:10] = b"\x00\x02"
    with pytest.raises(BundleError) as e:
        verify_bundle(io.BytesIO(bytes(v1)), mv.keyring())
    assert e.value.kind == "signature"


def test_writer_refuses_wrong_stored_chunk_length() -> None:
    a = store_chunks("att-a", A)
    with pytest.raises(IntakeError, match=r"wrong length|fewer chunks"):
        seal([sealed("att-a", A, lambda: iter(a[:2]))])
    with pytest.raises(IntakeError, match="wrong length"):
        seal([sealed("att-a", A, lambda: iter([a[0], a[1] + b"x", a[2]]))])


def test_v1_writer_has_no_sealed_items() -> None:
    with pytest.raises(ValueError):
        write_bundle(io.BytesIO(), signing_key=mv.DEV["dev-a"], device_id="dev-a",
                     hq_id=mv.HQ_ID, sequence=1, prev=mv.ZERO_HASH, recipients=mv.RECIPIENTS,
                     items=[sealed("att-a", A)], created_at=mv.CREATED_AT)


def test_size_if_added_is_exact_for_sealed_parts() -> None:
    data = good()
    assert len(data) == verify_bundle(io.BytesIO(data), mv.keyring()).size


def test_tag_only_check_accepts_and_refuses_as_decryption_does() -> None:
    """HQ authenticates stored chunks with libsodium's NULL-message decrypt (tag only,
    no plaintext): it must agree with the full decryption on good and bad chunks."""
    from intake_app.crypto.bundle.stream import _aead_check

    key, nonce, ad = bytes(range(32)), bytes(24), b"blob-id" + bytes(8)
    for n in (0, 1, 1000, 1 << 20):
        stored = nonce + sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
            bytes(n), ad, nonce, key)
        assert _aead_check(stored, ad, key)
        for pos in (0, 24, 24 + n // 2, len(stored) - 1):  # nonce, ciphertext, tag
            bad = bytearray(stored)
            bad[pos] ^= 1
            assert not _aead_check(bytes(bad), ad, key)
        assert not _aead_check(stored, ad + b"x", key)
        assert not _aead_check(stored, ad, bytes(32))
        assert not _aead_check(stored[:-1], ad, key)
    assert not _aead_check(nonce + bytes(15), ad, key)  # shorter than a tag
