"""Opening a draft builds only the section shown; the others keep their answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from tests.test_gui_support import (
    PASS,
    complete_values,
    make_profile,
    open_window,
    type_text,
    unlock,
)

pytestmark = pytest.mark.gui


def test_draft_opens_one_section_and_keeps_the_others(qtbot, data_dir: Path) -> None:
    svc = make_profile(data_dir)
    svc.unlock(PASS)
    values = complete_values(story="first", risks=["threat"])
    rid = svc.save_draft(None, "gui_all_types", values, "en")
    svc.lock()
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    ws = window.workspace
    ws.open_record(rid)
    qtbot.waitUntil(lambda: ws.editor is not None, timeout=5_000)
    editor = ws.editor
    # Only the first section has widgets; the "Details" section (risks, incidents) waits.
    assert editor.panels[0].built and not editor.panels[1].built
    # Counted without widgets: risks, the incident's date and place of 4 questions.
    assert editor.page_list.item(1).text() == "Details  3/4"
    # Its answers are still part of the record: typing in section 1 and saving keeps them.
    story = next(w for w in editor.built_field_widgets() if w.field.name == "story")
    story.edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(story.edit, " edit")
    assert editor.flush()
    stored = window.session.service.record(rid).values
    assert stored["story"] == "first edit"
    assert stored["risks"] == ["threat"]
    assert stored["incidents"] == values["incidents"]
    # Turning to the section builds it, filled.
    editor.go(1)
    assert editor.panels[1].built
    risks = next(w for w in editor.built_field_widgets() if w.field.name == "risks")
    assert risks.value() == ["threat"]
    editor.reevaluate()
    assert editor.page_list.item(1).text() == "Details  3/4"  # the same count with widgets
