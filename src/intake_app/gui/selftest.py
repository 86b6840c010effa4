"""``intake-app --self-test REPORT``: start, show the first screen, describe it, quit.

For packaging checks on a frozen build (``QT_QPA_PLATFORM=offscreen``): writes
REPORT (JSON) and a screenshot beside it (REPORT with ``.png``), then exits 0.
The report says which screen is shown, in which language and direction, and
for each visible label the font families that actually shaped its text (from
the glyph runs, after Qt's font fallback), so a check can tell the bundled
Noto fonts drew the Dari/Pashto/Urdu text rather than some system font.
It reads nothing from the profile but whether it exists, and writes no record data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextLayout
from PySide6.QtWidgets import QLabel, QMainWindow

from intake_app import __version__
from intake_app.gui.i18n import (
    FONTS_DIR,
    TRANSLATIONS_DIR,
    WARNINGS,
    LanguageManager,
    load_fonts,
)


def shaping_families(label: QLabel) -> list[str]:
    """Families of the fonts Qt picked to draw ``label``'s text."""
    layout = QTextLayout(label.text(), label.font())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    return sorted({run.rawFont().familyName() for run in layout.glyphRuns()})


def report(window: QMainWindow, languages: LanguageManager) -> dict[str, Any]:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    stack = getattr(window, "stack", None)
    page = stack.currentWidget() if stack is not None else window.centralWidget()
    if page is None:
        page = window
    labels = [lab for lab in page.findChildren(QLabel) if lab.isVisibleTo(window) and lab.text()]
    rtl = app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return {
        "version": __version__,
        "platform": QGuiApplication.platformName(),
        "screen": page.objectName() or type(page).__name__,
        "language": languages.code,
        "layout_direction": "rtl" if rtl else "ltr",
        "window_title": window.windowTitle(),
        "bundled_fonts": {"dir": str(FONTS_DIR), "families": load_fonts(),
                          "files": sorted(p.name for p in FONTS_DIR.glob("*.ttf"))},
        "translations": sorted(p.name for p in TRANSLATIONS_DIR.glob("*.qm")),
        "warnings": list(WARNINGS),
        "labels": [{"text": lab.text(), "families": shaping_families(lab)} for lab in labels],
    }


def write(window: QMainWindow, languages: LanguageManager, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(path.with_suffix(".png")))
    path.write_text(json.dumps(report(window, languages), ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8")
