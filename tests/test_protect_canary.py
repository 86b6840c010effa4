"""Whole CLI session canary: records, attachments, export, lock and unlock, passphrase
change, settings, duress setup. Afterwards the canary is in no file outside the
encrypted store: not in the data dir in plaintext, the temp dir, the user's config or
cache dirs, or on the export stick."""

from __future__ import annotations

import json
import os
from pathlib import Path

from intake_app.store import blobs
from tests.cli_helpers import FIELD_PASS, enrolled_pair, example_values, ok, run
from tests.conftest import scan_for

CANARY = "CANARY-session-3f9c-زرغونه"
CANARY_ASCII = "CANARYsession3f9cFILE"
NEW_PASS = "a second field passphrase"


def test_no_canary_outside_the_store_after_a_cli_session(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path / "w")
    field = s.field
    outside = tmp_path / "outside"  # the user's own files: not ours to scan
    outside.mkdir()

    def f(*argv: str | Path, passphrase: str = FIELD_PASS) -> str:
        return ok("--data-dir", field, *argv, passphrase=passphrase).out

    ids = []
    for i in range(3):
        values = example_values(interviewer_notes=f"{CANARY} notes {i}", name_latin=CANARY_ASCII)
        src = outside / f"v{i}.json"
        src.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
        rid = f("record", "new", "--form", "hrd_intake", "--json", src).strip()
        ids.append(rid)
        photo = outside / f"photo{i}.jpg"
        photo.write_bytes((CANARY_ASCII + CANARY).encode() * 2000)
        f("attach", rid, photo)
    edit = outside / "edit.json"
    edit.write_text(json.dumps(example_values(interviewer_notes=CANARY + " edited"),
                               ensure_ascii=False), encoding="utf-8")
    f("record", "edit", ids[0], "--json", edit)
    assert CANARY in f("record", "show", ids[1])
    assert len(json.loads(f("record", "search", CANARY, "--json"))) == 3
    f("record", "finalize", ids[0])
    f("record", "finalize", ids[1])
    usb = tmp_path / "usb"
    usb.mkdir()
    f("export", "--to", usb)
    f("check")
    # Lock and unlock with a new passphrase; protection settings; duress set (kept store).
    ok("--data-dir", field, "passwd", passphrase=FIELD_PASS,
       env={"INTAKE_NEW_PASSPHRASE": NEW_PASS})
    f("protect", "set", "--wipe-after", "10", passphrase=NEW_PASS)
    assert run("--data-dir", field, "record", "list", passphrase="wrong wrong").rc == 1
    ok("--data-dir", field, "duress", "set", "--keep-real", passphrase=NEW_PASS,
       env={"INTAKE_DURESS_PASSPHRASE": "duress passphrase here"})
    ok("--data-dir", field, "record", "list", passphrase="duress passphrase here")
    assert CANARY in f("record", "show", ids[2], passphrase=NEW_PASS)
    f("drafts", "list", passphrase=NEW_PASS)
    f("outbox", passphrase=NEW_PASS)

    tmpdir = Path(os.environ["TMPDIR"])
    home = Path(os.environ["HOME"])
    roots = [field, usb, tmpdir, home, Path(os.environ["XDG_CONFIG_HOME"]),
             Path(os.environ["XDG_CACHE_HOME"])]
    for root in roots:
        for needle in (CANARY, CANARY_ASCII):
            assert scan_for(root, needle) == [], f"{needle} under {root}"
    # No temporary files at all, and nothing left beside the store's own files.
    assert [p for p in tmpdir.rglob("*") if p.is_file()] == []
    assert sorted(p.name for p in field.iterdir()) == [
        "blobs", "outbox", "profile.aux", "profile.hdr", "store-b.db", "store.db"]
    # Attachment blob files: random names only (the scan above found no canary in them).
    assert all(blobs.is_blob_name(p.name) for p in (field / "blobs").iterdir())
    # The scan can see the canary when it is there in plaintext.
    assert scan_for(outside, CANARY_ASCII)
