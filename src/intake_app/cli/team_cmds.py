"""``intake hq user add|list|remove`` (the team HQ's people, by the database owner) and
``intake hq join`` (a team member's own profile). docs/team-server.md, "Roles"."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from intake_app.cli.common import (
    add_database_args,
    add_json,
    data_dir,
    print_json,
    print_table,
    prompt_secret,
    read_passphrase,
)
from intake_app.errors import UsageError

ROLES = ("importer", "supervisor", "caseworker", "auditor")


def _db_password(args: argparse.Namespace) -> str | None:
    return prompt_secret("Database password: ", confirm=False) if args.ask_db_password \
        else None


def _new_password(args: argparse.Namespace) -> str:
    """The new person's password: one line on stdin, or typed twice; never argv."""
    if args.password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise UsageError("--password-stdin: no password on standard input")
        return line
    return prompt_secret(f"Password for {args.name}: ", confirm=True)


def cmd_user(args: argparse.Namespace) -> int:
    # psycopg is loaded only here (every other command's memory stays as it was).
    from intake_app.services.hq_team import TeamAdmin, check_login

    if args.user_cmd == "add":
        check_login(args.name)
        password = _new_password(args)
        with TeamAdmin(args.database, _db_password(args)) as team:
            m = team.add(args.name, args.role, password)
        print(f"added {m.login} as {m.role}")
    elif args.user_cmd == "remove":
        with TeamAdmin(args.database, _db_password(args)) as team:
            team.remove(args.name)
        print(f"removed {args.name}")
    else:
        with TeamAdmin(args.database, _db_password(args)) as team:
            people = team.people()
        if args.json_out:
            print_json([{"login": p.login, "role": p.role} for p in people])
        else:
            print_table(["login", "role"], [[p.login, p.role] for p in people])
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    from intake_app.services.hq_team import join_team

    db_password = _db_password(args)
    m = join_team(data_dir(args, "hq"), read_passphrase(args, prompt="New passphrase: ",
                                                          confirm=True),
                  args.database, db_password, args.blobs)
    print(f"joined as {m.login} ({m.role}); this profile holds no HQ key")
    return 0


def register(sub: Any, hq_sub: Any) -> None:
    del sub
    p = hq_sub.add_parser("user", help="the team HQ's people: one database login each, in "
                          "a role PostgreSQL enforces (the database owner runs this)")
    users = p.add_subparsers(dest="user_cmd", required=True)
    a = users.add_parser("add", help="a new login in a role")
    a.add_argument("name", help="the login (a-z, 0-9, _)")
    a.add_argument("--role", required=True, choices=ROLES)
    a.add_argument("--password-stdin", action="store_true",
                   help="read the new password from one line of standard input "
                        "(default: typed twice at a prompt)")
    add_database_args(a)
    r = users.add_parser("remove", help="drop a person's login")
    r.add_argument("name")
    add_database_args(r)
    lst = users.add_parser("list", help="everyone with a role in this HQ")
    add_json(lst)
    add_database_args(lst)
    p.set_defaults(func=cmd_user)
    j = hq_sub.add_parser("join", help="a profile on this machine for your own login to a "
                          "team HQ (no HQ key: the database decides what you see)")
    add_database_args(j)
    j.add_argument("--blobs", metavar="s3://BUCKET/PREFIX",
                   help="the team HQ's attachment bucket, if it has one (read with your own "
                        "S3 settings: INTAKE_S3_CONFIG or INTAKE_S3_ENDPOINT + "
                        "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)")
    j.set_defaults(func=cmd_join)
