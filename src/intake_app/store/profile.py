"""A profile: one directory holding the header and one SQLCipher database.

    <data dir>/            mode 0700
        profile.hdr        ProfileHeader (KDF parameters, wrapped key slots)
        store.db           SQLCipher 4 database (+ -wal, -shm while open)
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import nacl.utils

from intake_app.errors import ProfileError
from intake_app.paths import FILE_MODE, atomic_write, ensure_private_dir
from intake_app.store.db import Database
from intake_app.store.keyslots import HEADER_SIZE, KEY_SIZE, ProfileHeader, calibrate

HEADER_NAME = "profile.hdr"
DB_NAME = "store.db"
PROFILE_KINDS = ("field", "hq")
MIN_PASSPHRASE_LEN = 8


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LEN:
        raise ProfileError(f"passphrase too short: use at least {MIN_PASSPHRASE_LEN} characters")


def header_path(data_dir: Path) -> Path:
    return data_dir / HEADER_NAME


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_NAME


def profile_exists(data_dir: Path) -> bool:
    return header_path(data_dir).exists()


def read_header(data_dir: Path) -> ProfileHeader:
    path = header_path(data_dir)
    try:
        with open(path, "rb") as fh:
            data = fh.read(HEADER_SIZE + 1)
    except FileNotFoundError:
        raise ProfileError(f"no profile in {data_dir} (run 'intake init' first)") from None
    return ProfileHeader.parse(data)


def create_profile(data_dir: Path, passphrase: str, kind: str) -> Database:
    """Create header and database; returns the open database."""
    if kind not in PROFILE_KINDS:
        raise ValueError(kind)
    check_new_passphrase(passphrase)
    if profile_exists(data_dir):
        raise ProfileError(f"a profile already exists in {data_dir}")
    ensure_private_dir(data_dir)
    # A database without a header is what an interrupted init leaves: its key
    # was never stored, so it can never be opened. Clear it away.
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path(data_dir)) + suffix).unlink(missing_ok=True)
    master_key = nacl.utils.random(KEY_SIZE)
    header = ProfileHeader.create(passphrase, master_key, calibrate())
    db = Database(db_path(data_dir), master_key, create=True)
    try:
        now = int(time.time())
        with db.transaction() as conn:
            conn.execute("INSERT INTO meta VALUES ('kind', ?)", (kind,))
            conn.execute("INSERT INTO meta VALUES ('created_at', ?)", (str(now),))
        # The header is written last: a crash before this leaves no profile,
        # and the stray database is unreadable (its key was never stored).
        atomic_write(header_path(data_dir), header.to_bytes())
    except BaseException:
        db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_path(data_dir)) + suffix).unlink(missing_ok=True)
        raise
    return db


def open_profile(data_dir: Path, passphrase: str) -> tuple[Database, int]:
    """Unlock and open. Returns the database and the key slot that opened it."""
    header = read_header(data_dir)
    slot, master_key = header.unlock(passphrase)
    ensure_private_dir(data_dir)
    return Database(db_path(data_dir), master_key), slot


def change_passphrase(data_dir: Path, old: str, new: str) -> None:
    """Re-wrap the master key under ``new``. One atomic rename: old or new, never neither."""
    check_new_passphrase(new)
    header = read_header(data_dir)
    slot, master_key = header.unlock(old)
    atomic_write(header_path(data_dir), header.with_slot(slot, new, master_key).to_bytes())


def fix_permissions(data_dir: Path) -> None:
    os.chmod(data_dir, 0o700)
    for child in data_dir.iterdir():
        if child.is_file():
            os.chmod(child, FILE_MODE)
