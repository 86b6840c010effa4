"""Devices: enrolled and revoked laptops, what each has sent, and what is missing.

Missing sequence numbers (a bundle not received while a later one was) are
highlighted: a stick may be lost, or a bundle held back. Enrolling reads a
device card file; revoking asks first. The public keyring (no private key) can
be saved for the field devices and the auditor.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui import dialogs
from intake_app.gui.dialogs import error_text
from intake_app.gui.hq.common import (
    BAD,
    NOTE,
    HQSession,
    choose_open,
    choose_save,
    item,
    number,
    read_only_table,
    set_row,
    when,
)
from intake_app.gui.i18n import ltr
from intake_app.gui.widgets import wrapped_label
from intake_app.models import DeviceInfo
from intake_app.services.files import atomic_write


def ranges(seqs: tuple[int, ...]) -> str:
    """1,2,3,5 -> "1–3, 5"."""
    out: list[str] = []
    start = prev = None
    for s in sorted(seqs):
        if start is None:
            start = prev = s
        elif prev is not None and s == prev + 1:
            prev = s
        else:
            out.append(f"{start}" if start == prev else f"{start}–{prev}")
            start = prev = s
    if start is not None:
        out.append(f"{start}" if start == prev else f"{start}–{prev}")
    return ", ".join(out)


class DevicesView(QWidget):
    changed = Signal()

    def __init__(self, session: HQSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("devicesView")
        self.session = session
        self.devices: list[DeviceInfo] = []
        self.table = QTableWidget(0, 7)
        self.table.setAccessibleName(self.tr("Devices"))
        read_only_table(self.table, [
            self.tr("Device"), self.tr("Label"), self.tr("Fingerprint"), self.tr("Enrolled"),
            self.tr("Status"), self.tr("Last sequence"), self.tr("Missing sequences")])
        self.enroll_button = QPushButton(self.tr("&Enroll from a device card…"))
        self.revoke_button = QPushButton(self.tr("&Revoke…"))
        self.keyring_button = QPushButton(self.tr("Save the public &keyring…"))
        self.status = wrapped_label()
        self.count = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.enroll_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        buttons.addWidget(self.keyring_button)
        lay = QVBoxLayout(self)
        lay.addLayout(buttons)
        lay.addWidget(self.status)
        lay.addWidget(self.table)
        self.enroll_button.clicked.connect(self.choose_card)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.keyring_button.clicked.connect(self.save_keyring)
        self.table.itemSelectionChanged.connect(self._selection)
        self._selection()

    def refresh(self) -> None:
        svc = self.session.hq
        self.session.runner.start(svc.devices, self._show, self._failed)

    def _show(self, devices: object) -> None:
        assert isinstance(devices, list)
        self.devices = devices
        self.table.setRowCount(len(devices))
        for row, d in enumerate(devices):
            revoked = d.revoked_at is not None
            status = (self.tr("Revoked {date}").format(date=when(d.revoked_at)) if revoked
                      else self.tr("Enrolled"))
            missing = ranges(d.missing)
            set_row(self.table, row, [
                item(d.device_id), item(d.label), item(d.fingerprint), item(when(d.enrolled_at)),
                item(status, BAD if revoked else None),
                item(number(d.last_sequence) if d.last_sequence else self.tr("none yet")),
                item(missing, NOTE if missing else None,
                     self.tr("Bundles not received while later ones were") if missing else "")])
        self.count.setText(self.tr("%n device(s)", "", len(devices)))
        self._selection()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))

    def _selection(self) -> None:
        d = self.selected()
        self.revoke_button.setEnabled(d is not None and d.revoked_at is None)

    def selected(self) -> DeviceInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.devices):
            return None
        return self.devices[rows[0].row()]

    # -------------------------------------------------------------- actions
    def choose_card(self) -> None:
        path = choose_open(self, self.tr("Device card"),
                           self.tr("Device cards (*.sig *.card);;All files (*)"))
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError:
            self.status.setText(self.tr("Cannot read the device card {name}.").format(
                name=ltr(path.name)))
            return
        self.enroll(data)

    def enroll(self, card: bytes) -> None:
        svc = self.session.hq
        self.session.runner.start(lambda: svc.enroll_device(card), self._enrolled,
                                  self._failed)

    def _enrolled(self, info: object) -> None:
        assert isinstance(info, DeviceInfo)
        self.status.setText(self.tr("Enrolled {device}, fingerprint {fp}. Compare it with "
                                    "the one the laptop shows.").format(
            device=ltr(info.device_id), fp=ltr(info.fingerprint)))
        self.refresh()
        self.changed.emit()

    def revoke_selected(self) -> None:
        d = self.selected()
        if d is None or d.revoked_at is not None:
            return
        if not dialogs.confirm(self, self.tr("Revoke device"), self.tr(
                "Revoke {device}? Bundles it signs from now on will be refused. "
                "This cannot be undone.").format(device=ltr(d.device_id))):
            return
        svc, device_id = self.session.hq, d.device_id
        self.session.runner.start(lambda: svc.revoke_device(device_id), self._revoked,
                                  self._failed)

    def _revoked(self, info: object) -> None:
        assert isinstance(info, DeviceInfo)
        self.status.setText(self.tr("Revoked {device}. Publish the new keyring.").format(
            device=ltr(info.device_id)))
        self.refresh()
        self.changed.emit()

    def save_keyring(self) -> None:
        path = choose_save(self, self.tr("Save the public keyring"), "keyring.sig",
                           self.tr("Keyring (*.sig)"))
        if path is None:
            return
        svc = self.session.hq

        def write() -> str:
            atomic_write(path, svc.keyring_bytes(), mode=0o644)
            return str(path)

        self.session.runner.start(write, lambda p: self.status.setText(
            self.tr("Saved the keyring to {path}.").format(path=ltr(str(p)))), self._failed)

    def clear(self) -> None:
        self.devices = []
        self.table.setRowCount(0)
        self.status.clear()
        self.count.clear()
