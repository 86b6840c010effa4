"""The main window: first-run wizard, unlock screen, workspace, toolbar, locking, panic."""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPixmapCache
from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget

from intake_app.gui.export_view import ExportWizard
from intake_app.gui.i18n import LanguageManager, save_language
from intake_app.gui.panic_ui import BUTTON_STYLE, HOTKEY, PanicConfirm, PanicFilter, run_panic
from intake_app.gui.session import Session
from intake_app.gui.settings import SettingsDialog
from intake_app.gui.unlock import UnlockPage
from intake_app.gui.unlock_notices import check_after_unlock
from intake_app.gui.widgets import wrapped_label
from intake_app.gui.window_base import LockingWindow
from intake_app.gui.wizard import FirstRunWizard, SetupOutcome
from intake_app.gui.workspace import Workspace
from intake_app.services.protection import PanicReport

LOCK_BANNER_STYLE = ("background: #fff3cd; color: #5c4400; border-bottom: 2px solid #c99a00;"
                     " padding: 8px; font-weight: bold;")


class MainWindow(LockingWindow):
    def __init__(self, session: Session, languages: LanguageManager,
                 parent: QWidget | None = None) -> None:
        super().__init__("mainWindow", session, languages, parent)
        self.workspace: Workspace | None = None
        self.wizard: FirstRunWizard | None = None
        self.export_wizard: ExportWizard | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.panic_confirm: PanicConfirm | None = None
        self.panicked = False
        self.lock_banner = wrapped_label(name="lockBanner")
        self.lock_banner.setStyleSheet(LOCK_BANNER_STYLE)
        self.lock_banner.setVisible(False)
        central = QWidget()
        central_lay = QVBoxLayout(central)
        central_lay.setContentsMargins(0, 0, 0, 0)
        central_lay.setSpacing(0)
        central_lay.addWidget(self.lock_banner)
        central_lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.unlock_page = self._new_unlock_page()
        self._install_toolbar("mainToolbar")
        session.about_to_lock.connect(self.save_work)
        session.lock_warning.connect(self._lock_warning)
        session.lock_warning_cancelled.connect(self._lock_warning_cancelled)
        # Ctrl+Shift+Delete on every screen and in every dialog of this app.
        self.panic_filter = PanicFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.panic_filter)
        self._restore_geometry()
        self._set_unlocked_ui(False)

    # -------------------------------------------------------------- actions
    def _make_actions(self) -> None:
        self.toolbar.clear()
        self.new_action = QAction(self.tr("&New record"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_record)
        self.export_action = QAction(self.tr("&Export for HQ…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.open_export)
        self.receipt_action = QAction(self.tr("Import rece&ipt…"), self)
        self.receipt_action.triggered.connect(self.import_receipt)
        self.settings_action = QAction(self.tr("Se&ttings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.lock_action = self._lock_action(self.tr("&Lock"), self.tr("Lock now (Ctrl+L)"))
        self.panic_action = QAction(self.tr("Panic: erase"), self)
        self.panic_action.setObjectName("panicAction")
        self.panic_action.setToolTip(self.tr(
            "Erase everything on this laptop now and close the app ({keys})").format(
            keys=HOTKEY.toString(QKeySequence.SequenceFormat.NativeText)))
        self.panic_action.triggered.connect(self.request_panic)
        for a in (self.new_action, self.export_action, self.receipt_action,
                  self.settings_action):
            self.toolbar.addAction(a)
            self.addAction(a)
        self._add_toolbar_spacer()
        self.toolbar.addAction(self.panic_action)
        panic_button = self.toolbar.widgetForAction(self.panic_action)
        if panic_button is not None:
            panic_button.setObjectName("panicButton")
            panic_button.setStyleSheet(BUTTON_STYLE)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.lock_action)
        self.addAction(self.lock_action)

    def _set_unlocked_ui(self, unlocked: bool) -> None:
        for a in (self.new_action, self.export_action, self.receipt_action,
                  self.settings_action, self.lock_action):
            a.setEnabled(unlocked)
        self.toolbar.setVisible(unlocked)
        self.setWindowTitle(self.tr("Intake") if unlocked else self.tr("Intake — locked"))

    # -------------------------------------------------------------- flow
    def start(self) -> None:
        if self.session.service.exists():
            self.show_unlock()
        else:
            self.show_wizard()

    def show_wizard(self) -> FirstRunWizard:
        if self.wizard is not None:
            self.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
        wiz = FirstRunWizard(self.session, self.languages.code)
        wiz.setWindowFlags(Qt.WindowType.Widget)
        wiz.language_chosen.connect(self._wizard_language)
        wiz.ready.connect(self._setup_ready)
        wiz.accepted.connect(self._wizard_finished)
        self.wizard = wiz
        self.stack.addWidget(wiz)
        self.stack.setCurrentWidget(wiz)
        return wiz

    def _wizard_language(self, code: str) -> None:
        self.set_language(code)

    def _setup_ready(self, outcome: object) -> None:
        assert isinstance(outcome, SetupOutcome)
        if outcome.service is not None:
            self.session.set_service(outcome.service)

    def _wizard_finished(self) -> None:
        if self.wizard is not None:
            self.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
            self.wizard = None
        if self.session.is_unlocked:
            self._on_unlocked()
        else:
            self.show_unlock()

    def _on_unlocked(self) -> None:
        self.session.after_unlock()
        self._build_workspace()
        self._set_unlocked_ui(True)
        if self.workspace is not None:
            check_after_unlock(self.session, self.workspace)

    def _build_workspace(self) -> None:
        if self.workspace is not None:
            self._drop_workspace()
        self.workspace = Workspace(self.session, self.languages.code)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.start()
        self.workspace.records.table.setFocus()

    def _drop_workspace(self) -> None:
        if self.workspace is not None:
            self._remove_view(self.workspace, self.workspace.clear)
            self.workspace = None

    # -------------------------------------------------------------- lock
    def save_work(self) -> bool:
        """Store what is typed in the open editor (before lock, close, language change)."""
        if self.panicked or self.workspace is None or not self.session.is_unlocked:
            return True
        return self.workspace.flush()

    def _lock_warning(self, seconds: int) -> None:
        self.lock_banner.setText(self.tr(
            "Locking in %n second(s) because nothing was typed. Press any key or move "
            "the mouse to stay unlocked.", "", seconds))
        self.lock_banner.setVisible(True)
        if seconds * 1000 >= self.session.warn_ms - self.session.tick_ms:
            self.save_work()  # the answers are safe even if nobody comes back

    def _lock_warning_cancelled(self) -> None:
        self.lock_banner.setVisible(False)

    # -------------------------------------------------------------- panic
    def request_panic(self) -> None:
        """Toolbar button, unlock-screen button, hotkey: confirm once, then ``panic``.

        A second request while the confirmation shows (the hotkey again) confirms."""
        if self.panicked:
            return
        box = self.panic_confirm
        if box is not None and shiboken6.isValid(box) and box.isVisible():
            self._panic_soon()
            return
        box = PanicConfirm(self)
        erase = box.erase_button
        box.buttonClicked.connect(lambda b: self._panic_soon() if b is erase else None)
        box.finished.connect(self._panic_confirm_closed)
        self.panic_confirm = box
        box.show()
        box.raise_()
        box.activateWindow()

    def _panic_confirm_closed(self, _result: int) -> None:
        self.panic_confirm = None
        if not self.panicked:  # cancelled: save what is typed
            QTimer.singleShot(0, self.save_work)

    def _panic_soon(self) -> None:
        # Out of the dialog's (or the event filter's) handler: panic closes that dialog.
        QTimer.singleShot(0, self.panic)

    def panic(self) -> PanicReport | None:
        """Crypto-erase this profile now, clear the clipboard, close everything, exit."""
        if self.panicked:
            return None
        self.panicked = True
        return run_panic(self)

    def drop_everything(self) -> None:
        """Throw away dialogs, windows and views (panic; the store is already closed)."""
        self._on_locked()

    def _on_locked(self) -> None:
        dialogs = (self.export_wizard, self.settings_dialog)
        self.export_wizard = self.settings_dialog = None
        self._close_dialogs_and_windows(*dialogs)
        self.lock_banner.setVisible(False)
        self._drop_workspace()
        QPixmapCache.clear()  # attachment previews
        gc.collect()
        self._set_unlocked_ui(False)
        self.show_unlock()

    # -------------------------------------------------------------- screens
    def new_record(self) -> None:
        if self.workspace is not None:
            self.workspace.new_record()

    def open_export(self) -> ExportWizard | None:
        if not self.session.is_unlocked:
            return None
        if self.workspace is not None and self.workspace.editor is not None \
                and not self.workspace.close_editor():
            return None
        wiz = ExportWizard(self.session, self)
        wiz.finished.connect(self._export_closed)
        self.export_wizard = wiz
        wiz.open()
        return wiz

    def _export_closed(self, _result: int) -> None:
        if self.export_wizard is not None:
            self.export_wizard.deleteLater()
            self.export_wizard = None
        if self.workspace is not None and self.session.is_unlocked:
            self.workspace.refresh()
            self.session.sending.resume(now=True)  # new bundles: send them soon

    def import_receipt(self) -> None:
        if self.workspace is not None:
            self.workspace.tabs.setCurrentWidget(self.workspace.outbox)
            self.workspace.outbox.choose_receipt()

    def open_settings(self) -> SettingsDialog | None:
        if not self.session.is_unlocked:
            return None
        dlg = SettingsDialog(self.session, self.languages.code, self)
        dlg.language_chosen.connect(self.set_language)
        dlg.finished.connect(self._settings_closed)
        self.settings_dialog = dlg
        dlg.open()
        return dlg

    def _settings_closed(self, _result: int) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.deleteLater()
            self.settings_dialog = None

    # -------------------------------------------------------------- language
    def set_language(self, code: str) -> None:
        if code == self.languages.code:
            return
        self.save_work()
        self.languages.apply(code)
        save_language(code)
        self.retranslate()

    def retranslate(self) -> None:
        """Rebuild the screens in the new language (their state lives in the service)."""
        self._make_actions()
        self.add_alt_shortcuts()
        current_is_unlock = self.stack.currentWidget() is self.unlock_page
        self._renew_unlock_page()
        if self.wizard is not None:
            self.show_wizard()
        elif self.workspace is not None and (self.workspace.editor is None
                                             or not self.workspace.editor.dirty):
            editor = self.workspace.editor
            reopen = editor.record_id if editor is not None else None
            self._build_workspace()
            if reopen is not None and self.workspace is not None:
                self.workspace.open_record(reopen)  # same section and question
        elif current_is_unlock:
            self.show_unlock()
        self._set_unlocked_ui(self.session.is_unlocked and self.workspace is not None)

    def _new_unlock_page(self) -> UnlockPage:
        page = UnlockPage(self.session)
        page.unlocked.connect(self._on_unlocked)
        page.panic_button.clicked.connect(self.request_panic)
        self.stack.insertWidget(0, page)
        return page

    def closeEvent(self, event: QCloseEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.panic_filter)
        if self.panicked:  # the store is gone: never wait for a worker
            QMainWindow.closeEvent(self, event)
            return
        super().closeEvent(event)
