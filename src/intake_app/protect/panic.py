"""Panic: make a profile permanently unreadable, at once, without the passphrase.

Order of work (each step makes the next one matter less):
 1. read ``profile.aux`` for the outbox setting (its key comes from the header salt);
 2. overwrite the whole header (both key slots) with random bytes in place, fsync:
    from here the store is ciphertext under keys that exist nowhere on disk;
    any temporary header copies an interrupted write left are overwritten too;
 3. close the open database, if the service is not busy (never wait: a long
    export holds the service lock; the caller exits the process anyway);
 4. unlink the header, both databases with their WAL/SHM files, and
    ``profile.aux`` (overwritten first);
 5. the attachment blob files (store/blobs.py: ciphertext under keys that were in
    the store, so unreadable since step 2; deleting them is tidiness, after the
    keys, never before), and the sealed outbox bundles with their pieces (a piece
    may be a hard link to a blob file: its data goes with its last name), unless the
    setting keeps them (HQ can read them, the laptop cannot; but they show that this
    laptop sent records; ``intake outbox-join`` writes the kept ones whole);
 6. fsync the folder and remove it when empty.

Only names the app creates are touched: a mistaken ``--data-dir`` cannot make
panic delete anything else. Nothing here needs or reads a passphrase.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from intake_app.protect import guard
from intake_app.protect.erase import fsync_dir, overwrite_in_place, shred, unlink
from intake_app.store import profile as store_profile
from intake_app.store.blobs import blob_dir, is_blob_name
from intake_app.store.keyslots import HEADER_SIZE, REAL_SLOT, ProfileHeader
from intake_app.store.outbox import parse_piece


class Closable(Protocol):
    """What panic needs of the running app's service: close it (no import of services)."""

    _lock: threading.RLock

    def lock(self) -> None: ...

OUTBOX_DIR = "outbox"


@dataclass(frozen=True)
class PanicReport:
    data_dir: str
    had_profile: bool
    removed: tuple[str, ...]
    kept_outbox: bool
    seconds: float
    # When the header (the only copy of the wrapped keys) had been overwritten and synced.
    key_destroyed_after: float = 0.0


def _keep_outbox_setting(data_dir: Path) -> bool:
    try:
        with open(store_profile.header_path(data_dir), "rb") as fh:
            header = ProfileHeader.parse(fh.read(HEADER_SIZE + 1))
    except Exception:  # damaged or missing header: nothing to derive the aux key from
        return False
    state = guard.read_state(data_dir, header.salt)
    return bool(state and state.settings.keep_outbox_on_panic)


def _close_without_waiting(service: Closable | None) -> bool:
    if service is None:
        return True
    lock = getattr(service, "_lock", None)
    if lock is None or not lock.acquire(blocking=False):
        return False
    try:
        service.lock()
        return True
    except Exception:  # a closing error must not stop the erase
        return False
    finally:
        lock.release()


def looks_like_profile(data_dir: Path) -> bool:
    """A header or aux file, both databases, or an outbox of bundles: only then does panic
    delete anything.

    (An interrupted panic leaves the databases after the header is gone: running
    panic again finishes the job.)"""
    return (store_profile.header_path(data_dir).exists()
            or guard.aux_path(data_dir).exists()
            or (store_profile.db_path(data_dir).exists()
                and store_profile.decoy_path(data_dir).exists())
            or _only_bundles(data_dir / OUTBOX_DIR))


def _only_bundles(outbox: Path) -> bool:
    """An outbox a keep-outbox panic left: sealed bundles (with the pieces holding their
    blob regions, store/outbox.py) and nothing else."""
    if not outbox.is_dir() or outbox.is_symlink():
        return False
    names = [p.name for p in outbox.iterdir()]
    return bool(names) and all(
        n.endswith((".intake", ".intake.part"))
        or ((piece := parse_piece(n)) is not None and piece[0].endswith(".intake"))
        for n in names)


def panic(data_dir: Path, *, service: Closable | None = None,
          keep_outbox: bool | None = None) -> PanicReport:
    """Crypto-erase the profile in ``data_dir``; see the module docstring.

    ``service``: the running app's service for this folder (locked or not).
    ``keep_outbox``: overrides the profile's setting when given.
    The GUI must then clear the clipboard, drop every window and exit."""
    start = time.perf_counter()
    data_dir = Path(data_dir)
    removed: list[str] = []
    if keep_outbox is None:
        keep_outbox = _keep_outbox_setting(data_dir)
    hdr = store_profile.header_path(data_dir)
    had_profile = hdr.exists()
    if not looks_like_profile(data_dir):
        _close_without_waiting(service)
        return PanicReport(data_dir=str(data_dir), had_profile=False, removed=(),
                           kept_outbox=bool(keep_outbox), seconds=time.perf_counter() - start)

    # 2. The key material first.
    overwrite_in_place(hdr)
    temps = store_profile.leftover_temp_files(data_dir)
    for tmp in temps:
        if tmp.name.startswith(f".{store_profile.HEADER_NAME}."):
            overwrite_in_place(tmp)
    key_gone = time.perf_counter() - start
    fd_dir = data_dir if data_dir.is_dir() else None

    # 3. The running app's connection.
    _close_without_waiting(service)

    # 4. The files.
    if unlink(hdr):
        removed.append(hdr.name)
    for db in (store_profile.db_path(data_dir), store_profile.decoy_path(data_dir)):
        for suffix in store_profile.DB_SUFFIXES:
            p = Path(str(db) + suffix)
            if unlink(p):
                removed.append(p.name)
    for tmp in temps:
        if unlink(tmp):
            removed.append(tmp.name)
    if shred(guard.aux_path(data_dir)):
        removed.append(guard.AUX_NAME)
    # 5. Blob files (already undecryptable), then the outbox.
    for db in (store_profile.db_path(data_dir), store_profile.decoy_path(data_dir)):
        removed.extend(remove_blobs(db))
    if not keep_outbox:
        removed.extend(remove_outbox(data_dir))
    # 6. Make it durable, and leave no empty folder behind.
    if fd_dir is not None:
        fsync_dir(fd_dir)
        try:
            os.rmdir(fd_dir)
        except OSError:
            pass
        else:
            fsync_dir(fd_dir.parent)
    return PanicReport(data_dir=str(data_dir), had_profile=had_profile,
                       removed=tuple(removed), kept_outbox=bool(keep_outbox),
                       seconds=time.perf_counter() - start, key_destroyed_after=key_gone)


def remove_blobs(db: Path) -> list[str]:
    """The blob files of the store ``db`` (only names store/blobs.py makes)."""
    folder = blob_dir(db)
    removed: list[str] = []
    if folder.is_dir() and not folder.is_symlink():
        for p in folder.iterdir():
            if is_blob_name(p.name) and p.is_file() and unlink(p):
                removed.append(f"{folder.name}/{p.name}")
        try:
            folder.rmdir()
        except OSError:
            pass
    return removed


def remove_outbox(data_dir: Path) -> list[str]:
    outbox = data_dir / OUTBOX_DIR
    removed: list[str] = []
    if outbox.is_dir() and not outbox.is_symlink():
        for p in outbox.iterdir():
            if (p.is_file() or p.is_symlink()) and unlink(p):
                removed.append(f"{OUTBOX_DIR}/{p.name}")
        try:
            outbox.rmdir()
        except OSError:
            pass
    return removed


def finish_erase_real(data_dir: Path, opened: store_profile.Opened, *, kind: str,
                      created_at: int, keep_outbox: bool) -> None:
    """Erase on duress, after ``destroy_slot_in_place(REAL_SLOT)`` already destroyed the key.

    The real ``store.db`` is replaced by a filler database (fresh key, thrown
    away), so the folder keeps its shape; the outbox goes unless kept; then the
    header is rewritten with slot 0 random and the erase bit of the decoy token
    cleared (the decoy key does not use that bit), so the next use of the
    duress passphrase does not erase again."""
    import nacl.utils

    from intake_app.store.keyslots import KEY_SIZE

    store_profile.install_store_file(store_profile.db_path(data_dir),
                                     nacl.utils.random(KEY_SIZE), kind, created_at)
    if not keep_outbox:
        remove_outbox(data_dir)
    token = opened.secret[:-1] + bytes([opened.secret[-1] & 0xFE])
    header = opened.header.with_random_slot(REAL_SLOT).with_slot_kek(opened.slot, opened.kek,
                                                                       token)
    store_profile.write_header(data_dir, header)
