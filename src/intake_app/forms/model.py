"""The canonical form model (pydantic v2) and its load-time checks.

A form is data: ``Form.from_json`` reads the canonical JSON, checks every
name, choice list and expression, and caches the compiled expressions, so a
form that loads can be used for a whole interview without surprises.
"""

from __future__ import annotations

import graphlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from intake_app.errors import FormError
from intake_app.forms.expr import Call, ExprError, Expression, Str, compile_expression, walk
from intake_app.forms.i18n import Direction, pick, text_direction

FORMAT_VERSION = 1

FieldType = Literal[
    "text", "long_text", "integer", "decimal", "date", "select_one", "select_multiple",
    "yes_no", "note", "group", "repeat", "attachment", "calculate", "hidden",
    "rank", "geopoint", "geotrace", "geoshape",
]
FIELD_TYPES: tuple[str, ...] = get_args(FieldType)
DatePrecision = Literal["exact", "month", "year", "approximate"]
DATE_PRECISIONS: tuple[str, ...] = get_args(DatePrecision)
ValueType = Literal["text", "integer", "decimal", "date", "boolean"]
AttachmentKind = Literal["file", "photo", "audio", "video"]

VALUE_TYPES: frozenset[str] = frozenset(
    {"text", "long_text", "integer", "decimal", "date", "select_one", "select_multiple",
     "yes_no", "attachment", "calculate", "hidden", "rank", "geopoint", "geotrace",
     "geoshape"}
)
# Fields whose value is chosen from a choice list (rank: all of them, in order).
SELECT_TYPES: frozenset[str] = frozenset({"select_one", "select_multiple", "rank"})
GEO_TYPES: frozenset[str] = frozenset({"geopoint", "geotrace", "geoshape"})
CONTAINER_TYPES: frozenset[str] = frozenset({"group", "repeat"})

# XML-style names: a letter or _ (any script), then letters, digits, _ . -
NAME_RE = re.compile(r"^[^\W\d][\w.\-]*$")
LANG_CODE_RE = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")

Translated = dict[str, str]
"""Text per language code, e.g. ``{"en": "Name", "fa-AF": "نام"}``."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Language(_Model):
    code: str
    name: str
    direction: Direction


class Choice(_Model):
    name: str
    label: Translated = Field(default_factory=dict)
    # Extra columns of the choices sheet (used by choice filters), e.g. {"province": "kabul"}.
    filters: dict[str, str] = Field(default_factory=dict)


def _exact_only() -> list[DatePrecision]:
    return ["exact"]


class FormField(_Model):
    """One node of the field tree. Which attributes apply depends on ``type``."""

    name: str
    type: FieldType
    label: Translated = Field(default_factory=dict)
    hint: Translated = Field(default_factory=dict)
    required: bool | str = False
    required_message: Translated = Field(default_factory=dict)
    constraint: str | None = None
    constraint_message: Translated = Field(default_factory=dict)
    relevant: str | None = None
    calculation: str | None = None
    default: Any = None
    read_only: bool = False
    choices: str | None = None
    choice_filter: str | None = None
    date_precisions: list[DatePrecision] = Field(default_factory=_exact_only)
    min_rows: int | None = Field(default=None, ge=0)
    max_rows: int | None = Field(default=None, ge=0)
    repeat_count: str | None = None
    attachment_kind: AttachmentKind | None = None
    value_type: ValueType | None = None
    metadata: str | None = None
    sensitive: bool = False
    appearance: str | None = None
    # What an imported XLSForm said that this app does not act on (parameters, media,
    # guidance_hint, trigger, unknown columns ...): kept so an export loses nothing.
    xlsform: dict[str, str] = Field(default_factory=dict)
    children: list[FormField] = Field(default_factory=list)

    def text(self, what: Literal["label", "hint"], lang: str, default_lang: str = "en") -> str:
        return pick(self.label if what == "label" else self.hint, lang, default_lang)

    @property
    def has_value(self) -> bool:
        return self.type in VALUE_TYPES


class Form(_Model):
    """A versioned form definition. Use ``from_json``/``load_form_file`` to load one."""

    format: int = FORMAT_VERSION
    id: str
    version: str
    title: Translated = Field(default_factory=dict)
    default_language: str = "en"
    languages: list[Language] = Field(default_factory=list)
    fields: list[FormField]
    choice_lists: dict[str, list[Choice]] = Field(default_factory=dict)
    metadata: dict[str, Any] = Field(default_factory=dict)

    _index: FormIndex = PrivateAttr()

    @model_validator(mode="after")
    def _check(self) -> Form:
        self._index = _build_index(self)
        return self

    # ---------------------------------------------------------------- JSON

    def canonical_json(self) -> bytes:
        """Deterministic UTF-8 JSON: sorted keys, no insignificant whitespace."""
        data = self.model_dump(mode="json")
        return json.dumps(data, sort_keys=True, separators=(",", ":"),
                          ensure_ascii=False, allow_nan=False).encode("utf-8")

    def pretty_json(self) -> str:
        """Sorted, indented JSON for files people read and review."""
        data = self.model_dump(mode="json")
        return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, data: bytes | str) -> Form:
        try:
            raw = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise FormError(f"form is not valid JSON: {exc}") from exc
        return cls.from_dict(raw)

    @classmethod
    def from_dict(cls, raw: object) -> Form:
        if not isinstance(raw, dict):
            raise FormError("form JSON must be an object")
        try:
            return cls.model_validate(raw)
        except ValidationError as exc:
            raise FormError(_pydantic_message(exc)) from None
        except ExprError as exc:  # pragma: no cover - wrapped in _build_index
            raise FormError(str(exc)) from None

    # ---------------------------------------------------------------- lookup

    @property
    def index(self) -> FormIndex:
        index: FormIndex | None = getattr(self, "_index", None)
        if index is None:  # e.g. after unpickling: the compiled index is not pickled
            index = _build_index(self)
            self._index = index
        return index

    def __getstate__(self) -> dict[Any, Any]:
        state = dict(super().__getstate__())
        private = dict(state.get("__pydantic_private__") or {})
        private.pop("_index", None)
        state["__pydantic_private__"] = private
        return state

    def field(self, name: str) -> FormField:
        """The field called ``name`` (names are unique in a form); KeyError if none."""
        return self.index.fields[name].field

    def walk(self) -> Iterator[FormField]:
        """Every field in document order, parents before children."""
        for info in self.index.order:
            yield info.field

    def language_codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    def direction(self, lang: str) -> Direction:
        for language in self.languages:
            if language.code == lang:
                return language.direction
        return text_direction(lang)

    def title_text(self, lang: str) -> str:
        return pick(self.title, lang, self.default_language) or self.id

    def title_in(self, lang: str) -> str:
        """Alias of :meth:`title_text`."""
        return self.title_text(lang)

    def describe(self, lang: str = "en") -> str:
        """A readable outline: header, languages, then one line per field (indented)."""
        lines = [f"{self.id} {self.version}: {self.title_text(lang)}"]
        lines.append("languages: " + ", ".join(f"{lg.code} ({lg.direction})"
                                              for lg in self.languages))
        status = self.metadata.get("translation_status")
        if isinstance(status, dict):
            lines.extend(f"  {code}: {text}" for code, text in status.items())

        def visit(f: FormField, depth: int) -> None:
            flags = []
            if f.required is True:
                flags.append("required")
            elif isinstance(f.required, str):
                flags.append(f"required if {f.required}")
            if f.relevant:
                flags.append(f"if {f.relevant}")
            if f.constraint:
                flags.append(f"check {f.constraint}")
            if f.calculation:
                flags.append(f"= {f.calculation}")
            if f.sensitive:
                flags.append("SENSITIVE")
            kind = f.type + (f"({f.choices})" if f.choices else "")
            if f.type == "date" and f.date_precisions != ["exact"]:
                kind += "[" + ",".join(f.date_precisions) + "]"
            if f.type == "repeat":
                top = f.max_rows if f.max_rows is not None else ""
                kind += f"[{f.min_rows or 0}..{top}]"
            label = f.text("label", lang, self.default_language)
            tail = ("  {" + "; ".join(flags) + "}") if flags else ""
            lines.append(f"{'  ' * depth}{f.name}: {kind}  {label}{tail}")
            for child in f.children:
                visit(child, depth + 1)

        for f in self.fields:
            visit(f, 0)
        return "\n".join(lines)

    def choice_label(self, list_name: str, choice: str, lang: str) -> str:
        for c in self.choice_lists.get(list_name, []):
            if c.name == choice:
                return pick(c.label, lang, self.default_language) or c.name
        return choice


def _pydantic_message(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(p) for p in err["loc"])
        msg = err["msg"]
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, "):]
        parts.append(f"{loc}: {msg}" if loc else msg)
    more = len(exc.errors()) - len(parts)
    tail = f" (and {more} more)" if more > 0 else ""
    return "invalid form: " + "; ".join(parts) + tail


# -------------------------------------------------------------------- index


@dataclass(frozen=True, slots=True)
class FieldInfo:
    """A field with where it sits and its compiled expressions."""

    field: FormField
    parent: str | None  # enclosing group/repeat name, None at top level
    repeats: tuple[str, ...]  # enclosing repeats, outermost first (excluding itself)
    relevant: Expression | None
    calculation: Expression | None
    constraint: Expression | None
    required: Expression | None
    choice_filter: Expression | None
    repeat_count: Expression | None


@dataclass(frozen=True, slots=True)
class FormIndex:
    fields: dict[str, FieldInfo]
    order: tuple[FieldInfo, ...]  # document order
    eval_order: tuple[FieldInfo, ...]  # relevance/calculation dependency order
    top: tuple[str, ...]


def _fail(path: str, msg: str) -> FormError:
    return FormError(f"field {path!r}: {msg}")


def _build_index(form: Form) -> FormIndex:
    try:
        return _build_index_inner(form)
    except ExprError as exc:  # pragma: no cover - defensive
        raise FormError(str(exc)) from None


def _check_translated(where: str, texts: Mapping[str, str], langs: set[str]) -> None:
    for code in texts:
        if code not in langs:
            raise FormError(f"{where}: text in undeclared language {code!r}")


def _build_index_inner(form: Form) -> FormIndex:
    if form.format != FORMAT_VERSION:
        raise FormError(f"unsupported form format {form.format} (this app reads {FORMAT_VERSION})")
    if not NAME_RE.match(form.id):
        raise FormError(f"invalid form id {form.id!r}")
    if not form.version.strip() or len(form.version) > 64:
        raise FormError("form version must be a non-empty string")
    langs = {lang.code for lang in form.languages}
    if not form.languages:
        raise FormError("form declares no languages")
    for lang in form.languages:
        if not LANG_CODE_RE.match(lang.code):
            raise FormError(f"invalid language code {lang.code!r}")
    if len(langs) != len(form.languages):
        raise FormError("a language is declared twice")
    if form.default_language not in langs:
        raise FormError(f"default language {form.default_language!r} is not declared")
    _check_translated("title", form.title, langs)
    for list_name, choices in form.choice_lists.items():
        if not NAME_RE.match(list_name) and not list_name.strip():
            raise FormError(f"invalid choice list name {list_name!r}")
        # A name may repeat only under different filter values (cascading lists with
        # allow_choice_duplicates): the chosen name still means one thing per filter.
        seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
        for c in choices:
            key = (c.name, tuple(sorted(c.filters.items())))
            if key in seen:
                raise FormError(f"choice list {list_name!r}: choice {c.name!r} appears twice")
            if not c.name or any(ch.isspace() for ch in c.name):
                raise FormError(f"choice list {list_name!r}: choice name {c.name!r} "
                                "must be non-empty without spaces")
            seen.add(key)
            _check_translated(f"choice {list_name}/{c.name}", c.label, langs)

    infos: dict[str, FieldInfo] = {}
    order: list[FieldInfo] = []
    raw: list[tuple[FormField, str | None, tuple[str, ...]]] = []

    def visit(fields: list[FormField], parent: str | None, repeats: tuple[str, ...]) -> None:
        for f in fields:
            if not NAME_RE.match(f.name):
                raise _fail(f.name, "invalid name (letters, digits, _ . -; not starting "
                            "with a digit)")
            if any(f.name == r[0].name for r in raw):
                raise _fail(f.name, "name used twice (names must be unique in a form)")
            raw.append((f, parent, repeats))
            if f.type in CONTAINER_TYPES:
                inner = (*repeats, f.name) if f.type == "repeat" else repeats
                visit(f.children, f.name, inner)
            elif f.children:
                raise _fail(f.name, f"a {f.type} field cannot have children")

    visit(form.fields, None, ())
    if not any(f.has_value or f.type == "repeat" for f, _, _ in raw):
        raise FormError("form has no fields that hold a value")
    names = {f.name for f, _, _ in raw}

    def expr(f: FormField, what: str, text: str | None, *, names_ok: bool = False
             ) -> Expression | None:
        if text is None or not text.strip():
            return None
        try:
            e = compile_expression(text, allow_names=names_ok)
        except ExprError as exc:
            raise _fail(f.name, f"{what} {text!r}: {exc}") from None
        for ref in sorted(e.refs):
            if ref not in names:
                raise _fail(f.name, f"{what} {text!r} refers to unknown field ${{{ref}}}")
        if "pulldata" in e.functions:
            _check_pulldata(f, what, text, e, form)
        return e

    for f, parent, repeats in raw:
        _check_field(f, form, langs)
        req: Expression | None = None
        if isinstance(f.required, str):
            req = expr(f, "required", f.required)
        info = FieldInfo(
            field=f,
            parent=parent,
            repeats=repeats,
            relevant=expr(f, "relevant", f.relevant),
            calculation=expr(f, "calculation", f.calculation),
            constraint=expr(f, "constraint", f.constraint),
            required=req,
            choice_filter=expr(f, "choice_filter", f.choice_filter, names_ok=True),
            repeat_count=expr(f, "repeat_count", f.repeat_count),
        )
        infos[f.name] = info
        order.append(info)

    # Relevance and calculations are evaluated in dependency order; a cycle is an error.
    sorter: graphlib.TopologicalSorter[str] = graphlib.TopologicalSorter()
    for info in order:
        deps: set[str] = set()
        for e in (info.relevant, info.repeat_count):
            if e is not None:
                deps |= e.refs - {info.field.name}
        if info.calculation is not None:
            deps |= info.calculation.refs
        if info.parent is not None:
            deps.add(info.parent)
        sorter.add(info.field.name, *sorted(deps))
    try:
        topo = list(sorter.static_order())
    except graphlib.CycleError as exc:
        cycle = " -> ".join(str(n) for n in exc.args[1])
        raise FormError(f"circular relevance/calculation: {cycle}") from None
    eval_order = tuple(infos[n] for n in topo)
    return FormIndex(fields=infos, order=tuple(order), eval_order=eval_order,
                     top=tuple(f.name for f in form.fields))


def pulldata_tables(form: Form) -> dict[str, list[dict[str, str]]]:
    """The CSV tables stored in the form for pulldata() (``metadata.pulldata``)."""
    raw = form.metadata.get("pulldata")
    if not isinstance(raw, dict):
        return {}
    return {str(k): [r for r in v if isinstance(r, dict)] for k, v in raw.items()
            if isinstance(v, list)}


def _check_pulldata(f: FormField, what: str, text: str, e: Expression, form: Form) -> None:
    tables = pulldata_tables(form)
    for node in walk(e.ast):
        if isinstance(node, Call) and node.name == "pulldata":
            table, column, key = (a.value for a in node.args[:3]
                                  if isinstance(a, Str))
            rows = tables.get(table)
            if rows is None:
                raise _fail(f.name, f"{what} {text!r}: pulldata('{table}') has no table "
                            f"{table}.csv in the form (give the file with the form)")
            if rows and (column not in rows[0] or key not in rows[0]):
                raise _fail(f.name, f"{what} {text!r}: {table}.csv has no column "
                            f"{column if column not in rows[0] else key!r}")


def _check_field(f: FormField, form: Form, langs: set[str]) -> None:
    for what, texts in (("label", f.label), ("hint", f.hint),
                        ("constraint_message", f.constraint_message),
                        ("required_message", f.required_message)):
        _check_translated(f"field {f.name!r} {what}", texts, langs)
    is_select = f.type in SELECT_TYPES
    if is_select:
        if not f.choices:
            raise _fail(f.name, f"{f.type} needs a choice list ('choices')")
        if f.choices not in form.choice_lists:
            raise _fail(f.name, f"unknown choice list {f.choices!r}")
    elif f.choices or f.choice_filter:
        raise _fail(f.name, "only select fields have choices or a choice_filter")
    if f.type == "calculate" and not f.calculation:
        raise _fail(f.name, "a calculate field needs a calculation")
    if f.calculation and f.type not in ("calculate", "hidden"):
        raise _fail(f.name, "only calculate and hidden fields have a calculation")
    if f.type != "repeat" and (f.min_rows is not None or f.max_rows is not None
                               or f.repeat_count):
        raise _fail(f.name, "only repeat groups have min_rows/max_rows/repeat_count")
    if f.min_rows is not None and f.max_rows is not None and f.min_rows > f.max_rows:
        raise _fail(f.name, "min_rows is larger than max_rows")
    if f.value_type is not None and f.type not in ("calculate", "hidden"):
        raise _fail(f.name, "value_type applies to calculate and hidden fields only")
    if f.attachment_kind is not None and f.type != "attachment":
        raise _fail(f.name, "attachment_kind applies to attachment fields only")
    if f.type == "date" and not f.date_precisions:
        raise _fail(f.name, "a date field needs at least one allowed precision")
    if not f.has_value and (f.required is not False or f.constraint or f.default is not None):
        raise _fail(f.name, f"a {f.type} holds no value: no required/constraint/default")
    if f.type == "calculate" and f.default is not None:
        raise _fail(f.name, "a calculate field cannot have a default")
    if f.default is not None:
        _check_default(f, form)


def _check_default(f: FormField, form: Form) -> None:
    # Imported lazily: values imports model for types.
    from intake_app.forms.values import coerce_value

    err, _ = coerce_value(f, f.default, "en", form)
    if err is not None:
        raise _fail(f.name, f"default {f.default!r} is not valid: {err}")
