"""The record editor screen: sections as pages, live relevance, save and finalize."""

from __future__ import annotations

import re
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.errors import FieldError, IntakeError, SaveFailed, ValidationFailed
from intake_app.forms import Form, FormField, FormState, evaluate
from intake_app.gui import adapter, dialogs
from intake_app.gui.editor.attachment_fields import AttachmentField
from intake_app.gui.editor.base import ERROR_STYLE, EditorContext, FieldWidget
from intake_app.gui.editor.panel import FieldsPanel, tab_order
from intake_app.gui.editor.review import ErrorList, ReviewPage, question_text
from intake_app.gui.editor.saving import DraftSaver
from intake_app.gui.i18n import add_language_items, local_digits, set_text_language
from intake_app.gui.session import Session
from intake_app.gui.wheel import WheelSafeCombo
from intake_app.gui.widgets import wrapped_label
from intake_app.models import RecordDetail, RecordStatus


def sections(form: Form) -> list[tuple[FormField | None, list[FormField]]]:
    """Pages: each top-level group is one; loose top-level fields share a page."""
    out: list[tuple[FormField | None, list[FormField]]] = []
    loose: list[FormField] = []
    for f in form.fields:
        if f.type == "group":
            if loose:
                out.append((None, loose))
                loose = []
            out.append((f, list(f.children)))
        else:
            loose.append(f)
    if loose:
        out.append((None, loose))
    return out


class RecordEditor(QWidget):
    """Edits one record (``detail`` None: a new one) of ``form``."""

    saved = Signal(str)
    finalized = Signal(str)
    closed = Signal()

    def __init__(self, session: Session, form: Form, lang: str,
                 detail: RecordDetail | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordEditor")
        self.session = session
        self.form = form
        self.record_id: str | None = detail.id if detail else None
        self.status = detail.summary.status if detail else RecordStatus.DRAFT
        self.ctx = EditorContext(session, form, lang)
        if detail is not None:
            self.ctx.stored.update({a.id: a for a in detail.attachments})
        self.dirty = False
        self.busy = False
        self._show_all = False
        self._extra_errors: dict[str, str] = {}
        self.state: FormState | None = None

        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.lang_box = WheelSafeCombo()
        self.lang_box.setAccessibleName(self.tr("Form language"))
        add_language_items(self.lang_box, ((x.code, x.name) for x in form.languages))
        self.lang_box.setCurrentIndex(max(0, self.lang_box.findData(lang)))
        self.status_label = wrapped_label(name="editorStatus")
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(QLabel(self.tr("Form language:")))
        head.addWidget(self.lang_box)

        self.page_list = QListWidget()
        self.page_list.setAccessibleName(self.tr("Sections"))
        self.page_list.setMaximumWidth(260)
        self.pages = QStackedWidget()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.page_list)
        split.addWidget(self.pages)
        split.setStretchFactor(1, 1)
        self.review = ReviewPage()
        self.body = QStackedWidget()  # the form's sections, or the review page
        self.body.addWidget(split)
        self.body.addWidget(self.review)
        self.error_list = ErrorList()

        self.prev_button = QPushButton(self.tr("&Previous"))
        self.next_button = QPushButton(self.tr("Ne&xt"))
        self.save_button = QPushButton(self.tr("&Save draft"))
        self.save_button.setToolTip(self.tr("Save the answers so far (Ctrl+S)"))
        self.finalize_button = QPushButton(self.tr("&Finalize…"))
        self.review_button = QPushButton(self.tr("Re&view answers"))
        self.review_button.setToolTip(self.tr("Every answer on one page, before finalizing"))
        self.close_button = QPushButton(self.tr("&Close"))
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.save_state.setAccessibleName(self.tr("Save state"))
        for b in (self.prev_button, self.next_button, self.save_button, self.finalize_button,
                  self.close_button):
            b.setAutoDefault(True)  # Enter on the focused button presses it (not only Space)
        foot = QHBoxLayout()
        foot.addWidget(self.prev_button)
        foot.addWidget(self.next_button)
        foot.addStretch(1)
        foot.addWidget(self.save_state)
        foot.addWidget(self.save_button)
        foot.addWidget(self.review_button)
        foot.addWidget(self.finalize_button)
        foot.addWidget(self.close_button)

        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.body, 1)
        lay.addWidget(self.status_label)
        lay.addWidget(self.error_list)
        lay.addLayout(foot)

        self.saver = DraftSaver(self)
        self.saver.state_changed.connect(self.save_state.setText)
        self.panels: list[FieldsPanel] = []
        self.page_fields: list[FormField | None] = []
        self._tab_count = -1
        self._eval_timer = QTimer(self)
        self._eval_timer.setSingleShot(True)
        self._eval_timer.setInterval(60)
        self._eval_timer.timeout.connect(self.reevaluate)

        self.page_list.currentRowChanged.connect(self._ensure_page)
        self.page_list.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.page_list.currentRowChanged.connect(self._update_nav)
        self.prev_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.save_button.clicked.connect(self.save_draft)
        self.finalize_button.clicked.connect(self.finalize)
        self.review_button.clicked.connect(self.show_review)
        self.review.back.connect(self.hide_review)
        self.review.finalize.connect(self.finalize)
        self.review.jump.connect(self.jump_to)
        self.error_list.jump.connect(self.jump_to)
        self.close_button.clicked.connect(self.request_close)
        self.lang_box.currentIndexChanged.connect(self._language_changed)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_draft)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self.go(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self.go(-1))

        self._build(detail.values if detail else {})
        self._update_buttons()
        if detail is not None:
            self.save_state.setText(self.tr("All changes saved."))

    # -------------------------------------------------------------- building
    @property
    def lang(self) -> str:
        return self.ctx.lang

    def _build(self, values: dict[str, Any]) -> None:
        self.title.setText(self.form.title_text(self.lang))
        direction = (Qt.LayoutDirection.RightToLeft if self.form.direction(self.lang) == "rtl"
                     else Qt.LayoutDirection.LeftToRight)
        set_text_language(self.pages, self.lang, direction)
        while self.pages.count():
            w = self.pages.widget(0)
            if w is None:
                break
            self.pages.removeWidget(w)
            w.deleteLater()
        self.page_list.clear()
        self.panels, self.page_fields = [], []
        self.page_titles: list[str] = []
        for group, fields in sections(self.form):
            panel = FieldsPanel(fields, self.ctx, "", lazy=True)
            panel.changed.connect(self._changed)
            area = QScrollArea()
            area.setWidgetResizable(True)
            self.pages.addWidget(area)
            self.panels.append(panel)
            self.page_fields.append(group)
            title = self.ctx.text(group.label) if group else self._loose_title(fields)
            self.page_list.addItem(title or (group.name if group else self.tr("General")))
            self.page_titles.append(title or (group.name if group else self.tr("General")))
        for panel in self.panels:
            panel.load(values)
        self.page_list.setCurrentRow(0)
        self.reevaluate()

    def _ensure_page(self, row: int) -> None:
        """Build a section's widgets when it is first turned to (opening stays fast)."""
        if not 0 <= row < len(self.panels):
            return
        panel = self.panels[row]
        area = self.pages.widget(row)
        panel.ensure_built()
        if isinstance(area, QScrollArea) and area.widget() is not panel:
            area.setWidget(panel)
            self._tab_count = len(self.built_field_widgets())
            self.fix_tab_order()

    def fix_tab_order(self) -> None:
        """Questions in order, then the buttons (made first, so Qt would put them first)."""
        tab_order(self.panels, [self.prev_button, self.next_button, self.save_button,
                                self.finalize_button, self.close_button, self.lang_box,
                                self.page_list], self.window())

    def _loose_title(self, fields: list[FormField]) -> str:
        """A page of top-level questions is named after its repeat, else its first question."""
        pick = next((f for f in fields if f.type == "repeat"), None) or next(
            (f for f in fields if f.type != "hidden" and f.label), None)
        if pick is None:
            return self.tr("General")
        text = self.ctx.text(pick.label)
        return text if len(text) <= 40 else text[:38].rstrip() + "…"

    def _language_changed(self) -> None:
        code = self.lang_box.currentData()
        if not code or code == self.ctx.lang:
            return
        self.saver.flush()
        values = self.collect()
        self.ctx.lang = code
        page = self.page_list.currentRow()
        self._build(values)
        self.page_list.setCurrentRow(max(0, page))

    # -------------------------------------------------------------- navigation
    def go(self, step: int) -> None:
        row = self.page_list.currentRow() + step
        while 0 <= row < self.page_list.count() and self.page_list.item(row).isHidden():
            row += step
        if 0 <= row < self.page_list.count():
            self.page_list.setCurrentRow(row)
            self.focus_first_field()

    def focus_first_field(self) -> None:
        """Put the cursor in the current section's first answerable question."""
        row = self.page_list.currentRow()
        if not 0 <= row < len(self.panels):
            return
        for w in self.panels[row].field_widgets():
            target = w.focus_widget()
            if w.isVisibleTo(self.panels[row]) and target.isEnabled() \
                    and target.focusPolicy() != Qt.FocusPolicy.NoFocus \
                    and w.field.type not in ("note", "calculate", "hidden"):
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return

    def restore_position(self, section: int, field: str) -> None:
        """Reopen where the interviewer was: that section, that question."""
        if 0 <= section < self.page_list.count():
            self.page_list.setCurrentRow(section)
        w = self._find(field) if field else None
        if w is None:
            self.focus_first_field()
            return
        self.show_field(w.path)
        area = self.pages.currentWidget()
        if isinstance(area, QScrollArea):
            area.ensureWidgetVisible(w)
        w.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
        self.saver.last_field = w.path

    def _update_nav(self, row: int = -1) -> None:
        row = self.page_list.currentRow() if row < 0 else row
        self.prev_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < self.page_list.count() - 1)

    def _find(self, path: str) -> FieldWidget | None:
        """The widget of ``path``, building its section if needed."""
        for i, panel in enumerate(self.panels):
            if panel.built or any(p == path for p, _f, _v in panel.answers()):
                self._ensure_page(i)
                for w in panel.field_widgets():
                    if w.path == path:
                        return w
        return None

    def show_field(self, name: str) -> FieldWidget | None:
        """Turn to the page holding field ``name`` (first instance) and return its widget."""
        for i, panel in enumerate(self.panels):
            self._ensure_page(i)
            for w in panel.field_widgets():
                if w.field.name == name or w.path == name:
                    self.page_list.setCurrentRow(i)
                    return w
        return None

    def jump_to(self, target: str) -> None:
        """Show a question (a path) or a section ("#<index>"), scrolled to and focused."""
        self.hide_review()
        if target.startswith("#"):
            row = int(target[1:])
            if 0 <= row < self.page_list.count():
                self.page_list.setCurrentRow(row)
                self.focus_first_field()
            return
        top = target.split("[")[0].split(".")[0]
        found = self._locate(target) or self._locate(top)
        if found is None:
            return
        row, box, focus = found
        self.page_list.setCurrentRow(row)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._scroll_to(box)
        # a page just turned to is laid out on the next pass: scroll again then
        QTimer.singleShot(0, lambda: self._scroll_to(box))

    def _locate(self, path: str) -> tuple[int, QWidget, QWidget] | None:
        """(section, the question's box, what takes the cursor) for a field or repeat."""
        w = self._find(path)
        if w is not None:
            row = next(i for i, p in enumerate(self.panels) if p.isAncestorOf(w))
            return row, w, w.focus_widget()
        for i, panel in enumerate(self.panels):
            if not any(f.name == path.split("[")[0].split(".")[0] for f in panel.fields) \
                    and not panel.built:
                continue
            self._ensure_page(i)
            for r in panel.repeats():
                if r.prefix + r.field.name == path:
                    return i, r, r.add_button
        return None

    def _scroll_to(self, w: QWidget) -> None:
        area = self.pages.currentWidget()
        if isinstance(area, QScrollArea) and shiboken6.isValid(w) and area.isAncestorOf(w):
            area.ensureWidgetVisible(w, 10, 40)

    def show_review(self) -> None:
        """Every section's answers on one page (the review before finalizing)."""
        state = self.reevaluate()
        errors = {e.path: e.message for e in state.errors} if self._show_all else {}
        self.review.fill(self, errors)
        self.body.setCurrentWidget(self.review)
        self.review.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def hide_review(self) -> None:
        self.body.setCurrentIndex(0)

    def error_entries(self, errors: dict[str, str]) -> list[tuple[str, str]]:
        """(path, "Section — Question: message") for each error, in form order."""
        where: dict[str, tuple[int, FormField]] = {}
        for i, panel in enumerate(self.panels):
            for p, f, _v in panel.answers():
                where[p] = (i, f)
        out: list[tuple[str, str]] = []
        for path, message in errors.items():
            hit = where.get(path)
            if hit is None:  # a repeat or group: its section and its own label
                top = path.split("[")[0].split(".")[0]
                i = next((k for k, p in enumerate(self.panels)
                          if any(f.name == top for f in p.fields)), -1)
                section = self.page_titles[i] if i >= 0 else ""
                name = re.sub(r"\[\d+\]", "", path).split(".")[-1]
                try:
                    question = question_text(self.ctx, self.form.field(name), path)
                except (KeyError, LookupError, IntakeError):
                    question = name
            else:
                i, f = hit
                section, question = self.page_titles[i], question_text(self.ctx, f, path)
            text = self.tr("{section} — {question}: {message}").format(
                section=section, question=question, message=message)
            out.append((path, text))
        return out

    # -------------------------------------------------------------- values
    def field_widgets(self) -> list[FieldWidget]:
        """Every question's widget (builds the sections not yet shown)."""
        for i in range(len(self.panels)):
            self._ensure_page(i)
        return self.built_field_widgets()

    def built_field_widgets(self) -> list[FieldWidget]:
        """The widgets of the sections built so far (the only ones a user can have touched)."""
        return [w for panel in self.panels if panel.built for w in panel.field_widgets()]

    def collect(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for panel in self.panels:
            panel.collect(out)
        return out

    def _changed(self) -> None:
        self.dirty = True
        self._extra_errors.clear()
        self._eval_timer.start()
        self.saver.schedule()

    def reevaluate(self) -> FormState:
        self._eval_timer.stop()
        state = evaluate(self.form, self.collect(), self.lang)
        self.state = state
        built = self.built_field_widgets()
        if len(built) != self._tab_count:  # sections built, repeat rows added or removed
            self._tab_count = len(built)
            self.fix_tab_order()
        errors: dict[str, str] = {}
        for err in (*state.errors, *(FieldError(p, m) for p, m in self._extra_errors.items())):
            errors.setdefault(err.path, err.message)
        show: frozenset[str] | None = None
        if not self._show_all:
            touched = {w.path for w in built if w.touched}
            for panel in self.panels:
                touched.update(r.prefix + r.field.name for r in panel.repeats())
            show = frozenset(touched)
        for i, panel in enumerate(self.panels):
            panel.apply(state.values, state.relevant, errors, show)
            group = self.page_fields[i]
            item = self.page_list.item(i)
            if item is None:
                continue
            item.setText(self._section_text(i, panel, state.relevant, errors))
            if group is not None:
                item.setHidden(group.name not in state.relevant)
            else:
                item.setHidden(not any(f.name in state.relevant and f.type != "hidden"
                                       for f, _w in panel.items))
        self._update_nav()
        if self._show_all:  # fixed answers leave the list as they are fixed
            self.error_list.show_entries(self.error_entries(errors))
        return state

    def _section_text(self, i: int, panel: FieldsPanel, relevant: frozenset[str],
                      errors: dict[str, str]) -> str:
        """"Basics  3/7", marked when answers there need fixing (once errors are shown)."""
        answers = panel.answers()
        asked = [v for p, f, v in answers if p in relevant
                 and f.type not in ("note", "calculate", "hidden")]
        answered = sum(1 for v in asked if v not in (None, "", [], {}))
        text = f"{self.page_titles[i]}  {local_digits(f'{answered}/{len(asked)}')}"
        if self._show_all and any(p in errors for p, _f, _v in answers):
            text = "⚠ " + text
        return text

    def visible_errors(self) -> dict[str, str]:
        return {w.path: w.error.text() for w in self.built_field_widgets() if w.error.text()}

    # -------------------------------------------------------------- saving
    def _update_buttons(self) -> None:
        editable = self.status in (RecordStatus.DRAFT, RecordStatus.FINALIZED)
        self.save_button.setEnabled(editable and not self.busy)
        self.save_button.setText(self.tr("&Save draft") if self.status is RecordStatus.DRAFT
                                 else self.tr("&Save changes"))
        self.finalize_button.setVisible(self.status is RecordStatus.DRAFT)
        self.review.finalize_button.setVisible(self.status is RecordStatus.DRAFT)
        self.review.finalize_button.setEnabled(not self.busy)
        self.finalize_button.setEnabled(not self.busy)
        self.lang_box.setEnabled(not self.busy)

    def save_draft(self) -> None:
        """The Save button: save now (drafts also save themselves as they change)."""
        if self.busy:
            return
        if self.status is RecordStatus.DRAFT or self.dirty:
            self.dirty = True
            self.saver.flush()

    def flush(self) -> bool:
        """Save whatever is unsaved now (before lock, close, language change)."""
        return self.saver.flush()

    def finalize(self) -> None:
        if self.busy:
            return
        self.saver.flush()
        state = self.reevaluate()
        if state.errors:
            self._show_errors(state.errors, saved=not self.dirty)
            return
        if not dialogs.confirm(self, self.tr("Finalize record"),
                               self.tr("Finalize this record? It will be ready to send to HQ. "
                                       "Check the answers with the person first.")):
            return
        self._save(finalize=True)

    def _save(self, *, finalize: bool) -> None:
        values = self.collect()
        pending = list(self.ctx.pending.values())
        svc, form, rid, lang = self.session.service, self.form, self.record_id, self.lang

        def work() -> adapter.SaveResult:
            res = adapter.save(svc, form, rid, values, lang, pending, draft=not finalize)
            if finalize:
                adapter.finalize(svc, res.record_id, lang)
            return res

        self.busy = True
        self._update_buttons()
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Saving…"))
        self.session.runner.start(work, lambda r: self._saved(r, finalize), self._save_failed)

    def absorb(self, record_id: str | None, stored: dict[str, Any]) -> None:
        if record_id is not None:
            self.record_id = record_id
        for placeholder, info in stored.items():
            self.ctx.pending.pop(placeholder, None)
            self.ctx.stored[info.id] = info
            for w in self.built_field_widgets():
                if isinstance(w, AttachmentField) and w.value() == placeholder:
                    w.set_value(info.id)

    def _saved(self, result: object, finalized: bool) -> None:
        assert isinstance(result, adapter.SaveResult)
        self.busy = False
        self.absorb(result.record_id, result.attachments)
        self.dirty = False
        time = QTime.currentTime().toString("HH:mm")
        if finalized:
            self.status = RecordStatus.FINALIZED
            self.status_label.setText(self.tr("Record finalized at {time}.").format(time=time))
            self.finalized.emit(result.record_id)
        else:
            self.status_label.setText(self.tr("Saved at {time}.").format(time=time))
        self._update_buttons()
        self.saved.emit(result.record_id)

    def _save_failed(self, exc: BaseException) -> None:
        self.busy = False
        cause: BaseException = exc
        if isinstance(exc, SaveFailed):
            self.absorb(exc.record_id, exc.attachments)
            cause = exc.cause
        self._update_buttons()
        if isinstance(cause, ValidationFailed):
            self._extra_errors = {e.path: e.message for e in cause.errors}
            self._show_errors(cause.errors)
        else:
            self.status_label.setStyleSheet(ERROR_STYLE)
            self.status_label.setText(self.tr("Not saved: {reason}").format(
                reason=dialogs.error_text(cause)))

    def set_extra_errors(self, errors: dict[str, str]) -> None:
        """Answers the store refused (shown like the form's own errors)."""
        self._extra_errors = dict(errors)
        self._show_all = True
        self.reevaluate()

    def show_save_errors(self, errors: tuple[FieldError, ...]) -> None:
        self._extra_errors = {e.path: e.message for e in errors}
        self._show_errors(errors, saved=False)

    def _show_errors(self, errors: tuple[FieldError, ...], *, saved: bool = False) -> None:
        self._show_all = True
        self.reevaluate()
        self.status_label.setStyleSheet(ERROR_STYLE)
        if saved:
            self.status_label.setText(self.tr(
                "Draft saved; %n answer(s) needed before finalizing (marked in red).", "",
                len(errors)))
        else:
            self.status_label.setText(self.tr(
                "Not saved: %n answer(s) need attention (marked in red).", "", len(errors)))
        if errors:
            self.jump_to(errors[0].path)

    # -------------------------------------------------------------- closing
    def request_close(self) -> None:
        if not self.flush() and not dialogs.confirm(
                self, self.tr("Close record"),
                self.tr("Close without saving? The answers since the last save will be lost.")):
            return
        self.clear()
        self.closed.emit()

    def clear(self) -> None:
        """Forget everything shown (on lock or close)."""
        self._eval_timer.stop()
        self.saver.stop()
        for w in self.built_field_widgets():
            w.clear_sensitive()
        for panel in self.panels:
            panel.forget()
        self.ctx.clear()
        self.state = None
        self._extra_errors.clear()
        self.error_list.show_entries([])
        self.review.browser.clear()
