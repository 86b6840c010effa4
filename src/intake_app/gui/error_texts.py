"""The interface's sentence for each kind of core error (``errors.py``'s tree).

The core's messages are English lines made for the command line (names, paths,
counts). In Dari, Pashto and Urdu the window says what happened in the
interface language instead, from the translation files; in English it keeps the
core's more precise line. Every ``IntakeError`` subclass has a sentence here, or
its nearest base class's (tests/test_gui_error_texts.py walks the tree).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from intake_app import errors as E
from intake_app.gui.i18n import local_digits


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # the name lupdate reads
    """Marks ``text`` for the translation files; it is translated when shown."""
    return text


# Most specific first: the first class an error is an instance of gives its sentence.
# ValidationFailed, SaveFailed, BundleError, DropboxError and Problem are worded below.
TEXTS: tuple[tuple[type[E.IntakeError], str], ...] = (
    (E.WrongPassphrase, QT_TRANSLATE_NOOP(
        "Errors", "Wrong passphrase.")),
    (E.UsageError, QT_TRANSLATE_NOOP(
        "Errors", "This file or value cannot be used here.")),
    (E.ProfileError, QT_TRANSLATE_NOOP(
        "Errors", "The profile cannot be opened or created in this folder.")),
    (E.DatabaseLoginFailed, QT_TRANSLATE_NOOP(
        "Errors", "The team database needs your database password, or did not accept "
                  "it.")),
    (E.DatabaseUnreachable, QT_TRANSLATE_NOOP(
        "Errors", "The team database cannot be reached; check the network and the server "
                  "address, then try again.")),
    (E.StoreCorrupt, QT_TRANSLATE_NOOP(
        "Errors", "The encrypted store failed its integrity check; do not write to it and "
                  "ask for help.")),
    (E.DiskFull, QT_TRANSLATE_NOOP(
        "Errors", "The disk is full; nothing was written. Free some space and try again.")),
    (E.ObjectStoreError, QT_TRANSLATE_NOOP(
        "Errors", "The attachment storage could not be reached or refused the request; "
                  "nothing was saved.")),
    (E.CannotVerify, QT_TRANSLATE_NOOP(
        "Errors", "The check could not run to the end; this is not a sign of damage.")),
    (E.NotFound, QT_TRANSLATE_NOOP(
        "Errors", "It no longer exists (the record, form, file or device was not found).")),
    (E.InvalidState, QT_TRANSLATE_NOOP(
        "Errors", "This cannot be done in the record's current state.")),
    (E.AccessDenied, QT_TRANSLATE_NOOP(
        "Errors", "The team database does not allow this for your role; nothing was "
                  "changed.")),
    (E.ConsentRefused, QT_TRANSLATE_NOOP(
        "Errors", "The person did not consent to this.")),
    (E.ExprError, QT_TRANSLATE_NOOP(
        "Errors", "An expression in the form cannot be read.")),
    (E.CaseworkError, QT_TRANSLATE_NOOP(
        "Errors", "The form's casework settings are not valid.")),
    (E.FormError, QT_TRANSLATE_NOOP(
        "Errors", "The form cannot be loaded.")),
    (E.ValidationFailed, ""),
    (E.SaveFailed, ""),
    (E.ExportCancelled, QT_TRANSLATE_NOOP(
        "Errors", "Export cancelled; nothing was lost (finished volumes are kept).")),
    (E.BackupError, QT_TRANSLATE_NOOP(
        "Errors", "These backup shares do not restore the keys (too few, from different "
                  "sets, or mistyped).")),
    (E.AuthError, QT_TRANSLATE_NOOP(
        "Errors", "The drop box did not accept this computer's credentials.")),
    (E.DropboxError, ""),
    (E.Problem, ""),
    (E.Unreachable, QT_TRANSLATE_NOOP(
        "Errors", "No answer from the drop box; check the network and try again.")),
    (E.Cancelled, QT_TRANSLATE_NOOP(
        "Errors", "Cancelled; nothing was lost (the upload resumes next time).")),
    (E.BundleError, ""),
    (E.IntakeError, QT_TRANSLATE_NOOP(
        "Errors", "This could not be done.")),
)

# A bundle, receipt, keyring or provisioning file refused, by what is wrong with it.
BUNDLE_TEXTS: dict[E.BundleErrorKind, str] = {
    E.BundleErrorKind.HEADER: QT_TRANSLATE_NOOP(
        "Errors", "The file is damaged or not of the expected kind; nothing was changed."),
    E.BundleErrorKind.SIGNATURE: QT_TRANSLATE_NOOP(
        "Errors", "The file's signature is missing or not valid; nothing was changed."),
    E.BundleErrorKind.SIGNER: QT_TRANSLATE_NOOP(
        "Errors", "The file was signed by an unknown or revoked device; nothing was changed."),
    E.BundleErrorKind.RECIPIENT: QT_TRANSLATE_NOOP(
        "Errors", "The file is meant for another HQ; nothing was changed."),
    E.BundleErrorKind.PAYLOAD: QT_TRANSLATE_NOOP(
        "Errors", "The file's content cannot be decrypted or is damaged; nothing was changed."),
    E.BundleErrorKind.CHAIN: QT_TRANSLATE_NOOP(
        "Errors", "The bundle is out of sequence (repeated, missing or forked); nothing was "
                  "changed."),
}


def kind_text(exc: E.IntakeError) -> str:
    """The interface-language sentence for ``exc``'s kind."""
    if isinstance(exc, E.SaveFailed):
        return kind_text(exc.cause)
    if isinstance(exc, E.ValidationFailed):
        return QCoreApplication.translate(
            "Errors", "%n answer(s) are not valid; nothing was saved.", "", len(exc.errors))
    if isinstance(exc, E.BundleError):
        return QCoreApplication.translate("Errors", BUNDLE_TEXTS[exc.kind])
    if isinstance(exc, E.DropboxError | E.Problem):
        return QCoreApplication.translate(
            "Errors", "The drop box refused the request (error {status}).").format(
            status=local_digits(str(exc.status)))
    text = next(text for cls, text in TEXTS if isinstance(exc, cls))
    return QCoreApplication.translate("Errors", text)


def intake_error_text(exc: E.IntakeError) -> str:
    """English: the core's own line (names what failed); other languages: ``kind_text``."""
    if QLocale().language() in (QLocale.Language.English, QLocale.Language.C):
        return str(exc)
    return kind_text(exc)


def bundle_reason_text(kind: str, reason: str) -> str:
    """A refused bundle's reason for a table cell (import desk, auditor): as
    ``intake_error_text``, the core's precise line in English and the kind's sentence in
    the other interface languages; callers keep the core's line in the cell's tooltip."""
    if (not reason or kind not in E.BUNDLE_ERROR_KINDS
            or QLocale().language() in (QLocale.Language.English, QLocale.Language.C)):
        return reason
    return QCoreApplication.translate("Errors", BUNDLE_TEXTS[E.BundleErrorKind(kind)])
