"""Case desk benchmark at HQ scale: N received records grouped into C cases on the
embedded (SQLCipher) store.

Targets (issue 18): queue first page p95 <= 50 ms, case open p95 <= 100 ms, search
p95 <= 50 ms (likely duplicates: bench/bench_duplicates.py). The data is built fast: the
generated people of bench/gen_people.py written in one transaction with the store's own
insert (``store_revision``, what an import does per record), cases opened by the
service's own sync, then grouped into C cases in bulk the way analysts' merges would
(records moved, merged cases kept).

    .venv/bin/python bench/bench_desk.py [--records N] [--cases C]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # not the venv's copy

from bench._common import ms, pct
from bench.gen_people import EXAMPLE, PASS, dataset, seed_store
from intake_app.models import CaseFilter
from intake_app.services.hq import HQService
from intake_app.store import cases as store_cases
from intake_app.store.ids import now_ms

TARGETS = {"queue_p95_ms": 50.0, "open_p95_ms": 100.0, "search_p95_ms": 50.0}
QUEUES = [CaseFilter(queue=q) for q in ("all", "new", "priority", "overdue", "expiring")]
QUEUES += [CaseFilter(queue="mine", me="worker3"), CaseFilter(province="herat"),
           CaseFilter(need="medical"), CaseFilter(priority="urgent"),
           CaseFilter(status="triaged", assignee="worker5"),
           CaseFilter(queue="closed")]
WORDS = ["Ahmadi", "مریم", "Hosseini", "Karim", "رضایی", "Zahra", "Wardak",
         "Maryam Ahmadi", "Khalid", "ستانکزی", "Popal", "Fatima"]


def group(svc: HQService, n_cases: int) -> list[str]:
    """Merge the cases round-robin into the first ``n_cases``; a third of them triaged
    and assigned, a tenth closed. Returns the live case ids."""
    case_ids = sorted(r[0] for r in store_cases.list_cases(
        svc._store, CaseFilter(queue="all"), "9999-12-31", -1, 0))
    targets = case_ids[:n_cases]
    at = now_ms()
    day = dt.datetime.now(dt.UTC).date()
    with svc._store.transaction() as conn:
        for i, cid in enumerate(case_ids[n_cases:]):
            target = targets[i % len(targets)]
            store_cases.move_records(conn, store_cases.member_ids(svc._store, cid), target)
            store_cases.update_case(conn, cid, at, merged_into=target)
        for cid in targets:
            svc._refresh_in(conn, cid, day, at)
        store_cases.refresh_next_due(conn, targets)
        for i, cid in enumerate(targets[: len(targets) // 3]):
            store_cases.update_case(conn, cid, at, status="triaged",
                                    assignee=f"worker{i % 12}")
        for cid in targets[len(targets) // 3: len(targets) // 3 + len(targets) // 10]:
            store_cases.update_case(conn, cid, at, status="closed", status_at=at)
    return targets


def measure(svc: HQService, targets: list[str], rounds: int) -> dict[str, Any]:
    rng = random.Random(5)
    per_queue: dict[str, list[float]] = {}
    qlat: list[float] = []
    for _ in range(rounds):
        for f in QUEUES:
            t = time.perf_counter()
            svc.cases(f, limit=50)
            d = time.perf_counter() - t
            qlat.append(d)
            per_queue.setdefault(f"{f.queue}/{f.status or ''}/{f.province or ''}/"
                                 f"{f.need or ''}/{f.priority or ''}/{f.assignee or ''}",
                                 []).append(d)
    olat = []
    for cid in rng.sample(targets, min(200, len(targets))):
        t = time.perf_counter()
        svc.case(cid)
        olat.append(time.perf_counter() - t)
    slat = []
    for _ in range(rounds):
        for w in WORDS:
            t = time.perf_counter()
            svc.search_cases(w, limit=50)
            slat.append(time.perf_counter() - t)
    for name, lat in per_queue.items():
        print(f"  queue {name}: p95 {ms(pct(lat, 95))}")
    return {"queue_p50_ms": round(pct(qlat, 50) * 1000, 2),
            "queue_p95_ms": round(pct(qlat, 95) * 1000, 2),
            "open_p50_ms": round(pct(olat, 50) * 1000, 2),
            "open_p95_ms": round(pct(olat, 95) * 1000, 2),
            "search_p50_ms": round(pct(slat, 50) * 1000, 2),
            "search_p95_ms": round(pct(slat, 95) * 1000, 2)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--cases", type=int, default=30_000)
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    data, _persons = dataset(args.records, 0.25)
    results: dict[str, Any] = {"records": args.records}
    root = Path(tempfile.mkdtemp(prefix="bench-desk-"))
    try:
        svc = HQService(root / "hq")
        svc.init_hq(PASS, "Bench")
        base = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        t = time.perf_counter()
        seed_store(svc, data, base)
        results["seed_s"] = round(time.perf_counter() - t, 1)
        t = time.perf_counter()
        svc._sync_cases()
        results["sync_s"] = round(time.perf_counter() - t, 1)
        t = time.perf_counter()
        targets = group(svc, args.cases)
        results["group_s"] = round(time.perf_counter() - t, 1)
        results["cases"] = svc.count_cases(CaseFilter(queue="all")) + svc.count_cases(
            CaseFilter(queue="closed"))
        print(f"built {args.records} records in {results['seed_s']} s, cases opened in "
              f"{results['sync_s']} s, grouped into {results['cases']} live cases in "
              f"{results['group_s']} s", flush=True)
        results.update(measure(svc, targets, args.rounds))
        svc.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    ok = True
    for key, target in TARGETS.items():
        met = results[key] <= target
        ok = ok and met
        print(f"{key.replace('_p95_ms', '')}: p50 {results[key.replace('p95', 'p50')]} ms, "
              f"p95 {results[key]} ms (target <= {target:g} ms) "
              f"{'met' if met else 'NOT met'}")
    print(json.dumps(results))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
