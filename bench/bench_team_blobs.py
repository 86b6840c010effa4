"""Issue 19: attachment upload to the object store on loopback, through the real import.

One real PostgreSQL and one real SeaweedFS, a team HQ made with ``intake hq init
--database ... --blobs s3://...`` and an enrolled field profile. SeaweedFS runs either
as four ``weed`` processes (``--server split``, the default: master, volume, filer, S3
gateway, each its own Go runtime; volume data in ``--data``, default /dev/shm, so no
disk writeback is measured; replication 000, in-memory index; volumes of 1 GiB) or as
the tests start it (``--server single``: one ``weed server``, data in /tmp). Neither
fsyncs: SeaweedFS's volume server does not unless asked per request. The field attaches
one ``--mib`` MiB file and exports it (not measured); then, each in a fresh process:

* **raw PUT (curl)**: the same bytes as ``PART_SIZE`` pieces, one PUT each, three in
  flight (``curl --parallel``, SigV4 with UNSIGNED-PAYLOAD): what the server alone takes
  in, with a client that costs next to nothing;
* **minio fput_object**: a stock minio client's own upload of the plaintext file (its
  defaults: 5 MiB parts, 3 in flight, a SigV4 SHA-256 of each part);
* **import**: ``HQService.import_bundle`` of that bundle (verify, chain, the stored
  chunks streamed into one padded object: the path ``intake hq import`` runs).

Each prints MB/s (attachment bytes / seconds) and the process's peak RSS (VmHWM, whole
process, and from just before the measured call), with the CPU seconds of that process
and of the SeaweedFS processes during it (on a loaded machine wall time overstates what
the work costs). Targets: import >= 150 MB/s, peak RSS <= 150 MiB. The load average is
printed before and after (2 shared cores: read figures with it).

    nice .venv/bin/python bench/bench_team_blobs.py [--mib 1024] [--server split|single]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # not the venv's copy
os.environ["INTAKE_TESTING_FAST_KDF"] = "1"  # unlock cost is not what is measured here
os.environ.setdefault("PYTEST_CURRENT_TEST", "bench")  # the fast KDF is test-only

from tests.cli_helpers import FIELD_PASS, HQ_PASS, enrolled_pair, example_values, ok
from tests.pg_helpers import (
    start_postgres,
    start_seaweedfs,
    start_seaweedfs_split,
    stop_postgres,
    stop_seaweedfs,
    stop_seaweedfs_split,
)

from bench._common import HWM_PRELUDE, run_child
from intake_app.store.s3blobs import PARALLEL_PARTS, PART_SIZE

# Volumes of 1 GiB (the tests use 64 MiB x 16, too small for a 1 GiB object).
WEED_EXTRA = ("-master.volumeSizeLimitMB=1024", "-volume.max=8")
COMPONENTS = ("master", "volume", "filer", "s3")

PRELUDE = HWM_PRELUDE + r"""
def cpu():
    t = os.times()
    return t.user + t.system
"""

IMPORT = PRELUDE + r"""
from intake_app.services.hq import HQService
from intake_app.store import s3blobs
# --part-mib / --parallel: the writer's part size and parts in flight for this run.
s3blobs.PART_SIZE = int(sys.argv[4]) << 20
s3blobs.PARALLEL_PARTS = int(sys.argv[5])
import threading
# CPU by thread (sampled: threads that end take their figures with them), by name.
seen = {}
def thread_cpu():
    tick = os.sysconf("SC_CLK_TCK")
    for t in threading.enumerate():
        try:
            f = open(f"/proc/self/task/{t.native_id}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seen[t.native_id] = (t.name, (int(f[11]) + int(f[12])) / tick)
def sample(stop):
    while not stop.wait(0.1):
        thread_cpu()
svc = HQService(Path(sys.argv[1])); svc.unlock(sys.argv[2])
thread_cpu(); before = dict(seen); seen.clear()
stop = threading.Event(); sampler = threading.Thread(target=sample, args=(stop,), name="sampler")
sampler.start()
whole = hwm(); reset_hwm()
c = cpu(); t = time.perf_counter(); out = svc.import_bundle(Path(sys.argv[3]))
dt = time.perf_counter() - t
stop.set(); sampler.join()
assert out.verdict == "imported", out
by_name = {}
for tid, (name, secs) in seen.items():
    if name == "sampler":
        continue
    name = "main" if name == "MainThread" else name
    by_name[name] = by_name.get(name, 0) + secs - before.get(tid, (name, 0))[1]
print(json.dumps({"seconds": dt, "cpu": cpu() - c, "hwm": hwm(),
                  "hwm_whole": max(whole, hwm()), "threads": by_name}))
"""

PUT = PRELUDE + r"""
from intake_app import objstore
client = objstore.make_client(objstore.settings_from_env())  # a stock Minio
whole = hwm(); reset_hwm()
c = cpu(); t = time.perf_counter(); client.fput_object(sys.argv[1], sys.argv[2], sys.argv[3])
dt = time.perf_counter() - t
print(json.dumps({"seconds": dt, "cpu": cpu() - c, "hwm": hwm(),
                  "hwm_whole": max(whole, hwm())}))
"""


def _load() -> str:
    a, b, c = os.getloadavg()
    return f"{a:.2f} {b:.2f} {c:.2f}"


def _cpu_of(pid: int) -> float:
    """CPU seconds (user + system) process ``pid`` has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _server_cpu(pids: list[int]) -> list[float]:
    return [_cpu_of(pid) for pid in pids]


def _measured(fn: Callable[[], dict[str, Any]], pids: list[int]) -> dict[str, Any]:
    """``fn()``'s figures with the CPU seconds the SeaweedFS processes used meanwhile."""
    c0 = _server_cpu(pids)
    r = fn()
    per = [b - a for a, b in zip(c0, _server_cpu(pids), strict=True)]
    r["server_cpu"] = sum(per)
    if len(per) > 1:
        r["server_split"] = " ".join(f"{n} {c:.1f}" for n, c in zip(COMPONENTS, per,
                                                                    strict=True))
    return r


def _curl_put(files: list[Path], bucket: str, endpoint: str, access: str,
              secret: str) -> dict[str, Any]:
    """One curl process PUTting each file as an object, three at a time."""
    args = ["curl", "-sS", "--no-progress-meter", "--fail", "--parallel", "--parallel-max", "3",
            "--aws-sigv4", "aws:amz:us-east-1:s3", "--user", f"{access}:{secret}",
            "-H", "x-amz-content-sha256: UNSIGNED-PAYLOAD", "-o", "/dev/null"]
    for f in files:
        args += ["-T", str(f), f"http://{endpoint}/{bucket}/raw/{f.name}"]
    before = os.times()
    t = time.perf_counter()
    done = subprocess.run(args, stdout=subprocess.DEVNULL, check=False)
    if done.returncode:
        raise RuntimeError(f"curl failed with exit status {done.returncode}")
    dt = time.perf_counter() - t
    after = os.times()
    cpu = (after.children_user - before.children_user
           + after.children_system - before.children_system)
    return {"seconds": dt, "cpu": cpu}


def _row(name: str, r: dict[str, Any], mb: float, target: bool) -> None:
    rate = mb / r["seconds"]
    verdict = ""
    if target:
        ok_ = rate >= 150 and r["hwm_whole"] <= 150
        verdict = f" (target >= 150 MB/s, RSS <= 150 MiB: {'met' if ok_ else 'NOT met'})"
    rss = ("" if "hwm" not in r else f"  peak RSS {r['hwm_whole']:6.1f} MiB (during the "
           f"call {r['hwm']:6.1f} MiB)")
    print(f"  {name:30s} {r['seconds']:7.2f} s {rate:7.0f} MB/s{rss}{verdict}", flush=True)
    split = f" ({r['server_split']})" if "server_split" in r else ""
    print(f"  {'':30s} CPU: this process {r['cpu']:5.1f} s, SeaweedFS {r['server_cpu']:5.1f} s"
          f"{split} (wall {r['seconds']:.1f} s on {os.cpu_count()} shared cores)", flush=True)
    if "threads" in r:  # the import's CPU by thread (sampled every 0.1 s)
        print(f"  {'':30s} its threads: " + ", ".join(
            f"{n} {c:.1f} s" for n, c in sorted(r["threads"].items(), key=lambda x: -x[1])),
            flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mib", type=int, default=1024)
    ap.add_argument("--dir", type=Path, default=None, help="work folder (default: a temp dir)")
    ap.add_argument("--server", choices=("split", "single"), default="split")
    ap.add_argument("--data", type=Path, default=Path("/dev/shm"),
                    help="where the split server's volumes live (default /dev/shm)")
    ap.add_argument("--no-curl", action="store_true", help="skip the raw PUT reference")
    ap.add_argument("--part-mib", type=int, default=PART_SIZE >> 20,
                    help="the import's part size (default: store/s3blobs.py's)")
    ap.add_argument("--parallel", type=int, default=PARALLEL_PARTS,
                    help="the import's parts in flight (default: store/s3blobs.py's)")
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="intake-teamblobs-", dir=args.dir))
    print(f"load average at start: {_load()} ({os.cpu_count()} cores); work folder {root}",
          flush=True)
    pg, pg_proc = start_postgres()
    if args.server == "split":
        s3, s3_procs = start_seaweedfs_split(args.data)
        weed = (f"SeaweedFS as 4 processes ({', '.join(COMPONENTS)}) on 127.0.0.1, volumes "
                f"in {args.data}, 1 GiB volumes x 8, replication 000, -index=memory")
    else:
        s3, proc = start_seaweedfs(WEED_EXTRA)
        s3_procs = [proc]
        weed = ("SeaweedFS `weed server` (master, volume, filer, S3 gateway in one "
                f"process) on 127.0.0.1, data in /tmp, {' '.join(WEED_EXTRA)}")
    pids = [p.pid for p in s3_procs]
    print("servers: PostgreSQL on a Unix socket (fsync=off, synchronous_commit=off, "
          f"shared_buffers=32MB: tests/pg_helpers.py); {weed}", flush=True)
    try:
        env = {"INTAKE_S3_ENDPOINT": f"http://{s3.endpoint}",
               "AWS_ACCESS_KEY_ID": s3.access_key, "AWS_SECRET_ACCESS_KEY": s3.secret_key}
        os.environ.update(env)
        bucket = "bench-" + secrets.token_hex(4)
        s3.client().make_bucket(bucket)
        # The bucket's first write makes its volumes (seconds): not in any measured run.
        s3.client().put_object(bucket, "warm-up", io.BytesIO(os.urandom(1 << 20)), 1 << 20)
        url = pg.store_url(pg.new_database("bench"))
        s = enrolled_pair(root / "pair", database=url, blobs=f"s3://{bucket}/hq")
        vals = root / "v.json"
        vals.write_text(json.dumps(example_values(), ensure_ascii=False), encoding="utf-8")
        src = root / "blob.bin"
        with open(src, "wb") as fh:
            for _ in range(args.mib):
                fh.write(os.urandom(1 << 20))
        mb = src.stat().st_size / 1e6
        rid = ok("--data-dir", s.field, "record", "new", "--form", "hrd_intake", "--json",
                 vals, passphrase=FIELD_PASS).out.strip()
        ok("--data-dir", s.field, "attach", rid, src, passphrase=FIELD_PASS)
        ok("--data-dir", s.field, "record", "finalize", rid, passphrase=FIELD_PASS)
        usb = root / "usb"
        usb.mkdir()
        (bundle,) = ok("--data-dir", s.field, "export", "--to", usb,
                       passphrase=FIELD_PASS).out.split()
        print(f"{args.mib} MiB attachment ({mb:.1f} MB), bundle "
              f"{Path(bundle).stat().st_size / 1e6:.1f} MB; load before the runs {_load()}",
              flush=True)
        if not args.no_curl:
            pieces = root / "pieces"
            pieces.mkdir()
            files = []
            with open(src, "rb") as fh:
                while block := fh.read(PART_SIZE):
                    files.append(pieces / f"p{len(files):05d}")
                    files[-1].write_bytes(block)
            raw = _measured(lambda: _curl_put(files, bucket, s3.endpoint, s3.access_key,
                                              s3.secret_key), pids)
            shutil.rmtree(pieces)
            _row(f"raw PUT (curl, {PART_SIZE >> 20} MiB)", raw, mb, False)
        put = _measured(lambda: run_child(PUT, bucket, "reference/blob.bin", str(src),
                                          env=env), pids)
        _row("minio fput_object", put, mb, False)
        imp = _measured(lambda: run_child(IMPORT, str(s.hq), HQ_PASS, bundle,
                                          str(args.part_mib), str(args.parallel), env=env),
                        pids)
        _row(f"HQ import -> S3 ({args.part_mib} MiB x {args.parallel})", imp, mb, True)
        print(f"  import / minio put: {put['seconds'] / imp['seconds']:.2f}x; "
              f"load average at the end: {_load()}", flush=True)
    finally:
        if args.server == "split":
            stop_seaweedfs_split(s3, s3_procs)
        else:
            stop_seaweedfs(s3, s3_procs[0])
        stop_postgres(pg, pg_proc)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
