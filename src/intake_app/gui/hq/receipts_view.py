"""Receipts: HQ's signed acknowledgement of what each device has delivered.

A receipt names bundles by sequence and hash only (no record content); taken
back to the laptop (or posted to the drop box), it lets the laptop mark those
bundles delivered.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.dialogs import error_text
from intake_app.gui.hq.common import HQSession, choose_folder, item, number, read_only_table
from intake_app.gui.hq.devices_view import ranges
from intake_app.gui.i18n import ltr
from intake_app.gui.widgets import wrapped_label
from intake_app.models import DeviceInfo
from intake_app.services.files import atomic_write


def receipt_name(device_id: str) -> str:
    return f"receipt-{device_id}.sig"  # as ``intake hq receipts --out DIR``


class ReceiptsView(QWidget):
    def __init__(self, session: HQSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptsView")
        self.session = session
        self.explain = wrapped_label(self.tr(
                   "A receipt tells a laptop which of its bundles HQ holds, so it can mark them "
                   "delivered. Receipts hold no record content."))
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Bundles received per device"))
        read_only_table(self.table, [self.tr("Device"), self.tr("Bundles received"),
                                     self.tr("Through sequence")])
        self.write_button = QPushButton(self.tr("&Write receipts to a folder…"))
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("Drop box address (https://…)"))
        self.url.setAccessibleName(self.tr("Drop box address"))
        self.publish_button = QPushButton(self.tr("&Publish to drop box"))
        self.status = wrapped_label()
        row = QHBoxLayout()
        row.addWidget(self.write_button)
        row.addSpacing(16)
        row.addWidget(self.url, 1)
        row.addWidget(self.publish_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.explain)
        lay.addLayout(row)
        lay.addWidget(self.status)
        lay.addWidget(self.table)
        self.write_button.clicked.connect(self.choose_folder)
        self.publish_button.clicked.connect(self.publish)

    def refresh(self) -> None:
        self.session.runner.start(self.session.hq.devices, self._show,
                                  lambda e: self.status.setText(error_text(e)))

    def _show(self, devices: object) -> None:
        assert isinstance(devices, list)
        sent: list[DeviceInfo] = [d for d in devices if d.received]
        self.table.setRowCount(len(sent))
        for row, d in enumerate(sent):
            self.table.setItem(row, 0, item(d.device_id))
            self.table.setItem(row, 1, item(ranges(d.received)))
            self.table.setItem(row, 2, item(number(d.last_sequence)))
        self.write_button.setEnabled(bool(sent))
        self.publish_button.setEnabled(bool(sent))
        if not sent:
            self.status.setText(self.tr("No bundles imported yet: nothing to acknowledge."))

    def choose_folder(self) -> None:
        folder = choose_folder(self, self.tr("Folder for the receipts"))
        if folder is not None:
            self.write_to(folder)

    def write_to(self, folder: Path) -> None:
        svc = self.session.hq

        def write() -> list[Path]:
            out = []
            for dev, data in sorted(svc.receipts().items()):
                path = folder / receipt_name(dev)
                atomic_write(path, data, mode=0o644)
                out.append(path)
            return out

        self.session.runner.start(write, self._written,
                                  lambda e: self.status.setText(error_text(e)))

    def _written(self, paths: object) -> None:
        assert isinstance(paths, list)
        self.written = paths
        self.status.setText(self.tr("Wrote %n receipt(s) to {folder}.", "", len(paths)).format(
            folder=ltr(str(paths[0].parent)) if paths else ""))

    def publish(self) -> None:
        url = self.url.text().strip()
        if not url:
            return
        from intake_app.services import hq_sync

        svc = self.session.hq
        self.session.runner.start(
            lambda: hq_sync.publish_receipts(svc, hq_sync.hq_client(svc, url)),
            lambda r: self.status.setText(self.tr("Published %n receipt(s).", "", len(r))),
            lambda e: self.status.setText(error_text(e)))

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.status.clear()
        self.url.clear()
