"""What the GUI and the CLI need of ``intake_app.protect``, through the service layer.

The mechanisms (panic crypto-erase, duress slot, profile.aux, unlock counting,
process hardening) live in ``protect``; the policies that need an open profile
are ``ProfileService`` / ``FieldService`` methods (``protect_settings``,
``set_duress``, ``stale_drafts``...). Callers above the services import from here.
"""

from intake_app.protect.clipboard import ClipboardPolicy, digest, should_clear
from intake_app.protect.duress import DURESS_PASSPHRASE_ENV
from intake_app.protect.guard import (
    CLIPBOARD_DEFAULT_S,
    CLIPBOARD_MAX_S,
    WIPE_AFTER_MAX,
    ProtectSettings,
)
from intake_app.protect.hardening import harden_process
from intake_app.protect.panic import PanicReport
from intake_app.protect.panic import panic as panic_profile
from intake_app.protect.unlock import UnlockReport

__all__ = [
    "CLIPBOARD_DEFAULT_S",
    "CLIPBOARD_MAX_S",
    "DURESS_PASSPHRASE_ENV",
    "WIPE_AFTER_MAX",
    "ClipboardPolicy",
    "PanicReport",
    "ProtectSettings",
    "UnlockReport",
    "digest",
    "harden_process",
    "panic_profile",
    "should_clear",
]
