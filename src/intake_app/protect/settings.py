"""Reading and changing the protection settings (kept in the store and in profile.aux)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from intake_app.errors import InvalidState
from intake_app.protect import guard
from intake_app.protect import unlock as protect_unlock
from intake_app.services.base import ProfileService
from intake_app.store import profile as store_profile


def get_settings(svc: ProfileService) -> guard.ProtectSettings:
    """The settings in force (from profile.aux; the unlock restored it from the store)."""
    if protect_unlock.last_report(svc) is None:
        raise InvalidState("profile is locked")
    header = store_profile.read_header(svc.data_dir)
    state = guard.read_state(svc.data_dir, header.salt)
    return state.settings if state else guard.ProtectSettings()


def update_settings(svc: ProfileService, **changes: Any) -> guard.ProtectSettings:
    """Change settings: ``wipe_after``, ``keep_outbox_on_panic``, ``clipboard_clear_seconds``.

    Written to the open store (authoritative copy) and to profile.aux (what the
    locked app reads). From a decoy session only the decoy store and profile.aux
    change; the next unlock with the real passphrase restores the real settings
    and reports that they had been changed."""
    if protect_unlock.last_report(svc) is None:
        raise InvalidState("profile is locked")
    new = replace(get_settings(svc), **changes).check()
    header = store_profile.read_header(svc.data_dir)
    with svc._lock:
        svc.set_meta(protect_unlock.SETTINGS_META, new.to_json())
        guard.write_state(svc.data_dir, header.salt, guard.AuxState(settings=new))
    return new
