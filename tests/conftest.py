"""Shared fixtures. Every test gets its own data dir, temp dir and cheap KDF."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from intake_app.services.field import FieldService

# Real PostgreSQL and S3 servers for the team-server tests (session-scoped fixtures).
pytest_plugins = ["tests.pg_helpers"]

PASSPHRASE = "correct horse battery staple"

# Cheap Argon2id parameters for tests only (real profiles calibrate to ~0.6 s).
os.environ["INTAKE_TESTING_FAST_KDF"] = "1"


# The longest test files, started first: `make test` runs two pytest-xdist workers that
# take whole files in collection order (--dist loadfile --no-loadscope-reorder), so these
# run side by side from the start instead of one of them holding up the end.
SLOW_FIRST = ("test_faults_kill_suite.py", "test_packaging.py", "test_wheel.py",
              "test_fuzz_targets.py", "test_forms_perf_equivalence.py", "test_readme.py",
              "test_team_servers.py", "test_store_crash.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: else as before


@pytest.fixture(scope="session", autouse=True)
def _cli_once_per_worker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The in-process ``intake`` runs (tests/cli_helpers.py) share what a real process
    would build once: main()'s parser (~600 argparse sub-parsers, 0.1-0.2 s a call, as
    much as a small command; parsing does not change it), and enrolled_pair's templates
    (in this worker's session folder). Benchmarks using cli_helpers get neither."""
    import functools

    import intake_app.cli
    from tests import cli_helpers

    mp = pytest.MonkeyPatch()
    mp.setattr(intake_app.cli, "build_parser", functools.cache(intake_app.cli.build_parser))
    cli_helpers.TEMPLATE_DIR[:] = [tmp_path_factory.mktemp("pair-templates")]
    yield
    mp.undo()
    cli_helpers.TEMPLATE_DIR.clear()
    cli_helpers._TEMPLATES.clear()
    if "tests.test_gui_support" in sys.modules:
        sys.modules["tests.test_gui_support"]._PROFILES.clear()


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


def new_field_service(d: Path, *, records: int = 0, notes: str = "", locked: bool = False,
                      **settings: object) -> FieldService:
    """A new field profile (PASSPHRASE) with ``records`` example drafts whose interviewer
    notes are ``notes``, protect ``settings`` applied; unlocked unless ``locked``."""
    from intake_app.services.field import FieldService
    from tests.cli_helpers import example_values

    svc = FieldService(d)
    svc.create(PASSPHRASE)
    for _ in range(records):
        svc.new_record("hrd_intake", example_values(interviewer_notes=notes))
    if settings:
        svc.update_protect_settings(**settings)  # type: ignore[arg-type]
    if locked:
        svc.lock()
    return svc


@pytest.fixture
def svc(data_dir: Path) -> FieldService:
    """The protect and security tests' service: a new, unlocked field profile."""
    return new_field_service(data_dir)


@pytest.fixture
def profile(data_dir: Path) -> Path:
    """A locked field profile with the GUI tests' all-types form and three records."""
    from tests.test_gui_support import make_profile

    make_profile(data_dir, records=3)
    return data_dir


@pytest.fixture(autouse=True)
def _no_modal_dialogs(request: pytest.FixtureRequest) -> Iterator[None]:
    """For tests marked ``gui`` only (the others never start Qt): message boxes answer
    Yes without a nested event loop (tests may override), a panic does not exit the
    process, Qt settings live in this test's own config dir, English UI after."""
    if request.node.get_closest_marker("gui") is None:
        yield
        return
    qapp = request.getfixturevalue("qapp")
    monkeypatch: pytest.MonkeyPatch = request.getfixturevalue("monkeypatch")
    from PySide6.QtCore import QSettings

    from intake_app.gui import dialogs, i18n, panic_ui

    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(panic_ui, "HARD_EXIT", False)  # a panic must not end pytest
    monkeypatch.setattr(dialogs, "inform", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "show_error", lambda *a, **k: None)
    config = os.environ["XDG_CONFIG_HOME"]
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, config)
    yield
    i18n.LanguageManager(qapp).apply("en")


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
