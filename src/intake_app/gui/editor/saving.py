"""Autosave of the record editor: what the interviewer typed is never lost.

Drafts are saved (synchronously, into the encrypted store) ``DEBOUNCE_MS`` after
the last change, and by ``flush()`` before every lock, close, language change and
panic-cancel. A draft save takes milliseconds (see bench/bench_autosave.py), so it
runs on the UI thread: a lock that follows it at once cannot race a worker.

A draft answer that breaks a rule (an age of 5 where 10-110 is allowed) cannot
be stored as it is; everything else is saved and the editor stays "unsaved" with
that answer marked, so the interviewer sees what still needs fixing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTime, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from intake_app.errors import IntakeError, ValidationFailed
from intake_app.gui import adapter, dialogs
from intake_app.models import RecordStatus

if TYPE_CHECKING:
    from intake_app.gui.editor.editor import RecordEditor

DEBOUNCE_MS = 1500  # within 2 s of the last keystroke
_ROW = re.compile(r"^([^\[.]+)\[(\d+)\]\.(.+)$")


def without_paths(values: Mapping[str, Any], paths: Iterable[str]) -> dict[str, Any]:
    """``values`` minus the answers at ``paths`` ("name" or "repeat[i].child")."""
    out = dict(values)
    for path in paths:
        m = _ROW.match(path)
        if m is None:
            out.pop(path.split(".")[0], None)
            continue
        name, idx, child = m.group(1), int(m.group(2)), m.group(3)
        rows = out.get(name)
        if isinstance(rows, list) and idx < len(rows) and isinstance(rows[idx], Mapping):
            rows = list(rows)
            rows[idx] = without_paths(rows[idx], [child])
            out[name] = rows
    return out


class DraftSaver(QObject):
    """Debounced and on-demand saving of one editor's draft."""

    state_changed = Signal(str)

    def __init__(self, editor: RecordEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.autosave)
        self.last_field = ""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -------------------------------------------------------------- position
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        for w in self.editor.built_field_widgets():
            if w is new or w.isAncestorOf(new):
                self.last_field = w.path
                return

    def position(self) -> tuple[int, str]:
        return max(0, self.editor.page_list.currentRow()), self.last_field

    # -------------------------------------------------------------- saving
    def schedule(self) -> None:
        self.state_changed.emit(self.tr("Unsaved changes…"))
        if self.editor.status is RecordStatus.DRAFT:
            self.timer.start()

    def autosave(self) -> None:
        if self.editor.busy:
            self.timer.start()  # a finalize is in flight; try again after it
            return
        self.flush()

    def flush(self) -> bool:
        """Save now if anything is unsaved; True when nothing typed is left unsaved."""
        self.timer.stop()
        ed = self.editor
        if ed.busy:  # finalize in flight: it stores these values itself
            ed.session.runner.wait(10_000)
            return True
        svc = ed.session.service
        if not svc.is_unlocked or ed.status not in (RecordStatus.DRAFT,
                                                    RecordStatus.FINALIZED):
            return not ed.dirty
        if not ed.dirty:
            self._save_position()
            return True
        draft = ed.status is RecordStatus.DRAFT
        values = ed.collect()
        pending = list(ed.ctx.pending.values())
        refused: dict[str, str] = {}
        try:
            try:
                res = adapter.save(svc, ed.form, ed.record_id, values, ed.lang, pending,
                                   draft=draft)
            except adapter.SaveFailed as exc:
                ed.absorb(exc.record_id, exc.attachments)
                if not (draft and isinstance(exc.cause, ValidationFailed)):
                    raise
                # Keep everything else: store the draft without the refused answers.
                refused = {e.path: e.message for e in exc.cause.errors}
                res = adapter.save(svc, ed.form, ed.record_id,
                                   without_paths(values, refused), ed.lang,
                                   list(ed.ctx.pending.values()), draft=True)
        except IntakeError as exc:
            cause = exc.cause if isinstance(exc, adapter.SaveFailed) else exc
            if isinstance(cause, ValidationFailed):
                ed.show_save_errors(cause.errors)
            else:
                self.state_changed.emit(self.tr("Not saved: {reason}").format(
                    reason=dialogs.error_text(cause)))
            return False
        ed.absorb(res.record_id, res.attachments)
        ed.dirty = bool(refused)
        self._save_position()
        time = QTime.currentTime().toString("HH:mm:ss")
        if refused:
            ed.set_extra_errors(refused)
            self.state_changed.emit(self.tr(
                "Saved at {time}, except %n answer(s) to fix (marked in red).", "",
                len(refused)).format(time=time))
        else:
            self.state_changed.emit(self.tr("All changes saved at {time}.").format(time=time))
        ed.saved.emit(res.record_id)
        return not refused

    def _save_position(self) -> None:
        ed = self.editor
        if ed.record_id is None or ed.status is not RecordStatus.DRAFT:
            return
        section, field = self.position()
        try:
            ed.session.service.set_draft_position(ed.record_id, section, field)
        except IntakeError:
            pass  # only the reopening place is lost, never an answer

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            try:
                app.focusChanged.disconnect(self._focus_changed)
            except (RuntimeError, TypeError):
                pass
