"""The default form hrd_intake and its example record."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from intake_app.errors import ValidationFailed
from intake_app.forms import (
    Form,
    FormRegistry,
    attachment_refs,
    builtin_forms_dir,
    load_form_file,
    validate_record,
)
from tests.cli_helpers import run

FORMS = builtin_forms_dir()
EXAMPLE = FORMS / "examples" / "hrd_intake.json"
TODAY = dt.date(2025, 6, 20)
LANGS = ("en", "fa-AF", "ps", "ur")


@pytest.fixture(scope="module")
def form() -> Form:
    return load_form_file(FORMS / "hrd_intake.json")


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def fail(form: Form, values: dict[str, Any], lang: str = "en") -> dict[str, str]:
    with pytest.raises(ValidationFailed) as exc:
        validate_record(form, values, lang, today=TODAY)
    return {e.path: e.message for e in exc.value.errors}


def test_example_is_valid(form: Form) -> None:
    out = validate_record(form, example(), today=TODAY)
    assert out["years_active"] == 7  # typed with Persian digits
    assert out["days_remaining"] == (dt.date(2024, 12, 31) - TODAY).days
    assert out["age_years"] == 34
    assert out["imminent_risk"] is True
    assert out["consent_scope"] == "store send_hq refer statistics legal"
    assert out["threats"][0]["threat_date"] == "2022-09"


def test_json_file_matches_its_source(form: Form) -> None:
    path = FORMS / "source" / "hrd_intake.py"
    spec = importlib.util.spec_from_file_location("hrd_intake_source", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert Form.from_dict(module.build()).canonical_json() == form.canonical_json()


def test_registry_default_form(form: Form) -> None:
    reg = FormRegistry.default_registry()
    assert reg.get("hrd_intake").canonical_json() == form.canonical_json()
    assert form.id == "hrd_intake" and form.version


@pytest.mark.parametrize("lang", LANGS)
def test_missing_required_field_fails_with_field_message(form: Form, lang: str) -> None:
    values = example()
    del values["name_native"]
    errs = fail(form, values, lang)
    assert list(errs) == ["name_native"]
    assert errs["name_native"]
    if lang != "en":
        assert errs["name_native"] != "this field is required"


@pytest.mark.parametrize("lang", LANGS)
def test_broken_constraint_fails_with_form_message(form: Form, lang: str) -> None:
    values = example()
    values["years_active"] = 99
    errs = fail(form, values, lang)
    assert errs == {"years_active": form.field("years_active").constraint_message[lang]}


def test_errors_inside_repeats_have_paths(form: Form) -> None:
    values = example()
    values["threats"][1]["threat_date"] = "2031-01-01"
    del values["threats"][0]["narrative"]
    values["family_at_risk"][0]["family_age"] = "۲۰۰"
    errs = fail(form, values)
    assert set(errs) == {"threats[1].threat_date", "threats[0].narrative",
                         "family_at_risk[0].family_age"}


def test_refusing_store_consent_ends_the_interview(form: Form) -> None:
    values = example()
    values["consent_store"] = False
    out = validate_record(form, values, today=TODAY)
    assert out["consent_store"] is False
    after = [f.name for f in form.walk()]
    kept = set(out)
    allowed = {"interview_date", "interviewer_code", "interview_language", "interpreter_used",
               "consent_method", "consent_store"}
    assert kept <= allowed
    assert "name_native" in after and "name_native" not in kept
    minimal = {k: values[k] for k in allowed}
    assert validate_record(form, minimal, today=TODAY) == {
        k: v for k, v in out.items() if k in minimal}


def test_consent_per_purpose_and_referrals_need_consent(form: Form) -> None:
    names = {f.name for f in form.walk()}
    assert {"consent_store", "consent_send_hq", "consent_refer_partners", "consent_advocacy",
            "consent_legal"} <= names
    values = example()
    values["consent_refer_partners"] = False
    out = validate_record(form, values, today=TODAY)
    assert "referrals" not in out


def test_documents_exactly_as_listed(form: Form) -> None:
    assert [c.name for c in form.choice_lists["document"]] == [
        "por_valid", "por_expired", "acc", "visa_valid", "visa_expired", "passport",
        "tazkira_only", "none"]
    values = example()
    values["document_held"] = ["none", "passport"]
    assert set(fail(form, values)) == {"document_held"}
    values["document_held"] = ["visa_valid"]
    values["document_expiry"] = "2025-01-01"  # "valid" but passed
    assert set(fail(form, values)) == {"document_expiry"}
    values["document_expiry"] = "2025-07-10"
    out = validate_record(form, values, today=TODAY)
    assert out["days_remaining"] == 20
    values["document_held"] = ["tazkira_only"]
    out = validate_record(form, values, today=TODAY)
    assert "document_expiry" not in out and "days_remaining" not in out


def test_needs_have_urgency(form: Form) -> None:
    needs = [c.name for c in form.choice_lists["need"]]
    assert needs == ["relocation", "legal_aid", "medical", "psychosocial", "financial",
                     "shelter", "digital_security", "physical_security", "family_support",
                     "documents"]
    values = example()
    values["needs"] = [*values["needs"], "shelter"]
    assert fail(form, values) == {"urgency_shelter": "this field is required"}
    assert [c.name for c in form.choice_lists["urgency"]] == ["urgent", "high", "priority", "low"]


def test_minimisation(form: Form) -> None:
    names = [f.name for f in form.walk()]
    for bad in ("address", "street", "gps", "geo", "signature", "latitude"):
        assert not any(bad in n for n in names), bad
    for sensitive in ("ethnicity", "religion"):
        f = form.field(sensitive)
        assert f.sensitive and f.required is False
    assert form.field("birth_date").date_precisions == ["exact", "month", "year", "approximate"]
    assert form.field("threat_date").date_precisions == [
        "exact", "month", "year", "approximate"]


def test_age_from_approximate_age(form: Form) -> None:
    values = example()
    del values["birth_date"]
    assert fail(form, values) == {"approximate_age": "this field is required"}
    values["approximate_age"] = "۴۰"
    assert validate_record(form, values, today=TODAY)["age_years"] == 40


def test_translations_complete(form: Form) -> None:
    assert [lang.code for lang in form.languages] == list(LANGS)
    assert [lang.direction for lang in form.languages] == ["ltr", "rtl", "rtl", "rtl"]
    status = form.metadata["translation_status"]
    for code in LANGS[1:]:
        assert "awaiting native-speaker review" in status[code]
    missing = []
    for f in form.walk():
        for what in ("label", "hint", "constraint_message", "required_message"):
            texts = getattr(f, what)
            if texts and set(texts) != set(LANGS):
                missing.append((f.name, what))
        if not f.label:
            missing.append((f.name, "no label"))
    for list_name, choices in form.choice_lists.items():
        for c in choices:
            if set(c.label) != set(LANGS):
                missing.append((list_name, c.name))
    assert missing == []
    assert set(form.title) == set(LANGS)


def test_cli_validate_example(tmp_path: Path) -> None:
    r = run("--data-dir", tmp_path / "none", "forms", "validate", "--form", "hrd_intake",
            "--json", EXAMPLE)
    assert r.rc == 0, r.err
    assert r.json()["name_native"] == "مریم احمدی"


def test_cli_validate_reports_every_error(tmp_path: Path) -> None:
    values = example()
    del values["name_native"]
    values["years_active"] = -1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(values), encoding="utf-8")
    r = run("--data-dir", tmp_path / "none", "forms", "validate", "--form", "hrd_intake",
            "--json", bad, "--lang", "ps")
    assert r.rc == 1
    assert "name_native:" in r.err and "years_active:" in r.err
    assert r.out == ""


def test_cli_list_and_show(tmp_path: Path) -> None:
    none = tmp_path / "none"
    r = run("--data-dir", none, "forms", "list")
    assert r.rc == 0 and "hrd_intake" in r.out
    r = run("--data-dir", none, "forms", "show", "hrd_intake", "--lang", "fa-AF")
    assert r.rc == 0
    assert "ethnicity: select_one(ethnicity)" in r.out
    assert "SENSITIVE" in r.out
    r = run("--data-dir", none, "forms", "show", "hrd_intake", "--json")
    assert r.rc == 0 and Form.from_json(r.out).id == "hrd_intake"


def test_example_references_no_attachments(form: Form) -> None:
    # The app refuses attachment ids that are not stored on the record, so the
    # shipped example must not reference any.
    assert attachment_refs(form, validate_record(form, example(), today=TODAY)) == []


def _intake(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "INTAKE_PASSPHRASE": "forms test passphrase",
           "INTAKE_TESTING_FAST_KDF": "1"}
    code = "import sys; from intake_app.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, "--data-dir", str(data_dir), *argv],
                          capture_output=True, text=True, env=env, timeout=120, check=False)


@pytest.mark.skipif(importlib.util.find_spec("intake_app.cli") is None,
                    reason="the intake CLI is not installed")
def test_acceptance_record_new_with_example(tmp_path: Path) -> None:
    data = tmp_path / "field"
    assert _intake(data, "init").returncode == 0
    r = _intake(data, "record", "new", "--form", "hrd_intake", "--json", str(EXAMPLE))
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.strip()) == 32
    values = example()
    del values["name_native"]
    values["years_active"] = 99
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    r = _intake(data, "record", "new", "--form", "hrd_intake", "--json", str(bad))
    assert r.returncode == 1
    assert "name_native" in r.stderr and "years_active" in r.stderr


def test_consent_refused_note_only_on_an_actual_no(form: Form) -> None:
    """Unanswered is not "No": the refusal note waits for the answer (issue 16)."""
    from intake_app.forms import evaluate

    def shown(consent: Any) -> bool:
        values = {} if consent is None else {"consent_store": consent}
        return "consent_refused_note" in evaluate(form, values, "en").relevant

    assert (shown(None), shown(True), shown(False)) == (False, False, True)
