"""What the user sees while unlocked: records (list and editor) and the outbox.

The whole workspace is thrown away on lock, so no view, model or snapshot
built while unlocked survives it.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.errors import InvalidState
from intake_app.forms import Form
from intake_app.gui import dialogs
from intake_app.gui.editor import RecordEditor
from intake_app.gui.i18n import form_language
from intake_app.gui.outbox_view import OutboxView
from intake_app.gui.records_view import RecordsView
from intake_app.gui.session import Session
from intake_app.models import RecordDetail, RecordStatus


class FormChooser(QDialog):
    def __init__(self, forms: list[Form], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New record"))
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Form"))
        for f in forms:
            title = f.title_text(form_language(f.language_codes(), lang, f.default_language))
            self.combo.addItem(f"{title} ({f.version})", f.id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Which form?")))
        lay.addWidget(self.combo)
        lay.addWidget(buttons)


class Workspace(QWidget):
    records_changed = Signal()

    def __init__(self, session: Session, ui_lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.session = session
        self.ui_lang = ui_lang
        self.forms: dict[str, Form] = {}
        for f in session.service.list_forms():
            self.forms[f.id] = f  # latest version wins (list is ordered by version)
        titles = {fid: f.title_text(self.form_lang(f)) for fid, f in self.forms.items()}
        self.tabs = QTabWidget()
        self.records_stack = QStackedWidget()
        self.records = RecordsView(session, titles)
        self.records_stack.addWidget(self.records)
        self.outbox = OutboxView(session)
        self.tabs.addTab(self.records_stack, self.tr("&Records"))
        self.tabs.addTab(self.outbox, self.tr("&Outbox"))
        self.editor: RecordEditor | None = None
        self.chooser: FormChooser | None = None
        self.notices: QWidget | None = None  # the after-unlock warnings (unlock_notices)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)
        self.records.open_record.connect(self.open_record)
        self.outbox.changed.connect(self.refresh)

    def form_lang(self, form: Form) -> str:
        return form_language(form.language_codes(), self.ui_lang, form.default_language)

    def start(self) -> None:
        self.records.refresh()
        self.outbox.refresh()

    def refresh(self) -> None:
        self.records.refresh()
        self.outbox.refresh()

    # -------------------------------------------------------------- editor
    def new_record(self, form_id: str | None = None) -> RecordEditor | None:
        """Open an empty record of ``form_id``; without one, ask which form (non-blocking)."""
        if self.editor is not None and not self.close_editor():
            return None
        forms = list(self.forms.values())
        if form_id is None:
            if not forms:
                dialogs.inform(self, self.tr("No forms"),
                               self.tr("No forms are installed. Enroll with HQ first."))
                return None
            if len(forms) > 1:
                chooser = FormChooser(forms, self.ui_lang, self)
                chooser.accepted.connect(
                    lambda: self._show_editor(self.forms[str(chooser.combo.currentData())], None))
                chooser.finished.connect(chooser.deleteLater)
                self.chooser = chooser
                chooser.open()
                return None
            form_id = forms[0].id
        return self._show_editor(self.forms[str(form_id)], None)

    def open_record(self, record_id: str) -> None:
        svc = self.session.service

        def work() -> tuple[RecordDetail | None, tuple[int, str] | None]:
            try:
                detail = svc.record(record_id)
            except InvalidState:
                if svc.summary(record_id).status in (RecordStatus.SEALED,
                                                     RecordStatus.DELIVERED):
                    return None, None  # said below in the interface's language
                raise
            position = (svc.draft_position(record_id)
                        if detail.summary.status is RecordStatus.DRAFT else None)
            return detail, position

        self.session.runner.start(work, self._opened, lambda exc: dialogs.show_error(self, exc))

    def _opened(self, result: object) -> None:
        assert isinstance(result, tuple)
        detail, position = result
        if detail is None or detail.summary.status in (RecordStatus.SEALED,
                                                       RecordStatus.DELIVERED):
            dialogs.inform(self, self.tr("Record sealed"),
                           self.tr("This record is sealed for HQ. No readable copy is kept "
                                   "on this laptop."))
            return
        if self.editor is not None and not self.close_editor():
            return
        svc = self.session.service
        form = svc.get_form(detail.summary.form_id, detail.summary.form_version)
        editor = self._show_editor(form, detail)
        if position is not None:
            editor.restore_position(*position)

    def _show_editor(self, form: Form, detail: RecordDetail | None) -> RecordEditor:
        editor = RecordEditor(self.session, form, self.form_lang(form), detail)
        editor.saved.connect(lambda _rid: self.records.refresh())
        editor.closed.connect(self._editor_closed)
        self.editor = editor
        self.records_stack.addWidget(editor)
        self.records_stack.setCurrentWidget(editor)
        self.tabs.setCurrentIndex(0)
        editor.focus_first_field()
        # Again once a closing form chooser has handed the focus back to where it was.
        QTimer.singleShot(0, editor, editor.focus_first_field)
        return editor

    def close_editor(self) -> bool:
        if self.editor is None:
            return True
        editor = self.editor
        if not editor.flush() and not dialogs.confirm(
                self, self.tr("Close record"),
                self.tr("Close without saving? The answers since the last save will be lost.")):
            return False
        editor.clear()
        self._editor_closed()
        return True

    def _editor_closed(self) -> None:
        if self.editor is not None:
            self.records_stack.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None
        self.records_stack.setCurrentWidget(self.records)
        self.records.refresh()
        self.records.table.setFocus()

    # -------------------------------------------------------------- lock
    def flush(self) -> bool:
        """Save the open editor's unsaved answers (before lock, close, language change)."""
        return self.editor.flush() if self.editor is not None else True

    def clear(self) -> None:
        """Drop every snapshot and widget content (on lock)."""
        if self.editor is not None:
            self.editor.clear()
        self.records.clear()
        self.outbox.clear()
        self.forms.clear()
