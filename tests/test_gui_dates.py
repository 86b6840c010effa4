"""Dates in the interface's digits, either digits typed, and the Solar Hijri picker."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from intake_app.gui.editor.date_fields import GREGORIAN, JALALI, solar_hijri_text
from intake_app.gui.i18n import local_digits, uses_solar_hijri
from tests.test_gui_support import (
    PASS,
    complete_values,
    make_profile,
    open_window,
    type_text,
    unlock,
)

pytestmark = pytest.mark.gui

# Nowruz (1 Farvardin / Hamal) across leap years, and the last days around them.
NOWRUZ = [(1395, "2016-03-20"), (1396, "2017-03-21"), (1397, "2018-03-21"),
          (1398, "2019-03-21"), (1399, "2020-03-20"), (1400, "2021-03-21"),
          (1401, "2022-03-21"), (1402, "2023-03-21"),
          (1403, "2024-03-20"), (1404, "2025-03-21")]


@pytest.mark.parametrize(("year", "iso"), NOWRUZ)
def test_nowruz_is_day_one(year: int, iso: str) -> None:
    assert QDate(year, 1, 1, JALALI).toString("yyyy-MM-dd") == iso
    parts = JALALI.partsFromDate(QDate.fromString(iso, "yyyy-MM-dd"))
    assert (parts.year, parts.month, parts.day) == (year, 1, 1)


def test_leap_years_and_known_days() -> None:
    assert JALALI.isLeapYear(1399) and JALALI.isLeapYear(1403)
    assert not JALALI.isLeapYear(1402) and not JALALI.isLeapYear(1404)
    assert QDate(1403, 12, 30, JALALI).toString("yyyy-MM-dd") == "2025-03-20"  # Hut 30
    assert QDate(1402, 12, 29, JALALI).toString("yyyy-MM-dd") == "2024-03-19"
    assert QDate(1402, 10, 1, JALALI).toString("yyyy-MM-dd") == "2023-12-22"  # 1 Jadi/Dey
    assert not QDate(1402, 12, 30, JALALI).isValid()


def test_solar_hijri_words_and_digits() -> None:
    assert solar_hijri_text("2024-03-20", QLocale("fa_AF")) == "۱ حمل ۱۴۰۳"
    assert solar_hijri_text("۲۰۲۴-۰۳-۲۰", QLocale("ps_AF")) == "۱ وری ۱۴۰۳"
    assert solar_hijri_text("2024-03", QLocale("fa_AF")) == ""
    assert local_digits("2024-03-20", QLocale("fa_AF")) == "۲۰۲۴-۰۳-۲۰"
    assert local_digits("2024-03-20", QLocale("en_US")) == "2024-03-20"
    assert uses_solar_hijri(QLocale("fa_AF")) and uses_solar_hijri(QLocale("ps_AF"))
    assert not uses_solar_hijri(QLocale("ur_PK")) and not uses_solar_hijri(QLocale("en_US"))


def _dari_editor(qtbot, data_dir: Path, rid: str | None = None):
    window = open_window(qtbot, data_dir, "fa-AF")
    unlock(qtbot, window)
    ws = window.workspace
    if rid is None:
        editor = ws.new_record("gui_all_types")
    else:
        ws.open_record(rid)
        qtbot.waitUntil(lambda: ws.editor is not None, timeout=5_000)
        editor = ws.editor
    return window, editor, {w.field.name: w for w in editor.field_widgets()}


def test_dari_dates_show_persian_digits_and_accept_either(qtbot, data_dir: Path) -> None:
    svc = make_profile(data_dir)
    svc.unlock(PASS)
    rid = svc.save_draft(None, "gui_all_types", complete_values(event_date="2024-03-20"), "en")
    svc.lock()
    window, editor, w = _dari_editor(qtbot, data_dir, rid)
    date = w["event_date"]
    assert date.edit.text() == "۲۰۲۴-۰۳-۲۰"  # the list's digits, not Latin
    assert date.solar_label.text() == "۱ حمل ۱۴۰۳"
    assert date.value() == "2024-03-20"
    date.edit.clear()
    type_text(date.edit, "۲۰۲۴-۰۸-۱۹")  # Persian digits typed
    assert editor.flush()
    assert window.session.service.record(rid).values["event_date"] == "2024-08-19"
    date.edit.clear()
    type_text(date.edit, "2024-08-20")  # Latin digits typed
    assert editor.flush()
    assert window.session.service.record(rid).values["event_date"] == "2024-08-20"


def test_solar_hijri_picker_stores_gregorian(qtbot, data_dir: Path) -> None:
    make_profile(data_dir)
    _window, _editor, w = _dari_editor(qtbot, data_dir)
    date = w["event_date"]
    picker = date.ensure_picker()
    assert picker.is_solar() and not picker.system.isHidden()
    cal = picker.calendar
    cal.setSelectedDate(QDate(1403, 1, 1, JALALI))  # where the interviewer navigated to
    assert (cal.yearShown(), cal.monthShown()) == (1403, 1)
    view = cal.findChild(QTableView, "qt_calendar_calendarview")
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right if cal.isRightToLeft() else Qt.Key.Key_Left)
    QTest.keyClick(view, Qt.Key.Key_Return)
    # One day before 1 Hamal 1403 (2024-03-20), stored as Gregorian ISO.
    assert date.value() == "2024-03-19"
    assert date.edit.text() == "۲۰۲۴-۰۳-۱۹"
    assert date.solar_label.text() == "۲۹ حوت ۱۴۰۲"
    # The Gregorian calendar is one choice away.
    picker.system.setCurrentIndex(picker.system.findData("gregorian"))
    assert not picker.is_solar() and cal.calendar().name() == GREGORIAN.name()


def test_english_picker_is_gregorian(qtbot, data_dir: Path) -> None:
    make_profile(data_dir)
    window = open_window(qtbot, data_dir, "en")
    unlock(qtbot, window)
    editor = window.workspace.new_record("gui_all_types")
    date = next(x for x in editor.field_widgets() if x.field.name == "event_date")
    picker = date.ensure_picker()
    assert not picker.is_solar() and picker.system.isHidden()
    assert date.solar_label.isHidden()
