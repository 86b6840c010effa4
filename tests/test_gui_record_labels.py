"""Record list and outbox: the form's display label, the interview date, the full
form title and ISO dates; the label lives only in the encrypted store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from intake_app.forms.labels import record_label
from intake_app.services.field import FieldService
from tests.conftest import scan_for
from tests.test_gui_hq_support import hq_service_import, make_hq_data, open_hq_window, unlock_hq
from tests.test_gui_support import PASS, all_types_form, complete_values, open_window, unlock

pytestmark = pytest.mark.gui

NAME = "Zarghunaqxlabel"


def _labelled_form(**meta: object):
    form = all_types_form()
    return form.model_copy(update={"metadata": {**form.metadata, **meta}})


def test_label_from_instance_name_expression_and_plain_field() -> None:
    values = complete_values("Malalai", age=31)
    inst = _labelled_form(xlsform_settings={
        "instance_name": "concat(${full_name}, ' (', ${age}, ')')"})
    assert record_label(inst, values) == "Malalai (31)"
    assert record_label(_labelled_form(label_field="full_name"), values) == "Malalai"
    assert record_label(all_types_form(), values) == ""


def _columns(model) -> dict[str, int]:
    return {c: i for i, c in enumerate(model.COLUMNS)}


def test_record_list_shows_label_interview_date_and_iso_dates(qtbot, data_dir: Path) -> None:
    svc = FieldService(data_dir)
    svc.create(PASS)
    svc.install_form(_labelled_form(
        xlsform_settings={"instance_name": "concat(${full_name}, ' ', ${age})"},
        interview_date_field="event_date"))
    svc.new_record("gui_all_types", complete_values(NAME, event_date="2026-02-12"), "en")
    svc.lock()
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    model = window.workspace.records.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.is_loading, timeout=10_000)
    col = _columns(model)
    assert model.headerData(col["label"], Qt.Orientation.Horizontal) == "Name"
    assert model.data(model.index(0, col["label"])) == f"{NAME} 30"
    assert model.data(model.index(0, col["interview"])) == "2026-02-12"
    updated = model.data(model.index(0, col["updated"]))
    assert len(updated) == 16 and updated[4] == "-" and updated[7] == "-", updated
    title = model.data(model.index(0, col["form"]))
    assert title == window.workspace.records.form_box.itemText(
        window.workspace.records.form_box.findData("gui_all_types"))
    table = window.workspace.records.table
    assert table.textElideMode() != Qt.TextElideMode.ElideMiddle
    # the label was computed from the encrypted store: no file holds it in plaintext
    assert scan_for(data_dir, NAME) == []


def test_hq_records_list_shows_label(qtbot, tmp_path: Path) -> None:
    data = make_hq_data(tmp_path)
    hq_service_import(data.hq, data.bundles)
    window = open_hq_window(qtbot, data.hq)
    ws = unlock_hq(qtbot, window)
    model = ws.records.records.model
    qtbot.waitUntil(lambda: model.total == 2 and not model.is_loading, timeout=10_000)
    col = _columns(model)
    labels = {model.data(model.index(r, col["label"])) for r in range(model.rowCount())}
    assert labels == {"Maryam Ahmadi"}
    assert model.data(model.index(0, col["interview"])) == "2025-06-14"


def test_opening_a_sealed_record_says_so_in_urdu(qtbot, tmp_path: Path, monkeypatch) -> None:
    from intake_app.gui import dialogs
    from tests.cli_helpers import FIELD_PASS, enrolled_pair

    setup = enrolled_pair(tmp_path / "org")
    svc = FieldService(setup.field)
    svc.unlock(FIELD_PASS)
    svc.install_form(all_types_form())
    rid = svc.new_record("gui_all_types", complete_values(NAME), "en")
    svc.finalize(rid, "en")
    svc.export(None)  # sealed into the outbox; no readable copy stays
    svc.lock()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "inform", lambda _p, title, text: shown.append((title, text)))
    window = open_window(qtbot, setup.field, "ur")
    unlock(qtbot, window, FIELD_PASS)
    model = window.workspace.records.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.is_loading, timeout=10_000)
    assert model.label(0) == ""  # nothing readable to label it with
    window.workspace.open_record(rid)
    qtbot.waitUntil(lambda: bool(shown), timeout=5_000)
    title, text = shown[0]
    assert rid not in text and rid[:8] not in text
    assert not any("a" <= c.lower() <= "z" for c in title + text), (title, text)
