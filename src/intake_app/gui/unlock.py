"""The unlock screen: one passphrase field, a clear wrong-passphrase message."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_app.errors import WrongPassphrase
from intake_app.gui.dialogs import error_text
from intake_app.gui.session import Session
from intake_app.gui.widgets import wrapped_label
from intake_app.services import team_db


class UnlockPage(QWidget):
    unlocked = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.db_password_dialog: QDialog | None = None  # open while it asks (team HQ)
        self.setObjectName("unlockPage")
        self.title = QLabel(self.tr("Intake is locked"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explain = wrapped_label(self.tr("Type your passphrase to open your records."))
        self.explain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setMinimumWidth(320)
        self.button = QPushButton(self.tr("&Unlock"))
        self.button.setDefault(True)
        self.button.setAccessibleName(self.tr("Unlock"))
        self.error = QLabel()
        self.error.setObjectName("unlockError")
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(self.tr("Opening"))
        self.busy.setVisible(False)
        # Panic from the locked screen too (the hotkey works here as well).
        self.panic_button = QPushButton(self.tr("Emergency erase…"))
        self.panic_button.setObjectName("unlockPanicButton")
        self.panic_button.setAccessibleName(self.tr("Emergency erase"))
        self.panic_button.setToolTip(self.tr(
            "Erase everything on this laptop now and close the app (Ctrl+Shift+Delete)"))
        self.panic_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.panic_button.setStyleSheet("color: #b00020;")

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.passphrase)
        row.addWidget(self.button)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addStretch(2)
        lay.addWidget(self.title)
        lay.addWidget(self.explain)
        lay.addSpacing(12)
        lay.addLayout(row)
        lay.addWidget(self.error)
        lay.addWidget(self.busy)
        lay.addStretch(3)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.panic_button)
        lay.addLayout(bottom)
        self.setTabOrder(self.passphrase, self.button)

        self.button.clicked.connect(self.try_unlock)
        self.passphrase.returnPressed.connect(self.try_unlock)

    def reset(self) -> None:
        self.passphrase.clear()
        self.error.clear()
        self.set_busy(False)
        self.passphrase.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.button.setEnabled(not busy)

    def try_unlock(self) -> None:
        text = self.passphrase.text()
        if not text:
            self.error.setText(self.tr("Type your passphrase first."))
            return
        self.error.clear()
        self.set_busy(True)
        svc = self.session.service
        self.session.runner.start(lambda: svc.unlock(text), self._done, self._failed)

    def _done(self, _result: object) -> None:
        self.passphrase.clear()
        self.set_busy(False)
        self.unlocked.emit()

    def _failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        if team_db.wants_password(self.session.service, exc):
            self._ask_db_password(exc)
            return
        if isinstance(exc, WrongPassphrase):
            self.error.setText(self.tr("Wrong passphrase. Check the keyboard language "
                                       "and Caps Lock, then try again."))
        else:
            self.error.setText(error_text(exc))

    def _ask_db_password(self, exc: BaseException) -> None:
        """A team HQ's database wants this login's password: ask, then unlock again
        with the same passphrase (still in its field)."""
        from intake_app.gui.hq.connect_dialog import DatabasePasswordDialog

        dlg = DatabasePasswordDialog(error_text(exc), self)
        self.db_password_dialog = dlg

        def answered(result: int) -> None:
            self.db_password_dialog = None
            typed, dlg.typed = dlg.typed, ""
            dlg.deleteLater()
            if result != QDialog.DialogCode.Accepted.value or not typed:
                self.error.setText(error_text(exc))
                return
            team_db.typed_password(self.session.service, typed)  # type: ignore[arg-type]
            self.try_unlock()

        dlg.finished.connect(answered)
        dlg.open()
