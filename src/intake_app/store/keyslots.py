"""The profile header: KDF parameters and the wrapped database key.

The database is encrypted by SQLCipher under a random 32-byte *master key*
given to SQLCipher as a raw key. The passphrase never reaches SQLCipher:
Argon2id(passphrase, salt, params) gives a key-encryption key (KEK) that
opens a key slot (XSalsa20-Poly1305 secretbox of the master key).

Why wrap instead of handing the Argon2id output to SQLCipher directly:
- the key slots are small and rewritten atomically (rename); a passphrase change
  also re-keys the database under a new master key (store.profile.change_passphrase),
  so an old header plus a disclosed old passphrase opens nothing written later;
- destroying the header destroys the only copy of the wrapped key
  (crypto-erase), which is what overwriting a database on flash cannot do;
- the header always holds two slots of identical size, the unused one filled
  with random bytes, so the file looks the same whatever is configured.

Layout (HEADER_SIZE bytes, all integers big-endian):
    0   8  magic  b"INTKHDR1"
    8   1  format version (1)
    9   3  zero
   12   4  Argon2id opslimit
   16   4  Argon2id memlimit in KiB
   20  16  salt
   36  72  slot 0: nonce(24) || secretbox(KEK, master key)(48)
  108  72  slot 1: same shape, random when unused

Slot roles (see docs/threat-model.md, "Duress"):
- slot 0 wraps the master key of ``store.db`` (the real store);
- slot 1 wraps a 32-byte *decoy token* when a duress passphrase is set, and
  is random bytes otherwise. The decoy database key is a hash of the token
  with its lowest bit cleared; that bit is the "erase the real store when the
  duress passphrase is used" setting. Both slots wrap 32 uniformly random-
  looking bytes, so nothing outside the secretbox says which setting is in
  force, or whether slot 1 opens at all.
"""

from __future__ import annotations

import os
import struct
import sys
import time
from dataclasses import dataclass

import nacl.encoding
import nacl.exceptions
import nacl.hash
import nacl.pwhash
import nacl.secret
import nacl.utils

from intake_app.errors import ProfileError, WrongPassphrase

MAGIC = b"INTKHDR1"
VERSION = 1
SALT_SIZE = 16
KEY_SIZE = 32
SLOT_SIZE = nacl.secret.SecretBox.NONCE_SIZE + KEY_SIZE + nacl.secret.SecretBox.MACBYTES
SLOT_COUNT = 2
_FIXED = struct.Struct(">8sB3xII16s")
HEADER_SIZE = _FIXED.size + SLOT_COUNT * SLOT_SIZE
SLOTS_OFFSET = _FIXED.size
REAL_SLOT = 0
DECOY_SLOT = 1
_DECOY_PERSON = b"intake-decoy-db"

# Sane bounds: a header outside them is refused before any work is done, so a
# planted header cannot make unlock burn minutes or gigabytes.
OPS_MIN, OPS_MAX = 1, 16
MEM_MIN_KIB, MEM_MAX_KIB = 8 * 1024, 2 * 1024 * 1024

# Only for the test suite: cheap parameters so hundreds of profiles stay fast. Honoured
# only while pytest runs (it sets PYTEST_CURRENT_TEST, which subprocesses inherit) and
# never in a frozen build; anywhere else it is refused, so it cannot weaken a real profile.
FAST_KDF_ENV = "INTAKE_TESTING_FAST_KDF"
TEST_SUITE_ENV = "PYTEST_CURRENT_TEST"
_CALIBRATION_MEM_KIB = 256 * 1024
_CALIBRATION_TARGET_S = 0.6
# Below this a header is weak (the test parameters, or a profile from a build that let
# them through): unlock warns and the next passphrase change recalibrates.
FLOOR = (2, _CALIBRATION_MEM_KIB)


@dataclass(frozen=True)
class KdfParams:
    opslimit: int
    memlimit_kib: int

    def check(self) -> None:
        if not (OPS_MIN <= self.opslimit <= OPS_MAX):
            raise ProfileError(f"profile header: opslimit {self.opslimit} out of bounds")
        if not (MEM_MIN_KIB <= self.memlimit_kib <= MEM_MAX_KIB):
            raise ProfileError(f"profile header: memlimit {self.memlimit_kib} KiB out of bounds")


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    params.check()
    return nacl.pwhash.argon2id.kdf(
        KEY_SIZE,
        passphrase.encode("utf-8"),
        salt,
        opslimit=params.opslimit,
        memlimit=params.memlimit_kib * 1024,
    )


def fast_kdf_requested() -> bool:
    """True when the test suite's cheap parameters apply; ProfileError if asked for elsewhere."""
    if os.environ.get(FAST_KDF_ENV) != "1" or getattr(sys, "frozen", False):
        return False
    if not os.environ.get(TEST_SUITE_ENV):
        raise ProfileError(f"{FAST_KDF_ENV} is only for the test suite; unset it")
    return True


def below_floor(params: KdfParams) -> bool:
    return params.opslimit < FLOOR[0] or params.memlimit_kib < FLOOR[1]


def calibrate(target_s: float = _CALIBRATION_TARGET_S) -> KdfParams:
    """Pick Argon2id parameters costing about ``target_s`` on this machine."""
    if fast_kdf_requested():
        return KdfParams(opslimit=1, memlimit_kib=MEM_MIN_KIB)
    ops = 2
    start = time.perf_counter()
    derive_kek("calibration", bytes(SALT_SIZE), KdfParams(ops, _CALIBRATION_MEM_KIB))
    per_op = max((time.perf_counter() - start) / ops, 1e-3)
    ops = min(OPS_MAX, max(2, round(target_s / per_op)))
    return KdfParams(opslimit=ops, memlimit_kib=_CALIBRATION_MEM_KIB)


def _wrap(kek: bytes, master_key: bytes) -> bytes:
    box = nacl.secret.SecretBox(kek)
    wrapped = bytes(box.encrypt(master_key))
    assert len(wrapped) == SLOT_SIZE
    return wrapped


def _unwrap(kek: bytes, slot: bytes) -> bytes | None:
    try:
        return bytes(nacl.secret.SecretBox(kek).decrypt(slot))
    except nacl.exceptions.CryptoError:
        return None


def random_slot() -> bytes:
    """Filler for an unused slot: the same size as a wrapped key, indistinguishable from one."""
    return nacl.utils.random(SLOT_SIZE)


def new_decoy_token(erase_real: bool) -> bytes:
    """32 random bytes whose lowest bit carries the erase-on-duress setting."""
    raw = bytearray(nacl.utils.random(KEY_SIZE))
    raw[-1] = (raw[-1] & 0xFE) | int(bool(erase_real))
    return bytes(raw)


def decoy_key(token: bytes) -> tuple[bytes, bool]:
    """(database key of the decoy store, erase-the-real-store setting) from a decoy token."""
    if len(token) != KEY_SIZE:
        raise ValueError("decoy token must be 32 bytes")
    masked = token[:-1] + bytes([token[-1] & 0xFE])
    key = nacl.hash.blake2b(masked, digest_size=KEY_SIZE, person=_DECOY_PERSON,
                            encoder=nacl.encoding.RawEncoder)
    return key, bool(token[-1] & 1)


@dataclass(frozen=True)
class ProfileHeader:
    params: KdfParams
    salt: bytes
    slots: tuple[bytes, ...]

    @classmethod
    def create(cls, passphrase: str, master_key: bytes, params: KdfParams) -> ProfileHeader:
        salt = nacl.utils.random(SALT_SIZE)
        kek = derive_kek(passphrase, salt, params)
        filler = tuple(random_slot() for _ in range(SLOT_COUNT - 1))
        return cls(params=params, salt=salt, slots=(_wrap(kek, master_key), *filler))

    @classmethod
    def parse(cls, data: bytes) -> ProfileHeader:
        if len(data) != HEADER_SIZE:
            raise ProfileError("profile header is damaged (wrong size)")
        magic, version, ops, mem, salt = _FIXED.unpack_from(data)
        if magic != MAGIC:
            raise ProfileError("profile header is damaged (bad magic)")
        if version != VERSION:
            raise ProfileError(f"profile header version {version} is not supported")
        params = KdfParams(ops, mem)
        params.check()
        body = data[_FIXED.size :]
        slots = tuple(body[i * SLOT_SIZE : (i + 1) * SLOT_SIZE] for i in range(SLOT_COUNT))
        return cls(params=params, salt=salt, slots=slots)

    def to_bytes(self) -> bytes:
        p = self.params
        fixed = _FIXED.pack(MAGIC, VERSION, p.opslimit, p.memlimit_kib, self.salt)
        return fixed + b"".join(self.slots)

    def kek(self, passphrase: str) -> bytes:
        return derive_kek(passphrase, self.salt, self.params)

    def unlock(self, passphrase: str) -> tuple[int, bytes]:
        """Return (slot index, master key). Every slot is tried so timing does not tell which."""
        return self.unlock_kek(self.kek(passphrase))

    def unlock_kek(self, kek: bytes) -> tuple[int, bytes]:
        """As ``unlock``, from an already derived KEK (one Argon2id run serves several checks)."""
        found: tuple[int, bytes] | None = None
        for index, slot in enumerate(self.slots):
            key = _unwrap(kek, slot)
            if key is not None and found is None:
                found = (index, key)
        if found is None:
            raise WrongPassphrase()
        return found

    def with_slot(self, index: int, passphrase: str, master_key: bytes) -> ProfileHeader:
        """A header where slot ``index`` opens with ``passphrase``.

        The salt is kept: the other slot is wrapped under a KEK derived with it,
        and re-wrapping that slot would need its passphrase."""
        return self.with_slot_kek(index, self.kek(passphrase), master_key)

    def with_slot_kek(self, index: int, kek: bytes, master_key: bytes) -> ProfileHeader:
        slots = list(self.slots)
        slots[index] = _wrap(kek, master_key)
        return ProfileHeader(params=self.params, salt=self.salt, slots=tuple(slots))

    def with_random_slot(self, index: int) -> ProfileHeader:
        """A header where slot ``index`` is filler again (the key it wrapped is gone)."""
        slots = list(self.slots)
        slots[index] = random_slot()
        return ProfileHeader(params=self.params, salt=self.salt, slots=tuple(slots))
