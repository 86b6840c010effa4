"""Forms benchmark: time to load hrd_intake and to validate one record.

Targets (issue 3): load <= 100 ms, validation <= 5 ms per record. HQ import wants
>= 2,000 records/s, so validation should stay <= 0.2 ms per record (median, unloaded).
Run: .venv/bin/python bench/bench_forms.py [--rounds N]

Other processes share the cores: run it a few times and take the best.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from intake_app.forms import (  # noqa: E402
    Form,
    builtin_forms_dir,
    evaluate_relevance,
    load_form_file,
    validate_record,
)

LOAD_TARGET_MS = 100.0
VALIDATE_TARGET_MS = 5.0


def timed(fn: Callable[[], object], rounds: int) -> tuple[float, float, float]:
    """Median, 95th percentile and worst time in milliseconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, times[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    forms = builtin_forms_dir()
    path = forms / "hrd_intake.json"
    record = json.loads((forms / "examples" / "hrd_intake.json").read_text(encoding="utf-8"))

    start = time.perf_counter()
    form = load_form_file(path)
    cold = (time.perf_counter() - start) * 1000
    load_rounds = max(10, min(100, args.rounds // 10))
    load_med, load_p95, load_max = timed(lambda: load_form_file(path), load_rounds)
    data = form.canonical_json()
    parse_med, _, _ = timed(lambda: Form.from_json(data), load_rounds)
    start = time.perf_counter()
    validate_record(form, record)  # the first call also prepares the form for evaluation
    first = (time.perf_counter() - start) * 1000
    val_med, val_p95, val_max = timed(lambda: validate_record(form, record), args.rounds)
    rel_med, _, _ = timed(lambda: evaluate_relevance(form, record), args.rounds)

    n_fields = sum(1 for _ in form.walk())
    print(f"hrd_intake {form.version}: {n_fields} fields, {len(data)} bytes canonical JSON")
    print(f"load form (first, cold)      {cold:8.2f} ms")
    print(f"load form (file, median)     {load_med:8.2f} ms   p95 {load_p95:.2f}  "
          f"max {load_max:.2f}  target <= {LOAD_TARGET_MS:.0f} ms")
    print(f"Form.from_json (median)      {parse_med:8.2f} ms")
    print(f"validate record (first call) {first:8.3f} ms")
    print(f"validate record (median)     {val_med:8.3f} ms   p95 {val_p95:.3f}  "
          f"max {val_max:.3f}  target <= {VALIDATE_TARGET_MS:.0f} ms")
    print(f"  = {1000 / val_med:,.0f} records/s on one core")
    print(f"relevance only (median)      {rel_med:8.3f} ms")
    ok = load_med <= LOAD_TARGET_MS and val_med <= VALIDATE_TARGET_MS
    print("PASS" if ok else "FAIL: over target")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
