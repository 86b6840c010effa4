"""Export: choose a drive or folder, seal with progress and cancel, then a summary."""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from intake_app.gui import adapter
from intake_app.gui.dialogs import error_text
from intake_app.gui.editor.attachment_fields import human_size
from intake_app.gui.i18n import forget_file_dialog_history, ltr
from intake_app.gui.session import Session
from intake_app.gui.widgets import wrapped_label
from intake_app.models import ExportResult

MIN_FREE = 1024 * 1024
_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")


@dataclass(frozen=True)
class Destination:
    path: Path
    name: str
    free: int
    total: int
    removable: bool


def list_drives() -> list[Destination]:
    """Mounted, writable volumes that look removable (USB sticks, SD cards)."""
    out: list[Destination] = []
    for vol in QStorageInfo.mountedVolumes():
        if not (vol.isValid() and vol.isReady()) or vol.isReadOnly():
            continue
        root = vol.rootPath()
        removable = root.startswith(_REMOVABLE_ROOTS)
        if sys.platform == "win32":
            system = os.environ.get("SYSTEMDRIVE", "C:")
            removable = not root.upper().startswith(system.upper())
        if removable:
            out.append(Destination(Path(root), vol.displayName() or root,
                                   vol.bytesAvailable(), vol.bytesTotal(), True))
    return out


def folder_destination(path: Path) -> Destination:
    info = QStorageInfo(str(path))
    return Destination(path, str(path), info.bytesAvailable(), info.bytesTotal(), False)


class DestinationPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Where should the sealed bundle go?"))
        self.setSubTitle(self.tr("Plug in the USB stick, or choose any folder. Only HQ can "
                                 "open what is written there."))
        self.drives = QListWidget()
        self.drives.setAccessibleName(self.tr("Removable drives"))
        self.rescan = QPushButton(self.tr("&Look for drives again"))
        self.folder_button = QPushButton(self.tr("Choose a &folder…"))
        self.chosen = wrapped_label(name="exportDestination")
        self.space = wrapped_label(name="exportSpace")
        self.resend = QCheckBox(self.tr("Also write again the bundles HQ has not confirmed"))
        limit = wizard.session.service.policy().max_volume_bytes
        self.limit_label = wrapped_label(
            self.tr("Each bundle file is at most {size} (HQ's policy); larger exports are "
                    "split.").format(size=ltr(human_size(limit))))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Removable drives:")))
        lay.addWidget(self.drives)
        lay.addWidget(self.rescan)
        lay.addWidget(self.folder_button)
        lay.addWidget(self.chosen)
        lay.addWidget(self.space)
        lay.addWidget(self.limit_label)
        lay.addWidget(self.resend)
        self.estimate_label = wrapped_label(name="exportEstimate")
        lay.insertWidget(lay.indexOf(self.limit_label), self.estimate_label)
        # Volumes sealed by an export cut before they reached its stick (issue 14 #4).
        self.unwritten_label = wrapped_label(name="exportUnwritten")
        self.unwritten_label.setStyleSheet("font-weight: bold;")
        self.unwritten_label.hide()
        lay.insertWidget(lay.indexOf(self.estimate_label), self.unwritten_label)
        self.needed = MIN_FREE
        self.rescan.clicked.connect(self.scan)
        self.folder_button.clicked.connect(self.choose_folder)
        self.drives.currentItemChanged.connect(self._drive_picked)
        self.scan()
        self.estimate()

    def estimate(self) -> None:
        """Roughly how much the finalized records will take, to check the free space."""
        svc = self.wiz.session.service

        def work() -> tuple[int, int, int]:
            count, size = svc.export_estimate()
            unwritten = svc.unwritten_volumes()
            again = sum(e.size for e in svc.outbox() if e.sequence in unwritten)
            return count, size + again, len(unwritten)

        self.wiz.session.runner.start(work, self._estimated)

    def _estimated(self, result: object) -> None:
        assert isinstance(result, tuple)
        count, size, unwritten = result
        self.unwritten_label.setVisible(unwritten > 0)
        self.unwritten_label.setText(self.tr(
            "%n sealed volume(s) never reached a stick (an earlier export was cut off). "
            "They will be written to this destination too.", "", unwritten))
        self.needed = max(MIN_FREE, int(size * 1.05))
        self.estimate_label.setText(self.tr("%n finalized record(s) to seal, about {size}.", "",
                                            count).format(size=ltr(human_size(size))))
        if self.wiz.destination is not None:
            self.set_destination(self.wiz.destination)

    def scan(self) -> None:
        self.drives.clear()
        for d in list_drives():
            item = QListWidgetItem(self.tr("{name} — {free} free").format(
                name=ltr(d.name), free=ltr(human_size(d.free))))
            item.setData(Qt.ItemDataRole.UserRole, d)
            self.drives.addItem(item)
        if not self.drives.count():
            item = QListWidgetItem(self.tr("No removable drive found. Plug one in, or choose "
                                           "a folder."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.drives.addItem(item)

    def _drive_picked(self, item: QListWidgetItem | None) -> None:
        d = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(d, Destination):
            self.set_destination(d)

    def choose_folder(self) -> None:
        dlg = QFileDialog(self, self.tr("Folder for the sealed bundle"))
        dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dlg.setFileMode(QFileDialog.FileMode.Directory)
        dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
        try:
            ok = dlg.exec() == QFileDialog.DialogCode.Accepted
            files = dlg.selectedFiles() if ok else []
        finally:
            dlg.deleteLater()
            forget_file_dialog_history()
        if files:
            self.set_destination(folder_destination(Path(files[0])))

    def set_destination(self, dest: Destination) -> None:
        self.wiz.destination = dest
        self.chosen.setText(self.tr("Destination: {path}").format(path=ltr(str(dest.path))))
        free = ltr(human_size(dest.free))
        if dest.free < self.needed:
            self.space.setText(self.tr("Not enough free space ({free}). Free some space or "
                                       "use another drive.").format(free=free))
            self.space.setStyleSheet("color: #b00020;")
        else:
            self.space.setText(self.tr("Free space: {free}.").format(free=free))
            self.space.setStyleSheet("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        d = self.wiz.destination
        return d is not None and d.free >= self.needed and d.path.is_dir()


class SealPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Sealing"))
        self.setSubTitle(self.tr("The finalized records are being encrypted for HQ."))
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Sealing progress"))
        self.label = wrapped_label()
        self.cancel_button = QPushButton(self.tr("&Cancel sealing"))
        self.done = False
        lay = QVBoxLayout(self)
        lay.addWidget(self.bar)
        lay.addWidget(self.label)
        lay.addWidget(self.cancel_button)
        lay.addStretch(1)
        self.cancel_button.clicked.connect(self.cancel)

    def initializePage(self) -> None:
        self.done = False
        self.wiz.result_ = None
        self.wiz.error = None
        self.bar.setRange(0, 0)
        self.label.setText(self.tr("Preparing…"))
        self.cancel_button.setEnabled(True)
        dest = self.wiz.destination
        assert dest is not None
        svc = self.wiz.session.service
        resend = self.wiz.destination_page.resend.isChecked()
        self.wiz.cancel_event = threading.Event()

        def work(progress: adapter.Progress, cancel: threading.Event) -> ExportResult:
            result = svc.export(dest.path, progress=progress, cancel=cancel)
            if resend:
                again = svc.resend(dest.path)
                paths = tuple(dict.fromkeys((*result.paths, *again.paths)))
                result = result.model_copy(update={"paths": paths})
            return result

        self.wiz.session.runner.start(work, self._finished, self._failed, self._progress,
                                      with_progress=True, cancel=self.wiz.cancel_event)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * min(done, total) / total))
            self.label.setText(self.tr("Sealed {done} of {total}.").format(
                done=ltr(human_size(done)), total=ltr(human_size(total))))

    def cancel(self) -> None:
        if self.wiz.cancel_event is not None:
            self.wiz.cancel_event.set()
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))

    def _finished(self, result: object) -> None:
        assert isinstance(result, ExportResult)
        self.wiz.result_ = result
        self._end()

    def _failed(self, exc: BaseException) -> None:
        self.wiz.error = exc
        self._end()

    def _end(self) -> None:
        self.done = True
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.cancel_button.setEnabled(False)
        self.completeChanged.emit()
        self.wiz.next()

    def isComplete(self) -> bool:
        return self.done


class SummaryPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Done"))
        self.summary = wrapped_label(name="exportSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.reminder = wrapped_label()
        self.reminder.setStyleSheet("font-weight: bold;")
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.reminder)
        lay.addStretch(1)

    def initializePage(self) -> None:
        r, err = self.wiz.result_, self.wiz.error
        self.reminder.clear()
        if err is not None:
            if type(err).__name__ == "ExportCancelled":
                self.setTitle(self.tr("Cancelled"))
                self.summary.setText(self.tr("Sealing was cancelled. Nothing new was written; "
                                             "the records stay finalized."))
            else:
                self.setTitle(self.tr("Not sealed"))
                self.summary.setText(self.tr("Sealing failed: {reason}").format(
                    reason=error_text(err)))
            return
        assert r is not None
        if not r.paths:
            self.summary.setText(self.tr("There was nothing to seal: finalize records first."))
            return
        self.setTitle(self.tr("Sealed"))
        files = "\n".join(Path(p).name for p in r.paths)
        again = self.tr("%n sealed volume(s) that never reached a stick were written too.",
                        "", len(r.rewritten)) + "\n" if r.rewritten else ""
        self.summary.setText(again + self.tr(
            "%n record(s) sealed, with {att} attachment(s), into {files} file(s) "
            "({size}) in {dest}:", "", r.record_count).format(
                att=r.attachment_count, files=len(r.paths) - len(r.rewritten),
                size=ltr(human_size(r.bytes_written)),
                dest=ltr(str(self.wiz.destination.path if self.wiz.destination else "")))
            + "\n" + files)
        if self.wiz.destination is not None and self.wiz.destination.removable:
            self.reminder.setText(self.tr("Remove the USB stick safely: use “Eject” or “Safely "
                                          "remove” before pulling it out, then hand it over."))
        else:
            self.reminder.setText(self.tr("If this folder is on a USB stick, eject it safely "
                                          "before pulling it out."))


class ExportWizard(QWizard):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportWizard")
        self.setWindowTitle(self.tr("Export for HQ"))
        self.session = session
        self.destination: Destination | None = None
        self.result_: ExportResult | None = None
        self.error: BaseException | None = None
        self.cancel_event: threading.Event | None = None
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.destination_page = DestinationPage(self)
        self.seal_page = SealPage(self)
        self.summary_page = SummaryPage(self)
        self.addPage(self.destination_page)
        self.addPage(self.seal_page)
        self.addPage(self.summary_page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Seal"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("&Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Close"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.currentIdChanged.connect(self._page_changed)
        self.resize(640, 480)

    def _page_changed(self, _id: int) -> None:
        page = self.currentPage()
        self.button(QWizard.WizardButton.BackButton).setEnabled(page is self.destination_page)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(page is not self.seal_page)

    def reject(self) -> None:
        if self.currentPage() is self.seal_page and not self.seal_page.done:
            self.seal_page.cancel()
            return
        super().reject()

    def set_folder(self, path: Path) -> None:
        """Pick a folder without the file dialog (tests, scripts)."""
        self.destination_page.set_destination(folder_destination(path))
