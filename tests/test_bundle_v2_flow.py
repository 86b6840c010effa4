"""Issue 20: export moves the stored attachment ciphertext, HQ stores it as received.

Real SQLCipher stores on both sides, the CLI for setup and export/import, the stores
read directly to check which bytes moved. Exports write v3 (v2 with a tree hash); v1
and v2 bundles made by the earlier export paths (kept behind ``outbox.BUNDLE_VERSION``)
still import."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from intake_app.crypto import Keyring, verify_bundle
from intake_app.crypto.bundle import read_header
from intake_app.services import outbox
from intake_app.services.field import FieldService
from intake_app.services.hq import HQService
from intake_app.store import attachments as att_store
from intake_app.store import blobs
from tests.cli_helpers import FIELD_PASS, HQ_PASS, Setup, enrolled_pair, example_values

SIZE = 2_500_001  # three stored chunks, the last short


def _record_with_attachment(s: Setup, blob: bytes) -> tuple[str, str]:
    f = s.root / "v.json"
    f.write_text(json.dumps(example_values(), ensure_ascii=False), encoding="utf-8")
    rid = s.f("record", "new", "--form", "hrd_intake", "--json", f).out.strip()
    p = s.root / "evidence.jpg"
    p.write_bytes(blob)
    aid = s.f("attach", rid, p).out.strip()
    p.unlink()
    assert s.f("record", "finalize", rid).rc == 0
    return rid, aid


def _rows(svc: Any, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in svc._store.execute(sql, args).fetchall()]


def _field_chunks(s: Setup, aid: str) -> tuple[bytes | None, list[bytes]]:
    svc = FieldService(s.field)
    svc.unlock(FIELD_PASS)
    try:
        key = _rows(svc, "SELECT chunk_key FROM attachments WHERE id = ?", aid)
        n = len(_rows(svc, "SELECT idx FROM attachment_chunks WHERE attachment_id = ?", aid))
        chunks = list(att_store.stored_chunks(svc._store, aid, 0, n))
        return (bytes(key[0][0]) if key else None), chunks
    finally:
        svc.lock()


def _hq(s: Setup) -> HQService:
    svc = HQService(s.hq)
    svc.unlock(HQ_PASS)
    return svc


def test_export_moves_stored_ciphertext_and_hq_keeps_it(
        tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    blob = os.urandom(SIZE)
    _rid, aid = _record_with_attachment(s, blob)
    key, stored = _field_chunks(s, aid)
    assert key is not None and len(stored) == 3
    usb = tmp_path / "usb"
    usb.mkdir()
    r = s.f("export", "--to", usb)
    assert r.rc == 0, r.err
    (path,) = [Path(p) for p in r.out.split()]
    data = path.read_bytes()
    with open(path, "rb") as fh:
        assert read_header(fh).version == 3  # v3: v2 with a tree hash over BLOBS
    # The stored chunks travel byte for byte, as one run: no re-encryption.
    assert b"".join(stored) in data
    ring = Keyring.load(s.keyring.read_bytes(), None)
    v = verify_bundle(io.BytesIO(data), ring)
    assert v.statement.blob_len == len(b"".join(stored))
    # Write-only outbox: after sealing the laptop holds neither the key nor the chunks.
    key_after, stored_after = _field_chunks(s, aid)
    assert key_after is None and stored_after == []
    assert list((s.field / blobs.BLOB_DIR).iterdir()) == []  # its blob file went too

    r = s.h("hq", "import", path)
    assert r.rc == 0, r.err + r.out
    hq = _hq(s)
    try:
        (row,) = _rows(hq, "SELECT chunk_key, complete, size, blob FROM attachments "
                           "WHERE id = ?", aid)
        assert bytes(row[0]) == key and row[1] == 1 and row[2] == SIZE
        # Stored as received, in a blob file with a random name beside the store, padded
        # to its size class; the chunk rows are only markers.
        held = [bytes(r[0]) for r in _rows(
            hq, "SELECT data FROM attachment_chunks WHERE attachment_id = ? ORDER BY idx", aid)]
        if hq_backend is not None:  # PostgreSQL: the sealed chunks are the rows themselves
            assert held == stored and not (s.hq / blobs.BLOB_DIR).exists()
            assert b"".join(hq.attachment_chunks(aid)) == blob
            return
        assert held == [b"", b"", b""]
        (f,) = list((s.hq / blobs.BLOB_DIR).iterdir())
        assert f.name == row[3] and aid not in f.name and blobs.is_blob_name(f.name)
        on_disk = f.read_bytes()
        assert len(on_disk) == blobs.size_class(len(b"".join(stored)))
        assert [on_disk[i * blobs.STRIDE:i * blobs.STRIDE + len(c)]
                for i, c in enumerate(stored)] == stored
        assert b"".join(hq.attachment_chunks(aid)) == blob
    finally:
        hq.lock()


def test_attachment_split_over_volumes_imports_in_any_order(
        tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend, provision_args=("--max-volume-mb", "6"))
    blob = os.urandom(13_000_017)
    _rid, aid = _record_with_attachment(s, blob)
    usb = tmp_path / "usb"
    usb.mkdir()
    r = s.f("export", "--to", usb)
    assert r.rc == 0, r.err
    paths = [Path(p) for p in r.out.split()]
    assert len(paths) >= 2
    for p in reversed(paths):
        r = s.h("hq", "import", p)
        assert r.rc == 0, r.err + r.out
    hq = _hq(s)
    try:
        assert b"".join(hq.attachment_chunks(aid)) == blob
    finally:
        hq.lock()


@pytest.mark.parametrize("version", [1, 2])
def test_v1_and_v2_bundles_from_earlier_exports_still_import(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        hq_backend: str | None, version: int) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    blob = os.urandom(SIZE)
    _rid, aid = _record_with_attachment(s, blob)
    monkeypatch.setattr(outbox, "BUNDLE_VERSION", version)
    usb = tmp_path / "usb"
    usb.mkdir()
    r = s.f("export", "--to", usb)
    assert r.rc == 0, r.err
    (path,) = [Path(p) for p in r.out.split()]
    with open(path, "rb") as fh:
        assert read_header(fh).version == version
    assert s.h("hq", "import", path).rc == 0
    hq = _hq(s)
    try:
        assert b"".join(hq.attachment_chunks(aid)) == blob
    finally:
        hq.lock()


def test_tampered_v2_blob_is_refused_and_nothing_stored(
        tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    _rid, aid = _record_with_attachment(s, os.urandom(SIZE))
    usb = tmp_path / "usb"
    usb.mkdir()
    (path,) = [Path(p) for p in s.f("export", "--to", usb).out.split()]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1  # inside the blob region
    path.write_bytes(bytes(data))
    r = s.h("hq", "import", path)
    assert r.rc != 0
    hq = _hq(s)
    try:
        assert _rows(hq, "SELECT id FROM attachments WHERE id = ?", aid) == []
        assert _rows(hq, "SELECT count(*) FROM received_bundles") == [(0,)]
    finally:
        hq.lock()
