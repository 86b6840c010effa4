"""Entry point of the ``intake-app`` command (the desktop GUI)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from intake_app import __version__

FIELD_SUBDIR = "field"  # same default as the CLI's field commands


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="intake-app",
                                description="Encrypted field intake (desktop app).")
    p.add_argument("--version", action="version", version=f"intake-app {__version__}")
    p.add_argument("--data-dir", metavar="DIR",
                   help="profile directory (default: per-user data dir; or INTAKE_DATA_DIR)")
    p.add_argument("--lang", metavar="LANG",
                   help="UI language for this run: en, fa-AF (Dari), ps (Pashto), ur (Urdu)")
    p.add_argument("--self-test", metavar="REPORT",
                   help="show the first screen, write REPORT (JSON) and a screenshot "
                        "beside it, then quit (for checking installed builds)")
    return p


def resolve_field_dir(cli_value: str | None) -> Path:
    """As the CLI: --data-dir / INTAKE_DATA_DIR name the profile; else <default>/field."""
    from intake_app.paths import resolve_data_dir

    explicit = cli_value or os.environ.get("INTAKE_DATA_DIR")
    if explicit:
        return resolve_data_dir(explicit)
    return resolve_data_dir(None) / FIELD_SUBDIR


def create_window(data_dir: Path, lang: str | None = None) -> tuple[object, object]:
    """Build the window for ``data_dir`` in an existing QApplication: (window, languages)."""
    from PySide6.QtWidgets import QApplication

    from intake_app.gui.i18n import LanguageManager, load_fonts, saved_language
    from intake_app.gui.main_window import MainWindow
    from intake_app.gui.session import Session
    from intake_app.services.field import FieldService

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    load_fonts()
    languages = LanguageManager(app)
    languages.apply(lang or saved_language() or "en")
    session = Session(FieldService(data_dir))
    window = MainWindow(session, languages)
    window.start()
    return window, languages


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    data_dir = resolve_field_dir(args.data_dir)

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if existing is None:
        # High-DPI: Qt 6 scales by default; keep fractional factors as they are.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        QCoreApplication.setOrganizationName("intake_app")
        QCoreApplication.setApplicationName("intake-app")
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Intake")
    window, _languages = create_window(data_dir, args.lang)
    window.show()  # type: ignore[attr-defined]
    if args.self_test:
        from PySide6.QtCore import QTimer

        from intake_app.gui import selftest

        def _self_test() -> None:
            selftest.write(window, _languages, Path(args.self_test))  # type: ignore[arg-type]
            app.exit(0)

        QTimer.singleShot(0, _self_test)
    rc = app.exec()
    window.close()  # type: ignore[attr-defined]
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
