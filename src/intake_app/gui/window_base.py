"""What the field and HQ main windows share: a stack of screens, a fixed text-only
toolbar with a Lock action, the saved geometry, and throwing away dialogs, other
windows and the workspace on lock. The visible strings stay in the subclasses
(their translation context)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from intake_app.gui.i18n import LanguageManager, mnemonic_key, save_geometry, saved_geometry
from intake_app.gui.session import Session
from intake_app.gui.unlock import UnlockPage


class LockingWindow(QMainWindow):
    unlock_page: UnlockPage

    def __init__(self, name: str, session: Session, languages: LanguageManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.session = session
        self.languages = languages
        self.stack = QStackedWidget()

    def _install_toolbar(self, name: str) -> None:
        """The toolbar, its actions (``_make_actions``) and the reaction to locking."""
        self.toolbar = QToolBar()
        self.toolbar.setObjectName(name)
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self._make_actions()
        self.add_alt_shortcuts()
        self.session.locked.connect(self._on_locked)

    def add_alt_shortcuts(self) -> None:
        """Toolbar buttons ignore the "&" of their action's text: give each action that
        Alt+ key as a shortcut (the translated text's key, so in every language)."""
        for action in self.toolbar.actions():
            key = mnemonic_key(action.text())
            if key is None:
                continue
            alt = QKeySequence(f"Alt+{key}")
            keep = [k for k in action.shortcuts() if not k.toString().startswith("Alt+")]
            action.setShortcuts([*keep, alt])

    def _restore_geometry(self) -> None:
        geometry = saved_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(QSize(1100, 740))

    def _make_actions(self) -> None:
        raise NotImplementedError

    def _new_unlock_page(self) -> UnlockPage:
        """The unlock page in the current language, put first in the stack."""
        raise NotImplementedError

    def show_unlock(self) -> None:
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.reset()

    def _renew_unlock_page(self) -> None:
        """A new unlock page (a language change) in the old one's place."""
        old = self.unlock_page
        self.unlock_page = self._new_unlock_page()
        self.stack.removeWidget(old)
        old.deleteLater()

    def _on_locked(self) -> None:
        raise NotImplementedError

    def _lock_action(self, text: str, tip: str) -> QAction:
        """Ctrl+L from every window of the app."""
        action = QAction(text, self)
        action.setShortcut(QKeySequence("Ctrl+L"))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.setToolTip(tip)
        action.triggered.connect(self.lock)
        return action

    def _add_toolbar_spacer(self) -> None:
        """What follows sits at the toolbar's far end."""
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy())
        self.toolbar.addWidget(spacer)

    def _remove_view(self, view: QWidget, clear: Callable[[], None]) -> None:
        clear()
        self.stack.removeWidget(view)
        view.hide()
        view.deleteLater()

    def _close_dialogs_and_windows(self, *dialogs: QDialog | None) -> None:
        for dlg in dialogs:
            if dlg is not None:
                dlg.blockSignals(True)
                dlg.done(0)
                dlg.deleteLater()
        for w in QApplication.topLevelWidgets():
            if w is not self and w.isVisible() and w.isWindow():
                w.close()

    def lock(self) -> None:
        if self.session.is_unlocked:
            self.session.lock()

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self.saveGeometry())
        self.lock()
        self.session.runner.wait(10_000)
        super().closeEvent(event)
