"""HQ's first run: create the HQ profile (passphrase, organisation name), its keys,
show the fingerprint, write the provisioning file for laptops, and optionally make
key-backup shares. The same steps as ``intake hq init`` / ``provision`` /
``backup-keys``, in the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from intake_app.gui.dialogs import error_text
from intake_app.gui.hq.common import HQSession
from intake_app.gui.hq.connect_dialog import DatabaseDialog
from intake_app.gui.i18n import ltr
from intake_app.gui.passphrase import PassphraseFields
from intake_app.gui.settings import group_fingerprint
from intake_app.gui.widgets import wrapped_label
from intake_app.services import team_db
from intake_app.services.files import atomic_write

PROVISIONING_NAME = "provisioning.json"


class ProfilePage(QWizardPage):
    def __init__(self, wizard: HQSetupWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Create the HQ profile"))
        self.setSubTitle(self.tr(
            "This computer will hold HQ's keys and every record the laptops send. The "
            "passphrase protects them; there is no way to recover it if it is forgotten."))
        self.org = QLineEdit()
        self.org.setAccessibleName(self.tr("Organisation name"))
        self.org.setPlaceholderText(self.tr("As field staff know it"))
        self.fields = PassphraseFields()
        # Where the records go: this computer (default) or a team database server.
        self.database_url: str | None = None
        self.database_password: str | None = None
        self.store_label = wrapped_label(name="hqStoreWhere")
        self.team_button = QPushButton(self.tr("Use a &team database…"))
        self.local_button = QPushButton(self.tr("Keep them on this &computer"))
        where = QHBoxLayout()
        where.addWidget(self.team_button)
        where.addWidget(self.local_button)
        where.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Organisation name:"), self.org)
        form.addRow(self.tr("Records and cases:"), self.store_label)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(where)
        lay.addWidget(self.fields)
        lay.addStretch(1)
        self.team_button.clicked.connect(self.choose_database)
        self.local_button.clicked.connect(lambda: self.set_database(None, None))
        self.set_database(None, None)
        self.org.textChanged.connect(self.completeChanged)
        self.fields.changed.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.org.text().strip()) and self.fields.is_acceptable()

    def choose_database(self) -> DatabaseDialog:
        dlg = DatabaseDialog(self.wiz.session.runner, self)
        dlg.accepted.connect(lambda: self.set_database(dlg.chosen_url, dlg.chosen_password))
        dlg.open()
        self.database_dialog = dlg
        return dlg

    def set_database(self, url: str | None, password: str | None) -> None:
        self.database_url, self.database_password = url, password
        self.local_button.setVisible(url is not None)
        self.store_label.setText(
            self.tr("On this computer, in the encrypted profile.") if url is None else
            self.tr("In the team database {url}").format(url=ltr(url)))


class KeysPage(QWizardPage):
    """Creates the profile on entry; then the fingerprint, provisioning file and shares."""

    def __init__(self, wizard: HQSetupWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.done = False
        self.setTitle(self.tr("HQ keys"))
        self.status = wrapped_label(name="hqSetupStatus")
        self.fingerprint = wrapped_label(name="hqFingerprint")
        self.provision_button = QPushButton(self.tr("&Write provisioning file…"))
        self.provision_result = wrapped_label()
        self.shares = QSpinBox()
        self.shares.setRange(2, 16)
        self.shares.setValue(5)
        self.shares.setAccessibleName(self.tr("Number of shares"))
        self.threshold = QSpinBox()
        self.threshold.setRange(2, 16)
        self.threshold.setValue(3)
        self.threshold.setAccessibleName(self.tr("Shares needed to restore"))
        self.backup_button = QPushButton(self.tr("Make &backup shares"))
        self.share_text = QPlainTextEdit()
        self.share_text.setObjectName("hqShares")
        self.share_text.setReadOnly(True)
        self.share_text.setVisible(False)
        self.share_text.setAccessibleName(self.tr("Backup shares"))
        backup = QHBoxLayout()
        backup.addWidget(QLabel(self.tr("Shares:")))
        backup.addWidget(self.shares)
        backup.addWidget(QLabel(self.tr("needed to restore:")))
        backup.addWidget(self.threshold)
        backup.addWidget(self.backup_button)
        backup.addStretch(1)
        self.backup_hint = wrapped_label(self.tr(
                   "Optional: backup shares restore HQ's keys if this computer is lost. Write each "
                   "share on paper and give them to different trusted people; they are shown once "
                   "and never saved."))
        lay = QVBoxLayout(self)
        lay.addWidget(self.status)
        lay.addWidget(self.fingerprint)
        lay.addWidget(self.provision_button)
        lay.addWidget(self.provision_result)
        lay.addWidget(self.backup_hint)
        lay.addLayout(backup)
        lay.addWidget(self.share_text, 1)
        self._show_tools(False)
        self.provision_button.clicked.connect(self.choose_folder)
        self.backup_button.clicked.connect(self.make_shares)

    def _show_tools(self, on: bool) -> None:
        for w in (self.provision_button, self.backup_hint, self.shares, self.threshold,
                  self.backup_button):
            w.setEnabled(on)

    def initializePage(self) -> None:
        if self.done:
            return
        self.status.setText(self.tr("Creating the HQ profile and its keys… this takes a few "
                                    "seconds."))
        self.wiz.button(QWizard.WizardButton.BackButton).setEnabled(False)
        page = self.wiz.profile_page
        passphrase, org = page.fields.passphrase(), page.org.text().strip()
        svc = self.wiz.session.hq

        url, db_password = page.database_url, page.database_password

        def work() -> str:
            team_db.use(svc, url, db_password)
            svc.init_hq(passphrase, org)
            return str(svc.fingerprint())

        self.wiz.session.runner.start(work, self._created, self._failed)

    def _created(self, fp: object) -> None:
        self.done = True
        self.wiz.profile_page.fields.clear()
        self.wiz.profile_page.database_password = None  # the service's, for this session
        self.status.setText(self.tr(
            "The HQ profile is ready. Read this fingerprint to each field laptop's user when "
            "they enroll: it proves the provisioning file came from this HQ."))
        self.fingerprint.setText(ltr(group_fingerprint(str(fp))))
        self._show_tools(True)
        self.completeChanged.emit()
        self.wiz.created.emit()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Setup failed: {reason}").format(reason=error_text(exc)))
        self.wiz.button(QWizard.WizardButton.BackButton).setEnabled(True)

    def isComplete(self) -> bool:
        return self.done

    # -------------------------------------------------------------- tools
    def choose_folder(self) -> None:
        dlg = QFileDialog(self, self.tr("Folder for the provisioning file"))
        dlg.setFileMode(QFileDialog.FileMode.Directory)
        dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dlg.fileSelected.connect(lambda p: self.write_provisioning(Path(p) / PROVISIONING_NAME))
        dlg.open()

    def write_provisioning(self, path: Path) -> None:
        svc = self.wiz.session.hq

        def work() -> Path:
            atomic_write(path, svc.provisioning(), mode=0o644)
            return path

        self.wiz.session.runner.start(
            work,
            lambda p: self.provision_result.setText(self.tr(
                "Wrote {path}. Give it to each field laptop (with the fingerprint above)."
            ).format(path=ltr(str(p)))),
            lambda exc: self.provision_result.setText(error_text(exc)))

    def make_shares(self) -> None:
        n, k = self.shares.value(), self.threshold.value()
        if k > n:
            self.share_text.setVisible(True)
            self.share_text.setPlainText(self.tr("The shares needed cannot be more than the "
                                                 "shares made."))
            return
        svc = self.wiz.session.hq
        self.backup_button.setEnabled(False)

        def shown(shares: object) -> None:
            assert isinstance(shares, list)
            self.backup_button.setEnabled(True)
            self.share_text.setVisible(True)
            self.share_text.setPlainText("\n\n".join(
                self.tr("Share {i} of {n}:").format(i=i + 1, n=n) + "\n" + s
                for i, s in enumerate(shares)))

        def failed(exc: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self.share_text.setVisible(True)
            self.share_text.setPlainText(error_text(exc))

        self.wiz.session.runner.start(lambda: svc.backup_keys(n, k), shown, failed)

    def forget(self) -> None:
        self.share_text.clear()


class HQSetupWizard(QWizard):
    """Finishing leaves the new profile unlocked; the window opens the HQ desk."""

    created = Signal()

    def __init__(self, session: HQSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqSetupWizard")
        self.session = session
        self.setWindowTitle(self.tr("Set up Intake HQ"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        # Qt's own "< Back" / "Finish" are English in Urdu (no Qt translation) and point
        # the wrong way right to left.
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("&Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.profile_page = ProfilePage(self)
        self.keys_page = KeysPage(self)
        self.addPage(self.profile_page)
        self.addPage(self.keys_page)
        self.button(QWizard.WizardButton.FinishButton).clicked.connect(self.keys_page.forget)
