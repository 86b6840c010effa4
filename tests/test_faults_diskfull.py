"""Issue 14, finding 2: a full disk under the profile, on a real small tmpfs.

Disk-full errors name the disk and the free space (never ``internal error``), ``check``
tells "cannot verify" from damage, writes that cannot fit are refused before they start,
and special files are not attachments.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake_app.errors import DiskFull
from intake_app.services.field import FieldService
from tests.cli_helpers import FIELD_PASS, example_values, ok, run
from tests.faultfs import MiB, fill, small_tmpfs


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with small_tmpfs(tmp_path / "mnt", 24) as mnt:
        yield mnt


def _values(tmp_path: Path) -> Path:
    p = tmp_path / "v.json"
    p.write_text(json.dumps(example_values()), encoding="utf-8")
    return p


def _ids(field: Path) -> list[str]:
    rows = ok("--data-dir", field, "record", "list", "--json", passphrase=FIELD_PASS).json()
    return sorted(r["id"] for r in rows)


def _full_message(err: str) -> None:
    assert err.startswith("intake: the disk holding the profile is full (") and " MB free)" in err
    assert err.count("\n") == 1 and "internal error" not in err and "damaged" not in err


def test_record_writes_on_a_full_disk_are_named(disk: Path, tmp_path: Path) -> None:
    field = disk / "field"
    ok("--data-dir", field, "init", passphrase=FIELD_PASS)
    values = _values(tmp_path)
    rid = ok("--data-dir", field, "record", "new", "--form", "hrd_intake", "--json", values,
             passphrase=FIELD_PASS).out.strip()
    before = _ids(field)
    fill(disk, 2 * MiB)  # a save would likely still fit: it must be refused, not half-done
    for argv in (("record", "new", "--form", "hrd_intake", "--json", values),
                 ("record", "edit", rid, "--json", values),
                 ("record", "finalize", rid)):
        r = run("--data-dir", field, *argv, passphrase=FIELD_PASS)
        assert r.rc == 1, (argv, r.err)
        _full_message(r.err)
        assert "nothing was saved" in r.err
    fill(disk, 0)
    r = run("--data-dir", field, "record", "list", passphrase=FIELD_PASS)
    assert r.rc == 1 and "damaged" not in r.err, r.err
    _full_message(r.err)
    (disk / "filler").unlink()
    assert _ids(field) == before
    show = ok("--data-dir", field, "record", "show", rid, "--json", passphrase=FIELD_PASS).json()
    assert show["summary"]["revision"] == 1 and show["summary"]["status"] == "draft"
    ok("--data-dir", field, "check", passphrase=FIELD_PASS)


def test_sqlite_full_inside_a_write_is_disk_full(disk: Path) -> None:
    """SQLITE_FULL part-way through a transaction (an in-memory stream has no size to
    pre-check): the real error is reported and the store is unchanged."""
    svc = FieldService(disk / "field")
    svc.create(FIELD_PASS)
    rid = svc.new_record("hrd_intake", example_values())
    att = svc.attach(rid, io.BytesIO(b"small file"), "a.txt")
    fill(disk, 5 * MiB)
    with pytest.raises(DiskFull) as info:
        svc.attach(rid, io.BytesIO(os.urandom(8 * MiB)), "big.bin")
    assert "MB free" in str(info.value) and "nothing was saved" in str(info.value)
    assert [a.id for a in svc.record(rid).attachments] == [att.id]
    svc.close()
    (disk / "filler").unlink()
    ok("--data-dir", disk / "field", "check", passphrase=FIELD_PASS)


def test_check_tells_full_disk_from_damage(disk: Path, tmp_path: Path) -> None:
    """A checkpoint cut short by a full disk leaves a short page in the main file while
    the WAL holds the committed data: that is "cannot verify", not damage."""
    field = disk / "field"
    svc = FieldService(field)
    svc.create(FIELD_PASS)
    rid = svc.new_record("hrd_intake", example_values())
    fill(disk, 5 * MiB + 900 * 1024)
    saved: list[str] = []
    seen: set[str] = set()
    for i in range(40):
        try:
            saved.append(svc.attach(rid, io.BytesIO(os.urandom(300 * 1024)), f"f{i}").id)
        except DiskFull:
            break
        except Exception as exc:  # old code: OperationalError escaped
            pytest.fail(f"disk full surfaced as {type(exc).__name__}: {exc}")
        r = run("--data-dir", field, "check", passphrase=FIELD_PASS)
        seen.add(r.err.split(":")[1].strip() if r.rc else "ok")
        assert "damaged" not in r.err, r.err
        if r.rc:
            assert "cannot verify" in r.err and "disk holding the profile is full" in r.err
    else:
        pytest.fail("the disk never filled")
    svc.close()
    assert saved, "nothing fitted at all"
    r = run("--data-dir", field, "check", passphrase=FIELD_PASS)
    assert "damaged" not in r.err, r.err
    (disk / "filler").unlink()
    assert ok("--data-dir", field, "check", passphrase=FIELD_PASS).out == "ok\n"
    show = ok("--data-dir", field, "record", "show", rid, "--json", passphrase=FIELD_PASS).json()
    assert sorted(a["id"] for a in show["attachments"]) == sorted(saved)


def test_attachment_that_cannot_fit_is_refused_first(disk: Path, tmp_path: Path) -> None:
    field = disk / "field"
    ok("--data-dir", field, "init", passphrase=FIELD_PASS)
    rid = ok("--data-dir", field, "record", "new", "--form", "hrd_intake", "--json",
             _values(tmp_path), passphrase=FIELD_PASS).out.strip()
    big = tmp_path / "video.mp4"
    big.write_bytes(os.urandom(6 * MiB))
    fill(disk, 10 * MiB)
    sizes = {p.name: p.stat().st_size for p in field.iterdir()}
    r = run("--data-dir", field, "attach", rid, big, passphrase=FIELD_PASS)
    assert r.rc == 1
    _full_message(r.err)
    assert "MB; nothing was saved" in r.err
    # Refused before writing: no WAL growth, no new pages.
    assert {p.name: p.stat().st_size for p in field.iterdir()} == sizes


@pytest.mark.timeout(60)
def test_special_files_are_not_attachments(disk: Path, tmp_path: Path) -> None:
    field = disk / "field"
    ok("--data-dir", field, "init", passphrase=FIELD_PASS)
    rid = ok("--data-dir", field, "record", "new", "--form", "hrd_intake", "--json",
             _values(tmp_path), passphrase=FIELD_PASS).out.strip()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for special in (Path("/dev/zero"), fifo, tmp_path):
        r = run("--data-dir", field, "attach", rid, special, passphrase=FIELD_PASS)
        assert r.rc == 1 and "not a file" in r.err and "cannot be attached" in r.err, r.err
    show = ok("--data-dir", field, "record", "show", rid, "--json", passphrase=FIELD_PASS).json()
    assert show["attachments"] == []
