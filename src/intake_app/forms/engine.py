"""Record evaluation: relevance, calculations, defaults, validation, choices.

Everything the CLI, HQ import, exports and the GUI need to judge a record is
here, as pure functions over a :class:`Form` and a plain ``dict`` record.

Record shape: an object of field names to values; groups are transparent (their
children sit beside them); a repeat group is a list of row objects. Paths in
errors and in relevance sets are 0-based: ``threats[0].date``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from intake_app.errors import FieldError, NotFound, ValidationFailed
from intake_app.forms.expr import Env, Value, parse_date_text, to_bool, to_date, to_num, to_str
from intake_app.forms.i18n import message, pick
from intake_app.forms.model import FieldInfo, Form, FormField
from intake_app.forms.values import coerce_value, is_empty

_Instance = tuple[dict[str, Any], dict[str, dict[str, Any]], str, int]
# (container, repeat rows in scope by repeat name, path prefix, 1-based row position)


@dataclass(frozen=True, slots=True)
class FormState:
    """The outcome of evaluating a record against a form."""

    values: dict[str, Any]
    errors: tuple[FieldError, ...]
    relevant: frozenset[str]

    @property
    def ok(self) -> bool:
        return not self.errors


class _Run:
    def __init__(self, form: Form, lang: str, today: dt.date | None) -> None:
        self.form = form
        self.index = form.index
        self.lang = lang
        self.today = today or dt.date.today()
        self.now = (dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC) if today
                    else dt.datetime.now(dt.UTC))
        self.errors: list[FieldError] = []
        self.bad: set[str] = set()
        self.top: dict[str, Any] = {}
        self.relevance: dict[tuple[int, str], bool] = {}
        self.relevant_paths: set[str] = set()
        self._instances: dict[tuple[str, ...], list[_Instance]] = {}

    # ------------------------------------------------------------ ingest

    def error(self, path: str, msg: str) -> None:
        self.errors.append(FieldError(path, msg))

    def ingest(self, raw: Mapping[str, Any], scope: str | None, prefix: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        fields = self.index.fields
        for key, value in raw.items():
            info = fields.get(key) if isinstance(key, str) else None
            path = f"{prefix}{key}"
            if info is None or (info.repeats[-1] if info.repeats else None) != scope:
                self.error(path, message("unknown_field", self.lang))
                continue
            f = info.field
            if f.type == "repeat":
                if value is None:
                    continue
                if not isinstance(value, list):
                    self.error(path, message("not_list", self.lang))
                    self.bad.add(path)
                    continue
                rows: list[dict[str, Any]] = []
                for i, row in enumerate(value):
                    if not isinstance(row, Mapping):
                        self.error(f"{path}[{i}]", message("not_row", self.lang))
                        self.bad.add(f"{path}[{i}]")
                        rows.append({})
                        continue
                    rows.append(self.ingest(row, f.name, f"{path}[{i}]."))
                out[key] = rows
                continue
            if not f.has_value:
                if not is_empty(value):
                    self.error(path, message("no_value", self.lang))
                continue
            if f.type == "calculate":
                continue  # always recomputed
            err, clean = coerce_value(f, value, self.lang, self.form)
            if err is not None:
                self.error(path, err)
                self.bad.add(path)
            elif clean is not None:
                out[key] = clean
            elif value is not None and f.default is not None:
                out[key] = None  # explicitly empty: no default
        # Defaults apply only where the field is absent.
        for info in self.index.order:
            f = info.field
            if (f.default is not None
                    and (info.repeats[-1] if info.repeats else None) == scope
                    and f.name not in out and f.name not in raw):
                _, clean = coerce_value(f, f.default, self.lang, self.form)
                if clean is not None:
                    out[f.name] = clean
        return {k: v for k, v in out.items() if v is not None}

    # ------------------------------------------------------------ scope

    def instances(self, repeats: tuple[str, ...]) -> list[_Instance]:
        cached = self._instances.get(repeats)
        if cached is not None:
            return cached
        cur: list[_Instance] = [(self.top, {}, "", 0)]
        for rep in repeats:
            nxt: list[_Instance] = []
            for container, ctx, prefix, _ in cur:
                rows = container.get(rep)
                if isinstance(rows, list):
                    for i, row in enumerate(rows):
                        nxt.append((row, {**ctx, rep: row}, f"{prefix}{rep}[{i}].", i + 1))
            cur = nxt
        self._instances[repeats] = cur
        return cur

    def env(self, ctx: dict[str, dict[str, Any]], current: Value, position: int) -> Env:
        fields = self.index.fields
        top = self.top

        def resolve(name: str) -> Value:
            info = fields[name]
            containers: list[dict[str, Any]] = [top]
            multi = False
            for rep in info.repeats:
                row = ctx.get(rep)
                if row is not None:
                    containers = [row]
                else:
                    multi = True
                    containers = [r for c in containers for r in (c.get(rep) or [])]
            if info.field.type == "repeat":
                return ["" for c in containers for _ in (c.get(name) or [])]
            if multi:
                return [_xpath_value(info.field, c.get(name)) for c in containers]
            return _xpath_value(info.field, containers[0].get(name))

        return Env(resolve=resolve, today=self.today, now=self.now, current=current,
                   position=position, choice_label=self.choice_label)

    def choice_label(self, value: str, field_name: str) -> str:
        info = self.index.fields.get(field_name)
        if info is None or info.field.choices is None:
            return ""
        return self.form.choice_label(info.field.choices, value, self.lang)

    def parent_relevant(self, info: FieldInfo, container: dict[str, Any]) -> bool:
        if info.parent is None:
            return True
        parent = self.index.fields[info.parent]
        if parent.field.type == "repeat":
            return True  # rows only exist while the repeat is relevant
        return self.relevance.get((id(container), info.parent), True)

    # ------------------------------------------------------------ evaluate

    def evaluate(self) -> None:
        for info in self.index.eval_order:
            f = info.field
            name = f.name
            for container, ctx, prefix, pos in self.instances(info.repeats):
                relevant = self.parent_relevant(info, container)
                if relevant and info.relevant is not None:
                    env = self.env(ctx, _xpath_value(f, container.get(name)), pos)
                    relevant = to_bool(info.relevant.evaluate(env))
                self.relevance[(id(container), name)] = relevant
                if not relevant:
                    if container.pop(name, None) is not None and f.type == "repeat":
                        self._instances.clear()
                    continue
                self.relevant_paths.add(prefix + name)
                if f.type == "repeat":
                    for i in range(len(container.get(name) or [])):
                        self.relevant_paths.add(f"{prefix}{name}[{i}]")
                if info.calculation is not None:
                    env = self.env(ctx, _xpath_value(f, container.get(name)), pos)
                    result = _from_xpath(f, info.calculation.evaluate(env))
                    if result is None:
                        container.pop(name, None)
                    else:
                        container[name] = result

    # ------------------------------------------------------------ checks

    def check(self) -> None:
        for info in self.index.order:
            f = info.field
            if not f.has_value and f.type != "repeat":
                continue
            for container, ctx, prefix, pos in self.instances(info.repeats):
                if not self.relevance.get((id(container), f.name), False):
                    continue
                path = prefix + f.name
                if path in self.bad or (prefix and prefix[:-1] in self.bad):
                    continue
                value = container.get(f.name)
                if f.type == "repeat":
                    self.check_rows(info, container, ctx, path, pos)
                    continue
                if value is None:
                    if self.is_required(info, ctx, pos):
                        self.error(path, pick(f.required_message, self.lang,
                                              self.form.default_language)
                                   or message("required", self.lang))
                    continue
                if f.type in ("select_one", "select_multiple"):
                    allowed = self.allowed_choices(info, ctx, pos)
                    chosen = value if isinstance(value, list) else [value]
                    wrong = [c for c in chosen if c not in allowed]
                    if wrong:
                        for c in wrong:
                            self.error(path, message("not_choice", self.lang, value=c))
                        continue
                if info.constraint is not None:
                    env = self.env(ctx, _xpath_value(f, value), pos)
                    if not to_bool(info.constraint.evaluate(env)):
                        self.error(path, pick(f.constraint_message, self.lang,
                                              self.form.default_language)
                                   or message("constraint", self.lang))

    def is_required(self, info: FieldInfo, ctx: dict[str, dict[str, Any]], pos: int) -> bool:
        if info.required is not None:
            return to_bool(info.required.evaluate(self.env(ctx, "", pos)))
        return info.field.required is True

    def check_rows(self, info: FieldInfo, container: dict[str, Any],
                   ctx: dict[str, dict[str, Any]], path: str, pos: int) -> None:
        f = info.field
        n = len(container.get(f.name) or [])
        lo = f.min_rows if f.min_rows is not None else (1 if f.required is True else 0)
        if info.required is not None and self.is_required(info, ctx, pos):
            lo = max(lo, 1)
        if n < lo:
            self.error(path, message("min_rows", self.lang, n=lo))
        if f.max_rows is not None and n > f.max_rows:
            self.error(path, message("max_rows", self.lang, n=f.max_rows))
        if info.repeat_count is not None:
            want = to_num(info.repeat_count.evaluate(self.env(ctx, "", pos)))
            if not math.isnan(want) and n != int(want):
                self.error(path, message("row_count", self.lang, n=int(want)))

    def allowed_choices(self, info: FieldInfo, ctx: dict[str, dict[str, Any]],
                        pos: int) -> list[str]:
        f = info.field
        choices = self.form.choice_lists.get(f.choices or "", [])
        if info.choice_filter is None:
            return [c.name for c in choices]
        env = self.env(ctx, "", pos)
        out = []
        for c in choices:
            env.choice_row = {**c.filters, "name": c.name}
            if to_bool(info.choice_filter.evaluate(env)):
                out.append(c.name)
        return out

    # ------------------------------------------------------------ output

    def ordered(self, container: Mapping[str, Any], scope: str | None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for info in self.index.order:
            if (info.repeats[-1] if info.repeats else None) != scope:
                continue
            name = info.field.name
            if name not in container:
                continue
            value = container[name]
            if info.field.type == "repeat":
                out[name] = [self.ordered(row, name) for row in value]
            else:
                out[name] = value
        return out


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


# ---------------------------------------------------------------- public API


def evaluate(form: Form, values: Mapping[str, Any], lang: str = "en", *,
             today: dt.date | None = None) -> FormState:
    """Evaluate a record leniently: cleaned values, every error, relevant paths."""
    run = _Run(form, lang, today)
    if not isinstance(values, Mapping):
        return FormState({}, (FieldError("", message("not_row", lang)),), frozenset())
    run.top = run.ingest(values, None, "")
    run.evaluate()
    run.check()
    return FormState(run.ordered(run.top, None), tuple(run.errors),
                     frozenset(run.relevant_paths))


def validate_record(form: Form, values: Mapping[str, Any], lang: str = "en", *,
                    today: dt.date | None = None) -> dict[str, Any]:
    """Cleaned values of a valid record; ``ValidationFailed`` listing every error otherwise."""
    state = evaluate(form, values, lang, today=today)
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
    return evaluate(form, values, today=today).values


_PATH_RE = re.compile(r"([A-Za-z_][\w.\-]*?)\[(\d+)\]\.")


def choices_for(form: Form, field_path: str, values: Mapping[str, Any], lang: str = "en", *,
                today: dt.date | None = None) -> list[tuple[str, str]]:
    """(name, label in ``lang``) of the choices offered now, honouring the choice filter."""
    name = field_path.rsplit(".", 1)[-1] if "]" in field_path else field_path
    info = form.index.fields.get(name)
    if info is None or info.field.choices is None:
        raise NotFound(f"no select field {field_path!r} in form {form.id}")
    run = _Run(form, lang, today)
    run.top = run.ingest(values, None, "") if isinstance(values, Mapping) else {}
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
    allowed = set(run.allowed_choices(info, ctx, pos))
    list_name = info.field.choices
    return [(c.name, pick(c.label, lang, form.default_language) or c.name)
            for c in form.choice_lists[list_name] if c.name in allowed]


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
