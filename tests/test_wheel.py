"""What ``pip install`` gives a user: build the sdist, the wheel from it, install it
into a fresh virtualenv, and use only that install, from an empty folder.

The wheel is built once per session from the sdist (so the sdist is proven to
carry everything a build needs) with pip's normal isolated build, pinned by
``constraints.txt``; the venv installs from the warm pip cache. Nothing from the
checkout is on ``sys.path``: commands run from an empty folder with a bare
environment, and the first test checks where ``intake_app`` was imported from.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import venv
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from intake_app import __version__

REPO = Path(__file__).resolve().parents[1]
FIELD_PASS = "field passphrase one"
HQ_PASS = "hq passphrase number two"
ARABIC_SCRIPT = range(0x0600, 0x0700)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(900),
    pytest.mark.skipif(sys.platform != "linux", reason="checked on Linux"),
]


@dataclass(frozen=True)
class Installed:
    sdist: Path
    wheel: Path
    venv: Path
    empty: Path  # the working folder of every command: nothing in it

    def bin(self, name: str) -> Path:
        return self.venv / "bin" / name


def _bare_env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        "PATH": f"{home / 'no-bin'}:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TMPDIR": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "INTAKE_TESTING_FAST_KDF": "1",  # honoured only under pytest: pass its marker on
        "PYTEST_CURRENT_TEST": os.environ.get("PYTEST_CURRENT_TEST", "test_wheel"),
    }
    (home / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(extra)
    return env


def _pip_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    # The isolated build environment and the install take the pinned versions.
    env["PIP_CONSTRAINT"] = str(REPO / "constraints.txt")
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    out = tmp_path_factory.mktemp("wheel-out")
    # The sdist from the checkout (PEP 517, isolated, as a release build makes it) ...
    r = subprocess.run([sys.executable, "-m", "build", "--sdist", "--outdir", str(out), str(REPO)],
                       cwd=out, capture_output=True, text=True, check=False, env=_pip_env(),
                       timeout=600)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    sdist = next(out.glob("intake_app-*.tar.gz"))
    # ... then the wheel from the sdist alone, as pip / pipx build it (isolated).
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out),
                        str(sdist)], cwd=out, capture_output=True, text=True, check=False,
                       env=_pip_env(), timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    wheel = next(out.glob("intake_app-*.whl"))
    env_dir = tmp_path_factory.mktemp("venv") / "v"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    r = subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q",
                        str(wheel)], cwd=out, capture_output=True, text=True, check=False,
                       env=_pip_env(), timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    empty = tmp_path_factory.mktemp("empty")
    yield Installed(sdist, wheel, env_dir, empty)


def run(inst: Installed, exe: str, *args: str | Path, home: Path,
        passphrase: str | None = None, timeout: float = 120,
        **env: str) -> subprocess.CompletedProcess[str]:
    extra = dict(env)
    if passphrase is not None:
        extra["INTAKE_PASSPHRASE"] = passphrase
    return subprocess.run([str(inst.bin(exe)), *map(str, args)], cwd=inst.empty,
                          env=_bare_env(home, **extra), capture_output=True, text=True,
                          timeout=timeout, check=False)


def ok(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 0, f"{r.args}: rc={r.returncode}\n{r.stdout}\n{r.stderr}"
    return r.stdout


def test_sdist_and_wheel_carry_the_data(installed: Installed) -> None:
    with tarfile.open(installed.sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for path in ("forms/hrd_intake.json", "forms/examples/hrd_intake.json", "setup.py",
                 "src/intake_app/gui/translations/intake_fa_AF.ts",
                 "src/intake_app/gui/fonts/NotoNastaliqUrdu-Regular.ttf", "constraints.txt"):
        assert path in names, path
    assert not [n for n in names if n.endswith(".qm")], "the sdist carries sources, not .qm"
    with zipfile.ZipFile(installed.wheel) as whl:
        wnames = set(whl.namelist())
    for lang in ("fa_AF", "ps_AF", "ur_PK"):
        assert f"intake_app/gui/translations/intake_{lang}.qm" in wnames, lang
    for path in ("intake_app/builtin_forms/hrd_intake.json",
                 "intake_app/builtin_forms/examples/hrd_intake.json",
                 "intake_app/gui/fonts/NotoNaskhArabic-Regular.ttf",
                 "intake_app/gui/fonts/OFL.txt"):
        assert path in wnames, path
    assert installed.wheel.name == f"intake_app-{__version__}-py3-none-any.whl"


def test_installed_package_is_not_the_checkout(installed: Installed, tmp_path: Path) -> None:
    code = ("import json, sys, intake_app; from intake_app.forms import builtin_forms_dir; "
            "from intake_app.gui.i18n import TRANSLATIONS_DIR; "
            "print(json.dumps([intake_app.__file__, str(builtin_forms_dir()), "
            "str(TRANSLATIONS_DIR), sys.path]))")
    r = run(installed, "python", "-c", code, home=tmp_path, QT_QPA_PLATFORM="offscreen")
    module, forms, translations, path = json.loads(ok(r))
    site = installed.venv.resolve()
    for p in (module, forms, translations):
        assert Path(p).resolve().is_relative_to(site), p
    assert not [p for p in path if p and Path(p).resolve().is_relative_to(REPO)], path
    assert ok(run(installed, "intake", "--version", home=tmp_path)).strip() == \
        f"intake {__version__}"
    assert ok(run(installed, "intake-app", "--version", home=tmp_path)).strip() == \
        f"intake-app {__version__}"


def test_cli_round_trip_from_the_wheel(installed: Installed, tmp_path: Path) -> None:
    hq, field, usb = tmp_path / "hq", tmp_path / "field", tmp_path / "usb"

    def h(*args: str | Path) -> str:
        return ok(run(installed, "intake", "--data-dir", hq, *args, home=tmp_path,
                      passphrase=HQ_PASS))

    def f(*args: str | Path) -> str:
        return ok(run(installed, "intake", "--data-dir", field, *args, home=tmp_path,
                      passphrase=FIELD_PASS))

    h("hq", "init", "--org", "Wheel Test Org")
    h("hq", "provision", "--out", tmp_path / "prov.sig")
    fp = h("hq", "fingerprint").strip()
    f("init")
    assert "hrd_intake" in f("forms", "list"), "the packaged form is found"
    f("enroll", tmp_path / "prov.sig", "--card-out", tmp_path / "card.sig",
      "--expect-fingerprint", fp)
    h("hq", "enroll-device", tmp_path / "card.sig")

    # The example answers shipped inside the installed package.
    example = Path(ok(run(installed, "python", "-c",
                          "from intake_app.forms import builtin_forms_dir as d; "
                          "print(d() / 'examples' / 'hrd_intake.json')", home=tmp_path)).strip())
    assert example.resolve().is_relative_to(installed.venv.resolve())
    rid = f("record", "new", "--form", "hrd_intake", "--json", example).strip().split()[-1]
    assert re.fullmatch(r"[0-9a-f]{32}", rid), rid
    f("record", "finalize", rid)
    usb.mkdir()
    f("export", "--to", usb)
    h("hq", "keyring", "--out", tmp_path / "keyring.sig")
    verified = json.loads(ok(run(installed, "intake", "verify", usb, "--keyring",
                                 tmp_path / "keyring.sig", "--json", home=tmp_path)))
    assert verified["bundles"] and all(b["ok"] for b in verified["bundles"])
    h("hq", "import", usb)
    values = json.loads(example.read_text(encoding="utf-8"))
    shown = json.loads(h("hq", "records", "show", rid, "--json"))["values"]
    assert shown["name_native"] == values["name_native"]
    h("hq", "receipts", "--out", usb / "receipts")
    f("receipts", "import", usb / "receipts")
    listed = f("record", "list", "--json")
    assert rid not in listed, "the receipt purged the record HQ holds"


def _translation(ts: Path, source: str) -> str:
    for msg in ET.parse(ts).getroot().iter("message"):
        if msg.findtext("source") == source:
            text = msg.findtext("translation")
            if text:
                return text
    raise AssertionError(f"{source!r} has no translation in {ts.name}")


@pytest.mark.parametrize("lang,ts", [("fa-AF", "intake_fa_AF.ts"), ("ur", "intake_ur_PK.ts")])
def test_gui_self_test_from_the_wheel(installed: Installed, tmp_path: Path, lang: str,
                                      ts: str) -> None:
    field = tmp_path / "field"
    ok(run(installed, "intake", "--data-dir", field, "init", home=tmp_path,
           passphrase=FIELD_PASS))
    report_path = tmp_path / "report.json"
    r = run(installed, "intake-app", "--data-dir", field, "--lang", lang, "--self-test",
            report_path, home=tmp_path, timeout=90, QT_QPA_PLATFORM="offscreen")
    ok(r)
    assert "warning" not in r.stderr.lower(), r.stderr
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["language"] == lang and report["layout_direction"] == "rtl"
    assert report["screen"] == "unlockPage"
    fonts_dir = Path(report["bundled_fonts"]["dir"]).resolve()
    assert fonts_dir.is_relative_to(installed.venv.resolve()), fonts_dir
    texts = [label["text"] for label in report["labels"]]
    # A UI string of the app itself (not a form label), translated from the shipped .qm.
    tsfile = REPO / "src" / "intake_app" / "gui" / "translations" / ts
    expected = _translation(tsfile, "Intake is locked")
    assert expected in texts, texts
    for text in texts:
        assert any(ord(c) in ARABIC_SCRIPT for c in text), f"untranslated: {text!r}"
