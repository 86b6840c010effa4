"""PySide6's Signal.emit() drops a reference to True on each call (Python 3.11): without
keep_bools_alive() a long session aborts the interpreter (issue 16: nothing typed lost)."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.gui

EMITS = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
emits = sys.getrefcount(True) + 1000  # more than True has references
{fix}
app = QCoreApplication([])

class Source(QObject):
    changed = Signal()

src = Source()
src.changed.connect(lambda: None)
for _ in range(emits):
    src.changed.emit()
print("alive")
"""
FIX = "from intake_app.gui.pyside_refs import keep_bools_alive\nkeep_bools_alive()"


def _run(fix: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", EMITS.format(fix=fix)], capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from 3.12")
def test_emits_without_the_fix_can_abort_the_interpreter() -> None:
    result = _run("")
    if result.returncode == 0:
        pytest.skip("this PySide6 keeps its references to True")
    assert "alive" not in result.stdout


def test_emits_with_the_fix_keep_the_interpreter_alive() -> None:
    result = _run(FIX)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"


def test_windows_get_the_fix(qtbot, data_dir) -> None:
    from tests.test_gui_support import make_profile, open_window

    make_profile(data_dir)
    open_window(qtbot, data_dir)
    from intake_app.gui.pyside_refs import SPARE

    if sys.version_info < (3, 12):
        assert sys.getrefcount(True) > SPARE and sys.getrefcount(False) > SPARE
