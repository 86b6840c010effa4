"""Issue 19: attachment upload to the object store on loopback, through the real import.

One real PostgreSQL and one real SeaweedFS (``weed server`` with its S3 gateway, as the
tests start them, with volumes large enough for a 1 GiB object), a team HQ made with
``intake hq init --database ... --blobs s3://...`` and an enrolled field profile. The
field attaches one ``--mib`` MiB file and exports it (not measured); then, each in a
fresh process:

* **import**: ``HQService.import_bundle`` of that bundle (verify, chain, the stored
  chunks streamed into one padded object: the path ``intake hq import`` runs);
* **reference**: the minio client's own ``fput_object`` of the same plaintext file to
  the same bucket (its defaults: 3 parts in flight), i.e. raw put throughput.

Each prints MB/s (attachment bytes / seconds) and the process's peak RSS (VmHWM, whole
process, and from just before the measured call), with the CPU seconds of that process
and of the SeaweedFS server during it (on a loaded machine wall time overstates what the
work costs). Targets: import >= 150 MB/s, peak
RSS <= 150 MiB. The load average is printed before and after (2 shared cores: read
figures with it).

    .venv/bin/python bench/bench_team_blobs.py [--mib 1024]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ["INTAKE_TESTING_FAST_KDF"] = "1"  # unlock cost is not what is measured here
os.environ.setdefault("PYTEST_CURRENT_TEST", "bench")  # the fast KDF is test-only

from tests.cli_helpers import FIELD_PASS, HQ_PASS, enrolled_pair, example_values, ok
from tests.pg_helpers import start_postgres, start_seaweedfs, stop_postgres, stop_seaweedfs

from bench._common import HWM_PRELUDE, run_child

# Volumes of 1 GiB (the tests use 64 MiB x 16, too small for a 1 GiB object).
WEED_EXTRA = ("-master.volumeSizeLimitMB=1024", "-volume.max=8")

PRELUDE = HWM_PRELUDE + r"""
def cpu():
    t = os.times()
    return t.user + t.system
"""

IMPORT = PRELUDE + r"""
from intake_app.services.hq import HQService
svc = HQService(Path(sys.argv[1])); svc.unlock(sys.argv[2])
whole = hwm(); reset_hwm()
c = cpu(); t = time.perf_counter(); out = svc.import_bundle(Path(sys.argv[3]))
dt = time.perf_counter() - t
assert out.verdict == "imported", out
print(json.dumps({"seconds": dt, "cpu": cpu() - c, "hwm": hwm(),
                  "hwm_whole": max(whole, hwm())}))
"""

PUT = PRELUDE + r"""
from intake_app import objstore
client = objstore.make_client(objstore.settings_from_env())
whole = hwm(); reset_hwm()
c = cpu(); t = time.perf_counter(); client.fput_object(sys.argv[1], sys.argv[2], sys.argv[3])
dt = time.perf_counter() - t
print(json.dumps({"seconds": dt, "cpu": cpu() - c, "hwm": hwm(),
                  "hwm_whole": max(whole, hwm())}))
"""


def _load() -> str:
    a, b, c = os.getloadavg()
    return f"{a:.2f} {b:.2f} {c:.2f}"


def _server_cpu(pid: int) -> float:
    """CPU seconds (user + system) the SeaweedFS process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _row(name: str, r: dict[str, float], mb: float, target: bool) -> None:
    rate = mb / r["seconds"]
    verdict = ""
    if target:
        ok_ = rate >= 150 and r["hwm_whole"] <= 150
        verdict = f" (target >= 150 MB/s, RSS <= 150 MiB: {'met' if ok_ else 'NOT met'})"
    print(f"  {name:22s} {r['seconds']:7.2f} s {rate:7.0f} MB/s  peak RSS "
          f"{r['hwm_whole']:6.1f} MiB (during the call {r['hwm']:6.1f} MiB){verdict}",
          flush=True)
    print(f"  {'':22s} CPU: this process {r['cpu']:5.1f} s, SeaweedFS {r['server_cpu']:5.1f} s "
          f"(wall {r['seconds']:.1f} s on {os.cpu_count()} shared cores)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mib", type=int, default=1024)
    ap.add_argument("--dir", type=Path, default=None, help="work folder (default: a temp dir)")
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="intake-teamblobs-", dir=args.dir))
    print(f"load average at start: {_load()} ({os.cpu_count()} cores); work folder {root}",
          flush=True)
    pg, pg_proc = start_postgres()
    s3, s3_proc = start_seaweedfs(WEED_EXTRA)
    print("servers: PostgreSQL on a Unix socket (fsync=off, synchronous_commit=off, "
          "shared_buffers=32MB: tests/pg_helpers.py); SeaweedFS `weed server` (master, "
          "volume, filer, S3 gateway in one process) on 127.0.0.1, data in /tmp, "
          f"{' '.join(WEED_EXTRA)}", flush=True)
    try:
        env = {"INTAKE_S3_ENDPOINT": f"http://{s3.endpoint}",
               "AWS_ACCESS_KEY_ID": s3.access_key, "AWS_SECRET_ACCESS_KEY": s3.secret_key}
        os.environ.update(env)
        bucket = "bench-" + secrets.token_hex(4)
        s3.client().make_bucket(bucket)
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
        c0 = _server_cpu(s3_proc.pid)
        put = run_child(PUT, bucket, "reference/blob.bin", str(src), env=env)
        put["server_cpu"] = _server_cpu(s3_proc.pid) - c0
        _row("minio fput_object", put, mb, False)
        c0 = _server_cpu(s3_proc.pid)
        imp = run_child(IMPORT, str(s.hq), HQ_PASS, bundle, env=env)
        imp["server_cpu"] = _server_cpu(s3_proc.pid) - c0
        _row("HQ import -> S3 object", imp, mb, True)
        print(f"  import / raw put: {put['seconds'] / imp['seconds']:.2f}x; "
              f"load average at the end: {_load()}", flush=True)
    finally:
        stop_seaweedfs(s3, s3_proc)
        stop_postgres(pg, pg_proc)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
