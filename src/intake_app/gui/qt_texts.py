"""Qt's own button texts (OK, Cancel, Yes, No...) in our translation files.

Qt ships no Pashto or Urdu translation of its own, so message boxes and dialog
buttons said "OK" and "&Yes" in English there (Dari uses Qt's Persian one, which
is searched first). Qt asks for these under its context "QPlatformTheme"; listing
them here keeps them in our ``.ts`` files through ``i18n_build --update``.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # the name lupdate reads
    return text


STANDARD_BUTTONS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
)
