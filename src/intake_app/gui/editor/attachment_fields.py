"""Attachments: photos, audio, documents, added from files and kept in the store.

The chosen file is read into memory and handed to the service, which encrypts
it into the store: no copy, thumbnail or preview file is ever written. Photos
are shown from memory (QImage.loadFromData); nothing goes to a disk cache.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.adapter import PendingAttachment, new_placeholder
from intake_app.gui.dialogs import show_error
from intake_app.gui.editor.base import FieldWidget
from intake_app.gui.i18n import forget_file_dialog_history

MAX_ATTACHMENT = 512 * 1024 * 1024


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


def choose_file(parent: QWidget, title: str, name_filter: str) -> Path | None:
    """Qt's own file dialog (a native one may log "recent files"); history forgotten."""
    dlg = QFileDialog(parent, title)
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
    dlg.setNameFilter(name_filter)
    try:
        ok = dlg.exec() == QDialog.DialogCode.Accepted
        files = dlg.selectedFiles() if ok else []
    finally:
        dlg.deleteLater()
        del dlg
        forget_file_dialog_history()
    return Path(files[0]) if files else None


class AttachmentField(FieldWidget):
    def build(self) -> QWidget:
        self._value: str | None = None
        box = QWidget()
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.info = QLabel(self.tr("No file"))
        self.info.setObjectName(f"attinfo_{self.field.name}")
        self.add_button = QPushButton(self.tr("Add file…"))
        self.view_button = QPushButton(self.tr("View"))
        self.remove_button = QPushButton(self.tr("Remove"))
        for b in (self.add_button, self.view_button, self.remove_button):
            lay.addWidget(b)
        lay.addWidget(self.info, 1)
        self.add_button.clicked.connect(self.choose)
        self.view_button.clicked.connect(self.view)
        self.remove_button.clicked.connect(self.remove)
        self._refresh()
        return box

    def focus_widget(self) -> QWidget:
        return self.add_button

    def _filter(self) -> str:
        kind = self.field.attachment_kind or "file"
        if kind == "photo":
            return self.tr("Photos (*.jpg *.jpeg *.png *.heic *.webp *.gif *.bmp)")
        if kind == "audio":
            return self.tr("Audio (*.mp3 *.m4a *.ogg *.opus *.wav *.aac *.amr *.3gp)")
        if kind == "video":
            return self.tr("Video (*.mp4 *.mov *.mkv *.3gp *.webm)")
        return self.tr("All files (*)")

    # -------------------------------------------------------------- actions
    def choose(self) -> None:
        path = choose_file(self, self.tr("Add a file"), self._filter())
        if path is not None:
            self.add_path(path)

    def add_path(self, path: Path) -> None:
        """Read ``path`` into memory on a worker; it is stored when the record is saved."""
        self.add_button.setEnabled(False)

        def read() -> bytes:
            if path.stat().st_size > MAX_ATTACHMENT:
                raise ValueError("file too large")
            return path.read_bytes()

        def done(data: object) -> None:
            assert isinstance(data, bytes)
            self.add_button.setEnabled(True)
            mime = mimetypes.guess_type(path.name)[0]
            self.add_bytes(path.name, data, mime)

        def failed(exc: BaseException) -> None:
            self.add_button.setEnabled(True)
            show_error(self, exc)

        self.ctx.session.runner.start(read, done, failed)

    def add_bytes(self, name: str, data: bytes, mime: str | None = None) -> None:
        placeholder = new_placeholder()
        self.ctx.pending[placeholder] = PendingAttachment(placeholder, name, data, mime)
        self._value = placeholder
        self._refresh()
        self.user_changed()

    def remove(self) -> None:
        if self._value is not None:
            self.ctx.pending.pop(self._value, None)
        self._value = None
        self._refresh()
        self.user_changed()

    def view(self) -> None:
        if self._value is None:
            return
        pending = self.ctx.pending.get(self._value)
        if pending is not None:
            self._show(pending.name, pending.data)
            return
        svc = self.ctx.session.service
        att_id = self._value
        info = self.ctx.stored.get(att_id)
        self.ctx.session.runner.start(lambda: svc.attachment_bytes(att_id),
                                      lambda data: self._show(info.name if info else "", data),
                                      lambda exc: show_error(self, exc))

    def _show(self, name: str, data: object) -> None:
        assert isinstance(data, bytes)
        dlg = AttachmentViewer(name, data, self)
        dlg.exec()
        dlg.deleteLater()

    # -------------------------------------------------------------- value
    def _refresh(self) -> None:
        name, size = self.describe()
        if name is None:
            self.info.setText(self.tr("No file"))
        else:
            self.info.setText(f"{name} ({human_size(size)})")
        has = self._value is not None
        self.view_button.setEnabled(has)
        self.remove_button.setEnabled(has and not self.field.read_only)

    def describe(self) -> tuple[str | None, int]:
        if self._value is None:
            return None, 0
        pending = self.ctx.pending.get(self._value)
        if pending is not None:
            return pending.name, len(pending.data)
        info = self.ctx.stored.get(self._value)
        if info is not None:
            return info.name, info.size
        return self.tr("stored file"), 0

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = str(value) if value else None
        self._refresh()


class AttachmentViewer(QDialog):
    """Shows a photo from memory; other files: name and size only."""

    def __init__(self, name: str, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(name or self.tr("Attachment"))
        lay = QVBoxLayout(self)
        image = QImage()
        if image.loadFromData(data):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image).scaled(
                800, 600, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
            label.setAccessibleName(self.tr("Photo"))
            area = QScrollArea()
            area.setWidget(label)
            lay.addWidget(area)
        else:
            lay.addWidget(QLabel(self.tr("{name}: {size}. This file type cannot be shown "
                                         "here.").format(name=name, size=human_size(len(data)))))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        lay.addWidget(close)
        self.resize(840, 680)
