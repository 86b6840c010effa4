"""Issue 20: the outbox keeps a sealed part's ciphertext by hard link to the store's blob
file, not as a second copy; every reader of the outbox reassembles the volume's file
and its pieces into the one bundle HQ and the stick get (services/outbox.py)."""

from __future__ import annotations

from pathlib import Path

from intake_app.services import outbox_io
from intake_app.services.field import FieldService
from intake_app.store.blobs import STRIDE
from intake_app.store.outbox import parse_piece
from intake_app.sync.config import Limits
from intake_app.sync.server import BackgroundServer
from tests.cli_helpers import FIELD_PASS, Setup, enrolled_pair, ok, run
from tests.fault_helpers import end_to_end, hooked_run, new_finalized
from tests.faultfs import MiB, small_tmpfs
from tests.test_security_decoy import DURESS, set_duress


def _blob_inodes(s: Setup) -> dict[int, Path]:
    folder = s.field / "blobs"
    return {p.stat().st_ino: p for p in folder.iterdir()} if folder.is_dir() else {}


def _pieces(s: Setup) -> list[Path]:
    return sorted(p for p in (s.field / "outbox").iterdir() if parse_piece(p.name))


def _volume_of(piece: Path) -> str:
    parsed = parse_piece(piece.name)
    assert parsed is not None
    return parsed[0]


def _export(s: Setup, dest: Path) -> list[Path]:
    dest.mkdir(exist_ok=True)
    r = s.f("export", "--to", dest)
    assert r.rc == 0, r.err
    return [Path(p) for p in r.out.split()]


def test_the_outbox_links_the_blob_and_writes_no_second_copy(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path / "p")
    finalized = {new_finalized(s, tmp_path, "big", attachment=3 * MiB + 5)}
    before = _blob_inodes(s)
    assert len(before) == 1
    [path] = _export(s, tmp_path / "usb")
    volume = s.field / "outbox" / path.name
    [piece] = _pieces(s)
    # The piece is the store's blob file itself (same inode), whose store name the purge
    # removed: one copy of the ciphertext on the laptop's disk, the outbox's.
    assert piece.stat().st_ino in before
    assert piece.stat().st_nlink == 1
    assert _blob_inodes(s) == {}
    name, k, start, length = parse_piece(piece.name) or ("", -1, -1, -1)
    assert (name, k, start) == (path.name, 0, 0)
    assert length == 3 * MiB + 5 + 4 * 40
    # The volume's own file is the bundle without its blob region.
    assert volume.stat().st_size == path.stat().st_size - length
    # Read back whole, it is byte for byte what the stick got.
    with outbox_io.open_volume(s.field / "outbox", path.name) as fh:
        assert fh.read() == path.read_bytes()
    assert end_to_end(s, finalized, tmp_path / "usb") == [1]


def test_resend_then_receipt_removes_every_piece(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path / "p")
    finalized = {new_finalized(s, tmp_path, f"r{i}", attachment=2 * MiB) for i in range(2)}
    [path] = _export(s, tmp_path / "usb")
    assert len(_pieces(s)) == 2
    again = tmp_path / "again"
    again.mkdir()
    r = s.f("export", "--to", again, "--resend")
    assert r.rc == 0, r.err
    assert (again / path.name).read_bytes() == path.read_bytes()
    assert end_to_end(s, finalized, again) == [1]
    assert s.h("hq", "receipts", "--out", tmp_path / "r").rc == 0
    assert s.f("receipts", "import", tmp_path / "r").rc == 0
    assert list((s.field / "outbox").iterdir()) == []
    assert _blob_inodes(s) == {}


def test_a_volume_limit_splits_one_blob_over_several_volumes(tmp_path: Path) -> None:
    # 2 MB volumes: a 5 MiB attachment travels in parts, each volume linking its range
    # of the same blob file.
    s = enrolled_pair(tmp_path / "p", provision_args=("--max-volume-mb", "2"))
    finalized = {new_finalized(s, tmp_path, "split", attachment=5 * MiB)}
    [ino] = _blob_inodes(s)
    paths = _export(s, tmp_path / "usb")
    assert len(paths) >= 3
    pieces = _pieces(s)
    assert len(pieces) == len(paths)
    assert {p.stat().st_ino for p in pieces} == {ino}
    starts = sorted(int(p.name.rsplit("-", 2)[1]) for p in pieces)
    assert starts[0] == 0 and all(x % STRIDE == 0 for x in starts)
    again = tmp_path / "again"
    again.mkdir()
    assert s.f("export", "--to", again, "--resend").rc == 0
    for p in paths:
        assert (again / p.name).read_bytes() == p.read_bytes()
    assert end_to_end(s, finalized, again) == list(range(1, len(paths) + 1))


def test_outbox_on_another_file_system_copies_the_part(tmp_path: Path) -> None:
    """link() fails with EXDEV (a real tmpfs mounted on the outbox folder): the piece is a
    copy of the part's bytes, and the volume reads back as the same bundle."""
    s = enrolled_pair(tmp_path / "p")
    finalized = {new_finalized(s, tmp_path, "x", attachment=2 * MiB + 1)}
    before = _blob_inodes(s)
    with small_tmpfs(s.field / "outbox", 16) as folder:
        [path] = _export(s, tmp_path / "usb")
        [piece] = _pieces(s)
        assert piece.stat().st_ino not in before and piece.stat().st_nlink == 1
        name, _k, start, length = parse_piece(piece.name) or ("", 0, -1, -1)
        assert start == 0 and piece.stat().st_size == length
        with outbox_io.open_volume(folder, name) as fh:
            assert fh.read() == path.read_bytes()
        assert _blob_inodes(s) == {}  # purged as usual
        assert end_to_end(s, finalized, tmp_path / "usb") == [1]


def test_a_failed_export_leaves_no_piece_and_the_blob_in_the_store(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path / "p")
    new_finalized(s, tmp_path, "full", attachment=3 * MiB)
    before = _blob_inodes(s)
    with small_tmpfs(tmp_path / "stick", 2) as stick:  # too small: ENOSPC mid-blobs
        r = s.f("export", "--to", stick)
        assert r.rc == 1, r.out + r.err
    assert _pieces(s) == [] and not list((s.field / "outbox").glob("*.intake*"))
    assert _blob_inodes(s).keys() == before.keys()
    assert all(p.stat().st_nlink == 1 for p in _blob_inodes(s).values())


def test_a_volume_written_whole_by_an_older_version_is_resent_as_it_is(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path / "p")
    finalized = {new_finalized(s, tmp_path, "old", attachment=2 * MiB)}
    [path] = _export(s, tmp_path / "usb")
    outbox = s.field / "outbox"
    for piece in _pieces(s):  # what the outbox held before issue 20: the whole bundle
        piece.unlink()
    (outbox / path.name).write_bytes(path.read_bytes())
    again = tmp_path / "again"
    again.mkdir()
    assert s.f("export", "--to", again, "--resend").rc == 0
    assert (again / path.name).read_bytes() == path.read_bytes()
    assert end_to_end(s, finalized, again) == [1]


def test_panic_keeps_the_pairs_and_outbox_join_makes_bundles(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path / "p")
    finalized = {new_finalized(s, tmp_path, "k", attachment=2 * MiB)}
    [path] = _export(s, tmp_path / "usb")
    stick = path.read_bytes()
    path.unlink()  # the stick was lost: the kept outbox is what reaches HQ
    ok("--data-dir", s.field, "panic", "--yes", "--keep-outbox")
    kept = sorted(p.name for p in (s.field / "outbox").iterdir())
    assert len(kept) == 2 and path.name in kept
    out = tmp_path / "joined"
    out.mkdir()
    r = run("outbox-join", s.field / "outbox", "--to", out)
    assert r.rc == 0, r.err
    assert (out / path.name).read_bytes() == stick
    v = run("verify", out / path.name, "--keyring", s.keyring)
    assert v.rc == 0, v.out + v.err
    imp = s.h("hq", "import", out / path.name)
    assert imp.rc == 0, imp.err
    assert len(s.h("hq", "records", "list", "--json").json()) == len(finalized)
    # Panic again takes the rest: an outbox of bundles and pieces is recognised.
    ok("--data-dir", s.field, "panic", "--yes", "--destroy-outbox")
    assert not s.field.exists() or not any(s.field.rglob("*"))


def test_killed_before_the_volume_takes_its_name_leaves_no_piece(tmp_path: Path) -> None:
    """SIGKILL at the rename of the volume's file into the outbox (tests/kill_hook.py):
    its pieces are linked, its row is 'writing'. The next unlock removes the pieces and
    keeps the store's blob (the purge never ran); the next export seals it again."""
    s = enrolled_pair(tmp_path / "p")
    usb = tmp_path / "usb"
    usb.mkdir()
    finalized = {new_finalized(s, tmp_path, f"c{i}", attachment=2 * MiB) for i in range(2)}
    before = _blob_inodes(s)
    outbox = s.field / "outbox"
    r = hooked_run(s.field, f"replace:1:{outbox}/", "export", "--to", usb)
    assert r.returncode == -9, (r.returncode, r.stdout, r.stderr)
    assert len(_pieces(s)) == 2
    assert all(p.stat().st_nlink == 2 for p in _blob_inodes(s).values())
    assert s.f("outbox", "--json").rc == 0  # unlock: recover
    assert _pieces(s) == [] and not list(outbox.iterdir())
    assert _blob_inodes(s).keys() == before.keys()
    assert all(p.stat().st_nlink == 1 for p in _blob_inodes(s).values())
    r2 = s.f("export", "--to", usb)
    assert r2.rc == 0, r2.err
    assert {_volume_of(p) for p in _pieces(s)} == {p.name for p in outbox.glob("*.intake")}
    assert end_to_end(s, finalized, usb) == [1]


def test_the_decoy_shows_the_volume_at_its_bundle_size(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path / "p")
    set_duress(s)
    new_finalized(s, tmp_path, "d", attachment=2 * MiB)
    [path] = _export(s, tmp_path / "usb")
    real = s.f("outbox", "--json").json()
    assert [e["size"] for e in real] == [path.stat().st_size]
    decoy = FieldService(s.field)
    decoy.unlock(DURESS)
    try:
        assert decoy.is_decoy_session()
        assert [(e.file_name, e.size) for e in decoy.outbox()] == [(path.name,
                                                                    path.stat().st_size)]
        again = tmp_path / "from-decoy"
        again.mkdir()
        decoy.resend(again)  # the decoy's resend writes the same bundle
    finally:
        decoy.lock()
    assert (again / path.name).read_bytes() == path.read_bytes()


def test_the_drop_box_gets_the_whole_bundle(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path / "p")
    new_finalized(s, tmp_path, "up", attachment=2 * MiB + 7)
    svc = FieldService(s.field)
    svc.unlock(FIELD_PASS)
    try:  # sealed into the outbox only (the blob region hashed, written nowhere)
        [sealed] = svc.export(None).paths
    finally:
        svc.lock()
    path = Path(sealed)
    assert path.parent == s.field / "outbox" and len(_pieces(s)) == 1
    srv = BackgroundServer(tmp_path / "dropbox", s.keyring, Limits(min_free_bytes=0))
    srv.start()
    try:
        r = s.f("upload", "--to", srv.url)
        assert r.rc == 0 and r.out.count("sent ") == 1, r.out + r.err
        fetched = tmp_path / "fetched"
        r = s.h("hq", "fetch", "--from", srv.url, "--to", fetched, "--import")
        assert r.rc == 0 and "imported " in r.out, r.out + r.err
    finally:
        srv.stop()
    with outbox_io.open_volume(path.parent, path.name) as fh:
        assert (fetched / path.name).read_bytes() == fh.read()


def test_a_split_outbox_volume_given_alone_is_refused_with_the_way_out(tmp_path: Path) -> None:
    """An outbox volume file holds no attachment bytes (they are its pieces); verify and
    HQ import refuse it alone and say to run `intake outbox-join` (they said only that
    the blob region was short)."""
    s = enrolled_pair(tmp_path / "p")
    new_finalized(s, tmp_path, "big", attachment=2 * MiB)
    [path] = _export(s, tmp_path / "usb")
    volume = s.field / "outbox" / path.name
    assert _pieces(s)
    r = run("verify", volume, "--keyring", s.keyring)
    assert r.rc == 1 and "outbox-join" in r.out + r.err, (r.out, r.err)
    r = s.h("hq", "import", volume)
    assert r.rc == 1 and "outbox-join" in r.out + r.err, (r.out, r.err)
    # A damaged bundle that is no outbox volume gets no such hint.
    bad = tmp_path / "bad.intake"
    bad.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    r = run("verify", bad, "--keyring", s.keyring)
    assert r.rc == 1 and "outbox-join" not in r.out + r.err
    assert s.h("hq", "import", path).rc == 0  # the stick's copy is whole
