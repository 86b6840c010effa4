"""The Cases tab: who is working (every change is recorded under that name), the
queues on one side and the open case on the other. The vocabulary (statuses,
levels, the labels of needs and provinces) is read once, off the UI thread."""

from __future__ import annotations

import getpass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.hq.case_view import CaseView
from intake_app.gui.hq.cases_view import CasesView
from intake_app.gui.hq.common import HQSession
from intake_app.models import DeskVocabulary


def default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class CaseDesk(QWidget):
    vocabulary = Signal(object)
    open_record = Signal(str)

    def __init__(self, session: HQSession, ui_lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqCaseDesk")
        self.session = session
        self.ui_lang = ui_lang
        self.vocab: DeskVocabulary | None = None
        self.me = QLineEdit(default_actor())
        self.me.setAccessibleName(self.tr("Working as"))
        self.me.setMaximumWidth(240)
        me_label = QLabel(self.tr("&Working as:"))
        me_label.setBuddy(self.me)
        self.queues = CasesView(session, self.actor)
        self.case = CaseView(session, self.actor, ui_lang)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.case)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.queues)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 4)
        split.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(me_label)
        top.addWidget(self.me)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        self.queues.open_case.connect(self.case.load)
        self.case.changed.connect(lambda _cid: self.queues.refresh())
        self.case.open_record.connect(self.open_record)
        self.me.editingFinished.connect(self._me_changed)

    def actor(self) -> str:
        return self.me.text().strip()

    def _me_changed(self) -> None:
        if self.queues.queue_box.currentData() == "mine":
            self.queues.refresh()

    def load_vocabulary(self) -> None:
        svc, lang = self.session.hq, self.ui_lang
        self.session.runner.start(lambda: svc.case_vocabulary(lang), self._vocab)

    def _vocab(self, vocab: Any) -> None:
        assert isinstance(vocab, DeskVocabulary)
        self.vocab = vocab
        self.queues.set_vocabulary(vocab)
        self.case.set_vocabulary(vocab)
        self.vocabulary.emit(vocab)
        self.queues.refresh()

    def refresh(self) -> None:
        if self.vocab is None:
            self.load_vocabulary()
        else:
            self.queues.refresh()
            if self.case.detail is not None:
                self.case.load(self.case.detail.id)

    def clear(self) -> None:
        self.queues.clear()
        self.case.clear()
