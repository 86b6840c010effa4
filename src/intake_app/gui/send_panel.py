"""The outbox's "Send now" button, with the sender's progress and status."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from intake_app.gui.editor.attachment_fields import human_size
from intake_app.gui.sender import Sender, SendStatus
from intake_app.gui.widgets import wrapped_label


def _clock(ts: float) -> str:
    if not ts:
        return ""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(ts)).time(),
                              QLocale.FormatType.ShortFormat)


class SendPanel(QWidget):
    receipt_applied = Signal()  # the outbox and the records changed

    def __init__(self, sender: Sender, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendPanel")
        self.net_sender = sender
        self.send_button = QPushButton(self.tr("&Send now"))
        self.send_button.setAccessibleName(self.tr("Send now"))
        self.send_button.setToolTip(self.tr(
            "Send the bundles waiting for HQ to the drop box, then collect HQ's receipt"))
        self.status = wrapped_label(name="sendStatus")
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Sending progress"))
        self.bar.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.send_button)
        row.addWidget(self.status, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.bar)
        self.send_button.clicked.connect(self.send_now)
        sender.changed.connect(self.update_status)
        sender.receipt_applied.connect(self._receipt)
        self.update_status()

    def detach(self) -> None:
        """On lock: stop listening to the sender (it outlives this view)."""
        for sig, slot in ((self.net_sender.changed, self.update_status),
                          (self.net_sender.receipt_applied, self._receipt)):
            try:
                sig.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self.status.clear()

    def send_now(self) -> None:
        if not self.net_sender.send_now():
            self.update_status()

    def _receipt(self, _report: object) -> None:
        self.receipt_applied.emit()

    def update_status(self) -> None:
        cfg_ok = self.net_sender.session.is_unlocked and self.net_sender.config().configured
        st = self.net_sender.status
        self.send_button.setEnabled(cfg_ok and st.phase != "sending")
        self.bar.setVisible(st.phase == "sending" and st.progress is not None)
        if st.progress is not None and st.progress.bytes_total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * st.progress.bytes_done / st.progress.bytes_total))
        if not cfg_ok:
            self.status.setText(self.tr(
                "Sending over the network is not set up (Settings, Sending)."))
            return
        self.status.setText(self.status_text(st))

    def status_text(self, st: SendStatus) -> str:
        parts: list[str] = []
        if st.phase == "sending":
            p = st.progress
            if p is None or p.phase == "connecting":
                parts.append(self.tr("Connecting to the drop box…"))
            elif p.phase == "uploading":
                parts.append(self.tr("Sending bundle {i} of {n} ({done} of {total})…").format(
                    i=QLocale().toString(p.file_index), n=QLocale().toString(p.file_count),
                    done=human_size(p.bytes_done), total=human_size(p.bytes_total)))
            else:
                parts.append(self.tr("Collecting HQ's receipt…"))
        if st.last_attempt and st.phase != "sending":
            parts.append(self.tr("Last attempt at {time}.").format(time=_clock(st.last_attempt)))
        if st.report is not None and st.phase != "sending":
            r = st.report
            parts.append(self.tr("%n bundle(s) sent.", "", len(r.stored)))
            if r.already:
                parts.append(self.tr("%n already at the drop box.", "", len(r.already)))
            if r.failed:
                parts.append(self.tr("%n refused by the drop box.", "", len(r.failed)))
            if r.receipt is not None:
                parts.append(self.tr("HQ confirmed %n bundle(s).", "",
                                     len(r.receipt.delivered)))
            if r.receipt_error:
                parts.append(self.tr("HQ's receipt was refused: {reason}").format(
                    reason=r.receipt_error))
        if st.phase == "waiting":
            if st.reason:
                parts.append(self.tr("The drop box cannot be reached."))
            parts.append(self.tr("Next try at {time}.").format(time=_clock(st.next_try)))
        elif st.phase == "failed":
            if st.reason == "unreachable":
                parts.append(self.tr("The drop box cannot be reached. Nothing was lost: "
                                     "try again later."))
            else:
                parts.append(self.tr("Sending failed: {reason}").format(reason=st.error))
        if st.background:
            parts.append(self.tr("Background sending is on."))
        if not parts:
            parts.append(self.tr("Ready to send. Bundles stay on this laptop until HQ's "
                                 "receipt confirms them."))
        return " ".join(parts)

