"""The HQ window: unlock, then the import desk, devices, records and receipts tabs,
with Export and Lock in the toolbar. Locking (Ctrl+L, idle timer, closing)
clears and throws away every HQ view and closes open dialogs."""

from __future__ import annotations

import gc
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QTabWidget, QWidget

from intake_app.gui.hq.case_desk import CaseDesk
from intake_app.gui.hq.common import HQSession
from intake_app.gui.hq.dashboard_view import DashboardView
from intake_app.gui.hq.devices_view import DevicesView
from intake_app.gui.hq.duplicates_view import DuplicatesView
from intake_app.gui.hq.export_dialog import ExportDialog
from intake_app.gui.hq.import_desk import ImportDesk
from intake_app.gui.hq.receipts_view import ReceiptsView
from intake_app.gui.hq.records_browser import RecordsBrowser
from intake_app.gui.hq.setup_wizard import HQSetupWizard
from intake_app.gui.i18n import UI_LANGUAGES, LanguageManager, save_language
from intake_app.gui.unlock import UnlockPage
from intake_app.gui.window_base import LockingWindow

# The tabs a team member's role can use (HQService.team_role); None: every tab. The
# others would only show the database's refusal (store.pg.roles), so they are left out.
ROLE_TABS: dict[str, tuple[str, ...]] = {
    "supervisor": ("devices", "records", "receipts", "cases", "duplicates", "dashboard"),
    "caseworker": ("records", "cases", "dashboard"),
    "auditor": ("devices", "receipts"),
}
EXPORTING_ROLES = (None, "supervisor")


class HQWorkspace(QTabWidget):
    def __init__(self, session: HQSession, form_titles: dict[str, str], ui_lang: str,
                 parent: QWidget | None = None, role: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqWorkspace")
        self.import_desk = ImportDesk(session)
        self.devices = DevicesView(session)
        self.records = RecordsBrowser(session, form_titles, ui_lang)
        self.receipts = ReceiptsView(session)
        self.cases = CaseDesk(session, ui_lang)
        self.duplicates = DuplicatesView(session, self.cases.actor)
        self.dashboard = DashboardView(session)
        tabs = (("import_desk", self.tr("&Import desk")), ("devices", self.tr("&Devices")),
                ("records", self.tr("&Records")), ("receipts", self.tr("Re&ceipts")),
                ("cases", self.tr("C&ases")), ("duplicates", self.tr("D&uplicates")),
                ("dashboard", self.tr("Das&hboard")))
        allowed = ROLE_TABS.get(role or "", tuple(name for name, _t in tabs))
        self.shown = {name for name, _t in tabs if name in allowed}
        for name, title in tabs:
            if name in self.shown:
                self.addTab(getattr(self, name), title)
        self.cases.vocabulary.connect(self.dashboard.set_vocabulary)
        self.cases.vocabulary.connect(self.duplicates.set_vocabulary)
        self.cases.vocabulary.connect(lambda _v: self.dashboard.refresh())
        self.cases.open_record.connect(self.show_record)
        self.duplicates.changed.connect(self.cases.refresh)
        self.duplicates.changed.connect(self.dashboard.refresh)
        self.cases.case.changed.connect(lambda _cid: self.dashboard.refresh())
        self.import_desk.imported.connect(self.refresh)
        self.devices.changed.connect(self.receipts.refresh)

    def refresh(self) -> None:
        for name in ("devices", "records", "receipts", "cases", "duplicates"):
            if name in self.shown:  # cases first: the dashboard follows its vocabulary
                getattr(self, name).refresh()
        if self.cases.vocab is not None and "dashboard" in self.shown:
            self.dashboard.refresh()

    def show_record(self, record_id: str) -> None:
        self.setCurrentWidget(self.records)
        self.records.open_record(record_id)

    def clear(self) -> None:
        for view in (self.import_desk, self.devices, self.records, self.receipts, self.cases,
                     self.duplicates, self.dashboard):
            view.clear()


class HQWindow(LockingWindow):
    session: HQSession

    def __init__(self, session: HQSession, languages: LanguageManager,
                 parent: QWidget | None = None) -> None:
        super().__init__("hqWindow", session, languages, parent)
        self.workspace: HQWorkspace | None = None
        self.export_dialog: ExportDialog | None = None
        self.setup_wizard: HQSetupWizard | None = None
        self.form_titles: dict[str, str] = {}
        self.setCentralWidget(self.stack)
        self.unlock_page = self._new_unlock_page()
        self._install_toolbar("hqToolbar")
        self._restore_geometry()
        self._set_unlocked_ui(False)

    def _new_unlock_page(self) -> UnlockPage:
        page = UnlockPage(self.session)
        page.title.setText(self.tr("Intake HQ is locked"))
        page.explain.setText(self.tr("Type the HQ passphrase to open the import desk, "
                                     "devices and records."))
        page.unlocked.connect(self._on_unlocked)
        self.stack.insertWidget(0, page)
        return page

    def _make_actions(self) -> None:
        self.toolbar.clear()
        self.export_action = QAction(self.tr("&Export records…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.open_export)
        self.lock_action = self._lock_action(self.tr("&Lock"), self.tr("Lock now (Ctrl+L)"))
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(self.tr("Language"))
        for lang in UI_LANGUAGES:
            self.language_box.addItem(lang.name, lang.code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(
            self.languages.code)))
        self.language_box.activated.connect(
            lambda _i: self.set_language(str(self.language_box.currentData())))
        self.toolbar.addAction(self.export_action)
        self.addAction(self.export_action)
        self._add_toolbar_spacer()
        self.toolbar.addWidget(self.language_box)
        self.toolbar.addAction(self.lock_action)
        self.addAction(self.lock_action)

    def _set_unlocked_ui(self, unlocked: bool) -> None:
        self.export_action.setEnabled(unlocked)
        self.lock_action.setEnabled(unlocked)
        self.setWindowTitle(self.tr("Intake HQ") if unlocked else
                            self.tr("Intake HQ — locked"))

    # -------------------------------------------------------------- flow
    def start(self) -> None:
        if self.session.service.exists():
            self.show_unlock()
        else:
            self.show_setup()

    def show_setup(self) -> HQSetupWizard:
        """A fresh profile: the first-run wizard (profile, keys, provisioning, shares)."""
        wiz = HQSetupWizard(self.session)
        wiz.setWindowFlags(Qt.WindowType.Widget)
        wiz.accepted.connect(self._setup_finished)
        self.setup_wizard = wiz
        self.stack.addWidget(wiz)
        self.stack.setCurrentWidget(wiz)
        return wiz

    def _setup_finished(self) -> None:
        wiz, self.setup_wizard = self.setup_wizard, None
        if wiz is not None:
            self.stack.removeWidget(wiz)
            wiz.deleteLater()
        if self.session.hq.is_unlocked:
            self._on_unlocked()
        else:
            self.show_unlock()

    def _on_unlocked(self) -> None:
        self.session.after_unlock()
        self._load_workspace()

    def _load_workspace(self) -> None:
        svc = self.session.hq
        lang = self.languages.code

        def titles() -> dict[str, str]:
            return {f.id: f.title_text(lang) for f in svc.registry().list()}

        self.session.runner.start(titles, self._build_workspace)

    def _build_workspace(self, titles: Any) -> None:
        self.form_titles = dict(titles)
        self._drop_workspace()
        role = self.session.hq.team_role()
        ws = HQWorkspace(self.session, self.form_titles, self.languages.code, role=role)
        self.workspace = ws
        self.stack.addWidget(ws)
        self.stack.setCurrentWidget(ws)
        ws.refresh()
        self._set_unlocked_ui(True)
        self.export_action.setEnabled(role in EXPORTING_ROLES)

    def _drop_workspace(self) -> None:
        if self.workspace is not None:
            self._remove_view(self.workspace, self.workspace.clear)
            self.workspace = None

    # -------------------------------------------------------------- screens
    def open_export(self) -> ExportDialog | None:
        if not self.session.is_unlocked:
            return None
        dlg = ExportDialog(self.session, self.form_titles, self.languages.code, self)
        dlg.finished.connect(self._export_closed)
        self.export_dialog = dlg
        dlg.open()
        return dlg

    def _export_closed(self, _result: int) -> None:
        if self.export_dialog is not None:
            self.export_dialog.deleteLater()
            self.export_dialog = None

    # -------------------------------------------------------------- lock
    def _on_locked(self) -> None:
        dlg, self.export_dialog = self.export_dialog, None
        self._close_dialogs_and_windows(dlg)
        self._drop_workspace()
        gc.collect()
        self._set_unlocked_ui(False)
        self.show_unlock()

    # -------------------------------------------------------------- language
    def set_language(self, code: str) -> None:
        if code == self.languages.code:
            return
        self.languages.apply(code)
        save_language(code, "hq")
        self._make_actions()
        self.add_alt_shortcuts()
        self._renew_unlock_page()
        wiz = self.setup_wizard
        if wiz is not None and not wiz.keys_page.done:  # nothing created yet: start over
            self.setup_wizard = None
            self.stack.removeWidget(wiz)
            wiz.deleteLater()
            self.show_setup()
        elif wiz is not None:
            pass  # the profile exists and its fingerprint is on screen: keep it there
        elif self.workspace is not None and self.session.is_unlocked:
            self._load_workspace()  # rebuilt in the new language; state lives in the service
        else:
            self.show_unlock()
        self._set_unlocked_ui(self.session.is_unlocked and self.workspace is not None)
