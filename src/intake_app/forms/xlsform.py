"""XLSForm (ODK / KoboToolbox spreadsheet) import into the canonical form.

pyxform reads and de-aliases the workbook; this module maps pyxform's JSON
onto :class:`Form`, keeping every meaning it can and saying (with the sheet
row) what it changes or cannot keep. Features that would change what a record
means are refused with :class:`FormError`; harmless ones give a warning.

The importer is built in layers: ``xlsform_base`` (its state, messages, label
texts and language codes, expressions), ``xlsform_choices`` (choice lists from the
workbook and from CSV / XML / GeoJSON files, pulldata tables) and this module
(questions, binds, the whole form).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from intake_app.errors import FormError
from intake_app.forms.i18n import parse_language_label, text_direction
from intake_app.forms.model import Form
from intake_app.forms.xlsform_choices import _ChoiceReader
from intake_app.forms.xlsform_guard import check_form_file

# Spellings of yes/no in required/read_only as ODK and pyxform accept them.
_TRUE = frozenset({"yes", "true", "true()", "1", "t", "y"})
_FALSE = frozenset({"no", "false", "false()", "0", "", "f", "n"})
_BARE_WORD = re.compile(r"^[^\W\d][\w\-]*(?:\s+[^\W\d][\w\-]*)*$")
_KNOWN_KEYS = frozenset({
    "type", "name", "label", "hint", "bind", "children", "choices", "itemset", "list_name",
    "parameters", "choice_filter", "default", "control", "media", "guidance_hint", "trigger",
    "sms_field", "instance", "flat", "query", "intent", "body", "sms_option",
})
# Metadata questions: what a laptop can honestly fill in (see forms.metadata), and the
# rest, kept in the form but left empty.
METADATA_FILLED = {"start": "text", "end": "text", "today": "date", "deviceid": "text"}
METADATA_EMPTY = {"username": "user name; profiles here have no user accounts",
                  "email": "e-mail address", "phonenumber": "phone number",
                  "simserial": "SIM serial number", "subscriberid": "SIM subscriber id",
                  "audit": "audit log", "start-geopoint": "GPS position at start",
                  "background-audio": "background audio recording",
                  "background-geopoint": "GPS track", "uri:deviceid": "device id",
                  "uri:username": "user name", "uri:email": "e-mail address",
                  "uri:phonenumber": "phone number", "uri:simserial": "SIM serial number",
                  "uri:subscriberid": "SIM subscriber id"}
_GEO = ("geopoint", "geotrace", "geoshape")
_ATTACH = {"image": "photo", "photo": "photo", "audio": "audio", "video": "video",
           "file": "file"}
# Bind attributes the importer maps (the rest is kept under its sheet column name).
_BIND_ACTED = frozenset({"relevant", "constraint", "required", "calculate", "readonly",
                         "jr:constraintMsg", "jr:requiredMsg", "type", "jr:preload",
                         "jr:preloadParams"})
_BIND_COLUMNS = {"entities:saveto": "save_to"}
_FIELD_IN_MSG = re.compile(r"field '([^']+)'")


class _Importer(_ChoiceReader):
    # ------------------------------------------------------------ fields

    def convert_children(self, items: list[Any], in_repeat: bool,
                         parent: str = "") -> list[dict[str, Any]]:
        out = []
        for item in items:
            if not isinstance(item, Mapping):
                continue
            f = self.convert(item, in_repeat, parent)
            if f is not None:
                out.append(f)
        return out

    def convert(self, q: Mapping[str, Any], in_repeat: bool,
                parent: str = "") -> dict[str, Any] | None:
        name = str(q.get("name", ""))
        qtype = str(q.get("type", ""))
        control = q.get("control") if isinstance(q.get("control"), Mapping) else {}
        assert isinstance(control, Mapping)
        if qtype == "group" and name == "meta" and control.get("bodyless"):
            # pyxform's generated group: instanceID, instanceName, and meta rows it moved
            # there (audit). The instance name becomes a setting; audit stays a question.
            for child in q.get("children") or []:
                if not isinstance(child, Mapping):
                    continue
                cname = str(child.get("name", ""))
                cbind = child.get("bind") if isinstance(child.get("bind"), Mapping) else {}
                assert isinstance(cbind, Mapping)
                if cname == "instanceName" and cbind.get("calculate"):
                    self.instance_name = str(cbind["calculate"])
                elif child.get("type") == "entity":
                    continue  # the entities sheet, kept as a side sheet
                elif cname != "instanceID" and self.pending_meta is not None:
                    f = self.convert(child, in_repeat)
                    if f is not None:
                        self.pending_meta.append(f)
            return None
        out: dict[str, Any] = {"name": name}
        if name in self.names:
            # XLSForm allows one name in different groups/repeats (pyxform refuses any
            # ${name} reference to it, so none exists). Field names here are unique in
            # the form: the later one becomes "<group>_<name>" (not a dot: record paths
            # use dots); the sheet's name is kept for export.
            base = f"{parent}_{name}" if parent else f"{name}_2"
            new, n = base, 2
            while new in self.names or new in self.rows:
                n += 1
                new = f"{base}_{n}"
            out["name"] = new
            out["xlsform"] = {"name": name}
            self.rows.setdefault(new, self.rows.get(name, 0))
            name = new
        self.names[name] = self.rows.get(name, 0)
        bind = q.get("bind") if isinstance(q.get("bind"), Mapping) else {}
        assert isinstance(bind, Mapping)
        params = q.get("parameters") if isinstance(q.get("parameters"), Mapping) else {}
        assert isinstance(params, Mapping)
        label = self.texts(q.get("label"))
        hint = self.texts(q.get("hint"))
        if label:
            out["label"] = label
        if hint:
            out["hint"] = hint
        for key in ("guidance_hint", "media", "trigger", "sms_field", "intent", "body",
                    "query", "instance", "flat"):
            if q.get(key):
                self.keep(name, out, key, q[key])
        for key, value in q.items():
            if key not in _KNOWN_KEYS and key != "actions" and value not in (None, "", {}):
                self.keep(name, out, str(key), value)
        if params:
            self.keep(name, out, "parameters",
                      " ".join(f"{k}={v}" for k, v in sorted(params.items())))
        appearance = q.get("appearance") or control.get("appearance")
        if appearance:
            out["appearance"] = str(appearance)

        kind = self.field_type(name, qtype, q, out, params, control)
        if kind is None:
            return None
        out["type"] = kind
        if kind in ("group", "repeat"):
            out["children"] = self.convert_children(list(q.get("children") or []),
                                                    in_repeat or kind == "repeat", name)
            if kind == "repeat":
                count = control.get("jr:count")
                if count:
                    text = str(count).strip()
                    if text.isdigit():
                        out["min_rows"] = out["max_rows"] = int(text)
                    else:
                        out["repeat_count"] = self.expr(name, "repeat_count", text)
                if control.get("jr:noAddRemove"):
                    self.keep(name, out, "jr:noAddRemove", control["jr:noAddRemove"])
        self.apply_bind(name, kind, bind, q, out)
        if name in self.original_exprs:
            out.setdefault("xlsform", {}).update(self.original_exprs[name])
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
        if low in ("select one", "select all that apply", "rank", "select one external"):
            out["choices"] = self.select_list(name, q, params, external=low.endswith("external"))
            if q.get("choice_filter"):
                out["choice_filter"] = self.expr(name, "choice_filter", q["choice_filter"],
                                                 names_ok=True)
            if low == "select one external":
                out.setdefault("xlsform", {})["type"] = "select_one_external"
            itemset = str(q.get("itemset") or "")
            if re.search(r"\.(csv|xml|geojson)$", itemset, re.IGNORECASE):
                out.setdefault("xlsform", {})["itemset"] = itemset
            return {"select one": "select_one", "select all that apply": "select_multiple",
                    "rank": "rank"}.get(low, "select_one")
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
        if low in _GEO:
            return low
        if low in _ATTACH:
            out["attachment_kind"] = _ATTACH[low]
            if low == "photo":
                out.setdefault("xlsform", {})["type"] = "photo"
            return "attachment"
        if low in ("acknowledge", "trigger"):
            out.setdefault("xlsform", {})["type"] = low
            self.warn(name, f"{t} imported as a yes/no question")
            return "yes_no"
        if low in ("time", "datetime", "barcode"):
            out.setdefault("xlsform", {})["type"] = low
            self.warn(name, f"{t} imported as text (no {t} field here)")
            return "text"
        if low == "range":
            start, end = params.get("start"), params.get("end")
            step = params.get("step")
            numbers = [str(v) for v in (start, end, step) if v is not None]
            decimal = any("." in v for v in numbers)
            parts = []
            if start is not None:
                parts.append(f". >= {start}")
            if end is not None:
                parts.append(f". <= {end}")
            if parts:
                out["_range_constraint"] = " and ".join(parts)
            out.setdefault("xlsform", {})["type"] = "range"
            self.warn(name, "range imported as a number with its bounds as a constraint")
            return "decimal" if decimal else "integer"
        if low in METADATA_FILLED or low in METADATA_EMPTY:
            out["metadata"] = low
            out["value_type"] = "date" if low == "today" else "text"
            if low in METADATA_EMPTY:
                self.warn(name, f"{t} ({METADATA_EMPTY[low]}): kept in the form but left "
                          "empty (a laptop cannot record it honestly)")
            return "hidden"
        if low == "osm":
            raise self.fail(name, "osm (OpenStreetMap) questions are not supported")
        if low in ("xml-external", "csv-external"):
            out.setdefault("xlsform", {})["type"] = low
            self.warn(name, f"{t} declares an external data file; kept in the form but not "
                      "used (pulldata() reads its CSV; instance() lookups are refused)")
            return "hidden"
        raise self.fail(name, f"question type {t!r} is not supported")

    def yes_no_rule(self, name: str, what: str, value: object) -> bool | str:
        """required/read_only: a yes/no spelling ODK accepts, or an expression."""
        text = str(value).strip()
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        if _BARE_WORD.match(text):
            raise self.fail(name, f"{what} {text!r} is not a yes/no value (write yes, no, "
                            "or an expression such as ${other} = 'yes')")
        return self.expr(name, what, text) or False

    def apply_bind(self, name: str, kind: str, bind: Mapping[str, Any], q: Mapping[str, Any],
                   out: dict[str, Any]) -> None:
        has_value = kind not in ("group", "repeat", "note")
        for key, value in bind.items():
            if key not in _BIND_ACTED and value not in (None, ""):
                # e.g. entities:saveto (save_to), bind::odk:length: kept for the export
                self.keep(name, out, _BIND_COLUMNS.get(key, f"bind::{key}"), value)
        relevant = self.expr(name, "relevant", bind.get("relevant"))
        if relevant:
            out["relevant"] = relevant
        constraint = self.expr(name, "constraint", bind.get("constraint"))
        range_c = out.pop("_range_constraint", None)
        if range_c:
            out.setdefault("xlsform", {})["constraint"] = constraint or ""
            constraint = f"({constraint}) and {range_c}" if constraint else range_c
        if constraint:
            if has_value:
                out["constraint"] = constraint
                msg = self.texts(bind.get("jr:constraintMsg"))
                if msg:
                    out["constraint_message"] = msg
            else:
                self.keep(name, out, "constraint", constraint)
        required = bind.get("required")
        if required is not None:
            req = self.yes_no_rule(name, "required", required)
            if req is not False:
                if has_value:
                    out["required"] = req
                    msg = self.texts(bind.get("jr:requiredMsg"))
                    if msg:
                        out["required_message"] = msg
                elif kind == "repeat" and req is True:
                    out.setdefault("min_rows", 1)
                else:
                    self.keep(name, out, "required", required)
        calc = self.expr(name, "calculation", bind.get("calculate"))
        if calc:
            if kind in ("calculate", "hidden"):
                out["calculation"] = calc
            elif has_value:
                # ODK recomputes such a value; here it becomes a calculated field that
                # keeps its required rule and constraint (checked on the computed value).
                self.warn(name, f"calculation on a {kind} question: imported as a "
                          "calculated (read-only) field; its constraint and required rule "
                          "are checked on the calculated value")
                value_type = {"integer": "integer", "decimal": "decimal", "date": "date",
                              "yes_no": "boolean"}.get(kind, "text")
                out.setdefault("xlsform", {}).setdefault("type", str(q.get("type", kind)))
                for k in ("choices", "choice_filter", "attachment_kind", "metadata"):
                    out.pop(k, None)
                if out.get("choices") is None and q.get("itemset"):
                    self.used_lists.discard(str(q.get("itemset")))
                out.update(type="calculate", calculation=calc, value_type=value_type)
                kind = "calculate"
            else:
                self.keep(name, out, "calculation", calc)
        readonly = bind.get("readonly")
        if readonly is not None and str(readonly).strip():
            ro = self.yes_no_rule(name, "read_only", readonly)
            if ro is True and has_value:
                out["read_only"] = True
            elif isinstance(ro, str):
                self.keep(name, out, "read_only", ro)
        default = q.get("default")
        if default is not None and str(default).strip() != "":
            text = str(default).strip()
            if "${" in text or "(" in text or kind in ("calculate", "group", "repeat",
                                                          "note"):
                self.keep(name, out, "default", text)
            elif kind in ("select_multiple", "rank"):
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
        if self.path.is_dir():
            raise FormError(f"{self.path}: is a folder; give the XLSForm file itself "
                            "(a .xlsx or .xls file)")
        if not self.path.is_file():
            if self.path.exists():
                raise FormError(f"{self.path}: not a regular file; an XLSForm is a .xlsx "
                                "or .xls file")
            raise FormError(f"{self.path.name}: no such file")
        check_form_file(self.path)  # size bombs are refused before any parser runs
        pyx_warnings: list[str] = []
        try:
            wb = get_xlsform(xlsform=str(self.path))
            self.read_side_sheets(wb)
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
        if self.pending_meta:
            fields.extend(self.pending_meta)
        self.pending_meta = None
        choice_lists: dict[str, list[dict[str, Any]]] = {}
        media_lists: list[str] = []
        for list_name in sorted(self.used_lists):
            items = []
            seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
            dropped = 0
            for c in self.choice_lists[list_name]:
                cname = str(c.get("name", "")).strip()
                if c.get("media") and list_name not in media_lists:
                    media_lists.append(list_name)
                filters = {str(k): str(v) for k, v in c.items()
                           if k not in ("name", "label", "media") and v is not None
                           and not isinstance(v, Mapping)}
                key = (cname, tuple(sorted(filters.items())))
                if key in seen:
                    # allow_choice_duplicates: the same value twice under the same filter
                    # means one answer; the first label is kept.
                    dropped += 1
                    continue
                seen.add(key)
                items.append({"name": cname, "label": self.texts(c.get("label")),
                              "filters": filters})
            if dropped:
                self.warnings.append(f"choice list {list_name!r}: {dropped} repeated "
                                     "choice(s) with the same name and filters merged "
                                     "(first label kept)")
            choice_lists[list_name] = items
        if media_lists:
            self.warnings.append("choice images/audio are not shown by this app (lists: "
                                 f"{', '.join(media_lists)})")
        if self.kept:
            listed = "; ".join(
                f"{key} (row{'s' if len(rows) > 1 else ''} "
                f"{', '.join(str(r) for r in sorted(set(rows))[:8])}"
                f"{' …' if len(set(rows)) > 8 else ''})"
                for key, rows in sorted(self.kept.items()))
            self.warnings.append("kept in the form but not acted on by this app (exported "
                                 f"back unchanged): {listed}")
        if self.side_sheets:
            self.warnings.append("sheets kept in the form but not acted on: "
                                 + ", ".join(sorted(self.side_sheets)))
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
        from pyxform import aliases

        extra_settings = {str(k): str(v) for k, v in setting.items()
                          if aliases.settings_header.get(str(k), str(k))
                          not in ("id_string", "version", "title", "default_language")}
        for skey in ("public_key", "submission_url"):
            if skey in extra_settings:
                self.warnings.append(f"settings {skey} is not used by this app (ignored)")
        title = self.texts(data.get("title"))
        form_id = str(data.get("id_string") or self.path.stem)
        form_id = re.sub(r"[^A-Za-z0-9_.\-]", "_", form_id)
        if not re.match(r"^[A-Za-z_]", form_id):
            form_id = "f_" + form_id
        meta: dict[str, Any] = {"source": "xlsform", "source_file": self.path.name,
                                "xlsform_settings": extra_settings}
        if self.used_files:
            meta["data_files"] = dict(sorted(self.used_files.items()))
        if self.side_sheets:
            meta["xlsform_sheets"] = self.side_sheets
        if self.pulldata:
            meta["pulldata"] = dict(sorted(self.pulldata.items()))
        if self.derived_tables:
            meta["pulldata_from_choices"] = sorted(self.derived_tables)
        raw = {
            "id": form_id,
            "version": version,
            "title": title,
            "default_language": self.default_code,
            "languages": languages,
            "fields": fields,
            "choice_lists": choice_lists,
            "metadata": meta,
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


def import_xlsform(path: Path, files: Mapping[str, Path] | None = None
                   ) -> tuple[Form, list[str]]:
    """Convert an XLSForm (.xlsx/.xls) into a canonical :class:`Form`, plus warnings.

    ``files``: choice files given with the form (``--file``), by plain file name;
    others are looked up next to the form. Raises ``FormError`` naming the file
    and sheet row for anything that cannot be imported without changing what the
    form means.
    """
    importer = _Importer(Path(path), files)
    form = importer.run()
    return form, importer.warnings
