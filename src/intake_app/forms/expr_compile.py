"""Expressions compiled into closures: the plain compiler and the fast one.

:func:`compile_expression` checks and compiles for general use; :func:`compile_fast`
is what the record engine uses. Part of :mod:`intake_app.forms.expr` (import from there).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final, TypeAlias

from intake_app.errors import ExprError
from intake_app.forms.expr_functions import (
    FUNCTIONS,
    UNSUPPORTED_FUNCTIONS,
    _format_date_text,
    _regex,
)
from intake_app.forms.expr_syntax import (
    BinOp,
    Call,
    Current,
    Name,
    Neg,
    Node,
    Num,
    Parent,
    Ref,
    Str,
    parse,
    walk,
)
from intake_app.forms.expr_values import (
    NAN,
    Compiled,
    Env,
    Value,
    _arith,
    _cmp,
    _eq,
    to_bool,
    to_num,
    to_str,
)


@dataclass(frozen=True, slots=True)
class Expression:
    """A parsed expression with what it uses; ``evaluate`` runs the compiled form."""

    source: str
    ast: Node
    refs: frozenset[str]
    functions: frozenset[str]
    uses_names: frozenset[str]
    evaluate: Compiled = field(compare=False, repr=False)


def compile_expression(text: str, *, allow_names: bool = False) -> Expression:
    """Parse, check functions/arity and compile ``text``; raise ExprError otherwise."""
    ast = parse(text)
    refs: set[str] = set()
    funcs: set[str] = set()
    names: set[str] = set()
    for n in walk(ast):
        if isinstance(n, Ref):
            refs.add(n.name)
        elif isinstance(n, Name):
            names.add(n.name)
        elif isinstance(n, Call):
            funcs.add(n.name)
            _check_call(n)
    if names and not allow_names:
        bad = sorted(names)[0]
        raise ExprError(
            f"bare name {bad!r} is not supported here; refer to fields as ${{{bad}}}"
        )
    if any(isinstance(n, Parent) for n in walk(ast)):
        for n in walk(ast):
            if isinstance(n, Call) and n.name == "position":
                continue
            if any(isinstance(a, Parent) for a in _children(n)):
                raise ExprError("'..' is only supported as position(..); use ${name}")
        if isinstance(ast, Parent):
            raise ExprError("'..' is only supported as position(..); use ${name}")
    return Expression(text, ast, frozenset(refs), frozenset(funcs), frozenset(names),
                      _compile(ast))


def _children(n: Node) -> tuple[Node, ...]:
    if isinstance(n, Neg):
        return (n.operand,)
    if isinstance(n, BinOp):
        return (n.left, n.right)
    if isinstance(n, Call):
        return n.args
    return ()


def _check_call(n: Call) -> None:
    if n.name in UNSUPPORTED_FUNCTIONS:
        raise ExprError(UNSUPPORTED_FUNCTIONS[n.name])
    spec = FUNCTIONS.get(n.name)
    if spec is None:
        raise ExprError(f"unknown function {n.name}()")
    lo, hi, _ = spec
    k = len(n.args)
    if k < lo or (hi is not None and k > hi):
        want = str(lo) if hi == lo else (f"{lo} or more" if hi is None else f"{lo} to {hi}")
        raise ExprError(f"{n.name}() takes {want} argument(s), got {k}")
    if n.name == "pulldata" and not all(isinstance(x, Str) for x in n.args[:3]):
        raise ExprError("pulldata() needs the table, column and key column as quoted text, "
                        "e.g. pulldata('people', 'name', 'id', ${pid})")
    if n.name == "regex" and isinstance(n.args[1], Str) and _regex(n.args[1].value) is None:
        raise ExprError(f"regex(): invalid regular expression {n.args[1].value!r}")


def _compile(node: Node) -> Compiled:
    if isinstance(node, Num):
        num = node.value
        return lambda env: num
    if isinstance(node, Str):
        s = node.value
        return lambda env: s
    if isinstance(node, Ref):
        name = node.name
        return lambda env: env.resolve(name)
    if isinstance(node, Current):
        return lambda env: env.current
    if isinstance(node, Parent):
        return lambda env: ""
    if isinstance(node, Name):
        col = node.name

        def name_value(env: Env) -> Value:
            row = env.choice_row
            return row.get(col, "") if row is not None else ""

        return name_value
    if isinstance(node, Neg):
        inner = _compile(node.operand)
        return lambda env: -to_num(inner(env))
    if isinstance(node, BinOp):
        return _compile_binop(node)
    name = node.name
    _, _, impl = FUNCTIONS[name]
    args = [_compile(a) for a in node.args]
    if name == "if":
        cond, yes, no = args
        return lambda env: yes(env) if to_bool(cond(env)) else no(env)

    return lambda env: _apply(impl, env, [a(env) for a in args])


def _apply(impl: Callable[[Env, list[Value]], Value], env: Env, values: list[Value]) -> Value:
    """A function's value; NaN where its implementation fails on these values (an
    expression has no run-time errors, as in XPath)."""
    try:
        return impl(env, values)
    except (ArithmeticError, ValueError, IndexError):
        return NAN


def _compile_binop(node: BinOp) -> Compiled:
    left = _compile(node.left)
    right = _compile(node.right)
    op = node.op
    if op == "or":
        return lambda env: to_bool(left(env)) or to_bool(right(env))
    if op == "and":
        return lambda env: to_bool(left(env)) and to_bool(right(env))
    if op == "=":
        return lambda env: _eq(left(env), right(env))
    if op == "!=":
        return lambda env: not _eq(left(env), right(env))
    if op in ("<", "<=", ">", ">="):
        return lambda env: _cmp(op, left(env), right(env))
    return lambda env: _arith(op, left(env), right(env))


# ------------------------------------------------------------------ fast compiler
#
# The record engine compiles every expression of a form a second time, once per
# form, with references resolved by the engine (it knows where each field sits)
# instead of through ``Env.resolve``, and with short paths for the shapes forms
# use most (``${x} = 'a'``, ``${flag} = true()``, ``selected(${x}, 'a')``,
# ``. <= today()``). Every short path returns exactly what ``_compile`` would.

RefCompiler: TypeAlias = Callable[[str], Compiled]
"""Given a field name, the compiled reference ``${name}``."""

_CURRENT_FUNCS: Final = frozenset({"string-length", "normalize-space", "string", "number"})
_ORDER_OPS: Final[dict[str, Callable[[Any, Any], bool]]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}


def uses_current(node: Node) -> bool:
    """Whether evaluating ``node`` can read ``Env.current`` (``.`` or e.g. ``string()``)."""
    for n in walk(node):
        if isinstance(n, Current):
            return True
        if isinstance(n, Call) and not n.args and n.name in _CURRENT_FUNCS:
            return True
    return False


def _bool_const(node: Node) -> bool | None:
    if isinstance(node, Call) and not node.args and node.name in ("true", "false"):
        return node.name == "true"
    return None


def compile_fast(node: Node, ref: RefCompiler) -> tuple[Compiled, bool]:
    """Compile ``node`` like ``Expression.evaluate`` does, references via ``ref``.

    Returns the closure and whether it always returns a ``bool`` (so callers
    can skip ``to_bool``).
    """
    if isinstance(node, Num):
        num = node.value
        return (lambda env: num), False
    if isinstance(node, Str):
        s = node.value
        return (lambda env: s), False
    if isinstance(node, Ref):
        return ref(node.name), False
    if isinstance(node, Current):
        return (lambda env: env.current), False
    if isinstance(node, Parent | Name):
        return _compile(node), False
    if isinstance(node, Neg):
        inner, _ = compile_fast(node.operand, ref)
        return (lambda env: -to_num(inner(env))), False
    if isinstance(node, BinOp):
        return _fast_binop(node, ref)
    return _fast_call(node, ref)


def _as_bool(fn: Compiled, is_bool: bool) -> Callable[[Env], bool]:
    if is_bool:
        return fn  # type: ignore[return-value]
    return lambda env: to_bool(fn(env))


def _fast_binop(node: BinOp, ref: RefCompiler) -> tuple[Compiled, bool]:
    op = node.op
    left, lb = compile_fast(node.left, ref)
    right, rb = compile_fast(node.right, ref)
    if op in ("or", "and"):
        lt, rt = _as_bool(left, lb), _as_bool(right, rb)
        if op == "or":
            return (lambda env: lt(env) or rt(env)), True
        return (lambda env: lt(env) and rt(env)), True
    if op in ("=", "!="):
        eq = _fast_eq(node, left, right)
        if op == "=":
            return eq, True
        return (lambda env: not eq(env)), True
    if op in _ORDER_OPS:
        order = _ORDER_OPS[op]

        def compare(env: Env) -> bool:
            a = left(env)
            b = right(env)
            ta = type(a)
            if ta is type(b) and (ta is float or ta is dt.date):
                # to_num is the identity on floats and order-preserving on dates
                return order(a, b)
            return _cmp(op, a, b)

        return compare, True
    return (lambda env: _arith(op, left(env), right(env))), False


def _eq_text(side: Compiled, s: str, *, text_first: bool) -> Callable[[Env], bool]:
    """``side = 'literal'`` (or the other way round: ``_eq`` keeps the operand order)."""
    ns = to_num(s)

    def eq_text(env: Env) -> bool:
        a = side(env)
        ta = type(a)
        if ta is str:
            return a == s
        if ta is float or ta is dt.date:
            return to_num(a) == ns
        return _eq(s, a) if text_first else _eq(a, s)

    return eq_text


def _fast_eq(node: BinOp, left: Compiled, right: Compiled) -> Callable[[Env], bool]:
    rc = _bool_const(node.right)
    if rc is not None:
        def eq_bool(env: Env) -> bool:
            a = left(env)
            if a is True or a is False:
                return a is rc
            return _eq(a, rc)

        return eq_bool
    # Against a string literal: str == str, or (a number or date) compared as numbers
    # with the literal's number worked out once.
    if isinstance(node.right, Str):
        return _eq_text(left, node.right.value, text_first=False)
    if isinstance(node.left, Str):
        return _eq_text(right, node.left.value, text_first=True)
    return lambda env: _eq(left(env), right(env))


def _fast_call(node: Call, ref: RefCompiler) -> tuple[Compiled, bool]:
    name = node.name
    const = _bool_const(node)
    if const is not None:
        return (lambda env: const), True
    compiled = [compile_fast(a, ref) for a in node.args]
    args = [c for c, _ in compiled]
    if name == "if":
        (cond, cb), (yes, yb), (no, nb) = compiled
        test = _as_bool(cond, cb)
        return (lambda env: yes(env) if test(env) else no(env)), yb and nb
    # The short paths below are for functions whose implementation cannot raise,
    # so the generic ``except ... return NAN`` wrapper would never fire.
    if name == "not":
        arg = _as_bool(*compiled[0])
        return (lambda env: not arg(env)), True
    if name == "selected":
        x, y = args
        if isinstance(node.args[1], Str):
            want = node.args[1].value.strip()

            def selected_const(env: Env) -> bool:
                v = x(env)
                return want in (v if type(v) is str else to_str(v)).split()

            return selected_const, True
        return (lambda env: _selected2(x(env), y(env))), True
    if name == "count-selected":
        x = args[0]
        return (lambda env: float(len(to_str(x(env)).split()))), False
    if name == "regex" and isinstance(node.args[1], Str):
        x = args[0]
        pat = _regex(node.args[1].value)
        if pat is None:
            return (lambda env: (x(env), False)[1]), True
        search = pat.search
        return (lambda env: search(to_str(x(env))) is not None), True
    if name == "today":
        return (lambda env: env.today), False
    _, _, impl = FUNCTIONS[name]
    if (name in ("format-date", "format-date-time") and isinstance(node.args[1], Str)
            and "%a" not in node.args[1].value and "%b" not in node.args[1].value):
        # Not locale dependent, so the text for a given date can be remembered.
        fmt = node.args[1].value
        x = args[0]

        def format_date(env: Env) -> Value:
            v = x(env)
            if type(v) is dt.date:
                return _format_date_cached(v, fmt)
            return _apply(impl, env, [v, fmt])

        return format_date, False
    # One and two arguments without the comprehension: most calls, on every keystroke.
    if len(args) == 1:
        a0 = args[0]
        return (lambda env: _apply(impl, env, [a0(env)])), False
    if len(args) == 2:
        a0, a1 = args
        return (lambda env: _apply(impl, env, [a0(env), a1(env)])), False
    return (lambda env: _apply(impl, env, [a(env) for a in args])), False


_format_date_cached = lru_cache(maxsize=1024)(_format_date_text)


def _selected2(a: Value, b: Value) -> bool:
    return to_str(b).strip() in to_str(a).split()
