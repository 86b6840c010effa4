"""HQ import under attack: findings 1 (ownership, revision continuity), 3 (one bad bundle
is rejected alone; bounded JSON), 7 (verify and decrypt the same bytes), 12 (regular
files only; quarantine 0600). Bundles are forged with the real devices' keys."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from intake_app.crypto import write_bundle
from intake_app.crypto.keys import public_key_from_hex
from intake_app.services import outbox, payload
from intake_app.services.field import FieldService
from intake_app.services.hq import QUARANTINE_DIR, HQService
from tests.cli_helpers import FIELD_PASS, HQ_PASS, Setup, enrolled_pair, example_values, ok
from tests.test_bundle_flow import _new, hq_state


def _second_device(s: Setup) -> Path:
    f2 = s.root / "field2"
    ok("--data-dir", f2, "init", passphrase=FIELD_PASS)
    fp = s.h("hq", "fingerprint").out.strip()
    ok("--data-dir", f2, "enroll", s.root / "prov.sig", "--card-out", s.root / "c2.sig",
       "--expect-fingerprint", fp, passphrase=FIELD_PASS)
    ok("--data-dir", s.hq, "hq", "enroll-device", s.root / "c2.sig", passphrase=HQ_PASS)
    return f2


def forge(field: Path, items: list[Any], *, seq: int = 1, prev: bytes = bytes(32),
          rng: Any = None) -> bytes:
    """A bundle signed with this laptop's real device key (a compromised laptop)."""
    svc = FieldService(field)
    svc.unlock(FIELD_PASS)
    try:
        device_id, hq_id, key, recips = outbox._require_enrollment(svc)
    finally:
        svc.lock()
    buf = io.BytesIO()
    write_bundle(buf, signing_key=key, device_id=device_id, hq_id=hq_id, sequence=seq,
                 prev=prev, recipients=[public_key_from_hex(r) for r in recips], items=items,
                 created_at=1_700_000_000, rng=rng)
    return buf.getvalue()


def rev_item(record_id: str, rev: int, values: dict[str, Any] | str,
             form_version: str = "") -> Any:
    from intake_app.forms import FormRegistry

    version = form_version or FormRegistry.default_registry().get("hrd_intake").version
    text = values if isinstance(values, str) else json.dumps(values)
    return payload.record_item(record_id=record_id, form_id="hrd_intake", form_version=version,
                               created_at=1_700_000_000_000, rev=rev,
                               saved_at=1_700_000_000_000 + rev, values_json=text)


def _export(s: Setup, tag: str) -> Path:
    rid = _new(s, example_values(interviewer_notes=tag), name=f"{tag}.json")
    assert s.f("record", "finalize", rid).rc == 0
    usb = s.root / f"usb-{tag}"
    usb.mkdir()
    r = s.f("export", "--to", usb)
    assert r.rc == 0, r.err
    return Path(r.out.split()[0])


def _record_id(s: Setup) -> str:
    rows = s.h("hq", "records", "list", "--json").json()
    assert len(rows) == 1
    return str(rows[0]["id"])


def _log_kinds(hq: Path) -> list[tuple[str, dict[str, Any]]]:
    svc = HQService(hq)
    svc.unlock(HQ_PASS)
    try:
        return [(e.kind, e.detail) for e in svc.log_entries()]
    finally:
        svc.lock()


# -- finding 1 --------------------------------------------------------------------------


def test_another_device_cannot_overwrite_a_record(tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    f2 = _second_device(s)
    assert s.h("hq", "import", _export(s, "original")).rc == 0
    rid = _record_id(s)
    before = hq_state(s.hq)
    evil = tmp_path / "evil.intake"
    evil.write_bytes(forge(f2, [rev_item(rid, 2, example_values(interviewer_notes="FORGED"))]))
    r = s.h("hq", "import", evil)
    assert r.rc == 1 and "belongs to" in r.out and "quarantine" in r.out
    assert hq_state(s.hq) == before
    shown = s.h("hq", "records", "show", rid, "--json").json()
    assert shown["values"]["interviewer_notes"] == "original"
    rejects = [d for k, d in _log_kinds(s.hq) if k == "reject"]
    assert rejects and "belongs to" in rejects[-1]["reason"]
    assert any(p.name.endswith("evil.intake") for p in (s.hq / QUARANTINE_DIR).iterdir())


def test_another_device_cannot_attach_to_a_record(tmp_path: Path, hq_backend: str | None) -> None:
    import hashlib

    s = enrolled_pair(tmp_path, database=hq_backend)
    f2 = _second_device(s)
    assert s.h("hq", "import", _export(s, "original")).rc == 0
    rid = _record_id(s)
    data = b"planted evidence"
    meta = {"type": "attachment", "attachment_id": "c" * 32, "record_id": rid,
            "name": "x.jpg", "mime": "image/jpeg", "total_size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(), "offset": 0, "size": len(data)}
    from intake_app.crypto import PayloadItem
    from intake_app.crypto.canonical import canonical_json

    item = PayloadItem("attachment", canonical_json(meta), io.BytesIO(data), len(data))
    evil = tmp_path / "evil.intake"
    evil.write_bytes(forge(f2, [item], ))
    before = hq_state(s.hq)
    r = s.h("hq", "import", evil)
    assert r.rc == 1 and "belongs to" in r.out
    assert hq_state(s.hq) == before


def test_revision_numbers_must_continue_the_history(tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    first = forge(s.field, [rev_item("d" * 32, 1, example_values())])
    (tmp_path / "b1.intake").write_bytes(first)
    assert s.h("hq", "import", tmp_path / "b1.intake").rc == 0
    from intake_app.crypto import verify_bundle
    from tests.test_security_hq_import import _ring

    prev = verify_bundle(io.BytesIO(first), _ring(s)).statement_hash
    jump = forge(s.field, [rev_item("d" * 32, 99, example_values(interviewer_notes="late"))],
                 seq=2, prev=prev)
    (tmp_path / "b2.intake").write_bytes(jump)
    before = hq_state(s.hq)
    r = s.h("hq", "import", tmp_path / "b2.intake")
    assert r.rc == 1 and "does not continue its history" in r.out
    assert hq_state(s.hq) == before
    # Rewriting an existing revision number with other content is refused too.
    rewrite = forge(s.field, [rev_item("d" * 32, 1, example_values(interviewer_notes="new"))],
                    seq=2, prev=prev)
    (tmp_path / "b3.intake").write_bytes(rewrite)
    r = s.h("hq", "import", tmp_path / "b3.intake")
    assert r.rc == 1 and "conflicts" in r.out
    # The next revision is welcome.
    good = forge(s.field, [rev_item("d" * 32, 2, example_values(interviewer_notes="two"))],
                 seq=2, prev=prev)
    (tmp_path / "b4.intake").write_bytes(good)
    assert s.h("hq", "import", tmp_path / "b4.intake").rc == 0


def _ring(s: Setup) -> Any:
    svc = HQService(s.hq)
    svc.unlock(HQ_PASS)
    try:
        return svc.keyring()
    finally:
        svc.lock()


# -- finding 3 --------------------------------------------------------------------------


def test_deeply_nested_record_is_rejected_alone(tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    f2 = _second_device(s)
    good = _export(s, "goodone")
    deep = '{"interviewer_notes":' + "[" * 100_000 + "]" * 100_000 + "}"
    bad = tmp_path / "in" / "deep.intake"
    bad.parent.mkdir()
    bad.write_bytes(forge(f2, [rev_item("e" * 32, 1, deep)]))
    os.replace(good, tmp_path / "in" / good.name)
    r = s.h("hq", "import", tmp_path / "in")
    assert "internal error" not in r.err and "Traceback" not in r.err
    assert r.rc == 1
    assert f"imported   {tmp_path / 'in' / good.name}" in r.out
    assert "rejected" in r.out and "nested more than" in r.out
    assert len(s.h("hq", "records", "list", "--json").json()) == 1
    rejects = [d for k, d in _log_kinds(s.hq) if k == "reject"]
    assert rejects and rejects[-1]["file"] == "deep.intake"
    assert any(p.name.endswith("deep.intake") for p in (s.hq / QUARANTINE_DIR).iterdir())


def test_unexpected_failure_inside_a_bundle_is_its_rejection(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hq_backend: str | None) -> None:
    """Whatever escapes the parsers inside one bundle (here a TypeError) rejects it alone."""
    from intake_app.services import hq_import

    s = enrolled_pair(tmp_path, database=hq_backend)
    b = _export(s, "one")
    real = hq_import.parse_record_meta

    def boom(meta: dict[str, Any]) -> Any:
        raise TypeError("unexpected")

    monkeypatch.setattr(hq_import, "parse_record_meta", boom)
    r = s.h("hq", "import", b)
    assert r.rc == 1 and "could not be imported (TypeError: unexpected)" in r.out
    monkeypatch.setattr(hq_import, "parse_record_meta", real)


def test_record_new_with_deep_json_is_a_clear_error(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path)
    f = tmp_path / "deep.json"
    f.write_text('{"interviewer_notes":' + "[" * 50_000 + "]" * 50_000 + "}")
    r = s.f("record", "new", "--form", "hrd_intake", "--json", f)
    assert r.rc == 1 and "nested more than" in r.err and "internal" not in r.err
    rid = _new(s, example_values())
    r = s.f("record", "edit", rid, "--json", f)
    assert r.rc == 1 and "nested more than" in r.err
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"interviewer_notes": "x" * 300_000}))
    r = s.f("record", "new", "--form", "hrd_intake", "--json", big)
    assert r.rc == 1 and "longer than" in r.err


# -- finding 7 --------------------------------------------------------------------------


def test_file_changed_between_verify_and_decrypt_is_not_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hq_backend: str | None) -> None:
    """Two bundles with one header (a compromised device can make them): the import
    verified A; if B's bytes are then decrypted, B must never be stored as A."""
    import random

    s = enrolled_pair(tmp_path, database=hq_backend)

    def rng_for(seed: int) -> Any:
        r = random.Random(seed)
        return lambda n: bytes(r.getrandbits(8) for _ in range(n))

    # Larger than a read buffer, so the second pass really reads the file again.
    a = forge(s.field, [rev_item("f" * 32, 1, example_values(interviewer_notes="A" * 60_000))],
              rng=rng_for(5))
    b = forge(s.field, [rev_item("f" * 32, 1, example_values(interviewer_notes="B" * 60_000))],
              rng=rng_for(5))
    assert len(a) == len(b) and a[:200] == b[:200] and a != b
    path = tmp_path / "swap.intake"
    path.write_bytes(a)
    real = HQService._check_forward_link

    def swap_after_verify(self: HQService, v: Any, seqs: dict[int, str]) -> None:
        with open(path, "r+b") as fh:  # in place: the open handle sees the new bytes
            fh.write(b)
        real(self, v, seqs)

    monkeypatch.setattr(HQService, "_check_forward_link", swap_after_verify)
    r = s.h("hq", "import", path)
    monkeypatch.setattr(HQService, "_check_forward_link", real)
    records = s.h("hq", "records", "list", "--json").json()
    if records:  # stored: then it must be exactly what was verified
        shown = s.h("hq", "records", "show", "f" * 32, "--json").json()
        assert shown["values"]["interviewer_notes"] == "A" * 60_000
    else:
        assert r.rc == 1 and "hash" in r.out


# -- finding 12 -------------------------------------------------------------------------


def test_symlinks_are_not_followed_and_quarantine_is_private(
        tmp_path: Path, hq_backend: str | None) -> None:
    s = enrolled_pair(tmp_path, database=hq_backend)
    secret = tmp_path / "secret.txt"
    secret.write_text("the HQ operator's private notes")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dev-x-000001.intake").symlink_to(secret)
    r = s.h("hq", "import", folder / "dev-x-000001.intake")
    assert r.rc == 1 and "not a regular file" in r.out
    r = s.h("hq", "import", folder)
    assert "not a regular file" in r.out
    quarantine = s.hq / QUARANTINE_DIR
    for p in quarantine.iterdir():
        assert "private notes" not in p.read_text(errors="replace")
    # A refused regular bundle is kept, readable by HQ's user only.
    bad = tmp_path / "bad.intake"
    bad.write_bytes(b"INTKBNDL" + os.urandom(400))
    assert s.h("hq", "import", bad).rc == 1
    kept = [p for p in quarantine.iterdir() if p.name.endswith("bad.intake")]
    assert kept and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in quarantine.iterdir())
    assert kept[0].read_bytes() == bad.read_bytes()
    assert stat.S_IMODE(quarantine.stat().st_mode) == 0o700
