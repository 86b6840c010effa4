"""What the HQ screens share: the HQ session, dates, and file choosers."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QTableWidget, QTableWidgetItem, QWidget

from intake_app.errors import IntakeError
from intake_app.gui.i18n import forget_file_dialog_history
from intake_app.gui.session import Session
from intake_app.services.hq import HQService

HQ_AUTO_LOCK_MINUTES = 10
AUTO_LOCK_META = "gui_auto_lock_minutes"
BAD = QColor("#fde2e1")
GOOD = QColor("#e3f4e1")
NOTE = QColor("#fff4ce")


class HQSession(Session):
    """The field Session (runner, idle lock, Ctrl+L, clipboard) over an HQService."""

    def __init__(self, service: HQService, parent: QObject | None = None) -> None:
        super().__init__(cast(Any, service), parent)
        self.hq = service

    def start_idle_timer(self) -> None:
        try:
            raw = self.hq.meta(AUTO_LOCK_META)
            minutes = int(raw) if raw else HQ_AUTO_LOCK_MINUTES
        except (IntakeError, ValueError):
            minutes = HQ_AUTO_LOCK_MINUTES
        self.set_idle_ms(max(1, minutes) * 60_000)
        app = QCoreApplication.instance()
        if app is not None and not self._filter_installed:
            app.installEventFilter(self)
            self._filter_installed = True


def when(ms: int | None) -> str:
    if not ms:
        return ""
    # ISO order in the interface's digits, never "12/2/26 6:25 AM"
    return QLocale().toString(QDateTime.fromMSecsSinceEpoch(int(ms)), "yyyy-MM-dd HH:mm")


def number(n: int) -> str:
    return QLocale().toString(int(n))


def item(text: str, colour: QColor | None = None, tip: str = "") -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    if colour is not None:
        it.setBackground(colour)
    if tip:
        it.setToolTip(tip)
    return it


def set_row(table: QTableWidget, row: int, cells: list[QTableWidgetItem]) -> None:
    for col, cell in enumerate(cells):
        table.setItem(row, col, cell)


def read_only_table(table: QTableWidget, headers: list[str]) -> None:
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)


# File choosers, in one place so tests can answer them without a dialog. Qt's own
# dialog remembers visited folders: that history is dropped after each use.
def choose_folder(parent: QWidget | None, title: str, start: str = "") -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title, start)
    forget_file_dialog_history()
    return Path(path) if path else None


def choose_open(parent: QWidget | None, title: str, filters: str = "") -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    forget_file_dialog_history()
    return Path(path) if path else None


def choose_open_many(parent: QWidget | None, title: str, filters: str = "") -> list[Path]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
    forget_file_dialog_history()
    return [Path(p) for p in paths]


def choose_save(parent: QWidget | None, title: str, name: str = "",
                filters: str = "") -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, name, filters)
    forget_file_dialog_history()
    return Path(path) if path else None
