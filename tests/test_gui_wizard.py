"""First run: language, passphrase strength and confirmation, enrollment, demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from intake_app.gui.passphrase import strength
from intake_app.gui.wizard import PAGE_ENROLL, PAGE_FINISH, PAGE_PASSPHRASE, demo_base
from intake_app.services.field import FieldService
from intake_app.services.hq import HQService
from tests.cli_helpers import HQ_PASS, ok
from tests.test_gui_support import open_window, wait_idle

pytestmark = pytest.mark.gui
NEW_PASS = "river lamp orange window"


def test_passphrase_strength_scores() -> None:
    assert strength("short") == 0
    assert strength("password") == 0
    assert strength("aaaaaaaaaaaa") == 0
    assert strength("abcdefgh1") == 1
    assert strength(NEW_PASS) >= 3
    assert strength("کوه دریا چراغ پنجره") >= 3


def _to_passphrase_page(qtbot, data_dir: Path):
    window = open_window(qtbot, data_dir)
    wiz = window.wizard
    assert wiz is not None and window.stack.currentWidget() is wiz
    wiz.next()
    assert wiz.currentId() == PAGE_PASSPHRASE
    return window, wiz


def test_passphrase_needs_strength_and_confirmation(qtbot, data_dir: Path) -> None:
    _window, wiz = _to_passphrase_page(qtbot, data_dir)
    page, fields = wiz.passphrase_page, wiz.passphrase_page.fields
    next_button = wiz.button(wiz.WizardButton.NextButton)
    qtbot.keyClicks(fields.first, "abc")
    assert fields.meter.value() == 0 and fields.meter_label.text().startswith("Too short")
    assert not page.isComplete() and not next_button.isEnabled()
    fields.first.clear()
    qtbot.keyClicks(fields.first, NEW_PASS)
    assert fields.meter.value() >= 3
    qtbot.keyClicks(fields.second, "river lamp")
    assert fields.match_label.text() == "The two passphrases do not match."
    assert not page.isComplete()
    qtbot.keyClicks(fields.second, " orange window")
    assert fields.match_label.text() == "" and page.isComplete() and next_button.isEnabled()
    assert fields.first.echoMode() == fields.first.EchoMode.Password
    fields.show_box.setChecked(True)
    assert fields.first.echoMode() == fields.first.EchoMode.Normal


def test_enroll_from_provisioning_file_shows_fingerprint(qtbot, tmp_path: Path,
                                                         data_dir: Path) -> None:
    hq = tmp_path / "hq"
    ok("--data-dir", hq, "hq", "init", "--org", "Test Org", passphrase=HQ_PASS)
    ok("--data-dir", hq, "hq", "provision", "--out", tmp_path / "prov.sig", passphrase=HQ_PASS)
    fp = ok("--data-dir", hq, "hq", "fingerprint", passphrase=HQ_PASS).out.strip()

    window, wiz = _to_passphrase_page(qtbot, data_dir)
    wiz.passphrase_page.fields.first.setText(NEW_PASS)
    wiz.passphrase_page.fields.second.setText(NEW_PASS)
    wiz.next()
    assert wiz.currentId() == PAGE_ENROLL
    page = wiz.enroll_page
    assert not page.isComplete()
    bad = tmp_path / "junk.sig"
    bad.write_bytes(b"junk")
    page.load(bad)
    assert page.file_label.text().startswith("This file cannot be used")
    assert not page.matches.isEnabled()
    page.load(tmp_path / "prov.sig")
    shown = page.fingerprint.text()
    assert "".join(shown.split()) == "".join(fp.split())
    assert not page.isComplete()  # the user must confirm the comparison
    page.matches.setChecked(True)
    assert page.isComplete()
    wiz.next()
    assert wiz.currentId() == PAGE_FINISH
    qtbot.waitUntil(lambda: wiz.finish_page.isComplete(), timeout=15_000)
    assert "enrolled with Test Org" in wiz.finish_page.status.text()
    assert wiz.finish_page.card_button.isVisible()
    card = tmp_path / "card.sig"
    wiz.finish_page.write_card(card)
    assert card.read_bytes() == wiz.outcome.card
    ok("--data-dir", hq, "hq", "enroll-device", card, passphrase=HQ_PASS)
    wiz.accept()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5_000)
    assert window.wizard is None and window.session.is_unlocked
    assert window.session.service.is_enrolled()
    wait_idle(qtbot, window)
    window.lock()
    FieldService(data_dir).unlock(NEW_PASS)  # the chosen passphrase opens the store


def test_enroll_later(qtbot, data_dir: Path) -> None:
    window, wiz = _to_passphrase_page(qtbot, data_dir)
    wiz.passphrase_page.fields.first.setText(NEW_PASS)
    wiz.passphrase_page.fields.second.setText(NEW_PASS)
    wiz.next()
    wiz.enroll_page.later.setChecked(True)
    wiz.next()
    qtbot.waitUntil(lambda: wiz.finish_page.isComplete(), timeout=15_000)
    assert "Enroll with HQ later" in wiz.finish_page.status.text()
    wiz.accept()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5_000)
    assert not window.session.service.is_enrolled()


def test_language_choice_rebuilds_the_wizard_right_to_left(qtbot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    wiz = window.wizard
    combo = wiz.welcome.language
    combo.setCurrentIndex(combo.findData("fa-AF"))
    combo.activated.emit(combo.currentIndex())
    assert window.wizard is not wiz  # rebuilt in the new language
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.wizard.welcome.language.currentData() == "fa-AF"
    assert window.languages.code == "fa-AF"


def test_try_a_demo(qtbot, data_dir: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, data_dir)
    wiz = window.wizard
    assert wiz.demo_available and wiz.welcome.demo.isEnabled()
    wiz.welcome.demo.setChecked(True)
    wiz.next()
    wiz.passphrase_page.fields.first.setText(NEW_PASS)
    wiz.passphrase_page.fields.second.setText(NEW_PASS)
    wiz.next()
    assert wiz.currentId() == PAGE_FINISH  # no enrollment step for the demo
    qtbot.waitUntil(lambda: wiz.finish_page.isComplete(), timeout=60_000)
    assert "demo is ready" in wiz.finish_page.status.text()
    wiz.accept()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    svc = window.session.service
    assert svc.data_dir != data_dir and demo_base(data_dir) in svc.data_dir.parents
    assert not data_dir.exists() or not any(data_dir.iterdir())  # real profile untouched
    model = window.workspace.records.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.is_loading, timeout=10_000)
    # The whole path works in the demo: export the finalized samples, import them at HQ.
    out = tmp_path / "stick"
    out.mkdir()
    wiz = window.open_export()
    wiz.set_folder(out)
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.summary_page, timeout=30_000)
    assert wiz.error is None and wiz.result_.record_count >= 1
    wiz.accept()
    wait_idle(qtbot, window)
    hq = HQService(demo_base(data_dir) / "hq")
    hq.unlock(NEW_PASS)
    outcomes = [hq.import_bundle(p) for p in sorted(out.iterdir())]
    hq.lock()
    assert [o.verdict for o in outcomes] == ["imported"] * len(outcomes)
