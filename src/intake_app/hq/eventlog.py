"""HQ's event log: an append-only hash chain with signed checkpoints.

Every import, rejection, receipt, enrollment and revocation at HQ appends one
entry. An entry is the canonical JSON object

    {"seq": n, "at": ms, "kind": str, "detail": {...}, "prev": hex64}

with ``seq`` counting from 1, ``prev`` the hash of entry n-1 (64 zeros for the
first) and

    hash(entry) = SHA-256(framed(LOG_ENTRY, canonical_json(entry)))   (hex)

Every ``CHECKPOINT_EVERY`` entries, and whenever the log is exported, HQ signs a
checkpoint (signed document, purpose ``log-checkpoint``):

    {"type": "intake-log-checkpoint", "hq_id": ID, "size": n, "head": hash of entry n,
     "at": ms}

The exported log (``intake hq log --out FILE``) is UTF-8 JSON Lines, one
canonical JSON object per line:

    {"type": "intake-hq-log", "format": 1, "hq_id": ID, "org_name": str,
     "hq_signing_key": hex64, "exported_at": ms}                       first line
    {"type": "entry", "seq", "at", "kind", "detail", "prev", "hash"}    one per entry
    {"type": "checkpoint", "size": n, "document": base64}               after entry n

The last line is a checkpoint over the whole log, made at export. An auditor
checks it with the public keyring alone (:func:`verify_log`): removing,
reordering or editing any entry breaks the chain or a checkpoint signature.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from nacl.signing import SigningKey, VerifyKey

from intake_app.crypto import labels, open_document, sign_document
from intake_app.crypto.canonical import canonical_json, parse_canonical_object
from intake_app.errors import BundleError, IntakeError
from intake_app.store import events as store_events

GENESIS = "0" * 64
CHECKPOINT_EVERY = 64
LOG_TYPE = "intake-hq-log"
LOG_FORMAT = 1
CHECKPOINT_TYPE = "intake-log-checkpoint"
CHECKPOINT_PURPOSE = "log-checkpoint"
MAX_LOG_LINE = 1_000_000

_ENTRY_KEYS = frozenset({"type", "seq", "at", "kind", "detail", "prev", "hash"})
_HEADER_KEYS = frozenset(
    {"type", "format", "hq_id", "org_name", "hq_signing_key", "exported_at"}
)


@dataclass(frozen=True)
class LogEntry:
    seq: int
    at: int
    kind: str
    detail: dict[str, Any]
    prev: str
    hash: str

    def body(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at, "kind": self.kind, "detail": self.detail,
                "prev": self.prev}


@dataclass(frozen=True)
class Checkpoint:
    size: int
    head: str
    at: int
    # The signed document itself, so an auditor can keep it as a witness.
    document: bytes = field(default=b"", compare=False, repr=False)


def entry_hash(seq: int, at: int, kind: str, detail: Mapping[str, Any], prev: str) -> str:
    body = {"seq": seq, "at": at, "kind": kind, "detail": dict(detail), "prev": prev}
    return hashlib.sha256(labels.framed(labels.LOG_ENTRY, canonical_json(body))).hexdigest()


def checkpoint_document(signing_key: SigningKey, hq_id: str, size: int, head: str,
                        at: int) -> bytes:
    return sign_document(CHECKPOINT_PURPOSE, {"type": CHECKPOINT_TYPE, "hq_id": hq_id,
                                              "size": size, "head": head, "at": at},
                         signing_key)


def read_checkpoint(document: bytes, hq_key: VerifyKey, hq_id: str) -> Checkpoint:
    """Verify one checkpoint document; BundleError if it is not HQ's."""
    doc = open_document(CHECKPOINT_PURPOSE, document, hq_key)
    b = doc.body
    if set(b) != {"type", "hq_id", "size", "head", "at"} or b["type"] != CHECKPOINT_TYPE:
        raise BundleError("header", "checkpoint: wrong or missing fields")
    if b["hq_id"] != hq_id:
        raise BundleError("recipient", f"checkpoint is for {b['hq_id']}, not {hq_id}")
    size, head, at = b["size"], b["head"], b["at"]
    if (isinstance(size, bool) or not isinstance(size, int) or size < 0
            or not isinstance(head, str) or len(head) != 64
            or isinstance(at, bool) or not isinstance(at, int)):
        raise BundleError("header", "checkpoint: malformed size, head or time")
    return Checkpoint(size, head, at, bytes(document))


# --------------------------------------------------------------------------- store side


def _chain_unchained(conn: Any) -> tuple[int, str]:
    """Chain rows written before the log was a chain; returns (last seq, head hash)."""
    last = store_events.last_chained(conn)
    seq, head = last if last else (0, GENESIS)
    rows = store_events.unchained(conn)
    for row_id, at, kind, detail_text in rows:
        try:
            detail = json.loads(detail_text)
            if not isinstance(detail, dict):
                detail = {"value": detail}
            canonical_json(detail)
        except ValueError:
            detail = {"legacy_text": str(detail_text)}
        h = entry_hash(int(row_id), int(at), str(kind), detail, head)
        store_events.chain(conn, int(row_id), canonical_json(detail).decode("utf-8"), head, h)
        seq, head = int(row_id), h
    return seq, head


def append_entry(conn: Any, *, kind: str, detail: Mapping[str, Any], at: int,
                 signing_key: SigningKey | None, hq_id: str,
                 every: int = CHECKPOINT_EVERY) -> LogEntry:
    """Append one entry inside the caller's transaction; checkpoint every ``every``."""
    detail = dict(detail)
    try:
        detail_bytes = canonical_json(detail)
    except ValueError as exc:
        raise IntakeError(f"log detail is not canonical JSON: {exc}") from None
    last_seq, head = _chain_unchained(conn)
    seq = last_seq + 1
    h = entry_hash(seq, at, kind, detail, head)
    store_events.append(conn, seq, at, kind, detail_bytes.decode("utf-8"), head, h)
    if signing_key is not None and every > 0 and seq % every == 0:
        add_checkpoint(conn, signing_key, hq_id, at)
    return LogEntry(seq, at, kind, detail, head, h)


def current_head(conn: Any) -> tuple[int, str]:
    """(size, head hash) of the log now, inside the caller's transaction."""
    return _chain_unchained(conn)


def add_checkpoint(conn: Any, signing_key: SigningKey, hq_id: str, at: int) -> Checkpoint:
    """Sign the current head (chaining any legacy rows first)."""
    size, head = _chain_unchained(conn)
    doc = checkpoint_document(signing_key, hq_id, size, head, at)
    store_events.add_checkpoint(conn, size, head, at, doc)
    return Checkpoint(size, head, at, doc)


def read_entries(conn: Any) -> list[LogEntry]:
    out = []
    for seq, at, kind, detail, prev, h in store_events.entries(conn):
        out.append(LogEntry(int(seq), int(at), str(kind), json.loads(detail), str(prev or ""),
                            str(h or "")))
    return out


def export_lines(conn: Any, *, hq_id: str, org_name: str, hq_key: VerifyKey,
                 exported_at: int, through: int | None = None) -> bytes:
    """The whole log as JSON Lines (see module docstring). The caller must have added a
    checkpoint over the head in the same transaction, or give ``through``: only the
    entries 1..through and the checkpoints over them (a team member, who holds no key,
    exports the log as far as HQ last signed it)."""
    header = {"type": LOG_TYPE, "format": LOG_FORMAT, "hq_id": hq_id, "org_name": org_name,
              "hq_signing_key": bytes(hq_key).hex(), "exported_at": exported_at}
    lines = [canonical_json(header)]
    cps: dict[int, list[bytes]] = {}
    for size, doc in store_events.checkpoints(conn):
        if through is None or size <= through:
            cps.setdefault(size, []).append(doc)

    def emit_checkpoints(size: int) -> None:
        for doc in cps.pop(size, []):
            lines.append(canonical_json({"type": "checkpoint", "size": size,
                                         "document": base64.b64encode(doc).decode("ascii")}))

    emit_checkpoints(0)
    for e in read_entries(conn):
        if through is not None and e.seq > through:
            break
        lines.append(canonical_json({"type": "entry", **e.body(), "hash": e.hash}))
        emit_checkpoints(e.seq)
    for size in sorted(cps):  # checkpoints beyond the entries cannot happen; keep them visible
        emit_checkpoints(size)
    return b"\n".join(lines) + b"\n"


# --------------------------------------------------------------------------- auditor side


@dataclass
class LogCheck:
    """What :func:`verify_log` found. ``ok`` only when ``problems`` is empty."""

    hq_id: str = ""
    org_name: str = ""
    exported_at: int = 0
    entries: list[LogEntry] = field(default_factory=list)
    checkpoints: list[Checkpoint] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def size(self) -> int:
        return len(self.entries)

    @property
    def head(self) -> str:
        return self.entries[-1].hash if self.entries else GENESIS

    def import_entry(self, device_id: str, seq: int, statement_hash: str) -> LogEntry | None:
        """The "import" entry recording this bundle, if there is one."""
        for e in self.entries:
            d = e.detail
            if (e.kind == "import" and d.get("device_id") == device_id and d.get("seq") == seq
                    and d.get("statement_hash") == statement_hash):
                return e
        return None

    def kinds(self, kind: str) -> list[LogEntry]:
        return [e for e in self.entries if e.kind == kind]

    def summary(self) -> str:
        if self.ok:
            last = self.checkpoints[-1] if self.checkpoints else None
            when = ""
            if last is not None:
                stamp = dt.datetime.fromtimestamp(last.at / 1000, dt.UTC)
                when = f" (signed {stamp.strftime('%Y-%m-%d %H:%M:%S UTC')})"
            return (f"log intact: {self.size} entries, {len(self.checkpoints)} signed "
                    f"checkpoint(s), head {self.head[:16]}… covered{when}")
        return f"log FAILED: {len(self.problems)} problem(s): " + "; ".join(self.problems[:5])


def _int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def verify_log(data: bytes, hq_key: VerifyKey, hq_id: str) -> LogCheck:
    """Check an exported log against HQ's public signing key. Never raises for bad
    content: every finding is a line in ``problems``."""
    check = LogCheck()
    problems = check.problems
    raw_lines = data.split(b"\n")
    if raw_lines and raw_lines[-1] == b"":
        raw_lines.pop()
    if not raw_lines:
        problems.append("the log file is empty")
        return check
    try:
        header = parse_canonical_object(raw_lines[0], kind="header", what="log header")
    except BundleError as exc:
        problems.append(f"line 1: {exc}")
        return check
    if set(header) != _HEADER_KEYS or header.get("type") != LOG_TYPE:
        problems.append("line 1: not an intake HQ log header")
        return check
    if header["format"] != LOG_FORMAT:
        problems.append(f"unsupported log format {header['format']!r}")
        return check
    check.hq_id = str(header["hq_id"])
    check.org_name = str(header["org_name"])
    check.exported_at = header["exported_at"] if _int(header["exported_at"]) else 0
    if header["hq_id"] != hq_id:
        problems.append(f"the log is from {header['hq_id']}, not {hq_id}")
    if header["hq_signing_key"] != bytes(hq_key).hex():
        problems.append("the log names another HQ signing key than the keyring")

    running = GENESIS
    expected = 1
    covered = -1
    for lineno, line in enumerate(raw_lines[1:], start=2):
        if len(line) > MAX_LOG_LINE:
            problems.append(f"line {lineno}: too long")
            continue
        try:
            obj = parse_canonical_object(line, kind="header", what="log line")
        except BundleError as exc:
            problems.append(f"line {lineno}: {exc}")
            continue
        kind = obj.get("type")
        if kind == "entry":
            if set(obj) != _ENTRY_KEYS or not (_int(obj["seq"]) and _int(obj["at"])
                                               and isinstance(obj["kind"], str)
                                               and isinstance(obj["detail"], dict)
                                               and isinstance(obj["prev"], str)
                                               and isinstance(obj["hash"], str)):
                problems.append(f"line {lineno}: malformed entry")
                continue
            seq = obj["seq"]
            h = entry_hash(seq, obj["at"], obj["kind"], obj["detail"], obj["prev"])
            if h != obj["hash"]:
                problems.append(f"entry {seq} (line {lineno}) was edited: its content does "
                                "not match its hash")
            if seq != expected:
                problems.append(f"entry {seq} (line {lineno}) is out of place: expected entry "
                                f"{expected} (an entry was removed or reordered)")
            if obj["prev"] != running:
                problems.append(f"entry {seq} (line {lineno}) does not chain to the entry "
                                "before it")
            running = h
            expected = seq + 1
            check.entries.append(LogEntry(seq, obj["at"], obj["kind"], obj["detail"],
                                          obj["prev"], h))
        elif kind == "checkpoint":
            if set(obj) != {"type", "size", "document"} or not isinstance(obj["document"], str):
                problems.append(f"line {lineno}: malformed checkpoint")
                continue
            try:
                doc = base64.b64decode(obj["document"], validate=True)
                cp = read_checkpoint(doc, hq_key, hq_id)
            except (binascii.Error, ValueError):
                problems.append(f"line {lineno}: checkpoint is not base64")
                continue
            except BundleError as exc:
                problems.append(f"line {lineno}: checkpoint refused: {exc}")
                continue
            if cp.size != obj["size"]:
                problems.append(f"line {lineno}: checkpoint line says size {obj['size']} but "
                                f"the signed checkpoint says {cp.size}")
            if cp.size != len(check.entries) or cp.head != running:
                problems.append(f"signed checkpoint over {cp.size} entries (line {lineno}) does "
                                "not match the entries before it (removed, reordered or "
                                "edited)")
            else:
                covered = cp.size
            check.checkpoints.append(cp)
        else:
            problems.append(f"line {lineno}: unknown line type {kind!r}")
    if covered != len(check.entries):
        missing = len(check.entries) - max(covered, 0)
        problems.append(f"the head of the log is not covered by a signed checkpoint "
                        f"({missing} entr{'y' if missing == 1 else 'ies'} after the last "
                        "valid checkpoint)")
    return check


# --------------------------------------------------------------------------- witnesses
#
# The chain and HQ's checkpoints stop edits by anyone without HQ's key, but not HQ
# itself: an insider can rewrite the log and sign it again. What catches that is a head
# someone outside HQ kept: a checkpoint an auditor verified earlier, the log head a
# receipt carried to a field laptop, the checkpoint beside an export a partner holds.
# The log is a hash chain, so the new log extends a witnessed head (size n, hash h)
# exactly when its n-th entry hashes to h: that one check covers entries 1..n.


@dataclass(frozen=True)
class Witness:
    size: int
    head: str
    at: int
    source: str  # "checkpoint", "receipt" or "log"
    document: bytes = field(default=b"", compare=False, repr=False)


def read_witness(data: bytes, hq_key: VerifyKey, hq_id: str) -> Witness:
    """A signed log head from a checkpoint document, a receipt or an exported log.
    BundleError when the bytes are none of these (or not HQ's)."""
    from intake_app.crypto.receipt import read_receipt

    if data.startswith(b"{") and LOG_TYPE.encode() in data[:200]:
        check = verify_log(data, hq_key, hq_id)
        if not check.ok or not check.checkpoints:
            raise BundleError("header", "the earlier log does not verify: " + check.summary())
        cp = check.checkpoints[-1]
        return Witness(cp.size, cp.head, cp.at, "log", cp.document)
    try:
        cp = read_checkpoint(data, hq_key, hq_id)
        return Witness(cp.size, cp.head, cp.at, "checkpoint", cp.document)
    except BundleError as first:
        try:
            receipt = read_receipt(data, hq_key)
        except BundleError:
            raise first from None
    if receipt.hq_id != hq_id:
        raise BundleError("recipient", f"receipt is from {receipt.hq_id}, not {hq_id}")
    if receipt.log is None:
        raise BundleError("header", "this receipt carries no log head (made by an older HQ)")
    return Witness(receipt.log[0], receipt.log[1], 0, "receipt", receipt.raw)


def extension_problem(check: LogCheck, w: Witness) -> str | None:
    """Why the verified log does not extend the witnessed head (None: it does)."""
    if w.size > check.size:
        return (f"the log has {check.size} entries, but a {w.source} kept outside HQ "
                f"witnessed {w.size}: entries were deleted")
    got = GENESIS if w.size == 0 else check.entries[w.size - 1].hash
    if got != w.head:
        return (f"entries 1..{w.size} are not those a {w.source} kept outside HQ witnessed: "
                "the log was rewritten")
    return None


__all__ = [
    "CHECKPOINT_EVERY",
    "GENESIS",
    "Checkpoint",
    "LogCheck",
    "LogEntry",
    "Witness",
    "add_checkpoint",
    "append_entry",
    "checkpoint_document",
    "current_head",
    "entry_hash",
    "export_lines",
    "extension_problem",
    "read_checkpoint",
    "read_entries",
    "read_witness",
    "verify_log",
]
