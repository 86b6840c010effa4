"""The import desk: bundles from a folder, a USB stick or a drop box, one verdict each.

Each bundle is imported on a worker thread (``HQService.import_bundle``, all or
nothing) with progress; its verdict row appears as soon as it is done. Bundles
HQ refuses are copied to the profile's ``quarantine/`` folder with the reason
beside them; that folder is listed below the table.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStorageInfo, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.dialogs import error_text
from intake_app.gui.error_texts import bundle_reason_text
from intake_app.gui.hq.common import (
    BAD,
    GOOD,
    NOTE,
    HQSession,
    choose_folder,
    item,
    number,
    read_only_table,
    set_row,
)
from intake_app.gui.i18n import ltr
from intake_app.gui.widgets import wrapped_label
from intake_app.models import ImportOutcome
from intake_app.services.hq import QUARANTINE_DIR

BUNDLE_SUFFIX = ".intake"
INCOMING_DIR = "incoming"  # drop box downloads (still encrypted) inside the HQ profile


def find_bundles(folder: Path, depth: int = 2) -> list[Path]:
    """``*.intake`` files in ``folder`` and up to ``depth`` levels below, sorted."""
    found: list[Path] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return found
    for p in entries:
        if p.name.startswith("."):
            continue
        if p.is_file() and p.suffix == BUNDLE_SUFFIX:
            found.append(p)
        elif p.is_dir() and depth > 0:
            found.extend(find_bundles(p, depth - 1))
    return found


def removable_volumes() -> list[Path]:
    """Mounted volumes that look like USB sticks (not the system disk)."""
    out = []
    for vol in QStorageInfo.mountedVolumes():
        root = vol.rootPath()
        if not vol.isValid() or not vol.isReady():
            continue
        if root.startswith(("/media/", "/run/media/", "/mnt/", "/Volumes/")) or (
                os.name == "nt" and not root.upper().startswith("C:")):
            out.append(Path(root))
    return out


class ImportDesk(QWidget):
    imported = Signal()  # something new arrived: devices and records may change

    def __init__(self, session: HQSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDesk")
        self.session = session
        self.outcomes: list[ImportOutcome] = []
        self._queue: list[Path] = []
        self._running = False
        self._total = self._done = 0

        self.folder_button = QPushButton(self.tr("Import from a &folder…"))
        self.usb_button = QPushButton(self.tr("Import from a &USB stick…"))
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("Drop box address (https://…)"))
        self.url.setAccessibleName(self.tr("Drop box address"))
        self.fetch_button = QPushButton(self.tr("Fetch from &drop box"))
        self.status = wrapped_label(self.tr("Choose where the bundles are."))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.setVisible(False)
        self.table = QTableWidget(0, 7)
        self.table.setAccessibleName(self.tr("Verdicts"))
        read_only_table(self.table, [
            self.tr("File"), self.tr("Verdict"), self.tr("Device"), self.tr("Sequence"),
            self.tr("Records"), self.tr("Attachments"), self.tr("Reason or notes")])
        self.quarantine = QListWidget()
        self.quarantine.setAccessibleName(self.tr("Quarantined bundles"))
        box = QGroupBox(self.tr("Quarantined bundles (refused, kept for inspection)"))
        QVBoxLayout(box).addWidget(self.quarantine)

        sources = QHBoxLayout()
        sources.addWidget(self.folder_button)
        sources.addWidget(self.usb_button)
        sources.addSpacing(16)
        sources.addWidget(self.url, 1)
        sources.addWidget(self.fetch_button)
        lay = QVBoxLayout(self)
        lay.addLayout(sources)
        lay.addWidget(self.status)
        lay.addWidget(self.progress)
        lay.addWidget(self.table, 3)
        lay.addWidget(box, 1)

        self.folder_button.clicked.connect(self.choose_folder)
        self.usb_button.clicked.connect(self.choose_usb)
        self.fetch_button.clicked.connect(self.fetch_dropbox)
        self.url.returnPressed.connect(self.fetch_dropbox)
        self.refresh_quarantine()

    # -------------------------------------------------------------- sources
    def choose_folder(self) -> None:
        folder = choose_folder(self, self.tr("Folder with bundles"))
        if folder is not None:
            self.import_folder(folder)

    def choose_usb(self) -> None:
        volumes = removable_volumes()
        start = str(volumes[0]) if volumes else ""
        folder = choose_folder(self, self.tr("USB stick with bundles"), start)
        if folder is not None:
            self.import_folder(folder)

    def import_folder(self, folder: Path) -> None:
        paths = find_bundles(folder)
        if not paths:
            self.status.setText(self.tr("No bundles (*.intake) in {folder}.").format(
                folder=ltr(str(folder))))
            return
        self.import_paths(paths)

    def fetch_dropbox(self) -> None:
        url = self.url.text().strip()
        if not url or self._running:
            return
        from intake_app.services import hq_sync

        svc = self.session.hq
        dest = svc.data_dir / INCOMING_DIR
        self._set_running(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Fetching new bundles from the drop box…"))
        self.session.runner.start(
            lambda: hq_sync.fetch(svc, hq_sync.hq_client(svc, url), dest),
            self._fetched, self._fetch_failed)

    def _fetched(self, report: object) -> None:
        from intake_app.services.hq_sync import FetchReport

        assert isinstance(report, FetchReport)
        self._set_running(False)
        for name, reason in report.failed:
            self._add_row(ImportOutcome(path=name, verdict="rejected", kind="download",
                                        reason=reason))
        if report.fetched:
            self.import_paths(list(report.fetched))
        else:
            self.status.setText(self.tr("The drop box has no new bundles."))

    def _fetch_failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.status.setText(self.tr("Drop box: {error}").format(error=error_text(exc)))

    # -------------------------------------------------------------- import
    def import_paths(self, paths: list[Path]) -> None:
        """Import ``paths`` one after the other, off the UI thread."""
        self._queue.extend(paths)
        self._total = len(self._queue) + (1 if self._running else 0)
        self._done = 0
        if not self._running:
            self._next()

    @property
    def busy(self) -> bool:
        return self._running

    def _next(self) -> None:
        if not self._queue:
            self._set_running(False)
            self.status.setText(self.tr("Done: {ok} imported, {dup} already here, "
                                        "{bad} refused.").format(
                ok=number(self._count("imported")), dup=number(self._count("duplicate")),
                bad=number(self._count("rejected"))))
            self.refresh_quarantine()
            self.imported.emit()
            return
        self._set_running(True)
        path = self._queue.pop(0)
        self.status.setText(self.tr("Importing {name} ({n} of {total})…").format(
            name=ltr(path.name), n=number(self._done + 1), total=number(self._total)))
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        svc = self.session.hq

        def run(progress: object, cancel: object) -> ImportOutcome:
            return svc.import_bundle(path, progress)  # type: ignore[arg-type]

        self.session.runner.start(run, self._one_done, lambda e: self._one_failed(path, e),
                                  self._progress, with_progress=True)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setValue(min(1000, int(done * 1000 / total)))

    def _one_done(self, outcome: object) -> None:
        assert isinstance(outcome, ImportOutcome)
        self._done += 1
        self._add_row(outcome)
        self._next()

    def _one_failed(self, path: Path, exc: BaseException) -> None:
        self._done += 1
        self._add_row(ImportOutcome(path=str(path), verdict="rejected", kind="error",
                                    reason=error_text(exc)))
        self._next()

    def _count(self, verdict: str) -> int:
        return sum(1 for o in self.outcomes if o.verdict == verdict)

    def _set_running(self, on: bool) -> None:
        self._running = on
        self.progress.setVisible(on)
        for w in (self.folder_button, self.usb_button, self.fetch_button):
            w.setEnabled(not on)

    # -------------------------------------------------------------- display
    def verdict_text(self, verdict: str) -> str:
        return {"imported": self.tr("Imported"), "duplicate": self.tr("Already imported"),
                "rejected": self.tr("Refused")}.get(verdict, verdict)

    def _add_row(self, o: ImportOutcome) -> None:
        self.outcomes.append(o)
        colour = {"imported": GOOD, "duplicate": NOTE}.get(o.verdict, BAD)
        if o.verdict == "imported" and o.notes:
            colour = NOTE
        tip = o.reason or "; ".join(o.notes)
        reason = bundle_reason_text(o.kind, o.reason) or tip
        if o.quarantined:
            reason = self.tr("{reason} (quarantined)").format(reason=reason)
        row = self.table.rowCount()
        self.table.insertRow(row)
        set_row(self.table, row, [
            item(Path(o.path).name, tip=o.path), item(self.verdict_text(o.verdict), colour),
            item(o.device_id), item(number(o.sequence) if o.sequence else ""),
            item(number(o.records)), item(number(o.attachments)), item(reason, tip=tip)])

    def refresh_quarantine(self) -> None:
        self.quarantine.clear()
        folder = self.session.hq.data_dir / QUARANTINE_DIR
        try:
            reasons = sorted(folder.glob("*.reason.txt"), reverse=True)
        except OSError:
            reasons = []
        for path in reasons:
            try:
                reason = path.read_text(encoding="utf-8").strip()
            except OSError:
                reason = ""
            name = path.name.removesuffix(".reason.txt")
            self.quarantine.addItem(f"{name}: {reason}")

    def clear(self) -> None:
        """Forget every verdict shown (on lock)."""
        self._queue.clear()
        self._set_running(False)
        self.outcomes.clear()
        self.table.setRowCount(0)
        self.quarantine.clear()
        self.url.clear()
