"""``intake hq export | backup-keys | restore-keys | log | attachment``: exports, paper key
shares, the signed event log (docs/hq-guide.md) and saving one attachment."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from intake_app.cli.common import (
    add_json,
    prompt_secret,
    read_passphrase,
)
from intake_app.cli.hq_cmds import hq_service
from intake_app.errors import IntakeError, UsageError

SHARE_PASSPHRASE_ENV = "INTAKE_SHARE_PASSPHRASE"


def _share_passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    if not args.share_passphrase:
        return ""
    env = os.environ.get(SHARE_PASSPHRASE_ENV)
    if env is not None:
        return env
    return prompt_secret("Share passphrase: ", confirm=confirm)


def cmd_export(args: argparse.Namespace) -> int:
    from intake_app.services.hq import EXPORT_WARNING

    out = Path(args.out)
    if args.purpose:
        from intake_app.cli.case_cmds import cmd_export_purpose

        return cmd_export_purpose(args)
    if not args.format or args.format == "uwazi":
        raise UsageError("--format csv, xlsx or jsonl is required (uwazi needs --purpose)")
    with hq_service(args) as svc:
        print(f"intake: warning: {EXPORT_WARNING}", file=sys.stderr)
        summary = svc.export_records(args.format, out, form_id=args.form, lang=args.lang,
                                     raw=args.raw)
    for p in summary.paths:
        print(p)
    print(f"exported {summary.records} record(s) as {summary.format}", file=sys.stderr)
    return 0


def cmd_backup_keys(args: argparse.Namespace) -> int:
    from intake_app.services.files import write_private
    from intake_app.services.hq import keybackup

    if not 2 <= args.threshold <= args.shares <= keybackup.MAX_SHARES:
        raise UsageError(f"need 2 <= --threshold <= --shares <= {keybackup.MAX_SHARES}")
    with hq_service(args) as svc:
        passphrase = _share_passphrase(args, confirm=True)
        km = svc.key_material()
        mnemonics = svc.backup_keys(args.shares, args.threshold, passphrase)
    text = keybackup.format_sheets(mnemonics, args.threshold, km,
                                   dt.datetime.now(dt.UTC).strftime("%Y-%m-%d"))
    print("intake: warning: these shares ARE HQ's private keys once "
          f"{args.threshold} come together: write each on paper for a different custodian, "
          "then destroy any file copy", file=sys.stderr)
    if args.out:
        write_private(Path(args.out), text.encode("utf-8"))
        print(f"wrote {args.shares} shares (any {args.threshold} restore) to {args.out}")
    else:
        sys.stdout.write(text)
    return 0


def _read_share_lines(args: argparse.Namespace) -> list[str]:
    from intake_app.services.hq import keybackup

    shares: list[str] = []
    for name in args.shares_file or []:
        try:
            text = Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise IntakeError(f"cannot read shares file {name}: {exc}") from None
        shares += keybackup.read_shares(text)
    if shares:
        return shares
    if not sys.stdin.isatty():
        raise UsageError("no shares: give --shares-file FILE (one share per line) or run "
                         "in a terminal to type them")
    print("Type one share per line (words separated by spaces); an empty line ends.",
          file=sys.stderr)
    while True:
        line = prompt_secret(f"Share {len(shares) + 1}: ", confirm=False)
        if not line.strip():
            break
        shares.append(keybackup.normalize_share(line))
    return shares


def cmd_restore_keys(args: argparse.Namespace) -> int:
    if args.database is None:
        svc = hq_service(args, unlock=False)
    else:  # the importer's profile of a team HQ whose store is in PostgreSQL
        from intake_app.cli.common import data_dir
        from intake_app.services.hq import HQService

        db_password = prompt_secret("Database password: ", confirm=False) \
            if args.ask_db_password else None
        svc = HQService(data_dir(args, "hq"), args.database, db_password, args.blobs)
    if svc.exists():
        raise IntakeError(f"a profile already exists in {svc.data_dir}: restore into a new "
                          "--data-dir")
    shares = _read_share_lines(args)
    share_pass = _share_passphrase(args, confirm=False)
    keyring = None
    if args.keyring:
        try:
            keyring = Path(args.keyring).read_bytes()
        except OSError as exc:
            raise IntakeError(f"cannot read keyring {args.keyring}: {exc.strerror}") from None
    passphrase = read_passphrase(args, prompt="New passphrase: ", confirm=True)
    with svc:
        km = svc.restore_keys(passphrase, shares, share_passphrase=share_pass, keyring=keyring,
                              expect_fingerprint=args.expect_fingerprint)
        devices = len(svc.devices())
    print(f"restored HQ profile {km.hq_id} for {km.org_name} in {svc.data_dir}")
    print(f"HQ fingerprint: {km.fingerprint}")
    print(f"{len(km.recipients)} recipient key(s), {devices} device(s) from the keyring")
    if keyring is None and args.database is None:
        print("intake: warning: no --keyring given: no devices are enrolled, so bundles "
              "cannot be imported until devices are enrolled again", file=sys.stderr)
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    from intake_app.services.files import write_private

    with hq_service(args) as svc:
        data = svc.log_bytes()
    write_private(Path(args.out), data)
    entries = data.count(b'"type":"entry"')
    print(f"wrote {args.out}: {entries} entries, ending with a signed checkpoint")
    return 0


def cmd_attachment(args: argparse.Namespace) -> int:
    from intake_app.services.hq_attachments import save_attachment

    with hq_service(args) as svc:
        info = save_attachment(svc, args.id, Path(args.out))
    print(f"intake: warning: {args.out} is NOT encrypted: it left the protected store",
          file=sys.stderr)
    print(f"wrote {args.out}: {info.name}, {info.size} bytes, sha256 {info.sha256}")
    return 0


def register(sub: Any, hq_sub: Any) -> None:
    """``sub``: top-level subparsers; ``hq_sub``: those of ``intake hq``."""
    del sub  # only HQ commands here
    p = hq_sub.add_parser("export", help="export records to CSV, XLSX or JSON lines "
                          "(leaves the encrypted store)")
    p.add_argument("--format", choices=("csv", "xlsx", "jsonl", "uwazi"),
                   help="uwazi (with --purpose): Uwazi's CSV import format")
    p.add_argument("--purpose", choices=("referral", "advocacy", "statistics"),
                   help="consent-bound export (docs/hq-guide.md): only records whose "
                        "consent allows the purpose, only the form's listed fields")
    p.add_argument("--case", action="append", metavar="ID",
                   help="with --purpose: only these cases (repeatable; default all)")
    p.add_argument("--only-consenting", action="store_true",
                   help="with --purpose: leave out records without consent instead of "
                        "refusing")
    p.add_argument("--k", type=int, metavar="N",
                   help="statistics: smallest count shown (default HQ policy, 5)")
    p.add_argument("--as", dest="actor", metavar="NAME")
    add_json(p)
    p.add_argument("--out", required=True, metavar="PATH",
                   help="a folder for csv (one file per table), else a file")
    p.add_argument("--form", metavar="ID", help="only this form")
    p.add_argument("--lang", metavar="CODE",
                   help="language of choice labels (en, fa-AF, ps, ur; default: the form's)")
    p.add_argument("--raw", action="store_true",
                   help="stored choice names and true/false instead of labels")
    p.set_defaults(func=cmd_export)

    p = hq_sub.add_parser("backup-keys", help="split HQ's private keys into M-of-N paper "
                          "shares (SLIP-39)")
    p.add_argument("--shares", type=int, required=True, metavar="N")
    p.add_argument("--threshold", type=int, required=True, metavar="M")
    p.add_argument("--out", metavar="FILE", help="write the share sheets here (0600) instead "
                   "of standard output")
    p.add_argument("--share-passphrase", action="store_true",
                   help=f"protect the shares with a passphrase too (${SHARE_PASSPHRASE_ENV} "
                        "or prompt)")
    p.set_defaults(func=cmd_backup_keys)

    p = hq_sub.add_parser("restore-keys", help="create an HQ profile from M key shares")
    p.add_argument("--shares-file", action="append", metavar="FILE",
                   help="shares, one per line (repeatable: one file per custodian)")
    p.add_argument("--keyring", metavar="KEYRING",
                   help="HQ's last public keyring: brings back the enrolled devices")
    p.add_argument("--expect-fingerprint", metavar="FP",
                   help="refuse unless the restored HQ fingerprint is this")
    p.add_argument("--share-passphrase", action="store_true",
                   help=f"the shares have a passphrase (${SHARE_PASSPHRASE_ENV} or prompt)")
    p.add_argument("--database", metavar="URL",
                   help="a team HQ's PostgreSQL store (postgresql://user@host/db, no "
                        "password): the importer's new profile for it (no --keyring)")
    p.add_argument("--ask-db-password", action="store_true",
                   help="type the database password (else ~/.pgpass or a service file)")
    p.add_argument("--blobs", metavar="s3://BUCKET/PREFIX",
                   help="the team HQ's attachment bucket, if it has one")
    p.set_defaults(func=cmd_restore_keys)

    p = hq_sub.add_parser("log", help="write HQ's hash-chained, signed event log for auditors")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(func=cmd_log)

    p = hq_sub.add_parser("attachment", help="save one attachment to a file (streamed; NOT "
                          "encrypted; logged)")
    p.add_argument("id", metavar="ATTACHMENT_ID")
    p.add_argument("--out", required=True, metavar="FILE", help="written 0600, atomically")
    p.set_defaults(func=cmd_attachment)
