"""Flipped bytes in the database are reported as corruption, never a crash."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from intake_app.errors import StoreCorrupt
from intake_app.store import attachments as att
from intake_app.store import profile
from intake_app.store import records as rec
from intake_app.store.db import PAGE_SIZE
from tests.conftest import PASSPHRASE


def _make_store(data_dir: Path) -> None:
    db = profile.create_profile(data_dir, PASSPHRASE, "field")
    for i in range(30):
        rid = rec.create_record(db, "f", "1", {"t": f"text number {i} " * 50})
    att.add_attachment(db, rid, io.BytesIO(os.urandom(300_000)), "a.bin")
    db.checkpoint()
    db.close()


def _open_and_check(data_dir: Path) -> list[str]:
    """Problems seen by opening, reading everything and the integrity check."""
    try:
        db, _ = profile.open_profile(data_dir, PASSPHRASE)
    except StoreCorrupt as exc:
        return [str(exc)]
    try:
        problems = db.integrity_problems()
        try:
            for r in rec.list_records(db):
                rec.get_values(db, r.id)
        except StoreCorrupt as exc:
            problems.append(str(exc))
        return problems
    finally:
        db.close()


def test_clean_store_has_no_problems(data_dir: Path) -> None:
    _make_store(data_dir)
    assert _open_and_check(data_dir) == []


@pytest.mark.parametrize("where", ["first_page", "salt", "middle", "last_page", "every_page"])
def test_flipped_bytes_are_reported(data_dir: Path, where: str) -> None:
    _make_store(data_dir)
    path = data_dir / profile.DB_NAME
    data = bytearray(path.read_bytes())
    pages = len(data) // PAGE_SIZE
    offsets = {
        "salt": [3],
        "first_page": [100],
        "middle": [(pages // 2) * PAGE_SIZE + 500],
        "last_page": [len(data) - 100],
        "every_page": [p * PAGE_SIZE + 777 for p in range(pages)],
    }[where]
    for off in offsets:
        data[off] ^= 0x40
    path.write_bytes(bytes(data))
    problems = _open_and_check(data_dir)
    assert problems, "tampering went unnoticed"


def test_truncated_database_is_reported(data_dir: Path) -> None:
    _make_store(data_dir)
    path = data_dir / profile.DB_NAME
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.truncate(size - PAGE_SIZE * 2 - 10)
    assert _open_and_check(data_dir)
