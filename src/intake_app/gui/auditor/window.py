"""Auditor mode (``intake-app --auditor``): check bundles against HQ's public keyring.

No profile and no private key: the auditor opens HQ's signed keyring (and,
optionally, HQ's exported event log), drops bundle files or folders on the
window (or adds them with a file dialog), sees one verdict per bundle
(signature, enrollment, chain; whether HQ's log records the import) and saves
the self-contained HTML report. Bundles are verified, never decrypted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
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
    choose_open,
    choose_open_many,
    choose_save,
    item,
    number,
    read_only_table,
    set_row,
)
from intake_app.gui.i18n import LanguageManager, ltr
from intake_app.gui.widgets import wrapped_label
from intake_app.gui.workers import TaskRunner
from intake_app.models import VerifyOutcome
from intake_app.services import audit
from intake_app.services.audit import Keyring, LogBundleCheck, LogCheck


@dataclass
class AuditResult:
    outcomes: list[VerifyOutcome]
    log: LogCheck | None = None
    log_bundles: list[LogBundleCheck] = field(default_factory=list)


def run_audit(paths: list[Path], ring: Keyring, log_path: Path | None) -> AuditResult:
    outcomes = audit.verify_paths(paths, ring)
    if log_path is None:
        return AuditResult(outcomes)
    log, bundles = audit.check_log(log_path, ring, outcomes)
    return AuditResult(outcomes, log, bundles)


class AuditorWindow(QMainWindow):
    def __init__(self, languages: LanguageManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditorWindow")
        self.languages = languages
        self.runner = TaskRunner(self)
        self.ring: Keyring | None = None
        self.log_path: Path | None = None
        self.paths: list[Path] = []
        self.result: AuditResult | None = None
        self.setWindowTitle(self.tr("Intake auditor"))
        self.setAcceptDrops(True)

        self.keyring_button = QPushButton(self.tr("Open &keyring…"))
        self.log_button = QPushButton(self.tr("Open HQ &log (optional)…"))
        self.add_button = QPushButton(self.tr("&Add bundles…"))
        self.clear_button = QPushButton(self.tr("C&lear bundles"))
        self.report_button = QPushButton(self.tr("&Save report…"))
        self.keyring_label = wrapped_label(self.tr("No keyring open. Open the keyring HQ "
                                                   "published (keyring.sig)."))
        self.keyring_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label = wrapped_label(self.tr("No HQ log: bundles are checked on their own."))
        self.drop_hint = wrapped_label(self.tr("Drop bundle files (*.intake) or folders here. "
                                               "They are verified, never decrypted: no private "
                                               "key is needed."))
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_hint.setStyleSheet("border: 2px dashed #888; padding: 14px;")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.summary = wrapped_label()
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Verdicts"))
        read_only_table(self.table, [self.tr("File"), self.tr("Verdict"), self.tr("Device"),
                                     self.tr("Sequence"), self.tr("In HQ's log"),
                                     self.tr("Reason or notes")])

        top = QHBoxLayout()
        for b in (self.keyring_button, self.log_button, self.add_button, self.clear_button):
            top.addWidget(b)
        top.addStretch(1)
        top.addWidget(self.report_button)
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.addLayout(top)
        lay.addWidget(self.keyring_label)
        lay.addWidget(self.log_label)
        lay.addWidget(self.drop_hint)
        lay.addWidget(self.progress)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        self.setCentralWidget(central)
        self.keyring_button.clicked.connect(self.choose_keyring)
        self.log_button.clicked.connect(self.choose_log)
        self.add_button.clicked.connect(self.choose_bundles)
        self.clear_button.clicked.connect(self.clear_bundles)
        self.report_button.clicked.connect(self.choose_report)
        self.resize(QSize(1100, 700))
        self._update()

    def start(self) -> None:
        """Nothing to open first: the auditor needs no profile."""

    # -------------------------------------------------------------- inputs
    def choose_keyring(self) -> None:
        path = choose_open(self, self.tr("HQ's keyring"),
                           self.tr("Keyring (*.sig);;All files (*)"))
        if path is not None:
            self.open_keyring(path)

    def open_keyring(self, path: Path) -> None:
        try:
            ring = audit.load_keyring(path)
        except Exception as exc:  # any bad file is reported, not raised
            self.keyring_label.setText(self.tr("Cannot open {path}: {error}").format(
                path=ltr(str(path)), error=error_text(exc)))
            return
        self.ring = ring
        self.keyring_label.setText(self.tr(
            "Keyring of {org} ({hq}), serial {serial}, {n} device(s). HQ fingerprint: "
            "{fp}. Compare it with the one HQ gave you in person.").format(
            org=ring.org_name, hq=ltr(ring.hq_id), serial=number(ring.serial),
            n=number(len(ring.devices)), fp=ltr(audit.keyring_fingerprint(ring))))
        self.verify()

    def choose_log(self) -> None:
        path = choose_open(self, self.tr("HQ's event log"),
                           self.tr("Event log (*.jsonl *.log);;All files (*)"))
        if path is not None:
            self.open_log(path)

    def open_log(self, path: Path) -> None:
        self.log_path = path
        self.log_label.setText(self.tr("HQ log: {path}").format(path=ltr(str(path))))
        self.verify()

    def choose_bundles(self) -> None:
        paths = choose_open_many(self, self.tr("Bundles"),
                                 self.tr("Bundles (*.intake);;All files (*)"))
        if paths:
            self.add_paths(paths)

    def add_paths(self, paths: list[Path]) -> None:
        for p in audit.expand_paths(paths):
            if p not in self.paths:
                self.paths.append(p)
        self.verify()

    def clear_bundles(self) -> None:
        self.paths = []
        self.result = None
        self.table.setRowCount(0)
        self.summary.clear()
        self._update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    # -------------------------------------------------------------- verify
    @property
    def busy(self) -> bool:
        return self.runner.busy

    def verify(self) -> None:
        if self.ring is None or not self.paths:
            self._update()
            if self.ring is None and self.paths:
                self.summary.setText(self.tr("Open HQ's keyring to check these bundles."))
            return
        ring, paths, log = self.ring, list(self.paths), self.log_path
        self.progress.setVisible(True)
        self.summary.setText(self.tr("Checking %n bundle(s)…", "", len(paths)))
        self.runner.start(lambda: run_audit(paths, ring, log), self._show, self._failed)
        self._update()

    def _show(self, result: object) -> None:
        assert isinstance(result, AuditResult)
        self.progress.setVisible(False)
        self.result = result
        in_log = {b.path: b.entry for b in result.log_bundles}
        self.table.setColumnHidden(4, result.log is None)
        self.table.setRowCount(len(result.outcomes))
        for row, o in enumerate(result.outcomes):
            notes = "; ".join(o.notes)
            colour = (NOTE if notes else GOOD) if o.ok else BAD
            log_text = ""
            if result.log is not None and o.ok:
                entry = in_log.get(o.path)
                log_text = (self.tr("entry {n}").format(n=number(entry)) if entry is not None
                            else self.tr("not recorded"))
            set_row(self.table, row, [
                item(Path(o.path).name, tip=o.path),
                item(self.tr("Valid") if o.ok else self.tr("Refused"), colour),
                item(o.device_id), item(number(o.sequence) if o.sequence else ""),
                item(log_text, None if entry_ok(log_text, o.ok, in_log.get(o.path)) else NOTE),
                item(bundle_reason_text(o.kind, o.reason) or notes, tip=o.reason or notes)])
        good = sum(1 for o in result.outcomes if o.ok)
        text = self.tr("{good} valid, {bad} refused.").format(
            good=number(good), bad=number(len(result.outcomes) - good))
        if result.log is not None:
            text += " " + (self.tr("HQ's log verifies.") if result.log.ok else self.tr(
                "HQ's log has problems: {problems}").format(
                problems="; ".join(result.log.problems)))
        self.summary.setText(text)
        self._update()

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self.summary.setText(error_text(exc))
        self._update()

    def _update(self) -> None:
        self.report_button.setEnabled(self.result is not None and self.ring is not None
                                      and not self.runner.busy)

    # -------------------------------------------------------------- report
    def choose_report(self) -> None:
        path = choose_save(self, self.tr("Save the audit report"), "audit-report.html",
                           self.tr("HTML report (*.html)"))
        if path is not None:
            self.save_report(path)

    def save_report(self, path: Path) -> None:
        result, ring = self.result, self.ring
        if result is None or ring is None:
            return

        def write() -> Path:
            audit.write_report(path, ring, result.outcomes, log=result.log,
                               log_bundles=result.log_bundles)
            return path

        self.runner.start(write, lambda p: self.summary.setText(
            self.tr("Saved the report to {path}.").format(path=ltr(str(p)))), self._failed)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.invalidate()
        self.runner.wait(10_000)
        super().closeEvent(event)


def entry_ok(text: str, ok: bool, entry: int | None) -> bool:
    """No highlight unless a valid bundle is missing from HQ's log."""
    return not (text and ok and entry is None)
