"""Finalize's clickable error list, the scroll to the first error, and the review
page with its jump-back links (right to left in Dari)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from intake_app.gui import dialogs
from intake_app.models import RecordStatus
from tests.test_gui_support import (
    make_profile,
    open_window,
    type_text,
    unlock,
    wait_idle,
)

pytestmark = pytest.mark.gui


def _editor(qtbot, data_dir: Path, lang: str = "en"):
    make_profile(data_dir)
    window = open_window(qtbot, data_dir, lang)
    unlock(qtbot, window)
    editor = window.workspace.new_record("gui_all_types")
    return window, editor, {w.field.name: w for w in editor.field_widgets()}


def _in_view(editor, w) -> bool:
    area = editor.pages.currentWidget()
    assert isinstance(area, QScrollArea)
    top = w.mapTo(area.viewport(), QPoint(0, 0))
    return area.viewport().rect().contains(top) and w.isVisible()


def _active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)


def test_finalize_lists_errors_scrolls_to_first_and_list_jumps(qtbot, data_dir: Path) -> None:
    window, editor, w = _editor(qtbot, data_dir)
    window.resize(700, 420)
    _active(qtbot, window)
    type_text(w["full_name"].edit, "Zarghuna")  # age (required) stays empty
    bar = editor.pages.currentWidget().verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(20)
    assert not _in_view(editor, w["age"])  # scrolled away at this size
    editor.finalize()
    # the first error (age) is scrolled to and has the cursor
    qtbot.waitUntil(lambda: _in_view(editor, w["age"]), timeout=2_000)
    assert QApplication.focusWidget() is w["age"].focus_widget()
    lst = editor.error_list
    assert lst.isVisible()
    texts = [lst.item(i).text() for i in range(lst.count())]
    assert texts[0] == "⚠ Basics — Age: this field is required", texts
    assert any(t.startswith("⚠ Details — Incidents: ") for t in texts), texts
    # clicking an entry turns to its section; clicking the first comes back and focuses
    row = next(i for i, t in enumerate(texts) if "Details — Incidents" in t)
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton,
                     pos=lst.visualItemRect(lst.item(row)).center())
    assert editor.page_list.currentRow() == 1
    w["full_name"].edit.setFocus()
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton,
                     pos=lst.visualItemRect(lst.item(0)).center())
    assert editor.page_list.currentRow() == 0
    assert QApplication.focusWidget() is w["age"].focus_widget()
    # a fixed answer leaves the list
    type_text(w["age"].edit, "30")
    editor.reevaluate()
    assert all("Age" not in lst.item(i).text() for i in range(lst.count()))


def test_review_page_shows_all_answers_links_back_and_finalizes(qtbot, data_dir: Path,
                                                                 monkeypatch) -> None:
    window, editor, w = _editor(qtbot, data_dir)
    _active(qtbot, window)
    type_text(w["full_name"].edit, "Zarghuna")
    w["gender"].choose("female")
    qtbot.mouseClick(editor.review_button, Qt.MouseButton.LeftButton)
    page = editor.review
    assert editor.body.currentWidget() is page
    text = page.browser.toPlainText()
    for expected in ("Basics", "Details", "Full name", "Zarghuna", "Gender", "Female",
                     "Age", "Not answered", "Risks faced"):
        assert expected in text, expected
    assert "How many children?" not in text  # not relevant
    # keyboard: Tab to the first link (the Basics section), then to "Full name"; Enter jumps
    page.browser.setFocus()
    qtbot.keyClick(page.browser, Qt.Key.Key_Tab)
    qtbot.keyClick(page.browser, Qt.Key.Key_Tab)
    qtbot.keyClick(page.browser, Qt.Key.Key_Return)
    assert editor.body.currentIndex() == 0
    assert QApplication.focusWidget() is w["full_name"].focus_widget()
    # finalize is reachable from the review page
    editor.show_review()
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, _t: asked.append(title) or False)
    type_text(w["age"].edit, "30")
    editor.show_review()
    qtbot.mouseClick(page.finalize_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    # incidents are missing: the errors are shown on the form, not the confirmation
    assert editor.body.currentIndex() == 0 and editor.error_list.isVisible() and not asked
    assert editor.status is RecordStatus.DRAFT


def test_review_page_is_right_to_left_in_dari(qtbot, data_dir: Path) -> None:
    _window, editor, _w = _editor(qtbot, data_dir, "fa-AF")
    editor.lang_box.setCurrentIndex(editor.lang_box.findData("fa-AF"))
    editor.show_review()
    page = editor.review
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert 'dir="rtl"' in page.browser.toHtml() or "معلومات پایه" in page.browser.toPlainText()
    assert "معلومات پایه" in page.browser.toPlainText()
    assert page.back_button.text() != "&Back to the form"  # translated


def _table_cells(browser) -> list[tuple[int, int, bool]]:
    """Each review table cell: (row, x of its left edge, holds a question link)."""
    from PySide6.QtGui import QTextTable

    def tables(frame):
        for child in frame.childFrames():
            if isinstance(child, QTextTable):
                yield child
            yield from tables(child)

    layout = browser.document().documentLayout()
    cells = []
    for table in tables(browser.document().rootFrame()):
        for r in range(table.rows()):
            for c in range(table.columns()):
                cell = table.cellAt(r, c)
                block = cell.firstCursorPosition().block()
                link = any(it.fragment().charFormat().anchorHref().startswith("go:")
                           for it in block)
                cells.append((r, int(layout.blockBoundingRect(block).left()), link))
    return cells


@pytest.mark.parametrize("lang", ["fa-AF", "ps", "ur"])
def test_review_columns_are_mirrored_right_to_left(qtbot, data_dir: Path, lang: str) -> None:
    make_profile(data_dir)
    window = open_window(qtbot, data_dir, lang)
    window.resize(1366, 768)
    unlock(qtbot, window)
    editor = window.workspace.new_record("hrd_intake")
    assert editor.lang == lang
    editor.show_review()
    page = editor.review
    qtbot.waitUntil(page.isVisible, timeout=2_000)
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # the Finalize button on the left, Back on the right, as the window mirrors
    assert page.finalize_button.mapTo(page, QPoint(0, 0)).x() < \
        page.back_button.mapTo(page, QPoint(0, 0)).x()
    cells = _table_cells(page.browser)
    questions = [(r, x) for r, x, link in cells if link]
    answers = {r: x for r, x, link in cells if not link}
    assert questions and len(answers) == len(questions)
    # the question (read first) right of its answer, in every row
    assert all(x > answers[r] for r, x in questions)
