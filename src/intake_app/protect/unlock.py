"""The unlock path the services use: counting, duress routing, erase on duress.

    header -> profile.aux (count this attempt first, if wipe-after-N is on)
           -> Argon2id once, both slots tried (store.profile.unlock_header)
           -> wrong: wipe if the count reached N; raise WrongPassphrase
           -> slot 1 with the erase bit: destroy slot 0 in place (fsync) first
           -> open the slot's database (store.db or store-b.db)
           -> finish the erase (filler store.db, outbox, header), reset the count,
              restore profile.aux from the real store's settings (slot 0)

The counter is written *before* the key derivation, so killing the process
during the slow KDF does not save an attempt. The caller learns what happened
from ``UnlockReport``; the GUI must never show ``decoy`` or ``erased_real``.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from intake_app.errors import ProfileError, WrongPassphrase
from intake_app.protect import guard
from intake_app.protect.erase import shred
from intake_app.protect.hardening import disable_core_dumps
from intake_app.protect.panic import finish_erase_real, panic
from intake_app.store import blobs
from intake_app.store import profile as store_profile
from intake_app.store.db import Database
from intake_app.store.keyslots import REAL_SLOT, KdfParams, below_floor, fast_kdf_requested
from intake_app.store.meta import get_meta, get_meta_int

SETTINGS_META = "protect.settings"


@dataclass(frozen=True)
class UnlockReport:
    # The duress passphrase opened the decoy store. Never show this on screen.
    decoy: bool = False
    # Wrong passphrases since the last successful unlock (counted while wipe-after is on).
    failed_attempts: int = 0
    # The real store was crypto-erased by this unlock (erase on duress). Never show this.
    erased_real: bool = False
    # profile.aux was missing, damaged or different from the settings in the real
    # store, and was restored: someone may have tried to reset the attempt counter.
    settings_restored: bool = False
    # The header's key derivation is below the floor (test parameters that reached a
    # real profile, or an old build): the next passphrase change recalibrates it.
    weak_kdf: bool = False


def last_report(service: Any) -> UnlockReport | None:
    """``service.unlock_report()``: the report travels with the service that was unlocked."""
    report: UnlockReport | None = service.unlock_report()
    return report


def is_decoy_session(service: Any) -> bool:
    report = last_report(service)
    return bool(report and report.decoy)


def read_settings(db: Database) -> guard.ProtectSettings:
    return guard.ProtectSettings.from_json(get_meta(db, SETTINGS_META))


def aux_settings(data_dir: Path) -> guard.ProtectSettings:
    """The settings in profile.aux (defaults when it is missing)."""
    header = store_profile.read_header(data_dir)
    state = guard.read_state(data_dir, header.salt)
    return state.settings if state else guard.ProtectSettings()


def write_aux_settings(data_dir: Path, settings: guard.ProtectSettings) -> None:
    """New settings in profile.aux (the attempt counter starts again from 0)."""
    header = store_profile.read_header(data_dir)
    guard.write_state(data_dir, header.salt, guard.AuxState(settings=settings))


def _touch(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(path)


@dataclass(frozen=True)
class Attempt:
    opened: store_profile.Opened
    state: guard.AuxState | None
    counting: bool


def counted_unlock(data_dir: Path, passphrase: str) -> Attempt:
    """Try a passphrase under the failed-attempt rule (also used by passphrase change,
    so that it is no way around the counter). Wipes and raises on the N-th failure."""
    disable_core_dumps()
    store_profile.recover_interrupted_rekey(data_dir)
    header = store_profile.read_header(data_dir)
    state = guard.read_state(data_dir, header.salt)
    counting = state is not None and state.settings.wipe_after > 0
    if state is not None and counting:
        guard.write_state(data_dir, header.salt, replace(state, failures=state.failures + 1))
    try:
        opened = store_profile.unlock_header(data_dir, passphrase, header)
    except WrongPassphrase:
        if state is not None and counting and state.failures + 1 >= state.settings.wipe_after:
            panic(data_dir, keep_outbox=state.settings.keep_outbox_on_panic)
        raise
    # A right passphrase: the count goes back to 0 (written only if it is not 0 on disk).
    if state is not None and (counting or state.failures):
        guard.write_state(data_dir, header.salt, replace(state, failures=0))
    return Attempt(opened=opened, state=state, counting=counting)


def remove_stale_temp_files(data_dir: Path) -> None:
    """Temporary copies an interrupted write left (an old header is key material)."""
    for p in store_profile.leftover_temp_files(data_dir):
        m = re.search(r"\.tmp-(\d+)", p.name)
        if m is None or int(m.group(1)) == os.getpid() or store_profile.pid_alive(int(m.group(1))):
            continue
        if p.name.startswith(f".{store_profile.HEADER_NAME}."):
            shred(p)
        else:
            p.unlink(missing_ok=True)


def unlock_profile(data_dir: Path, passphrase: str,
                   kind: str = "field") -> tuple[Database, UnlockReport]:
    attempt = counted_unlock(data_dir, passphrase)
    opened, state = attempt.opened, attempt.state
    header = opened.header
    keep_outbox = bool(state and state.settings.keep_outbox_on_panic)
    erase = opened.erase_real
    if erase:
        # The key first, in place and synced, before anything slower.
        store_profile.destroy_slot_in_place(data_dir, REAL_SLOT)
    db = store_profile.open_db(data_dir, opened, kind)
    try:
        if erase:
            finish_erase_real(data_dir, opened, kind=kind, keep_outbox=keep_outbox,
                              created_at=get_meta_int(db, "created_at", int(time.time())))
            # The real store's blob files: undecryptable now, and the decoy cannot
            # explain them (store/blobs.py names tell it which files are its own).
            blobs.remove_foreign(db, db.path)
        restored = False
        if opened.is_decoy:
            if state is None:
                guard.write_state(data_dir, header.salt, guard.AuxState())
            _touch(store_profile.db_path(data_dir))
        else:
            stored = read_settings(db)
            if state is None or state.settings != stored:
                # A missing file with default settings is only an old profile.
                restored = state is not None or stored != guard.ProtectSettings()
                guard.write_state(data_dir, header.salt, guard.AuxState(settings=stored))
            remove_stale_temp_files(data_dir)
            decoy = store_profile.decoy_path(data_dir)
            if not decoy.exists():  # a profile from before store-b.db existed
                store_profile.install_filler_decoy(
                    data_dir, kind, get_meta_int(db, "created_at", int(time.time())))
            _touch(decoy)
    except BaseException:
        db.close()
        raise
    return db, UnlockReport(decoy=opened.is_decoy,
                            failed_attempts=state.failures if state else 0,
                            erased_real=erase, settings_restored=restored,
                            weak_kdf=_weak(header.params))


def _weak(params: KdfParams) -> bool:
    """Below the floor, and not the test suite's deliberate cheap parameters."""
    try:
        testing = fast_kdf_requested()
    except ProfileError:
        testing = False
    return below_floor(params) and not testing


def change_passphrase(data_dir: Path, old: str, new: str, *,
                      release: Callable[[Path], object] | None = None) -> tuple[Path, bytes]:
    """Change the passphrase of the slot ``old`` opens *and* the key of its database
    (``store.profile.rekey``). Returns (database file, its new key)."""
    store_profile.check_new_passphrase(new)
    store_profile.recover_interrupted_rekey(data_dir)
    # Counted like an unlock: passphrase change is no way around the wipe-after-N rule.
    opened = counted_unlock(data_dir, old).opened
    return store_profile.rekey(data_dir, opened, new, release=release)
