"""The application style sheet (focus ring, script line heights) and Enter on buttons.

Fusion's focus mark is a faint 1-px line; someone working by keyboard alone must
see at a glance where the cursor is, so every focusable control gets a 2-px ring
in one strong colour. Nastaliq (Urdu) needs about twice the line height of Latin
text: buttons, tabs, list rows and headers get room for it, so nothing is clipped.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QPushButton, QToolButton, QWidget

FOCUS_COLOR = "#1a5fb4"  # contrast >= 4.5:1 on white and on Fusion's light grey

# The ring is set on the focused control alone (on focus in, dropped on focus out): an
# application-wide style sheet would make every widget slower to build (a 100-field
# draft opened 2-3x slower with one), and only Urdu needs one (below).
RING = f"border: 2px solid {FOCUS_COLOR}; border-radius: 3px;"
BUTTON_RING = RING + " padding: 3px 8px; background-color: palette(button);"


def ring_for(widget: QWidget) -> str:
    return BUTTON_RING if isinstance(widget, QPushButton | QToolButton) else RING


class FocusRing(QObject):
    """Draws the focus ring on whichever control has the focus (``focusChanged``)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._ringed: QWidget | None = None
        app.focusChanged.connect(self._moved)

    def _moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        old = self._ringed
        self._ringed = None
        if old is not None and shiboken_valid(old) and old.styleSheet() == ring_for(old):
            old.setStyleSheet("")
        # A control with a style of its own (a field in error: red outline) keeps it.
        if new is not None and not new.styleSheet():
            new.setStyleSheet(ring_for(new))
            self._ringed = new


def shiboken_valid(widget: QWidget) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(widget))


def line_height(font: QFont) -> int:
    """The pixel height a line of ``font`` needs (Nastaliq: its tall ascent and descent)."""
    return QFontMetrics(font).height()


def app_style_sheet(font: QFont, tall_script: bool) -> str:
    """The whole app's style sheet for the interface ``font`` (none for Latin, Naskh)."""
    if not tall_script:
        return ""
    h = line_height(font)
    # Rows, buttons, tabs and headers as tall as a Nastaliq line plus a little air.
    return f"""
QPushButton, QToolButton, QComboBox {{ min-height: {h + 2}px; }}
QTabBar::tab {{ min-height: {h + 4}px; padding: 2px 16px; }}
QHeaderView::section {{ min-height: {h + 4}px; padding: 0 4px; }}
QListView::item, QListWidget::item, QTreeView::item, QTableView::item {{
    min-height: {h + 4}px;
}}
"""


_installed: list[QObject] = []


def install_keyboard_aids(app: QApplication) -> None:
    """The focus ring, once per application."""
    if not _installed:
        _installed.append(FocusRing(app))
