"""Panic and duress seen through the GUI (the GUI calls the Qt-free protect functions)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from intake_app.errors import IntakeError
from intake_app.services.field import FieldService
from intake_app.store import profile
from tests.conftest import scan_for
from tests.test_gui_support import PASS, make_profile, open_window, unlock

pytestmark = pytest.mark.gui
DURESS = "only tea and bread here"


def test_duress_passphrase_typed_in_the_unlock_screen(qtbot: Any, data_dir: Path) -> None:
    make_profile(data_dir, records=4)
    svc = FieldService(data_dir)
    svc.unlock(PASS)
    svc.set_duress(DURESS)
    svc.lock()
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window, DURESS)
    model = window.workspace.records.model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5_000)  # the practice drafts
    assert window.session.service.is_decoy_session()
    window.close()
    with pytest.raises(IntakeError):
        FieldService(data_dir).unlock(PASS)  # the real store was erased on the way in


def test_gui_panic(qtbot: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_profile(data_dir, records=3)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    if not callable(getattr(window, "panic", None)):
        pytest.skip("MainWindow.panic (toolbar button and hotkey) is not wired yet")
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda *_: None))
    old_header = (data_dir / profile.HEADER_NAME).read_bytes()
    window.panic()
    qtbot.waitUntil(lambda: not data_dir.exists(), timeout=1_000)
    assert not window.session.service.is_unlocked
    assert QApplication.clipboard().text() == ""
    data_dir.mkdir()
    (data_dir / profile.HEADER_NAME).write_bytes(old_header)
    with pytest.raises(IntakeError):
        FieldService(data_dir).unlock(PASS)
    assert scan_for(data_dir, "Person 1") == []
