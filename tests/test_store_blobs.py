"""Issue 20: attachment ciphertext in blob files beside the store (store/blobs.py).

Real profiles (SQLCipher files, real folders); crashes are real processes ended with
os._exit right after the blob file is fsynced and before the row that completes it
commits (what power loss at that instant leaves)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from intake_app.services.field import FieldService
from intake_app.services.hq import HQService
from intake_app.store import attachments as att_store
from intake_app.store import blobs
from tests.cli_helpers import FIELD_PASS, HQ_PASS, enrolled_pair, example_values

DURESS = "tea with sugar please"
SIZE = 2_200_003  # three chunks, the last short


def _field(data_dir: Path) -> FieldService:
    svc = FieldService(data_dir)
    if not svc.exists():
        svc.create(FIELD_PASS)
    svc.unlock(FIELD_PASS)
    return svc


def _draft(svc: FieldService) -> str:
    return svc.save_draft(None, "hrd_intake", {})


def _blob_files(data_dir: Path) -> list[str]:
    folder = data_dir / blobs.BLOB_DIR
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def _attach(svc: FieldService, rid: str, tmp: Path, data: bytes) -> str:
    src = tmp / "evidence.bin"
    src.write_bytes(data)
    try:
        return svc.attach_file(rid, src).id
    finally:
        src.unlink()


def test_attachment_lives_in_a_padded_blob_file_and_reads_back(tmp_path: Path) -> None:
    data = os.urandom(SIZE)
    with _field(tmp_path / "p") as svc:
        rid = _draft(svc)
        aid = _attach(svc, rid, tmp_path, data)
        assert svc.attachment_bytes(aid) == data
    (name,) = _blob_files(tmp_path / "p")
    f = tmp_path / "p" / blobs.BLOB_DIR / name
    assert aid not in name and oct(f.stat().st_mode & 0o777) == "0o600"
    assert f.stat().st_size == blobs.size_class(blobs.data_len(SIZE))
    assert data[:4096] not in f.read_bytes()  # sealed, never plaintext
    # The SQLCipher file holds no chunk ciphertext any more: it grows by far less than the
    # attachment over an empty profile's (whose size grows with the schema's tables).
    with _field(tmp_path / "empty"):
        pass
    empty = (tmp_path / "empty" / "store.db").stat().st_size
    assert (tmp_path / "p" / "store.db").stat().st_size < empty + SIZE // 2


def test_size_classes_hide_the_exact_size() -> None:
    assert blobs.size_class(1) == blobs.size_class(1 << 20) == 1 << 20
    a, b = blobs.size_class(10_000_000), blobs.size_class(10_000_001)
    assert a == b and 10_000_000 <= a <= 10_000_000 * 1.1
    for n in (3_000_000, 70_000_000, 1 << 30):
        assert n <= blobs.size_class(n) <= n * 1.0906 + 4096


def _crash_after_blob_fsync(data_dir: Path, src: Path) -> None:
    code = f"""
import os, sys
from pathlib import Path
from intake_app.store import blobs
from intake_app.services.field import FieldService
real = blobs.BlobWriter.finish
def finish(self, total):
    real(self, total)
    os._exit(9)  # the file is durable; the row completing it never commits
blobs.BlobWriter.finish = finish
svc = FieldService(Path({str(data_dir)!r})); svc.unlock({FIELD_PASS!r})
rid = svc.list_records()[0].id
svc.attach_file(rid, Path({str(src)!r}))
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       check=False, env=os.environ)
    assert r.returncode == 9, r.stderr


def test_crash_between_blob_write_and_commit_leaves_nothing(tmp_path: Path) -> None:
    d = tmp_path / "p"
    with _field(d) as svc:
        rid = _draft(svc)
        kept = _attach(svc, rid, tmp_path, b"kept attachment")
    src = tmp_path / "big.bin"
    src.write_bytes(os.urandom(SIZE))
    _crash_after_blob_fsync(d, src)
    assert len(_blob_files(d)) == 2  # the crash left a durable, unnamed-as-complete file
    with _field(d) as svc:  # the next open removes the incomplete row and its file
        assert [a.id for a in svc.record(rid).attachments] == [kept]
        assert svc.attachment_bytes(kept) == b"kept attachment"
    assert len(_blob_files(d)) == 1


def test_sweep_removes_only_this_stores_orphans(tmp_path: Path) -> None:
    d = tmp_path / "p"
    with _field(d) as svc:
        rid = _draft(svc)
        aid = _attach(svc, rid, tmp_path, b"x" * 5000)
        with svc._store.transaction() as conn:
            orphan = blobs.new_name(conn)  # named by this store, held by no row
        folder = d / blobs.BLOB_DIR
        (folder / orphan).write_bytes(b"left by a crash")
        foreign = "0" * 32  # e.g. the other store's (decoy's) file: not ours to delete
        (folder / foreign).write_bytes(b"someone else's")
        (folder / "notes.txt").write_bytes(b"not a blob name")
        assert att_store.sweep_blobs(svc._store) == 1
        assert svc.attachment_bytes(aid) == b"x" * 5000
    assert orphan not in _blob_files(d)
    assert {foreign, "notes.txt"} <= set(_blob_files(d))


def test_purge_deletes_the_blob_after_commit(tmp_path: Path) -> None:
    d = tmp_path / "p"
    with _field(d) as svc:
        rid = _draft(svc)
        _attach(svc, rid, tmp_path, os.urandom(SIZE))
        assert len(_blob_files(d)) == 1
        assert svc.purge_drafts([rid]) == 1
        assert _blob_files(d) == []


def test_panic_leaves_no_blob_and_no_key(tmp_path: Path) -> None:
    d = tmp_path / "p"
    data = os.urandom(SIZE)
    with _field(d) as svc:
        rid = _draft(svc)
        _attach(svc, rid, tmp_path, data)
        (name,) = _blob_files(d)
        copy = (d / blobs.BLOB_DIR / name).read_bytes()  # a copy taken before panic
        key = svc._store.execute("SELECT chunk_key FROM attachments").fetchone()[0]
        report = svc.panic()
    assert f"{blobs.BLOB_DIR}/{name}" in report.removed
    assert not d.exists() or list(d.rglob("*")) == []
    # The copy is only sealed chunks; their key lived inside the store, which panic
    # made undecryptable (header overwritten) and deleted: nothing else holds it.
    assert data[:4096] not in copy and bytes(key) not in copy


def _duress(d: Path, *, erase_real: bool) -> None:
    with _field(d) as svc:
        svc.set_duress(DURESS, erase_real=erase_real)


def _decoy(d: Path) -> FieldService:
    svc = FieldService(d)
    svc.unlock(DURESS)
    assert svc.is_decoy_session()
    return svc


def test_decoy_blobs_have_the_same_shape_and_each_store_keeps_the_others(
        tmp_path: Path) -> None:
    d = tmp_path / "p"
    with _field(d) as svc:
        real_aid = _attach(svc, _draft(svc), tmp_path, os.urandom(SIZE))
    (real_blob,) = _blob_files(d)
    _duress(d, erase_real=False)
    with _decoy(d) as svc:  # its open sweeps: the real store's file is not its own
        decoy_aid = _attach(svc, _draft(svc), tmp_path, os.urandom(SIZE))
        assert svc.attachment_bytes(decoy_aid)
    names = _blob_files(d)
    assert real_blob in names and len(names) == 2
    sizes = {(d / blobs.BLOB_DIR / n).stat().st_size for n in names}
    assert sizes == {blobs.size_class(blobs.data_len(SIZE))}  # same folder, same shape
    assert all(blobs.is_blob_name(n) for n in names)
    with _field(d) as svc:  # and the real store's open keeps the decoy's file
        assert len(svc.attachment_bytes(real_aid)) == SIZE
    assert _blob_files(d) == names


def test_rebuilding_the_decoy_removes_the_old_decoys_blobs(tmp_path: Path) -> None:
    """duress set/clear build a new decoy under a new key: the old decoy's blob files
    (named with its key, which went with it) must go, the real store's stay."""
    d = tmp_path / "p"
    with _field(d) as svc:
        real_aid = _attach(svc, _draft(svc), tmp_path, os.urandom(SIZE))
    (real_blob,) = _blob_files(d)
    _duress(d, erase_real=False)
    with _decoy(d) as svc:
        _attach(svc, _draft(svc), tmp_path, os.urandom(SIZE))
    assert len(_blob_files(d)) == 2
    _duress(d, erase_real=False)  # set again: a new decoy
    assert _blob_files(d) == [real_blob]
    with _decoy(d) as svc:
        _attach(svc, _draft(svc), tmp_path, os.urandom(SIZE))
    assert len(_blob_files(d)) == 2
    with _field(d) as svc:
        svc.clear_duress()  # clear: a new filler
        assert len(svc.attachment_bytes(real_aid)) == SIZE
    assert _blob_files(d) == [real_blob]


def test_erase_on_duress_removes_the_real_blobs(tmp_path: Path) -> None:
    d = tmp_path / "p"
    with _field(d) as svc:
        _attach(svc, _draft(svc), tmp_path, os.urandom(SIZE))
    assert len(_blob_files(d)) == 1
    _duress(d, erase_real=True)
    with _decoy(d):
        pass
    assert _blob_files(d) == []  # nothing the decoy could not explain


def test_attachment_stored_before_blob_files_still_reads_exports_and_imports(
        tmp_path: Path) -> None:
    """Migration: a profile whose attachment is in attachment_chunks (schema <= 8, the
    layout every existing profile has) keeps working; its export carries those stored
    chunks and HQ keeps them in a blob file."""
    s = enrolled_pair(tmp_path)
    data = os.urandom(SIZE)
    f = s.root / "v.json"
    f.write_text(json.dumps(example_values(), ensure_ascii=False), encoding="utf-8")
    rid = s.f("record", "new", "--form", "hrd_intake", "--json", f).out.strip()
    with _field(s.field) as svc:
        key = att_store.new_chunk_key()
        aid = "a" * 32
        db = svc._store
        with db.transaction() as conn:  # the pre-schema-9 writer's rows, as they were
            conn.execute("INSERT INTO attachments (id, record_id, name, mime, size, sha256, "
                         "created_at, complete, chunk_key) VALUES (?, ?, 'old.bin', "
                         "'application/octet-stream', ?, ?, 1, 1, ?)",
                         (aid, rid, SIZE, __import__("hashlib").sha256(data).hexdigest(),
                          key))
            for i in range(3):
                att_store.write_chunk(conn, key, aid, i, data[i << 20:(i + 1) << 20])
        assert svc.attachment_bytes(aid) == data
    assert _blob_files(s.field) == []
    assert s.f("record", "finalize", rid).rc == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    r = s.f("export", "--to", usb)
    assert r.rc == 0, r.err
    (path,) = r.out.split()
    r = s.h("hq", "import", path)
    assert r.rc == 0, r.err + r.out
    hq = HQService(s.hq)
    hq.unlock(HQ_PASS)
    try:
        assert b"".join(hq.attachment_chunks(aid)) == data
        assert len(_blob_files(s.hq)) == 1
    finally:
        hq.lock()


def _crash_import_after_blob_fsync(hq: Path, bundle: str) -> None:
    code = f"""
import os
from pathlib import Path
from intake_app.store import blobs
from intake_app.services.hq import HQService
real = blobs.BlobWriter.finish
def finish(self, total):
    real(self, total)
    os._exit(9)  # blob durable, the import transaction never commits
blobs.BlobWriter.finish = finish
svc = HQService(Path({str(hq)!r})); svc.unlock({HQ_PASS!r})
svc.import_bundle(Path({bundle!r}))
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       check=False, env=os.environ)
    assert r.returncode == 9, r.stderr


def test_hq_crash_mid_import_leaves_an_orphan_that_the_next_open_sweeps(
        tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path)
    data = os.urandom(SIZE)
    f = s.root / "v.json"
    f.write_text(json.dumps(example_values(), ensure_ascii=False), encoding="utf-8")
    rid = s.f("record", "new", "--form", "hrd_intake", "--json", f).out.strip()
    src = tmp_path / "e.bin"
    src.write_bytes(data)
    aid = s.f("attach", rid, src).out.strip()
    assert s.f("record", "finalize", rid).rc == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    (path,) = s.f("export", "--to", usb).out.split()
    _crash_import_after_blob_fsync(s.hq, path)
    assert len(_blob_files(s.hq)) == 1
    hq = HQService(s.hq)
    hq.unlock(HQ_PASS)  # the orphan goes at open
    try:
        assert _blob_files(s.hq) == []
        out = hq.import_bundle(Path(path))
        assert out.verdict == "imported", out
        assert b"".join(hq.attachment_chunks(aid)) == data
        assert len(_blob_files(s.hq)) == 1
    finally:
        hq.lock()


def test_passphrase_change_keeps_blob_attachments_readable(tmp_path: Path) -> None:
    """The rekey copies store.db under a new key; the blob files (sealed under keys the
    copy carries) stay where they are and read as before."""
    d = tmp_path / "p"
    data = os.urandom(SIZE)
    with _field(d) as svc:
        aid = _attach(svc, _draft(svc), tmp_path, data)
        svc.change_passphrase(FIELD_PASS, "another long passphrase")
    svc = FieldService(d)
    svc.unlock("another long passphrase")
    try:
        assert svc.attachment_bytes(aid) == data
        assert len(_blob_files(d)) == 1
    finally:
        svc.lock()


def test_padding_written_ahead_beside_the_chunks(tmp_path: Path) -> None:
    """HQ's whole-part import pads the blob while the chunks arrive (``pad_ahead``): the
    same file as padding at the end, random bytes up to the size class, chunks intact."""
    total = 16 * blobs.CHUNK_SIZE + 1  # just past a size class: 1.5 MiB of padding
    end, want = blobs.data_len(total), blobs.size_class(blobs.data_len(total))
    assert want - end > 1 << 20  # more than one padding block
    w = blobs.BlobWriter(tmp_path / "store.db", "0" * 32)
    w.pad_ahead(total)
    chunks = [os.urandom(blobs.stored_len(total, i)) for i in range(17)]
    for i, c in enumerate(chunks):
        w.write(i, c)
    w.finish(total)
    data = (tmp_path / blobs.BLOB_DIR / ("0" * 32)).read_bytes()
    assert len(data) == want
    assert data[:end] == b"".join(chunks)
    pad = data[end:]
    assert pad.count(0) < len(pad) // 100  # random, not a hole of zeros
