"""A record's display label and interview date, as the form declares them.

The form names its label in ``metadata.label_field`` (a field name or an
expression such as ``concat(${name}, ' ', ${village})``), or XLSForm's
``instance_name`` setting (kept in ``metadata.xlsform_settings``), or the
casework ``display_name`` fields. The interview date comes from
``metadata.interview_date_field`` or casework ``interview_date``. Both are
computed from the stored values on demand, so nothing is cached outside the
encrypted store.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from intake_app.errors import ExprError
from intake_app.forms.expr import Env, compile_expression, to_str
from intake_app.forms.model import Form

MAX_LABEL = 120
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, list | tuple):
        return " ".join(_text(x) for x in v if not isinstance(x, dict))
    if isinstance(v, dict):
        return ""
    return str(v)


def _clean(s: str) -> str:
    s = " ".join(s.split())
    return s if len(s) <= MAX_LABEL else s[:MAX_LABEL - 1] + "…"


def label_source(form: Form) -> str | list[str] | None:
    """What the form declares as its label: an expression/field name, or field names."""
    md = form.metadata
    lf = md.get("label_field")
    if isinstance(lf, str) and lf.strip():
        return lf.strip()
    if isinstance(lf, list) and lf:
        return [str(x) for x in lf]
    xs = md.get("xlsform_settings")
    if isinstance(xs, Mapping):
        inst = xs.get("instance_name")
        if isinstance(inst, str) and inst.strip():
            return inst.strip()
    cw = md.get("casework")
    if isinstance(cw, Mapping):
        names = cw.get("display_name") or cw.get("names")
        if isinstance(names, list) and names:
            return [str(x) for x in names]
    return None


def record_label(form: Form, values: Mapping[str, Any]) -> str:
    """The record's label, or "" when the form declares none or it is still empty."""
    src = label_source(form)
    if src is None:
        return ""
    if isinstance(src, list):  # the first field that has an answer
        for name in src:
            text = _clean(_text(values.get(name)))
            if text:
                return text
        return ""
    if _NAME.match(src):
        return _clean(_text(values.get(src)))
    try:
        expr = compile_expression(src)
    except ExprError:
        return ""
    now = dt.datetime.now()
    env = Env(resolve=lambda name: _text(values.get(name)), today=now.date(), now=now)
    return _clean(to_str(expr.evaluate(env)))  # evaluation never raises


def interview_date(form: Form, values: Mapping[str, Any]) -> str:
    """The declared interview date as ISO text, or ""."""
    md = form.metadata
    name = md.get("interview_date_field")
    if not isinstance(name, str):
        cw = md.get("casework")
        name = cw.get("interview_date") if isinstance(cw, Mapping) else None
    if not isinstance(name, str):
        return ""
    v = values.get(name)
    return v[:10] if isinstance(v, str) and re.match(r"^\d{4}-\d{2}-\d{2}", v) else ""
