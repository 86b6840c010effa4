"""One fuzz target per parser of untrusted bytes, shared by the hypothesis tests
(tests/test_fuzz_targets.py, in CI) and the atheris harness (fuzz/run.py, ``make fuzz``).

Each target takes arbitrary bytes and runs the real parser. It may accept the input or
refuse it with the parser's documented error type; any other exception is a bug and
propagates (hypothesis reports it, atheris stops with the crashing input saved).

| target | parser | documented errors |
|---|---|---|
| bundle | crypto.verify_bundle, crypto.open_bundle (both passes), every chunk | BundleError |
| receipt | crypto.read_receipt | BundleError |
| provisioning | services.enrollment.read_provisioning (and the device card reader) | BundleError |
| keyring | crypto.Keyring.load (with and without an expected HQ key) | BundleError |
| dropbox | sync.auth.parse_authorization, check_digest_header, verify_request | AuthError |
| payload | services.payload: a bundle's record/attachment metadata JSON at HQ | BundleError |

XLSForm import is fuzzed by the XLSForm work (forms/xlsform.py) separately.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
VECTORS = REPO / "tests" / "vectors"


@functools.lru_cache(maxsize=1)
def keys() -> ModuleType:
    """The fixed keys the test vectors are made with (tests/vectors/make_vectors.py)."""
    name = "intake_make_vectors"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, VECTORS / "make_vectors.py")
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


@functools.lru_cache(maxsize=1)
def keyring() -> Any:
    from intake_app.crypto import Keyring

    return Keyring.load((VECTORS / "good" / "keyring.sdoc").read_bytes(),
                        keys().HQ_SIGN.verify_key)


@functools.lru_cache(maxsize=1)
def seeds() -> dict[str, list[bytes]]:
    """Valid inputs per target: the mutation base (and atheris's starting corpus)."""
    from intake_app.crypto import make_receipt
    from intake_app.crypto.canonical import canonical_json
    from intake_app.forms import FormRegistry
    from intake_app.models import Policy
    from intake_app.services.enrollment import build_provisioning, device_card
    from intake_app.sync.auth import Credentials, sign_headers

    mv = keys()
    good = VECTORS / "good"
    form = FormRegistry.default_registry().get("hrd_intake")
    prov = build_provisioning(signing_key=mv.HQ_SIGN, hq_id=mv.HQ_ID, org_name="Fuzz Org",
                              recipients=[("main", bytes(mv.HQ_MAIN.public_key).hex())],
                              forms=[form], policy=Policy())
    card = device_card(device_key=mv.DEV["dev-a"], device_id="dev-a", hq_id=mv.HQ_ID,
                       label="laptop")
    creds = Credentials("device", "dev-a", mv.DEV["dev-a"], mv.HQ_ID)
    h = sign_headers(creds, "GET", "/v1/bundles", "", b"", now=1_700_000_000)
    request = "\n".join(["GET", "/v1/bundles", "", h["Authorization"],
                         h["X-Intake-Content-SHA256"]]).encode("latin-1")
    return {
        "bundle": [(good / n).read_bytes() for n in
                   ("good-1-records.bndl", "good-2-attachment.bndl", "good-3-empty.bndl")]
        + [(REPO / "tests" / f"vectors_v{v}" / f"good-v{v}-sealed.bndl").read_bytes()
           for v in (2, 3)],  # sealed parts: the BLOBS region, its hash, the v3 tree
        "receipt": [(good / "receipt.sdoc").read_bytes(),
                    make_receipt(mv.HQ_SIGN, mv.HQ_ID, "dev-a", [(1, "a" * 64)],
                                 log=(3, "b" * 64))],
        "provisioning": [prov, card],
        "keyring": [(good / "keyring.sdoc").read_bytes()],
        "dropbox": [request],
        "payload": [canonical_json({
            "type": "record", "record_id": "a" * 32, "form_id": "f", "form_version": "1",
            "created_at": 1, "rev": 1, "saved_at": 2,
            "values_json": '{"a":[{"b":1,"c":"x"}],"d":[[1,2],[3]]}'}),
            canonical_json({
                "type": "attachment", "attachment_id": "b" * 32, "record_id": "a" * 32,
                "name": "x.jpg", "mime": "image/jpeg", "total_size": 3, "sha256": "0" * 64,
                "offset": 0, "size": 3})],
    }


def fuzz_bundle(data: bytes) -> None:
    from intake_app.crypto import open_bundle, verify_bundle
    from intake_app.errors import BundleError

    ring = keyring()
    for single in (False, True):
        try:
            if not single:
                verify_bundle(io.BytesIO(data), ring)
            for item in open_bundle(io.BytesIO(data), [keys().HQ_MAIN], ring,
                                    single_pass=single):
                for _ in (item.stored_chunks() if item.kind == "sealed" else item.chunks()):
                    pass
        except BundleError:
            pass


def fuzz_receipt(data: bytes) -> None:
    from intake_app.crypto import read_receipt
    from intake_app.errors import BundleError

    try:
        read_receipt(data, keys().HQ_SIGN.verify_key)
    except BundleError:
        pass


def fuzz_provisioning(data: bytes) -> None:
    from intake_app.errors import BundleError
    from intake_app.services.enrollment import read_device_card, read_provisioning

    for reader in (read_provisioning, read_device_card):
        try:
            reader(data)
        except BundleError:
            pass


def fuzz_keyring(data: bytes) -> None:
    from intake_app.crypto import Keyring
    from intake_app.errors import BundleError

    for expect in (None, keys().HQ_SIGN.verify_key):
        try:
            Keyring.load(data, expect)
        except BundleError:
            pass


def fuzz_dropbox(data: bytes) -> None:
    """Lines: method, path, query, Authorization, X-Intake-Content-SHA256."""
    from intake_app.sync.auth import (
        EMPTY_SHA256,
        AuthError,
        NonceCache,
        check_digest_header,
        parse_authorization,
        verify_request,
    )

    parts = data.decode("latin-1").split("\n")
    parts += [""] * (5 - len(parts))
    method, path, query, auth, digest = parts[:5]
    try:
        parse_authorization(auth)
    except AuthError:
        pass
    try:
        body = check_digest_header(digest or None) or EMPTY_SHA256
        verify_request(keyring(), NonceCache(), authorization=auth, method=method, path=path,
                       query=query, body_sha256=body, now=1_700_000_000)
    except AuthError:
        pass


def fuzz_payload(data: bytes) -> None:
    """An item's metadata as HQ import reads it (after decryption): canonical JSON, then
    the record (with its values JSON) or attachment fields."""
    from intake_app.crypto.canonical import parse_canonical_object
    from intake_app.errors import BundleError
    from intake_app.services.payload import parse_attachment_meta, parse_record_meta

    try:
        meta = parse_canonical_object(data, kind="payload", what="item metadata")
    except BundleError:
        return
    for parse in (parse_record_meta, parse_attachment_meta):
        try:
            parse(meta)
        except BundleError:
            pass


TARGETS: dict[str, Callable[[bytes], None]] = {
    "bundle": fuzz_bundle,
    "receipt": fuzz_receipt,
    "provisioning": fuzz_provisioning,
    "keyring": fuzz_keyring,
    "dropbox": fuzz_dropbox,
    "payload": fuzz_payload,
}
