"""Languages: .ts → .qm build, Dari/Pashto/Urdu right-to-left, fonts, English fallback."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from intake_app.gui import i18n, i18n_build
from tests.test_gui_support import open_window

pytestmark = pytest.mark.gui
TS_FILES = sorted(i18n.TRANSLATIONS_DIR.glob("*.ts"))
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%L?n")


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The translations compiled into a private folder the app then reads."""
    out = tmp_path / "translations"
    out.mkdir()
    for ts in TS_FILES:
        shutil.copy(ts, out / ts.name)
    written = i18n_build.build(out)
    assert sorted(p.name for p in written) == [
        "intake_fa_AF.qm", "intake_ps_AF.qm", "intake_ur_PK.qm"]
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", out)
    return out


def test_locale_mapping() -> None:
    assert i18n.ui_language("prs").qt_locale == "fa_AF"  # Qt has no Dari locale
    assert i18n.ui_language("fa-AF").qt_locale == "fa_AF"
    assert i18n.ui_language("ps").qt_locale == "ps_AF"
    assert i18n.ui_language("ur").qt_locale == "ur_PK"
    assert i18n.ui_language("xx").code == "en"
    for code in ("fa-AF", "ps", "ur"):
        assert i18n.is_rtl(code)
    assert not i18n.is_rtl("en")
    assert QLocale("prs").textDirection() == Qt.LayoutDirection.LeftToRight  # why we map
    assert i18n.form_language(["en", "fa-AF", "ps", "ur"], "ps", "en") == "ps"
    assert i18n.form_language(["en", "fa"], "fa-AF", "en") == "fa"
    assert i18n.form_language(["en"], "ur", "en") == "en"


@pytest.mark.parametrize(("code", "word"), [("fa-AF", "قفل"), ("ps", "قلف"), ("ur", "لاک")])
def test_rtl_languages_translate_and_mirror(qtbot, built: Path, code: str, word: str) -> None:
    app = QApplication.instance()
    mgr = i18n.LanguageManager(app)
    try:
        assert mgr.apply(code) is True
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        # With the English Alt+ key, as every translated mnemonic (issue 16).
        assert QCoreApplication.translate("MainWindow", "&Lock") == f"{word} (&L)"
        family = app.font().families()[0]
        assert family == (i18n.NASTALIQ if code == "ur" else i18n.NASKH)
    finally:
        mgr.apply("en")
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("MainWindow", "&Lock") == "&Lock"


def test_missing_qm_starts_in_english(qtbot, tmp_path: Path, profile: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "none"
    empty.mkdir()
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", empty)
    window = open_window(qtbot, profile, "fa-AF")
    try:
        assert window.unlock_page.title.text() == "Intake is locked"
        # English text is laid out left to right (issue 16: never a mirrored English window).
        assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert window.languages.code == "en"
        assert window.stack.currentWidget() is window.unlock_page
        # Never silent English: a warning on stderr and on screen names the missing file.
        assert "intake_fa_AF.qm" in capsys.readouterr().err
        boxes = [b for b in i18n._open_boxes if b.isVisible()]
        assert boxes and "intake_fa_AF.qm" in boxes[-1].text()
    finally:
        window.languages.apply("en")
        for box in list(i18n._open_boxes):
            box.close()


def test_missing_font_is_a_warning(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(i18n, "FONTS_DIR", tmp_path)
    monkeypatch.setattr(i18n, "_loaded_families", [])
    i18n.load_fonts()
    assert "Noto Nastaliq Urdu" in capsys.readouterr().err
    assert any("Noto Naskh Arabic" in w for w in i18n.WARNINGS)
    for box in list(i18n._open_boxes):
        box.close()


def test_dari_window_is_right_to_left_and_translated(qtbot, built: Path, profile: Path) -> None:
    window = open_window(qtbot, profile, "fa-AF")
    try:
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.unlock_page.title.text() == "برنامه قفل است"
        assert window.unlock_page.button.text() == "باز کردن قفل (&U)"
    finally:
        window.languages.apply("en")


def test_bundled_fonts_load(qtbot) -> None:
    families = i18n.load_fonts()
    assert i18n.NASKH in families and i18n.NASTALIQ in families
    assert i18n.NASKH in QFontDatabase.families()
    files = list(i18n.FONTS_DIR.iterdir())
    assert (i18n.FONTS_DIR / "OFL.txt").read_text().count("SIL Open Font License") >= 1
    assert sum(f.stat().st_size for f in files) < 3 * 1024 * 1024


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_every_message_translated_with_placeholders_kept(ts: Path) -> None:
    root = ET.parse(ts).getroot()
    assert root.get("language") in ("fa_AF", "ps_AF", "ur_PK")
    count = 0
    for msg in root.iter("message"):
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        assert tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete")
        texts = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
        for text in texts:
            assert text.strip(), src
            want = sorted(p.replace("%Ln", "%n") for p in PLACEHOLDER.findall(src))
            got = sorted(p.replace("%Ln", "%n") for p in PLACEHOLDER.findall(text))
            assert want == got, (src, text)
        count += 1
    assert count > 150


def test_ts_sources_are_up_to_date(tmp_path: Path) -> None:
    """Every string the code marks for translation is in the .ts files."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in Path(i18n.__file__).parent.rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)

    def keys(path: Path) -> set[tuple[str, str]]:
        return {(c.findtext("name") or "", m.findtext("source") or "")
                for c in ET.parse(path).getroot().iter("context") for m in c.iter("message")}

    wanted = keys(fresh)
    for ts in TS_FILES:
        assert wanted - keys(ts) == set(), f"run i18n_build --update: {ts.name} is stale"
