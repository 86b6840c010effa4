"""Settings, "Protection" tab: duress passphrase, erase after wrong passphrases,
the outbox on panic, and how long copied text stays on the clipboard.

Whether a duress passphrase is set is never shown (the design hides it: see
docs/threat-model.md §4.2). "Set" and "Remove" report only that they ran.
The other options are written on OK with ``FieldService.update_protect_settings``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_app.errors import IntakeError
from intake_app.gui.dialogs import error_text
from intake_app.gui.passphrase import PassphraseFields
from intake_app.gui.session import Session
from intake_app.gui.wheel import WheelSafeCombo, WheelSafeSpin
from intake_app.gui.widgets import wrapped_label
from intake_app.services import protection as guard


class ProtectionPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("protectionPage")
        self.session = session
        try:
            current = session.service.protect_settings()
        except IntakeError:
            current = guard.ProtectSettings()

        self.wipe_after = WheelSafeSpin()
        self.wipe_after.setRange(0, guard.WIPE_AFTER_MAX)
        self.wipe_after.setSpecialValueText(self.tr("Never"))
        self.wipe_after.setValue(current.wipe_after)
        self.wipe_after.setAccessibleName(self.tr("Erase after this many wrong passphrases"))
        self.panic_outbox = WheelSafeCombo()
        self.panic_outbox.addItem(self.tr("Erase them too"), False)
        self.panic_outbox.addItem(self.tr("Keep them (only HQ can open them)"), True)
        self.panic_outbox.setCurrentIndex(1 if current.keep_outbox_on_panic else 0)
        self.panic_outbox.setAccessibleName(self.tr("Sealed bundles when erasing"))
        self.clipboard_seconds = WheelSafeSpin()
        self.clipboard_seconds.setRange(1, guard.CLIPBOARD_MAX_S)
        self.clipboard_seconds.setValue(current.clipboard_clear_seconds)
        self.clipboard_seconds.setSuffix(self.tr(" s"))
        self.clipboard_seconds.setAccessibleName(self.tr("Clear copied text after seconds"))
        erase = QGroupBox(self.tr("Erasing"))
        form = QFormLayout(erase)
        form.addRow(self.tr("&Erase everything after this many wrong passphrases:"),
                    self.wipe_after)
        form.addRow(self.tr("Sealed &bundles in the outbox, on panic or erase:"),
                    self.panic_outbox)
        form.addRow(self.tr("Clear &copied text after (seconds):"), self.clipboard_seconds)
        form.addRow("", QLabel(self.tr("Panic: Ctrl+Shift+Delete on any screen, or the red "
                                       "button. It erases at once and closes the app.")))

        self.duress = PassphraseFields()
        self.erase_real = QCheckBox(self.tr(
            "&When it is used, first erase the real records (silently)"))
        self.erase_real.setChecked(True)
        self.set_duress_button = QPushButton(self.tr("Set duress passphrase"))
        self.clear_duress_button = QPushButton(self.tr("Remove any duress passphrase"))
        self.duress_result = wrapped_label(name="duressResult")
        explain = wrapped_label(self.tr(
                   "A second passphrase to give if you are forced to open the app. It opens a "
                   "harmless practice profile instead of your records. The app never shows "
                   "whether one is set."))
        group = QGroupBox(self.tr("Duress passphrase"))
        gl = QVBoxLayout(group)
        gl.addWidget(explain)
        gl.addWidget(self.duress)
        gl.addWidget(self.erase_real)
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_duress_button)
        buttons.addWidget(self.clear_duress_button)
        buttons.addStretch(1)
        gl.addLayout(buttons)
        gl.addWidget(self.duress_result)

        self.error = QLabel()
        self.error.setObjectName("protectionError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.error)
        lay.addWidget(erase)
        lay.addWidget(group)
        lay.addStretch(1)
        self.set_duress_button.clicked.connect(self.set_duress)
        self.clear_duress_button.clicked.connect(self.clear_duress)
        self.duress.changed.connect(self._update_buttons)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.set_duress_button.setEnabled(self.duress.is_acceptable())

    def set_duress(self) -> None:
        text, erase_real = self.duress.passphrase(), self.erase_real.isChecked()
        svc = self.session.service
        self.set_duress_button.setEnabled(False)
        self.duress_result.setText(self.tr("Setting the duress passphrase…"))
        self.session.runner.start(
            lambda: svc.set_duress(text, erase_real=erase_real),
            lambda _r: self._duress_done(self.tr(
                "Duress passphrase set. Never write it next to your passphrase.")),
            self._duress_failed)

    def clear_duress(self) -> None:
        svc = self.session.service
        self.clear_duress_button.setEnabled(False)
        self.duress_result.setText(self.tr("Removing…"))
        self.session.runner.start(
            lambda: svc.clear_duress(),
            lambda _r: self._duress_done(self.tr("No duress passphrase is set now.")),
            self._duress_failed)

    def _duress_done(self, message: str) -> None:
        self.duress.clear()
        self.clear_duress_button.setEnabled(True)
        self._update_buttons()
        self.duress_result.setText(message)

    def _duress_failed(self, exc: BaseException) -> None:
        self.clear_duress_button.setEnabled(True)
        self._update_buttons()
        self.duress_result.setText(error_text(exc))

    def apply(self) -> str | None:
        """Write the options (OK). Returns an error to show, or None."""
        try:
            self.session.service.update_protect_settings(
                wipe_after=self.wipe_after.value(),
                keep_outbox_on_panic=bool(self.panic_outbox.currentData()),
                clipboard_clear_seconds=self.clipboard_seconds.value())
        except IntakeError as exc:
            self.error.setText(error_text(exc))
            return self.error.text()
        self.error.clear()
        return None

    def clear(self) -> None:
        self.duress.clear()
