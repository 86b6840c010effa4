"""Dates: typed (full, month, year or approximate, as the form allows) or picked.

The value is always an ISO Gregorian date ("2024-03-20"); it is shown in the
interface language's digits and typed in either Latin or Persian/Arabic digits.
For Dari and Pashto the picker shows the Solar Hijri calendar Afghans use (Qt's
own ``QCalendar`` Jalali system, with the Afghan month names: Hamal, Sawr ...),
with the Gregorian one a click away; a picked day is still stored as Gregorian.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCalendar, QDate, QLocale
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from intake_app.forms.i18n import normalize_numeric
from intake_app.gui.editor.base import HINT_STYLE, FieldWidget
from intake_app.gui.i18n import local_digits, uses_solar_hijri

JALALI = QCalendar(QCalendar.System.Jalali)
GREGORIAN = QCalendar(QCalendar.System.Gregorian)


def solar_hijri_text(iso: str, locale: QLocale | None = None) -> str:
    """"1 Hamal 1403" for "2024-03-20" in the locale's words and digits; "" if not a day."""
    date = QDate.fromString(normalize_numeric(iso), "yyyy-MM-dd")
    if not date.isValid():
        return ""
    loc = locale or QLocale()
    parts = JALALI.partsFromDate(date)
    return " ".join((loc.toString(parts.day), JALALI.monthName(loc, parts.month),
                     loc.toString(parts.year).replace(loc.groupSeparator(), "")))


class DatePicker(QWidget):
    """The calendar in the Calendar… menu, Solar Hijri or Gregorian."""

    def __init__(self, solar: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar = QCalendarWidget()
        self.calendar.setLocale(QLocale())
        self.system = QComboBox()
        self.system.addItem(self.tr("Solar Hijri"), "jalali")
        self.system.addItem(self.tr("Gregorian"), "gregorian")
        self.system.setAccessibleName(self.tr("Calendar"))
        self.system.setVisible(solar)
        self.system.currentIndexChanged.connect(self._system_changed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.system)
        lay.addWidget(self.calendar)
        self.system.setCurrentIndex(0 if solar else 1)
        self._system_changed()

    def is_solar(self) -> bool:
        return self.calendar.calendar().name() == JALALI.name()

    def _system_changed(self, *_args: object) -> None:
        selected = self.calendar.selectedDate()
        self.calendar.setCalendar(JALALI if self.system.currentData() == "jalali" else GREGORIAN)
        self.calendar.setSelectedDate(selected)


class DateField(FieldWidget):
    def build(self) -> QWidget:
        box = QWidget()
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.solar = uses_solar_hijri()
        self.edit = QLineEdit()
        self.edit.setMaximumWidth(240)
        self.edit.setPlaceholderText(local_digits(self._placeholder()))
        self.edit.textEdited.connect(self._edited)
        self.pick = QToolButton()
        self.pick.setText(self.tr("Calendar…"))
        self.pick.setAccessibleName(self.tr("Pick a date from a calendar"))
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # As wide and tall as its translated text needs (Nastaliq is tall).
        self.pick.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
        menu = QMenu(self.pick)
        menu.aboutToShow.connect(self._menu_opening)
        self.pick.setMenu(menu)
        self.picker: DatePicker | None = None  # built on first use: a calendar is costly
        self.pick.setVisible("exact" in self.field.date_precisions)
        self.solar_label = QLabel()
        self.solar_label.setObjectName("solarHijri")
        self.solar_label.setStyleSheet(HINT_STYLE)
        self.solar_label.setVisible(False)
        lay.addWidget(self.edit)
        lay.addWidget(self.pick)
        lay.addWidget(self.solar_label)
        lay.addStretch(1)
        return box

    def focus_widget(self) -> QWidget:
        return self.edit

    def _placeholder(self) -> str:
        allowed = self.field.date_precisions
        parts = []
        if "exact" in allowed:
            parts.append("YYYY-MM-DD")
        if "month" in allowed:
            parts.append("YYYY-MM")
        if "year" in allowed:
            parts.append("YYYY")
        if "approximate" in allowed:
            parts.append("YYYY~")
        return " / ".join(parts)

    def ensure_picker(self) -> DatePicker:
        if self.picker is None:
            menu = self.pick.menu()
            assert menu is not None
            self.picker = DatePicker(self.solar, menu)
            self.picker.calendar.clicked.connect(self._picked)
            self.picker.calendar.activated.connect(self._picked)
            action = QWidgetAction(menu)
            action.setDefaultWidget(self.picker)
            menu.addAction(action)
        return self.picker

    def _menu_opening(self) -> None:
        picker = self.ensure_picker()
        date = QDate.fromString(self.value() or "", "yyyy-MM-dd")
        if date.isValid():
            picker.calendar.setSelectedDate(date)
        picker.calendar.setFocus()

    def _picked(self, date: QDate) -> None:
        self.edit.setText(local_digits(date.toString("yyyy-MM-dd")))
        menu = self.pick.menu()
        if menu is not None:
            menu.hide()
        self._show_solar()
        self.user_changed()

    def _edited(self, _text: str) -> None:
        self._show_solar()
        self.user_changed()

    def _show_solar(self) -> None:
        text = solar_hijri_text(self.edit.text()) if self.solar else ""
        self.solar_label.setText(text)
        self.solar_label.setVisible(bool(text))

    def value(self) -> Any:
        return normalize_numeric(self.edit.text()) or None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else local_digits(str(value)))
        self._show_solar()
