"""Shared helpers for the HQ and auditor GUI tests (no tests here): real bundles made
with the CLI (an enrolled field laptop exports to a "USB stick" folder), a damaged
copy for the bad-bundle case, and opening/unlocking the HQ window."""

from __future__ import annotations

import json
import shutil
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from tests.cli_helpers import HQ_PASS, Setup, enrolled_pair, example_values

CANARY = "CANARY-hq-gui-7c1f-کابل"


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@dataclass
class HQData:
    setup: Setup
    usb: Path  # the good bundles
    bundles: list[Path]
    bad: Path  # a damaged copy of the first bundle, in its own folder
    record_ids: list[str]

    @property
    def hq(self) -> Path:
        return self.setup.hq


def make_hq_data(root: Path, records: int = 2) -> HQData:
    s = enrolled_pair(root)
    ids = []
    for i in range(records):
        f = root / "v.json"
        f.write_text(json.dumps(example_values(interviewer_notes=f"{CANARY} {i}"),
                                ensure_ascii=False), encoding="utf-8")
        r = s.f("record", "new", "--form", "hrd_intake", "--json", f)
        assert r.rc == 0, r.err
        f.unlink()
        rid = r.out.strip()
        ids.append(rid)
        if i == 0:
            files = root / "files"
            files.mkdir()
            for name, data in (("photo.png", tiny_png()), ("notes.txt", CANARY.encode())):
                (files / name).write_bytes(data)
                assert s.f("attach", rid, files / name).rc == 0
            shutil.rmtree(files)
        assert s.f("record", "finalize", rid).rc == 0
    usb = root / "usb"
    usb.mkdir()
    r = s.f("export", "--to", usb)
    assert r.rc == 0, r.err
    bundles = [Path(p) for p in r.out.split()]
    bad_dir = root / "bad"
    bad_dir.mkdir()
    bad = bad_dir / ("damaged-" + bundles[0].name)
    data = bytearray(bundles[0].read_bytes())
    mid = len(data) // 2
    data[mid:mid + 16] = bytes(b ^ 0x5A for b in data[mid:mid + 16])
    bad.write_bytes(bytes(data))
    return HQData(s, usb, bundles, bad, ids)


def open_hq_window(qtbot: Any, hq_dir: Path, lang: str = "en") -> Any:
    from intake_app.gui.app import create_window

    window, _langs = create_window(hq_dir, lang, "hq")
    held = getattr(qtbot, "_intake_windows", [])
    held.append(window)
    qtbot._intake_windows = held
    qtbot.addWidget(window)
    window.show()
    return window


def unlock_hq(qtbot: Any, window: Any, passphrase: str = HQ_PASS) -> Any:
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.try_unlock()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=15_000)
    ws = window.workspace
    wait_idle(qtbot, window)
    return ws


def wait_idle(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: not window.session.runner.busy, timeout=20_000)


def import_and_wait(qtbot: Any, window: Any, paths: list[Path]) -> None:
    desk = window.workspace.import_desk
    desk.import_paths(paths)
    qtbot.waitUntil(lambda: not desk.busy, timeout=30_000)
    wait_idle(qtbot, window)


def hq_service_import(hq: Path, paths: list[Path]) -> None:
    """Import through the service directly (setup for screens other than the desk)."""
    from intake_app.services.hq import HQService

    svc = HQService(hq)
    svc.unlock(HQ_PASS)
    try:
        for p in paths:
            assert svc.import_bundle(p).verdict == "imported"
    finally:
        svc.lock()
