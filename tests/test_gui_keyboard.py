"""Keyboard-only use: first field focused, Enter on buttons, Tab order, Alt keys, focus ring."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QTabBar,
    QToolButton,
    QWidget,
)

from intake_app.gui.i18n import mnemonic_key, with_mnemonic
from tests.test_gui_support import make_profile, open_window, unlock

pytestmark = pytest.mark.gui


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Alt+ keys of what is shown in ``window``: buttons, labels' buddies, tabs, toolbar."""
    keys: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        key = mnemonic_key(text)
        if key is not None:
            keys[key].append(text)

    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or w.window() is not window:
            continue
        if isinstance(w, QToolButton) and w.defaultAction() is not None:
            add(w.defaultAction().text())
        elif isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            add(w.text())
        elif isinstance(w, QGroupBox):
            add(w.title())
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.isTabVisible(i):
                    add(w.tabText(i))
    return dict(keys)


def clashes(window: QWidget) -> dict[str, list[str]]:
    return {k: v for k, v in mnemonics(window).items() if len(v) > 1}


def test_with_mnemonic() -> None:
    assert with_mnemonic("&New record", "پروندهٔ جدید") == "پروندهٔ جدید (&N)"
    assert with_mnemonic("&Settings…", "تنظیمات…") == "تنظیمات (&S)…"
    assert with_mnemonic("&Language:", "زبان:") == "زبان (&L):"
    assert with_mnemonic("Ne&xt", "بعدی") == "بعدی (&X)"
    assert with_mnemonic("Save", "ذخیره") == "ذخیره"
    assert with_mnemonic("A && B", "الف و ب") == "الف و ب"
    assert with_mnemonic("&Open", "&باز") == "&باز"  # a translator's own key is kept
    assert mnemonic_key("Import re&ceipt…") == "C" and mnemonic_key("Tom && Jerry") is None


@pytest.mark.parametrize("lang", ["en", "fa-AF", "ur"])
def test_alt_keys_everywhere_without_clashes(qtbot, data_dir: Path, lang: str) -> None:
    make_profile(data_dir, records=1)
    window = open_window(qtbot, data_dir, lang)
    unlock(qtbot, window)
    keys = mnemonics(window)
    # Every toolbar action but Panic (it has its own hotkey) has an Alt+ key, in Dari too.
    for action in (window.new_action, window.export_action, window.receipt_action,
                   window.settings_action, window.lock_action):
        key = mnemonic_key(action.text())
        assert key is not None, action.text()
        assert any(s.toString() == f"Alt+{key}" for s in action.shortcuts())
    assert keys and not clashes(window), clashes(window)
    window.workspace.new_record("gui_all_types")
    assert not clashes(window), clashes(window)
    window.open_settings()
    dlg = window.settings_dialog
    qtbot.waitUntil(dlg.isVisible, timeout=5_000)
    for i in range(dlg.tabs.count()):
        dlg.tabs.setCurrentIndex(i)
        assert not clashes(dlg), clashes(dlg)
    dlg.reject()
    if lang != "en":
        window.languages.apply("en")


def test_qt_own_strings_survive_our_translator(qapp) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from intake_app.gui.i18n import LanguageManager, load_fonts

    load_fonts()
    mgr = LanguageManager(qapp)
    try:
        mgr.apply("ur")  # Qt has no Urdu translation: ours (gui/qt_texts.py), never blank
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        assert box.buttons()[0].text() == "ٹھیک ہے"
        # a Qt string we do not translate is still Qt's English, not blank
        box.addButton(QDialogButtonBox.StandardButton.RestoreDefaults)
        assert "Restore Defaults" in [b.text() for b in box.buttons()]
    finally:
        mgr.apply("en")


def test_focus_ring_follows_the_focus(qtbot, data_dir: Path) -> None:
    make_profile(data_dir)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor = window.workspace.new_record("gui_all_types")
    name = next(x for x in editor.field_widgets() if x.field.name == "full_name").edit
    name.setFocus()
    qtbot.waitUntil(lambda: "border: 2px solid" in name.styleSheet(), timeout=2_000)
    editor.next_button.setFocus()
    qtbot.waitUntil(lambda: "border: 2px solid" in editor.next_button.styleSheet(),
                    timeout=2_000)
    assert name.styleSheet() == ""  # one ring, where the cursor is


def _key(qtbot, key: Qt.Key, text: str = "", mods=Qt.KeyboardModifier.NoModifier) -> None:
    """One key to whatever has the focus now (as a keyboard would)."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, mods)


def _type(qtbot, text: str) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClicks(target, text)


def test_whole_section_by_keyboard_only(qtbot, data_dir: Path) -> None:
    make_profile(data_dir)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ws = window.workspace
    # Alt+N (the toolbar's New record) with the form chosen: the cursor is in the first field.
    window.workspace.records.table.setFocus()
    _key(qtbot, Qt.Key.Key_N, mods=Qt.KeyboardModifier.AltModifier)
    # Two forms installed: the form chooser, by arrow keys and Enter.
    qtbot.waitUntil(lambda: getattr(ws, "chooser", None) is not None
                    and ws.chooser.isVisible(), timeout=5_000)
    combo = ws.chooser.combo
    qtbot.waitUntil(lambda: QApplication.focusWidget() is combo, timeout=2_000)
    for _ in range(combo.count()):
        if combo.currentData() == "gui_all_types":
            break
        _key(qtbot, Qt.Key.Key_Down)
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ws.editor is not None, timeout=5_000)
    editor = ws.editor
    w = {x.field.name: x for x in editor.field_widgets()}
    # The offscreen platform has no window manager to hand activation back from the dialog.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w["full_name"].edit, timeout=2_000)
    _type(qtbot, "Keyboard Person")
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w["age"].edit
    _type(qtbot, "41")
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w["age_group"].shown  # computed, read aloud
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w["height"].edit
    _type(qtbot, "1.62")
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w["event_date"].edit
    _type(qtbot, "2024-03")
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w["event_date"].pick  # the calendar button
    _key(qtbot, Qt.Key.Key_Tab)
    gender = w["gender"]
    assert QApplication.focusWidget() in gender.buttons.values()
    _key(qtbot, Qt.Key.Key_Space)  # the first choice
    _key(qtbot, Qt.Key.Key_Down)  # the next one
    assert gender.value() == "male"
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w["has_children"].combo
    _key(qtbot, Qt.Key.Key_Down)  # "—" -> "Yes"
    editor.reevaluate()  # what the 60 ms timer does
    assert w["children_count"].isVisible()
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w["children_count"].edit
    _type(qtbot, "2")
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w["story"].edit
    _type(qtbot, "Told by keyboard.")
    # The end of the form: Tab leaves the questions for the navigation buttons.
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.prev_button or \
        QApplication.focusWidget() is editor.next_button
    if QApplication.focusWidget() is editor.prev_button:  # disabled on page 1: skipped
        _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.next_button
    _key(qtbot, Qt.Key.Key_Return)  # Enter activates the focused button
    assert editor.page_list.currentRow() == 1
    # Next puts the cursor in the next section's first question.
    assert QApplication.focusWidget() is w["risks"].focus_widget()
    _key(qtbot, Qt.Key.Key_S, mods=Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.record_id is not None and not editor.dirty, timeout=10_000)
    values = window.session.service.record(editor.record_id).values
    assert values["full_name"] == "Keyboard Person" and values["age"] == 41
    assert values["height"] == 1.62 and values["event_date"] == "2024-03"
    assert values["gender"] == "male" and values["has_children"] is True
    assert values["children_count"] == 2 and values["story"] == "Told by keyboard."
