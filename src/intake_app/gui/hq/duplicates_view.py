"""Duplicate review: likely pairs of cases that are the same person, with why each
pair matched (name keys across scripts, birth year, phone, province). The analyst
merges one into the other or marks the pair as not a duplicate (stored: the pair is
not suggested again); the last of either can be undone. Nothing is ever merged
automatically."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.dialogs import error_text
from intake_app.gui.hq import case_labels as L
from intake_app.gui.hq.common import HQSession, item, read_only_table, set_row
from intake_app.gui.i18n import local_digits
from intake_app.gui.widgets import wrapped_label
from intake_app.models import DeskVocabulary, DuplicatePair


class DuplicatesView(QWidget):
    changed = Signal()

    def __init__(self, session: HQSession, actor: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqDuplicatesView")
        self.session = session
        self.actor = actor
        self.pairs: list[DuplicatePair] = []
        # What this session did, newest last: ("merge", source, target) or
        # ("not-duplicate", a, b); the undo button takes back the last.
        self.done: list[tuple[str, str, str]] = []
        self.busy = False
        self._asked = 0
        self.vocab: DeskVocabulary | None = None
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Likely duplicates"))
        read_only_table(self.table, [self.tr("Case"), self.tr("Likely the same as"),
                                     self.tr("Score"), self.tr("Why"), self.tr("Status")])
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why (required)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.merge_button = QPushButton(self.tr("&Merge the second into the first"))
        self.not_dup_button = QPushButton(self.tr("&Not a duplicate"))
        self.unmerge_button = QPushButton(self.tr("&Undo the last change"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.message = wrapped_label()
        self.count = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.reason, 1)
        for b in (self.merge_button, self.not_dup_button, self.unmerge_button):
            row.addWidget(b)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Pairs of cases that may be the same person. "
                                     "Check both before merging; a merge can be undone.")), 1)
        top.addWidget(self.count)
        top.addWidget(self.refresh_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        lay.addWidget(self.message)
        self.merge_button.clicked.connect(self.merge_selected)
        self.not_dup_button.clicked.connect(self.dismiss_selected)
        self.unmerge_button.clicked.connect(self.unmerge_last)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selection)
        self._selection()

    def reason_text(self, why: str) -> str:
        """The finder's reasons (English, from the service) in the interface language and
        its digits where the wording is known; otherwise as they come."""
        m = re.fullmatch(r"names match \((.*); (\d+)% of the shorter name\)", why)
        if m:
            return self.tr("names match ({keys}; {pct}% of the shorter name)").format(
                keys=m.group(1), pct=local_digits(m.group(2)))
        m = re.fullmatch(r"same birth year \((\d+)\)", why)
        if m:
            return self.tr("same birth year ({year})").format(year=local_digits(m.group(1)))
        m = re.fullmatch(r"birth years (\d+) apart( \(against\))?", why)
        if m:
            return (self.tr("birth years {n} apart (against)") if m.group(2) else
                    self.tr("birth years {n} apart")).format(n=local_digits(m.group(1)))
        m = re.fullmatch(r"same province \((.*)\)", why)
        if m:
            return self.tr("same province ({province})").format(
                province=L.province_text(self.vocab, m.group(1)))
        if why == "same phone number":
            return self.tr("same phone number")
        return why

    def refresh(self) -> None:
        svc = self.session.hq
        self.busy = True
        self._asked += 1
        asked = self._asked
        self.session.runner.start(lambda: svc.duplicates(limit=200),
                                  lambda r: self._show(r, asked), self._failed)

    def set_vocabulary(self, vocab: DeskVocabulary) -> None:
        self.vocab = vocab

    def _show(self, pairs: Any, asked: int | None = None) -> None:
        if asked is not None and asked != self._asked:
            return  # a newer refresh is on its way
        self.busy = False
        self.pairs = list(pairs)
        self.table.setRowCount(len(self.pairs))
        for row, p in enumerate(self.pairs):
            set_row(self.table, row, [
                item(L.name_of(p.a)), item(L.name_of(p.b)),
                item(QLocale().toString(p.score, "f", 2)),
                item("; ".join(self.reason_text(r) for r in p.reasons)),
                item(f"{L.status_text(p.a.status)} / {L.status_text(p.b.status)}")])
        self.count.setText(self.tr("%n pair(s)", "", len(self.pairs)))
        self._selection()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.message.setText(error_text(exc))
        self._selection()

    def selected(self) -> DuplicatePair | None:
        row = self.table.currentRow()
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def _selection(self) -> None:
        on = self.selected() is not None and not self.busy
        self.merge_button.setEnabled(on)
        self.not_dup_button.setEnabled(on)
        self.unmerge_button.setEnabled(bool(self.done) and not self.busy)

    def merge_selected(self) -> None:
        p = self.selected()
        if p is None:
            return
        svc, who, why = self.session.hq, self.actor(), self.reason.text()
        target, source = p.a.id, p.b.id

        def done(_r: object) -> None:
            self.done.append(("merge", source, target))
            self._finished(self.tr("Merged {b} into {a}.").format(
                a=L.name_of(p.a), b=L.name_of(p.b)))

        self._run(lambda: svc.merge(target, source, actor=who, reason=why), done)

    def _run(self, call: Callable[[], object], done: Callable[[object], None]) -> None:
        self.busy = True
        self._selection()
        self.session.runner.start(call, done, self._failed)

    def _finished(self, message: str) -> None:
        self.message.setText(message)
        self.reason.clear()
        self.changed.emit()
        self.refresh()

    def dismiss_selected(self) -> None:
        p = self.selected()
        if p is None:
            return
        svc, who, why, a, b = self.session.hq, self.actor(), self.reason.text(), p.a, p.b

        def done(_r: object) -> None:
            self.done.append(("not-duplicate", a.id, b.id))
            self._finished(self.tr("Marked as not a duplicate: {a} and {b}.").format(
                a=L.name_of(a), b=L.name_of(b)))

        self._run(lambda: svc.not_duplicate(a.id, b.id, actor=who, reason=why), done)

    def unmerge_last(self) -> None:
        """Undo the last merge or "not a duplicate" of this session."""
        if not self.done:
            return
        kind, x, y = self.done[-1]
        svc, who, why = self.session.hq, self.actor(), self.reason.text()

        def done(_r: object) -> None:
            self.done.pop()
            self._finished(self.tr("Unmerged.") if kind == "merge" else
                           self.tr("The pair may be suggested again."))

        if kind == "merge":
            self._run(lambda: svc.unmerge(x, actor=who, reason=why), done)
        else:
            self._run(lambda: svc.undo_not_duplicate(x, y, actor=who, reason=why), done)

    def clear(self) -> None:
        self.pairs = []
        self.done = []
        self.table.setRowCount(0)
