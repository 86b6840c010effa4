"""``intake-app --data-dir DIR`` where DIR holds an HQ profile: open it in HQ mode.

A profile's kind is inside the encrypted store, so it is known only after the
passphrase is typed. The field window's service tries the field kind first; on
"holds a hq profile" it unlocks the same folder as HQ (same passphrase, on the
same worker thread) and hands the unlocked HQService to the UI thread, which
replaces the field window with the HQ window. Field profiles behave as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from intake_app.errors import ProfileError
from intake_app.services.field import FieldService

_open_windows: list[Any] = []  # HQ windows opened by a switch, kept alive


class _Notifier(QObject):
    hq_unlocked = Signal(object)


class FieldOrHQService(FieldService):
    """A FieldService whose unlock also recognises an HQ profile in the same folder."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir)
        self.notifier = _Notifier()

    def unlock(self, passphrase: str) -> None:
        try:
            super().unlock(passphrase)
        except ProfileError as exc:
            if "holds a hq profile" not in str(exc):
                raise
            from intake_app.services.hq import HQService

            hq = HQService(self.data_dir)
            hq.unlock(passphrase)
            self.notifier.hq_unlocked.emit(hq)
            raise ProfileError("This folder holds an HQ profile: opening it in HQ mode.") \
                from None


def connect_switch(field_window: Any, languages: Any, explicit_lang: str | None = None) -> None:
    """Replace ``field_window`` with an HQ window when its unlock finds an HQ profile.

    The HQ window is in HQ's own saved language (unless one was given for this run).
    """
    service = field_window.session.service
    if not isinstance(service, FieldOrHQService):
        return

    def switch(hq: object) -> None:
        from intake_app.gui.hq.common import HQSession
        from intake_app.gui.hq.window import HQWindow
        from intake_app.gui.i18n import saved_language
        from intake_app.services.hq import HQService

        assert isinstance(hq, HQService)
        code = explicit_lang or saved_language("hq")
        if code and code != languages.code:
            languages.apply(code)
        window = HQWindow(HQSession(hq), languages)
        window.setGeometry(field_window.geometry())
        _open_windows.append(window)
        window.show()
        window._on_unlocked()
        field_window.close()

    service.notifier.hq_unlocked.connect(switch)


def switched_windows() -> list[Any]:
    return list(_open_windows)
