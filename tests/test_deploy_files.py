"""The operator's deployment files (deploy/, sync/): Docker is not available here, so
these tests parse what would run. The compose file and the systemd units parse, every
`intake ...` command line in them is accepted by the real argparse parser (no flag that
does not exist), the drop box instances' config loads as shared storage, the trust zones
are on separate networks, no secret sits on a command line; and the backup script really
backs up and restores a PostgreSQL database and a bucket (real servers)."""

from __future__ import annotations

import configparser
import json
import os
import re
import secrets
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from intake_app.cli import build_parser
from intake_app.sync.config import build_config, load_config
from tests.pg_helpers import PgServer, S3Server, pg_bindir

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
UNITS = [DEPLOY / "systemd" / "intake-dropbox@.service",
         DEPLOY / "systemd" / "intake-import-worker.service",
         ROOT / "sync" / "intake-dropbox.service"]


def _parse_intake(argv: list[str]) -> Any:
    """The real CLI parser's reading of an `intake ...` command line (fails on a bad flag)."""
    assert Path(argv[0]).name == "intake", argv
    try:
        return build_parser().parse_args(argv[1:])
    except SystemExit as exc:
        pytest.fail(f"intake rejects {shlex.join(argv)} (exit {exc.code})")


def _compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    return data


def test_compose_file_parses_and_its_commands_exist() -> None:
    c = _compose()
    services = c["services"]
    assert {"proxy", "dropbox-a", "dropbox-b", "relay-db", "relay-s3", "importer", "hq-db",
            "hq-s3"} <= set(services)
    funcs = {}
    for name, svc in services.items():
        cmd = svc.get("command")
        if isinstance(cmd, list) and cmd and cmd[0] == "intake":
            funcs[name] = _parse_intake(cmd).func.__name__
        for secret in svc.get("secrets", []):
            assert secret in c["secrets"], (name, secret)
        env = " ".join(f"{k}={v}" for k, v in (svc.get("environment") or {}).items())
        assert "SECRET" not in env and "PASSWORD=" not in env, name  # files only
    assert funcs == {"dropbox-a": "cmd_dropbox_serve", "dropbox-b": "cmd_dropbox_serve",
                     "importer": "cmd_hq_import_worker"}
    # Two instances of one shared config: the file they mount loads as shared storage.
    vol = next(v for v in services["dropbox-a"]["volumes"] if "dropbox.toml" in v)
    cfg = build_config(load_config(DEPLOY / vol.split(":")[0]), {})
    assert cfg.shared and str(cfg.storage).startswith("s3://") and cfg.state
    assert "password" not in cfg.state and ":" not in cfg.state.split("@")[0][13:]


def test_compose_keeps_the_importer_apart_from_the_relay() -> None:
    c = _compose()
    s = c["services"]
    nets = {name: set(svc.get("networks", [])) for name, svc in s.items()}
    assert c["networks"]["relay"]["internal"] and c["networks"]["hq"]["internal"]
    assert "hq" not in nets["dropbox-a"] | nets["dropbox-b"] | nets["proxy"]
    assert "relay" not in nets["importer"]  # it reaches the drop box through TLS only
    assert nets["hq-db"] == nets["hq-s3"] == {"hq"}
    assert nets["relay-db"] == nets["relay-s3"] == {"relay"}
    assert s["importer"]["read_only"] and s["importer"]["cap_drop"] == ["ALL"]
    caddy = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    assert re.search(r"reverse_proxy dropbox-a:8470 dropbox-b:8470", caddy)


def _unit(path: Path) -> configparser.ConfigParser:
    cp = configparser.ConfigParser(strict=False, interpolation=None)
    cp.optionxform = str  # type: ignore[assignment,method-assign]
    cp.read_string(path.read_text(encoding="utf-8"))
    return cp


@pytest.mark.parametrize("path", UNITS, ids=lambda p: p.name)
def test_systemd_units_parse_and_run_real_commands(path: Path) -> None:
    unit = _unit(path)
    assert {"Unit", "Service", "Install"} <= set(unit.sections())
    svc = unit["Service"]
    assert svc["User"] and svc["NoNewPrivileges"] == "yes" and svc["ProtectSystem"] == "strict"
    line = svc["ExecStart"].replace("%i", "8471").replace("%d", "/run/credentials/x")
    argv = shlex.split(line)
    assert argv[0].startswith("/opt/intake/venv/bin/")
    args = _parse_intake(argv)
    assert args.func.__name__ in ("cmd_dropbox_serve", "cmd_hq_import_worker")
    for secret_word in ("password", "secret", "AWS_"):
        assert secret_word not in line.lower().replace("passphrase-file", "")


def _analyze(root: Path, unit: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["systemd-analyze", "verify", f"--root={root}", unit],
                          capture_output=True, text=True, timeout=60)


def test_systemd_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    """systemd's own checker on the units, in a scratch root holding the system's unit
    files, the units and an executable at their ExecStart path: it reports unknown keys
    (a misspelt hardening option would silently not apply), bad values and dependencies
    that do not exist. An injected misspelling shows it would fail."""
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze not installed (Debian package systemd)")
    root = tmp_path / "root"
    (root / "etc/systemd/system").mkdir(parents=True)
    shutil.copytree("/usr/lib/systemd/system", root / "usr/lib/systemd/system",
                    symlinks=True)
    exe = root / "opt/intake/venv/bin/intake"
    exe.parent.mkdir(parents=True)
    exe.write_text("#!/bin/sh\n", encoding="utf-8")
    exe.chmod(0o755)
    names = []
    for path in UNITS:
        shutil.copy(path, root / "etc/systemd/system" / path.name)
        names.append(path.name.replace("@.", "@8471."))
    for name in names:
        r = _analyze(root, name)
        assert r.returncode == 0 and not r.stderr.strip(), (name, r.stderr)
    bad = (DEPLOY / "systemd" / "intake-import-worker.service").read_text(encoding="utf-8")
    assert "ProtectSystem=strict" in bad
    (root / "etc/systemd/system/bad.service").write_text(
        bad.replace("ProtectSystem=strict", "ProtectSystm=strict"), encoding="utf-8")
    r = _analyze(root, "bad.service")
    assert "Unknown key 'ProtectSystm'" in r.stderr, r.stderr


@pytest.mark.slow  # ~13 s: pg_dump, pg_restore and the script's own start-ups
def test_backup_and_restore_round_trip(pg_server: PgServer, s3_server: S3Server,
                                       tmp_path: Path) -> None:
    import psycopg

    src_db, dst_db = pg_server.new_database("bk"), pg_server.new_database("rs")
    with psycopg.connect(pg_server.dsn(src_db), autocommit=True) as conn:
        conn.execute("CREATE TABLE t (id int PRIMARY KEY, v bytea)")
        conn.execute("INSERT INTO t SELECT g, sha256(g::text::bytea) "
                     "FROM generate_series(1, 500) g")
    client = s3_server.client()
    # Prefixes in the session's bucket: every new bucket is a SeaweedFS collection with
    # volumes of its own, and the test server's volumes are few.
    run = secrets.token_hex(4)
    src, dst = f"s3://intake-ready/bk-{run}-src", f"s3://intake-ready/bk-{run}-dst"
    import io

    for i in range(5):
        data = os.urandom(1000 * (i + 1))
        client.put_object("intake-ready", f"bk-{run}-src/a/{i}", io.BytesIO(data), len(data))
    profile = tmp_path / "profile"
    profile.mkdir()
    (profile / "profile.hdr").write_bytes(b"header")
    env = {**os.environ, "INTAKE_S3_ENDPOINT": "http://" + s3_server.endpoint,
           "AWS_ACCESS_KEY_ID": s3_server.access_key,
           "AWS_SECRET_ACCESS_KEY": s3_server.secret_key,
           "PATH": f"{pg_bindir()}:{os.environ['PATH']}"}
    script = [sys.executable, str(DEPLOY / "backup.py")]
    out = tmp_path / "backup"
    r = subprocess.run([*script, "backup", "--database", pg_server.store_url(src_db),
                        "--bucket", src, "--profile", str(profile), "--out", str(out)],
                       env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["objects"] == 5
    restored = tmp_path / "restored"
    r = subprocess.run([*script, "restore", "--database", pg_server.store_url(dst_db),
                        "--bucket", dst, "--profile", str(restored),
                        "--from", str(out)],
                       env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    with psycopg.connect(pg_server.dsn(src_db)) as a, psycopg.connect(pg_server.dsn(dst_db)) as b:
        q = "SELECT id, v FROM t ORDER BY id"
        assert a.execute(q).fetchall() == b.execute(q).fetchall()
    for i in range(5):
        x = client.get_object("intake-ready", f"bk-{run}-src/a/{i}")
        y = client.get_object("intake-ready", f"bk-{run}-dst/a/{i}")
        assert x.read() == y.read()
    assert (restored / "profile.hdr").read_bytes() == b"header"
    # A second restore onto the now non-empty targets is refused, nothing changed.
    r = subprocess.run([*script, "restore", "--database", pg_server.store_url(dst_db),
                        "--bucket", dst, "--from", str(out)],
                       env=env, capture_output=True, text=True)
    assert r.returncode != 0 and "is not empty" in r.stderr
