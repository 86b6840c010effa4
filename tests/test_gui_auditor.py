"""Auditor mode: keyring, optional HQ log, dropped bundles, verdicts, the HTML report."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from intake_app.gui.auditor import window as auditor_window
from tests.cli_helpers import ok
from tests.test_gui_hq_support import HQ_PASS, hq_service_import, make_hq_data

pytestmark = pytest.mark.gui


def open_auditor(qtbot):
    from intake_app.gui.app import create_window

    window, _ = create_window(Path("unused"), "en", "auditor")
    held = getattr(qtbot, "_intake_windows", [])
    held.append(window)
    qtbot._intake_windows = held
    qtbot.addWidget(window)
    window.show()
    return window


def drop(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    ev = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                    Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(ev)


def verdicts(window) -> dict[str, str]:
    t = window.table
    return {t.item(r, 0).text(): t.item(r, 1).text() for r in range(t.rowCount())}


def test_auditor_verdicts_log_and_report(qtbot, tmp_path: Path, monkeypatch) -> None:
    data = make_hq_data(tmp_path, records=1)
    hq_service_import(data.hq, data.bundles)
    log = tmp_path / "hq-log.jsonl"
    ok("--data-dir", data.hq, "hq", "log", "--out", log, passphrase=HQ_PASS)
    window = open_auditor(qtbot)
    assert window.acceptDrops()
    assert not window.report_button.isEnabled()

    # Bundles before a keyring: asked for the keyring, nothing checked yet.
    drop(window, [data.usb, data.bad])
    assert window.table.rowCount() == 0 and "keyring" in window.summary.text()
    monkeypatch.setattr(auditor_window, "choose_open", lambda *a, **k: data.setup.keyring)
    window.keyring_button.click()
    assert "Test Org" in window.keyring_label.text()
    qtbot.waitUntil(lambda: window.result is not None and not window.busy, timeout=20_000)
    got = verdicts(window)
    assert got[data.bundles[0].name] == "Valid"
    assert got[data.bad.name] == "Refused"
    bad_row = list(got).index(data.bad.name)
    assert window.table.item(bad_row, 5).text()  # the reason is shown

    # With HQ's log: the imported bundle is found in it.
    monkeypatch.setattr(auditor_window, "choose_open", lambda *a, **k: log)
    window.log_button.click()
    qtbot.waitUntil(lambda: window.result is not None and window.result.log is not None
                    and not window.busy, timeout=20_000)
    good_row = list(verdicts(window)).index(data.bundles[0].name)
    assert window.table.item(good_row, 4).text().startswith("entry")
    assert "log verifies" in window.summary.text()

    report = tmp_path / "report.html"
    monkeypatch.setattr(auditor_window, "choose_save", lambda *a, **k: report)
    assert window.report_button.isEnabled()
    window.report_button.click()
    qtbot.waitUntil(report.exists, timeout=10_000)
    html = report.read_text(encoding="utf-8")
    assert data.bad.name in html and data.bundles[0].name in html

    window.clear_bundles()
    assert window.table.rowCount() == 0 and not window.report_button.isEnabled()


def test_auditor_bad_keyring(qtbot, tmp_path: Path) -> None:
    window = open_auditor(qtbot)
    junk = tmp_path / "junk.sig"
    junk.write_bytes(b"not a keyring")
    window.open_keyring(junk)
    assert window.ring is None
    assert "Cannot open" in window.keyring_label.text()
