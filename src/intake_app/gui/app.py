"""Entry point of the ``intake-app`` command (the desktop GUI)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from intake_app import __version__

FIELD_SUBDIR = "field"  # same default as the CLI's field commands
HQ_SUBDIR = "hq"  # same default as ``intake hq ...``
MODES = ("field", "hq", "auditor")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="intake-app",
                                description="Encrypted field intake (desktop app).")
    p.add_argument("--version", action="version", version=f"intake-app {__version__}")
    p.add_argument("--data-dir", metavar="DIR",
                   help="profile directory (default: per-user data dir; or INTAKE_DATA_DIR)")
    p.add_argument("--lang", metavar="LANG",
                   help="UI language for this run: en, fa-AF (Dari), ps (Pashto), ur (Urdu)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--hq", action="store_true",
                      help="open the HQ profile (default dir: <data dir>/hq); a --data-dir "
                           "that holds an HQ profile also opens in HQ mode after unlock")
    mode.add_argument("--auditor", action="store_true",
                      help="auditor mode: verify bundles against HQ's public keyring "
                           "(no profile, no private key)")
    p.add_argument("--self-test", metavar="REPORT",
                   help="show the first screen, write REPORT (JSON) and a screenshot "
                        "beside it, then quit (for checking installed builds)")
    return p


def resolve_field_dir(cli_value: str | None) -> Path:
    """As the CLI: --data-dir / INTAKE_DATA_DIR name the profile; else <default>/field."""
    from intake_app.services.files import resolve_data_dir

    explicit = cli_value or os.environ.get("INTAKE_DATA_DIR")
    if explicit:
        return resolve_data_dir(explicit)
    return resolve_data_dir(None) / FIELD_SUBDIR


def resolve_hq_dir(cli_value: str | None) -> Path:
    """As ``intake hq``: --data-dir / INTAKE_DATA_DIR name the profile; else <default>/hq."""
    from intake_app.services.files import resolve_data_dir

    explicit = cli_value or os.environ.get("INTAKE_DATA_DIR")
    if explicit:
        return resolve_data_dir(explicit)
    return resolve_data_dir(None) / HQ_SUBDIR


def create_window(data_dir: Path, lang: str | None = None,
                  mode: str = "field") -> tuple[object, object]:
    """Build the window for ``data_dir`` in an existing QApplication: (window, languages).

    ``mode``: "field" (the default), "hq" (an HQ profile) or "auditor" (no profile).
    """
    from PySide6.QtWidgets import QApplication

    from intake_app.gui.i18n import LanguageManager, load_fonts, saved_language
    from intake_app.gui.main_window import MainWindow
    from intake_app.gui.pyside_refs import keep_bools_alive
    from intake_app.gui.session import Session

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    keep_bools_alive()
    load_fonts()
    languages = LanguageManager(app)
    languages.apply(lang or saved_language(mode) or "en")
    if mode in ("hq", "auditor"):
        window = _special_window(mode, data_dir, languages)
        window.start()  # type: ignore[attr-defined]
        return window, languages
    from intake_app.gui.hq_switch import FieldOrHQService, connect_switch

    session = Session(FieldOrHQService(data_dir))
    window = MainWindow(session, languages)
    connect_switch(window, languages, lang)
    window.start()
    return window, languages


def _special_window(mode: str, data_dir: Path, languages: object) -> object:
    from intake_app.gui.i18n import LanguageManager

    assert isinstance(languages, LanguageManager)
    if mode == "auditor":
        from intake_app.gui.auditor.window import AuditorWindow

        return AuditorWindow(languages)
    from intake_app.gui.hq.common import HQSession
    from intake_app.gui.hq.window import HQWindow
    from intake_app.services.hq import HQService

    return HQWindow(HQSession(HQService(data_dir)), languages)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from intake_app.services.protection import harden_process

    harden_process()  # no core dumps, no ptrace: before any key is derived
    mode = "auditor" if args.auditor else "hq" if args.hq else "field"
    data_dir = resolve_hq_dir(args.data_dir) if args.hq else resolve_field_dir(args.data_dir)

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if existing is None:
        from intake_app.gui.qtdeps import preflight

        problem = preflight()
        if problem:  # instead of Qt's "could not load the Qt platform plugin" abort
            print(problem, file=sys.stderr)
            return 1
        # High-DPI: Qt 6 scales by default; keep fractional factors as they are.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        QCoreApplication.setOrganizationName("intake_app")
        QCoreApplication.setApplicationName("intake-app")
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Intake")
    window, _languages = create_window(data_dir, args.lang, mode)
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
