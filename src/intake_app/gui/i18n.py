"""UI languages, right-to-left layout, bundled fonts and the few saved preferences.

Dari has no Qt locale of its own (``QLocale("prs")`` falls back to C, left to
right), so it maps to ``fa_AF``. The layout direction is set explicitly from
the locale, never from a translated ``QT_LAYOUT_DIRECTION`` entry.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QWidget

from intake_app.forms.i18n import LANGUAGE_NAMES
from intake_app.gui.style import app_style_sheet, install_keyboard_aids
from intake_app.resources import package_path

FONTS_DIR = package_path("intake_app.gui", "fonts")
TRANSLATIONS_DIR = package_path("intake_app.gui", "translations")

NASKH = "Noto Naskh Arabic"
NASTALIQ = "Noto Nastaliq Urdu"


@dataclass(frozen=True)
class UiLanguage:
    code: str  # the forms layer's code: en, fa-AF, ps, ur
    qt_locale: str  # what Qt understands
    name: str  # in the language itself
    font: str | None  # preferred bundled family for the UI


UI_LANGUAGES: tuple[UiLanguage, ...] = (
    UiLanguage("en", "en_US", LANGUAGE_NAMES["en"], None),
    UiLanguage("fa-AF", "fa_AF", LANGUAGE_NAMES["fa-AF"], NASKH),
    UiLanguage("ps", "ps_AF", LANGUAGE_NAMES["ps"], NASKH),
    UiLanguage("ur", "ur_PK", LANGUAGE_NAMES["ur"], NASTALIQ),
)
_BY_CODE = {lang.code: lang for lang in UI_LANGUAGES}
_ALIASES = {"prs": "fa-AF", "fa_AF": "fa-AF", "fa": "fa-AF", "dari": "fa-AF", "ps_AF": "ps",
            "pashto": "ps", "ur_PK": "ur", "urdu": "ur", "english": "en", "en_US": "en"}


def ui_language(code: str | None) -> UiLanguage:
    """The UI language for a code or alias; English for anything unknown."""
    if code is None:
        return _BY_CODE["en"]
    code = _ALIASES.get(code, _ALIASES.get(code.lower(), code))
    return _BY_CODE.get(code, _BY_CODE["en"])


def qlocale(code: str) -> QLocale:
    return QLocale(ui_language(code).qt_locale)


def is_rtl(code: str) -> bool:
    return qlocale(code).textDirection() == Qt.LayoutDirection.RightToLeft


def local_digits(text: str, locale: QLocale | None = None) -> str:
    """ASCII digits in ``text`` as the locale writes them (Dari, Pashto: ۰–۹); the rest kept."""
    loc = locale or QLocale()
    zero = loc.zeroDigit()
    if zero == "0" or not text:
        return text
    base = ord(zero)
    return "".join(chr(base + ord(c) - 48) if "0" <= c <= "9" else c for c in text)


def uses_solar_hijri(locale: QLocale | None = None) -> bool:
    """Dari and Pashto interfaces offer the Solar Hijri calendar (the one Afghans use)."""
    lang = (locale or QLocale()).language()
    return lang in (QLocale.Language.Persian, QLocale.Language.Pashto)


def form_language(form_langs: list[str], ui_code: str, default: str) -> str:
    """The form language matching the UI language, else the form's default."""
    if ui_code in form_langs:
        return ui_code
    base = ui_code.split("-")[0]
    for code in form_langs:
        if code.split("-")[0] == base:
            return code
    return default


# ---------------------------------------------------------------- fonts

_loaded_families: list[str] = []


def load_fonts() -> list[str]:
    """Register the bundled fonts once per process; returns their families.

    A missing font is a visible warning: Dari, Pashto and Urdu would otherwise be
    drawn in whatever the system has (often boxes), silently.
    """
    if _loaded_families:
        return list(_loaded_families)
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            for fam in QFontDatabase.applicationFontFamilies(font_id):
                if fam not in _loaded_families:
                    _loaded_families.append(fam)
    missing = [fam for fam in (NASKH, NASTALIQ) if fam not in _loaded_families]
    if missing:
        warn(f"bundled font(s) missing from {FONTS_DIR}: {', '.join(missing)}; "
             "Arabic-script text may not display correctly")
    return list(_loaded_families)


# ---------------------------------------------------------------- warnings

# Every warning shown in this process (the self-test report lists them).
WARNINGS: list[str] = []
_open_boxes: list[QMessageBox] = []


def warn(message: str) -> None:
    """A broken install is said out loud: stderr and a non-modal message box."""
    WARNINGS.append(message)
    print(f"intake-app: warning: {message}", file=sys.stderr)
    if QApplication.instance() is None:
        return
    box = QMessageBox(QMessageBox.Icon.Warning, "Intake", message)
    box.setModal(False)
    box.finished.connect(lambda _r, b=box: _open_boxes.remove(b) if b in _open_boxes else None)
    _open_boxes.append(box)
    box.show()


# Arabic-script letters are drawn smaller than Latin ones at the same point size: Naskh's
# letter body (the height of "سمه") is 0.76 of the Latin x-height and its digits 0.79 of
# the Latin ones; Nastaliq's digits 0.94. Each script font gets the point size at which
# both are at least as large as Latin (tests/test_gui_fonts.py measures it).
SCRIPT_SCALE = {NASKH: 1.35, NASTALIQ: 1.25}


def script_font(code: str, base: QFont) -> QFont:
    """``base`` for text in language ``code``: its bundled script font, at its own size."""
    lang = ui_language(code)
    font = QFont(base)
    families = [f for f in base.families() or [base.family()] if f not in (NASKH, NASTALIQ)]
    if lang.font is not None:
        font.setFamilies([lang.font, *families])
        size = base.pointSizeF() if base.pointSizeF() > 0 else 9.0
        font.setPointSizeF(size * SCRIPT_SCALE[lang.font])
    return font


def latin_base_font() -> QFont:
    """The application's font before any script font was applied."""
    app = QApplication.instance()
    return QFont(_base_fonts.get(id(app), QApplication.font())) if app is not None else QFont()


def set_text_language(widget: QWidget, code: str, direction: Qt.LayoutDirection) -> None:
    """``widget`` shows text in language ``code`` (a form's, whatever the interface's): its
    direction and its script's font and size, so a Dari form in an English window reads
    as large as in a Dari one, and an English form in a Dari window at the English size."""
    widget.setLayoutDirection(direction)
    font = script_font(code, latin_base_font())
    if ui_language(code).font is None:
        font.setFamilies([*font.families(), NASKH])  # Arabic-script answers still shaped
    widget.setFont(font)


def add_language_items(box: QComboBox, languages: Iterable[tuple[str, str]]) -> None:
    """(code, name) items, each name in its own script's font and size: in an English
    window "اردو" reads as large as "English", and in an Urdu one "English" as "اردو"."""
    base = latin_base_font()
    for code, name in languages:
        box.addItem(name, code)
        box.setItemData(box.count() - 1, script_font(code, base), Qt.ItemDataRole.FontRole)


def ui_font(code: str, base: QFont) -> QFont:
    """The application font for ``code``: the bundled script font first, then ``base``."""
    lang = ui_language(code)
    font = script_font(code, base)
    families = [f for f in base.families() or [base.family()] if f not in (NASKH, NASTALIQ)]
    if lang.font is None:
        # Latin UI: Arabic-script content still renders with the bundled Naskh.
        font.setFamilies([*families, NASKH])
    return font


# ---------------------------------------------------------------- mnemonics

_MNEMONIC = re.compile(r"&([^&\s])")
_TAIL = re.compile(r"[\s:：…؟?]*$")


def mnemonic_key(text: str) -> str | None:
    """The Alt+ key a label's "&" marks ("&New record" -> "N"), None if it has none."""
    m = _MNEMONIC.search(text.replace("&&", "\0\0"))
    return m.group(1).upper() if m else None


def with_mnemonic(source: str, text: str) -> str:
    """``text`` (a translation of ``source``) with the source's Alt+ key if it has none.

    Dari, Pashto and Urdu translations name no key of their own, and an Arabic letter
    would need that keyboard layout: they get the English key in parentheses, before a
    trailing colon or ellipsis, as Qt's own translations into non-Latin scripts do
    ("تنظیمات (&S)…"). Keys then never clash where the English ones do not.
    """
    key = mnemonic_key(source)
    if key is None or not text or mnemonic_key(text) is not None:
        return text
    m = _TAIL.search(text)
    cut = m.start() if m else len(text)
    return f"{text[:cut]} (&{key}){text[cut:]}"


class MnemonicTranslator(QTranslator):
    """Our translations, each with the Alt+ key of its English source (``with_mnemonic``)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        text = super().translate(context, source, disambiguation, n)
        if not text:
            # Not ours: Qt asks the next translator only on a *null* string, which
            # Python's "" is not (it would blank Qt's own "OK", "Cancel").
            return None  # type: ignore[return-value]
        return with_mnemonic(source, text) if "&" in source else text


# ---------------------------------------------------------------- language switching


# Translators installed by any LanguageManager: switching language removes them all.
_installed: list[QTranslator] = []
_base_fonts: dict[int, QFont] = {}


class LanguageManager:
    """Installs the translators and layout direction for one UI language."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.code = "en"
        self._translators = _installed
        # The font before any script font was applied (kept per application).
        self._base_font = _base_fonts.setdefault(id(app), QFont(app.font()))

    def apply(self, code: str) -> bool:
        """Switch the UI language; False if its ``.qm`` is missing (English shown)."""
        lang = ui_language(code)
        for tr in self._translators:
            self.app.removeTranslator(tr)
        self._translators.clear()
        found = True
        if lang.code != "en":
            ours = MnemonicTranslator()
            qm = TRANSLATIONS_DIR / f"intake_{lang.qt_locale}.qm"
            if qm.exists() and ours.load(str(qm)):
                self.app.installTranslator(ours)
                self._translators.append(ours)
            else:
                found = False
                warn(f"the {lang.name} translation is missing ({qm.name} not in "
                     f"{TRANSLATIONS_DIR}); the interface stays in English")
            qt_base = QTranslator()
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_base.load(QLocale(lang.qt_locale), "qtbase", "_", qt_dir):
                self.app.installTranslator(qt_base)
                self._translators.append(qt_base)
        # Direction, locale, font and ``code`` follow the language actually shown: with
        # its translation missing that is English, left to right (never a mirrored
        # English window, nor a language box naming a language the window is not in).
        shown = lang if found else _BY_CODE["en"]
        locale = QLocale(shown.qt_locale)
        QLocale.setDefault(locale)
        self.app.setLayoutDirection(locale.textDirection())
        font = ui_font(shown.code, self._base_font)
        self.app.setFont(font)
        sheet = app_style_sheet(font, shown.font == NASTALIQ)
        if self.app.styleSheet() != sheet:  # a new sheet re-polishes every widget
            self.app.setStyleSheet(sheet)
        install_keyboard_aids(self.app)
        self.code = shown.code
        return found


def ltr(text: str) -> str:
    """Isolate left-to-right text (paths, sizes, fingerprints) inside translated sentences,
    so a Dari, Pashto or Urdu sentence does not scramble it (Unicode LRI ... PDI)."""
    return f"\u2066{text}\u2069"


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# ---------------------------------------------------------------- preferences

# QSettings holds the UI language and window geometry only: never record
# content, names, file paths or anything else about the people interviewed.
_ORG = "intake_app"
_APP = "intake-app"
# Each mode (field, HQ, auditor) keeps its own language; "language" is the field's, and
# the one the others start in until they have their own.
MODES = ("field", "hq", "auditor")
ALLOWED_KEYS = frozenset({"language", "language_hq", "language_auditor", "geometry"})


def preferences() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, _ORG, _APP)


def _language_key(mode: str) -> str:
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    return "language" if mode == "field" else f"language_{mode}"


def saved_language(mode: str = "field") -> str | None:
    """The UI language saved for ``mode``; the field one while a mode has none of its own."""
    s = preferences()
    value = s.value(_language_key(mode)) or s.value("language")
    return str(value) if value else None


def save_language(code: str, mode: str = "field") -> None:
    s = preferences()
    s.setValue(_language_key(mode), ui_language(code).code)
    s.sync()


def saved_geometry() -> QByteArray | None:
    value = preferences().value("geometry")
    return value if isinstance(value, QByteArray) else None


def save_geometry(data: QByteArray) -> None:
    s = preferences()
    s.setValue("geometry", data)
    s.sync()


def forget_file_dialog_history() -> None:
    """Qt's own file dialog saves visited folders under "QtProject/FileDialog"; drop them."""
    s = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    s.remove("FileDialog")
    s.sync()
