"""How ``intake-app`` chooses the HQ and auditor modes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from intake_app.gui import app, hq_switch
from tests.test_gui_hq_support import (
    HQ_PASS,
    make_hq_data,
    open_hq_window,
    unlock_hq,
    wait_idle,
)
from tests.test_gui_support import open_window, type_text

pytestmark = pytest.mark.gui


def test_flags(tmp_path: Path, monkeypatch) -> None:
    p = app.build_parser()
    assert p.parse_args(["--hq"]).hq and p.parse_args(["--auditor"]).auditor
    with pytest.raises(SystemExit):
        p.parse_args(["--hq", "--auditor"])
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "x"))
    assert app.resolve_hq_dir(None) == (tmp_path / "x").resolve()
    monkeypatch.delenv("INTAKE_DATA_DIR")
    assert app.resolve_hq_dir(None).name == app.HQ_SUBDIR
    assert app.resolve_field_dir(None).name == app.FIELD_SUBDIR


def test_hq_first_run_wizard(qtbot, tmp_path: Path) -> None:
    from intake_app.gui.hq.setup_wizard import HQSetupWizard
    from intake_app.hq.keybackup import combine
    from intake_app.services.field import FieldService

    window = open_hq_window(qtbot, tmp_path / "nothing")
    wiz = window.setup_wizard
    assert isinstance(wiz, HQSetupWizard) and window.stack.currentWidget() is wiz
    assert not window.export_action.isEnabled()
    page = wiz.profile_page
    assert not page.isComplete()
    type_text(page.org, "Kabul Defenders")
    page.fields.first.setText(HQ_PASS)
    page.fields.second.setText(HQ_PASS)
    assert page.isComplete()
    wiz.next()
    keys = wiz.keys_page
    qtbot.waitUntil(lambda: keys.done, timeout=20_000)
    svc = window.session.hq
    fp = svc.fingerprint().replace(" ", "")
    assert keys.fingerprint.text().replace("\u2066", "").replace("\u2069", "").replace(
        " ", "") == fp
    assert svc.meta("org_name") == "Kabul Defenders"
    # the provisioning file a laptop enrolls from, stating this HQ's fingerprint
    out = tmp_path / "stick"
    out.mkdir()
    keys.write_provisioning(out / "provisioning.json")
    qtbot.waitUntil(lambda: keys.provision_result.text().startswith("Wrote"), timeout=10_000)
    data = (out / "provisioning.json").read_bytes()
    assert FieldService.provisioning_fingerprint(data).replace(" ", "") == fp
    # optional backup shares: 2 of 3 restore the keys
    keys.shares.setValue(3)
    keys.threshold.setValue(2)
    qtbot.mouseClick(keys.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Share 3 of 3:" in keys.share_text.toPlainText(), timeout=10_000)
    shares = [b.split("\n", 1)[1] for b in keys.share_text.toPlainText().split("\n\n")]
    assert combine(shares[:2]).fingerprint.replace(" ", "") == fp
    wiz.accept()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert window.export_action.isEnabled()
    assert (tmp_path / "nothing").exists() and window.setup_wizard is None


def test_data_dir_holding_hq_profile_opens_hq_screens(qtbot, tmp_path: Path) -> None:
    data = make_hq_data(tmp_path, records=1)
    field_window = open_window(qtbot, data.hq)  # as `intake-app --data-dir <hq dir>`
    before = len(hq_switch.switched_windows())
    field_window.unlock_page.passphrase.setText(HQ_PASS)
    field_window.unlock_page.try_unlock()
    qtbot.waitUntil(lambda: len(hq_switch.switched_windows()) > before, timeout=15_000)
    hq_window = hq_switch.switched_windows()[-1]
    qtbot.addWidget(hq_window)
    qtbot.waitUntil(lambda: hq_window.workspace is not None, timeout=15_000)
    assert hq_window.session.is_unlocked
    assert not field_window.isVisible()
    assert field_window.workspace is None
    wait_idle(qtbot, hq_window)
    hq_window.lock()
    assert not hq_window.session.is_unlocked


def test_language_switch_rebuilds_hq_screens(qtbot, tmp_path: Path) -> None:
    data = make_hq_data(tmp_path, records=1)
    window = open_hq_window(qtbot, data.hq)
    unlock_hq(qtbot, window)
    assert window.session.idle_timer.isActive()
    assert window.session.idle_ms == 10 * 60_000
    english = window.workspace.tabText(0)
    window.set_language("ps")
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.tabText(0) != english, timeout=15_000)
    wait_idle(qtbot, window)
    assert window.session.is_unlocked
