"""Settings, "Protection" tab, and what the app does about it after unlock: duress
passphrase, erase after wrong passphrases, clipboard clearing, stale drafts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from intake_app.errors import IntakeError
from intake_app.gui import dialogs
from intake_app.protect import guard
from intake_app.services.field import DAY_MS, FieldService
from intake_app.store.records import now_ms
from tests.test_gui_support import (
    PASS,
    complete_values,
    make_profile,
    open_window,
    unlock,
    wait_idle,
)

pytestmark = pytest.mark.gui
DURESS = "only tea and bread here"


def _fail_unlock(qtbot: Any, window: Any, passphrase: str) -> None:
    page = window.unlock_page
    page.passphrase.setText(passphrase)
    page.try_unlock()
    qtbot.waitUntil(lambda: page.error.text() != "" or not window.session.service.exists(),
                    timeout=10_000)
    wait_idle(qtbot, window)


def _protection_view(window: Any) -> list[tuple[str, str, bool]]:
    """Every text, check state and enabled state the Protection tab shows."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

    dlg = window.open_settings()
    page = dlg.protection
    seen: list[tuple[str, str, bool]] = []
    for w in page.findChildren(QWidget):
        if isinstance(w, QLabel | QLineEdit):
            seen.append((type(w).__name__, w.text(), w.isEnabled()))
        elif isinstance(w, QAbstractButton):
            seen.append((w.text(), str(w.isChecked()), w.isEnabled()))
    dlg.reject()
    return seen


def _notices(window: Any) -> str:
    bar = window.workspace.notices
    return " ".join(lb.text() for lb in (bar.attempts, bar.restored, bar.stale)
                    if lb.isVisibleTo(bar))


def test_duress_set_in_settings_then_typed_at_the_unlock_screen(qtbot: Any,
                                                                 data_dir: Path) -> None:
    make_profile(data_dir, records=4)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    before = _protection_view(window)
    dlg = window.open_settings()
    page = dlg.protection
    assert page.erase_real.isChecked()  # erase on duress is the default
    assert not page.set_duress_button.isEnabled()
    page.duress.first.setText(DURESS)
    page.duress.second.setText(DURESS)
    qtbot.mouseClick(page.set_duress_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.duress_result.text().startswith("Duress passphrase set"),
                    timeout=10_000)
    assert page.duress.first.text() == ""  # not kept in the field
    dlg.accept()
    # Settings look the same whether or not a duress passphrase exists.
    assert _protection_view(window) == before
    window.lock()

    unlock(qtbot, window, DURESS)
    model = window.workspace.records.model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5_000)  # the practice drafts
    assert window.session.service.is_decoy_session()
    wait_idle(qtbot, window)
    assert "decoy" not in _notices(window).lower() and "erase" not in _notices(window).lower()
    window.lock()
    with pytest.raises(IntakeError):
        FieldService(data_dir).unlock(PASS)  # the real store was erased on the way in


def test_duress_same_as_passphrase_is_refused_and_remove_works(qtbot: Any,
                                                               data_dir: Path) -> None:
    make_profile(data_dir)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    page = window.open_settings().protection
    page.duress.first.setText(PASS)
    page.duress.second.setText(PASS)
    page.set_duress()
    qtbot.waitUntil(lambda: "different" in page.duress_result.text(), timeout=10_000)
    page.clear_duress()
    qtbot.waitUntil(lambda: page.duress_result.text() == "No duress passphrase is set now.",
                    timeout=10_000)


def test_protection_options_are_saved_and_wipe_after_erases(qtbot: Any, data_dir: Path) -> None:
    make_profile(data_dir, records=2)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    dlg = window.open_settings()
    page = dlg.protection
    assert page.wipe_after.value() == 0 and page.wipe_after.text() == "Never"
    page.wipe_after.setValue(2)
    page.panic_outbox.setCurrentIndex(1)
    page.clipboard_seconds.setValue(45)
    dlg.accept()
    svc = window.session.service
    assert svc.protect_settings() == guard.ProtectSettings(
        wipe_after=2, keep_outbox_on_panic=True, clipboard_clear_seconds=45)
    window.lock()
    # One wrong passphrase, then the right one: the count is shown, then it starts again.
    _fail_unlock(qtbot, window, "not my passphrase")
    assert window.unlock_page.error.text().startswith("Wrong passphrase")
    unlock(qtbot, window)
    assert "1 wrong passphrase(s) were typed" in _notices(window)
    window.lock()
    _fail_unlock(qtbot, window, "wrong once")
    assert data_dir.exists()
    _fail_unlock(qtbot, window, "wrong twice")  # the 2nd in a row: erased
    with pytest.raises(IntakeError):
        FieldService(data_dir).unlock(PASS)


def test_settings_file_removed_is_reported(qtbot: Any, data_dir: Path) -> None:
    make_profile(data_dir)
    svc = FieldService(data_dir)
    svc.unlock(PASS)
    svc.update_protect_settings(wipe_after=5)
    svc.lock()
    guard.aux_path(data_dir).unlink()  # someone resets the wrong-passphrase counter
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    assert "protection settings file had been removed or changed" in _notices(window)
    assert window.workspace.notices.isVisible()
    qtbot.mouseClick(window.workspace.notices.dismiss_button, Qt.MouseButton.LeftButton)
    assert not window.workspace.notices.isVisible()


def test_clipboard_cleared_after_the_policy_seconds_and_on_lock(qtbot: Any,
                                                                data_dir: Path) -> None:
    make_profile(data_dir)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    dlg = window.open_settings()
    dlg.protection.clipboard_seconds.setValue(1)
    dlg.accept()
    cb = QApplication.clipboard()
    window.workspace.records.search.setText("Person 7")
    window.workspace.records.search.selectAll()
    window.workspace.records.search.copy()  # copied from the app
    assert cb.text() == "Person 7"
    guard_ = window.session.clipboard_guard
    assert guard_.timer.isActive() and guard_.timer.interval() == 1000
    assert guard_.copied is not None and b"Person" not in guard_.copied  # a digest only
    qtbot.waitUntil(lambda: cb.text() == "", timeout=3_000)

    # Something else replaced the text before the timer fired: it is left alone.
    window.workspace.records.search.copy()
    guard_.copied = b"\0" * 32  # as if the app had copied other text
    guard_.expire()
    assert cb.text() == "Person 7"

    dlg = window.open_settings()
    dlg.protection.clipboard_seconds.setValue(600)
    dlg.accept()
    window.activateWindow()  # a copy comes from a focused window of the app
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=2_000)
    window.workspace.records.search.setText("Person 8")
    window.workspace.records.search.selectAll()
    window.workspace.records.search.copy()
    assert cb.text() == "Person 8" and guard_.timer.interval() == 600_000
    window.lock()
    assert cb.text() == "" and not guard_.timer.isActive()


def _age(svc: FieldService, rid: str, days: int) -> None:
    then = now_ms() - days * DAY_MS
    with svc._store.transaction() as conn:
        conn.execute("UPDATE records SET updated_at = ?, created_at = ? WHERE id = ?",
                     (then, then, rid))


def _profile_with_stale_drafts(data_dir: Path) -> None:
    make_profile(data_dir, records=1)
    svc = FieldService(data_dir)
    svc.unlock(PASS)
    for i, days in enumerate((40, 35, 2)):
        rid = svc.save_draft(None, "gui_all_types", complete_values(f"Draft {i}"), "en")
        _age(svc, rid, days)
    svc.lock()


def test_stale_drafts_warning_then_purge_after_confirmation(qtbot: Any, data_dir: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    _profile_with_stale_drafts(data_dir)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    bar = window.workspace.notices
    qtbot.waitUntil(lambda: bar.stale.isVisibleTo(bar), timeout=5_000)
    assert bar.stale.text().startswith("2 draft(s) have not been saved for more than 30 days")
    assert bar.purge_button.isVisibleTo(bar)
    model = window.workspace.records.model
    qtbot.waitUntil(lambda: model.rowCount() == 4 and not model.is_loading, timeout=5_000)

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text: asked.append(text) or False)
    qtbot.mouseClick(bar.purge_button, Qt.MouseButton.LeftButton)
    assert asked and "2 old draft(s)" in asked[0]
    wait_idle(qtbot, window)
    assert len(window.session.service.stale_drafts()) == 2  # "No": nothing deleted

    monkeypatch.setattr(dialogs, "confirm", lambda *_a: True)
    qtbot.mouseClick(bar.purge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.stale.text() == "2 old draft(s) deleted.", timeout=5_000)
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not model.is_loading, timeout=5_000)
    assert window.session.service.stale_drafts() == []
    assert not bar.purge_button.isVisibleTo(bar)


def test_no_notice_bar_on_a_fresh_unlock(qtbot: Any, data_dir: Path) -> None:
    make_profile(data_dir, records=1)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    wait_idle(qtbot, window)
    assert not window.workspace.notices.isVisible()
