"""``profile.aux``: the protection state that must be readable *without* a passphrase.

The failed-unlock counter has to be read and written before any key is known,
and panic must know whether to keep the outbox while the app is locked. So
this file can only be *obfuscated*, not protected: its key is derived from
the header's salt, which anyone holding the disk also holds. What it buys:

- the file always exists (written at ``init``), always has the same size
  (``AUX_SIZE``) and looks like random bytes, so a casual look at the folder
  does not show which options are on;
- it is rewritten on unlock attempts only while the wipe-after-N option is on
  (with it off, a wrong passphrase changes nothing on disk);
- the authoritative copy of the settings lives inside the real encrypted store
  (meta ``protect.settings``): at every unlock with the real passphrase the file
  is compared with it and restored, and the difference is reported, so deleting
  or rolling back the file to reset the counter is detected at the next real
  unlock (not prevented: see docs/threat-model.md).

Layout: nonce(24) || XSalsa20-Poly1305(key, plaintext(32)) = 72 bytes.
Plaintext (big-endian): version u8 | flags u8 (bit 0: keep outbox on panic)
| wipe_after u16 (0 = off) | failures u32 | clipboard seconds u16 | random(22).
"""

from __future__ import annotations

import json
import struct
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nacl.encoding
import nacl.exceptions
import nacl.hash
import nacl.secret
import nacl.utils

from intake_app.errors import UsageError
from intake_app.paths import atomic_write

AUX_NAME = "profile.aux"
_VERSION = 1
_PLAIN = struct.Struct(">BBHIH22s")
_PLAIN_SIZE = _PLAIN.size
AUX_SIZE = nacl.secret.SecretBox.NONCE_SIZE + _PLAIN_SIZE + nacl.secret.SecretBox.MACBYTES
_PERSON = b"intake-aux-v1"
_FLAG_KEEP_OUTBOX = 1

WIPE_AFTER_MAX = 100
CLIPBOARD_DEFAULT_S = 30
CLIPBOARD_MAX_S = 600


@dataclass(frozen=True)
class ProtectSettings:
    """Options that must work while the app is locked."""

    # Crypto-erase the profile after this many wrong passphrases in a row (0: never).
    wipe_after: int = 0
    # Panic (and erase on duress or after failed unlocks) keeps the sealed outbox bundles.
    keep_outbox_on_panic: bool = False
    # Copied text is cleared from the clipboard after this many seconds (and on lock).
    clipboard_clear_seconds: int = CLIPBOARD_DEFAULT_S

    def check(self) -> ProtectSettings:
        if not (0 <= self.wipe_after <= WIPE_AFTER_MAX):
            raise UsageError(f"wipe-after must be 0 (off) or 1..{WIPE_AFTER_MAX}")
        if not (1 <= self.clipboard_clear_seconds <= CLIPBOARD_MAX_S):
            raise UsageError(f"clipboard seconds must be 1..{CLIPBOARD_MAX_S}")
        return self

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> ProtectSettings:
        if not text:
            return cls()
        try:
            raw = json.loads(text)
            return cls(wipe_after=int(raw["wipe_after"]),
                       keep_outbox_on_panic=bool(raw["keep_outbox_on_panic"]),
                       clipboard_clear_seconds=int(raw["clipboard_clear_seconds"])).check()
        except (ValueError, KeyError, TypeError, UsageError):
            return cls()


@dataclass(frozen=True)
class AuxState:
    settings: ProtectSettings = field(default_factory=ProtectSettings)
    # Wrong passphrases since the last successful unlock (counted while wipe_after > 0).
    failures: int = 0


def aux_path(data_dir: Path) -> Path:
    return data_dir / AUX_NAME


def _key(salt: bytes) -> bytes:
    return nacl.hash.blake2b(salt, digest_size=32, person=_PERSON,
                             encoder=nacl.encoding.RawEncoder)


def encode(state: AuxState, salt: bytes) -> bytes:
    s = state.settings
    plain = _PLAIN.pack(_VERSION, _FLAG_KEEP_OUTBOX if s.keep_outbox_on_panic else 0,
                        s.wipe_after, min(state.failures, 0xFFFFFFFF),
                        s.clipboard_clear_seconds, nacl.utils.random(22))
    out = bytes(nacl.secret.SecretBox(_key(salt)).encrypt(plain))
    assert len(out) == AUX_SIZE
    return out


def decode(data: bytes, salt: bytes) -> AuxState | None:
    """The state, or None if the file is damaged, foreign or of the wrong size."""
    if len(data) != AUX_SIZE:
        return None
    try:
        plain = nacl.secret.SecretBox(_key(salt)).decrypt(data)
    except nacl.exceptions.CryptoError:
        return None
    version, flags, wipe_after, failures, clip, _pad = _PLAIN.unpack(plain)
    if version != _VERSION:
        return None
    settings = ProtectSettings(wipe_after=wipe_after,
                               keep_outbox_on_panic=bool(flags & _FLAG_KEEP_OUTBOX),
                               clipboard_clear_seconds=clip)
    try:
        settings.check()
    except UsageError:
        return None
    return AuxState(settings=settings, failures=failures)


def read_state(data_dir: Path, salt: bytes) -> AuxState | None:
    try:
        with open(aux_path(data_dir), "rb") as fh:
            data = fh.read(AUX_SIZE + 1)
    except OSError:
        return None
    return decode(data, salt)


def write_state(data_dir: Path, salt: bytes, state: AuxState) -> None:
    atomic_write(aux_path(data_dir), encode(state, salt))
