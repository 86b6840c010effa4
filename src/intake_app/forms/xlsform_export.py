"""The canonical form back to an XLSForm (``intake forms export``).

The workbook has the questions, choices, logic and languages of the form, and
what the import kept without acting on it (``FormField.xlsform``, extra
settings and sheets), so importing the export gives the same canonical form
and pyxform converts it. Choice lists that came from files are written back as
those files next to the workbook, and pulldata() tables as their CSV files.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from intake_app.errors import FormError
from intake_app.forms.model import Choice, Form, FormField, pulldata_tables

_TYPE = {"text": "text", "long_text": "text", "integer": "integer", "decimal": "decimal",
         "date": "date", "note": "note", "calculate": "calculate", "hidden": "hidden",
         "geopoint": "geopoint", "geotrace": "geotrace", "geoshape": "geoshape"}
_ATTACH = {"photo": "image", "audio": "audio", "video": "video", "file": "file"}
# Keys of FormField.xlsform that say how to write the row rather than a column.
_ROW_KEYS = frozenset({"type", "itemset", "constraint", "name"})


class _Writer:
    def __init__(self, form: Form) -> None:
        self.form = form
        self.lang_cols = {lg.code: f"{lg.name} ({lg.code})" for lg in form.languages}
        self.survey: list[dict[str, str]] = []
        self.columns: list[str] = ["type", "name"]
        self.files: dict[str, tuple[str, list[Choice]]] = {}
        self.external: list[str] = []
        self.lists: list[str] = []

    def col(self, name: str) -> str:
        if name not in self.columns:
            self.columns.append(name)
        return name

    def texts(self, row: dict[str, str], base: str, texts: dict[str, str]) -> None:
        for code, text in texts.items():
            row[self.col(f"{base}::{self.lang_cols.get(code, code)}")] = text

    def type_of(self, f: FormField) -> str:
        kept = f.xlsform.get("type")
        if f.type in ("select_one", "select_multiple", "rank"):
            list_name = f.choices or ""
            itemset = f.xlsform.get("itemset")
            if itemset:
                self.files[itemset] = (list_name, self.form.choice_lists.get(list_name, []))
                return f"{f.type}_from_file {itemset}"
            if kept == "select_one_external":
                if list_name not in self.external:
                    self.external.append(list_name)
                return f"select_one_external {list_name}"
            if list_name not in self.lists:
                self.lists.append(list_name)
            return f"{f.type} {list_name}"
        if kept:
            return kept
        if f.metadata:
            return f.metadata
        if f.type == "attachment":
            return _ATTACH.get(f.attachment_kind or "file", "file")
        if f.type == "yes_no":
            if "_yes_no" not in self.lists:
                self.lists.append("_yes_no")
            return "select_one _yes_no"
        return _TYPE[f.type]

    def field(self, f: FormField) -> None:
        name = f.xlsform.get("name", f.name)
        if f.type in ("group", "repeat"):
            row = {"type": f"begin_{f.type}", "name": name}
            self.common(f, row)
            if f.type == "repeat":
                if f.repeat_count:
                    row[self.col("repeat_count")] = f.repeat_count
                elif f.min_rows is not None and f.min_rows == f.max_rows:
                    row[self.col("repeat_count")] = str(f.min_rows)
                elif f.min_rows == 1 and f.required is False:
                    row[self.col("required")] = "yes"
            self.survey.append(row)
            for child in f.children:
                self.field(child)
            self.survey.append({"type": f"end_{f.type}"})
            return
        row = {"type": self.type_of(f), "name": name}
        self.common(f, row)
        self.survey.append(row)

    def common(self, f: FormField, row: dict[str, str]) -> None:
        self.texts(row, "label", f.label)
        self.texts(row, "hint", f.hint)
        if f.required is True:
            row[self.col("required")] = "yes"
        elif isinstance(f.required, str):
            row[self.col("required")] = f.required
        self.texts(row, "required_message", f.required_message)
        constraint = f.xlsform.get("constraint", f.constraint)
        if constraint:
            row[self.col("constraint")] = constraint
        self.texts(row, "constraint_message", f.constraint_message)
        if f.relevant:
            row[self.col("relevant")] = f.relevant
        if f.calculation:
            row[self.col("calculation")] = f.calculation
        if f.choice_filter:
            row[self.col("choice_filter")] = f.choice_filter
        if f.appearance:
            row[self.col("appearance")] = f.appearance
        if f.read_only:
            row[self.col("read_only")] = "yes"
        if f.default is not None:
            if isinstance(f.default, list):
                row[self.col("default")] = " ".join(str(v) for v in f.default)
            elif isinstance(f.default, bool):
                row[self.col("default")] = "yes" if f.default else "no"
            else:
                row[self.col("default")] = str(f.default)
        for key, value in f.xlsform.items():
            if key in _ROW_KEYS or key == "jr:noAddRemove":
                continue
            for col, text in _flatten(key, value):
                row[self.col(col)] = text

    def choices_rows(self, names: list[str]) -> tuple[list[str], list[list[str]]]:
        header = ["list_name", "name"]
        rows: list[dict[str, str]] = []
        for list_name in names:
            items = self.form.choice_lists.get(list_name)
            if items is None and list_name == "_yes_no":
                items = [Choice(name="yes", label={c: "Yes" for c in self.lang_cols}),
                         Choice(name="no", label={c: "No" for c in self.lang_cols})]
            for c in items or []:
                r = {"list_name": list_name, "name": c.name}
                for code, text in c.label.items():
                    col = f"label::{self.lang_cols.get(code, code)}"
                    r[col] = text
                    if col not in header:
                        header.append(col)
                for k, v in c.filters.items():
                    r[k] = v
                    if k not in header:
                        header.append(k)
                rows.append(r)
        return header, [[r.get(h, "") for h in header] for r in rows]

    def settings(self) -> tuple[list[str], list[str]]:
        form = self.form
        s: dict[str, str] = {"form_id": form.id, "version": form.version}
        title = form.title.get(form.default_language) or next(iter(form.title.values()), "")
        if title:
            s["form_title"] = title
        s["default_language"] = self.lang_cols[form.default_language]
        extra = form.metadata.get("xlsform_settings")
        if isinstance(extra, dict):
            for k, v in extra.items():
                s.setdefault(str(k), str(v))
        return list(s), list(s.values())


def _flatten(key: str, value: str) -> Iterator[tuple[str, str]]:
    """A kept column's value; a JSON object means per-language (or per-kind) columns."""
    if value.startswith("{"):
        try:
            data = json.loads(value)
        except ValueError:
            data = None
        if isinstance(data, dict):
            for k, v in data.items():
                if isinstance(v, dict):
                    for k2, v2 in v.items():
                        yield f"{key}::{k}::{k2}", str(v2)
                else:
                    yield f"{key}::{k}", str(v)
            return
    yield key, value


def _choice_file(filename: str, list_name: str, choices: list[Choice],
                 lang_cols: dict[str, str]) -> bytes:
    ext = filename.rsplit(".", 1)[-1].lower()
    if ext == "xml":
        out = ["<root>"]
        for c in choices:
            label = next(iter(c.label.values()), "")
            extra = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in c.filters.items())
            out.append(f"<item><name>{escape(c.name)}</name><label>{escape(label)}</label>"
                       f"{extra}</item>")
        out.append("</root>")
        return "\n".join(out).encode("utf-8")
    if ext == "geojson":
        feats = []
        for c in choices:
            props = {k: v for k, v in c.filters.items() if k != "geometry"}
            props["title"] = next(iter(c.label.values()), "")
            feat: dict[str, Any] = {"type": "Feature", "id": c.name, "properties": props}
            geo = c.filters.get("geometry", "").split()
            feat["geometry"] = ({"type": "Point", "coordinates": [float(geo[1]), float(geo[0])]}
                                if len(geo) >= 2 else None)
            feats.append(feat)
        return json.dumps({"type": "FeatureCollection", "features": feats},
                          ensure_ascii=False).encode("utf-8")
    header = ["name"]
    for c in choices:
        for code in c.label:
            col = f"label::{lang_cols.get(code, code)}"
            if col not in header:
                header.append(col)
        for k in c.filters:
            if k not in header:
                header.append(k)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for c in choices:
        row = {"name": c.name, **c.filters,
               **{f"label::{lang_cols.get(k, k)}": v for k, v in c.label.items()}}
        w.writerow([row.get(h, "") for h in header])
    return buf.getvalue().encode("utf-8")


def export_xlsform(form: Form, out: Path) -> list[Path]:
    """Write ``form`` as an XLSForm at ``out`` (plus its choice files beside it)."""
    import openpyxl

    if out.suffix.lower() != ".xlsx":
        raise FormError(f"{out.name}: the export is an .xlsx workbook; name it FILE.xlsx")
    w = _Writer(form)
    for f in form.fields:
        w.field(f)
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "survey"
    ws.append(w.columns)
    for row in w.survey:
        ws.append([row.get(c, "") or None for c in w.columns])
    header, rows = w.choices_rows(w.lists)
    ws = wb.create_sheet("choices")
    ws.append(header)
    for r in rows:
        ws.append([v or None for v in r])
    if w.external:
        header, rows = w.choices_rows(w.external)
        ws = wb.create_sheet("external_choices")
        ws.append(header)
        for r in rows:
            ws.append([v or None for v in r])
    keys, values = w.settings()
    ws = wb.create_sheet("settings")
    ws.append(keys)
    ws.append(values)
    sheets = form.metadata.get("xlsform_sheets")
    if isinstance(sheets, dict):
        for sheet_name, sheet_rows in sheets.items():
            if not isinstance(sheet_rows, list) or not sheet_rows:
                continue
            ws = wb.create_sheet(str(sheet_name))
            cols = list(dict.fromkeys(k for r in sheet_rows for k in r))
            ws.append(cols)
            for r in sheet_rows:
                ws.append([r.get(c) for c in cols])
    written = [out]
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".export-", suffix=".xlsx")
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    for filename, (list_name, choices) in sorted(w.files.items()):
        path = out.parent / filename
        path.write_bytes(_choice_file(filename, list_name, choices, w.lang_cols))
        written.append(path)
    derived = form.metadata.get("pulldata_from_choices") or []
    for table, table_rows in sorted(pulldata_tables(form).items()):
        if table in derived:
            continue  # made from a choice list at import; the sheet's instance() is kept
        path = out.parent / f"{table}.csv"
        cols = list(dict.fromkeys(k for r in table_rows for k in r))
        buf = io.StringIO()
        cw = csv.writer(buf, lineterminator="\n")
        cw.writerow(cols)
        for trow in table_rows:
            cw.writerow([trow.get(c, "") for c in cols])
        path.write_bytes(buf.getvalue().encode("utf-8"))
        written.append(path)
    return written
