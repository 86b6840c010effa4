"""Whole GUI session canary: records, an attachment, finalize, export to a stick,
lock and unlock. Afterwards the canary is nowhere outside the encrypted store:
not in the data dir's other files, the temp dir, HOME, Qt's config and cache
locations, nor in plaintext on the stick."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.cli_helpers import FIELD_PASS
from tests.conftest import scan_for
from tests.test_gui_export import _export, _field_with_finalized
from tests.test_gui_support import (
    canary_scan_roots,
    complete_values,
    open_window,
    type_text,
    unlock,
    wait_idle,
)

pytestmark = pytest.mark.gui
CANARY = "CANARY-5b1d-گلالۍ"
CANARY_ASCII = "CANARY5b1dSTICK"


def test_whole_session_leaves_no_canary(qtbot, tmp_path: Path) -> None:
    setup = _field_with_finalized(tmp_path / "org", 0)
    window = open_window(qtbot, setup.field)
    unlock(qtbot, window, FIELD_PASS)
    editor = window.workspace.new_record("gui_all_types")
    w = {x.field.name: x for x in editor.field_widgets()}
    for name, value in complete_values().items():
        if name not in ("full_name", "incidents"):
            w[name].set_value(value)
    type_text(w["full_name"].edit, CANARY)
    type_text(w["story"].edit, f"story {CANARY} end")
    repeat = next(r for p in editor.panels for r in p.repeats())
    repeat.add_row().panel.load({"incident_date": "2024-01-01", "incident_place": CANARY})
    w["photo"].add_bytes("evidence.bin", (CANARY_ASCII + CANARY).encode() * 50)
    editor.reevaluate()
    assert editor.state is not None and editor.state.errors == ()
    qtbot.mouseClick(editor.finalize_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(editor.finalized, timeout=15_000):
        pass
    wait_idle(qtbot, window)

    stick = tmp_path / "stick"
    stick.mkdir()
    wiz = _export(qtbot, window, stick)
    assert wiz.error is None and wiz.result_.record_count == 1
    wiz.accept()
    wait_idle(qtbot, window)
    assert list(stick.glob("*.intake"))

    window.lock_action.trigger()
    wait_idle(qtbot, window)
    unlock(qtbot, window, FIELD_PASS)
    wait_idle(qtbot, window)
    window.close()

    roots = canary_scan_roots(setup.field, stick)
    checked = 0
    for root in roots:
        if root.exists():
            checked += 1
            for needle in (CANARY, CANARY_ASCII):
                assert scan_for(root, needle) == [], f"{needle} found under {root}"
    assert checked >= 4
