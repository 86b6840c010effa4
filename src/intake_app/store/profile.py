"""A profile: one directory holding the header and two SQLCipher databases.

    <data dir>/            mode 0700
        profile.hdr        ProfileHeader (KDF parameters, two wrapped key slots)
        store.db           SQLCipher 4 database (+ -wal, -shm while open)
        store-b.db         second SQLCipher 4 database, always present (see below)
        profile.aux        fixed-size protection state (intake_app.protect.guard)
        outbox/            sealed bundles (field profiles, after the first export)

``store-b.db`` exists in every profile from ``init`` on, built the same way
and of the same size class whether or not a duress passphrase is set. Slot 1
of the header opens it when a duress passphrase is set; otherwise its key was
thrown away at creation. See docs/threat-model.md ("Duress") for the shape
invariant this keeps.
"""

from __future__ import annotations

import functools
import json
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nacl.utils

from intake_app.errors import ProfileError, StoreCorrupt, WrongPassphrase
from intake_app.paths import FILE_MODE, atomic_write, ensure_private_dir, fsync_dir
from intake_app.store.db import Database
from intake_app.store.keyslots import (
    DECOY_SLOT,
    HEADER_SIZE,
    KEY_SIZE,
    REAL_SLOT,
    SLOT_SIZE,
    SLOTS_OFFSET,
    ProfileHeader,
    below_floor,
    calibrate,
    decoy_key,
    new_decoy_token,
)

HEADER_NAME = "profile.hdr"
DB_NAME = "store.db"
DECOY_NAME = "store-b.db"
AUX_NAME = "profile.aux"
PROFILE_KINDS = ("field", "hq")
MIN_PASSPHRASE_LEN = 8
DB_SUFFIXES = ("", "-wal", "-shm", "-journal")


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LEN:
        raise ProfileError(f"passphrase too short: use at least {MIN_PASSPHRASE_LEN} characters")


def header_path(data_dir: Path) -> Path:
    return data_dir / HEADER_NAME


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_NAME


def decoy_path(data_dir: Path) -> Path:
    return data_dir / DECOY_NAME


def aux_path(data_dir: Path) -> Path:
    return data_dir / AUX_NAME


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


def _remove_db_files(path: Path) -> None:
    for suffix in DB_SUFFIXES:
        Path(str(path) + suffix).unlink(missing_ok=True)


def write_header(data_dir: Path, header: ProfileHeader) -> None:
    """Replace the header atomically, then overwrite the old copy's bytes.

    A plain rename would leave the old header (the master key wrapped under
    the old passphrase, or a slot that was meant to be destroyed) in freed
    blocks. The old file is held open across the rename and overwritten with
    random bytes afterwards: a crash before that leaves exactly what a plain
    atomic write leaves; otherwise the old bytes are gone (on file systems
    that overwrite in place: see the threat model for copy-on-write and flash)."""
    path = header_path(data_dir)
    old_fd: int | None
    try:
        old_fd = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    except OSError:  # missing, or not writable: the rename still replaces it
        old_fd = None
    try:
        atomic_write(path, header.to_bytes())
        if old_fd is not None:
            size = os.fstat(old_fd).st_size
            os.pwrite(old_fd, nacl.utils.random(max(size, HEADER_SIZE)), 0)
            os.fsync(old_fd)
    finally:
        if old_fd is not None:
            os.close(old_fd)


def destroy_slot_in_place(data_dir: Path, index: int) -> None:
    """Overwrite one key slot of the header file where it lies, and fsync."""
    fd = os.open(header_path(data_dir), os.O_RDWR)
    try:
        os.pwrite(fd, nacl.utils.random(SLOT_SIZE), SLOTS_OFFSET + index * SLOT_SIZE)
        os.fsync(fd)
    finally:
        os.close(fd)


# -- the second database ---------------------------------------------------------------------

# Practice entries, the kind a trainer leaves on a laptop after showing the app: the
# opening of an interview, consent to storage refused (which ends the form). Harmless,
# fictional, valid against the form (tests/test_protect_duress.py checks), and the same
# in every profile, so the file's size class never depends on whether a duress
# passphrase is set. ``interview_date`` is added from each draft's time stamp.
_SAMPLE_DRAFTS: tuple[dict[str, object], ...] = (
    {"interviewer_code": "TRAINING", "interview_language": "english",
     "consent_method": "verbal", "consent_store": False},
    {"interviewer_code": "TRAINING", "interview_language": "dari",
     "consent_method": "verbal", "consent_store": False},
    {"interviewer_code": "TRAINING", "interview_language": "pashto",
     "consent_method": "written", "consent_store": False},
)


@functools.lru_cache(maxsize=1)
def _sample_form_version() -> str:
    try:
        from intake_app.forms import FormRegistry

        return FormRegistry.default_registry().get("hrd_intake").version
    except Exception:  # no form files installed: the drafts still need a version string
        return "1"


def _fill_store(db: Database, kind: str, created_at: int,
                extra_meta: dict[str, str] | None = None) -> None:
    """Metadata (and, for field profiles, the practice drafts) of a second database.

    ``extra_meta``: what the decoy copies from the real store so that its story
    matches the files a searcher sees (the enrollment the outbox's bundles show)."""
    from intake_app.store.ids import new_id
    from intake_app.textnorm import searchable_text

    rng = random.SystemRandom()
    with db.transaction() as conn:
        conn.execute("INSERT INTO meta VALUES ('kind', ?)", (kind,))
        conn.execute("INSERT INTO meta VALUES ('created_at', ?)", (str(created_at),))
        for k, v in (extra_meta or {}).items():
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (k, v))
        if kind != "field":
            return
        version = _sample_form_version()
        # Dated between the profile's creation and now, never in the future.
        start = created_at * 1000
        span = max(0, time.time_ns() // 1_000_000 - start)
        stamps = sorted(start + rng.randrange(span + 1) for _ in _SAMPLE_DRAFTS)
        for values, ts in zip(_SAMPLE_DRAFTS, stamps, strict=True):
            values = {**values,
                      "interview_date": time.strftime("%Y-%m-%d", time.gmtime(ts // 1000))}
            data = json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            rid = new_id()
            seq = conn.execute(
                "INSERT INTO records (id, form_id, form_version, status, created_at, updated_at,"
                " current_rev) VALUES (?, 'hrd_intake', ?, 'draft', ?, ?, 1)",
                (rid, version, ts, ts)).lastrowid  # fmt: skip
            conn.execute("INSERT INTO revisions (record_id, rev, saved_at, data) VALUES "
                         "(?, 1, ?, ?)", (rid, ts, data))
            conn.execute("INSERT INTO records_fts (rowid, body) VALUES (?, ?)",
                         (seq, searchable_text(values)))


def install_store_file(path: Path, key: bytes, kind: str, created_at: int,
                       extra_meta: dict[str, str] | None = None) -> None:
    """Build a second-database file under a temporary name and rename it over ``path``.

    Used for ``store-b.db`` (decoy or filler: same code, same size class) and for
    the filler that replaces ``store.db`` after an erase on duress."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    _remove_db_files(tmp)
    try:
        db = Database(tmp, key, create=True)
        try:
            _fill_store(db, kind, created_at, extra_meta)
            db.checkpoint()
        finally:
            db.close()
    except BaseException:
        _remove_db_files(tmp)
        raise
    try:
        _settle_copy(tmp)
        _remove_db_files_except_main(path)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _settle_copy(db_file: Path) -> None:
    """A closed copy of a database is its main file alone, on disk: no -wal/-shm beside it."""
    for suffix in DB_SUFFIXES[1:]:
        Path(str(db_file) + suffix).unlink(missing_ok=True)
    fd = os.open(db_file, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_db_files_except_main(path: Path) -> None:
    for suffix in DB_SUFFIXES[1:]:
        Path(str(path) + suffix).unlink(missing_ok=True)


def install_filler_decoy(data_dir: Path, kind: str, created_at: int) -> None:
    """``store-b.db`` under a key that is thrown away at once (no duress passphrase)."""
    key, _ = decoy_key(new_decoy_token(erase_real=False))
    install_store_file(decoy_path(data_dir), key, kind, created_at)


def refresh_file(path: Path) -> None:
    """Copy ``path`` to a new file (same bytes, new inode, new times) and rename it over.

    Every header rewrite refreshes ``store-b.db`` this way, so the file's times
    and inode say "the header changed" whatever the change was (passphrase
    change, duress set, duress clear)."""
    if not path.exists():
        return
    with open(path, "rb") as src:
        data = src.read()
    atomic_write(path, data, FILE_MODE)


def leftover_temp_files(data_dir: Path) -> list[Path]:
    """Temporary files an interrupted write can leave (``.<name>.tmp-<pid>`` and their journals)."""
    names = (HEADER_NAME, DB_NAME, DECOY_NAME, AUX_NAME)
    if not data_dir.is_dir():
        return []
    return sorted(p for p in data_dir.iterdir()
                  if p.is_file() and any(p.name.startswith(f".{n}.tmp-") for n in names))


# -- create, open, re-key -------------------------------------------------------------------


def create_profile(data_dir: Path, passphrase: str, kind: str) -> Database:
    """Create header and databases; returns the open (real) database."""
    from intake_app.store import aux as guard

    if kind not in PROFILE_KINDS:
        raise ValueError(kind)
    check_new_passphrase(passphrase)
    if profile_exists(data_dir):
        raise ProfileError(f"a profile already exists in {data_dir}")
    ensure_private_dir(data_dir)
    # A database without a header is what an interrupted init leaves: its key
    # was never stored, so it can never be opened. Clear it away.
    _clear_init_leftovers(data_dir)
    master_key = nacl.utils.random(KEY_SIZE)
    header = ProfileHeader.create(passphrase, master_key, calibrate())
    db = Database(db_path(data_dir), master_key, create=True)
    try:
        now = int(time.time())
        with db.transaction() as conn:
            conn.execute("INSERT INTO meta VALUES ('kind', ?)", (kind,))
            conn.execute("INSERT INTO meta VALUES ('created_at', ?)", (str(now),))
        install_filler_decoy(data_dir, kind, now)
        guard.write_state(data_dir, header.salt, guard.AuxState())
        # The header is written last: a crash before this leaves no profile,
        # and the stray databases are unreadable (their keys were never stored).
        atomic_write(header_path(data_dir), header.to_bytes())
    except BaseException:
        db.close()
        _clear_init_leftovers(data_dir)
        raise
    return db


def _clear_init_leftovers(data_dir: Path) -> None:
    _remove_db_files(db_path(data_dir))
    _remove_db_files(decoy_path(data_dir))
    aux_path(data_dir).unlink(missing_ok=True)
    for p in leftover_temp_files(data_dir):
        p.unlink(missing_ok=True)


@dataclass(frozen=True)
class Opened:
    """What one passphrase opened: the header, the slot, its KEK and the slot's secret."""

    header: ProfileHeader
    slot: int
    kek: bytes
    secret: bytes

    @property
    def is_decoy(self) -> bool:
        return self.slot == DECOY_SLOT

    @property
    def db_key(self) -> bytes:
        return decoy_key(self.secret)[0] if self.is_decoy else self.secret

    @property
    def erase_real(self) -> bool:
        """The erase-on-duress setting carried in the decoy token (False for slot 0)."""
        return self.is_decoy and decoy_key(self.secret)[1]

    def db_file(self, data_dir: Path) -> Path:
        return decoy_path(data_dir) if self.is_decoy else db_path(data_dir)


def unlock_header(data_dir: Path, passphrase: str,
                  header: ProfileHeader | None = None) -> Opened:
    """One Argon2id run, both slots tried. ``WrongPassphrase`` if neither opens."""
    header = header or read_header(data_dir)
    kek = header.kek(passphrase)
    slot, secret = header.unlock_kek(kek)
    return Opened(header=header, slot=slot, kek=kek, secret=secret)


def open_db(data_dir: Path, opened: Opened, kind: str = "field") -> Database:
    """Open the database the slot belongs to.

    The decoy is rebuilt if it is missing or does not open under its key: that
    is what a crash between writing ``store-b.db`` and the header leaves."""
    ensure_private_dir(data_dir)
    path = opened.db_file(data_dir)
    if not opened.is_decoy:
        return Database(path, opened.db_key)
    try:
        return Database(path, opened.db_key)
    except StoreCorrupt:
        install_store_file(path, opened.db_key, kind, int(time.time()))
        return Database(path, opened.db_key)


def open_profile(data_dir: Path, passphrase: str) -> tuple[Database, int]:
    """Unlock and open. Returns the database and the key slot that opened it.

    Slot 1 (a duress passphrase) opens ``store-b.db``. This is the bare store
    operation: failed-attempt counting and erase-on-duress live in
    ``intake_app.protect.unlock``, which the services use."""
    opened = unlock_header(data_dir, passphrase)
    return open_db(data_dir, opened), opened.slot


REKEY_MARK = ".rekey-"


def _rekey_names(data_dir: Path, pid: int) -> tuple[Path, Path, Path]:
    """(pending header, new store.db, new store-b.db) of one passphrase change."""
    return (data_dir / f".{HEADER_NAME}{REKEY_MARK}{pid}",
            data_dir / f".{DB_NAME}{REKEY_MARK}{pid}",
            data_dir / f".{DECOY_NAME}{REKEY_MARK}{pid}")


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs (one we may not signal counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def recover_interrupted_rekey(data_dir: Path) -> None:
    """Finish or undo a passphrase change a crash interrupted (no key needed).

    The commit point is the rename of the re-keyed database over the old one. While
    the new database file still lies beside it, nothing was committed: both the file
    and the pending header go and the old passphrase works. Once it is gone, the
    rename happened and the pending header (the new passphrase, the new key) is
    installed. Changes by a live process are left alone."""
    from intake_app.store.erase import shred

    if not data_dir.is_dir():
        return
    pids = set()
    for p in data_dir.iterdir():
        if REKEY_MARK in p.name and p.name.startswith("."):
            tail = p.name.rsplit(REKEY_MARK, 1)[1].split("-")[0]
            if tail.isdigit():
                pids.add(int(tail))
    for pid in pids:
        if pid != os.getpid() and pid_alive(pid):
            continue
        pending, *dbs = _rekey_names(data_dir, pid)
        if any(d.exists() for d in dbs):
            for d in dbs:
                _remove_db_files(d)
            if pending.exists():
                shred(pending)
        elif pending.exists():
            write_header(data_dir, ProfileHeader.parse(pending.read_bytes()))
            shred(pending)


def _export_rekeyed(src: Path, old_key: bytes, dest: Path, new_key: bytes) -> None:
    """A copy of the database at ``src`` under ``new_key`` (SQLCipher's sqlcipher_export)."""
    from intake_app.store.db import PAGE_SIZE

    _remove_db_files(dest)
    os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    db = Database(src, old_key)
    try:
        version = db.user_version
        db.conn.execute(f"ATTACH DATABASE ? AS rekey KEY \"x'{new_key.hex()}'\"", (str(dest),))
        db.conn.execute(f"PRAGMA rekey.cipher_page_size = {PAGE_SIZE}")
        db.conn.execute("PRAGMA rekey.auto_vacuum = INCREMENTAL")  # older stores gain it here
        db.conn.execute("SELECT sqlcipher_export('rekey')")
        db.conn.execute(f"PRAGMA rekey.user_version = {int(version)}")
        db.conn.execute("DETACH DATABASE rekey")
    finally:
        db.close()
    _settle_copy(dest)


def rekey(data_dir: Path, opened: Opened, new: str, *,
          release: Callable[[Path], object] | None = None) -> tuple[Path, bytes]:
    """Give the slot ``opened`` came from the passphrase ``new`` *and* its database a new key.

    ``protect.unlock.change_passphrase`` is the entry point: it checks ``new``, finishes
    an interrupted re-key and opens the slot under the failed-attempt rule first.

    Re-wrapping the old key would leave a disclosed old passphrase plus any earlier
    copy of the header able to open everything written afterwards; so the database
    is copied under a new random key (``sqlcipher_export``), and the switch is made
    crash-safe by one rename (see ``recover_interrupted_rekey``): old or new works,
    never neither. Parameters below the floor (test-suite KDF, old profiles) are
    recalibrated; that needs a new salt, so an unused-looking slot 1 then becomes
    filler again (a duress passphrase must be set again: the CLI says so).

    ``release(path)`` is called just before the rename so an open connection to that
    file can be closed. Returns (database file, its new key)."""
    from intake_app.store import aux as guard
    from intake_app.store.erase import shred

    header = opened.header
    new_kek = header.kek(new)
    try:
        other, _ = header.unlock_kek(new_kek)
    except WrongPassphrase:
        other = opened.slot
    if other != opened.slot and not opened.is_decoy:
        # The new passphrase already opens the other slot: the duress slot would
        # become unreachable. (From the decoy nothing is said: that would be an oracle.)
        raise ProfileError("that passphrase cannot be used here; choose another")
    recalibrated = below_floor(header.params) and not opened.is_decoy
    if recalibrated:
        params = calibrate()
        recalibrated = params != header.params
    if opened.is_decoy:
        secret = new_decoy_token(erase_real=opened.erase_real)
        new_key = decoy_key(secret)[0]
    else:
        secret = nacl.utils.random(KEY_SIZE)
        new_key = secret
    if recalibrated:
        new_header = ProfileHeader.create(new, secret, params)
    else:
        new_header = header.with_slot_kek(opened.slot, new_kek, secret)
    target = opened.db_file(data_dir)
    pending, new_db, new_decoy = _rekey_names(data_dir, os.getpid())
    staged = new_decoy if opened.is_decoy else new_db
    try:
        _export_rekeyed(target, opened.db_key, staged, new_key)
        atomic_write(pending, new_header.to_bytes())
    except BaseException:
        _remove_db_files(staged)
        if pending.exists():
            shred(pending)
        raise
    if release is not None:
        release(target)
    _remove_db_files_except_main(target)
    os.replace(staged, target)  # the commit point
    fsync_dir(data_dir)
    write_header(data_dir, new_header)
    shred(pending)
    if recalibrated:  # profile.aux is keyed by the salt (a crash here: unlock restores it)
        state = guard.read_state(data_dir, header.salt)
        guard.write_state(data_dir, new_header.salt, state or guard.AuxState())
    if opened.slot == REAL_SLOT:
        refresh_file(decoy_path(data_dir))
    return target, new_key


def fix_permissions(data_dir: Path) -> None:
    os.chmod(data_dir, 0o700)
    for child in data_dir.iterdir():
        if child.is_file():
            os.chmod(child, FILE_MODE)
