"""Deterministically (re)generate the bundle test vectors.

    .venv/bin/python tests/vectors/make_vectors.py [OUTDIR]   (default: tests/vectors)

Every key comes from a fixed seed and every per-bundle secret (file key, sealed-box
ephemeral keys, secretstream header) from an injected deterministic RNG, so running
this twice gives identical bytes; tests/test_crypto_vectors.py checks that.

The bad corpus is built with a small independent builder (``build``) rather than
BundleWriter, so each defect can be injected at exactly one layer. ``build`` with no
overrides must reproduce write_bundle's bytes exactly (also tested).
"""

from __future__ import annotations

import hashlib
import io
import json
import struct
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nacl.bindings as sodium
from nacl.public import PrivateKey, PublicKey
from nacl.signing import SigningKey

from intake_app.crypto import labels
from intake_app.crypto.bundle import (
    ABYTES,
    ITEM_HEAD,
    STATEMENT_LEN,
    TAG_FINAL,
    TAG_MESSAGE,
    TRAILER_LEN,
    TRAILER_MAGIC,
    ZERO_HASH,
    PayloadItem,
    Recipient,
    Statement,
    chunk_ad,
    encode_header,
    header_hash,
    seal_file_key,
    stream_key,
    write_bundle,
)
from intake_app.crypto.canonical import canonical_json
from intake_app.crypto.keyring import DeviceEntry, Keyring
from intake_app.crypto.keys import fingerprint_bytes
from intake_app.crypto.receipt import make_receipt

HERE = Path(__file__).resolve().parent
TAG_PUSH = sodium.crypto_secretstream_xchacha20poly1305_TAG_PUSH
TAG_REKEY = sodium.crypto_secretstream_xchacha20poly1305_TAG_REKEY
ED25519_L = 2**252 + 27742317777372353535851937790883648493
HQ_ID = "hq-main"
CHUNK_LOG2 = 10  # small chunks so a few KiB make several chunks
CREATED_AT = 1_767_225_600  # 2026-01-01T00:00:00Z


def seed(name: str) -> bytes:
    return hashlib.sha256(b"intake_app test vector seed " + name.encode()).digest()


class DetRng:
    """Deterministic bytes for the generator only: libsodium's
    randombytes_buf_deterministic keyed by SHA-256(seed || call counter)."""

    def __init__(self, name: str) -> None:
        self.seed = seed("rng " + name)
        self.calls = 0

    def __call__(self, n: int) -> bytes:
        self.calls += 1
        sub = hashlib.sha256(self.seed + self.calls.to_bytes(8, "big")).digest()
        return sodium.randombytes_buf_deterministic(n, sub)


# --- fixed keys -----------------------------------------------------------------------
DEV = {name: SigningKey(seed("device " + name)) for name in ("dev-a", "dev-b", "dev-r", "dev-u")}
HQ_SIGN = SigningKey(seed("hq signing"))
HQ_MAIN = PrivateKey(seed("hq recipient main"))
HQ_BACKUP = PrivateKey(seed("hq recipient backup"))
OTHER_HQ = PrivateKey(seed("other hq recipient"))
RECIPIENTS = [HQ_MAIN.public_key, HQ_BACKUP.public_key]


def keyring() -> Keyring:
    return Keyring.build(
        hq_id=HQ_ID,
        org_name="Test Organisation",
        hq_signing_key=HQ_SIGN.verify_key,
        recipients=[("main", HQ_MAIN.public_key), ("backup", HQ_BACKUP.public_key)],
        devices=[
            DeviceEntry("dev-a", DEV["dev-a"].verify_key, "enrolled", CREATED_AT - 86400),
            DeviceEntry("dev-b", DEV["dev-b"].verify_key, "enrolled", CREATED_AT - 86400),
            DeviceEntry(
                "dev-r", DEV["dev-r"].verify_key, "revoked", CREATED_AT - 86400, CREATED_AT - 10
            ),
        ],
        serial=1,
        issued_at=CREATED_AT - 3600,
    )


# --- plaintext ---------------------------------------------------------------------------
ATTACHMENT = bytes(range(256)) * 12  # 3072 bytes: spans several 1 KiB chunks


def rec_meta(i: int) -> bytes:
    return canonical_json({"record_id": f"r-{i:04d}", "revision": 1, "values": {"q1": "yes"}})


def att_meta(name: str = "photo-1.jpg", size: int = len(ATTACHMENT)) -> bytes:
    return canonical_json({"name": name, "record_id": "r-0001", "size": size})


def item(kind: int, meta: bytes, data: bytes = b"", data_len: int | None = None) -> bytes:
    n = len(data) if data_len is None else data_len
    return ITEM_HEAD.pack(kind, len(meta), n) + meta + data


BASE_ITEMS = [(1, rec_meta(1), b""), (1, rec_meta(2), b""), (2, att_meta(), ATTACHMENT)]
BASE_PLAIN = b"".join(item(k, m, d) for k, m, d in BASE_ITEMS) + b"\x00"


def payload_items(spec: list[tuple[int, bytes, bytes]]) -> list[PayloadItem]:
    kinds = {1: "record", 2: "attachment"}
    return [PayloadItem(kinds[k], m, io.BytesIO(d) if k == 2 else None, len(d)) for k, m, d in spec]


# --- the builder ---------------------------------------------------------------------------
Chunk = tuple[bytes, int]  # plaintext, tag


@dataclass
class Spec:
    rng: str = "base"
    signer: str = "dev-a"
    device_id: str | None = None  # defaults to signer
    device_key: bytes | None = None  # defaults to signer's public key
    hq_id: str = HQ_ID
    sequence: int = 1
    prev: bytes = ZERO_HASH
    created_at: int = CREATED_AT
    chunk_log2: int = CHUNK_LOG2
    recipients: list[PublicKey] = field(default_factory=lambda: list(RECIPIENTS))
    plain: bytes = BASE_PLAIN
    item_count: int = 3
    record_count: int = 2
    version: int = 1
    suite: int = 1
    stanzas: Callable[[list[Recipient]], list[Recipient]] | None = None
    header: Callable[[bytes], bytes] | None = None  # raw header bytes, before hashing
    chunks: Callable[[list[Chunk]], list[Chunk]] | None = None  # plaintext chunk plan
    ad: Callable[[bytes, int], bytes | None] | None = None
    cts: Callable[[list[bytes]], list[bytes]] | None = None  # ciphertext chunks
    stream: Callable[[bytes], bytes] | None = None
    statement: Callable[[Statement], Statement] | None = None
    sign_label: bytes = labels.BUNDLE_STATEMENT
    signature: Callable[[bytes], bytes] | None = None
    final: Callable[[bytes], bytes] | None = None


def build(s: Spec) -> bytes:
    rng = DetRng(s.rng)
    file_key = rng(32)
    fps = {fingerprint_bytes(bytes(pk)): pk for pk in s.recipients}
    stanzas = [Recipient(fp, seal_file_key(file_key, fps[fp], rng)) for fp in sorted(fps)]
    if s.stanzas:
        stanzas = s.stanzas(stanzas)
    signer = DEV[s.signer]
    hdr = encode_header(
        chunk_log2=s.chunk_log2,
        hq_id=s.hq_id,
        device_id=s.device_id or s.signer,
        device_key=s.device_key if s.device_key is not None else bytes(signer.verify_key),
        sequence=s.sequence,
        prev=s.prev,
        created_at=s.created_at,
        recipients=stanzas,
        version=s.version,
        suite=s.suite,
    )
    if s.header:
        hdr = s.header(hdr)
    h = header_hash(hdr)
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    ss_header = rng(24)
    sodium.crypto_secretstream_xchacha20poly1305_init_pull(
        state, ss_header, stream_key(file_key, h)
    )
    c = 1 << s.chunk_log2
    pieces = [s.plain[i : i + c] for i in range(0, len(s.plain), c)] or [b""]
    plan: list[Chunk] = [(p, TAG_MESSAGE) for p in pieces[:-1]] + [(pieces[-1], TAG_FINAL)]
    if s.chunks:
        plan = s.chunks(plan)
    cts = []
    for i, (p, tag) in enumerate(plan):
        ad = s.ad(h, i) if s.ad else chunk_ad(h, i)
        cts.append(sodium.crypto_secretstream_xchacha20poly1305_push(state, p, ad, tag))
    if s.cts:
        cts = s.cts(cts)
    stream = ss_header + b"".join(cts)
    if s.stream:
        stream = s.stream(stream)
    st = Statement(h, hashlib.sha256(stream).digest(), len(stream), s.item_count, s.record_count)
    if s.statement:
        st = s.statement(st)
    stmt = st.encode()
    msg = stmt if s.sign_label == labels.BUNDLE_STATEMENT else labels.framed(s.sign_label, stmt)
    sig = signer.sign(msg).signature
    if s.signature:
        sig = s.signature(sig)
    out = hdr + stream + stmt + sig + TRAILER_MAGIC
    return s.final(out) if s.final else out


def statement_hash(bundle: bytes) -> bytes:
    return hashlib.sha256(bundle[-TRAILER_LEN : -TRAILER_LEN + STATEMENT_LEN]).digest()


# --- byte-surgery helpers -------------------------------------------------------------------
def hlen(b: bytes) -> int:
    return int(struct.unpack_from(">I", b, 12)[0])


def flip(b: bytes, off: int, bit: int = 0) -> bytes:
    x = bytearray(b)
    x[off] ^= 1 << bit
    return bytes(x)


def put(b: bytes, off: int, new: bytes) -> bytes:
    return b[:off] + new + b[off + len(new) :]


# header field offsets for the base header (hq "hq-main", device "dev-a")
def off_fields(hq: str = HQ_ID, dev: str = "dev-a") -> dict[str, int]:
    o = 16
    f = {"chunk_log2": o}
    o += 1
    f["hq_len"] = o
    o += 1 + len(hq)
    f["dev_len"] = o
    o += 1 + len(dev)
    f["device_key"] = o
    o += 32
    f["sequence"] = o
    o += 8
    f["prev"] = o
    o += 32
    f["created_at"] = o
    o += 8
    f["n_recipients"] = o
    f["stanzas"] = o + 1
    return f


def swap(lst: list[Any], i: int, j: int) -> list[Any]:
    lst = list(lst)
    lst[i], lst[j] = lst[j], lst[i]
    return lst


# --- the corpus --------------------------------------------------------------------------------
@dataclass
class Case:
    name: str
    data: bytes
    stage: str  # verify | open | chain
    expect: str  # BundleError kind
    description: str
    finding: str | None = None
    known: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


def good_bundles() -> dict[str, bytes]:
    """Good vectors written by the real writer (rng injected)."""
    out: dict[str, bytes] = {}

    def seal(
        name: str,
        seq: int,
        prev: bytes,
        spec: list[tuple[int, bytes, bytes]],
        recips: list[PublicKey],
        log2: int = CHUNK_LOG2,
    ) -> bytes:
        buf = io.BytesIO()
        write_bundle(
            buf,
            signing_key=DEV["dev-a"],
            device_id="dev-a",
            hq_id=HQ_ID,
            sequence=seq,
            prev=prev,
            recipients=recips,
            items=payload_items(spec),
            created_at=CREATED_AT + seq,
            chunk_log2=log2,
            rng=DetRng(name),
        )
        out[name] = buf.getvalue()
        return out[name]

    g1 = seal("good-1-records", 1, ZERO_HASH, BASE_ITEMS[:2], RECIPIENTS)
    g2 = seal("good-2-attachment", 2, statement_hash(g1), BASE_ITEMS, RECIPIENTS)
    seal("good-3-empty", 3, statement_hash(g2), [], [HQ_MAIN.public_key])
    return out


def bad_cases(goods: dict[str, bytes]) -> list[Case]:
    base = build(Spec())
    hl = hlen(base)
    fo = off_fields()
    other = build(Spec(rng="other"))  # same plaintext, different file key
    g1 = goods["good-1-records"]
    s1 = statement_hash(g1).hex()
    ctail = base[hl:]  # stream + trailer of base
    cases: list[Case] = []

    def add(name: str, data: bytes, stage: str, expect: str, desc: str, **kw: Any) -> None:
        cases.append(Case(name, data, stage, expect, desc, **kw))

    def hdr(**kw: Any) -> bytes:
        """A header with one field changed, followed by the base stream and trailer."""
        rng = DetRng("base")
        fk = rng(32)
        st = [
            Recipient(fp, seal_file_key(fk, pk, rng))
            for fp, pk in sorted((fingerprint_bytes(bytes(p)), p) for p in RECIPIENTS)
        ]
        args: dict[str, Any] = dict(
            chunk_log2=CHUNK_LOG2,
            hq_id=HQ_ID,
            device_id="dev-a",
            device_key=bytes(DEV["dev-a"].verify_key),
            sequence=1,
            prev=ZERO_HASH,
            created_at=CREATED_AT,
            recipients=st,
        )
        args.update(kw)
        return encode_header(**args) + ctail

    # ---- header: framing, encodings, sizes (verify -> header) ----
    add("h-empty", b"", "verify", "header", "empty file")
    for n in (1, 8, 15, 16, hl // 2, hl - 1):
        add(f"h-trunc-{n}", base[:n], "verify", "header", f"truncated to {n} bytes (in header)")
    add("h-bad-magic", flip(base, 0), "verify", "header", "wrong magic")
    add("h-magic-age", b"age-encryption.org/v1\n" + base[22:], "verify", "header", "an age file")
    add("h-version-0", put(base, 8, b"\x00\x00"), "verify", "header", "version 0")
    # (version 3 exists since issue 20: v2 with a blob hash tree)
    add("h-version-4", put(base, 8, b"\x00\x04"), "verify", "header", "unknown version 4")
    add("h-suite-0", put(base, 10, b"\x00\x00"), "verify", "header", "suite 0 (downgrade)")
    add("h-suite-2", put(base, 10, b"\x00\x02"), "verify", "header", "unknown suite 2")
    add("h-len-max", put(base, 12, b"\xff\xff\xff\xff"), "verify", "header", "header_len 2^32-1")
    add("h-len-64k", put(base, 12, struct.pack(">I", 65537)), "verify", "header", "header > 64 KiB")
    add(
        "h-len-short",
        put(base, 12, struct.pack(">I", hl - 1)),
        "verify",
        "header",
        "header_len one byte short: fields overrun",
    )
    add(
        "h-len-long",
        put(base, 12, struct.pack(">I", hl + 1)),
        "verify",
        "header",
        "header_len one byte long: trailing byte in header",
    )
    add("h-chunk-9", put(base, fo["chunk_log2"], b"\x09"), "verify", "header", "chunk 2^9")
    add("h-chunk-21", put(base, fo["chunk_log2"], b"\x15"), "verify", "header", "chunk 2^21 > max")
    add("h-hqid-empty", hdr(hq_id=""), "verify", "header", "empty hq_id")
    add("h-hqid-slash", hdr(hq_id="hq/main"), "verify", "header", "hq_id with '/'")
    add("h-devid-dotdot", hdr(device_id=".."), "verify", "header", "device_id '..'")
    add("h-devid-long", hdr(device_id="d" * 65), "verify", "header", "device_id 65 chars")
    dev_nonascii = put(base, fo["dev_len"] + 1, b"\xff")
    add("h-devid-nonascii", dev_nonascii, "verify", "header", "device_id byte 0xff")
    add("h-seq-0", hdr(sequence=0), "verify", "header", "sequence 0")
    add("h-seq-2p63", hdr(sequence=2**63, prev=b"\x01" * 32), "verify", "header", "sequence 2^63")
    add("h-seq1-prev-nonzero", hdr(prev=b"\x01" * 32), "verify", "header", "seq 1, prev != 0")
    add("h-seq2-prev-zero", hdr(sequence=2), "verify", "header", "seq 2 with all-zero prev")
    add("h-created-2p63", hdr(created_at=2**63), "verify", "header", "created_at >= 2^63")
    add("h-recip-0", hdr(recipients=[]), "verify", "header", "no recipients")
    many = [Recipient(bytes([i]) * 20, bytes(80)) for i in range(17)]
    add("h-recip-17", hdr(recipients=many), "verify", "header", "17 recipients (max 16)")
    rng0 = DetRng("base")
    fk0 = rng0(32)
    st0 = sorted(
        (Recipient(fingerprint_bytes(bytes(p)), seal_file_key(fk0, p, rng0)) for p in RECIPIENTS),
        key=lambda r: r.fingerprint,
    )
    add(
        "h-recip-unsorted",
        hdr(recipients=st0[::-1]),
        "verify",
        "header",
        "recipient stanzas not in ascending fingerprint order",
    )
    add(
        "h-recip-duplicate",
        hdr(recipients=[st0[0], st0[0]]),
        "verify",
        "header",
        "the same recipient twice",
    )
    add(
        "h-recip-count-over",
        put(base, fo["n_recipients"], b"\x03"),
        "verify",
        "header",
        "recipient count larger than the stanzas present (stanza of the wrong size)",
    )
    add(
        "h-empty-final",
        build(
            Spec(
                plain=BASE_PLAIN[:1024] * 1,
                item_count=0,
                record_count=0,
                chunks=lambda p: [(p[0][0], TAG_MESSAGE), (b"", TAG_FINAL)],
            )
        ),
        "verify",
        "header",
        "validly signed, but ends with an empty FINAL chunk (never written)",
    )

    # ---- signature: missing, malformed, not covering the file (verify -> signature) ----
    add("s-no-trailer", base[:-TRAILER_LEN], "verify", "signature", "signature trailer stripped")
    for n in (hl, hl + 24, hl + 600, len(base) - 100, len(base) - 1):
        add(f"s-trunc-{n}", base[:n], "verify", "signature", f"truncated to {n} bytes")
    sig_off = len(base) - 8 - 64
    add(
        "s-sig-63",
        base[: sig_off + 63] + base[sig_off + 64 :],
        "verify",
        "signature",
        "63-byte signature",
    )
    add(
        "s-sig-65",
        base[: sig_off + 64] + b"\x00" + base[sig_off + 64 :],
        "verify",
        "signature",
        "65-byte signature",
    )
    add("s-sig-zero", put(base, sig_off, bytes(64)), "verify", "signature", "all-zero signature")
    add("s-sig-flip-r", flip(base, sig_off + 3), "verify", "signature", "bit flip in R")
    add("s-sig-flip-s", flip(base, sig_off + 40), "verify", "signature", "bit flip in S")

    def s_plus_l(sig: bytes) -> bytes:
        s = int.from_bytes(sig[32:], "little") + ED25519_L
        return sig[:32] + s.to_bytes(32, "little")

    add(
        "s-sig-s-ge-l",
        build(Spec(signature=s_plus_l)),
        "verify",
        "signature",
        "non-canonical signature: S + L (malleability)",
    )
    small_order = bytes([1]) + bytes(31)  # the identity point
    # R = identity, S = 0 satisfies the verification equation for the identity key and
    # any message: only libsodium's small-order checks refuse it.
    add(
        "s-small-order-key",
        build(Spec(device_key=small_order, signature=lambda _: small_order + bytes(32))),
        "verify",
        "signature",
        "small-order (identity) device key with the signature that 'verifies' for it",
    )
    add(
        "s-wrong-label",
        build(Spec(sign_label=labels.DOC_RECEIPT)),
        "verify",
        "signature",
        "signature made under the receipt context label",
    )
    st_off = len(base) - TRAILER_LEN
    add(
        "s-statement-label",
        flip(base, st_off + 2),
        "verify",
        "signature",
        "statement label altered in the trailer",
    )
    add("s-trailer-magic", flip(base, len(base) - 1), "verify", "signature", "bad trailer magic")
    add(
        "s-flip-created-at",
        flip(base, fo["created_at"] + 7),
        "verify",
        "signature",
        "header field changed after signing (H mismatch)",
    )
    add(
        "s-flip-sealed-key",
        flip(base, fo["stanzas"] + 30),
        "verify",
        "signature",
        "sealed file key changed after signing",
    )
    add("s-flip-ss-header", flip(base, hl + 3), "verify", "signature", "stream header bit flip")
    add(
        "s-flip-chunk-1",
        flip(base, hl + 24 + 1041 + 100),
        "verify",
        "signature",
        "ciphertext bit flip in chunk 1",
    )
    add(
        "s-flip-last-tag",
        flip(base, st_off - 1),
        "verify",
        "signature",
        "bit flip in the last chunk's MAC",
    )
    add(
        "s-other-ciphertext",
        base[:hl] + other[hl:-TRAILER_LEN] + base[-TRAILER_LEN:],
        "verify",
        "signature",
        "ciphertext swapped in from another bundle of the same length",
    )
    c0 = hl + 24
    full = 1024 + ABYTES
    sw = base[:c0] + base[c0 + full : c0 + 2 * full] + base[c0 : c0 + full] + base[c0 + 2 * full :]
    add("s-chunks-swapped", sw, "verify", "signature", "chunks 0 and 1 swapped on disk")
    add("s-data-after-end", base + b"\x00", "verify", "signature", "a byte after the trailer")
    add(
        "s-data-before-trailer",
        base[:st_off] + b"\x00" + base[st_off:],
        "verify",
        "signature",
        "a byte between stream and trailer",
    )
    add(
        "s-resigned-wrong-len",
        build(
            Spec(
                statement=lambda st: Statement(
                    st.header_hash,
                    st.stream_hash,
                    st.stream_len + 1,
                    st.item_count,
                    st.record_count,
                )
            )
        ),
        "verify",
        "signature",
        "validly signed statement with the wrong stream length",
    )
    add(
        "s-resigned-wrong-hash",
        build(
            Spec(
                statement=lambda st: Statement(
                    st.header_hash, bytes(32), st.stream_len, st.item_count, st.record_count
                )
            )
        ),
        "verify",
        "signature",
        "validly signed statement with the wrong stream hash",
    )

    # ---- signer: policy (verify -> signer) ----
    add("g-unenrolled", build(Spec(signer="dev-u")), "verify", "signer", "unenrolled device")
    add("g-revoked", build(Spec(signer="dev-r")), "verify", "signer", "revoked device")
    add(
        "g-key-mismatch",
        build(Spec(signer="dev-u", device_id="dev-a")),
        "verify",
        "signer",
        "enrolled device id, different key",
    )

    # ---- recipient ----
    add("r-other-hq", build(Spec(hq_id="hq-other")), "verify", "recipient", "bundle for another HQ")
    add(
        "r-no-match",
        build(Spec(recipients=[OTHER_HQ.public_key])),
        "open",
        "recipient",
        "not sealed to any of our keys",
    )
    add(
        "r-sealed-corrupt",
        build(
            Spec(stanzas=lambda st: [Recipient(r.fingerprint, flip(r.sealed_key, 60)) for r in st])
        ),
        "open",
        "recipient",
        "sealed-box MAC corrupted (re-signed)",
    )
    add(
        "r-zero-epk",
        build(
            Spec(
                stanzas=lambda st: [
                    Recipient(r.fingerprint, bytes(32) + r.sealed_key[32:]) for r in st
                ]
            )
        ),
        "open",
        "recipient",
        "sealed box with an all-zero (low-order) ephemeral key",
    )

    # ---- payload: validly signed, refused at open ----
    b_hdr = build(Spec(device_id="dev-b", signer="dev-b"))
    resigned = b_hdr[: hlen(b_hdr)] + base[hl:st_off]
    st_b = Statement(
        header_hash(b_hdr[: hlen(b_hdr)]),
        hashlib.sha256(base[hl:st_off]).digest(),
        st_off - hl,
        3,
        2,
    )
    sb = st_b.encode()
    resigned += sb + DEV["dev-b"].sign(sb).signature + TRAILER_MAGIC
    add(
        "p-resigned-other-device",
        resigned,
        "open",
        "payload",
        "dev-a's ciphertext, header moved to dev-b and re-signed by dev-b: verify accepts "
        "(auditor sees a valid dev-b statement), HQ open fails (stream key bound to H)",
    )
    add(
        "p-header-resigned",
        build(
            Spec(
                header=lambda h: put(h, fo["created_at"] + 7, b"\x99"),
                stream=lambda s: base[hl:st_off],
            )
        ),
        "open",
        "payload",
        "header altered and re-signed by the same key, old ciphertext",
    )

    def tags(*t: int) -> Callable[[list[Chunk]], list[Chunk]]:
        return lambda plan: [(p, t[i] if i < len(t) else tag) for i, (p, tag) in enumerate(plan)]

    n_base = len(BASE_PLAIN) // 1024 + 1
    all_msg = (TAG_MESSAGE,) * n_base
    add("p-no-final", build(Spec(chunks=tags(*all_msg))), "open", "payload", "no FINAL tag")
    add(
        "p-final-first",
        build(Spec(chunks=tags(TAG_FINAL))),
        "open",
        "payload",
        "FINAL on the first chunk, chunks after it",
    )
    add(
        "p-tag-push",
        build(Spec(chunks=tags(TAG_MESSAGE, TAG_PUSH))),
        "open",
        "payload",
        "PUSH tag on a chunk",
    )
    add("p-tag-rekey", build(Spec(chunks=tags(TAG_REKEY))), "open", "payload", "REKEY tag")
    add(
        "p-chunks-swapped",
        build(Spec(cts=lambda c: swap(c, 0, 1))),
        "open",
        "payload",
        "chunks 0 and 1 swapped, re-signed",
    )
    add(
        "p-chunk-duplicated",
        build(Spec(cts=lambda c: c[:2] + c[1:])),
        "open",
        "payload",
        "chunk 1 duplicated, re-signed",
    )
    add(
        "p-chunk-dropped",
        build(Spec(cts=lambda c: c[:1] + c[2:])),
        "open",
        "payload",
        "chunk 1 dropped, re-signed",
    )
    add(
        "p-last-dropped",
        build(Spec(cts=lambda c: c[:-1])),
        "open",
        "payload",
        "FINAL chunk dropped (truncated stream), re-signed",
    )
    other_cts: list[bytes] = []

    def grab(c: list[bytes]) -> list[bytes]:
        other_cts.extend(c)
        return c

    build(Spec(rng="other", cts=grab))
    add(
        "p-spliced",
        build(Spec(cts=lambda c: c[:1] + other_cts[1:2] + c[2:])),
        "open",
        "payload",
        "chunk 1 spliced from another bundle, re-signed",
    )
    add(
        "p-bad-ss-header",
        build(Spec(stream=lambda s: flip(s, 5))),
        "open",
        "payload",
        "stream header corrupted, re-signed",
    )
    add(
        "p-bad-mac-first",
        build(Spec(cts=lambda c: [flip(c[0], 7), *c[1:]])),
        "open",
        "payload",
        "first chunk fails authentication, re-signed",
    )
    add(
        "p-bad-mac-last",
        build(Spec(cts=lambda c: [*c[:-1], flip(c[-1], len(c[-1]) - 1)])),
        "open",
        "payload",
        "last chunk fails authentication, re-signed",
    )
    add(
        "p-ad-index",
        build(Spec(ad=lambda h, i: chunk_ad(h, i + 1))),
        "open",
        "payload",
        "associated data with the wrong chunk index",
    )
    add(
        "p-ad-none",
        build(Spec(ad=lambda h, i: None)),
        "open",
        "payload",
        "chunks encrypted without associated data",
    )

    def plain_case(name: str, plain: bytes, desc: str, items: int = 3, records: int = 2) -> None:
        add(
            name,
            build(Spec(plain=plain, item_count=items, record_count=records)),
            "open",
            "payload",
            desc,
        )

    r1 = item(1, rec_meta(1))
    plain_case("p-item-kind-7", r1 + item(7, rec_meta(2)) + b"\x00", "unknown item kind 7", 2, 2)
    plain_case(
        "p-meta-spaces",
        r1 + item(1, b'{"record_id": "r-2"}') + b"\x00",
        "metadata JSON with whitespace",
        2,
        2,
    )
    plain_case(
        "p-meta-key-order",
        r1 + item(1, b'{"b":1,"a":2}') + b"\x00",
        "metadata keys not sorted",
        2,
        2,
    )
    plain_case(
        "p-meta-dup-key",
        r1 + item(1, b'{"a":1,"a":2}') + b"\x00",
        "duplicate key in metadata",
        2,
        2,
    )
    plain_case("p-meta-float", r1 + item(1, b'{"a":1.5}') + b"\x00", "float in metadata", 2, 2)
    plain_case(
        "p-meta-escape",
        r1 + item(1, b'{"a":"\\u0061"}') + b"\x00",
        "unnecessary \\u escape in metadata",
        2,
        2,
    )
    plain_case("p-meta-not-object", r1 + item(1, b"[1]") + b"\x00", "metadata is a list", 2, 2)
    plain_case("p-meta-bad-utf8", r1 + item(1, b'{"a":"\xff"}') + b"\x00", "invalid UTF-8", 2, 2)
    plain_case("p-meta-empty", r1 + ITEM_HEAD.pack(1, 0, 0) + b"\x00", "zero-length metadata", 2, 2)
    plain_case(
        "p-meta-oversize",
        r1 + ITEM_HEAD.pack(1, 1024 * 1024 + 1, 0) + b"x" * 600,
        "metadata length over 1 MiB",
        2,
        2,
    )
    plain_case(
        "p-record-with-data",
        item(1, rec_meta(1), b"abc") + b"\x00",
        "record item carrying data",
        1,
        1,
    )
    plain_case(
        "p-attach-size-mismatch",
        r1 + item(2, att_meta(size=3071), ATTACHMENT) + b"\x00",
        "attachment size in metadata != data length",
        2,
        1,
    )
    plain_case(
        "p-attach-overrun",
        r1 + item(2, att_meta(size=9999), ATTACHMENT, 9999) + b"\x00",
        "attachment declares more data than the payload holds",
        2,
        1,
    )
    for tag, name in (
        ("traversal", "../../etc/passwd"),
        ("absolute", "/abs"),
        ("backslash", "..\\..\\win.ini"),
        ("drive", "C:evil"),
        ("dotfile", ".bashrc"),
        ("nul", "a\x00b"),
    ):
        meta = canonical_json({"name": name, "size": 3})
        plain_case(
            f"p-name-{tag}", r1 + item(2, meta, b"abc") + b"\x00", f"attachment name {name!r}", 2, 1
        )
    plain_case("p-count-items", BASE_PLAIN, "signed item count 4, payload has 3", 4, 2)
    plain_case("p-count-records", BASE_PLAIN, "signed record count 1, payload has 2", 3, 1)
    plain_case("p-after-end", BASE_PLAIN + b"\x00", "bytes after the end-of-items marker")
    plain_case("p-no-end", BASE_PLAIN[:-1], "no end-of-items marker")

    # ---- chain: each verifies; check_chain classifies against ``known`` ----
    known1 = {"dev-a": [(1, s1)]}
    add(
        "c-replay",
        g1,
        "chain",
        "chain",
        "exact replay of sequence 1",
        finding="duplicate",
        known=known1,
    )
    add(
        "c-fork",
        build(Spec(rng="fork")),
        "chain",
        "chain",
        "second, different sequence 1",
        finding="fork",
        known=known1,
    )
    add(
        "c-wrong-prev",
        build(Spec(sequence=2, prev=b"\x42" * 32)),
        "chain",
        "chain",
        "sequence 2 whose prev is not sequence 1's statement hash",
        finding="wrong-prev",
        known=known1,
    )
    add(
        "c-gap",
        build(Spec(sequence=3, prev=b"\x42" * 32)),
        "chain",
        "chain",
        "sequence 3 after 1: sequence 2 missing",
        finding="gap",
        known=known1,
    )
    add(
        "c-older",
        build(Spec(sequence=2, prev=b"\x42" * 32)),
        "chain",
        "chain",
        "sequence 2 when HQ holds only 5 and it cannot be linked",
        finding="older",
        known={"dev-a": [(5, "ab" * 32)]},
    )
    return cases


def generate(outdir: Path) -> list[Path]:
    """Write every vector under ``outdir``; returns the files written."""
    written: list[Path] = []

    def w(rel: str, data: bytes) -> None:
        p = outdir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        written.append(p)

    ring = keyring()
    goods = good_bundles()
    for name, data in goods.items():
        w(f"good/{name}.bndl", data)
    w("good/keyring.sdoc", ring.to_bytes(HQ_SIGN))
    entries = [(i + 1, statement_hash(goods[n]).hex()) for i, n in enumerate(sorted(goods))]
    w("good/receipt.sdoc", make_receipt(HQ_SIGN, HQ_ID, "dev-a", entries))
    h = header_hash(goods["good-1-records"][: hlen(goods["good-1-records"])])
    rng = DetRng("good-1-records")
    fk = rng(32)
    info: dict[str, Any] = {
        "note": "keys are 32-byte seeds (Ed25519) or X25519 secret keys, hex",
        "keys": {
            **{
                f"device {n}": {"seed": bytes(k).hex(), "public": bytes(k.verify_key).hex()}
                for n, k in DEV.items()
            },
            "hq signing": {"seed": bytes(HQ_SIGN).hex(), "public": bytes(HQ_SIGN.verify_key).hex()},
            **{
                f"hq recipient {n}": {"secret": bytes(k).hex(), "public": bytes(k.public_key).hex()}
                for n, k in (("main", HQ_MAIN), ("backup", HQ_BACKUP), ("other", OTHER_HQ))
            },
        },
        "fingerprints": {
            "hq recipient main": fingerprint_bytes(bytes(HQ_MAIN.public_key)).hex(),
            "device dev-a": fingerprint_bytes(bytes(DEV["dev-a"].verify_key)).hex(),
        },
        "good-1-records intermediates": {
            "file_key": fk.hex(),
            "header_hash": h.hex(),
            "stream_key": stream_key(fk, h).hex(),
            "chunk_ad_0": chunk_ad(h, 0).hex(),
        },
        "bundles": {},
    }
    plains = {
        "good-1-records": BASE_ITEMS[:2],
        "good-2-attachment": BASE_ITEMS,
        "good-3-empty": [],
    }
    for name, data in goods.items():
        info["bundles"][name] = {
            "file": f"good/{name}.bndl",
            "sha256": hashlib.sha256(data).hexdigest(),
            "statement_hash": statement_hash(data).hex(),
            "items": [
                {
                    "kind": {1: "record", 2: "attachment"}[k],
                    "meta": m.decode(),
                    "data_sha256": hashlib.sha256(d).hexdigest(),
                    "data_len": len(d),
                }
                for k, m, d in plains[name]
            ],
        }
    w("good/vectors.json", (json.dumps(info, indent=1, sort_keys=True) + "\n").encode())
    manifest: dict[str, Any] = {}
    cases = bad_cases(goods)
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), "duplicate case names"
    for c in cases:
        w(f"bad/{c.name}.bndl", c.data)
        manifest[c.name] = {
            "file": f"{c.name}.bndl",
            "stage": c.stage,
            "expect": c.expect,
            "description": c.description,
            **({"finding": c.finding, "known": c.known} if c.stage == "chain" else {}),
        }
    w("bad/manifest.json", (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode())
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    files = generate(target)
    print(f"wrote {len(files)} files under {target}")


# --- helpers shared by tests/test_crypto_*.py ------------------------------------------------
def open_all(data: bytes, keys: list[PrivateKey], ring: Keyring) -> list[tuple[str, Any, bytes]]:
    """Verify, open and fully consume a bundle: [(kind, meta, data), ...]."""
    from intake_app.crypto.bundle import open_bundle

    return [
        (it.kind, it.meta, b"".join(it.chunks()))
        for it in open_bundle(io.BytesIO(data), keys, ring)
    ]
