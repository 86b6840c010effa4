"""Each mode (field, HQ, auditor) opens in its own language; direction follows the text shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from intake_app.gui import i18n
from intake_app.gui.app import create_window
from tests.test_gui_hq_support import make_hq_data, open_hq_window, unlock_hq, wait_idle

pytestmark = pytest.mark.gui

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


def _open(qtbot, data_dir: Path, lang: str | None, mode: str):
    window, languages = create_window(data_dir, lang, mode)
    held = getattr(qtbot, "_intake_windows", [])
    held.append(window)
    qtbot._intake_windows = held
    qtbot.addWidget(window)
    window.show()
    return window, languages


def test_each_mode_follows_its_own_setting(qtbot, tmp_path: Path) -> None:
    i18n.save_language("ur")
    i18n.save_language("fa-AF", "hq")
    i18n.save_language("en", "auditor")
    hq, langs = _open(qtbot, tmp_path / "hq", None, "hq")
    assert langs.code == "fa-AF" and QApplication.layoutDirection() == RTL
    assert hq.language_box.currentData() == "fa-AF"
    assert hq.windowTitle() not in ("Intake HQ", "Intake HQ — locked")  # Dari, as its box says
    auditor, langs = _open(qtbot, Path("unused"), None, "auditor")
    assert langs.code == "en" and QApplication.layoutDirection() == LTR
    assert auditor.windowTitle() == "Intake auditor" and auditor.layoutDirection() == LTR
    _field, langs = _open(qtbot, tmp_path / "field", None, "field")
    assert langs.code == "ur" and QApplication.layoutDirection() == RTL
    # A mode without a setting of its own starts in the field's language.
    prefs = i18n.preferences()
    prefs.remove("language_auditor")
    prefs.sync()
    assert i18n.saved_language("auditor") == "ur"
    i18n.LanguageManager(QApplication.instance()).apply("en")


def test_hq_language_choice_is_saved_for_hq_only(qtbot, tmp_path: Path) -> None:
    i18n.save_language("ur")
    data = make_hq_data(tmp_path, records=1)
    window = open_hq_window(qtbot, data.hq)
    unlock_hq(qtbot, window)
    window.set_language("ps")
    wait_idle(qtbot, window)
    assert i18n.saved_language("hq") == "ps"
    assert i18n.saved_language() == "ur"  # the field app's own choice is untouched
    assert window.language_box.currentData() == "ps"
    i18n.LanguageManager(QApplication.instance()).apply("en")


def test_missing_translation_is_english_left_to_right(qtbot, tmp_path: Path,
                                                      monkeypatch) -> None:
    empty = tmp_path / "no-translations"
    empty.mkdir()
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", empty)
    monkeypatch.setattr(i18n, "warn", lambda message: None)
    hq, langs = _open(qtbot, tmp_path / "hq", "fa-AF", "hq")
    # The Dari .qm is missing: the window is English, so it is left to right and its
    # language box says English (not "Dari" over an English, mirrored window).
    assert langs.code == "en"
    assert QApplication.layoutDirection() == LTR and hq.layoutDirection() == LTR
    assert hq.language_box.currentData() == "en"
    auditor, langs = _open(qtbot, Path("unused"), "ur", "auditor")
    assert auditor.layoutDirection() == LTR and auditor.windowTitle() == "Intake auditor"
    monkeypatch.undo()
    i18n.LanguageManager(QApplication.instance()).apply("en")
