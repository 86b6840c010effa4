"""One case: the person (every spelling of the name), status with its allowed
transitions, priority (the form's, and why; an analyst's override with a reason),
caseworker, then interviews, follow-ups, notes, referrals and history
(``case_parts``). Every change takes a reason and goes through the service, which
writes the case history and the signed event log; the view then reloads."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.errors import ConsentRefused
from intake_app.gui import dialogs
from intake_app.gui.dialogs import error_text
from intake_app.gui.hq import case_labels as L
from intake_app.gui.hq.case_parts import CaseParts
from intake_app.gui.hq.common import HQSession, choose_save
from intake_app.gui.i18n import ltr
from intake_app.gui.widgets import wrapped_label
from intake_app.models import CaseDetail, DeskVocabulary


class CaseView(QWidget):
    changed = Signal(str)  # a case id after a change
    open_record = Signal(str)

    def __init__(self, session: HQSession, actor: Callable[[], str], ui_lang: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqCaseView")
        self.ui_lang = ui_lang
        self.session = session
        self.actor = actor
        self.vocab: DeskVocabulary | None = None
        self.detail: CaseDetail | None = None
        self.busy = False
        self._asked = 0
        self.title = QLabel(self.tr("Choose a case in the list."))
        self.title.setObjectName("caseTitle")
        self.title.setStyleSheet("font-size:16pt;font-weight:bold")
        self.title.setWordWrap(True)
        self.facts = wrapped_label()
        self.why = wrapped_label()
        self.message = wrapped_label(name="caseMessage")
        # Changes: one reason for whatever is changed next.
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why (required for every change)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.status_box = QComboBox()
        self.status_box.setAccessibleName(self.tr("New status"))
        self.status_button = QPushButton(self.tr("Change &status"))
        self.priority_box = QComboBox()
        self.priority_box.setAccessibleName(self.tr("Priority"))
        self.priority_button = QPushButton(self.tr("Set &priority"))
        self.assignee = QLineEdit()
        self.assignee.setPlaceholderText(self.tr("Caseworker"))
        self.assignee.setAccessibleName(self.tr("Caseworker"))
        self.assign_button = QPushButton(self.tr("&Assign"))
        self.unmerge_button = QPushButton(self.tr("&Unmerge the last case merged into this one"))
        self.unmerge_button.setVisible(False)
        changes = QGroupBox(self.tr("Change"))
        form = QFormLayout(changes)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Status:"), self._pair(self.status_box, self.status_button))
        form.addRow(self.tr("Priority:"), self._pair(self.priority_box, self.priority_button))
        form.addRow(self.tr("Caseworker:"), self._pair(self.assignee, self.assign_button))
        form.addRow("", self.unmerge_button)
        self.parts = CaseParts()
        self.tabs = QTabWidget()
        for page, text in self.parts.pages:
            self.tabs.addTab(page, text)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.facts)
        lay.addWidget(self.why)
        lay.addWidget(changes)
        lay.addWidget(self.message)
        lay.addWidget(self.tabs, 1)
        self.status_button.clicked.connect(self.change_status)
        self.priority_button.clicked.connect(self.change_priority)
        self.assign_button.clicked.connect(self.assign)
        self.unmerge_button.clicked.connect(self.unmerge_last)
        self.parts.add_note_button.clicked.connect(self.add_note)
        self.parts.add_follow_button.clicked.connect(self.add_follow_up)
        self.parts.done_button.clicked.connect(self.complete_follow_up)
        self.parts.refer_button.clicked.connect(self.refer)
        self.parts.open_record_button.clicked.connect(self._open_record)
        self.parts.interviews.cellActivated.connect(lambda *_a: self._open_record())
        self._enable(False)

    @staticmethod
    def _pair(a: QWidget, b: QWidget) -> QWidget:
        w = QWidget()
        row = QHBoxLayout(w)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(a, 1)
        row.addWidget(b)
        return w

    def set_vocabulary(self, vocab: DeskVocabulary) -> None:
        self.vocab = vocab
        self.parts.set_vocabulary(vocab)
        self.priority_box.clear()
        self.priority_box.addItem(L.level_text("auto"), "auto")
        for lv in reversed(vocab.levels):
            self.priority_box.addItem(L.level_text(lv), lv)

    def _enable(self, on: bool) -> None:
        for w in (self.reason, self.status_box, self.status_button, self.priority_box,
                  self.priority_button, self.assignee, self.assign_button, self.tabs,
                  self.unmerge_button):
            w.setEnabled(on)

    # -------------------------------------------------------------- loading
    def load(self, case_id: str) -> None:
        svc = self.session.hq
        self.busy = True
        self._asked += 1
        asked = self._asked
        self.session.runner.start(lambda: svc.case(case_id),
                                  lambda d: self._show(d, asked), self._failed)

    def _show(self, detail: Any, asked: int | None = None) -> None:
        assert isinstance(detail, CaseDetail)
        if asked is not None and asked != self._asked:
            return  # another case was opened since
        self.busy = False
        self.detail = d = detail
        s, v = d.summary, self.vocab
        self.title.setText(L.name_of(s))
        others = [n for n in d.names if n != s.display_name]
        facts = [self.tr("Status: {status}").format(status=L.status_text(s.status)),
                 self.tr("Priority: {level}").format(level=L.level_text(s.priority))]
        if s.priority_override:
            facts.append(self.tr("(set by an analyst; the form says {level})").format(
                level=L.level_text(d.priority_auto)))
        facts.append(self.tr("Caseworker: {who}").format(who=s.assignee or self.tr("none")))
        if s.province:
            facts.append(self.tr("Province: {p}").format(p=L.province_text(v, s.province)))
        if s.needs:
            facts.append(self.tr("Needs: {needs}").format(needs=L.needs_text(v, s)))
        if s.doc_expiry:
            facts.append(self.tr("Document expires: {date}").format(date=ltr(s.doc_expiry)))
        if others:
            facts.append(self.tr("Also written: {names}").format(names=" · ".join(others)))
        if s.merged_into:
            facts.append(self.tr("Merged into another case"))
        self.facts.setText("   ".join(facts))
        self.why.setText(self.tr("Priority because: {why}").format(
            why="; ".join(L.reason_text(v, r) for r in d.priority_reasons))
            if d.priority_reasons else "")
        self.status_box.clear()
        for nxt in (v.transitions.get(s.status, ()) if v else ()):
            self.status_box.addItem(L.status_text(nxt), nxt)
        self.status_button.setText(self.tr("&Triage") if s.status == "new"
                                   else self.tr("Change &status"))
        self.assignee.setText(s.assignee or "")
        self.parts.show_detail(d, v)
        live = s.merged_into is None
        self.unmerge_button.setVisible(live and bool(d.merged_cases))
        self._enable(live)
        self.status_button.setEnabled(live and self.status_box.count() > 0)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.message.setStyleSheet("color:#b00020")
        self.message.setText(error_text(exc))

    # -------------------------------------------------------------- changes
    def _run(self, fn: Callable[[], object], done_text: str,
             on_error: Callable[[BaseException], None] | None = None) -> None:
        d = self.detail
        if d is None:
            return
        case_id = d.id
        self.busy = True
        self.message.clear()

        def done(_r: object) -> None:
            self.message.setStyleSheet("color:#05691b")
            self.message.setText(done_text)
            self.reason.clear()
            self.changed.emit(case_id)
            self.load(case_id)

        def failed(exc: BaseException) -> None:
            (on_error or self._failed)(exc)
            self.busy = False
            self.load(case_id)  # a refusal is in the history now

        self.session.runner.start(fn, done, failed)

    def change_status(self) -> None:
        d, new = self.detail, self.status_box.currentData()
        if d is None or new is None:
            return
        svc, cid, who, why = self.session.hq, d.id, self.actor(), self.reason.text()
        if d.summary.status == "new" and new == "triaged":
            self._run(lambda: svc.triage(cid, actor=who, reason=why), self.tr("Triaged."))
        else:
            self._run(lambda: svc.set_status(cid, str(new), actor=who, reason=why),
                      self.tr("Status changed."))

    def change_priority(self) -> None:
        d, level = self.detail, self.priority_box.currentData()
        if d is None or level is None:
            return
        svc, cid, who, why = self.session.hq, d.id, self.actor(), self.reason.text()
        self._run(lambda: svc.set_priority(cid, str(level), actor=who, reason=why),
                  self.tr("Priority changed."))

    def assign(self) -> None:
        d = self.detail
        if d is None:
            return
        svc, cid, who, why = self.session.hq, d.id, self.actor(), self.reason.text()
        to = self.assignee.text().strip() or None
        self._run(lambda: svc.assign(cid, to, actor=who, reason=why), self.tr("Assigned."))

    def add_note(self) -> None:
        d = self.detail
        if d is None:
            return
        svc, cid, who, text = self.session.hq, d.id, self.actor(), self.parts.note_text
        body = text.toPlainText()
        self._run(lambda: svc.add_note(cid, body, actor=who), self.tr("Note added."))
        text.clear()

    def add_follow_up(self) -> None:
        d = self.detail
        if d is None:
            return
        svc, cid, who = self.session.hq, d.id, self.actor()
        due = self.parts.due.date().toString("yyyy-MM-dd")
        label = self.parts.follow_label.text()
        self._run(lambda: svc.add_follow_up(cid, due, label, actor=who),
                  self.tr("Follow-up added."))
        self.parts.follow_label.clear()

    def complete_follow_up(self) -> None:
        fid = self.parts.selected_follow_up()
        if fid is None:
            self.message.setText(self.tr("Choose an open follow-up first."))
            return
        svc, who, why = self.session.hq, self.actor(), self.reason.text()
        self._run(lambda: svc.complete_follow_up(fid, actor=who, reason=why),
                  self.tr("Follow-up done."))

    def refer(self) -> None:
        d = self.detail
        if d is None:
            return
        svc, cid, who, why = self.session.hq, d.id, self.actor(), self.reason.text()
        partner = self.parts.partner.text()
        need = str(self.parts.need_box.currentData() or "")
        out: Path | None = None
        if self.parts.save_package.isChecked():
            if not dialogs.confirm(self, self.tr("Referral package"), self.tr(
                    "The referral package you save is NOT encrypted: it holds the fields the "
                    "referral template lists, of the interviews whose consent allows "
                    "referral. Send it to the partner over a safe channel and delete it "
                    "after. Continue?")):
                return
            out = choose_save(self, self.tr("Save the referral package"),
                              "referral.jsonl", self.tr("JSON Lines (*.jsonl)"))
            if out is None:
                return
        lang = self.ui_lang
        self.parts.refusal.setVisible(False)
        self._run(lambda: svc.refer(cid, partner, need, actor=who, reason=why, out=out,
                                    lang=lang),
                  self.tr("Referred.") if out is None else
                  self.tr("Referred; the package is saved in {path}.").format(
                      path=ltr(str(out))), self._refer_failed)

    def _refer_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConsentRefused):
            self.parts.refusal.setText(self.tr(
                "Referral refused: the person did not consent to referral to partners. "
                "Nothing was sent. The refusal is recorded.") + "\n" + error_text(exc))
            self.parts.refusal.setVisible(True)
            self.tabs.setCurrentIndex(3)
        else:
            self._failed(exc)

    def unmerge_last(self) -> None:
        d = self.detail
        if d is None or not d.merged_cases:
            return
        svc, child, who, why = self.session.hq, d.merged_cases[-1], self.actor(), \
            self.reason.text()
        self._run(lambda: svc.unmerge(child, actor=who, reason=why), self.tr("Unmerged."))

    def _open_record(self) -> None:
        rid = self.parts.selected_record()
        if rid:
            self.open_record.emit(rid)

    def clear(self) -> None:
        self.detail = None
        self.title.setText(self.tr("Choose a case in the list."))
        for w in (self.facts, self.why, self.message):
            w.clear()
        self.reason.clear()
        self.assignee.clear()
        self.parts.clear()
        self._enable(False)
