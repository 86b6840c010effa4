"""Duress passphrase: a second passphrase that opens a plausible decoy store.

Set and clear both need the profile open with the real passphrase
(``ProfileService.set_duress`` / ``clear_duress`` check that). Each one
rebuilds ``store-b.db`` (same code, same size class: practice drafts only)
under a new key, then rewrites the header: slot 1 wraps the new decoy token
(set) or becomes random bytes again (clear), and the old header's bytes are
overwritten. Nothing is stored anywhere else: whether a duress passphrase is
set is known only to whoever can open slot 1 with it.

From a decoy session (someone typed the duress passphrase), set and clear do
the same key derivation and report success, and change nothing: refusing
would tell the person at the keyboard that this is not the real store.
"""

from __future__ import annotations

from pathlib import Path

from intake_app.errors import ProfileError, WrongPassphrase
from intake_app.store import profile as store_profile
from intake_app.store.keyslots import DECOY_SLOT, REAL_SLOT, decoy_key, new_decoy_token

DURESS_PASSPHRASE_ENV = "INTAKE_DURESS_PASSPHRASE"


def set_duress(data_dir: Path, kind: str, duress_passphrase: str, *, erase_real: bool,
               decoy_session: bool, created_at: int,
               decoy_meta: dict[str, str] | None = None) -> None:
    """Make ``duress_passphrase`` open a fresh decoy store (the caller holds the profile
    open with the real passphrase, or ``decoy_session``: then nothing changes).

    ``erase_real``: when the duress passphrase is used, first crypto-erase the
    real store (silently). The setting travels inside slot 1 (see keyslots).
    ``decoy_meta``: the real store's enrollment (never its device key), so the decoy
    tells the same story as the device-named bundles a searcher finds in outbox/."""
    store_profile.check_new_passphrase(duress_passphrase)
    header = store_profile.read_header(data_dir)
    kek = header.kek(duress_passphrase)
    if decoy_session:
        return
    try:
        slot, _ = header.unlock_kek(kek)
    except WrongPassphrase:
        slot = DECOY_SLOT
    if slot == REAL_SLOT:
        raise ProfileError("the duress passphrase must be different from your passphrase")
    token = new_decoy_token(erase_real)
    key, _ = decoy_key(token)
    # The decoy first, the header second: a crash in between leaves slot 1
    # pointing at a decoy key that no file uses, and the next unlock with the
    # duress passphrase rebuilds the decoy (store.profile.open_db).
    store_profile.install_store_file(store_profile.decoy_path(data_dir), key, kind, created_at,
                                     decoy_meta)
    store_profile.write_header(data_dir, header.with_slot_kek(DECOY_SLOT, kek, token))


def clear_duress(data_dir: Path, kind: str, *, decoy_session: bool, created_at: int) -> None:
    """Forget any duress passphrase: slot 1 random again, a new filler ``store-b.db``."""
    header = store_profile.read_header(data_dir)
    if decoy_session:
        return
    store_profile.install_filler_decoy(data_dir, kind, created_at)
    store_profile.write_header(data_dir, header.with_random_slot(DECOY_SLOT))
