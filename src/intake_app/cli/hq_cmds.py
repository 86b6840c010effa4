"""``intake hq ...``: the HQ profile."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from intake_app.cli import record_cmds
from intake_app.cli.common import (
    add_database_args,
    add_group,
    add_json,
    data_dir,
    open_service,
    print_json,
    print_rows,
    prompt_secret,
    read_passphrase,
)
from intake_app.errors import IntakeError
from intake_app.models import Policy, ms_to_iso
from intake_app.services import audit
from intake_app.services.files import atomic_write, ensure_private_dir
from intake_app.services.hq import HQService

HQ_SUBDIR = "hq"


def hq_service(args: argparse.Namespace, *, unlock: bool = True) -> HQService:
    return open_service(args, HQService, unlock=unlock)


def cmd_init(args: argparse.Namespace) -> int:
    db_password = None
    if args.database and args.ask_db_password:
        db_password = prompt_secret("Database password: ", confirm=False)
    with HQService(data_dir(args, "hq"), args.database, db_password, args.blobs) as svc:
        svc.init_hq(read_passphrase(args, prompt="New passphrase: ", confirm=True), args.org,
                    recipient_keys=args.recipient_keys)
        print(f"created HQ profile {svc.hq_id} for {args.org} in {svc.data_dir}")
        print(f"HQ fingerprint: {svc.fingerprint()}")
    return 0


def cmd_fingerprint(args: argparse.Namespace) -> int:
    with hq_service(args) as svc:
        print(svc.fingerprint())
    return 0


def cmd_provision(args: argparse.Namespace) -> int:
    policy = Policy(auto_lock_minutes=args.auto_lock_minutes,
                    max_volume_bytes=args.max_volume_mb * 1_000_000,
                    keep_readable_until_receipt=args.keep_readable)
    with hq_service(args) as svc:
        if args.form_file:
            from intake_app.forms import load_form_file

            for f in args.form_file:
                svc.install_form(load_form_file(Path(f)))
        data = svc.provisioning(policy)
        fp = svc.fingerprint()
    atomic_write(Path(args.out), data, mode=0o644)
    print(f"wrote {args.out}; HQ fingerprint {fp}")
    return 0


def cmd_enroll_device(args: argparse.Namespace) -> int:
    card = Path(args.card)
    try:
        data = card.read_bytes()
    except OSError as exc:
        raise IntakeError(f"cannot read device card {card}: {exc.strerror}") from None
    with hq_service(args) as svc:
        info = svc.enroll_device(data)
    print(f"enrolled {info.device_id} ({info.label}); fingerprint {info.fingerprint}")
    return 0


def cmd_revoke_device(args: argparse.Namespace) -> int:
    with hq_service(args) as svc:
        info = svc.revoke_device(args.id)
    print(f"revoked {info.device_id}")
    return 0


def cmd_keyring(args: argparse.Namespace) -> int:
    with hq_service(args) as svc:
        data = svc.keyring_bytes()
    atomic_write(Path(args.out), data, mode=0o644)
    print(f"wrote {args.out}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    paths = audit.expand_paths([Path(p) for p in args.paths])
    if not paths:
        raise IntakeError("no bundle files given")
    told: list[bool] = []

    def waiting() -> None:
        if not told:
            told.append(True)
            print("intake: another import into this HQ store is running; waiting for it to "
                  "finish", file=sys.stderr)

    with hq_service(args) as svc:
        outcomes = [svc.import_bundle(p, on_wait=waiting) for p in paths]
    if args.json_out:
        print_json([o.model_dump(mode="json") for o in outcomes])
    else:
        for o in outcomes:
            if o.verdict == "imported":
                line = (f"imported   {o.path}  {o.device_id} #{o.sequence}: {o.records} "
                        f"revision(s), {o.attachments} attachment(s)")
            elif o.verdict == "duplicate":
                line = f"duplicate  {o.path}  {o.device_id} #{o.sequence} already imported"
            else:
                kept = " (copy kept in quarantine)" if o.quarantined else ""
                line = f"rejected   {o.path}  {o.reason}{kept}"
            print(line + "".join(f"  [{n}]" for n in o.notes))
    return 0 if all(o.verdict != "rejected" for o in outcomes) else 1


def cmd_receipts(args: argparse.Namespace) -> int:
    with hq_service(args) as svc:
        receipts = svc.receipts(args.device)
    if not receipts:
        raise IntakeError("no bundles imported yet: nothing to acknowledge")
    out = Path(args.out)
    if args.device:
        atomic_write(out, receipts[args.device], mode=0o644)
        print(f"wrote {out}")
        return 0
    # One file per device, so each laptop picks up its own.
    ensure_private_dir(out)
    for dev, data in receipts.items():
        atomic_write(out / f"receipt-{dev}.sig", data, mode=0o644)
        print(f"wrote {out / f'receipt-{dev}.sig'}")
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    with hq_service(args) as svc:
        devices = svc.devices()
    print_rows(devices, args.json_out,
               ["DEVICE", "STATE", "LAST SEQ", "MISSING", "ENROLLED", "FINGERPRINT"],
               lambda d: [d.device_id, "revoked" if d.revoked_at else "enrolled",
                          str(d.last_sequence), ",".join(map(str, d.missing)) or "-",
                          ms_to_iso(d.enrolled_at), d.fingerprint])
    return 0


def register(sub: Any) -> Any:
    """Add ``intake hq ...``; returns its subparsers so other modules can extend it."""
    hsub = add_group(sub, "hq", "HQ profile: keys, devices, import, receipts, records",
                     "hq_command")

    p = hsub.add_parser("init", help="create the HQ profile and its keys")
    p.add_argument("--org", required=True, help="organisation name shown to field staff")
    p.add_argument("--recipient-keys", type=int, default=2, choices=range(1, 17),
                   metavar="N", help="X25519 decryption keys (main + backups; default 2)")
    add_database_args(p, required=False,
                      url_help="keep the HQ store in PostgreSQL (postgresql://user@host/db, "
                      "no password: ~/.pgpass, PGPASSFILE or a service file; the profile "
                      "remembers it)", ask_help="prompt for the database password instead")
    p.add_argument("--blobs", metavar="s3://BUCKET/PREFIX",
                   help="with --database: keep attachments in this S3-compatible bucket "
                        "(endpoint and keys from INTAKE_S3_CONFIG or INTAKE_S3_ENDPOINT + "
                        "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY; the profile remembers it)")
    p.set_defaults(func=cmd_init)

    p = hsub.add_parser("fingerprint", help="print HQ's fingerprint to compare by voice")
    p.set_defaults(func=cmd_fingerprint)

    p = hsub.add_parser("provision", help="write a signed provisioning file for field laptops")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--form-file", action="append", metavar="JSON",
                   help="also install this canonical form (repeatable)")
    p.add_argument("--auto-lock-minutes", type=int, default=10)
    p.add_argument("--max-volume-mb", type=int, default=4000,
                   help="largest bundle file in MB (default 4000, below FAT32's 4 GiB)")
    p.add_argument("--keep-readable", action="store_true",
                   help="keep readable copies on the laptop until HQ's receipt")
    p.set_defaults(func=cmd_provision)

    p = hsub.add_parser("enroll-device", help="register a field laptop from its device card")
    p.add_argument("card")
    p.set_defaults(func=cmd_enroll_device)

    p = hsub.add_parser("revoke-device", help="revoke a device")
    p.add_argument("id")
    p.set_defaults(func=cmd_revoke_device)

    p = hsub.add_parser("keyring", help="write the signed public keyring for auditors")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(func=cmd_keyring)

    p = hsub.add_parser("import", help="verify, decrypt and import bundles")
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_json(p)
    p.set_defaults(func=cmd_import)

    p = hsub.add_parser("receipts", help="write signed receipts for imported bundles")
    p.add_argument("--out", required=True, metavar="PATH",
                   help="a file with --device, else a folder with one receipt per device")
    p.add_argument("--device", metavar="ID")
    p.set_defaults(func=cmd_receipts)

    p = hsub.add_parser("devices", help="enrolled devices and their sequences")
    add_json(p)
    p.set_defaults(func=cmd_devices)

    record_cmds.register(add_group(hsub, "records", "read imported records",
                                   "hq_records_command"), "hq")
    return hsub
