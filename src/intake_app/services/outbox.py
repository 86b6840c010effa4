"""Field side of the sealed bundle: export to volumes, the outbox, HQ receipts.

Order of work for each volume (crash-safe, never loses a record):
 1. reserve the sequence number (outbox row in state 'writing', committed);
 2. seal into the outbox folder under a temporary name, fsync, rename;
 3. one transaction: row -> 'pending', records -> 'sealed', readable copies
    purged unless policy keeps them until HQ's receipt;
 4. copy the volume to the destination (temporary name, fsync, rename).
A crash between 1 and 3 leaves a 'writing' row: at the next unlock its files
are deleted and the sequence is marked 'abandoned' (HQ will see a gap, never
a fork); its records were not touched and go into the next export.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from nacl.signing import SigningKey

from intake_app.crypto import PayloadItem, read_receipt, write_bundle
from intake_app.crypto.keys import public_key_from_hex, verify_key_from_hex
from intake_app.errors import IntakeError, InvalidState
from intake_app.models import ExportResult, OutboxEntry, Policy, ReceiptResult, RecordStatus
from intake_app.paths import FILE_MODE, ensure_private_dir, fsync_dir
from intake_app.services import payload
from intake_app.store.attachments import erase_attachments
from intake_app.store.records import now_ms

if TYPE_CHECKING:
    from intake_app.services.field import FieldService

OUTBOX_DIR = "outbox"
BUNDLE_SUFFIX = ".intake"
# Room kept in each volume for the header, trailer and record items.
_VOLUME_SLACK = 4 * 1024 * 1024

Progress = Callable[[int, int], None]


class ExportCancelled(IntakeError):
    def __init__(self) -> None:
        super().__init__("export cancelled; nothing was lost (finished volumes are kept)")


def outbox_dir(svc: FieldService) -> Path:
    return ensure_private_dir(svc.data_dir / OUTBOX_DIR)


def bundle_name(device_id: str, seq: int) -> str:
    return f"{device_id}-{seq:06d}{BUNDLE_SUFFIX}"


def recover(svc: FieldService) -> None:
    """Abandon volumes whose writing was interrupted (see module docstring)."""
    rows = svc.db.execute("SELECT seq, file_name FROM outbox WHERE state = 'writing'").fetchall()
    if not rows:
        return
    folder = outbox_dir(svc)
    for _seq, name in rows:
        (folder / name).unlink(missing_ok=True)
        (folder / (name + ".part")).unlink(missing_ok=True)
    with svc.db.transaction() as conn:
        conn.execute("UPDATE outbox SET state = 'abandoned' WHERE state = 'writing'")


def _require_enrollment(svc: FieldService) -> tuple[str, str, SigningKey, list[str]]:
    device_id = svc.meta("device_id")
    key_hex = svc.meta("device_key")
    hq_id = svc.meta("hq_id")
    recips = svc.meta("recipients")
    if not (device_id and key_hex and hq_id and recips):
        raise InvalidState("this laptop is not enrolled with HQ yet (run 'intake enroll')")
    return device_id, hq_id, SigningKey(bytes.fromhex(key_hex)), json.loads(recips)


def _last_link(svc: FieldService) -> tuple[int, bytes]:
    """Next sequence number and the statement hash the next bundle chains to."""
    top = svc.db.execute("SELECT max(seq) FROM outbox").fetchone()[0] or 0
    row = svc.db.execute(
        "SELECT statement_hash FROM outbox WHERE state IN ('pending', 'delivered') "
        "ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    prev = bytes.fromhex(row[0]) if row else bytes(32)
    return top + 1, prev


def _pending_records(svc: FieldService) -> list[str]:
    rows = svc.db.execute(
        "SELECT id FROM records WHERE status = ? ORDER BY created_at, id",
        (RecordStatus.FINALIZED.value,),
    ).fetchall()
    return [r[0] for r in rows]


def _items_for(svc: FieldService, record_id: str, part_max: int) -> list[PayloadItem]:
    db = svc.db
    rec = db.execute(
        "SELECT form_id, form_version, created_at, exported_rev FROM records WHERE id = ?",
        (record_id,),
    ).fetchone()
    items = [
        payload.record_item(record_id=record_id, form_id=rec[0], form_version=rec[1],
                            created_at=rec[2], rev=rev, saved_at=saved, values_json=data)
        for rev, saved, data in db.execute(
            "SELECT rev, saved_at, data FROM revisions WHERE record_id = ? AND rev > ? "
            "ORDER BY rev", (record_id, rec[3])).fetchall()
    ]  # fmt: skip
    for att_id, name, mime, size, sha in db.execute(
        "SELECT id, name, mime, size, sha256 FROM attachments WHERE record_id = ? AND "
        "complete = 1 ORDER BY created_at, id", (record_id,)
    ).fetchall():  # fmt: skip
        items.extend(payload.attachment_items(db, att_id=att_id, record_id=record_id, name=name,
                                              mime=mime, total_size=size, sha256=sha,
                                              part_max=part_max))
    return items


class _Tee:
    """Writes every block to two files (the outbox and the destination)."""

    def __init__(self, a: BinaryIO, b: BinaryIO) -> None:
        self._a, self._b = a, b

    def write(self, data: bytes) -> int:
        self._a.write(data)
        self._b.write(data)
        return len(data)

    def flush(self) -> None:
        self._a.flush()
        self._b.flush()


@contextlib.contextmanager
def _open_dest(path: Path | None) -> Iterator[BinaryIO | None]:
    if path is None:
        yield None
        return
    with open(path, "wb") as fh:
        yield fh


def _copy_atomic(src: Path, dest_dir: Path) -> Path:
    final = dest_dir / src.name
    tmp = dest_dir / f".{src.name}.part"
    try:
        with open(src, "rb") as fin, open(tmp, "wb") as fout:
            shutil.copyfileobj(fin, fout, 4 << 20)
            fout.flush()
            os.fsync(fout.fileno())
        os.replace(tmp, final)
        fsync_dir(dest_dir)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise IntakeError(f"cannot write to {dest_dir}: {exc.strerror or exc}") from None
    return final


def _check_dest(dest: Path) -> Path:
    if not dest.is_dir():
        raise IntakeError(f"destination is not a folder: {dest}")
    if not os.access(dest, os.W_OK):
        raise IntakeError(f"destination is not writable: {dest}")
    return dest


def export(svc: FieldService, dest: Path | None, *, progress: Progress | None = None,
           cancel: threading.Event | None = None) -> ExportResult:
    """Seal every finalized record into new volume(s); copy them to ``dest`` if given."""
    if dest is not None:
        _check_dest(dest)
    device_id, hq_id, key, recips = _require_enrollment(svc)
    recipients = [public_key_from_hex(r) for r in recips]
    policy = svc.policy()
    part_max = max(1 << 20, policy.max_volume_bytes - _VOLUME_SLACK)
    record_ids = _pending_records(svc)
    if not record_ids:
        return ExportResult(paths=(), sequences=(), record_count=0, attachment_count=0,
                            bytes_written=0)
    total = int(svc.db.execute(
        "SELECT coalesce(sum(size), 0) FROM attachments WHERE complete = 1 AND record_id IN "
        "(SELECT id FROM records WHERE status = ?)", (RecordStatus.FINALIZED.value,)
    ).fetchone()[0]) + len(record_ids)  # fmt: skip
    done = 0
    # (record id, is this the record's last item?) for every item, in order.
    queue: list[tuple[str, PayloadItem, bool]] = []
    for rid in record_ids:
        items = _items_for(svc, rid, part_max)
        queue.extend((rid, it, i == len(items) - 1) for i, it in enumerate(items))

    # Each volume must stand alone at HQ: a volume that carries attachment parts
    # of a record whose revisions went into an earlier volume carries them again
    # (HQ treats a revision it already holds as a no-op).
    revisions_of: dict[str, list[PayloadItem]] = {}
    for rid, it, _last in queue:
        if it.kind == "record":
            revisions_of.setdefault(rid, []).append(it)

    folder = outbox_dir(svc)
    paths: list[str] = []
    seqs: list[int] = []
    written = 0
    attachments = sum(1 for _, it, _ in queue if it.kind == "attachment"
                      and json.loads(it.meta)["offset"] == 0)
    pos = 0
    while pos < len(queue):
        if cancel is not None and cancel.is_set():
            raise ExportCancelled()
        seq, prev = _last_link(svc)
        name = bundle_name(device_id, seq)
        created = now_ms()
        with svc.db.transaction() as conn:
            conn.execute(
                "INSERT INTO outbox (seq, file_name, statement_hash, prev, created_at, size, "
                "record_count, state) VALUES (?, ?, '', ?, ?, 0, 0, 'writing')",
                (seq, name, prev.hex(), created),
            )
        start = pos
        in_volume: list[tuple[str, bool, PayloadItem]] = []

        def volume_items(first: int = start, vol: list[tuple[str, bool, PayloadItem]] = in_volume
                  ) -> Iterator[PayloadItem]:
            nonlocal done
            records_here: set[str] = set()
            for rid, it, last in queue[first:]:
                if cancel is not None and cancel.is_set():
                    raise ExportCancelled()
                if it.kind == "record":
                    records_here.add(rid)
                elif rid not in records_here:
                    records_here.add(rid)
                    yield from revisions_of[rid]
                vol.append((rid, last, it))
                yield it
                done += it.data_len or 1
                if progress is not None:
                    progress(done, total)

        tmp = folder / (name + ".part")
        dest_tmp = dest / f".{name}.part" if dest is not None else None
        try:
            with open(tmp, "wb") as out, _open_dest(dest_tmp) as copy:
                os.chmod(tmp, FILE_MODE)
                # One pass writes the outbox copy and the stick's copy together.
                sink = out if copy is None else cast(BinaryIO, _Tee(out, copy))
                info = write_bundle(sink, signing_key=key, device_id=device_id, hq_id=hq_id,
                                    sequence=seq, prev=prev, recipients=recipients,
                                    items=volume_items(), created_at=created // 1000,
                                    max_bytes=policy.max_volume_bytes)
                for fh in (out, copy):
                    if fh is not None:
                        fh.flush()
                        os.fsync(fh.fileno())
            os.replace(tmp, folder / name)
            fsync_dir(folder)
        except BaseException as exc:
            tmp.unlink(missing_ok=True)
            if dest_tmp is not None:
                with contextlib.suppress(OSError):
                    dest_tmp.unlink(missing_ok=True)
            with svc.db.transaction() as conn:
                conn.execute("UPDATE outbox SET state = 'abandoned' WHERE seq = ?", (seq,))
            if isinstance(exc, OSError):
                raise IntakeError(f"export failed, nothing was lost: {exc.strerror or exc}"
                                  ) from None
            raise
        if in_volume and info.unwritten is in_volume[-1][2]:
            in_volume.pop()  # the generator handed it over but it did not fit
        pos = start + len(in_volume)
        finished = [rid for rid, last, _ in in_volume if last]
        touched = sorted({rid for rid, _, _ in in_volume})
        _commit_volume(svc, seq, info.statement_hash, info.size, len(finished), touched,
                       finished, policy)
        seqs.append(seq)
        written += info.size
        if dest is not None and dest_tmp is not None:
            try:
                os.replace(dest_tmp, dest / name)
                fsync_dir(dest)
            except OSError as exc:
                raise IntakeError(f"sealed, but not written to {dest} ({exc.strerror}); "
                                  "use 'intake export --resend'") from None
            paths.append(str(dest / name))
        else:
            paths.append(str(folder / name))
    return ExportResult(paths=tuple(paths), sequences=tuple(seqs), record_count=len(record_ids),
                        attachment_count=attachments, bytes_written=written)


def _purge_content(conn: Any, record_id: str) -> None:
    """Drop every readable trace of a record, keeping its row for delivery tracking."""
    conn.execute(
        "DELETE FROM records_fts WHERE rowid = (SELECT seq FROM records WHERE id = ?)",
        (record_id,))  # fmt: skip
    erase_attachments(conn, "record_id = ?", (record_id,))  # crypto-erase: keys destroyed
    conn.execute("DELETE FROM revisions WHERE record_id = ?", (record_id,))


def _commit_volume(svc: FieldService, seq: int, statement_hash: str, size: int,
                   record_count: int, touched: list[str], finished: list[str],
                   policy: Policy) -> None:
    with svc.db.transaction() as conn:
        conn.execute(
            "UPDATE outbox SET state = 'pending', statement_hash = ?, size = ?, record_count = ?"
            " WHERE seq = ?", (statement_hash, size, record_count, seq))  # fmt: skip
        for rid in touched:
            conn.execute("INSERT OR IGNORE INTO bundle_records (seq, record_id) VALUES (?, ?)",
                         (seq, rid))
        for rid in finished:
            conn.execute(
                "UPDATE records SET status = ?, exported_rev = current_rev, updated_at = ? "
                "WHERE id = ?", (RecordStatus.SEALED.value, now_ms(), rid))  # fmt: skip
            if not policy.keep_readable_until_receipt:
                _purge_content(conn, rid)
    if finished and not policy.keep_readable_until_receipt:
        svc.db.checkpoint()  # secure_delete's overwrites reach the main file now


def outbox(svc: FieldService) -> list[OutboxEntry]:
    rows = svc.db.execute(
        "SELECT seq, file_name, statement_hash, created_at, size, record_count, state, "
        "delivered_at FROM outbox WHERE state != 'writing' ORDER BY seq"
    ).fetchall()
    return [OutboxEntry(sequence=r[0], file_name=r[1], statement_hash=r[2], created_at=r[3],
                        size=r[4], record_count=r[5], state=r[6], delivered_at=r[7])
            for r in rows]


def resend(svc: FieldService, dest: Path) -> ExportResult:
    """Write every bundle HQ has not acknowledged to ``dest`` again."""
    _check_dest(dest)
    folder = outbox_dir(svc)
    paths, seqs, size = [], [], 0
    for entry in outbox(svc):
        if entry.state != "pending":
            continue
        src = folder / entry.file_name
        if not src.exists():
            raise IntakeError(f"outbox bundle {entry.file_name} is missing from {folder}")
        paths.append(str(_copy_atomic(src, dest)))
        seqs.append(entry.sequence)
        size += entry.size
    return ExportResult(paths=tuple(paths), sequences=tuple(seqs), record_count=0,
                        attachment_count=0, bytes_written=size)


def import_receipt(svc: FieldService, data: bytes) -> ReceiptResult:
    """Check HQ's signature; mark listed bundles delivered; purge what HQ now holds."""
    device_id, hq_id, _key, _r = _require_enrollment(svc)
    hq_key = verify_key_from_hex(svc.meta("hq_signing_key") or "")
    receipt = read_receipt(data, hq_key)
    if receipt.hq_id != hq_id:
        raise IntakeError("this receipt is from another HQ")
    if receipt.device_id != device_id:
        raise IntakeError(f"this receipt is for device {receipt.device_id}, not this laptop")
    delivered, already, unknown = [], [], []
    folder = outbox_dir(svc)
    purged = 0
    with svc.db.transaction() as conn:
        for seq, digest in receipt.entries:
            row = conn.execute("SELECT statement_hash, state, file_name FROM outbox WHERE seq = ?",
                               (seq,)).fetchone()
            if row is None or row[0] != digest:
                unknown.append(seq)
                continue
            if row[1] == "delivered":
                already.append(seq)
                continue
            conn.execute("UPDATE outbox SET state = 'delivered', delivered_at = ? WHERE seq = ?",
                         (now_ms(), seq))
            delivered.append(seq)
        # A record is gone from the laptop once every bundle holding it is delivered.
        for (rid,) in conn.execute(
            "SELECT DISTINCT b.record_id FROM bundle_records b JOIN records r ON r.id = "
            "b.record_id WHERE r.status = ? AND NOT EXISTS (SELECT 1 FROM bundle_records b2 "
            "JOIN outbox o ON o.seq = b2.seq WHERE b2.record_id = b.record_id AND o.state != "
            "'delivered')", (RecordStatus.SEALED.value,)
        ).fetchall():  # fmt: skip
            _purge_content(conn, rid)
            conn.execute("DELETE FROM records WHERE id = ?", (rid,))
            conn.execute("DELETE FROM bundle_records WHERE record_id = ?", (rid,))
            purged += 1
    if purged:
        svc.db.checkpoint()
    for seq in delivered:
        row = svc.db.execute("SELECT file_name FROM outbox WHERE seq = ?", (seq,)).fetchone()
        with contextlib.suppress(FileNotFoundError):
            (folder / row[0]).unlink()
    return ReceiptResult(delivered=tuple(delivered), already_delivered=tuple(already),
                         unknown=tuple(unknown), purged_records=purged)

