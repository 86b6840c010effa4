"""The intake-app entry point: arguments, data dir resolution, startup."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake_app.gui import app as gui_app
from intake_app.paths import resolve_data_dir
from tests.test_gui_support import open_window

pytestmark = pytest.mark.gui


def test_data_dir_resolution_matches_the_cli(monkeypatch, tmp_path: Path) -> None:
    assert gui_app.resolve_field_dir(str(tmp_path / "x")) == tmp_path / "x"
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "env"))
    assert gui_app.resolve_field_dir(None) == tmp_path / "env"
    monkeypatch.delenv("INTAKE_DATA_DIR")
    assert gui_app.resolve_field_dir(None) == resolve_data_dir(None) / "field"


def test_parser() -> None:
    args = gui_app.build_parser().parse_args(["--data-dir", "/tmp/p", "--lang", "fa-AF"])
    assert args.data_dir == "/tmp/p" and args.lang == "fa-AF"


def test_start_shows_unlock_for_existing_profile_and_wizard_for_new(qtbot, profile: Path,
                                                                    tmp_path: Path) -> None:
    window = open_window(qtbot, profile)
    assert window.stack.currentWidget() is window.unlock_page
    assert window.unlock_page.passphrase.hasFocus() or not window.isActiveWindow()
    window2 = open_window(qtbot, tmp_path / "new")
    assert window2.wizard is not None and window2.stack.currentWidget() is window2.wizard


def test_main_runs_the_event_loop(monkeypatch, qtbot, profile: Path) -> None:
    from PySide6.QtWidgets import QApplication

    seen: list[object] = []

    def fake_exec(self) -> int:
        seen.extend(w for w in QApplication.topLevelWidgets()
                    if w.objectName() == "mainWindow" and w.isVisible())
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert gui_app.main(["--data-dir", str(profile), "--lang", "en"]) == 0
    assert len(seen) == 1
    assert seen[0].stack.currentWidget() is seen[0].unlock_page


def test_high_dpi_rendering(tmp_path: Path) -> None:
    """At a 2x scale factor the window renders sharp (device pixel ratio 2), not blurred."""
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from intake_app.gui.app import create_window\n"
        "app = QApplication([])\n"
        "w, _ = create_window(Path(sys.argv[1]), 'fa-AF')\n"
        "w.resize(800, 600); w.show(); app.processEvents()\n"
        "pm = w.grab()\n"
        "print(json.dumps({'dpr': pm.devicePixelRatio(), 'w': pm.width()}))\n"
        "w.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "p")], env=env,
                          capture_output=True, text=True, timeout=60, check=True)
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["dpr"] == 2.0 and out["w"] == 1600


def test_self_test_reports_the_unlock_screen_in_dari(qtbot, profile: Path,
                                                    tmp_path: Path) -> None:
    import json

    report = tmp_path / "out" / "report.json"
    assert gui_app.main(["--data-dir", str(profile), "--lang", "fa-AF",
                         "--self-test", str(report)]) == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["language"] == "fa-AF"
    assert data["layout_direction"] == "rtl"
    assert "unlock" in data["screen"].lower()
    assert report.with_suffix(".png").stat().st_size > 1000
    arabic = [lab for lab in data["labels"]
              if any("\u0600" <= ch <= "\u06ff" for ch in lab["text"])]
    assert arabic, "the Dari unlock screen shows Arabic-script text"
    assert data["bundled_fonts"]["families"]
