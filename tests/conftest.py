"""Shared fixtures. Every test gets its own data dir, temp dir and cheap KDF."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Real PostgreSQL and S3 servers for the team-server tests (session-scoped fixtures).
pytest_plugins = ["tests.pg_helpers"]

PASSPHRASE = "correct horse battery staple"

# Cheap Argon2id parameters for tests only (real profiles calibrate to ~0.6 s).
os.environ["INTAKE_TESTING_FAST_KDF"] = "1"


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.delenv("INTAKE_DATA_DIR", raising=False)
    monkeypatch.delenv("INTAKE_PASSPHRASE", raising=False)
    monkeypatch.delenv("INTAKE_NEW_PASSPHRASE", raising=False)
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    yield


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "profile"


def scan_for(root: Path, needle: str) -> list[str]:
    """Files under ``root`` containing ``needle`` as UTF-8, UTF-16 or base64."""
    import base64

    raw = needle.encode("utf-8")
    forms = [
        raw,
        needle.encode("utf-16-le"),
        needle.encode("utf-16-be"),
        base64.b64encode(raw)[: max(4, len(raw) * 4 // 3 - 4)],
    ]
    hits: list[str] = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if any(f in data for f in forms):
                hits.append(str(path))
    return hits
