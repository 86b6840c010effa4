"""Render screenshots of the main screens, in English and in Dari, offscreen.

    .venv/bin/python docs/make_screenshots.py [--out docs/screenshots] [--langs en fa-AF]

Uses a throw-away profile with fictional sample records (the shipped example
record of ``forms/examples``), a cheap key derivation and Qt's offscreen
platform, so it runs on a machine without a display. Writes
``<lang>-<screen>.png``: unlock, records, editor, errors, export, outbox,
settings, wizard.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("INTAKE_TESTING_FAST_KDF", "1")  # sample data only

REPO = Path(__file__).resolve().parents[1]
SCREENS = ("wizard", "unlock", "records", "editor", "errors", "export", "outbox", "settings")
PASS = "screenshots only passphrase"
SIZE = (1100, 720)


def sample_values() -> dict[str, Any]:
    values: dict[str, Any] = json.loads(
        (REPO / "forms" / "examples" / "hrd_intake.json").read_text(encoding="utf-8"))
    for row in values.get("threats", []):
        row.pop("evidence_file", None)
    return values


def make_profile(data_dir: Path) -> None:
    from intake_app.services.field import FieldService

    svc = FieldService(data_dir)
    svc.create(PASS)
    base = sample_values()
    names = [("مریم احمدی", "Maryam Ahmadi"), ("فرشته کریمی", "Fereshta Karimi"),
             ("احمد ظاهر", "Ahmad Zaher"), ("نرگس رحیمی", "Nargis Rahimi")]
    ids = []
    for native, latin in names * 3:
        ids.append(svc.new_record("hrd_intake", {**base, "name_native": native,
                                                 "name_latin": latin}, "en"))
    for rid in ids[:4]:
        svc.finalize(rid, "en")
    svc.lock()


def spin(app: Any, seconds: float, until: Any = None) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():
            return
        time.sleep(0.01)


def shoot(widget: Any, path: Path) -> None:
    pixmap = widget.grab()
    if not pixmap.save(str(path)):
        raise SystemExit(f"cannot write {path}")
    print(path)


def render(lang: str, out: Path, work: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from intake_app.gui.app import create_window
    from intake_app.gui.i18n import LanguageManager

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    prefix = out / lang

    # First-run wizard, passphrase page.
    window, _ = create_window(work / f"new-{lang}", lang)
    window.resize(*SIZE)
    window.show()
    wiz = window.wizard
    wiz.next()
    wiz.passphrase_page.fields.first.setText("river lamp orange window")
    wiz.passphrase_page.fields.second.setText("river lamp orange window")
    spin(app, 0.2)
    shoot(window, Path(f"{prefix}-wizard.png"))
    window.close()

    data_dir = work / f"profile-{lang}"
    make_profile(data_dir)
    window, _ = create_window(data_dir, lang)
    window.resize(*SIZE)
    window.show()
    spin(app, 0.2)
    shoot(window, Path(f"{prefix}-unlock.png"))

    window.unlock_page.passphrase.setText(PASS)
    window.unlock_page.try_unlock()
    spin(app, 10, lambda: window.workspace is not None)
    ws = window.workspace
    spin(app, 5, lambda: ws.records.model.rowCount() > 0 and not ws.records.model.is_loading)
    spin(app, 0.2)
    shoot(window, Path(f"{prefix}-records.png"))

    ws.open_record(ws.records.model.record_id(len(ws.records.model.summaries()) - 1) or "")
    spin(app, 5, lambda: ws.editor is not None)
    editor = ws.editor
    editor.page_list.setCurrentRow(1)
    spin(app, 0.3)
    shoot(window, Path(f"{prefix}-editor.png"))
    ws.close_editor()

    editor = ws.new_record("hrd_intake")
    widgets = {w.field.name: w for w in editor.field_widgets()}
    widgets["interviewer_code"].set_value("a b")
    widgets["interviewer_code"].touched = True
    editor.finalize()  # shows the required and constraint messages inline
    spin(app, 0.3)
    shoot(window, Path(f"{prefix}-errors.png"))
    editor.dirty = False
    ws.close_editor()

    export = window.open_export()
    export.set_folder(work)
    spin(app, 0.3)
    shoot(export, Path(f"{prefix}-export.png"))
    export.reject()

    ws.tabs.setCurrentWidget(ws.outbox)
    ws.outbox.result.setText("")
    spin(app, 0.3)
    shoot(window, Path(f"{prefix}-outbox.png"))

    settings = window.open_settings()
    spin(app, 0.3)
    shoot(settings, Path(f"{prefix}-settings.png"))
    settings.reject()

    window.close()
    spin(app, 0.2)
    LanguageManager(app).apply("en")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    p.add_argument("--langs", nargs="+", default=["en", "fa-AF"])
    args = p.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    from intake_app.gui import i18n_build

    i18n_build.build()
    from PySide6.QtWidgets import QApplication

    with tempfile.TemporaryDirectory(prefix="intake-shots-") as tmp:
        work = Path(tmp)
        # Keep the screenshot run's Qt settings out of the user's own.
        os.environ["XDG_CONFIG_HOME"] = str(work / "config")
        app = QApplication(sys.argv[:1])
        from PySide6.QtCore import QSettings

        for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(work / "config"))
        args.out.mkdir(parents=True, exist_ok=True)
        for lang in args.langs:
            render(lang, args.out, work)
        del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
