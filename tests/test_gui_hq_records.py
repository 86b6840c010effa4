"""HQ records browser and read-only record view: search in Dari, filters, repeat
groups, photos opened in memory, other attachments saved only on request."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt

from intake_app.gui.editor.attachment_fields import AttachmentViewer
from intake_app.gui.hq import record_view
from tests.conftest import scan_for
from tests.test_gui_hq_support import (
    CANARY,
    hq_service_import,
    make_hq_data,
    open_hq_window,
    unlock_hq,
    wait_idle,
)
from tests.test_gui_support import type_text

pytestmark = pytest.mark.gui


def _browser(qtbot, tmp_path: Path, lang: str = "en"):
    data = make_hq_data(tmp_path)
    hq_service_import(data.hq, data.bundles)
    window = open_hq_window(qtbot, data.hq, lang)
    ws = unlock_hq(qtbot, window)
    browser = ws.records
    qtbot.waitUntil(lambda: browser.records.model.total == 2, timeout=10_000)
    return data, window, browser


def test_search_and_filters(qtbot, tmp_path: Path) -> None:
    _data, window, browser = _browser(qtbot, tmp_path)
    view = browser.records
    model = view.model
    assert model.data(model.index(0, 2)) == "Received"
    assert not view.status_box.isVisibleTo(view)
    type_text(view.search, "مریم")  # Dari: the example's native name
    view.refresh()
    qtbot.waitUntil(lambda: not model.is_loading and model.rowCount() == 2, timeout=10_000)
    view.search.clear()
    type_text(view.search, "nosuchwordanywhere")
    view.refresh()
    qtbot.waitUntil(lambda: not model.is_loading, timeout=10_000)
    assert model.rowCount() == 0
    view.search.clear()
    view.form_box.setCurrentIndex(view.form_box.findData("hrd_intake"))
    qtbot.waitUntil(lambda: not model.is_loading and model.total == 2, timeout=10_000)
    wait_idle(qtbot, window)


def test_record_view_repeats_and_attachments(qtbot, tmp_path: Path, monkeypatch) -> None:
    data, window, browser = _browser(qtbot, tmp_path)
    rid = data.record_ids[0]
    browser.open_record(rid)
    view = browser.view
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    assert view.detail.id == rid
    tree = view.tree
    labels = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert labels, "the form's sections are shown"
    # The example's threats are a repeat group: one node, one child per row.
    found = tree.findItems("Row 1", Qt.MatchFlag.MatchRecursive
                           | Qt.MatchFlag.MatchExactly, 0)
    assert found and found[0].parent() is not None and found[0].childCount() > 0
    answers = tree.findItems("Maryam Ahmadi", Qt.MatchFlag.MatchRecursive
                             | Qt.MatchFlag.MatchExactly, 1)
    assert answers
    assert view.attachments.rowCount() == 2
    names = [view.attachments.item(r, 0).text() for r in range(2)]
    png_row, txt_row = names.index("photo.png"), names.index("notes.txt")

    # The photo opens in memory, no file anywhere.
    view.attachments.selectRow(png_row)
    assert view.open_button.isEnabled()
    view.open_button.click()
    qtbot.waitUntil(lambda: isinstance(view.viewer, AttachmentViewer), timeout=10_000)
    assert view.viewer.isVisible()
    assert scan_for(Path(os.environ["TMPDIR"]), CANARY) == []

    # Other files: no "open"; saved only on explicit request, after a warning.
    view.attachments.selectRow(txt_row)
    assert not view.open_button.isEnabled()
    warned = []
    monkeypatch.setattr(record_view.dialogs, "confirm",
                        lambda *a, **k: warned.append(a[2]) or True)
    out = tmp_path / "chosen" / "notes.txt"
    out.parent.mkdir()
    monkeypatch.setattr(record_view, "choose_save", lambda *a, **k: out)
    view.save_button.click()
    qtbot.waitUntil(out.exists, timeout=10_000)
    assert out.read_bytes() == CANARY.encode()
    assert warned and "NOT encrypted" in warned[0]
    wait_idle(qtbot, window)

    # Declining the warning writes nothing.
    monkeypatch.setattr(record_view.dialogs, "confirm", lambda *a, **k: False)
    out.unlink()
    view.save_button.click()
    wait_idle(qtbot, window)
    assert not out.exists()

    # Lock: the record, its answers and the photo are gone from the screen.
    window.lock()
    qtbot.waitUntil(lambda: window.workspace is None, timeout=10_000)
    viewer = view.viewer
    assert viewer is None or not shiboken6.isValid(viewer) or not viewer.isVisible()


def test_dari_ui(qtbot, tmp_path: Path) -> None:
    _data, window, browser = _browser(qtbot, tmp_path, "fa-AF")
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    ws = window.workspace
    assert ws.tabText(0) != "&Import desk"  # translated
    assert browser.records.model.rowCount() == 2


def test_audio_plays_from_memory_or_says_it_cannot(qtbot) -> None:
    player = record_view.AudioPlayer("voice.m4a", b"\x00" * 64)
    qtbot.addWidget(player)
    assert player.buffer.data().size() == 64  # in memory, no file
    if player.player is None:
        texts = [w.text() for w in player.findChildren(record_view.QLabel)]
        assert any("cannot play audio" in t for t in texts)
    player.done(0)
    assert player.buffer.data().size() == 0
