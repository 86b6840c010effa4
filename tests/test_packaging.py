"""The frozen Linux package: build it from a clean clone, then use it as field staff would.

Builds with ``packaging/build.py`` (PyInstaller, pinned; installed into this
environment if missing) from a ``git clone`` of HEAD, unpacks the ``.tar.gz``
somewhere else, and runs only the frozen binaries, with a bare environment
(no venv, no PYTHONPATH) and, where ``unshare`` allows, no network at all:

* ``intake --version`` and ``intake-app --version``;
* the whole CLI round trip: HQ init, provision, field init, enroll, device card,
  record, finalize, export, keyring, verify, HQ import, receipts, plus the
  XLSX export and SLIP-39 key backup (both need data files the freezer must carry);
* ``intake-app`` offscreen on the unlock screen in Dari and in Pashto, through its
  ``--self-test REPORT`` option, with fontconfig limited to DejaVu so that the
  Arabic-script text can only be drawn by the bundled Noto fonts;
* the ``.deb`` (control fields, layout, runs after ``dpkg -x``) and ``SHA256SUMS``.

Development knobs: ``INTAKE_PACKAGING_SOURCE=worktree`` builds uncommitted files
too; ``INTAKE_PACKAGING_DIST=DIR`` reuses the output of an earlier build.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from intake_app import __version__
from intake_app.gui import qtdeps

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "forms" / "examples" / "hrd_intake.json"
FIELD_PASS = "field passphrase one"
HQ_PASS = "hq passphrase number two"
# Dari and Pashto UI text is in Arabic script; English fallback text would not be.
ARABIC_SCRIPT = range(0x0600, 0x0700)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1200),  # the first test also pays for the build (~1 min here)
    pytest.mark.skipif(sys.platform != "linux", reason="the Linux package is built on Linux"),
]


@dataclass(frozen=True)
class Build:
    out: Path  # build.py's output directory
    report: dict[str, object]
    app: Path  # the unpacked .tar.gz: the folder holding intake and intake-app

    @property
    def name(self) -> str:
        return str(self.report["name"])


def _can_unshare_net() -> bool:
    if shutil.which("unshare") is None:
        return False
    r = subprocess.run(["unshare", "--net", "true"], capture_output=True, check=False)
    return r.returncode == 0


NO_NET = _can_unshare_net()


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Build]:
    reuse = os.environ.get("INTAKE_PACKAGING_DIST")
    if reuse:
        out = Path(reuse).resolve()
    else:
        if shutil.which("git") is None:
            pytest.fail("git is needed to build from a clean clone")
        out = tmp_path_factory.mktemp("package-out")
        source = os.environ.get("INTAKE_PACKAGING_SOURCE", "head")
        cmd = [sys.executable, str(REPO / "packaging" / "build.py"), "--source", source,
               "--out", str(out), "--install-tools"]
        r = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=1100,
                           check=False)
        assert r.returncode == 0, f"build failed:\n{r.stdout[-4000:]}\n{r.stderr[-4000:]}"
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    # Unpack the archive elsewhere: the package must not depend on where it was built.
    unpacked = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(out / f"{report['name']}.tar.gz") as tar:
        tar.extractall(unpacked, filter="tar")
    yield Build(out, report, unpacked / str(report["name"]))
    shutil.rmtree(unpacked, ignore_errors=True)
    if not reuse:
        shutil.rmtree(out, ignore_errors=True)


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    """What a laptop session might have: no venv, no PYTHONPATH, a private home."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TMPDIR": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "INTAKE_TESTING_FAST_KDF": "1",  # cheap Argon2id: the same code path, test parameters
        # ... which the app honours only inside the test suite (pytest's marker).
        "PYTEST_CURRENT_TEST": os.environ.get("PYTEST_CURRENT_TEST", "packaging"),
    }
    (home / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(extra)
    return env


def frozen(build: Build, exe: str, *args: str | Path, home: Path,
           passphrase: str | None = None, timeout: float = 120,
           **env: str) -> subprocess.CompletedProcess[str]:
    """Run a frozen executable; inside an empty network namespace when possible."""
    extra = dict(env)
    if passphrase is not None:
        extra["INTAKE_PASSPHRASE"] = passphrase
    cmd = [str(build.app / exe), *map(str, args)]
    if NO_NET:
        cmd = ["unshare", "--net", *cmd]
    return subprocess.run(cmd, cwd=home, env=bare_env(home, **extra), capture_output=True,
                          text=True, timeout=timeout, check=False)


def ok(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 0, f"{r.args}: rc={r.returncode}\n{r.stdout}\n{r.stderr}"
    return r.stdout


# ---------------------------------------------------------------- the artifacts


def test_artifacts_and_checksums(build: Build) -> None:
    sums = (build.out / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    listed = dict(reversed(line.split("  ", 1)) for line in sums)
    assert f"{build.name}.tar.gz" in listed
    # The wheel and the sdist are artifacts too, checksummed with the rest.
    assert any(n.startswith("intake_app-") and n.endswith(".whl") for n in listed), listed
    assert f"intake_app-{__version__}.tar.gz" in listed, listed
    if shutil.which("dpkg-deb"):
        assert f"intake-app_{__version__}_amd64.deb" in listed
    for name, digest in listed.items():
        assert hashlib.sha256((build.out / name).read_bytes()).hexdigest() == digest, name

    app = build.app
    for exe in ("intake", "intake-app"):
        assert os.access(app / exe, os.X_OK), exe
    internal = app / "_internal"
    assert (internal / "intake_app" / "builtin_forms" / "hrd_intake.json").is_file()
    examples = internal / "intake_app" / "builtin_forms" / "examples"
    assert (examples / "hrd_intake.json").is_file(), "the first-run demo's sample records"
    qms = {p.name for p in (internal / "intake_app" / "gui" / "translations").glob("*.qm")}
    assert {"intake_fa_AF.qm", "intake_ps_AF.qm", "intake_ur_PK.qm"} <= qms
    fonts = {p.name for p in (internal / "intake_app" / "gui" / "fonts").iterdir()}
    assert {"NotoNaskhArabic-Regular.ttf", "NotoNastaliqUrdu-Regular.ttf", "OFL.txt"} <= fonts
    # Native parts of the dependencies, and data files libraries open by path.
    for pattern in ("sqlcipher3/_sqlite3*.so", "nacl/_sodium*.so", "pydantic_core/*.so",
                    "_cffi_backend*.so", "shamir_mnemonic/wordlist.txt",
                    "pyxform/validators/pyxform/iana_subtags/*.txt",
                    "PySide6/Qt/plugins/platforms/libqxcb.so",
                    "PySide6/Qt/plugins/platforms/libqwayland.so",
                    "PySide6/Qt/plugins/platforms/libqoffscreen.so"):
        assert list(internal.glob(pattern)), pattern
    # Left out on purpose: unused Qt modules and anything that installs or fetches code.
    for absent in ("PySide6/QtNetwork.abi3.so", "PySide6/QtQml.abi3.so",
                   "PySide6/QtQuick.abi3.so", "PySide6/Qt/plugins/tls",
                   "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "pip", "setuptools",
                   "pytest", "PyInstaller"):
        assert not (internal / absent).exists(), absent
    info = json.loads((app / "BUILD-INFO.json").read_text(encoding="utf-8"))
    assert info["version"] == __version__


def test_build_used_exactly_the_pinned_packages(build: Build) -> None:
    info = json.loads((build.app / "BUILD-INFO.json").read_text(encoding="utf-8"))
    pins: dict[str, str] = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        name, sep, version = line.split("#", 1)[0].strip().partition("==")
        if sep:
            pins[name.lower().replace("_", "-").replace(".", "-")] = version
    packages: dict[str, str] = info["packages"]
    for runtime in ("pyside6-essentials", "sqlcipher3", "pynacl", "pydantic", "platformdirs"):
        assert packages[runtime] == pins[runtime], runtime
    assert {name: pins.get(name) for name in packages} == packages
    assert not {"pytest", "mypy", "ruff", "hypothesis", "pyinstaller"} & set(packages), \
        "only the app's run-time closure is bundled"
    tools = (REPO / "packaging" / "requirements.txt").read_text(encoding="utf-8")
    assert f"pyinstaller=={info['build_tools']['pyinstaller']}" in tools


def test_deb_package(build: Build, tmp_path: Path) -> None:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb not installed")
    deb = build.out / f"intake-app_{__version__}_amd64.deb"
    fields = subprocess.run(["dpkg-deb", "-f", str(deb), "Package", "Version", "Architecture",
                             "Depends"], capture_output=True, text=True, check=True).stdout
    assert "Package: intake-app" in fields and f"Version: {__version__}" in fields
    assert "libc6 (>= 2." in fields and "libxcb1" in fields
    # Every system library the bundled xcb plugin needs (what intake-app's pre-flight
    # check looks for) is a Depends: of the package, so apt installs them.
    depends = {d.split()[0] for d in fields.split("Depends:", 1)[1].splitlines()[0].split(",")}
    internal = build.app / "_internal"
    plugin = internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    system = qtdeps.system_sonames(plugin, [internal / "PySide6" / "Qt" / "lib", internal])
    assert "libxcb.so.1" in system
    assert {qtdeps.PACKAGES[so][0] for so in system} - depends == set()
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    for path in ("./opt/intake-app/intake-app", "./opt/intake-app/intake",
                 "./usr/bin/intake -> /opt/intake-app/intake",
                 "./usr/share/applications/intake-app.desktop"):
        assert path in listing, path
    assert "root/root" in listing
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    r = subprocess.run([str(root / "opt/intake-app/intake"), "--version"], capture_output=True,
                       text=True, check=False, env=bare_env(tmp_path))
    assert ok(r).strip() == f"intake {__version__}"


# ---------------------------------------------------------------- the frozen binaries


def test_versions(build: Build, tmp_path: Path) -> None:
    assert ok(frozen(build, "intake", "--version", home=tmp_path)).strip() == \
        f"intake {__version__}"
    assert ok(frozen(build, "intake-app", "--version", home=tmp_path)).strip() == \
        f"intake-app {__version__}"


def test_cli_round_trip_with_the_frozen_intake(build: Build, tmp_path: Path) -> None:
    hq, field, usb = tmp_path / "hq", tmp_path / "field", tmp_path / "usb"

    def h(*args: str | Path) -> str:
        return ok(frozen(build, "intake", "--debug", "--data-dir", hq, *args, home=tmp_path,
                         passphrase=HQ_PASS))

    def f(*args: str | Path) -> str:
        return ok(frozen(build, "intake", "--debug", "--data-dir", field, *args, home=tmp_path,
                         passphrase=FIELD_PASS))

    h("hq", "init", "--org", "Packaging Test Org")
    h("hq", "provision", "--out", tmp_path / "prov.sig")
    fp = h("hq", "fingerprint").strip()
    f("init")
    assert "hrd_intake" in f("forms", "list"), "the packaged forms are found"
    enrolled = f("enroll", tmp_path / "prov.sig", "--card-out", tmp_path / "card.sig",
                 "--expect-fingerprint", fp)
    device_id = enrolled.split(" as ")[1].split()[0]
    h("hq", "enroll-device", tmp_path / "card.sig")

    values = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    (tmp_path / "v.json").write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    rid = f("record", "new", "--form", "hrd_intake", "--json", tmp_path / "v.json").strip()
    assert len(rid) == 32
    f("record", "finalize", rid)
    usb.mkdir()  # the USB stick
    f("export", "--to", usb)
    assert any(usb.iterdir()), "export wrote sealed volumes"

    h("hq", "keyring", "--out", tmp_path / "keyring.sig")
    verified = ok(frozen(build, "intake", "verify", usb, "--keyring", tmp_path / "keyring.sig",
                         "--json", home=tmp_path))
    bundles = json.loads(verified)["bundles"]
    assert bundles and all(b["ok"] for b in bundles)
    h("hq", "import", usb)
    shown = json.loads(h("hq", "records", "show", rid, "--json"))["values"]
    # HQ holds what the field typed (the form normalises some values, e.g. digits).
    for key in ("name_native", "name_latin", "consent_notes", "interview_date"):
        assert shown[key] == values[key], key
    assert device_id in h("hq", "devices")

    # Receipts back to the field laptop purge what HQ holds.
    h("hq", "receipts", "--out", usb / "receipts")
    f("receipts", "import", usb / "receipts")

    # Features that need data files the freezer must carry.
    h("hq", "export", "--format", "xlsx", "--out", tmp_path / "records.xlsx")
    assert (tmp_path / "records.xlsx").read_bytes()[:2] == b"PK"
    shares = h("hq", "backup-keys", "--shares", "3", "--threshold", "2")
    assert len(shares.split()) > 60, "SLIP-39 shares are printed as words"


def test_round_trip_ran_without_network() -> None:
    """Reported on its own so a run without the namespace says so (``-ra``)."""
    if not NO_NET:
        pytest.skip("unshare --net not permitted here: the frozen binaries ran with network")


def _self_test(build: Build, tmp_path: Path, lang: str) -> dict[str, object]:
    home = tmp_path / lang
    home.mkdir()
    field = home / "field"
    ok(frozen(build, "intake", "--data-dir", field, "init", home=home, passphrase=FIELD_PASS))
    # Fontconfig sees DejaVu only (or nothing): no system font can draw Arabic script
    # as "Noto Naskh Arabic", so that name in the report means the bundled file did.
    fc_cache = home / "fc-cache"
    fc_cache.mkdir()
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    dirs = f"<dir>{dejavu}</dir>" if dejavu.is_dir() else ""
    (home / "fonts.conf").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig>{dirs}<cachedir>{fc_cache}</cachedir></fontconfig>\n", encoding="utf-8")
    report_path = home / "report.json"
    r = frozen(build, "intake-app", "--data-dir", field, "--lang", lang,
               "--self-test", report_path, home=home, timeout=90,
               QT_QPA_PLATFORM="offscreen", FONTCONFIG_FILE=str(home / "fonts.conf"))
    if r.returncode == 2 and "--self-test" in r.stderr:
        pytest.fail("intake-app has no --self-test REPORT option yet: see "
                    "packaging/README.md, 'The GUI self-test hook'")
    ok(r)
    report: dict[str, object] = json.loads(report_path.read_text(encoding="utf-8"))
    assert report_path.with_suffix(".png").stat().st_size > 2000, "a screenshot was saved"
    return report


@pytest.mark.parametrize("lang", ["fa-AF", "ps"])
def test_frozen_gui_unlock_screen_in_dari_and_pashto(build: Build, tmp_path: Path,
                                                     lang: str) -> None:
    report = _self_test(build, tmp_path, lang)
    assert report["platform"] == "offscreen"
    assert report["screen"] == "unlockPage"
    assert report["language"] == lang and report["layout_direction"] == "rtl"
    fonts = report["bundled_fonts"]
    assert isinstance(fonts, dict)
    assert Path(fonts["dir"]).resolve().is_relative_to(build.app.resolve()), \
        "fonts come from inside the package"
    assert "Noto Naskh Arabic" in fonts["families"]
    labels = report["labels"]
    assert isinstance(labels, list) and labels
    for label in labels:
        text = label["text"]
        assert any(ord(c) in ARABIC_SCRIPT for c in text), f"untranslated: {text!r}"
        assert label["families"] == ["Noto Naskh Arabic"], label
