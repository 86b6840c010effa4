"""Warnings shown after unlock, in a bar above the workspace (never a blocking dialog).

- wrong passphrases typed since the last unlock (``UnlockReport.failed_attempts``);
- the protection settings file had been removed or changed and was restored
  (``settings_restored``: someone may have tried to reset the attempt counter);
- drafts not saved for longer than the policy's age, with "Delete them…", which
  asks for confirmation before ``FieldService.purge_drafts``.

``decoy`` and ``erased_real`` are never shown: the person at the keyboard may
not be the one the laptop belongs to.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intake_app.gui import dialogs
from intake_app.gui.dialogs import error_text
from intake_app.gui.session import Session
from intake_app.gui.workspace import Workspace
from intake_app.models import RecordSummary
from intake_app.services.field import FieldService
from intake_app.services.protection import UnlockReport


class NoticeBar(QFrame):
    purged = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockNotices")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#unlockNotices { background: #fff4e5; border: 1px solid #e0a040; }")
        self.session = session
        self.stale_ids: list[str] = []
        self.attempts = QLabel()
        self.attempts.setObjectName("failedAttemptsNotice")
        self.restored = QLabel()
        self.restored.setObjectName("settingsRestoredNotice")
        self.stale = QLabel()
        self.stale.setObjectName("staleDraftsNotice")
        for label in (self.attempts, self.restored, self.stale):
            label.setWordWrap(True)
            label.setVisible(False)
        self.purge_button = QPushButton(self.tr("&Delete old drafts…"))
        self.purge_button.setVisible(False)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        texts = QVBoxLayout()
        for label in (self.attempts, self.restored, self.stale):
            texts.addWidget(label)
        lay = QHBoxLayout(self)
        lay.addLayout(texts, 1)
        lay.addWidget(self.purge_button)
        lay.addWidget(self.dismiss_button)
        self.setVisible(False)
        self.purge_button.clicked.connect(self.purge)
        self.dismiss_button.clicked.connect(self.hide)

    def _show_label(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(True)
        self.setVisible(True)

    def show_report(self, report: UnlockReport | None) -> None:
        if report is None:
            return
        if report.failed_attempts:
            self._show_label(self.attempts, self.tr(
                "%n wrong passphrase(s) were typed since this laptop was last unlocked. "
                "If that was not you, someone may have tried to open it.", "",
                report.failed_attempts))
        if report.settings_restored:
            self._show_label(self.restored, self.tr(
                "The protection settings file had been removed or changed and was put "
                "back. Someone may have tried to reset the wrong-passphrase counter."))

    def show_stale(self, rows: list[RecordSummary], days: int) -> None:
        self.stale_ids = [r.id for r in rows]
        if not rows:
            return
        self._show_label(self.stale, self.tr(
            "%n draft(s) have not been saved for more than {days} days. Old drafts put "
            "people at risk if the laptop is taken: finish them or delete them.", "",
            len(rows)).format(days=QLocale().toString(days)))
        self.purge_button.setVisible(True)

    def purge(self) -> None:
        ids = list(self.stale_ids)
        if not ids or not dialogs.confirm(
                self, self.tr("Delete old drafts"),
                self.tr("Delete %n old draft(s) for good? They cannot be recovered.", "",
                        len(ids))):
            return
        svc = self.session.service
        assert isinstance(svc, FieldService)
        self.purge_button.setEnabled(False)
        self.session.runner.start(lambda: svc.purge_drafts(ids), self._purged,
                                  self._purge_failed)

    def _purged(self, count: object) -> None:
        n = int(count) if isinstance(count, int) else 0
        self.stale_ids = []
        self.purge_button.setVisible(False)
        self.stale.setText(self.tr("%n old draft(s) deleted.", "", n))
        self.purged.emit(n)

    def _purge_failed(self, exc: BaseException) -> None:
        self.purge_button.setEnabled(True)
        self.stale.setText(error_text(exc))


def check_after_unlock(session: Session, workspace: Workspace) -> NoticeBar:
    """Put the notice bar at the top of ``workspace`` and fill it (stale drafts: on a worker)."""
    bar = NoticeBar(session, workspace)
    layout = workspace.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(0, bar)
    workspace.notices = bar
    svc = session.service
    bar.show_report(svc.unlock_report())
    bar.purged.connect(lambda _n: workspace.refresh())
    if isinstance(svc, FieldService):
        def find() -> tuple[list[RecordSummary], int]:
            return svc.stale_drafts(), svc.draft_max_age_days()

        def found(result: object) -> None:
            assert isinstance(result, tuple)
            bar.show_stale(*result)

        session.runner.start(find, found, lambda _exc: None)
    return bar
