"""Issue 14, finding 5: bad input that used to surface as ``internal error (...)`` or a
misleading message gets a specific one-line error (exit 1, nothing saved)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_helpers import FIELD_PASS, example_values, ok, run


@pytest.fixture
def field(tmp_path: Path) -> Path:
    d = tmp_path / "field"
    ok("--data-dir", d, "init", passphrase=FIELD_PASS)
    return d


def _one_line_failure(r: object, *needles: str) -> None:
    rc, err = r.rc, r.err  # type: ignore[attr-defined]
    assert rc == 1, err
    assert err.count("\n") == 1, err
    assert "internal error" not in err, err
    for n in needles:
        assert n in err, err


def _nothing_saved(field: Path) -> None:
    assert ok("--data-dir", field, "record", "list", "--json", passphrase=FIELD_PASS).json() == []


def test_huge_integer_literal_is_named(field: Path, tmp_path: Path) -> None:
    text = json.dumps(example_values())
    f = tmp_path / "big.json"
    f.write_text(text[:-1] + ', "household_size": ' + "9" * 5000 + "}")
    r = run("--data-dir", field, "record", "new", "--form", "hrd_intake", "--json", f,
            passphrase=FIELD_PASS)
    _one_line_failure(r, "5000 digits")
    _nothing_saved(field)


def test_deep_json_is_named(field: Path, tmp_path: Path) -> None:
    f = tmp_path / "deep.json"
    f.write_text("[" * 100_000 + "]" * 100_000)
    r = run("--data-dir", field, "record", "new", "--form", "hrd_intake", "--json", f,
            passphrase=FIELD_PASS)
    _one_line_failure(r, "nested more than")
    _nothing_saved(field)


def test_ten_megabyte_string_is_a_length_error(field: Path, tmp_path: Path) -> None:
    for size in (200_000, 10_000_000):
        f = tmp_path / f"long{size}.json"
        f.write_text(json.dumps(example_values(name_latin="x" * size)), encoding="utf-8")
        r = run("--data-dir", field, "record", "new", "--form", "hrd_intake", "--json", f,
                passphrase=FIELD_PASS)
        _one_line_failure(r)
        assert "must be text" not in r.err
        assert "longer than" in r.err or "larger than" in r.err, r.err
    _nothing_saved(field)


def test_length_message_in_every_language() -> None:
    from intake_app.forms.i18n import message

    for lang in ("en", "fa-AF", "ps", "ur"):
        text = message("too_long", lang, n=100_000)
        assert "100000" in text and text != message("not_text", lang)


def test_non_utf8_passphrase_file(field: Path, tmp_path: Path) -> None:
    pf = tmp_path / "pass.txt"
    pf.write_bytes(b"\xff\xfef\x00i\x00e\x00l\x00d\x00\n")  # UTF-16, as some editors save
    r = run("--data-dir", field, "--passphrase-file", pf, "record", "list")
    _one_line_failure(r, "not UTF-8")


def test_forms_import_of_a_folder_or_device(field: Path, tmp_path: Path) -> None:
    r = run("--data-dir", field, "forms", "import", tmp_path, passphrase=FIELD_PASS)
    _one_line_failure(r, "is a folder")
    r = run("--data-dir", field, "forms", "import", "/dev/null", passphrase=FIELD_PASS)
    _one_line_failure(r, "not a regular file")
