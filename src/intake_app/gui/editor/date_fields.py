"""Dates: typed (full, month, year or approximate, as the form allows) or picked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from intake_app.gui.editor.base import FieldWidget


class DateField(FieldWidget):
    def build(self) -> QWidget:
        box = QWidget()
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setMaximumWidth(240)
        self.edit.setPlaceholderText(self._placeholder())
        self.edit.textEdited.connect(self.user_changed)
        self.pick = QToolButton()
        self.pick.setText(self.tr("Calendar…"))
        self.pick.setAccessibleName(self.tr("Pick a date from a calendar"))
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.pick)
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.pick.setMenu(menu)
        self.pick.setVisible("exact" in self.field.date_precisions)
        lay.addWidget(self.edit)
        lay.addWidget(self.pick)
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

    def _picked(self, date: QDate) -> None:
        self.edit.setText(date.toString("yyyy-MM-dd"))
        menu = self.pick.menu()
        if menu is not None:
            menu.hide()
        self.user_changed()

    def value(self) -> Any:
        return self.edit.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))
