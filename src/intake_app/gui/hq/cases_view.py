"""The case queues: new and untriaged, by priority, overdue follow-ups, documents
expiring within N days, my cases, all open, closed; filters by status, priority,
caseworker, province, need, form and the date a case was opened; full-text search
(names in any script). The list shows the person's name, never a record id."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.dialogs import error_text
from intake_app.gui.hq import case_labels as L
from intake_app.gui.hq.common import HQSession, item, number, read_only_table, set_row, when
from intake_app.gui.widgets import wrapped_label
from intake_app.models import CaseFilter, CaseSummary, DeskVocabulary

PAGE = 200


def _ms(day: QDate, end: bool = False) -> int:
    d = dt.date(day.year(), day.month(), day.day())
    t = dt.datetime.combine(d, dt.time.max if end else dt.time(), dt.UTC)
    return int(t.timestamp() * 1000)


class CasesView(QWidget):
    open_case = Signal(str)

    def __init__(self, session: HQSession, actor: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqCasesView")
        self.session = session
        self.actor = actor
        self.vocab: DeskVocabulary | None = None
        self.cases: list[CaseSummary] = []
        self.total = 0
        self.loading = False
        self._asked = 0
        self.queue_box = QComboBox()
        self.queue_box.setAccessibleName(self.tr("Queue"))
        for code, text in (("new", self.tr("New and untriaged")),
                           ("priority", self.tr("By priority")),
                           ("overdue", self.tr("Overdue follow-ups")),
                           ("expiring", self.tr("Documents expiring")),
                           ("mine", self.tr("My cases")), ("all", self.tr("All open cases")),
                           ("closed", self.tr("Closed cases"))):
            self.queue_box.addItem(text, code)
        self.days = QSpinBox()
        self.days.setRange(1, 3650)
        self.days.setValue(30)
        self.days.setSuffix(self.tr(" days"))
        self.days.setAccessibleName(self.tr("Within days"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names and answers…"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.status_box, self.priority_box = QComboBox(), QComboBox()
        self.province_box, self.need_box, self.form_box = QComboBox(), QComboBox(), QComboBox()
        for box, name in ((self.status_box, self.tr("Status")),
                          (self.priority_box, self.tr("Priority")),
                          (self.province_box, self.tr("Province")),
                          (self.need_box, self.tr("Need")), (self.form_box, self.tr("Form"))):
            box.setAccessibleName(name)
            box.addItem(self.tr("Any {what}").format(what=name.lower()), None)
        self.caseworker = QLineEdit()
        self.caseworker.setPlaceholderText(self.tr("Any caseworker"))
        self.caseworker.setAccessibleName(self.tr("Caseworker"))
        self.dated = QCheckBox(self.tr("Opened from"))
        self.since, self.until = QDateEdit(), QDateEdit()
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setDate(QDate.currentDate())
        self.since.setDate(QDate.currentDate().addMonths(-1))
        self.until_label = QLabel(self.tr("to"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.count = QLabel()
        self.status = wrapped_label()
        self.table = QTableWidget(0, 9)
        self.table.setAccessibleName(self.tr("Cases"))
        read_only_table(self.table, [
            self.tr("Name"), self.tr("Status"), self.tr("Priority"), self.tr("Caseworker"),
            self.tr("Province"), self.tr("Needs"), self.tr("Next follow-up"),
            self.tr("Document expires"), self.tr("Opened")])
        top = QHBoxLayout()
        queue_label = QLabel(self.tr("&Queue:"))
        queue_label.setBuddy(self.queue_box)
        top.addWidget(queue_label)
        top.addWidget(self.queue_box)
        top.addWidget(self.days)
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        grid = QGridLayout()
        for col, w in enumerate((self.status_box, self.priority_box, self.caseworker,
                                 self.province_box, self.need_box, self.form_box)):
            grid.addWidget(w, 0, col)
        dates = QHBoxLayout()
        for w in (self.dated, self.since, self.until_label, self.until):
            dates.addWidget(w)
        dates.addStretch(1)
        dates.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(grid)
        lay.addLayout(dates)
        lay.addWidget(self.status)
        lay.addWidget(self.table, 1)
        for box in (self.queue_box, self.status_box, self.priority_box, self.province_box,
                    self.need_box, self.form_box):
            box.currentIndexChanged.connect(self.refresh)
        self.days.valueChanged.connect(self.refresh)
        self.dated.toggled.connect(self.refresh)
        self.since.dateChanged.connect(self._dates_changed)
        self.until.dateChanged.connect(self._dates_changed)
        self.search.returnPressed.connect(self.refresh)
        self.caseworker.returnPressed.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.cellActivated.connect(self._activated)
        self.table.cellClicked.connect(self._activated)
        self._queue_changed()
        self.queue_box.currentIndexChanged.connect(self._queue_changed)

    # -------------------------------------------------------------- vocabulary
    def set_vocabulary(self, vocab: DeskVocabulary) -> None:
        self.vocab = vocab
        fill = ((self.status_box, [(s, L.status_text(s)) for s in vocab.statuses]),
                (self.priority_box, [(lv, L.level_text(lv)) for lv in reversed(vocab.levels)]),
                (self.province_box, sorted(vocab.provinces.items(), key=lambda kv: kv[1])),
                (self.need_box, list(vocab.needs.items())),
                (self.form_box, list(vocab.forms.items())))
        for box, entries in fill:
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for code, text in entries:
                box.addItem(text, code)
            box.blockSignals(False)

    # -------------------------------------------------------------- loading
    def current_filter(self) -> CaseFilter:
        def val(box: QComboBox) -> str | None:
            data = box.currentData()
            return None if data is None else str(data)

        dated = self.dated.isChecked()
        return CaseFilter(
            queue=str(self.queue_box.currentData()), status=val(self.status_box),
            priority=val(self.priority_box), assignee=self.caseworker.text().strip() or None,
            province=val(self.province_box), need=val(self.need_box), form_id=val(self.form_box),
            since_ms=_ms(self.since.date()) if dated else None,
            until_ms=_ms(self.until.date(), end=True) if dated else None,
            within_days=self.days.value(), me=self.actor() or None)

    def refresh(self) -> None:
        svc = self.session.hq
        query = self.search.text().strip()
        flt = self.current_filter()

        def load() -> tuple[list[CaseSummary], int]:
            if query:
                found = svc.search_cases(query, limit=PAGE)
                return found, len(found)
            return svc.cases(flt, limit=PAGE), svc.count_cases(flt)

        self.loading = True
        self._asked += 1
        asked = self._asked
        self.session.runner.start(load, lambda r: self._show(r, asked), self._failed)

    def _show(self, result: Any, asked: int | None = None) -> None:
        if asked is not None and asked != self._asked:
            return  # an older query answered after a newer one was asked
        cases, total = result
        self.loading = False
        self.cases, self.total = list(cases), int(total)
        self.status.clear()
        self.table.setRowCount(len(self.cases))
        v = self.vocab
        for row, c in enumerate(self.cases):
            overdue = bool(c.next_due and c.next_due < dt.date.today().isoformat())
            set_row(self.table, row, [
                item(L.name_of(c)),
                item(L.status_text(c.status)),
                item(L.level_text(c.priority) + (" *" if c.priority_override else ""),
                     tip=self.tr("Priority set by an analyst") if c.priority_override else ""),
                item(c.assignee or ""), item(L.province_text(v, c.province)),
                item(L.needs_text(v, c)),
                item(c.next_due or "", L.LEVEL_COLOURS["medium"].lighter(170) if overdue
                     else None, self.tr("Overdue") if overdue else ""),
                item(c.doc_expiry or ""), item(when(c.created_at))])
        if len(self.cases) < self.total:
            self.count.setText(self.tr("Showing {shown} of {total} cases").format(
                shown=number(len(self.cases)), total=number(self.total)))
        else:
            self.count.setText(self.tr("%n case(s)", "", self.total))

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.status.setText(error_text(exc))

    def _queue_changed(self) -> None:
        self.days.setVisible(self.queue_box.currentData() == "expiring")

    def _dates_changed(self) -> None:
        if self.dated.isChecked():
            self.refresh()

    def _activated(self, row: int, _col: int = 0) -> None:
        if 0 <= row < len(self.cases):
            self.open_case.emit(self.cases[row].id)

    def select_queue(self, code: str) -> None:
        self.queue_box.setCurrentIndex(max(0, self.queue_box.findData(code)))

    def clear(self) -> None:
        self.cases = []
        self.table.setRowCount(0)
        self.search.clear()
