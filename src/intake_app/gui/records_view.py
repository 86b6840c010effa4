"""The records list: a lazily loaded model/view with search and filters.

Each row shows the form's display label (its ``label_field``/instance name,
computed from the stored answers on the worker thread: no plaintext cache),
the interview date, the full form title, status, the last change (ISO order,
the locale's digits) and the short id. Rows are
fetched page by page on worker threads (``count_records`` +
``list_records(limit, offset)``), so 100,000 records open instantly.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.dialogs import error_text
from intake_app.gui.session import Session
from intake_app.models import RecordFilter, RecordStatus, RecordSummary

PAGE_SIZE = 200
SEARCH_LIMIT = 500
SEARCH_DELAY_MS = 250

Index = QModelIndex | QPersistentModelIndex
Labels = dict[str, tuple[str, str]]


def _with_labels(svc: Any, rows: list[RecordSummary]) -> tuple[list[RecordSummary], Labels]:
    """Rows plus their labels, on the worker thread (one service call per page)."""
    return rows, svc.record_labels([r.id for r in rows])


def iso_date_text(iso: str) -> str:
    """An ISO date (YYYY-MM-DD) in the interface locale's digits, order kept."""
    return "".join(QLocale().toString(int(c)) if c.isdigit() else c for c in iso)


def stamp_text(msecs: int) -> str:
    """A time stamp (ms since the epoch), ISO order, the interface locale's digits."""
    return QLocale().toString(QDateTime.fromMSecsSinceEpoch(msecs), "yyyy-MM-dd HH:mm")


class RecordsModel(QAbstractTableModel):
    """Record summaries, fetched in pages; in search mode, the best matches."""

    loading_changed = Signal(bool)
    total_changed = Signal(int)
    page_loaded = Signal()
    failed = Signal(str)

    COLUMNS = ("label", "form", "status", "interview", "updated", "record")

    def __init__(self, session: Session, form_titles: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.form_titles = dict(form_titles)
        self._rows: list[RecordSummary] = []
        self._labels: dict[str, tuple[str, str]] = {}
        self._total = 0
        self._filter: RecordFilter | None = None
        self._query = ""
        self._fetching = False
        self._epoch = 0
        self._headers = (self.tr("Name"), self.tr("Form"), self.tr("Status"),
                         self.tr("Interview date"), self.tr("Updated"), self.tr("Record"))
        self._status_names = {
            RecordStatus.DRAFT: self.tr("Draft"),
            RecordStatus.FINALIZED: self.tr("Finalized"),
            RecordStatus.SEALED: self.tr("Sealed"),
            RecordStatus.DELIVERED: self.tr("Delivered"),
            RecordStatus.RECEIVED: self.tr("Received"),  # at HQ
        }

    # -------------------------------------------------------------- Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        rec = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == "record":
                return rec.id[:8] if role == Qt.ItemDataRole.DisplayRole else rec.id
            if col == "label":
                return self._labels.get(rec.id, ("", ""))[0]
            if col == "form":
                return self.form_titles.get(rec.form_id, rec.form_id)
            if col == "status":
                return self.status_name(rec.status)
            if col == "interview":
                return iso_date_text(self._labels.get(rec.id, ("", ""))[1])
            return stamp_text(rec.updated_at)
        if role == Qt.ItemDataRole.UserRole:
            return rec.id
        if role == Qt.ItemDataRole.AccessibleTextRole and col == "record":
            return self.tr("Record {id}").format(id=rec.id[:8])
        return None

    def label(self, row: int) -> str:
        rid = self.record_id(row)
        return self._labels.get(rid, ("", ""))[0] if rid else ""

    def status_name(self, status: RecordStatus) -> str:
        return self._status_names.get(status, status.value)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and not self._query and not self._fetching
                and len(self._rows) < self._total)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._set_fetching(True)
        epoch, flt, offset = self._epoch, self._filter, len(self._rows)
        svc = self.session.service
        self.session.runner.start(
            lambda: _with_labels(svc, svc.list_records(flt, limit=PAGE_SIZE, offset=offset)),
            lambda r: self._append(epoch, *r), self._failed)

    # -------------------------------------------------------------- loading
    @property
    def total(self) -> int:
        return self._total

    @property
    def is_loading(self) -> bool:
        return self._fetching

    def record_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def summaries(self) -> list[RecordSummary]:
        return list(self._rows)

    def reload(self, flt: RecordFilter | None = None, query: str = "") -> None:
        self._epoch += 1
        epoch = self._epoch
        self._filter, self._query = flt, query.strip()
        self.beginResetModel()
        self._rows, self._total = [], 0
        self._labels = {}
        self.endResetModel()
        self._set_fetching(True)
        svc = self.session.service
        if self._query:
            q = self._query
            self.session.runner.start(
                lambda: _with_labels(svc, svc.search(q, flt, limit=SEARCH_LIMIT)),
                lambda r: self._first(epoch, len(r[0]), *r), self._failed)
        else:
            def first_page() -> tuple[int, list[RecordSummary], Labels]:
                rows, labels = _with_labels(svc, svc.list_records(flt, limit=PAGE_SIZE))
                return svc.count_records(flt), rows, labels

            self.session.runner.start(first_page,
                                      lambda r: self._first(epoch, *r), self._failed)

    def clear(self) -> None:
        """Forget every summary (on lock)."""
        self._epoch += 1
        self.beginResetModel()
        self._rows, self._total = [], 0
        self._labels = {}
        self.endResetModel()
        self._set_fetching(False)

    def _first(self, epoch: int, total: int, rows: list[RecordSummary],
               labels: Labels) -> None:
        if not shiboken6.isValid(self) or epoch != self._epoch:
            return
        self._labels.update(labels)
        self._total = total
        self.total_changed.emit(total)
        self._set_fetching(False)
        self._insert(rows)
        self.page_loaded.emit()

    def _append(self, epoch: int, rows: list[RecordSummary], labels: Labels) -> None:
        if not shiboken6.isValid(self) or epoch != self._epoch:
            return
        self._labels.update(labels)
        self._set_fetching(False)
        if not rows:  # the table shrank meanwhile
            self._total = len(self._rows)
            return
        self._insert(rows)
        self.page_loaded.emit()

    def _insert(self, rows: list[RecordSummary]) -> None:
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_fetching(False)
        self.failed.emit(error_text(exc))

    def _set_fetching(self, on: bool) -> None:
        if self._fetching != on:
            self._fetching = on
            self.loading_changed.emit(on)


class RecordsView(QWidget):
    """Search box, status and form filters, and the table."""

    open_record = Signal(str)

    def __init__(self, session: Session, form_titles: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordsView")
        self.session = session
        self.model = RecordsModel(session, form_titles, self)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search records…"))
        self.search.setAccessibleName(self.tr("Search records"))
        self.search.setClearButtonEnabled(True)
        self.status_box = QComboBox()
        self.status_box.setAccessibleName(self.tr("Filter by status"))
        self.status_box.addItem(self.tr("All statuses"), None)
        for status in RecordStatus:
            self.status_box.addItem(self.model.status_name(status), status.value)
        self.form_box = QComboBox()
        self.form_box.setAccessibleName(self.tr("Filter by form"))
        self.form_box.addItem(self.tr("All forms"), None)
        for form_id, title in sorted(form_titles.items(), key=lambda kv: kv[1]):
            self.form_box.addItem(title, form_id)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Number of records"))

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Records"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self._size_columns()
        self.table.setTabKeyNavigation(False)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_box, 1)
        filters.addWidget(self.form_box, 1)
        filters.addWidget(self.count_label)
        lay = QVBoxLayout(self)
        lay.addLayout(filters)
        lay.addWidget(self.table)
        self.setTabOrder(self.search, self.status_box)
        self.setTabOrder(self.status_box, self.form_box)
        self.setTabOrder(self.form_box, self.table)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.status_box.currentIndexChanged.connect(self.refresh)
        self.form_box.currentIndexChanged.connect(self.refresh)
        self.table.activated.connect(self._activated)
        self.model.page_loaded.connect(self._size_columns)
        self.model.total_changed.connect(self._show_count)
        self.model.loading_changed.connect(self._show_loading)

    def _size_columns(self) -> None:
        """Short columns as wide as their text, the long texts share what is left.

        Set again once rows arrive: the header sizes ResizeToContents sections when their
        mode is set, not when rows are inserted, so they kept the empty table's header
        width and cut the dates and ids (Urdu's "updated" column showed "2026-1…")."""
        header = self.table.horizontalHeader()
        for col in range(len(self.model.COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for name in ("label", "form"):
            header.setSectionResizeMode(self.model.COLUMNS.index(name),
                                        QHeaderView.ResizeMode.Stretch)

    def current_filter(self) -> RecordFilter | None:
        status = self.status_box.currentData()
        form_id = self.form_box.currentData()
        if status is None and form_id is None:
            return None
        return RecordFilter(status=RecordStatus(status) if status else None, form_id=form_id)

    def refresh(self) -> None:
        self._search_timer.stop()
        self.model.reload(self.current_filter(), self.search.text())

    def clear(self) -> None:
        self._search_timer.stop()
        self.search.clear()
        self.model.clear()

    def _activated(self, index: QModelIndex) -> None:
        rid = self.model.record_id(index.row())
        if rid is not None:
            self.open_record.emit(rid)

    def selected_record(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_id(rows[0].row()) if rows else None

    def _show_count(self, total: int) -> None:
        if self.model._query:
            self.count_label.setText(self.tr("%n match(es)", "", total))
        else:
            self.count_label.setText(self.tr("%n record(s)", "", total))

    def _show_loading(self, loading: bool) -> None:
        if loading and not self.model.rowCount():
            self.count_label.setText(self.tr("Loading…"))
