"""Service-level bundle benchmark: export, verify and import as the CLI runs them.

Two workloads: 1 GiB of attachments, and 10,000 text records. Each phase runs
in its own process so its peak RSS is its own (the high-water mark is reset
after unlock, whose Argon2id uses 256 MiB by design). Side by side, in the same
script, on the same bytes: `age` encrypting to an X25519 recipient and
decrypting, and `minisign -V` verifying.

Targets: export >= 0.8x age encrypt; verify >= 1.0x minisign; import >= 0.8x
age decrypt; peak RSS <= 150 MiB; import of 10,000 records >= 2,000 records/s.

    .venv/bin/python bench/bench_flow.py [--mib 1024] [--records 10000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # not the venv's copy
os.environ["INTAKE_TESTING_FAST_KDF"] = "1"  # unlock cost is not what is measured here
os.environ.setdefault("PYTEST_CURRENT_TEST", "bench")  # the fast KDF is test-only

from tests.cli_helpers import FIELD_PASS, HQ_PASS, enrolled_pair, example_values, ok

from bench._common import HWM_PRELUDE, peak_rss_of, run_child

PRELUDE = HWM_PRELUDE

EXPORT = PRELUDE + r"""
from intake_app.services.field import FieldService
svc = FieldService(Path(sys.argv[1])); svc.unlock(sys.argv[2]); reset_hwm()
t = time.perf_counter(); res = svc.export(Path(sys.argv[3])); dt = time.perf_counter() - t
print(json.dumps({"seconds": dt, "bytes": res.bytes_written, "files": list(res.paths),
                  "hwm": hwm()}))
"""

VERIFY = PRELUDE + r"""
from intake_app.services import audit
ring = audit.load_keyring(Path(sys.argv[1])); reset_hwm()
paths = [Path(p) for p in sys.argv[2:]]
t = time.perf_counter(); out = audit.verify_paths(paths, ring); dt = time.perf_counter() - t
assert all(o.ok for o in out), out
print(json.dumps({"seconds": dt, "hwm": hwm()}))
"""

IMPORT = PRELUDE + r"""
from intake_app.services.hq import HQService
svc = HQService(Path(sys.argv[1])); svc.unlock(sys.argv[2]); reset_hwm()
t = time.perf_counter()
outs = [svc.import_bundle(Path(p)) for p in sys.argv[3:]]
dt = time.perf_counter() - t
assert all(o.verdict == "imported" for o in outs), outs
print(json.dumps({"seconds": dt, "records": sum(o.records for o in outs), "hwm": hwm()}))
"""


def _fill_finalized(field: Path, n: int) -> None:
    """Bulk-load n finalized records into the field store (the same rows the CLI writes)."""
    import json as _json

    from intake_app.services.field import FieldService
    from intake_app.store.records import new_id, now_ms
    from intake_app.textnorm import searchable_text

    svc = FieldService(field)
    svc.unlock(FIELD_PASS)
    values = svc.get_form("hrd_intake")
    from intake_app.forms import validate_record

    clean = validate_record(values, example_values())
    data = _json.dumps(clean, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with svc._store.transaction() as conn:
        for _ in range(n):
            rid, ts = new_id(), now_ms()
            seq = conn.execute(
                "INSERT INTO records (id, form_id, form_version, status, created_at, updated_at,"
                " current_rev) VALUES (?, 'hrd_intake', ?, 'finalized', ?, ?, 1)",
                (rid, values.version, ts, ts)).lastrowid
            conn.execute("INSERT INTO revisions VALUES (?, 1, ?, ?)", (rid, ts, data))
            conn.execute("INSERT INTO records_fts (rowid, body) VALUES (?, ?)",
                         (seq, searchable_text(clean)))
    svc.lock()


def _age_and_minisign(src: Path, work: Path) -> dict[str, float]:
    key = work / "age.key"
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
    recipient = next(line.split(": ")[1] for line in key.read_text().splitlines()
                     if "public key" in line)
    enc = work / "blob.age"
    t_enc, rss_enc = peak_rss_of(["age", "-r", recipient, "-o", str(enc), str(src)])
    t_dec, rss_dec = peak_rss_of(["age", "-d", "-i", str(key), "-o", "/dev/null", str(enc)])
    enc.unlink()
    mkey, mpub = work / "m.key", work / "m.pub"
    subprocess.run(["minisign", "-G", "-W", "-s", str(mkey), "-p", str(mpub)], check=True,
                   capture_output=True)
    subprocess.run(["minisign", "-S", "-s", str(mkey), "-m", str(src)], check=True,
                   capture_output=True)
    t_ver, rss_ver = peak_rss_of(["minisign", "-V", "-p", str(mpub), "-m", str(src)])
    return {"age_enc": t_enc, "age_dec": t_dec, "minisign": t_ver,
            "age_enc_rss": rss_enc, "age_dec_rss": rss_dec, "minisign_rss": rss_ver}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mib", type=int, default=1024)
    ap.add_argument("--records", type=int, default=10_000)
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="intake-flow-"))
    try:
        # --- 1 GiB of attachments -----------------------------------------------------
        s = enrolled_pair(root / "att")
        src = root / "blob.bin"
        with open(src, "wb") as fh:
            for _ in range(args.mib):
                fh.write(os.urandom(1 << 20))
        vals = root / "v.json"
        import json

        vals.write_text(json.dumps(example_values(), ensure_ascii=False), encoding="utf-8")
        rid = ok("--data-dir", s.field, "record", "new", "--form", "hrd_intake", "--json", vals,
                 passphrase=FIELD_PASS).out.strip()
        ok("--data-dir", s.field, "attach", rid, src, passphrase=FIELD_PASS)
        ok("--data-dir", s.field, "record", "finalize", rid, passphrase=FIELD_PASS)
        usb = root / "usb"
        usb.mkdir()
        size = src.stat().st_size
        ref = _age_and_minisign(src, root)
        src.unlink()
        ex = run_child(EXPORT, str(s.field), FIELD_PASS, str(usb))
        ve = run_child(VERIFY, str(s.keyring), *ex["files"])
        im = run_child(IMPORT, str(s.hq), HQ_PASS, *ex["files"])
        mb = size / 1e6
        print(f"1 attachment of {args.mib} MiB ({len(ex['files'])} volume(s)):")
        rows = [
            ("export (seal + outbox + copy)", ex["seconds"], ex["hwm"], "age encrypt",
             ref["age_enc"], ref["age_enc_rss"]),
            ("verify (auditor)", ve["seconds"], ve["hwm"], "minisign -V", ref["minisign"],
             ref["minisign_rss"]),
            ("import (verify + open + store)", im["seconds"], im["hwm"], "age decrypt",
             ref["age_dec"], ref["age_dec_rss"]),
        ]
        for name, t, rss, rname, rt, rrss in rows:
            print(f"  {name:32s} {mb / t:7.0f} MB/s  peak {rss:5.0f} MiB | {rname:12s} "
                  f"{mb / rt:7.0f} MB/s  peak {rrss:5.0f} MiB | ratio {rt / t:.2f}x")
        # The same export with the policy that keeps readable copies until HQ's
        # receipt: the difference is the secure deletion of the sealed attachment
        # (secure_delete overwrites every freed page).
        s2 = enrolled_pair(root / "att2", provision_args=("--keep-readable",))
        src2 = root / "blob2.bin"
        with open(src2, "wb") as fh:
            for _ in range(args.mib):
                fh.write(os.urandom(1 << 20))
        rid = ok("--data-dir", s2.field, "record", "new", "--form", "hrd_intake", "--json",
                 vals, passphrase=FIELD_PASS).out.strip()
        ok("--data-dir", s2.field, "attach", rid, src2, passphrase=FIELD_PASS)
        ok("--data-dir", s2.field, "record", "finalize", rid, passphrase=FIELD_PASS)
        src2.unlink()
        usb2 = root / "usb2"
        usb2.mkdir()
        ex2 = run_child(EXPORT, str(s2.field), FIELD_PASS, str(usb2))
        print(f"  {'export, no purge (keep-readable)':32s} {mb / ex2['seconds']:7.0f} MB/s  "
              f"peak {ex2['hwm']:5.0f} MiB | age encrypt  {mb / ref['age_enc']:7.0f} MB/s"
              f"                  | ratio {ref['age_enc'] / ex2['seconds']:.2f}x")
        shutil.rmtree(root / "att")
        shutil.rmtree(root / "att2")
        shutil.rmtree(usb)
        shutil.rmtree(usb2)

        # --- 10,000 text records ------------------------------------------------------
        s = enrolled_pair(root / "rec")
        _fill_finalized(s.field, args.records)
        usb.mkdir()
        ex = run_child(EXPORT, str(s.field), FIELD_PASS, str(usb))
        ve = run_child(VERIFY, str(s.keyring), *ex["files"])
        im = run_child(IMPORT, str(s.hq), HQ_PASS, *ex["files"])
        n = args.records
        print(f"{n} text records ({ex['bytes'] / 1e6:.1f} MB sealed):")
        print(f"  export  {n / ex['seconds']:8.0f} records/s  peak {ex['hwm']:5.0f} MiB")
        print(f"  verify  {n / ve['seconds']:8.0f} records/s  peak {ve['hwm']:5.0f} MiB")
        print(f"  import  {n / im['seconds']:8.0f} records/s  peak {im['hwm']:5.0f} MiB "
              f"(target >= 2,000 records/s)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    t0 = time.perf_counter()
    main()
    print(f"(bench_flow ran {time.perf_counter() - t0:.0f} s)")
