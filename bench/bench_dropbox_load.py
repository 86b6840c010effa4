"""The drop box under load: many devices uploading large bundles through the real
resumable upload path, with uploads cut mid-way and resumed, and bad traffic alongside.

    .venv/bin/python bench/bench_dropbox_load.py [--devices 20] [--per-device 1]
                                                 [--mib 20] [--big]

* The server is the real ``intake dropbox serve`` in its own process (plain HTTP on
  127.0.0.1, as behind a TLS reverse proxy).
* Each simulated device (genuine keys, a signed keyring, genuine sealed bundles whose one
  attachment is ``--mib`` MiB) runs the real sync client (``DropboxClient.upload_file``:
  signed PATCH chunks growing from 256 KiB to 8 MiB, resume from the drop box's offset)
  on its own thread, all devices at once.
* Every other upload is cut mid-way: the connection drops part-way through a chunk's
  body (the client dies with it); a new client then resumes it with the same plain call.
* Bad traffic at the same time, from a thread of its own: replayed signed requests, bad
  signatures, unknown devices, a chunk over the request limit, and a declared total over
  the bundle size limit. Every one must be refused and none may store anything.

Prints throughput (MB/s, 1 MB = 10^6 bytes, bundle bytes delivered / wall time),
per-upload latency p50/p95 (first byte to stored, a cut upload's resume included), the
server's peak RSS (VmHWM), the load average, and checks that every bundle is stored
exactly once and byte-identical. ``--big``: 20 devices x 3 bundles of 64 MiB (~8 GB of
disk in the work folder: the bundles and the drop box's copies).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench._common import pct  # noqa: E402
from bench.bench_dropbox import cpu_seconds, free_port, peak_rss_mib  # noqa: E402
from intake_app.sync.auth import Credentials, sign_headers  # noqa: E402
from intake_app.sync.client import DropboxClient  # noqa: E402
from intake_app.sync.testing import SimWorld  # noqa: E402

REQUEST_LIMIT = 16 * 1024 * 1024  # the drop box's default request body limit


class Cut(Exception):
    """The connection dropped part-way through an upload (the client goes with it)."""


def start_server(work: Path, keyring: Path, max_bundle: int) -> tuple[object, str]:
    import subprocess

    port = free_port()
    cfg = work / "dropbox.toml"
    cfg.write_text(
        f'storage = "{work / "store"}"\nkeyring = "{keyring}"\nport = {port}\n'
        "[limits]\nmin_free_bytes = 0\ndevice_quota_files = 100000\n"
        f"device_quota_bytes = 100000000000\nmax_bundle_bytes = {max_bundle}\n"
        # All traffic shares 127.0.0.1 here, so the per-address limit on failed requests
        # (600 per 10 min) would end up refusing the good devices along with the bad.
        "failed_requests_per_address = 100000\n",
        encoding="utf-8")
    code = "from intake_app.cli import run; run()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "dropbox", "serve", "--config", str(cfg)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(400):
        try:
            httpx.get(url + "/v1/status", timeout=1)
            return proc, url
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("drop box did not start")


def upload_one(url: str, creds: Credentials, path: Path, cut_at: int | None
               ) -> tuple[float, str, int]:
    """Upload ``path``; if ``cut_at``, drop the connection once that many bytes were on
    the wire, then resume with a fresh client. Returns (seconds, result, cuts)."""
    t = time.perf_counter()
    cuts = [0]

    def on_bytes(done: int, total: int) -> None:
        if cut_at is not None and cuts[0] == 0 and done >= cut_at:
            raise Cut()

    while True:
        with DropboxClient(url, creds, timeout=120.0, backoff_base=0.2,
                           backoff_cap=2.0) as c:
            try:
                res = c.upload_file(path, on_bytes=on_bytes)
                return time.perf_counter() - t, res, cuts[0]
            except Cut:
                cuts[0] += 1


def bad_traffic(url: str, world: SimWorld, sample: Path, stop: threading.Event,
                counts: dict[str, list[int]], max_bundle: int) -> None:
    """Requests that must all be refused, until ``stop``."""
    dev = next(iter(world.devices.values()))
    good = dev.creds
    stranger = SimWorld.create(world.root / "stranger", 0, hq_id=world.hq_id)
    outsider = stranger.add_device("dev-999").creds  # not in the drop box's keyring
    body = sample.read_bytes()[: 64 * 1024]
    oversize = os.urandom(REQUEST_LIMIT + 4096)
    name = "dev-000-999999.intake"
    api = f"/v1/uploads/{name}"
    with httpx.Client(timeout=60.0, trust_env=False) as http:
        def patch(kind: str, creds: Credentials, data: bytes, total: int,
                  tamper: bool = False, headers: dict[str, str] | None = None) -> None:
            query = f"offset=0&total={total}"
            h = headers or sign_headers(creds, "PATCH", api, query, data)
            if tamper:
                sig = h["Authorization"]
                h = {**h, "Authorization": sig[:-6] + ("A" if sig[-6] != "A" else "B")
                     + sig[-5:]}
            r = http.patch(f"{url}{api}?{query}", content=data, headers=h)
            counts.setdefault(kind, []).append(r.status_code)

        while not stop.is_set():
            # A replay: the same signed request twice; the second must be refused.
            q = f"offset=0&total={len(body)}"
            h = sign_headers(good, "PATCH", "/v1/uploads/dev-000-999998.intake", q, body)
            first = http.patch(f"{url}/v1/uploads/dev-000-999998.intake?{q}", content=body,
                               headers=h)
            again = http.patch(f"{url}/v1/uploads/dev-000-999998.intake?{q}", content=body,
                               headers=h)
            counts.setdefault("replay (first, may pass)", []).append(first.status_code)
            counts.setdefault("replay", []).append(again.status_code)
            http.delete(f"{url}/v1/uploads/dev-000-999998.intake",
                        headers=sign_headers(good, "DELETE",
                                             "/v1/uploads/dev-000-999998.intake"))
            patch("bad signature", good, body, len(body), tamper=True)
            patch("unknown device", outsider, body, len(body))
            patch("chunk over the request limit", good, oversize, len(oversize))
            patch("total over the bundle limit", good, body, max_bundle + 1)
            stop.wait(0.2)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--devices", type=int, default=20)
    ap.add_argument("--per-device", type=int, default=1)
    ap.add_argument("--mib", type=int, default=20, help="attachment size of each bundle")
    ap.add_argument("--big", action="store_true", help="20 devices x 3 bundles of 64 MiB")
    ap.add_argument("--dir", type=Path, help="work directory (default: a temp dir)")
    a = ap.parse_args()
    if a.big:
        a.devices, a.per_device, a.mib = 20, 3, 64
    work = Path(tempfile.mkdtemp(prefix="bench-dropbox-load-", dir=a.dir))
    load_before = os.getloadavg()
    try:
        world = SimWorld.create(work / "world", a.devices)
        (work / "out").mkdir()
        jobs: list[tuple[str, Path, str]] = []  # device, file, sha256
        print(f"sealing {a.devices}x{a.per_device} bundles with a {a.mib} MiB attachment ...",
              flush=True)
        for _ in range(a.per_device):
            for d in world.devices:
                b = world.bundle(d, a.mib * 1024 * 1024)
                p = b.write(work / "out")
                jobs.append((d, p, hashlib.sha256(b.data).hexdigest()))
                del b
        max_bundle = max(p.stat().st_size for _, p, _ in jobs) + (1 << 20)
        proc, url = start_server(work, world.keyring_path, max_bundle)
        pid = proc.pid  # type: ignore[attr-defined]
        results: dict[Path, tuple[float, str, int]] = {}
        errors: list[str] = []
        bad: dict[str, list[int]] = {}
        stop = threading.Event()
        try:
            cpu0 = cpu_seconds(pid)

            def device(dev: str, mine: list[tuple[int, Path]]) -> None:
                for i, p in mine:
                    size = p.stat().st_size
                    # Every other upload is cut somewhere in its middle half.
                    cut = size // 4 + (i * 7919 % (size // 2)) if i % 2 == 0 else None
                    try:
                        results[p] = upload_one(url, world.devices[dev].creds, p, cut)
                    except Exception as exc:  # reported below: a failed upload fails the run
                        errors.append(f"{p.name}: {type(exc).__name__}: {exc}")

            per_dev: dict[str, list[tuple[int, Path]]] = {}
            for i, (d, p, _) in enumerate(jobs):
                per_dev.setdefault(d, []).append((i, p))
            noise = threading.Thread(target=bad_traffic,
                                     args=(url, world, jobs[0][1], stop, bad, max_bundle))
            threads = [threading.Thread(target=device, args=(d, m)) for d, m in per_dev.items()]
            t = time.perf_counter()
            noise.start()
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            wall = time.perf_counter() - t
            stop.set()
            noise.join()
            cpu = cpu_seconds(pid) - cpu0
            rss = peak_rss_mib(pid)
        finally:
            proc.terminate()  # type: ignore[attr-defined]
            proc.wait(30)  # type: ignore[attr-defined]
        load_after = os.getloadavg()
        # Every bundle stored exactly once, byte for byte.
        stored: dict[str, list[Path]] = {}
        for f in (work / "store").rglob("*.intake"):
            stored.setdefault(f.name, []).append(f)
        problems = list(errors)
        for _, p, sha in jobs:
            copies = stored.get(p.name, [])
            if len(copies) != 1:
                problems.append(f"{p.name}: stored {len(copies)} times")
            elif hashlib.sha256(copies[0].read_bytes()).hexdigest() != sha:
                problems.append(f"{p.name}: stored copy differs")
            elif results.get(p, (0, "", 0))[1] != "stored":
                problems.append(f"{p.name}: client said {results.get(p)}")
        extra = sorted(set(stored) - {p.name for _, p, _ in jobs})
        if extra:
            problems.append(f"stored but never sent (bad traffic got in?): {extra}")
        for kind, codes in bad.items():
            if kind != "replay (first, may pass)" and any(c < 400 for c in codes):
                problems.append(f"{kind}: accepted ({codes})")
        nbytes = sum(p.stat().st_size for _, p, _ in jobs)
        lat = [r[0] for r in results.values()]
        cuts = sum(r[2] for r in results.values())
        summary = {
            "devices": a.devices, "bundles": len(jobs), "bundle_mib": a.mib,
            "bytes": nbytes, "wall_s": round(wall, 2),
            "mb_per_s": round(nbytes / wall / 1e6, 1),
            "upload_p50_s": round(pct(lat, 50), 2), "upload_p95_s": round(pct(lat, 95), 2),
            "uploads_cut_and_resumed": cuts, "server_cpu_s": round(cpu, 1),
            "server_peak_rss_mib": round(rss, 1),
            "bad_requests": {k: {"sent": len(v), "statuses": sorted(set(v))}
                             for k, v in bad.items()},
            "load_avg_before": [round(x, 2) for x in load_before],
            "load_avg_after": [round(x, 2) for x in load_after],
        }
        print(f"{len(jobs)} bundles ({nbytes / 1e6:.0f} MB) from {a.devices} devices at once "
              f"in {wall:.1f} s: {summary['mb_per_s']} MB/s; per upload p50 "
              f"{summary['upload_p50_s']} s, p95 {summary['upload_p95_s']} s; {cuts} uploads "
              f"cut mid-way and resumed; server CPU {cpu:.1f} s, peak RSS {rss:.1f} MiB")
        for k, v in summary["bad_requests"].items():
            print(f"  bad traffic: {k}: {v['sent']} sent, answered {v['statuses']}")
        print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} "
              f"(1 min), {os.cpu_count()} cores")
        print(json.dumps(summary))
        if problems:
            print("FAILED:\n  " + "\n  ".join(problems[:20]), file=sys.stderr)
            raise SystemExit(1)
        print(f"ok: every bundle stored exactly once and intact; all "
              f"{sum(len(v) for k, v in bad.items() if not k.startswith('replay ('))} bad "
              "requests refused")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
