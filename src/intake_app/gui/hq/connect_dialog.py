"""The team database dialog: where a new HQ keeps its store when several analysts share
it (PostgreSQL). A server (host name, address or socket folder), database and login,
with the password typed here (kept in memory for this session, never saved), or a libpq
service name (its file, and ~/.pgpass, give the rest). "Test connection" connects once
and changes nothing. Reached from the first-run wizard (gui/hq/setup_wizard.py)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from intake_app.errors import IntakeError
from intake_app.gui.dialogs import error_text
from intake_app.gui.i18n import ltr
from intake_app.gui.widgets import wrapped_label
from intake_app.gui.workers import TaskRunner
from intake_app.services import team_db


class DatabaseDialog(QDialog):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqDatabaseDialog")
        self.runner = runner
        self.setWindowTitle(self.tr("Team database"))
        self.setMinimumWidth(520)
        intro = wrapped_label(self.tr(
                   "HQ's records, cases and event log go to this PostgreSQL database instead of "
                   "this computer. The database must be empty. The passphrase you choose next "
                   "still protects HQ's keys on this computer."))
        self.by_server = QRadioButton(self.tr("&Server"))
        self.by_service = QRadioButton(self.tr("Service &name (pg_service.conf)"))
        self.by_server.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_server)
        group.addButton(self.by_service)
        self.host = QLineEdit()
        self.host.setObjectName("dbHost")
        self.host.setPlaceholderText(self.tr("db.example.org, 10.0.0.5 or /run/postgresql"))
        self.host.setAccessibleName(self.tr("Server or socket folder"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.port.setLocale(QLocale.c())  # a port number as the server's files write it
        self.port.setAccessibleName(self.tr("Port"))
        self.dbname = QLineEdit()
        self.dbname.setObjectName("dbName")
        self.dbname.setAccessibleName(self.tr("Database"))
        self.user = QLineEdit()
        self.user.setObjectName("dbUser")
        self.user.setAccessibleName(self.tr("Login"))
        self.service = QLineEdit()
        self.service.setObjectName("dbService")
        self.service.setAccessibleName(self.tr("Service name"))
        self.password = QLineEdit()
        self.password.setObjectName("dbPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Database password"))
        self.password.setPlaceholderText(self.tr("Empty: from ~/.pgpass or the service file"))
        for w in (self.host, self.dbname, self.user, self.service, self.password):
            w.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # names, paths: LTR
        form = QFormLayout()
        form.addRow(self.by_server)
        form.addRow(self.tr("Server or socket folder:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.dbname)
        form.addRow(self.tr("Login:"), self.user)
        form.addRow(self.by_service)
        form.addRow(self.tr("Service name:"), self.service)
        form.addRow(self.tr("Password:"), self.password)
        hint = wrapped_label(self.tr("The password is used for this session only and never saved. "
                                     "To open HQ later without typing it, put it in ~/.pgpass or "
                                     "a libpq service file."))
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.status = wrapped_label(name="dbStatus")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(hint)
        lay.addWidget(self.test_button)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        self.by_server.toggled.connect(self._mode)
        self.test_button.clicked.connect(self.test)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _r: self.password.clear())
        self._checked_url: str | None = None
        self.chosen_url: str | None = None
        self.chosen_password: str | None = None
        self._mode()

    def _mode(self) -> None:
        server = self.by_server.isChecked()
        for w in (self.host, self.port, self.dbname, self.user):
            w.setEnabled(server)
        self.service.setEnabled(not server)

    def target(self) -> team_db.DatabaseTarget:
        if self.by_service.isChecked():
            return team_db.DatabaseTarget(service=self.service.text())
        return team_db.DatabaseTarget(host=self.host.text(), port=self.port.value(),
                                      dbname=self.dbname.text(), user=self.user.text())

    def url(self) -> str | None:
        try:
            return team_db.connection_url(self.target())
        except IntakeError as exc:
            self.status.setText(error_text(exc))
            return None

    def test(self, then_accept: bool = False) -> None:
        url = self.url()
        if url is None:
            return
        password = self.password.text()
        self.test_button.setEnabled(False)
        self.buttons.setEnabled(False)
        self.status.setText(self.tr("Connecting…"))

        def done(result: object) -> None:
            assert isinstance(result, team_db.DatabaseCheck)
            self.test_button.setEnabled(True)
            self.buttons.setEnabled(True)
            if result.holds_hq:
                self.status.setText(self.tr(
                    "Connected, but database {db} already holds an HQ store: give an empty "
                    "one.").format(db=ltr(result.database)))
                return
            self._checked_url = url
            self.status.setText(self.tr(
                "Connected to PostgreSQL {version}, database {db} as {user}. It is empty: "
                "ready for a new HQ.").format(version=ltr(result.server_version),
                                               db=ltr(result.database),
                                               user=ltr(result.user)))
            if then_accept:
                self._choose(url, password)

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self.buttons.setEnabled(True)
            self.status.setText(error_text(exc))

        self.runner.start(lambda: team_db.check(url, password), done, failed)

    def _accept(self) -> None:
        """OK tests the connection first (unless just tested) so a typo is found here."""
        url = self.url()
        if url is not None and url == self._checked_url:
            self._choose(url, self.password.text())
        elif url is not None:
            self.test(then_accept=True)

    def _choose(self, url: str, password: str) -> None:
        self.chosen_url, self.chosen_password = url, password or None
        self.accept()


class DatabasePasswordDialog(QDialog):
    """Asked at unlock when the team database wants this login's password and neither
    ~/.pgpass, PGPASSFILE nor a service file gave it (or it was refused): the password
    goes to the service's memory for this session (services.team_db.typed_password),
    never to a file or the settings; the field is emptied when the dialog closes."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqDatabasePasswordDialog")
        self.setWindowTitle(self.tr("Team database password"))
        self.setMinimumWidth(440)
        explain = wrapped_label(self.tr(
                   "The team database asks for your database password. It is kept in memory "
                   "until Intake locks, and never saved."))
        self.reason = wrapped_label(reason)
        self.reason.setStyleSheet("color: #b00020;")
        self.password = QLineEdit()
        self.password.setObjectName("dbUnlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Database password"))
        self.password.setPlaceholderText(self.tr("Database password"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(explain)
        lay.addWidget(self.reason)
        lay.addWidget(self.password)
        lay.addWidget(self.buttons)
        self.typed = ""

    def done(self, result: int) -> None:
        self.typed = self.password.text() if result == QDialog.DialogCode.Accepted.value else ""
        self.password.clear()
        super().done(result)
