"""Protection against seizure and coercion: the mechanisms (see docs/threat-model.md).

They depend on the store only; the policies that need an open profile are service
methods (``ProfileService.protect_settings`` / ``update_protect_settings`` /
``set_duress`` / ``clear_duress`` / ``panic`` / ``clipboard_policy``,
``FieldService.stale_drafts`` / ``purge_drafts``). No Qt here.

- ``protect.panic``: crypto-erase a profile at once, with or without the passphrase.
- ``protect.duress``: write or clear the duress slot and its decoy store.
- ``protect.unlock``: the unlock path the services use (counts failures, routes
  the duress slot, erases the real store when so set), passphrase change.
- ``protect.guard``: the fixed-size ``profile.aux`` file (``store.aux``, re-exported).
- ``protect.erase``: overwrite-then-unlink helpers (``store.erase``, re-exported).
- ``protect.clipboard``: how long copied text may stay on the clipboard.
- ``protect.hardening``: no core dumps.
"""
