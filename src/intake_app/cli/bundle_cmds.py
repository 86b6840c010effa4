"""Field: enroll, export, outbox, receipts. Auditor: verify."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from intake_app.cli.common import (
    add_group,
    add_json,
    print_json,
    print_rows,
)
from intake_app.cli.field_cmds import field_service
from intake_app.errors import IntakeError
from intake_app.models import ms_to_iso
from intake_app.services import audit, outbox_io
from intake_app.services.files import atomic_write


def _read(path: str, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise IntakeError(f"cannot read {what} {path}: {exc.strerror}") from None


def cmd_enroll(args: argparse.Namespace) -> int:
    data = _read(args.file, "provisioning file")
    svc = field_service(args, unlock=False)
    svc.provisioning_fingerprint(data)  # a damaged file fails here, before any prompt
    expect = args.expect_fingerprint
    with field_service(args) as svc:
        if svc.is_enrolled() and not args.force:
            raise IntakeError(f"this laptop is already enrolled with {svc.meta('org_name')} "
                              "(HQ id " f"{svc.meta('hq_id')}); to apply a new provisioning "
                              "file from the same HQ, run the command again with --force")
        if expect is None and not svc.is_enrolled() and sys.stdin.isatty():
            # The user types what HQ told them. The file's own fingerprint is never shown
            # first: it would be copied back, and a yes/no would be clicked through.
            expect = input("Type the HQ fingerprint HQ gave you (by phone or in person): ")
            if not expect.strip():
                raise IntakeError("enrollment cancelled: fingerprint not confirmed")
        # First enrolment refuses without a fingerprint (the service checks); later
        # ones trust the HQ key the laptop already holds.
        info, card = svc.enroll(data, expect, label=args.label)
    atomic_write(Path(args.card_out), card, mode=0o644)
    print(f"enrolled with {info.org_name} ({info.hq_id}) as {info.device_id}")
    print(f"HQ fingerprint: {info.hq_fingerprint}")
    print(f"device fingerprint: {info.device_fingerprint}")
    print(f"device card written to {args.card_out}: give it to HQ")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    dest = Path(args.to)
    if not dest.exists():
        if not args.mkdir:
            raise IntakeError(f"export folder {dest} does not exist: create it, or add --mkdir")
        try:
            dest.mkdir(parents=True, mode=0o700)
        except OSError as exc:
            raise IntakeError(f"cannot create export folder {dest}: {exc.strerror}") from None
    with field_service(args) as svc:
        result = svc.resend(dest) if args.resend else svc.export(dest)
    if result.rewritten:
        n = len(result.rewritten)
        print(f"{n} sealed volume{'s' if n != 1 else ''} never reached a stick (an earlier "
              f"export was cut off): written to {dest} now", file=sys.stderr)
    for p in result.paths:
        print(p)
    if not result.paths:
        print("nothing to export", file=sys.stderr)
    return 0


def cmd_outbox(args: argparse.Namespace) -> int:
    with field_service(args) as svc:
        entries = svc.outbox()
    print_rows(entries, args.json_out, ["SEQ", "STATE", "RECORDS", "SIZE", "CREATED", "FILE"],
               lambda e: [str(e.sequence), e.state, str(e.record_count), str(e.size),
                          ms_to_iso(e.created_at), e.file_name])
    return 0


def cmd_receipts_import(args: argparse.Namespace) -> int:
    src = Path(args.file)
    files = sorted(p for p in src.iterdir() if p.is_file()) if src.is_dir() else [src]
    with field_service(args) as svc:
        device_id = svc.meta("device_id")
        applied = 0
        for f in files:
            if src.is_dir() and device_id and device_id not in f.name:
                continue  # another laptop's receipt in a shared folder
            result = svc.import_receipt(_read(str(f), "receipt"))
            applied += 1
            print(f"{f.name}: delivered {len(result.delivered)} bundle(s), "
                  f"{len(result.already_delivered)} already, {len(result.unknown)} unknown; "
                  f"purged {result.purged_records} record(s)")
    if not applied:
        raise IntakeError(f"no receipt for this laptop in {src}")
    return 0


def cmd_receipts_witness(args: argparse.Namespace) -> int:
    with field_service(args) as svc:
        data = svc.log_witness()
    if data is None:
        raise IntakeError("no receipt carrying HQ's log head has been imported yet")
    atomic_write(Path(args.out), data)
    print(f"log witness written to {args.out}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    ring = audit.load_keyring(Path(args.keyring))
    paths = audit.expand_paths([Path(p) for p in args.paths])
    if not paths:
        raise IntakeError("no bundle files given")
    outcomes = audit.verify_paths(paths, ring)
    ok = all(o.ok for o in outcomes)
    log_check: audit.LogCheck | None = None
    logged: list[audit.LogBundleCheck] = []
    if args.log:
        log_check, logged = audit.check_log(
            Path(args.log), ring, outcomes,
            since=[Path(p) for p in args.since or []], kept=not args.no_kept_checkpoint)
        ok = ok and log_check.ok and all(b.entry is not None for b in logged)
    if args.report:
        audit.write_report(Path(args.report), ring, outcomes, log=log_check, log_bundles=logged)
    if args.json_out:
        doc: dict[str, Any] = {"keyring": {"hq_id": ring.hq_id, "org_name": ring.org_name,
                                           "fingerprint": audit.keyring_fingerprint(ring)},
                               "ok": ok, "bundles": [o.model_dump(mode="json") for o in outcomes]}
        if log_check is not None:
            doc["log"] = {"ok": log_check.ok, "entries": log_check.size,
                          "checkpoints": len(log_check.checkpoints), "head": log_check.head,
                          "problems": log_check.problems,
                          "bundles": [{"path": b.path, "entry": b.entry} for b in logged]}
        print_json(doc)
    else:
        print(f"keyring: {ring.org_name} ({ring.hq_id}) fingerprint "
              f"{audit.keyring_fingerprint(ring)}")
        for o in outcomes:
            if o.ok:
                line = f"OK    {o.path}  device {o.device_id} #{o.sequence}"
            else:
                line = f"FAIL  {o.path}  {o.reason}"
            print(line + "".join(f"  [{n}]" for n in o.notes))
        if log_check is not None:
            print(log_check.summary())
            for problem in log_check.problems:
                print(f"LOG   {problem}")
            for b in logged:
                if b.entry is None:
                    print(f"NOT LOGGED  {b.path}  no import entry for this bundle in HQ's log")
                else:
                    print(f"LOGGED  {b.path}  import entry {b.entry}")
    if args.report:
        print(f"report written to {args.report}", file=sys.stderr)
    return 0 if ok else 1


def cmd_outbox_join(args: argparse.Namespace) -> int:
    src, dest = Path(args.folder), Path(args.to)
    if not src.is_dir() or not dest.is_dir():
        raise IntakeError(f"not a folder: {src if not src.is_dir() else dest}")
    for path in outbox_io.join_folder(src, dest):
        print(path)
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("enroll", help="enroll this laptop with HQ from a provisioning file")
    p.add_argument("file")
    p.add_argument("--card-out", required=True, metavar="CARD", help="where to write the card")
    p.add_argument("--expect-fingerprint", metavar="FP", help="HQ fingerprint to insist on")
    p.add_argument("--label", default="field laptop", help="a name for this laptop at HQ")
    p.add_argument("--force", action="store_true",
                   help="enroll again (an enrolled laptop: apply HQ's newer provisioning file)")
    p.set_defaults(func=cmd_enroll)

    p = sub.add_parser("export", help="seal finalized records into bundle volume(s)")
    p.add_argument("--to", required=True, metavar="DIR")
    p.add_argument("--mkdir", action="store_true", help="create DIR if it does not exist")
    p.add_argument("--resend", action="store_true", help="write unacknowledged bundles again")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("outbox", help="list sealed bundles and their delivery state")
    add_json(p)
    p.set_defaults(func=cmd_outbox)

    rsub = add_group(sub, "receipts", "HQ receipts", "receipts_command")
    p = sub.add_parser("outbox-join", help="write the bundles of an outbox folder (one a "
                                           "panic kept) whole, for HQ; no profile needed")
    p.add_argument("folder", metavar="OUTBOX")
    p.add_argument("--to", required=True, metavar="DIR")
    p.set_defaults(func=cmd_outbox_join)

    p = rsub.add_parser("import", help="apply HQ's signed receipt (file or folder)")
    p.add_argument("file")
    p.set_defaults(func=cmd_receipts_import)
    p = rsub.add_parser("witness", help="write HQ's latest receipt (it carries the log head) "
                                        "for an auditor")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(func=cmd_receipts_witness)

    p = sub.add_parser("verify", help="verify bundles against a public keyring (no keys needed)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--keyring", required=True, metavar="KEYRING")
    add_json(p)
    p.add_argument("--log", metavar="FILE",
                   help="HQ's event log (intake hq log): check its chain and checkpoints and "
                        "that every bundle was recorded as imported")
    p.add_argument("--since", metavar="FILE", action="append",
                   help="with --log: an earlier checkpoint, log export or receipt (a witness "
                        "kept outside HQ); the log must extend it (repeatable)")
    p.add_argument("--no-kept-checkpoint", action="store_true",
                   help="with --log: neither check against nor update the checkpoint kept "
                        "from the last log verified here (e.g. to re-check an older export)")
    p.add_argument("--report", metavar="FILE.html",
                   help="also write a self-contained HTML audit report")
    p.set_defaults(func=cmd_verify)
