"""The optimised forms engine gives exactly what the plain engine gave.

``tests/forms_reference_engine.py`` is a frozen copy of the engine, expression
evaluator and value coercion as they were before the speed work. Here many
randomised records -- variations of the shipped example (dropped fields, other
choices, out-of-range numbers, Persian digits, extra/missing/junk repeat rows,
bad dates, values for non-relevant fields, unknown keys) and records for a form
that uses every feature the example form does not (choice filters, nested
repeats, repeat_count, defaults, hidden/calculated types, ``.`` in relevance)
-- go through both, and the cleaned values, the errors (paths, messages and
order), the relevant paths and the ``choices_for`` answers must be identical,
down to value types and key order.
"""

from __future__ import annotations

import ast
import copy
import datetime as dt
import gc
import json
import pickle
import pkgutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake_app.errors import ValidationFailed
from intake_app.forms import Form, builtin_forms_dir, engine, load_form_file
from intake_app.forms import expr as E
from tests import forms_reference_engine as reference

FORMS = builtin_forms_dir()
HRD = load_form_file(FORMS / "hrd_intake.json")
EXAMPLE: dict[str, Any] = json.loads(
    (FORMS / "examples" / "hrd_intake.json").read_text(encoding="utf-8"))
LANGS = ("en", "fa-AF", "ps", "ur", "de")
TODAYS = (dt.date(2025, 6, 20), dt.date(2024, 12, 31), dt.date(2026, 1, 1), dt.date(1999, 3, 3))
TODAY_DRAW = st.sampled_from((*TODAYS, TODAYS[0], TODAYS[0], TODAYS[2]))

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def T(en: str) -> dict[str, str]:
    return {"en": en, "fa-AF": en + " (fa)"}


FEATURES_RAW: dict[str, Any] = {
    "id": "features",
    "version": "1",
    "title": T("Every feature"),
    "default_language": "en",
    "languages": [
        {"code": "en", "name": "English", "direction": "ltr"},
        {"code": "fa-AF", "name": "دری", "direction": "rtl"},
        {"code": "ps", "name": "پښتو", "direction": "rtl"},
        {"code": "ur", "name": "اردو", "direction": "rtl"},
    ],
    "choice_lists": {
        "colour": [{"name": "red", "label": T("Red")}, {"name": "blue", "label": T("Blue")},
                   {"name": "none", "label": T("None")}, {"name": "۷", "label": T("Seven")},
                   {"name": "7"}],
        "country": [{"name": "af", "label": T("Afghanistan")},
                    {"name": "pk", "label": T("Pakistan")}],
        "city": [{"name": "kabul", "label": T("Kabul"), "filters": {"country": "af"}},
                 {"name": "herat", "label": T("Herat"), "filters": {"country": "af"}},
                 {"name": "quetta", "label": T("Quetta"), "filters": {"country": "pk"}},
                 {"name": "nowhere", "label": T("Nowhere")}],
        "district": [{"name": "d1", "filters": {"country": "af", "city": "kabul"}},
                     {"name": "d2", "filters": {"country": "af"}},
                     {"name": "d3", "filters": {"country": "pk", "city": "quetta"}}],
    },
    "fields": [
        {"name": "consent", "type": "yes_no", "required": True},
        {"name": "has_kids", "type": "yes_no"},
        {"name": "main", "type": "group", "relevant": "${consent}", "children": [
            {"name": "name", "type": "text", "required": True,
             "required_message": T("Name needed")},
            {"name": "nick", "type": "text", "relevant": "string-length(${name}) > 2"},
            {"name": "self_rel", "type": "text", "relevant": "string-length(.) < 10"},
            {"name": "age", "type": "integer", "constraint": ". >= 0 and . <= 120",
             "constraint_message": T("Bad age")},
            {"name": "height", "type": "decimal", "constraint": ". > 0 and . < 3"},
            {"name": "born", "type": "date",
             "date_precisions": ["exact", "month", "year", "approximate"],
             "constraint": ". <= today()"},
            {"name": "met", "type": "date", "constraint": ". >= ${born}"},
            {"name": "colour", "type": "select_one", "choices": "colour", "default": "blue"},
            {"name": "colours", "type": "select_multiple", "choices": "colour",
             "default": "red blue",
             "constraint": "not(selected(., 'none') and count-selected(.) > 1)"},
            {"name": "country", "type": "select_one", "choices": "country"},
            {"name": "city", "type": "select_one", "choices": "city",
             "choice_filter": "country = ${country}", "required": "${country} != ''"},
            {"name": "district", "type": "select_one", "choices": "district",
             "choice_filter": "country = ${country} and (city = ${city} or city = '')"},
            {"name": "phone", "type": "text", "appearance": "numbers",
             "constraint": "regex(., '^[0-9]{4,}$')"},
            {"name": "photo", "type": "attachment"},
            {"name": "note1", "type": "note", "relevant": "${age} < 18"},
            {"name": "flag", "type": "yes_no", "default": True},
            {"name": "score", "type": "decimal", "default": 1.5},
            {"name": "count_hint", "type": "hidden", "value_type": "integer"},
            {"name": "when", "type": "hidden", "value_type": "date"},
            {"name": "started", "type": "hidden", "metadata": "start"},
            {"name": "double_age", "type": "calculate", "calculation": "${age} * 2",
             "value_type": "integer"},
            {"name": "age_dec", "type": "calculate", "calculation": "${age} div 3",
             "value_type": "decimal"},
            {"name": "is_adult", "type": "calculate", "calculation": "${age} >= 18",
             "value_type": "boolean"},
            {"name": "born_plus", "type": "calculate", "calculation": "${born} + 30",
             "value_type": "date"},
            {"name": "greeting", "type": "calculate",
             "calculation": "concat('Hi ', ${name}, ' ', jr:choice-name(${colour}, '${colour}'))"},
            {"name": "colours_text", "type": "calculate", "calculation": "${colours}"},
            {"name": "year_now", "type": "calculate",
             "calculation": "format-date(now(), '%Y-%m') + 0"},
            {"name": "sub", "type": "group", "relevant": "${age} > 10", "children": [
                {"name": "sub_text", "type": "text", "required": True,
                 "constraint": "string-length(.) >= 2"},
                {"name": "sub_when", "type": "date", "relevant": "${sub_text} != ''",
                 "required": "${flag} = true()"},
            ]},
        ]},
        {"name": "kids", "type": "repeat", "max_rows": 3,
         "relevant": "${consent} and ${has_kids} != false()", "children": [
             {"name": "kid_name", "type": "text", "required": True},
             {"name": "kid_age", "type": "integer", "constraint": ". < ${age}"},
             {"name": "kid_school", "type": "yes_no", "relevant": "${kid_age} >= 6"},
             {"name": "kid_pos", "type": "calculate", "calculation": "position(..)",
              "value_type": "integer"},
             {"name": "kid_colour", "type": "select_one", "choices": "colour",
              "choice_filter": "name != 'none' or ${kid_age} > 3"},
             {"name": "kid_grp", "type": "group", "relevant": "${kid_age} > 1", "children": [
                 {"name": "kid_note", "type": "text", "default": "n/a"},
             ]},
             {"name": "toy_n", "type": "integer"},
             {"name": "toys", "type": "repeat", "repeat_count": "${toy_n}", "min_rows": 0,
              "children": [
                  {"name": "toy", "type": "text", "required": True},
                  {"name": "toy_owner", "type": "calculate",
                   "calculation": "concat(${kid_name}, ':', ${toy}, ':', position(..))"},
                  {"name": "toy_parent_age", "type": "calculate", "calculation": "${age}",
                   "value_type": "integer"},
                  {"name": "toy_flag", "type": "yes_no", "relevant": "${kid_school}"},
              ]},
             {"name": "toy_total", "type": "calculate", "calculation": "count(${toy})",
              "value_type": "integer"},
         ]},
        {"name": "kid_count", "type": "calculate", "calculation": "count(${kids})",
         "value_type": "integer"},
        {"name": "kid_ages", "type": "calculate", "calculation": "sum(${kid_age})",
         "value_type": "decimal"},
        {"name": "first_kid", "type": "calculate",
         "calculation": "indexed-repeat(${kid_name}, ${kids}, 1)"},
        {"name": "all_toys", "type": "calculate", "calculation": "join(' ', ${toy})"},
        {"name": "late", "type": "group", "relevant": "${kid_count} > 1", "children": [
            {"name": "late_txt", "type": "text"},
            {"name": "late_rows", "type": "repeat", "min_rows": 1, "children": [
                {"name": "late_val", "type": "integer"},
            ]},
        ]},
    ],
}
FEATURES = Form.from_dict(FEATURES_RAW)

GOOD_FEATURES: dict[str, Any] = {
    "consent": True, "has_kids": True, "name": "Laila", "age": 40, "height": 1.6,
    "born": "1985-03", "met": "2024-01-02", "colours": ["red"], "country": "af",
    "city": "kabul", "district": "d1", "phone": "۰۳۰۰۱۲۳۴", "sub_text": "ok",
    "sub_when": "2020-01-01", "when": "۲۰۲۴-۰۱-۰۱", "count_hint": "۱۲",
    "kids": [{"kid_name": "A", "kid_age": 7, "kid_school": True, "kid_colour": "none",
              "toy_n": 2, "toys": [{"toy": "ball", "toy_flag": False}, {"toy": "kite"}]},
             {"kid_name": "B", "kid_age": 2, "kid_colour": "red", "toy_n": 0}],
    "late_rows": [{"late_val": 3}],
}

# ------------------------------------------------------------------ value pools

JUNK: list[Any] = [None, "", "   ", "x", 0, 1, -1, 2.5, True, False, [], ["x"], {"a": 1},
                   float("nan"), float("inf")]
EMPTY: list[Any] = [None, "", "  ", []]
# Per type: values that are usually fine, and odd ones (wrong type, bad digits, bad dates).
GOOD: dict[str, list[Any]] = {
    "text": ["Ali", " padded ", "۱۲۳۴", "0300 1234567", "ab", "x" * 12, "05٫5"],
    "integer": [0, 7, 18, 40, 5, "۳۴", "٣٤", "12", " 4 ", "+5", 1.0, "-۲"],
    "decimal": [1.5, 0.5, 2.99, 3, "۱٫۵", "1.5", ".5", "٬1٬000"],
    "date": ["2024-01-02", "2024-01", "2024", "2024~", "2024-01~", "۱۴۰۲-۰۱-۰۱",
             "۲۰۲۴-۰۶-۱۰", "2025-06-20", "2024-12-31", "1991~", "2022-09", "2025-06-14"],
    "yes_no": [True, False, "yes", "no", "true", "FALSE", "0", "1", "y", "n", 1, 0, "۱", "٠"],
    "attachment": ["0" * 32, "a" * 32, " " + "b" * 32],
    "hidden": ["x", 1, 1.5, "2024-01-01", "۲۰۲۴-۰۱-۰۱", "12", "yes", "٣", True],
}
ODD: dict[str, list[Any]] = {
    "text": [42, 1.25, "\u200e", "x" * 100_001],
    "integer": [-3, 200, "12.5", "1e3", 1.5, "9" * 31, "\u2212" + "3", 10**20, "abc"],
    "decimal": [-0.5, "1,5", "abc", "1e3", "9" * 61],
    "date": ["2024-13-01", "2024-02-30", "2030-01-01", "0000-01-01", "24-01-01", 20240101,
             "2024-01-02T10:00", "2024-1-2"],
    "yes_no": [2, "maybe", "si"],
    "attachment": ["A" * 32, "abc", "0" * 33],
    "hidden": ["2024-99", [1], {"a": 1}],
}


def value_for(f: Any, data: st.DataObject, form: Form) -> Any:
    """A value for field ``f``: mostly plausible, sometimes odd, now and then junk."""
    kind = f.type
    roll = data.draw(st.integers(0, 19))
    if roll == 0:
        return data.draw(st.sampled_from(JUNK))
    if roll == 1:
        return data.draw(st.sampled_from(EMPTY))
    if kind in ("select_one", "select_multiple"):
        names = [c.name for c in form.choice_lists[f.choices]]
        odd = ["zzz", " " + names[0] + " ", "7", "۷", 7]
        pool = names if roll > 4 else odd
        if kind == "select_one":
            return data.draw(st.sampled_from(pool))
        chosen = data.draw(st.lists(st.sampled_from(pool), max_size=3, unique=roll > 3))
        shape = data.draw(st.integers(0, 3))
        if shape == 0:
            return " ".join(str(c) for c in chosen)
        if shape == 1 and chosen and roll <= 3:
            return [*chosen, chosen[0]]  # a duplicate
        return chosen
    if kind in ("note", "group"):
        return data.draw(st.sampled_from(EMPTY if roll > 3 else JUNK))
    key = {"long_text": "text", "calculate": "hidden"}.get(kind, kind)
    return data.draw(st.sampled_from(GOOD[key] if roll > 5 else ODD[key]))


def scope_fields(form: Form, scope: str | None) -> list[Any]:
    return [info.field for info in form.index.order
            if (info.repeats[-1] if info.repeats else None) == scope]


def random_rows(form: Form, rep: str, data: st.DataObject, depth: int) -> Any:
    shape = data.draw(st.integers(0, 12))
    if shape == 0:
        return data.draw(st.sampled_from([None, "nope", 3, {"a": 1}, []]))
    n = data.draw(st.integers(0, 4))
    rows: list[Any] = []
    for _ in range(n):
        if data.draw(st.integers(0, 15)) == 0:
            rows.append(data.draw(st.sampled_from([1, "row", None, ["x"]])))
        else:
            rows.append(random_container(form, rep, data, depth + 1))
    return rows


def random_container(form: Form, scope: str | None, data: st.DataObject,
                     depth: int = 0) -> dict[str, Any]:
    out: dict[str, Any] = {}
    fields = scope_fields(form, scope)
    for f in fields:
        p = 0.1 if f.type in ("note", "group", "calculate") else 0.7
        if data.draw(st.floats(0, 1)) >= p:
            continue
        if f.type == "repeat":
            out[f.name] = random_rows(form, f.name, data, depth)
        else:
            out[f.name] = value_for(f, data, form)
    extra = data.draw(st.integers(0, 8))
    if extra == 0:
        out["zzz_unknown"] = 1
    elif extra == 1:  # a field from another scope
        other = data.draw(st.sampled_from([i.field.name for i in form.index.order]))
        out.setdefault(other, "x")
    if data.draw(st.booleans()):  # key order must not matter
        items = list(out.items())
        data.draw(st.randoms()).shuffle(items)
        out = dict(items)
    return out


def containers(record: dict[str, Any], form: Form) -> list[tuple[dict[str, Any], str | None]]:
    """Every row object in ``record`` (with its scope), the record itself first."""
    found: list[tuple[dict[str, Any], str | None]] = [(record, None)]
    i = 0
    while i < len(found):
        c, _ = found[i]
        i += 1
        for key, value in c.items():
            info = form.index.fields.get(key) if isinstance(key, str) else None
            if info is not None and info.field.type == "repeat" and isinstance(value, list):
                found.extend((row, key) for row in value if isinstance(row, dict))
    return found


def mutate(record: dict[str, Any], form: Form, data: st.DataObject) -> dict[str, Any]:
    rec = copy.deepcopy(record)
    for _ in range(data.draw(st.integers(0, 4))):
        target, scope = data.draw(st.sampled_from(containers(rec, form)))
        fields = scope_fields(form, scope)
        op = data.draw(st.integers(0, 9))
        if op <= 2 and target:  # drop a field
            del target[data.draw(st.sampled_from(sorted(target)))]
        elif op <= 6:  # change a field
            f = data.draw(st.sampled_from(fields))
            if f.type == "repeat":
                rows = target.get(f.name)
                if isinstance(rows, list) and rows and data.draw(st.booleans()):
                    how = data.draw(st.integers(0, 3))
                    if how == 0:
                        rows.append(copy.deepcopy(data.draw(st.sampled_from(rows))))
                    elif how == 1:
                        rows.pop(data.draw(st.integers(0, len(rows) - 1)))
                    elif how == 2:
                        rows.append({})
                    else:
                        rows.extend(copy.deepcopy(rows) * data.draw(st.integers(5, 20)))
                else:
                    target[f.name] = random_rows(form, f.name, data, 1)
            else:
                target[f.name] = value_for(f, data, form)
        elif op == 7:
            target[data.draw(st.sampled_from(["zzz", "threats", "narrative", "age"]))] = "?"
        elif op == 8:
            target.update(random_container(form, scope, data))
        else:  # a plausible value for every field of this scope, relevant or not
            for f in fields:
                if f.type not in ("repeat", "note", "group"):
                    target.setdefault(f.name, value_for(f, data, form))
    return rec


# ------------------------------------------------------------------ comparison


def outcome(mod: ModuleType, form: Form, values: Any, lang: str,
            today: dt.date) -> dict[str, str]:
    """Everything the public functions answer, as exact reprs (types and order count)."""
    before = repr(values)
    state = mod.evaluate(form, copy.deepcopy(values), lang, today=today)
    out = {
        "values": repr(state.values),
        "errors": repr([(e.path, e.message) for e in state.errors]),
        "relevant": repr(sorted(state.relevant)),
        "compute": repr(mod.compute(form, values, today=today)),
        "relevance": repr(sorted(mod.evaluate_relevance(form, values, today=today))),
    }
    try:
        out["validate"] = repr(mod.validate_record(form, values, lang, today=today))
    except ValidationFailed as exc:
        out["validate"] = "FAILED " + repr([(e.path, e.message) for e in exc.errors])
    assert repr(values) == before, "the input record was modified"
    return out


def choices_outcome(mod: ModuleType, form: Form, values: Any, lang: str,
                    today: dt.date) -> list[str]:
    paths: list[str] = []
    for container, scope in containers(values, form) if isinstance(values, dict) else []:
        del container
        for f in scope_fields(form, scope):
            if f.type in ("select_one", "select_multiple"):
                paths.append(f.name if scope is None else f"{scope}[0].{f.name}")
    out = []
    for path in sorted(set(paths)):
        out.append(repr(mod.choices_for(form, path, values, lang, today=today)))
    return out


def assert_same(form: Form, values: Any, lang: str, today: dt.date,
                with_choices: bool = False) -> None:
    expected = outcome(reference, form, values, lang, today)
    got = outcome(engine, form, values, lang, today)
    assert got == expected
    if with_choices:
        assert (choices_outcome(engine, form, values, lang, today)
                == choices_outcome(reference, form, values, lang, today))


# ------------------------------------------------------------------ tests


@pytest.mark.parametrize("lang", LANGS)
def test_example_record_identical(lang: str) -> None:
    for today in TODAYS:
        assert_same(HRD, EXAMPLE, lang, today, with_choices=True)
    assert engine.validate_record(HRD, EXAMPLE, lang, today=TODAYS[0]) == \
        reference.validate_record(HRD, EXAMPLE, lang, today=TODAYS[0])


@SETTINGS
@given(data=st.data())
def test_example_variations_identical(data: st.DataObject) -> None:
    values = mutate(EXAMPLE, HRD, data)
    lang = data.draw(st.sampled_from(LANGS))
    today = data.draw(TODAY_DRAW)
    assert_same(HRD, values, lang, today, with_choices=data.draw(st.integers(0, 9)) == 0)


@SETTINGS
@given(data=st.data())
def test_random_hrd_records_identical(data: st.DataObject) -> None:
    values = random_container(HRD, None, data)
    assert_same(HRD, values, data.draw(st.sampled_from(LANGS)),
                data.draw(TODAY_DRAW))


@SETTINGS
@given(data=st.data())
def test_feature_form_records_identical(data: st.DataObject) -> None:
    if data.draw(st.integers(0, 2)) == 0:
        values = random_container(FEATURES, None, data)
    else:
        values = GOOD_FEATURES
    if data.draw(st.booleans()):
        values = mutate(values, FEATURES, data)
    assert_same(FEATURES, values, data.draw(st.sampled_from(LANGS)),
                data.draw(TODAY_DRAW), with_choices=True)


@pytest.mark.parametrize("today", TODAYS)
def test_feature_form_good_record_identical(today: dt.date) -> None:
    for lang in LANGS:
        assert_same(FEATURES, GOOD_FEATURES, lang, today, with_choices=True)


@pytest.mark.parametrize("values", [None, [], "x", 3, {}, {"consent": False},
                                    {"kids": [1, None]}, {1: "x", None: 2}])
def test_odd_records_identical(values: Any) -> None:
    for form in (HRD, FEATURES):
        assert_same(form, values, "en", TODAYS[0])


def test_defaults_are_not_shared_between_records() -> None:
    first = engine.validate_record(FEATURES, GOOD_FEATURES | {"colours": None,
                                                              "kids": []} | {"has_kids": False},
                                   today=TODAYS[0])
    del first  # "colours": None is explicitly empty: no default
    a = engine.compute(FEATURES, {"consent": True}, today=TODAYS[0])
    b = engine.compute(FEATURES, {"consent": True}, today=TODAYS[0])
    assert a["colours"] == ["red", "blue"]
    a["colours"].append("none")
    assert b["colours"] == ["red", "blue"]
    assert engine.compute(FEATURES, {"consent": True}, today=TODAYS[0])["colours"] == \
        ["red", "blue"]


def test_plan_cache_follows_the_form_object() -> None:
    data = FEATURES.canonical_json()
    twin = Form.from_json(data)
    assert engine._plan_for(twin) is engine._plan_for(twin)
    assert engine._plan_for(twin) is not engine._plan_for(FEATURES)
    key = id(twin)
    assert key in engine._PLANS
    del twin
    gc.collect()
    assert key not in engine._PLANS or engine._PLANS[key][0]() is not None
    # A pickled form (no compiled index) gets its own plan and the same answers.
    copy_ = pickle.loads(pickle.dumps(FEATURES))
    assert_same(copy_, GOOD_FEATURES, "ps", TODAYS[0])
    assert engine.validate_record(copy_, GOOD_FEATURES, today=TODAYS[0]) == \
        reference.validate_record(FEATURES, GOOD_FEATURES, today=TODAYS[0])


# The oracle may share the parser/AST, the form model and the message tables; every other
# forms module is the optimised engine under test (engine, engine_plan, engine_run,
# values, expr_compile, expr_functions, expr_values, ...).
_ORACLE_SHARES = {"intake_app.forms.expr_syntax", "intake_app.forms.model",
                  "intake_app.forms.i18n"}
_ORACLE_MAY_IMPORT = {"intake_app.errors", "intake_app.forms.expr", *_ORACLE_SHARES}
# ``Expression`` only carries the parsed ``ast`` (the oracle compiles it with ``_ev``).
_ORACLE_MAY_HOLD = {"Expression"}


def _under_test() -> set[str]:
    import intake_app.forms as forms_pkg

    names = {f"intake_app.forms.{m.name}" for m in pkgutil.iter_modules(forms_pkg.__path__)}
    return names - _ORACLE_SHARES - {"intake_app.forms.expr"}


def _imports(source: str) -> set[str]:
    """Every ``intake_app`` module a source imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module in ("intake_app", "intake_app.forms"):
            found.update(f"{node.module}.{a.name}" for a in node.names)  # a module by name
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m.split(".")[0] == "intake_app"}


def _borrowed(namespace: dict[str, Any]) -> set[str]:
    """Names in ``namespace`` defined by a module under test."""
    under_test = _under_test()
    return {k for k, v in namespace.items()
            if getattr(v, "__module__", None) in under_test and k not in _ORACLE_MAY_HOLD}


def test_reference_is_independent_of_the_code_under_test() -> None:
    """The oracle must not evaluate with the optimised evaluator, planner or coercion."""
    under_test = _under_test()
    assert {"intake_app.forms.engine", "intake_app.forms.engine_plan",
            "intake_app.forms.engine_run", "intake_app.forms.values",
            "intake_app.forms.expr_compile", "intake_app.forms.expr_values",
            "intake_app.forms.expr_functions"} <= under_test
    source = Path(reference.__file__).read_text(encoding="utf-8")
    assert _imports(source) <= _ORACLE_MAY_IMPORT, _imports(source) - _ORACLE_MAY_IMPORT
    assert _borrowed(vars(reference)) == set()
    names = {k for k, v in vars(reference).items()
             if getattr(v, "__module__", None) == reference.__name__}
    assert "evaluate" in names and "coerce_value" in names


def test_the_independence_check_catches_a_borrowed_engine_part() -> None:
    injected = source_of_oracle_with("from intake_app.forms.engine_run import _Run\n")
    assert "intake_app.forms.engine_run" in _imports(injected)
    lazy = source_of_oracle_with("def f():\n    import intake_app.forms.engine_plan\n")
    assert "intake_app.forms.engine_plan" in _imports(lazy)
    by_name = source_of_oracle_with("from intake_app.forms import values\n")
    assert "intake_app.forms.values" in _imports(by_name)
    from intake_app.forms import engine_plan, expr_compile

    assert _borrowed({"plan_for": engine_plan._plan_for,
                      "compile_fast": expr_compile.compile_fast}) == {"plan_for", "compile_fast"}


def source_of_oracle_with(extra: str) -> str:
    return Path(reference.__file__).read_text(encoding="utf-8") + "\n" + extra


# ------------------------------------------------------------------ expressions alone

_REF_NAMES = ("a", "b", "c", "d")
_EXPR_STRS = ["", "a", "b", " a ", "a b", "ab", "yes", "no", "true", "0", "1.5", "2024-01-02",
              "2024-01", "2024", "x y z", "%Y-%m-%d", "%b %a", "%m%d", "^a", "[", "b$"]
_ref = st.sampled_from(_REF_NAMES).map(E.Ref)
_str = st.sampled_from(_EXPR_STRS).map(E.Str)
_expr_leaf = st.one_of(
    st.sampled_from([0.0, 1.0, 1.5, 18.0, 20240101.0]).map(E.Num),
    _str,
    _ref,
    st.just(E.Current()),
    st.sampled_from(["true", "false", "today", "now"]).map(lambda n: E.Call(n, ())),
)
# The shapes the fast compiler has short paths for, so that every one is exercised.
_expr_pattern = st.one_of(
    st.builds(E.BinOp, st.sampled_from(["=", "!=", "<", ">=", "+"]), _ref, _str),
    st.builds(E.BinOp, st.sampled_from(["=", "!=", "<="]), _str, _ref),
    st.builds(E.BinOp, st.sampled_from(["=", "!="]), _ref,
              st.sampled_from(["true", "false"]).map(lambda n: E.Call(n, ()))),
    st.builds(E.BinOp, st.sampled_from(["<", "<=", ">", ">=", "-", "="]), _ref,
              st.sampled_from(["today", "now"]).map(lambda n: E.Call(n, ()))),
    st.builds(E.BinOp, st.sampled_from(["<", ">=", "and", "or"]), _ref, _ref),
    st.builds(lambda r, t: E.Call("selected", (r, t)), _ref, _str),
    st.builds(lambda r: E.Call("count-selected", (r,)), _ref),
    st.builds(lambda r, t: E.Call("format-date", (r, t)), _ref, _str),
    st.builds(lambda r, t: E.Call("regex", (r, t)), _ref, _str),
)
_expr_leaf = st.one_of(_expr_leaf, _expr_pattern)
_EXPR_FUNCS = {  # name: allowed argument counts
    "selected": (2,), "count-selected": (1,), "not": (1,), "if": (3,), "regex": (2,),
    "format-date": (2,), "format-date-time": (2,), "concat": (0, 1, 3), "string-length": (0, 1),
    "int": (1,), "round": (1, 2), "coalesce": (2,), "date": (1,), "number": (0, 1),
    "normalize-space": (0, 1), "sum": (1,), "count": (1,), "substr": (2, 3), "min": (1, 2),
    "boolean": (1,), "string": (0, 1), "contains": (2,), "position": (0,), "pow": (2,),
}


@st.composite
def _expr_call(draw: st.DrawFn, children: st.SearchStrategy[E.Node]) -> E.Node:
    name = draw(st.sampled_from(sorted(_EXPR_FUNCS)))
    n = draw(st.sampled_from(_EXPR_FUNCS[name]))
    args = [draw(children) for _ in range(n)]
    if name in ("regex", "format-date", "format-date-time", "selected") and draw(st.booleans()):
        args[1] = draw(_expr_leaf.filter(lambda x: isinstance(x, E.Str)))
    return E.Call(name, tuple(args))


def _expr_extend(children: st.SearchStrategy[E.Node]) -> st.SearchStrategy[E.Node]:
    return st.one_of(
        st.builds(E.BinOp, st.sampled_from(E.BINARY_OPS), children, children),
        st.builds(E.Neg, children),
        _expr_call(children),
    )


_expr_ast = st.recursive(_expr_leaf, _expr_extend, max_leaves=10)
_expr_value = st.one_of(
    st.sampled_from(["", "a", "ab", "a b", " b ", "yes", "no", "1", "0", "1.5", "2024-01-02",
                     "2024-01~", "x", "true", "FALSE"]),
    st.sampled_from([0.0, 1.0, 1.5, -2.5, 18.0, 19724.0, float("nan"), float("inf")]),
    st.sampled_from([dt.date(2024, 1, 2), dt.date(2024, 1, 1), dt.date(2025, 6, 20)]),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.just(dt.datetime(2024, 5, 6, 7, 8, tzinfo=dt.UTC)),
    st.lists(st.sampled_from(["a", "b", "ab", "", "a b", "2024-01-02"]), max_size=3),
    st.lists(st.sampled_from([1.0, 2.0, float("nan")]), max_size=3),
)


@settings(max_examples=1000, deadline=None)
@given(_expr_ast, st.dictionaries(st.sampled_from(_REF_NAMES), _expr_value), _expr_value,
       st.integers(0, 3), st.sampled_from(TODAYS))
def test_fast_expression_compiler_matches_reference(
        node: E.Node, values: dict[str, Any], current: Any, position: int,
        today: dt.date) -> None:
    try:
        E.compile_expression(E.to_source(node))
    except (E.ExprError, ValueError):
        return  # the engine never sees expressions that do not load

    def env_for(env_type: Any) -> Any:
        return env_type(resolve=lambda n: values.get(n, ""), today=today,
                        now=dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC),
                        current=current, position=position,
                        choice_label=lambda v, f: f"{f}:{v}")

    fast, is_bool = E.compile_fast(node, lambda name: lambda env: env.resolve(name))
    got = fast(env_for(E.Env))
    want = reference._compile(node)(env_for(reference.Env))
    assert repr(got) == repr(want)
    assert type(got) is type(want)
    if is_bool:
        assert type(got) is bool
    assert E.uses_current(node) or repr(
        fast(E.Env(resolve=lambda n: values.get(n, ""), today=today,
                   now=dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC),
                   current="CHANGED", position=position,
                   choice_label=lambda v, f: f"{f}:{v}"))) == repr(got)


_SHORT_PATH_VALUES: list[Any] = [
    "", "a", "ab", "a b", " b ", "yes", "no", "true", "FALSE", "1", "0", "1.5", "2024-01-02",
    "2024-01~", 0.0, 1.0, 1.5, -2.5, 19724.0, float("nan"), float("inf"), True, False,
    dt.date(2024, 1, 2), dt.date(2024, 1, 1), dt.datetime(2024, 1, 2, tzinfo=dt.UTC),
    [], ["a"], ["a", "b"], ["ab"], [1.5], ["1.5"], [True], [dt.date(2024, 1, 2)],
]


def _short_path_nodes() -> list[E.Node]:
    a = E.Ref("a")
    nodes: list[E.Node] = []
    for text in _EXPR_STRS:
        lit = E.Str(text)
        for op in E.BINARY_OPS:
            nodes += [E.BinOp(op, a, lit), E.BinOp(op, lit, a)]
        nodes += [E.Call("selected", (a, lit)), E.Call("selected", (lit, a)),
                  E.Call("format-date", (a, lit)), E.Call("format-date-time", (a, lit)),
                  E.Call("regex", (a, lit))]
    for op in E.BINARY_OPS:
        for const in ("true", "false", "today", "now"):
            nodes += [E.BinOp(op, a, E.Call(const, ())), E.BinOp(op, E.Call(const, ()), a)]
        nodes += [E.BinOp(op, a, E.Ref("b")), E.BinOp(op, E.Current(), a)]
    nodes += [E.Call("count-selected", (a,)), E.Call("not", (a,)),
              E.Call("if", (a, E.Ref("b"), E.Str("no"))),
              E.Call("not", (E.BinOp("=", a, E.Call("true", ())),))]
    return nodes


def test_fast_compiler_short_paths_exhaustive() -> None:
    """Every short path of ``compile_fast`` against every kind of value, exhaustively."""
    today = TODAYS[0]
    now = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    b_values: list[Any] = ["", "a", 1.5, True, dt.date(2024, 1, 2), ["a", "b"]]
    checked = 0
    for node in _short_path_nodes():
        fast, is_bool = E.compile_fast(node, lambda name: lambda env: env.resolve(name))
        slow = reference._compile(node)
        for a_value in _SHORT_PATH_VALUES:
            for b_value in b_values if "b" in E.to_source(node) else [""]:
                values = {"a": a_value, "b": b_value}
                got = fast(E.Env(resolve=values.__getitem__, today=today, now=now,
                                 current=a_value))
                want = slow(reference.Env(resolve=values.__getitem__, today=today, now=now,
                                          current=a_value))
                assert (repr(got), type(got)) == (repr(want), type(want)), \
                    (E.to_source(node), values)
                assert not is_bool or type(got) is bool
                checked += 1
    assert checked > 10_000
