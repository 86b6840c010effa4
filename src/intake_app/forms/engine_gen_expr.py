"""Expressions as Python source for the generated per-form code (:mod:`engine_gen`).

Each node becomes the Python expression that computes exactly what the closure
``compile_fast`` makes for it computes, short paths included (this module mirrors
``expr_compile._fast_*`` node by node). A node without a source form here (or too
deep for Python's parser) is the ``compile_fast`` closure itself, called as
``K7(env)``. References are read straight from the record's containers when the
field sits at the top or in the row being evaluated.

Safety, as in ``engine_gen``: text from the form (string literals, formats, field
names) enters only as ``str.__repr__``; numbers, compiled patterns and closures by
generated identifier; operators only from the fixed tables below.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from functools import lru_cache
from typing import Any, Final, Protocol

from intake_app.forms.engine_plan import (
    _ALL_ROWS,
    _REPEAT,
    _parse_date_cached,
    _Plan,
    _ref_compiler,
)
from intake_app.forms.expr import (
    BinOp,
    Call,
    Current,
    Neg,
    Node,
    Num,
    Parent,
    Ref,
    Str,
    compile_fast,
)
from intake_app.forms.expr_compile import _apply, _format_date_cached, _selected2
from intake_app.forms.expr_functions import FUNCTIONS, _regex
from intake_app.forms.expr_values import Value, _arith, _cmp, _eq, to_bool, to_num, to_str

_num_text = lru_cache(maxsize=4096)(to_num)


def _num(v: Value) -> float:
    """``to_num``, with the numbers of short texts remembered (the same dates and
    numbers come back record after record; a text's number never changes)."""
    if type(v) is float:
        return v
    if type(v) is str and len(v) <= 32:
        return _num_text(v)
    return to_num(v)


def _first_item(v: Value) -> Value:
    return (v[0] if v else "") if isinstance(v, list) else v


def as_integer(v: Value) -> int | None:
    """``engine_run._from_xpath`` for an integer calculation."""
    x = _num(_first_item(v))
    if math.isnan(x) or math.isinf(x):
        return None
    return int(x) if x == int(x) else math.floor(x + 0.5)


def as_decimal(v: Value) -> float | None:
    """``engine_run._from_xpath`` for a decimal calculation."""
    x = _num(_first_item(v))
    return None if math.isnan(x) or math.isinf(x) else x


def as_boolean(v: Value) -> bool:
    """``engine_run._from_xpath`` for a boolean calculation."""
    return to_bool(_first_item(v))


# Names the generated expressions use (added to the program's namespace).
RUNTIME: Final[dict[str, Any]] = {
    "to_bool": to_bool, "to_num": to_num, "to_str": to_str, "_eq": _eq, "_cmp": _cmp,
    "_arith": _arith, "_apply": _apply, "_selected2": _selected2, "date": dt.date,
    "float": float, "_fdc": _format_date_cached, "_pdc": _parse_date_cached, "_num": _num,
    "as_integer": as_integer, "as_decimal": as_decimal, "as_boolean": as_boolean,
}
_ORDER: Final = {"<": "<", "<=": "<=", ">": ">", ">=": ">="}
_MAX_NEST: Final = 24  # deeper subtrees stay closures (Python's parser nests ~200 levels)


class _Names(Protocol):
    cache: dict[str, str]
    sel_cache: dict[str, str]

    def k(self, obj: object) -> str: ...

    def temp(self) -> str: ...


def lit(text: str) -> str:
    """The only way a form's text enters generated source: a string literal."""
    return str.__repr__(text)


class ExprSource:
    """Source for the expressions of the fields of one repeat scope (``()``: the top)."""

    def __init__(self, names: _Names, plan: _Plan, scope: tuple[str, ...]) -> None:
        self.names = names
        self.plan = plan
        self.scope = scope
        self.refc = _ref_compiler(plan, scope)

    def closure(self, node: Node) -> tuple[str, bool]:
        fn, is_bool = compile_fast(node, self.refc)
        return f"{self.names.k(fn)}(env)", is_bool

    def as_bool(self, node: Node) -> str:
        src, is_bool = self.source(node)
        return src if is_bool else f"to_bool({src})"

    def source(self, node: Node, depth: int = 0) -> tuple[str, bool]:
        """(Python expression, whether it is always a bool)."""
        if depth > _MAX_NEST:
            return self.closure(node)
        d = depth + 1
        k = self.names.k
        if isinstance(node, Num):
            return k(node.value), False
        if isinstance(node, Str):
            return lit(node.value), False
        if isinstance(node, Ref):
            return self.ref(node)
        if isinstance(node, Current):
            return "env.current", False
        if isinstance(node, Parent):
            return "''", False
        if isinstance(node, Neg):
            inner, _ = self.source(node.operand, d)
            return f"(-to_num({inner}))", False
        if isinstance(node, BinOp):
            return self.binop(node, d)
        if isinstance(node, Call):
            return self.call(node, d)
        return self.closure(node)  # Name (a choice-filter column)

    def ref(self, node: Ref) -> tuple[str, bool]:
        name = node.name
        target = None if name.startswith(_ALL_ROWS) else self.plan.fields.get(name)
        if target is None or target.kind == _REPEAT:
            return self.closure(node)
        t = self.names.temp()
        n = lit(name)
        conv = self.names.k(target.conv)
        if not target.repeats and name in self.names.cache:  # converted once already
            return self.names.cache[name], False
        if not target.repeats:  # as engine_plan._top_ref
            f = target.field
            if f.type == "date" or f.value_type == "date":
                d = self.names.temp()
                return (f"((({d} if ({d} := _pdc({t})) is not None else {t}) "
                        f"if type({t} := top.get({n})) is str else {conv}({t})))"), False
            return (f"({t} if (type({t} := top.get({n})) is str or type({t}) is bool "
                    f"or type({t}) is float) else {conv}({t}))"), False
        if self.scope and target.repeats == self.scope:  # a field of the same row
            return f"{conv}(container.get({n}))", False
        return self.closure(node)

    def binop(self, node: BinOp, d: int) -> tuple[str, bool]:
        op = node.op
        left, lb = self.source(node.left, d)
        right, rb = self.source(node.right, d)
        if op in ("or", "and"):
            lt = left if lb else f"to_bool({left})"
            rt = right if rb else f"to_bool({right})"
            return f"({lt} {'or' if op == 'or' else 'and'} {rt})", True
        if op in ("=", "!="):
            eq = self.eq(node, left, right)
            return (eq if op == "=" else f"(not {eq})"), True
        if op in _ORDER:
            a, b = self.names.temp(), self.names.temp()
            o = _ORDER[op]
            return (f"(({a} {o} {b}) if (type({a} := {left}) is type({b} := {right})"
                    f" and (type({a}) is float or type({a}) is date)) "
                    f"else (_num({a}) {o} _num({b})) if not (isinstance({a}, list) or "
                    f"isinstance({b}, list)) else _cmp({lit(op)}, {a}, {b}))"), True
        if op in ("+", "-", "*"):  # float +, -, * never raise: _arith is to_num op to_num
            return f"(_num({left}) {op} _num({right}))", False
        return f"_arith({lit(op)}, {left}, {right})", False

    def eq(self, node: BinOp, left: str, right: str) -> str:
        """As ``expr_compile._fast_eq``."""
        r = node.right
        if isinstance(r, Call) and not r.args and r.name in ("true", "false"):
            rc = "True" if r.name == "true" else "False"
            a = self.names.temp()
            return (f"(({a} is {rc}) if (({a} := {left}) is True or {a} is False) "
                    f"else _eq({a}, {rc}))")
        if isinstance(r, Str):
            return self.eq_text(left, r.value, text_first=False)
        if isinstance(node.left, Str):
            return self.eq_text(right, node.left.value, text_first=True)
        return f"_eq({left}, {right})"

    def eq_text(self, side: str, s: str, *, text_first: bool) -> str:
        a = self.names.temp()
        ns = self.names.k(to_num(s))
        sl = lit(s)
        other = f"_eq({sl}, {a})" if text_first else f"_eq({a}, {sl})"
        return (f"(({a} == {sl}) if type({a} := {side}) is str else ((to_num({a}) == {ns}) "
                f"if (type({a}) is float or type({a}) is date) else {other}))")

    def call(self, node: Call, d: int) -> tuple[str, bool]:
        """As ``expr_compile._fast_call``."""
        name = node.name
        if not node.args and name in ("true", "false"):
            return ("True" if name == "true" else "False"), True
        if name == "today" and not node.args:
            return "env.today", False
        args = [self.source(a, d) for a in node.args]
        srcs = [s for s, _ in args]

        def b(i: int) -> str:
            return srcs[i] if args[i][1] else f"to_bool({srcs[i]})"

        if name == "if" and len(args) == 3:
            return f"({srcs[1]} if {b(0)} else {srcs[2]})", args[1][1] and args[2][1]
        if name == "not" and len(args) == 1:
            return f"(not {b(0)})", True
        a1 = node.args[1] if len(node.args) > 1 else None
        if name == "selected" and len(args) == 2:
            a0 = node.args[0]
            if isinstance(a1, Str) and isinstance(a0, Ref) and a0.name in self.names.sel_cache:
                # the same as ``in`` the list of words of the converted value
                return f"({lit(a1.value.strip())} in {self.names.sel_cache[a0.name]})", True
            if isinstance(a1, Str):
                t = self.names.temp()
                want = lit(a1.value.strip())
                return (f"({want} in ({t} if type({t} := {srcs[0]}) is str "
                        f"else to_str({t})).split())"), True
            return f"_selected2({srcs[0]}, {srcs[1]})", True
        if name == "count-selected" and len(args) == 1:
            return f"float(len(to_str({srcs[0]}).split()))", False
        if name == "regex" and isinstance(a1, Str):
            pat = _regex(a1.value)
            if pat is None:
                return self.closure(node)
            return f"({self.names.k(pat.search)}(to_str({srcs[0]})) is not None)", True
        spec = FUNCTIONS.get(name)
        if spec is None:
            return self.closure(node)
        impl = self.names.k(spec[2])
        if (name in ("format-date", "format-date-time") and isinstance(a1, Str)
                and "%a" not in a1.value and "%b" not in a1.value):
            t = self.names.temp()
            fmt = lit(a1.value)
            return (f"(_fdc({t}, {fmt}) if type({t} := {srcs[0]}) is date "
                    f"else _apply({impl}, env, [{t}, {fmt}]))"), False
        return f"_apply({impl}, env, [{', '.join(srcs)}])", False


def count_refs(node: Node, refs: Counter[str], selected: Counter[str]) -> None:
    if isinstance(node, Ref):
        refs[node.name] += 1
    elif isinstance(node, BinOp):
        count_refs(node.left, refs, selected)
        count_refs(node.right, refs, selected)
    elif isinstance(node, Neg):
        count_refs(node.operand, refs, selected)
    elif isinstance(node, Call):
        if (node.name == "selected" and len(node.args) == 2 and isinstance(node.args[0], Ref)
                and isinstance(node.args[1], Str)):
            selected[node.args[0].name] += 1
        for a in node.args:
            count_refs(a, refs, selected)


def pure_test(test: str) -> bool:
    """Whether a generated test reads only locals that no longer change (converted
    values, relevance) and literals: no record read (``top``/``container``), no
    ``env`` (position, current, closures), no function of the library (``_apply``:
    uuid(), now() ...)."""
    outside = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", test)
    return not any(word in outside for word in ("top", "container", "env", "_apply", "(env)"))
