#!/usr/bin/env python3
"""Install the .deb into a clean Debian made with debootstrap, and use it there.

    sudo python3 packaging/deb_chroot_check.py dist/intake-app_0.1.0_amd64.deb
    sudo python3 packaging/deb_chroot_check.py --build          # build the .deb first

Needs root, ``debootstrap`` (``apt-get install debootstrap``) and Debian's mirror.
Steps: ``debootstrap --variant=minbase`` (the smallest Debian: no X, no Qt, no
Python), ``apt-get install ./the.deb`` inside it (apt resolves the package's
``Depends:`` from the mirror: nothing else is installed by hand), then, inside
the chroot as an unprivileged user: ``intake --version``, the whole CLI round
trip with the packaged ``hrd_intake`` form and example (HQ init, provision,
enroll, record new, finalize, export, keyring, verify, HQ import, receipts),
``intake-app --self-test`` offscreen in Dari, and the xcb pre-flight check
(with ``QT_QPA_PLATFORM=xcb`` it must find every library it needs: the
``Depends:`` are complete). Prints one JSON report with the timings.

Not part of ``make test``: debootstrap downloads ~40 MB and takes 1-2 minutes,
and the CI image does not carry debootstrap. packaging/README.md records the
last result.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIELD_PASS = "field passphrase one"
HQ_PASS = "hq passphrase number two"
USER = "fieldworker"


def log(msg: str) -> None:
    print(f"deb-chroot: {msg}", file=sys.stderr, flush=True)


def sh(cmd: Sequence[str | Path], **kw: object) -> str:
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, check=False,
                       **kw)  # type: ignore[call-overload]
    if r.returncode != 0:
        raise SystemExit(f"deb-chroot: failed ({r.returncode}): {' '.join(map(str, cmd))}\n"
                         f"{r.stdout[-3000:]}\n{r.stderr[-3000:]}")
    return str(r.stdout)


class Chroot:
    def __init__(self, root: Path) -> None:
        self.root = root

    def run(self, script: str, *, user: str | None = None, env: dict[str, str] | None = None
            ) -> str:
        """A shell script inside the chroot (as ``user`` if given), with a clean environment."""
        base = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8",
                "DEBIAN_FRONTEND": "noninteractive"}
        if user:
            base.update(HOME=f"/home/{user}", USER=user)
        base.update(env or {})
        cmd: list[str | Path] = ["chroot"]
        if user:
            cmd += [f"--userspec={user}:{user}"]
        cmd += [self.root, "/bin/sh", "-eu", "-c", script]
        return sh(cmd, env=base)


def debootstrap(root: Path, suite: str, mirror: str) -> float:
    t = time.monotonic()
    sh(["debootstrap", "--variant=minbase", suite, root, mirror])
    return time.monotonic() - t


def mount_proc(root: Path) -> None:
    (root / "proc").mkdir(exist_ok=True)
    sh(["mount", "-t", "proc", "proc", root / "proc"])


def unmount_proc(root: Path) -> None:
    subprocess.run(["umount", "-l", str(root / "proc")], check=False, capture_output=True)


ROUND_TRIP = r"""
cd "$HOME"
export INTAKE_PASSPHRASE="$HQP"
intake --data-dir hq hq init --org "Chroot Test Org" >/dev/null
intake --data-dir hq hq provision --out prov.sig >/dev/null
FP=$(intake --data-dir hq hq fingerprint)
export INTAKE_PASSPHRASE="$FIELDP"
intake --data-dir field init >/dev/null
intake --data-dir field forms list | grep -q hrd_intake
intake --data-dir field enroll prov.sig --card-out card.sig --expect-fingerprint "$FP" >/dev/null
EXAMPLE=$(find /opt/intake-app -path '*builtin_forms/examples/hrd_intake.json' | head -n1)
RID=$(intake --data-dir field record new --form hrd_intake --json "$EXAMPLE")
intake --data-dir field record finalize "$RID" >/dev/null
intake --data-dir field export --to usb --mkdir >/dev/null
export INTAKE_PASSPHRASE="$HQP"
intake --data-dir hq hq enroll-device card.sig >/dev/null
intake --data-dir hq hq keyring --out keyring.sig >/dev/null
intake verify usb --keyring keyring.sig | grep -q '^OK '
intake --data-dir hq hq import usb >/dev/null
intake --data-dir hq hq records show "$RID" --json | grep -q name_native
intake --data-dir hq hq receipts --out usb/receipts >/dev/null
export INTAKE_PASSPHRASE="$FIELDP"
intake --data-dir field receipts import usb/receipts >/dev/null
if intake --data-dir field record list | grep -q "$RID"; then echo "not purged"; exit 1; fi
echo "$RID"
"""

SELF_TEST = r"""
cd "$HOME"
export INTAKE_PASSPHRASE="$FIELDP" QT_QPA_PLATFORM=offscreen
intake-app --data-dir field --lang fa-AF --self-test report.json 2>selftest.err
cat report.json
"""

XCB_PREFLIGHT = r"""
cd "$HOME"
rc=0
QT_QPA_PLATFORM=xcb DISPLAY=:77 timeout 60 intake-app --data-dir field 2>xcb.err || rc=$?
echo "rc=$rc"
cat xcb.err
"""


def check(deb: Path, root: Path, suite: str, mirror: str, reuse: bool) -> dict[str, object]:
    timings: dict[str, float] = {}
    if not (reuse and (root / "usr" / "bin" / "apt-get").exists()):
        shutil.rmtree(root, ignore_errors=True)
        log(f"debootstrap --variant=minbase {suite} {root}")
        timings["debootstrap"] = debootstrap(root, suite, mirror)
    ch = Chroot(root)
    shutil.copy2("/etc/resolv.conf", root / "etc" / "resolv.conf")
    mount_proc(root)
    try:
        before = set(ch.run("dpkg-query -W -f '${Package}\\n'").split())
        assert not {"python3", "libqt6core6", "libxcb1"} & before, "not a clean minbase"
        shutil.copy2(deb, root / "srv" / deb.name)  # readable by apt's _apt user
        t = time.monotonic()
        log(f"apt-get install ./{deb.name} (Depends from the mirror)")
        ch.run(f"apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "
               f"/srv/{deb.name} >/dev/null")
        timings["apt_install"] = time.monotonic() - t
        added = sorted(set(ch.run("dpkg-query -W -f '${Package}\\n'").split()) - before)
        ch.run(f"id {USER} >/dev/null 2>&1 || useradd -m {USER}")
        ch.run(f"rm -rf /home/{USER}/* /home/{USER}/.local")
        version = ch.run("intake --version", user=USER).strip()
        env = {"FIELDP": FIELD_PASS, "HQP": HQ_PASS}
        t = time.monotonic()
        rid = ch.run(ROUND_TRIP, user=USER, env=env).strip()
        timings["round_trip"] = time.monotonic() - t
        report = json.loads(ch.run(SELF_TEST, user=USER, env=env))
        xcb = ch.run(XCB_PREFLIGHT, user=USER, env=env)
        labels = [lab["text"] for lab in report.get("labels", [])]
        dari = any(any(0x0600 <= ord(c) < 0x0700 for c in text) for text in labels)
        result: dict[str, object] = {
            "deb": deb.name, "deb_bytes": deb.stat().st_size, "suite": suite,
            "packages_added_by_apt": len(added), "added": added,
            "intake_version": version, "round_trip_record": rid,
            "self_test": {"screen": report.get("screen"), "language": report.get("language"),
                          "layout_direction": report.get("layout_direction"),
                          "arabic_script_labels": dari},
            "xcb_preflight": xcb.strip().splitlines()[:3],
            "xcb_all_libraries_present": "apt-get install" not in xcb,
            "seconds": {k: round(v, 1) for k, v in timings.items()},
        }
        ok = (version.startswith("intake ") and len(rid) == 32 and dari
              and report.get("screen") == "unlockPage" and "apt-get install" not in xcb)
        result["ok"] = ok
        return result
    finally:
        unmount_proc(root)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("deb", nargs="?", type=Path, help="the .deb (default: build one)")
    p.add_argument("--build", action="store_true", help="run packaging/build.py first")
    p.add_argument("--root", type=Path, help="chroot folder (default: a temporary one)")
    p.add_argument("--reuse", action="store_true", help="reuse an existing --root")
    p.add_argument("--suite", default="bookworm")
    p.add_argument("--mirror", default="http://deb.debian.org/debian")
    args = p.parse_args(argv)
    if os.geteuid() != 0 or shutil.which("debootstrap") is None:
        raise SystemExit("deb-chroot: needs root and debootstrap (apt-get install debootstrap)")
    deb = args.deb
    if args.build or deb is None:
        out = Path(tempfile.mkdtemp(prefix="intake-deb-"))
        sh([sys.executable, REPO / "packaging" / "build.py", "--out", out])
        deb = next(out.glob("intake-app_*.deb"))
    if not deb.is_file():
        raise SystemExit(f"deb-chroot: no such file: {deb}")
    root = (args.root or Path(tempfile.mkdtemp(prefix="intake-chroot-"))).resolve()
    try:
        result = check(deb.resolve(), root, args.suite, args.mirror, args.reuse)
    finally:
        if args.root is None:
            shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(result, indent=2))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
