"""Nothing typed is ever lost: lock, auto-lock, closing the window, the mouse wheel,
autosave, reopening where the interviewer was, language change, panic-cancel.

Each loss case checks the typed value is in the store afterwards and that it
reached no file outside the encrypted store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from intake_app.gui.editor.saving import DEBOUNCE_MS, without_paths
from intake_app.models import RecordFilter, RecordStatus
from intake_app.services.field import FieldService
from tests.conftest import scan_for
from tests.test_gui_support import (
    PASS,
    canary_scan_roots,
    make_profile,
    open_window,
    type_text,
    unlock,
)

pytestmark = pytest.mark.gui
CANARY = "CANARY-worksafe-زرغونه"


def _new_editor(qtbot: Any, data_dir: Path) -> tuple[Any, Any, dict[str, Any]]:
    make_profile(data_dir)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    editor = window.workspace.new_record("gui_all_types")
    return window, editor, {w.field.name: w for w in editor.field_widgets()}


def _stored_drafts(data_dir: Path) -> list[dict[str, Any]]:
    svc = FieldService(data_dir)
    svc.unlock(PASS)
    try:
        rows = svc.list_records(RecordFilter(status=RecordStatus.DRAFT))
        return [svc.record(r.id).values for r in rows]
    finally:
        svc.lock()


def _assert_only_in_store(data_dir: Path) -> None:
    for root in canary_scan_roots(data_dir):
        if root.exists():
            assert scan_for(root, CANARY) == [], f"typed text found under {root}"


def test_lock_saves_what_is_typed(qtbot, data_dir: Path) -> None:
    window, _editor, w = _new_editor(qtbot, data_dir)
    type_text(w["full_name"].edit, CANARY)
    button = window.toolbar.widgetForAction(window.lock_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not window.session.is_unlocked and window.workspace is None
    assert [v["full_name"] for v in _stored_drafts(data_dir)] == [CANARY]
    _assert_only_in_store(data_dir)


def test_lock_shortcut_saves_a_long_answer(qtbot, data_dir: Path) -> None:
    window, editor, w = _new_editor(qtbot, data_dir)
    type_text(w["story"].edit, f"long answer {CANARY}")
    editor.saver.timer.stop()  # no autosave happened yet
    assert editor.dirty
    qtbot.keyClick(w["story"].edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.session.is_unlocked
    assert [v["story"] for v in _stored_drafts(data_dir)] == [f"long answer {CANARY}"]
    _assert_only_in_store(data_dir)


def test_auto_lock_warns_input_cancels_then_saves_and_locks(qtbot, data_dir: Path) -> None:
    window, _editor, w = _new_editor(qtbot, data_dir)
    session = window.session
    session.warn_ms, session.tick_ms = 2_000, 100
    type_text(w["full_name"].edit, CANARY)
    session.set_idle_ms(2_300)
    qtbot.waitUntil(lambda: window.lock_banner.isVisible(), timeout=3_000)
    assert session.is_unlocked and "Locking in 2 second(s)" in window.lock_banner.text()
    qtbot.keyClick(w["full_name"].edit, Qt.Key.Key_Shift)  # any input cancels
    assert not window.lock_banner.isVisible() and not session.warning_active
    assert session.is_unlocked
    type_text(w["full_name"].edit, "!")
    qtbot.waitUntil(lambda: window.lock_banner.isVisible(), timeout=3_000)
    qtbot.waitUntil(lambda: not session.is_unlocked, timeout=5_000)
    assert window.workspace is None and not window.lock_banner.isVisible()
    assert [v["full_name"] for v in _stored_drafts(data_dir)] == [CANARY + "!"]
    _assert_only_in_store(data_dir)


def test_closing_the_window_keeps_a_new_record(qtbot, data_dir: Path) -> None:
    window, editor, w = _new_editor(qtbot, data_dir)
    assert editor.record_id is None
    type_text(w["full_name"].edit, CANARY)
    editor.saver.timer.stop()
    window.close()  # Alt+F4 ends in closeEvent
    assert not window.session.is_unlocked
    assert [v["full_name"] for v in _stored_drafts(data_dir)] == [CANARY]
    _assert_only_in_store(data_dir)


def _wheel(widget: Any, down: bool = True) -> None:
    pos = QPointF(widget.rect().center())
    ev = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                     QPoint(0, -120 if down else 120), Qt.MouseButton.NoButton,
                     Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, ev)


def test_wheel_does_not_change_answers_unless_focused(qtbot, data_dir: Path) -> None:
    window, editor, w = _new_editor(qtbot, data_dir)
    combos = [x for x in editor.field_widgets() if getattr(x, "combo", None) is not None]
    assert combos, "the all-types form has a drop-down"
    target = combos[0]
    editor.show_field(target.path)
    combo = target.combo
    window.activateWindow()
    w["full_name"].edit.setFocus()
    before = combo.currentIndex()
    for _ in range(3):
        _wheel(combo)
    assert combo.currentIndex() == before and target.value() is None
    assert not editor.dirty and combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    # Focused by click or Tab, the wheel does choose (that is an explicit action).
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus, timeout=2_000)
    _wheel(combo)
    assert combo.currentIndex() != before


def test_autosave_within_two_seconds_and_a_visible_state(qtbot, data_dir: Path) -> None:
    window, editor, w = _new_editor(qtbot, data_dir)
    assert DEBOUNCE_MS <= 2_000
    type_text(w["full_name"].edit, "Zarghuna")
    assert editor.save_state.text() == "Unsaved changes…"
    assert editor.record_id is None
    qtbot.waitUntil(lambda: editor.record_id is not None, timeout=2_000)
    assert not editor.dirty and editor.save_state.text().startswith("All changes saved at")
    assert window.session.service.record(editor.record_id).values["full_name"] == "Zarghuna"


def test_a_rule_breaking_answer_does_not_block_saving_the_rest(qtbot, data_dir: Path) -> None:
    window, editor, w = _new_editor(qtbot, data_dir)
    type_text(w["full_name"].edit, "Kept")
    type_text(w["age"].edit, "5")  # the form allows 10-110
    assert editor.flush() is False
    values = window.session.service.record(editor.record_id).values
    assert values["full_name"] == "Kept" and "age" not in values
    assert editor.dirty and "1 answer(s) to fix" in editor.save_state.text()
    assert w["age"].error.text() == "Age must be between 10 and 110"


def test_without_paths_drops_only_the_refused_answers() -> None:
    values = {"a": 1, "b": 2, "rep": [{"x": 1, "y": 2}, {"x": 3}]}
    assert without_paths(values, ["a", "rep[0].y"]) == {"b": 2, "rep": [{"x": 1}, {"x": 3}]}
    assert values["rep"][0] == {"x": 1, "y": 2}  # the editor's copy is untouched


def test_draft_reopens_at_the_same_section_and_question(qtbot, data_dir: Path) -> None:
    window, editor, w = _new_editor(qtbot, data_dir)
    type_text(w["full_name"].edit, "Zarghuna")
    editor.go(1)
    assert editor.page_list.currentRow() == 1
    path = "incidents[0].incident_place"
    next(r for p in editor.panels for r in p.repeats()).add_row()
    place = next(x for x in editor.field_widgets() if x.path == path)
    type_text(place.edit, "Kabul")
    window.lock()
    unlock(qtbot, window)
    ws = window.workspace
    assert ws.records.model.rowCount() == 1
    rid = _stored_ids(window)[0]
    assert window.session.service.draft_position(rid) == (1, path)
    ws.open_record(rid)
    qtbot.waitUntil(lambda: ws.editor is not None, timeout=5_000)
    again = ws.editor
    assert again.page_list.currentRow() == 1
    place = next(x for x in again.field_widgets() if x.path == path)
    assert place.edit.hasFocus() or QApplication.focusWidget() is place.focus_widget() \
        or again.saver.last_field == path
    assert place.value() == "Kabul"


def _stored_ids(window: Any) -> list[str]:
    return [r.id for r in window.session.service.list_records(
        RecordFilter(status=RecordStatus.DRAFT))]


def test_language_change_keeps_and_reopens_the_draft(qtbot, data_dir: Path) -> None:
    window, editor, w = _new_editor(qtbot, data_dir)
    type_text(w["full_name"].edit, CANARY)
    editor.saver.timer.stop()
    window.set_language("fa")
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.editor is not None, timeout=5_000)
    name = next(x for x in ws.editor.field_widgets() if x.field.name == "full_name")
    assert name.value() == CANARY
    assert [v["full_name"] for v in _stored_drafts_open(window)] == [CANARY]


def _stored_drafts_open(window: Any) -> list[dict[str, Any]]:
    svc = window.session.service
    return [svc.record(r).values for r in _stored_ids(window)]


def test_panic_cancel_saves_and_panic_erases_at_once(
    qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Panic quits the application: keep the test session's QApplication alive,
    # or every later GUI test's worker results are never delivered.
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda *_: None))
    window, editor, w = _new_editor(qtbot, data_dir)
    type_text(w["full_name"].edit, CANARY)
    editor.saver.timer.stop()
    window.request_panic()
    box = window.panic_confirm
    assert box is not None
    box.reject()
    qtbot.waitUntil(lambda: not editor.dirty, timeout=3_000)
    assert [v["full_name"] for v in _stored_drafts_open(window)] == [CANARY]
    # Panic itself never waits for a save: the typed text is erased with the store.
    type_text(w["full_name"].edit, "more")
    saves: list[str] = []
    editor.saved.connect(saves.append)
    report = window.panic()
    assert report is not None and saves == [] and not window.session.is_unlocked
    _assert_only_in_store(data_dir)
