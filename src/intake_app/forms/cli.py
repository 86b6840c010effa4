"""``forms`` commands, usable on their own (``python -m intake_app.forms``) or
wired into the main ``intake`` CLI by calling :func:`main` with the arguments
after ``forms``:

    intake forms import FILE.xlsx [--out FILE]
    intake forms list [--json]
    intake forms show ID [--version V] [--json] [--lang CODE]
    intake forms validate --form ID [--version V] --json RECORD.json [--lang CODE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from intake_app.errors import IntakeError, UsageError, ValidationFailed
from intake_app.forms.engine import validate_record
from intake_app.forms.model import Form
from intake_app.forms.registry import FormRegistry, builtin_forms_dir
from intake_app.forms.xlsform import import_xlsform


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="intake forms", description="Form definitions")
    p.add_argument("--forms-dir", type=Path, default=None,
                   help=f"directory of form JSON files (default {builtin_forms_dir()})")
    sub = p.add_subparsers(dest="cmd", required=True)
    imp = sub.add_parser("import", help="convert an XLSForm spreadsheet to a canonical form")
    imp.add_argument("file", type=Path)
    imp.add_argument("--out", type=Path, default=None,
                     help="write the form JSON here (default: standard output)")
    lst = sub.add_parser("list", help="list installed forms")
    lst.add_argument("--json", action="store_true")
    show = sub.add_parser("show", help="show one form")
    show.add_argument("form_id")
    show.add_argument("--version", default=None)
    show.add_argument("--json", action="store_true", help="print the form JSON")
    show.add_argument("--lang", default="en")
    val = sub.add_parser("validate", help="validate a record file against a form")
    val.add_argument("--form", required=True)
    val.add_argument("--version", default=None)
    val.add_argument("--json", dest="record", type=Path, required=True)
    val.add_argument("--lang", default="en")
    return p


def describe(form: Form, lang: str = "en", out: TextIO = sys.stdout) -> None:
    """Write :meth:`Form.describe` to ``out``."""
    out.write(form.describe(lang) + "\n")


def _registry(forms_dir: Path | None) -> FormRegistry:
    return FormRegistry([forms_dir]) if forms_dir else FormRegistry.default_registry()


def run(argv: Sequence[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else 2
    if args.cmd == "import":
        if not args.file.is_file():
            raise UsageError(f"no such file: {args.file}")
        form, warnings = import_xlsform(args.file)
        for w in warnings:
            err.write(f"warning: {w}\n")
        text = form.pretty_json()
        if args.out:
            args.out.write_text(text, encoding="utf-8")
            err.write(f"wrote {form.id} version {form.version} to {args.out}\n")
        else:
            out.write(text)
        return 0
    reg = _registry(args.forms_dir)
    if args.cmd == "list":
        forms = reg.list()
        if args.json:
            out.write(json.dumps([{"id": f.id, "version": f.version, "title": f.title,
                                   "languages": f.language_codes()} for f in forms],
                                 ensure_ascii=False, indent=2) + "\n")
        else:
            for f in forms:
                out.write(f"{f.id}\t{f.version}\t{f.title_text('en')}\n")
        return 0
    if args.cmd == "show":
        form = reg.get(args.form_id, args.version)
        if args.json:
            out.write(form.pretty_json())
        else:
            describe(form, args.lang, out)
        return 0
    form = reg.get(args.form, args.version)
    try:
        raw = json.loads(args.record.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot read record {args.record}: {exc}") from None
    try:
        clean = validate_record(form, raw, args.lang)
    except ValidationFailed as exc:
        err.write(f"intake: record is not valid ({len(exc.errors)} error(s)):\n")
        for e in exc.errors:
            err.write(f"  {e.path}: {e.message}\n")
        return 1
    out.write(json.dumps(clean, ensure_ascii=False, indent=2) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(sys.argv[1:] if argv is None else argv)
    except IntakeError as exc:
        sys.stderr.write(f"intake: {exc}\n")
        return exc.exit_code
