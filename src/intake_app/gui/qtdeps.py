"""Before Qt loads its xcb platform plugin: name the system packages it lacks.

Without them Qt prints "Could not load the Qt platform plugin "xcb"" and aborts,
which tells a newcomer nothing. This reads the libraries the real plugin file
needs (its ELF ``DT_NEEDED`` entries, followed through the libraries PySide6 or
the frozen bundle ship), asks the dynamic loader for each one the system must
provide (``dlopen``, the same search Qt's own loading does), and turns the
missing ones into one ``sudo apt-get install ...`` (or ``dnf``) line.

Nothing here imports Qt: it runs before ``QApplication`` exists.
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

# soname -> (Debian/Ubuntu package, Fedora package). Every library outside the
# PySide6 wheel that libqxcb.so and the Qt libraries it links need, as read with
# readelf from PySide6 6.x here (tests/test_qtdeps.py keeps the table complete).
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libz.so.1": ("zlib1g", "zlib"),
    "libzstd.so.1": ("libzstd1", "libzstd"),
    "libstdc++.so.6": ("libstdc++6", "libstdc++"),
    "libgcc_s.so.1": ("libgcc-s1", "libgcc"),
    "libc.so.6": ("libc6", "glibc"),
    "ld-linux-x86-64.so.2": ("libc6", "glibc"),
    "ld-linux-aarch64.so.1": ("libc6", "glibc"),
    "libm.so.6": ("libc6", "glibc"),
    "libdl.so.2": ("libc6", "glibc"),
    "libpthread.so.0": ("libc6", "glibc"),
    "librt.so.1": ("libc6", "glibc"),
}

Loader = Callable[[str], bool]


def elf_needed(path: Path) -> list[str]:
    """The ``DT_NEEDED`` sonames of a 64-bit little-endian ELF file ([] if it is not one)."""
    try:
        data = path.read_bytes()
    except OSError:
        return []
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
                for i in range(shnum)]
    names: list[str] = []
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, _entsize in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strtab = sections[link][4]
        for pos in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, pos)
            if tag == 0:  # DT_NULL
                break
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", strtab + value)
                names.append(data[strtab + value:end].decode())
    return names


def qt_root() -> Path | None:
    """PySide6's ``Qt`` folder (in a wheel install or a PyInstaller bundle)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    return root if root.is_dir() else None


def bundled_dirs(root: Path) -> list[Path]:
    """Folders whose libraries ship with the app (found through RUNPATH, not the system)."""
    dirs = [root / "lib"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:  # PyInstaller puts the system libraries it collected beside Python
        dirs.append(Path(frozen))
    return [d for d in dirs if d.is_dir()]


def system_sonames(plugin: Path, bundled: Iterable[Path]) -> list[str]:
    """Libraries the plugin needs, directly or through bundled ones, that the system provides."""
    shipped = {p.name: p for d in bundled for p in d.iterdir()}
    seen: set[str] = set()
    system: set[str] = set()
    todo = [plugin]
    while todo:
        for name in elf_needed(todo.pop()):
            if name in seen:
                continue
            seen.add(name)
            if name in shipped:
                todo.append(shipped[name])
            else:
                system.add(name)
    return sorted(system)


def dlopen_ok(soname: str) -> bool:
    """Can the dynamic loader find and load this library (as Qt's own load would)?"""
    try:
        ctypes.CDLL(soname, mode=os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError:
        return False
    return True


def missing(plugin: Path | None = None, loader: Loader = dlopen_ok) -> list[str]:
    """Sonames the xcb plugin needs that the loader cannot find ([] if the plugin is absent)."""
    root = qt_root()
    if plugin is None:
        if root is None:
            return []
        plugin = root / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return []  # a Qt without xcb: Qt's own message is the right one then
    bundled = bundled_dirs(root) if root is not None else []
    return [name for name in system_sonames(plugin, bundled) if not loader(name)]


def _os_release(path: Path = Path("/etc/os-release")) -> dict[str, str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    pairs = (line.split("=", 1) for line in lines if "=" in line)
    return {k: v.strip().strip('"') for k, v in pairs}


def install_line(sonames: Iterable[str], os_release: Mapping[str, str] | None = None) -> str:
    """The one command that installs what is missing, for this distribution family."""
    info = _os_release() if os_release is None else os_release
    family = f"{info.get('ID', '')} {info.get('ID_LIKE', '')}".split()
    fedora = any(f in ("fedora", "rhel", "centos") for f in family)
    pkgs: list[str] = []
    for name in sonames:
        debian, rpm = PACKAGES.get(name, (name, name))  # unknown: at least name the file
        pkg = rpm if fedora else debian
        if pkg not in pkgs:
            pkgs.append(pkg)
    tool = "dnf" if fedora else "apt-get"
    return f"sudo {tool} install {' '.join(pkgs)}"


def uses_xcb(env: Mapping[str, str]) -> bool:
    """Will Qt try the xcb plugin first? (Linux, not offscreen, not a Wayland session.)"""
    if not sys.platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    # Qt 6 picks wayland in a Wayland session and xcb elsewhere.
    return not (env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"))


def preflight(env: Mapping[str, str] | None = None, plugin: Path | None = None,
              loader: Loader = dlopen_ok) -> str | None:
    """The message to print instead of starting Qt, or None when nothing is missing."""
    if not uses_xcb(os.environ if env is None else env):
        return None
    lacking = missing(plugin, loader)
    if not lacking:
        return None
    return (f"intake-app: Qt's window system (xcb) needs libraries that are not installed "
            f"({', '.join(lacking)}). Install them with:\n    {install_line(lacking)}")
