"""XLSForm (ODK / KoboToolbox spreadsheet) import into the canonical form.

pyxform reads and de-aliases the workbook; this module maps pyxform's JSON
onto :class:`Form`, keeping every meaning it can and saying (with the sheet
row) what it changes or cannot keep. Features that would change what a record
means are refused with :class:`FormError`; harmless ones give a warning.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from intake_app.errors import FormError
from intake_app.forms.expr import ExprError, compile_expression
from intake_app.forms.i18n import parse_language_label, text_direction
from intake_app.forms.model import Form

_TRUE = frozenset({"yes", "true", "true()", "1"})
_FALSE = frozenset({"no", "false", "false()", "0", ""})
_KNOWN_KEYS = frozenset({
    "type", "name", "label", "hint", "bind", "children", "choices", "itemset", "list_name",
    "parameters", "choice_filter", "default", "control", "media", "guidance_hint", "trigger",
    "sms_field", "instance", "flat", "query", "intent", "body", "sms_option",
})
_META_KEEP = {"start", "end", "today", "deviceid", "username", "email", "start-geopoint"}
_META_DROP = {"subscriberid": "SIM subscriber id", "simserial": "SIM serial number",
              "phonenumber": "phone number", "audit": "audit log",
              "start-geopoint": "GPS position", "background-audio": "background audio recording",
              "background-geopoint": "GPS position"}
_ATTACH = {"image": "photo", "photo": "photo", "audio": "audio", "video": "video",
           "file": "file"}
_PARENT_REF = re.compile(r"\.\./([A-Za-z_][\w.\-]*)")
_FIELD_IN_MSG = re.compile(r"field '([^']+)'")


class _Importer:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.warnings: list[str] = []
        self.rows: dict[str, int] = {}
        self.lang_codes: dict[str, str] = {}
        self.default_code = "en"
        self.choice_lists: dict[str, list[dict[str, Any]]] = {}
        self.used_lists: set[str] = set()
        self.names: dict[str, int] = {}
        self.unknown_columns: dict[str, int] = {}

    # ------------------------------------------------------------ helpers

    def where(self, name: str) -> str:
        row = self.rows.get(name)
        return f"survey row {row} ({name!r})" if row else f"field {name!r}"

    def warn(self, name: str, msg: str) -> None:
        self.warnings.append(f"{self.where(name)}: {msg}")

    def fail(self, name: str, msg: str) -> FormError:
        return FormError(f"{self.path.name}: {self.where(name)}: {msg}")

    def texts(self, value: object) -> dict[str, str]:
        if value is None:
            return {}
        if isinstance(value, str):
            return {self.default_code: value} if value.strip() else {}
        if isinstance(value, Mapping):
            out: dict[str, str] = {}
            for lang_name, text in value.items():
                if not isinstance(text, str) or not text.strip():
                    continue
                out[self.code(str(lang_name))] = text
            return out
        return {self.default_code: str(value)}

    def code(self, lang_name: str) -> str:
        if lang_name == "default":
            return self.default_code
        known = self.lang_codes.get(lang_name)
        if known:
            return known
        _, code = parse_language_label(lang_name)
        if code is None:
            letters = re.sub(r"[^a-z]", "", lang_name.lower())[:8]
            code = letters if len(letters) >= 2 else "und"
            self.warnings.append(f"language {lang_name!r} has no code in brackets; "
                                 f"using {code!r} (write it as 'Name (code)')")
        self.lang_codes[lang_name] = code
        return code

    def expr(self, name: str, what: str, text: object, *, names_ok: bool = False) -> str | None:
        if text is None:
            return None
        src = str(text).strip()
        if not src:
            return None
        if "../.." in src:
            raise self.fail(name, f"{what} {src!r}: relative paths beyond the parent are "
                            "not supported; use ${name}")
        src = _PARENT_REF.sub(r"${\1}", src)
        try:
            compile_expression(src, allow_names=names_ok)
        except ExprError as exc:
            raise self.fail(name, f"{what} {src!r}: {exc}") from None
        return src

    # ------------------------------------------------------------ fields

    def convert_children(self, items: list[Any], in_repeat: bool) -> list[dict[str, Any]]:
        out = []
        for item in items:
            if not isinstance(item, Mapping):
                continue
            f = self.convert(item, in_repeat)
            if f is not None:
                out.append(f)
        return out

    def convert(self, q: Mapping[str, Any], in_repeat: bool) -> dict[str, Any] | None:
        name = str(q.get("name", ""))
        qtype = str(q.get("type", ""))
        control = q.get("control") if isinstance(q.get("control"), Mapping) else {}
        assert isinstance(control, Mapping)
        if qtype == "group" and name == "meta" and control.get("bodyless"):
            return None  # pyxform's generated instanceID/instanceName group
        if name in self.names:
            raise self.fail(name, "name used twice; field names must be unique in a form "
                            "(expressions refer to fields as ${name})")
        self.names[name] = self.rows.get(name, 0)
        for key in q:
            if key not in _KNOWN_KEYS and key not in self.unknown_columns:
                self.unknown_columns[key] = self.rows.get(name, 0)
        bind = q.get("bind") if isinstance(q.get("bind"), Mapping) else {}
        assert isinstance(bind, Mapping)
        params = q.get("parameters") if isinstance(q.get("parameters"), Mapping) else {}
        assert isinstance(params, Mapping)
        out: dict[str, Any] = {"name": name}
        label = self.texts(q.get("label"))
        hint = self.texts(q.get("hint"))
        if label:
            out["label"] = label
        if hint:
            out["hint"] = hint
        if q.get("guidance_hint"):
            self.warn(name, "guidance_hint is not shown by this app (ignored)")
        if q.get("media"):
            self.warn(name, "media (image/audio/video columns) is not supported (ignored)")
        if q.get("trigger"):
            self.warn(name, "trigger column is not supported (ignored)")
        appearance = q.get("appearance") or control.get("appearance")
        if appearance:
            out["appearance"] = str(appearance)

        kind = self.field_type(name, qtype, q, out, params, control)
        if kind is None:
            return None
        out["type"] = kind
        if kind in ("group", "repeat"):
            out["children"] = self.convert_children(list(q.get("children") or []),
                                                    in_repeat or kind == "repeat")
            if kind == "repeat":
                count = control.get("jr:count")
                if count:
                    text = str(count).strip()
                    if text.isdigit():
                        out["min_rows"] = out["max_rows"] = int(text)
                    else:
                        out["repeat_count"] = self.expr(name, "repeat_count", text)
                if control.get("jr:noAddRemove"):
                    self.warn(name, "jr:noAddRemove is not enforced (ignored)")
        self.apply_bind(name, kind, bind, q, out)
        return out

    def field_type(self, name: str, qtype: str, q: Mapping[str, Any], out: dict[str, Any],
                   params: Mapping[str, Any], control: Mapping[str, Any]) -> str | None:
        t = qtype.strip()
        low = t.lower()
        if low in ("text", "string"):
            appearance = out.get("appearance", "")
            return "long_text" if "multiline" in str(appearance).split() else "text"
        if low in ("integer", "int"):
            return "integer"
        if low == "decimal":
            return "decimal"
        if low == "date":
            return "date"
        if low in ("select one", "select all that apply"):
            out["choices"] = self.select_list(name, q)
            if q.get("choice_filter"):
                out["choice_filter"] = self.expr(name, "choice_filter", q["choice_filter"],
                                                 names_ok=True)
            if params.get("randomize"):
                self.warn(name, "randomize is not supported; choices keep sheet order")
            return "select_one" if low == "select one" else "select_multiple"
        if low == "note":
            return "note"
        if low == "group":
            return "group"
        if low == "repeat":
            return "repeat"
        if low == "calculate":
            return "calculate"
        if low == "hidden":
            return "hidden"
        if low in _ATTACH:
            out["attachment_kind"] = _ATTACH[low]
            return "attachment"
        if low in ("acknowledge", "trigger"):
            self.warn(name, f"{t} imported as a yes/no question")
            return "yes_no"
        if low in ("time", "datetime"):
            self.warn(name, f"{t} imported as text (no {t} field type here)")
            return "text"
        if low == "barcode":
            self.warn(name, "barcode imported as text (no scanner)")
            return "text"
        if low == "range":
            start, end, step = (params.get(k) for k in ("start", "end", "step"))
            numbers = [str(v) for v in (start, end, step) if v is not None]
            decimal = any("." in v for v in numbers)
            parts = []
            if start is not None:
                parts.append(f". >= {start}")
            if end is not None:
                parts.append(f". <= {end}")
            if parts:
                out["_range_constraint"] = " and ".join(parts)
            self.warn(name, "range imported as a number with its bounds as a constraint")
            return "decimal" if decimal else "integer"
        if low in _META_DROP and low not in _META_KEEP:
            self.warn(name, f"{t} ({_META_DROP[low]}) is not recorded by this app "
                      "(data minimisation); field dropped")
            return None
        if low == "osm":
            raise self.fail(name, "osm (OpenStreetMap) questions are not supported")
        if low == "start-geopoint" or low.startswith("geo"):
            self.warn(name, f"{t} is not supported: this app records no GPS positions "
                      "(data minimisation); field dropped")
            return None
        if low in _META_KEEP:
            out["metadata"] = low
            if low in ("start", "end"):
                out["value_type"] = "text"
            elif low == "today":
                out["value_type"] = "date"
            return "hidden"
        if low in ("xml-external", "csv-external"):
            self.warn(name, f"{t} declares an external data file, which is not supported; "
                      "ignored (expressions using it will be refused)")
            return None
        if low == "rank":
            raise self.fail(name, "rank questions are not supported (the order of choices "
                            "would be lost)")
        if low.startswith("select one external") or "external" in low:
            raise self.fail(name, f"{t} (choices from an external file) is not supported")
        raise self.fail(name, f"question type {t!r} is not supported")

    def select_list(self, name: str, q: Mapping[str, Any]) -> str:
        itemset = str(q.get("itemset") or q.get("list_name") or "")
        if re.search(r"\.(csv|xml|geojson)$", itemset, re.IGNORECASE):
            return self.file_list(name, itemset)
        if itemset not in self.choice_lists:
            raise self.fail(name, f"choice list {itemset!r} is not in the choices sheet")
        self.used_lists.add(itemset)
        return itemset

    def file_list(self, name: str, filename: str) -> str:
        file = self.path.parent / filename
        if not filename.lower().endswith(".csv"):
            raise self.fail(name, f"select_one_from_file {filename}: only CSV choice files "
                            "are supported")
        if not file.is_file():
            raise self.fail(name, f"select_one_from_file {filename}: the choices file was "
                            f"not found next to {self.path.name}; put it there and import "
                            "again")
        try:
            with file.open(encoding="utf-8-sig", newline="") as fh:
                rows = list(csv.DictReader(fh))
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise self.fail(name, f"cannot read {filename}: {exc}") from None
        list_name = re.sub(r"[^\w]", "_", Path(filename).stem) + "_file"
        choices = []
        for r in rows:
            choice_name = (r.get("name") or "").strip()
            if not choice_name:
                continue
            labels = {k: v for k, v in r.items() if k and k.startswith("label") and v}
            label: dict[str, str] = {}
            for k, v in labels.items():
                lang = k.split("::", 1)[1] if "::" in k else "default"
                label[lang] = v
            extra = {k: v for k, v in r.items()
                     if k and k != "name" and not k.startswith("label") and v is not None}
            choices.append({"name": choice_name, "label": label, **extra})
        self.choice_lists[list_name] = choices
        self.used_lists.add(list_name)
        self.warn(name, f"choices read from {filename} ({len(choices)} choices) and stored "
                  "in the form")
        return list_name

    def apply_bind(self, name: str, kind: str, bind: Mapping[str, Any], q: Mapping[str, Any],
                   out: dict[str, Any]) -> None:
        has_value = kind not in ("group", "repeat", "note")
        relevant = self.expr(name, "relevant", bind.get("relevant"))
        if relevant:
            out["relevant"] = relevant
        constraint = self.expr(name, "constraint", bind.get("constraint"))
        range_c = out.pop("_range_constraint", None)
        if range_c:
            constraint = f"({constraint}) and {range_c}" if constraint else range_c
        if constraint:
            if has_value:
                out["constraint"] = constraint
                msg = self.texts(bind.get("jr:constraintMsg"))
                if msg:
                    out["constraint_message"] = msg
            else:
                self.warn(name, f"constraint on a {kind} has no effect (ignored)")
        required = bind.get("required")
        if required is not None:
            text = str(required).strip()
            if text.lower() in _TRUE:
                req: bool | str = True
            elif text.lower() in _FALSE:
                req = False
            else:
                req = self.expr(name, "required", text) or False
            if req is not False:
                if has_value and kind != "calculate":
                    out["required"] = req
                    msg = self.texts(bind.get("jr:requiredMsg"))
                    if msg:
                        out["required_message"] = msg
                elif kind == "repeat" and req is True:
                    out.setdefault("min_rows", 1)
                else:
                    self.warn(name, f"required on a {kind} has no effect (ignored)")
        calc = self.expr(name, "calculation", bind.get("calculate"))
        if calc:
            if kind in ("calculate", "hidden"):
                out["calculation"] = calc
            elif has_value:
                self.warn(name, f"calculation on a {kind} question: imported as a "
                          "calculated (read-only) field")
                value_type = {"integer": "integer", "decimal": "decimal", "date": "date",
                              "yes_no": "boolean"}.get(kind, "text")
                for k in ("required", "required_message", "constraint",
                          "constraint_message", "choices", "choice_filter", "appearance",
                          "attachment_kind"):
                    out.pop(k, None)
                out.update(type="calculate", calculation=calc, value_type=value_type)
                kind = "calculate"
            else:
                self.warn(name, f"calculation on a {kind} has no effect (ignored)")
        if str(bind.get("readonly", "")).strip().lower() in _TRUE and has_value:
            out["read_only"] = True
        default = q.get("default")
        if default is not None and str(default).strip() != "":
            text = str(default).strip()
            if "${" in text or "(" in text:
                self.warn(name, f"dynamic default {text!r} is not supported (ignored)")
            elif kind in ("calculate", "group", "repeat", "note"):
                self.warn(name, f"default on a {kind} has no effect (ignored)")
            elif kind == "select_multiple":
                out["default"] = text.split()
            elif kind == "yes_no":
                out["default"] = text.lower() in _TRUE
            else:
                out["default"] = text
        if kind == "hidden" and "value_type" not in out:
            out["value_type"] = "text"

    # ------------------------------------------------------------ whole form

    def run(self) -> Form:
        try:
            from pyxform.xls2json import workbook_to_json
            from pyxform.xls2json_backends import get_xlsform
        except ImportError as exc:  # pragma: no cover - pyxform is a dependency
            raise FormError(f"pyxform is not installed: {exc}") from None
        if not self.path.is_file():
            raise FormError(f"{self.path.name}: no such file")
        pyx_warnings: list[str] = []
        try:
            wb = get_xlsform(xlsform=str(self.path))
            survey_rows = list(getattr(wb, "survey", None) or [])
            for i, row in enumerate(survey_rows):
                n = row.get("name")
                if n:
                    self.rows.setdefault(str(n).strip(), i + 2)
            self.prescan(survey_rows)
            data = workbook_to_json(workbook_dict=wb, form_name=None,
                                    fallback_form_name=wb.fallback_form_name,
                                    default_language="default", warnings=pyx_warnings)
        except FormError:
            raise
        except Exception as exc:  # pyxform raises many kinds on bad input
            msg = " ".join(str(exc).split()) or type(exc).__name__
            raise FormError(f"{self.path.name}: {msg}") from None
        self.warnings.extend(" ".join(w.split()) for w in pyx_warnings)
        headers = [str(h) for h in (getattr(wb, "survey_header", None) or [{}])[0]]
        return self.build(data, headers, list(getattr(wb, "settings", None) or []))

    def prescan(self, rows: list[dict[str, Any]]) -> None:
        for i, row in enumerate(rows):
            for col, value in row.items():
                if isinstance(value, str) and "pulldata(" in value.replace(" (", "("):
                    raise FormError(
                        f"{self.path.name}: survey row {i + 2} ({row.get('name', '')!r}), "
                        f"column {col}: pulldata() reads an external CSV at interview time, "
                        "which is not supported; replace it with a question or a select")

    def build(self, data: Mapping[str, Any], headers: list[str],
              settings: list[dict[str, Any]]) -> Form:
        # Languages, in column order; the default is the settings' or the first one.
        names: list[str] = []
        for h in headers:
            if "::" in h:
                base, lang = h.split("::", 1)
                if base.strip().lower() in ("label", "hint", "constraint_message",
                                            "required_message", "guidance_hint") \
                        and lang not in names:
                    names.append(lang.strip())
        setting = settings[0] if settings else {}
        default_name = str(data.get("default_language") or "default")
        plain_label = any(h.strip().lower() in ("label", "hint") for h in headers)
        if default_name != "default":
            self.default_code = self.code(default_name)
        elif plain_label:
            # ODK: the plain 'label' column is the "default" language. Give it a code that
            # does not collide with a named column.
            named = {parse_language_label(n)[1] for n in names}
            self.default_code = "en" if "en" not in named else "und"
            if names:
                self.warnings.append("the plain 'label' column has no language; it is "
                                     f"treated as {self.default_code!r} (set "
                                     "default_language in the settings sheet)")
        elif names:
            self.default_code = self.code(names[0])
        for n in names:
            self.code(n)
        # Choices.
        raw_choices = data.get("choices") or {}
        for list_name, items in raw_choices.items():
            self.choice_lists[str(list_name)] = [dict(c) for c in items
                                                 if isinstance(c, Mapping)]
        fields = self.convert_children(list(data.get("children") or []), False)
        for col, row in sorted(self.unknown_columns.items()):
            self.warnings.append(f"survey column {col!r} (first used in row {row}) is not "
                                 "part of XLSForm; ignored")
        choice_lists: dict[str, list[dict[str, Any]]] = {}
        for list_name in sorted(self.used_lists):
            items = []
            for c in self.choice_lists[list_name]:
                cname = str(c.get("name", "")).strip()
                if c.get("media"):
                    self.warnings.append(f"choice list {list_name!r}: media for {cname!r} "
                                         "ignored")
                filters = {str(k): str(v) for k, v in c.items()
                           if k not in ("name", "label", "media") and v is not None
                           and not isinstance(v, Mapping)}
                items.append({"name": cname, "label": self.texts(c.get("label")),
                              "filters": filters})
            choice_lists[list_name] = items
        unused = sorted(set(self.choice_lists) - self.used_lists)
        if unused:
            self.warnings.append(f"choice lists not used by any question (kept out): "
                                 f"{', '.join(unused)}")
        codes = list(dict.fromkeys([self.default_code, *self.lang_codes.values()]))
        languages = [{"code": c, "name": _lang_name(c, self.lang_codes),
                      "direction": text_direction(c)} for c in codes]
        version = str(data.get("version") or "").strip()
        if not version:
            version = "1"
            self.warnings.append("settings sheet has no version; using version '1'")
        extra_settings = {str(k): str(v) for k, v in setting.items()
                          if k not in ("form_id", "id_string", "version", "form_title",
                                       "default_language")}
        for key in ("public_key", "submission_url"):
            if key in extra_settings:
                self.warnings.append(f"settings {key} is not used by this app (ignored)")
        title = self.texts(data.get("title"))
        form_id = str(data.get("id_string") or self.path.stem)
        form_id = re.sub(r"[^A-Za-z0-9_.\-]", "_", form_id)
        if not re.match(r"^[A-Za-z_]", form_id):
            form_id = "f_" + form_id
        raw = {
            "id": form_id,
            "version": version,
            "title": title,
            "default_language": self.default_code,
            "languages": languages,
            "fields": fields,
            "choice_lists": choice_lists,
            "metadata": {"source": "xlsform", "source_file": self.path.name,
                         "xlsform_settings": extra_settings},
        }
        try:
            return Form.from_dict(raw)
        except FormError as exc:
            text = str(exc)
            m = _FIELD_IN_MSG.search(text)
            row_no = self.rows.get(m.group(1)) if m else None
            where = f"survey row {row_no}: " if row_no else ""
            raise FormError(f"{self.path.name}: {where}{text}") from None


def _lang_name(code: str, names: Mapping[str, str]) -> str:
    for label, c in names.items():
        if c == code:
            return parse_language_label(label)[0]
    return {"en": "English", "fa-AF": "Dari", "ps": "Pashto", "ur": "Urdu"}.get(code, code)


def import_xlsform(path: Path) -> tuple[Form, list[str]]:
    """Convert an XLSForm (.xlsx/.xls) into a canonical :class:`Form`, plus warnings.

    Raises ``FormError`` naming the file and sheet row for anything that cannot
    be imported without changing what the form means.
    """
    importer = _Importer(Path(path))
    form = importer.run()
    return form, importer.warnings
