"""The ``intake`` command. Thin: parse, call the service API, print."""

from __future__ import annotations

import os
import re
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from intake_app import __version__
from intake_app.cli import (
    bundle_cmds,
    case_cmds,
    field_cmds,
    forms_cmds,
    hq_cmds,
    hq_extra_cmds,
    migrate_cmds,
    protect_cmds,
    report_cmds,
    sync_cmds,
    team_cmds,
)
from intake_app.cli.common import ArgumentParser
from intake_app.errors import IntakeError
from intake_app.services.protection import harden_process


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="intake",
        description="Encrypted field intake: records, forms, sealed bundles.",
    )
    parser.add_argument("--version", action="version", version=f"intake {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="profile directory (default: per-user data dir; or INTAKE_DATA_DIR)")
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help="read the passphrase from the first line of FILE")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    sub.required = True
    field_cmds.register(sub)
    forms_cmds.register(sub)
    bundle_cmds.register(sub)
    hq_sub = hq_cmds.register(sub)
    for extra in (hq_extra_cmds, migrate_cmds, case_cmds, report_cmds, protect_cmds, sync_cmds,
                  team_cmds):
        extra.register(sub, hq_sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    # --debug is accepted anywhere on the line (it is what one adds after a failure),
    # not only before the command; after "--" it is an operand like any other.
    end = argv.index("--") if "--" in argv else len(argv)
    debug = "--debug" in argv[:end]
    if debug:
        argv = [a for a in argv[:end] if a != "--debug"] + argv[end:]
    args = parser.parse_args(argv)
    args.debug = args.debug or debug
    try:
        rc: int = args.func(args)
        return rc
    except IntakeError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"intake: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("intake: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except OSError as exc:  # the disk under a file the user named: read-only, full, failing
        if args.debug:
            traceback.print_exc()
        where = f" ({_shown(exc.filename)})" if exc.filename else ""
        print(f"intake: cannot complete: {exc.strerror or type(exc).__name__}{where}",
              file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: still one line, unless asked for more
        if args.debug:
            traceback.print_exc()
        print(f"intake: internal error ({type(exc).__name__}); run with --debug for details",
              file=sys.stderr)
        return 1


def _shown(name: object) -> str:
    """A temporary file's name as the file it stands for (``.x.tmp-123`` -> ``x``)."""
    p = Path(os.fsdecode(name))  # type: ignore[arg-type]
    m = re.fullmatch(r"\.(.+)\.(?:tmp-\d+|part)", p.name)
    return str(p.with_name(m.group(1)) if m else p)


def run() -> None:
    """Console-script entry: no core dumps or ptrace of a process holding keys."""
    harden_process()
    sys.exit(main())


if __name__ == "__main__":
    run()
