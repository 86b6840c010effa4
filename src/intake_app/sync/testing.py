"""Simulated HQ and field devices for drop box tests and benchmarks (no profiles, no
database): keys in memory, a signed keyring on disk, bundles made with the core writer."""

from __future__ import annotations

import io
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from nacl.public import PrivateKey
from nacl.signing import SigningKey

from intake_app.crypto import DeviceEntry, Keyring, PayloadItem, generate_hq_keys, write_bundle
from intake_app.crypto.bundle import ZERO_HASH
from intake_app.crypto.canonical import canonical_json
from intake_app.sync.auth import Credentials
from intake_app.sync.storage import bundle_name


@dataclass
class SimDevice:
    device_id: str
    key: SigningKey
    hq_id: str
    sequence: int = 0
    prev: bytes = ZERO_HASH

    @property
    def creds(self) -> Credentials:
        return Credentials("device", self.device_id, self.key, self.hq_id)


@dataclass
class SimBundle:
    name: str
    data: bytes
    statement_hash: str
    sequence: int

    def write(self, folder: Path) -> Path:
        p = folder / self.name
        p.write_bytes(self.data)
        return p


@dataclass
class SimWorld:
    root: Path
    hq_id: str
    hq_key: SigningKey
    recipients: tuple[PrivateKey, ...]
    devices: dict[str, SimDevice] = field(default_factory=dict)
    serial: int = 1

    @classmethod
    def create(cls, root: Path, n_devices: int = 1, hq_id: str = "hq-sim") -> SimWorld:
        keys = generate_hq_keys(1)
        w = cls(root, hq_id, keys.signing_key, keys.recipient_keys)
        for i in range(n_devices):
            w.add_device(f"dev-{i:03d}")
        w.write_keyring()
        return w

    @property
    def hq_creds(self) -> Credentials:
        return Credentials("hq", self.hq_id, self.hq_key, self.hq_id)

    @property
    def keyring_path(self) -> Path:
        return self.root / "keyring.sig"

    def add_device(self, device_id: str) -> SimDevice:
        d = SimDevice(device_id, SigningKey.generate(), self.hq_id)
        self.devices[device_id] = d
        return d

    def keyring(self, revoked: frozenset[str] = frozenset()) -> Keyring:
        now = int(time.time())
        return Keyring.build(
            hq_id=self.hq_id, org_name="Sim Org", hq_signing_key=self.hq_key.verify_key,
            recipients=[(f"r{i}", k.public_key) for i, k in enumerate(self.recipients)],
            devices=[DeviceEntry(d.device_id, d.key.verify_key,
                                 "revoked" if d.device_id in revoked else "enrolled", now - 10,
                                 now if d.device_id in revoked else None)
                     for d in self.devices.values()],
            serial=self.serial, issued_at=now,
        )  # fmt: skip

    def keyring_bytes(self, revoked: frozenset[str] = frozenset()) -> bytes:
        return self.keyring(revoked).to_bytes(self.hq_key)

    def write_keyring(self) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        self.keyring_path.write_bytes(self.keyring_bytes())
        return self.keyring_path

    def bundle(self, device_id: str, payload: int = 1000, *, key: SigningKey | None = None,
               advance: bool = True, content: bytes | None = None) -> SimBundle:
        """The device's next bundle: one attachment of ``payload`` random bytes (or
        ``content``: canary tests look for it where only ciphertext may be)."""
        d = self.devices[device_id]
        seq = d.sequence + 1
        out = io.BytesIO()
        data = os.urandom(payload) if content is None else content
        payload = len(data)
        meta = canonical_json({"name": "a.bin", "size": payload})
        info = write_bundle(
            out, signing_key=key or d.key, device_id=device_id, hq_id=self.hq_id,
            sequence=seq, prev=d.prev, recipients=[k.public_key for k in self.recipients],
            items=[PayloadItem("attachment", meta, io.BytesIO(data), payload)],
            created_at=int(time.time()),
        )  # fmt: skip
        if advance:
            d.sequence, d.prev = seq, bytes.fromhex(info.statement_hash)
        return SimBundle(bundle_name(device_id, seq), out.getvalue(), info.statement_hash, seq)
