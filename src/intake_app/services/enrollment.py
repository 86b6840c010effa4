"""Field enrollment: trust HQ's provisioning file, make the device key, write the card.

Everything HQ sent is kept in the store's meta table:
    hq_id, org_name, hq_signing_key (hex), recipients (JSON), policy (JSON),
    device_id, device_key (hex seed, secret), enrolled_at.
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass
from typing import Any

from nacl.signing import SigningKey, VerifyKey

from intake_app.crypto import fingerprint, open_document, sign_document
from intake_app.crypto.keyring import check_id
from intake_app.crypto.keys import public_key_from_hex, verify_key_from_hex
from intake_app.errors import BundleError, IntakeError
from intake_app.forms import Form
from intake_app.models import Policy

PROVISIONING_TYPE = "intake-provisioning"
DEVICE_CARD_TYPE = "intake-device-card"


@dataclass(frozen=True)
class Provisioning:
    hq_id: str
    org_name: str
    hq_signing_key: VerifyKey
    recipients: tuple[tuple[str, str], ...]  # (label, public key hex)
    forms: tuple[Form, ...]
    policy: Policy
    issued_at: int

    @property
    def fingerprint(self) -> str:
        return fingerprint(bytes(self.hq_signing_key))


def build_provisioning(*, signing_key: SigningKey, hq_id: str, org_name: str,
                       recipients: list[tuple[str, str]], forms: list[Form],
                       policy: Policy, issued_at: int | None = None) -> bytes:
    body: dict[str, Any] = {
        "type": PROVISIONING_TYPE,
        "hq_id": hq_id,
        "org_name": org_name,
        "hq_signing_key": bytes(signing_key.verify_key).hex(),
        "recipients": [{"label": lbl, "public_key": pk} for lbl, pk in recipients],
        "forms": [f.canonical_json().decode("utf-8") for f in forms],
        "policy": policy.model_dump(),
        "issued_at": int(time.time()) if issued_at is None else issued_at,
    }
    return sign_document("provisioning", body, signing_key)


def read_provisioning(data: bytes) -> Provisioning:
    """Check the signature (self-consistent: the body names the key that signed it)."""
    doc = open_document("provisioning", data, None)
    b = doc.body
    keys = {"type", "hq_id", "org_name", "hq_signing_key", "recipients", "forms", "policy",
            "issued_at"}
    if set(b) != keys or b["type"] != PROVISIONING_TYPE:
        raise BundleError("header", "provisioning file: wrong or missing fields")
    hq_key = verify_key_from_hex(b["hq_signing_key"])
    if bytes(hq_key) != bytes(doc.signer):
        raise BundleError("signature", "provisioning file is not signed by the HQ key it names")
    recips = b["recipients"]
    if not isinstance(recips, list) or not 1 <= len(recips) <= 16:
        raise BundleError("header", "provisioning file: 1..16 recipients required")
    pairs = []
    for r in recips:
        if not isinstance(r, dict) or set(r) != {"label", "public_key"}:
            raise BundleError("header", "provisioning file: bad recipient")
        public_key_from_hex(r["public_key"])
        pairs.append((str(r["label"]), str(r["public_key"])))
    if not isinstance(b["forms"], list) or not all(isinstance(f, str) for f in b["forms"]):
        raise BundleError("header", "provisioning file: forms must be a list")
    forms = tuple(Form.from_json(f) for f in b["forms"])
    try:
        policy = Policy.model_validate(b["policy"])
    except ValueError:
        raise BundleError("header", "provisioning file: bad policy") from None
    if not isinstance(b["org_name"], str) or not isinstance(b["issued_at"], int):
        raise BundleError("header", "provisioning file: bad organisation name or date")
    return Provisioning(check_id(b["hq_id"], "hq_id"), b["org_name"], hq_key, tuple(pairs),
                        forms, policy, b["issued_at"])


def normalize_fingerprint(text: str) -> str:
    # Accept Persian / Arabic-Indic digits typed on a Dari or Urdu keyboard (decimal
    # digits, which int() reads); not isdigit(), which also takes '²' and int() refuses.
    digits = "".join(ch for ch in text if ch.isdecimal())
    return "".join(str(int(ch)) for ch in digits)


def check_expected_fingerprint(prov: Provisioning, expected: str | None) -> None:
    if expected is not None and normalize_fingerprint(expected) != normalize_fingerprint(
        prov.fingerprint
    ):
        # The file's fingerprint is not shown: it would be pasted back to "fix" this.
        raise IntakeError(
            "HQ fingerprint mismatch: this file was not made by the HQ whose fingerprint "
            "you were given; do not enroll: call HQ and check the fingerprint with them"
        )


def new_device_id() -> str:
    return "dev-" + secrets.token_hex(8)


def device_card(*, device_key: SigningKey, device_id: str, hq_id: str, label: str) -> bytes:
    body = {
        "type": DEVICE_CARD_TYPE,
        "device_id": device_id,
        "hq_id": hq_id,
        "public_key": bytes(device_key.verify_key).hex(),
        "label": label,
        "created_at": int(time.time()),
    }
    return sign_document("device-card", body, device_key)


@dataclass(frozen=True)
class DeviceCard:
    device_id: str
    hq_id: str
    public_key: VerifyKey
    label: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(bytes(self.public_key))


def read_device_card(data: bytes) -> DeviceCard:
    doc = open_document("device-card", data, None)
    b = doc.body
    if set(b) != {"type", "device_id", "hq_id", "public_key", "label", "created_at"} or (
        b["type"] != DEVICE_CARD_TYPE
    ):
        raise BundleError("header", "device card: wrong or missing fields")
    key = verify_key_from_hex(b["public_key"])
    if bytes(key) != bytes(doc.signer):
        raise BundleError("signature", "device card is not signed by the key it names")
    if not isinstance(b["label"], str):
        raise BundleError("header", "device card: bad label")
    return DeviceCard(check_id(b["device_id"], "device_id"), check_id(b["hq_id"], "hq_id"), key,
                      b["label"])


def policy_json(policy: Policy) -> str:
    return json.dumps(policy.model_dump(), sort_keys=True)
