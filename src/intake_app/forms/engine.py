"""Record evaluation: relevance, calculations, defaults, validation, choices.

Everything the CLI, HQ import, exports and the GUI need to judge a record is
here, as pure functions over a :class:`Form` and a plain ``dict`` record.

Record shape: an object of field names to values; groups are transparent (their
children sit beside them); a repeat group is a list of row objects. Paths in
errors and in relevance sets are 0-based: ``threats[0].date``.

Speed: HQ validates every record it imports, so the per-record work is kept
small. The first time a form is used, a :class:`_Plan` is built and cached for
it (keyed by the form object, dropped with it): per field a specialised value
coercer, the value converter expressions see, and every expression compiled
again with :func:`~intake_app.forms.expr.compile_fast` so that ``${name}``
reads the record directly instead of going through a per-call environment.
From the plan, ``engine_gen`` then writes straight-line Python for the form (an
ingest function per kind of container, one function that evaluates then checks, the
output; every field's steps unrolled, the expressions inlined as Python
expressions) and compiles it once: the per-record loop does no generic dispatch.
Form text enters that source only as string literals (``str.__repr__``); the
plan's objects are passed by generated identifier. A record with any error is
ingested again by the generic code, which reports the errors in the record's order.
The algorithm (order of evaluation, errors and their order, cleaning) is the
same as the plain one; ``tests/test_forms_perf_equivalence.py`` checks that
against a frozen copy of the plain engine, ``tests/test_forms_codegen.py`` against
the interpreted plan of aab5109 on every shipped form and XLSForm fixture.

The plan is built in ``engine_plan``, its code in ``engine_gen`` (expressions:
``engine_gen_expr``), a run over one record is ``engine_run``; this module is the
public API.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from intake_app.errors import FieldError, NotFound, ValidationFailed
from intake_app.forms.engine_plan import _PLANS as _PLANS  # the plan cache, for tests
from intake_app.forms.engine_plan import _plan_for as _plan_for
from intake_app.forms.engine_run import _Run
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
        run.ingest_top(values)
        run.evaluate(check=True)
        return FormState(run.ordered(), tuple(run.errors),
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
    if not isinstance(values, Mapping):
        raise ValidationFailed((FieldError("", message("not_row", lang)),))
    run = _Run(form, lang, today, False, partial)  # as _run, without the FormState
    try:
        run.ingest_top(values)
        run.evaluate(check=True)
        if run.errors:
            raise ValidationFailed(tuple(run.errors))
        return run.ordered()
    finally:
        run.close()


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
        if isinstance(values, Mapping):
            run.ingest_top(values)
        else:
            run.set_top({})
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
