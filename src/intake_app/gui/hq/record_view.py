"""One record, read-only: the form's questions and answers, repeat groups, attachments.

Photos and audio open in memory (no temporary file, no thumbnail on disk).
Other attachments leave the store only when the user asks to save them, after
a warning, to a place the user chooses.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake_app.forms import Form
from intake_app.forms.model import FormField
from intake_app.gui import dialogs
from intake_app.gui.dialogs import error_text
from intake_app.gui.editor.attachment_fields import AttachmentViewer, human_size
from intake_app.gui.hq.common import HQSession, choose_save, item, read_only_table, set_row, when
from intake_app.gui.i18n import form_language, ltr
from intake_app.gui.widgets import wrapped_label
from intake_app.models import AttachmentInfo, RecordDetail
from intake_app.services.hq_attachments import save_attachment

SKIPPED = frozenset({"note", "hidden"})


class RecordView(QWidget):
    """Shows the record given to ``show``; empty until then."""

    def __init__(self, session: HQSession, ui_lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqRecordView")
        self.session = session
        self.ui_lang = ui_lang
        self.detail: RecordDetail | None = None
        self.viewer: QDialog | None = None
        self.header = wrapped_label(self.tr("Open a record from the list."))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Answers"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Question"), self.tr("Answer")])
        self.tree.setWordWrap(True)
        self.tree.setColumnWidth(0, 260)
        self.attachments = QTableWidget(0, 3)
        self.attachments.setAccessibleName(self.tr("Attachments"))
        read_only_table(self.attachments, [self.tr("Attachment"), self.tr("Type"),
                                           self.tr("Size")])
        self.attachments.setMaximumHeight(140)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Photos and audio open in memory"))
        self.save_button = QPushButton(self.tr("&Save as…"))
        self.save_button.setToolTip(self.tr("Writes an unencrypted copy where you choose"))
        self.status = wrapped_label()
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.header)
        lay.addWidget(self.tree, 1)
        lay.addWidget(QLabel(self.tr("Attachments")))
        lay.addWidget(self.attachments)
        lay.addLayout(row)
        lay.addWidget(self.status)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.attachments.itemSelectionChanged.connect(self._selection)
        self.attachments.itemDoubleClicked.connect(lambda _i: self.open_selected())
        self._selection()

    # -------------------------------------------------------------- loading
    def load(self, record_id: str) -> None:
        svc = self.session.hq

        def fetch() -> tuple[RecordDetail, Form | None]:
            detail = svc.record(record_id)
            try:
                form: Form | None = svc.registry().get(detail.summary.form_id,
                                                       detail.summary.form_version)
            except Exception:  # any lookup problem: shown without labels
                form = None
            return detail, form

        self.status.setText(self.tr("Opening…"))
        self.session.runner.start(fetch, lambda r: self.show_detail(*r),
                                  lambda e: self.status.setText(error_text(e)))

    def show_detail(self, detail: RecordDetail, form: Form | None) -> None:
        self.clear()
        self.detail = detail
        s = detail.summary
        title = form.title_text(self.ui_lang) if form else s.form_id
        self.header.setText(self.tr("Record {id} · {form} · revision {rev} · updated {when}")
                            .format(id=ltr(s.id[:8]), form=title, rev=s.revision,
                                    when=when(s.updated_at)))
        names = {a.id: a.name for a in detail.attachments}
        if form is None:
            for key, value in detail.values.items():
                self.tree.addTopLevelItem(QTreeWidgetItem([key, str(value)]))
        else:
            lang = form_language(form.language_codes(), self.ui_lang, form.default_language)
            _Renderer(form, lang, names, self).add(self.tree.invisibleRootItem(),
                                                   form.fields, detail.values)
        self.tree.expandAll()
        self.attachments.setRowCount(len(detail.attachments))
        for row, a in enumerate(detail.attachments):
            set_row(self.attachments, row, [item(a.name), item(a.mime),
                                            item(human_size(a.size))])
        self.status.clear()
        self._selection()

    def clear(self) -> None:
        self.detail = None
        self.tree.clear()
        self.attachments.setRowCount(0)
        self.status.clear()
        if self.viewer is not None:
            self.viewer.close()
            self.viewer.deleteLater()
            self.viewer = None

    # -------------------------------------------------------------- attachments
    def selected_attachment(self) -> AttachmentInfo | None:
        rows = self.attachments.selectionModel().selectedRows()
        if self.detail is None or not rows:
            return None
        return self.detail.attachments[rows[0].row()]

    def _selection(self) -> None:
        a = self.selected_attachment()
        self.open_button.setEnabled(a is not None and a.mime.startswith(("image/", "audio/")))
        self.save_button.setEnabled(a is not None)

    def _fetch(self, att: AttachmentInfo, then: Any) -> None:
        svc = self.session.hq
        self.session.runner.start(lambda: b"".join(svc.attachment_chunks(att.id)), then,
                                  lambda e: self.status.setText(error_text(e)))

    def open_selected(self) -> None:
        a = self.selected_attachment()
        if a is None or not a.mime.startswith(("image/", "audio/")):
            return
        self._fetch(a, lambda data: self._open(a, data))

    def _open(self, att: AttachmentInfo, data: bytes) -> None:
        if self.viewer is not None:
            self.viewer.close()
            self.viewer.deleteLater()
        self.viewer = (AudioPlayer(att.name, data, self) if att.mime.startswith("audio/")
                       else AttachmentViewer(att.name, data, self))
        self.viewer.open()

    def save_selected(self) -> None:
        a = self.selected_attachment()
        if a is None:
            return
        if not dialogs.confirm(self, self.tr("Save attachment"), self.tr(
                "The copy you save is NOT encrypted: it leaves the protected store. Keep it "
                "on an encrypted disk and delete it when done. Save {name}?").format(
                name=a.name)):
            return
        path = choose_save(self, self.tr("Save attachment as"), a.name)
        if path is None:
            return
        svc = self.session.hq

        def write() -> str:
            save_attachment(svc, a.id, path)  # streamed: a 1 GiB attachment is not in memory
            return str(path)

        self.session.runner.start(write, lambda p: self.status.setText(
            self.tr("Saved an unencrypted copy to {path}.").format(path=ltr(str(p)))),
            lambda e: self.status.setText(error_text(e)))


class _Renderer:
    """Questions and answers into tree items, following the form."""

    def __init__(self, form: Form, lang: str, attachments: dict[str, str],
                 owner: QWidget) -> None:
        self.form, self.lang, self.attachments, self.owner = form, lang, attachments, owner

    def label(self, f: FormField) -> str:
        return f.text("label", self.lang, self.form.default_language) or f.name

    def add(self, parent: QTreeWidgetItem, fields: list[FormField],
            values: dict[str, Any]) -> None:
        for f in fields:
            if f.type in SKIPPED:
                continue
            if f.type == "group":
                node = QTreeWidgetItem([self.label(f), ""])
                self.add(node, f.children, values)
                if node.childCount():
                    parent.addChild(node)
                continue
            if f.name not in values or values[f.name] in (None, "", []):
                continue
            value = values[f.name]
            if f.type == "repeat" and isinstance(value, list):
                node = QTreeWidgetItem([self.label(f), QLocale().toString(len(value))])
                parent.addChild(node)
                for i, row in enumerate(value, 1):
                    row_label = QCoreApplication.translate("RecordView", "Row {n}")
                    child = QTreeWidgetItem([row_label.format(n=QLocale().toString(i)), ""])
                    node.addChild(child)
                    if isinstance(row, dict):
                        self.add(child, f.children, row)
                continue
            parent.addChild(QTreeWidgetItem([self.label(f), self.answer(f, value)]))

    def answer(self, f: FormField, value: Any) -> str:
        if f.type == "select_one" and f.choices:
            return self.form.choice_label(f.choices, str(value), self.lang)
        if f.type in ("select_multiple", "rank") and f.choices and isinstance(value, list):
            return ", ".join(self.form.choice_label(f.choices, str(v), self.lang)
                             for v in value)
        if f.type == "yes_no" or isinstance(value, bool):
            return (QCoreApplication.translate("RecordView", "Yes") if value
                    else QCoreApplication.translate("RecordView", "No"))
        if f.type == "attachment":
            return self.attachments.get(str(value), str(value))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return QLocale().toString(value)
        return str(value)


class AudioPlayer(QDialog):
    """Plays audio from memory (a QBuffer) where Qt Multimedia is installed."""

    def __init__(self, name: str, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(name or self.tr("Audio"))
        lay = QVBoxLayout(self)
        self.player: Any = None
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        try:
            mm: Any = importlib.import_module("PySide6.QtMultimedia")
        except ImportError:
            mm = None
        if mm is None:
            lay.addWidget(QLabel(self.tr("{name}: {size}. This build cannot play audio; "
                                         "use Save as… only if you must.").format(
                name=name, size=human_size(len(data)))))
        else:
            self.output = mm.QAudioOutput(self)
            self.player = mm.QMediaPlayer(self)
            self.player.setAudioOutput(self.output)
            self.player.setSourceDevice(self.buffer)
            play = QPushButton(self.tr("&Play"))
            stop = QPushButton(self.tr("S&top"))
            play.clicked.connect(self.player.play)
            stop.clicked.connect(self.player.stop)
            lay.addWidget(QLabel(f"{name} ({human_size(len(data))})"))
            lay.addWidget(play)
            lay.addWidget(stop)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        lay.addWidget(close)

    def done(self, result: int) -> None:
        if self.player is not None:
            self.player.stop()
        self.buffer.close()
        self.buffer.setData(QByteArray())
        super().done(result)
