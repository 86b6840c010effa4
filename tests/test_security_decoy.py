"""Finding 13: with the real store kept, the duress decoy's story matches the files a
searcher sees: the device-named sealed bundles in outbox/ are the decoy's own sealed,
unacknowledged bundles, and it is enrolled as the device they name."""

from __future__ import annotations

import json
from pathlib import Path

from intake_app.services.field import FieldService
from tests.cli_helpers import FIELD_PASS, Setup, enrolled_pair, example_values

DURESS = "tea with sugar please"


def _bundle(s: Setup, tag: str) -> list[str]:
    f = s.root / "v.json"
    f.write_text(json.dumps(example_values(interviewer_notes=tag)), encoding="utf-8")
    rid = s.f("record", "new", "--form", "hrd_intake", "--json", f).out.strip()
    assert s.f("record", "finalize", rid).rc == 0
    usb = s.root / f"usb-{tag}"
    usb.mkdir()
    r = s.f("export", "--to", usb)
    assert r.rc == 0, r.err
    return [Path(p).name for p in r.out.split()]


def _files(s: Setup) -> list[str]:
    return sorted(p.name for p in (s.field / "outbox").glob("*.intake"))


def _decoy_view(s: Setup) -> tuple[bool, str | None, list[str]]:
    svc = FieldService(s.field)
    svc.unlock(DURESS)
    try:
        assert svc.is_decoy_session()
        return svc.is_enrolled(), svc.meta("device_id"), sorted(
            e.file_name for e in svc.outbox() if e.state == "pending")
    finally:
        svc.lock()


def set_duress(s: Setup) -> None:
    """A decoy behind DURESS, the real store kept (also used by test_outbox_links)."""
    svc = FieldService(s.field)
    svc.unlock(FIELD_PASS)
    try:
        svc.set_duress(DURESS, erase_real=False)
    finally:
        svc.lock()


def test_decoy_matches_the_outbox_files(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path)
    sent = _bundle(s, "one")
    set_duress(s)
    sent += _bundle(s, "two")  # written after the duress passphrase was set
    assert _files(s) == sorted(sent)
    enrolled, device, pending = _decoy_view(s)
    assert enrolled and device == s.device_id
    assert all(name.startswith(device) for name in _files(s))
    assert pending == _files(s)
    # HQ's receipt reaches the real store; the files go; the decoy follows.
    assert s.h("hq", "import", *(s.field / "outbox").glob("*.intake")).rc == 0
    assert s.h("hq", "receipts", "--out", tmp_path / "r").rc == 0
    assert s.f("receipts", "import", tmp_path / "r").rc == 0
    assert _files(s) == []
    assert _decoy_view(s)[2] == []
    # The real store is untouched by the decoy's bookkeeping.
    assert s.f("outbox", "--json").rc == 0
    svc = FieldService(s.field)
    svc.unlock(FIELD_PASS)
    try:
        assert not svc.is_decoy_session()
        assert all(e.state == "delivered" for e in svc.outbox())
    finally:
        svc.lock()


def test_decoy_set_before_enrolment_adopts_the_bundles_identity(tmp_path: Path) -> None:
    from tests.cli_helpers import HQ_PASS, ok

    hq, field = tmp_path / "hq", tmp_path / "field"
    ok("--data-dir", field, "init", passphrase=FIELD_PASS)
    svc = FieldService(field)
    svc.unlock(FIELD_PASS)
    svc.set_duress(DURESS, erase_real=False)
    svc.lock()
    ok("--data-dir", hq, "hq", "init", "--org", "Test Org", passphrase=HQ_PASS)
    ok("--data-dir", hq, "hq", "provision", "--out", tmp_path / "prov.sig", passphrase=HQ_PASS)
    fp = ok("--data-dir", hq, "hq", "fingerprint", passphrase=HQ_PASS).out.strip()
    r = ok("--data-dir", field, "enroll", tmp_path / "prov.sig", "--card-out",
           tmp_path / "card.sig", "--expect-fingerprint", fp, passphrase=FIELD_PASS)
    device_id = r.out.split(" as ")[1].split()[0]
    s = Setup(tmp_path, hq, field, tmp_path / "keyring.sig", device_id)
    sent = _bundle(s, "one")
    enrolled, device, pending = _decoy_view(s)
    assert enrolled and device == device_id and pending == sorted(sent)
