"""Message boxes in one place, so tests can answer them without a modal loop."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from intake_app.errors import IntakeError
from intake_app.gui.error_texts import intake_error_text


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def error_text(exc: BaseException) -> str:
    """One line a user can read; internal errors never show a traceback."""
    if isinstance(exc, IntakeError):
        return intake_error_text(exc)  # in the interface language
    return QCoreApplication.translate(
        "Dialogs", "Something went wrong ({name}). Your data was not changed.").format(
        name=type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("Dialogs", "Problem"),
                        error_text(exc))
