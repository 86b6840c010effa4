"""Bundle format v3: v2 with the blob region signed as a hash tree over 1 MiB leaves
(docs/bundle-format.md §9), hashed on two threads by the writer, the verifier and HQ.

Fixed-hex vectors, the v2 adversarial cases again on v3 (chunk swap, key mismatch,
chunk from another bundle), and tree-specific ones: a byte changed in an even or an
odd leaf (hashed by different threads), two leaves swapped, a v2 file relabelled v3."""

from __future__ import annotations

import hashlib
import io
import random
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from intake_app.crypto import verify_bundle, write_bundle
from intake_app.crypto.bundle import (
    FORMAT_VERSION_2,
    FORMAT_VERSION_3,
    PART_OVERHEAD,
    TRAILER_LEN_V2,
    PayloadItem,
    SealedPart,
    blob_tree_hash,
    open_bundle,
    tree,
)
from intake_app.crypto.bundle.tree import TreeHalf, hash_tree_region, tree_root
from intake_app.crypto.canonical import canonical_json
from intake_app.errors import BundleError
from tests.test_crypto_bundle_v2 import (
    LOG2,
    A,
    B,
    blob_id,
    good,
    mv,
    open_all,
    part_key,
    seal,
    sealed,
    store_chunks,
)

V3 = FORMAT_VERSION_3
FIXTURE = Path(__file__).resolve().parent / "vectors_v3" / "good-v3-sealed.bndl"
MIB = 1 << 20
LABEL = b"intake_app/v1 blob-tree\x00"


def tree_by_hand(blobs: bytes) -> bytes:
    """The §9 definition written out independently of the implementation."""
    leaves = b"".join(hashlib.sha256(blobs[i : i + MIB]).digest()
                      for i in range(0, len(blobs), MIB))
    return hashlib.sha256(LABEL + len(blobs).to_bytes(8, "big") + leaves).digest()


def good3() -> bytes:
    return good(V3, rng="v3-good")


def test_v3_fixed_vector() -> None:
    data = good3()
    assert data == FIXTURE.read_bytes()  # the committed fixture is what the writer makes
    assert hashlib.sha256(data).hexdigest() == (
        "7ceb58703c68d4e696a703c5ba11907bd786daed2e193277cfe1f8ac8c086caa")
    v = verify_bundle(io.BytesIO(data), mv.keyring())
    assert v.header.version == 3 and v.statement.version == 3
    assert v.statement_hash.hex() == (
        "dbf1694ba5a2c0cb84d42a9e1c7977c83f5c282ec9bbdeae9654856c3cf334fe")
    blobs = b"".join(store_chunks("att-a", A) + store_chunks("att-b", B))
    assert v.statement.blob_len == len(blobs) == len(A) + len(B) + 6 * PART_OVERHEAD
    assert v.statement.blob_hash == blob_tree_hash(blobs) == tree_by_hand(blobs)
    assert v.statement.blob_hash.hex() == (
        "d3ab8e468b09509d4f852d2ad234fcb73147d6003f639ad3c3da6cb99e9f5651")
    assert data[-TRAILER_LEN_V2 - len(blobs) : -TRAILER_LEN_V2] == blobs
    assert data[-8:] == b"INTKEND3"


def test_tree_vectors() -> None:
    assert blob_tree_hash(b"").hex() == (
        "c9cc522956f58f34484dad1ae3b9ea44d440e11ab24171d10aad33e8ef96adf8")
    pattern = bytes(range(256)) * (10 * 1024)  # 2.5 MiB: leaves of 1, 1 and 0.5 MiB
    assert blob_tree_hash(pattern) == tree_by_hand(pattern)
    assert blob_tree_hash(pattern).hex() == (
        "d6db5fa4b7f1f8d292f7470c96a8db9a70eba2c6f1f288229c225f44c055723f")
    assert blob_tree_hash(b"") == tree_by_hand(b"")


def test_tree_halves_fed_at_any_split_agree() -> None:
    rnd = random.Random(20)
    data = rnd.randbytes(3 * MIB + 12345)
    for _ in range(5):
        halves = (TreeHalf(0), TreeHalf(1))
        pos = 0
        while pos < len(data):
            n = rnd.choice([1, 40, 4096, MIB - 1, MIB + 40, 3 * MIB])
            piece = data[pos : pos + n]
            for h in halves:
                h.feed(pos, memoryview(piece))
            pos += len(piece)
        assert tree_root(len(data), *halves) == tree_by_hand(data)
    with pytest.raises(BundleError):  # an odd leaf never fed
        only_even = TreeHalf(0)
        only_even.feed(0, data)
        tree_root(len(data), only_even)


def test_tree_region_from_a_file_and_from_memory(tmp_path: Path) -> None:
    data = random.Random(3).randbytes(5 * MIB + 7)
    f = tmp_path / "r"
    f.write_bytes(b"x" * 100 + data + b"y" * 50)
    with open(f, "rb") as fh:  # two threads, positioned reads
        assert hash_tree_region(fh, 100, len(data)) == tree_by_hand(data)
        with pytest.raises(BundleError):
            hash_tree_region(fh, 100, len(data) + 51)
    assert hash_tree_region(io.BytesIO(f.read_bytes()), 100, len(data)) == tree_by_hand(data)


def big_part(name: str, data: bytes) -> PayloadItem:
    """A sealed part in the field store's 1 MiB chunks: its BLOBS span several leaves."""
    cs = store_chunks(name, data, log2=20)
    meta = canonical_json({"name": name + ".jpg", "size": len(data)})
    return PayloadItem("sealed", meta, None, len(data),
                       SealedPart(part_key(name), blob_id(name), 0, lambda: iter(cs), 20))


BIG = random.Random(7).randbytes(2 * MIB + 300_000)  # 3 stored chunks, 3 leaves


def test_v3_several_leaves_open_and_verify() -> None:
    data = seal([PayloadItem("record", mv.rec_meta(1)), big_part("big", BIG)],
                rng="v3-big", version=V3)
    v = verify_bundle(io.BytesIO(data), mv.keyring())
    blobs = b"".join(store_chunks("big", BIG, log2=20))
    assert v.statement.blob_len == len(blobs) and v.statement.blob_hash == tree_by_hand(blobs)
    got = open_all(data)
    assert got[1][2] == blobs


@pytest.mark.parametrize("leaf", [0, 1, 2])
def test_v3_changed_byte_in_any_leaf_refused(leaf: int) -> None:
    data = seal([big_part("big", BIG)], rng="v3-big", version=V3)
    blob_len = verify_bundle(io.BytesIO(data), mv.keyring()).statement.blob_len
    start = len(data) - TRAILER_LEN_V2 - blob_len
    bad = bytearray(data)
    bad[start + leaf * MIB + 1000] ^= 1
    with pytest.raises(BundleError) as e:
        verify_bundle(io.BytesIO(bytes(bad)), mv.keyring())
    assert e.value.kind == "signature"
    with pytest.raises(BundleError) as e:  # the single-pass open (what HQ runs) too
        list(open_bundle(io.BytesIO(bytes(bad)), [mv.HQ_MAIN], mv.keyring(),
                         verified=verify_bundle(io.BytesIO(data), mv.keyring()),
                         single_pass=True))
    assert e.value.kind in {"signature", "payload"}


def test_v3_swapped_leaves_refused() -> None:
    two = random.Random(8).randbytes(3 * MIB)
    data = seal([big_part("big", two)], rng="v3-swap", version=V3)
    blob_len = verify_bundle(io.BytesIO(data), mv.keyring()).statement.blob_len
    s = len(data) - TRAILER_LEN_V2 - blob_len
    bad = data[:s] + data[s + MIB : s + 2 * MIB] + data[s : s + MIB] + data[s + 2 * MIB :]
    assert len(bad) == len(data) and bad != data
    with pytest.raises(BundleError) as e:
        verify_bundle(io.BytesIO(bad), mv.keyring())
    assert e.value.kind == "signature"


def kind_at_open(data: bytes) -> str:
    verify_bundle(io.BytesIO(data), mv.keyring())  # validly signed: the auditor accepts
    with pytest.raises(BundleError) as e:
        open_all(data)
    return e.value.kind


def test_v3_chunk_swap_key_mismatch_and_foreign_chunk_refused() -> None:
    a, b = store_chunks("att-a", A), store_chunks("att-b", B)
    a2, b2 = [b[0], *a[1:]], [a[0], *b[1:]]
    swap = seal([sealed("att-a", A, lambda: iter(a2)), sealed("att-b", B, lambda: iter(b2))],
                rng="v3-x", version=V3)
    assert kind_at_open(swap) == "payload"
    mismatch = seal([sealed("att-a", A, key=part_key("att-b")), sealed("att-b", B)],
                    rng="v3-y", version=V3)
    assert kind_at_open(mismatch) == "payload"
    other = store_chunks("att-c", bytes(3072))
    splice = seal([sealed("att-a", A, lambda: iter([other[0], *a[1:]]))], rng="v3-z",
                  seq=2, version=V3)
    assert kind_at_open(splice) == "payload"


@pytest.mark.parametrize(("src", "to"), [(FORMAT_VERSION_2, 3), (V3, 2)])
def test_v2_and_v3_relabelled_refused(src: int, to: int) -> None:
    data = bytearray(good() if src == FORMAT_VERSION_2 else good3())
    data[8:10] = to.to_bytes(2, "big")
    with pytest.raises(BundleError) as e:
        verify_bundle(io.BytesIO(bytes(data)), mv.keyring())
    assert e.value.kind == "signature"


def test_v3_opens_and_carries_the_keys() -> None:
    got = open_all(good3())
    assert [k for k, _, _ in got] == ["record", "sealed", "attachment", "sealed"]
    assert got[1][1] == (part_key("att-a"), blob_id("att-a"), 0)
    assert got[1][2] == b"".join(store_chunks("att-a", A))
    assert got[2][2] == b"hello"
    assert got[3][2] == b"".join(store_chunks("att-b", B))


def test_a_failing_tree_thread_reaches_the_verifier_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The verifier's second hashing thread hands its error to the caller through the
    crew (crypto/bundle/crew.py): the same object, no thread left running."""
    f = tmp_path / "b.intake"
    f.write_bytes(seal([big_part("big", BIG)], rng="v3-big", version=V3))  # leaf 1: worker
    exc = RuntimeError("injected in bundle-verify-tree")
    real = hashlib.sha256

    def sha256(*a: Any) -> Any:
        if threading.current_thread().name == "bundle-verify-tree":
            raise exc
        return real(*a)

    monkeypatch.setattr(tree, "hashlib", SimpleNamespace(sha256=sha256))
    with open(f, "rb") as fh, pytest.raises(RuntimeError) as e:
        verify_bundle(fh, mv.keyring())
    assert e.value is exc
    assert not [t for t in threading.enumerate() if t.name == "bundle-verify-tree"]
    monkeypatch.undo()
    with open(f, "rb") as fh:
        verify_bundle(fh, mv.keyring())


def test_blobs_out_takes_the_blob_region_and_nothing_else() -> None:
    """The field outbox's split (services/outbox.py): with ``blobs_out`` the writer
    sends BLOBS there and the rest to ``out``; together they are the same bundle."""
    rest, blobs = io.BytesIO(), io.BytesIO()
    write_bundle(rest, signing_key=mv.DEV["dev-a"], device_id="dev-a", hq_id=mv.HQ_ID,
                 sequence=1, prev=mv.ZERO_HASH, recipients=mv.RECIPIENTS,
                 items=[PayloadItem("record", mv.rec_meta(1)), sealed("att-a", A),
                        PayloadItem("attachment", mv.att_meta("inline.txt", 5),
                                    io.BytesIO(b"hello"), 5), sealed("att-b", B)],
                 created_at=mv.CREATED_AT, chunk_log2=LOG2, rng=mv.DetRng("v3-good"),
                 version=V3, blobs_out=blobs)
    whole = good3()
    assert blobs.getvalue() == b"".join(store_chunks("att-a", A) + store_chunks("att-b", B))
    cut = len(whole) - TRAILER_LEN_V2 - len(blobs.getvalue())
    assert rest.getvalue() == whole[:cut] + whole[-TRAILER_LEN_V2:]
