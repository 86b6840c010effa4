"""Auditor verification: signatures, enrollment and chains, with no private key."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from intake_app.crypto import Keyring, VerifiedBundle, check_chain, fingerprint, verify_bundle
from intake_app.errors import BundleError, IntakeError, UsageError
from intake_app.hq.eventlog import (
    LogCheck,
    Witness,
    extension_problem,
    read_witness,
    verify_log,
)
from intake_app.hq.files import write_private
from intake_app.hq.report import LogBundleCheck, render_report
from intake_app.models import VerifyOutcome
from intake_app.services.outbox_io import split_volume_hint

# Types the GUI and the CLI show (they import services only).
__all__ = ["Keyring", "LogBundleCheck", "LogCheck"]


def load_keyring(path: Path) -> Keyring:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IntakeError(f"cannot read keyring {path}: {exc.strerror}") from None
    try:
        return Keyring.load(data, None)
    except BundleError as exc:
        raise IntakeError(f"{path} is not a valid keyring ({exc})") from None


def keyring_fingerprint(ring: Keyring) -> str:
    return fingerprint(bytes(ring.hq_signing_key))


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given; folders contribute their *.intake files, sorted."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.iterdir() if q.is_file() and q.suffix == ".intake"))
        else:
            out.append(p)
    return out


def verify_paths(paths: list[Path], ring: Keyring) -> list[VerifyOutcome]:
    outcomes: dict[int, VerifyOutcome] = {}
    verified: list[tuple[int, VerifiedBundle]] = []
    for i, path in enumerate(paths):
        try:
            with open(path, "rb") as fh:
                v = verify_bundle(fh, ring)
        except OSError as exc:
            outcomes[i] = VerifyOutcome(path=str(path), ok=False, kind="header",
                                        reason=f"cannot read: {exc.strerror}")
            continue
        except BundleError as exc:
            outcomes[i] = VerifyOutcome(path=str(path), ok=False, kind=exc.kind,
                                        reason=str(exc) + split_volume_hint(path))
            continue
        if v.header.hq_id != ring.hq_id:
            outcomes[i] = VerifyOutcome(path=str(path), ok=False, kind="recipient",
                                        reason=f"recipient: bundle is for {v.header.hq_id}")
            continue
        verified.append((i, v))
        outcomes[i] = VerifyOutcome(path=str(path), ok=True, device_id=v.device_id,
                                    sequence=v.sequence, statement_hash=v.statement_hash.hex())
    # Chain findings across the whole set, attached to the bundle they concern.
    by_hash: dict[str, list[int]] = {}
    for i, v in verified:
        by_hash.setdefault(v.statement_hash.hex(), []).append(i)
    seen: set[str] = set()
    for f in check_chain([v for _, v in verified]):
        if f.kind == "gap":
            for i, v in verified:
                if v.device_id == f.device_id:
                    o = outcomes[i]
                    outcomes[i] = o.model_copy(update={"notes": (
                        *o.notes, f"gap: sequence {f.sequence} of {f.device_id} missing")})
                    break
            continue
        idxs = by_hash.get(f.statement_hash, [])
        if f.kind == "duplicate":
            # Two copies of one bundle: the later copy is the duplicate.
            targets = idxs[1:] if f.statement_hash not in seen else idxs
            seen.add(f.statement_hash)
        else:
            targets = idxs
        for i in targets:
            o = outcomes[i]
            if f.refuse:
                outcomes[i] = o.model_copy(update={"ok": False, "kind": "chain",
                                                   "reason": str(f.error())})
            else:
                outcomes[i] = o.model_copy(update={"notes": (
                    *o.notes, f"{f.kind}: same bundle given twice")})
    return [outcomes[i] for i in range(len(paths))]


# -- the HQ event log and the audit report (intake verify --log / --report) -----------


WITNESS_DIR_ENV = "INTAKE_AUDITOR_DIR"


def witness_dir() -> Path:
    """Where this auditor keeps the last checkpoint of each HQ's log it verified."""
    env = os.environ.get(WITNESS_DIR_ENV)
    return Path(env) if env else Path(platformdirs.user_data_dir("intake-auditor",
                                                                 appauthor=False))


def _kept_path(hq_id: str) -> Path:
    return witness_dir() / f"{hq_id}.log-checkpoint.sig"


def _read_witness_file(path: Path, ring: Keyring) -> Witness:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IntakeError(f"cannot read witness {path}: {exc.strerror}") from None
    try:
        return read_witness(data, ring.hq_signing_key, ring.hq_id)
    except BundleError as exc:
        raise IntakeError(f"{path} is not a checkpoint, log or receipt of this HQ "
                          f"({exc})") from None


def check_log(path: Path, ring: Keyring, outcomes: list[VerifyOutcome], *,
              since: list[Path] | None = None, kept: bool = False) -> tuple[
        LogCheck, list[LogBundleCheck]]:
    """Verify HQ's exported event log against the keyring, and find the "import" entry
    of every bundle that verified. Bad log content is reported, never raised.

    The log must also extend every witness: the files in ``since`` and the checkpoint
    this auditor kept from the last log it verified (``witness_dir()``), when ``kept``;
    then a log that passes also becomes the kept witness."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IntakeError(f"cannot read log {path}: {exc.strerror}") from None
    check = verify_log(data, ring.hq_signing_key, ring.hq_id)
    witnesses = [_read_witness_file(p, ring) for p in since or []]
    kept_file = _kept_path(ring.hq_id)
    held = _read_witness_file(kept_file, ring) if kept and kept_file.exists() else None
    if held is not None:
        witnesses.append(held)
    for w in witnesses:
        problem = extension_problem(check, w)
        if problem is not None:
            check.problems.append(problem)
    if kept and check.ok and check.checkpoints:
        last = check.checkpoints[-1]
        if held is None or last.size >= held.size:
            witness_dir().mkdir(parents=True, exist_ok=True, mode=0o700)
            write_private(kept_file, last.document)
    bundles = []
    for o in outcomes:
        if o.ok:
            entry = check.import_entry(o.device_id, o.sequence, o.statement_hash)
            bundles.append(LogBundleCheck(o.path, entry.seq if entry else None))
    return check, bundles


def write_report(path: Path, ring: Keyring, outcomes: list[VerifyOutcome], *,
                 log: LogCheck | None = None, log_bundles: list[LogBundleCheck] | None = None
                 ) -> None:
    """The self-contained HTML audit report (intake_app.hq.report)."""
    if path.suffix.lower() == ".pdf":
        raise UsageError("PDF reports are not built in: write FILE.html and print it to PDF "
                         "from a browser")
    text = render_report(ring, outcomes, log=log, log_bundles=log_bundles or [])
    write_private(path, text.encode("utf-8"))
