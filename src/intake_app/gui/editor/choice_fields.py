"""select_one, select_multiple, rank and yes/no."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.editor.base import FieldWidget
from intake_app.gui.wheel import WheelSafeCombo

RADIO_MAX = 6  # more choices than this: a drop-down list


def all_choices(widget: FieldWidget) -> list[tuple[str, str]]:
    f = widget.field
    lst = widget.ctx.form.choice_lists.get(f.choices or "", [])
    return [(c.name, widget.ctx.text(c.label) or c.name) for c in lst]


class SelectOneField(FieldWidget):
    def build(self) -> QWidget:
        self._choices = all_choices(self)
        self._value: str | None = None
        self.box = QWidget()
        self._lay = QVBoxLayout(self.box)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self.combo: QComboBox | None = None
        self.group: QButtonGroup | None = None
        self.buttons: dict[str, QRadioButton] = {}
        self._populate()
        return self.box

    def focus_widget(self) -> QWidget:
        if self.combo is not None:
            return self.combo
        return next(iter(self.buttons.values()), self.box)

    def _populate(self) -> None:
        while self._lay.count():
            item = self._lay.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.buttons.clear()
        self.combo, self.group = None, None
        if len(self._choices) > RADIO_MAX:
            self.combo = WheelSafeCombo()
            self.combo.addItem("—", None)
            for name, label in self._choices:
                self.combo.addItem(label, name)
            self.combo.activated.connect(self._combo_changed)
            self._lay.addWidget(self.combo)
        else:
            self.group = QButtonGroup(self.box)
            for name, label in self._choices:
                b = QRadioButton(label)
                b.setObjectName(f"choice_{self.field.name}_{name}")
                self.buttons[name] = b
                self.group.addButton(b)
                self._lay.addWidget(b)
                b.toggled.connect(lambda on, n=name: self._radio_changed(n, on))
        self._show(self._value)

    def _combo_changed(self, _index: int) -> None:
        assert self.combo is not None
        self._value = self.combo.currentData()
        self.user_changed()

    def _radio_changed(self, name: str, on: bool) -> None:
        if on and self._value != name:
            self._value = name
            self.user_changed()

    def _show(self, value: str | None) -> None:
        if self.combo is not None:
            idx = self.combo.findData(value) if value is not None else 0
            self.combo.setCurrentIndex(max(idx, 0))
        elif self.group is not None:
            self.group.setExclusive(False)
            for name, b in self.buttons.items():
                b.blockSignals(True)
                b.setChecked(name == value)
                b.blockSignals(False)
            self.group.setExclusive(True)

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = None if value is None else str(value)
        self._show(self._value)

    def choose(self, name: str | None) -> None:
        """Pick a choice as the user would (keyboard tests, scripts)."""
        self._value = name
        self._show(name)
        self.user_changed()

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        if choices != self._choices:
            self._choices = choices
            self._populate()


class SelectMultipleField(FieldWidget):
    def build(self) -> QWidget:
        self._choices = all_choices(self)
        self._selected: list[str] = []
        self.box = QWidget()
        self._lay = QVBoxLayout(self.box)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[str, QCheckBox] = {}
        self._populate()
        return self.box

    def focus_widget(self) -> QWidget:
        return next(iter(self.checks.values()), self.box)

    def _populate(self) -> None:
        for b in self.checks.values():
            b.deleteLater()
        self.checks.clear()
        for name, label in self._choices:
            b = QCheckBox(label)
            b.setObjectName(f"choice_{self.field.name}_{name}")
            b.setChecked(name in self._selected)
            b.toggled.connect(lambda on, n=name: self._toggled(n, on))
            self.checks[name] = b
            self._lay.addWidget(b)

    def _toggled(self, name: str, on: bool) -> None:
        if on and name not in self._selected:
            self._selected.append(name)
        elif not on and name in self._selected:
            self._selected.remove(name)
        self.user_changed()

    def value(self) -> Any:
        order = [n for n, _ in self._choices]
        return sorted(self._selected, key=lambda n: order.index(n) if n in order else 999) or None

    def set_value(self, value: Any) -> None:
        if isinstance(value, str):
            value = value.split()
        self._selected = [str(v) for v in value] if isinstance(value, list) else []
        for name, b in self.checks.items():
            b.blockSignals(True)
            b.setChecked(name in self._selected)
            b.blockSignals(False)

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        if choices != self._choices:
            self._choices = choices
            self._populate()


class RankField(SelectMultipleField):
    """rank: tick the choices in order of preference; the order ticked is the value."""

    def _toggled(self, name: str, on: bool) -> None:
        super()._toggled(name, on)
        self._number()

    def _number(self) -> None:
        for name, label in self._choices:
            b = self.checks.get(name)
            if b is not None:
                pos = self._selected.index(name) + 1 if name in self._selected else 0
                b.setText(f"{pos}. {label}" if pos else label)

    def _populate(self) -> None:
        super()._populate()
        self._number()

    def value(self) -> Any:
        return list(self._selected) or None

    def set_value(self, value: Any) -> None:
        super().set_value(value)
        self._number()


class YesNoField(FieldWidget):
    def build(self) -> QWidget:
        self.combo = WheelSafeCombo()
        self.combo.addItem("—", None)
        self.combo.addItem(self.tr("Yes"), True)
        self.combo.addItem(self.tr("No"), False)
        self.combo.activated.connect(self.user_changed)
        self.combo.setMaximumWidth(240)
        return self.combo

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        idx = 0 if value is None else (1 if bool(value) else 2)
        self.combo.setCurrentIndex(idx)

    def choose(self, value: bool | None) -> None:
        self.set_value(value)
        self.user_changed()
