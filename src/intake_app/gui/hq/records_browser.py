"""HQ's records: the field app's lazy list (search, status and form filters) beside a
read-only record view. Search runs on the store's full-text index, in any of the
four languages; the list shows metadata only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from intake_app.gui.hq.common import HQSession
from intake_app.gui.hq.record_view import RecordView
from intake_app.gui.records_view import RecordsView


class RecordsBrowser(QWidget):
    def __init__(self, session: HQSession, form_titles: dict[str, str], ui_lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqRecordsBrowser")
        self.session = session
        self.records = RecordsView(session, form_titles)
        # At HQ every record is "received": the status filter says nothing there.
        self.records.status_box.setVisible(False)
        self.view = RecordView(session, ui_lang)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.records)
        split.addWidget(self.view)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        self.records.open_record.connect(self.open_record)
        self.records.table.clicked.connect(
            lambda index: self.open_record(self.records.model.record_id(index.row()) or ""))

    def refresh(self) -> None:
        self.records.refresh()

    def open_record(self, record_id: str) -> None:
        if record_id:
            self.view.load(record_id)

    def clear(self) -> None:
        self.records.clear()
        self.view.clear()
