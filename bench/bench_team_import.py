"""Import of text records into a team HQ on PostgreSQL (issue 19): records/s.

Target: >= 5,000 records/s. A field laptop's ``--records`` finalized text records are
sealed into bundles by the real export and imported by ``HQService.import_bundle``
(verify, chain, decrypt, validate, store, the new records' cases opened: the real import
path, in its own process). The store may first be filled with ``--base`` records in cases
built quickly (bench_team.build: a template through the store's own insert, copied inside
PostgreSQL), so the rate is measured against a store that already holds many records.
``--importer-login`` imports as a person in the team's importer group (their own login,
under the row-level policies, as a team runs it) instead of the database's owner;
``--embedded`` runs the same import into an embedded (SQLCipher) HQ for comparison;
``--profile`` prints the import child's cProfile top entries.

The server runs with bench_team.SETTINGS (fsync and synchronous_commit on), printed.

    .venv/bin/python bench/bench_team_import.py [--records 10000] [--base 0] [--embedded]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # not the venv's copy
os.environ["INTAKE_TESTING_FAST_KDF"] = "1"  # unlock cost is not what is measured here
os.environ.setdefault("PYTEST_CURRENT_TEST", "bench")  # the fast KDF is test-only

from tests.cli_helpers import FIELD_PASS, HQ_PASS, enrolled_pair

from bench._common import HWM_PRELUDE, run_child
from bench.bench_flow import EXPORT, _fill_finalized
from bench.bench_team import build, server_config, start_server, stop_server
from intake_app.services.hq import HQService

TARGET = 5000.0

# The import child: wall time, its own CPU time and (PostgreSQL) its server backend's.
IMPORT = HWM_PRELUDE + r"""
from intake_app.services.hq import HQService
svc = HQService(Path(sys.argv[1])); svc.unlock(sys.argv[2]); reset_hwm()
raw = getattr(svc._store, "conn", None)
pid = raw.raw.info.backend_pid if hasattr(raw, "raw") else None
def server_cpu():
    if pid is None:
        return 0.0
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
s0, c0 = server_cpu(), time.process_time()
t = time.perf_counter()
outs = [svc.import_bundle(Path(p)) for p in sys.argv[3:]]
dt = time.perf_counter() - t
cpu, scpu = time.process_time() - c0, server_cpu() - s0
assert all(o.verdict == "imported" for o in outs), outs
print(json.dumps({"seconds": dt, "cpu": cpu, "server_cpu": scpu,
                  "records": sum(o.records for o in outs), "hwm": hwm()}))
"""

PROFILED = IMPORT.replace(
    "t = time.perf_counter()\n",
    "import cProfile, pstats, io\nprof = cProfile.Profile(); prof.enable()\n"
    "t = time.perf_counter()\n", 1).replace(
    "dt = time.perf_counter() - t\n",
    "dt = time.perf_counter() - t\nprof.disable()\ns = io.StringIO()\n"
    "pstats.Stats(prof, stream=s).sort_stats('cumulative').print_stats(45)\n"
    "pstats.Stats(prof, stream=s).sort_stats('tottime').print_stats(25)\n"
    "open(os.environ['BENCH_PROFILE_OUT'], 'w').write(s.getvalue())\n", 1)


def _importer_login(server: Any, hq: Path) -> str:
    """A person in the importer group; ``hq``'s profile now connects as them (as
    tests/test_pg_roles.py's importer test does). Returns their password."""
    from intake_app.services import hq_backend
    from intake_app.services.hq_team import TeamAdmin
    from intake_app.store import meta as store_meta

    login, password = f"imp_{secrets.token_hex(3)}", secrets.token_urlsafe(16)
    with TeamAdmin(server.store_url("hq")) as team:
        team.add(login, "importer", password)
    with HQService(hq) as svc:
        svc.unlock(HQ_PASS)
        local: Any = svc._local
        with local.transaction() as conn:
            store_meta.put_meta(conn, {hq_backend.DATABASE_KEY: server.store_url("hq", login)})
    return password


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=10_000, help="records imported")
    ap.add_argument("--base", type=int, default=0,
                    help="records (in cases) in the store before the import")
    ap.add_argument("--base-cases", type=int, default=0,
                    help="cases over the --base records (default: 0.3 x base)")
    ap.add_argument("--template", type=int, default=5_000)
    ap.add_argument("--embedded", action="store_true", help="an SQLCipher HQ instead")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--importer-login", action="store_true",
                    help="import as an importer group login, not the owner")
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-team-import-", dir="/tmp"))
    results: dict[str, Any] = {"backend": "sqlcipher" if args.embedded else "postgresql",
                               "records": args.records, "base": args.base,
                               "load_at_start": [round(x, 1) for x in os.getloadavg()]}
    proc = None
    try:
        url = None
        if not args.embedded:
            server, proc = start_server(root / "pg")
            import psycopg

            with psycopg.connect(server.dsn(), autocommit=True) as conn:
                conn.execute('CREATE DATABASE "hq"')
            url = server.store_url("hq")
        s = enrolled_pair(root / "w", database=url)
        if args.base:
            if args.embedded:
                raise SystemExit("--base is built on PostgreSQL only")
            t = time.perf_counter()
            cases = args.base_cases or args.base * 3 // 10
            results.update(build(s.hq, args.base, cases, min(args.template, args.base)))
            results["build_s"] = round(time.perf_counter() - t, 1)
        if url is not None:
            svc = HQService(s.hq)
            svc.unlock(HQ_PASS)
            results["config"] = server_config(svc)
            svc.close()
        env = {"BENCH_PROFILE_OUT": str(root / "profile.txt")}
        if args.importer_login:
            if url is None:
                raise SystemExit("--importer-login is for PostgreSQL")
            env["PGPASSWORD"] = _importer_login(server, s.hq)
            results["login"] = "importer"
        _fill_finalized(s.field, args.records)
        usb = root / "usb"
        usb.mkdir()
        ex = run_child(EXPORT, str(s.field), FIELD_PASS, str(usb))
        results["bundles"] = len(ex["files"])
        results["load_before_import"] = round(os.getloadavg()[0], 1)
        t = time.perf_counter()
        prof = root / "profile.txt"
        im = run_child(PROFILED if args.profile else IMPORT, str(s.hq), HQ_PASS, *ex["files"],
                       env=env)
        if args.profile:
            print(prof.read_text(encoding="utf-8"))
        results["import_s"] = round(im["seconds"], 2)
        results["import_wall_s"] = round(time.perf_counter() - t, 2)
        results["import_cpu_s"] = round(im["cpu"], 2)
        results["server_cpu_s"] = round(im["server_cpu"], 2)
        results["imported"] = im["records"]
        results["records_per_s"] = round(im["records"] / im["seconds"])
        results["import_peak_rss_mib"] = round(im["hwm"], 1)
        results["load_after_import"] = round(os.getloadavg()[0], 1)
    finally:
        if proc is not None:
            stop_server(proc)
        shutil.rmtree(root, ignore_errors=True)
    if "config" in results:
        print("server: " + ", ".join(f"{k}={v}" for k, v in results["config"].items()))
    met = results["records_per_s"] >= TARGET
    print(f"import ({results['backend']}): {results['imported']} records in "
          f"{results['bundles']} bundle(s) into a store of {args.base} records, "
          f"{results['import_s']} s = {results['records_per_s']} records/s (target >= "
          f"{TARGET:g}: {'met' if met else 'NOT met'}; load {results['load_before_import']}"
          f" before, {results['load_after_import']} after); CPU: importer "
          f"{results['import_cpu_s']} s, server backend {results['server_cpu_s']} s")
    print(json.dumps(results))
    return 0 if met or args.embedded else 1


if __name__ == "__main__":
    sys.exit(main())
