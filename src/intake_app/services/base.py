"""Unlock, lock, check and re-key: what every profile kind shares."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from intake_app.errors import InvalidState, ProfileError
from intake_app.forms import Form, FormRegistry
from intake_app.protect import unlock as protect_unlock
from intake_app.store import meta as store_meta
from intake_app.store import profile as store_profile
from intake_app.store.attachments import purge_incomplete
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
        self._db: Database | None = None
        self._lock = threading.RLock()
        self._registry: FormRegistry | None = None

    # -- lifecycle -----------------------------------------------------------
    def exists(self) -> bool:
        return store_profile.profile_exists(self.data_dir)

    @locked
    def create(self, passphrase: str) -> None:
        self._db = store_profile.create_profile(self.data_dir, passphrase, self.kind)
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
            protect_unlock.remember(self, report)
            self._after_unlock()
        except BaseException:
            self._db = None
            db.close()
            raise

    @locked
    def lock(self) -> None:
        self._registry = None  # the next unlock may open another store (the decoy)
        if self._db is not None:
            self._db.close()
            self._db = None

    close = lock

    @property
    def is_unlocked(self) -> bool:
        return self._db is not None

    @property
    def db(self) -> Database:
        if self._db is None:
            raise InvalidState("profile is locked")
        return self._db

    @locked
    def check(self) -> list[str]:
        """Integrity problems found (empty list: the store is sound)."""
        return self.db.integrity_problems()

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

        path, key = store_profile.change_passphrase(self.data_dir, old, new, release=release)
        if released:
            self._db = Database(path, key)

    # -- forms: built in, plus those installed in this store -----------------------
    @locked
    def registry(self) -> FormRegistry:
        """Built-in forms plus those installed in the store (HQ's provisioning, imports)."""
        if self._registry is None:
            reg = FormRegistry.default_registry()
            for definition in store_meta.form_definitions(self.db):
                reg.add(Form.from_json(definition))
            self._registry = reg
        return self._registry

    @staticmethod
    def _store_form(conn: Any, form: Form) -> None:
        store_meta.put_form(conn, form.id, form.version, form.canonical_json())

    @locked
    def install_form(self, form: Form) -> None:
        with self.db.transaction() as conn:
            self._store_form(conn, form)
        self._registry = None

    @locked
    def meta(self, key: str) -> str | None:
        return store_meta.get_meta(self.db, key)

    @locked
    def set_meta(self, key: str, value: str) -> None:
        with self.db.transaction() as conn:
            store_meta.put_meta(conn, {key: value})
