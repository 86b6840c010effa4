"""How ``intake-app`` chooses the HQ and auditor modes."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake_app.gui import app, hq_switch
from tests.test_gui_hq_support import (
    HQ_PASS,
    make_hq_data,
    open_hq_window,
    unlock_hq,
    wait_idle,
)
from tests.test_gui_support import open_window

pytestmark = pytest.mark.gui


def test_flags(tmp_path: Path, monkeypatch) -> None:
    p = app.build_parser()
    assert p.parse_args(["--hq"]).hq and p.parse_args(["--auditor"]).auditor
    with pytest.raises(SystemExit):
        p.parse_args(["--hq", "--auditor"])
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "x"))
    assert app.resolve_hq_dir(None) == (tmp_path / "x").resolve()
    monkeypatch.delenv("INTAKE_DATA_DIR")
    assert app.resolve_hq_dir(None).name == app.HQ_SUBDIR
    assert app.resolve_field_dir(None).name == app.FIELD_SUBDIR


def test_hq_mode_without_profile(qtbot, tmp_path: Path) -> None:
    window = open_hq_window(qtbot, tmp_path / "nothing")
    assert window.stack.currentWidget() is window.missing
    assert "intake hq init" in window.missing.text()
    assert not window.export_action.isEnabled()


def test_data_dir_holding_hq_profile_opens_hq_screens(qtbot, tmp_path: Path) -> None:
    data = make_hq_data(tmp_path, records=1)
    field_window = open_window(qtbot, data.hq)  # as `intake-app --data-dir <hq dir>`
    before = len(hq_switch.switched_windows())
    field_window.unlock_page.passphrase.setText(HQ_PASS)
    field_window.unlock_page.try_unlock()
    qtbot.waitUntil(lambda: len(hq_switch.switched_windows()) > before, timeout=15_000)
    hq_window = hq_switch.switched_windows()[-1]
    qtbot.addWidget(hq_window)
    qtbot.waitUntil(lambda: hq_window.workspace is not None, timeout=15_000)
    assert hq_window.session.is_unlocked
    assert not field_window.isVisible()
    assert field_window.workspace is None
    wait_idle(qtbot, hq_window)
    hq_window.lock()
    assert not hq_window.session.is_unlocked


def test_language_switch_rebuilds_hq_screens(qtbot, tmp_path: Path) -> None:
    data = make_hq_data(tmp_path, records=1)
    window = open_hq_window(qtbot, data.hq)
    unlock_hq(qtbot, window)
    assert window.session.idle_timer.isActive()
    assert window.session.idle_ms == 10 * 60_000
    english = window.workspace.tabText(0)
    window.set_language("ps")
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.tabText(0) != english, timeout=15_000)
    wait_idle(qtbot, window)
    assert window.session.is_unlocked
