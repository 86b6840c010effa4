"""Export wizard (destinations, free space, progress, cancel) and the outbox with receipts."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from intake_app.gui import export_view
from intake_app.gui.export_view import Destination, ExportWizard
from intake_app.services.field import FieldService
from intake_app.services.hq import HQService
from intake_app.services.outbox import ExportCancelled
from tests.cli_helpers import FIELD_PASS, HQ_PASS, enrolled_pair
from tests.test_gui_support import all_types_form, complete_values, open_window, unlock, wait_idle

pytestmark = pytest.mark.gui


def _field_with_finalized(root: Path, n: int = 2):
    setup = enrolled_pair(root)
    svc = FieldService(setup.field)
    svc.unlock(FIELD_PASS)
    svc.install_form(all_types_form())
    for i in range(n):
        rid = svc.new_record("gui_all_types", complete_values(f"P{i}"), "en")
        svc.finalize(rid, "en")
    svc.lock()
    hq = HQService(setup.hq)
    hq.unlock(HQ_PASS)
    hq.install_form(all_types_form())
    hq.lock()
    return setup


def _export(qtbot, window, dest: Path) -> ExportWizard:
    wiz = window.open_export()
    wiz.set_folder(dest)
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.summary_page, timeout=30_000)
    return wiz


def test_destination_page_lists_drives_and_checks_space(qtbot, tmp_path: Path,
                                                        monkeypatch) -> None:
    setup = _field_with_finalized(tmp_path / "org", 0)
    stick = tmp_path / "media" / "STICK"
    stick.mkdir(parents=True)
    monkeypatch.setattr(export_view, "list_drives", lambda: [
        Destination(stick, "STICK", 8 * 1024**3, 16 * 1024**3, True)])
    window = open_window(qtbot, setup.field)
    unlock(qtbot, window, FIELD_PASS)
    wiz = window.open_export()
    page = wiz.destination_page
    assert page.drives.count() == 1 and "STICK" in page.drives.item(0).text()
    page.drives.setCurrentRow(0)  # the only stick is already picked
    assert page.isComplete() and wiz.destination.removable
    plain = page.space.text().replace("\u2066", "").replace("\u2069", "")
    assert plain == "Free space: 8.0 GB."
    assert "3.7 GB" in page.limit_label.text()  # the policy's volume size limit
    page.set_destination(Destination(stick, "FULL", 10, 10, True))
    assert not page.isComplete() and "Not enough free space" in page.space.text()
    # The free space needed follows what there is to seal (attachments included).
    qtbot.waitUntil(lambda: page.estimate_label.text() != "", timeout=5_000)
    assert page.estimate_label.text().startswith("0 finalized record(s) to seal")
    monkeypatch.setattr(export_view, "list_drives", list)
    page.scan()
    assert page.drives.count() == 1 and "No removable drive" in page.drives.item(0).text()


def test_export_then_outbox_then_receipt(qtbot, tmp_path: Path) -> None:
    setup = _field_with_finalized(tmp_path / "org", 2)
    window = open_window(qtbot, setup.field)
    unlock(qtbot, window, FIELD_PASS)
    out = tmp_path / "stick"
    out.mkdir()
    progress: list[tuple[int, int]] = []
    wiz = window.open_export()
    page = wiz.destination_page
    qtbot.waitUntil(lambda: page.estimate_label.text() != "", timeout=5_000)
    assert page.estimate_label.text().startswith("2 finalized record(s) to seal")
    assert page.needed >= 1024 * 1024  # at least MIN_FREE
    page.set_destination(Destination(out, "SMALL", page.needed - 1, 10**9, True))
    assert not page.isComplete()
    wiz.set_folder(out)
    wiz.seal_page.bar.valueChanged.connect(lambda v: progress.append((v, 0)))
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.summary_page, timeout=30_000)
    assert wiz.error is None
    assert wiz.result_.record_count == 2
    assert progress, "the progress bar moved"
    assert "2 record(s) sealed" in wiz.summary_page.summary.text()
    assert "eject it safely" in wiz.summary_page.reminder.text()
    bundles = sorted(out.iterdir())
    wiz.accept()
    wait_idle(qtbot, window)

    outbox = window.workspace.outbox
    qtbot.waitUntil(lambda: outbox.table.rowCount() == len(bundles), timeout=5_000)
    assert outbox.table.item(0, 5).text() == "Waiting for HQ"
    model = window.workspace.records.model
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not model.is_loading)
    assert {model.data(model.index(r, 2)) for r in range(2)} == {"Sealed"}

    # HQ imports the bundle and writes a receipt; the laptop imports the receipt.
    assert setup.h("hq", "import", *bundles).rc == 0
    receipt = tmp_path / "receipt.sig"
    assert setup.h("hq", "receipts", "--out", receipt, "--device", setup.device_id).rc == 0
    outbox.import_receipt(receipt)
    qtbot.waitUntil(lambda: outbox.result.text().startswith("Receipt accepted"), timeout=10_000)
    assert "Delivered: bundle(s) 1." in outbox.result.text()
    assert "2 record(s) removed from this laptop." in outbox.result.text()
    qtbot.waitUntil(lambda: outbox.table.item(0, 5).text() == "Delivered", timeout=5_000)
    qtbot.waitUntil(lambda: model.rowCount() == 0 and not model.is_loading, timeout=5_000)


def test_bad_receipt_is_refused(qtbot, tmp_path: Path) -> None:
    setup = _field_with_finalized(tmp_path / "org", 0)
    window = open_window(qtbot, setup.field)
    unlock(qtbot, window, FIELD_PASS)
    bogus = tmp_path / "bogus.sig"
    bogus.write_bytes(b"not a receipt")
    outbox = window.workspace.outbox
    outbox.import_receipt(bogus)
    qtbot.waitUntil(lambda: outbox.result.text().startswith("Receipt refused"), timeout=5_000)


def test_cancel_sealing(qtbot, tmp_path: Path, monkeypatch) -> None:
    setup = _field_with_finalized(tmp_path / "org", 1)
    started = threading.Event()

    def slow_export(self, dest, *, progress=None, cancel=None):
        started.set()
        for i in range(500):
            if cancel is not None and cancel.is_set():
                raise ExportCancelled()
            if progress is not None:
                progress(i, 500)
            threading.Event().wait(0.01)
        raise AssertionError("not cancelled")

    monkeypatch.setattr(FieldService, "export", slow_export)
    window = open_window(qtbot, setup.field)
    unlock(qtbot, window, FIELD_PASS)
    out = tmp_path / "stick"
    out.mkdir()
    wiz = window.open_export()
    wiz.set_folder(out)
    wiz.next()
    qtbot.waitUntil(started.is_set, timeout=5_000)
    qtbot.waitUntil(lambda: wiz.seal_page.bar.maximum() == 1000, timeout=5_000)
    wiz.reject()  # Escape / Cancel while sealing asks the worker to stop
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.summary_page, timeout=10_000)
    assert wiz.summary_page.title() == "Cancelled"
    assert list(out.iterdir()) == []


def test_nothing_to_seal(qtbot, tmp_path: Path) -> None:
    setup = _field_with_finalized(tmp_path / "org", 0)
    window = open_window(qtbot, setup.field)
    unlock(qtbot, window, FIELD_PASS)
    out = tmp_path / "stick"
    out.mkdir()
    wiz = _export(qtbot, window, out)
    assert wiz.summary_page.summary.text() == "There was nothing to seal: finalize records first."


def test_opening_a_sealed_record_speaks_the_interface_language(qtbot, tmp_path: Path,
                                                               monkeypatch) -> None:
    from intake_app.gui import dialogs

    setup = _field_with_finalized(tmp_path, 1)
    svc = FieldService(setup.field)
    svc.unlock(FIELD_PASS)
    rid = svc.list_records()[0].id
    (tmp_path / "stick").mkdir()
    svc.export(tmp_path / "stick")
    svc.lock()
    said: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _p, title, text: said.append(text))
    shown: list[object] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, exc: shown.append(exc))
    window = open_window(qtbot, setup.field, "ur")
    window.unlock_page.passphrase.setText(FIELD_PASS)
    window.unlock_page.try_unlock()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    window.workspace.open_record(rid)
    qtbot.waitUntil(lambda: bool(said or shown), timeout=5_000)
    assert shown == [] and len(said) == 1
    assert rid not in said[0] and "sealed" not in said[0]
    assert window.workspace.editor is None


def test_export_page_shows_volumes_a_cut_export_never_wrote(qtbot, tmp_path: Path) -> None:
    """Issue 14 finding 4: a CLI export SIGKILLed between sealing and the stick's rename;
    the GUI's export page then says one sealed volume never reached a stick, and the
    export writes it (no record left to seal: it used to say 'nothing to seal')."""
    from tests.fault_helpers import hooked_run

    setup = _field_with_finalized(tmp_path / "org", 1)
    stick = tmp_path / "stick"
    stick.mkdir()
    r = hooked_run(setup.field, f"replace:1:{stick}/", "export", "--to", stick)
    assert r.returncode == -9, (r.returncode, r.stderr)
    assert not list(stick.glob("*.intake"))
    window = open_window(qtbot, setup.field)
    unlock(qtbot, window, FIELD_PASS)
    wiz = window.open_export()
    page = wiz.destination_page
    qtbot.waitUntil(lambda: page.estimate_label.text() != "", timeout=10_000)
    assert page.unwritten_label.isVisible()
    assert page.unwritten_label.text().startswith("1 sealed volume(s) never reached a stick")
    assert page.estimate_label.text().startswith("0 finalized record(s) to seal")
    wiz.set_folder(stick)
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.summary_page, timeout=30_000)
    text = wiz.summary_page.summary.text()
    assert text.startswith("1 sealed volume(s) that never reached a stick were written"), text
    assert [p.name for p in stick.glob("*.intake")] == [f"{setup.device_id}-000001.intake"]
    assert not list(stick.glob(".*.part"))
    wiz.close()
    wiz2 = window.open_export()
    qtbot.waitUntil(lambda: wiz2.destination_page.estimate_label.text() != "", timeout=10_000)
    assert not wiz2.destination_page.unwritten_label.isVisible()
