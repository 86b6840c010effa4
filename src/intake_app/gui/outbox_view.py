"""The outbox: sealed bundles and whether HQ has confirmed them; HQ receipts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.dialogs import error_text
from intake_app.gui.editor.attachment_fields import choose_file, human_size
from intake_app.gui.send_panel import SendPanel
from intake_app.gui.session import Session
from intake_app.gui.widgets import wrapped_label
from intake_app.models import OutboxEntry, ReceiptResult


class OutboxView(QWidget):
    changed = Signal()  # a receipt changed record states

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxView")
        self.session = session
        self.entries: list[OutboxEntry] = []
        self.explain = wrapped_label(self.tr(
                   "Sealed bundles wait here until HQ confirms them with a signed receipt. "
                   "Only HQ can open them."))
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Sealed bundles"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Bundle"), self.tr("File"), self.tr("Sealed"), self.tr("Size"),
            self.tr("Records"), self.tr("Delivery")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        # Bundle file names share a long "dev-<id>-" prefix: keep their ends visible,
        # give the file column the spare width and the full name in a tooltip.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)
        self.import_button = QPushButton(self.tr("&Import HQ receipt…"))
        self.import_button.setAccessibleName(self.tr("Import HQ receipt"))
        self.result = wrapped_label(name="receiptResult")
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.result, 1)
        self.send = SendPanel(session.sending)
        lay = QVBoxLayout(self)
        lay.addWidget(self.explain)
        lay.addWidget(self.table)
        lay.addLayout(row)
        lay.addWidget(self.send)
        self.import_button.clicked.connect(self.choose_receipt)
        self.send.receipt_applied.connect(self._received_over_network)

    def refresh(self) -> None:
        self.session.runner.start(self.session.service.outbox, self._show, self._failed)

    def _show(self, entries: object) -> None:
        assert isinstance(entries, list)
        self.entries = entries
        self.table.setRowCount(len(entries))
        loc = QLocale()
        for r, e in enumerate(entries):
            state = {"pending": self.tr("Waiting for HQ"), "delivered": self.tr("Delivered"),
                     "abandoned": self.tr("Abandoned")}.get(e.state, e.state)
            cells = [loc.toString(e.sequence), e.file_name,
                     loc.toString(QDateTime.fromMSecsSinceEpoch(e.created_at),
                                  "yyyy-MM-dd HH:mm"),
                     human_size(e.size), loc.toString(e.record_count), state]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c in (0, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)

    def _failed(self, exc: BaseException) -> None:
        self.result.setText(error_text(exc))

    # -------------------------------------------------------------- receipts
    def choose_receipt(self) -> None:
        path = choose_file(self, self.tr("HQ receipt"),
                           self.tr("Receipts (*.sig *.receipt *.rcpt);;All files (*)"))
        if path is not None:
            self.import_receipt(path)

    def import_receipt(self, path: Path) -> None:
        svc = self.session.service
        self.import_button.setEnabled(False)
        self.result.setText(self.tr("Checking the receipt…"))

        def work() -> ReceiptResult:
            return svc.import_receipt(path.read_bytes())

        self.session.runner.start(work, self._imported, self._import_failed)

    def _imported(self, result: object) -> None:
        assert isinstance(result, ReceiptResult)
        self.import_button.setEnabled(True)
        parts = [self.tr("Receipt accepted.")]
        if result.delivered:
            parts.append(self.tr("Delivered: bundle(s) {seqs}.").format(
                seqs=", ".join(str(s) for s in result.delivered)))
        if result.already_delivered:
            parts.append(self.tr("Already confirmed before: {seqs}.").format(
                seqs=", ".join(str(s) for s in result.already_delivered)))
        if result.unknown:
            parts.append(self.tr("Not from this laptop's outbox: {seqs}.").format(
                seqs=", ".join(str(s) for s in result.unknown)))
        parts.append(self.tr("%n record(s) removed from this laptop.", "",
                             result.purged_records))
        self.result.setText(" ".join(parts))
        self.refresh()
        self.changed.emit()

    def _import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.result.setText(self.tr("Receipt refused: {reason}").format(reason=error_text(exc)))

    def _received_over_network(self) -> None:
        self.refresh()
        self.changed.emit()

    def clear(self) -> None:
        self.send.detach()
        self.entries = []
        self.table.setRowCount(0)
        self.result.clear()
