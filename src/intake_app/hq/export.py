"""Exports of HQ records to CSV, XLSX and JSON Lines. These files leave the encrypted store.

Layout (all formats share it):

* One **main table** per form, named by the form id, one row per record:
  ``_record_id, _form_id, _form_version, _status, _revision, _created_at, _updated_at,
  _device_id, _bundle_seq`` (where HQ received it from) then one column per value field
  outside repeats, named by the field, in form order (fields of older form versions that
  the newest one dropped come last). Metadata columns start with "_" (as in KoboToolbox
  exports); a field that has a metadata column's name gets the suffix ":field".
* One table per **repeat group**, named ``<form>__<repeat>``, one row per repeat row:
  ``_record_id, _row_path, _parent_path, _row_index`` then the repeat's own fields.
  ``_row_path`` is the row's 1-based position path inside its record ("2" is the second
  row of a top-level repeat, "2.1" the first row of a repeat nested in it);
  ``_parent_path`` is the enclosing row's ``_row_path`` ("" at the top level) and
  ``_row_index`` the 1-based position among its siblings. (_record_id, _row_path) is
  unique, and links every row to its record and parent row.
* One **field list** per form, ``<form>__fields``: table, column, type, choice list and
  the label in the export language, so Dari/Pashto/Urdu readers can map names.

Values: choice fields show their labels in ``lang`` (select_multiple labels joined with
"; "), yes/no fields show Yes/No in ``lang``; with ``raw`` the stored names (select_multiple
space-separated, as XLSForm does) and true/false. Numbers stay numbers, dates stay the
stored EDTF text (``1991~``, ``2022-09``), attachments are their ids (the file list is in
JSON Lines). Times are milliseconds since 1970 UTC.

* **CSV**: a folder holding ``<table>.csv`` files, UTF-8 with a BOM (Excel then reads
  Arabic-script text correctly), RFC 4180 quoting, CRLF rows. Formula injection: a
  text cell that starts with ``= + - @``, tab or CR gets a leading apostrophe ``'``
  (numbers are never changed).
* **XLSX**: one workbook, one sheet per table (names cut to Excel's 31 characters),
  written with openpyxl in write-only mode. Text cells are stored as text with Excel's
  quote-prefix flag, so nothing is ever read as a formula and the value is unchanged.
  Characters XML cannot hold (C0 controls) become U+FFFD.
* **JSON Lines**: one record per line with its metadata, ``attachments`` and the full
  ``values`` structure; unless ``raw``, also ``labels``: the same structure with
  choice and yes/no values replaced by their labels in ``lang``.

Every file is written to a temporary sibling with mode 0600 and renamed into place.
"""

from __future__ import annotations

import csv
import json
import os
import secrets
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from intake_app.errors import IntakeError, UsageError
from intake_app.forms import Form, FormField
from intake_app.forms.i18n import pick
from intake_app.hq.files import AtomicFile
from intake_app.paths import ensure_private_dir

ExportFormat = Literal["csv", "xlsx", "jsonl"]
FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx", "jsonl")

EXPORT_WARNING = ("this export leaves the encrypted store: the files written are NOT "
                  "encrypted. Keep them on an encrypted disk, share them with no one who "
                  "does not need them, and delete them when done.")

MAIN_META = ("_record_id", "_form_id", "_form_version", "_status", "_revision", "_created_at",
             "_updated_at", "_device_id", "_bundle_seq")
REPEAT_META = ("_record_id", "_row_path", "_parent_path", "_row_index")
COLLISION_SUFFIX = ":field"  # ":" never appears in a field name
FIELD_LIST_COLUMNS = ("table", "column", "type", "choices", "label")
MULTI_SEPARATOR = "; "
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

YES_NO: dict[str, tuple[str, str]] = {
    "en": ("Yes", "No"),
    "fa-AF": ("بلی", "نخیر"),
    "fa": ("بلی", "نخیر"),
    "ps": ("هو", "نه"),
    "ur": ("ہاں", "نہیں"),
}

Cell = str | int | float | bool | None


@dataclass(frozen=True)
class ExportRecord:
    """One record as HQ holds it (its current revision)."""

    record_id: str
    form_id: str
    form_version: str
    status: str
    revision: int
    created_at: int
    updated_at: int
    values: Mapping[str, Any]
    device_id: str = ""
    bundle_seq: int | None = None
    attachments: tuple[Mapping[str, Any], ...] = ()


@dataclass
class ExportSummary:
    format: ExportFormat
    paths: list[str]
    records: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    warning: str = EXPORT_WARNING


# --------------------------------------------------------------------------- layout


@dataclass
class Table:
    name: str
    form_id: str
    repeat: str | None  # None: the main table
    meta: tuple[str, ...]
    fields: list[str] = field(default_factory=list)

    @property
    def columns(self) -> list[str]:
        return [*self.meta, *(column_name(n) for n in self.fields)]


@dataclass
class FormLayout:
    form_id: str
    latest: Form
    versions: dict[str, Form]
    tables: dict[str | None, Table]  # by repeat name (None = main)
    field_defs: dict[str, FormField]

    def ordered_tables(self) -> list[Table]:
        return list(self.tables.values())


def column_name(field_name: str) -> str:
    """A field's column: its name, unless it would collide with a metadata column."""
    if field_name in MAIN_META or field_name in REPEAT_META:
        return field_name + COLLISION_SUFFIX
    return field_name


def build_layout(versions: Sequence[Form]) -> FormLayout:
    """Columns for one form id over all its versions (newest version's order first)."""
    if not versions:
        raise ValueError("no form versions")
    from intake_app.forms import version_key

    ordered = sorted(versions, key=lambda f: version_key(f.version), reverse=True)
    latest = ordered[0]
    fid = latest.id
    tables: dict[str | None, Table] = {None: Table(fid, fid, None, MAIN_META)}
    defs: dict[str, FormField] = {}
    for form in ordered:
        for info in form.index.order:
            f = info.field
            scope = info.repeats[-1] if info.repeats else None
            if f.type == "repeat":
                if f.name not in tables:
                    tables[f.name] = Table(f"{fid}__{f.name}", fid, f.name, REPEAT_META)
                defs.setdefault(f.name, f)
                continue
            if not f.has_value or f.name in defs:
                continue
            defs[f.name] = f
            if scope not in tables:  # a repeat seen only through an older version
                tables[scope] = Table(f"{fid}__{scope}", fid, scope, REPEAT_META)
            tables[scope].fields.append(f.name)
    return FormLayout(fid, latest, {f.version: f for f in versions}, tables, defs)


# --------------------------------------------------------------------------- values


def yes_no_label(value: bool, lang: str) -> str:
    words = YES_NO.get(lang) or YES_NO.get(lang.split("-")[0]) or YES_NO["en"]
    return words[0] if value else words[1]


def _scalar(value: Any) -> Cell:
    if value is None or isinstance(value, str | bool | int | float):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def render_value(f: FormField | None, form: Form, value: Any, lang: str, raw: bool) -> Cell:
    """One stored value as a table cell (see the module docstring)."""
    if value is None:
        return None
    if f is None:
        return _scalar(value)
    if f.type == "select_one" and isinstance(value, str | int) and not isinstance(value, bool):
        return str(value) if raw or not f.choices else form.choice_label(f.choices, str(value),
                                                                         lang)
    if f.type in ("select_multiple", "rank") and isinstance(value, list):
        names = [str(v) for v in value]
        if raw or not f.choices:
            return " ".join(names)
        return MULTI_SEPARATOR.join(form.choice_label(f.choices, n, lang) for n in names)
    if isinstance(value, bool) and (f.type == "yes_no" or f.value_type == "boolean"):
        return value if raw else yes_no_label(value, lang)
    return _scalar(value)


def display_values(form: Form, values: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """``values`` with choice and yes/no answers replaced by their labels (JSON Lines)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        info = form.index.fields.get(key)
        f = info.field if info else None
        if f is not None and f.type == "repeat" and isinstance(value, list):
            out[key] = [display_values(form, row, lang) if isinstance(row, Mapping) else row
                        for row in value]
        elif f is not None and f.type in ("select_multiple", "rank") and isinstance(value, list):
            out[key] = [form.choice_label(f.choices, str(v), lang) if f.choices else v
                        for v in value]
        else:
            cell = render_value(f, form, value, lang, raw=False)
            out[key] = value if isinstance(value, dict | list) else cell
    return out


def sanitize_text(text: str) -> str:
    """CSV formula-injection guard: a leading apostrophe on risky text."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return sanitize_text(value)


# --------------------------------------------------------------------------- rows


def _record_rows(layout: FormLayout, rec: ExportRecord, lang: str, raw: bool
                 ) -> Iterator[tuple[Table, list[Cell]]]:
    form = layout.versions.get(rec.form_version, layout.latest)

    def fdef(name: str) -> FormField | None:
        info = form.index.fields.get(name)
        return info.field if info is not None else layout.field_defs.get(name)

    main = layout.tables[None]
    head: list[Cell] = [rec.record_id, rec.form_id, rec.form_version, rec.status,
                        rec.revision, rec.created_at, rec.updated_at, rec.device_id,
                        rec.bundle_seq]
    yield main, head + [render_value(fdef(n), form, rec.values.get(n), lang, raw)
                        for n in main.fields]

    def rows_of(container: Mapping[str, Any], parent_path: str) -> Iterator[
            tuple[Table, list[Cell]]]:
        for key, value in container.items():
            table = layout.tables.get(key)
            if table is None or table.repeat is None or not isinstance(value, list):
                continue
            for i, row in enumerate(value, start=1):
                if not isinstance(row, Mapping):
                    continue
                path = f"{parent_path}.{i}" if parent_path else str(i)
                meta: list[Cell] = [rec.record_id, path, parent_path, i]
                yield table, meta + [render_value(fdef(n), form, row.get(n), lang, raw)
                                     for n in table.fields]
                yield from rows_of(row, path)

    yield from rows_of(rec.values, "")


def _field_list(layout: FormLayout, lang: str) -> list[list[Cell]]:
    form = layout.latest
    out: list[list[Cell]] = []
    for t in layout.ordered_tables():
        for name in t.fields:
            f = layout.field_defs[name]
            out.append([t.name, column_name(name), f.type, f.choices or "",
                        pick(f.label, lang, form.default_language)])
    return out


def _outputs(layouts: Sequence[FormLayout],
             lang: str) -> list[tuple[str, list[str], list[list[Cell]]]]:
    """What every writer writes, in order: (table name, header, rows known up front):
    each form's data tables (their rows come later), then its field list."""
    out: list[tuple[str, list[str], list[list[Cell]]]] = []
    for layout in layouts:
        out += [(t.name, t.columns, []) for t in layout.ordered_tables()]
        out.append((f"{layout.form_id}__fields", list(FIELD_LIST_COLUMNS),
                    _field_list(layout, lang)))
    return out


# --------------------------------------------------------------------------- writers


class _Sink:
    def add(self, table: Table, row: list[Cell]) -> None:
        raise NotImplementedError

    def commit(self) -> list[str]:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError


class _CsvSink(_Sink):
    def __init__(self, folder: Path, layouts: Sequence[FormLayout], lang: str) -> None:
        ensure_private_dir(folder)
        self.folder = folder
        self.files: dict[str, AtomicFile] = {}
        self.writers: dict[str, Any] = {}
        try:
            for name, header, rows in _outputs(layouts, lang):
                self._open(name, header)
                for row in rows:
                    self.writers[name].writerow([_csv_cell(c) for c in row])
        except BaseException:
            self.abort()
            raise

    def _open(self, name: str, header: list[str]) -> None:
        f = AtomicFile(self.folder / f"{name}.csv", text=True, encoding="utf-8-sig", newline="")
        self.files[name] = f
        assert f.text is not None
        w = csv.writer(f.text, lineterminator="\r\n")
        w.writerow(header)
        self.writers[name] = w

    def add(self, table: Table, row: list[Cell]) -> None:
        self.writers[table.name].writerow([_csv_cell(c) for c in row])

    def commit(self) -> list[str]:
        for f in self.files.values():
            f.commit()
        return [str(f.path) for f in self.files.values()]

    def abort(self) -> None:
        for f in self.files.values():
            f.abort()


def sheet_names(names: Iterable[str]) -> dict[str, str]:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique (case-blind)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31]
        n = 1
        candidate = clean
        while candidate.lower() in used:
            n += 1
            suffix = f"~{n}"
            candidate = clean[: 31 - len(suffix)] + suffix
        used.add(candidate.lower())
        out[name] = candidate
    return out


class _XlsxSink(_Sink):
    """openpyxl write-only workbook. Its per-sheet temporary files go to a private folder
    beside the output (not the system temp dir), removed when done."""

    def __init__(self, path: Path, layouts: Sequence[FormLayout], lang: str) -> None:
        from openpyxl import Workbook

        self.path = path
        self.parts = path.with_name(f".{path.name}.parts-{os.getpid()}-{secrets.token_hex(4)}")
        ensure_private_dir(self.parts)
        self.out: AtomicFile | None = None
        try:
            self.wb = Workbook(write_only=True)
            outputs = _outputs(layouts, lang)
            self.titles = sheet_names(name for name, _, _ in outputs)
            self.sheets: dict[str, Any] = {}
            for name, header, rows in outputs:
                self._sheet(name, header)
                for row in rows:
                    self._append(name, row)
        except BaseException:
            self.abort()
            raise

    def _sheet(self, name: str, header: list[str]) -> None:
        from openpyxl.worksheet._writer import (
            ALL_TEMP_FILES,
            WorksheetWriter,
        )

        ws = self.wb.create_sheet(self.titles[name])
        part = str(self.parts / f"sheet{len(self.sheets) + 1}.xml")
        os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        ws._writer = WorksheetWriter(ws, out=part)
        ALL_TEMP_FILES.append(part)
        ws._writer.write_top()
        self.sheets[name] = ws
        self._append(name, header)

    def _append(self, name: str, row: Sequence[Cell]) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        ws = self.sheets[name]
        cells: list[Any] = []
        for value in row:
            if isinstance(value, str):
                text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
                c = WriteOnlyCell(ws, value=text)
                c.data_type = "s"  # never a formula
                if text.startswith(FORMULA_START):
                    c.quotePrefix = True
                cells.append(c)
            else:
                cells.append(value)
        ws.append(cells)

    def add(self, table: Table, row: list[Cell]) -> None:
        self._append(table.name, row)

    def commit(self) -> list[str]:
        self.out = AtomicFile(self.path)
        try:
            self.wb.save(self.out.binary)
            self.out.commit()
        except BaseException:
            self.abort()
            raise
        shutil.rmtree(self.parts, ignore_errors=True)
        return [str(self.path)]

    def abort(self) -> None:
        if self.out is not None:
            self.out.abort()
        try:
            from openpyxl.worksheet._writer import ALL_TEMP_FILES

            for p in list(ALL_TEMP_FILES):
                if str(p).startswith(str(self.parts)):
                    ALL_TEMP_FILES.remove(p)
        except ImportError:  # pragma: no cover
            pass
        shutil.rmtree(self.parts, ignore_errors=True)


class _JsonlSink:
    def __init__(self, path: Path) -> None:
        self.file = AtomicFile(path)

    def add(self, line: dict[str, Any]) -> None:
        self.file.binary.write(json.dumps(line, ensure_ascii=False, separators=(",", ":"))
                               .encode("utf-8") + b"\n")

    def commit(self) -> list[str]:
        self.file.commit()
        return [str(self.file.path)]

    def abort(self) -> None:
        self.file.abort()


def jsonl_line(rec: ExportRecord, form: Form | None, lang: str, raw: bool) -> dict[str, Any]:
    line: dict[str, Any] = {
        "record_id": rec.record_id, "form_id": rec.form_id, "form_version": rec.form_version,
        "status": rec.status, "revision": rec.revision, "created_at": rec.created_at,
        "updated_at": rec.updated_at,
        "received": {"device_id": rec.device_id, "sequence": rec.bundle_seq},
        "attachments": [dict(a) for a in rec.attachments],
        "values": dict(rec.values),
    }
    if not raw and form is not None:
        line["lang"] = lang
        line["labels"] = display_values(form, rec.values, lang)
    return line


# --------------------------------------------------------------------------- entry point


def export_records(records: Iterable[ExportRecord], forms: Mapping[str, Sequence[Form]],
                   fmt: str, out: Path, *, lang: str | None = None, raw: bool = False,
                   progress: Callable[[int, int], None] | None = None,
                   total: int = 0) -> ExportSummary:
    """Write ``records`` (any order; grouped by form) as ``fmt`` to ``out``.

    ``forms``: every version of every form id the records use. ``out``: a folder for
    CSV, a file for XLSX and JSON Lines. Nothing is left behind on failure.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r} (csv, xlsx or jsonl)")
    out = Path(out)
    layouts = {fid: build_layout(vs) for fid, vs in sorted(forms.items()) if vs}
    if lang is None:
        lang = next(iter(layouts.values())).latest.default_language if layouts else "en"
    elif layouts and not raw:
        known = {c for lay in layouts.values() for c in lay.latest.language_codes()}
        if lang not in known:
            raise UsageError(f"no form being exported has language {lang!r} "
                             f"({', '.join(sorted(known))})")
    summary = ExportSummary(format=fmt, paths=[])
    if fmt != "csv" and out.is_dir():
        raise UsageError(f"{out} is a folder: give a file name for {fmt}")
    if fmt == "csv" and out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file: CSV export writes a folder of files")
    if not out.parent.is_dir():
        raise IntakeError(f"folder {out.parent} does not exist")
    if fmt == "jsonl":
        jsink = _JsonlSink(out)

        def jsonl(rec: ExportRecord) -> None:
            layout = layouts.get(rec.form_id)
            form = layout.versions.get(rec.form_version, layout.latest) if layout else None
            jsink.add(jsonl_line(rec, form, lang, raw))

        count, summary.paths = _write_all(records, jsonl, jsink, progress, total)
        summary.records = count
        summary.rows = {"records": count}
        return summary
    sink: _Sink = (_CsvSink(out, list(layouts.values()), lang) if fmt == "csv"
                   else _XlsxSink(out, list(layouts.values()), lang))
    rows: dict[str, int] = {t.name: 0 for lay in layouts.values() for t in lay.ordered_tables()}

    def tables(rec: ExportRecord) -> None:
        layout = layouts.get(rec.form_id)
        if layout is None:
            raise IntakeError(f"record {rec.record_id}: form {rec.form_id} is not installed")
        for table, row in _record_rows(layout, rec, lang, raw):
            sink.add(table, row)
            rows[table.name] += 1

    summary.records, summary.paths = _write_all(records, tables, sink, progress, total)
    summary.rows = rows
    return summary


def _write_all(records: Iterable[ExportRecord], write: Callable[[ExportRecord], None],
               sink: _Sink | _JsonlSink, progress: Callable[[int, int], None] | None,
               total: int) -> tuple[int, list[str]]:
    """Each record through ``write``, then the sink's files in place; on any failure the
    sink removes what it wrote. (records written, paths)."""
    count = 0
    try:
        for rec in records:
            write(rec)
            count += 1
            if progress:
                progress(count, total)
        return count, sink.commit()
    except BaseException:
        sink.abort()
        raise


__all__ = [
    "EXPORT_WARNING",
    "FORMATS",
    "ExportRecord",
    "ExportSummary",
    "build_layout",
    "display_values",
    "export_records",
    "render_value",
    "sanitize_text",
    "sheet_names",
    "yes_no_label",
]
