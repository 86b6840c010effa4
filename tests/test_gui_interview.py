"""Acceptance: one complete interview driven through the GUI, exported, then verified."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from intake_app.services.field import FieldService
from tests.cli_helpers import FIELD_PASS, enrolled_pair, run
from tests.test_gui_support import all_types_form, open_window, type_text, unlock, wait_idle

pytestmark = pytest.mark.gui


def _png(path: Path) -> Path:
    img = QImage(40, 30, QImage.Format.Format_RGB32)
    img.fill(QColor("darkgreen"))
    assert img.save(str(path), "PNG")
    return path


def test_complete_interview_export_verify(qtbot, tmp_path: Path) -> None:
    setup = enrolled_pair(tmp_path / "org")
    svc = FieldService(setup.field)
    svc.unlock(FIELD_PASS)
    svc.install_form(all_types_form())
    svc.lock()

    window = open_window(qtbot, setup.field)
    unlock(qtbot, window, FIELD_PASS)
    ws = window.workspace
    editor = ws.new_record("gui_all_types")
    assert editor is not None and editor.isVisible()
    w = {fw.field.name: fw for fw in editor.field_widgets()}

    # Page 1: text, integer (with a constraint error, then fixed), calculate, decimal,
    # date, select_one, yes_no with a relevant follow-up, long text.
    qtbot.keyClicks(w["full_name"].edit, "Zarghuna Example")
    qtbot.keyClicks(w["age"].edit, "7")
    editor.reevaluate()
    assert w["age"].error.isVisible()
    assert w["age"].error.text() == "Age must be between 10 and 110"
    assert editor.visible_errors() == {"age": "Age must be between 10 and 110"}
    w["age"].edit.clear()
    type_text(w["age"].edit, "۳۴")  # Dari digits are accepted
    editor.reevaluate()
    assert not w["age"].error.isVisible()
    assert w["age_group"].shown.text() == "adult"
    qtbot.keyClicks(w["height"].edit, "1.62")
    qtbot.keyClicks(w["event_date"].edit, "2024-03")
    w["gender"].buttons["female"].setFocus()
    qtbot.keyClick(w["gender"].buttons["female"], Qt.Key.Key_Space)  # keyboard only
    assert not w["children_count"].isVisible()
    w["has_children"].choose(True)
    editor.reevaluate()
    assert w["children_count"].isVisible()
    qtbot.keyClicks(w["children_count"].edit, "2")
    qtbot.keyClicks(w["story"].edit, "Threatened at the office.")

    # Page 2: select_multiple with a relevant "other", attachment, repeat rows.
    qtbot.mouseClick(editor.next_button, Qt.MouseButton.LeftButton)
    assert editor.page_list.currentRow() == 1
    assert not w["risk_other"].isVisible()
    w["risks"].checks["threat"].setChecked(True)
    w["risks"].checks["other"].setChecked(True)
    editor.reevaluate()
    assert w["risk_other"].isVisible()
    qtbot.keyClicks(w["risk_other"].edit, "Followed home")
    w["photo"].add_path(_png(tmp_path / "doc.png"))
    qtbot.waitUntil(lambda: w["photo"].value() is not None)
    assert "doc.png" in w["photo"].info.text()

    repeat = next(r for p in editor.panels for r in p.repeats())
    qtbot.mouseClick(repeat.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(repeat.add_button, Qt.MouseButton.LeftButton)
    assert len(repeat.rows) == 2
    repeat.remove_row(repeat.rows[1])
    assert len(repeat.rows) == 1
    row = {fw.field.name: fw for fw in repeat.rows[0].panel.field_widgets()}
    assert row["incident_date"].path == "incidents[0].incident_date"
    qtbot.keyClicks(row["incident_date"].edit, "2024-03-02")
    qtbot.keyClicks(row["incident_place"].edit, "Kabul")

    # Finalize (the confirmation is answered Yes by the fixture).
    editor.reevaluate()
    assert editor.state is not None and editor.state.errors == ()
    qtbot.mouseClick(editor.finalize_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(editor.finalized, timeout=15_000) as sig:
        pass
    rid = sig.args[0]
    detail = window.session.service.record(rid)
    assert detail.summary.status.value == "finalized"
    v = detail.values
    assert v["age"] == 34 and v["age_group"] == "adult" and v["height"] == 1.62
    assert v["gender"] == "female" and v["has_children"] is True and v["children_count"] == 2
    assert v["risks"] == ["threat", "other"] and v["source"] == "gui"
    assert v["incidents"] == [{"incident_date": "2024-03-02", "incident_place": "Kabul"}]
    assert len(detail.attachments) == 1 and v["photo"] == detail.attachments[0].id

    # Export to a folder through the wizard.
    ws.close_editor()
    out = tmp_path / "stick"
    out.mkdir()
    wiz = window.open_export()
    assert wiz is not None
    wiz.set_folder(out)
    assert wiz.destination_page.isComplete()
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.summary_page, timeout=30_000)
    assert wiz.error is None, wiz.error
    assert wiz.result_ is not None and wiz.result_.record_count == 1
    assert "1 record(s) sealed" in wiz.summary_page.summary.text()
    bundles = sorted(out.iterdir())
    assert bundles
    wiz.accept()
    wait_idle(qtbot, window)

    r = run("verify", *bundles, "--keyring", setup.keyring)
    assert r.rc == 0, r.out + r.err
    assert "OK" in r.out
