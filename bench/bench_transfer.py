"""Issue 20: export, HQ import and verify as the app runs them, beside age and minisign.

One run, on the same bytes: a 1 GiB attachment (``--mib``) and a 100-record text batch
(``--records``). Each of our phases runs in its own process (services, as the CLI calls
them) and reports its time and its peak RSS after unlock (the unlock's Argon2id is
excluded: the bench uses the test KDF, and unlock is not the transfer). The reference
tools run on the same plaintext in the same folder: ``age -r`` (encrypt), ``age -d``
(decrypt), ``minisign -V`` (verify), with their peak RSS from GNU time. Ratio =
reference time / our time (> 1: we are faster). Then the same export to a deliberately
slow target (a writer limited to ``--slow-mbps``) to show that memory stays bounded,
and the four phases again on other sizes (``--also-mib``, default 256 and 2048 MiB) to
show that peak RSS does not grow with the attachment.

Targets: export >= 1.0x age -r, import >= 1.0x age -d, verify >= 1.5x minisign -V,
peak RSS <= 64 MiB; attach stays >= 200 MB/s (printed too).

    .venv/bin/python bench/bench_transfer.py [--mib 1024] [--records 100] [--slow-mbps 40]

age and minisign are installed with apt-get if missing (the bench only; tests never
need them).
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
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # not the venv's copy
os.environ["INTAKE_TESTING_FAST_KDF"] = "1"  # unlock cost is not what is measured here
os.environ.setdefault("PYTEST_CURRENT_TEST", "bench")  # the fast KDF is test-only

from tests.cli_helpers import FIELD_PASS, HQ_PASS, enrolled_pair, example_values, ok

from bench._common import HWM_PRELUDE, peak_rss_of, run_child

PRELUDE = HWM_PRELUDE

ATTACH = PRELUDE + r"""
from intake_app.services.field import FieldService
svc = FieldService(Path(sys.argv[1])); svc.unlock(sys.argv[2]); reset_hwm()
t = time.perf_counter(); svc.attach_file(sys.argv[3], Path(sys.argv[4]))
dt = time.perf_counter() - t
svc.finalize(sys.argv[3])
print(json.dumps({"seconds": dt, "hwm": hwm()}))
"""

EXPORT = PRELUDE + r"""
import contextlib
from intake_app.services import outbox
from intake_app.services.field import FieldService
rate = float(sys.argv[4])
if rate:
    class Slow:
        # A target that takes ``rate`` MB/s: the stick in the field, not the page cache.
        def __init__(self, fh):
            self.fh, self.t0, self.n = fh, time.perf_counter(), 0
        def write(self, b):
            self.n += len(b)
            ahead = self.n / (rate * 1e6) - (time.perf_counter() - self.t0)
            if ahead > 0:
                time.sleep(ahead)
            return self.fh.write(b)
        def __getattr__(self, name):
            return getattr(self.fh, name)
    @contextlib.contextmanager
    def slow_dest(path):
        if path is None:
            yield None
            return
        with open(path, "wb") as fh:
            yield Slow(fh)
    outbox._open_dest = slow_dest
svc = FieldService(Path(sys.argv[1])); svc.unlock(sys.argv[2]); reset_hwm()
t = time.perf_counter(); res = svc.export(Path(sys.argv[3])); dt = time.perf_counter() - t
print(json.dumps({"seconds": dt, "bytes": res.bytes_written, "files": list(res.paths),
                  "hwm": hwm()}))
"""

VERIFY = PRELUDE + r"""
from intake_app.services import audit
ring = audit.load_keyring(Path(sys.argv[1])); reset_hwm()
paths = [Path(p) for p in sys.argv[2:]]
t = time.perf_counter(); out = audit.verify_paths(paths, ring); dt = time.perf_counter() - t
assert all(o.ok for o in out), out
print(json.dumps({"seconds": dt, "hwm": hwm()}))
"""

IMPORT = PRELUDE + r"""
from intake_app.services.hq import HQService
svc = HQService(Path(sys.argv[1])); svc.unlock(sys.argv[2]); reset_hwm()
t = time.perf_counter()
outs = [svc.import_bundle(Path(p)) for p in sys.argv[3:]]
dt = time.perf_counter() - t
assert all(o.verdict == "imported" for o in outs), outs
print(json.dumps({"seconds": dt, "records": sum(o.records for o in outs), "hwm": hwm()}))
"""


def ensure_tools() -> None:
    need = [t for t in ("age", "age-keygen", "minisign") if shutil.which(t) is None]
    if need:
        print(f"installing age and minisign (missing: {', '.join(need)})", flush=True)
        subprocess.run(["apt-get", "install", "-y", "age", "minisign"], check=True,
                       capture_output=True)


def reference(src: Path, work: Path) -> dict[str, float]:
    """age -r, age -d and minisign -V on ``src``: (seconds, peak RSS MiB) each."""
    key = work / "age.key"
    key.unlink(missing_ok=True)
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
    recipient = next(line.split(": ")[1] for line in key.read_text().splitlines()
                     if "public key" in line)
    enc = work / "ref.age"
    settle()
    t_enc, rss_enc = peak_rss_of(["age", "-r", recipient, "-o", str(enc), str(src)])
    s_enc = _fsync_seconds(enc)
    dec = work / "ref.out"
    settle()
    t_dec, rss_dec = peak_rss_of(["age", "-d", "-i", str(key), "-o", str(dec), str(enc)])
    s_dec = _fsync_seconds(dec)
    enc.unlink()
    dec.unlink()
    mkey, mpub = work / "m.key", work / "m.pub"
    for p in (mkey, mpub, Path(str(src) + ".minisig")):
        p.unlink(missing_ok=True)
    subprocess.run(["minisign", "-G", "-W", "-s", str(mkey), "-p", str(mpub)], check=True,
                   capture_output=True)
    subprocess.run(["minisign", "-S", "-s", str(mkey), "-m", str(src)], check=True,
                   capture_output=True)
    settle()
    t_ver, rss_ver = peak_rss_of(["minisign", "-V", "-p", str(mpub), "-m", str(src)])
    return {"enc": t_enc, "dec": t_dec, "ver": t_ver,
            "enc_rss": rss_enc, "dec_rss": rss_dec, "ver_rss": rss_ver,
            "enc_sync": s_enc, "dec_sync": s_dec}


def settle() -> None:
    """Before each timed phase, ours or a reference tool's: the disk finishes what the
    previous phase left (dirty pages, the extents of deleted files), so no phase pays
    for another's writes."""
    os.sync()
    time.sleep(1.0)


def _fsync_seconds(path: Path) -> float:
    """What making the reference tool's output durable costs after it exits: `age`
    never fsyncs, our export and import must (the stick is pulled out, HQ's store is
    the only copy), so on a disk slower than the page cache the plain ratio measures the
    disk. Printed beside the ratio, not in it."""
    t = time.perf_counter()
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return time.perf_counter() - t


def _record(field: Path, vals: Path) -> str:
    return ok("--data-dir", field, "record", "new", "--form", "hrd_intake", "--json", vals,
              passphrase=FIELD_PASS).out.strip()


def _row(name: str, ours: dict[str, Any], ref_name: str, ref_t: float, ref_rss: float,
         mb: float, target: float, ref_sync: float | None = None) -> None:
    t = ours["seconds"]
    ratio = ref_t / t
    verdict = "met" if ratio >= target and ours["hwm"] <= 64 else "NOT met"
    print(f"  {name:8s} {t:7.2f} s {mb / t:7.0f} MB/s peak {ours['hwm']:5.1f} MiB | "
          f"{ref_name:11s} {ref_t:7.2f} s {mb / ref_t:7.0f} MB/s peak {ref_rss:5.1f} MiB | "
          f"ratio {ratio:5.2f}x (target >= {target}x, RSS <= 64 MiB: {verdict})")
    if ref_sync is not None:
        durable = ref_t + ref_sync
        print(f"  {'':8s} {ref_name} then fsync of its output: {durable:.2f} s "
              f"(fsync {ref_sync:.2f} s); ours against that: {durable / t:.2f}x")


def _three(label: str, s: Any, usb: Path, ref: dict[str, float], mb: float) -> list[str]:
    settle()
    ex = run_child(EXPORT, str(s.field), FIELD_PASS, str(usb), "0")
    settle()
    ve = run_child(VERIFY, str(s.keyring), *ex["files"])
    settle()
    im = run_child(IMPORT, str(s.hq), HQ_PASS, *ex["files"])
    print(f"{label} ({len(ex['files'])} volume(s), {ex['bytes'] / 1e6:.1f} MB sealed):")
    _row("export", ex, "age -r", ref["enc"], ref["enc_rss"], mb, 1.0, ref["enc_sync"])
    _row("import", im, "age -d", ref["dec"], ref["dec_rss"], mb, 1.0, ref["dec_sync"])
    _row("verify", ve, "minisign -V", ref["ver"], ref["ver_rss"], mb, 1.5)
    return list(ex["files"])


def _rss_at(root: Path, vals: Path, mib: int) -> None:
    """The same four phases on ``mib`` MiB, for peak RSS against size (no reference)."""
    s = enrolled_pair(root / f"size{mib}")
    src = root / f"size{mib}.bin"
    with open(src, "wb") as fh:
        for _ in range(mib):
            fh.write(os.urandom(1 << 20))
    mb = src.stat().st_size / 1e6
    at = run_child(ATTACH, str(s.field), FIELD_PASS, _record(s.field, vals), str(src))
    src.unlink()
    usb = root / f"usb{mib}"
    usb.mkdir()
    settle()
    ex = run_child(EXPORT, str(s.field), FIELD_PASS, str(usb), "0")
    settle()
    ve = run_child(VERIFY, str(s.keyring), *ex["files"])
    settle()
    im = run_child(IMPORT, str(s.hq), HQ_PASS, *ex["files"])
    peaks = [at["hwm"], ex["hwm"], ve["hwm"], im["hwm"]]
    print(f"  {mib:5d} MiB: attach {mb / at['seconds']:5.0f} MB/s {at['hwm']:5.1f} MiB | "
          f"export {mb / ex['seconds']:5.0f} MB/s {ex['hwm']:5.1f} MiB | "
          f"verify {mb / ve['seconds']:5.0f} MB/s {ve['hwm']:5.1f} MiB | "
          f"import {mb / im['seconds']:5.0f} MB/s {im['hwm']:5.1f} MiB "
          f"(RSS <= 64 MiB: {'met' if max(peaks) <= 64 else 'NOT met'}; load "
          f"{os.getloadavg()[0]:.2f})", flush=True)
    shutil.rmtree(usb)
    shutil.rmtree(root / f"size{mib}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mib", type=int, default=1024)
    ap.add_argument("--records", type=int, default=100)
    ap.add_argument("--slow-mbps", type=float, default=40.0)
    ap.add_argument("--also-mib", default="256,2048",
                    help="more attachment sizes (comma-separated MiB) for peak RSS against "
                         "size; empty for none")
    ap.add_argument("--dir", type=Path, default=None, help="work folder (default: a temp dir)")
    args = ap.parse_args()
    ensure_tools()
    root = Path(tempfile.mkdtemp(prefix="intake-transfer-", dir=args.dir))
    load = os.getloadavg()
    print(f"load average at start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
          f"({os.cpu_count()} cores); work folder {root}")
    try:
        vals = root / "v.json"
        vals.write_text(json.dumps(example_values(), ensure_ascii=False), encoding="utf-8")
        # --- one attachment of --mib MiB -------------------------------------------------
        s = enrolled_pair(root / "att")
        src = root / "blob.bin"
        with open(src, "wb") as fh:
            for _ in range(args.mib):
                fh.write(os.urandom(1 << 20))
        size = src.stat().st_size
        mb = size / 1e6
        ref = reference(src, root)
        rid = _record(s.field, vals)
        settle()
        at = run_child(ATTACH, str(s.field), FIELD_PASS, rid, str(src))
        print(f"attach {args.mib} MiB: {mb / at['seconds']:.0f} MB/s, peak {at['hwm']:.1f} MiB "
              "(target >= 200 MB/s)")
        usb = root / "usb"
        usb.mkdir()
        _three(f"1 attachment of {args.mib} MiB", s, usb, ref, mb)
        shutil.rmtree(usb)
        # Export to a slow target: the same attachment size again, new field profile.
        s2 = enrolled_pair(root / "slow")
        rid = _record(s2.field, vals)
        run_child(ATTACH, str(s2.field), FIELD_PASS, rid, str(src))
        src.unlink()
        usb.mkdir()
        sl = run_child(EXPORT, str(s2.field), FIELD_PASS, str(usb), str(args.slow_mbps))
        print(f"export to a target limited to {args.slow_mbps:.0f} MB/s: {sl['seconds']:.1f} s "
              f"({mb / sl['seconds']:.0f} MB/s), peak {sl['hwm']:.1f} MiB (target <= 64 MiB: "
              f"{'met' if sl['hwm'] <= 64 else 'NOT met'})")
        shutil.rmtree(usb)
        shutil.rmtree(root / "att")
        shutil.rmtree(root / "slow")

        sizes = [int(x) for x in args.also_mib.split(",") if x.strip()]
        if sizes:
            print("peak RSS against attachment size (each phase its own process):")
            for mib in sizes:
                _rss_at(root, vals, mib)

        # --- a batch of text records ------------------------------------------------------
        s = enrolled_pair(root / "rec")
        texts = root / "records.json"
        with open(texts, "wb") as out:  # the same plaintext, for the reference tools
            for i in range(args.records):
                v = example_values(interviewer_notes=f"record {i} of the batch")
                f = root / "r.json"
                f.write_text(json.dumps(v, ensure_ascii=False), encoding="utf-8")
                rid = _record(s.field, f)
                ok("--data-dir", s.field, "record", "finalize", rid, passphrase=FIELD_PASS)
                out.write(f.read_bytes())
        ref = reference(texts, root)
        usb.mkdir()
        _three(f"{args.records} text records", s, usb, ref, texts.stat().st_size / 1e6)
        print("  (records: the reference tools' times include their process start; ours are "
              "the phase inside the process, after unlock)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    t0 = time.perf_counter()
    main()
    end = os.getloadavg()
    print(f"(bench_transfer ran {time.perf_counter() - t0:.0f} s; load average at the end "
          f"{end[0]:.2f} {end[1]:.2f} {end[2]:.2f})")
