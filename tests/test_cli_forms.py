"""`intake forms import|list|show` through the real CLI, then records made from each
imported XLSForm validate and save."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake_app.forms import attachment_refs, import_xlsform
from tests.cli_helpers import FIELD_PASS, ok, run
from tests.test_forms_xlsform import FX


@pytest.fixture
def field(tmp_path: Path) -> Path:
    d = tmp_path / "field"
    ok("--data-dir", d, "init", passphrase=FIELD_PASS)
    return d


def test_list_and_show_without_a_profile(tmp_path: Path) -> None:
    r = ok("--data-dir", tmp_path / "none", "forms", "list", "--json")
    assert "hrd_intake" in {f["id"] for f in r.json()}
    shown = ok("--data-dir", tmp_path / "none", "forms", "show", "hrd_intake", "--json").json()
    assert shown["id"] == "hrd_intake"


@pytest.mark.parametrize("name", sorted(FX.POSITIVE))
def test_import_install_and_record(field: Path, tmp_path: Path, name: str) -> None:
    FX.write_all(tmp_path)
    r = run("--data-dir", field, "forms", "import", tmp_path / f"{name}.xlsx",
            passphrase=FIELD_PASS)
    assert r.rc == 0, r.err
    form_id = r.out.split()[1]
    listed = ok("--data-dir", field, "forms", "list", "--json", passphrase=FIELD_PASS).json()
    assert form_id in {f["id"] for f in listed}
    ok("--data-dir", field, "forms", "show", form_id, passphrase=FIELD_PASS)
    values = dict(FX.POSITIVE[name][1])
    form = import_xlsform(tmp_path / f"{name}.xlsx")[0]
    # Attachment fields name stored attachments: save without them, attach, then edit.
    refs = [path for path, _ in attachment_refs(form, values) if "[" not in path]
    for path in refs:
        values.pop(path)
    vf = tmp_path / "values.json"
    vf.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    r = run("--data-dir", field, "record", "new", "--form", form_id, "--json", vf,
            passphrase=FIELD_PASS)
    assert r.rc == 0, r.err
    rid = r.out.strip()
    assert len(rid) == 32
    for path in refs:
        photo = tmp_path / "photo.jpg"
        photo.write_bytes(b"\xff\xd8 not really a jpeg")
        values[path] = ok("--data-dir", field, "attach", rid, photo,
                          passphrase=FIELD_PASS).out.strip()
        vf.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
        ok("--data-dir", field, "record", "edit", rid, "--json", vf, passphrase=FIELD_PASS)


def test_import_to_file_and_unsupported_feature(field: Path, tmp_path: Path) -> None:
    FX.write_all(tmp_path)
    name = sorted(FX.POSITIVE)[0]
    out = tmp_path / "form.json"
    ok("--data-dir", field, "forms", "import", tmp_path / f"{name}.xlsx", "--out", out,
       passphrase=FIELD_PASS)
    assert json.loads(out.read_text(encoding="utf-8"))["id"]
    bad = next(n for n in sorted(FX.NEGATIVE) if "pulldata" in n)
    r = run("--data-dir", field, "forms", "import", tmp_path / f"{bad}.xlsx",
            passphrase=FIELD_PASS)
    assert r.rc == 1 and r.err.count("\n") == 1 and "pulldata" in r.err
    r = run("--data-dir", field, "forms", "import", tmp_path / "missing.xlsx",
            passphrase=FIELD_PASS)
    assert r.rc == 1 and "Traceback" not in r.err
