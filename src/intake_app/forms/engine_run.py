"""One run of the record engine over one record: ingest, evaluate, check.

Part of :mod:`intake_app.forms.engine` (call its public functions).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from intake_app.errors import FieldError
from intake_app.forms.engine_gen import Program
from intake_app.forms.engine_plan import (
    _CALCULATE,
    _NO_VALUE,
    _REPEAT,
    _VALUE,
    _closed_resolve,
    _containers,
    _FastEnv,
    _FieldPlan,
    _Instance,
    _plan_for,
    _resolve_generic,
    _xpath_value,
)
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
    __slots__ = ("_instances", "_rel", "_top_instances", "bad", "errors", "fast", "fenv",
                 "form", "lang", "now", "partial", "plan", "program", "relevant_paths",
                 "today", "top", "want_paths")

    def __init__(self, form: Form, lang: str, today: dt.date | None,
                 want_paths: bool = True, partial: bool = False) -> None:
        self.form = form
        # partial: an interview in progress, where answers may still be missing.
        self.partial = partial
        self.plan = plan = _plan_for(form)
        if plan.program is None:  # two threads may both build it: the same result
            plan.program = Program(plan, _from_xpath)
        self.program: dict[str, Any] = plan.program.variant(want_paths)
        self.lang = lang
        self.today = today or dt.date.today()
        self.now = _midnight(today) if today else dt.datetime.now(dt.UTC)
        self.errors: list[FieldError] = []
        self.bad: set[str] = set()
        self.top: dict[str, Any] = {}
        self.want_paths = want_paths
        self.fast = False  # whether the generated ingest made self.top
        self.relevant_paths: set[str] = set()
        self._rel: dict[int, dict[str, bool]] = {}
        self._instances: dict[tuple[str, ...], list[_Instance]] = {}
        self._top_instances: list[_Instance] = []
        env = _FastEnv(resolve=self._resolve, today=self.today, now=self.now,
                       choice_label=self.choice_label, extra=self.program["extra"])
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
        if len(repeats) == 1:  # the rows of a top-level repeat: as below, shorter
            rep = repeats[0]
            out: list[_Instance] = []
            rows = self.top.get(rep)
            if isinstance(rows, list):
                for i, row in enumerate(rows):
                    rel = rels.get(id(row))
                    if rel is None:
                        rel = rels[id(row)] = {}
                    out.append((row, {rep: row}, f"{rep}[{i}].", i + 1, rel))
            self._instances[repeats] = out
            return out
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

    # ------------------------------------------------------------ evaluate, check

    def ingest_top(self, values: Mapping[str, Any]) -> None:
        """The record ingested: by the generated code, or (a record with anything
        wrong) by the generic :meth:`ingest`, which reports the errors in order."""
        top = self.program["ingest_0"](values, self.lang)
        self.fast = top is not None
        self.set_top(top if top is not None else self.ingest(values, None, ""))

    def evaluate(self, check: bool = False) -> None:
        """Relevance and calculations; then (``check``) every rule of the record."""
        self.program["run_all"](self, self.top, self.fenv, self._top_instances[0][1],
                                self.relevant_paths, check, self.bad, self.partial,
                                self.lang)

    def required_message(self, p: _FieldPlan) -> str:
        return (pick(p.field.required_message, self.lang, self.form.default_language)
                or message("required", self.lang))

    def constraint_message(self, p: _FieldPlan) -> str:
        return (pick(p.field.constraint_message, self.lang, self.form.default_language)
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

    def choice_errors(self, p: _FieldPlan, value: Any, ctx: dict[str, dict[str, Any]],
                      pos: int, path: str, errs: list[tuple[int, str, str]] | None = None,
                      j: int = 0) -> bool:
        """The errors of the chosen names not offered, added to the run (or, ``errs``,
        kept with ``j`` for the generated code to add in order); whether there were any."""
        wrong = self.wrong_choices(p, value, ctx, pos)
        for c in wrong:
            msg = message("not_choice", self.lang, value=c)
            if errs is None:
                self.error(path, msg)
            else:
                errs.append((j, path, msg))
        return bool(wrong)

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

    def ordered(self) -> dict[str, Any]:
        """The cleaned values, in form order."""
        if self.fast:  # the generated ingest's containers: in form order already
            out: dict[str, Any] = self.program["ordered_fast_0"](self.top)
            return out
        return self._ordered(self.top, None)

    def _ordered(self, container: Mapping[str, Any], scope: str | None) -> dict[str, Any]:
        out = {k: container[k] for k in self.plan.out_names[scope] if k in container}
        for name in self.plan.out_repeats[scope]:
            rows = out.get(name)
            if rows is not None:
                out[name] = [self._ordered(row, name) for row in rows]
        return out


@lru_cache(maxsize=64)
def _midnight(today: dt.date) -> dt.datetime:
    """``now()`` for a run given its day (the same day for every record of an import)."""
    return dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)


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


