"""The error tree shared by the core, the CLI and the GUI.

Every error a user can cause is an ``IntakeError``. Its ``str()`` is the one
line the CLI prints (``intake: <message>``) and the GUI shows; ``exit_code``
is what the CLI exits with. Anything else escaping the core is a bug.

    IntakeError                      exit 1
    ├── UsageError                   exit 2  (bad arguments, missing files)
    ├── WrongPassphrase              "wrong passphrase"
    ├── ProfileError                 no profile, profile exists, bad header
    ├── StoreCorrupt                 HMAC / integrity failure in the database
    ├── DiskFull                     the disk holding the profile has no room
    ├── CannotVerify                 check could not run to the end (not damage)
    ├── NotFound                     unknown record, form, bundle, device ...
    ├── InvalidState                 e.g. editing a finalized record
    ├── FormError                    a form definition that cannot be loaded
    ├── ValidationFailed             record values rejected by their form
    └── BundleError                  sealed bundle rejected (``kind`` says why)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class IntakeError(Exception):
    """Base of every expected failure. The message is one line."""

    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message.replace("\n", " "))

    @property
    def message(self) -> str:
        return str(self)


class UsageError(IntakeError):
    exit_code = 2


class WrongPassphrase(IntakeError):
    def __init__(self, message: str = "wrong passphrase") -> None:
        super().__init__(message)


class ProfileError(IntakeError):
    pass


class StoreCorrupt(IntakeError):
    pass


class DiskFull(IntakeError):
    """The disk holding the profile is full; the write was not done (SQLite rolled back)."""


class CannotVerify(IntakeError):
    """``check`` could not read the store as committed (e.g. the write-ahead log cannot be
    checkpointed on a full disk): not evidence of damage."""


class NotFound(IntakeError):
    pass


class ConsentRefused(IntakeError):
    """A purpose (referral, advocacy, statistics) the person did not consent to."""


class InvalidState(IntakeError):
    pass


class FormError(IntakeError):
    pass


@dataclass(frozen=True)
class FieldError:
    """One validation problem: where (a path such as ``threats[1].date``) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ValidationFailed(IntakeError):
    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors: tuple[FieldError, ...] = tuple(errors)
        n = len(self.errors)
        head = f"record is not valid ({n} error{'s' if n != 1 else ''})"
        super().__init__(head + ": " + "; ".join(str(e) for e in self.errors))


# Failure classes of a rejected bundle, shared by verify, import and the test corpus.
BUNDLE_ERROR_KINDS = ("header", "signature", "signer", "recipient", "payload", "chain")


class BundleError(IntakeError):
    """A bundle, receipt, keyring or provisioning file that must be refused.

    ``kind`` is one of ``BUNDLE_ERROR_KINDS``:
    header (framing, magic, version, encodings, sizes), signature (missing or
    invalid), signer (unknown or revoked device), recipient (not for this HQ),
    payload (decryption, stream end, content), chain (replay, gap, fork, prev).
    """

    def __init__(self, kind: str, message: str) -> None:
        if kind not in BUNDLE_ERROR_KINDS:
            raise ValueError(f"unknown bundle error kind {kind!r}")
        self.kind = kind
        super().__init__(f"{kind}: {message}")
