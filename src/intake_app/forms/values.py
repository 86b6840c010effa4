"""Typed coercion of one answer: what a record may hold for each field type.

Numeric and date input is normalised first (Persian ۰–۹ and Arabic-Indic ٠–٩
digits, Arabic decimal point), so a Dari or Pashto keyboard works. Dates use a
small subset of EDTF (ISO 8601-2): ``YYYY-MM-DD`` (exact), ``YYYY-MM``
(month), ``YYYY`` (year); a trailing ``~`` marks any of them approximate.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from intake_app.forms.i18n import message, normalize_digits, normalize_numeric

if TYPE_CHECKING:
    from intake_app.forms.model import Form, FormField

_INT_RE = re.compile(r"^[+-]?\d+$")
_DEC_RE = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_EDTF_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$")
ATTACHMENT_ID_RE = re.compile(r"^[0-9a-f]{32}$")
MAX_TEXT = 100_000
_YES = frozenset({"yes", "true", "y", "1"})
_NO = frozenset({"no", "false", "n", "0"})

Result = tuple[str | None, Any]
"""(error message or None, cleaned value or None when empty)."""

Coercer = Callable[[object, str], Result]
"""``coercer(raw, lang)``: :func:`coerce_value` specialised for one field."""


def date_precision(text: str) -> str | None:
    """The precision of an EDTF-subset date string, or None if it is not one."""
    return _date_precision(text)


@lru_cache(maxsize=4096)
def _date_precision(text: str) -> str | None:
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
        return _select_one(_choice_names(f, form))(raw, lang)
    if t == "select_multiple" or t == "rank":
        return _select_multiple(_choice_names(f, form))(raw, lang)
    if t in ("geopoint", "geotrace", "geoshape"):
        return _geo(t, raw, lang)
    if t == "yes_no":
        return _yes_no(raw, lang)
    if t == "attachment":
        return _attachment(raw, lang)
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


def _choice_names(f: FormField, form: Form) -> frozenset[str] | None:
    """The names of the field's choices; None: any name (no choice list)."""
    if f.choices is None:
        return None
    return frozenset(c.name for c in form.choice_lists.get(f.choices, []))


def _choice_in(value: str, names: frozenset[str] | set[str]) -> str:
    if value not in names:
        alt = normalize_digits(value)
        if alt in names:
            return alt
    return value


def _items(raw: object) -> list[object] | None:
    """The items of a multiple-choice answer: space-separated text or a list."""
    if isinstance(raw, str):
        return list(raw.split())
    if isinstance(raw, list):
        return list(raw)
    return None


_GEO_MIN_POINTS = {"geopoint": 1, "geotrace": 2, "geoshape": 3}


def _geo(kind: str, raw: object, lang: str) -> Result:
    """Manually entered positions, stored as ODK writes them: "lat lon [alt [acc]]", points
    of a trace/shape separated by ";"."""
    if not isinstance(raw, str):
        return message("not_geo", lang), None
    points = [p.strip() for p in normalize_numeric(raw).split(";") if p.strip()]
    if not points or len(points) < _GEO_MIN_POINTS[kind] or (kind == "geopoint"
                                                             and len(points) > 1):
        return message("not_geo", lang), None
    out = []
    for point in points:
        parts = point.replace(",", " ").split()
        if not 2 <= len(parts) <= 4:
            return message("not_geo", lang), None
        try:
            nums = [float(x) for x in parts]
        except ValueError:
            return message("not_geo", lang), None
        if not all(math.isfinite(n) for n in nums) or not -90 <= nums[0] <= 90 \
                or not -180 <= nums[1] <= 180 or (len(nums) == 4 and nums[3] < 0):
            return message("not_geo", lang), None
        out.append(" ".join(parts))
    return None, ";".join(out)


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


def _attachment(raw: object, lang: str) -> Result:
    if isinstance(raw, str) and ATTACHMENT_ID_RE.match(raw.strip()):
        return None, raw.strip()
    return message("not_attachment", lang), None


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


# ---------------------------------------------------------------- specialised coercers


def make_coercer(f: FormField, form: Form) -> Coercer:
    """A coercer for ``f`` giving exactly ``coerce_value(f, raw, lang, form)``, faster.

    The choice names of a select field are read from ``form`` once, here; the
    returned function keeps no reference to ``form`` (forms are immutable).
    Common input (an exact ``str``/``int``/``float``/``bool`` of the right
    kind) takes a short path; anything else goes through the general code.
    """
    t = f.type
    if t in ("text", "long_text"):
        numbers = bool(f.appearance and "numbers" in f.appearance.split())

        def text(raw: object, lang: str) -> Result:
            if type(raw) is str:
                s = raw.strip()
                if not s:
                    return None, None
                if len(s) > MAX_TEXT:
                    return message("too_long", lang, n=MAX_TEXT), None
                return None, (normalize_numeric(s) if numbers else s)
            if is_empty(raw):
                return None, None
            return _text(f, raw, lang)

        return text
    if t == "integer":
        return _kept_or(lambda raw: type(raw) is int, _integer)
    if t == "decimal":
        return _kept_or(lambda raw: type(raw) is float and math.isfinite(raw), _decimal)
    if t == "date":
        return _empty_or(lambda raw, lang: _date(f, raw, lang))
    if t in ("geopoint", "geotrace", "geoshape"):
        return _empty_or(lambda raw, lang: _geo(t, raw, lang))
    if t in ("select_one", "select_multiple", "rank"):
        names = _choice_names(f, form)
        return _select_one(names) if t == "select_one" else _select_multiple(names)
    if t == "yes_no":
        return _kept_or(lambda raw: raw is True or raw is False, _yes_no)
    if t == "attachment":
        return _empty_or(_attachment)
    if t in ("hidden", "calculate"):
        value_type = f.value_type
        return _empty_or(lambda raw, lang: _typed(value_type, raw, lang))
    return _empty_or(lambda raw, lang: (message("no_value", lang), None))


def _empty_or(convert: Callable[[object, str], Result]) -> Coercer:
    """An empty answer is no value; anything else goes through ``convert``."""

    def coerce(raw: object, lang: str) -> Result:
        if is_empty(raw):
            return None, None
        return convert(raw, lang)

    return coerce


def _kept_or(kept: Callable[[object], bool], convert: Callable[[object, str], Result]) -> Coercer:
    """As ``_empty_or``, with a short path: a value already as it is stored (``kept``)."""

    def coerce(raw: object, lang: str) -> Result:
        if kept(raw):
            return None, raw
        if is_empty(raw):
            return None, None
        return convert(raw, lang)

    return coerce


def _select_one(names: frozenset[str] | None) -> Coercer:
    def pick_name(value: str) -> str:
        return value if names is None else _choice_in(value, names)

    def select_one(raw: object, lang: str) -> Result:
        if type(raw) is str:
            s = raw.strip()
            if not s:
                return None, None
            if names is None or s in names:
                return None, s
            return None, _choice_in(s, names)
        if is_empty(raw):
            return None, None
        if isinstance(raw, bool) or not isinstance(raw, str | int):
            return message("not_text", lang), None
        return None, pick_name(str(raw).strip())

    return select_one


def _select_multiple(names: frozenset[str] | None) -> Coercer:
    def select_multiple(raw: object, lang: str) -> Result:
        if is_empty(raw):
            return None, None
        items = _items(raw)
        if items is None:
            return message("not_text", lang), None
        out: list[str] = []
        for item in items:
            if type(item) is str:
                name = item.strip()
            elif isinstance(item, bool) or not isinstance(item, str | int):
                return message("not_text", lang), None
            else:
                name = str(item).strip()
            if names is not None and name not in names:
                name = _choice_in(name, names)
            if not name:
                continue
            if name in out:
                return message("duplicate_choice", lang, value=name), None
            out.append(name)
        return None, out or None

    return select_multiple
