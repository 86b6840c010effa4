"""``intake hq report``: the monthly report (services.report) as HTML or PDF.

The PDF writer is Qt's (``intake_app.gui.report_pdf``), imported here lazily and only
for a ``.pdf`` output, so ``intake`` itself never loads Qt (docs/architecture.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from intake_app.cli.case_cmds import _common, actor, with_hq
from intake_app.cli.common import print_json
from intake_app.errors import IntakeError, UsageError
from intake_app.services.files import write_private


def cmd_report(args: argparse.Namespace) -> int:
    out = Path(args.out)
    kind = out.suffix.lower()
    if kind not in (".html", ".htm", ".pdf"):
        raise UsageError(f"--out {args.out}: give a FILE.html or FILE.pdf")
    who = actor(args)
    report = with_hq(args, lambda s: s.monthly_report(
        args.month, actor=who, only_consenting=args.only_consenting, k=args.k,
        lang=args.lang))
    if kind == ".pdf":
        try:
            from intake_app.gui.report_pdf import write_pdf
        except ImportError as exc:  # a core-only install: no PySide6
            raise IntakeError(f"PDF needs the desktop app's Qt libraries ({exc}); "
                              "write FILE.html instead") from None
        write_pdf(report.html, out)
    else:
        write_private(out, report.html.encode("utf-8"))
    if args.json_out:
        print_json({"out": str(out), **report.model_dump(mode="json", exclude={"html"})})
    else:
        print(out)
        counted = str(report.cases) if report.cases is not None else f"<{report.k}"
        left = (f", {report.excluded_cases} left out for want of consent"
                if report.excluded_cases else "")
        print(f"monthly report {report.month}: {counted} case(s) counted{left}; counts "
              f"under {report.k} suppressed", file=sys.stderr)
    return 0


def register(sub: Any, hq_sub: Any) -> None:
    del sub
    p = hq_sub.add_parser("report", help="the monthly report (HTML or PDF): the dashboard's "
                          "numbers, statistics consent and small-cell suppression")
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--out", required=True, metavar="FILE.html|FILE.pdf")
    p.add_argument("--only-consenting", action="store_true",
                   help="leave out cases without statistics consent instead of refusing")
    p.add_argument("--k", type=int, metavar="N",
                   help="smallest count shown (default HQ policy, 5)")
    p.add_argument("--lang", metavar="CODE",
                   help="language of province and need labels (en, fa-AF, ps, ur)")
    _common(p)
    p.set_defaults(func=cmd_report)
