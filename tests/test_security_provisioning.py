"""Finding 10: old provisioning files cannot be replayed, and the first enrolment needs
the HQ fingerprint the user got from HQ."""

from __future__ import annotations

from pathlib import Path

from intake_app.services.field import FieldService
from tests.cli_helpers import FIELD_PASS, HQ_PASS, enrolled_pair, ok, run


def _policy(field: Path) -> int:
    svc = FieldService(field)
    svc.unlock(FIELD_PASS)
    try:
        return svc.policy().auto_lock_minutes
    finally:
        svc.lock()


def test_older_provisioning_file_is_refused(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path)  # enrolled with prov.sig (the default auto-lock)
    old = tmp_path / "prov.sig"
    new = tmp_path / "prov2.sig"
    ok("--data-dir", s.hq, "hq", "provision", "--out", new, "--auto-lock-minutes", "2",
       passphrase=HQ_PASS)
    card = tmp_path / "c.sig"
    assert s.f("enroll", new, "--card-out", card, "--force").rc == 0
    assert _policy(s.field) == 2
    r = s.f("enroll", old, "--card-out", card, "--force")
    assert r.rc == 1 and "older than the one already applied" in r.err
    assert _policy(s.field) == 2  # the old policy did not come back
    # The file already applied may be given again (nothing changes).
    assert s.f("enroll", new, "--card-out", card, "--force").rc == 0


def test_first_enrolment_needs_the_fingerprint(tmp_path: Path) -> None:
    hq, field = tmp_path / "hq", tmp_path / "field"
    ok("--data-dir", hq, "hq", "init", "--org", "O", passphrase=HQ_PASS)
    ok("--data-dir", hq, "hq", "provision", "--out", tmp_path / "p.sig", passphrase=HQ_PASS)
    ok("--data-dir", field, "init", passphrase=FIELD_PASS)
    r = run("--data-dir", field, "enroll", tmp_path / "p.sig", "--card-out", tmp_path / "c",
            passphrase=FIELD_PASS)
    assert r.rc != 0 and "--expect-fingerprint" in r.err and "Traceback" not in r.err
    assert not (tmp_path / "c").exists()
    svc = FieldService(field)
    svc.unlock(FIELD_PASS)
    try:
        assert not svc.is_enrolled()
    finally:
        svc.lock()
    fp = ok("--data-dir", hq, "hq", "fingerprint", passphrase=HQ_PASS).out.strip()
    ok("--data-dir", field, "enroll", tmp_path / "p.sig", "--card-out", tmp_path / "c",
       "--expect-fingerprint", fp, passphrase=FIELD_PASS)
    # Enrolled: the HQ key is pinned, a newer file from the same HQ needs no fingerprint.
    ok("--data-dir", hq, "hq", "provision", "--out", tmp_path / "p2.sig", passphrase=HQ_PASS)
    ok("--data-dir", field, "enroll", tmp_path / "p2.sig", "--card-out", tmp_path / "c",
       "--force", passphrase=FIELD_PASS)


def test_provisioning_times_strictly_increase(tmp_path: Path) -> None:
    from intake_app.services.enrollment import read_provisioning

    s = enrolled_pair(tmp_path)
    times = []
    for i in range(3):
        out = tmp_path / f"p{i}.sig"
        ok("--data-dir", s.hq, "hq", "provision", "--out", out, passphrase=HQ_PASS)
        times.append(read_provisioning(out.read_bytes()).issued_at)
    assert times == sorted(set(times))


def test_a_typed_fingerprint_keeps_decimal_digits_of_any_script_only() -> None:
    from intake_app.services.enrollment import normalize_fingerprint

    assert normalize_fingerprint("۱۲۳ ٤٥ 67") == "1234567"  # Dari, Urdu, Latin
    # '²' passed isdigit() and made int() raise: an internal error instead of a mismatch.
    assert normalize_fingerprint("12² 3") == "123"
