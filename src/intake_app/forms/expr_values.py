"""XPath values: conversions, comparisons and arithmetic, and the evaluation environment.

Part of :mod:`intake_app.forms.expr` (import from there).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final, TypeAlias

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
