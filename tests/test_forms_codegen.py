"""The per-form generated code of the record engine (``forms/engine_gen``).

1. Random records over every shipped form and every XLSForm fixture (``tests/xlsforms``:
   the positive fixtures, the fidelity fixtures, the 700-question form) give exactly what
   the engine gave before the generated code (``tests/forms_interpreter_engine.py``, a
   copy of it at aab5109) and, for the shipped forms, what the older frozen plain engine
   (``tests/forms_reference_engine.py``) gives: cleaned values, errors and their order,
   relevant paths, calculated values, repeat rows, ``choices_for``. The records mix
   plausible and invalid values, absent fields, values of non-relevant fields, unknown
   keys and junk rows.
2. Relevance chains and hostile text (quotes, newlines, code in string literals, choice
   names and messages) give the same answers too.
3. The generated source holds form text only as string literals: every name in it is a
   generated identifier or one of a fixed few, and no import, lambda, class or
   attribute outside a fixed set appears, whatever the form says.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake_app.forms import Form, builtin_forms_dir, engine, import_xlsform, load_form_file
from intake_app.forms.engine_plan import _plan_for
from intake_app.forms.engine_run import _Run
from tests import forms_interpreter_engine as interpreter
from tests.test_forms_perf_equivalence import (
    LANGS,
    TODAY_DRAW,
    assert_same,
    choices_outcome,
    outcome,
)
from tests.xlsform_helpers import load_fixtures

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])




class _Forms(dict[str, Form]):
    def __repr__(self) -> str:  # hypothesis prints its arguments
        return f"<{len(self)} forms>"


@pytest.fixture(scope="module")
def fixture_forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Form]:
    fidelity, basic = load_fixtures("fidelity_fixtures"), load_fixtures("make_fixtures")
    root = tmp_path_factory.mktemp("codegen")
    out = _Forms()
    for name, fx in fidelity.FIXTURES.items():
        out[f"fidelity:{name}"] = import_xlsform(fidelity.write_fixture(name, fx, root / name))[0]
    for name, (sheets, _) in basic.POSITIVE.items():
        out[f"basic:{name}"] = import_xlsform(basic.write_xlsx(sheets, root / f"{name}.xlsx"))[0]
    out["big_form"] = import_xlsform(basic.write_xlsx(fidelity.big_form(),
                                                      root / "big_form.xlsx"))[0]
    for path in sorted(builtin_forms_dir().glob("*.json")):
        out[f"shipped:{path.name}"] = load_form_file(path)
    return out


# ------------------------------------------------------------------ random records

_POOLS: dict[str, list[Any]] = {
    "text": ["Ali", " padded ", "۱۲۳۴", "", "x" * 12, 42, 1.5, True, "a'b\"c", "\n"],
    "integer": [0, 7, 18, 40, "۳۴", "12", " 4 ", 1.0, -3, 2000, "12.5", "abc", True, 1.5],
    "decimal": [1.5, 0.5, 3, "۱٫۵", ".5", -0.5, "1,5", "abc", float("nan"), float("inf")],
    "date": ["2024-01-02", "2024-01", "2024", "2024~", "۱۴۰۲-۰۱-۰۱", "2025-06-20",
             "2030-01-01", "2024-13-01", "24-01-01", 20240101, "2024-01-02T10:00"],
    "yes_no": [True, False, "yes", "no", "1", "0", 1, 0, 2, "maybe"],
    "attachment": ["0" * 32, "a" * 32, "A" * 32, "abc"],
    "geo": ["33.7 73.1", "33.7 73.1 500 5", "33.7 73.1; 33.8 73.2", "33.7 73.1;33.8 73.2;"
            "33.9 73.3", "91 0", "x y", 5],
    "hidden": ["x", 1, 1.5, "2024-01-01", "12", "yes", True, [1], {"a": 1}],
    "none": [None, "", "  ", [], "x", 1],
}
_POOL_OF = {"long_text": "text", "calculate": "hidden", "geopoint": "geo", "geotrace": "geo",
            "geoshape": "geo", "note": "none", "group": "none"}
_JUNK: list[Any] = [None, "", "   ", "x", 0, -1, 2.5, True, [], ["x"], {"a": 1}, float("nan")]


def _value(f: Any, form: Form, data: st.DataObject) -> Any:
    roll = data.draw(st.integers(0, 15))
    if roll == 0:
        return data.draw(st.sampled_from(_JUNK))
    names = [c.name for c in form.choice_lists.get(f.choices or "", [])]
    if f.type in ("select_one", "select_multiple", "rank") and names:
        pool = names if roll > 3 else ["zzz", " " + names[0] + " ", "7", 7]
        if f.type == "select_one":
            return data.draw(st.sampled_from(pool))
        chosen = data.draw(st.lists(st.sampled_from(pool), max_size=4, unique=roll > 2))
        return " ".join(str(c) for c in chosen) if data.draw(st.booleans()) else chosen
    return data.draw(st.sampled_from(_POOLS[_POOL_OF.get(f.type, f.type)
                                            if _POOL_OF.get(f.type, f.type) in _POOLS
                                            else "hidden"]))


def _container(form: Form, scope: str | None, data: st.DataObject, depth: int = 0
               ) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for info in form.index.order:
        if (info.repeats[-1] if info.repeats else None) != scope:
            continue
        f = info.field
        if data.draw(st.floats(0, 1)) >= (0.15 if f.type in ("note", "group", "calculate")
                                          else 0.7):
            continue
        if f.type == "repeat":
            if data.draw(st.integers(0, 9)) == 0:
                out[f.name] = data.draw(st.sampled_from([None, "nope", {"a": 1}, []]))
            elif depth < 2:
                rows: list[Any] = []
                for _ in range(data.draw(st.integers(0, 3))):
                    rows.append(data.draw(st.sampled_from([1, None]))
                                if data.draw(st.integers(0, 12)) == 0
                                else _container(form, f.name, data, depth + 1))
                out[f.name] = rows
        else:
            out[f.name] = _value(f, form, data)
    extra = data.draw(st.integers(0, 10))
    if extra == 0:
        out["zzz_unknown"] = 1
    elif extra == 1:  # a field of another scope
        out.setdefault(data.draw(st.sampled_from([i.field.name for i in form.index.order])),
                       "x")
    return out


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _outcome(mod: ModuleType, form: Form, values: Any, lang: str, today: dt.date
             ) -> dict[str, str]:
    """``outcome`` with each uuid() value (a new one every run) masked."""
    return {k: _UUID.sub("<uuid>", v) for k, v in outcome(mod, form, values, lang,
                                                           today).items()}


def same_as_before(form: Form, values: Any, lang: str, today: dt.date,
                   with_choices: bool = False) -> None:
    """The engine answers exactly as the engine before the generated code did."""
    assert _outcome(engine, form, values, lang, today) == \
        _outcome(interpreter, form, values, lang, today)
    if with_choices:
        assert choices_outcome(engine, form, values, lang, today) == \
            choices_outcome(interpreter, form, values, lang, today)


@SETTINGS
@given(data=st.data())
def test_fixture_and_shipped_forms_identical(fixture_forms: dict[str, Form],
                                             data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(fixture_forms)))
    form = fixture_forms[name]
    values = _container(form, None, data)
    lang, today = data.draw(st.sampled_from(LANGS)), data.draw(TODAY_DRAW)
    choices = name != "big_form" and data.draw(st.integers(0, 4)) == 0
    same_as_before(form, values, lang, today, choices)
    if name.startswith("shipped:"):
        assert_same(form, values, lang, today, choices)


def test_fixture_records_identical(fixture_forms: dict[str, Form]) -> None:
    """Every fixture's own good record, and it emptied, through both engines."""
    fidelity, basic = load_fixtures("fidelity_fixtures"), load_fixtures("make_fixtures")
    records = {f"fidelity:{n}": [fx.good, *(r for r, _ in fx.bad)]
               for n, fx in fidelity.FIXTURES.items()}
    records |= {f"basic:{n}": [rec] for n, (_, rec) in basic.POSITIVE.items()}
    for name, recs in records.items():
        for rec in [*recs, {}]:
            same_as_before(fixture_forms[name], rec, "en", dt.date(2025, 6, 1), True)


# ------------------------------------------------------------------ relevance chains, hostile text

_EVIL = "'); import os; os.system('echo pwned') #\n\"\"\" ${x} {x} \\ \u202e"


def _quote(text: str) -> str:
    """An expression string literal of ``text`` (which then has no ')."""
    return "'" + text.replace("'", "") + "'"


_EVIL_NAME = "');__import__('os').system('x')#\\\"{x}"  # choice names have no blanks


CHAIN = Form.from_dict({
    "id": "chain", "version": "1", "title": {"en": "Chain"}, "default_language": "en",
    "languages": [{"code": "en", "name": "English", "direction": "ltr"}],
    "choice_lists": {"odd": [{"name": _EVIL_NAME, "label": {"en": _EVIL}},
                             {"name": "plain", "label": {"en": "Plain"}},
                             {"name": _EVIL_NAME.replace("'", ""), "label": {"en": "B"}}]},
    "fields": [
        {"name": "a", "type": "yes_no"},
        {"name": "g1", "type": "group", "relevant": "${a} = true()", "children": [
            {"name": "b", "type": "integer", "constraint": ". > 2",
             "constraint_message": {"en": _EVIL}},
            {"name": "g2", "type": "group", "relevant": "${b} > 3", "children": [
                {"name": "c", "type": "text", "required": True,
                 "required_message": {"en": _EVIL}},
                {"name": "d", "type": "text", "relevant": f"${{c}} != {_quote(_EVIL)}"},
            ]},
        ]},
        {"name": "e", "type": "select_one", "choices": "odd",
         "relevant": "${d} != '' or ${c} = 'x'"},
        {"name": "f", "type": "select_multiple", "choices": "odd",
         "constraint": f"not(selected(., {_quote(_EVIL_NAME)}) and selected(., 'plain'))"},
        {"name": "h", "type": "calculate",
         "calculation": f"concat({_quote(_EVIL)}, ${{e}}, count-selected(${{f}}))"},
        # Read by one expression each: not converted once ahead (engine_gen's cache).
        {"name": "when", "type": "date", "date_precisions": ["exact", "month", "year"]},
        {"name": "until", "type": "date", "constraint": ". >= ${when}"},
        {"name": "late", "type": "text", "relevant": "${until} > '2024-06-01'"},
        {"name": "rows", "type": "repeat", "relevant": "${h} != ''", "children": [
            {"name": "r1", "type": "text", "relevant": f"${{e}} = {_quote(_EVIL_NAME)}"},
            {"name": "r2", "type": "integer", "relevant": "${r1} != '' and position(..) > 1"},
            {"name": "r3", "type": "calculate", "calculation": "${r2} + ${b}",
             "value_type": "integer"},
        ]},
    ],
})


def _chain_value(data: st.DataObject) -> dict[str, Any]:
    odd = [_EVIL_NAME, "plain", _EVIL_NAME.replace("'", ""), _EVIL, "zzz"]
    rec: dict[str, Any] = {}
    for name, pool in (("a", [True, False, None]), ("b", [1, 3, 4, 9, "x", None]),
                       ("c", ["x", "y", _EVIL, _EVIL.replace("'", ""), None]),
                       ("d", ["d", None]), ("e", odd),
                       ("f", [[_EVIL_NAME], ["plain", _EVIL_NAME.replace("'", "")],
                              [_EVIL_NAME, "plain"], "plain", None]),
                       ("h", ["ignored", None])):
        v = data.draw(st.sampled_from(pool))
        if v is not None:
            rec[name] = v
    for name in ("when", "until"):
        v = data.draw(st.sampled_from(["2024-01-02", "2024-07", "2025", "2024-12-31", "x",
                                       None]))
        if v is not None:
            rec[name] = v
    rec["late"] = "l"
    rec["rows"] = [{"r1": data.draw(st.sampled_from(["", "t", None])),
                    "r2": data.draw(st.sampled_from([1, 2, None]))}
                   for _ in range(data.draw(st.integers(0, 3)))]
    return rec


@SETTINGS
@given(data=st.data())
def test_relevance_chain_and_hostile_text_identical(data: st.DataObject) -> None:
    values = _chain_value(data)
    same_as_before(CHAIN, values, "en", dt.date(2025, 6, 1), with_choices=True)
    assert_same(CHAIN, values, "en", dt.date(2025, 6, 1), with_choices=True)


# ------------------------------------------------------------------ the generated source

_FIXED_NAMES = {
    "run", "top", "env", "ctx0", "paths", "do_check", "bad", "partial", "lang", "raw", "out",
    "n", "g", "v", "s", "e", "c", "r", "x", "m", "a", "b", "rows", "row", "i", "value", "ok",
    "wrong", "errs", "ep", "em", "j", "FIRST", "put", "DATEP", "pr",
    "as_integer", "as_decimal", "as_boolean",
    "container", "ctx", "prefix", "pos", "rel", "k", "M", "MAXT", "STR", "Mapping",
    "is_empty", "message", "from_xpath", "to_bool", "to_num", "to_str", "_eq", "_cmp",
    "_arith", "_apply", "_selected2", "date", "_fdc", "_pdc", "_num",
    "bool", "dict", "float", "frozenset", "int", "isinstance", "len", "list", "map", "range",
    "set", "str", "tuple", "type",
}
_GENERATED = re.compile(r"^(?:[Ktcsir]\d+|ingest_\d+|ordered_fast_\d+|run_all)$")
_ATTRS = {"get", "pop", "add", "strip", "split", "issuperset", "items", "append", "instances",
          "error", "check_rows", "is_required", "wrong_choices", "required_message",
          "constraint_message", "_instances", "clear", "ctx", "position", "current", "today",
          "sort", "choice_errors", "isascii"}
_NODES = (ast.Module, ast.FunctionDef, ast.arguments, ast.arg, ast.Assign, ast.AugAssign,
          ast.If, ast.For, ast.Return, ast.Continue, ast.Pass, ast.Expr, ast.Delete,
          ast.Name, ast.Load, ast.Store, ast.Del, ast.Constant, ast.Attribute, ast.Call,
          ast.keyword, ast.Subscript, ast.Tuple, ast.List, ast.ListComp, ast.DictComp,
          ast.comprehension, ast.Compare, ast.BoolOp, ast.UnaryOp, ast.BinOp, ast.IfExp,
          ast.NamedExpr, ast.Dict, ast.And, ast.Or, ast.Not, ast.USub, ast.Add, ast.Sub,
          ast.Mult, ast.Is, ast.IsNot, ast.In, ast.NotIn, ast.Eq, ast.NotEq, ast.Lt, ast.LtE,
          ast.Gt, ast.GtE, ast.Slice)


def check_source(source: str) -> None:
    """Raise AssertionError if the source has anything but the engine's own shapes."""
    for node in ast.walk(ast.parse(source)):
        assert isinstance(node, _NODES), ast.dump(node)[:200]
        if isinstance(node, ast.Name):
            assert node.id in _FIXED_NAMES or _GENERATED.match(node.id), node.id
        elif isinstance(node, ast.Attribute):
            assert node.attr in _ATTRS, node.attr
        elif isinstance(node, ast.FunctionDef):
            assert _GENERATED.match(node.name), node.name
        elif isinstance(node, ast.Constant):
            assert type(node.value) in (str, int, bool, type(None)), repr(node.value)


def _sources(form: Form) -> list[str]:
    return [_Run(form, "en", dt.date(2025, 6, 1), want).program["source"]
            for want in (False, True)]


def test_generated_source_holds_form_text_only_as_literals(
        fixture_forms: dict[str, Form]) -> None:
    for form in [*fixture_forms.values(), CHAIN]:
        for source in _sources(form):
            check_source(source)
    chain = "\n".join(_sources(CHAIN))
    assert "os.system" in chain  # present, but only inside string literals:
    for node in ast.walk(ast.parse(chain)):
        if isinstance(node, ast.Name | ast.Attribute):
            assert "system" not in ast.unparse(node)


def test_the_source_check_catches_spliced_text() -> None:
    check_source("def run_all(run, top):\n    r = top.get('x')\n")
    for bad in ("def run_all(run, top):\n    import os\n",
                "def run_all(run, top):\n    r = os.system('x')\n",
                "def run_all(run, top):\n    r = top.__class__\n",
                "def run_all(run, top):\n    r = (lambda: 1)()\n",
                "def evil(run):\n    pass\n"):
        with pytest.raises(AssertionError):
            check_source(bad)


def test_a_plan_makes_each_variant_once() -> None:
    form = load_form_file(builtin_forms_dir() / "hrd_intake.json")
    a = _Run(form, "en", None, False).program
    assert _Run(form, "en", None, False).program is a
    assert _Run(form, "en", None, True).program is not a
    assert _plan_for(form).program is not None
    # A twin form object compiles its (identical) source once: the code is shared.
    twin = Form.from_json(form.canonical_json())
    b = _Run(twin, "en", None, False).program
    assert b["source"] == a["source"] and b["run_all"].__code__ is a["run_all"].__code__
    assert b["run_all"] is not a["run_all"]  # its own namespace: its own plan's closures
    assert engine.validate_record(twin, {}, partial=True) == \
        engine.validate_record(form, {}, partial=True)


def _nest(template: str, inner: str, n: int) -> str:
    for _ in range(n):
        inner = template.format(inner)
    return inner


@pytest.mark.parametrize("depth", [20, 55])
def test_deep_expressions_compile_and_agree(depth: int) -> None:
    """Expressions nested near the parser's limit (64) still become valid Python (deep
    parts stay closures) and answer as before."""
    shapes = [(_nest("not({})", "${a} = 'x'", depth), _nest("({} + 1)", "${b}", depth)),
              (_nest("if({}, ${{a}} = 'x', ${{b}} > 2)", "${b} > 1", depth),
               _nest("concat({}, ${{a}})", "${a}", depth)),
              (_nest("(${{a}} = 'x' and {})", "${b} > 1", depth),
               _nest("if(${{b}} > 1, {}, 0)", "${b}", depth))]
    for rel, calc in shapes:
        form = Form.from_dict({
            "id": "deep", "version": "1", "title": {"en": "D"}, "default_language": "en",
            "languages": [{"code": "en", "name": "English", "direction": "ltr"}],
            "choice_lists": {},
            "fields": [{"name": "a", "type": "text"}, {"name": "b", "type": "integer"},
                       {"name": "c", "type": "text", "relevant": rel, "constraint": rel},
                       {"name": "d", "type": "calculate", "calculation": calc}]})
        for values in ({"a": "x", "b": 3, "c": "y"}, {"a": "z", "b": 1, "c": "y"}, {}):
            same_as_before(form, values, "en", dt.date(2025, 1, 1))
        for source in _sources(form):
            check_source(source)
