"""The HQ import desk: good, damaged and repeated bundles get the right verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake_app.gui.hq import import_desk
from tests.test_gui_hq_support import (
    import_and_wait,
    make_hq_data,
    open_hq_window,
    unlock_hq,
    wait_idle,
)

pytestmark = pytest.mark.gui


def verdicts(desk) -> list[tuple[str, str]]:
    return [(desk.table.item(r, 0).text(), desk.table.item(r, 1).text())
            for r in range(desk.table.rowCount())]


def test_import_good_and_bad_bundles(qtbot, tmp_path: Path, monkeypatch) -> None:
    data = make_hq_data(tmp_path)
    window = open_hq_window(qtbot, data.hq)
    ws = unlock_hq(qtbot, window)
    desk = ws.import_desk
    # The damaged copy first: nothing imported yet, so it is judged on its own.
    monkeypatch.setattr(import_desk, "choose_folder", lambda *a, **k: data.bad.parent)
    desk.folder_button.click()
    qtbot.waitUntil(lambda: not desk.busy, timeout=30_000)
    wait_idle(qtbot, window)
    assert [o.verdict for o in desk.outcomes] == ["rejected"]
    assert desk.outcomes[0].quarantined and desk.outcomes[0].reason
    assert desk.table.item(0, 1).text() == "Refused"
    assert "quarantined" in desk.table.item(0, 6).text()
    assert desk.quarantine.count() == 1
    assert data.bad.name in desk.quarantine.item(0).text()

    import_and_wait(qtbot, window, data.bundles)
    assert [o.verdict for o in desk.outcomes[1:]] == ["imported"] * len(data.bundles)
    good = desk.outcomes[1]
    assert good.device_id == data.setup.device_id and good.records == 2
    assert good.attachments == 2
    assert verdicts(desk)[1] == (data.bundles[0].name, "Imported")
    assert "imported" in desk.status.text().lower()
    # The other views were refreshed by the import.
    qtbot.waitUntil(lambda: ws.records.records.model.total == 2, timeout=10_000)
    assert ws.devices.devices and ws.devices.devices[0].last_sequence == 1

    # Again: a duplicate, not a second copy.
    import_and_wait(qtbot, window, data.bundles)
    assert desk.outcomes[-1].verdict == "duplicate"
    assert desk.table.item(desk.table.rowCount() - 1, 1).text() == "Already imported"


def test_folder_scan_and_empty_folder(qtbot, tmp_path: Path) -> None:
    data = make_hq_data(tmp_path, records=1)
    nested = tmp_path / "stick" / "intake"
    nested.mkdir(parents=True)
    for b in data.bundles:
        (nested / b.name).write_bytes(b.read_bytes())
    (nested / ".hidden.intake").write_bytes(b"x")
    assert [p.name for p in import_desk.find_bundles(tmp_path / "stick")] == \
        [b.name for b in data.bundles]
    window = open_hq_window(qtbot, data.hq)
    ws = unlock_hq(qtbot, window)
    empty = tmp_path / "empty"
    empty.mkdir()
    ws.import_desk.import_folder(empty)
    assert "No bundles" in ws.import_desk.status.text()
    assert ws.import_desk.table.rowCount() == 0
    ws.import_desk.import_folder(tmp_path / "stick")
    qtbot.waitUntil(lambda: not ws.import_desk.busy, timeout=30_000)
    wait_idle(qtbot, window)
    assert [o.verdict for o in ws.import_desk.outcomes] == ["imported"]


def test_lock_clears_the_import_desk(qtbot, tmp_path: Path) -> None:
    data = make_hq_data(tmp_path, records=1)
    window = open_hq_window(qtbot, data.hq)
    ws = unlock_hq(qtbot, window)
    import_and_wait(qtbot, window, data.bundles)
    assert ws.import_desk.table.rowCount() == 1
    from PySide6.QtCore import Qt

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.workspace is None, timeout=10_000)
    assert not window.session.is_unlocked
    assert window.stack.currentWidget() is window.unlock_page
    assert not window.export_action.isEnabled()


def test_refusal_reason_in_the_interface_language(qtbot, tmp_path: Path, monkeypatch) -> None:
    """In Dari the reason cell says what is wrong in Dari; the core's English line (which
    names the failing chunk) stays in the tooltip."""
    data = make_hq_data(tmp_path)
    window = open_hq_window(qtbot, data.hq, "fa-AF")
    desk = unlock_hq(qtbot, window).import_desk
    monkeypatch.setattr(import_desk, "choose_folder", lambda *a, **k: data.bad.parent)
    desk.folder_button.click()
    qtbot.waitUntil(lambda: not desk.busy, timeout=30_000)
    wait_idle(qtbot, window)
    (outcome,) = desk.outcomes
    assert outcome.kind == "payload" and outcome.reason.isascii()
    cell = desk.table.item(0, 6)
    assert "محتوای فایل رمزگشایی نمی‌شود" in cell.text()
    assert not any("a" <= ch <= "z" for ch in cell.text())  # no English words in it
    assert cell.toolTip() == outcome.reason
