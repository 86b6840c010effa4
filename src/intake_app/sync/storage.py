"""The drop box's disk: sealed bundles, partial uploads, signed receipts. No keys.

    <storage>/bundles/<device>/<device>-<seq:06d>.intake   complete, verified bundles
    <storage>/incoming/<device>/<name>.part                 uploads in progress
    <storage>/receipts/<device>.sig                         HQ's latest signed receipt
    <storage>/keyring.sig                                   newest keyring HQ pushed

A bundle reaches its final name only by ``os.replace`` after it verified against the
keyring and was fsynced, so the final name never holds a partial bundle. Nothing
here can open a bundle: the drop box holds public keys only.

All methods are synchronous; the server calls the slow ones (verify, fsync) from a
worker thread and mutates the in-memory index on its event loop only.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import re
import shutil
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from intake_app.crypto import Keyring, VerifiedBundle, read_receipt, verify_bundle
from intake_app.crypto.bundle import (
    MAGIC,
    MAX_HEADER,
    PREFIX_LEN,
    BundleHeader,
    parse_header,
    read_statement_unverified,
)
from intake_app.crypto.receipt import Receipt
from intake_app.errors import BundleError, Problem
from intake_app.paths import atomic_write, ensure_private_dir, fsync_dir

if TYPE_CHECKING:
    from intake_app.sync.auth import NonceStore

log = logging.getLogger("intake_app.sync")

BUNDLE_SUFFIX = ".intake"
PART_SUFFIX = ".part"
NAME_RE = re.compile(r"([A-Za-z0-9._-]{1,64})-(\d{6,19})\.intake")
KEYRING_FILE = "keyring.sig"


def bundle_name(device_id: str, sequence: int) -> str:
    """The one name a bundle may have (same as the field outbox's file names)."""
    return f"{device_id}-{sequence:06d}{BUNDLE_SUFFIX}"


def parse_name(name: str) -> tuple[str, int] | None:
    """(device_id, sequence) of a well-formed bundle name, else None."""
    m = NAME_RE.fullmatch(name)
    if not m or name.startswith("."):
        return None
    seq = int(m.group(2))
    if not 1 <= seq < 2**63 or bundle_name(m.group(1), seq) != name:
        return None
    return m.group(1), seq


def statement_hash_of(path: Path) -> str:
    """The statement hash a bundle file claims (trailer only, NOT verified)."""
    with open(path, "rb") as fh:
        _hdr, stmt, _size = read_statement_unverified(fh)
        return hashlib.sha256(stmt).hexdigest()


@dataclass
class StoredBundle:
    device_id: str
    name: str
    sequence: int
    statement_hash: str
    prev: str
    size: int
    stored_at: int  # unix ms

    def as_json(self) -> dict[str, object]:
        return {"device": self.device_id, "name": self.name, "sequence": self.sequence,
                "statement_hash": self.statement_hash, "prev": self.prev, "size": self.size,
                "stored_at": self.stored_at}


@dataclass
class PartState:
    size: int
    total: int | None  # declared by the client; unknown after a restart
    touched: float
    header_checked: bool = False


def load_keyring_file(config_path: Path) -> Keyring:
    try:
        return Keyring.load(config_path.read_bytes(), None)
    except OSError as exc:
        raise BundleError("header", f"cannot read keyring {config_path}: {exc.strerror}") from None


def load_keyring(config_path: Path, storage: Path) -> Keyring:
    """The configured keyring, or the newer one HQ pushed into storage (same HQ key)."""
    ring = load_keyring_file(config_path)
    pushed = storage / KEYRING_FILE
    if pushed.exists():
        try:
            newer = Keyring.load(pushed.read_bytes(), ring.hq_signing_key)
        except (OSError, BundleError) as exc:
            log.warning("ignoring %s: %s", pushed, exc)
        else:
            if newer.hq_id == ring.hq_id and newer.serial > ring.serial:
                ring = newer
    return ring


# (nbytes, nfiles) a device holds or reserves -> raises Problem when over a quota
RoomCheck = Callable[[int, int], None]
# (statement hash, 'stored'|'delivered') of a sequence, or None
Known = tuple[str, str] | None


def check_chain(device: str, v: VerifiedBundle, known: Known, before: Known,
                after_prev: str | None) -> str | None:
    """The chain rules for committing ``v`` (both storages; run under the device's lock).
    ``before``: what is known of #seq-1; ``after_prev``: the prev of a held #seq+1.
    Returns the state of an identical bundle already known ('duplicate'), None to
    commit; raises Problem on a fork or a broken link."""
    h = v.statement_hash.hex()
    if known is not None:
        if known[0] == h:
            return known[1]
        raise Problem(409, "chain", f"fork: device {device} #{v.sequence} already "
                      "held with a different content")
    if before is not None and before[0] != v.prev.hex():
        raise Problem(409, "chain", f"wrong-prev: #{v.sequence} does not follow the "
                      f"#{v.sequence - 1} held")
    if after_prev is not None and after_prev != h:
        raise Problem(409, "chain", f"wrong-prev: the #{v.sequence + 1} held does not "
                      f"follow this #{v.sequence}")
    return None


def stale_receipt(held_through: int | None, receipt: Receipt) -> None:
    if held_through is not None and held_through > receipt.entries[-1][0]:
        raise Problem(409, "stale-receipt", "the drop box holds a newer receipt")


def stale_keyring(current: int, ring: Keyring) -> None:
    if ring.serial <= current:
        raise Problem(409, "stale-keyring", f"keyring serial {ring.serial} is not newer "
                      f"than {current}")


def peek_header_in(fh: BinaryIO, size: int) -> BundleHeader | None:
    """The header at the start of ``fh`` (``size`` bytes so far), None if not all there."""
    if size < PREFIX_LEN:
        return None
    prefix = fh.read(PREFIX_LEN)
    if prefix[:8] != MAGIC:
        raise BundleError("header", "not an intake bundle (bad magic)")
    (hlen,) = struct.unpack_from(">I", prefix, 12)
    if not PREFIX_LEN < hlen <= MAX_HEADER:
        parse_header(prefix)  # version / suite first
        raise BundleError("header", "header length out of range")
    if size < hlen:
        return None
    return parse_header(prefix + fh.read(hlen - PREFIX_LEN))


class Sink(Protocol):
    """Where one PATCH body goes while it arrives (its digest is checked at the end)."""

    def write(self, data: bytes) -> None: ...

    def discard(self) -> None: ...


class LocalSink:
    """One PATCH body written straight into the part file at ``offset``."""

    def __init__(self, path: Path, offset: int) -> None:
        self.offset = offset
        self.fh: BinaryIO = open(path, "r+b")  # closed by append / discard
        self.fh.seek(offset)
        self.fh.truncate()

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.fh.truncate(self.offset)  # keep only what was authenticated
        self.fh.close()


class Storage:
    """One folder, one drop box (the default). The index is in memory, rebuilt by
    ``load``; the ASGI handlers call these methods on the event loop (``blocking`` is
    False) except verify and commit, which run in worker threads."""

    blocking = False

    def __init__(self, root: Path, keyring: Keyring) -> None:
        self.root = root
        self.keyring = keyring
        ensure_private_dir(root)
        self.bundles_dir = ensure_private_dir(root / "bundles")
        self.incoming_dir = ensure_private_dir(root / "incoming")
        self.receipts_dir = ensure_private_dir(root / "receipts")
        self.bundles: dict[str, dict[int, StoredBundle]] = {}
        self.receipted: dict[str, dict[int, str]] = {}
        self.parts: dict[tuple[str, str], PartState] = {}
        self.nonces: NonceStore | None = None  # None: the handlers' in-memory NonceCache

    def current_keyring(self) -> Keyring:
        return self.keyring

    def describe(self) -> str:
        return str(self.root)

    # -- paths ----------------------------------------------------------------------
    def bundle_path(self, device_id: str, name: str) -> Path:
        return self.bundles_dir / device_id / name

    def part_path(self, device_id: str, name: str) -> Path:
        return self.incoming_dir / device_id / (name + PART_SUFFIX)

    def receipt_path(self, device_id: str) -> Path:
        return self.receipts_dir / f"{device_id}.sig"

    # -- start-up ---------------------------------------------------------------------
    def load(self, stale_part_seconds: float) -> None:
        """Rebuild the index from disk; drop stale partial uploads and stray temp files."""
        now = time.time()
        for ddir in sorted(p for p in self.bundles_dir.iterdir() if p.is_dir()):
            for f in sorted(ddir.iterdir()):
                parsed = parse_name(f.name)
                if parsed is None or parsed[0] != ddir.name:
                    log.warning("ignoring unexpected file %s", f)
                    continue
                try:
                    sb = self._describe(f)
                except (OSError, BundleError) as exc:
                    log.warning("ignoring unreadable bundle %s: %s", f, exc)
                    continue
                self.bundles.setdefault(sb.device_id, {})[sb.sequence] = sb
        for ddir in sorted(p for p in self.incoming_dir.iterdir() if p.is_dir()):
            for f in sorted(ddir.iterdir()):
                name = f.name[: -len(PART_SUFFIX)] if f.name.endswith(PART_SUFFIX) else ""
                st = f.stat()
                if not name or parse_name(name) is None or now - st.st_mtime > stale_part_seconds:
                    f.unlink(missing_ok=True)
                    continue
                self.parts[(ddir.name, name)] = PartState(st.st_size, None, st.st_mtime)
        for f in sorted(self.receipts_dir.iterdir()):
            if f.name.startswith("."):
                f.unlink(missing_ok=True)  # an interrupted atomic write
                continue
            try:
                r = read_receipt(f.read_bytes(), self.keyring.hq_signing_key)
            except (OSError, BundleError) as exc:
                log.warning("ignoring receipt %s: %s", f, exc)
                continue
            self.receipted[r.device_id] = dict(r.entries)

    def _describe(self, path: Path) -> StoredBundle:
        """Index entry for a stored bundle: header and trailer only (it was verified)."""
        with open(path, "rb") as fh:
            prefix = fh.read(PREFIX_LEN)
            if len(prefix) < PREFIX_LEN or prefix[:8] != MAGIC:
                raise BundleError("header", "not a bundle")
            (hlen,) = struct.unpack_from(">I", prefix, 12)
            if not PREFIX_LEN < hlen <= MAX_HEADER:
                raise BundleError("header", "header length out of range")
            hdr = parse_header(prefix + fh.read(hlen - PREFIX_LEN))
        st = path.stat()
        return StoredBundle(hdr.device_id, path.name, hdr.sequence, statement_hash_of(path),
                            hdr.prev.hex(), st.st_size, st.st_mtime_ns // 1_000_000)

    # -- accounting -------------------------------------------------------------------
    def usage(self, device_id: str, exclude: str | None = None) -> tuple[int, int]:
        """(bytes, files) held or reserved for a device, leaving out upload ``exclude``."""
        stored = self.bundles.get(device_id, {})
        nbytes = sum(b.size for b in stored.values())
        nfiles = len(stored)
        for (dev, name), p in self.parts.items():
            if dev == device_id and name != exclude:
                nbytes += max(p.size, p.total or 0)
                nfiles += 1
        return nbytes, nfiles

    def known_hash(self, device_id: str, sequence: int) -> tuple[str, str] | None:
        """(statement hash, 'stored'|'delivered') for a sequence we hold or HQ receipted."""
        sb = self.bundles.get(device_id, {}).get(sequence)
        if sb is not None:
            return sb.statement_hash, "stored"
        h = self.receipted.get(device_id, {}).get(sequence)
        return (h, "delivered") if h is not None else None

    # -- uploads ------------------------------------------------------------------------
    @staticmethod
    def peek_header(path: Path, size: int) -> BundleHeader | None:
        """The part's header once enough bytes arrived (None: not yet). BundleError if bad."""
        if size < PREFIX_LEN:
            return None
        with open(path, "rb") as fh:
            return peek_header_in(fh, size)

    def verify_part(self, path: Path) -> VerifiedBundle:
        with open(path, "rb") as fh:
            return verify_bundle(fh, self.keyring)

    def commit_part(self, part: Path, v: VerifiedBundle) -> StoredBundle:
        """fsync, then atomically move a verified part to its final name."""
        name = bundle_name(v.device_id, v.sequence)
        final_dir = ensure_private_dir(self.bundles_dir / v.device_id)
        with open(part, "rb+") as fh:
            os.fsync(fh.fileno())
        os.utime(part)  # stored_at = commit time
        os.chmod(part, 0o600)
        final = final_dir / name
        os.replace(part, final)
        fsync_dir(final_dir)  # the rename is durable once the target directory is
        st = final.stat()
        return StoredBundle(v.device_id, name, v.sequence, v.statement_hash.hex(), v.prev.hex(),
                            st.st_size, st.st_mtime_ns // 1_000_000)

    def discard_part(self, device_id: str, name: str) -> None:
        self.part_path(device_id, name).unlink(missing_ok=True)
        self.parts.pop((device_id, name), None)

    def clean_stale(self, stale_part_seconds: float) -> int:
        now = time.time()
        gone = 0
        for (dev, name), p in list(self.parts.items()):
            if now - p.touched > stale_part_seconds:
                self.discard_part(dev, name)
                gone += 1
        return gone

    # -- the interface the handlers use (shared.SharedStorage has the same) -------------
    def upload_state(self, device: str, name: str) -> dict[str, Any]:
        parsed = parse_name(name)
        assert parsed is not None
        known = self.known_hash(device, parsed[1])
        if known is not None:
            h, state = known
            sb = self.bundles.get(device, {}).get(parsed[1])
            return {"name": name, "state": state, "complete": True, "statement_hash": h,
                    "offset": sb.size if sb else None}
        part = self.parts.get((device, name))
        if part is not None:
            return {"name": name, "state": "partial", "complete": False, "offset": part.size,
                    "total": part.total}
        return {"name": name, "state": "absent", "complete": False, "offset": 0}

    def get_part(self, device: str, name: str) -> PartState | None:
        return self.parts.get((device, name))

    def free_bytes(self) -> int | None:
        return shutil.disk_usage(self.root).free

    def reserve(self, device: str, name: str, total: int, check: RoomCheck) -> PartState:
        """Check the device's quota (``check``), then hold the part for ``total`` bytes."""
        check(*self.usage(device, exclude=name))
        part = self.parts.get((device, name))
        if part is None:
            path = self.part_path(device, name)
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            path.touch(mode=0o600)
            part = self.parts[(device, name)] = PartState(0, total, time.time())
        part.total = total
        return part

    def open_sink(self, device: str, name: str, offset: int) -> LocalSink:
        return LocalSink(self.part_path(device, name), offset)

    def append(self, device: str, name: str, sink: LocalSink, size: int) -> int:
        """The body in ``sink`` was authenticated: the part now holds offset + size bytes."""
        sink.fh.close()
        part = self.parts[(device, name)]
        part.size, part.touched = sink.offset + size, time.time()
        return part.size

    def after_failure(self, device: str, name: str, offset: int) -> None:
        part = self.parts.get((device, name))
        if part is not None:
            part.touched = time.time()
        if offset == 0:
            self.discard_part(device, name)
        elif part is not None:
            part.size = offset

    def read_header(self, device: str, name: str, size: int) -> BundleHeader | None:
        return self.peek_header(self.part_path(device, name), size)

    def mark_header_checked(self, device: str, name: str) -> None:
        self.parts[(device, name)].header_checked = True

    def verify_upload(self, device: str, name: str) -> VerifiedBundle:
        return self.verify_part(self.part_path(device, name))

    async def commit_async(self, device: str, name: str,
                           v: VerifiedBundle) -> tuple[str, StoredBundle | None]:
        """Chain checks, then the bundle's final name: ('stored', bundle), or the state
        of the identical bundle already known and None. Raises Problem (chain, disk).
        The index changes on the event loop; only the fsync and rename run in a thread."""
        seq = v.sequence
        after = self.bundles.get(device, {}).get(seq + 1)
        verdict = check_chain(device, v, self.known_hash(device, seq),
                              self.known_hash(device, seq - 1), after.prev if after else None)
        if verdict is not None:
            self.discard_part(device, name)
            return verdict, None
        path = self.part_path(device, name)
        try:
            sb = await asyncio.to_thread(self.commit_part, path, v)
        except OSError as exc:
            self.discard_part(device, name)
            raise Problem(507, "disk-error", f"could not store the bundle: {exc.strerror}") \
                from None
        self.parts.pop((device, name), None)
        self.bundles.setdefault(device, {})[seq] = sb
        return "stored", sb

    def find_bundle(self, device: str, sequence: int) -> StoredBundle | None:
        return self.bundles.get(device, {}).get(sequence)

    def bundle_body(self, sb: StoredBundle) -> Path:
        return self.bundle_path(sb.device_id, sb.name)

    def receipt_bytes(self, device: str) -> bytes | None:
        path = self.receipt_path(device)
        if device not in self.receipted or not path.exists():
            return None
        return path.read_bytes()

    def accept_receipt(self, receipt: Receipt) -> list[StoredBundle]:
        old = self.receipted.get(receipt.device_id)
        stale_receipt(max(old) if old else None, receipt)
        return self.store_receipt(receipt)

    def accept_keyring(self, data: bytes, ring: Keyring) -> None:
        stale_keyring(self.keyring.serial, ring)
        self.store_keyring(data, ring)

    # -- receipts and keyring -----------------------------------------------------------------
    def store_receipt(self, receipt: Receipt) -> list[StoredBundle]:
        """Keep HQ's receipt; delete the bundles it acknowledges (HQ holds them)."""
        atomic_write(self.receipt_path(receipt.device_id), receipt.raw, mode=0o600)
        self.receipted[receipt.device_id] = dict(receipt.entries)
        pruned: list[StoredBundle] = []
        stored = self.bundles.get(receipt.device_id, {})
        for seq, h in receipt.entries:
            sb = stored.get(seq)
            if sb is not None and sb.statement_hash == h:
                with contextlib.suppress(FileNotFoundError):
                    self.bundle_path(sb.device_id, sb.name).unlink()
                del stored[seq]
                pruned.append(sb)
        if pruned:
            fsync_dir(self.bundles_dir / receipt.device_id)
        return pruned

    def store_keyring(self, data: bytes, ring: Keyring) -> None:
        atomic_write(self.root / KEYRING_FILE, data, mode=0o600)
        self.keyring = ring

    def list_bundles(self, since: int = 0) -> list[StoredBundle]:
        out = [b for dev in self.bundles.values() for b in dev.values() if b.stored_at >= since]
        return sorted(out, key=lambda b: (b.stored_at, b.device_id, b.sequence))
