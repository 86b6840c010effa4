"""HQ devices view: enrolled/revoked, last sequence, missing sequences, enroll, revoke."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake_app.gui.hq import devices_view
from tests.cli_helpers import FIELD_PASS, HQ_PASS, example_values, ok
from tests.test_gui_hq_support import (
    hq_service_import,
    make_hq_data,
    open_hq_window,
    unlock_hq,
    wait_idle,
)

pytestmark = pytest.mark.gui


def test_ranges() -> None:
    assert devices_view.ranges((1, 2, 3, 5, 7, 8)) == "1–3, 5, 7–8"
    assert devices_view.ranges(()) == ""


def test_missing_sequences_are_highlighted(qtbot, tmp_path: Path) -> None:
    data = make_hq_data(tmp_path, records=1)
    s = data.setup
    # Two more exports: sequences 2 and 3; HQ receives 1 and 3 only.
    more = []
    for i in (2, 3):
        values = tmp_path / "v.json"
        values.write_text(json.dumps(example_values(), ensure_ascii=False), encoding="utf-8")
        rid = s.f("record", "new", "--form", "hrd_intake", "--json", values).out.strip()
        assert s.f("record", "finalize", rid).rc == 0
        out = tmp_path / f"usb{i}"
        out.mkdir()
        more.append([Path(p) for p in s.f("export", "--to", out).out.split()])
    hq_service_import(data.hq, data.bundles + more[1])
    window = open_hq_window(qtbot, data.hq)
    ws = unlock_hq(qtbot, window)
    view = ws.devices
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    assert view.table.item(0, 0).text() == s.device_id
    assert view.table.item(0, 4).text() == "Enrolled"
    assert view.table.item(0, 5).text() == "3"
    missing = view.table.item(0, 6)
    assert missing.text() == "2"
    assert missing.background().color().name() == devices_view.NOTE.name()


def test_enroll_from_card_and_revoke(qtbot, tmp_path: Path, monkeypatch) -> None:
    data = make_hq_data(tmp_path, records=1)
    second = tmp_path / "field2"
    ok("--data-dir", second, "init", passphrase=FIELD_PASS)
    fp = ok("--data-dir", data.hq, "hq", "fingerprint", passphrase=HQ_PASS).out.strip()
    ok("--data-dir", second, "enroll", tmp_path / "prov.sig", "--card-out",
       tmp_path / "card2.sig", "--expect-fingerprint", fp, passphrase=FIELD_PASS)
    window = open_hq_window(qtbot, data.hq)
    ws = unlock_hq(qtbot, window)
    view = ws.devices
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    # A card that cannot be read: one sentence, not the OS's "[Errno 21] ..." text.
    monkeypatch.setattr(devices_view, "choose_open", lambda *a, **k: tmp_path / "field2")
    view.enroll_button.click()
    assert view.status.text() == "Cannot read the device card \u2066field2\u2069."
    monkeypatch.setattr(devices_view, "choose_open", lambda *a, **k: tmp_path / "card2.sig")
    view.enroll_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=10_000)
    assert "Enrolled" in view.status.text()
    wait_idle(qtbot, window)

    assert not view.revoke_button.isEnabled()
    view.table.selectRow(0)
    assert view.revoke_button.isEnabled()
    victim = view.selected()
    assert victim is not None
    asked = []
    from intake_app.gui import dialogs

    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: asked.append(a) or True)
    view.revoke_button.click()
    qtbot.waitUntil(lambda: any(d.revoked_at for d in view.devices), timeout=10_000)
    wait_idle(qtbot, window)
    assert asked
    row = [d.device_id for d in view.devices].index(victim.device_id)
    assert view.table.item(row, 4).text().startswith("Revoked")

    # The public keyring can be saved (no private key in it).
    monkeypatch.setattr(devices_view, "choose_save", lambda *a, **k: tmp_path / "ring.sig")
    view.keyring_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "ring.sig").exists(), timeout=10_000)
    from intake_app.services.audit import load_keyring

    ring = load_keyring(tmp_path / "ring.sig")
    assert ring.devices[victim.device_id].status == "revoked"
