"""Panic in the GUI: the hotkey on every screen, the confirmation, the erase and the exit.

Triggers: the red toolbar button (unlocked), the button on the unlock screen, and
Ctrl+Shift+Delete anywhere in the app (unlock screen, wizard, every dialog: an
application-wide event filter, so no focus or modal dialog can swallow it).

Confirmation: one small dialog whose default, focused button is "Erase now".
Enter, Space or the hotkey a second time confirms; Escape or "Cancel" backs
out. So panic is two deliberate key presses (about half a second), and a stray
click on the button alone destroys nothing. A press-and-hold was rejected:
under stress people release early, it cannot be done from the keyboard and it
shows no feedback about what is about to happen.

``run_panic`` (no confirmation; ``MainWindow.panic``): stop the sender and the
idle timer, drop pending results, ``ProfileService.panic`` (the header with the
wrapped keys is overwritten and synced first, then the files), clear the
clipboard, throw away every view and window, and exit the process at once
(``os._exit``: a worker still inside a long service call must not keep the
process, and the keys in its memory, alive).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from intake_app.gui.session import Session, clear_clipboard
from intake_app.services.protection import PanicReport

if TYPE_CHECKING:
    from intake_app.gui.main_window import MainWindow

HOTKEY = QKeySequence("Ctrl+Shift+Del")
# Exit with os._exit after a panic. Tests turn this off (they monkeypatch QApplication.exit).
HARD_EXIT = True
_MODS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
BUTTON_STYLE = ("QToolButton, QPushButton { background: #b00020; color: white; "
                "font-weight: bold; border-radius: 3px; padding: 4px 10px; }")


def is_panic_key(event: QEvent) -> bool:
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return False
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() == Qt.Key.Key_Delete and mods == _MODS


class PanicFilter(QObject):
    """Application-wide: the hotkey reaches the window whatever has the focus."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_panic_key(event):
            self.window.request_panic()
            return True
        return False


class PanicConfirm(QMessageBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panicConfirm")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Erase everything"))
        self.setText(self.tr("Erase everything on this laptop now?"))
        self.setInformativeText(self.tr(
            "The records can never be opened again, not even with the passphrase. "
            "The app closes.\n\nEnter: erase. Escape: cancel."))
        self.erase_button: QPushButton = self.addButton(
            self.tr("&Erase now"), QMessageBox.ButtonRole.DestructiveRole)
        self.erase_button.setObjectName("panicEraseButton")
        self.erase_button.setStyleSheet(BUTTON_STYLE)
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.erase_button)
        self.setEscapeButton(cancel)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.erase_button.setFocus()


def run_panic(window: MainWindow) -> PanicReport | None:
    """Erase now, then close everything and exit. Never asks, never waits for a worker."""
    session: Session = window.session
    session.sending.stop()
    session.idle_timer.stop()
    session.runner.invalidate()
    report: PanicReport | None = None
    try:
        report = session.service.panic()
    finally:
        clear_clipboard()
        session.clipboard_guard.forget()
        window.drop_everything()
        for w in QApplication.topLevelWidgets():
            if w.isVisible():
                w.close()
        QApplication.processEvents()  # hand the cleared clipboard to the system
        QApplication.exit(0)
        if HARD_EXIT:
            os._exit(0)
    return report
