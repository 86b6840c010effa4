"""Unlock screen, wrong passphrase, locking on demand and when idle."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.test_gui_support import PASS, open_window, type_text, unlock, wait_idle

pytestmark = pytest.mark.gui


def test_wrong_passphrase_shows_message_then_unlocks(qtbot, profile: Path) -> None:
    window = open_window(qtbot, profile)
    page = window.unlock_page
    assert window.stack.currentWidget() is page
    assert not window.toolbar.isVisible() and not window.lock_action.isEnabled()
    qtbot.keyClicks(page.passphrase, "not the passphrase")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.error.text() != "", timeout=10_000)
    assert page.error.text().startswith("Wrong passphrase")
    assert window.workspace is None and not window.session.is_unlocked
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, PASS)
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert window.toolbar.isVisible() and window.lock_action.isEnabled()
    assert page.passphrase.text() == ""  # the passphrase is not kept in the widget


def test_empty_passphrase_is_refused_without_calling_the_store(qtbot, profile: Path) -> None:
    window = open_window(qtbot, profile)
    window.unlock_page.try_unlock()
    assert window.unlock_page.error.text() == "Type your passphrase first."
    assert not window.session.runner.busy


def test_ctrl_l_locks_and_clears_everything(qtbot, profile: Path) -> None:
    window = open_window(qtbot, profile)
    unlock(qtbot, window)
    ws = window.workspace
    qtbot.waitUntil(lambda: window.workspace.records.model.rowCount() == 3)
    editor = ws.new_record("gui_all_types")
    w = {fw.field.name: fw for fw in editor.field_widgets()}
    type_text(w["full_name"].edit, "Secret Name")
    QGuiApplication.clipboard().setText("copied secret")
    model = ws.records.model
    import gc

    from intake_app.models import RecordDetail, RecordSummary

    def snapshots() -> list[object]:
        gc.collect()
        return [o for o in gc.get_objects() if isinstance(o, RecordDetail | RecordSummary)]

    assert len(snapshots()) >= 3  # the list's summaries, before locking
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.session.is_unlocked
    assert window.workspace is None
    assert window.stack.currentWidget() is window.unlock_page
    assert model.rowCount() == 0 and model.summaries() == []
    assert editor.ctx.pending == {} and w["full_name"].edit.text() == ""
    assert QGuiApplication.clipboard().text() == ""
    assert not window.toolbar.isVisible()
    # No record snapshot survives the lock anywhere in the process.
    del ws, editor, w
    # A job started before the lock may still deliver its (discarded) result: wait for
    # the pool to drain, then nothing may be left.
    assert window.session.runner.wait(15_000)
    qtbot.waitUntil(lambda: snapshots() == [], timeout=5_000)


def test_toolbar_lock_button(qtbot, profile: Path) -> None:
    window = open_window(qtbot, profile)
    unlock(qtbot, window)
    button = window.toolbar.widgetForAction(window.lock_action)
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.workspace is None and not window.session.is_unlocked


def test_auto_lock_after_idle_minutes(qtbot, profile: Path) -> None:
    window = open_window(qtbot, profile)
    unlock(qtbot, window)
    timer = window.session.idle_timer
    assert timer.isActive()
    assert window.session.idle_ms == 10 * 60_000  # the default policy's 10 minutes
    assert timer.interval() == 10 * 60_000 - 30_000  # then a 30 s warning
    # Activity restarts the countdown; silence lets it fire (warning shortened here).
    window.session.warn_ms = 200
    window.session.tick_ms = 50
    window.session.set_idle_ms(1_500)  # the idle part: 1.3 s (slack for a loaded machine)
    qtbot.wait(600)
    qtbot.keyClick(window.workspace.records.search, Qt.Key.Key_A)
    assert timer.remainingTime() > 1_000  # restarted by the key (else at most 0.7 s left)
    qtbot.waitUntil(lambda: not window.session.is_unlocked, timeout=10_000)
    assert window.workspace is None
    assert window.stack.currentWidget() is window.unlock_page


def test_results_arriving_after_lock_are_dropped(qtbot, profile: Path) -> None:
    window = open_window(qtbot, profile)
    unlock(qtbot, window)
    seen: list[object] = []
    svc = window.session.service
    window.session.runner.start(lambda: svc.count_records(), seen.append)
    window.lock()
    wait_idle(qtbot, window)
    qtbot.wait(50)
    assert seen == []


def test_ctrl_l_locks_from_a_dialog(qtbot, profile: Path) -> None:
    window = open_window(qtbot, profile)
    unlock(qtbot, window)
    dlg = window.open_settings()
    assert dlg is not None and dlg.isVisible()
    qtbot.keyClick(dlg.auto_lock, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.session.is_unlocked and window.workspace is None
    assert window.settings_dialog is None


def test_keyboard_only_session(qtbot, profile: Path) -> None:
    """Unlock, start a record, answer, save and lock without touching the mouse."""
    window = open_window(qtbot, profile)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.unlock_page
    qtbot.waitUntil(page.passphrase.hasFocus)
    qtbot.keyClicks(page.passphrase, PASS)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    ws = window.workspace
    qtbot.keyClick(ws.records.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ws.chooser is not None and ws.chooser.isVisible())
    chooser = ws.chooser
    chooser.combo.setFocus()
    chooser.combo.setCurrentIndex(chooser.combo.findData("gui_all_types"))
    qtbot.keyClick(chooser.combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ws.editor is not None)
    editor = ws.editor
    # Tab from the section list reaches the first question's input.
    editor.page_list.setFocus()
    name = next(w for w in editor.field_widgets() if w.field.name == "full_name")
    for _ in range(6):
        if name.edit.hasFocus():
            break
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert name.edit.hasFocus()
    qtbot.keyClicks(name.edit, "Typed")
    qtbot.keyClick(name.edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.session.is_unlocked


def test_controls_have_accessible_names(qtbot, profile: Path) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit

    window = open_window(qtbot, profile)
    unlock(qtbot, window)
    ws = window.workspace
    editor = ws.new_record("gui_all_types")
    dlg = window.open_settings()
    missing = []
    for root in (window, dlg):
        widgets = [w for cls in (QLineEdit, QComboBox, QPlainTextEdit, QAbstractButton)
                   for w in root.findChildren(cls)]
        for w in widgets:
            if not w.isVisibleTo(root) or w.parent() is None:
                continue
            if isinstance(w, QLineEdit) and w.objectName().startswith("qt_"):
                continue  # the editor inside a spin box or combo box: the box has the name
            text = w.text() if isinstance(w, QAbstractButton) else ""
            if not (w.accessibleName() or text.strip()):
                missing.append(f"{type(w).__name__} {w.objectName()}")
    assert missing == []
    assert editor is not None
