"""The lower half of the case screen: interviews, follow-ups, notes, referrals and
history, each a table over the CaseDetail snapshot, with the inputs that add to it."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.hq import case_labels as L
from intake_app.gui.hq.common import GOOD, NOTE, item, number, read_only_table, set_row, when
from intake_app.gui.widgets import wrapped_label
from intake_app.models import CaseDetail, DeskVocabulary


def _page(*parts: object) -> QWidget:
    page = QWidget()
    lay = QVBoxLayout(page)
    for p in parts:
        if isinstance(p, QWidget):
            lay.addWidget(p, 1 if isinstance(p, QTableWidget) else 0)
        else:
            lay.addLayout(p)  # type: ignore[arg-type]
    return page


def _row(*widgets: QWidget, stretch: int | None = None) -> QHBoxLayout:
    lay = QHBoxLayout()
    for i, w in enumerate(widgets):
        lay.addWidget(w, 1 if i == stretch else 0)
    return lay


class CaseParts(QWidget):
    """Not a QTabWidget itself: the case view puts ``pages`` into its tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: CaseDetail | None = None
        # Interviews
        self.interviews = QTableWidget(0, 4)
        self.interviews.setAccessibleName(self.tr("Interviews"))
        read_only_table(self.interviews, [self.tr("Form"), self.tr("Received"),
                                          self.tr("Last changed"), self.tr("Revision")])
        self.open_record_button = QPushButton(self.tr("Open the &interview"))
        # Follow-ups
        self.follow_ups = QTableWidget(0, 4)
        self.follow_ups.setAccessibleName(self.tr("Follow-ups"))
        read_only_table(self.follow_ups, [self.tr("Due"), self.tr("What"), self.tr("From"),
                                          self.tr("Done")])
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setDate(QDate.currentDate().addDays(7))
        self.due.setAccessibleName(self.tr("Due date"))
        self.follow_label = QLineEdit()
        self.follow_label.setPlaceholderText(self.tr("What to follow up"))
        self.follow_label.setAccessibleName(self.tr("What to follow up"))
        self.add_follow_button = QPushButton(self.tr("Add &follow-up"))
        self.done_button = QPushButton(self.tr("Mark &done"))
        # Notes (append-only)
        self.notes = QTableWidget(0, 3)
        self.notes.setAccessibleName(self.tr("Notes"))
        read_only_table(self.notes, [self.tr("When"), self.tr("Who"), self.tr("Note")])
        self.note_text = QPlainTextEdit()
        self.note_text.setPlaceholderText(self.tr("A new note (notes cannot be changed later)"))
        self.note_text.setAccessibleName(self.tr("New note"))
        self.note_text.setMaximumHeight(70)
        self.add_note_button = QPushButton(self.tr("Add &note"))
        # Referrals
        self.referrals = QTableWidget(0, 5)
        self.referrals.setAccessibleName(self.tr("Referrals"))
        read_only_table(self.referrals, [self.tr("When"), self.tr("Partner"), self.tr("Need"),
                                         self.tr("Interviews sent"), self.tr("Why")])
        self.partner = QLineEdit()
        self.partner.setPlaceholderText(self.tr("Partner organisation"))
        self.partner.setAccessibleName(self.tr("Partner organisation"))
        self.need_box = QComboBox()
        self.need_box.setAccessibleName(self.tr("Need"))
        self.refer_button = QPushButton(self.tr("&Refer"))
        self.save_package = QCheckBox(self.tr("Save the referral package to a file"))
        self.refusal = wrapped_label(name="referralRefusal")
        self.refusal.setStyleSheet("color:#b00020;font-weight:bold")
        self.refusal.setVisible(False)
        # History
        self.history = QTableWidget(0, 5)
        self.history.setAccessibleName(self.tr("History"))
        read_only_table(self.history, [self.tr("When"), self.tr("Who"), self.tr("What"),
                                       self.tr("Change"), self.tr("Why")])
        self.pages = [
            (_page(self.interviews, _row(self.open_record_button, QWidget(), stretch=1)),
             self.tr("Inter&views")),
            (_page(self.follow_ups, _row(self.due, self.follow_label, self.add_follow_button,
                                         self.done_button, stretch=1)),
             self.tr("Follo&w-ups")),
            (_page(self.notes, self.note_text, _row(QWidget(), self.add_note_button, stretch=0)),
             self.tr("N&otes")),
            (_page(self.referrals, self.refusal,
                   _row(self.partner, self.need_box, self.save_package, self.refer_button,
                        stretch=0)),
             self.tr("Re&ferrals")),
            (_page(self.history), self.tr("&History")),
        ]

    def set_vocabulary(self, vocab: DeskVocabulary) -> None:
        self.need_box.clear()
        for code, text in vocab.needs.items():
            self.need_box.addItem(text, code)

    def show_detail(self, d: CaseDetail, vocab: DeskVocabulary | None) -> None:
        self.detail = d
        forms = vocab.forms if vocab else {}
        self.interviews.setRowCount(len(d.records))
        for row, r in enumerate(d.records):
            set_row(self.interviews, row, [item(forms.get(r.form_id, r.form_id)),
                                           item(when(r.created_at)), item(when(r.updated_at)),
                                           item(str(r.revision))])
        today = dt.date.today().isoformat()
        self.follow_ups.setRowCount(len(d.follow_ups))
        for row, f in enumerate(d.follow_ups):
            late = f.done_at is None and f.due < today
            source = self.tr("the form") if f.source == "form" else f.created_by
            set_row(self.follow_ups, row, [
                item(f.due, NOTE if late else None, self.tr("Overdue") if late else ""),
                item(L.follow_up_text(vocab, f.label) if f.source == "form" else f.label),
                item(source),
                item(when(f.done_at) + (f" ({f.done_by})" if f.done_by else ""),
                     GOOD if f.done_at else None)])
        self.notes.setRowCount(len(d.notes))
        for row, n in enumerate(d.notes):
            set_row(self.notes, row, [item(when(n.at)), item(n.author),
                                      item(n.text, tip=n.text)])
        self.referrals.setRowCount(len(d.referrals))
        for row, ref in enumerate(d.referrals):
            set_row(self.referrals, row, [
                item(when(ref.at)), item(ref.partner), item(L.need_text(vocab, ref.need)),
                item(number(len(ref.records))), item(ref.reason)])
        self.history.setRowCount(len(d.history))
        for row, h in enumerate(reversed(d.history)):
            set_row(self.history, row, [
                item(when(h.at)), item(h.actor), item(L.action_text(h.action)),
                item(self._change_text(h.action, h.detail)), item(h.reason, tip=h.reason)])

    def _change_text(self, action: str, detail: dict[str, object]) -> str:
        old, new = str(detail.get("from")), str(detail.get("to"))
        if action in ("status", "reopen") and "to" in detail:
            return f"{L.status_text(old)} → {L.status_text(new)}"
        if action == "priority":
            return f"{L.level_text(old)} → {L.level_text(new)}"
        if action == "assign":
            return f"{detail.get('from') or '—'} → {detail.get('to') or '—'}"
        if action == "follow-up":
            return str(detail.get("due", ""))
        if action == "refer":
            return L.status_text("referred")
        rest = {k: v for k, v in detail.items() if k != "record"}
        return json.dumps(rest, ensure_ascii=False) if rest and action != "note" else ""

    def selected_follow_up(self) -> int | None:
        d, row = self.detail, self.follow_ups.currentRow()
        if d is None or not 0 <= row < len(d.follow_ups) or d.follow_ups[row].done_at:
            return None
        return d.follow_ups[row].id

    def selected_record(self) -> str | None:
        d, row = self.detail, self.interviews.currentRow()
        if d is None or not 0 <= row < len(d.records):
            return None
        return d.records[row].id

    def clear(self) -> None:
        self.detail = None
        for t in (self.interviews, self.follow_ups, self.notes, self.referrals, self.history):
            t.setRowCount(0)
        self.note_text.clear()
        self.refusal.clear()
        self.refusal.setVisible(False)
