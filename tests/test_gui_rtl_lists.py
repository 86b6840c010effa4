"""Right-to-left lists (issue 16): the record list's columns show whole dates and ids
(Urdu's Nastaliq included), and dates read in ISO order in Dari, Pashto and Urdu rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QFont, QTextLayout, QTextOption

from intake_app.gui.i18n import ui_language
from intake_app.gui.records_view import iso_date_text, stamp_text
from tests.test_gui_support import make_profile, open_window, unlock

pytestmark = pytest.mark.gui

WHOLE = ("status", "interview", "updated", "record")


def _xs(text: str, font: QFont) -> list[float]:
    """The x of each character position of ``text`` laid out in a right-to-left row."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1000)
    layout.endLayout()
    return [line.cursorToX(i)[0] for i in range(len(text))]


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_record_list_columns_show_their_whole_text(qtbot, data_dir: Path, lang: str) -> None:
    make_profile(data_dir, records=3)
    window = open_window(qtbot, data_dir, lang)
    window.resize(1366, 768)
    unlock(qtbot, window)
    view = window.workspace.records
    model = view.model
    qtbot.waitUntil(lambda: model.rowCount() == 3 and not model.is_loading)
    header = view.table.horizontalHeader()
    for name in WHOLE:
        col = model.COLUMNS.index(name)
        # Sized to the rows once they arrived, not to the header of the empty table.
        qtbot.waitUntil(lambda c=col: header.sectionSize(c) >= view.table.sizeHintForColumn(c),
                        timeout=2_000)


@pytest.mark.parametrize("lang", ["fa-AF", "ps", "ur"])
def test_dates_read_in_iso_order_in_right_to_left_rows(qtbot, lang: str) -> None:
    old = QLocale()
    QLocale.setDefault(QLocale(ui_language(lang).qt_locale))
    try:
        font = QFont()
        date = iso_date_text("2025-06-14")
        assert date[4] == "-" and date[7] == "-"
        xs = _xs(date, font)
        # year, month, day left to right, as ISO writes them
        assert xs[0] < xs[5] < xs[8]
        stamp = stamp_text(QDateTime(QDate(2026, 12, 3), QTime(14, 18)).toMSecsSinceEpoch())
        assert stamp == iso_date_text("2026-12-03 14:18")
        xs = _xs(stamp, font)
        assert xs[0] < xs[5] < xs[8]
        # the date first in reading order: right of the time
        assert min(xs[:10]) > max(xs[11:])
    finally:
        QLocale.setDefault(old)


@pytest.mark.parametrize("lang", ["fa-AF", "ps"])
def test_counts_in_the_interface_digits(qtbot, data_dir: Path, lang: str) -> None:
    """The section list's "3/7" and finalize's "5 answers needed" in ۰–۹ (they were Latin
    digits beside the record list's Persian ones)."""
    make_profile(data_dir)
    window = open_window(qtbot, data_dir, lang)
    unlock(qtbot, window)
    editor = window.workspace.new_record("hrd_intake")
    first = editor.page_list.item(0).text()
    assert any("۰" <= c <= "۹" for c in first) and not any(c.isascii() and c.isdigit()
                                                           for c in first), first
    editor.finalize()
    qtbot.waitUntil(lambda: bool(editor.status_label.text()), timeout=5_000)
    shown = editor.status_label.text()
    assert any("۰" <= c <= "۹" for c in shown) and not any(c.isascii() and c.isdigit()
                                                           for c in shown), shown
    editor.dirty = False


def test_settings_fit_the_screen_in_urdu(qtbot, data_dir: Path) -> None:
    """Nastaliq made the settings dialog 946-1003 px tall: taller than the screen."""
    make_profile(data_dir)
    window = open_window(qtbot, data_dir, "ur")
    unlock(qtbot, window)
    dlg = window.open_settings()
    qtbot.waitUntil(dlg.isVisible, timeout=2_000)
    room = dlg.screen().availableGeometry()
    assert dlg.height() <= room.height() and dlg.width() <= room.width()
    assert dlg.tabs.sizeHint().height() > room.height() - 100  # it does need the scrolling
    assert dlg.scroller.widget() is dlg.tabs
    dlg.reject()
