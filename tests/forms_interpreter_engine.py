"""The record engine as it was at aab5109 (before the generated per-form code):
the per-form plan interpreted by generic loops. ``tests/test_forms_codegen.py``
compares the generated code against it on every form, including the features the
older oracle (``forms_reference_engine.py``) predates (rank, pulldata, geo types).
It shares the value coercion and the expression compiler with the package (left
unchanged by that work; ``test_forms_perf_equivalence`` checks them against the older
oracle). A verbatim copy of engine_plan.py, engine_run.py and engine.py; do not edit.
"""
# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

# ---- engine_plan.py


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
                 "out_repeats", "pulldata")

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



# ---- engine_run.py


import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from intake_app.errors import FieldError
from intake_app.forms.expr import (
    Env,
    Value,
    to_bool,
    to_date,
    to_num,
    to_str,
)
from intake_app.forms.i18n import message, pick
from intake_app.forms.model import Choice, FieldInfo, Form, FormField
from intake_app.forms.values import is_empty

# ---------------------------------------------------------------- one run


class _Run:
    def __init__(self, form: Form, lang: str, today: dt.date | None,
                 want_paths: bool = True, partial: bool = False) -> None:
        self.form = form
        # partial: an interview in progress, where answers may still be missing.
        self.partial = partial
        self.plan = _plan_for(form)
        self.lang = lang
        self.today = today or dt.date.today()
        self.now = (dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC) if today
                    else dt.datetime.now(dt.UTC))
        self.errors: list[FieldError] = []
        self.bad: set[str] = set()
        self.top: dict[str, Any] = {}
        self.want_paths = want_paths
        self.relevant_paths: set[str] = set()
        self._rel: dict[int, dict[str, bool]] = {}
        self._instances: dict[tuple[str, ...], list[_Instance]] = {}
        self._top_instances: list[_Instance] = []
        env = _FastEnv(resolve=self._resolve, today=self.today, now=self.now,
                       choice_label=self.choice_label, extra={"pulldata": self.plan.pulldata})
        env.top = self.top
        env.ctx = {}
        self.fenv = env

    def set_top(self, top: dict[str, Any]) -> None:
        self.top = top
        self.fenv.top = top
        rel: dict[str, bool] = {}
        self._rel = {id(top): rel}
        self._top_instances = [(top, {}, "", 0, rel)]
        self._instances = {}

    def _resolve(self, name: str) -> Value:
        return _resolve_generic(self.plan, self.fenv, name)

    def close(self) -> None:
        """Drop the environment's bound methods: they make a reference cycle
        (run -> env -> method -> run) that would keep the whole record alive until
        the garbage collector runs, which is slow and bursty at HQ import rates."""
        self.fenv.resolve = _closed_resolve
        self.fenv.choice_label = None

    # ------------------------------------------------------------ ingest

    def error(self, path: str, msg: str) -> None:
        self.errors.append(FieldError(path, msg))

    def ingest(self, raw: Mapping[str, Any], scope: str | None, prefix: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        fields = self.plan.fields
        lang = self.lang
        emptied = False
        for key, value in raw.items():
            p = fields.get(key) if type(key) is str or isinstance(key, str) else None
            if p is None or p.scope != scope:
                self.error(f"{prefix}{key}", message("unknown_field", lang))
                continue
            kind = p.kind
            if kind == _VALUE:
                err, clean = p.coerce(value, lang)  # type: ignore[misc]
                if err is not None:
                    path = f"{prefix}{key}"
                    self.error(path, err)
                    self.bad.add(path)
                elif clean is not None:
                    out[key] = clean
                elif value is not None and p.has_default:
                    out[key] = None  # explicitly empty: no default
                    emptied = True
                continue
            if kind == _REPEAT:
                if value is None:
                    continue
                path = f"{prefix}{key}"
                if not isinstance(value, list):
                    self.error(path, message("not_list", lang))
                    self.bad.add(path)
                    continue
                rows: list[dict[str, Any]] = []
                for i, row in enumerate(value):
                    if not isinstance(row, Mapping):
                        self.error(f"{path}[{i}]", message("not_row", lang))
                        self.bad.add(f"{path}[{i}]")
                        rows.append({})
                        continue
                    rows.append(self.ingest(row, p.name, f"{path}[{i}]."))
                out[key] = rows
                continue
            if kind == _NO_VALUE and not is_empty(value):
                self.error(f"{prefix}{key}", message("no_value", lang))
            elif kind == _CALCULATE and p.once and not is_empty(value):
                err, clean = p.coerce(value, lang)  # type: ignore[misc]
                if err is None and clean is not None:
                    out[key] = clean
            # other _CALCULATE values: always recomputed
        # Defaults apply only where the field is absent.
        for p in self.plan.defaults.get(scope, ()):
            name = p.name
            if name not in out and name not in raw:
                clean = p.default
                if clean is not None:
                    out[name] = list(clean) if isinstance(clean, list) else clean
        if emptied:
            return {k: v for k, v in out.items() if v is not None}
        return out

    # ------------------------------------------------------------ scope

    def instances(self, repeats: tuple[str, ...]) -> list[_Instance]:
        if not repeats:
            return self._top_instances
        cached = self._instances.get(repeats)
        if cached is not None:
            return cached
        rels = self._rel
        cur = self._top_instances
        for rep in repeats:
            nxt: list[_Instance] = []
            for container, ctx, prefix, _, _ in cur:
                rows = container.get(rep)
                if isinstance(rows, list):
                    for i, row in enumerate(rows):
                        rel = rels.get(id(row))
                        if rel is None:
                            rel = rels[id(row)] = {}
                        nxt.append((row, {**ctx, rep: row}, f"{prefix}{rep}[{i}].", i + 1,
                                    rel))
            cur = nxt
        self._instances[repeats] = cur
        return cur

    def env(self, ctx: dict[str, dict[str, Any]], current: Value, position: int) -> Env:
        """A plain environment for any ``ctx`` (used by :func:`choices_for`)."""
        plan = self.plan
        top = self.top

        def resolve(name: str) -> Value:
            target = plan.fields[name]
            containers, multi = _containers(target, top, ctx)
            if target.kind == _REPEAT:
                return ["" for c in containers for _ in (c.get(name) or [])]
            if multi:
                return [_xpath_value(target.field, c.get(name)) for c in containers]
            return _xpath_value(target.field, containers[0].get(name))

        return Env(resolve=resolve, today=self.today, now=self.now, current=current,
                   position=position, choice_label=self.choice_label,
                   extra={"pulldata": self.plan.pulldata})

    def choice_label(self, value: str, field_name: str) -> str:
        p = self.plan.fields.get(field_name)
        if p is None or p.field.choices is None:
            return ""
        return self.form.choice_label(p.field.choices, value, self.lang)

    # ------------------------------------------------------------ evaluate

    def evaluate(self) -> None:
        env = self.fenv
        want_paths = self.want_paths
        paths = self.relevant_paths
        top_instances = self._top_instances
        for name, pg, rfn, rcur, calc, repeats, p in self.plan.eval_steps:
            insts = self.instances(repeats) if repeats else top_instances
            for container, ctx, prefix, pos, rel in insts:
                if pg is not None and not rel.get(pg, True):
                    relevant = False
                elif rfn is not None:
                    env.ctx = ctx
                    env.position = pos
                    if rcur:
                        env.current = p.conv(container.get(name))
                    relevant = rfn(env)
                else:
                    relevant = True
                rel[name] = relevant
                if not relevant:
                    if container.pop(name, None) is not None and p.kind == _REPEAT:
                        self._instances.clear()
                    continue
                if want_paths:
                    paths.add(prefix + name)
                    if p.kind == _REPEAT:
                        for i in range(len(container.get(name) or [])):
                            paths.add(f"{prefix}{name}[{i}]")
                if calc is not None and not (p.once and container.get(name) is not None):
                    env.ctx = ctx
                    env.position = pos
                    if calc.current:
                        env.current = p.conv(container.get(name))
                    result = _from_xpath(p.field, calc.fn(env))
                    if result is None:
                        container.pop(name, None)
                    else:
                        container[name] = result

    # ------------------------------------------------------------ checks

    def check(self) -> None:
        env = self.fenv
        bad = self.bad
        top_instances = self._top_instances
        for p in self.plan.check_order:
            name = p.name
            is_repeat = p.kind == _REPEAT
            insts = self.instances(p.repeats) if p.repeats else top_instances
            for container, ctx, prefix, pos, rel in insts:
                if not rel.get(name, False):
                    continue
                if bad and (prefix + name in bad or (prefix and prefix[:-1] in bad)):
                    continue
                value = container.get(name)
                if is_repeat:
                    self.check_rows(p, container, ctx, prefix + name, pos)
                    continue
                if value is None:
                    if not self.partial and self.is_required(p, ctx, pos):
                        self.error(prefix + name,
                                   pick(p.field.required_message, self.lang,
                                        self.form.default_language)
                                   or message("required", self.lang))
                    continue
                if p.is_select and not (type(value) is str and p.choice_filter is None
                                        and value in p.choices):
                    wrong = self.wrong_choices(p, value, ctx, pos)
                    if wrong:
                        for c in wrong:
                            self.error(prefix + name,
                                       message("not_choice", self.lang, value=c))
                        continue
                cons = p.constraint
                if cons is not None:
                    env.ctx = ctx
                    env.position = pos
                    if cons.current:
                        env.current = p.conv(value)
                    if not cons.fn(env):
                        self.error(prefix + name,
                                   pick(p.field.constraint_message, self.lang,
                                        self.form.default_language)
                                   or message("constraint", self.lang))

    def _blank_env(self, ctx: dict[str, dict[str, Any]], pos: int, current: bool) -> Env:
        env = self.fenv
        env.ctx = ctx
        env.position = pos
        if current:
            env.current = ""
        return env

    def is_required(self, p: _FieldPlan, ctx: dict[str, dict[str, Any]], pos: int) -> bool:
        req = p.required_expr
        if req is not None:
            return req.fn(self._blank_env(ctx, pos, req.current))
        return p.required

    def check_rows(self, p: _FieldPlan, container: dict[str, Any],
                   ctx: dict[str, dict[str, Any]], path: str, pos: int) -> None:
        f = p.field
        n = len(container.get(f.name) or [])
        lo = f.min_rows if f.min_rows is not None else (1 if f.required is True else 0)
        if p.required_expr is not None and self.is_required(p, ctx, pos):
            lo = max(lo, 1)
        if n < lo and not self.partial:
            self.error(path, message("min_rows", self.lang, n=lo))
        if f.max_rows is not None and n > f.max_rows:
            self.error(path, message("max_rows", self.lang, n=f.max_rows))
        rc = p.repeat_count
        if rc is not None:
            want = to_num(rc.fn(self._blank_env(ctx, pos, rc.current)))
            if not math.isnan(want) and n != int(want):
                self.error(path, message("row_count", self.lang, n=int(want)))

    def wrong_choices(self, p: _FieldPlan, value: Any, ctx: dict[str, dict[str, Any]],
                      pos: int) -> list[Any]:
        """The chosen names not offered (not in the list, or filtered out), in order."""
        chosen = value if isinstance(value, list) else [value]
        allowed = p.choices
        filt = p.choice_filter
        if filt is None:
            return [c for c in chosen if c not in allowed]
        env = self._blank_env(ctx, pos, filt.current)
        rows = p.choice_rows  # the same names as p.choices
        wrong = []
        try:
            for c in chosen:  # only the chosen names need the filter
                row = rows.get(c)
                if row is None:
                    wrong.append(c)
                    continue
                dups = p.choice_dups.get(c) if p.choice_dups else None
                if dups is not None:
                    ok = False
                    for drow in dups:
                        env.choice_row = drow
                        if filt.fn(env):
                            ok = True
                            break
                    if not ok:
                        wrong.append(c)
                    continue
                env.choice_row = row
                if not filt.fn(env):
                    wrong.append(c)
        finally:
            env.choice_row = None
        return wrong

    def allowed_choices(self, info: FieldInfo, ctx: dict[str, dict[str, Any]],
                        pos: int) -> list[str]:
        """Every choice offered now, for any ``ctx`` (used by :func:`choices_for`)."""
        return [c.name for c in self.allowed_rows(info, ctx, pos)]

    def allowed_rows(self, info: FieldInfo, ctx: dict[str, dict[str, Any]],
                     pos: int) -> list[Choice]:
        """The choice rows offered now; a name listed under several filters once, with
        the row whose filter matched (its label)."""
        f = info.field
        choices = self.form.choice_lists.get(f.choices or "", [])
        out: dict[str, Choice] = {}
        if info.choice_filter is None:
            for c in choices:
                out.setdefault(c.name, c)
            return list(out.values())
        env = self.env(ctx, "", pos)
        for c in choices:
            env.choice_row = {**c.filters, "name": c.name}
            if c.name not in out and to_bool(info.choice_filter.evaluate(env)):
                out[c.name] = c
        return list(out.values())

    # ------------------------------------------------------------ output

    def ordered(self, container: Mapping[str, Any], scope: str | None) -> dict[str, Any]:
        out = {k: container[k] for k in self.plan.out_names[scope] if k in container}
        for name in self.plan.out_repeats[scope]:
            rows = out.get(name)
            if rows is not None:
                out[name] = [self.ordered(row, name) for row in rows]
        return out
def _from_xpath(f: FormField, v: Value) -> Any:
    kind = f.value_type or "text"
    if isinstance(v, list) and kind != "text":
        v = v[0] if v else ""
    if kind in ("integer", "decimal"):
        x = to_num(v)
        if math.isnan(x) or math.isinf(x):
            return None
        if kind == "integer":
            return int(x) if x == int(x) else math.floor(x + 0.5)
        return x
    if kind == "boolean":
        return to_bool(v)
    if kind == "date":
        d = to_date(v)
        return d.isoformat() if d else None
    text = to_str(v)
    return None if text in ("", "NaN") else text



# ---- engine.py


import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from intake_app.errors import FieldError, NotFound, ValidationFailed
from intake_app.forms.i18n import message, pick
from intake_app.forms.model import Form


@dataclass(frozen=True, slots=True)
class FormState:
    """The outcome of evaluating a record against a form."""

    values: dict[str, Any]
    errors: tuple[FieldError, ...]
    relevant: frozenset[str]

    @property
    def ok(self) -> bool:
        return not self.errors


# ---------------------------------------------------------------- public API


def _run(form: Form, values: Mapping[str, Any], lang: str, today: dt.date | None,
         want_paths: bool, partial: bool = False) -> FormState:
    if not isinstance(values, Mapping):
        return FormState({}, (FieldError("", message("not_row", lang)),), frozenset())
    run = _Run(form, lang, today, want_paths, partial)
    try:
        run.set_top(run.ingest(values, None, ""))
        run.evaluate()
        run.check()
        return FormState(run.ordered(run.top, None), tuple(run.errors),
                         frozenset(run.relevant_paths))
    finally:
        run.close()


def evaluate(form: Form, values: Mapping[str, Any], lang: str = "en", *,
             today: dt.date | None = None) -> FormState:
    """Evaluate a record leniently: cleaned values, every error, relevant paths."""
    return _run(form, values, lang, today, True)


def validate_record(form: Form, values: Mapping[str, Any], lang: str = "en", *,
                    today: dt.date | None = None, partial: bool = False) -> dict[str, Any]:
    """Cleaned values of a valid record; ``ValidationFailed`` listing every error otherwise.

    ``partial``: a draft of an interview in progress. Every rule is checked except
    that required answers and repeat minimums may still be missing."""
    state = _run(form, values, lang, today, False, partial)
    if state.errors:
        raise ValidationFailed(state.errors)
    return state.values


def evaluate_relevance(form: Form, values: Mapping[str, Any], *,
                       today: dt.date | None = None) -> set[str]:
    """Paths (``name``, ``threats``, ``threats[0]``, ``threats[0].date``) that are relevant."""
    return set(evaluate(form, values, today=today).relevant)


def compute(form: Form, values: Mapping[str, Any], *,
            today: dt.date | None = None) -> dict[str, Any]:
    """Values with defaults, calculations and relevance applied (never raises)."""
    return _run(form, values, "en", today, False).values


_PATH_RE = re.compile(r"([A-Za-z_][\w.\-]*?)\[(\d+)\]\.")


def choices_for(form: Form, field_path: str, values: Mapping[str, Any], lang: str = "en", *,
                today: dt.date | None = None) -> list[tuple[str, str]]:
    """(name, label in ``lang``) of the choices offered now, honouring the choice filter."""
    name = field_path.rsplit(".", 1)[-1] if "]" in field_path else field_path
    info = form.index.fields.get(name)
    if info is None or info.field.choices is None:
        raise NotFound(f"no select field {field_path!r} in form {form.id}")
    run = _Run(form, lang, today, False)
    try:
        run.set_top(run.ingest(values, None, "") if isinstance(values, Mapping) else {})
        run.evaluate()
        ctx: dict[str, dict[str, Any]] = {}
        pos = 0
        container: dict[str, Any] = run.top
        for rep, idx in _PATH_RE.findall(field_path):
            rows = container.get(rep)
            if not isinstance(rows, list) or int(idx) >= len(rows):
                break
            container = rows[int(idx)]
            ctx[rep] = container
            pos = int(idx) + 1
        rows = run.allowed_rows(info, ctx, pos)
    finally:
        run.close()
    return [(c.name, pick(c.label, lang, form.default_language) or c.name) for c in rows]


def attachment_refs(form: Form, values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(field path, attachment id) for every attachment value in a record."""
    out: list[tuple[str, str]] = []

    def visit(container: Mapping[str, Any], prefix: str) -> None:
        for key, value in container.items():
            info = form.index.fields.get(key)
            if info is None:
                continue
            if info.field.type == "repeat" and isinstance(value, list):
                for i, row in enumerate(value):
                    if isinstance(row, Mapping):
                        visit(row, f"{prefix}{key}[{i}].")
            elif info.field.type == "attachment" and isinstance(value, str) and value:
                out.append((prefix + key, value))

    visit(values, "")
    return out
