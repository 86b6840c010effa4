"""The xcb pre-flight check of ``intake-app``: the real plugin, the real loader.

On a desktop lacking a library of Qt's xcb plugin, Qt aborts with "Could not
load the Qt platform plugin". ``intake_app.gui.qtdeps`` reads the plugin's ELF
dependencies, asks the dynamic loader for the system ones and prints the one
install line instead. These tests compare it with ``readelf``/``ldd`` on this
machine and drive it with a fake loader for the cases this machine lacks.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from intake_app.gui import qtdeps

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Linux")

ROOT = qtdeps.qt_root()
PLUGIN = ROOT / "plugins" / "platforms" / "libqxcb.so" if ROOT else Path("/nonexistent")
DEBIAN = {"ID": "debian"}
FEDORA = {"ID": "fedora"}


def test_elf_parser_agrees_with_readelf() -> None:
    if shutil.which("readelf") is None:
        pytest.skip("binutils not installed")
    for lib in (PLUGIN, ROOT / "lib" / "libQt6XcbQpa.so.6" if ROOT else PLUGIN):
        out = subprocess.run(["readelf", "-d", "-W", str(lib)], capture_output=True,
                             text=True, check=True).stdout
        assert qtdeps.elf_needed(lib) == re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]",
                                                    out)
    assert qtdeps.elf_needed(Path(__file__)) == []  # not ELF: nothing, no exception


def test_table_names_every_system_library_the_plugin_needs() -> None:
    assert ROOT is not None and PLUGIN.is_file()
    needed = qtdeps.system_sonames(PLUGIN, qtdeps.bundled_dirs(ROOT))
    assert "libxcb-cursor.so.0" in needed and "libxcb-icccm.so.4" in needed
    assert not any(n.startswith("libQt6") for n in needed), "Qt's own libraries ship in PySide6"
    assert [n for n in needed if n not in qtdeps.PACKAGES] == []


def test_real_loader_agrees_with_ldd() -> None:
    """What dlopen cannot find is exactly what ldd calls "not found" for the plugin."""
    if shutil.which("ldd") is None:
        pytest.skip("no ldd")
    out = subprocess.run(["ldd", str(PLUGIN)], capture_output=True, text=True,
                         check=True).stdout
    not_found = sorted(set(re.findall(r"^\s*(\S+) => not found", out, re.M)))
    assert qtdeps.missing() == not_found


def test_fake_loader_names_only_the_missing_packages() -> None:
    absent = {"libxcb-cursor.so.0", "libxcb-shape.so.0", "libxcb-randr.so.0"}
    line = qtdeps.preflight({"QT_QPA_PLATFORM": "xcb"}, loader=lambda n: n not in absent)
    assert line is not None
    assert line.splitlines()[-1].strip() == \
        "sudo apt-get install libxcb-cursor0 libxcb-randr0 libxcb-shape0"
    # Fedora packs randr and shape into libxcb: named once.
    assert qtdeps.install_line(sorted(absent), FEDORA) == "sudo dnf install xcb-util-cursor libxcb"
    assert qtdeps.install_line(sorted(absent), DEBIAN).startswith("sudo apt-get install ")
    assert qtdeps.preflight({"QT_QPA_PLATFORM": "xcb"}, loader=lambda n: True) is None


def test_no_check_when_qt_will_not_use_xcb() -> None:
    def nothing(name: str) -> bool:
        return False

    assert qtdeps.preflight({"QT_QPA_PLATFORM": "offscreen"}, loader=nothing) is None
    assert qtdeps.preflight({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"},
                            loader=nothing) is None
    assert qtdeps.preflight({}, loader=nothing) is not None  # X11 default
    assert qtdeps.preflight({"QT_QPA_PLATFORM": "xcb;offscreen"}, loader=nothing) is not None


def test_intake_app_prints_the_install_line_not_qts_abort(tmp_path: Path) -> None:
    """The real command on this machine, with Qt told to use xcb (no X server needed)."""
    lacking = qtdeps.missing()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND"))}
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=":97", HOME=str(tmp_path))
    r = subprocess.run([sys.executable, "-m", "intake_app.gui.app", "--data-dir",
                        str(tmp_path / "p")], env=env, capture_output=True, text=True,
                       timeout=60, check=False)
    if lacking:
        assert r.returncode == 1, r.stderr
        assert r.stderr.splitlines()[-1].strip() == qtdeps.install_line(lacking)
        assert "qt.qpa.plugin" not in r.stderr and "Traceback" not in r.stderr
    else:  # everything installed: Qt runs and fails only for want of an X server
        assert "apt-get install" not in r.stderr
