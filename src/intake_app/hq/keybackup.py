"""HQ key backup as SLIP-39 paper shares (``shamir-mnemonic``, the reference code).

What is split: HQ's private keys as one compact binary *master secret*, not a key
that wraps them. A wrapped backup needs the ciphertext kept somewhere too, and a
lost or damaged ciphertext makes every share worthless; SLIP-39 takes secrets of any
even length, so each share carries everything and M custodians with their sheets
restore HQ on a new machine with nothing else (the public keyring file, which
auditors hold anyway, brings back the device list). The price is longer shares:
with the default two recipient keys each share is about 100 words (a plain 256-bit
SLIP-39 share is 33), and every extra recipient key adds 26 words.

Master secret (version 1), big-endian, no slack:

    u8   version = 1
    u8   flags: bit 0 = hq_id is "hq-" + 12 hex digits, stored as 6 bytes;
               otherwise u8 length + ASCII
    ...  hq_id
    u8   org name length L (UTF-8 bytes, 1..255), then L bytes
    32   Ed25519 signing key seed (the active signing key)
    u8   recipient key count n (1..16), then n times:
           u8 label byte: bit 7 = retired; bits 0-6 = 0 for the default label
              ("main" for the first, "backup-i" for key i), else the label length
              (1..64) and that many UTF-8 bytes follow
           32 X25519 private key
    u8   0x00 padding only if needed to reach an even length

SLIP-39 options: one group, ``threshold``-of-``shares`` members, the *extendable*
flag on (more shares of the same secret can be made later without touching the old
ones), iteration exponent 1. An optional SLIP-39 passphrase adds a second factor;
a wrong passphrase yields different bytes (SLIP-39 has no passphrase check), which
the parser refuses almost surely; the printed fingerprint confirms the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nacl.public import PrivateKey
from nacl.signing import SigningKey

from intake_app.crypto import fingerprint
from intake_app.errors import BackupError, UsageError

VERSION = 1
MAX_SHARES = 16
_HQ_ID_COMPACT = re.compile(r"hq-[0-9a-f]{12}")


@dataclass(frozen=True)
class RecipientSecret:
    label: str
    key: PrivateKey
    retired: bool = False


@dataclass(frozen=True)
class KeyMaterial:
    hq_id: str
    org_name: str
    signing_key: SigningKey
    recipients: tuple[RecipientSecret, ...]

    @property
    def fingerprint(self) -> str:
        return fingerprint(bytes(self.signing_key.verify_key))


def default_label(i: int) -> str:
    return "main" if i == 0 else f"backup-{i}"


def encode(km: KeyMaterial) -> bytes:
    out = bytearray([VERSION])
    if _HQ_ID_COMPACT.fullmatch(km.hq_id):
        out += bytes([1]) + bytes.fromhex(km.hq_id[3:])
    else:
        raw = km.hq_id.encode("ascii")
        if not 1 <= len(raw) <= 64:
            raise ValueError("hq_id must be 1-64 ASCII characters")
        out += bytes([0, len(raw)]) + raw
    org = km.org_name.encode("utf-8")
    if not 1 <= len(org) <= 255:
        raise UsageError("the organisation name must be 1-255 bytes of UTF-8 for a key backup")
    out += bytes([len(org)]) + org
    out += bytes(km.signing_key)
    if not 1 <= len(km.recipients) <= 16:
        raise ValueError("1-16 recipient keys")
    out.append(len(km.recipients))
    for i, r in enumerate(km.recipients):
        flag = 0x80 if r.retired else 0
        if r.label == default_label(i):
            out.append(flag)
        else:
            lab = r.label.encode("utf-8")
            if not 1 <= len(lab) <= 64:
                raise ValueError("recipient labels must be 1-64 bytes")
            out += bytes([flag | len(lab)]) + lab
        out += bytes(r.key)
    if len(out) % 2:
        out.append(0)
    return bytes(out)


def decode(data: bytes) -> KeyMaterial:
    """Parse a master secret; BackupError if it is not one (e.g. wrong passphrase)."""
    bad = BackupError("the shares do not hold an intake HQ key backup (a wrong share "
                      "passphrase, or shares of something else)")
    pos = 0

    def take(n: int) -> bytes:
        nonlocal pos
        if pos + n > len(data):
            raise bad
        chunk = data[pos:pos + n]
        pos += n
        return chunk

    try:
        if take(1)[0] != VERSION:
            raise bad
        flags = take(1)[0]
        if flags == 1:
            hq_id = "hq-" + take(6).hex()
        elif flags == 0:
            n = take(1)[0]
            if not 1 <= n <= 64:
                raise bad
            hq_id = take(n).decode("ascii")
        else:
            raise bad
        n = take(1)[0]
        if n == 0:
            raise bad
        org = take(n).decode("utf-8")
        sk = SigningKey(take(32))
        count = take(1)[0]
        if not 1 <= count <= 16:
            raise bad
        recips = []
        for i in range(count):
            b = take(1)[0]
            retired = bool(b & 0x80)
            n = b & 0x7F
            if n > 64:
                raise bad
            label = take(n).decode("utf-8") if n else default_label(i)
            recips.append(RecipientSecret(label, PrivateKey(take(32)), retired))
        rest = data[pos:]
        if rest not in (b"", b"\x00") or (rest == b"\x00" and pos % 2 == 0):
            raise bad
    except (UnicodeDecodeError, ValueError):
        raise bad from None
    if len({bytes(r.key.public_key) for r in recips}) != len(recips):
        raise bad
    return KeyMaterial(hq_id, org, sk, tuple(recips))


def _passphrase_bytes(passphrase: str) -> bytes:
    if not all(32 <= ord(c) <= 126 for c in passphrase):
        raise UsageError("a share passphrase may use printable ASCII only (SLIP-39)")
    return passphrase.encode("ascii")


def split(km: KeyMaterial, shares: int, threshold: int, passphrase: str = "") -> list[str]:
    """``shares`` SLIP-39 mnemonics, any ``threshold`` of which restore ``km``."""
    import shamir_mnemonic

    if not 1 <= threshold <= shares <= MAX_SHARES:
        raise UsageError(f"need 1 <= threshold <= shares <= {MAX_SHARES}")
    if threshold == 1 and shares > 1:
        raise UsageError("a threshold of 1 would make every share a full copy of the keys; "
                         "use at least 2 (or 1 of 1)")
    groups = shamir_mnemonic.generate_mnemonics(
        group_threshold=1, groups=[(threshold, shares)], master_secret=encode(km),
        passphrase=_passphrase_bytes(passphrase), extendable=True, iteration_exponent=1)
    mnemonics: list[str] = list(groups[0])
    return mnemonics


def combine(mnemonics: list[str], passphrase: str = "") -> KeyMaterial:
    """Restore from shares; BackupError with a readable reason otherwise."""
    import shamir_mnemonic

    cleaned = [normalize_share(m) for m in mnemonics if m.strip()]
    if not cleaned:
        raise BackupError("no shares given")
    if len(set(cleaned)) != len(cleaned):
        raise BackupError("the same share was given twice")
    parsed = []
    for i, m in enumerate(cleaned, start=1):
        try:
            parsed.append(shamir_mnemonic.Share.from_mnemonic(m))
        except shamir_mnemonic.MnemonicError as exc:
            raise BackupError(f"cannot restore from these shares: share {i} is not valid "
                              f"(a mistyped or missing word?): {exc}") from None
    if len({p.identifier for p in parsed}) > 1:
        raise BackupError("cannot restore from these shares: they come from different "
                          "backups")
    need = parsed[0].member_threshold
    if len(cleaned) > need:
        cleaned = cleaned[:need]  # any M shares restore; the digest checks them
    try:
        secret = shamir_mnemonic.combine_mnemonics(cleaned, _passphrase_bytes(passphrase))
    except shamir_mnemonic.MnemonicError as exc:
        raise BackupError(f"cannot restore from these shares: {exc}") from None
    return decode(bytes(secret))


def normalize_share(text: str) -> str:
    """One share as single-spaced lowercase words (numbering and punctuation dropped)."""
    words = re.findall(r"[A-Za-z]+", text)
    return " ".join(w.lower() for w in words)


def read_shares(text: str) -> list[str]:
    """Shares from a file: one per line; blank lines and lines starting with # ignored."""
    out: list[str] = []
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        out.append(normalize_share(s))
    return out


def format_sheets(mnemonics: list[str], threshold: int, km: KeyMaterial,
                  created: str) -> str:
    """Printable text: a header, then each share on one line with its number.

    ``read_shares`` reads this text back (comment lines are skipped)."""
    n = len(mnemonics)
    lines = [
        "# intake HQ key backup (SLIP-39 shares)",
        f"# HQ: {km.org_name} ({km.hq_id})",
        f"# HQ fingerprint: {km.fingerprint}",
        f"# Made {created}. Any {threshold} of these {n} shares restore HQ's private keys;",
        f"# {threshold - 1} reveal nothing. Give each share to a different custodian, on paper,",
        "# and destroy this file once the sheets are written and checked.",
        "# Restore: intake hq restore-keys --shares-file FILE --keyring KEYRING",
    ]
    for i, m in enumerate(mnemonics, start=1):
        words = m.split()
        lines.append("")
        lines.append(f"# Share {i} of {n} ({len(words)} words; any {threshold} restore)")
        lines.append(m)
    return "\n".join(lines) + "\n"


__all__ = [
    "BackupError",
    "KeyMaterial",
    "RecipientSecret",
    "combine",
    "decode",
    "encode",
    "format_sheets",
    "normalize_share",
    "read_shares",
    "split",
]
