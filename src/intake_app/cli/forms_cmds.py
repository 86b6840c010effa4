"""``intake forms import|check|validate|export|list|show``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from intake_app.cli.common import (
    add_group,
    add_json,
    print_json,
    print_table,
)
from intake_app.cli.field_cmds import field_service
from intake_app.errors import FormError, UsageError, ValidationFailed
from intake_app.forms import Form, FormRegistry, import_xlsform, validate_record
from intake_app.forms.xlsform_export import export_xlsform
from intake_app.services.files import atomic_write


def _registry(args: argparse.Namespace) -> FormRegistry:
    """Installed forms: the profile's when one exists, else the built-in set."""
    svc = field_service(args, unlock=False)
    if not svc.exists():
        return FormRegistry.default_registry()
    with field_service(args) as svc:
        return svc.registry()


def _given_files(args: argparse.Namespace) -> dict[str, Path]:
    """``--file x.csv``: choice files by their plain name (what the form refers to)."""
    out: dict[str, Path] = {}
    for text in args.extra_files or []:
        path = Path(text)
        if not path.is_file():
            raise UsageError(f"--file {text}: no such file")
        if path.name in out:
            raise UsageError(f"--file {path.name} given twice")
        out[path.name] = path
    return out


def cmd_import(args: argparse.Namespace) -> int:
    form, warnings = import_xlsform(Path(args.file), _given_files(args))
    for w in warnings:
        print(f"intake: warning: {w}", file=sys.stderr)
    if args.out:
        atomic_write(Path(args.out), form.canonical_json() + b"\n", mode=0o644)
        print(f"wrote {form.id} version {form.version} to {args.out}")
        return 0
    with field_service(args) as svc:
        svc.install_form(form)
    print(f"installed {form.id} version {form.version}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """What import would do, without installing anything."""
    try:
        form, warnings = import_xlsform(Path(args.file), _given_files(args))
    except FormError as exc:
        if args.json_out:
            print_json({"ok": False, "file": Path(args.file).name, "error": str(exc),
                        "warnings": []})
            return 1
        raise
    fields = list(form.walk())
    summary = {"ok": True, "file": Path(args.file).name, "id": form.id,
               "version": form.version, "languages": form.language_codes(),
               "fields": len(fields), "choice_lists": len(form.choice_lists),
               "choices": sum(len(v) for v in form.choice_lists.values()),
               "data_files": sorted(form.metadata.get("data_files") or {}),
               "warnings": warnings}
    if args.json_out:
        print_json(summary)
        return 0
    for w in warnings:
        print(f"warning: {w}")
    print(f"ok: {form.id} version {form.version} would import: {len(fields)} fields, "
          f"{summary['choices']} choices in {len(form.choice_lists)} lists, languages "
          f"{', '.join(form.language_codes())}; nothing was installed")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Check a record file against a form without a profile: nothing is opened or saved."""
    reg = FormRegistry([Path(args.forms_dir)]) if args.forms_dir else \
        FormRegistry.default_registry()
    form = reg.get(args.form, args.version)
    try:
        raw = json.loads(Path(args.record).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot read record {args.record}: {exc}") from None
    try:
        clean = validate_record(form, raw, args.lang)
    except ValidationFailed as exc:
        print(f"intake: record is not valid ({len(exc.errors)} error(s)):", file=sys.stderr)
        for e in exc.errors:
            print(f"  {e.path}: {e.message}", file=sys.stderr)
        return 1
    print_json(clean)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    form = _registry(args).get(args.id, args.version)
    written = export_xlsform(form, Path(args.out))
    print(f"wrote {form.id} version {form.version} to {', '.join(str(p) for p in written)}")
    return 0


def _form_row(f: Form) -> list[str]:
    return [f.id, f.version, ", ".join(f.language_codes()), f.title_in("en")]


def cmd_list(args: argparse.Namespace) -> int:
    forms = _registry(args).list()
    if args.json_out:
        print_json([{"id": f.id, "version": f.version, "languages": f.language_codes(),
                     "title": f.title_in("en")} for f in forms])
        return 0
    print_table(["ID", "VERSION", "LANGUAGES", "TITLE"], [_form_row(f) for f in forms])
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    form = _registry(args).get(args.id, args.version)
    if args.json_out:
        data: Any = json.loads(form.canonical_json())
        print_json(data)
        return 0
    sys.stdout.write(form.describe(args.lang) + "\n")
    return 0


def register(sub: Any) -> None:
    fsub = add_group(sub, "forms", "import, list and show forms", "forms_command")

    p = fsub.add_parser("import", help="convert an XLSForm (.xlsx) and install it")
    p.add_argument("file")
    p.add_argument("--out", metavar="FILE", help="write the canonical JSON here instead")
    p.add_argument("--file", dest="extra_files", action="append", metavar="FILE",
                   help="a choices file the form names (select_one_from_file, itemsets.csv)")
    p.set_defaults(func=cmd_import)

    p = fsub.add_parser("check", help="say what importing an XLSForm would do (installs "
                        "nothing)")
    p.add_argument("file")
    p.add_argument("--file", dest="extra_files", action="append", metavar="FILE")
    add_json(p)
    p.set_defaults(func=cmd_check)

    p = fsub.add_parser("validate", help="check a record file against a form (no profile "
                        "needed; saves nothing)")
    p.add_argument("--form", required=True, metavar="ID")
    p.add_argument("--version")
    p.add_argument("--json", dest="record", required=True, metavar="RECORD.json")
    p.add_argument("--lang", default="en")
    p.add_argument("--forms-dir", metavar="DIR",
                   help="a folder of form JSON files (default: the built-in forms)")
    p.set_defaults(func=cmd_validate)

    p = fsub.add_parser("export", help="write an installed form back as an XLSForm")
    p.add_argument("id")
    p.add_argument("--version")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.set_defaults(func=cmd_export)

    p = fsub.add_parser("list", help="list installed forms")
    add_json(p)
    p.set_defaults(func=cmd_list)

    p = fsub.add_parser("show", help="show a form")
    p.add_argument("id")
    p.add_argument("--version")
    p.add_argument("--lang", default="en")
    add_json(p)
    p.set_defaults(func=cmd_show)
