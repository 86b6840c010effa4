"""The XLSForm / ODK function library: arity and implementation of each function.

Also the ODK functions refused here, with the reason shown to the author. Part of
:mod:`intake_app.forms.expr` (import from there).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import secrets
import uuid
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Final, TypeAlias

from intake_app.forms.expr_values import (
    _EPOCH_DT,
    NAN,
    Env,
    Value,
    _parse_datetime_text,
    to_bool,
    to_date,
    to_num,
    to_str,
)

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


def _date(env: Env, a: list[Value]) -> Value:
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
    return _format_date_text(a[0], to_str(a[1]))


def _format_date_text(v: Value, fmt: str) -> Value:
    t: dt.datetime | None
    if isinstance(v, str) and "T" in v:
        v = _parse_datetime_text(v) or v  # a stored dateTime keeps its time of day
    if isinstance(v, dt.datetime):
        t = v
    else:
        d = to_date(v)
        t = dt.datetime(d.year, d.month, d.day) if d else None
    if t is None:
        return ""
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


def _pulldata(env: Env, a: list[Value]) -> Value:
    """``pulldata('table', 'column', 'key column', value)``: from a CSV stored in the form
    (the engine puts an index of each table in ``env.extra['pulldata']``)."""
    tables = env.extra.get("pulldata")
    if not isinstance(tables, Mapping):
        return ""
    index = tables.get((to_str(a[0]), to_str(a[2])))
    if not isinstance(index, Mapping):
        return ""
    row = index.get(to_str(a[3]).strip())
    if not isinstance(row, Mapping):
        return ""
    return str(row.get(to_str(a[1]), ""))


def _uuid(env: Env, a: list[Value]) -> Value:
    """``uuid()``: a random RFC 4122 UUID; ``uuid(n)``: n random alphanumerics (ODK)."""
    if not a:
        return str(uuid.uuid4())
    n = to_num(a[0])
    if math.isnan(n) or n < 1:
        return ""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    return "".join(secrets.choice(alphabet) for _ in range(min(int(n), 1000)))


def _choice_name(env: Env, a: list[Value]) -> Value:
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
    "jr:choice-name": (2, 2, _choice_name),
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
    "date": (1, 1, _date),
    "date-time": (1, 1, _date_time),
    "decimal-date-time": (1, 1, lambda e, a: to_num(a[0])),
    "decimal-date": (1, 1, lambda e, a: to_num(a[0])),
    "format-date": (2, 2, _format_date),
    "format-date-time": (2, 2, _format_date),
    "uuid": (0, 1, _uuid),
    "pulldata": (4, 4, _pulldata),
}

# Functions that exist in ODK but cannot work here, with the reason shown to the author.
UNSUPPORTED_FUNCTIONS: Final[dict[str, str]] = {
    "instance": "instance() lookups into secondary instances are not supported",
    "random": "random() is not reproducible, so records could not be re-validated",
    "randomize": "randomize() is not supported",
    "area": "geographic functions are not supported (no GPS is recorded)",
    "distance": "geographic functions are not supported (no GPS is recorded)",
    "geofence": "geographic functions are not supported (no GPS is recorded)",
    "digest": "digest() is not supported",
    "base64-decode": "base64-decode() is not supported",
    "checklist": "checklist() is not supported",
    "weighted-checklist": "weighted-checklist() is not supported",
    "jr:itext": "jr:itext() is not supported",
    "version": "version() is not supported",
    "property": "property() is not supported",
}

