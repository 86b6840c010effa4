"""Field-profile commands: init, record ..., attach, passwd, check."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from intake_app.cli.common import (
    data_dir,
    load_json_file,
    print_json,
    print_table,
    read_new_passphrase,
    read_passphrase,
)
from intake_app.errors import IntakeError, StoreCorrupt, UsageError
from intake_app.models import RecordFilter, RecordStatus, RecordSummary, ms_to_iso
from intake_app.services.field import FieldService

FIELD_SUBDIR = "field"


def field_service(args: argparse.Namespace, *, unlock: bool = True) -> FieldService:
    svc = FieldService(data_dir(args, FIELD_SUBDIR))
    if unlock:
        if not svc.exists():
            raise IntakeError(f"no profile in {svc.data_dir} (run 'intake init' first)")
        svc.unlock(read_passphrase(args))
        _warn_after_unlock(svc)
    return svc


def _warn_after_unlock(svc: FieldService) -> None:
    """Tell the owner about guessing attempts (never about duress: see protect.unlock)."""
    report = svc.unlock_report()
    if report is None:
        return
    if report.failed_attempts:
        print(f"intake: warning: {report.failed_attempts} wrong passphrase(s) were tried "
              "since the last unlock", file=sys.stderr)
    if report.settings_restored:
        print("intake: warning: the protection settings file had been removed or changed "
              "and was restored", file=sys.stderr)
    if report.weak_kdf:
        print("intake: warning: this profile's passphrase protection is weaker than it should "
              "be; run 'intake passwd' to strengthen it (then set any duress passphrase again)",
              file=sys.stderr)


def _values(path: str) -> dict[str, Any]:
    data = load_json_file(path)
    if not isinstance(data, dict):
        raise IntakeError(f"{path}: expected a JSON object of field names to values")
    return data


def _date_ms(text: str, *, end: bool) -> int:
    try:
        d = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"not a date: {text} (use YYYY-MM-DD)") from None
    if d.tzinfo is None:
        d = d.replace(tzinfo=UTC)
    ms = int(d.timestamp() * 1000)
    if end and len(text) <= 10:
        ms += 86_400_000 - 1
    return ms


def _filter(args: argparse.Namespace) -> RecordFilter:
    return RecordFilter(
        status=RecordStatus(args.status) if args.status else None,
        form_id=args.form,
        since_ms=_date_ms(args.since, end=False) if args.since else None,
        until_ms=_date_ms(args.until, end=True) if args.until else None,
    )


def _print_summaries(rows: list[RecordSummary], as_json: bool) -> None:
    if as_json:
        print_json([r.model_dump(mode="json") for r in rows])
        return
    print_table(
        ["ID", "FORM", "VERSION", "STATUS", "REV", "UPDATED"],
        [[r.id, r.form_id, r.form_version, r.status.value, str(r.revision), ms_to_iso(r.updated_at)]
         for r in rows],
    )


def cmd_init(args: argparse.Namespace) -> int:
    svc = field_service(args, unlock=False)
    svc.create(read_passphrase(args, prompt="New passphrase: ", confirm=True))
    svc.close()
    print(f"created field profile in {svc.data_dir}")
    return 0


def cmd_record_new(args: argparse.Namespace) -> int:
    values = _values(args.json)
    svc = field_service(args)
    try:
        print(svc.new_record(args.form, values, args.lang))
    finally:
        svc.close()
    return 0


def cmd_record_edit(args: argparse.Namespace) -> int:
    values = _values(args.json)
    svc = field_service(args)
    try:
        rev = svc.edit_record(args.id, values, args.lang)
    finally:
        svc.close()
    print(f"saved revision {rev}")
    return 0


def cmd_record_finalize(args: argparse.Namespace) -> int:
    svc = field_service(args)
    try:
        svc.finalize(args.id, args.lang)
    finally:
        svc.close()
    print(f"finalized {args.id}")
    return 0


def cmd_record_list(args: argparse.Namespace) -> int:
    svc = field_service(args)
    try:
        rows = svc.list_records(_filter(args), limit=args.limit)
    finally:
        svc.close()
    _print_summaries(rows, args.json_out)
    return 0


def cmd_record_search(args: argparse.Namespace) -> int:
    svc = field_service(args)
    try:
        rows = svc.search(args.query, _filter(args), limit=args.limit)
    finally:
        svc.close()
    _print_summaries(rows, args.json_out)
    return 0


def cmd_record_show(args: argparse.Namespace) -> int:
    svc = field_service(args)
    try:
        detail = svc.record(args.id, args.rev)
    finally:
        svc.close()
    if args.json_out:
        print_json(detail.model_dump(mode="json"))
        return 0
    s = detail.summary
    out = sys.stdout
    out.write(f"id:       {s.id}\nform:     {s.form_id} {s.form_version}\n"
              f"status:   {s.status.value}\nrevision: {args.rev or s.revision} of {s.revision}\n"
              f"created:  {ms_to_iso(s.created_at)}\nupdated:  {ms_to_iso(s.updated_at)}\n")
    for a in detail.attachments:
        out.write(f"attachment: {a.id}  {a.name}  {a.mime}  {a.size} bytes  sha256 {a.sha256}\n")
    out.write("values:\n")
    print_json(detail.values)
    return 0


def cmd_attach(args: argparse.Namespace) -> int:
    svc = field_service(args)
    try:
        info = svc.attach_file(args.id, Path(args.file))
    finally:
        svc.close()
    print(info.id)
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    svc = field_service(args, unlock=False)
    old = read_passphrase(args, prompt="Current passphrase: ")
    new = read_new_passphrase(args)
    svc.change_passphrase(old, new)
    print("passphrase changed")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    svc = field_service(args)
    try:
        problems = svc.check()
    finally:
        svc.close()
    if problems:
        raise StoreCorrupt(f"store is damaged: {problems[0]} ({len(problems)} problem(s))")
    print("ok")
    return 0


def add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--status", choices=[s.value for s in RecordStatus])
    p.add_argument("--form", metavar="FORM_ID")
    p.add_argument("--since", metavar="DATE", help="updated on or after (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="updated on or before (YYYY-MM-DD)")
    p.add_argument("--limit", type=int, default=-1 if p.prog.endswith("list") else 200)
    p.add_argument("--json", dest="json_out", action="store_true", help="machine-readable output")


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="create a field profile")
    p.set_defaults(func=cmd_init)

    rec = sub.add_parser("record", help="create, edit, list, search and finalize records")
    rsub = rec.add_subparsers(dest="record_command", metavar="ACTION",
                              parser_class=type(rec))
    rsub.required = True

    p = rsub.add_parser("new", help="validate and save a new draft; prints its id")
    p.add_argument("--form", required=True, metavar="FORM_ID")
    p.add_argument("--json", required=True, metavar="FILE", help="field values ('-' for stdin)")
    p.add_argument("--lang", default="en", help="language of error messages")
    p.set_defaults(func=cmd_record_new)

    p = rsub.add_parser("edit", help="save a new revision of a record")
    p.add_argument("id")
    p.add_argument("--json", required=True, metavar="FILE")
    p.add_argument("--lang", default="en")
    p.set_defaults(func=cmd_record_edit)

    p = rsub.add_parser("finalize", help="mark a draft finished and ready to seal")
    p.add_argument("id")
    p.add_argument("--lang", default="en")
    p.set_defaults(func=cmd_record_finalize)

    p = rsub.add_parser("list", help="list records (no content shown)")
    add_filters(p)
    p.set_defaults(func=cmd_record_list)

    p = rsub.add_parser("search", help="full-text search")
    p.add_argument("query")
    add_filters(p)
    p.set_defaults(func=cmd_record_search)

    p = rsub.add_parser("show", help="show a record's values, revisions and attachments")
    p.add_argument("id")
    p.add_argument("--rev", type=int, help="an earlier revision")
    p.add_argument("--json", dest="json_out", action="store_true")
    p.set_defaults(func=cmd_record_show)

    p = sub.add_parser("attach", help="store a file with a record; prints the attachment id")
    p.add_argument("id")
    p.add_argument("file")
    p.set_defaults(func=cmd_attach)

    p = sub.add_parser("passwd", help="change the passphrase")
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("check", help="check the store's integrity")
    p.set_defaults(func=cmd_check)
