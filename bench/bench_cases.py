"""Case desk benchmark: likely duplicates and queues at HQ scale.

1. Duplicates over N generated records (default 100,000; bench/gen_people.py) with
   known duplicates and realistic spelling variants across scripts: candidate
   generation for all records (target <= 5 s; in memory, and through the service
   from the store) and for one new record (target p95 <= 50 ms, service path),
   precision and recall of record pairs (target recall >= 0.9 at precision >= 0.8).
2. The desk at N records / C cases (default 30,000): queue first page p95 <= 50 ms,
   case open p95 <= 100 ms, search p95 <= 50 ms.

    .venv/bin/python bench/bench_cases.py [--records N] [--cases C]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import ms, pct
from bench.gen_people import dataset
from intake_app.forms import FormRegistry
from intake_app.hq import duplicates as dups
from intake_app.hq.casework import parse_casework
from intake_app.hq.namekeys import name_keys
from intake_app.models import CaseFilter
from intake_app.services.hq import HQService
from intake_app.store import cases as store_cases
from intake_app.store.ids import now_ms
from intake_app.store.received import store_revision

EXAMPLE = Path(__file__).resolve().parents[1] / "forms" / "examples" / "hrd_intake.json"
PASS = "benchmark passphrase"
NAME_FIELDS = ("name_native", "name_latin", "birth_date", "approximate_age",
               "interview_date", "contact_detail", "province_of_origin")


class Rev:
    __slots__ = ("created_at", "form_id", "form_version", "record_id", "rev", "saved_at",
                 "values")

    def __init__(self, rid: str, at: int, values: dict[str, Any]) -> None:
        self.record_id, self.form_id, self.form_version = rid, "hrd_intake", "2025.2"
        self.created_at = self.saved_at = at
        self.rev, self.values = 1, values


def people_of(data: list[tuple[int, dict[str, Any]]]) -> list[dups.Person]:
    cw = parse_casework(FormRegistry.default_registry().get("hrd_intake").metadata)
    out = []
    for i, (_pid, v) in enumerate(data):
        year, age = cw.age_of(v)
        if year is None and age is not None:
            year = 2025 - age
        out.append(dups.Person(str(i), str(i), tuple(name_keys(cw.names_of(v))), year,
                               tuple(cw.phones_of(v)), cw.text_of(v, cw.province)))
    return out


def truth_pairs(data: list[tuple[int, dict[str, Any]]]) -> set[tuple[str, str]]:
    by: dict[int, list[str]] = {}
    for i, (pid, _v) in enumerate(data):
        by.setdefault(pid, []).append(str(i))
    return {tuple(sorted(p)) for ids in by.values() for p in combinations(ids, 2)}  # type: ignore[misc]


def quality(found: list[dups.Candidate], truth: set[tuple[str, str]]) -> tuple[float, float]:
    got = {tuple(sorted((c.a, c.b))) for c in found}
    tp = len(got & truth)
    return tp / max(1, len(got)), tp / max(1, len(truth))


def seed_store(svc: HQService, data: list[tuple[int, dict[str, Any]]],
               base: dict[str, Any]) -> list[str]:
    rng = random.Random(3)
    ids = []
    at = now_ms() - 400 * 86_400_000
    with svc._store.transaction() as conn:
        for i, (_pid, v) in enumerate(data):
            values = {k: x for k, x in base.items() if k not in NAME_FIELDS}
            values.update(v)
            values["risk_level"] = rng.choice(["low", "medium", "high", "extreme"])
            values["imminence_flags"] = ["none"]
            values["needs"] = rng.sample(["relocation", "legal_aid", "medical", "shelter",
                                          "psychosocial", "documents"], 2)
            day = rng.randint(-60, 400)
            values["document_expiry"] = time.strftime(
                "%Y-%m-%d", time.gmtime(time.time() + day * 86400))
            rid = f"{i:032x}"
            store_revision(conn, Rev(rid, at + i * 300_000, values), "dev-bench", 1)
            ids.append(rid)
    return ids


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--cases", type=int, default=30_000)
    ap.add_argument("--dup-share", type=float, default=0.25)
    args = ap.parse_args()
    results: dict[str, Any] = {"records": args.records}

    data, persons = dataset(args.records, args.dup_share)
    people = people_of(data)
    truth = truth_pairs(data)
    t = time.perf_counter()
    found = dups.candidates(people)
    results["dup_all_in_memory_s"] = round(time.perf_counter() - t, 3)
    prec, rec = quality(found, truth)
    results.update(persons=persons, true_pairs=len(truth), found_pairs=len(found),
                   precision=round(prec, 3), recall=round(rec, 3))
    print(f"duplicates: {args.records} records of {persons} persons, {len(truth)} true "
          f"pairs; found {len(found)} in {results['dup_all_in_memory_s']} s (in memory); "
          f"precision {prec:.3f}, recall {rec:.3f} (targets <= 5 s, >= 0.8, >= 0.9)",
          flush=True)

    root = Path(tempfile.mkdtemp(prefix="bench-cases-"))
    try:
        svc = HQService(root / "hq")
        svc.init_hq(PASS, "Bench")
        base = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        t = time.perf_counter()
        ids = seed_store(svc, data, base)
        seeded = time.perf_counter() - t
        t = time.perf_counter()
        svc._sync_cases()
        results["sync_s"] = round(time.perf_counter() - t, 1)
        print(f"seeded {len(ids)} records in {seeded:.1f} s; cases opened in "
              f"{results['sync_s']} s", flush=True)

        t = time.perf_counter()
        pairs = svc.duplicates(limit=10**9)
        results["dup_all_service_s"] = round(time.perf_counter() - t, 3)
        rng = random.Random(5)
        lat = []
        for rid in rng.sample(ids, 300):
            t = time.perf_counter()
            svc.duplicates_of_record(rid)
            lat.append(time.perf_counter() - t)
        results["dup_one_p95_ms"] = round(pct(lat, 95) * 1000, 2)
        print(f"duplicates via the service from the store: {len(pairs)} pairs in "
              f"{results['dup_all_service_s']} s (target <= 5 s); one record p50 "
              f"{ms(pct(lat, 50))}, p95 {ms(pct(lat, 95))} (target <= 50 ms)", flush=True)

        # Group the records into C cases (as analysts' merges would), in bulk.
        t = time.perf_counter()
        case_ids = [r[0] for r in store_cases.list_cases(
            svc._store, CaseFilter(queue="all"), "9999-12-31", -1, 0)]
        case_ids.sort()
        targets = case_ids[:args.cases]
        at = now_ms()
        with svc._store.transaction() as conn:
            for i, cid in enumerate(case_ids[args.cases:]):
                target = targets[i % len(targets)]
                store_cases.move_records(conn, store_cases.member_ids(svc._store, cid),
                                         target)
                store_cases.update_case(conn, cid, at, merged_into=target)
            today = time.gmtime()
            import datetime as dt

            d = dt.date(today.tm_year, today.tm_mon, today.tm_mday)
            for cid in targets:
                svc._refresh_in(conn, cid, d, at)
            store_cases.refresh_next_due(conn, targets)
            for i, cid in enumerate(targets[: len(targets) // 3]):
                store_cases.update_case(conn, cid, at, status="triaged",
                                        assignee=f"worker{i % 12}")
        live = svc.count_cases(CaseFilter(queue="all"))
        print(f"grouped into {live} live cases in {time.perf_counter() - t:.1f} s",
              flush=True)
        results["cases"] = live

        queues = [CaseFilter(queue=q) for q in ("all", "new", "priority", "overdue",
                                                "expiring")]
        queues += [CaseFilter(queue="mine", me="worker3"), CaseFilter(province="herat"),
                   CaseFilter(need="medical"), CaseFilter(priority="urgent"),
                   CaseFilter(status="triaged", assignee="worker5")]
        qlat = []
        for _ in range(30):
            for f in queues:
                t = time.perf_counter()
                svc.cases(f, limit=50)
                qlat.append(time.perf_counter() - t)
        olat = []
        for cid in rng.sample(targets, 200):
            t = time.perf_counter()
            svc.case(cid)
            olat.append(time.perf_counter() - t)
        words = ["Ahmadi", "مریم", "Hosseini", "Karim", "رضایی", "Zahra", "Wardak",
                 "Maryam Ahmadi", "Khalid", "ستانکزی", "Popal", "Fatima"]
        slat = []
        for _ in range(20):
            for w in words:
                t = time.perf_counter()
                svc.search_cases(w, limit=50)
                slat.append(time.perf_counter() - t)
        results.update(queue_p95_ms=round(pct(qlat, 95) * 1000, 2),
                       open_p95_ms=round(pct(olat, 95) * 1000, 2),
                       search_p95_ms=round(pct(slat, 95) * 1000, 2))
        print(f"queue first page (50): p50 {ms(pct(qlat, 50))}, p95 {ms(pct(qlat, 95))} "
              f"(target <= 50 ms)")
        print(f"case open: p50 {ms(pct(olat, 50))}, p95 {ms(pct(olat, 95))} "
              f"(target <= 100 ms)")
        print(f"search (50 cases): p50 {ms(pct(slat, 50))}, p95 {ms(pct(slat, 95))} "
              f"(target <= 50 ms)")
        svc.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(results))
    ok = (results["dup_all_service_s"] <= 5 and results["dup_one_p95_ms"] <= 50
          and results["recall"] >= 0.9 and results["precision"] >= 0.8
          and results["queue_p95_ms"] <= 50 and results["open_p95_ms"] <= 100
          and results["search_p95_ms"] <= 50)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
