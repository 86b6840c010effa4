"""Settings: language, auto-lock within policy, passphrase change, device fingerprint."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from intake_app.gui.settings import group_fingerprint
from intake_app.services.field import FieldService
from tests.cli_helpers import FIELD_PASS, enrolled_pair
from tests.test_gui_support import PASS, open_window, unlock, wait_idle

pytestmark = pytest.mark.gui


def test_fingerprint_grouping() -> None:
    assert group_fingerprint("abcd1234ef") == "abcd 1234 ef"
    assert group_fingerprint("ab:cd") == "ab:cd"


def test_auto_lock_is_capped_by_policy_and_kept_in_the_store(qtbot, profile: Path) -> None:
    window = open_window(qtbot, profile)
    unlock(qtbot, window)
    dlg = window.open_settings()
    assert dlg.auto_lock.maximum() == 10 and dlg.auto_lock.value() == 10
    assert dlg.fingerprint.text() == "Not enrolled with HQ yet."
    dlg.auto_lock.setValue(3)
    dlg.accept()
    assert window.session.idle_ms == 3 * 60_000
    assert window.session.service.meta("gui.auto_lock_minutes") == "3"
    dlg = window.open_settings()
    assert dlg.auto_lock.value() == 3
    dlg.auto_lock.setValue(99)
    assert dlg.auto_lock.value() == 10  # the spin box stops at the policy's maximum
    dlg.reject()


def test_change_passphrase(qtbot, profile: Path) -> None:
    window = open_window(qtbot, profile)
    unlock(qtbot, window)
    dlg = window.open_settings()
    assert not dlg.change_button.isEnabled()
    dlg.old.setText("wrong one entirely")
    dlg.new.first.setText("fresh meadow copper kettle")
    dlg.new.second.setText("fresh meadow copper kettle")
    assert dlg.change_button.isEnabled()
    qtbot.mouseClick(dlg.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.change_result.text() not in ("", "Changing the passphrase…"),
                    timeout=10_000)
    assert dlg.change_result.text() == "The current passphrase is wrong."
    dlg.old.setText(PASS)
    qtbot.mouseClick(dlg.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.change_result.text().startswith("Passphrase changed"),
                    timeout=10_000)
    assert dlg.old.text() == "" and dlg.new.first.text() == ""
    dlg.reject()
    wait_idle(qtbot, window)
    window.lock()
    FieldService(profile).unlock("fresh meadow copper kettle")


def test_device_fingerprint_and_policy_from_hq(qtbot, tmp_path: Path) -> None:
    setup = enrolled_pair(tmp_path / "org")
    window = open_window(qtbot, setup.field)
    unlock(qtbot, window, FIELD_PASS)
    dlg = window.open_settings()
    fp = window.session.service.device_fingerprint()
    assert fp and "".join(dlg.fingerprint.text().split()) == "".join(fp.split())
    assert dlg.fingerprint.layoutDirection() == Qt.LayoutDirection.LeftToRight
    dlg.reject()


def test_language_switch_from_settings(qtbot, profile: Path) -> None:
    window = open_window(qtbot, profile)
    unlock(qtbot, window)
    dlg = window.open_settings()
    dlg.language.setCurrentIndex(dlg.language.findData("ur"))
    dlg.accept()
    assert window.languages.code == "ur"
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.workspace is not None and window.session.is_unlocked
    from intake_app.gui.i18n import saved_language

    assert saved_language() == "ur"
