"""Field side of the sealed bundle: export to volumes, the outbox, HQ receipts.

Order of work for each volume (crash-safe, never loses a record):
 1. reserve the sequence number (outbox row in state 'writing', committed);
 2. seal into the outbox folder under a temporary name and, in the same pass, into
    the destination's temporary name (services/outbox_io.py: both written at once);
    fsync the outbox copy, rename (bundle format v2: attachment chunks are copied as
    stored, never decrypted here); the destination copy's fsync starts beside it.
    The outbox does not write the blob region: each sealed part is a piece beside the
    volume's file, a hard link to the store's blob file (store/outbox.py; a copy of
    the part's bytes where no link can be made), so the export writes one copy of the
    attachment bytes, the stick's, and the purge unlinks one of the blob's two names;
    its data goes when HQ's receipt removes the piece. The link is made before the
    volume's file takes its final name;
 3. one transaction: row -> 'pending', records -> 'sealed', readable copies
    purged unless policy keeps them until HQ's receipt (the attachment's key goes with
    them: the linked ciphertext is then unreadable to the laptop, as the copy was);
 4. wait for the destination copy's fsync, rename it into place.
A crash between 1 and 3 leaves a 'writing' row: at the next unlock its files
(with its pieces) are deleted and the sequence is marked 'abandoned' (HQ will see a
gap, never a fork); its records were not touched and go into the next export.
A crash between 3 and 4 leaves the row marked 'unwritten' (issue 14, finding 4):
the next export to a stick writes it before sealing anything new. Every export to a
stick first removes this device's stale hidden ``.part`` files there.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import glob
import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol, cast

from nacl.public import PublicKey
from nacl.signing import SigningKey

from intake_app.crypto import BundleInfo, PayloadItem, read_receipt, write_bundle
from intake_app.crypto.bundle import (
    ABYTES,
    DEFAULT_CHUNK_LOG2,
    FORMAT_VERSION_2,
    FORMAT_VERSION_3,
    ITEM_HEAD,
    PART_OVERHEAD,
    PREFIX_LEN,
    SS_HEADER_LEN,
    STANZA_LEN,
    TRAILER_LEN_V2,
    SealedPart,
    part_layout,
    trailer_len,
)
from intake_app.crypto.keys import public_key_from_hex, verify_key_from_hex
from intake_app.errors import ExportCancelled, IntakeError, InvalidState
from intake_app.models import ExportResult, OutboxEntry, OutboxState, Policy, ReceiptResult
from intake_app.paths import FILE_MODE, ensure_private_dir, fsync_dir
from intake_app.services import outbox_io, payload
from intake_app.store import attachments as store_attachments
from intake_app.store import outbox as store_outbox
from intake_app.store.backend import Store
from intake_app.store.blobs import STRIDE
from intake_app.store.ids import now_ms


class OutboxOwner(Protocol):
    """What the outbox needs of ``services.field.FieldService`` (no import back to it)."""

    data_dir: Path

    @property
    def _store(self) -> Store: ...
    def meta(self, key: str) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...
    def policy(self) -> Policy: ...

OUTBOX_DIR = "outbox"
# Field devices write v3 (attachment ciphertext moved as stored, its hash a tree that
# two cores compute). Tests set 1 or 2 to make the bundles earlier code made and check
# that HQ still imports them.
BUNDLE_VERSION = FORMAT_VERSION_3
BUNDLE_SUFFIX = ".intake"
# Room kept in each volume for the header, trailer and record items.
_VOLUME_SLACK = 4 * 1024 * 1024

Progress = Callable[[int, int], None]


def outbox_dir(svc: OutboxOwner) -> Path:
    return ensure_private_dir(svc.data_dir / OUTBOX_DIR)


def reconcile_decoy(svc: OutboxOwner) -> None:
    """The duress decoy's view of the sealed bundles beside it (finding 13).

    A searcher who holds the duress passphrase sees both the decoy and the files in
    outbox/, whose names and plaintext headers name this device and HQ. The decoy
    therefore shows them as its own sealed, unacknowledged bundles (sealed records
    are never readable on a laptop, so this is what a real profile shows too), and
    takes this device's identity from them when the enrollment was not copied at
    ``duress set``. Nothing is verified or decrypted: the decoy has no key for them."""
    from nacl.signing import SigningKey

    from intake_app.crypto.bundle import Statement, read_statement_unverified
    from intake_app.errors import BundleError

    folder = svc.data_dir / OUTBOX_DIR
    rows: list[tuple[int, str, str, str, int, int, int]] = []
    ident: tuple[str, str] | None = None
    first_at: int | None = None
    names = sorted(p for p in folder.glob("*" + BUNDLE_SUFFIX)) if folder.is_dir() else []
    for path in names:
        try:
            with open(path, "rb") as fh:
                hdr, stmt, size = read_statement_unverified(fh)
            st = Statement.decode(stmt, hdr.version)
        except (OSError, BundleError, ValueError):
            continue
        if ident is None:
            ident = (hdr.device_id, hdr.hq_id)
        if (hdr.device_id, hdr.hq_id) != ident:
            continue
        first_at = hdr.created_at if first_at is None else min(first_at, hdr.created_at)
        # The bundle's size, whether the file holds it whole or its pieces hold the blobs.
        size = len(hdr.raw) + st.stream_len + st.blob_len + trailer_len(hdr.version)
        rows.append((hdr.sequence, path.name, hashlib.sha256(stmt).hexdigest(), hdr.prev.hex(),
                     hdr.created_at * 1000, size, st.record_count))
    if ident is not None and svc.meta("device_id") is None:
        svc.set_meta("device_id", ident[0])
        svc.set_meta("hq_id", ident[1])
        svc.set_meta("org_name", ident[1])
        svc.set_meta("device_key", bytes(SigningKey.generate()).hex())
        svc.set_meta("enrolled_at", str((first_at or 0) * 1000))
    if rows or svc.meta("device_id") is not None:
        store_outbox.adopt_files(svc._store, rows)


def bundle_name(device_id: str, seq: int) -> str:
    return f"{device_id}-{seq:06d}{BUNDLE_SUFFIX}"


def recover(svc: OutboxOwner) -> None:
    """Abandon volumes whose writing was interrupted (see module docstring)."""
    names = store_outbox.writing_files(svc._store)
    if not names:
        return
    folder = outbox_dir(svc)
    for name in names:
        outbox_io.remove_volume(folder, name)
    fsync_dir(folder)
    store_outbox.abandon_writing(svc._store)


def _require_enrollment(svc: OutboxOwner) -> tuple[str, str, SigningKey, list[str]]:
    device_id = svc.meta("device_id")
    key_hex = svc.meta("device_key")
    hq_id = svc.meta("hq_id")
    recips = svc.meta("recipients")
    if not (device_id and key_hex and hq_id and recips):
        raise InvalidState("this laptop is not enrolled with HQ yet (run 'intake enroll')")
    return device_id, hq_id, SigningKey(bytes.fromhex(key_hex)), json.loads(recips)


def _items_for(svc: OutboxOwner, record_id: str, part_max: int) -> list[PayloadItem]:
    db = svc._store
    form_id, form_version, created_at, exported_rev = store_outbox.export_header(db, record_id)
    revisions = store_outbox.revisions_after(db, record_id, exported_rev)
    if exported_rev == 0:
        # A record's first export carries its current (finalized) revision only: the
        # draft revisions before it (autosave writes many) are incomplete, HQ checks
        # every revision in full and would refuse the bundle, and counted them as
        # records. HQ starts the record's history at this revision.
        revisions = revisions[-1:]
    items = [
        payload.record_item(record_id=record_id, form_id=form_id, form_version=form_version,
                            created_at=created_at, rev=rev, saved_at=saved, values_json=data)
        for rev, saved, data in revisions
    ]  # fmt: skip
    for att_id, name, mime, size, sha in store_outbox.complete_attachments(db, record_id):
        items.extend(payload.attachment_items(db, att_id=att_id, record_id=record_id, name=name,
                                              mime=mime, total_size=size, sha256=sha,
                                              part_max=part_max,
                                              sealed=BUNDLE_VERSION >= FORMAT_VERSION_2))
    return items


@contextlib.contextmanager
def _open_dest(path: Path | None) -> Iterator[BinaryIO | None]:
    if path is None:
        yield None
        return
    with open(path, "wb") as fh:
        yield fh


def _check_dest(dest: Path) -> Path:
    if not dest.is_dir():
        raise IntakeError(f"destination is not a folder: {dest}")
    if not os.access(dest, os.W_OK):
        raise IntakeError(f"destination is not writable: {dest}")
    return dest


@dataclass(frozen=True)
class ExportPlan:
    """What an export will seal, in order; computed before anything is written."""

    # (record id, item, is it the record's last item?) for every item.
    queue: list[tuple[str, PayloadItem, bool]]
    # Each volume must stand alone at HQ: a volume that carries attachment parts of a
    # record whose revisions went into an earlier volume carries them again (HQ treats
    # a revision it already holds as a no-op).
    revisions_of: dict[str, list[PayloadItem]]
    record_count: int
    attachment_count: int


def plan_export(items_by_record: list[tuple[str, list[PayloadItem]]]) -> ExportPlan:
    """The pure planning step: the item queue and what each record must repeat."""
    queue = [(rid, it, i == len(items) - 1)
             for rid, items in items_by_record for i, it in enumerate(items)]
    revisions_of: dict[str, list[PayloadItem]] = {}
    for rid, it, _last in queue:
        if it.kind == "record":
            revisions_of.setdefault(rid, []).append(it)
    attachments = sum(1 for _, it, _ in queue
                      if it.kind in ("attachment", "sealed")
                      and json.loads(it.meta)["offset"] == 0)
    return ExportPlan(queue, revisions_of, len(items_by_record), attachments)


@dataclass
class _Run:
    """One export in progress: who signs, where it goes, how far it got."""

    svc: OutboxOwner
    device_id: str
    hq_id: str
    key: SigningKey
    recipients: list[PublicKey]
    policy: Policy
    folder: Path
    dest: Path | None
    progress: Progress | None
    cancel: threading.Event | None
    total: int
    done: int = 0

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise ExportCancelled()


@dataclass(frozen=True)
class _Sealed:
    seq: int
    name: str
    info: BundleInfo
    in_volume: list[tuple[str, bool, PayloadItem]]  # (record id, last of record, item)
    dest_tmp: Path | None
    dest_sync: outbox_io.Syncing | None  # the stick copy's fsync, still running


@dataclass
class _Pieces:
    """The outbox's share of one volume's blob region: one piece per sealed part, in the
    order the writer copies them (store/outbox.py names them). Made as the writer reaches
    each part: a hard link to the store's blob file, which holds the part's stored chunks
    back to back (``blob_file_of``); else (chunks kept in rows, another file system, a
    file system without links) a copy of the part's bytes as they pass."""

    db: Store
    folder: Path
    name: str
    made: list[Path] = dataclasses.field(default_factory=list)

    def chunks(self, part: SealedPart, data_len: int) -> Iterator[bytes]:
        k = len(self.made)
        count, length = part_layout(data_len, part.chunk_log2)
        src = None
        if part.chunk_log2 == DEFAULT_CHUNK_LOG2:
            src = store_attachments.blob_file_of(self.db, part.blob_id.decode("ascii"),
                                                 part.first_index, count)
        if src is not None:
            path = self.folder / store_outbox.piece_name(self.name, k, part.first_index
                                                         * STRIDE, length)
            try:
                os.link(src, path)
            except FileExistsError:
                raise  # never written over: it may be another name of a blob file
            except OSError:  # EXDEV, EPERM, EMLINK, no links here: copy instead
                pass
            else:
                self.made.append(path)
                yield from part.chunks()  # still read: the writer hashes every byte
                return
        path = self.folder / store_outbox.piece_name(self.name, k, 0, length)
        self.made.append(path)
        with open(path, "xb") as fh:  # a new file, never one that exists (see above)
            os.chmod(path, FILE_MODE)
            out = outbox_io.Pushed(fh)
            for stored in part.chunks():
                out.write(stored)
                yield stored
            fh.flush()
            os.fsync(fh.fileno())

    def remove(self) -> None:
        for path in self.made:
            path.unlink(missing_ok=True)


def _with_progress(run: _Run, it: PayloadItem, pieces: _Pieces) -> PayloadItem:
    """A sealed part whose stored chunks report progress as they are copied (at the
    volume's close, after every item's descriptor is in the stream), and whose piece
    the outbox keeps."""
    part = it.sealed
    assert part is not None

    def chunks() -> Iterator[bytes]:
        for stored in pieces.chunks(part, it.data_len):
            run.check_cancel()
            yield stored
            run.done += len(stored) - PART_OVERHEAD
            if run.progress is not None:
                run.progress(run.done, run.total)

    return dataclasses.replace(it, sealed=dataclasses.replace(part, chunks=chunks))


def _seal_volume(run: _Run, plan: ExportPlan, start: int) -> _Sealed:
    """Steps 1-2: reserve the next sequence, seal the items from ``start`` that fit into
    the outbox folder (and the destination's temporary name) in one pass, fsync, rename."""
    svc = run.svc
    seq, prev = store_outbox.last_link(svc._store)
    name = bundle_name(run.device_id, seq)
    created = now_ms()
    store_outbox.reserve(svc._store, seq, name, prev, created)
    # Pieces an abandoned attempt at this number left (a failed unlink) are not ours.
    outbox_io.remove_volume(run.folder, name)
    pieces = _Pieces(svc._store, run.folder, name)
    in_volume: list[tuple[str, bool, PayloadItem]] = []

    def volume_items() -> Iterator[PayloadItem]:
        records_here: set[str] = set()
        for rid, it, last in plan.queue[start:]:
            run.check_cancel()
            if it.kind == "record":
                records_here.add(rid)
            elif rid not in records_here:
                records_here.add(rid)
                yield from plan.revisions_of[rid]
            it = _with_progress(run, it, pieces) if it.sealed is not None else it
            in_volume.append((rid, last, it))
            yield it
            if it.sealed is None:
                run.done += it.data_len or 1
                if run.progress is not None:
                    run.progress(run.done, run.total)

    tmp = run.folder / (name + ".part")
    dest_tmp = run.dest / f".{name}.part" if run.dest is not None else None
    dest_sync: outbox_io.Syncing | None = None
    try:
        with open(tmp, "wb") as out, _open_dest(dest_tmp) as copy:
            os.chmod(tmp, FILE_MODE)
            # One pass writes the outbox copy and the stick's copy together; the blob
            # region only to the stick (the outbox's pieces hold it).
            tee = None if copy is None else outbox_io.Tee(outbox_io.Pushed(out),
                                                          outbox_io.Pushed(copy))
            try:
                sink = cast(BinaryIO, outbox_io.Pushed(out) if tee is None else tee)
                blobs = cast(BinaryIO, outbox_io.Discard() if tee is None
                             else outbox_io.OnlyB(tee))
                info = write_bundle(sink, signing_key=run.key, device_id=run.device_id,
                                    hq_id=run.hq_id, sequence=seq, prev=prev,
                                    recipients=run.recipients, items=volume_items(),
                                    created_at=created // 1000,
                                    max_bytes=run.policy.max_volume_bytes,
                                    version=BUNDLE_VERSION, blobs_out=blobs)
            finally:
                if tee is not None:
                    tee.close()
            dest_sync = outbox_io.fsync_both(out, copy)
        if pieces.made:
            fsync_dir(run.folder)  # the pieces' names are durable before the volume's
        os.replace(tmp, run.folder / name)
        fsync_dir(run.folder)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        pieces.remove()
        if dest_sync is not None:
            with contextlib.suppress(OSError):
                dest_sync.wait()
        if dest_tmp is not None:
            with contextlib.suppress(OSError):
                dest_tmp.unlink(missing_ok=True)
        store_outbox.abandon(svc._store, seq)
        if isinstance(exc, OSError):
            raise IntakeError(f"export failed, nothing was lost: {exc.strerror or exc}"
                              ) from None
        raise
    if in_volume and info.unwritten is in_volume[-1][2]:
        in_volume.pop()  # the generator handed it over but it did not fit
    return _Sealed(seq, name, info, in_volume, dest_tmp, dest_sync)


def _commit_volume(run: _Run, vol: _Sealed) -> str:
    """Steps 3-4: the outbox row, the records' state and purge in one transaction; then
    the destination's copy takes its final name. Returns the volume's path."""
    finished = [rid for rid, last, _ in vol.in_volume if last]
    touched = sorted({rid for rid, _, _ in vol.in_volume})
    to_stick = run.dest is not None and vol.dest_tmp is not None
    try:
        # The stick copy's fsync runs meanwhile (the purge deletes a large blob file).
        store_outbox.commit_volume(run.svc._store, vol.seq, vol.info.statement_hash,
                                   vol.info.size, len(finished), touched, finished,
                                   purge=not run.policy.keep_readable_until_receipt,
                                   unwritten=to_stick)
    except BaseException:
        if vol.dest_sync is not None:
            with contextlib.suppress(OSError):
                vol.dest_sync.wait()
        raise
    if run.dest is None or vol.dest_tmp is None:
        return str(run.folder / vol.name)
    try:
        if vol.dest_sync is not None:
            vol.dest_sync.wait()  # on the stick before it takes its name
        os.replace(vol.dest_tmp, run.dest / vol.name)
        fsync_dir(run.dest)
    except OSError as exc:
        raise IntakeError(f"sealed, but not written to {run.dest} ({exc.strerror}); "
                          "the next export writes it") from None
    store_outbox.mark_written(run.svc._store, [vol.seq])
    return str(run.dest / vol.name)


def unwritten_volumes(svc: OutboxOwner) -> list[int]:
    """Sequences of sealed volumes whose export was cut before the stick's copy was
    in place: the next export to a stick writes them (finding 4)."""
    return [seq for seq, _ in store_outbox.unwritten(svc._store)]


def _remove_stale_parts(dest: Path, device_id: str) -> None:
    """This device's hidden temporary copies left on ``dest`` by a killed export (no
    other export of this profile runs: the service lock is held)."""
    pattern = f".{glob.escape(device_id)}-*{BUNDLE_SUFFIX}.part"
    for part in dest.glob(pattern):
        with contextlib.suppress(OSError):
            part.unlink()


def _write_unwritten(svc: OutboxOwner, dest: Path) -> list[tuple[int, str]]:
    """Write the volumes sealed by a cut export to ``dest``; (sequence, path) each."""
    folder = outbox_dir(svc)
    done: list[tuple[int, str]] = []
    for seq, name in store_outbox.unwritten(svc._store):
        done.append((seq, str(outbox_io.copy_volume(folder, name, dest))))
        store_outbox.mark_written(svc._store, [seq])
    return done


def export(svc: OutboxOwner, dest: Path | None, *, progress: Progress | None = None,
           cancel: threading.Event | None = None) -> ExportResult:
    """Seal every finalized record into new volume(s); copy them to ``dest`` if given."""
    if dest is not None:
        _check_dest(dest)
    device_id, hq_id, key, recips = _require_enrollment(svc)
    again: list[tuple[int, str]] = []
    if dest is not None:
        _remove_stale_parts(dest, device_id)
        again = _write_unwritten(svc, dest)
    policy = svc.policy()
    part_max = max(1 << 20, policy.max_volume_bytes - _VOLUME_SLACK)
    record_ids = store_outbox.finalized_records(svc._store)
    if not record_ids:
        return ExportResult(paths=tuple(p for _, p in again), sequences=(), record_count=0,
                            attachment_count=0, bytes_written=0,
                            rewritten=tuple(s for s, _ in again))
    plan = plan_export([(rid, _items_for(svc, rid, part_max)) for rid in record_ids])
    run = _Run(svc, device_id, hq_id, key, [public_key_from_hex(r) for r in recips], policy,
               outbox_dir(svc), dest, progress, cancel,
               total=store_outbox.finalized_attachment_bytes(svc._store) + len(record_ids))
    paths: list[str] = [p for _, p in again]
    seqs: list[int] = []
    written = 0
    pos = 0
    with svc._store.small_cache():
        while pos < len(plan.queue):
            run.check_cancel()
            vol = _seal_volume(run, plan, pos)
            pos += len(vol.in_volume)
            paths.append(_commit_volume(run, vol))
            seqs.append(vol.seq)
            written += vol.info.size
    return ExportResult(paths=tuple(paths), sequences=tuple(seqs), record_count=plan.record_count,
                        attachment_count=plan.attachment_count, bytes_written=written,
                        rewritten=tuple(s for s, _ in again))


# A volume's fixed bytes besides its items: prefix, header (ids, device key, chain link,
# lengths; measured), the stream's header and end-of-items byte and tag, the trailer;
# one stanza per recipient.
_HEADER_BODY = 140
_VOLUME_FIXED = PREFIX_LEN + _HEADER_BODY + SS_HEADER_LEN + 1 + ABYTES + TRAILER_LEN_V2
_CHUNK_AUTH = ABYTES  # secretstream tag per 1 MiB chunk of the item stream


def estimate(svc: OutboxOwner) -> tuple[int, int]:
    """(records, bytes) the next export will seal: the same items ``export`` plans,
    sized as the writer frames them (no padding, no compression), so the estimate
    matches what is written to within the header allowance."""
    _device_id, _hq_id, _key, recips = _require_enrollment(svc)
    policy = svc.policy()
    part_max = max(1 << 20, policy.max_volume_bytes - _VOLUME_SLACK)
    record_ids = store_outbox.finalized_records(svc._store)
    if not record_ids:
        return 0, 0
    stream = sealed = 0
    for rid in record_ids:
        for it in _items_for(svc, rid, part_max):
            stream += ITEM_HEAD.size + len(it.meta)
            if it.kind == "sealed" and it.sealed is not None:
                n = -(-it.data_len // (1 << 20)) if it.data_len else 0
                sealed += it.data_len + n * PART_OVERHEAD
            else:
                stream += it.data_len
    volumes = max(1, -(-(stream + sealed) // max(1, part_max)))
    stream += _CHUNK_AUTH * (stream // (1 << 20) + 1)
    fixed = volumes * (_VOLUME_FIXED + STANZA_LEN * len(recips))
    return len(record_ids), stream + sealed + fixed


def outbox(svc: OutboxOwner) -> list[OutboxEntry]:
    return store_outbox.entries(svc._store)


def resend(svc: OutboxOwner, dest: Path) -> ExportResult:
    """Write every bundle HQ has not acknowledged to ``dest`` again."""
    _check_dest(dest)
    folder = outbox_dir(svc)
    paths, seqs, size = [], [], 0
    for entry in outbox(svc):
        if entry.state != OutboxState.PENDING:
            continue
        paths.append(str(outbox_io.copy_volume(folder, entry.file_name, dest)))
        store_outbox.mark_written(svc._store, [entry.sequence])
        seqs.append(entry.sequence)
        size += entry.size
    return ExportResult(paths=tuple(paths), sequences=tuple(seqs), record_count=0,
                        attachment_count=0, bytes_written=size)


LOG_WITNESS_META = "hq.log_witness"


def _keep_log_witness(svc: OutboxOwner, log: tuple[int, str] | None, raw: bytes) -> None:
    """Keep the receipt with the longest HQ log head seen: a witness for auditors."""
    if log is None:
        return
    held = log_witness(svc)
    if held is not None:
        old = read_receipt(held, verify_key_from_hex(svc.meta("hq_signing_key") or "")).log
        if old is not None and old[0] > log[0]:
            return
    svc.set_meta(LOG_WITNESS_META, base64.b64encode(raw).decode("ascii"))


def log_witness(svc: OutboxOwner) -> bytes | None:
    """The kept receipt carrying HQ's log head (``intake receipts witness``), if any."""
    value = svc.meta(LOG_WITNESS_META)
    return base64.b64decode(value) if value else None


def import_receipt(svc: OutboxOwner, data: bytes) -> ReceiptResult:
    """Check HQ's signature; mark listed bundles delivered; purge what HQ now holds."""
    device_id, hq_id, _key, _r = _require_enrollment(svc)
    hq_key = verify_key_from_hex(svc.meta("hq_signing_key") or "")
    receipt = read_receipt(data, hq_key)
    if receipt.hq_id != hq_id:
        raise IntakeError("this receipt is from another HQ")
    if receipt.device_id != device_id:
        raise IntakeError(f"this receipt is for device {receipt.device_id}, not this laptop")
    delivered, already, unknown, purged = store_outbox.apply_receipt(
        svc._store, list(receipt.entries))
    folder = outbox_dir(svc)
    _keep_log_witness(svc, receipt.log, receipt.raw)
    for seq in delivered:  # the file and its pieces: the blobs' data goes now
        outbox_io.remove_volume(folder, store_outbox.file_name(svc._store, seq))
    return ReceiptResult(delivered=tuple(delivered), already_delivered=tuple(already),
                         unknown=tuple(unknown), purged_records=purged)
