"""Load benchmark for the drop box on loopback.

    .venv/bin/python bench/bench_dropbox.py [--clients 50] [--small-per-client 20]
                                            [--large-clients 8] [--large-mib 64] [--shared N]

Runs the real ``intake dropbox serve`` in its own process (plain HTTP on 127.0.0.1; TLS
is the reverse proxy's job), with simulated enrolled devices and genuine sealed bundles.
Phases, each with every client uploading at once through signed requests (a minimal
asyncio HTTP/1.1 client, one keep-alive connection per device):

* small: ``--clients`` devices each upload ``--small-per-client`` small bundles (one
  PATCH each: signature check, verify, fsync, atomic rename): requests/s, p50/p95 latency;
* large: ``--large-clients`` devices each upload one ``--large-mib`` MiB bundle in 8 MiB
  chunks: sustained throughput in MB/s (1 MB = 10^6 bytes) and chunk p95 latency.

Then the server's peak RSS (VmHWM from /proc) and the CPU time server and clients used.
The clients run in this process and share the machine with the server, so on a small
box the figures are a lower bound for a dedicated server.

``--shared N``: N instances on one SeaweedFS bucket and one PostgreSQL state database
(``--storage s3://... --state postgresql://...``, servers started as in the tests), the
devices spread over the instances; CPU and RSS are summed over the instances.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench._common import pct  # noqa: E402
from intake_app.sync.auth import Credentials, sign_headers  # noqa: E402
from intake_app.sync.testing import SimBundle, SimWorld  # noqa: E402

CHUNK = 8 * 1024 * 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(work: Path, keyring: Path, shared: tuple[str, str, dict[str, str]] | None = None,
                 ) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    cfg = work / f"dropbox-{port}.toml"
    where = f'storage = "{work / "store"}"\n'
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if shared is not None:
        where = f'storage = "{shared[0]}"\nstate = "{shared[1]}"\n'
        env.update(shared[2])
    cfg.write_text(
        f'{where}keyring = "{keyring}"\nport = {port}\n'
        "limit_concurrency = 1024\n[limits]\nmin_free_bytes = 0\n"
        "device_quota_files = 100000\ndevice_quota_bytes = 100000000000\n", encoding="utf-8")
    code = "from intake_app.cli import run; run()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "dropbox", "serve", "--config", str(cfg)],
        env=env, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(url + "/v1/status", timeout=1)
            return proc, url
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("drop box did not start")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Conn:
    """A minimal HTTP/1.1 keep-alive client (asyncio streams): it keeps the load
    generator's own CPU use small, so the figures describe the server."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, target: str, headers: dict[str, str],
                      body: bytes) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        head = f"{method} {target} HTTP/1.1\r\nHost: {self.host}\r\n"
        head += f"Content-Length: {len(body)}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        self.writer.write(head.encode("latin-1"))
        self.writer.write(body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            k, _, v = line.decode("latin-1").partition(":")
            if k.lower() == "content-length":
                length = int(v)
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def upload(conn: Conn, creds: Credentials, name: str, path: Path,
                 lat: list[float]) -> int:
    size = path.stat().st_size
    offset = 0
    api = f"/v1/uploads/{name}"
    with open(path, "rb") as fh:
        while offset < size:
            body = fh.read(CHUNK)
            query = f"offset={offset}&total={size}"
            headers = sign_headers(creds, "PATCH", api, query, body)
            t = time.perf_counter()
            status, reply = await conn.request("PATCH", f"{api}?{query}", headers, body)
            lat.append(time.perf_counter() - t)
            if status not in (200, 201):
                raise RuntimeError(f"{name}: {status} {reply!r}")
            offset = size if status == 201 else int(json.loads(reply)["offset"])
    return size


async def phase(urls: list[str], jobs: dict[str, list[tuple[str, Path]]],
                creds: dict[str, Credentials]) -> tuple[float, list[float], int]:
    """Every device uploads its bundles one after another, all devices at once (device i
    to instance i mod len(urls))."""
    lat: list[float] = []
    where = {d: urls[i % len(urls)].removeprefix("http://").split(":")
             for i, d in enumerate(jobs)}

    async def device(dev: str) -> int:
        host, port = where[dev]
        conn = Conn(host, int(port))
        try:
            return sum([await upload(conn, creds[dev], n, p, lat) for n, p in jobs[dev]])
        finally:
            conn.close()

    t = time.perf_counter()
    sizes = await asyncio.gather(*(device(d) for d in jobs))
    return time.perf_counter() - t, lat, sum(sizes)


Jobs = dict[str, list[tuple[str, Path]]]


def write_all(bundles: dict[str, list[SimBundle]], folder: Path) -> Jobs:
    folder.mkdir(parents=True, exist_ok=True)
    return {d: [(b.name, b.write(folder)) for b in bs] for d, bs in bundles.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--small-per-client", type=int, default=20)
    ap.add_argument("--small-bytes", type=int, default=4096, help="payload of a small bundle")
    ap.add_argument("--large-clients", type=int, default=8)
    ap.add_argument("--large-mib", type=int, default=64)
    ap.add_argument("--dir", type=Path, help="work directory (default: a temp dir)")
    ap.add_argument("--shared", type=int, default=0, metavar="N",
                    help="N instances on one S3 bucket + PostgreSQL state (0: one folder)")
    a = ap.parse_args()
    servers: list[tuple[object, object, object]] = []
    shared = None
    if a.shared:
        from tests.pg_helpers import start_postgres, start_seaweedfs

        pg, pg_proc = start_postgres()
        servers.append(("pg", pg, pg_proc))
        s3, s3_proc = start_seaweedfs()
        servers.append(("s3", s3, s3_proc))
        s3.client().make_bucket("bench-dropbox")
        state = pg.store_url(pg.new_database("dropbox"))
        shared = ("s3://bench-dropbox/relay", state,
                  {"INTAKE_S3_ENDPOINT": "http://" + s3.endpoint,
                   "AWS_ACCESS_KEY_ID": s3.access_key, "AWS_SECRET_ACCESS_KEY": s3.secret_key})
        print(f"shared storage: {a.shared} instances, SeaweedFS {s3.endpoint}, "
              f"PostgreSQL {pg.socket_dir}", flush=True)
    work = Path(tempfile.mkdtemp(prefix="bench-dropbox-", dir=a.dir))
    try:
        world = SimWorld.create(work / "world", max(a.clients, a.large_clients))
        devs = list(world.devices)
        creds = {d: world.devices[d].creds for d in devs}
        print(f"preparing {a.clients}x{a.small_per_client} small and {a.large_clients}x"
              f"{a.large_mib} MiB bundles ...", flush=True)
        small = write_all({d: [world.bundle(d, a.small_bytes) for _ in range(a.small_per_client)]
                           for d in devs[: a.clients]}, work / "small")
        large: dict[str, list[tuple[str, Path]]] = {}
        (work / "large").mkdir()
        for d in devs[: a.large_clients]:
            b = world.bundle(d, a.large_mib * 1024 * 1024)
            large[d] = [(b.name, b.write(work / "large"))]
            del b  # one large bundle in memory at a time
        started = [start_server(work, world.keyring_path, shared)
                   for _ in range(max(1, a.shared))]
        procs, urls = [p for p, _u in started], [u for _p, u in started]

        def server_cpu() -> float:
            return sum(cpu_seconds(p.pid) for p in procs)

        try:
            cpu0, self_cpu0 = server_cpu(), time.process_time()
            wall, lat, nbytes = asyncio.run(phase(urls, small, creds))
            cpu1, self_cpu1 = server_cpu(), time.process_time()
            n = len(lat)
            small_res = {"requests": n, "rps": round(n / wall, 1),
                         "p50_ms": round(pct(lat, 50) * 1000, 1),
                         "p95_ms": round(pct(lat, 95) * 1000, 1), "clients": len(small)}
            print(f"small bundles: {n} uploads ({a.small_bytes} B payload, {nbytes // n} B "
                  f"each) by {len(small)} concurrent clients in {wall:.2f} s: "
                  f"{small_res['rps']} req/s, p50 {small_res['p50_ms']} ms, "
                  f"p95 {small_res['p95_ms']} ms; CPU server {cpu1 - cpu0:.1f} s, "
                  f"clients {self_cpu1 - self_cpu0:.1f} s", flush=True)
            cpu0, self_cpu0 = server_cpu(), time.process_time()
            wall, lat, nbytes = asyncio.run(phase(urls, large, creds))
            cpu1, self_cpu1 = server_cpu(), time.process_time()
            large_res = {"bytes": nbytes, "mb_per_s": round(nbytes / wall / 1e6, 1),
                         "chunk_p95_ms": round(pct(lat, 95) * 1000, 1),
                         "clients": len(large)}
            print(f"large bundles: {nbytes / 1e6:.0f} MB by {len(large)} concurrent clients in "
                  f"{wall:.2f} s: {large_res['mb_per_s']} MB/s sustained, 8 MiB chunk p95 "
                  f"{large_res['chunk_p95_ms']} ms; CPU server {cpu1 - cpu0:.1f} s, "
                  f"clients {self_cpu1 - self_cpu0:.1f} s", flush=True)
            rss = sum(peak_rss_mib(p.pid) for p in procs)
            if shared is None:
                stored = sum(1 for _ in (work / "store" / "bundles").rglob("*.intake"))
            else:
                import psycopg

                with psycopg.connect(shared[1]) as conn:
                    row = conn.execute("SELECT count(*) FROM dropbox_bundles").fetchone()
                    stored = int(row[0]) if row else 0
            print(f"server peak RSS: {rss:.1f} MiB (sum over {len(procs)} instance(s)); "
                  f"bundles stored: {stored}", flush=True)
            expect = sum(len(v) for v in small.values()) + sum(len(v) for v in large.values())
            if stored != expect:
                raise SystemExit(f"expected {expect} stored bundles, found {stored}")
        finally:
            for p in procs:
                p.terminate()
                p.wait(30)
        print(json.dumps({"small": small_res, "large": large_res, "server_peak_rss_mib":
                          round(rss, 1), "instances": len(procs), "shared": bool(a.shared)}))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        from tests.pg_helpers import stop_postgres, stop_seaweedfs

        for kind, server, sproc in servers:
            if kind == "pg":
                stop_postgres(server, sproc)  # type: ignore[arg-type]
            else:
                stop_seaweedfs(server, sproc)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
