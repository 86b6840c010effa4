"""Run the ``intake`` CLI in-process, the way a user would call it."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intake_app.cli import main

FIELD_PASS = "field passphrase one"
HQ_PASS = "hq passphrase number two"
EXAMPLE = Path(__file__).resolve().parents[1] / "forms" / "examples" / "hrd_intake.json"


@dataclass
class Result:
    rc: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def run(*argv: str | Path, passphrase: str | None = None,
        env: dict[str, str] | None = None) -> Result:
    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    if passphrase is not None:
        os.environ["INTAKE_PASSPHRASE"] = passphrase
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = main([str(a) for a in argv])
            except SystemExit as exc:  # argparse usage errors
                rc = int(exc.code or 0)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return Result(rc, out.getvalue(), err.getvalue())


def ok(*argv: str | Path, passphrase: str | None = None, **kw: Any) -> Result:
    r = run(*argv, passphrase=passphrase, **kw)
    assert r.rc == 0, f"{argv}: rc={r.rc} err={r.err}"
    return r


def example_values(**changes: Any) -> dict[str, Any]:
    """The shipped example record, with ``changes`` applied."""
    values: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    values.update(changes)
    return values


@dataclass
class Setup:
    root: Path
    hq: Path
    field: Path
    keyring: Path
    device_id: str

    def f(self, *argv: str | Path) -> Result:
        return run("--data-dir", self.field, *argv, passphrase=FIELD_PASS)

    def h(self, *argv: str | Path) -> Result:
        return run("--data-dir", self.hq, *argv, passphrase=HQ_PASS)


# Where enrolled_pair keeps its templates: set by tests/conftest.py to a per-worker session
# folder; unset (benchmarks, scripts) every pair is enrolled afresh.
TEMPLATE_DIR: list[Path] = []
_TEMPLATES: dict[tuple[str, ...], tuple[Path, str]] = {}


def enrolled_pair(root: Path, *, provision_args: tuple[str, ...] = (),
                  database: str | None = None, blobs: str | None = None,
                  distinct: bool = False) -> Setup:
    """``database``: the HQ store's PostgreSQL URL (``hq_backend``); None: SQLCipher.
    ``blobs``: an s3:// bucket for its attachments (the S3 settings in the environment).

    In the test suite a SQLCipher pair is enrolled once per worker and ``provision_args``
    and copied into ``root`` (enrolling costs seconds, copying milliseconds), so such
    pairs share their keys and device id. ``distinct``: enrol a pair of its own (another
    HQ, e.g. to check that its keyring is refused)."""
    if database is not None or blobs is not None or distinct or not TEMPLATE_DIR:
        return _enroll(root, provision_args, database, blobs)
    if provision_args not in _TEMPLATES:
        t = TEMPLATE_DIR[0] / f"pair-{len(_TEMPLATES)}"
        _TEMPLATES[provision_args] = (t, _enroll(t, provision_args, None, None).device_id)
    template, device_id = _TEMPLATES[provision_args]
    shutil.copytree(template, root, dirs_exist_ok=True)
    return Setup(root, root / "hq", root / "field", root / "keyring.sig", device_id)


def _enroll(root: Path, provision_args: tuple[str, ...], database: str | None,
            blobs: str | None) -> Setup:
    hq, field = root / "hq", root / "field"
    ok("--data-dir", hq, "hq", "init", "--org", "Test Org",
       *(("--database", database) if database else ()),
       *(("--blobs", blobs) if blobs else ()), passphrase=HQ_PASS)
    ok("--data-dir", hq, "hq", "provision", "--out", root / "prov.sig", *provision_args,
       passphrase=HQ_PASS)
    fp = ok("--data-dir", hq, "hq", "fingerprint", passphrase=HQ_PASS).out.strip()
    ok("--data-dir", field, "init", passphrase=FIELD_PASS)
    r = ok("--data-dir", field, "enroll", root / "prov.sig", "--card-out", root / "card.sig",
           "--expect-fingerprint", fp, passphrase=FIELD_PASS)
    device_id = r.out.split(" as ")[1].split()[0]
    ok("--data-dir", hq, "hq", "enroll-device", root / "card.sig", passphrase=HQ_PASS)
    ok("--data-dir", hq, "hq", "keyring", "--out", root / "keyring.sig", passphrase=HQ_PASS)
    return Setup(root, hq, field, root / "keyring.sig", device_id)
