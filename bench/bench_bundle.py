"""Bundle throughput and memory, side by side with age and minisign.

    .venv/bin/python bench/bench_bundle.py [--size-mib 1024] [--records 10000] [--runs 2]

Every phase runs in its own child process; wall time is measured around the child
and peak RSS is the child's maximum resident set (GNU time %M). Interpreter start-up
counts against us just as process start-up counts against age and minisign. Inputs
are read once first so all phases run with a warm page cache. Needs `age`,
`age-keygen`, `minisign` and /usr/bin/time.
Ratios are reference time / our time: > 1 means we are faster.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"seal": 0.8, "verify": 1.0, "open": 0.8}
RSS_LIMIT_MIB = 150


# --- child phases ---------------------------------------------------------------------
def _keys(d: Path):  # type: ignore[no-untyped-def]
    from nacl.public import PrivateKey
    from nacl.signing import SigningKey

    from intake_app.crypto import Keyring

    dev = SigningKey((d / "dev.key").read_bytes())
    hq = PrivateKey((d / "hq.key").read_bytes())
    ring = Keyring.load((d / "keyring.sdoc").read_bytes(), None)
    return dev, hq, ring


def phase(name: str, d: Path, n_records: int) -> None:
    from intake_app.crypto import PayloadItem, open_bundle, verify_bundle, write_bundle
    from intake_app.crypto.bundle import ZERO_HASH
    from intake_app.crypto.canonical import canonical_json

    dev, hq, ring = _keys(d)
    common = dict(
        signing_key=dev, device_id="dev-1", hq_id="hq-1", sequence=1, prev=ZERO_HASH,
        recipients=[hq.public_key], created_at=1_767_225_600,
    )  # fmt: skip
    if name == "seal":
        src = d / "data.bin"
        n = src.stat().st_size
        with open(src, "rb") as fh, open(d / "data.bndl", "wb") as out:
            meta = canonical_json({"name": "data.bin", "size": n})
            write_bundle(out, items=[PayloadItem("attachment", meta, fh, n)], **common)  # type: ignore[arg-type]
    elif name == "verify":
        with open(d / "data.bndl", "rb") as fh:
            verify_bundle(fh, ring)
    elif name in ("open", "open-1pass"):
        with open(d / "data.bndl", "rb") as fh, open(d / "data.out", "wb") as out:
            for item in open_bundle(fh, [hq], ring, single_pass=name == "open-1pass"):
                for chunk in item.chunks():
                    out.write(chunk)
    elif name == "seal-records":
        items = (
            PayloadItem("record", canonical_json({
                "record_id": f"r-{i:06d}", "revision": 1, "form": "intake-v3",
                "values": {"name": "نام و نام", "district": "Peshawar", "notes": "x" * 200},
            }))
            for i in range(n_records)
        )  # fmt: skip
        with open(d / "records.bndl", "wb") as out:
            write_bundle(out, items=items, **common)  # type: ignore[arg-type]
    elif name == "open-records":
        with open(d / "records.bndl", "rb") as fh:
            count = sum(1 for item in open_bundle(fh, [hq], ring) if item.kind == "record")
        assert count == n_records, count
    else:
        raise SystemExit(f"unknown phase {name}")


# --- parent ----------------------------------------------------------------------------
def run(cmd: list[str]) -> tuple[float, float, float]:
    """(wall s, peak RSS MiB, CPU s user+sys) of one child, via /usr/bin/time: a child
    forked from this (large) Python process would report the parent's pages as its peak."""
    with tempfile.NamedTemporaryFile(suffix=".time") as tf:
        t = time.perf_counter()
        p = subprocess.run(
            ["/usr/bin/time", "-f", "%M %U %S", "-o", tf.name, *cmd],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False,
        )  # fmt: skip
        wall = time.perf_counter() - t
        if p.returncode != 0:
            raise SystemExit(f"{cmd[0]} failed ({p.returncode}): {p.stderr.decode()}")
        rss_kib, user, sys_ = Path(tf.name).read_text().split()[-3:]
    return wall, int(rss_kib) / 1024, float(user) + float(sys_)


def best(
    cmd: list[str], runs: int, before: list[str] | None = None
) -> tuple[float, float, float]:
    """Fastest wall time, largest RSS, CPU time of the fastest run."""
    results = []
    for _ in range(runs):
        if before:
            for f in before:
                Path(f).unlink(missing_ok=True)
        results.append(run(cmd))
    fastest = min(results)
    return fastest[0], max(r[1] for r in results), fastest[2]


def warm(path: Path) -> None:
    with open(path, "rb") as fh:
        while fh.read(16 << 20):
            pass


def setup(d: Path, size_mib: int) -> None:
    from nacl.public import PrivateKey
    from nacl.signing import SigningKey

    from intake_app.crypto import Keyring
    from intake_app.crypto.keyring import DeviceEntry

    dev, hq_sign, hq = SigningKey.generate(), SigningKey.generate(), PrivateKey.generate()
    (d / "dev.key").write_bytes(bytes(dev))
    (d / "hq.key").write_bytes(bytes(hq))
    ring = Keyring.build(
        hq_id="hq-1", org_name="Bench", hq_signing_key=hq_sign.verify_key,
        recipients=[("main", hq.public_key)],
        devices=[DeviceEntry("dev-1", dev.verify_key, "enrolled", 0)],
    )  # fmt: skip
    (d / "keyring.sdoc").write_bytes(ring.to_bytes(hq_sign))
    with open(d / "data.bin", "wb") as fh:
        for _ in range(size_mib // 16):
            fh.write(os.urandom(16 << 20))
        fh.write(os.urandom((size_mib % 16) << 20))
    subprocess.run(["age-keygen", "-o", str(d / "age.key")], check=True, capture_output=True)
    subprocess.run(
        ["minisign", "-G", "-W", "-p", str(d / "ms.pub"), "-s", str(d / "ms.key")],
        check=True, capture_output=True,
    )  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mib", type=int, default=1024)
    ap.add_argument("--records", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=2)
    # tmpfs by default: on disk, dirty-page writeback of the 1 GiB outputs (ours, age's,
    # and anything else running) dominates and makes the ratios noise
    shm = Path("/dev/shm")
    ap.add_argument("--dir", type=Path, default=shm if shm.is_dir() else None)
    ap.add_argument("--phase")
    a = ap.parse_args()
    if a.phase:
        phase(a.phase, a.dir, a.records)
        return
    for tool in ("age", "age-keygen", "minisign", "/usr/bin/time"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} not found: apt-get install -y age minisign")
    d = Path(tempfile.mkdtemp(prefix="bench-bundle-", dir=a.dir))
    try:
        setup(d, a.size_mib)
        me = [sys.executable, __file__, "--dir", str(d), "--records", str(a.records), "--phase"]
        recipient = subprocess.run(
            ["age-keygen", "-y", str(d / "age.key")], check=True, capture_output=True, text=True
        ).stdout.strip()
        data = str(d / "data.bin")
        warm(d / "data.bin")
        rows = []
        seal = best([*me, "seal"], a.runs, [str(d / "data.bndl")])
        age_enc = best(["age", "-r", recipient, "-o", str(d / "data.age"), data], a.runs,
                       [str(d / "data.age")])  # fmt: skip
        rows.append(("seal 1 GiB" if a.size_mib == 1024 else "seal", seal, "age -r", age_enc))
        warm(d / "data.bndl")
        ver = best([*me, "verify"], a.runs)
        sig = str(d / "data.minisig")
        subprocess.run(["minisign", "-S", "-s", str(d / "ms.key"), "-m", data, "-x", sig],
                       check=True, capture_output=True)  # fmt: skip
        ms_v = best(["minisign", "-V", "-p", str(d / "ms.pub"), "-m", data, "-x", sig], a.runs)
        rows.append(("verify", ver, "minisign -V", ms_v))
        opn = best([*me, "open"], a.runs, [str(d / "data.out")])
        warm(d / "data.age")
        age_dec = best(["age", "-d", "-i", str(d / "age.key"), "-o", str(d / "data.dec"),
                        str(d / "data.age")], a.runs, [str(d / "data.dec")])  # fmt: skip
        rows.append(("open", opn, "age -d", age_dec))
        opn1 = best([*me, "open-1pass"], a.runs, [str(d / "data.out")])
        rows.append(("open 1-pass", opn1, "age -d", age_dec))
        assert (d / "data.out").stat().st_size == (d / "data.bin").stat().st_size
        sr = best([*me, "seal-records"], a.runs, [str(d / "records.bndl")])
        orr = best([*me, "open-records"], a.runs)
        size = (d / "data.bin").stat().st_size
        mib = size / 2**20
        print(f"\n{mib:.0f} MiB random attachment; {a.records} records; best of {a.runs}; "
              f"cpus={os.cpu_count()}; files in {d.parent}; load {os.getloadavg()[0]:.2f}\n")
        hdr = f"{'phase':<12}{'ours s':>8}{'cpu s':>7}{'MiB/s':>7}{'RSS MiB':>8}   "
        hdr += f"{'reference':<12}"
        print(hdr + f"{'ref s':>6}{'cpu s':>6}{'MiB/s':>6}{'RSS MiB':>8}{'ratio':>6}{'target':>8}")
        for label, (t, rss, cpu), ref, (rt, rrss, rcpu) in rows:
            ratio = rt / t
            key = label.split()[0]
            ok = "ok" if ratio >= TARGETS[key] and rss <= RSS_LIMIT_MIB else "MISS"
            print(f"{label:<12}{t:8.2f}{cpu:7.2f}{mib / t:7.0f}{rss:8.1f}   {ref:<12}{rt:6.2f}"
                  f"{rcpu:6.2f}{mib / rt:6.0f}{rrss:8.1f}{ratio:6.2f}{TARGETS[key]:>6.1f} {ok}")
        rsize = (d / "records.bndl").stat().st_size / 2**20
        print(f"\n{a.records} records ({rsize:.1f} MiB bundle): seal {sr[0]:.2f} s "
              f"(RSS {sr[1]:.1f} MiB), open {orr[0]:.2f} s (RSS {orr[1]:.1f} MiB)")  # fmt: skip
    finally:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    if "--phase" not in sys.argv:
        sys.stdout = io.TextIOWrapper(sys.stdout.buffer, line_buffering=True)
    main()
