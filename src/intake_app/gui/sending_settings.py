"""Settings, "Sending" tab: the drop box address, an optional SOCKS5 proxy (Tor),
and background sending. Kept in the encrypted store (``gui.sender.save_config``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from intake_app.errors import IntakeError
from intake_app.gui.dialogs import error_text
from intake_app.gui.sender import SendConfig, save_config
from intake_app.gui.session import Session
from intake_app.gui.widgets import wrapped_label


class SendingPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendingPage")
        self.session = session
        cfg = session.sending.config()
        self.url = QLineEdit(cfg.url)
        self.url.setPlaceholderText("https://dropbox.example.org")
        self.url.setAccessibleName(self.tr("Drop box address"))
        self.proxy = QLineEdit(cfg.proxy)
        self.proxy.setPlaceholderText("socks5://127.0.0.1:9050")
        self.proxy.setAccessibleName(self.tr("SOCKS5 proxy"))
        for edit in (self.url, self.proxy):
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.background = QCheckBox(self.tr(
            "Send in the &background when the drop box can be reached"))
        self.background.setChecked(cfg.background)
        self.error = QLabel()
        self.error.setObjectName("sendingError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        explain = wrapped_label(self.tr(
                   "HQ gives you the drop box address. With Tor running, use the proxy "
                   "socks5://127.0.0.1:9050: every connection then goes through it. Bundles stay "
                   "on this laptop until HQ's receipt confirms them."))
        form = QFormLayout()
        form.addRow(self.tr("&Drop box address:"), self.url)
        form.addRow(self.tr("SOCKS5 pro&xy (optional):"), self.proxy)
        form.addRow("", self.background)
        lay = QVBoxLayout(self)
        lay.addWidget(explain)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addStretch(1)

    def apply(self) -> str | None:
        """Check and save (OK); restart the background sender. An error to show, or None."""
        cfg = SendConfig(url=self.url.text(), proxy=self.proxy.text(),
                         background=self.background.isChecked())
        sender = self.session.sending
        try:
            before = sender.config()
            saved = save_config(self.session.service, cfg)
        except IntakeError as exc:
            self.error.setText(error_text(exc))
            return self.error.text()
        if saved != before:
            sender.use_config(saved)
        return None
