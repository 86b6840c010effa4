"""``intake hq migrate``: move an embedded HQ profile up to PostgreSQL
(docs/team-server.md, "Moving up")."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from intake_app.cli.common import (
    add_database_args,
    data_dir,
    prompt_secret,
    read_passphrase,
)
from intake_app.errors import IntakeError


def cmd_migrate(args: argparse.Namespace) -> int:
    # psycopg is loaded only here (every other command's memory stays as it was).
    from intake_app.services.hq import HQService
    from intake_app.services.hq_migrate import migrate_hq

    source = data_dir(args, "hq")
    svc = HQService(source)
    if not svc.exists():
        raise IntakeError(f"no HQ profile in {source} (run 'intake hq init' first)")
    db_password = prompt_secret("Database password: ", confirm=False) \
        if args.ask_db_password else None
    passphrase = read_passphrase(args)
    with svc:
        svc.unlock(passphrase)

        def progress(table: str, rows: int) -> None:
            if args.verbose:
                print(f"intake: {table}: {rows} rows", file=sys.stderr)

        summary = migrate_hq(svc, args.to, Path(args.new_profile), passphrase,
                             db_password=db_password, blobs=args.blobs, progress=progress)
    rate = summary.records / summary.seconds if summary.seconds > 0 else 0.0
    how = "finished an interrupted migration" if summary.resumed else "migrated"
    print(f"{how}: HQ {summary.hq_id}, {summary.records} records, "
          f"{sum(summary.rows.values())} rows in {summary.seconds:.1f} s "
          f"({rate:.0f} records/s)")
    print(f"the team profile is {summary.new_profile} (same passphrase); "
          f"{source} is unchanged")
    return 0


def register(sub: Any, hq_sub: Any) -> None:
    del sub
    p = hq_sub.add_parser("migrate", help="move this embedded HQ profile into a fresh "
                          "PostgreSQL database (resumable: run it again after a stop)")
    add_database_args(p, "--to")
    p.add_argument("--new-profile", required=True, metavar="DIR",
                   help="the profile folder to create for the team store")
    p.add_argument("--blobs", metavar="URL",
                   help="put the attachments in this bucket (s3://bucket/prefix; endpoint and "
                        "keys from INTAKE_S3_CONFIG or INTAKE_S3_ENDPOINT/AWS_*), else they "
                        "become rows in PostgreSQL")
    p.add_argument("--verbose", action="store_true", help="print progress per table")
    p.set_defaults(func=cmd_migrate)
