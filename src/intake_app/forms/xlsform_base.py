"""The XLSForm importer's base: its state, messages, label texts and languages, expressions.

Part of :mod:`intake_app.forms.xlsform` (call ``import_xlsform`` there).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from intake_app.errors import FormError
from intake_app.forms.expr import ExprError, compile_expression
from intake_app.forms.i18n import parse_language_label

_PARENT_REF = re.compile(r"\.\./([A-Za-z_][\w.\-]*)")
_PULLDATA = re.compile(r"pulldata\s*\(\s*['\"]([^'\"]{1,200})['\"]")
_INSTANCE_LOOKUP = re.compile(
    r"instance\(\s*'([^']+)'\s*\)/root/item\[\s*([A-Za-z_][\w\-]*)\s*=\s*"
    r"(\$\{[^}]+\}|'[^']*'|\.)\s*\]/([A-Za-z_][\w\-]*)")


class _ImporterBase:
    def __init__(self, path: Path, files: Mapping[str, Path] | None = None) -> None:
        self.path = path
        self.files = dict(files or {})
        self.used_files: dict[str, str] = {}  # file name -> sha256 of what was read
        self.kept: dict[str, list[int]] = {}  # unacted-on column -> rows
        self.external: dict[str, list[dict[str, Any]]] = {}
        self.instance_name: str | None = None
        self.side_sheets: dict[str, list[dict[str, str]]] = {}
        self.pulldata: dict[str, list[dict[str, str]]] = {}
        self.derived_tables: set[str] = set()  # pulldata tables made from choice lists
        self.original_exprs: dict[str, dict[str, str]] = {}
        self.warnings: list[str] = []
        self.rows: dict[str, int] = {}
        self.lang_codes: dict[str, str] = {}
        self.default_code = "en"
        self.choice_lists: dict[str, list[dict[str, Any]]] = {}
        self.used_lists: set[str] = set()
        self.names: dict[str, int] = {}
        self.pending_meta: list[dict[str, Any]] | None = []

    # ------------------------------------------------------------ helpers

    def where(self, name: str) -> str:
        row = self.rows.get(name)
        return f"survey row {row} ({name!r})" if row else f"field {name!r}"

    def warn(self, name: str, msg: str) -> None:
        self.warnings.append(f"{self.where(name)}: {msg}")

    def keep(self, name: str, out: dict[str, Any], key: str, value: object) -> None:
        """Keep a column the app does not act on (exported back unchanged)."""
        if isinstance(value, Mapping):
            text = json.dumps(value, sort_keys=True, ensure_ascii=False)
        else:
            text = str(value)
        out.setdefault("xlsform", {})[key] = text
        self.kept.setdefault(key, []).append(self.rows.get(name, 0))

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
        if "instance(" in src:
            new = _INSTANCE_LOOKUP.sub(self.instance_lookup, src)
            if new != src:
                # Export writes the sheet's expression back (XLSForm column names).
                column = {"calculation": "calculation"}.get(what, what)
                self.original_exprs.setdefault(name, {})[column] = src
                src = new
        try:
            compile_expression(src, allow_names=names_ok)
        except ExprError as exc:
            raise self.fail(name, f"{what} {src!r}: {exc}") from None
        return src

    def instance_lookup(self, m: re.Match[str]) -> str:
        """Kobo's ``instance('list')/root/item[name = ${q}]/label``: a lookup in a choice
        list, kept as pulldata() over a table made from that list (stored in the form)."""
        list_name, key, value, column = m.group(1), m.group(2), m.group(3), m.group(4)
        table = f"choices_{list_name}"
        if table not in self.pulldata and list_name in self.choice_lists:
            rows = []
            for c in self.choice_lists[list_name]:
                row = {str(k): str(v) for k, v in c.items()
                       if v is not None and not isinstance(v, Mapping)}
                label = c.get("label")
                if isinstance(label, Mapping):
                    first = next((str(v) for v in label.values() if v), "")
                    row["label"] = str(label.get("default") or first)
                rows.append(row)
            self.pulldata[table] = rows
            self.derived_tables.add(table)
        if table not in self.pulldata:
            return m.group(0)  # not a choice list: refused by the parser, with the row
        return f"pulldata('{table}', '{column}', '{key}', {value})"

