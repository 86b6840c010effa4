"""Render screenshots of the main screens, in English, Dari, Pashto and Urdu, offscreen.

    .venv/bin/python docs/make_screenshots.py [--out docs/screenshots] [--langs en fa-AF ps ur]

Uses a throw-away profile with fictional sample records (the shipped example
record of ``forms/examples``), a cheap key derivation and Qt's offscreen
platform, so it runs on a machine without a display. Writes
``<lang>-<screen>.png``: unlock, records, editor, date-picker, errors, export, outbox,
settings (and settings-protection, settings-sending: its other tabs), wizard;
and for HQ and the auditor (real bundles from an enrolled sample laptop, one
of them damaged on purpose): hq-unlock, hq-import, hq-devices, hq-records,
hq-receipts, hq-export, auditor, hq-wizard (HQ's first run, its keys page); and the HQ
case desk (``--only cases`` renders just these): hq-cases, hq-case, hq-duplicates,
hq-dashboard. ``--only field`` renders the field app's screens and hq-wizard, ``--only hq``
the HQ screens and the auditor's.
All at 1366x768, the laptop screen the interviews were tried on (issue 16).
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
os.environ.setdefault("PYTEST_CURRENT_TEST", "screenshots")  # the fast KDF is test-only

REPO = Path(__file__).resolve().parents[1]
SCREENS = ("wizard", "unlock", "records", "editor", "date-picker", "errors", "review", "export",
           "outbox", "settings", "settings-protection", "settings-sending")
HQ_SCREENS = ("hq-unlock", "hq-import", "hq-devices", "hq-records", "hq-receipts", "hq-export",
              "auditor", "hq-wizard")
CASE_SCREENS = ("hq-cases", "hq-case", "hq-duplicates", "hq-dashboard")
PASS = "screenshots only passphrase"
SIZE = (1366, 768)


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
    from PySide6.QtCore import QDate
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
    # The date picker (Solar Hijri in Dari and Pashto), beside the date it stores.
    date = next(w for w in editor.field_widgets() if w.field.type == "date")
    date.set_value("2024-03-20")
    picker = date.ensure_picker()
    picker.calendar.setSelectedDate(QDate(2024, 3, 20))
    picker.adjustSize()
    picker.show()
    spin(app, 0.3)
    shoot(picker, Path(f"{prefix}-date-picker.png"))
    picker.hide()
    ws.close_editor()

    editor = ws.new_record("hrd_intake")
    widgets = {w.field.name: w for w in editor.field_widgets()}
    widgets["interviewer_code"].set_value("a b")
    widgets["interviewer_code"].touched = True
    editor.finalize()  # shows the required and constraint messages inline
    spin(app, 0.3)
    shoot(window, Path(f"{prefix}-errors.png"))
    editor.show_review()  # every answer on one page, errors marked, links back
    spin(app, 0.3)
    shoot(window, Path(f"{prefix}-review.png"))
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
    for tab, name in ((settings.protection, "settings-protection"),
                      (settings.sending, "settings-sending")):
        settings.tabs.setCurrentWidget(tab)
        spin(app, 0.3)
        shoot(settings, Path(f"{prefix}-{name}.png"))
    settings.reject()

    window.close()
    spin(app, 0.2)
    LanguageManager(app).apply("en")


def tiny_png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\x2a\x6f\xb5" * 8 for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def make_hq_data(root: Path) -> tuple[Path, Path, Path]:
    """An HQ profile, an enrolled sample laptop's bundles on a "stick" (plus a damaged
    copy), and HQ's public keyring: (hq dir, stick folder, keyring file)."""
    import io

    from intake_app.services.field import FieldService
    from intake_app.services.hq import HQService

    hq = HQService(root / "hq")
    hq.init_hq(PASS, "Example Org")
    field = FieldService(root / "field")
    field.create(PASS)
    _info, card = field.enroll(hq.provisioning(), hq.fingerprint(), label="Peshawar laptop 1")
    hq.enroll_device(card)
    base = sample_values()
    stick = root / "stick"
    stick.mkdir()
    for native, latin in (("مریم احمدی", "Maryam Ahmadi"), ("احمد ظاهر", "Ahmad Zaher")):
        rid = field.new_record("hrd_intake", {**base, "name_native": native,
                                              "name_latin": latin}, "en")
        field.attach(rid, io.BytesIO(tiny_png()), "document-photo.png", "image/png")
        field.finalize(rid, "en")
        field.export(stick)
    first = sorted(stick.glob("*.intake"))[0]
    data = bytearray(first.read_bytes())
    data[len(data) // 2] ^= 0xFF
    (stick / ("damaged-" + first.name)).write_bytes(bytes(data))
    keyring = root / "keyring.sig"
    keyring.write_bytes(hq.keyring_bytes())
    hq.lock()
    field.lock()
    return root / "hq", stick, keyring


def render_hq(lang: str, out: Path, work: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from intake_app.gui.app import create_window
    from intake_app.gui.i18n import LanguageManager

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    prefix = out / lang
    hq_dir, stick, keyring = make_hq_data(work / f"hq-{lang}")
    window, _ = create_window(hq_dir, lang, "hq")
    window.resize(*SIZE)
    window.show()
    spin(app, 0.2)
    shoot(window, Path(f"{prefix}-hq-unlock.png"))

    window.unlock_page.passphrase.setText(PASS)
    window.unlock_page.try_unlock()
    spin(app, 10, lambda: window.workspace is not None)
    ws = window.workspace
    ws.import_desk.import_folder(stick)
    spin(app, 20, lambda: not ws.import_desk.busy and not window.session.runner.busy)
    spin(app, 0.3)
    shoot(window, Path(f"{prefix}-hq-import.png"))

    ws.setCurrentWidget(ws.devices)
    spin(app, 0.3)
    shoot(window, Path(f"{prefix}-hq-devices.png"))

    ws.setCurrentWidget(ws.records)
    model = ws.records.records.model
    spin(app, 5, lambda: model.rowCount() > 0 and not model.is_loading)
    ws.records.open_record(model.record_id(0) or "")
    spin(app, 5, lambda: ws.records.view.detail is not None)
    ws.records.records.table.selectRow(0)
    spin(app, 0.3)
    shoot(window, Path(f"{prefix}-hq-records.png"))

    ws.setCurrentWidget(ws.receipts)
    spin(app, 0.3)
    shoot(window, Path(f"{prefix}-hq-receipts.png"))

    export = window.open_export()
    export.out.setText(str(work / "records.xlsx"))
    export.format_box.setCurrentIndex(export.format_box.findData("xlsx"))
    spin(app, 0.3)
    shoot(export, Path(f"{prefix}-hq-export.png"))
    export.reject()
    window.close()
    spin(app, 0.2)

    auditor, _ = create_window(work, lang, "auditor")
    auditor.resize(*SIZE)
    auditor.show()
    auditor.open_keyring(keyring)
    auditor.add_paths([stick])
    spin(app, 10, lambda: auditor.result is not None and not auditor.busy)
    spin(app, 0.3)
    shoot(auditor, Path(f"{prefix}-auditor.png"))
    auditor.close()
    spin(app, 0.2)
    LanguageManager(app).apply("en")


def render_hq_wizard(lang: str, out: Path, work: Path) -> None:
    """HQ's first-run wizard on a fresh profile: its keys page, fingerprint shown."""
    from PySide6.QtWidgets import QApplication

    from intake_app.gui.app import create_window
    from intake_app.gui.i18n import LanguageManager

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window, _ = create_window(work / f"new-hq-wizard-{lang}", lang, "hq")
    window.resize(*SIZE)
    window.show()
    wiz = window.setup_wizard
    wiz.profile_page.org.setText("Example Org")
    wiz.profile_page.fields.first.setText("river lamp orange window")
    wiz.profile_page.fields.second.setText("river lamp orange window")
    wiz.next()
    spin(app, 30, lambda: wiz.keys_page.done and not window.session.runner.busy)
    spin(app, 0.3)
    shoot(window, Path(f"{out / lang}-hq-wizard.png"))
    window.close()
    spin(app, 0.2)
    LanguageManager(app).apply("en")


def render_database(lang: str, out: Path, work: Path) -> None:
    """The first-run wizard's team database dialog (filled in; no server is contacted)."""
    from PySide6.QtWidgets import QApplication

    from intake_app.gui.app import create_window

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window, _ = create_window(work / f"new-hq-{lang}", lang, "hq")
    window.resize(*SIZE)
    window.show()
    page = window.setup_wizard.profile_page
    dlg = page.choose_database()
    dlg.host.setText("db.example.org")
    dlg.dbname.setText("intake_hq")
    dlg.user.setText("hq_importer")
    dlg.password.setText("not a real password")
    spin(app, 0.3)
    shoot(dlg, out / f"{lang}-hq-database.png")
    dlg.reject()
    window.close()
    spin(app, 0.2)


def make_case_data(root: Path) -> Path:
    """An HQ profile that received six interviews from one laptop: five people, one of
    them interviewed twice under two spellings, one without consent to referral."""
    from intake_app.services.field import FieldService
    from intake_app.services.hq import HQService

    hq = HQService(root / "hq")
    hq.init_hq(PASS, "Example Org")
    field = FieldService(root / "field")
    field.create(PASS)
    _info, card = field.enroll(hq.provisioning(), hq.fingerprint(), label="Peshawar laptop 1")
    hq.enroll_device(card)
    base = sample_values()
    people: list[dict[str, Any]] = [
        {"name_native": "مریم احمدی", "name_latin": "Maryam Ahmadi"},
        {"name_native": "مریم احمدی", "name_latin": "Mariam Ahmady"},
        {"name_native": "احمد ظاهر", "name_latin": "Ahmad Zaher", "province_of_origin": "kabul",
         "birth_date": "1979", "contact_detail": "+92 311 0000001", "risk_level": "medium",
         "consent_refer_partners": False, "needs": ["legal_aid", "medical"],
         "urgency_medical": "priority"},
        {"name_native": "فرشته کریمی", "name_latin": "Fereshta Karimi", "birth_date": "1995",
         "province_of_origin": "balkh", "contact_detail": "+92 311 0000002",
         "risk_level": "low", "needs": ["shelter"], "urgency_shelter": "priority",
         "document_expiry": "2026-12-20"},
        {"name_native": "نرگس رحیمی", "name_latin": "Nargis Rahimi", "birth_date": "1988",
         "province_of_origin": "kabul", "contact_detail": "+92 311 0000003",
         "needs": ["relocation", "psychosocial"]},
        {"name_native": "زلمی وردک", "name_latin": "Zalmai Wardak", "birth_date": "1983",
         "province_of_origin": "wardak", "contact_detail": "+92 311 0000004", "gender": "man",
         "risk_level": "low", "needs": ["legal_aid"]},
    ]
    stick = root / "stick"
    stick.mkdir()
    for person in people:
        rid = field.new_record("hrd_intake", {**base, **person}, "en")
        field.finalize(rid, "en")
    field.export(stick)
    for bundle in sorted(stick.glob("*.intake")):
        hq.import_bundle(bundle)
    hq.lock()
    field.lock()
    return root / "hq"


def render_cases(lang: str, out: Path, work: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from intake_app.gui.app import create_window
    from intake_app.gui.i18n import LanguageManager

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    prefix = out / lang
    window, _ = create_window(make_case_data(work / f"cases-{lang}"), lang, "hq")
    window.resize(*SIZE)
    window.show()
    window.unlock_page.passphrase.setText(PASS)
    window.unlock_page.try_unlock()
    spin(app, 10, lambda: window.workspace is not None)
    ws = window.workspace
    desk = ws.cases
    spin(app, 10, lambda: desk.vocab is not None and len(desk.queues.cases) > 0)
    desk.me.setText("amina")
    ws.setCurrentWidget(desk)
    desk.queues.select_queue("priority")
    spin(app, 5, lambda: not desk.queues.loading and not window.session.runner.busy)
    view = desk.case
    svc = window.session.hq
    first = desk.queues.cases[0].id
    svc.triage(first, actor="amina", reason="imminent risk: threats to the family",
               assignee="amina")
    svc.add_note(first, "Called back on Signal; safe for tonight.", actor="amina")
    svc.add_follow_up(first, "2026-12-10", "Check PoR card renewal", actor="amina")
    desk.queues.refresh()
    spin(app, 5, lambda: not desk.queues.loading and not window.session.runner.busy)
    view.load(first)
    spin(app, 5, lambda: view.detail is not None and not view.busy)
    view.tabs.setCurrentIndex(1)  # follow-ups
    spin(app, 0.3)
    shoot(window, Path(f"{prefix}-hq-cases.png"))

    view.tabs.setCurrentIndex(4)  # history
    spin(app, 0.3)
    shoot(window, Path(f"{prefix}-hq-case.png"))

    ws.setCurrentWidget(ws.duplicates)
    ws.duplicates.refresh()
    spin(app, 5, lambda: not ws.duplicates.busy and not window.session.runner.busy)
    ws.duplicates.table.selectRow(0)
    spin(app, 0.3)
    shoot(window, Path(f"{prefix}-hq-duplicates.png"))

    ws.setCurrentWidget(ws.dashboard)
    ws.dashboard.refresh()
    spin(app, 5, lambda: not ws.dashboard.busy and not window.session.runner.busy)
    spin(app, 0.3)
    shoot(window, Path(f"{prefix}-hq-dashboard.png"))
    window.close()
    spin(app, 0.2)
    LanguageManager(app).apply("en")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    p.add_argument("--langs", nargs="+", default=["en", "fa-AF", "ps", "ur"])
    p.add_argument("--only", choices=["all", "cases", "database", "field", "hq"], default="all",
                   help="cases: only the HQ case desk screens; database: only the team "
                        "database dialog; field: only the field app's screens and the HQ "
                        "first-run wizard; hq: the HQ and auditor screens")
    args = p.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    from intake_app.gui import i18n_build

    i18n_build.build()
    from PySide6.QtWidgets import QApplication

    with tempfile.TemporaryDirectory(prefix="intake-shots-") as tmp:
        work = Path(tmp)
        # Keep the screenshot run's Qt settings out of the user's own.
        os.environ["XDG_CONFIG_HOME"] = str(work / "config")
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            # A 1366x768 screen (offscreen's own is 800x800): dialogs fit the laptop's.
            screen = work / "screen.json"
            screen.write_text(json.dumps({"screens": [{
                "name": "laptop", "x": 0, "y": 0, "width": SIZE[0], "height": SIZE[1],
                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
            os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
        app = QApplication(sys.argv[:1])
        from PySide6.QtCore import QSettings

        for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(work / "config"))
        args.out.mkdir(parents=True, exist_ok=True)
        for lang in args.langs:
            if args.only in ("all", "field"):
                render(lang, args.out, work)
                render_hq_wizard(lang, args.out, work)
            if args.only in ("all", "hq"):
                render_hq(lang, args.out, work)
            if args.only in ("all", "database"):
                render_database(lang, args.out, work)
            if args.only in ("all", "cases"):
                render_cases(lang, args.out, work)
        del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
