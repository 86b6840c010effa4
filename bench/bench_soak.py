"""Soak benchmark: one field profile used for a simulated year.

    .venv/bin/python bench/bench_soak.py [--records 10000] [--attachments 2000]
                                         [--exports 500] [--att-kib 256] [--drafts 40]

Every "day" (one export): staff save new drafts (``--records / --exports`` of them),
edit some drafts started earlier, attach files, finalize the oldest drafts, export a
volume; HQ imports it and its signed receipt reaches the laptop a few days later (so a
few volumes are always pending, as in the field). ``--drafts`` interviews are always
in progress (the live data a laptop holds besides sealed volumes).

Reported, fresh (first 10% of the year) against aged (last 10%):
* draft save p95 (``new_record`` + ``edit_record``), target aged <= 1.2x fresh;
* export time (seal one volume), median, target aged <= 1.2x fresh;
* store size (database + WAL after a checkpoint + blob files) against a fresh profile holding the
  same live data (the drafts in progress and the pending volumes' records), target
  <= 1.1x: nothing grows from purged data.

Real SQLCipher store, real sealing, real HQ import and receipts (services API, one
process). The fast test KDF is used: unlock cost is not what is measured.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import deque
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # not the venv's copy
os.environ["INTAKE_TESTING_FAST_KDF"] = "1"
os.environ.setdefault("PYTEST_CURRENT_TEST", "bench")  # the fast KDF is test-only

from tests.cli_helpers import FIELD_PASS, HQ_PASS, enrolled_pair, example_values

from bench._common import pct
from intake_app.services.field import FieldService
from intake_app.services.hq import HQService

RECEIPT_LAG = 3  # exports between a volume leaving and its receipt arriving


def store_bytes(data_dir: Path) -> int:
    # Attachments live in blob files beside the store since schema 9: count them too.
    files = [*data_dir.glob("store.db*"), *(data_dir / "blobs").glob("*")]
    return sum(p.stat().st_size for p in files if p.is_file())


def values(i: int, edit: int = 0) -> dict[str, object]:
    return example_values(interviewer_notes=f"interview {i} edit {edit} " + "note " * 40,
                          consent_notes=f"consent notes {i}")


class Laptop:
    def __init__(self, svc: FieldService, att_bytes: int, tmp: Path) -> None:
        self.svc, self.att_bytes, self.tmp = svc, att_bytes, tmp
        self.save_s: list[float] = []
        self.drafts: deque[tuple[int, str]] = deque()
        self.n = 0

    def new_draft(self) -> None:
        self.n += 1
        t = time.perf_counter()
        rid = self.svc.new_record("hrd_intake", values(self.n))
        self.save_s.append(time.perf_counter() - t)
        self.drafts.append((self.n, rid))

    def edit(self, k: int) -> None:
        i, rid = self.drafts[k]
        t = time.perf_counter()
        self.svc.edit_record(rid, values(i, edit=1))
        self.save_s.append(time.perf_counter() - t)

    def attach(self, k: int) -> None:
        _, rid = self.drafts[k]
        f = self.tmp / "photo.jpg"
        f.write_bytes(os.urandom(self.att_bytes))
        self.svc.attach_file(rid, f)

    def finalize_oldest(self) -> None:
        _, rid = self.drafts.popleft()
        self.svc.finalize(rid)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=int, default=10_000)
    ap.add_argument("--attachments", type=int, default=2_000)
    ap.add_argument("--exports", type=int, default=500)
    ap.add_argument("--att-kib", type=int, default=256)
    ap.add_argument("--drafts", type=int, default=40)
    args = ap.parse_args()
    per_day = args.records // args.exports
    att_every = max(1, args.records // max(1, args.attachments))
    work = Path(tempfile.mkdtemp(prefix="bench-soak-"))
    try:
        s = enrolled_pair(work / "year")
        usb = work / "usb"
        usb.mkdir()
        field = FieldService(s.field)
        field.unlock(FIELD_PASS)
        hq = HQService(s.hq)
        hq.unlock(HQ_PASS)
        lap = Laptop(field, args.att_kib * 1024, work)
        for _ in range(args.drafts):
            lap.new_draft()
        export_s: list[float] = []
        receipts: deque[bytes] = deque()  # signed at HQ, still on their way to the laptop
        attached = 0
        t0 = time.perf_counter()
        for day in range(args.exports):
            for _ in range(per_day):
                lap.new_draft()
                if lap.n % att_every == 0 and attached < args.attachments:
                    lap.attach(len(lap.drafts) - 1)
                    attached += 1
            for k in range(0, len(lap.drafts), max(1, len(lap.drafts) // 5)):
                lap.edit(k)  # interviews continued on later days
            for _ in range(per_day):
                lap.finalize_oldest()
            t = time.perf_counter()
            res = field.export(usb)
            export_s.append(time.perf_counter() - t)
            for p in res.paths:
                out = hq.import_bundle(Path(p))
                assert out.verdict == "imported", out
                Path(p).unlink()
            [receipt] = hq.receipts().values()
            receipts.append(receipt)
            if len(receipts) > RECEIPT_LAG:
                field.import_receipt(receipts.popleft())
            if (day + 1) % max(1, args.exports // 10) == 0:
                print(f"  day {day + 1}/{args.exports}: {lap.n} records, {attached} "
                      f"attachments, store {store_bytes(s.field) / 1e6:.1f} MB, "
                      f"{time.perf_counter() - t0:.0f} s", flush=True)
        field._store.checkpoint()
        aged_size = store_bytes(s.field)
        free_pages = int(field._store.execute("PRAGMA freelist_count").fetchone()[0])
        pages = int(field._store.execute("PRAGMA page_count").fetchone()[0])
        live_drafts = [(i, rid) for i, rid in lap.drafts]
        live_atts = [a for _, rid in live_drafts for a in field.record(rid).attachments]
        sealed_live = sum(e.record_count for e in field.outbox() if e.state == "pending")
        field.close()
        hq.close()

        # A fresh profile holding the same live data: the drafts in progress (same
        # values, same attachment sizes) and as many pending sealed records.
        f = enrolled_pair(work / "fresh")
        fresh = FieldService(f.field)
        fresh.unlock(FIELD_PASS)
        flap = Laptop(fresh, args.att_kib * 1024, work)
        for _ in range(sealed_live):
            flap.new_draft()
            flap.finalize_oldest()
        fresh.export(None)
        for i, _rid in live_drafts:
            flap.n = i - 1
            flap.new_draft()
            flap.edit(len(flap.drafts) - 1)
        for a in live_atts:
            flap.att_bytes = a.size
            flap.attach(0)
        fresh._store.checkpoint()
        fresh_size = store_bytes(f.field)
        fresh.close()

        n10 = max(1, len(lap.save_s) // 10)
        e10 = max(1, len(export_s) // 10)
        save_fresh, save_aged = pct(lap.save_s[:n10], 95), pct(lap.save_s[-n10:], 95)
        exp_fresh = statistics.median(export_s[:e10])
        exp_aged = statistics.median(export_s[-e10:])
        total = time.perf_counter() - t0
        print(f"soak: {lap.n} records, {attached} attachments of {args.att_kib} KiB, "
              f"{args.exports} exports, receipts {RECEIPT_LAG} exports late, {total:.0f} s")
        print(f"draft save p95: fresh {save_fresh * 1000:.2f} ms, aged {save_aged * 1000:.2f} ms"
              f"  ratio {save_aged / save_fresh:.2f} (target <= 1.20)")
        print(f"export (median): fresh {exp_fresh * 1000:.1f} ms, aged {exp_aged * 1000:.1f} ms"
              f"  ratio {exp_aged / exp_fresh:.2f} (target <= 1.20)")
        print(f"store size: after the year {aged_size / 1e6:.2f} MB, fresh profile with the "
              f"same live data ({len(live_drafts)} drafts, {len(live_atts)} attachments, "
              f"{sealed_live} pending sealed records) {fresh_size / 1e6:.2f} MB  ratio "
              f"{aged_size / fresh_size:.2f} (target <= 1.10); {free_pages} of {pages} pages "
              "free")
        ok = (save_aged <= 1.2 * save_fresh and exp_aged <= 1.2 * exp_fresh
              and aged_size <= 1.1 * fresh_size)
        print("soak:", "all targets met" if ok else "TARGET MISSED")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
