"""Protection against seizure and coercion: panic, duress, failed-unlock wipe, minimisation.

No Qt here: the GUI calls these functions (see docs/threat-model.md).

- ``protect.panic``: crypto-erase a profile at once, with or without the passphrase.
- ``protect.duress``: set or clear a duress passphrase that opens a decoy store.
- ``protect.unlock``: the unlock path the services use (counts failures, routes
  the duress slot, erases the real store when so set).
- ``protect.guard``: the fixed-size ``profile.aux`` file (settings, failure counter).
- ``protect.settings``: read and change those settings.
- ``protect.drafts``: find and purge drafts older than the policy's age.
- ``protect.erase``: overwrite-then-unlink helpers for small files.
- ``protect.clipboard``: how long copied text may stay on the clipboard.
- ``protect.hardening``: no core dumps.

This module imports nothing on purpose: ``store.profile`` imports ``protect.guard``.
"""
