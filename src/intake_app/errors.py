"""The error tree shared by the core, the CLI and the GUI.

Every error a user can cause is an ``IntakeError``. Its ``str()`` is the one
line the CLI prints (``intake: <message>``) and the GUI shows; ``exit_code``
is what the CLI exits with. Anything else escaping the core is a bug.

    IntakeError                      exit 1
    ├── UsageError                   exit 2  (bad arguments, missing files)
    ├── WrongPassphrase              "wrong passphrase"
    ├── ProfileError                 no profile, profile exists, bad header
    ├── StoreCorrupt                 HMAC / integrity failure in the database
    │   ├── DatabaseLoginFailed      a team HQ's PostgreSQL wants (another) password
    │   └── DatabaseUnreachable      a team HQ's PostgreSQL cannot be reached
    ├── DiskFull                     the disk holding the profile has no room
    ├── ObjectStoreError             S3-compatible object storage unreachable or refusing
    ├── CannotVerify                 check could not run to the end (not damage)
    ├── NotFound                     unknown record, form, bundle, device ...
    ├── AccessDenied                 a team HQ's database refused this login (its role)
    ├── InvalidState                 e.g. editing a finalized record
    ├── ConsentRefused               a purpose the person did not consent to
    ├── FormError                    a form definition that cannot be loaded
    │   ├── ExprError                an expression that cannot be parsed or is unsupported
    │   └── CaseworkError            a form's casework declaration is malformed
    ├── ValidationFailed             record values rejected by their form
    │   (SaveFailed wraps any of these: what the GUI stored before the failure)
    ├── SaveFailed                   the editor's save failed part-way
    ├── ExportCancelled              the user cancelled an export (nothing lost)
    ├── BackupError                  key-backup shares that do not restore
    ├── DropboxError                 the drop box answered with an error (client side)
    ├── Unreachable                  no answer from the drop box after retries
    ├── Cancelled                    an upload or fetch stopped on request
    ├── AuthError                    drop box: request not authenticated (401) / allowed (403)
    ├── Problem                      drop box: an HTTP error answer (status, code, detail)
    └── BundleError                  sealed bundle rejected (``kind``: a BundleErrorKind)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


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


class DatabaseLoginFailed(StoreCorrupt):
    """A team HQ's PostgreSQL wants a password for this login that neither a prompt nor
    ``~/.pgpass``, ``PGPASSFILE`` or a service file gave, or refused the one given."""


class DatabaseUnreachable(StoreCorrupt):
    """A team HQ's PostgreSQL server did not answer or refused the connection (host, port,
    network, database name): nothing is wrong with the data, unlike its base class's case."""


class DiskFull(IntakeError):
    """The disk holding the profile is full; the write was not done (SQLite rolled back)."""


class ObjectStoreError(IntakeError):
    """The S3-compatible object storage holding a team HQ's attachments could not be
    reached or refused a request (intake_app.objstore); nothing was committed."""


class CannotVerify(IntakeError):
    """``check`` could not read the store as committed (e.g. the write-ahead log cannot be
    checkpointed on a full disk): not evidence of damage."""


class NotFound(IntakeError):
    pass


class AccessDenied(IntakeError):
    """A team HQ's PostgreSQL refused the statement for this login's role (grants,
    row-level security, the logged-read functions): nothing was changed."""


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


class BundleErrorKind(StrEnum):
    """Failure classes of a rejected bundle, shared by verify, import and the test corpus."""

    HEADER = "header"
    SIGNATURE = "signature"
    SIGNER = "signer"
    RECIPIENT = "recipient"
    PAYLOAD = "payload"
    CHAIN = "chain"


BUNDLE_ERROR_KINDS = tuple(k.value for k in BundleErrorKind)


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
        self.kind = BundleErrorKind(kind)
        super().__init__(f"{self.kind.value}: {message}")


class ExprError(FormError):
    """An expression that cannot be parsed or uses something unsupported."""


class CaseworkError(FormError):
    """A form's casework declaration is malformed."""


class SaveFailed(IntakeError):
    """Saving failed; ``record_id``/``attachments`` say what was stored before the failure."""

    def __init__(self, cause: IntakeError, record_id: str | None,
                 attachments: Mapping[str, Any]) -> None:
        super().__init__(str(cause))
        self.cause = cause
        self.record_id = record_id
        self.attachments = dict(attachments)


class ExportCancelled(IntakeError):
    def __init__(self) -> None:
        super().__init__("export cancelled; nothing was lost (finished volumes are kept)")


class BackupError(IntakeError):
    """Shares that do not restore (too few, mixed sets, mistyped, wrong passphrase)."""


class DropboxError(IntakeError):
    """The drop box answered with an error (``status``, ``code`` as in docs/sync.md)."""

    def __init__(self, status: int, code: str, detail: str,
                 body: dict[str, Any] | None = None) -> None:
        self.status, self.code, self.detail = status, code, detail
        self.body = body or {}
        super().__init__(f"drop box refused ({status} {code}): {detail}")


class Unreachable(IntakeError):
    """No answer from the drop box (network down, proxy down, timeouts) after retries."""


class Cancelled(IntakeError):
    """An upload or fetch stopped because the caller asked it to."""

    def __init__(self) -> None:
        super().__init__("cancelled; nothing was lost (the upload resumes next time)")


class AuthError(IntakeError):
    """A drop box request is not authenticated (401) or not allowed (403)."""

    def __init__(self, message: str, status: int = 401) -> None:
        super().__init__(message)
        self.status = status


class Problem(IntakeError):
    """An HTTP error answer of the drop box: status, a short machine code, one line."""

    def __init__(self, status: int, code: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail, self.extra = status, code, detail, extra
