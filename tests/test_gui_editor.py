"""The form-driven record editor: markers, relevance, errors, drafts, languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage

from intake_app.gui import dialogs
from intake_app.gui.editor.attachment_fields import AttachmentViewer
from intake_app.models import RecordStatus
from tests.test_gui_support import (
    PASS,
    complete_values,
    make_profile,
    open_window,
    type_text,
    unlock,
    wait_idle,
)

pytestmark = pytest.mark.gui


def _editor(qtbot, data_dir: Path, record: str | None = None):
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    ws = window.workspace
    if record is None:
        editor = ws.new_record("gui_all_types")
    else:
        ws.open_record(record)
        qtbot.waitUntil(lambda: ws.editor is not None, timeout=5_000)
        editor = ws.editor
    return window, editor, {w.field.name: w for w in editor.field_widgets()}


def _png_bytes() -> bytes:
    img = QImage(8, 8, QImage.Format.Format_RGB32)
    img.fill(QColor("red"))
    buf = QByteArray()
    dev = QBuffer(buf)
    dev.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(dev, "PNG")
    return bytes(buf.data())


def test_sections_markers_and_accessible_names(qtbot, data_dir: Path) -> None:
    make_profile(data_dir)
    _window, editor, w = _editor(qtbot, data_dir)
    assert [editor.page_list.item(i).text() for i in range(editor.page_list.count())] == [
        "Basics  0/7", "Details  0/2"]
    assert w["full_name"].label.text() == "Full name *  (sensitive — only if needed)"
    assert w["height"].label.text() == "Height (m)"
    assert w["full_name"].edit.accessibleName() == "Full name"
    assert "Required" in w["full_name"].edit.accessibleDescription()
    assert w["intro"].label.text() == "Ask each question calmly."
    assert w["full_name"].hint.text() == "As the person wants it written"
    assert not w["source"].isVisible()  # hidden fields never show
    # Keyboard: Ctrl+PgDown turns the page; Tab moves between questions.
    qtbot.keyClick(editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.page_list.currentRow() == 1


def test_relevance_is_live(qtbot, data_dir: Path) -> None:
    make_profile(data_dir)
    _window, _ed, w = _editor(qtbot, data_dir)
    assert not w["children_count"].isVisible()
    w["has_children"].choose(True)
    qtbot.waitUntil(lambda: w["children_count"].isVisible(), timeout=2_000)  # via the timer
    w["has_children"].choose(False)
    qtbot.waitUntil(lambda: not w["children_count"].isVisible(), timeout=2_000)


def test_incomplete_draft(qtbot, data_dir: Path) -> None:
    make_profile(data_dir)
    window, editor, w = _editor(qtbot, data_dir)
    type_text(w["full_name"].edit, "Only a name")
    editor.save_draft()
    wait_idle(qtbot, window)
    # A draft may miss required answers: it is saved, and finalize will ask for them.
    assert editor.record_id is not None
    assert editor.save_state.text().startswith("All changes saved at")
    assert window.session.service.summary(editor.record_id).status is RecordStatus.DRAFT


def test_required_errors_appear_on_finalize_and_name_the_repeat(qtbot, data_dir: Path) -> None:
    make_profile(data_dir)
    _window, editor, w = _editor(qtbot, data_dir)
    assert not w["age"].error.isVisible()  # not before the user tried
    editor.finalize()
    assert w["full_name"].error.text() == "this field is required"
    repeat = next(r for p in editor.panels for r in p.repeats())
    assert repeat.error.text() == "at least 1 row(s) needed"
    assert editor.status == RecordStatus.DRAFT and editor.record_id is None


def test_finalize_can_be_declined(qtbot, data_dir: Path, monkeypatch) -> None:
    svc = make_profile(data_dir)
    svc.unlock(PASS)
    rid = svc.new_record("gui_all_types", complete_values(), "en")
    svc.lock()
    window, editor, _w = _editor(qtbot, data_dir, rid)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    editor.finalize()
    wait_idle(qtbot, window)
    assert window.session.service.summary(rid).status is RecordStatus.DRAFT


def test_edit_saves_a_new_revision(qtbot, data_dir: Path) -> None:
    svc = make_profile(data_dir)
    svc.unlock(PASS)
    rid = svc.new_record("gui_all_types", complete_values(story="first"), "en")
    svc.lock()
    window, editor, w = _editor(qtbot, data_dir, rid)
    assert w["story"].edit.toPlainText() == "first"
    repeat = next(r for p in editor.panels for r in p.repeats())
    assert len(repeat.rows) == 1
    w["story"].edit.setPlainText("second")
    assert editor.dirty
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    w["story"].edit.setFocus()
    qtbot.keyClick(w["story"].edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.dirty, timeout=5_000)
    detail = window.session.service.record(rid)
    assert detail.summary.revision == 2 and detail.values["story"] == "second"


def test_form_language_switch_mirrors_and_translates(qtbot, data_dir: Path) -> None:
    make_profile(data_dir)
    _window, editor, _w = _editor(qtbot, data_dir)
    type_text(next(x for x in editor.field_widgets() if x.field.name == "full_name").edit,
              "نام آزمایشی")
    editor.lang_box.setCurrentIndex(editor.lang_box.findData("fa-AF"))
    w = {x.field.name: x for x in editor.field_widgets()}
    assert editor.pages.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert w["full_name"].label.text().startswith("نام کامل *")
    assert w["full_name"].edit.text() == "نام آزمایشی"  # answers survive the switch
    assert editor.page_list.item(0).text().startswith("معلومات پایه  ")
    type_text(w["age"].edit, "۵")
    editor.reevaluate()
    assert w["age"].error.text() == "سن باید بین ۱۰ و ۱۱۰ باشد"


def test_attachment_bytes_stay_in_memory_until_saved(qtbot, data_dir: Path) -> None:
    make_profile(data_dir)
    window, editor, w = _editor(qtbot, data_dir)
    data = _png_bytes()
    w["photo"].add_bytes("id.png", data, "image/png")
    assert len(editor.ctx.pending) == 1
    viewer = AttachmentViewer("id.png", data)
    qtbot.addWidget(viewer)
    assert viewer.findChild(type(w["photo"].info)) is not None
    for name, value in complete_values().items():
        if name == "incidents":
            continue
        widget = w[name]
        if name == "gender":
            widget.choose(value)
        else:
            widget.set_value(value)
    repeat = next(r for p in editor.panels for r in p.repeats())
    row = repeat.add_row()
    row.panel.load({"incident_date": "2024-01-01", "incident_place": "Quetta"})
    editor.save_draft()
    qtbot.waitUntil(lambda: editor.record_id is not None and not editor.busy, timeout=5_000)
    assert editor.ctx.pending == {}
    detail = window.session.service.record(editor.record_id)
    assert [a.name for a in detail.attachments] == ["id.png"]
    assert window.session.service.attachment_bytes(detail.attachments[0].id) == data
    assert w["photo"].value() == detail.attachments[0].id


def test_close_saves_the_answers_and_asks_only_if_it_cannot(qtbot, data_dir: Path,
                                                           monkeypatch) -> None:
    svc = make_profile(data_dir)
    window, editor, w = _editor(qtbot, data_dir)
    type_text(w["full_name"].edit, "x")
    asked: list[str] = []

    def no(_parent, title, _text):
        asked.append(title)
        return False

    monkeypatch.setattr(dialogs, "confirm", no)
    editor.request_close()
    assert asked == [] and window.workspace.editor is None
    rid = editor.record_id
    assert rid is not None and window.session.service.record(rid).values["full_name"] == "x"
    # A finalized record whose required answer was emptied cannot be stored: then it asks.
    svc = window.session.service
    done = svc.new_record("gui_all_types", complete_values(), "en")
    svc.finalize(done)
    window.workspace.open_record(done)
    qtbot.waitUntil(lambda: window.workspace.editor is not None, timeout=5_000)
    editor = window.workspace.editor
    w = {x.field.name: x for x in editor.field_widgets()}
    w["full_name"].edit.clear()
    w["full_name"].user_changed()
    editor.request_close()
    assert asked == ["Close record"] and window.workspace.editor is editor
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    editor.request_close()
    assert window.workspace.editor is None


def test_sections_count_answers_and_mark_errors_after_finalize(qtbot, data_dir: Path) -> None:
    make_profile(data_dir)
    window, editor, w = _editor(qtbot, data_dir)
    type_text(w["full_name"].edit, "Zarghuna")
    editor.reevaluate()
    assert editor.page_list.item(0).text() == "Basics  1/7"
    editor.finalize()  # age and gender are still missing
    assert editor.page_list.item(0).text() == "⚠ Basics  1/7"
    assert editor.status_label.text().startswith("Draft saved;")
    assert window.session.service.record(editor.record_id).values["full_name"] == "Zarghuna"
    # The first error's section is shown, the field outlined by its message.
    assert editor.page_list.currentRow() == 0 and w["age"].error.text() != ""


def test_repeat_buttons_use_the_repeat_label(qtbot, data_dir: Path) -> None:
    make_profile(data_dir)
    _window, editor, _w = _editor(qtbot, data_dir)
    repeat = next(r for p in editor.panels for r in p.repeats())
    assert repeat.add_button.text() == "Add to Incidents"
    row = repeat.add_row()
    assert row.title.text() == "Incidents 1"
