"""Records view: lazy loading, search, filters, and no sensitive columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from intake_app.gui.records_view import PAGE_SIZE
from intake_app.services.field import FieldService
from tests.test_gui_support import PASS, complete_values, make_profile, open_window, unlock

pytestmark = pytest.mark.gui


def _wait_loaded(qtbot, model) -> None:
    qtbot.waitUntil(lambda: not model.is_loading, timeout=10_000)


def test_lazy_loading_in_pages(qtbot, data_dir: Path) -> None:
    make_profile(data_dir, records=PAGE_SIZE + 50)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    model = window.workspace.records.model
    _wait_loaded(qtbot, model)
    assert model.total == PAGE_SIZE + 50
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    _wait_loaded(qtbot, model)
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE + 50)
    assert not model.canFetchMore(QModelIndex())
    assert window.workspace.records.count_label.text() == f"{PAGE_SIZE + 50} record(s)"


def test_columns_show_label_not_answers(qtbot, data_dir: Path) -> None:
    make_profile(data_dir, records=2)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    model = window.workspace.records.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Name", "Form", "Status", "Interview date", "Updated", "Record"]
    shown = " ".join(str(model.data(model.index(r, c))) for r in range(2)
                     for c in range(model.columnCount()))
    # this form declares no label: no answer is shown
    assert "Person" not in shown and "Kabul" not in shown
    assert "All field types" in shown and "Draft" in shown


def test_search_and_filters(qtbot, data_dir: Path) -> None:
    svc = make_profile(data_dir)
    svc.unlock(PASS)
    a = svc.new_record("gui_all_types", complete_values("Malalai Findme"), "en")
    svc.new_record("gui_all_types", complete_values("Other Person"), "en")
    svc.finalize(a, "en")
    svc.lock()
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    view = window.workspace.records
    model = view.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)

    qtbot.keyClicks(view.search, "findme")
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.is_loading, timeout=5_000)
    assert model.record_id(0) == a
    assert view.count_label.text() == "1 match(es)"
    view.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not model.is_loading, timeout=5_000)

    view.status_box.setCurrentIndex(view.status_box.findData("finalized"))
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.is_loading)
    assert model.record_id(0) == a
    view.status_box.setCurrentIndex(view.status_box.findData("sealed"))
    qtbot.waitUntil(lambda: model.rowCount() == 0 and not model.is_loading)
    view.status_box.setCurrentIndex(0)
    view.form_box.setCurrentIndex(view.form_box.findData("gui_all_types"))
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not model.is_loading)
    other = view.form_box.findData("hrd_intake")
    if other >= 0:
        view.form_box.setCurrentIndex(other)
        qtbot.waitUntil(lambda: model.rowCount() == 0 and not model.is_loading)


def test_open_record_from_list_with_keyboard(qtbot, data_dir: Path) -> None:
    make_profile(data_dir, records=1)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    view = window.workspace.records
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace.editor is not None, timeout=5_000)
    editor = window.workspace.editor
    name = next(w for w in editor.field_widgets() if w.field.name == "full_name")
    assert name.edit.text() == "Person 0"
    assert editor.save_button.text() == "&Save draft"


def test_search_runs_off_the_ui_thread(qtbot, data_dir: Path, monkeypatch) -> None:
    import threading

    make_profile(data_dir, records=1)
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    main = threading.get_ident()
    seen: list[int] = []
    real = FieldService.search

    def spy(self, *a, **k):
        seen.append(threading.get_ident())
        return real(self, *a, **k)

    monkeypatch.setattr(FieldService, "search", spy)
    view = window.workspace.records
    view.search.setText("Person")
    view.refresh()
    qtbot.waitUntil(lambda: bool(seen) and not view.model.is_loading, timeout=5_000)
    assert seen and all(t != main for t in seen)
