"""Panic from the GUI: the red toolbar button, the unlock-screen button and the
Ctrl+Shift+Delete hotkey (on the unlock screen and inside a modal dialog) each
erase the store in under a second, clear the clipboard and close every window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from intake_app.errors import IntakeError
from intake_app.gui.panic_ui import PanicConfirm
from intake_app.services.field import FieldService
from intake_app.store import profile
from tests.conftest import scan_for
from tests.test_gui_support import PASS, make_profile, open_window, unlock

pytestmark = pytest.mark.gui
HOTKEY_MODS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def exits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """QApplication.exit is recorded instead of ending the test's event loop."""
    calls: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda rc=0: calls.append(rc)))
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: calls.append(0)))
    return calls


def _confirm(qtbot: Any, window: Any) -> PanicConfirm:
    qtbot.waitUntil(lambda: window.panic_confirm is not None
                    and window.panic_confirm.isVisible(), timeout=2_000)
    box = window.panic_confirm
    assert isinstance(box, PanicConfirm)
    assert box.defaultButton() is box.erase_button  # Enter erases: quick under pressure
    assert box.windowModality() == Qt.WindowModality.ApplicationModal
    return box


def _assert_erased(qtbot: Any, window: Any, data_dir: Path, old_header: bytes,
                   exits: list[int]) -> None:
    # How fast it erases is measured by bench/bench_panic.py, not asserted here (a loaded
    # CI machine is no measure); it must not wait for anything the user does.
    qtbot.waitUntil(lambda: not data_dir.exists(), timeout=10_000)
    assert exits == [0]
    assert window.panicked and not window.session.service.is_unlocked
    assert window.workspace is None
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == []
    assert QApplication.clipboard().text() == ""
    # Even the old header put back (a copy taken before) opens nothing any more.
    data_dir.mkdir()
    (data_dir / profile.HEADER_NAME).write_bytes(old_header)
    with pytest.raises(IntakeError):
        FieldService(data_dir).unlock(PASS)
    assert scan_for(data_dir, "Person 1") == []


def test_toolbar_button_asks_once_then_erases(qtbot: Any, data_dir: Path,
                                              exits: list[int]) -> None:
    make_profile(data_dir, records=3)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    old_header = (data_dir / profile.HEADER_NAME).read_bytes()
    QApplication.clipboard().setText("Person 1")
    button = window.toolbar.widgetForAction(window.panic_action)
    assert button is not None and button.objectName() == "panicButton"
    assert "#b00020" in button.styleSheet()  # visibly different from the other buttons
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = _confirm(qtbot, window)
    assert data_dir.exists() and window.session.is_unlocked  # nothing happens before Enter
    qtbot.keyClick(box, Qt.Key.Key_Return)
    _assert_erased(qtbot, window, data_dir, old_header, exits)


def test_cancel_keeps_everything(qtbot: Any, data_dir: Path, exits: list[int]) -> None:
    make_profile(data_dir, records=1)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    window.panic_action.trigger()
    box = _confirm(qtbot, window)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.panic_confirm is None, timeout=2_000)
    assert data_dir.exists() and window.session.is_unlocked and not window.panicked
    assert exits == []
    window.panic_action.trigger()  # and it can be asked again
    _confirm(qtbot, window).reject()


def test_hotkey_twice_on_the_unlock_screen(qtbot: Any, data_dir: Path,
                                           exits: list[int]) -> None:
    make_profile(data_dir, records=3)
    window = open_window(qtbot, data_dir)
    old_header = (data_dir / profile.HEADER_NAME).read_bytes()
    assert not window.toolbar.isVisible()  # locked: only the hotkey and the page's button
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Delete, HOTKEY_MODS)
    box = _confirm(qtbot, window)
    qtbot.keyClick(box, Qt.Key.Key_Delete, HOTKEY_MODS)  # the hotkey again confirms
    _assert_erased(qtbot, window, data_dir, old_header, exits)


def test_unlock_screen_button(qtbot: Any, data_dir: Path, exits: list[int]) -> None:
    make_profile(data_dir, records=3)
    window = open_window(qtbot, data_dir)
    old_header = (data_dir / profile.HEADER_NAME).read_bytes()
    button = window.unlock_page.panic_button
    assert button.isVisible() and button.focusPolicy() == Qt.FocusPolicy.NoFocus
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    _confirm(qtbot, window).erase_button.click()
    _assert_erased(qtbot, window, data_dir, old_header, exits)


def test_hotkey_inside_a_modal_dialog(qtbot: Any, data_dir: Path, exits: list[int]) -> None:
    make_profile(data_dir, records=3)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    old_header = (data_dir / profile.HEADER_NAME).read_bytes()
    dlg = window.open_settings()
    qtbot.waitUntil(dlg.isVisible, timeout=2_000)
    qtbot.keyClick(dlg.old, Qt.Key.Key_Delete, HOTKEY_MODS)
    box = _confirm(qtbot, window)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    _assert_erased(qtbot, window, data_dir, old_header, exits)
    assert window.settings_dialog is None


def test_panic_from_the_first_run_wizard_touches_nothing(qtbot: Any, tmp_path: Path,
                                                         exits: list[int]) -> None:
    empty = tmp_path / "new-profile"
    window = open_window(qtbot, empty)
    assert window.wizard is not None
    report = window.panic()
    assert report is not None and not report.had_profile and report.removed == ()
    assert exits == [0] and not window.isVisible()
