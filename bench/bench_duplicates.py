"""Likely duplicates at HQ scale (issue 18): N generated records (default 100,000;
bench/gen_people.py) with known duplicates and realistic spelling variants across
scripts.

- candidate generation for all records, target <= 5 s: in memory (``hq.duplicates``
  alone) and through the service from the store (``HQService.duplicates``: the keys
  read from the store, the pairs, the cases of each pair);
- one new record, target p95 <= 50 ms (service path: its blocks looked up in the store);
- precision and recall of record pairs, target recall >= 0.9 at precision >= 0.8.

Wall clock and CPU time are printed with the load average: the machine is shared.
The desk's queues, case open and search are bench/bench_desk.py's.

    .venv/bin/python bench/bench_duplicates.py [--records N] [--in-memory-only]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # not the venv's copy

from bench._common import ms, pct
from bench.gen_people import EXAMPLE, PASS, dataset, seed_store
from intake_app.forms import FormRegistry
from intake_app.hq import duplicates as dups
from intake_app.hq.casework import parse_casework
from intake_app.hq.namekeys import name_keys
from intake_app.services.hq import HQService

TARGET_ALL_S, TARGET_ONE_MS, TARGET_PRECISION, TARGET_RECALL = 5.0, 50.0, 0.8, 0.9


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
    return {(a, b) if a < b else (b, a) for ids in by.values() for a, b in combinations(ids, 2)}


def quality(found: list[dups.Candidate], truth: set[tuple[str, str]]) -> tuple[float, float]:
    got = {(c.a, c.b) if c.a < c.b else (c.b, c.a) for c in found}
    tp = len(got & truth)
    return tp / max(1, len(got)), tp / max(1, len(truth))


def timed(fn: Any) -> tuple[Any, float, float]:
    """(result, wall s, CPU s of this process)."""
    t, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - t, time.process_time() - c


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--dup-share", type=float, default=0.25)
    ap.add_argument("--in-memory-only", action="store_true",
                    help="skip the store (seeding 100,000 records takes minutes)")
    args = ap.parse_args()
    results: dict[str, Any] = {"records": args.records}

    data, persons = dataset(args.records, args.dup_share)
    people = people_of(data)
    truth = truth_pairs(data)
    found, wall, cpu = timed(lambda: dups.candidates(people))
    prec, rec = quality(found, truth)
    results.update(persons=persons, true_pairs=len(truth), found_pairs=len(found),
                   dup_all_in_memory_s=round(wall, 3), dup_all_in_memory_cpu_s=round(cpu, 3),
                   precision=round(prec, 3), recall=round(rec, 3), load_in_memory=load())
    print(f"{args.records} records of {persons} persons, {len(truth)} true pairs; in memory: "
          f"{len(found)} pairs in {wall:.2f} s wall, {cpu:.2f} s CPU (target <= "
          f"{TARGET_ALL_S:g} s; load {load()}); precision {prec:.3f}, recall {rec:.3f} "
          f"(targets >= {TARGET_PRECISION}, >= {TARGET_RECALL})", flush=True)
    ok = wall <= TARGET_ALL_S and prec >= TARGET_PRECISION and rec >= TARGET_RECALL
    if args.in_memory_only:
        print(json.dumps(results))
        return 0 if ok else 1

    root = Path(tempfile.mkdtemp(prefix="bench-dups-"))
    try:
        svc = HQService(root / "hq")
        svc.init_hq(PASS, "Bench")
        base = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        ids, seeded, _ = timed(lambda: seed_store(svc, data, base))
        _, synced, _ = timed(svc._sync_cases)
        print(f"seeded {len(ids)} records in {seeded:.1f} s; cases opened in {synced:.1f} s",
              flush=True)
        pairs, wall, cpu = timed(lambda: svc.duplicates(limit=10**9))
        results.update(dup_all_service_s=round(wall, 3), dup_all_service_cpu_s=round(cpu, 3),
                       service_pairs=len(pairs), load_service=load())
        # What the GUI and the CLI ask for: the same run, snapshots of the best 200 only.
        _, pwall, pcpu = timed(svc.duplicates)
        results.update(dup_page_service_s=round(pwall, 3), dup_page_service_cpu_s=round(pcpu, 3))
        rng = random.Random(5)
        lat = []
        for rid in rng.sample(ids, 300):
            t = time.perf_counter()
            svc.duplicates_of_record(rid)
            lat.append(time.perf_counter() - t)
        results["dup_one_p95_ms"] = round(pct(lat, 95) * 1000, 2)
        print(f"through the service from the store: {len(pairs)} pairs of cases in {wall:.2f} s "
              f"wall, {cpu:.2f} s CPU (target <= {TARGET_ALL_S:g} s; load {load()}); one record "
              f"p50 {ms(pct(lat, 50))}, p95 {ms(pct(lat, 95))} (target <= {TARGET_ONE_MS:g} ms); "
              f"the default page (best 200 pairs): {pwall:.2f} s wall, {pcpu:.2f} s CPU",
              flush=True)
        svc.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(results))
    ok = (ok and results["dup_all_service_s"] <= TARGET_ALL_S
          and results["dup_one_p95_ms"] <= TARGET_ONE_MS)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
