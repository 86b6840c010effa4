"""Unlock, lock, check and re-key: what every profile kind shares."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from intake_app.errors import IntakeError, InvalidState, ProfileError
from intake_app.forms import Form, FormRegistry
from intake_app.forms.labels import interview_date, record_label
from intake_app.models import AttachmentInfo, RecordDetail, RecordFilter, RecordSummary
from intake_app.protect import clipboard, duress
from intake_app.protect import panic as protect_panic
from intake_app.protect import unlock as protect_unlock
from intake_app.protect.clipboard import ClipboardPolicy
from intake_app.protect.guard import ProtectSettings
from intake_app.protect.panic import PanicReport
from intake_app.protect.unlock import UnlockReport
from intake_app.store import attachments as att_store
from intake_app.store import meta as store_meta
from intake_app.store import profile as store_profile
from intake_app.store import records as rec_store
from intake_app.store.attachments import purge_incomplete
from intake_app.store.backend import Store
from intake_app.store.db import Database

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S", bound="ProfileService")


def locked(fn: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """Serialise calls: the GUI runs service calls on worker threads."""

    @functools.wraps(fn)
    def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with self._lock:
            return fn(self, *args, **kwargs)

    return wrapper


class ProfileService:
    kind = "field"

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self._db: Store | None = None
        self._lock = threading.RLock()
        self._registry: FormRegistry | None = None
        # What the unlock that opened this service found (None while locked).
        self._unlock_report: UnlockReport | None = None

    # -- lifecycle -----------------------------------------------------------
    def exists(self) -> bool:
        return store_profile.profile_exists(self.data_dir)

    @locked
    def create(self, passphrase: str) -> None:
        self._db = store_profile.create_profile(self.data_dir, passphrase, self.kind)
        self._unlock_report = UnlockReport()  # a new profile holds the real store
        self._after_create()

    def _after_create(self) -> None:
        """Hook for subclasses: first-time setup inside the new store."""

    def _after_unlock(self) -> None:
        """Hook for subclasses: recovery work once the store is open."""

    @locked
    def unlock(self, passphrase: str) -> None:
        if self._db is not None:
            return
        # Counts failures (when the wipe-after-N option is on), routes a duress
        # passphrase to the decoy store and erases the real one if so set.
        db, report = protect_unlock.unlock_profile(self.data_dir, passphrase, self.kind)
        try:
            kind = store_meta.get_meta(db, "kind")
            if kind != self.kind:
                found = kind or "unknown"
                raise ProfileError(
                    f"{self.data_dir} holds a {found} profile, not a {self.kind} one"
                )
            purge_incomplete(db)
            self._db = db
            self._unlock_report = report
            self._after_unlock()
        except BaseException:
            self._db = None
            self._unlock_report = None
            db.close()
            raise

    @locked
    def lock(self) -> None:
        self._registry = None  # the next unlock may open another store (the decoy)
        self._unlock_report = None
        if self._db is not None:
            self._db.close()
            self._db = None

    close = lock

    @property
    def is_unlocked(self) -> bool:
        return self._db is not None

    def unlock_report(self) -> UnlockReport | None:
        """What the unlock found (failed attempts, restored settings...); None while locked.

        ``decoy`` and ``erased_real`` must never reach the screen."""
        return self._unlock_report if self._db is not None else None

    def is_decoy_session(self) -> bool:
        report = self.unlock_report()
        return bool(report and report.decoy)

    def _require_report(self) -> UnlockReport:
        report = self.unlock_report()
        if report is None:
            raise InvalidState("profile is locked")
        return report

    @property
    def _store(self) -> Store:
        """The open database, for the services only: callers get snapshots, never this."""
        if self._db is None:
            raise InvalidState("profile is locked")
        return self._db

    @locked
    def check(self) -> list[str]:
        """Integrity problems found (empty list: the store is sound)."""
        return self._store.integrity_problems()

    @locked
    def change_passphrase(self, old: str, new: str) -> None:
        """New passphrase and new database key; an open store is reopened under it."""
        released: list[Path] = []

        def release(path: Path) -> None:
            if self._db is not None and self._db.path == path:
                self._db.checkpoint()
                self._db.close()
                self._db = None
                released.append(path)

        path, key = protect_unlock.change_passphrase(self.data_dir, old, new, release=release)
        if released:
            self._db = Database(path, key)

    # -- records: the one read API for every profile kind ----------------------------
    def __enter__(self: S) -> S:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_readable(self, summary: RecordSummary) -> None:
        """Hook: refuse to show a record this profile keeps no readable copy of."""

    @locked
    def list_records(self, flt: RecordFilter | None = None, *, limit: int = -1,
                     offset: int = 0) -> list[RecordSummary]:
        """Newest first; ``limit``/``offset`` let a view load lazily."""
        return rec_store.list_records(self._store, flt, limit=limit, offset=offset)

    @locked
    def count_records(self, flt: RecordFilter | None = None) -> int:
        return rec_store.count_records(self._store, flt)

    @locked
    def search(self, query: str, flt: RecordFilter | None = None, *,
               limit: int = 200) -> list[RecordSummary]:
        return rec_store.search_records(self._store, query, flt, limit=limit)

    @locked
    def record_labels(self, record_ids: list[str]) -> dict[str, tuple[str, str]]:
        """Display label and interview date per record, computed from the stored
        answers each time (nothing kept outside the encrypted store)."""
        out: dict[str, tuple[str, str]] = {}
        reg = self.registry()
        for rid in record_ids:
            try:
                s = rec_store.get_summary(self._store, rid)
                self._check_readable(s)
                form = reg.get(s.form_id, s.form_version)
                values = rec_store.get_values(self._store, rid)
            except (IntakeError, KeyError):
                continue  # no readable copy, purged, or its form is not installed
            out[rid] = (record_label(form, values), interview_date(form, values))
        return out

    @locked
    def summary(self, record_id: str) -> RecordSummary:
        return rec_store.get_summary(self._store, record_id)

    @locked
    def record(self, record_id: str, rev: int | None = None) -> RecordDetail:
        self._check_readable(rec_store.get_summary(self._store, record_id))
        return rec_store.get_detail(self._store, record_id, rev)

    @locked
    def attachment(self, att_id: str) -> AttachmentInfo:
        return att_store.get_attachment(self._store, att_id)

    def attachment_bytes(self, att_id: str) -> bytes:
        """Whole attachment in memory: for viewers of photos and audio, never to disk."""
        with self._lock:
            return b"".join(att_store.iter_attachment(self._store, att_id))

    # -- forms: built in, plus those installed in this store -----------------------
    @locked
    def registry(self) -> FormRegistry:
        """Built-in forms plus those installed in the store (HQ's provisioning, imports)."""
        if self._registry is None:
            reg = FormRegistry.default_registry()
            for definition in store_meta.form_definitions(self._store):
                reg.add(Form.from_json(definition))
            self._registry = reg
        return self._registry

    @staticmethod
    def _store_form(conn: Any, form: Form) -> None:
        store_meta.put_form(conn, form.id, form.version, form.canonical_json())

    @locked
    def install_form(self, form: Form) -> None:
        with self._store.transaction() as conn:
            self._store_form(conn, form)
        self._registry = None

    @locked
    def meta(self, key: str) -> str | None:
        return store_meta.get_meta(self._store, key)

    @locked
    def set_meta(self, key: str, value: str) -> None:
        with self._store.transaction() as conn:
            store_meta.put_meta(conn, {key: value})

    # -- protection: settings, clipboard, duress, panic (mechanisms in intake_app.protect) --
    def protect_settings(self) -> ProtectSettings:
        """The settings in force (from profile.aux; the unlock restored it from the store)."""
        self._require_report()
        return protect_unlock.aux_settings(self.data_dir)

    def update_protect_settings(self, **changes: Any) -> ProtectSettings:
        """Change ``wipe_after``, ``keep_outbox_on_panic``, ``clipboard_clear_seconds``.

        Written to the open store (authoritative copy) and to profile.aux (what the
        locked app reads). From a decoy session only the decoy store and profile.aux
        change; the next unlock with the real passphrase restores the real settings
        and reports that they had been changed."""
        self._require_report()
        new = replace(self.protect_settings(), **changes).check()
        with self._lock:
            self.set_meta(protect_unlock.SETTINGS_META, new.to_json())
            protect_unlock.write_aux_settings(self.data_dir, new)
        return new

    def clipboard_policy(self) -> ClipboardPolicy:
        """Read from profile.aux, so it works while locked too."""
        return clipboard.clipboard_policy(self.data_dir)

    def _created_at(self) -> int:
        raw = self.meta("created_at")
        try:
            return int(raw) if raw else int(time.time())
        except ValueError:
            return int(time.time())

    def set_duress(self, duress_passphrase: str, *, erase_real: bool = True) -> None:
        """Make ``duress_passphrase`` open a fresh decoy store (protect.duress).

        ``erase_real``: when the duress passphrase is used, first crypto-erase the
        real store (silently). From a decoy session nothing changes and no error is
        shown: refusing would tell the person at the keyboard this is not the real store."""
        report = self._require_report()
        with self._lock:
            duress.set_duress(self.data_dir, self.kind, duress_passphrase,
                              erase_real=erase_real, decoy_session=report.decoy,
                              created_at=self._created_at(), decoy_meta=self._decoy_meta())
            if not report.decoy:
                att_store.remove_old_decoy_blobs(self._store)

    def _decoy_meta(self) -> dict[str, str]:
        """What the decoy copies from the real store (see FieldService)."""
        return {}

    def clear_duress(self) -> None:
        """Forget any duress passphrase: slot 1 random again, a new filler ``store-b.db``."""
        report = self._require_report()
        with self._lock:
            duress.clear_duress(self.data_dir, self.kind, decoy_session=report.decoy,
                                created_at=self._created_at())
            if not report.decoy:
                att_store.remove_old_decoy_blobs(self._store)

    def panic(self, *, keep_outbox: bool | None = None) -> PanicReport:
        """Crypto-erase this profile now (closing the store without waiting for it)."""
        return protect_panic.panic(self.data_dir, service=self, keep_outbox=keep_outbox)
