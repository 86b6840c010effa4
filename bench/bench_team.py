"""Team HQ on PostgreSQL at scale: 1,000,000 records in 300,000 cases (issue 19).

Targets: import of text records >= 5,000 records/s; with 20 concurrent analyst sessions
(processes, each its own HQService and its own database connection) triage queue first
page p95 <= 100 ms and search p95 <= 200 ms.

The server is started here as the tests do (initdb into a temp folder, Unix socket only)
but with a server's settings (SETTINGS, printed; fsync and synchronous_commit on).

How the data is built (a 2-core shared machine cannot run 1M records through the import
path in reasonable time): a template of ``--template`` generated people
(bench/gen_people.py) is written with the store's own insert (``store_revision``, what an
import does per record), cases opened by the service's own sync and merged the way
analysts' merges would (bench/bench_desk.py: ``group``); then PostgreSQL copies the
template's rows (records, revisions, sources, search lexemes, cases, case links,
history, follow-ups, person keys and blocks) ``records / template - 1`` times as a bulk
load (``replicate``: one INSERT ... SELECT per table into the emptied table, indexes
built after), rewriting record ids, case ids and keys, and VACUUM ANALYZE.
``--explain`` prints the search's statements with EXPLAIN (ANALYZE, BUFFERS) after the
build; ``--build-only`` stops there.

What is then measured, on that database:
1. import: a field laptop's ``--import-records`` finalized text records sealed into
   bundles (the real export) and imported with ``HQService.import_bundle`` (verify,
   chain, decrypt, validate, store: the real import path, in its own process);
2. 20 analyst sessions for ``--seconds``: each loops over a random queue first page
   (the 11 queues/filters of bench_desk) or a search (12 names, Latin and Dari), with an
   exponential think time of mean ``--think`` seconds between requests. By default the
   sessions use the cluster owner's profile (row-level security does not apply to it);
   with ``--members`` each session is a team member's own login and profile (``intake hq
   join``): one in five a supervisor, the others caseworkers with ``--assigned`` live
   cases each, so the policies, the members' search function and the logged content
   reads are in the figures.

    .venv/bin/python bench/bench_team.py [--records N] [--cases C] [--sessions S]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
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

from tests.cli_helpers import FIELD_PASS, HQ_PASS, enrolled_pair
from tests.pg_helpers import PgServer, pg_bindir, start_postgres

from bench._common import child_pythonpath, pct, run_child
from bench.bench_desk import group
from bench.bench_flow import EXPORT, IMPORT, _fill_finalized
from bench.gen_people import EXAMPLE, dataset, seed_store
from intake_app.models import CaseFilter
from intake_app.services.hq import HQService

TARGETS = {"import_records_per_s": 5000.0, "queue_p95_ms": 100.0, "search_p95_ms": 200.0}
# A server's settings for this 24 GiB machine (the tests' cluster runs with fsync off).
SETTINGS = {"shared_buffers": "2GB", "effective_cache_size": "8GB", "work_mem": "16MB",
            "maintenance_work_mem": "512MB", "max_connections": "100", "fsync": "on",
            "synchronous_commit": "on", "wal_level": "minimal", "max_wal_senders": "0",
            "max_wal_size": "4GB", "checkpoint_timeout": "15min", "random_page_cost": "1.1",
            "jit": "off", "listen_addresses": ""}

SESSION = r"""
import json, os, random, sys, time
from pathlib import Path
from intake_app.models import CaseFilter
from intake_app.services.hq import HQService
from bench.bench_desk import QUEUES, WORDS
hq, pw, seconds, think, seed, me, db_pw = sys.argv[1:8]
svc = HQService(Path(hq), db_password=db_pw or None); svc.unlock(pw)
svc.cases(CaseFilter(queue="all"), limit=1)  # warm, before the clock
print("ready", flush=True)
start = float(sys.stdin.readline())
rng = random.Random(int(seed))
q, s = [], []
while time.time() < start:
    time.sleep(0.01)
end = start + float(seconds)
while time.time() < end:
    if rng.random() < 0.5:
        f = rng.choice(QUEUES)
        if me and f.queue == "mine":
            f = CaseFilter(queue="mine", me=me)
        t = time.perf_counter(); svc.cases(f, limit=50)
        q.append(time.perf_counter() - t)
    else:
        w = rng.choice(WORDS); t = time.perf_counter(); svc.search_cases(w, limit=50)
        s.append(time.perf_counter() - t)
    if float(think) > 0:
        time.sleep(rng.expovariate(1 / float(think)))
svc.close()
print(json.dumps({"queue": q, "search": s}))
"""


def start_server(root: Path) -> tuple[PgServer, subprocess.Popen[bytes]]:
    if pg_bindir() is None:
        raise SystemExit("PostgreSQL not installed: apt-get install -y postgresql")
    return start_postgres(root, SETTINGS, timeout=60)


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def server_config(svc: HQService) -> dict[str, str]:
    names = ["server_version", *[k for k in SETTINGS if k != "listen_addresses"]]
    return {n: str(svc._store.execute(f"SHOW {n}").fetchone()[0]) for n in names}


# Template rows to copy, per table: which rows are the template's, and how each column is
# rewritten in copy k. Record ids of the template are f"{i:032x}" (their first 8 hex
# digits are 0: copy k puts k there); case ids are C-{seq:06d} (lpad would cut a 7th
# digit), seq moved by k * cases; written out inline (a function call per row cost more)
# and NULL stays NULL.
REC = "lpad(to_hex(k), 8, '0') || substr({c}, 9)"
CASE = ("('C-' || CASE WHEN substr({c}, 3)::bigint + k * %(cs)s < 1000000 THEN "
        "lpad((substr({c}, 3)::bigint + k * %(cs)s)::text, 6, '0') ELSE "
        "(substr({c}, 3)::bigint + k * %(cs)s)::text END)")
PLAN: list[tuple[str, str, dict[str, str]]] = [
    ("records", "seq <= %(rs)s", {"seq": "seq + k * %(rs)s", "id": REC}),
    ("revisions", "left(record_id, 8) = '00000000'", {"record_id": REC}),
    ("record_sources", "left(record_id, 8) = '00000000'", {"record_id": REC}),
    ("records_fts", "rowid <= %(rs)s", {"rowid": "rowid + k * %(rs)s"}),
    ("cases", "seq <= %(cs)s", {"seq": "seq + k * %(cs)s", "id": CASE, "merged_into": CASE}),
    ("case_records", "left(record_id, 8) = '00000000'",
     {"record_id": REC, "case_id": CASE, "home_case": CASE}),
    ("case_history", "substr(case_id, 3)::bigint <= %(cs)s", {"id": "", "case_id": CASE}),
    ("case_followups", "substr(case_id, 3)::bigint <= %(cs)s",
     {"id": "", "case_id": CASE, "record_id": REC}),
    ("case_notes", "substr(case_id, 3)::bigint <= %(cs)s", {"id": "", "case_id": CASE}),
    ("person_keys", "left(record_id, 8) = '00000000'", {"record_id": REC}),
    ("person_blocks", "left(record_id, 8) = '00000000'", {"record_id": REC}),
]


def _indexes(raw: Any) -> list[tuple[str, str, str]]:
    """(table, name, how to make it again) of the PLAN tables' indexes, for dropping
    during the copy: plain indexes, and primary keys and unique constraints that no
    foreign key needs (records.id stays: the case and content tables point at it)."""
    tables = [t for t, _w, _m in PLAN]
    plain = [(r[0], r[1], r[2]) for r in raw.execute(
        "SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname"
        " = current_schema() AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM "
        "pg_constraint k WHERE k.conindid = (quote_ident(i.indexname))::regclass) "
        "ORDER BY i.indexname", (tables,))]
    keys = [(r[0], r[1], f"ALTER TABLE {r[0]} ADD CONSTRAINT {r[1]} {r[2]}") for r in raw.execute(
        "SELECT k.conrelid::regclass::text, k.conname, pg_get_constraintdef(k.oid) "
        "FROM pg_constraint k WHERE k.contype IN ('p', 'u') AND "
        "k.conrelid::regclass::text = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint "
        "f WHERE f.contype = 'f' AND f.conindid = k.conindid) ORDER BY k.conname",
        (tables,))]
    return plain + keys


def replicate(svc: HQService, copies: int) -> dict[str, float]:
    """The template's rows copied ``copies`` times inside PostgreSQL (see PLAN), the way
    a bulk load is done, in one transaction: each table's template set aside, the table
    emptied (TRUNCATE: with wal_level=minimal what is then written to it skips the WAL
    and is synced once at commit), refilled with copies 0 (the template) to ``copies``
    by one INSERT ... SELECT, without its secondary indexes (built once at the end) and
    without foreign-key triggers (``session_replication_role``: copies of checked rows).
    Row by row with every index and check, 199 copies took 1,300 s at load 7-18."""
    raw = svc._store.conn.raw  # type: ignore[attr-defined]
    out: dict[str, float] = {}
    rs = raw.execute("SELECT max(seq) FROM records").fetchone()[0]
    cs = raw.execute("SELECT max(seq) FROM cases").fetchone()[0]
    cols = {t: [r[0] for r in raw.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
        "ORDER BY ordinal_position", (t,))] for t, _w, _m in PLAN}
    indexes = _indexes(raw)
    tables = [t for t, _w, _m in PLAN]
    t0 = time.perf_counter()
    with raw.transaction():
        raw.execute("SET LOCAL session_replication_role = replica")
        raw.execute("SET LOCAL synchronous_commit = off")
        for table, where, _m in PLAN:
            raw.execute(f"CREATE TEMP TABLE tpl_{table} ON COMMIT DROP AS SELECT * FROM "
                        f"{table} WHERE {where}" % {"rs": rs, "cs": cs})
        # attachments reference records: empty here (text records only), emptied too.
        raw.execute(f"TRUNCATE {', '.join(tables)}, attachments, attachment_chunks")
        for table, name, sql in indexes:
            raw.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}" if sql.startswith(
                "ALTER") else f"DROP INDEX {name}")
        for table, _where, rewrite in PLAN:
            keep = [c for c in cols[table] if rewrite.get(c) != ""]
            exprs = [(rewrite[c].format(c=c) if c in rewrite else c) for c in keep]
            t = time.perf_counter()
            raw.execute(f"INSERT INTO {table} ({', '.join(keep)}) SELECT "
                        f"{', '.join(exprs)} FROM generate_series(0, {copies}) AS k "
                        f"CROSS JOIN tpl_{table}" % {"rs": rs, "cs": cs})
            print(f"  {table}: {time.perf_counter() - t:.1f} s "
                  f"(load {os.getloadavg()[0]:.1f})", flush=True)
        out["copy_s"] = round(time.perf_counter() - t0, 1)
        t = time.perf_counter()
        for _table, _name, sql in indexes:
            raw.execute(sql)
        out["index_s"] = round(time.perf_counter() - t, 1)
    out["commit_s"] = round(time.perf_counter() - t0 - out["copy_s"] - out["index_s"], 1)
    print(f"  copies: {out['copy_s']} s; {len(indexes)} indexes built in {out['index_s']} s;"
          f" commit {out['commit_s']} s", flush=True)
    for table, col in (("records", "seq"), ("cases", "seq"), ("case_history", "id"),
                       ("case_followups", "id"), ("case_notes", "id")):
        raw.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{col}'), "
                    f"(SELECT coalesce(max({col}), 1) FROM {table}))")
    t = time.perf_counter()
    raw.execute("VACUUM ANALYZE")
    out["vacuum_s"] = round(time.perf_counter() - t, 1)
    print(f"  VACUUM ANALYZE: {out['vacuum_s']} s", flush=True)
    return out


def build(hq: Path, records: int, cases: int, template: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    svc = HQService(hq)
    svc.unlock(HQ_PASS)
    try:
        data, _persons = dataset(template, 0.25)
        base = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        t = time.perf_counter()
        seed_store(svc, data, base)
        out["template_seed_s"] = round(time.perf_counter() - t, 1)
        t = time.perf_counter()
        svc._sync_cases()
        out["template_sync_s"] = round(time.perf_counter() - t, 1)
        t = time.perf_counter()
        group(svc, template * cases // records)
        out["template_group_s"] = round(time.perf_counter() - t, 1)
        print(f"template: {template} records seeded in {out['template_seed_s']} s, cases "
              f"opened in {out['template_sync_s']} s, grouped in {out['template_group_s']}"
              " s", flush=True)
        t = time.perf_counter()
        out.update(replicate(svc, records // template - 1))
        out["replicate_s"] = round(time.perf_counter() - t, 1)
        out["records"] = svc._store.execute("SELECT count(*) FROM records").fetchone()[0]
        out["cases"] = svc.count_cases(CaseFilter(queue="all")) + svc.count_cases(
            CaseFilter(queue="closed"))
        out["config"] = server_config(svc)
        out["db_size"] = svc._store.execute(
            "SELECT pg_size_pretty(pg_database_size(current_database()))").fetchone()[0]
    finally:
        svc.close()
    return out


def members(server: PgServer, hq: Path, root: Path, n: int, assigned: int
            ) -> list[tuple[Path, str, str]]:
    """``n`` team members, each with their own login and profile (``intake hq join``):
    every fifth a supervisor, the others caseworkers with ``assigned`` live cases each
    (the bench's setup writes ``cases.assignee`` directly: a bulk assignment, not what
    is measured). Returns (profile, login, password) per member."""
    from intake_app.services.hq_team import join_team
    from intake_app.store.pg import roles

    svc = HQService(hq)
    svc.unlock(HQ_PASS)
    out: list[tuple[Path, str, str]] = []
    try:
        store: Any = svc._store
        people = [(f"{'sup' if i % 5 == 0 else 'cw'}{i}", secrets.token_urlsafe(12))
                  for i in range(n)]
        with store.transaction() as conn:
            for login, password in people:
                roles.add_person(conn, login, "supervisor" if login.startswith("sup")
                                 else "caseworker", password)
        raw = store.conn.raw
        with raw.transaction():
            for login, _pw in people:
                if login.startswith("cw"):
                    raw.execute(
                        "UPDATE cases SET assignee = %s WHERE seq IN (SELECT seq FROM cases"
                        " WHERE merged_into IS NULL AND assignee IS NULL ORDER BY random()"
                        " LIMIT %s)", (login, assigned))
        raw.execute("ANALYZE cases")
    finally:
        svc.close()
    for login, password in people:
        folder = root / "members" / login
        join_team(folder, HQ_PASS, server.store_url("hq", login), password)
        out.append((folder, login, password))
    return out


def sessions(hq: Path, n: int, seconds: float, think: float,
             who: list[tuple[Path, str, str]] | None = None) -> dict[str, Any]:
    """``n`` sessions on the owner's profile ``hq``, or one per member in ``who``."""
    runs = ([(str(hq), "", "")] * n if who is None
            else [(str(f), login, pw) for f, login, pw in who])
    procs = [subprocess.Popen(
        [sys.executable, "-c", SESSION, prof, HQ_PASS, str(seconds), str(think), str(i),
         me, db_pw], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": child_pythonpath()}) for i, (prof, me, db_pw) in
        enumerate(runs)]
    for p in procs:  # every session unlocked and warm before the clock starts
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    start = time.time() + 1
    for p in procs:
        assert p.stdin is not None
        p.stdin.write(f"{start}\n")
        p.stdin.flush()
    loads = []
    while any(p.poll() is None for p in procs):
        if time.time() > start:
            loads.append(os.getloadavg()[0])
        time.sleep(1)
    q: list[float] = []
    s: list[float] = []
    for p in procs:
        out = p.stdout.read() if p.stdout else ""
        if p.returncode != 0:
            raise RuntimeError(f"a session failed ({p.returncode})")
        r = json.loads(out.strip().splitlines()[-1])
        q += r["queue"]
        s += r["search"]
    return {"sessions": len(runs), "as": "owner" if who is None else
            f"{sum(1 for _f, m, _p in who if m.startswith('sup'))} supervisors, "
            f"{sum(1 for _f, m, _p in who if m.startswith('cw'))} caseworkers",
            "think_s": think, "seconds": seconds, "queue_n": len(q),
            "search_n": len(s),
            "queue_p50_ms": round(pct(q, 50) * 1000, 1),
            "queue_p95_ms": round(pct(q, 95) * 1000, 1),
            "search_p50_ms": round(pct(s, 50) * 1000, 1),
            "search_p95_ms": round(pct(s, 95) * 1000, 1),
            "load_during": [round(min(loads), 1), round(max(loads), 1)] if loads else None}


def explain(hq: Path, words: tuple[str, ...] = ("Ahmadi", "Maryam Ahmadi", "Popal")) -> None:
    """The search's statements, as the service runs them, with PostgreSQL's plan."""
    from intake_app.store import cases as store_cases

    svc = HQService(hq)
    svc.unlock(HQ_PASS)
    try:
        db = svc._store
        seen: list[tuple[str, tuple[Any, ...]]] = []
        real = db.conn.raw.execute

        def spy(sql: Any, params: Any = None, **kw: Any) -> Any:
            seen.append((str(sql), tuple(params or ())))
            return real(sql, params, **kw)

        for w in words:
            seen.clear()
            db.conn.raw.execute = spy
            try:
                t = time.perf_counter()
                n = len(store_cases.search_case_ids(db, w, 50))
                ms = (time.perf_counter() - t) * 1000
            finally:
                db.conn.raw.execute = real
            print(f"search {w!r}: {n} cases in {ms:.1f} ms, {len(seen)} statement(s)")
            for sql, params in seen:
                for (line,) in real("EXPLAIN (ANALYZE, BUFFERS) " + sql, params):
                    print("    " + line)
    finally:
        svc.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--cases", type=int, default=300_000)
    ap.add_argument("--template", type=int, default=5_000)
    ap.add_argument("--import-records", type=int, default=1_000)
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--think", type=float, default=0.5)
    ap.add_argument("--explain", action="store_true",
                    help="print EXPLAIN (ANALYZE, BUFFERS) of the search for a few names")
    ap.add_argument("--build-only", action="store_true", help="stop after the build")
    ap.add_argument("--members", action="store_true",
                    help="sessions as team members' own logins (RLS and logged reads)")
    ap.add_argument("--assigned", type=int, default=1_000,
                    help="live cases per caseworker with --members")
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-team-", dir="/tmp"))
    server, proc = start_server(root / "pg")
    results: dict[str, Any] = {"load_at_start": [round(x, 1) for x in os.getloadavg()]}
    try:
        url = server.store_url("hq")
        import psycopg

        with psycopg.connect(server.dsn(), autocommit=True) as conn:
            conn.execute('CREATE DATABASE "hq"')
        s = enrolled_pair(root / "w", database=url)
        t0 = time.perf_counter()
        results.update(build(s.hq, args.records, args.cases, args.template))
        results["build_s"] = round(time.perf_counter() - t0, 1)
        print(f"built {results['cases']} cases over {args.records} records in "
              f"{results['build_s']} s; database {results['db_size']}", flush=True)
        print("server: " + ", ".join(f"{k}={v}" for k, v in results["config"].items()))
        if args.explain:
            explain(s.hq)
        if args.build_only:
            return 0

        _fill_finalized(s.field, args.import_records)
        usb = root / "usb"
        usb.mkdir()
        ex = run_child(EXPORT, str(s.field), FIELD_PASS, str(usb))
        results["load_before_import"] = round(os.getloadavg()[0], 1)
        im = run_child(IMPORT, str(s.hq), HQ_PASS, *ex["files"])
        results["import_records"] = im["records"]
        results["import_s"] = round(im["seconds"], 2)
        results["import_records_per_s"] = round(im["records"] / im["seconds"])
        results["import_bundles"] = len(ex["files"])
        print(f"import: {im['records']} records in {len(ex['files'])} bundle(s), "
              f"{im['seconds']:.1f} s = {results['import_records_per_s']} records/s "
              f"(load {results['load_before_import']} before)", flush=True)

        svc = HQService(s.hq)  # the desk opens the imported records' cases once
        svc.unlock(HQ_PASS)
        t = time.perf_counter()
        svc.cases(CaseFilter(queue="all"), limit=1)
        results["desk_sync_of_imported_s"] = round(time.perf_counter() - t, 1)
        svc.close()
        print(f"desk: cases for the imported records opened in "
              f"{results['desk_sync_of_imported_s']} s", flush=True)
        who = (members(server, s.hq, root, args.sessions, args.assigned) if args.members
               else None)
        results.update(sessions(s.hq, args.sessions, args.seconds, args.think, who))
    finally:
        stop_server(proc)
        shutil.rmtree(root, ignore_errors=True)
    ok = True
    for key, target in TARGETS.items():
        met = results[key] >= target if key.startswith("import") else results[key] <= target
        ok = ok and met
        print(f"{key}: {results[key]} (target {'>=' if key.startswith('import') else '<='} "
              f"{target:g}) {'met' if met else 'NOT met'}")
    results["load_at_end"] = [round(x, 1) for x in os.getloadavg()]
    print(json.dumps(results))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
