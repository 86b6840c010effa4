"""HQ receipts view and export dialog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake_app.gui.hq import export_dialog, receipts_view
from tests.test_gui_hq_support import (
    hq_service_import,
    make_hq_data,
    open_hq_window,
    unlock_hq,
    wait_idle,
)

pytestmark = pytest.mark.gui


def test_receipts_written_and_accepted_by_the_laptop(qtbot, tmp_path: Path,
                                                      monkeypatch) -> None:
    data = make_hq_data(tmp_path, records=1)
    window = open_hq_window(qtbot, data.hq)
    ws = unlock_hq(qtbot, window)
    view = ws.receipts
    assert not view.write_button.isEnabled()
    assert "nothing to acknowledge" in view.status.text()
    ws.import_desk.import_paths(data.bundles)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=30_000)
    wait_idle(qtbot, window)
    assert view.table.item(0, 0).text() == data.setup.device_id
    assert view.write_button.isEnabled()
    out = tmp_path / "receipts"
    out.mkdir()
    monkeypatch.setattr(receipts_view, "choose_folder", lambda *a, **k: out)
    view.write_button.click()
    target = out / receipts_view.receipt_name(data.setup.device_id)
    qtbot.waitUntil(target.exists, timeout=10_000)
    wait_idle(qtbot, window)
    assert "1 receipt" in view.status.text()
    r = data.setup.f("receipts", "import", target)
    assert r.rc == 0, r.err
    assert all(e["state"] == "delivered" for e in data.setup.f("outbox", "--json").json())


def test_export_warns_and_writes(qtbot, tmp_path: Path, monkeypatch) -> None:
    data = make_hq_data(tmp_path)
    hq_service_import(data.hq, data.bundles)
    window = open_hq_window(qtbot, data.hq)
    unlock_hq(qtbot, window)
    dlg = window.open_export()
    assert dlg is not None and dlg.isVisible()
    assert "NOT encrypted" in dlg.warning.text()
    assert not dlg.export_button.isEnabled()
    dlg.format_box.setCurrentIndex(dlg.format_box.findData("jsonl"))
    out = tmp_path / "out" / "records.jsonl"
    out.parent.mkdir()
    monkeypatch.setattr(export_dialog, "choose_save", lambda *a, **k: out)
    dlg.browse.click()
    assert dlg.out.text() == str(out)
    assert not dlg.export_button.isEnabled(), "not before the warning is acknowledged"
    dlg.understood.setChecked(True)
    assert dlg.export_button.isEnabled()
    dlg.export_button.click()
    qtbot.waitUntil(lambda: dlg.summary is not None, timeout=20_000)
    assert dlg.summary.records == 2
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines() if x]
    assert len(lines) >= 2
    assert "not encrypted" in dlg.outcome.text()

    # CSV goes to a folder, filtered to one form, labels in Dari.
    folder = tmp_path / "csv"
    folder.mkdir()
    dlg.format_box.setCurrentIndex(dlg.format_box.findData("csv"))
    dlg.form_box.setCurrentIndex(dlg.form_box.findData("hrd_intake"))
    dlg.lang_box.setCurrentIndex(dlg.lang_box.findData("fa-AF"))
    monkeypatch.setattr(export_dialog, "choose_folder", lambda *a, **k: folder)
    dlg.browse.click()
    dlg.summary = None
    dlg.export_button.click()
    qtbot.waitUntil(lambda: dlg.summary is not None, timeout=20_000)
    assert list(folder.glob("*.csv"))

    # Lock closes the dialog.
    window.lock()
    qtbot.waitUntil(lambda: window.export_dialog is None, timeout=10_000)
    assert not window.session.is_unlocked
