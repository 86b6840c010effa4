"""Panic benchmark: crypto-erase a field store of 100,000 records.

Builds the store with bench_store's bulk loader (plus attachments), then
times ``protect.panic.panic`` twice on identical copies: with the app locked
(``intake panic --yes``) and with the store open in a running service (the
GUI's panic button). Target: under 1 s.

    .venv/bin/python bench/bench_panic.py [--records N] [--attachment-mib M]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # not the venv's copy

from bench.bench_store import PASS, fill
from intake_app.protect.panic import panic
from intake_app.services.field import FieldService


def _size(d: Path) -> int:
    return sum(p.stat().st_size for p in d.rglob("*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--attachment-mib", type=int, default=64)
    ap.add_argument("--real-kdf", action="store_true", help="calibrate Argon2id (slower setup)")
    args = ap.parse_args()
    if not args.real_kdf:
        os.environ["INTAKE_TESTING_FAST_KDF"] = "1"  # panic never runs the KDF anyway
        os.environ.setdefault("PYTEST_CURRENT_TEST", "bench")  # the fast KDF is test-only
    rng = random.Random(2)
    root = Path(tempfile.mkdtemp(prefix="intake-bench-panic-"))
    try:
        src = root / "field"
        svc = FieldService(src)
        svc.create(PASS)
        t = time.perf_counter()
        fill(svc, args.records, rng)
        rid = svc.list_records(limit=1)[0].id
        block = rng.randbytes(1 << 20)
        for i in range(max(0, args.attachment_mib) // 16):
            svc.attach(rid, io.BytesIO(block * 16), f"video{i}.mp4")
        svc._store.checkpoint()
        svc.lock()
        print(f"built {args.records} records + {args.attachment_mib} MiB attachments in "
              f"{time.perf_counter() - t:.1f} s; store {_size(src) / 1e6:.0f} MB")

        locked = root / "locked"
        shutil.copytree(src, locked)
        os.sync()  # measure panic, not the write-back of the copy
        report = panic(locked)
        assert not locked.exists()
        print(f"panic, app locked (intake panic --yes): {report.seconds * 1000:.1f} ms, "
              f"{len(report.removed)} files; keys destroyed after "
              f"{report.key_destroyed_after * 1000:.1f} ms (target < 1000 ms)")

        svc = FieldService(src)
        svc.unlock(PASS)
        svc.count_records()
        svc.search("threat", limit=50)
        os.sync()
        t = time.perf_counter()
        report = panic(src, service=svc)
        total = time.perf_counter() - t
        assert not src.exists() and not svc.is_unlocked
        print(f"panic, store open in the running app (GUI button): {total * 1000:.1f} ms; "
              f"keys destroyed after {report.key_destroyed_after * 1000:.1f} ms "
              f"(target < 1000 ms)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
