"""Settings: language, auto-lock minutes (within HQ's policy), passphrase, fingerprint;
the "Protection" (protect_settings) and "Sending" (sending_settings) tabs."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui import adapter
from intake_app.gui.dialogs import error_text
from intake_app.gui.i18n import UI_LANGUAGES, add_language_items
from intake_app.gui.passphrase import PassphraseFields
from intake_app.gui.protect_settings import ProtectionPage
from intake_app.gui.sending_settings import SendingPage
from intake_app.gui.session import Session
from intake_app.gui.wheel import WheelSafeSpin
from intake_app.gui.widgets import wrapped_label


def group_fingerprint(fp: str) -> str:
    """Fingerprints in groups of four, easier to read aloud and compare."""
    clean = "".join(fp.split())
    if ":" in clean or "-" in clean:
        return clean
    return " ".join(clean[i:i + 4] for i in range(0, len(clean), 4))


def fit_to_screen(dialog: QDialog, wanted: QSize) -> None:
    """``dialog`` at ``wanted`` size, but no larger than its screen's free area."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() - QSize(16, 48)  # title bar and frame
    dialog.resize(wanted.boundedTo(room))


class SettingsDialog(QDialog):
    language_chosen = Signal(str)

    def __init__(self, session: Session, ui_lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.session = session
        svc = session.service
        pol = svc.policy()

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        add_language_items(self.language, ((lang.code, lang.name) for lang in UI_LANGUAGES))
        self.language.setCurrentIndex(max(0, self.language.findData(ui_lang)))
        self.auto_lock = WheelSafeSpin()
        self.auto_lock.setAccessibleName(self.tr("Lock after minutes without use"))
        self.auto_lock.setRange(1, max(1, pol.auto_lock_minutes))
        self.auto_lock.setValue(adapter.auto_lock_minutes(svc))
        self.auto_lock.setSuffix(self.tr(" min"))
        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("Loc&k after (minutes without use):"), self.auto_lock)
        form.addRow("", QLabel(self.tr("HQ's policy allows at most {n} minutes.")
                               .format(n=QLocale().toString(pol.auto_lock_minutes))))

        self.old = QLineEdit()
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.old.setAccessibleName(self.tr("Current passphrase"))
        self.new = PassphraseFields()
        self.change_button = QPushButton(self.tr("&Change passphrase"))
        self.change_result = wrapped_label(name="passphraseResult")
        pw = QGroupBox(self.tr("Passphrase"))
        pl = QFormLayout(pw)
        pl.addRow(self.tr("C&urrent passphrase:"), self.old)
        pl.addRow(self.new)
        pl.addRow(self.change_button)
        pl.addRow(self.change_result)

        fp = adapter.device_fingerprint(svc)
        self.fingerprint = QLabel(group_fingerprint(fp) if fp else
                                  self.tr("Not enrolled with HQ yet."))
        self.fingerprint.setObjectName("deviceFingerprint")
        if fp:
            self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            self.fingerprint.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                                 | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fingerprint.setAccessibleName(self.tr("Device fingerprint"))
        dev = QGroupBox(self.tr("This laptop"))
        dl = QVBoxLayout(dev)
        dl.addWidget(QLabel(self.tr("Device fingerprint (HQ may ask you to read it out):")))
        dl.addWidget(self.fingerprint)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        first = QWidget()
        fl = QVBoxLayout(first)
        fl.addWidget(general)
        fl.addWidget(pw)
        fl.addWidget(dev)
        fl.addStretch(1)
        self.protection = ProtectionPage(session)
        self.sending = SendingPage(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(first, self.tr("&General"))
        self.tabs.addTab(self.protection, self.tr("&Protection"))
        self.tabs.addTab(self.sending, self.tr("Send&ing"))
        # Urdu's Nastaliq lines make the tabs taller than a 1366x768 screen: they scroll,
        # and the dialog is never larger than the screen (fit_to_screen).
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a ring here rings every child
        self.scroller.setWidget(self.tabs)
        lay = QVBoxLayout(self)
        lay.addWidget(self.scroller)
        lay.addWidget(buttons)
        self.change_button.clicked.connect(self.change_passphrase)
        self.new.changed.connect(self._update_change_button)
        self.old.textChanged.connect(self._update_change_button)
        self._update_change_button()

    def showEvent(self, event: QShowEvent) -> None:
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        fit_to_screen(self, self.tabs.sizeHint() + QSize(40 + bar, 80))
        super().showEvent(event)

    def _update_change_button(self) -> None:
        self.change_button.setEnabled(bool(self.old.text()) and self.new.is_acceptable())

    def change_passphrase(self) -> None:
        old, new = self.old.text(), self.new.passphrase()
        svc = self.session.service
        self.change_button.setEnabled(False)
        self.change_result.setText(self.tr("Changing the passphrase…"))
        self.session.runner.start(lambda: svc.change_passphrase(old, new), self._changed,
                                  self._change_failed)

    def _changed(self, _r: object) -> None:
        self.old.clear()
        self.new.clear()
        self.change_result.setText(self.tr("Passphrase changed. Use the new one from now on."))

    def _change_failed(self, exc: BaseException) -> None:
        self._update_change_button()
        if type(exc).__name__ == "WrongPassphrase":
            self.change_result.setText(self.tr("The current passphrase is wrong."))
        else:
            self.change_result.setText(error_text(exc))

    def accept(self) -> None:
        svc = self.session.service
        try:
            adapter.set_auto_lock_minutes(svc, self.auto_lock.value())
        except Exception as exc:
            self.change_result.setText(error_text(exc))
            return
        for page in (self.protection, self.sending):
            problem = page.apply()
            if problem is not None:
                self.tabs.setCurrentWidget(page)
                return
        self.session.start_idle_timer()
        code = self.language.currentData()
        super().accept()
        if code:
            self.language_chosen.emit(str(code))

    def done(self, r: int) -> None:
        self.old.clear()
        self.new.clear()
        self.protection.clear()
        super().done(r)
