"""Field-profile commands: init, record ..., attach, passwd, check."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from intake_app.cli import record_cmds
from intake_app.cli.common import (
    add_group,
    load_json_file,
    open_service,
    print_id,
    read_new_passphrase,
    read_passphrase,
)
from intake_app.errors import IntakeError, StoreCorrupt
from intake_app.services.field import FieldService

FIELD_SUBDIR = "field"


def field_service(args: argparse.Namespace, *, unlock: bool = True) -> FieldService:
    return open_service(args, FieldService, unlock=unlock)


def _values(path: str) -> dict[str, Any]:
    data = load_json_file(path)
    if not isinstance(data, dict):
        raise IntakeError(f"{path}: expected a JSON object of field names to values")
    return data


def cmd_init(args: argparse.Namespace) -> int:
    with field_service(args, unlock=False) as svc:
        svc.create(read_passphrase(args, prompt="New passphrase: ", confirm=True))
    print(f"created field profile in {svc.data_dir}")
    return 0


def cmd_record_new(args: argparse.Namespace) -> int:
    values = _values(args.json)
    with field_service(args) as svc:
        print_id("record", svc.new_record(args.form, values, args.lang))
    return 0


def cmd_record_edit(args: argparse.Namespace) -> int:
    values = _values(args.json)
    with field_service(args) as svc:
        rev = svc.edit_record(args.id, values, args.lang)
    print(f"saved revision {rev}")
    return 0


def cmd_record_finalize(args: argparse.Namespace) -> int:
    with field_service(args) as svc:
        svc.finalize(args.id, args.lang)
    print(f"finalized {args.id}")
    return 0


def cmd_attach(args: argparse.Namespace) -> int:
    with field_service(args) as svc:
        info = svc.attach_file(args.id, Path(args.file))
    print_id("attachment", info.id)
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    svc = field_service(args, unlock=False)
    old = read_passphrase(args, prompt="Current passphrase: ")
    new = read_new_passphrase(args)
    svc.change_passphrase(old, new)
    print("passphrase changed")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with field_service(args) as svc:
        problems = svc.check()
    if problems:
        raise StoreCorrupt(f"store is damaged: {problems[0]} ({len(problems)} problem(s))")
    print("ok")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="create a field profile")
    p.set_defaults(func=cmd_init)

    rsub = add_group(sub, "record", "create, edit, list, search and finalize records",
                     "record_command")

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

    record_cmds.register(rsub, "field")

    p = sub.add_parser("attach", help="store a file with a record; prints the attachment id")
    p.add_argument("id")
    p.add_argument("file")
    p.set_defaults(func=cmd_attach)

    p = sub.add_parser("passwd", help="change the passphrase")
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("check", help="check the store's integrity")
    p.set_defaults(func=cmd_check)
