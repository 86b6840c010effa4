"""Metadata questions (XLSForm ``start``, ``end``, ``today``, ``deviceid``).

A laptop can honestly fill the interview's times and its own device id; the
rest (phone number, SIM serial, user name, audit log ...) stay empty, as the
import warned. ``start``, ``today`` and ``deviceid`` keep the first value a record got (an
imported record keeps its own); ``end`` is the time of the latest save.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from intake_app.forms.model import Form


def fill_metadata(form: Form, values: Mapping[str, Any], *, device_id: str | None,
                  previous: Mapping[str, Any] | None = None,
                  now: dt.datetime | None = None) -> dict[str, Any]:
    """``values`` with the metadata fields filled (a new dict)."""
    out = dict(values)
    # Groups are transparent in a record, so metadata inside a group sits at the top too;
    # inside a repeat it has no single value to fill and is left alone.
    kinds = [(info.field.name, info.field.metadata) for info in form.index.order
             if info.field.metadata and not info.repeats]
    if not kinds:
        return out
    when = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    stamp = when.isoformat().replace("+00:00", "Z")
    prev = previous or {}
    for name, kind in kinds:
        if kind in ("start", "today"):
            first = prev.get(name) or values.get(name)
            out[name] = first or (stamp if kind == "start" else when.date().isoformat())
        elif kind == "end":
            out[name] = stamp
        elif kind == "deviceid":
            out[name] = prev.get(name) or values.get(name) or device_id or None
        else:
            out.pop(name, None)
    return {k: v for k, v in out.items() if v is not None}
