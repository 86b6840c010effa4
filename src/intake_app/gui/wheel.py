"""Inputs that ignore the mouse wheel unless they have focus from a click or Tab.

Scrolling a long form over a drop-down must scroll the form, never change the
answer. An ignored wheel event goes on to the scroll area behind the widget."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

# A plain mixin at run time (one Qt base per class); mypy sees the QWidget methods.
if TYPE_CHECKING:
    _MixinBase = QWidget
else:
    _MixinBase = object


class WheelSafe(_MixinBase):
    """Put first in the bases: ``class X(WheelSafe, QComboBox)``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # StrongFocus: the wheel alone never gives focus (WheelFocus would).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, e: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(e)
        else:
            e.ignore()


class WheelSafeCombo(WheelSafe, QComboBox):
    pass


class WheelSafeSpin(WheelSafe, QSpinBox):
    pass
