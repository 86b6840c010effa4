"""Shared drop-box storage: several ``intake dropbox serve`` instances behind one address
keep their bytes in one S3 bucket and their state in one PostgreSQL database.

    bucket  <prefix>/uploads/<upload id>/<offset:016d>-<rand>   one authenticated PATCH body
            <prefix>/receipts/<device>.sig                      HQ's latest signed receipt
    state   dropbox_parts / dropbox_segments                    resumable uploads, in order
            dropbox_bundles                                     verified bundles (their segments)
            dropbox_receipted, dropbox_keyring                  receipts' entries, pushed keyring
            dropbox_nonces                                      replay nonces, all instances

A chunk reaches the bucket only after its signed SHA-256 matched (it is spooled first),
and is recorded in the state database in one transaction that also checks the upload
still ends at that offset, so a chunk cut mid-body at instance A leaves nothing, and
the upload resumes at any instance. Quota and chain checks run under a per-device
advisory lock, so they count what every instance holds. A stored bundle is its list of
segments (no copy); HQ's download streams them. The bucket and the database hold what a
single drop box's folder holds: sealed bundles, signed receipts, the public keyring.
"""

from __future__ import annotations

import io
import logging
import secrets
import tempfile
import time
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from intake_app.crypto import Keyring, VerifiedBundle, verify_bundle
from intake_app.crypto.bundle import BundleHeader
from intake_app.crypto.receipt import Receipt
from intake_app.errors import AuthError, Problem
from intake_app.store.pg.dropbox import DropboxState, Known, Row
from intake_app.sync.objects import Bucket
from intake_app.sync.storage import (
    PartState,
    RoomCheck,
    StoredBundle,
    bundle_name,
    check_chain,
    parse_name,
    peek_header_in,
    stale_keyring,
    stale_receipt,
)

log = logging.getLogger("intake_app.sync")

KEYRING_RECHECK = 2.0  # seconds between looks for a keyring another instance stored
SPOOL_MEMORY = 1 << 20  # a chunk spools to a temp file (ciphertext only) above this
READ_BLOCK = 4 << 20
ORPHAN_AGE = 3600.0  # seconds: an unreferenced upload object younger may be mid-commit


@dataclass
class SpoolSink:
    """One PATCH body, held until its digest matched (then it goes to the bucket)."""

    offset: int
    fh: Any

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def discard(self) -> None:
        self.fh.close()


class SegmentReader(io.RawIOBase):
    """A seekable view of an upload's segments in the bucket (for verify_bundle)."""

    def __init__(self, bucket: Bucket, segments: list[tuple[int, int, str]]) -> None:
        self.bucket, self.segments = bucket, segments
        self.starts = [s for s, _n, _k in segments]
        self.size = sum(n for _s, n, _k in segments)
        self.pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, pos: int, whence: int = 0) -> int:
        base = {0: 0, 1: self.pos, 2: self.size}[whence]
        self.pos = max(0, base + pos)
        return self.pos

    def tell(self) -> int:
        return self.pos

    def readinto(self, b: Any) -> int:
        if self.pos >= self.size or not len(b):
            return 0
        i = bisect_right(self.starts, self.pos) - 1
        start, n, key = self.segments[i]
        data = self.bucket.get(key, self.pos - start, min(len(b), start + n - self.pos))
        b[: len(data)] = data
        self.pos += len(data)
        return len(data)


class PgNonces:
    """The replay-nonce check of ``auth.NonceCache`` in the state database: a nonce used
    at any instance is refused at every other. Same per-signer quota."""

    def __init__(self, state: DropboxState, window: int, per_signer: int) -> None:
        self.state, self.window, self.per_signer = state, window, per_signer

    def add(self, role: str, ident: str, nonce: str, now: float) -> None:
        verdict = self.state.add_nonce(role, ident, nonce, now, now - 2 * self.window - 1,
                                       self.per_signer)
        if verdict == "replay":
            raise AuthError("replayed request (nonce already used)")
        if verdict == "quota":
            raise AuthError(f"too many requests from {ident}, try again later", status=503)

    def purge(self, now: float) -> int:
        return self.state.purge_nonces(now - 2 * self.window - 1)


def _bundle(row: Row) -> StoredBundle:
    return StoredBundle(str(row[0]), str(row[1]), int(row[2]), str(row[3]), str(row[4]),
                        int(row[5]), int(row[6]))


def _part(row: Row) -> PartState:
    return PartState(int(row[0]), int(row[1]), float(row[2]), bool(row[3]))


class SharedStorage:
    """The ``storage.Storage`` interface over a bucket and a state database. Every
    method blocks on the network: the handlers call them in worker threads."""

    blocking = True

    def __init__(self, bucket: Bucket, state_dsn: str, keyring: Keyring, *,
                 nonce_window: int = 300, nonce_quota: int = 5_000) -> None:
        self.bucket = bucket
        self.state = DropboxState(state_dsn)
        self.keyring = keyring
        self.nonces = PgNonces(self.state, nonce_window, nonce_quota)
        self._keyring_checked = 0.0

    def describe(self) -> str:
        return self.bucket.describe()

    def load(self, stale_part_seconds: float) -> None:
        """Create the state tables (once, whichever instance starts first), make sure
        the bucket answers, and pick up a keyring pushed earlier."""
        self.state.create()
        self.bucket.check()
        self._keyring_checked = 0.0
        self.current_keyring()
        self.clean_stale(stale_part_seconds)

    def close(self) -> None:
        self.state.close()

    # -- keyring ----------------------------------------------------------------------------
    def current_keyring(self) -> Keyring:
        """The configured keyring or the newest one HQ pushed to any instance."""
        now = time.monotonic()
        if now - self._keyring_checked < KEYRING_RECHECK:
            return self.keyring
        self._keyring_checked = now
        held = self.state.keyring(self.keyring.hq_id)
        if held is not None and held[0] > self.keyring.serial:
            ring = Keyring.load(held[1], self.keyring.hq_signing_key)
            if ring.hq_id == self.keyring.hq_id and ring.serial > self.keyring.serial:
                self.keyring = ring
        return self.keyring

    def accept_keyring(self, data: bytes, ring: Keyring) -> None:
        def check(held: int) -> None:
            stale_keyring(max(self.keyring.serial, held), ring)

        self.state.put_keyring(ring.hq_id, ring.serial, data, check)
        self.keyring = ring

    # -- lookups -----------------------------------------------------------------------------
    def upload_state(self, device: str, name: str) -> dict[str, Any]:
        parsed = parse_name(name)
        assert parsed is not None
        known = self.state.known(device, parsed[1])
        if known is not None:
            sb = self.find_bundle(device, parsed[1])
            return {"name": name, "state": known[1], "complete": True,
                    "statement_hash": known[0], "offset": sb.size if sb else None}
        part = self.get_part(device, name)
        if part is not None:
            return {"name": name, "state": "partial", "complete": False, "offset": part.size,
                    "total": part.total}
        return {"name": name, "state": "absent", "complete": False, "offset": 0}

    def get_part(self, device: str, name: str) -> PartState | None:
        row = self.state.part(device, name)
        return _part(row) if row else None

    def find_bundle(self, device: str, sequence: int) -> StoredBundle | None:
        row = self.state.bundle(device, sequence)
        return _bundle(row) if row else None

    def list_bundles(self, since: int = 0) -> list[StoredBundle]:
        return [_bundle(r) for r in self.state.bundles_since(since)]

    def free_bytes(self) -> int | None:
        return None  # the object store's capacity is the operator's (quotas still apply)

    # -- uploads ---------------------------------------------------------------------------------
    def reserve(self, device: str, name: str, total: int, check: RoomCheck) -> PartState:
        """The device's quota counted over every instance, then the part held."""
        return _part(self.state.reserve(device, name, total, check))

    def open_sink(self, device: str, name: str, offset: int) -> SpoolSink:
        return SpoolSink(offset, tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY))

    def append(self, device: str, name: str, sink: SpoolSink, size: int) -> int:
        """Put the authenticated body into the bucket, then record it if the upload still
        ends at the sink's offset (else another request got there first: 409)."""
        upload = self.state.upload_of(device, name)
        if upload is None:
            sink.discard()
            raise Problem(409, "offset-mismatch", "this upload was aborted; start again",
                          offset=0)
        key = f"uploads/{upload}/{sink.offset:016d}-{secrets.token_hex(4)}"
        sink.fh.seek(0)
        try:
            self.bucket.put(key, sink.fh, size)
        finally:
            sink.discard()
        have = self.state.add_segment(device, name, upload, sink.offset, size, key)
        if have is not None:
            self.bucket.remove([key])
            raise Problem(409, "offset-mismatch", f"the drop box holds {have} bytes of this "
                          "upload; continue from there", offset=have)
        return sink.offset + size

    def after_failure(self, device: str, name: str, offset: int) -> None:
        if offset == 0:
            self.discard_part(device, name)

    def _reader(self, segments: list[tuple[int, int, str]]) -> io.BufferedReader:
        return io.BufferedReader(SegmentReader(self.bucket, segments), READ_BLOCK)

    def read_header(self, device: str, name: str, size: int) -> BundleHeader | None:
        with self._reader(self.state.part_segments(device, name)) as fh:
            return peek_header_in(fh, size)

    def mark_header_checked(self, device: str, name: str) -> None:
        self.state.mark_header_checked(device, name)

    def verify_upload(self, device: str, name: str) -> VerifiedBundle:
        with self._reader(self.state.part_segments(device, name)) as fh:
            return verify_bundle(fh, self.keyring)

    def commit(self, device: str, name: str, v: VerifiedBundle) -> tuple[str, StoredBundle | None]:
        """Chain checks against what every instance holds, then the part becomes a bundle
        (the same segments, no copy). Returns as ``Storage.commit_async``."""
        seq = v.sequence

        def decide(known: Known, before: Known, after_prev: str | None) -> str | None:
            return check_chain(device, v, known, before, after_prev)

        def row_for(size: int) -> Row:
            return (device, bundle_name(device, seq), seq, v.statement_hash.hex(),
                    v.prev.hex(), size, int(time.time() * 1000))

        verdict, row, keys = self.state.commit(device, name, seq, decide, row_for)
        self.bucket.remove(keys)
        if verdict is not None:
            return verdict, None
        assert row is not None
        return "stored", _bundle(row)

    def discard_part(self, device: str, name: str) -> None:
        self.bucket.remove(self.state.discard_part(device, name))

    def clean_stale(self, stale_part_seconds: float) -> int:
        stale = self.state.stale_parts(time.time() - stale_part_seconds)
        for device, name in stale:
            self.discard_part(device, name)
        self.nonces.purge(time.time())
        self.sweep()
        return len(stale)

    def sweep(self, min_age: float = ORPHAN_AGE) -> int:
        """Delete upload objects no state row names, older than ``min_age`` (an instance
        may be between its put and its commit): what a crash between the two, or a
        failed delete after a receipt, left behind."""
        gone = 0
        batch: list[str] = []
        for key in self.bucket.list_older("uploads/", time.time() - min_age):
            batch.append(key)
            if len(batch) >= 1000:
                gone += self._sweep(batch)
                batch = []
        return gone + self._sweep(batch)

    def _sweep(self, keys: list[str]) -> int:
        orphans = self.state.unreferenced(keys)
        self.bucket.remove(orphans)
        if orphans:
            log.info("removed %d orphaned upload object(s)", len(orphans))
        return len(orphans)

    # -- downloads, receipts ------------------------------------------------------------------
    def bundle_body(self, sb: StoredBundle) -> Callable[[int], Iterator[bytes]]:
        def body(start: int) -> Iterator[bytes]:
            for s0, n, key in self.state.bundle_segments(sb.device_id, sb.sequence):
                if s0 + n <= start:
                    continue
                skip = max(0, start - s0)
                yield from self.bucket.stream(key, skip, n - skip)

        return body

    def receipt_bytes(self, device: str) -> bytes | None:
        if not self.state.has_receipt(device):
            return None
        return self.bucket.get_whole(f"receipts/{device}.sig")

    def accept_receipt(self, receipt: Receipt) -> list[StoredBundle]:
        """Keep HQ's receipt, delete the bundles it acknowledges (on every instance)."""
        def check(held: int | None) -> None:
            stale_receipt(held, receipt)

        def keep_raw() -> None:
            self.bucket.put_bytes(f"receipts/{receipt.device_id}.sig", receipt.raw)

        rows, keys = self.state.accept_receipt(receipt.device_id, list(receipt.entries),
                                               check, keep_raw)
        self.bucket.remove(keys)
        return [_bundle(r) for r in rows]
