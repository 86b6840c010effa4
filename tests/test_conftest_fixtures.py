"""The shared fixtures in conftest.py: Qt starts only for tests marked ``gui``."""

from __future__ import annotations

import pytest


def test_a_plain_test_does_not_start_qt(request: pytest.FixtureRequest) -> None:
    # The dialog guard is autouse; it must not pull in qapp (a QApplication) here.
    assert "_no_modal_dialogs" in request.fixturenames
    assert "qapp" not in request.fixturenames


@pytest.mark.gui
def test_a_gui_test_gets_qt_and_the_dialog_guard(request: pytest.FixtureRequest) -> None:
    pytest.importorskip("PySide6")
    assert "qapp" in request.fixturenames
    from intake_app.gui import dialogs, panic_ui

    assert dialogs.confirm(None, "x", "y") is True  # no nested event loop
    assert panic_ui.HARD_EXIT is False
