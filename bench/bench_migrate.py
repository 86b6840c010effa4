"""``intake hq migrate`` of a 100,000-record embedded HQ into PostgreSQL (issue 19).

The source is built fast through the store API (not 100,000 CLI runs): the generated
people of bench/gen_people.py written with ``store_revision`` (what an import does per
record), grouped into cases with notes and history, person keys, a signed event log of
one entry per 100 records (checkpoints every 64) and a few 1 MiB attachments in blob
files. Then the service call ``intake hq migrate`` makes is timed into a fresh database
on a PostgreSQL started here from Debian's binaries, durable settings (fsync on,
synchronous_commit on), a Unix socket only.

Reference in the same run: the floor of any copy, reading the same records and
revisions out of SQLCipher and ``COPY``-ing them into a bare PostgreSQL table.

    .venv/bin/python bench/bench_migrate.py [--records N] [--cases C]
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

from tests.pg_helpers import pg_bindir
from tests.pg_helpers import start_postgres as start_pg

from bench.gen_people import EXAMPLE, PASS, dataset, seed_store
from intake_app.hq import eventlog
from intake_app.services.hq import HQService
from intake_app.services.hq_migrate import migrate_hq
from intake_app.store import attachments as att_store
from intake_app.store import cases as store_cases
from intake_app.store.ids import now_ms

ATTACHMENTS = 16  # 1 MiB each


def start_postgres(root: Path) -> tuple[str, subprocess.Popen[bytes]]:
    """A durable server (fsync on, unlike the tests') with the hq and ref databases."""
    if pg_bindir() is None:
        raise SystemExit("PostgreSQL server binaries not found (apt-get install postgresql)")
    server, proc = start_pg(root, {"shared_buffers": "256MB", "max_wal_size": "2GB"},
                            timeout=60)
    import psycopg

    with psycopg.connect(server.dsn(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE hq")
        conn.execute("CREATE DATABASE ref")
    return f"postgresql:///hq?host={server.socket_dir}&port=5432&user=intake_admin", proc


def build(svc: HQService, n_records: int, n_cases: int) -> None:
    data, _persons = dataset(n_records, 0.25)
    base = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    ids = seed_store(svc, data, base)
    at = now_ms()
    sk = svc.signing_key()
    with svc._store.transaction() as conn:
        cases = [store_cases.new_case(conn, status="new", priority=i % 4, level="normal",
                                      form_id="hrd_intake", at=at) for i in range(n_cases)]
        for i, rid in enumerate(ids):
            cid = cases[i % n_cases]
            store_cases.link_record(conn, rid, cid, 1)
            store_cases.put_person_keys(conn, rid, [f"name{i % 9973}"], 1980 + i % 40,
                                        [f"+93{i:09d}"], "kabul")
            store_cases.put_blocks(conn, rid, [f"n:name{i % 9973}", f"p:{i:09d}"])
            if i < n_cases:
                store_cases.add_history(conn, cid, at, "system", "opened", {"record": rid},
                                        "record received")
                store_cases.add_note(conn, cid, at, "analyst", f"first contact {i}")
            if i % 100 == 0:
                eventlog.append_entry(conn, kind="import", at=at + i,
                                      detail={"device_id": "dev-bench", "seq": i // 100 + 1,
                                              "records": 100}, signing_key=sk, hq_id=svc.hq_id)
    blob = os.urandom(1 << 20)
    for rid in ids[:ATTACHMENTS]:
        tmp = Path(tempfile.mkstemp(dir="/dev/shm" if Path("/dev/shm").is_dir() else None)[1])
        try:
            tmp.write_bytes(blob)
            with open(tmp, "rb") as fh:
                att_store.add_attachment(svc._store, rid, fh, "photo.jpg")
        finally:
            tmp.unlink()


def reference_copy(svc: HQService, dsn: str) -> tuple[float, int]:
    """Records + revisions out of SQLCipher into bare PostgreSQL tables with COPY."""
    import psycopg

    t = time.perf_counter()
    n = 0
    with psycopg.connect(dsn) as conn:
        conn.execute("CREATE TABLE r (id text, form_id text, form_version text, status text, "
                     "created_at bigint, updated_at bigint, current_rev bigint)")
        conn.execute("CREATE TABLE v (record_id text, rev bigint, saved_at bigint, data text)")
        with conn.cursor().copy("COPY r FROM STDIN") as cp:
            for row in svc._store.execute(
                    "SELECT id, form_id, form_version, status, created_at, updated_at, "
                    "current_rev FROM records"):
                cp.write_row(tuple(row))
                n += 1
        with conn.cursor().copy("COPY v FROM STDIN") as cp:
            for row in svc._store.execute("SELECT record_id, rev, saved_at, data FROM revisions"):
                cp.write_row(tuple(row))
    return time.perf_counter() - t, n


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--cases", type=int, default=30_000)
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-migrate-", dir="/tmp"))
    results: dict[str, Any] = {"records": args.records, "cases": args.cases,
                               "load_before": [round(x, 2) for x in os.getloadavg()]}
    proc = None
    try:
        svc = HQService(root / "hq")
        svc.init_hq(PASS, "Bench")
        t = time.perf_counter()
        build(svc, args.records, args.cases)
        results["build_s"] = round(time.perf_counter() - t, 1)
        print(f"built {args.records} records in {args.cases} cases in {results['build_s']} s",
              flush=True)
        url, proc = start_postgres(root / "pg")
        ref_dsn = url.replace("///hq?", "///ref?")
        secs, _n = reference_copy(svc, ref_dsn)
        results["reference_copy_s"] = round(secs, 2)
        t = time.perf_counter()
        summary = migrate_hq(svc, url, root / "team", PASS)
        secs = time.perf_counter() - t
        svc.close()
        results.update(migrate_s=round(secs, 2), rows=sum(summary.rows.values()),
                       records_per_s=round(args.records / secs),
                       rows_per_s=round(sum(summary.rows.values()) / secs),
                       ratio_to_reference=round(secs / results["reference_copy_s"], 2),
                       load_after=[round(x, 2) for x in os.getloadavg()])
        print(f"migrate: {args.records} records ({results['rows']} rows in "
              f"{len(summary.rows)} tables, {ATTACHMENTS} MiB of attachments) in "
              f"{results['migrate_s']} s: {results['records_per_s']} records/s, "
              f"{results['rows_per_s']} rows/s; reference COPY of records + revisions only "
              f"{results['reference_copy_s']} s (migrate {results['ratio_to_reference']}x)")
        print(f"load average before {results['load_before']}, after {results['load_after']}")
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
