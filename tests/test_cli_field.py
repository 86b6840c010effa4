"""The CLI contract of the foundation issue: commands, output, errors, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_helpers import FIELD_PASS, HQ_PASS, example_values, ok, run
from tests.conftest import scan_for


@pytest.fixture
def field(tmp_path: Path) -> Path:
    d = tmp_path / "field"
    ok("--data-dir", d, "init", passphrase=FIELD_PASS)
    return d


def _values_file(tmp_path: Path, values: dict[str, object], name: str = "v.json") -> Path:
    p = tmp_path / name
    p.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    return p


def _new(field: Path, tmp_path: Path, **changes: object) -> str:
    f = _values_file(tmp_path, example_values(**changes))
    r = ok("--data-dir", field, "record", "new", "--form", "hrd_intake", "--json", f,
           passphrase=FIELD_PASS)
    rid = r.out.strip()
    assert len(rid) == 32 and r.out == rid + "\n", "record new prints only the id"
    return rid


def test_record_lifecycle(field: Path, tmp_path: Path) -> None:
    rid = _new(field, tmp_path)
    listed = ok("--data-dir", field, "record", "list", "--json", passphrase=FIELD_PASS).json()
    assert [r["id"] for r in listed] == [rid]
    assert listed[0]["status"] == "draft"
    v2 = example_values()
    v2["interviewer_notes"] = "second revision"
    f2 = _values_file(tmp_path, v2, "v2.json")
    r = ok("--data-dir", field, "record", "edit", rid, "--json", f2, passphrase=FIELD_PASS)
    assert "revision 2" in r.out
    shown = ok("--data-dir", field, "record", "show", rid, "--json", passphrase=FIELD_PASS).json()
    assert [x["rev"] for x in shown["revisions"]] == [1, 2]
    first = ok("--data-dir", field, "record", "show", rid, "--rev", "1", "--json",
               passphrase=FIELD_PASS).json()
    assert first["values"] != shown["values"]
    ok("--data-dir", field, "record", "finalize", rid, passphrase=FIELD_PASS)
    r = run("--data-dir", field, "record", "finalize", rid, passphrase=FIELD_PASS)
    assert r.rc == 1 and r.err.count("\n") == 1
    listed = ok("--data-dir", field, "record", "list", "--status", "finalized", "--json",
                passphrase=FIELD_PASS).json()
    assert [r["id"] for r in listed] == [rid]


def test_list_does_not_show_content(field: Path, tmp_path: Path) -> None:
    _new(field, tmp_path)
    out = ok("--data-dir", field, "record", "list", passphrase=FIELD_PASS).out
    values = example_values()
    name = json.dumps(values, ensure_ascii=False)
    for v in values.values():
        if isinstance(v, str) and len(v) > 6:
            assert v not in out, "list must not expose record content"
    assert name not in out


def test_search(field: Path, tmp_path: Path) -> None:
    rid = _new(field, tmp_path)
    text = example_values()
    needle = next(v for v in text.values() if isinstance(v, str) and len(v.split()[0]) > 3)
    word = needle.split()[0]
    hits = ok("--data-dir", field, "record", "search", word, "--json", passphrase=FIELD_PASS)
    assert [h["id"] for h in hits.json()] == [rid]
    none = ok("--data-dir", field, "record", "search", "zzzznotthere", "--json",
              passphrase=FIELD_PASS)
    assert none.json() == []


def test_invalid_record_saves_nothing(field: Path, tmp_path: Path) -> None:
    bad = example_values(not_a_field="x")
    f = _values_file(tmp_path, bad)
    r = run("--data-dir", field, "record", "new", "--form", "hrd_intake", "--json", f,
            passphrase=FIELD_PASS)
    assert r.rc == 1
    assert "not_a_field" in r.err and r.err.count("\n") == 1
    assert ok("--data-dir", field, "record", "list", "--json", passphrase=FIELD_PASS).json() == []


def test_bad_json_file(field: Path, tmp_path: Path) -> None:
    f = tmp_path / "bad.json"
    f.write_text("{not json")
    r = run("--data-dir", field, "record", "new", "--form", "hrd_intake", "--json", f,
            passphrase=FIELD_PASS)
    assert r.rc == 1 and "not valid JSON" in r.err
    r = run("--data-dir", field, "record", "new", "--form", "hrd_intake", "--json",
            tmp_path / "missing.json", passphrase=FIELD_PASS)
    assert r.rc == 1 and "no such file" in r.err


def test_wrong_passphrase(field: Path) -> None:
    before = {p.name: p.read_bytes() for p in field.iterdir() if p.is_file()}
    r = run("--data-dir", field, "record", "list", passphrase="not my passphrase")
    assert (r.rc, r.err) == (1, "intake: wrong passphrase\n")
    after = {p.name: p.read_bytes() for p in field.iterdir() if p.is_file()}
    assert before == after


def test_usage_errors_exit_2(field: Path) -> None:
    assert run("record", "new").rc == 2
    assert run("no-such-command").rc == 2
    assert run("--data-dir", field, "record", "list", "--status", "bogus",
               passphrase=FIELD_PASS).rc == 2


def test_no_passphrase_source_is_usage_error(field: Path) -> None:
    r = run("--data-dir", field, "record", "list")
    assert r.rc == 2 and "no passphrase" in r.err


def test_passphrase_file(field: Path, tmp_path: Path) -> None:
    pf = tmp_path / "pass.txt"
    pf.write_text(FIELD_PASS + "\n")
    ok("--data-dir", field, "--passphrase-file", pf, "record", "list")


def test_env_data_dir(field: Path) -> None:
    ok("record", "list", passphrase=FIELD_PASS, env={"INTAKE_DATA_DIR": str(field)})


def test_unknown_record_and_missing_profile(field: Path, tmp_path: Path) -> None:
    r = run("--data-dir", field, "record", "show", "0" * 32, passphrase=FIELD_PASS)
    assert r.rc == 1 and r.err.startswith("intake: no record")
    r = run("--data-dir", tmp_path / "nothing", "record", "list", passphrase=FIELD_PASS)
    assert r.rc == 1 and "intake init" in r.err


def test_attach_and_show(field: Path, tmp_path: Path) -> None:
    rid = _new(field, tmp_path)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(os.urandom(50_000))
    aid = ok("--data-dir", field, "attach", rid, photo, passphrase=FIELD_PASS).out.strip()
    shown = ok("--data-dir", field, "record", "show", rid, "--json", passphrase=FIELD_PASS).json()
    assert [(a["id"], a["size"], a["mime"]) for a in shown["attachments"]] == [
        (aid, 50_000, "image/jpeg")
    ]
    r = run("--data-dir", field, "attach", rid, tmp_path / "missing.jpg", passphrase=FIELD_PASS)
    assert r.rc == 1 and "no such file" in r.err


def test_passwd(field: Path) -> None:
    ok("--data-dir", field, "passwd", passphrase=FIELD_PASS,
       env={"INTAKE_NEW_PASSPHRASE": "my new long passphrase"})
    assert run("--data-dir", field, "record", "list", passphrase=FIELD_PASS).rc == 1
    ok("--data-dir", field, "record", "list", passphrase="my new long passphrase")


def test_check_and_tamper(field: Path, tmp_path: Path) -> None:
    for _ in range(5):
        _new(field, tmp_path)
    assert ok("--data-dir", field, "check", passphrase=FIELD_PASS).out == "ok\n"
    db = field / "store.db"
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0xFF
    db.write_bytes(bytes(data))
    r = run("--data-dir", field, "check", passphrase=FIELD_PASS)
    assert r.rc == 1
    assert r.err.startswith("intake: store is damaged") and r.err.count("\n") == 1
    assert "Traceback" not in r.err


def test_init_twice_refused(field: Path) -> None:
    r = run("--data-dir", field, "init", passphrase=FIELD_PASS)
    assert r.rc == 1 and "already exists" in r.err


def test_canary_never_leaves_the_store(field: Path, tmp_path: Path) -> None:
    canary = "CANARY-7f3c-زهرا-کابل"
    rid = _new(field, tmp_path, interviewer_notes=canary)
    payload = tmp_path / "inputs" / "evidence.txt"
    payload.parent.mkdir()
    payload.write_text(("attachment " + canary + "\n") * 1000, encoding="utf-8")
    ok("--data-dir", field, "attach", rid, payload, passphrase=FIELD_PASS)
    payload.unlink()  # our own input file is not the app's leak
    (tmp_path / "v.json").unlink()
    ok("--data-dir", field, "record", "search", "کابل", passphrase=FIELD_PASS)
    assert scan_for(field, canary) == []
    assert scan_for(Path(os.environ["TMPDIR"]), canary) == []
    assert scan_for(Path(os.environ["HOME"]), canary) == []


def test_console_script_has_no_traceback(field: Path) -> None:
    exe = Path(sys.executable).with_name("intake")
    r = subprocess.run([str(exe), "--data-dir", str(field), "record", "show", "x"],
                       capture_output=True, text=True,
                       env={**os.environ, "INTAKE_PASSPHRASE": FIELD_PASS})
    assert r.returncode == 1
    assert r.stderr == "intake: no record x\n"
    r = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("intake ")


def test_owner_is_told_about_wrong_passphrases(field: Path) -> None:
    ok("--data-dir", field, "protect", "set", "--wipe-after", "5", passphrase=FIELD_PASS)
    assert run("--data-dir", field, "record", "list", passphrase="a wrong guess").rc == 1
    r = ok("--data-dir", field, "record", "list", passphrase=FIELD_PASS)
    assert "1 wrong passphrase(s)" in r.err
    r = ok("--data-dir", field, "record", "list", passphrase=FIELD_PASS)
    assert r.err == ""


def test_services_are_context_managers(tmp_path: Path) -> None:
    from intake_app.services.field import FieldService

    with FieldService(tmp_path / "p") as svc:
        svc.create(FIELD_PASS)
        assert svc.is_unlocked
    assert not svc.is_unlocked


def test_one_factory_warns_of_failed_unlocks_for_both_kinds(tmp_path: Path) -> None:
    field, hq = tmp_path / "f", tmp_path / "h"
    ok("--data-dir", field, "init", passphrase=FIELD_PASS)
    ok("--data-dir", hq, "hq", "init", "--org", "Org", passphrase=HQ_PASS)
    from intake_app.services.base import ProfileService
    from intake_app.services.field import FieldService
    from intake_app.services.hq import HQService

    cases: list[tuple[type[ProfileService], Path, str, tuple[str, ...]]] = [
        (FieldService, field, FIELD_PASS, ("record", "list")),
        (HQService, hq, HQ_PASS, ("hq", "records", "list"))]
    for cls, where, good, listing in cases:
        with cls(where) as svc:  # wipe-after on: failures are counted
            svc.unlock(good)
            svc.update_protect_settings(wipe_after=5)
        assert run("--data-dir", where, *listing, passphrase="wrong guess").rc == 1
        r = ok("--data-dir", where, *listing, passphrase=good)
        assert "1 wrong passphrase(s) were tried" in r.err
