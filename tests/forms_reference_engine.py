"""Test-only oracle: a frozen copy of the forms engine as it was before the speed work.

``tests/test_forms_perf_equivalence.py`` compares the optimised
``intake_app.forms.engine`` against this module on many randomised records.
It is a verbatim copy (commit 28134d5) of the record engine
(``forms/engine.py``), of the expression evaluator half of ``forms/expr.py``
(value conversions, functions, closure compiler) and of ``forms/values.py``.
Only the parser/AST, the form model and the message tables are shared with the
code under test, so a change to the optimised evaluator cannot change the
oracle. Do not "fix" or speed up this file: it is the definition of correct.
(The only edits: the expression functions ``_date``/``_choice_name`` are renamed
``_expr_date``/``_expr_choice_name`` so they do not clash with the value
coercion functions of the same names, and compiled expressions are looked up
through ``_ev``.)
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any, Final, TypeAlias

from intake_app.errors import FieldError, NotFound, ValidationFailed
from intake_app.forms.expr import (
    BinOp,
    Current,
    Expression,
    Name,
    Neg,
    Node,
    Num,
    Parent,
    Ref,
    Str,
)
from intake_app.forms.i18n import message, normalize_digits, normalize_numeric, pick
from intake_app.forms.model import FieldInfo, Form, FormField

Value: TypeAlias = str | float | bool | dt.date | dt.datetime | list["Value"]

# ------------------------------------------------------------------ values

_NUM_RE = re.compile(r"^\s*-?(?:\d+(?:\.\d*)?|\.\d+)\s*$")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?~?$")
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_EPOCH = dt.date(1970, 1, 1)
_EPOCH_DT = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
NAN: Final = float("nan")


def parse_date_text(text: str) -> dt.date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (optionally ``~``) → first day it names."""
    m = _DATE_RE.match(text.strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _parse_datetime_text(text: str) -> dt.datetime | None:
    if not _DATETIME_RE.match(text):
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def num_to_str(v: float) -> str:
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    if v == int(v):
        return str(int(v))
    return format(Decimal(repr(v)), "f")


def to_str(v: Value) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return num_to_str(v)
    if isinstance(v, dt.datetime):
        return v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    return to_str(v[0]) if v else ""


def to_num(v: Value) -> float:
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, float):
        return v
    if isinstance(v, str):
        if _NUM_RE.match(v):
            return float(v)
        d = parse_date_text(v) if len(v) >= 4 and v[:4].isdigit() else None
        if d is not None and "-" in v:
            return float((d - _EPOCH).days)
        t = _parse_datetime_text(v)
        if t is not None:
            return (t - _EPOCH_DT).total_seconds() / 86400.0
        return NAN
    if isinstance(v, dt.datetime):
        aware = v if v.tzinfo else v.replace(tzinfo=dt.UTC)
        return (aware - _EPOCH_DT).total_seconds() / 86400.0
    if isinstance(v, dt.date):
        return float((v - _EPOCH).days)
    return to_num(v[0]) if v else NAN


_TRUE_WORDS: Final = frozenset({"yes", "true", "1"})
_FALSE_WORDS: Final = frozenset({"no", "false", "0", ""})


def to_bool(v: Value) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, float):
        return not (v == 0 or math.isnan(v))
    if isinstance(v, str):
        return len(v) > 0
    if isinstance(v, list):
        return len(v) > 0
    return True


def to_date(v: Value) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, bool):
        return None
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v) or abs(v) > 2_000_000:
            return None
        return _EPOCH + dt.timedelta(days=math.floor(v))
    if isinstance(v, str):
        t = _parse_datetime_text(v)
        if t is not None:
            return t.date()
        return parse_date_text(v)
    return to_date(v[0]) if v else None


def _bool_vs(b: bool, other: Value) -> bool:
    if isinstance(other, str):
        low = other.strip().lower()
        if low in _TRUE_WORDS:
            return b is True
        if low in _FALSE_WORDS:
            return b is False
    return b == to_bool(other)


def _eq(a: Value, b: Value) -> bool:
    if isinstance(a, list):
        return any(_eq(x, b) for x in a)
    if isinstance(b, list):
        return any(_eq(a, y) for y in b)
    if isinstance(a, bool):
        return _bool_vs(a, b)
    if isinstance(b, bool):
        return _bool_vs(b, a)
    if isinstance(a, float) or isinstance(b, float):
        return to_num(a) == to_num(b)
    if isinstance(a, dt.date) or isinstance(b, dt.date):
        return to_num(a) == to_num(b)
    return a == b


def _cmp(op: str, a: Value, b: Value) -> bool:
    if isinstance(a, list):
        return any(_cmp(op, x, b) for x in a)
    if isinstance(b, list):
        return any(_cmp(op, a, y) for y in b)
    x, y = to_num(a), to_num(b)
    if op == "<":
        return x < y
    if op == "<=":
        return x <= y
    if op == ">":
        return x > y
    return x >= y


def _arith(op: str, a: Value, b: Value) -> float:
    x, y = to_num(a), to_num(b)
    try:
        if op == "+":
            return x + y
        if op == "-":
            return x - y
        if op == "*":
            return x * y
        if op == "div":
            if y == 0:
                if x == 0 or math.isnan(x):
                    return NAN
                return math.copysign(math.inf, x) * math.copysign(1.0, y)
            return x / y
        if y == 0 or math.isinf(x):
            return NAN
        return math.fmod(x, y)
    except (ArithmeticError, ValueError):
        return NAN


# ------------------------------------------------------------------ environment


@dataclass(slots=True)
class Env:
    """What an expression can see while it is evaluated."""

    resolve: Callable[[str], Value]
    today: dt.date
    now: dt.datetime
    current: Value = ""
    position: int = 0
    choice_row: Mapping[str, str] | None = None
    choice_label: Callable[[str, str], str] | None = None
    extra: dict[str, object] = field(default_factory=dict)


Compiled: TypeAlias = Callable[[Env], Value]
_Impl: TypeAlias = Callable[[Env, list[Value]], Value]


def _flatten(args: Sequence[Value]) -> list[Value]:
    out: list[Value] = []
    for a in args:
        if isinstance(a, list):
            out.extend(a)
        else:
            out.append(a)
    return out


def _nums(args: Sequence[Value]) -> list[float]:
    return [to_num(v) for v in _flatten(args) if not (isinstance(v, str) and v == "")]


@lru_cache(maxsize=256)
def _regex(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except (re.error, OverflowError, RecursionError):
        return None


def _f_regex(env: Env, a: list[Value]) -> Value:
    pat = _regex(to_str(a[1]))
    return bool(pat is not None and pat.search(to_str(a[0])))


def _round(env: Env, a: list[Value]) -> Value:
    x = to_num(a[0])
    digits = int(to_num(a[1])) if len(a) > 1 else 0
    if math.isnan(x) or math.isinf(x):
        return x
    scale = 10.0 ** max(-300, min(300, digits))
    return math.floor(x * scale + 0.5) / scale


def _int(env: Env, a: list[Value]) -> Value:
    x = to_num(a[0])
    if math.isnan(x) or math.isinf(x):
        return x
    return float(math.trunc(x))


def _substr(env: Env, a: list[Value]) -> Value:
    s = to_str(a[0])
    start = int(to_num(a[1]))
    end = int(to_num(a[2])) if len(a) > 2 else len(s)
    return s[max(0, start):max(0, end)]


def _selected_at(env: Env, a: list[Value]) -> Value:
    parts = to_str(a[0]).split()
    i = int(to_num(a[1]))
    return parts[i] if 0 <= i < len(parts) else ""


def _coalesce(env: Env, a: list[Value]) -> Value:
    for v in a:
        if to_str(v) != "":
            return v
    return ""


def _expr_date(env: Env, a: list[Value]) -> Value:
    d = to_date(a[0])
    return d if d is not None else ""


def _date_time(env: Env, a: list[Value]) -> Value:
    v = a[0]
    if isinstance(v, dt.datetime):
        return v
    if isinstance(v, str):
        t = _parse_datetime_text(v)
        if t is not None:
            return t
    x = to_num(v)
    if math.isnan(x) or math.isinf(x) or abs(x) > 2_000_000:
        return ""
    return _EPOCH_DT + dt.timedelta(days=x)


_FORMAT_CODES: Final[dict[str, Callable[[dt.datetime], str]]] = {
    "Y": lambda t: f"{t.year:04d}",
    "y": lambda t: f"{t.year % 100:02d}",
    "m": lambda t: f"{t.month:02d}",
    "n": lambda t: str(t.month),
    "b": lambda t: t.strftime("%b"),
    "d": lambda t: f"{t.day:02d}",
    "e": lambda t: str(t.day),
    "a": lambda t: t.strftime("%a"),
    "H": lambda t: f"{t.hour:02d}",
    "h": lambda t: str(t.hour),
    "M": lambda t: f"{t.minute:02d}",
    "S": lambda t: f"{t.second:02d}",
    "3": lambda t: f"{t.microsecond // 1000:03d}",
}


def _format_date(env: Env, a: list[Value]) -> Value:
    v = a[0]
    t: dt.datetime | None
    if isinstance(v, dt.datetime):
        t = v
    else:
        d = to_date(v)
        t = dt.datetime(d.year, d.month, d.day) if d else None
    if t is None:
        return ""
    fmt = to_str(a[1])
    out: list[str] = []
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == "%" and i + 1 < len(fmt) and fmt[i + 1] in _FORMAT_CODES:
            out.append(_FORMAT_CODES[fmt[i + 1]](t))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _expr_choice_name(env: Env, a: list[Value]) -> Value:
    if env.choice_label is None:
        return ""
    target = to_str(a[1]).strip()
    if target.startswith("${") and target.endswith("}"):
        target = target[2:-1].strip()
    return env.choice_label(to_str(a[0]), target)


def _math1(fn: Callable[[float], float]) -> _Impl:
    def impl(env: Env, a: list[Value]) -> Value:
        return fn(to_num(a[0]))

    return impl


def _minmax(pick: Callable[[list[float]], float]) -> _Impl:
    def impl(env: Env, a: list[Value]) -> Value:
        vals = _nums(a)
        if not vals or any(math.isnan(v) for v in vals):
            return NAN
        return pick(vals)

    return impl


def _indexed_repeat(env: Env, a: list[Value]) -> Value:
    nodes = a[0] if isinstance(a[0], list) else [a[0]]
    i = to_num(a[-1])
    if math.isnan(i) or not 1 <= i <= len(nodes):
        return ""
    return nodes[int(i) - 1]


FUNCTIONS: Final[dict[str, tuple[int, int | None, _Impl]]] = {
    # name: (min args, max args or None, implementation)
    "selected": (2, 2, lambda e, a: to_str(a[1]).strip() in to_str(a[0]).split()),
    "count-selected": (1, 1, lambda e, a: float(len(to_str(a[0]).split()))),
    "selected-at": (2, 2, _selected_at),
    "jr:choice-name": (2, 2, _expr_choice_name),
    "string-length": (0, 1, lambda e, a: float(len(to_str(a[0] if a else e.current)))),
    "substr": (2, 3, _substr),
    "substring-before": (2, 2, lambda e, a: to_str(a[0]).partition(to_str(a[1]))[0]
                         if to_str(a[1]) in to_str(a[0]) else ""),
    "substring-after": (2, 2, lambda e, a: to_str(a[0]).partition(to_str(a[1]))[2]),
    "concat": (0, None, lambda e, a: "".join(to_str(v) for v in _flatten(a))),
    "join": (2, 2, lambda e, a: to_str(a[0]).join(to_str(v) for v in _flatten(a[1:]))),
    "contains": (2, 2, lambda e, a: to_str(a[1]) in to_str(a[0])),
    "starts-with": (2, 2, lambda e, a: to_str(a[0]).startswith(to_str(a[1]))),
    "ends-with": (2, 2, lambda e, a: to_str(a[0]).endswith(to_str(a[1]))),
    "regex": (2, 2, _f_regex),
    "translate": (3, 3, lambda e, a: to_str(a[0]).translate(
        {ord(c): (to_str(a[2])[i] if i < len(to_str(a[2])) else None)
         for i, c in reversed(list(enumerate(to_str(a[1]))))})),
    "normalize-space": (0, 1, lambda e, a: " ".join(to_str(a[0] if a else e.current).split())),
    "string": (0, 1, lambda e, a: to_str(a[0] if a else e.current)),
    "number": (0, 1, lambda e, a: to_num(a[0] if a else e.current)),
    "boolean": (1, 1, lambda e, a: to_bool(a[0])),
    "boolean-from-string": (1, 1, lambda e, a: to_str(a[0]).strip().lower() in ("true", "1")),
    "int": (1, 1, _int),
    "round": (1, 2, _round),
    "floor": (1, 1, _math1(lambda x: x if not math.isfinite(x) else float(math.floor(x)))),
    "ceiling": (1, 1, _math1(lambda x: x if not math.isfinite(x) else float(math.ceil(x)))),
    "abs": (1, 1, _math1(abs)),
    "pow": (2, 2, lambda e, a: math.pow(to_num(a[0]), to_num(a[1]))),
    "sqrt": (1, 1, _math1(math.sqrt)),
    "exp": (1, 1, _math1(math.exp)),
    "exp10": (1, 1, _math1(lambda x: math.pow(10.0, x))),
    "log": (1, 1, _math1(math.log)),
    "log10": (1, 1, _math1(math.log10)),
    "sin": (1, 1, _math1(math.sin)),
    "cos": (1, 1, _math1(math.cos)),
    "tan": (1, 1, _math1(math.tan)),
    "asin": (1, 1, _math1(math.asin)),
    "acos": (1, 1, _math1(math.acos)),
    "atan": (1, 1, _math1(math.atan)),
    "atan2": (2, 2, lambda e, a: math.atan2(to_num(a[0]), to_num(a[1]))),
    "pi": (0, 0, lambda e, a: math.pi),
    "min": (1, None, _minmax(min)),
    "max": (1, None, _minmax(max)),
    "sum": (1, 1, lambda e, a: math.fsum(_nums(a))),
    "count": (1, 1, lambda e, a: float(len(a[0])) if isinstance(a[0], list) else 1.0),
    "count-non-empty": (1, 1, lambda e, a: float(sum(1 for v in _flatten(a) if to_str(v)))),
    "indexed-repeat": (3, 7, _indexed_repeat),
    "position": (0, 1, lambda e, a: float(e.position)),
    "true": (0, 0, lambda e, a: True),
    "false": (0, 0, lambda e, a: False),
    "not": (1, 1, lambda e, a: not to_bool(a[0])),
    "if": (3, 3, lambda e, a: a[1] if to_bool(a[0]) else a[2]),
    "coalesce": (2, None, _coalesce),
    "once": (1, 1, lambda e, a: a[0]),
    "today": (0, 0, lambda e, a: e.today),
    "now": (0, 0, lambda e, a: e.now),
    "date": (1, 1, _expr_date),
    "date-time": (1, 1, _date_time),
    "decimal-date-time": (1, 1, lambda e, a: to_num(a[0])),
    "decimal-date": (1, 1, lambda e, a: to_num(a[0])),
    "format-date": (2, 2, _format_date),
    "format-date-time": (2, 2, _format_date),
    "uuid": (0, 1, lambda e, a: str(uuid.uuid4())),
}

# Functions that exist in ODK but cannot work here, with the reason shown to the author.

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

    def call(env: Env) -> Value:
        values = [a(env) for a in args]
        try:
            return impl(env, values)
        except (ArithmeticError, ValueError, IndexError):
            return NAN

    return call


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


_COMPILED: dict[int, tuple[Expression, Compiled]] = {}


def _ev(e: Expression, env: Env) -> Value:
    """Evaluate ``e`` with this module's (frozen) evaluator, not the one under test."""
    hit = _COMPILED.get(id(e))
    if hit is None or hit[0] is not e:
        hit = (e, _compile(e.ast))
        _COMPILED[id(e)] = hit
    return hit[1](env)


# ------------------------------------------------------------------ values.py

_INT_RE = re.compile(r"^[+-]?\d+$")
_DEC_RE = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_EDTF_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$")
ATTACHMENT_ID_RE = re.compile(r"^[0-9a-f]{32}$")
MAX_TEXT = 100_000
_YES = frozenset({"yes", "true", "y", "1"})
_NO = frozenset({"no", "false", "n", "0"})

Result = tuple[str | None, Any]
"""(error message or None, cleaned value or None when empty)."""


def date_precision(text: str) -> str | None:
    """The precision of an EDTF-subset date string, or None if it is not one."""
    m = _EDTF_RE.match(text)
    if not m:
        return None
    year, month, day, approx = m.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    if int(year) < 1 or (month is not None and not 1 <= int(month) <= 12):
        return None
    if approx:
        return "approximate"
    if day:
        return "exact"
    return "month" if month else "year"


def is_empty(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or (
        isinstance(raw, list) and not raw)


def coerce_value(f: FormField, raw: object, lang: str, form: Form) -> Result:
    """Check and normalise ``raw`` for field ``f``; never raises."""
    if is_empty(raw):
        return None, None
    t = f.type
    if t in ("text", "long_text"):
        return _text(f, raw, lang)
    if t == "integer":
        return _integer(raw, lang)
    if t == "decimal":
        return _decimal(raw, lang)
    if t == "date":
        return _date(f, raw, lang)
    if t == "select_one":
        if isinstance(raw, bool) or not isinstance(raw, str | int):
            return message("not_text", lang), None
        return None, _choice_name(str(raw).strip(), f, form)
    if t == "select_multiple":
        return _multi(f, raw, lang, form)
    if t == "yes_no":
        return _yes_no(raw, lang)
    if t == "attachment":
        if isinstance(raw, str) and ATTACHMENT_ID_RE.match(raw.strip()):
            return None, raw.strip()
        return message("not_attachment", lang), None
    if t in ("hidden", "calculate"):
        return _typed(f.value_type, raw, lang)
    return message("no_value", lang), None


def _text(f: FormField, raw: object, lang: str) -> Result:
    if isinstance(raw, bool):
        return message("not_text", lang), None
    if isinstance(raw, int | float):
        if isinstance(raw, float) and not math.isfinite(raw):
            return message("not_text", lang), None
        raw = str(raw)
    if not isinstance(raw, str):
        return message("not_text", lang), None
    text = raw.strip()
    if len(text) > MAX_TEXT:
        return message("too_long", lang, n=MAX_TEXT), None
    if f.appearance and "numbers" in f.appearance.split():
        text = normalize_numeric(text)
    return None, text


def _integer(raw: object, lang: str) -> Result:
    if isinstance(raw, bool):
        return message("not_integer", lang), None
    if isinstance(raw, int):
        return None, raw
    if isinstance(raw, float):
        if math.isfinite(raw) and raw == int(raw):
            return None, int(raw)
        return message("not_integer", lang), None
    if isinstance(raw, str):
        text = normalize_numeric(raw)
        if _INT_RE.match(text) and len(text) <= 30:
            return None, int(text)
    return message("not_integer", lang), None


def _decimal(raw: object, lang: str) -> Result:
    if isinstance(raw, bool):
        return message("not_decimal", lang), None
    if isinstance(raw, int | float):
        value = float(raw)
    elif isinstance(raw, str):
        text = normalize_numeric(raw)
        if not _DEC_RE.match(text) or len(text) > 60:
            return message("not_decimal", lang), None
        value = float(text)
    else:
        return message("not_decimal", lang), None
    if not math.isfinite(value):
        return message("not_decimal", lang), None
    return None, value


def _date(f: FormField, raw: object, lang: str) -> Result:
    if not isinstance(raw, str):
        return message("not_date", lang), None
    text = normalize_numeric(raw)
    precision = date_precision(text)
    if precision is None:
        return message("not_date", lang), None
    if precision not in f.date_precisions:
        return message("date_precision", lang, allowed=", ".join(f.date_precisions)), None
    return None, text


def _choice_name(value: str, f: FormField, form: Form) -> str:
    if f.choices is None:
        return value
    names = {c.name for c in form.choice_lists.get(f.choices, [])}
    if value not in names:
        alt = normalize_digits(value)
        if alt in names:
            return alt
    return value


def _multi(f: FormField, raw: object, lang: str, form: Form) -> Result:
    items: list[object]
    if isinstance(raw, str):
        items = list(raw.split())
    elif isinstance(raw, list):
        items = list(raw)
    else:
        return message("not_text", lang), None
    out: list[str] = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, str | int):
            return message("not_text", lang), None
        name = _choice_name(str(item).strip(), f, form)
        if not name:
            continue
        if name in out:
            return message("duplicate_choice", lang, value=name), None
        out.append(name)
    return None, out or None


def _yes_no(raw: object, lang: str) -> Result:
    if isinstance(raw, bool):
        return None, raw
    if isinstance(raw, int) and raw in (0, 1):
        return None, bool(raw)
    if isinstance(raw, str):
        low = normalize_digits(raw).strip().lower()
        if low in _YES:
            return None, True
        if low in _NO:
            return None, False
    return message("not_yes_no", lang), None


def _typed(value_type: str | None, raw: object, lang: str) -> Result:
    if value_type == "integer":
        return _integer(raw, lang)
    if value_type == "decimal":
        return _decimal(raw, lang)
    if value_type == "boolean":
        return _yes_no(raw, lang)
    if value_type == "date":
        if isinstance(raw, str) and date_precision(normalize_numeric(raw)) is not None:
            return None, normalize_numeric(raw)
        return message("not_date", lang), None
    if isinstance(raw, bool | int | float | str):
        if isinstance(raw, float) and not math.isfinite(raw):
            return message("not_scalar", lang), None
        return None, raw
    return message("not_scalar", lang), None


# ------------------------------------------------------------------ engine.py

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
                    relevant = to_bool(_ev(info.relevant, env))
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
                    result = _from_xpath(f, _ev(info.calculation, env))
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
                    if not to_bool(_ev(info.constraint, env)):
                        self.error(path, pick(f.constraint_message, self.lang,
                                              self.form.default_language)
                                   or message("constraint", self.lang))

    def is_required(self, info: FieldInfo, ctx: dict[str, dict[str, Any]], pos: int) -> bool:
        if info.required is not None:
            return to_bool(_ev(info.required, self.env(ctx, "", pos)))
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
            want = to_num(_ev(info.repeat_count, self.env(ctx, "", pos)))
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
            if to_bool(_ev(info.choice_filter, env)):
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
