"""Shared helpers for the GUI tests (no tests here): a form with every field type,
making a profile and small qtbot helpers (the fixtures are in conftest.py). Each test
builds its own window and profile; nothing Qt is shared between tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from intake_app.forms import Form
from intake_app.services.field import FieldService

PASS = "correct horse battery staple"

ALL_TYPES_FORM: dict[str, Any] = {
    "id": "gui_all_types",
    "version": "1",
    "title": {"en": "All field types", "fa-AF": "همه انواع بخش‌ها"},
    "default_language": "en",
    "languages": [
        {"code": "en", "name": "English", "direction": "ltr"},
        {"code": "fa-AF", "name": "دری", "direction": "rtl"},
    ],
    "choice_lists": {
        "gender": [
            {"name": "female", "label": {"en": "Female", "fa-AF": "زن"}},
            {"name": "male", "label": {"en": "Male", "fa-AF": "مرد"}},
            {"name": "other", "label": {"en": "Other", "fa-AF": "دیگر"}},
        ],
        "risks": [
            {"name": "threat", "label": {"en": "Threats", "fa-AF": "تهدید"}},
            {"name": "arrest", "label": {"en": "Arrest", "fa-AF": "بازداشت"}},
            {"name": "raid", "label": {"en": "Raid", "fa-AF": "یورش"}},
            {"name": "other", "label": {"en": "Other", "fa-AF": "دیگر"}},
        ],
    },
    "fields": [
        {"name": "basics", "type": "group", "label": {"en": "Basics", "fa-AF": "معلومات پایه"},
         "children": [
             {"name": "intro", "type": "note",
              "label": {"en": "Ask each question calmly.", "fa-AF": "هر سوال را با آرامش بپرسید."}},
             {"name": "full_name", "type": "text", "required": True, "sensitive": True,
              "label": {"en": "Full name", "fa-AF": "نام کامل"},
              "hint": {"en": "As the person wants it written", "fa-AF": "آنطور که شخص می‌خواهد"}},
             {"name": "age", "type": "integer", "required": True,
              "label": {"en": "Age", "fa-AF": "سن"},
              "constraint": ". >= 10 and . <= 110",
              "constraint_message": {"en": "Age must be between 10 and 110",
                                     "fa-AF": "سن باید بین ۱۰ و ۱۱۰ باشد"}},
             {"name": "age_group", "type": "calculate", "value_type": "text",
              "calculation": "if(${age} >= 18, 'adult', 'minor')",
              "label": {"en": "Age group", "fa-AF": "گروه سنی"}},
             {"name": "height", "type": "decimal",
              "label": {"en": "Height (m)", "fa-AF": "قد (متر)"}},
             {"name": "event_date", "type": "date", "date_precisions": ["exact", "month"],
              "label": {"en": "Date of the event", "fa-AF": "تاریخ رویداد"}},
             {"name": "gender", "type": "select_one", "choices": "gender",
              "label": {"en": "Gender", "fa-AF": "جنسیت"}},
             {"name": "has_children", "type": "yes_no",
              "label": {"en": "Has children?", "fa-AF": "فرزند دارد؟"}},
             {"name": "children_count", "type": "integer", "relevant": "${has_children} = true()",
              "label": {"en": "How many children?", "fa-AF": "چند فرزند؟"}},
             {"name": "story", "type": "long_text",
              "label": {"en": "What happened", "fa-AF": "چه اتفاقی افتاد"}},
         ]},
        {"name": "details", "type": "group", "label": {"en": "Details", "fa-AF": "جزئیات"},
         "children": [
             {"name": "risks", "type": "select_multiple", "choices": "risks",
              "label": {"en": "Risks faced", "fa-AF": "خطرها"}},
             {"name": "risk_other", "type": "text", "required": True,
              "relevant": "selected(${risks}, 'other')",
              "label": {"en": "Other risk", "fa-AF": "خطر دیگر"}},
             {"name": "photo", "type": "attachment", "attachment_kind": "photo",
              "label": {"en": "Photo of the document", "fa-AF": "عکس سند"}},
             {"name": "incidents", "type": "repeat", "min_rows": 1,
              "label": {"en": "Incidents", "fa-AF": "رویدادها"},
              "children": [
                  {"name": "incident_date", "type": "date", "required": True,
                   "label": {"en": "Incident date", "fa-AF": "تاریخ رویداد"}},
                  {"name": "incident_place", "type": "text", "required": True,
                   "label": {"en": "Place", "fa-AF": "محل"}},
              ]},
             {"name": "source", "type": "hidden", "default": "gui"},
         ]},
    ],
}


def all_types_form() -> Form:
    return Form.from_dict(ALL_TYPES_FORM)


_PROFILES: dict[tuple[str, int], Path] = {}


def make_profile(data_dir: Path, *, records: int = 0) -> FieldService:
    """A field profile with the all-types form installed (locked again on return).

    In the test suite it is made once per worker and ``records`` and copied (a new
    profile costs seconds, a copy milliseconds): such profiles share their keys."""
    from tests import cli_helpers

    if not cli_helpers.TEMPLATE_DIR:
        return _make_profile(data_dir, records)
    key = (json.dumps(ALL_TYPES_FORM, sort_keys=True), records)
    if key not in _PROFILES or not cli_helpers.TEMPLATE_DIR[0].exists():
        template = cli_helpers.TEMPLATE_DIR[0] / f"gui-profile-{len(_PROFILES)}"
        _make_profile(template, records)
        _PROFILES[key] = template
    shutil.copytree(_PROFILES[key], data_dir, dirs_exist_ok=True)
    return FieldService(data_dir)


def _make_profile(data_dir: Path, records: int) -> FieldService:
    svc = FieldService(data_dir)
    svc.create(PASS)
    svc.install_form(all_types_form())
    for i in range(records):
        svc.new_record("gui_all_types", complete_values(f"Person {i}"), "en")
    svc.lock()
    return svc


def complete_values(name: str = "Test Person", **extra: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "full_name": name, "age": 30, "gender": "female",
        "incidents": [{"incident_date": "2024-05-01", "incident_place": "Kabul"}],
    }
    values.update(extra)
    return values


def open_window(qtbot: Any, data_dir: Path, lang: str = "en") -> Any:
    from intake_app.gui.app import create_window

    window, _langs = create_window(data_dir, lang)
    # qtbot keeps weak references: hold the window until qtbot closes it at teardown,
    # so it is closed (and locked) rather than silently garbage-collected.
    held = getattr(qtbot, "_intake_windows", [])
    held.append(window)
    qtbot._intake_windows = held
    qtbot.addWidget(window)
    window.show()
    return window


def unlock(qtbot: Any, window: Any, passphrase: str = PASS) -> None:
    page = window.unlock_page
    page.passphrase.setText(passphrase)
    page.try_unlock()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    ws = window.workspace
    qtbot.waitUntil(lambda: not ws.records.model.is_loading, timeout=10_000)


def type_text(widget: Any, text: str) -> None:
    """Type any text (Dari, Pashto, Urdu included) as key events into ``widget``.

    ``qtbot.keyClicks`` only handles Latin-1; this sends a key press carrying the
    character, as an input method would.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            ev = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, ev)


def wait_idle(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: not window.session.runner.busy, timeout=15_000)


def canary_scan_roots(*extra: Path) -> list[Path]:
    """Where record content must never appear: ``extra`` (data dir, stick), the temp
    dir, HOME and Qt's config, cache and app-data locations."""
    import os
    import tempfile

    from PySide6.QtCore import QStandardPaths

    roots = [*extra, Path(tempfile.gettempdir()), Path(os.environ["HOME"])]
    for loc in (QStandardPaths.StandardLocation.GenericConfigLocation,
                QStandardPaths.StandardLocation.GenericCacheLocation,
                QStandardPaths.StandardLocation.CacheLocation,
                QStandardPaths.StandardLocation.AppDataLocation):
        roots.extend(Path(p) for p in QStandardPaths.standardLocations(loc))
    return list(dict.fromkeys(roots))
