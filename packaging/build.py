#!/usr/bin/env python3
"""Build the self-contained intake_app package for this platform.

    python packaging/build.py                 # clean clone of HEAD, this Python's packages
    python packaging/build.py --fresh-venv    # ... and a new venv from constraints.txt
    python packaging/build.py --source worktree   # uncommitted files too (development)

Output in ``dist/`` (``--out``): the application folder
``intake_app-<version>-<os>-<arch>/`` (executables ``intake`` and ``intake-app``
sharing ``_internal/``), ``<folder>.tar.gz``, on Linux ``intake-app_<version>_amd64.deb``
(when ``dpkg-deb`` is present), ``SHA256SUMS`` and ``build-report.json`` (timings,
sizes). See packaging/README.md.

Reproducibility: the source is a fresh ``git clone`` of HEAD (or an export of
the work tree), the Python packages must match ``constraints.txt`` exactly
(checked), ``SOURCE_DATE_EPOCH`` is the commit time and ``PYTHONHASHSEED=0``;
the archives are written with sorted entries, fixed owners and fixed times.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import os
import platform
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import tempfile
import time
import venv
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SPEC = "packaging/intake_app.spec"
TOOLS_REQUIREMENTS = "packaging/requirements.txt"
# Distributions of the build environment that are not part of the app's pinned set.
NOT_PINNED = {"pip", "setuptools", "wheel", "intake-app"}
EXECUTABLES = ("intake", "intake-app")
# Shared libraries the frozen app takes from the system (not bundled), and the
# Debian/Ubuntu packages that provide them. A new one fails the build until it
# is named here, so the .deb's Depends never silently lags behind.
def _qt_system_packages() -> dict[str, str]:
    """The soname -> Debian package table the app's own xcb check uses (one list)."""
    path = REPO / "src" / "intake_app" / "gui" / "qtdeps.py"
    spec = importlib.util.spec_from_file_location("_intake_qtdeps", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {so: debian for so, (debian, _fedora) in module.PACKAGES.items()}


SYSTEM_LIBS = {
    **_qt_system_packages(),
    "ld-linux-x86-64.so.2": "libc6",
    "libresolv.so.2": "libc6",
    "libutil.so.1": "libc6",
    "libdrm.so.2": "libdrm2",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}


# ------------------------------------------------------------------ helpers

def log(msg: str) -> None:
    print(f"build: {msg}", flush=True)


def run(cmd: Sequence[str | Path], *, cwd: Path | None = None,
        env: dict[str, str] | None = None, capture: bool = False) -> str:
    """Run a command; raise SystemExit with its output when it fails."""
    res = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, text=True,
                         stdout=subprocess.PIPE if capture else None,
                         stderr=subprocess.STDOUT if capture else None, check=False)
    if res.returncode != 0:
        out = f"\n{res.stdout}" if capture and res.stdout else ""
        raise SystemExit(f"build: failed ({res.returncode}): {' '.join(map(str, cmd))}{out}")
    return res.stdout or ""


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def walk_sorted(root: Path) -> Iterator[Path]:
    """Every path under ``root`` in a stable order (directories before their contents)."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        base = Path(dirpath)
        for name in sorted(filenames + dirnames):
            yield base / name


def is_elf(path: Path) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def platform_tag() -> str:
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform,
                                                                          sys.platform)
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{machine}"


def read_version(src: Path) -> str:
    text = (src / "src" / "intake_app" / "__init__.py").read_text(encoding="utf-8")
    m = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if not m:
        raise SystemExit("build: no __version__ in src/intake_app/__init__.py")
    return m.group(1)


def read_pins(*files: Path) -> dict[str, str]:
    pins: dict[str, str] = {}
    for f in files:
        if not f.exists():
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            m = re.fullmatch(r"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s;]+)", line)
            if m:
                pins[canonical(m.group(1))] = m.group(2)
    return pins


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# ------------------------------------------------------------------ steps

def prepare_source(kind: str, work: Path) -> tuple[Path, str]:
    """The tree to freeze: a clone of HEAD, an export of the work tree, or a directory."""
    if kind not in ("head", "worktree"):
        src = Path(kind).resolve()
        if not (src / "src" / "intake_app").is_dir():
            raise SystemExit(f"build: {src} is not an intake_app checkout")
        return src, commit_of(src)
    src = work / "src"
    shutil.rmtree(src, ignore_errors=True)  # a --work reused from an earlier run
    if kind == "head":
        run(["git", "clone", "--quiet", "--no-hardlinks", REPO, src])
    else:
        listed = run(["git", "-C", REPO, "ls-files", "-z", "--cached", "--others",
                      "--exclude-standard"], capture=True)
        for rel in sorted(set(filter(None, listed.split("\0")))):
            origin = REPO / rel
            if not origin.is_file():
                continue  # deleted in the work tree
            dest = src / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, dest)
    return src, commit_of(REPO if kind == "worktree" else src) + (
        "+worktree" if kind == "worktree" else "")


def recipe(src: Path, rel: str) -> Path:
    """``rel`` from the tree being built; from beside this script if that tree predates it."""
    path = src / rel
    if path.exists():
        return path
    log(f"{rel} not in the source tree: using {REPO / rel}")
    return REPO / rel


def commit_of(path: Path) -> str:
    res = subprocess.run(["git", "-C", str(path), "rev-parse", "HEAD"], capture_output=True,
                         text=True, check=False)
    return res.stdout.strip() if res.returncode == 0 else "unknown"


def source_date_epoch(src: Path) -> int:
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    for where in (src, REPO):
        res = subprocess.run(["git", "-C", str(where), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, check=False)
        if res.returncode == 0 and res.stdout.strip():
            return int(res.stdout.strip())
    return 315532800  # 1980-01-01, the earliest time a zip can hold


def build_python(src: Path, work: Path, *, fresh: bool, install_tools: bool) -> Path:
    """The interpreter to build with: a new venv, or this one (PyInstaller added if asked)."""
    constraints = src / "constraints.txt"
    tools = recipe(src, TOOLS_REQUIREMENTS)
    if fresh:
        env_dir = work / "venv"
        log(f"creating {env_dir} from {constraints.name}")
        venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
        py = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        run([py, "-m", "pip", "install", "--quiet", "-c", constraints, "-r", tools, "build",
             src], capture=True)
        return py
    py = Path(sys.executable)
    if not has_pyinstaller(py, read_pins(tools).get("pyinstaller", "")):
        if not install_tools:
            raise SystemExit(f"build: PyInstaller missing; run: {py} -m pip install "
                             f"-c constraints.txt -r {TOOLS_REQUIREMENTS} "
                             "(or pass --install-tools / --fresh-venv)")
        log(f"installing the pinned PyInstaller into {sys.prefix}")
        run([py, "-m", "pip", "install", "--quiet", "-c", constraints, "-r", tools],
            capture=True)
    return py


def has_pyinstaller(py: Path, version: str) -> bool:
    res = subprocess.run([str(py), "-c", "import PyInstaller; print(PyInstaller.__version__)"],
                         capture_output=True, text=True, check=False)
    return res.returncode == 0 and (not version or res.stdout.strip() == version)


# Run by the build interpreter: the installed distributions, and the runtime
# closure of the checkout's [project] dependencies (what ends up in the bundle).
_ENV_PROBE = r"""
import importlib.metadata as md, json, re, sys, tomllib
from packaging.requirements import Requirement

def canon(n): return re.sub(r"[-_.]+", "-", n).lower()

deps = tomllib.load(open(sys.argv[1], "rb"))["project"]["dependencies"]
todo, seen = [Requirement(d) for d in deps], {}
while todo:
    req = todo.pop()
    name, extras = canon(req.name), set(req.extras)
    if name in seen and extras <= seen[name][1]:
        continue
    dist = md.distribution(req.name)
    extras |= seen.get(name, ("", set()))[1]
    seen[name] = (dist.version, extras)
    for text in dist.requires or []:
        sub = Requirement(text)
        envs = [{"extra": e} for e in sorted(extras)] + [{"extra": ""}]
        if sub.marker is None or any(sub.marker.evaluate(e) for e in envs):
            todo.append(sub)
print(json.dumps({
    "installed": {canon(d.metadata["Name"]): d.version for d in md.distributions()},
    "runtime": {k: v[0] for k, v in sorted(seen.items())},
}))
"""


def check_pins(py: Path, src: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Every package in the build environment is pinned, at exactly that version.

    Returns (runtime packages bundled, build tools), name -> version.
    """
    out = run([py, "-c", _ENV_PROBE, src / "pyproject.toml"], capture=True)
    probe = json.loads(out.strip().splitlines()[-1])
    installed: dict[str, str] = probe["installed"]
    pins = read_pins(src / "constraints.txt")
    tool_pins = read_pins(recipe(src, TOOLS_REQUIREMENTS))
    problems = []
    for name, version in sorted(installed.items()):
        if name in NOT_PINNED:
            continue
        want = pins.get(name, tool_pins.get(name))
        if want is None:
            problems.append(f"{name}=={version} is installed but not pinned")
        elif want != version:
            problems.append(f"{name}=={version} is installed, the pin says =={want}")
    runtime: dict[str, str] = probe["runtime"]
    problems += [f"{name} (needed at run time) is not in constraints.txt"
                 for name in runtime if name not in pins]
    if problems:
        raise SystemExit("build: the build environment differs from constraints.txt:\n  "
                         + "\n  ".join(problems)
                         + "\n(use --fresh-venv, or reinstall with -c constraints.txt)")
    tools = {name: installed[name] for name in sorted(tool_pins) if name in installed}
    return runtime, tools


def build_translations(py: Path, src: Path, env: dict[str, str]) -> None:
    if not (src / "src" / "intake_app" / "gui" / "i18n_build.py").exists():
        log("no intake_app.gui.i18n_build: translations not compiled")
        return
    run([py, "-m", "intake_app.gui.i18n_build"], cwd=src, env=env, capture=True)


def freeze(py: Path, src: Path, work: Path, name: str, env: dict[str, str]) -> Path:
    dist = work / "pyinstaller-dist"
    run([py, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", dist, "--workpath", work / "pyinstaller-work", recipe(src, SPEC)],
        cwd=src, env={**env, "INTAKE_SRC_ROOT": str(src), "INTAKE_APP_NAME": name},
        capture=True)
    return dist / name


def strip_debug_info(folder: Path) -> int:
    """Drop debug sections (never symbols) from bundled libraries; returns bytes saved."""
    if sys.platform != "linux" or shutil.which("strip") is None:
        return 0
    saved = 0
    for path in walk_sorted(folder):
        if path.parent == folder and path.name in EXECUTABLES:
            continue  # the bootloader carries its archive appended: never touch it
        if not is_elf(path):
            continue
        sections = run(["readelf", "-S", "-W", path], capture=True)
        if ".debug_info" not in sections:
            continue
        before = path.stat().st_size
        mode = path.stat().st_mode
        run(["strip", "--strip-debug", "--preserve-dates", path])
        os.chmod(path, mode)
        saved += before - path.stat().st_size
    return saved


def glibc_needed(folder: Path) -> str | None:
    """The newest GLIBC_x.y symbol version any bundled binary needs."""
    if sys.platform != "linux" or shutil.which("objdump") is None:
        return None
    best: tuple[int, ...] = ()
    for path in walk_sorted(folder):
        if is_elf(path):
            out = run(["objdump", "-T", path], capture=True)
            for v in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", out):
                best = max(best, tuple(int(x) for x in v.split(".")))
    return ".".join(map(str, best)) if best else None


def system_dependencies(folder: Path) -> list[str]:
    """Debian packages for the shared libraries the bundle takes from the system."""
    bundled = {p.name for p in folder.rglob("*") if p.is_file()}
    needed: set[str] = set()
    for path in walk_sorted(folder):
        if is_elf(path):
            out = run(["readelf", "-d", "-W", path], capture=True)
            needed.update(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))
    missing = sorted(needed - bundled)
    unknown = [lib for lib in missing if lib not in SYSTEM_LIBS]
    if unknown and os.environ.get("INTAKE_PACKAGING_NO_TRIM") == "1":
        log("untrimmed build needs unlisted system libraries: " + ", ".join(unknown))
    elif unknown:
        raise SystemExit("build: the bundle needs system libraries with no known package "
                         f"(add them to SYSTEM_LIBS in {Path(__file__).name}): "
                         + ", ".join(unknown))
    return sorted({SYSTEM_LIBS[lib] for lib in missing if lib in SYSTEM_LIBS})


def normalise_tree(folder: Path, epoch: int) -> None:
    for path in [*walk_sorted(folder), folder]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        if path.is_dir():
            # Program files (not user data): world-readable, like any installed program.
            os.chmod(path, 0o755)  # noqa: S103
        else:
            os.chmod(path, 0o755 if mode & stat.S_IXUSR else 0o644)
        os.utime(path, (epoch, epoch))


def make_tar_gz(folder: Path, out: Path, epoch: int) -> None:
    """A tar.gz that depends only on the folder's content: sorted, root-owned, fixed times."""
    def info(path: Path) -> tarfile.TarInfo:
        arc = path.relative_to(folder.parent).as_posix()
        ti = tarfile.TarInfo(arc)
        ti.mtime, ti.uid, ti.gid, ti.uname, ti.gname = epoch, 0, 0, "root", "root"
        if path.is_symlink():
            ti.type, ti.linkname, ti.mode = tarfile.SYMTYPE, os.readlink(path), 0o777
        elif path.is_dir():
            ti.type, ti.mode = tarfile.DIRTYPE, 0o755
        else:
            ti.size = path.stat().st_size
            ti.mode = 0o755 if path.stat().st_mode & stat.S_IXUSR else 0o644
        return ti

    with out.open("wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=epoch,
                          compresslevel=6) as gz, \
            tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in [folder, *walk_sorted(folder)]:
            ti = info(path)
            if ti.isreg():
                with path.open("rb") as fh:
                    tar.addfile(ti, fh)
            else:
                tar.addfile(ti)


def make_zip(folder: Path, out: Path, epoch: int) -> None:
    """The Windows counterpart of the tar.gz, just as deterministic."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in [folder, *walk_sorted(folder)]:
            arc = path.relative_to(folder.parent).as_posix()
            if path.is_dir():
                zi = zipfile.ZipInfo(arc + "/", stamp)
                zi.external_attr = (0o40755 << 16) | 0x10
                zf.writestr(zi, b"")
            else:
                zi = zipfile.ZipInfo(arc, stamp)
                zi.external_attr = (0o100755 if path.stat().st_mode & stat.S_IXUSR
                                    else 0o100644) << 16
                zi.compress_type = zipfile.ZIP_DEFLATED
                with path.open("rb") as fh:
                    zf.writestr(zi, fh.read())


def make_dmg(app_bundle: Path, out: Path) -> Path | None:
    """macOS: a compressed disk image holding Intake.app (sign it first: README)."""
    if shutil.which("hdiutil") is None:
        return None
    run(["hdiutil", "create", "-volname", "Intake", "-srcfolder", app_bundle, "-ov",
         "-format", "UDZO", out], capture=True)
    return out


DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Name=Intake
GenericName=Encrypted field intake
Comment=Record interviews in an encrypted store and export sealed bundles for HQ
Exec=/opt/intake-app/intake-app
Terminal=false
Categories=Office;
"""


DEB_COMPRESSION = {"zstd": ["-Zzstd", "-z9"], "xz": ["-Zxz", "-z6"], "gzip": ["-Zgzip", "-z6"]}


def make_deb(folder: Path, out_dir: Path, version: str, epoch: int, work: Path,
             depends: list[str], glibc: str | None, compression: str) -> Path | None:
    if sys.platform != "linux" or shutil.which("dpkg-deb") is None:
        log("dpkg-deb not found: no .deb")
        return None
    arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())
    root = work / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    opt = root / "opt" / "intake-app"
    shutil.copytree(folder, opt, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    for exe in EXECUTABLES:
        (root / "usr" / "bin" / exe).symlink_to(f"/opt/intake-app/{exe}")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "intake-app.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    doc = root / "usr" / "share" / "doc" / "intake-app"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "intake_app: GPL-3.0-or-later.\n"
        "Bundled Noto fonts: SIL Open Font License 1.1 "
        "(/opt/intake-app/_internal/intake_app/gui/fonts/OFL.txt).\n"
        "Bundled Qt for Python (PySide6): LGPL-3.0; Python: PSF-2.0; other bundled\n"
        "libraries under their own licences.\n", encoding="utf-8")
    deps = [f"libc6 (>= {glibc})" if d == "libc6" and glibc else d for d in depends]
    installed_kib = (tree_size(root) + 1023) // 1024
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        "Package: intake-app\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: intake_app maintainers <intake-app@example.org>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(deps)}\n"
        "Section: utils\n"
        "Priority: optional\n"
        "Description: offline-first encrypted field intake\n"
        " Desktop app (intake-app) and command line (intake) for recording\n"
        " interviews in an encrypted local store and exporting sealed, signed\n"
        " bundles for HQ. Self-contained: no network access needed to run.\n",
        encoding="utf-8")
    normalise_tree(root, epoch)
    deb = out_dir / f"intake-app_{version}_{arch}.deb"
    run(["dpkg-deb", "--root-owner-group", *DEB_COMPRESSION[compression], "--build", root, deb],
        env={**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}, capture=True)
    shutil.rmtree(root, ignore_errors=True)
    return deb


def smoke(folder: Path, version: str) -> None:
    exe = folder / ("intake.exe" if os.name == "nt" else "intake")
    out = run([exe, "--version"], capture=True).strip()
    if out != f"intake {version}":
        raise SystemExit(f"build: {exe} --version printed {out!r}")


def python_dists(py: Path, src: Path, out_dir: Path, version: str, epoch: int) -> list[Path]:
    """The sdist from the clean source, then the wheel from the sdist alone (as pip and
    pipx build it), both PEP 517 isolated builds taking the pinned versions."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PIP_CONSTRAINT=str(src / "constraints.txt"), SOURCE_DATE_EPOCH=str(epoch),
               PIP_DISABLE_PIP_VERSION_CHECK="1")
    sdist = out_dir / f"intake_app-{version}.tar.gz"  # not the frozen -<platform>.tar.gz
    for old in [sdist, *out_dir.glob(f"intake_app-{version}-*.whl")]:
        old.unlink(missing_ok=True)
    run([py, "-m", "build", "--sdist", "--outdir", out_dir, src], env=env, capture=True)
    if not sdist.is_file():
        raise SystemExit(f"build: the sdist {sdist.name} was not made")
    run([py, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", out_dir, sdist],
        env=env, capture=True)
    wheels = sorted(out_dir.glob(f"intake_app-{version}-*.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"build: expected one wheel in {out_dir}, found {len(wheels)}")
    return [wheels[0], sdist]


# ------------------------------------------------------------------ main

def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--source", default="head",
                   help="head (clean clone of HEAD, default), worktree (tracked and "
                        "untracked non-ignored files), or a checkout directory")
    p.add_argument("--out", type=Path, default=REPO / "dist", help="output directory")
    p.add_argument("--work", type=Path,
                   help="scratch directory, kept afterwards (default: a temp dir, removed)")
    p.add_argument("--fresh-venv", action="store_true",
                   help="build in a new venv installed with -c constraints.txt")
    p.add_argument("--install-tools", action="store_true",
                   help="pip-install the pinned PyInstaller into this Python if missing")
    p.add_argument("--no-deb", action="store_true", help="skip the .deb")
    p.add_argument("--no-python-dists", action="store_true",
                   help="skip the wheel and the sdist")
    p.add_argument("--deb-compression", choices=sorted(DEB_COMPRESSION), default="zstd",
                   help="zstd (default: 9 s here; dpkg >= 1.21.18, i.e. Debian 12 / "
                        "Ubuntu 21.10 and later, which the glibc floor requires anyway), "
                        "xz (15%% smaller, 15x slower), gzip")
    p.add_argument("--keep-work", action="store_true", help="keep the scratch directory")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    t_start = time.monotonic()
    timings: dict[str, float] = {}
    work = (args.work or Path(tempfile.mkdtemp(prefix="intake-build-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    out_dir = args.out.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        t = time.monotonic()
        src, commit = prepare_source(args.source, work)
        version = read_version(src)
        epoch = source_date_epoch(src)
        name = f"intake_app-{version}-{platform_tag()}"
        log(f"{name} from {args.source} ({commit}), SOURCE_DATE_EPOCH={epoch}")
        py = build_python(src, work, fresh=args.fresh_venv, install_tools=args.install_tools)
        runtime, tools = check_pins(py, src)
        timings["prepare"] = time.monotonic() - t

        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env.update(SOURCE_DATE_EPOCH=str(epoch), PYTHONHASHSEED="0", PYTHONNOUSERSITE="1",
                   PYTHONDONTWRITEBYTECODE="1",
                   # The checkout being frozen, ahead of any installed (editable) intake_app.
                   PYTHONPATH=str(src / "src"), PIP_NO_INDEX="1")
        t = time.monotonic()
        build_translations(py, src, env)
        folder = freeze(py, src, work, name, env)
        timings["pyinstaller"] = time.monotonic() - t

        t = time.monotonic()
        stripped = strip_debug_info(folder)
        glibc = glibc_needed(folder)
        depends = system_dependencies(folder) if sys.platform == "linux" else []
        info = {
            "name": name, "version": version, "commit": commit,
            "source_date_epoch": epoch, "python": platform.python_version(),
            "platform": platform_tag(), "min_glibc": glibc, "system_packages": depends,
            "packages": runtime, "build_tools": tools,
        }
        (folder / "BUILD-INFO.json").write_text(json.dumps(info, indent=2) + "\n",
                                                encoding="utf-8")
        normalise_tree(folder, epoch)
        smoke(folder, version)
        final = out_dir / name
        shutil.rmtree(final, ignore_errors=True)
        shutil.move(str(folder), final)
        timings["post"] = time.monotonic() - t

        t = time.monotonic()
        if sys.platform == "win32":
            artifacts = [out_dir / f"{name}.zip"]
            make_zip(final, artifacts[0], epoch)
        else:
            artifacts = [out_dir / f"{name}.tar.gz"]
            make_tar_gz(final, artifacts[0], epoch)
        timings["archive"] = time.monotonic() - t
        bundle = folder.parent / "Intake.app"
        if sys.platform == "darwin" and bundle.is_dir():
            app_out = out_dir / "Intake.app"
            shutil.rmtree(app_out, ignore_errors=True)
            shutil.move(str(bundle), app_out)
            dmg = make_dmg(app_out, out_dir / f"{name}.dmg")
            if dmg is not None:
                artifacts.append(dmg)
        if sys.platform == "linux" and not args.no_deb:
            t = time.monotonic()
            deb = make_deb(final, out_dir, version, epoch, work, depends, glibc,
                           args.deb_compression)
            if deb is not None:
                artifacts.append(deb)
            timings["deb"] = time.monotonic() - t

        if not args.no_python_dists:
            t = time.monotonic()
            artifacts += python_dists(py, src, out_dir, version, epoch)
            timings["python_dists"] = time.monotonic() - t

        sums = "".join(f"{sha256(a)}  {a.name}\n" for a in artifacts)
        (out_dir / "SHA256SUMS").write_text(sums, encoding="utf-8")
        timings["total"] = time.monotonic() - t_start
        report = {
            **{k: info[k] for k in ("name", "version", "commit", "min_glibc",
                                    "system_packages")},
            "folder": str(final), "folder_bytes": tree_size(final),
            "stripped_debug_bytes": stripped,
            "artifacts": {a.name: {"bytes": a.stat().st_size, "sha256": sha256(a)}
                          for a in artifacts},
            "seconds": {k: round(v, 1) for k, v in timings.items()},
        }
        (out_dir / "build-report.json").write_text(json.dumps(report, indent=2) + "\n",
                                                   encoding="utf-8")
        mib = 1024 * 1024
        log(f"folder {final} ({report['folder_bytes'] / mib:.0f} MiB)")
        for a in artifacts:
            log(f"{a.name}: {a.stat().st_size / mib:.1f} MiB")
        log(f"SHA256SUMS written; total {timings['total']:.0f} s")
        return 0
    finally:
        if args.keep_work or args.work:
            log(f"scratch kept in {work}")
        else:  # only ever a temporary directory this run created
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
