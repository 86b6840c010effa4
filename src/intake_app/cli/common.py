"""Shared CLI plumbing: passphrases, JSON in/out, and the error contract.

Contract: one line on stderr for any failure, exit 1 for a failed operation,
exit 2 for a usage error, a traceback only with ``--debug``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel

from intake_app.errors import DatabaseLoginFailed, IntakeError, UsageError
from intake_app.services.base import ProfileService
from intake_app.services.files import boundedjson, resolve_data_dir

PASSPHRASE_ENV = "INTAKE_PASSPHRASE"
NEW_PASSPHRASE_ENV = "INTAKE_NEW_PASSPHRASE"


class ArgumentParser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with exit code 2.

    A command group given without its action (``intake record``) lists the actions
    instead: a newcomer learns more from the menu than from "required: ACTION"."""

    def error(self, message: str) -> Any:
        actions = self._subcommand_list()
        if actions and message.startswith("the following arguments are required: "):
            self.exit(2, f"{self.prog}: choose an action:\n{actions}")
        self.exit(2, f"{self.prog}: error: {message}\n")

    def _subcommand_list(self) -> str:
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = {a.dest: a.help or "" for a in action._choices_actions}
                width = max(len(name) for name in action.choices)
                return "".join(f"  {name.ljust(width)}  {helps.get(name, '')}".rstrip() + "\n"
                               for name in action.choices)
        return ""



# --- options more than one command takes ----------------------------------------------
DATABASE_URL_HELP = ("postgresql://user@host/db, no password (~/.pgpass, PGPASSFILE, "
                     "a service file, or --ask-db-password)")


def add_group(sub: Any, name: str, help_text: str, dest: str) -> Any:
    """``NAME ACTION ...``: a command whose actions are commands of their own; returns
    the subparsers to add them to (given without an action, it lists them)."""
    p = sub.add_parser(name, help=help_text)
    actions = p.add_subparsers(dest=dest, metavar="ACTION", parser_class=type(p))
    actions.required = True
    return actions


def add_json(p: argparse.ArgumentParser) -> None:
    """``--json``: the command prints JSON instead of text (``args.json_out``)."""
    p.add_argument("--json", dest="json_out", action="store_true")


def add_database_args(p: argparse.ArgumentParser, flag: str = "--database", *,
                      required: bool = True, url_help: str = DATABASE_URL_HELP,
                      ask_help: str = "prompt for the database password") -> None:
    """A PostgreSQL URL (never with a password in it) and ``--ask-db-password``."""
    p.add_argument(flag, required=required, metavar="URL", help=url_help)
    p.add_argument("--ask-db-password", action="store_true", help=ask_help)

def print_id(kind: str, value: str) -> None:
    """``record 02be...`` on a terminal; the bare id when piped (for ``$(...)``)."""
    print(f"{kind} {value}" if sys.stdout.isatty() else value)


def data_dir(args: argparse.Namespace, default_sub: str) -> Path:
    """``--data-dir`` / INTAKE_DATA_DIR name the profile directory itself;
    the platform default keeps field and HQ profiles apart."""
    explicit = args.data_dir or os.environ.get("INTAKE_DATA_DIR")
    if explicit:
        return resolve_data_dir(explicit)
    return resolve_data_dir(None) / default_sub


def _read_secret_file(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            line = fh.readline()
    except OSError as exc:
        raise IntakeError(f"cannot read passphrase file {path}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise IntakeError(f"passphrase file {path} is not UTF-8 text (bad byte at offset "
                          f"{exc.start}); save it as UTF-8") from None
    secret = line.rstrip("\r\n")
    if not secret:
        what = "is empty" if not line else "has an empty first line"
        raise IntakeError(f"passphrase file {path} {what}: the passphrase is its first line")
    return secret


def read_passphrase(args: argparse.Namespace, *, prompt: str = "Passphrase: ",
                    confirm: bool = False) -> str:
    if getattr(args, "passphrase_file", None):
        return _read_secret_file(args.passphrase_file)
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env
    return prompt_secret(prompt, confirm=confirm)


def read_new_passphrase(args: argparse.Namespace, env_name: str = NEW_PASSPHRASE_ENV,
                        prompt: str = "New passphrase: ") -> str:
    env = os.environ.get(env_name)
    if env is not None:
        return env
    return prompt_secret(prompt, confirm=True)


def prompt_secret(prompt: str, *, confirm: bool) -> str:
    if not sys.stdin.isatty():
        raise UsageError(
            "no passphrase: use a terminal, INTAKE_PASSPHRASE or --passphrase-file"
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat: ") != first:
        raise IntakeError("passphrases do not match")
    return first


def load_json_file(path: str) -> Any:
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
    except FileNotFoundError:
        raise IntakeError(f"no such file: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise IntakeError(f"cannot read {path}: {exc}") from None
    try:
        # Bounded before parsing: a value nested thousands deep would make json.loads
        # raise RecursionError (an internal error) instead of a clear refusal.
        if len(text) > boundedjson.MAX_TEXT:
            raise boundedjson.JsonBoundsError(f"larger than {boundedjson.MAX_TEXT} characters")
        boundedjson.check_depth(text)
        value = json.loads(text, parse_int=boundedjson.parse_int)
        boundedjson.check_values(value)
    except json.JSONDecodeError as exc:
        raise IntakeError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except boundedjson.JsonBoundsError as exc:
        raise IntakeError(f"{path}: refused: {exc}") from None
    return value


M = TypeVar("M", bound=BaseModel)


def print_json(value: Any) -> None:
    def default(o: Any) -> Any:
        if isinstance(o, BaseModel):
            return o.model_dump(mode="json")
        raise TypeError(type(o).__name__)

    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=default) + "\n")


def print_result(as_json: bool, value: Any, text: str) -> None:
    """``--json``: ``value`` (a model, or plain data) as JSON; otherwise the line ``text``."""
    if as_json:
        print_json(value)
    else:
        print(text)


def print_rows(rows: Sequence[M], as_json: bool, headers: list[str],
               cells: Callable[[M], list[str]]) -> None:
    """``--json``: the models as one JSON list; otherwise a table, ``cells(row)`` a line."""
    if as_json:
        print_json([r.model_dump(mode="json") for r in rows])
    else:
        print_table(headers, [cells(r) for r in rows])


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    sys.stdout.write(line.rstrip() + "\n")
    for row in rows:
        sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
                         + "\n")


# -- the one way a command opens a profile ----------------------------------------------

S = TypeVar("S", bound=ProfileService)
_INIT = {"field": ("profile", "intake init"), "hq": ("HQ profile", "intake hq init")}
_STRENGTHEN = {
    "field": "run 'intake passwd' to strengthen it (then set any duress passphrase again)",
    "hq": "change its passphrase to strengthen it",
}


def open_service(args: argparse.Namespace, cls: type[S], *, unlock: bool = True) -> S:
    """The service of ``cls.kind`` for ``--data-dir``, unlocked unless ``unlock=False``;
    use it as a context manager (``with open_service(...) as svc:``) so it is closed."""
    svc = cls(data_dir(args, cls.kind))
    if unlock:
        if not svc.exists():
            what, init = _INIT[cls.kind]
            raise IntakeError(f"no {what} in {svc.data_dir} (run '{init}' first)")
        passphrase = read_passphrase(args)
        try:
            svc.unlock(passphrase)
        except DatabaseLoginFailed:
            if not sys.stdin.isatty():
                raise
            # A team HQ's database wants this login's password and no ~/.pgpass or
            # service file gave it: asked on the terminal, held in memory for this run.
            from intake_app.services import team_db

            team_db.typed_password(cast(Any, svc), prompt_secret("Database password: ",
                                                                  confirm=False))
            svc.unlock(passphrase)
        warn_after_unlock(svc)
    return svc


def warn_after_unlock(svc: ProfileService) -> None:
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
        print("intake: warning: this profile's passphrase protection is weaker than it "
              f"should be; {_STRENGTHEN[svc.kind]}", file=sys.stderr)
