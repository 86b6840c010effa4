"""``intake hq cases ...`` and ``intake hq duplicates``: HQ's case desk
(intake_app.services.cases). Every change needs ``--as NAME`` (or $INTAKE_USER, else
the login name) and, where the desk asks for one, ``--reason``."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from intake_app.cli.common import (
    add_group,
    add_json,
    print_json,
    print_result,
    print_rows,
    print_table,
)
from intake_app.cli.hq_cmds import hq_service
from intake_app.errors import UsageError
from intake_app.models import CaseDetail, CaseFilter, CaseSummary, ms_to_iso
from intake_app.services.hq import HQService

USER_ENV = "INTAKE_USER"
QUEUES = ("all", "new", "priority", "overdue", "expiring", "mine", "closed")
STATUSES = ("new", "triaged", "in_progress", "referred", "closed")


def actor(args: argparse.Namespace) -> str:
    who = getattr(args, "actor", None) or os.environ.get(USER_ENV)
    if not who:
        try:
            who = getpass.getuser()
        except (KeyError, OSError):
            who = ""
    if not who:
        raise UsageError(f"who is acting? give --as NAME (or set ${USER_ENV})")
    return who


def _ms(text: str | None, end: bool = False) -> int | None:
    if text is None:
        return None
    try:
        d = dt.datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=dt.UTC)
    except ValueError:
        raise UsageError(f"date {text!r}: expected YYYY-MM-DD") from None
    return int(d.timestamp() * 1000) + (86_399_999 if end else 0)


def with_hq(args: argparse.Namespace, fn: Callable[[HQService], Any]) -> Any:
    svc = hq_service(args)
    try:
        return fn(svc)
    finally:
        svc.close()


def print_cases(rows: list[CaseSummary], as_json: bool) -> None:
    print_rows(rows, as_json, ["CASE", "NAME", "STATUS", "PRIORITY", "CASEWORKER", "PROVINCE",
                               "NEXT DUE", "DOC EXPIRES"],
               lambda r: [r.id, r.display_name, r.status,
                          r.priority + ("*" if r.priority_override else ""),
                          r.assignee or "-", r.province or "-", r.next_due or "-",
                          r.doc_expiry or "-"])


def print_case(d: CaseDetail, as_json: bool) -> None:
    if as_json:
        print_json(d.model_dump(mode="json"))
        return
    s = d.summary
    w = sys.stdout.write
    w(f"case:       {s.id}  {s.display_name}\n")
    w(f"names:      {' / '.join(d.names) or '-'}\n")
    w(f"status:     {s.status}\npriority:   {s.priority}"
      f"{' (override; form says ' + d.priority_auto + ')' if s.priority_override else ''}\n")
    for r in d.priority_reasons:
        w(f"  because   {r}\n")
    w(f"caseworker: {s.assignee or '-'}\nprovince:   {s.province or '-'}\n"
      f"needs:      {', '.join(s.needs) or '-'}\n")
    for rec in d.records:
        w(f"record:     {rec.id}  {rec.form_id} {rec.form_version}  "
          f"{ms_to_iso(rec.created_at)}\n")
    for c in d.merged_cases:
        w(f"merged in:  {c}\n")
    for f in d.follow_ups:
        state = f"done {ms_to_iso(f.done_at)} by {f.done_by}" if f.done_at else "open"
        w(f"follow-up:  #{f.id} {f.due} {f.label} ({f.source}; {state})\n")
    for ref in d.referrals:
        w(f"referral:   #{ref.id} {ms_to_iso(ref.at)} to {ref.partner} for {ref.need} "
          f"by {ref.actor}\n")
    for n in d.notes:
        w(f"note:       {ms_to_iso(n.at)} {n.author}: {n.text}\n")
    for h in d.history:
        w(f"history:    {ms_to_iso(h.at)} {h.actor} {h.action} "
          f"{' '.join(f'{k}={v}' for k, v in sorted(h.detail.items()))}"
          f"{' — ' + h.reason if h.reason else ''}\n")


def cmd_list(args: argparse.Namespace) -> int:
    flt = CaseFilter(queue=args.queue, status=args.status, priority=args.priority,
                     assignee=args.caseworker, province=args.province, need=args.need,
                     form_id=args.form, since_ms=_ms(args.since), until_ms=_ms(args.until, True),
                     within_days=args.within_days,
                     me=actor(args) if args.queue == "mine" else None)
    if args.search:
        rows = with_hq(args, lambda s: s.search_cases(args.search, limit=args.limit))
    else:
        rows = with_hq(args, lambda s: s.cases(flt, limit=args.limit, offset=args.offset))
    print_cases(rows, args.json_out)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    print_case(with_hq(args, lambda s: s.case(args.case)), args.json_out)
    return 0


def _done(args: argparse.Namespace, summary: CaseSummary) -> int:
    print_result(args.json_out, summary, f"{summary.id}: {summary.status}, priority "
                 f"{summary.priority}, caseworker {summary.assignee or '-'}")
    return 0


def cmd_triage(args: argparse.Namespace) -> int:
    who = actor(args)
    return _done(args, with_hq(args, lambda s: s.triage(
        args.case, actor=who, reason=args.reason, priority=args.priority,
        assignee=args.caseworker)))


def cmd_priority(args: argparse.Namespace) -> int:
    who = actor(args)
    return _done(args, with_hq(args, lambda s: s.set_priority(args.case, args.level, actor=who,
                                                              reason=args.reason)))


def cmd_assign(args: argparse.Namespace) -> int:
    who = actor(args)
    return _done(args, with_hq(args, lambda s: s.assign(
        args.case, None if args.unassign else args.caseworker, actor=who,
        reason=args.reason or "")))


def cmd_status(args: argparse.Namespace) -> int:
    who = actor(args)
    return _done(args, with_hq(args, lambda s: s.set_status(args.case, args.status, actor=who,
                                                            reason=args.reason)))


def cmd_note(args: argparse.Namespace) -> int:
    who = actor(args)
    text = sys.stdin.read() if args.text == "-" else args.text
    note = with_hq(args, lambda s: s.add_note(args.case, text, actor=who))
    print_result(args.json_out, note, f"{args.case}: note #{note.id} added")
    return 0


def cmd_follow_up(args: argparse.Namespace) -> int:
    who = actor(args)
    if args.done is not None:
        with_hq(args, lambda s: s.complete_follow_up(args.done, actor=who,
                                                     reason=args.reason or ""))
        print_result(args.json_out, {"follow_up": args.done, "done": True},
                     f"follow-up #{args.done} done")
        return 0
    if not args.case or not args.due or not args.label:
        raise UsageError("follow-up needs CASE --due YYYY-MM-DD --label TEXT (or --done ID)")
    fu = with_hq(args, lambda s: s.add_follow_up(args.case, args.due, args.label, actor=who))
    print_result(args.json_out, fu, f"{args.case}: follow-up #{fu.id} due {fu.due}")
    return 0


def cmd_refer(args: argparse.Namespace) -> int:
    who = actor(args)
    ref = with_hq(args, lambda s: s.refer(args.case, args.partner, args.need, actor=who,
                                          reason=args.reason,
                                          out=Path(args.out) if args.out else None,
                                          lang=args.lang))
    print_result(args.json_out, ref, f"{args.case}: referral #{ref.id} to {ref.partner} "
                 f"({len(ref.records)} record(s))"
                 f"{'; package in ' + args.out if args.out else ''}")
    return 0


def cmd_export_purpose(args: argparse.Namespace) -> int:
    from intake_app.services.hq import EXPORT_WARNING

    who = actor(args)
    print(f"intake: warning: {EXPORT_WARNING}", file=sys.stderr)
    res = with_hq(args, lambda s: s.export_purpose(
        args.purpose, Path(args.out), actor=who, case_ids=args.case,
        only_consenting=args.only_consenting, k=args.k, lang=args.lang,
        fmt="uwazi" if args.format == "uwazi" else "jsonl"))
    if args.json_out:
        print_json(res.model_dump(mode="json"))
    else:
        for p in res.paths:
            print(p)
        print(f"exported {res.records} record(s) of {res.cases} case(s) for {res.purpose}"
              f"{f'; {res.excluded} left out for want of consent' if res.excluded else ''}",
              file=sys.stderr)
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    who = actor(args)
    with_hq(args, lambda s: s.merge(args.target, args.source, actor=who, reason=args.reason))
    print_result(args.json_out, {"merged": args.source, "into": args.target},
                 f"{args.source} merged into {args.target}")
    return 0


def cmd_unmerge(args: argparse.Namespace) -> int:
    who = actor(args)
    with_hq(args, lambda s: s.unmerge(args.case, actor=who, reason=args.reason))
    print_result(args.json_out, {"unmerged": args.case}, f"{args.case} unmerged")
    return 0


def cmd_not_duplicate(args: argparse.Namespace) -> int:
    who, undo = actor(args), args.hq_cases_command == "undo-not-duplicate"

    def mark(s: HQService) -> None:
        (s.undo_not_duplicate if undo else s.not_duplicate)(args.a, args.b, actor=who,
                                                             reason=args.reason)

    with_hq(args, mark)
    print_result(args.json_out, {"a": args.a, "b": args.b, "not_duplicate": not undo},
                 f"{args.a} and {args.b} " + ("may be suggested again" if undo
                                              else "marked as not a duplicate"))
    return 0


def cmd_duplicates(args: argparse.Namespace) -> int:
    threshold = {} if args.threshold is None else {"threshold": args.threshold}
    if args.not_duplicates:
        marked = with_hq(args, lambda s: s.not_duplicates())
        if args.json_out:
            print_json([m.model_dump(mode="json") for m in marked])
        else:
            print_table(["CASE", "NAME", "CASE", "NAME"],
                        [[m.a.id, m.a.display_name, m.b.id, m.b.display_name]
                         for m in marked])
        return 0
    if args.case:
        pairs = with_hq(args, lambda s: s.duplicates_of(args.case, limit=args.limit,
                                                        **threshold))
    else:
        pairs = with_hq(args, lambda s: s.duplicates(limit=args.limit, **threshold))
    if args.json_out:
        print_json([p.model_dump(mode="json") for p in pairs])
        return 0
    print_table(["SCORE", "CASE", "NAME", "CASE", "NAME", "WHY"],
                [[f"{p.score:.2f}", p.a.id, p.a.display_name, p.b.id, p.b.display_name,
                  "; ".join(p.reasons)] for p in pairs])
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    if args.retention_command == "set":
        who = actor(args)
        months = None if args.months == "forever" else _int(args.months)
        policy = with_hq(args, lambda s: s.set_retention(args.status, months, actor=who))
        print_json(policy) if args.json_out else print(
            ", ".join(f"{k}: {v} months" for k, v in sorted(policy.items())) or "no purges")
        return 0
    if args.retention_command == "preview":
        items = with_hq(args, lambda s: s.retention_preview())
    else:
        who = actor(args)
        items = with_hq(args, lambda s: s.purge_retained(actor=who))
    if args.json_out:
        print_json([i.model_dump(mode="json") for i in items])
    else:
        print_table(["CASE", "STATUS", "SINCE", "RECORDS", "ATTACHMENTS"],
                    [[i.case_id, i.status, ms_to_iso(i.status_at), str(i.records),
                      str(i.attachments)] for i in items])
        if args.retention_command == "purge":
            print(f"purged {len(items)} case(s)", file=sys.stderr)
    return 0


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise UsageError(f"months: expected a number or 'forever', not {text!r}") from None


def _common(p: argparse.ArgumentParser, *, reason: bool = False) -> None:
    p.add_argument("--as", dest="actor", metavar="NAME",
                   help=f"who is acting (default ${USER_ENV} or the login name)")
    add_json(p)
    if reason:
        p.add_argument("--reason", required=True, help="why (kept in the case history)")


def _action(sub: Any, name: str, help_text: str, func: Callable[[argparse.Namespace], int],
            *positionals: str, reason: bool = False) -> None:
    """An action that takes only positional arguments and the common options."""
    p = sub.add_parser(name, help=help_text)
    for arg in positionals:
        p.add_argument(arg)
    _common(p, reason=reason)
    p.set_defaults(func=func)


def register(sub: Any, hq_sub: Any) -> None:
    csub = add_group(hq_sub, "cases", "the case desk: queues, triage, follow-ups",
                     "hq_cases_command")

    p = csub.add_parser("list", help="a queue of cases, most urgent first")
    p.add_argument("--queue", choices=QUEUES, default="all")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--priority", metavar="LEVEL")
    p.add_argument("--caseworker", metavar="NAME")
    p.add_argument("--province")
    p.add_argument("--need")
    p.add_argument("--form", metavar="FORM_ID")
    p.add_argument("--since", metavar="DATE", help="opened on or after (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="opened on or before (YYYY-MM-DD)")
    p.add_argument("--within-days", type=int, default=30,
                   help="the expiring queue: documents expiring within N days (default 30)")
    p.add_argument("--search", metavar="WORDS", help="full-text search (names, any script)")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)
    _common(p)
    p.set_defaults(func=cmd_list)

    _action(csub, "show", "one case: records, follow-ups, notes, history", cmd_show, "case")

    p = csub.add_parser("triage", help="mark a new case triaged")
    p.add_argument("case")
    p.add_argument("--priority", metavar="LEVEL", help="override the form's priority")
    p.add_argument("--caseworker", metavar="NAME")
    _common(p, reason=True)
    p.set_defaults(func=cmd_triage)

    _action(csub, "priority", "override the priority ('auto': the form's again)", cmd_priority,
            "case", "level", reason=True)

    p = csub.add_parser("assign", help="give the case to a caseworker")
    p.add_argument("case")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("caseworker", nargs="?")
    g.add_argument("--unassign", action="store_true")
    p.add_argument("--reason")
    _common(p)
    p.set_defaults(func=cmd_assign)

    p = csub.add_parser("status", help="move the case (new, triaged, in_progress, referred, "
                                       "closed; closed -> in_progress reopens)")
    p.add_argument("case")
    p.add_argument("status", choices=STATUSES)
    _common(p, reason=True)
    p.set_defaults(func=cmd_status)

    _action(csub, "note", "append a note ('-' reads it from standard input)", cmd_note,
            "case", "text")

    p = csub.add_parser("follow-up", help="add a follow-up with a due date, or mark one done")
    p.add_argument("case", nargs="?")
    p.add_argument("--due", metavar="YYYY-MM-DD")
    p.add_argument("--label", metavar="TEXT")
    p.add_argument("--done", type=int, metavar="ID", help="mark this follow-up done")
    p.add_argument("--reason")
    _common(p)
    p.set_defaults(func=cmd_follow_up)

    p = csub.add_parser("refer", help="refer to a partner (only records that consent to "
                                      "referral, only the form's referral fields)")
    p.add_argument("case")
    p.add_argument("--partner", required=True)
    p.add_argument("--need", required=True)
    p.add_argument("--out", metavar="FILE", help="write the referral package here (0600)")
    p.add_argument("--lang", metavar="CODE", help="language of choice labels")
    _common(p, reason=True)
    p.set_defaults(func=cmd_refer)

    _action(csub, "merge", "merge case SOURCE into TARGET (the same person)", cmd_merge,
            "target", "source", reason=True)
    _action(csub, "unmerge", "undo the merge of a case", cmd_unmerge, "case", reason=True)
    _action(csub, "not-duplicate", "cases A and B are not the same person: stop suggesting "
            "the pair", cmd_not_duplicate, "a", "b", reason=True)
    _action(csub, "undo-not-duplicate", "suggest the pair A, B again", cmd_not_duplicate,
            "a", "b", reason=True)

    rsub = add_group(hq_sub, "retention", "per-status retention: policy, preview, purge",
                     "retention_command")
    p = rsub.add_parser("set", help="keep cases in STATUS for MONTHS ('forever': never purge)")
    p.add_argument("status", choices=STATUSES)
    p.add_argument("months")
    _common(p)
    p.set_defaults(func=cmd_retention)
    p = rsub.add_parser("preview", help="the cases a purge would erase now")
    _common(p)
    p.set_defaults(func=cmd_retention)
    p = rsub.add_parser("purge", help="crypto-erase them; a content-free tombstone stays "
                                      "in the log")
    _common(p)
    p.set_defaults(func=cmd_retention)

    p = hq_sub.add_parser("duplicates", help="likely duplicate cases, with the reasons")
    p.add_argument("--case", metavar="ID", help="only duplicates of this case")
    p.add_argument("--not-duplicates", action="store_true",
                   help="list the pairs marked as not a duplicate instead")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--threshold", type=float, default=None,
                   help="lowest score shown (default 0.8: precision 0.82 / recall 0.91 on "
                        "bench/bench_duplicates.py's labelled set)")
    _common(p)
    p.set_defaults(func=cmd_duplicates)
