"""Expression behaviour corpus: XLSForm expressions and the values ODK Collect
(JavaRosa) and Enketo give for them, as a calculate field would store them
(text). Cases where the two clients disagree are left out. Functions of the
XLSForm spec are each either supported or refused at load by name.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from intake_app.errors import FormError
from intake_app.forms import Form, validate_record
from intake_app.forms.expr import FUNCTIONS, UNSUPPORTED_FUNCTIONS

TODAY = dt.date(2025, 6, 1)

# (expression, expected stored text)
CORPUS: list[tuple[str, str]] = [
    # numbers and their formatting
    ("1 + 1", "2"), ("10 div 4", "2.5"), ("1 div 3", "0.3333333333333333"),
    ("0.1 + 0.2", "0.30000000000000004"), ("1 div 0", "Infinity"), ("-1 div 0", "-Infinity"),
    ("7 mod 3", "1"), ("int(-3.7)", "-3"), ("int(3.7)", "3"),
    ("round(2.5)", "3"), ("round(1.2345, 2)", "1.23"), ("pow(2, 10)", "1024"),
    ("abs(-2.5)", "2.5"), ("string(1.50)", "1.5"), ("floor(-1.5)", "-2"),
    ("ceiling(1.1)", "2"), ("sqrt(16)", "4"), ("max(1, 5, 3)", "5"), ("min(4, 2)", "2"),
    # strings
    ("concat('a', 1, 'b')", "a1b"), ("substr('abcdef', 1, 3)", "bc"),
    ("substr('abcdef', 2)", "cdef"), ("substring-before('2024-06', '-')", "2024"),
    ("substring-after('2024-06', '-')", "06"), ("string-length('دری')", "3"),
    ("normalize-space('  a   b ')", "a b"), ("translate('abc', 'ab', 'AB')", "ABc"),
    ("contains('hello', 'ell')", "true"), ("starts-with('hello', 'he')", "true"),
    ("ends-with('hello', 'x')", "false"), ("regex('AB-123', '^[A-Z]{2}-[0-9]{3}$')", "true"),
    ("if(1 > 2, 'a', 'b')", "b"), ("coalesce('', 'x')", "x"),
    ("boolean-from-string('1')", "true"), ("boolean-from-string('yes')", "false"),
    ("not(true())", "false"), ("join('-', 'a')", "a"),
    # selections
    ("selected('a b c', 'b')", "true"), ("selected('a b c', 'd')", "false"),
    ("count-selected('a b c')", "3"), ("count-selected('')", "0"),
    ("selected-at('a b c', 1)", "b"), ("selected-at('a b c', 0)", "a"),
    # dates
    ("today()", "2025-06-01"), ("date('2024-02-28') + 1", "19782"),
    ("format-date(date('2024-02-28') + 1, '%Y-%m-%d')", "2024-02-29"),
    ("format-date('2024-03-05', '%d/%m/%Y')", "05/03/2024"),
    ("format-date('2024-03-05', '%e %n %y %b %a')", "5 3 24 Mar Tue"),
    ("format-date-time('2024-03-05T14:07:09', '%H:%M:%S')", "14:07:09"),
    ("decimal-date-time('1970-01-02')", "1"),
    ("date('2025-06-01') - date('2025-05-01')", "31"),
    ("date('2024-01-31') < date('2024-02-01')", "true"),
    ("format-date(date(today() - 1), '%Y-%m-%d')", "2025-05-31"),
]


def _form(fields: list[dict[str, object]]) -> Form:
    return Form.from_dict({"id": "corpus", "version": "1",
                           "languages": [{"code": "en", "name": "English",
                                          "direction": "ltr"}],
                           "fields": fields})


@pytest.fixture(scope="module")
def corpus_form() -> Form:
    return _form([{"name": "x", "type": "text"}]
                 + [{"name": f"c{i}", "type": "calculate", "calculation": e}
                    for i, (e, _) in enumerate(CORPUS)])


@pytest.mark.parametrize(("i", "case"), list(enumerate(CORPUS)), ids=[e for e, _ in CORPUS])
def test_expression_value_as_odk(corpus_form: Form, i: int, case: tuple[str, str]) -> None:
    out = validate_record(corpus_form, {"x": "a"}, today=TODAY)
    assert out.get(f"c{i}", "") == case[1]


def test_position_and_indexed_repeat() -> None:
    form = _form([
        {"name": "r", "type": "repeat", "children": [
            {"name": "v", "type": "text"},
            {"name": "pos", "type": "calculate", "calculation": "position(..)"},
            {"name": "prev", "type": "calculate",
             "calculation": "if(position(..) > 1, indexed-repeat(${v}, ${r}, "
                            "position(..) - 1), 'none')"}]},
        {"name": "second", "type": "calculate", "calculation": "indexed-repeat(${v}, ${r}, 2)"},
        {"name": "n", "type": "calculate", "calculation": "count(${r})"},
        {"name": "all", "type": "calculate", "calculation": "join(' ', ${v})"},
    ])
    out = validate_record(form, {"r": [{"v": "a"}, {"v": "b"}, {"v": "c"}]}, today=TODAY)
    assert [row["pos"] for row in out["r"]] == ["1", "2", "3"]
    assert [row["prev"] for row in out["r"]] == ["none", "a", "b"]
    assert out["second"] == "b" and out["n"] == "3" and out["all"] == "a b c"


def test_uuid_and_once() -> None:
    form = _form([{"name": "x", "type": "text"},
                  {"name": "u", "type": "calculate", "calculation": "uuid()"},
                  {"name": "short", "type": "calculate", "calculation": "uuid(10)"},
                  {"name": "kept", "type": "calculate", "calculation": "once(uuid())"}])
    first = validate_record(form, {"x": "a"}, today=TODAY)
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
                        first["u"])
    assert re.fullmatch(r"[0-9A-Za-z]{10}", first["short"])
    # once(): a value the record already has is kept on the next save (ODK keeps it).
    again = validate_record(form, {**first, "x": "b"}, today=TODAY)
    assert again["kept"] == first["kept"] and again["u"] != first["u"]


def test_pulldata_from_a_csv_given_with_the_form() -> None:
    people = [{"id": "p1", "name": "Zarmina", "age": "34"}, {"id": "p2", "name": "Gul",
                                                             "age": "51"}]
    form = Form.from_dict({
        "id": "pd", "version": "1",
        "languages": [{"code": "en", "name": "English", "direction": "ltr"}],
        "fields": [{"name": "pid", "type": "text"},
                   {"name": "n", "type": "calculate",
                    "calculation": "pulldata('people', 'name', 'id', ${pid})"},
                   {"name": "older", "type": "calculate", "value_type": "boolean",
                    "calculation": "pulldata('people', 'age', 'id', ${pid}) > 40"}],
        "metadata": {"pulldata": {"people": people}}})
    assert validate_record(form, {"pid": "p2"}, today=TODAY) == {"pid": "p2", "n": "Gul",
                                                                  "older": True}
    out = validate_record(form, {"pid": "p7"}, today=TODAY)  # no such row: empty (ODK)
    assert "n" not in out
    with pytest.raises(FormError, match=r"no table places\.csv"):
        Form.from_dict({**json.loads(form.canonical_json()), "fields": [
            {"name": "c", "type": "calculate",
             "calculation": "pulldata('places', 'a', 'b', 'c')"}]})


# Every function of the XLSForm spec (xlsform.org, "Functions"; ODK XForms spec).
SPEC_FUNCTIONS = [
    "if", "position", "once", "selected", "selected-at", "count-selected", "jr:choice-name",
    "indexed-repeat", "count", "count-non-empty", "sum", "max", "min", "regex", "contains",
    "starts-with", "ends-with", "substr", "substring-before", "substring-after",
    "translate", "string-length", "normalize-space", "concat", "join", "boolean-from-string",
    "string", "digest", "base64-decode", "extract-signed", "round", "int", "number", "pow",
    "log", "log10", "abs", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sqrt", "exp",
    "exp10", "pi", "today", "now", "decimal-date-time", "date", "decimal-time",
    "date-time", "format-date", "format-date-time", "area", "distance", "geofence",
    "random", "randomize", "uuid", "boolean", "not", "coalesce", "checklist",
    "weighted-checklist", "true", "false", "pulldata", "instance", "version", "property",
    "jr:itext", "floor", "ceiling",
]


@pytest.mark.parametrize("name", SPEC_FUNCTIONS)
def test_every_spec_function_is_supported_or_refused_by_name(name: str) -> None:
    if name in FUNCTIONS:
        return
    with pytest.raises(FormError) as exc:
        _form([{"name": "c", "type": "calculate", "calculation": f"{name}('a')"}])
    text = str(exc.value)
    assert name in text, text
    assert name in UNSUPPORTED_FUNCTIONS or "unknown function" in text, text
