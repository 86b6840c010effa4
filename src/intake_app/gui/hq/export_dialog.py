"""Export HQ records as CSV, XLSX or JSON Lines (as ``intake hq export``).

The files written are NOT encrypted: the dialog says so and asks the user to
confirm before anything is written. The export runs on a worker thread with
progress and is recorded in HQ's event log by the service.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.dialogs import error_text
from intake_app.gui.hq.common import HQSession, choose_folder, choose_save, number
from intake_app.gui.i18n import UI_LANGUAGES, ltr
from intake_app.gui.widgets import wrapped_label
from intake_app.services.hq import ExportSummary

FORMATS = ("csv", "xlsx", "jsonl")


class ExportDialog(QDialog):
    def __init__(self, session: HQSession, form_titles: dict[str, str], ui_lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqExportDialog")
        self.setWindowTitle(self.tr("Export records"))
        self.session = session
        self.summary: ExportSummary | None = None
        self.warning = wrapped_label(self.tr(
                   "Warning: this export leaves the encrypted store. The files written are NOT "
                   "encrypted. Keep them on an encrypted disk, share them with no one who does not "
                   "need them, and delete them when done."), name="exportWarning")
        self.warning.setStyleSheet("color: #b00020; font-weight: bold;")
        self.format_box = QComboBox()
        self.format_box.addItem(self.tr("CSV (a folder, one file per form)"), "csv")
        self.format_box.addItem(self.tr("Excel workbook (.xlsx)"), "xlsx")
        self.format_box.addItem(self.tr("JSON Lines (.jsonl)"), "jsonl")
        self.form_box = QComboBox()
        self.form_box.addItem(self.tr("All forms"), None)
        for form_id, title in sorted(form_titles.items(), key=lambda kv: kv[1]):
            self.form_box.addItem(title, form_id)
        self.lang_box = QComboBox()
        for lang in UI_LANGUAGES:
            self.lang_box.addItem(lang.name, lang.code)
        self.lang_box.addItem(self.tr("Codes, not labels"), "raw")
        index = self.lang_box.findData(ui_lang)
        self.lang_box.setCurrentIndex(max(0, index))
        self.out = QLineEdit()
        self.out.setAccessibleName(self.tr("Export to"))
        self.browse = QPushButton(self.tr("Choose…"))
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(self.browse)
        self.understood = QCheckBox(self.tr("I understand the exported files are not "
                                            "encrypted"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.outcome = wrapped_label()
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("&Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format_box)
        form.addRow(self.tr("Form"), self.form_box)
        form.addRow(self.tr("Labels in"), self.lang_box)
        form.addRow(self.tr("Export to"), out_row)
        lay = QVBoxLayout(self)
        lay.addWidget(self.warning)
        lay.addLayout(form)
        lay.addWidget(self.understood)
        lay.addWidget(self.progress)
        lay.addWidget(self.outcome)
        lay.addWidget(self.buttons)
        self.browse.clicked.connect(self.choose_out)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        self.understood.toggled.connect(self._update)
        self.out.textChanged.connect(self._update)
        self.format_box.currentIndexChanged.connect(self._update)
        self._running = False
        self._update()
        self.resize(620, 380)

    @property
    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def choose_out(self) -> None:
        if self.fmt == "csv":
            path = choose_folder(self, self.tr("Folder for the CSV files"))
        else:
            path = choose_save(self, self.tr("Export file"), f"records.{self.fmt}",
                               f"*.{self.fmt}")
        if path is not None:
            self.out.setText(str(path))

    def _update(self) -> None:
        ready = bool(self.out.text().strip()) and self.understood.isChecked()
        self.export_button.setEnabled(ready and not self._running)

    def export(self) -> None:
        if not self.export_button.isEnabled():
            return
        svc, fmt, out = self.session.hq, self.fmt, Path(self.out.text().strip())
        form_id = self.form_box.currentData()
        lang = str(self.lang_box.currentData())
        raw = lang == "raw"

        def run(progress: object, cancel: object) -> ExportSummary:
            return svc.export_records(fmt, out, form_id=form_id, lang=None if raw else lang,
                                      raw=raw, progress=progress)  # type: ignore[arg-type]

        self._running = True
        self._update()
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.outcome.setText(self.tr("Exporting…"))
        self.session.runner.start(run, self._done, self._failed, self._progress,
                                  with_progress=True)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _done(self, summary: object) -> None:
        assert isinstance(summary, ExportSummary)
        self.summary = summary
        self._running = False
        self.progress.setVisible(False)
        self._update()
        self.outcome.setText(self.tr("Exported {n} record(s) to {path}. These files are not "
                                    "encrypted.").format(
            n=number(summary.records), path=ltr(", ".join(summary.paths))))

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self.progress.setVisible(False)
        self._update()
        self.outcome.setText(error_text(exc))
