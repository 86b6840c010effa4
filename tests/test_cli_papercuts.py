"""What a newcomer hits first on the command line (issue 15): one test each."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.cli_helpers import FIELD_PASS, HQ_PASS, Setup, enrolled_pair, example_values, ok, run


def _draft(s: Setup) -> str:
    values = s.root / "values.json"
    values.write_text(json.dumps(example_values()), encoding="utf-8")
    return ok("--data-dir", s.field, "record", "new", "--form", "hrd_intake", "--json", values,
              passphrase=FIELD_PASS).out.strip()


def _on_terminal(*argv: str | Path) -> tuple[int, str]:
    """Run ``intake`` with stdout on a real pseudo-terminal; (rc, what it printed)."""
    leader, follower = pty.openpty()
    env = {**os.environ, "INTAKE_PASSPHRASE": FIELD_PASS}
    proc = subprocess.Popen([sys.executable, "-c", "from intake_app.cli import run; run()",
                             *map(str, argv)],
                            stdout=follower, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    proc.wait(timeout=60)
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.returncode == 0, err
    return proc.returncode, b"".join(chunks).decode().replace("\r\n", "\n")


def test_record_new_and_attach_label_ids_on_a_terminal_only(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path)
    rid = _draft(s)  # captured (not a terminal): the bare id, usable in $(...)
    assert len(rid.split()) == 1 and not rid.startswith("record")
    values = tmp_path / "values.json"
    rc, out = _on_terminal("--data-dir", s.field, "record", "new", "--form", "hrd_intake",
                           "--json", values)
    assert rc == 0 and out.startswith("record ") and len(out.split()) == 2, out
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    rc, out = _on_terminal("--data-dir", s.field, "attach", rid, photo)
    assert rc == 0 and out.startswith("attachment ") and len(out.split()) == 2, out
    bare = ok("--data-dir", s.field, "attach", rid, photo, passphrase=FIELD_PASS).out
    assert len(bare.split()) == 1 and not bare.startswith("attachment")


def test_export_to_a_missing_folder_names_it_and_mkdir_creates_it(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path)
    rid = _draft(s)
    ok("--data-dir", s.field, "record", "finalize", rid, passphrase=FIELD_PASS)
    dest = tmp_path / "usb" / "outbox"
    r = run("--data-dir", s.field, "export", "--to", dest, passphrase=FIELD_PASS)
    assert r.rc == 1 and r.err.count("\n") == 1
    assert f"{dest} does not exist" in r.err and "--mkdir" in r.err
    assert not dest.exists()
    r = ok("--data-dir", s.field, "export", "--to", dest, "--mkdir", passphrase=FIELD_PASS)
    assert dest.is_dir() and list(dest.iterdir())
    assert all(Path(line).parent == dest for line in r.out.splitlines())


def test_empty_passphrase_file_says_so(tmp_path: Path) -> None:
    ok("--data-dir", tmp_path / "f", "init", passphrase=FIELD_PASS)
    empty = tmp_path / "pass.txt"
    empty.write_text("", encoding="utf-8")
    r = run("--data-dir", tmp_path / "f", "--passphrase-file", empty, "check")
    assert r.rc == 1 and f"passphrase file {empty} is empty" in r.err
    assert r.err.count("\n") == 1 and "wrong passphrase" not in r.err
    empty.write_text("\nsecond line\n", encoding="utf-8")
    r = run("--data-dir", tmp_path / "f", "--passphrase-file", empty, "check")
    assert r.rc == 1 and "has an empty first line" in r.err


def test_a_group_without_its_action_lists_the_actions() -> None:
    r = run("record")
    assert r.rc == 2 and "Traceback" not in r.err
    assert "choose an action" in r.err
    for action in ("new", "edit", "finalize", "list", "search", "show"):
        assert f"\n  {action} " in r.err, action
    r = run("hq", "records")
    assert r.rc == 2 and "choose an action" in r.err
    assert all(f"\n  {a} " in r.err for a in ("list", "search", "show"))
    assert "required" not in run("record").err


def test_debug_is_accepted_after_the_command(tmp_path: Path) -> None:
    r = run("--data-dir", tmp_path / "none", "record", "list", "--debug",
            passphrase=FIELD_PASS)
    assert r.rc == 1 and "unrecognized arguments" not in r.err
    assert "no profile in" in r.err and "Traceback" in r.err  # --debug took effect
    r = run("--data-dir", tmp_path / "none", "record", "list", passphrase=FIELD_PASS)
    assert r.rc == 1 and "Traceback" not in r.err


def test_fingerprint_mismatch_does_not_show_the_files_fingerprint(tmp_path: Path) -> None:
    hq, field = tmp_path / "hq", tmp_path / "field"
    ok("--data-dir", hq, "hq", "init", "--org", "O", passphrase=HQ_PASS)
    ok("--data-dir", hq, "hq", "provision", "--out", tmp_path / "p.sig", passphrase=HQ_PASS)
    fp = ok("--data-dir", hq, "hq", "fingerprint", passphrase=HQ_PASS).out.strip()
    ok("--data-dir", field, "init", passphrase=FIELD_PASS)
    r = run("--data-dir", field, "enroll", tmp_path / "p.sig", "--card-out", tmp_path / "c",
            "--expect-fingerprint", "12345 " * 9 + "12345", passphrase=FIELD_PASS)
    assert r.rc == 1 and "mismatch" in r.err and "call HQ" in r.err
    digits = "".join(fp.split())
    assert fp not in r.out + r.err and digits not in "".join((r.out + r.err).split())
    # Without any fingerprint (first enrolment, not a terminal): refused, and still not shown.
    r = run("--data-dir", field, "enroll", tmp_path / "p.sig", "--card-out", tmp_path / "c",
            passphrase=FIELD_PASS)
    assert r.rc != 0 and digits not in "".join((r.out + r.err).split())


def test_re_enrolling_an_enrolled_laptop_needs_force(tmp_path: Path) -> None:
    s = enrolled_pair(tmp_path)
    ok("--data-dir", s.hq, "hq", "provision", "--out", tmp_path / "p2.sig", passphrase=HQ_PASS)
    card = tmp_path / "c2.sig"
    r = run("--data-dir", s.field, "enroll", tmp_path / "p2.sig", "--card-out", card,
            passphrase=FIELD_PASS)
    assert r.rc == 1 and "already enrolled" in r.err and "--force" in r.err
    assert not card.exists()
    r = ok("--data-dir", s.field, "enroll", tmp_path / "p2.sig", "--card-out", card, "--force",
           passphrase=FIELD_PASS)
    assert f"as {s.device_id}" in r.out and card.exists()  # same device, same key
