"""Canary: after a GUI session, no file outside the encrypted store holds record content."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import scan_for
from tests.test_gui_support import (
    canary_scan_roots,
    complete_values,
    make_profile,
    open_window,
    type_text,
    unlock,
    wait_idle,
)

pytestmark = pytest.mark.gui
CANARY = "CANARY-7f3e9a-زرغونه"
CANARY_ASCII = "CANARY7f3e9aFILE"


def test_no_canary_outside_the_store(qtbot, tmp_path: Path, data_dir: Path) -> None:
    make_profile(data_dir)
    source = tmp_path / "outside" / "photo.jpg"
    source.parent.mkdir()
    window = open_window(qtbot, data_dir)
    unlock(qtbot, window)
    ws = window.workspace
    editor = ws.new_record("gui_all_types")
    w = {x.field.name: x for x in editor.field_widgets()}
    type_text(w["full_name"].edit, CANARY)
    type_text(w["story"].edit, f"story {CANARY} end")
    for name, value in complete_values().items():
        if name not in ("full_name", "incidents"):
            w[name].set_value(value)
    repeat = next(r for p in editor.panels for r in p.repeats())
    row = repeat.add_row()
    row.panel.load({"incident_date": "2024-01-01", "incident_place": CANARY})
    w["photo"].add_bytes("evidence.bin", (CANARY_ASCII + CANARY).encode() * 50)
    editor.save_draft()
    qtbot.waitUntil(lambda: editor.record_id is not None and not editor.busy, timeout=10_000)
    # Search for it, open it again, view the attachment list, then lock.
    ws.close_editor()
    ws.records.search.setText(CANARY)
    ws.records.refresh()
    qtbot.waitUntil(lambda: ws.records.model.rowCount() == 1, timeout=5_000)
    ws.open_record(editor.record_id)
    qtbot.waitUntil(lambda: ws.editor is not None, timeout=5_000)
    wait_idle(qtbot, window)
    window.close()  # saves geometry, locks

    roots = canary_scan_roots(data_dir)
    checked = 0
    for root in roots:
        if root.exists():
            checked += 1
            for needle in (CANARY, CANARY_ASCII):
                assert scan_for(root, needle) == [], f"{needle} found under {root}"
    assert checked >= 3
    assert (data_dir / "store.db").exists()
    # Qt settings hold the language and window geometry only; no file-dialog history.
    from PySide6.QtCore import QSettings

    from intake_app.gui.i18n import ALLOWED_KEYS, preferences

    assert set(preferences().allKeys()) <= ALLOWED_KEYS
    qt = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    assert not [k for k in qt.allKeys() if k.startswith("FileDialog")]


def test_scan_finds_a_planted_canary(tmp_path: Path) -> None:
    """The scan above can fail: plain, UTF-16 and base64 copies are all found."""
    import base64

    (tmp_path / "a.txt").write_text(CANARY, encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(CANARY.encode("utf-16-le"))
    (tmp_path / "c.b64").write_bytes(base64.b64encode(CANARY.encode()))
    assert len(scan_for(tmp_path, CANARY)) == 3
