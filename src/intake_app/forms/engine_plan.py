"""The per-form plan of the record engine, built once per form and cached.

Per field: the value coercer, the converter expressions see, and every expression
compiled with ``compile_fast``. Part of :mod:`intake_app.forms.engine`.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Final

from intake_app.forms.expr import (
    BinOp,
    Call,
    Compiled,
    Env,
    Expression,
    Neg,
    Node,
    Ref,
    Value,
    compile_fast,
    parse_date_text,
    to_bool,
    uses_current,
)
from intake_app.forms.model import FieldInfo, Form, FormField, pulldata_tables
from intake_app.forms.values import Coercer, make_coercer

_Instance = tuple[dict[str, Any], dict[str, dict[str, Any]], str, int, dict[str, bool]]
# (container, repeat rows in scope by repeat name, path prefix, 1-based row position,
#  relevance of the fields of this container by name)

# What ingest does with a field's value.
_VALUE: Final = 0  # coerce it
_REPEAT: Final = 1  # a list of rows
_NO_VALUE: Final = 2  # group / note: must be empty
_CALCULATE: Final = 3  # ignored, always recomputed

# ---------------------------------------------------------------- per-form plan


class _FastEnv(Env):
    """One mutable environment per run; compiled references read ``top``/``ctx``."""

    __slots__ = ("ctx", "top")
    top: dict[str, Any]
    ctx: dict[str, dict[str, Any]]


_Pred = Callable[[Env], bool]


class _ValueExpr:
    """An expression compiled for one field (calculation, repeat_count).

    ``current``: whether it reads ``.``, so ``Env.current`` must be set first.
    """

    __slots__ = ("current", "fn")

    def __init__(self, fn: Compiled, current: bool) -> None:
        self.fn = fn
        self.current = current


class _BoolExpr:
    """A condition compiled for one field (relevant, constraint, required, choice
    filter); ``fn`` returns exactly ``to_bool`` of the expression's value."""

    __slots__ = ("current", "fn")

    def __init__(self, fn: _Pred, current: bool) -> None:
        self.fn = fn
        self.current = current


class _FieldPlan:
    """Everything a run needs about one field, worked out once per form."""

    __slots__ = (
        "calculation",
        "choice_dups",
        "choice_filter",
        "choice_rows",
        "choices",
        "coerce",
        "constraint",
        "conv",
        "default",
        "field",
        "has_default",
        "info",
        "is_select",
        "kind",
        "name",
        "once",
        "parent_group",
        "relevant",
        "repeat_count",
        "repeats",
        "required",
        "required_expr",
        "scope",
    )

    def __init__(self, info: FieldInfo, parent_group: str | None, coerce: Coercer | None,
                 conv: Callable[[Any], Value]) -> None:
        f = info.field
        self.info = info
        self.field = f
        self.name = f.name
        self.repeats = info.repeats
        self.scope = info.repeats[-1] if info.repeats else None
        self.parent_group = parent_group
        if f.type == "repeat":
            self.kind = _REPEAT
        elif not f.has_value:
            self.kind = _NO_VALUE
        elif f.type == "calculate":
            self.kind = _CALCULATE
        else:
            self.kind = _VALUE
        self.coerce = coerce
        self.conv = conv
        self.has_default = f.default is not None
        self.default: Any = None
        self.required = f.required is True
        self.is_select = f.type in ("select_one", "select_multiple", "rank")
        self.choices: frozenset[str] = frozenset()
        self.choice_rows: dict[str, dict[str, str]] = {}
        # Names that appear more than once (under different filters): every row of each.
        self.choice_dups: dict[str, list[dict[str, str]]] = {}
        # calculation = once(...): like ODK, a value the record already has is kept.
        self.once = bool(info.calculation is not None and isinstance(info.calculation.ast, Call)
                         and info.calculation.ast.name == "once")
        self.relevant: _BoolExpr | None = None
        self.calculation: _ValueExpr | None = None
        self.constraint: _BoolExpr | None = None
        self.required_expr: _BoolExpr | None = None
        self.choice_filter: _BoolExpr | None = None
        self.repeat_count: _ValueExpr | None = None


class _Plan:
    """A form prepared for fast evaluation (see the module docstring)."""

    __slots__ = ("check_order", "defaults", "eval_order", "eval_steps", "fields", "out_names",
                 "out_repeats", "program", "pulldata")

    def __init__(self) -> None:
        self.fields: dict[str, _FieldPlan] = {}
        self.eval_order: tuple[_FieldPlan, ...] = ()
        # eval_order unpacked: (name, parent group, relevant fn, relevant reads ".",
        # calculation, repeats, plan)
        self.eval_steps: tuple[tuple[str, str | None, _Pred | None, bool, _ValueExpr | None,
                                     tuple[str, ...], _FieldPlan], ...] = ()
        self.check_order: tuple[_FieldPlan, ...] = ()
        self.defaults: dict[str | None, tuple[_FieldPlan, ...]] = {}
        self.out_names: dict[str | None, tuple[str, ...]] = {}
        self.out_repeats: dict[str | None, tuple[str, ...]] = {}
        # pulldata() lookups: (table, key column) -> key value -> first matching row.
        self.pulldata: dict[tuple[str, str], dict[str, dict[str, str]]] = {}
        # The generated per-record functions (engine_gen.Program), made on first use.
        self.program: Any = None


_PLANS: dict[int, tuple[weakref.ref[Form], _Plan]] = {}
_PLANS_LOCK = threading.Lock()


def _plan_for(form: Form) -> _Plan:
    hit = _PLANS.get(id(form))
    if hit is not None and hit[0]() is form:
        return hit[1]
    plan = _build_plan(form)
    key = id(form)

    def forget(ref: weakref.ref[Form]) -> None:
        with _PLANS_LOCK:
            cur = _PLANS.get(key)
            if cur is not None and cur[0] is ref:
                del _PLANS[key]

    with _PLANS_LOCK:
        _PLANS[key] = (weakref.ref(form, forget), plan)
    return plan


_parse_date_cached = lru_cache(maxsize=4096)(parse_date_text)


def _make_conv(f: FormField) -> Callable[[Any], Value]:
    """``lambda v: _xpath_value(f, v)`` with short paths for the usual value types."""
    if f.type == "date" or f.value_type == "date":

        def date_conv(v: Any) -> Value:
            if v is None:
                return ""
            if type(v) is str:
                d = _parse_date_cached(v)
                return d if d is not None else v
            return _xpath_value(f, v)

        return date_conv

    def conv(v: Any) -> Value:
        if v is None:
            return ""
        t = type(v)
        if t is str or t is bool or t is float:
            return v  # type: ignore[no-any-return]
        if t is int:
            return float(v)
        if t is list:
            try:
                return " ".join(v)  # the same as str() of each item for str items
            except TypeError:
                pass
        return _xpath_value(f, v)

    return conv


_ALL_ROWS = "\x00"  # marks a reference meaning every row (indexed-repeat's first argument)


def _whole_repeat_refs(node: Node) -> Node:
    """``indexed-repeat(${v}, ${r}, i)`` picks row i of every row's ``v``, also from inside
    the repeat (ODK evaluates the first argument as an absolute path)."""
    if isinstance(node, Call):
        args = tuple(_whole_repeat_refs(a) for a in node.args)
        if node.name == "indexed-repeat" and args and isinstance(args[0], Ref):
            args = (Ref(_ALL_ROWS + args[0].name), *args[1:])
        return Call(node.name, args) if args != node.args else node
    if isinstance(node, BinOp):
        left, right = _whole_repeat_refs(node.left), _whole_repeat_refs(node.right)
        return node if (left is node.left and right is node.right) else BinOp(node.op, left,
                                                                              right)
    if isinstance(node, Neg):
        inner = _whole_repeat_refs(node.operand)
        return node if inner is node.operand else Neg(inner)
    return node


def _ref_compiler(plan: _Plan, scope: tuple[str, ...]) -> Callable[[str], Compiled]:
    """References as seen from a field inside the repeats ``scope`` (``ctx`` keys)."""
    in_scope = set(scope)

    def ref(name: str) -> Compiled:
        if name.startswith(_ALL_ROWS):
            return _ref_compiler(plan, ())(name[len(_ALL_ROWS):])
        target = plan.fields[name]
        conv = target.conv
        reps = target.repeats
        k = 0
        while k < len(reps) and reps[k] in in_scope:
            k += 1
        rest = reps[k:]
        if any(r in in_scope for r in rest):  # pragma: no cover - repeats nest
            return lambda env: _resolve_generic(plan, env, name)
        base = reps[k - 1] if k else None
        is_repeat = target.kind == _REPEAT
        if not rest:
            if base is None:
                if is_repeat:
                    return lambda env: ["" for _ in (env.top.get(name) or [])]  # type: ignore[attr-defined]
                return _top_ref(name, conv, target.field)
            if is_repeat:
                return lambda env: ["" for _ in (env.ctx[base].get(name) or [])]  # type: ignore[attr-defined]
            return lambda env: conv(env.ctx[base].get(name))  # type: ignore[attr-defined]

        def multi(env: Env) -> Value:
            containers: list[dict[str, Any]] = [env.ctx[base] if base is not None  # type: ignore[attr-defined]
                                                else env.top]  # type: ignore[attr-defined]
            for rep in rest:
                containers = [r for c in containers for r in (c.get(rep) or [])]
            if is_repeat:
                return ["" for c in containers for _ in (c.get(name) or [])]
            return [conv(c.get(name)) for c in containers]

        return multi

    return ref


def _top_ref(name: str, conv: Callable[[Any], Value], f: FormField) -> Compiled:
    """``${name}`` for a top-level field: ``conv(top.get(name))`` with ``conv``'s
    usual cases inlined (this is the most common node of all)."""
    if f.type == "date" or f.value_type == "date":

        def date_ref(env: Env) -> Value:
            v = env.top.get(name)  # type: ignore[attr-defined]
            if type(v) is str:
                d = _parse_date_cached(v)
                return d if d is not None else v
            return conv(v)

        return date_ref

    def top_ref(env: Env) -> Value:
        v = env.top.get(name)  # type: ignore[attr-defined]
        t = type(v)
        if t is str or t is bool or t is float:
            return v  # type: ignore[no-any-return]
        return conv(v)

    return top_ref


def _closed_resolve(name: str) -> Value:  # pragma: no cover - only after a run ended
    raise RuntimeError("evaluation run is closed")


def _containers(target: _FieldPlan, top: dict[str, Any],
                ctx: dict[str, dict[str, Any]]) -> tuple[list[dict[str, Any]], bool]:
    """The rows that hold ``target``'s answer, given the repeat rows in scope (``ctx``);
    True when a repeat of it is not in scope, so that the answer is a node-set."""
    containers: list[dict[str, Any]] = [top]
    multi = False
    for rep in target.repeats:
        row = ctx.get(rep)
        if row is not None:
            containers = [row]
        else:
            multi = True
            containers = [r for c in containers for r in (c.get(rep) or [])]
    return containers, multi


def _resolve_generic(plan: _Plan, env: Env, name: str) -> Value:
    """The plain reference lookup over ``env.ctx`` (any set of repeats in scope)."""
    target = plan.fields[name]
    containers, multi = _containers(target, env.top, env.ctx)  # type: ignore[attr-defined]
    if target.kind == _REPEAT:
        return ["" for c in containers for _ in (c.get(name) or [])]
    if multi:
        return [target.conv(c.get(name)) for c in containers]
    return target.conv(containers[0].get(name))


def _build_plan(form: Form) -> _Plan:
    index = form.index
    plan = _Plan()
    for table, rows in pulldata_tables(form).items():
        for key in (rows[0] if rows else {}):
            lookup: dict[str, dict[str, str]] = {}
            for row in rows:
                lookup.setdefault(str(row.get(key, "")).strip(), row)
            plan.pulldata[(table, key)] = lookup
    for info in index.order:
        f = info.field
        parent_group = None
        if info.parent is not None and index.fields[info.parent].field.type != "repeat":
            parent_group = info.parent
        coerce = make_coercer(f, form) if f.has_value else None
        p = _FieldPlan(info, parent_group, coerce, _make_conv(f))
        if f.default is not None and coerce is not None:
            _, p.default = coerce(f.default, "en")
        if p.is_select:
            choices = form.choice_lists.get(f.choices or "", [])
            p.choices = frozenset(c.name for c in choices)
            p.choice_rows = {c.name: {**c.filters, "name": c.name} for c in choices}
            if len(p.choice_rows) != len(choices):
                for c in choices:
                    p.choice_dups.setdefault(c.name, []).append({**c.filters, "name": c.name})
                p.choice_dups = {k: v for k, v in p.choice_dups.items() if len(v) > 1}
        plan.fields[f.name] = p

    refs_by_scope: dict[tuple[str, ...], Callable[[str], Compiled]] = {}

    def compiled(e: Expression, scope: tuple[str, ...]) -> tuple[Compiled, bool, bool]:
        ref = refs_by_scope.get(scope)
        if ref is None:
            ref = refs_by_scope[scope] = _ref_compiler(plan, scope)
        fn, is_bool = compile_fast(_whole_repeat_refs(e.ast), ref)
        return fn, is_bool, uses_current(e.ast)

    def pred(e: Expression | None, scope: tuple[str, ...]) -> _BoolExpr | None:
        if e is None:
            return None
        fn, is_bool, current = compiled(e, scope)
        if is_bool:
            return _BoolExpr(fn, current)  # type: ignore[arg-type]
        return _BoolExpr(lambda env: to_bool(fn(env)), current)

    def value(e: Expression | None, scope: tuple[str, ...]) -> _ValueExpr | None:
        if e is None:
            return None
        fn, _, current = compiled(e, scope)
        return _ValueExpr(fn, current)

    for p in plan.fields.values():
        info = p.info
        p.relevant = pred(info.relevant, p.repeats)
        p.calculation = value(info.calculation, p.repeats)
        p.constraint = pred(info.constraint, p.repeats)
        p.required_expr = pred(info.required, p.repeats)
        p.choice_filter = pred(info.choice_filter, p.repeats)
        p.repeat_count = value(info.repeat_count, p.repeats)

    plan.eval_order = tuple(plan.fields[info.field.name] for info in index.eval_order)
    plan.eval_steps = tuple(
        (p.name, p.parent_group, p.relevant.fn if p.relevant else None,
         bool(p.relevant and p.relevant.current), p.calculation, p.repeats, p)
        for p in plan.eval_order)
    # A field that is not a select and has no constraint and no required rule can
    # never fail a check: leave it out.
    plan.check_order = tuple(
        p for p in plan.fields.values()
        if p.kind == _REPEAT or (p.field.has_value and (
            p.is_select or p.constraint is not None or p.required
            or p.required_expr is not None)))
    scopes: list[str | None] = [None, *(p.name for p in plan.fields.values()
                                        if p.kind == _REPEAT)]
    for scope in scopes:
        in_scope = [p for p in plan.fields.values() if p.scope == scope]
        plan.defaults[scope] = tuple(p for p in in_scope if p.has_default)
        plan.out_names[scope] = tuple(p.name for p in in_scope)
        plan.out_repeats[scope] = tuple(p.name for p in in_scope if p.kind == _REPEAT)
    return plan




def _xpath_value(f: FormField, value: Any) -> Value:
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if f.type == "date" or f.value_type == "date":
        d = parse_date_text(str(value))
        return d if d is not None else str(value)
    return str(value)


