"""Repeat groups: rows of the same questions, added and removed by the user."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_app.forms import FormField
from intake_app.gui.editor.base import ERROR_STYLE, EditorContext
from intake_app.gui.editor.panel import FieldsPanel
from intake_app.gui.widgets import wrapped_label


class RepeatRow(QFrame):
    remove_requested = Signal(object)

    def __init__(self, f: FormField, ctx: EditorContext, prefix: str, number: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_name = ctx.text(f.label) or f.name
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.remove_button = QPushButton(self.tr("Remove row"))
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.remove_button)
        self.panel = FieldsPanel(f.children, ctx, prefix)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.panel)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.set_number(number)

    def set_number(self, number: int) -> None:
        # The repeat's own label ("Incidents 2"), not a generic "Row 2".
        self.title.setText(self.tr("{name} {n}").format(name=self.item_name, n=number))
        self.remove_button.setAccessibleName(self.tr("Remove row {n}").format(n=number))


class RepeatWidget(QGroupBox):
    changed = Signal()

    def __init__(self, f: FormField, ctx: EditorContext, prefix: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx.text(f.label) or f.name, parent)
        self.field = f
        self.ctx = ctx
        self.prefix = prefix
        self.rows: list[RepeatRow] = []
        self.setObjectName(f"repeat_{f.name}")
        hint = ctx.text(f.hint)
        self.hint = wrapped_label(hint)
        self.hint.setVisible(bool(hint))
        self.rows_box = QVBoxLayout()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        self.add_button = QPushButton(self.tr("Add to {name}").format(name=self.title()))
        self.add_button.setAccessibleName(
            self.tr("Add a row to {name}").format(name=self.title()))
        lay = QVBoxLayout(self)
        lay.addWidget(self.hint)
        lay.addLayout(self.rows_box)
        lay.addWidget(self.error)
        lay.addWidget(self.add_button)
        self.add_button.clicked.connect(self.add_row)
        self._update_buttons()

    def row_prefix(self, i: int) -> str:
        return f"{self.prefix}{self.field.name}[{i}]."

    def add_row(self) -> RepeatRow:
        row = self._new_row()
        self._update_buttons()
        self.changed.emit()
        row.panel.setFocus()
        return row

    def _new_row(self) -> RepeatRow:
        i = len(self.rows)
        row = RepeatRow(self.field, self.ctx, self.row_prefix(i), i + 1)
        row.panel.changed.connect(self.changed)
        row.remove_requested.connect(self.remove_row)
        self.rows.append(row)
        self.rows_box.addWidget(row)
        return row

    def remove_row(self, row: object) -> None:
        if not isinstance(row, RepeatRow) or row not in self.rows:
            return
        self.rows.remove(row)
        self.rows_box.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._renumber()
        self._update_buttons()
        self.changed.emit()

    def _renumber(self) -> None:
        for i, r in enumerate(self.rows):
            r.set_number(i + 1)
            r.panel.set_prefix(self.row_prefix(i))

    def set_prefix(self, prefix: str) -> None:
        self.prefix = prefix
        self._renumber()

    def _update_buttons(self) -> None:
        f = self.field
        full = f.max_rows is not None and len(self.rows) >= f.max_rows
        self.add_button.setEnabled(not full and not f.read_only)

    # -------------------------------------------------------------- values
    def collect(self) -> list[dict[str, Any]]:
        return [row.panel.collect({}) for row in self.rows]

    def load(self, rows: list[Any]) -> None:
        while self.rows:
            r = self.rows.pop()
            self.rows_box.removeWidget(r)
            r.deleteLater()
        for values in rows:
            row = self._new_row()
            row.panel.load(values if isinstance(values, Mapping) else {})
        self._update_buttons()

    def apply(self, rows: list[Any], relevant: frozenset[str], errors: Mapping[str, str],
              show: frozenset[str] | None) -> None:
        path = self.prefix + self.field.name
        msg = errors.get(path)
        if msg is not None and show is not None and path not in show:
            msg = None
        self.error.setText(msg or "")
        self.error.setVisible(bool(msg))
        for i, row in enumerate(self.rows):
            values = rows[i] if i < len(rows) and isinstance(rows[i], Mapping) else {}
            row.panel.apply(values, relevant, errors, show)
