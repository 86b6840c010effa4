"""Duplicate review: likely pairs of cases that are the same person, with why each
pair matched (name keys across scripts, birth year, phone, province). The analyst
merges one into the other or marks the pair as not a duplicate (it is hidden for this
session); a merged case can be unmerged. Nothing is ever merged automatically."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
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
        self.dismissed: set[tuple[str, str]] = set()
        self.merged: list[tuple[str, str]] = []  # (source, target) merged in this session
        self.busy = False
        self._asked = 0
        self.vocab: DeskVocabulary | None = None
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Likely duplicates"))
        read_only_table(self.table, [self.tr("Case"), self.tr("Likely the same as"),
                                     self.tr("Score"), self.tr("Why"), self.tr("Status")])
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why (required to merge or unmerge)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.merge_button = QPushButton(self.tr("&Merge the second into the first"))
        self.not_dup_button = QPushButton(self.tr("&Not a duplicate"))
        self.unmerge_button = QPushButton(self.tr("&Undo the last merge"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.message = QLabel()
        self.message.setWordWrap(True)
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
        """The finder's reasons (English, from the service) in the interface language
        where the wording is known; otherwise as they come."""
        m = re.fullmatch(r"names match \((.*); (\d+)% of the shorter name\)", why)
        if m:
            return self.tr("names match ({keys}; {pct}% of the shorter name)").format(
                keys=m.group(1), pct=m.group(2))
        m = re.fullmatch(r"same birth year \((\d+)\)", why)
        if m:
            return self.tr("same birth year ({year})").format(year=m.group(1))
        m = re.fullmatch(r"birth years (\d+) apart( \(against\))?", why)
        if m:
            return (self.tr("birth years {n} apart (against)") if m.group(2) else
                    self.tr("birth years {n} apart")).format(n=m.group(1))
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
        self.pairs = [p for p in pairs if (p.a.id, p.b.id) not in self.dismissed]
        self.table.setRowCount(len(self.pairs))
        for row, p in enumerate(self.pairs):
            set_row(self.table, row, [
                item(L.name_of(p.a)), item(L.name_of(p.b)), item(f"{p.score:.2f}"),
                item("; ".join(self.reason_text(r) for r in p.reasons)),
                item(f"{L.status_text(p.a.status)} / {L.status_text(p.b.status)}")])
        self.count.setText(self.tr("%n pair(s)", "", len(self.pairs)))
        self._selection()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.message.setText(error_text(exc))

    def selected(self) -> DuplicatePair | None:
        row = self.table.currentRow()
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def _selection(self) -> None:
        on = self.selected() is not None and not self.busy
        self.merge_button.setEnabled(on)
        self.not_dup_button.setEnabled(on)
        self.unmerge_button.setEnabled(bool(self.merged))

    def merge_selected(self) -> None:
        p = self.selected()
        if p is None:
            return
        svc, who, why = self.session.hq, self.actor(), self.reason.text()
        target, source = p.a.id, p.b.id

        def done(_r: object) -> None:
            self.merged.append((source, target))
            self.message.setText(self.tr("Merged {b} into {a}.").format(
                a=L.name_of(p.a), b=L.name_of(p.b)))
            self.reason.clear()
            self.changed.emit()
            self.refresh()

        self.busy = True
        self.session.runner.start(
            lambda: svc.merge(target, source, actor=who, reason=why), done, self._failed)

    def dismiss_selected(self) -> None:
        p = self.selected()
        if p is None:
            return
        self.dismissed.add((p.a.id, p.b.id))
        self.message.setText(self.tr("Marked as not a duplicate: {a} and {b}.").format(
            a=L.name_of(p.a), b=L.name_of(p.b)))
        self._show(self.pairs)

    def unmerge_last(self) -> None:
        if not self.merged:
            return
        source, _target = self.merged[-1]
        svc, who, why = self.session.hq, self.actor(), self.reason.text()

        def done(_r: object) -> None:
            self.merged.pop()
            self.message.setText(self.tr("Unmerged."))
            self.reason.clear()
            self.changed.emit()
            self.refresh()

        self.busy = True
        self.session.runner.start(lambda: svc.unmerge(source, actor=who, reason=why), done,
                                  self._failed)

    def clear(self) -> None:
        self.pairs = []
        self.merged = []
        self.table.setRowCount(0)
