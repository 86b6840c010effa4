"""Per-script fonts and sizes (issue 16): each language's bundled font covers its letters,
and Arabic-script text reads at least as large as Latin text in the same window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetricsF, QRawFont
from PySide6.QtWidgets import QApplication, QComboBox

from intake_app.gui import i18n

pytestmark = pytest.mark.gui

PERSIAN = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءآ"
LETTERS = {
    "fa-AF": PERSIAN + "۰۱۲۳۴۵۶۷۸۹",
    # Pashto's own letters: ټ ځ څ ډ ړ ږ ښ ګ ڼ ۍ ې ئ
    "ps": PERSIAN + "ټځڅډړږښګڼۍېئ" + "۰۱۲۳۴۵۶۷۸۹",
    # Urdu's own letters: ٹ ڈ ڑ ں ہ ھ ے ۃ
    "ur": "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیےۃ" + "۰۱۲۳۴۵۶۷۸۹",
}
# Letters with neither ascender nor descender: their height is what reads as "size",
# as the x-height does for Latin.
BODY = "سمه"
LATIN_X = "xnuvz"


def _big(font: QFont) -> QFont:
    """``font`` twenty times larger: whole-pixel rounding would hide a 10 % difference."""
    big = QFont(font)
    big.setPointSizeF(font.pointSizeF() * 20)
    return big


def _ink_height(font: QFont, text: str) -> float:
    return -QFontMetricsF(font).tightBoundingRect(text).top()


@pytest.fixture
def base(qtbot) -> QFont:
    i18n.load_fonts()
    return QFont(QApplication.font())


@pytest.mark.parametrize("code", ["fa-AF", "ps", "ur"])
def test_each_language_font_covers_its_letters(base: QFont, code: str) -> None:
    font = i18n.ui_font(code, base)
    family = i18n.ui_language(code).font
    assert family is not None and font.families()[0] == family
    assert QFontInfo(font).family() == family  # the bundled font itself, not a substitute
    raw = QRawFont.fromFont(QFont(family), QFontDatabase.WritingSystem.Arabic)
    assert raw.isValid() and raw.familyName() == family
    missing = [ch for ch in LETTERS[code] if not raw.supportsCharacter(ord(ch))]
    assert missing == []


@pytest.mark.parametrize("code", ["fa-AF", "ps", "ur"])
def test_arabic_script_reads_at_least_as_large_as_latin(base: QFont, code: str) -> None:
    latin = _big(base)
    script = _big(i18n.ui_font(code, base))
    assert script.pointSizeF() > latin.pointSizeF()
    # The letters' body against the Latin x-height...
    assert _ink_height(script, BODY) >= _ink_height(latin, LATIN_X)
    # ...and the digits the interface writes against Latin digits.
    zero = ord(QLocale(i18n.ui_language(code).qt_locale).zeroDigit())
    digits = "".join(chr(zero + i) for i in range(10))
    assert _ink_height(script, digits) >= _ink_height(latin, "0123456789")


def test_at_the_old_sizes_the_script_fonts_were_smaller(base: QFont) -> None:
    """The measure above can fail: Naskh at the Latin point size is visibly smaller."""
    latin = _big(base)
    naskh = QFont(latin)
    naskh.setFamilies([i18n.NASKH])
    assert _ink_height(naskh, BODY) < 0.9 * _ink_height(latin, LATIN_X)
    assert _ink_height(naskh, "۰۱۲۳۴۵۶۷۸۹") < 0.9 * _ink_height(latin, "0123456789")


def test_language_names_in_their_own_script_size(base: QFont) -> None:
    box = QComboBox()
    i18n.add_language_items(box, ((lang.code, lang.name) for lang in i18n.UI_LANGUAGES))
    fonts = {box.itemData(i): box.itemData(i, Qt.ItemDataRole.FontRole)
             for i in range(box.count())}
    assert fonts["en"].pointSizeF() == base.pointSizeF()
    assert fonts["ur"].families()[0] == i18n.NASTALIQ
    for code in ("fa-AF", "ps"):
        assert fonts[code].families()[0] == i18n.NASKH
        assert fonts[code].pointSizeF() == pytest.approx(
            base.pointSizeF() * i18n.SCRIPT_SCALE[i18n.NASKH])


def test_form_text_in_its_own_script_size_whatever_the_interface(qtbot, data_dir) -> None:
    """A Dari form in an English window: its questions in Naskh at Naskh's size (they were
    drawn with the Latin size, smaller), and back to Latin for the English form."""
    from PySide6.QtWidgets import QLabel

    from tests.test_gui_support import make_profile, open_window, unlock

    make_profile(data_dir)
    window = open_window(qtbot, data_dir, "en")
    unlock(qtbot, window)
    editor = window.workspace.new_record("gui_all_types")
    base = i18n.latin_base_font()
    editor.lang_box.setCurrentIndex(editor.lang_box.findData("fa-AF"))
    qtbot.waitUntil(lambda: editor.lang == "fa-AF", timeout=5_000)
    label = next(w for w in editor.pages.findChildren(QLabel) if "نام کامل" in w.text())
    assert label.font().families()[0] == i18n.NASKH
    assert label.font().pointSizeF() == pytest.approx(
        base.pointSizeF() * i18n.SCRIPT_SCALE[i18n.NASKH])
    editor.lang_box.setCurrentIndex(editor.lang_box.findData("en"))
    qtbot.waitUntil(lambda: editor.lang == "en", timeout=5_000)
    label = next(w for w in editor.pages.findChildren(QLabel) if "Full name" in w.text())
    assert label.font().families()[0] != i18n.NASKH
    assert label.font().pointSizeF() == pytest.approx(base.pointSizeF())
    editor.dirty = False
