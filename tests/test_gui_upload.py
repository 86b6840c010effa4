"""Sending over the network from the GUI, against a real drop box on loopback:
settings (address, SOCKS5 proxy, background), "Send now" with progress, HQ's receipt
applied, and the background sender's backoff while the drop box is down."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from intake_app.gui.sender import SendConfig, load_config
from intake_app.services.field import FieldService
from intake_app.services.hq import HQService
from intake_app.services.sending import UploadProgress, backoff_delays
from intake_app.sync.config import Limits
from intake_app.sync.server import BackgroundServer
from tests.cli_helpers import FIELD_PASS, HQ_PASS, Setup, enrolled_pair
from tests.test_gui_support import all_types_form, complete_values, open_window, unlock, wait_idle

pytestmark = [pytest.mark.gui, pytest.mark.timeout(120)]


@pytest.fixture
def org(tmp_path: Path) -> Setup:
    setup = enrolled_pair(tmp_path / "org")
    svc = FieldService(setup.field)
    svc.unlock(FIELD_PASS)
    svc.install_form(all_types_form())
    for i in range(2):
        rid = svc.new_record("gui_all_types", complete_values(f"Sent {i}"), "en")
        svc.finalize(rid, "en")
    svc.lock()
    hq = HQService(setup.hq)
    hq.unlock(HQ_PASS)
    hq.install_form(all_types_form())
    hq.lock()
    return setup


@pytest.fixture
def server(tmp_path: Path, org: Setup) -> Iterator[BackgroundServer]:
    srv = BackgroundServer(tmp_path / "dropbox", org.keyring, Limits(min_free_bytes=0))
    srv.start()
    yield srv
    srv.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def _configure(window: Any, url: str, proxy: str = "", background: bool = False) -> Any:
    dlg = window.open_settings()
    page = dlg.sending
    page.url.setText(url)
    page.proxy.setText(proxy)
    page.background.setChecked(background)
    dlg.accept()
    return dlg


def _export(qtbot: Any, window: Any, dest: Path) -> list[Path]:
    dest.mkdir()
    wiz = window.open_export()
    wiz.set_folder(dest)
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.summary_page, timeout=30_000)
    wiz.accept()
    wait_idle(qtbot, window)
    return sorted(dest.iterdir())


def _outbox_files(setup: Setup) -> list[str]:
    folder = setup.field / "outbox"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_settings_are_checked_and_kept_in_the_store(qtbot: Any, org: Setup) -> None:
    window = open_window(qtbot, org.field)
    unlock(qtbot, window, FIELD_PASS)
    panel = window.workspace.outbox.send
    assert not panel.send_button.isEnabled()
    assert "not set up" in panel.status.text()
    dlg = window.open_settings()
    dlg.sending.url.setText("ftp://nowhere")
    dlg.accept()
    assert dlg.isVisible() and dlg.tabs.currentWidget() is dlg.sending
    assert "drop box address" in dlg.sending.error.text()
    dlg.sending.url.setText("https://box.example.org")
    dlg.sending.proxy.setText("http://127.0.0.1:8080")
    dlg.accept()
    assert dlg.isVisible() and "socks5://" in dlg.sending.error.text()
    dlg.sending.proxy.setText("socks5h://127.0.0.1:9050")
    dlg.accept()
    assert not dlg.isVisible()
    svc = window.session.service
    assert load_config(svc) == SendConfig("https://box.example.org", "socks5h://127.0.0.1:9050",
                                          False)
    assert svc.meta("sync.url") == "https://box.example.org"  # the encrypted store
    assert panel.send_button.isEnabled()
    from tests.conftest import scan_for

    assert scan_for(Path.home(), "box.example.org") == []  # not in QSettings


def test_send_now_uploads_with_progress_then_applies_hq_receipt(
        qtbot: Any, tmp_path: Path, org: Setup, server: BackgroundServer) -> None:
    window = open_window(qtbot, org.field)
    unlock(qtbot, window, FIELD_PASS)
    _configure(window, server.url)
    bundles = _export(qtbot, window, tmp_path / "stick")
    assert len(bundles) == 1 and _outbox_files(org) == [bundles[0].name]
    outbox = window.workspace.outbox
    panel = outbox.send
    sender = window.session.sending
    seen: list[UploadProgress] = []
    bar_values: list[int] = []
    sender.changed.connect(lambda: sender.status.progress and seen.append(sender.status.progress))
    panel.bar.valueChanged.connect(bar_values.append)

    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    assert not panel.send_button.isEnabled()  # one attempt at a time
    qtbot.waitUntil(lambda: sender.status.phase == "done", timeout=20_000)
    report = sender.status.report
    assert report is not None and report.stored == [bundles[0].name] and report.receipt is None
    assert {p.phase for p in seen} >= {"connecting", "uploading"}
    assert bar_values and max(bar_values) == 1000
    assert "1 bundle(s) sent" in panel.status.text() and "Last attempt at" in panel.status.text()
    assert panel.send_button.isEnabled()
    # Uploaded but not confirmed by HQ: the bundle stays on the laptop, still pending.
    assert _outbox_files(org) == [bundles[0].name]
    assert [e.state for e in window.session.service.outbox()] == ["pending"]
    assert (server.dropbox.storage.root / "bundles").exists()

    # HQ fetches, imports and publishes its receipt to the drop box.
    assert org.h("hq", "fetch", "--from", server.url, "--to", tmp_path / "hq-in",
                 "--import").rc == 0
    assert org.h("hq", "publish-receipts", "--to", server.url).rc == 0
    panel.send_now()
    qtbot.waitUntil(lambda: sender.status.phase == "done"
                    and sender.status.report is not None
                    and sender.status.report.receipt is not None, timeout=20_000)
    assert sender.status.report.already == [bundles[0].name]  # the drop box had it
    assert "HQ confirmed 1 bundle(s)." in panel.status.text()
    qtbot.waitUntil(lambda: outbox.table.rowCount() == 1
                    and outbox.table.item(0, 5).text() == "Delivered", timeout=5_000)
    assert _outbox_files(org) == []  # deleted only now, by the verified receipt
    model = window.workspace.records.model
    qtbot.waitUntil(lambda: model.rowCount() == 0 and not model.is_loading, timeout=5_000)


def test_background_sender_backs_off_while_down_and_keeps_bundles(
        qtbot: Any, tmp_path: Path, org: Setup) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    window = open_window(qtbot, org.field)
    unlock(qtbot, window, FIELD_PASS)
    sender = window.session.sending
    sender.delays_factory = lambda: backoff_delays(0.2, 0.4)  # seconds, not minutes
    sender.poll_seconds = 60.0
    waits: list[float] = []
    sender.changed.connect(lambda: sender.status.phase == "waiting"
                           and waits.append(sender.status.next_try))
    _configure(window, url, background=True)
    qtbot.waitUntil(lambda: not sender.status.background, timeout=5_000)
    assert sender.status.phase == "idle" and sender.status.attempts == 0  # nothing to send
    bundles = _export(qtbot, window, tmp_path / "stick")  # the export starts the sender
    panel = window.workspace.outbox.send
    qtbot.waitUntil(lambda: sender.status.attempts >= 3, timeout=10_000)
    qtbot.waitUntil(lambda: sender.status.phase == "waiting", timeout=5_000)
    assert sender.status.background and len(set(waits)) >= 2
    text = panel.status.text()
    assert "cannot be reached" in text and "Next try at" in text
    assert "Background sending is on." in text
    assert _outbox_files(org) == [bundles[0].name]  # never deleted while unacknowledged
    assert [e.state for e in window.session.service.outbox()] == ["pending"]

    # The drop box comes up on that address: the next try sends.
    srv = BackgroundServer(tmp_path / "dropbox", org.keyring, Limits(min_free_bytes=0))
    srv.server.config.port = port
    srv.start()
    try:
        qtbot.waitUntil(lambda: sender.status.report is not None, timeout=10_000)
        assert sender.status.report.stored == [bundles[0].name]
        assert _outbox_files(org) == [bundles[0].name]  # sent, but no receipt yet
        # Still pending: the loop waits (poll_seconds) to collect HQ's receipt later.
        qtbot.waitUntil(lambda: sender.status.phase == "waiting", timeout=5_000)
        assert sender.status.background and sender.status.next_try > sender.status.last_attempt
        # HQ publishes its receipt; "Send now" does not wait for the next round.
        assert org.h("hq", "fetch", "--from", srv.url, "--to", tmp_path / "hq-in",
                     "--import").rc == 0
        assert org.h("hq", "publish-receipts", "--to", srv.url).rc == 0
        qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: sender.status.delivered == [1], timeout=10_000)
        assert _outbox_files(org) == []  # deleted now that HQ's receipt is applied
        qtbot.waitUntil(lambda: not sender.status.background, timeout=5_000)  # nothing left
        window.lock()  # stops the sender and forgets its status
        assert sender.status.phase == "idle" and sender.status.report is None
        thread = sender._thread
        assert thread is not None
        thread.join(5)
        assert not thread.is_alive()
    finally:
        srv.stop()


def test_send_now_through_the_socks5_proxy(qtbot: Any, tmp_path: Path, org: Setup,
                                           server: BackgroundServer) -> None:
    from tests.test_sync_cli import _MiniSocks5

    proxy = _MiniSocks5()
    try:
        window = open_window(qtbot, org.field)
        unlock(qtbot, window, FIELD_PASS)
        _configure(window, server.url, proxy=f"socks5://127.0.0.1:{proxy.port}")
        bundles = _export(qtbot, window, tmp_path / "stick")
        sender = window.session.sending
        assert sender.send_now()
        qtbot.waitUntil(lambda: sender.status.phase in ("done", "failed"), timeout=20_000)
        assert sender.status.report is not None
        assert sender.status.report.stored == [bundles[0].name]
        assert proxy.connections >= 1 and proxy.targets
        assert all(t == ("127.0.0.1", server.port) for t in proxy.targets)
    finally:
        proxy.close()


def test_unreachable_send_now_says_try_later(qtbot: Any, tmp_path: Path, org: Setup) -> None:
    window = open_window(qtbot, org.field)
    unlock(qtbot, window, FIELD_PASS)
    sender = window.session.sending
    sender.retries = 0
    _configure(window, f"http://127.0.0.1:{_free_port()}")
    bundles = _export(qtbot, window, tmp_path / "stick")
    assert sender.send_now()
    qtbot.waitUntil(lambda: sender.status.phase == "failed", timeout=10_000)
    panel = window.workspace.outbox.send
    assert "cannot be reached" in panel.status.text() and "Nothing was lost" in panel.status.text()
    assert _outbox_files(org) == [bundles[0].name]


def test_lock_stops_a_waiting_background_sender(qtbot: Any, tmp_path: Path, org: Setup) -> None:
    window = open_window(qtbot, org.field)
    unlock(qtbot, window, FIELD_PASS)
    sender = window.session.sending
    sender.delays_factory = lambda: iter([30.0] * 10)  # a long wait: lock must cut it short
    _configure(window, f"http://127.0.0.1:{_free_port()}", background=True)
    bundles = _export(qtbot, window, tmp_path / "stick")
    qtbot.waitUntil(lambda: sender.status.phase == "waiting", timeout=10_000)
    thread = sender._thread
    assert thread is not None and thread.is_alive()
    window.lock()
    thread.join(2)
    assert not thread.is_alive()  # cancelled in its wait, not after 30 s
    assert _outbox_files(org) == [bundles[0].name]
    unlock(qtbot, window, FIELD_PASS)  # background sending starts again after unlock
    qtbot.waitUntil(lambda: sender.status.background and sender.status.attempts >= 1,
                    timeout=10_000)
    window.lock()


def test_panic_stops_the_background_sender(qtbot: Any, tmp_path: Path, org: Setup,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda *_a: None))
    window = open_window(qtbot, org.field)
    unlock(qtbot, window, FIELD_PASS)
    sender = window.session.sending
    sender.delays_factory = lambda: iter([30.0] * 10)
    _configure(window, f"http://127.0.0.1:{_free_port()}", background=True)
    _export(qtbot, window, tmp_path / "stick")
    qtbot.waitUntil(lambda: sender.status.phase == "waiting", timeout=10_000)
    thread = sender._thread
    assert thread is not None
    window.panic()
    assert not org.field.exists()
    thread.join(2)
    assert not thread.is_alive()
