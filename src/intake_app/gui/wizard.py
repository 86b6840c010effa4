"""First run: language, passphrase, enrollment with HQ (or a demo to try everything)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from intake_app.gui.dialogs import error_text
from intake_app.gui.editor.attachment_fields import choose_file
from intake_app.gui.i18n import (
    UI_LANGUAGES,
    add_language_items,
    forget_file_dialog_history,
    ltr,
)
from intake_app.gui.passphrase import PassphraseFields
from intake_app.gui.session import Session
from intake_app.gui.settings import group_fingerprint
from intake_app.gui.widgets import wrapped_label
from intake_app.services.demo import create_demo
from intake_app.services.field import FieldService

PAGE_WELCOME, PAGE_PASSPHRASE, PAGE_ENROLL, PAGE_FINISH = range(4)


@dataclass
class SetupOutcome:
    demo: bool
    field_dir: Path
    hq_dir: Path | None = None
    org_name: str | None = None
    device_fingerprint: str | None = None
    card: bytes | None = None
    service: FieldService | None = None  # the demo's field profile, unlocked


def demo_base(data_dir: Path) -> Path:
    """The demo lives beside the real profile, never inside it."""
    return data_dir.with_name(data_dir.name + "-demo")


class WelcomePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(self.tr("This app keeps interview records encrypted on this laptop "
                                 "and seals them so that only HQ can read them."))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        add_language_items(self.language, ((lang.code, lang.name) for lang in UI_LANGUAGES))
        self.language.setCurrentIndex(max(0, self.language.findData(wizard.ui_lang)))
        self.real = QRadioButton(self.tr("&Set up this laptop for field work"))
        self.demo = QRadioButton(self.tr("&Try a demo first (sample records, kept apart from "
                                         "real data)"))
        self.real.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.real)
        group.addButton(self.demo)
        lay = QVBoxLayout(self)
        label = QLabel(self.tr("&Language:"))
        label.setBuddy(self.language)
        lay.addWidget(label)
        lay.addWidget(self.language)
        lay.addSpacing(16)
        lay.addWidget(self.real)
        lay.addWidget(self.demo)
        lay.addStretch(1)
        self.language.activated.connect(self._language)
        self.demo.setEnabled(wizard.demo_available)

    def _language(self) -> None:
        code = self.language.currentData()
        if code and code != self.wiz.ui_lang:
            self.wiz.language_chosen.emit(str(code))

    def nextId(self) -> int:
        return PAGE_PASSPHRASE


class PassphrasePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(self.tr("It protects every record on this laptop. Several unrelated "
                                 "words are easy to remember and hard to guess. There is no "
                                 "way to recover it if it is forgotten."))
        self.fields = PassphraseFields()
        lay = QVBoxLayout(self)
        lay.addWidget(self.fields)
        lay.addStretch(1)
        self.fields.changed.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return self.fields.is_acceptable()

    def nextId(self) -> int:
        return PAGE_FINISH if self.wiz.is_demo else PAGE_ENROLL


class EnrollPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.provisioning: bytes | None = None
        self.setTitle(self.tr("Enroll with HQ"))
        self.setSubTitle(self.tr("Open the provisioning file HQ gave you, then compare the "
                                 "fingerprint with the one HQ told you in person or by phone."))
        self.open_button = QPushButton(self.tr("&Open provisioning file…"))
        self.file_label = wrapped_label()
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("hqFingerprint")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.fingerprint.setFont(font)
        self.fingerprint.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.fingerprint.setAccessibleName(self.tr("HQ fingerprint"))
        self.fingerprint.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.matches = QCheckBox(self.tr("The fingerprint &matches the one HQ gave me"))
        self.matches.setEnabled(False)
        self.later = QCheckBox(self.tr("Enroll &later (records can be written, but not sent)"))
        lay = QVBoxLayout(self)
        lay.addWidget(self.open_button)
        lay.addWidget(self.file_label)
        lay.addWidget(self.fingerprint)
        lay.addWidget(self.matches)
        lay.addSpacing(12)
        lay.addWidget(self.later)
        lay.addStretch(1)
        self.open_button.clicked.connect(self.choose)
        self.matches.toggled.connect(self.completeChanged)
        self.later.toggled.connect(self.completeChanged)

    def choose(self) -> None:
        path = choose_file(self, self.tr("Provisioning file"),
                           self.tr("Provisioning files (*.sig *.prov);;All files (*)"))
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        self.matches.setChecked(False)
        try:
            data = path.read_bytes()
            fp = FieldService.provisioning_fingerprint(data)
        except Exception as exc:
            self.provisioning = None
            self.matches.setEnabled(False)
            self.file_label.setText(self.tr("This file cannot be used: {reason}").format(
                reason=error_text(exc)))
            self.fingerprint.clear()
            self.completeChanged.emit()
            return
        self.provisioning = data
        self.file_label.setText(self.tr("HQ fingerprint in {name}:").format(name=ltr(path.name)))
        self.fingerprint.setText(group_fingerprint(fp))
        self.matches.setEnabled(True)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.later.isChecked() or (self.provisioning is not None
                                           and self.matches.isChecked())

    def nextId(self) -> int:
        return PAGE_FINISH


class FinishPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.done = False
        self.setTitle(self.tr("Setting up"))
        self.status = wrapped_label(name="setupStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.card_button = QPushButton(self.tr("Save the &device card for HQ…"))
        self.card_button.setVisible(False)
        lay = QVBoxLayout(self)
        lay.addWidget(self.status)
        lay.addWidget(self.card_button)
        lay.addStretch(1)
        self.card_button.clicked.connect(self.save_card)

    def initializePage(self) -> None:
        self.done = False
        self.status.setText(self.tr("Creating the encrypted store… this takes a few seconds."))
        self.wiz.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.wiz.start_setup()

    def show_outcome(self, out: SetupOutcome) -> None:
        self.done = True
        self.setTitle(self.tr("Ready"))
        if out.demo:
            self.status.setText(self.tr(
                "The demo is ready, with sample records. Its practice HQ profile is in {hq} "
                "and opens with the same passphrase: after exporting, open it in the HQ window "
                "and use its “Import from a folder…” button. Nothing here touches real data.")
                .format(hq=ltr(str(out.hq_dir))))
        elif out.org_name:
            self.status.setText(self.tr(
                "This laptop is enrolled with {org}. Its device fingerprint is {fp}. Save the "
                "device card and give it to HQ so they can accept this laptop's bundles.")
                .format(org=out.org_name, fp=ltr(group_fingerprint(out.device_fingerprint or ""))))
            self.card_button.setVisible(out.card is not None)
        else:
            self.status.setText(self.tr("The encrypted store is ready. Enroll with HQ later "
                                        "from the provisioning file to send records."))
        self.completeChanged.emit()

    def show_failure(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Setup failed: {reason}").format(reason=error_text(exc)))
        self.wiz.button(QWizard.WizardButton.BackButton).setEnabled(True)

    def save_card(self) -> None:
        out = self.wiz.outcome
        if out is None or out.card is None:
            return
        dlg = QFileDialog(self, self.tr("Save device card"))
        dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.selectFile("device-card.sig")
        try:
            files = dlg.selectedFiles() if dlg.exec() == QFileDialog.DialogCode.Accepted else []
        finally:
            dlg.deleteLater()
            forget_file_dialog_history()
        if files:
            self.write_card(Path(files[0]))

    def write_card(self, path: Path) -> None:
        out = self.wiz.outcome
        assert out is not None and out.card is not None
        try:
            path.write_bytes(out.card)
        except OSError as exc:
            self.status.setText(error_text(exc))
            return
        self.card_button.setText(self.tr("Device card saved to {name}").format(name=ltr(path.name)))

    def isComplete(self) -> bool:
        return self.done


class FirstRunWizard(QWizard):
    language_chosen = Signal(str)
    ready = Signal(object)  # SetupOutcome

    def __init__(self, session: Session, ui_lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("Set up Intake"))
        self.session = session
        self.ui_lang = ui_lang
        self.outcome: SetupOutcome | None = None
        self.demo_available = _demo_factory() is not None
        self.welcome = WelcomePage(self)
        self.passphrase_page = PassphrasePage(self)
        self.enroll_page = EnrollPage(self)
        self.finish_page = FinishPage(self)
        self.setPage(PAGE_WELCOME, self.welcome)
        self.setPage(PAGE_PASSPHRASE, self.passphrase_page)
        self.setPage(PAGE_ENROLL, self.enroll_page)
        self.setPage(PAGE_FINISH, self.finish_page)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        # Own texts: Qt's "< Back" / "Next >" arrows point the wrong way right to left.
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("&Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Start"))

    @property
    def is_demo(self) -> bool:
        return self.welcome.demo.isChecked()

    def start_setup(self) -> None:
        svc = self.session.service
        passphrase = self.passphrase_page.fields.passphrase()
        demo = self.is_demo
        prov = None if demo or self.enroll_page.later.isChecked() else \
            self.enroll_page.provisioning
        expect = self.enroll_page.fingerprint.text().replace(" ", "") or None
        make_demo = _demo_factory()

        def work() -> SetupOutcome:
            if demo:
                assert make_demo is not None
                field_dir, hq_dir = make_demo(demo_base(svc.data_dir), passphrase)
                demo_svc = FieldService(Path(field_dir))
                demo_svc.unlock(passphrase)
                return SetupOutcome(True, Path(field_dir), Path(hq_dir), service=demo_svc)
            svc.create(passphrase)
            if prov is None:
                return SetupOutcome(False, svc.data_dir)
            info, card = svc.enroll(prov, expect)
            return SetupOutcome(False, svc.data_dir, org_name=info.org_name,
                                device_fingerprint=info.device_fingerprint, card=card)

        self.session.runner.start(work, self._done, self.finish_page.show_failure)

    def _done(self, outcome: object) -> None:
        assert isinstance(outcome, SetupOutcome)
        self.outcome = outcome
        self.passphrase_page.fields.clear()
        self.ready.emit(outcome)
        self.finish_page.show_outcome(outcome)


def _demo_factory() -> Any:
    return create_demo

