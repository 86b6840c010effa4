"""Protection commands: panic, duress, protection settings, stale drafts.

    intake panic --yes [--keep-outbox | --destroy-outbox]
    intake duress set [--keep-real]      (INTAKE_DURESS_PASSPHRASE or prompt)
    intake duress clear
    intake protect status
    intake protect set [--wipe-after N] [--panic-outbox keep|destroy] [--clipboard-seconds S]
    intake drafts list [--older-than DAYS] [--json]
    intake drafts purge [--older-than DAYS] [--yes]
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from intake_app.cli.common import (
    add_group,
    add_json,
    data_dir,
    print_rows,
    prompt_secret,
)
from intake_app.cli.field_cmds import FIELD_SUBDIR, field_service
from intake_app.errors import UsageError
from intake_app.models import ms_to_iso
from intake_app.services import protection


def cmd_panic(args: argparse.Namespace) -> int:
    if not args.yes:
        raise UsageError("panic destroys this laptop's store for good; add --yes to do it")
    target = data_dir(args, FIELD_SUBDIR)
    report = protection.panic_profile(target, keep_outbox=args.keep_outbox)
    if not report.had_profile and not report.removed:
        print(f"no profile in {target}; nothing to erase")
        return 0
    print(f"erased {target} ({len(report.removed)} files) in {report.seconds * 1000:.0f} ms"
          + ("; sealed outbox kept" if report.kept_outbox else ""))
    return 0


def _duress_passphrase() -> str:
    env = os.environ.get(protection.DURESS_PASSPHRASE_ENV)
    if env is not None:
        return env
    return prompt_secret("Duress passphrase: ", confirm=True)


def cmd_duress_set(args: argparse.Namespace) -> int:
    with field_service(args) as svc:
        secret = _duress_passphrase()
        svc.set_duress(secret, erase_real=not args.keep_real)
    print("duress passphrase set" + ("" if args.keep_real else
                                     "; using it will erase this store first"))
    return 0


def cmd_duress_clear(args: argparse.Namespace) -> int:
    with field_service(args) as svc:
        svc.clear_duress()
    print("no duress passphrase is set now")
    return 0


def _print_settings(s: Any) -> None:
    print(f"wipe after wrong passphrases: {s.wipe_after or 'off'}\n"
          f"panic keeps sealed outbox:    {'yes' if s.keep_outbox_on_panic else 'no'}\n"
          f"clipboard cleared after:      {s.clipboard_clear_seconds} s")


def cmd_protect_status(args: argparse.Namespace) -> int:
    with field_service(args) as svc:
        current = svc.protect_settings()
        report = svc.unlock_report()
        max_age = svc.draft_max_age_days()
    _print_settings(current)
    print(f"drafts flagged after:         {max_age} days")
    if report is not None and report.failed_attempts:
        print(f"wrong passphrases before this unlock: {report.failed_attempts}")
    if report is not None and report.settings_restored:
        print("warning: the attempt record had been removed or changed; it was restored",
              file=sys.stderr)
    return 0


def cmd_protect_set(args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {}
    if args.wipe_after is not None:
        changes["wipe_after"] = args.wipe_after
    if args.panic_outbox is not None:
        changes["keep_outbox_on_panic"] = args.panic_outbox == "keep"
    if args.clipboard_seconds is not None:
        changes["clipboard_clear_seconds"] = args.clipboard_seconds
    if not changes:
        raise UsageError("nothing to change (see 'intake protect set --help')")
    with field_service(args) as svc:
        new = svc.update_protect_settings(**changes)
    _print_settings(new)
    return 0


def cmd_drafts_list(args: argparse.Namespace) -> int:
    with field_service(args) as svc:
        rows = svc.stale_drafts(args.older_than)
    print_rows(rows, args.json_out, ["ID", "FORM", "UPDATED"],
               lambda r: [r.id, r.form_id, ms_to_iso(r.updated_at)])
    return 0


def cmd_drafts_purge(args: argparse.Namespace) -> int:
    with field_service(args) as svc:
        rows = svc.stale_drafts(args.older_than)
        days = svc.draft_max_age_days() if args.older_than is None else args.older_than
        if not rows:
            print(f"no drafts older than {days} days")
            return 0
        if not args.yes:
            for r in rows:
                print(f"{r.id}  {r.form_id}  last saved {ms_to_iso(r.updated_at)}")
            print(f"{len(rows)} draft(s) older than {days} days; run again with --yes to "
                  "delete them for good", file=sys.stderr)
            return 1
        n = svc.purge_drafts([r.id for r in rows])
    print(f"purged {n} draft(s) older than {days} days")
    return 0


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def register(sub: Any, hq_sub: Any) -> None:
    """``sub``: top-level subparsers; ``hq_sub``: those of ``intake hq`` (unused)."""
    p = sub.add_parser("panic", help="erase this laptop's store now (no passphrase needed)")
    p.add_argument("--yes", action="store_true", help="really do it")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--keep-outbox", dest="keep_outbox", action="store_true", default=None,
                   help="keep sealed bundles not yet delivered (default: the profile setting)")
    g.add_argument("--destroy-outbox", dest="keep_outbox", action="store_false",
                   help="delete sealed bundles too")
    p.set_defaults(func=cmd_panic)

    dsub = add_group(sub, "duress", "a second passphrase that opens a harmless decoy",
                     "duress_command")
    p = dsub.add_parser("set", help="set (or replace) the duress passphrase")
    p.add_argument("--keep-real", action="store_true",
                   help="do not erase the real store when the duress passphrase is used")
    p.set_defaults(func=cmd_duress_set)
    p = dsub.add_parser("clear", help="remove any duress passphrase")
    p.set_defaults(func=cmd_duress_clear)

    psub = add_group(sub, "protect", "protection settings", "protect_command")
    p = psub.add_parser("status", help="show protection settings")
    p.set_defaults(func=cmd_protect_status)
    p = psub.add_parser("set", help="change protection settings")
    p.add_argument("--wipe-after", type=_non_negative, metavar="N",
                   help="erase the store after N wrong passphrases in a row (0: off)")
    p.add_argument("--panic-outbox", choices=["keep", "destroy"],
                   help="whether panic keeps sealed bundles not yet delivered")
    p.add_argument("--clipboard-seconds", type=_non_negative, metavar="S",
                   help="clear copied text from the clipboard after S seconds")
    p.set_defaults(func=cmd_protect_set)

    drsub = add_group(sub, "drafts", "find and purge old drafts", "drafts_command")
    for name, func, text in (("list", cmd_drafts_list, "list drafts older than the policy age"),
                             ("purge", cmd_drafts_purge, "delete drafts older than the age")):
        p = drsub.add_parser(name, help=text)
        p.add_argument("--older-than", type=_non_negative, metavar="DAYS",
                       help="age in days (default: the policy's draft_max_age_days)")
        if name == "list":
            add_json(p)
        else:
            p.add_argument("--yes", action="store_true", help="delete without asking again")
        p.set_defaults(func=func)
