"""Text, long text, numbers, notes, calculated and hidden fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from intake_app.gui.editor.base import FieldWidget


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value)


class LineField(FieldWidget):
    """text, integer, decimal: one line; numbers may be typed with ۰–۹ digits."""

    def build(self) -> QWidget:
        self.edit = QLineEdit()
        if self.field.type in ("integer", "decimal"):
            self.edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
            self.edit.setMaximumWidth(240)
        elif self.field.type in ("geopoint", "geotrace", "geoshape"):
            self.edit.setPlaceholderText("34.5281 69.1723" if self.field.type == "geopoint"
                                         else "34.52 69.17; 34.53 69.18; …")
        self.edit.setReadOnly(self.field.read_only)
        self.edit.textEdited.connect(self.user_changed)
        return self.edit

    def value(self) -> Any:
        text = self.edit.text().strip()
        return text or None

    def set_value(self, value: Any) -> None:
        self.edit.setText(_text(value))


class LongTextField(FieldWidget):
    def build(self) -> QWidget:
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(90)
        self.edit.setReadOnly(self.field.read_only)
        self.edit.textChanged.connect(self._changed)
        self._loading = False
        return self.edit

    def _changed(self) -> None:
        if not self._loading:
            self.user_changed()

    def value(self) -> Any:
        text = self.edit.toPlainText().strip()
        return text or None

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self.edit.setPlainText(_text(value))
        finally:
            self._loading = False


class NoteField(FieldWidget):
    """Read-only text for the interviewer; holds no value."""

    def build(self) -> QWidget | None:
        self.label.setStyleSheet("font-style: italic;")
        return None

    def _set_label(self) -> None:
        self.label.setText(self.ctx.text(self.field.label) or "")
        self.label.setAccessibleName(self.label.text())


class CalculatedField(FieldWidget):
    """A calculate field: shows what the form computes; not editable."""

    def build(self) -> QWidget:
        self.shown = QLabel("—")
        self.shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.shown.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.shown.setObjectName(f"calc_{self.field.name}")
        return self.shown

    def set_computed(self, value: Any) -> None:
        text = _text(value) or "—"
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            text = "\u200f" + text  # right-to-left mark: align with the question
        self.shown.setText(text)

    def set_value(self, value: Any) -> None:
        self.set_computed(value)


class HiddenField(FieldWidget):
    """Never shown; keeps a stored value so editing a record does not lose it."""

    def build(self) -> QWidget | None:
        self._value: Any = None
        self.setVisible(False)
        return None

    def value(self) -> Any:
        return None if self.field.calculation else self._value

    def set_value(self, value: Any) -> None:
        self._value = value

    def setVisible(self, visible: bool) -> None:
        super().setVisible(False)
