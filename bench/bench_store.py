"""Foundation benchmark: a store of 100,000 records.

Prints save latency p50/p95 (service path: validation + encrypted write +
fsync), search latency p50/p95, open (unlock) time with the real calibrated
KDF, and attachment write throughput for 1 GiB with the writer's peak RSS.
Targets (2 cores): save p95 <= 20 ms, search p95 <= 50 ms,
attachment >= 200 MB/s with peak RSS <= 150 MiB.

    .venv/bin/python bench/bench_store.py [--records N] [--attachment-mib M]
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # not the venv's copy

from bench._common import ms, pct, run_child
from intake_app.services.field import FieldService
from intake_app.store.records import new_id, now_ms
from intake_app.textnorm import searchable_text

EXAMPLE = Path(__file__).resolve().parents[1] / "forms" / "examples" / "hrd_intake.json"
WORDS = [
    "threat", "arrest", "raid", "journalist", "lawyer", "teacher", "protest", "visa",
    "police", "border", "family", "کابل", "هرات", "تهدید", "خبرنگار", "وکیل", "معلم",
    "پولیس", "ویزا", "خانواده", "پشاور", "اسلام\u200cآباد", "ګواښ", "کورنۍ", "دھمکی",
    "گرفتاری",
]
PASS = "benchmark passphrase"


def _values(rng: random.Random) -> dict[str, object]:
    v: dict[str, object] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for row in v.get("threats", []):  # type: ignore[union-attr]
        row.pop("evidence_file", None)
    v["interviewer_notes"] = " ".join(rng.choice(WORDS) for _ in range(30))
    return v


def fill(svc: FieldService, n: int, rng: random.Random) -> None:
    """Bulk-load n records with the same rows create_record writes, in big transactions."""
    base = _values(rng)
    batch = 5000
    for start in range(0, n, batch):
        with svc._store.transaction() as conn:
            for _ in range(min(batch, n - start)):
                base["interviewer_notes"] = " ".join(rng.choice(WORDS) for _ in range(30))
                rid, ts = new_id(), now_ms()
                data = json.dumps(base, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                seq = conn.execute(
                    "INSERT INTO records (id, form_id, form_version, status, created_at, "
                    "updated_at, current_rev) VALUES (?, 'hrd_intake', ?, 'draft', ?, ?, 1)",
                    (rid, svc.get_form("hrd_intake").version, ts, ts)).lastrowid
                conn.execute("INSERT INTO revisions VALUES (?, 1, ?, ?)", (rid, ts, data))
                conn.execute("INSERT INTO records_fts (rowid, body) VALUES (?, ?)",
                             (seq, searchable_text(base)))


ATTACH_CHILD = r"""
import io, json, os, sys, time, tempfile
from pathlib import Path
from intake_app.services.field import FieldService
d = Path(sys.argv[1]); size = int(sys.argv[2]); src = Path(sys.argv[3])
svc = FieldService(d); svc.unlock(sys.argv[4])
rid = svc.list_records(limit=1)[0].id
# Unlock's Argon2id uses 256 MiB by design; reset the high-water mark so the
# figure is the attachment writer's own.
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")
t = time.perf_counter()
with open(src, "rb") as fh:
    info = svc.attach(rid, fh, "video.mp4")
dt = time.perf_counter() - t
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
svc.lock()
print(json.dumps({"seconds": dt, "bytes": info.size, "hwm_mib": int(hwm) / 1024}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--attachment-mib", type=int, default=1024)
    ap.add_argument("--fast-kdf", action="store_true", help="skip KDF calibration")
    args = ap.parse_args()
    if args.fast_kdf:
        os.environ["INTAKE_TESTING_FAST_KDF"] = "1"
        os.environ.setdefault("PYTEST_CURRENT_TEST", "bench")  # the fast KDF is test-only
    rng = random.Random(1)
    root = Path(tempfile.mkdtemp(prefix="intake-bench-"))
    try:
        d = root / "field"
        svc = FieldService(d)
        t = time.perf_counter()
        svc.create(PASS)
        print(f"profile created (incl. KDF calibration) in {time.perf_counter() - t:.2f} s")
        t = time.perf_counter()
        fill(svc, args.records, rng)
        print(f"bulk-loaded {args.records} records in {time.perf_counter() - t:.1f} s")

        saves = []
        for _ in range(500):
            v = _values(rng)
            t = time.perf_counter()
            svc.new_record("hrd_intake", v)
            saves.append(time.perf_counter() - t)
        print(f"save (validate + encrypted write + fsync), n=500: p50 {ms(pct(saves, 50))}"
              f"  p95 {ms(pct(saves, 95))}  (target p95 <= 20 ms)")

        searches = []
        for _ in range(300):
            q = " ".join(rng.sample(WORDS, rng.choice([1, 1, 2])))
            t = time.perf_counter()
            svc.search(q, limit=200)
            searches.append(time.perf_counter() - t)
        print(f"search (FTS5, {args.records} records, up to 200 hits), n=300: "
              f"p50 {ms(pct(searches, 50))}  p95 {ms(pct(searches, 95))}  (target p95 <= 50 ms)")

        t = time.perf_counter()
        svc.list_records(limit=100)
        svc.count_records()
        print(f"first page of the records list + count: {ms(time.perf_counter() - t)}")
        svc.lock()
        opens = []
        for _ in range(3):
            t = time.perf_counter()
            svc.unlock(PASS)
            opens.append(time.perf_counter() - t)
            svc.lock()
        print(f"open (Argon2id unlock + SQLCipher open), n=3: min {ms(min(opens))} "
              f"max {ms(max(opens))}")

        size = args.attachment_mib << 20
        src = root / "big.bin"
        with open(src, "wb") as fh:
            block = rng.randbytes(1 << 20)
            for _ in range(args.attachment_mib):
                fh.write(block)
        # A real source file is at rest: flush the one just written, so its write-back
        # does not compete with the measured write.
        os.sync()
        res = run_child(ATTACH_CHILD, str(d), str(size), str(src), PASS)
        mbps = res["bytes"] / res["seconds"] / 1e6
        print(f"attachment write {args.attachment_mib} MiB: {res['seconds']:.2f} s = "
              f"{mbps:.0f} MB/s, peak RSS during the write {res['hwm_mib']:.0f} MiB "
              f"(targets >= 200 MB/s, <= 150 MiB)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
