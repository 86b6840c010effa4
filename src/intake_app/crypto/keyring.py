"""The HQ keyring: who HQ is, which keys bundles are sealed to, which devices may sign.

Body of a "keyring" signed document (canonical JSON):

    {"type": "intake-keyring", "hq_id": ID, "org_name": str, "serial": int >= 1,
     "issued_at": int, "hq_signing_key": hex64,
     "recipients": [{"label": str, "public_key": hex64}, ...]   # 1..16, distinct
     "devices": {ID: {"public_key": hex64, "status": "enrolled"|"revoked",
                      "enrolled_at": int, "revoked_at": int|null}}}

The document must be signed by ``hq_signing_key``; ``Keyring.load`` also
checks it against the pinned key when one is given. Unknown fields are refused
(no silent extensions).

Revocation rule: a revoked device's bundles are refused, all of them, whatever
their created_at: created_at is written by the device and a thief can backdate
it. Bundles a device sealed before revocation must have been imported before
it was revoked (or re-sealed by a re-enrolled device).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from nacl.public import PublicKey
from nacl.signing import SigningKey, VerifyKey

from intake_app.crypto.keys import (
    fingerprint,
    fingerprint_bytes,
    public_key_from_hex,
    to_hex,
    verify_key_from_hex,
)
from intake_app.crypto.signed import open_document, sign_document
from intake_app.errors import BundleError

ID_RE = re.compile(r"[A-Za-z0-9._-]{1,64}")
MAX_RECIPIENTS = 16
KEYRING_TYPE = "intake-keyring"

DeviceState = Literal["enrolled", "revoked", "unknown", "key-mismatch"]


def check_id(value: object, what: str, kind: str = "header") -> str:
    if not isinstance(value, str) or not ID_RE.fullmatch(value) or value in (".", ".."):
        raise BundleError(kind, f"{what} must be 1-64 characters of A-Z a-z 0-9 . _ -")
    return value


def _int(value: object, what: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise BundleError("header", f"keyring: {what} must be an integer >= {minimum}")
    return value


@dataclass(frozen=True)
class DeviceEntry:
    device_id: str
    public_key: VerifyKey
    status: Literal["enrolled", "revoked"]
    enrolled_at: int
    revoked_at: int | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(bytes(self.public_key))


@dataclass(frozen=True)
class RecipientEntry:
    label: str
    public_key: PublicKey

    @property
    def fingerprint(self) -> str:
        return fingerprint(bytes(self.public_key))

    @property
    def fingerprint_raw(self) -> bytes:
        return fingerprint_bytes(bytes(self.public_key))


@dataclass(frozen=True)
class Keyring:
    hq_id: str
    org_name: str
    serial: int
    issued_at: int
    hq_signing_key: VerifyKey
    recipients: tuple[RecipientEntry, ...]
    devices: Mapping[str, DeviceEntry] = field(default_factory=dict)

    # -- building -------------------------------------------------------------
    @classmethod
    def build(
        cls,
        *,
        hq_id: str,
        org_name: str,
        hq_signing_key: VerifyKey,
        recipients: Iterable[tuple[str, PublicKey]],
        devices: Iterable[DeviceEntry] = (),
        serial: int = 1,
        issued_at: int = 0,
    ) -> Keyring:
        check_id(hq_id, "hq_id")
        recips = tuple(RecipientEntry(label, pk) for label, pk in recipients)
        devs = {d.device_id: d for d in devices}
        ring = cls(hq_id, org_name, serial, issued_at, hq_signing_key, recips, devs)
        cls._from_body(ring.to_body())  # same validation as load
        return ring

    def to_body(self) -> dict[str, Any]:
        return {
            "type": KEYRING_TYPE,
            "hq_id": self.hq_id,
            "org_name": self.org_name,
            "serial": self.serial,
            "issued_at": self.issued_at,
            "hq_signing_key": to_hex(self.hq_signing_key),
            "recipients": [
                {"label": r.label, "public_key": to_hex(r.public_key)} for r in self.recipients
            ],
            "devices": {
                d.device_id: {
                    "public_key": to_hex(d.public_key),
                    "status": d.status,
                    "enrolled_at": d.enrolled_at,
                    "revoked_at": d.revoked_at,
                }
                for d in self.devices.values()
            },
        }

    def to_bytes(self, hq_signing_key: SigningKey) -> bytes:
        if bytes(hq_signing_key.verify_key) != bytes(self.hq_signing_key):
            raise ValueError("keyring must be signed by its own HQ signing key")
        return sign_document("keyring", self.to_body(), hq_signing_key)

    # -- loading --------------------------------------------------------------
    @classmethod
    def load(cls, data: bytes, expect_hq_key: VerifyKey | None) -> Keyring:
        """Verify and parse. Without ``expect_hq_key`` only self-consistency is checked
        (first use); callers must pin the HQ key from provisioning afterwards."""
        doc = open_document("keyring", data, expect_hq_key)
        ring = cls._from_body(doc.body)
        if bytes(ring.hq_signing_key) != bytes(doc.signer):
            raise BundleError("signature", "keyring is not signed by its HQ signing key")
        return ring

    @classmethod
    def _from_body(cls, body: Mapping[str, Any]) -> Keyring:
        keys = {
            "type", "hq_id", "org_name", "serial", "issued_at",
            "hq_signing_key", "recipients", "devices",
        }  # fmt: skip
        if set(body) != keys or body["type"] != KEYRING_TYPE:
            raise BundleError("header", "keyring: wrong or missing fields")
        hq_id = check_id(body["hq_id"], "hq_id")
        org = body["org_name"]
        if not isinstance(org, str) or not 0 < len(org) <= 200:
            raise BundleError("header", "keyring: org_name must be a non-empty string")
        serial = _int(body["serial"], "serial", 1)
        issued = _int(body["issued_at"], "issued_at")
        hq_key = verify_key_from_hex(body["hq_signing_key"])
        rlist = body["recipients"]
        if not isinstance(rlist, list) or not 1 <= len(rlist) <= MAX_RECIPIENTS:
            raise BundleError("header", "keyring: 1-16 recipients required")
        recips: list[RecipientEntry] = []
        for r in rlist:
            if not isinstance(r, dict) or set(r) != {"label", "public_key"}:
                raise BundleError("header", "keyring: malformed recipient")
            if not isinstance(r["label"], str) or not 0 < len(r["label"]) <= 64:
                raise BundleError("header", "keyring: recipient label must be a short string")
            recips.append(RecipientEntry(r["label"], public_key_from_hex(r["public_key"])))
        if len({bytes(r.public_key) for r in recips}) != len(recips):
            raise BundleError("header", "keyring: duplicate recipient key")
        dmap = body["devices"]
        if not isinstance(dmap, dict):
            raise BundleError("header", "keyring: devices must be an object")
        devs: dict[str, DeviceEntry] = {}
        for dev_id, d in dmap.items():
            check_id(dev_id, "device_id")
            if not isinstance(d, dict) or set(d) != {
                "public_key", "status", "enrolled_at", "revoked_at"
            }:  # fmt: skip
                raise BundleError("header", "keyring: malformed device entry")
            status = d["status"]
            enrolled_at = _int(d["enrolled_at"], "enrolled_at")
            revoked_at = d["revoked_at"]
            if status == "enrolled":
                if revoked_at is not None:
                    raise BundleError("header", "keyring: enrolled device with revoked_at")
            elif status == "revoked":
                revoked_at = _int(revoked_at, "revoked_at")
            else:
                raise BundleError("header", "keyring: device status must be enrolled|revoked")
            devs[dev_id] = DeviceEntry(
                dev_id, verify_key_from_hex(d["public_key"]), status, enrolled_at, revoked_at
            )
        if len({bytes(d.public_key) for d in devs.values()}) != len(devs):
            raise BundleError("header", "keyring: two devices share a public key")
        return cls(hq_id, org, serial, issued, hq_key, tuple(recips), devs)

    # -- queries --------------------------------------------------------------
    def device_status(self, device_id: str, pubkey: bytes | VerifyKey) -> DeviceState:
        """'enrolled', 'revoked', 'unknown' (no such device) or 'key-mismatch'."""
        entry = self.devices.get(device_id)
        if entry is None:
            return "unknown"
        if bytes(entry.public_key) != bytes(pubkey):
            return "key-mismatch"
        return entry.status

    def recipient_public_keys(self) -> list[PublicKey]:
        return [r.public_key for r in self.recipients]
