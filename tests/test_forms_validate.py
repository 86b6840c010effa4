"""Record validation against a form: every field type and logic feature, four languages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from intake_app.errors import FieldError, NotFound, ValidationFailed
from intake_app.forms import (
    Form,
    attachment_refs,
    choices_for,
    compute,
    evaluate,
    evaluate_relevance,
    validate_record,
)

TODAY = dt.date(2025, 6, 1)
LANGS = ["en", "fa-AF", "ps", "ur"]


def T(en: str, fa: str = "", ps: str = "", ur: str = "") -> dict[str, str]:
    out = {"en": en}
    for code, text in (("fa-AF", fa), ("ps", ps), ("ur", ur)):
        if text:
            out[code] = text
    return out


ALL_TYPES: dict[str, Any] = {
    "id": "all_types",
    "version": "1",
    "title": T("All types", "همه انواع", "ټول ډولونه", "تمام اقسام"),
    "default_language": "en",
    "languages": [
        {"code": "en", "name": "English", "direction": "ltr"},
        {"code": "fa-AF", "name": "دری", "direction": "rtl"},
        {"code": "ps", "name": "پښتو", "direction": "rtl"},
        {"code": "ur", "name": "اردو", "direction": "rtl"},
    ],
    "choice_lists": {
        "colour": [{"name": "red", "label": T("Red", "سرخ", "سور", "سرخ")},
                   {"name": "blue", "label": T("Blue", "آبی", "شین", "نیلا")},
                   {"name": "none", "label": T("None", "هیچ", "هېڅ", "کوئی نہیں")}],
        "country": [{"name": "af", "label": T("Afghanistan")},
                    {"name": "pk", "label": T("Pakistan")}],
        "city": [{"name": "kabul", "label": T("Kabul", "کابل", "کابل", "کابل"),
                  "filters": {"country": "af"}},
                 {"name": "herat", "label": T("Herat"), "filters": {"country": "af"}},
                 {"name": "quetta", "label": T("Quetta"), "filters": {"country": "pk"}}],
    },
    "fields": [
        {"name": "consent", "type": "yes_no", "required": True,
         "label": T("Consent?", "رضایت؟", "رضایت؟", "رضامندی؟")},
        {"name": "main", "type": "group", "label": T("Main"), "relevant": "${consent}",
         "children": [
             {"name": "name", "type": "text", "required": True, "label": T("Name", "نام")},
             {"name": "story", "type": "long_text", "label": T("Story")},
             {"name": "age", "type": "integer", "label": T("Age"),
              "constraint": ". >= 18",
              "constraint_message": T("Adults only", "فقط بزرگسالان", "یوازې لویان",
                                      "صرف بالغ")},
             {"name": "height", "type": "decimal", "label": T("Height"),
              "constraint": ". > 0 and . < 3"},
             {"name": "born", "type": "date", "label": T("Born"),
              "date_precisions": ["exact", "month", "year", "approximate"],
              "constraint": ". <= today()"},
             {"name": "met", "type": "date", "label": T("Met")},
             {"name": "colour", "type": "select_one", "choices": "colour",
              "label": T("Colour"), "default": "blue"},
             {"name": "colours", "type": "select_multiple", "choices": "colour",
              "label": T("Colours"),
              "constraint": "not(selected(., 'none') and count-selected(.) > 1)"},
             {"name": "country", "type": "select_one", "choices": "country",
              "label": T("Country")},
             {"name": "city", "type": "select_one", "choices": "city", "label": T("City"),
              "choice_filter": "country = ${country}",
              "required": "${country} != ''",
              "required_message": T("City needed", "شهر لازم است")},
             {"name": "note1", "type": "note", "label": T("Read this")},
             {"name": "photo", "type": "attachment", "attachment_kind": "photo",
              "label": T("Photo")},
             {"name": "double_age", "type": "calculate", "calculation": "${age} * 2",
              "value_type": "integer"},
             {"name": "greeting", "type": "calculate",
              "calculation": "concat('Hi ', ${name})"},
             {"name": "started", "type": "hidden", "metadata": "start"},
             {"name": "phone", "type": "text", "appearance": "numbers",
              "constraint": "regex(., '^[0-9]{4,}$')"},
         ]},
        {"name": "kids", "type": "repeat", "label": T("Kids"), "min_rows": 0, "max_rows": 2,
         "relevant": "${consent}",
         "children": [
             {"name": "kid_name", "type": "text", "required": True, "label": T("Kid")},
             {"name": "kid_age", "type": "integer", "label": T("Kid age"),
              "constraint": ". < ${age}"},
             {"name": "kid_school", "type": "yes_no", "label": T("At school"),
              "relevant": "${kid_age} >= 6"},
             {"name": "kid_pos", "type": "calculate", "calculation": "position(..)",
              "value_type": "integer"},
         ]},
        {"name": "kid_count", "type": "calculate", "calculation": "count(${kids})",
         "value_type": "integer"},
    ],
}


@pytest.fixture(scope="module")
def form() -> Form:
    return Form.from_dict(ALL_TYPES)


def good() -> dict[str, Any]:
    return {
        "consent": True, "name": "Laila", "story": "Long text", "age": 30, "height": 1.6,
        "born": "1995-03", "met": "2024-01-02", "colours": ["red"], "country": "af",
        "city": "kabul", "photo": "0" * 32, "started": "2025-06-01T09:00:00",
        "kids": [{"kid_name": "A", "kid_age": 7, "kid_school": True}, {"kid_name": "B"}],
    }


def errors(form: Form, values: dict[str, Any], lang: str = "en") -> dict[str, str]:
    with pytest.raises(ValidationFailed) as exc:
        validate_record(form, values, lang, today=TODAY)
    return {e.path: e.message for e in exc.value.errors}


def test_valid_record_cleaned(form: Form) -> None:
    out = validate_record(form, good(), today=TODAY)
    assert out["colour"] == "blue"  # default applied when absent
    assert out["double_age"] == 60
    assert out["greeting"] == "Hi Laila"
    assert out["kid_count"] == 2
    assert [k["kid_pos"] for k in out["kids"]] == [1, 2]
    assert "kid_school" not in out["kids"][1]  # no age: not relevant
    assert list(out)[:3] == ["consent", "name", "story"]  # document order


def test_every_type_rejects_wrong_values(form: Form) -> None:
    bad = good() | {
        "name": ["not", "text"], "age": "12.5", "height": "tall", "born": "2020-13",
        "met": "2024-01", "colour": "green", "colours": ["red", "red"], "photo": "ABC",
        "consent": True, "kids": [],
    }
    errs = errors(form, bad)
    assert set(errs) == {"name", "age", "height", "born", "met", "colour", "colours", "photo"}
    assert "whole number" in errs["age"]
    assert "precision" in errs["met"]
    assert "not one of the choices" in errs["colour"]
    assert "more than once" in errs["colours"]
    assert "attachment id" in errs["photo"]


def test_yes_no_accepts_words(form: Form) -> None:
    out = validate_record(form, good() | {"consent": "yes"}, today=TODAY)
    assert out["consent"] is True
    assert errors(form, good() | {"consent": "maybe"}) == {"consent": "must be yes or no"}


def test_required_only_when_relevant_and_non_relevant_dropped(form: Form) -> None:
    out = validate_record(form, {"consent": False, "name": "dropped", "age": 5,
                                 "kids": [{"kid_name": "x"}]}, today=TODAY)
    assert out == {"consent": False, "kid_count": 0}
    errs = errors(form, {"consent": True})
    assert errs == {"name": "this field is required"}


def test_constraint_messages_in_four_languages(form: Form) -> None:
    expected = {"en": "Adults only", "fa-AF": "فقط بزرگسالان", "ps": "یوازې لویان",
                "ur": "صرف بالغ"}
    for lang in LANGS:
        assert errors(form, good() | {"age": 16}, lang)["age"] == expected[lang]


def test_builtin_messages_in_four_languages(form: Form) -> None:
    seen = set()
    for lang in LANGS:
        errs = errors(form, {"consent": True, "bogus": 1}, lang)
        assert set(errs) == {"name", "bogus"}
        seen.add(errs["name"])
        seen.add(errs["bogus"])
    assert len(seen) == 8  # each language has its own text


def test_unknown_language_falls_back_to_english(form: Form) -> None:
    assert errors(form, good() | {"age": 16}, "de")["age"] == "Adults only"
    # A constraint message missing in a language falls back to the form default.
    assert errors(form, good() | {"height": 5}, "ps")["height"] == "دا ارزښت نه منل کېږي"


def test_default_constraint_message(form: Form) -> None:
    assert errors(form, good() | {"height": 5})["height"] == "value is not allowed"


@pytest.mark.parametrize(("raw", "expected"), [
    ("۳۴", 34), ("٣٤", 34), (" 34 ", 34), ("+34", 34), (34.0, 34),
])
def test_integer_digit_normalisation(form: Form, raw: object, expected: int) -> None:
    assert validate_record(form, good() | {"age": raw}, today=TODAY)["age"] == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("۱٫۶۵", 1.65), ("١٫٦٥", 1.65), ("1.65", 1.65), (2, 2.0),
])
def test_decimal_digit_normalisation(form: Form, raw: object, expected: float) -> None:
    assert validate_record(form, good() | {"height": raw}, today=TODAY)["height"] == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("۱۳۷۴-۰۳", None), ("۱۹۹۵-۰۳-۰۲", "1995-03-02"), ("١٩٩٥", "1995"), ("1995~", "1995~"),
    ("1995-03~", "1995-03~"),
])
def test_date_digit_normalisation_and_precision(form: Form, raw: str,
                                                expected: str | None) -> None:
    if expected is None:  # Solar Hijri year typed as a Gregorian date: still a valid year-month
        assert validate_record(form, good() | {"born": raw}, today=TODAY)["born"] == "1374-03"
    else:
        assert validate_record(form, good() | {"born": raw}, today=TODAY)["born"] == expected


def test_text_with_numbers_appearance_normalised(form: Form) -> None:
    out = validate_record(form, good() | {"phone": "۰۳۰۰۱۲۳"}, today=TODAY)
    assert out["phone"] == "0300123"
    assert out["name"] == "Laila"
    # Names keep their script: no digit folding in ordinary text.
    assert validate_record(form, good() | {"name": "علی ۲"}, today=TODAY)["name"] == "علی ۲"


def test_future_date_constraint(form: Form) -> None:
    assert "born" in errors(form, good() | {"born": "2030"})


def test_choice_filter(form: Form) -> None:
    assert errors(form, good() | {"city": "quetta"}) == {
        "city": "'quetta' is not one of the choices"}
    out = validate_record(form, good() | {"country": "pk", "city": "quetta"}, today=TODAY)
    assert out["city"] == "quetta"
    assert choices_for(form, "city", {"consent": True, "country": "af"}, "fa-AF") == [
        ("kabul", "کابل"), ("herat", "Herat")]
    assert [c for c, _ in choices_for(form, "city", {"consent": True, "country": "pk"})] == [
        "quetta"]
    with pytest.raises(NotFound):
        choices_for(form, "name", {})


def test_required_expression_and_message(form: Form) -> None:
    vals = good()
    del vals["city"]
    assert errors(form, vals, "fa-AF") == {"city": "شهر لازم است"}
    vals["country"] = None
    assert validate_record(form, vals, today=TODAY).get("city") is None


def test_select_multiple_constraint_and_string_input(form: Form) -> None:
    assert "colours" in errors(form, good() | {"colours": ["none", "red"]})
    out = validate_record(form, good() | {"colours": "red blue"}, today=TODAY)
    assert out["colours"] == ["red", "blue"]


def test_repeat_rows_paths_and_bounds(form: Form) -> None:
    vals = good()
    vals["kids"] = [{"kid_name": "A", "kid_age": 40}, {}, {"kid_name": "C"}]
    errs = errors(form, vals)
    assert errs == {
        "kids[0].kid_age": "value is not allowed",  # refers to top-level ${age}
        "kids[1].kid_name": "this field is required",
        "kids": "at most 2 row(s) allowed",
    }
    vals["kids"] = "nope"
    assert errors(form, vals) == {"kids": "must be a list of rows"}
    vals["kids"] = [1]
    assert errors(form, vals) == {"kids[0]": "each row must be an object of field names to "
                                             "values"}


def test_min_rows() -> None:
    raw = {**ALL_TYPES, "fields": [{"name": "r", "type": "repeat", "min_rows": 1,
                                    "children": [{"name": "x", "type": "text"}]}]}
    f = Form.from_dict(raw)
    with pytest.raises(ValidationFailed, match="at least 1 row"):
        validate_record(f, {"r": []})
    assert validate_record(f, {"r": [{"x": "a"}]}) == {"r": [{"x": "a"}]}


def test_unknown_fields_and_values_for_non_value_fields(form: Form) -> None:
    errs = errors(form, good() | {"nope": 1, "note1": "x", "main": "y",
                                  "kids": [{"kid_name": "a", "age": 3}]})
    assert errs == {"nope": "unknown field", "note1": "this field takes no value",
                    "main": "this field takes no value", "kids[0].age": "unknown field"}


def test_calculated_input_is_recomputed_not_trusted(form: Form) -> None:
    out = validate_record(form, good() | {"double_age": 1, "kid_count": 99}, today=TODAY)
    assert out["double_age"] == 60 and out["kid_count"] == 2


def test_explicit_null_blocks_default(form: Form) -> None:
    assert "colour" not in validate_record(form, good() | {"colour": None}, today=TODAY)


def test_every_error_listed_at_once(form: Form) -> None:
    with pytest.raises(ValidationFailed) as exc:
        validate_record(form, {"consent": True, "age": 3, "height": -1, "zzz": 1},
                        today=TODAY)
    assert len(exc.value.errors) == 4
    assert all(isinstance(e, FieldError) for e in exc.value.errors)
    assert "4 errors" in str(exc.value)


def test_relevance_paths_and_compute(form: Form) -> None:
    rel = evaluate_relevance(form, good(), today=TODAY)
    assert {"name", "kids", "kids[0]", "kids[0].kid_school", "kids[1].kid_name"} <= rel
    assert "kids[1].kid_school" not in rel
    rel_no = evaluate_relevance(form, {"consent": False})
    assert "name" not in rel_no and "consent" in rel_no
    values = compute(form, {"consent": True, "age": "21"})
    assert values["double_age"] == 42
    state = evaluate(form, {"consent": True}, "ps")
    assert not state.ok and state.errors[0].path == "name"


def test_attachment_refs(form: Form) -> None:
    raw = {**ALL_TYPES, "fields": [
        {"name": "doc", "type": "attachment"},
        {"name": "rows", "type": "repeat", "children": [
            {"name": "audio", "type": "attachment", "attachment_kind": "audio"}]}]}
    f = Form.from_dict(raw)
    values = validate_record(f, {"doc": "a" * 32, "rows": [{"audio": "b" * 32}, {}]})
    assert attachment_refs(f, values) == [("doc", "a" * 32), ("rows[0].audio", "b" * 32)]
    assert attachment_refs(form, good()) == [("photo", "0" * 32)]


def test_nested_repeat_refs_and_repeat_count() -> None:
    raw = {**ALL_TYPES, "fields": [
        {"name": "n", "type": "integer"},
        {"name": "outer", "type": "repeat", "repeat_count": "${n}", "children": [
            {"name": "o_name", "type": "text"},
            {"name": "inner", "type": "repeat", "children": [
                {"name": "i_val", "type": "integer", "constraint": ". <= ${n}"},
                {"name": "i_label", "type": "calculate",
                 "calculation": "concat(${o_name}, '/', ${i_val})"},
            ]},
            {"name": "inner_sum", "type": "calculate", "calculation": "sum(${i_val})",
             "value_type": "decimal"},
        ]},
        {"name": "all_sum", "type": "calculate", "calculation": "sum(${i_val})",
         "value_type": "integer"},
    ]}
    f = Form.from_dict(raw)
    vals = {"n": 2, "outer": [{"o_name": "a", "inner": [{"i_val": 1}, {"i_val": 2}]},
                              {"o_name": "b", "inner": [{"i_val": 2}]}]}
    out = validate_record(f, vals)
    assert out["outer"][0]["inner"][1]["i_label"] == "a/2"
    assert out["outer"][0]["inner_sum"] == 3.0
    assert out["all_sum"] == 5
    with pytest.raises(ValidationFailed) as exc:
        validate_record(f, {**vals, "n": 1})
    paths = {e.path for e in exc.value.errors}
    assert paths == {"outer", "outer[0].inner[1].i_val", "outer[1].inner[0].i_val"}


def test_non_mapping_record(form: Form) -> None:
    with pytest.raises(ValidationFailed):
        validate_record(form, ["not", "a", "dict"])  # type: ignore[arg-type]


def test_partial_validation_allows_missing_required_but_checks_the_rest() -> None:
    import json
    from pathlib import Path

    import pytest

    from intake_app.errors import ValidationFailed
    from intake_app.forms import FormRegistry, validate_record

    form = FormRegistry.default_registry().get("hrd_intake")
    example = json.loads((Path(__file__).resolve().parents[1] / "forms" / "examples"
                          / "hrd_intake.json").read_text(encoding="utf-8"))
    missing = {k: v for k, v in example.items() if k != "name_native"}
    with pytest.raises(ValidationFailed) as full:
        validate_record(form, missing)
    assert any(e.path == "name_native" for e in full.value.errors)
    assert "name_native" not in validate_record(form, missing, partial=True)
    bad = {**missing, "years_active": 99}
    with pytest.raises(ValidationFailed) as still:
        validate_record(form, bad, partial=True)
    assert [e.path for e in still.value.errors] == ["years_active"]
