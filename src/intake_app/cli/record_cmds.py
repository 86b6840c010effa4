"""Reading records, the same for both profiles: ``intake record list|search|show`` on a
field laptop and ``intake hq records list|search|show`` at HQ."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import Any

from intake_app.cli.common import (
    add_json,
    open_service,
    print_json,
    print_rows,
)
from intake_app.errors import UsageError
from intake_app.models import RecordFilter, RecordStatus, RecordSummary, ms_to_iso
from intake_app.services.base import ProfileService
from intake_app.services.field import FieldService
from intake_app.services.hq import HQService

SERVICES: dict[str, type[ProfileService]] = {"field": FieldService, "hq": HQService}


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


def record_filter(args: argparse.Namespace) -> RecordFilter:
    return RecordFilter(
        status=RecordStatus(args.status) if args.status else None,
        form_id=args.form,
        since_ms=_date_ms(args.since, end=False) if args.since else None,
        until_ms=_date_ms(args.until, end=True) if args.until else None,
    )


def print_summaries(rows: list[RecordSummary], as_json: bool) -> None:
    print_rows(rows, as_json, ["ID", "FORM", "VERSION", "STATUS", "REV", "UPDATED"],
               lambda r: [r.id, r.form_id, r.form_version, r.status.value, str(r.revision),
                          ms_to_iso(r.updated_at)])


def _service(args: argparse.Namespace) -> ProfileService:
    return open_service(args, SERVICES[args.profile_kind])


def cmd_list(args: argparse.Namespace) -> int:
    with _service(args) as svc:
        rows = svc.list_records(record_filter(args), limit=args.limit)
    print_summaries(rows, args.json_out)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with _service(args) as svc:
        rows = svc.search(args.query, record_filter(args), limit=args.limit)
    print_summaries(rows, args.json_out)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _service(args) as svc:
        detail = svc.record(args.id, args.rev)
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


def add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--status", choices=[s.value for s in RecordStatus])
    p.add_argument("--form", metavar="FORM_ID")
    p.add_argument("--since", metavar="DATE", help="updated on or after (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="updated on or before (YYYY-MM-DD)")
    p.add_argument("--limit", type=int, default=-1 if p.prog.endswith("list") else 200)
    p.add_argument("--json", dest="json_out", action="store_true", help="machine-readable output")


def register(rsub: Any, kind: str) -> None:
    """Add list, search and show to the ``record``/``hq records`` subcommands of ``kind``."""
    p = rsub.add_parser("list", help="list records (no content shown)")
    add_filters(p)
    p.set_defaults(func=cmd_list, profile_kind=kind)

    p = rsub.add_parser("search", help="full-text search")
    p.add_argument("query")
    add_filters(p)
    p.set_defaults(func=cmd_search, profile_kind=kind)

    p = rsub.add_parser("show", help="show a record's values, revisions and attachments")
    p.add_argument("id")
    p.add_argument("--rev", type=int, help="an earlier revision")
    add_json(p)
    p.set_defaults(func=cmd_show, profile_kind=kind)
