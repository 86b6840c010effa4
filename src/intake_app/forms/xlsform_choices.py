"""The XLSForm importer's choice lists: from the workbook, its side sheets and files.

CSV, XML and GeoJSON choice files, external itemsets and pulldata() tables. Part of
:mod:`intake_app.forms.xlsform` (call ``import_xlsform`` there).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml import ElementTree as DET

from intake_app.errors import FormError
from intake_app.forms.xlsform_base import _PULLDATA, _ImporterBase
from intake_app.forms.xlsform_guard import find_data_file


class _ChoiceReader(_ImporterBase):
    # ------------------------------------------------------------ choice lists

    def select_list(self, name: str, q: Mapping[str, Any], params: Mapping[str, Any], *,
                    external: bool = False) -> str:
        itemset = str(q.get("itemset") or q.get("list_name") or "")
        if re.search(r"\.(csv|xml|geojson)$", itemset, re.IGNORECASE):
            return self.file_list(name, itemset, params)
        if external:
            return self.external_list(name, itemset)
        if itemset.startswith("${"):
            raise self.fail(name, f"choices from earlier answers ({itemset}) are not "
                            "supported")
        if itemset not in self.choice_lists:
            raise self.fail(name, f"choice list {itemset!r} is not in the choices sheet")
        self.used_lists.add(itemset)
        return itemset

    def read_file(self, name: str, filename: str, what: str) -> bytes:
        try:
            path = find_data_file(self.path, filename, self.files, what)
        except FormError as exc:
            raise FormError(f"{self.path.name}: {self.where(name)}: {exc}") from None
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise self.fail(name, f"cannot read {filename}: {exc.strerror or exc}") from None
        self.used_files[filename] = hashlib.sha256(data).hexdigest()
        return data

    def external_list(self, name: str, list_name: str) -> str:
        key = f"{list_name}"
        rows = self.external.get(list_name)
        if rows is None:
            data = self.read_file(name, "itemsets.csv", "select_one_external")
            rows = [r for r in _csv_rows(self, name, "itemsets.csv", data)
                    if (r.get("list_name") or r.get("list name")) == list_name]
        choices = []
        for r in rows:
            choices.append({k: v for k, v in r.items() if k not in ("list_name", "list name")})
        self.choice_lists[key] = choices
        self.used_lists.add(key)
        return key

    def file_list(self, name: str, filename: str, params: Mapping[str, Any]) -> str:
        what = f"select_one_from_file {filename}"
        data = self.read_file(name, filename, what)
        value_col = str(params.get("value") or "")
        label_col = str(params.get("label") or "")
        ext = filename.rsplit(".", 1)[-1].lower()
        if ext == "csv":
            rows = _csv_rows(self, name, filename, data)
            value_col, label_col = value_col or "name", label_col or "label"
        elif ext == "xml":
            rows = _xml_rows(self, name, filename, data)
            value_col, label_col = value_col or "name", label_col or "label"
        else:
            rows = _geojson_rows(self, name, filename, data)
            value_col, label_col = value_col or "id", label_col or "title"
        list_name = re.sub(r"[^\w]", "_", filename)
        choices = []
        for r in rows:
            choice_name = str(r.get(value_col) or "").strip()
            if not choice_name:
                continue
            label: dict[str, str] = {}
            for k, v in r.items():
                if k == label_col and v:
                    label["default"] = str(v)
                elif k.startswith(label_col + "::") and v:
                    label[k.split("::", 1)[1]] = str(v)
            extra = {k: v for k, v in r.items()
                     if k != value_col and k != label_col and not k.startswith(label_col + "::")
                     and v is not None and not isinstance(v, dict | list)}
            choices.append({**extra, "name": choice_name, "label": label})
        if not choices:
            raise self.fail(name, f"{filename} has no choices (no {value_col!r} column "
                            "values)")
        self.choice_lists[list_name] = choices
        self.used_lists.add(list_name)
        self.warn(name, f"choices read from {filename} ({len(choices)} choices) and stored "
                  "in the form")
        return list_name

    def read_side_sheets(self, wb: Any) -> None:
        for row in getattr(wb, "external_choices", None) or []:
            list_name = str(row.get("list_name") or row.get("list name") or "").strip()
            if not list_name:
                continue
            choice: dict[str, Any] = {}
            label: dict[str, str] = {}
            for k, v in row.items():
                key = str(k).strip()
                if v is None or key in ("list_name", "list name"):
                    continue
                if key == "label":
                    label["default"] = str(v)
                elif key.startswith("label::"):
                    label[key.split("::", 1)[1].strip()] = str(v)
                else:
                    choice[key] = str(v)
            choice["label"] = label
            self.external.setdefault(list_name, []).append(choice)
        for sheet in ("entities", "osm"):
            rows = getattr(wb, sheet, None)
            if rows:
                self.side_sheets[sheet] = [{str(k): str(v) for k, v in r.items()}
                                           for r in rows]

    def prescan(self, rows: list[dict[str, Any]]) -> None:
        """pulldata('people', ...) reads people.csv: beside the form or given with --file;
        its rows are stored in the form (metadata.pulldata) like choice files."""
        for i, row in enumerate(rows):
            for value in row.values():
                if not isinstance(value, str) or "pulldata" not in value:
                    continue
                for m in _PULLDATA.finditer(value):
                    table = m.group(1)
                    if table in self.pulldata:
                        continue
                    name = str(row.get("name", "")).strip()
                    self.rows.setdefault(name, i + 2)
                    data = self.read_file(name, f"{table}.csv", f"pulldata('{table}')")
                    self.pulldata[table] = _csv_rows(self, name, f"{table}.csv", data)


def _csv_rows(imp: _ImporterBase, name: str, filename: str, data: bytes) -> list[dict[str, str]]:
    try:
        text = data.decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise imp.fail(name, f"cannot read {filename}: {exc}") from None
    return [{str(k).strip(): (v or "").strip() for k, v in r.items()
             if k is not None and isinstance(v, str)} for r in rows]


def _xml_rows(imp: _ImporterBase, name: str, filename: str, data: bytes) -> list[dict[str, str]]:
    # ODK's choice XML: <root><item><name>..</name><label>..</label>...</item></root>.
    # defusedxml (a pyxform dependency) refuses DTDs, entities and external references.
    try:
        root = DET.fromstring(data, forbid_dtd=True)
    except (ET.ParseError, DefusedXmlException) as exc:
        raise imp.fail(name, f"cannot read {filename}: {exc}") from None
    rows = []
    for item in root.iter("item"):
        rows.append({child.tag: (child.text or "").strip() for child in item})
    return rows


def _geojson_rows(imp: _ImporterBase, name: str, filename: str,
                  data: bytes) -> list[dict[str, Any]]:
    # pyxform/ODK: each feature is a choice; its id (or properties.id) the value,
    # properties.title the label; the geometry is kept as a "geometry" filter column.
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise imp.fail(name, f"cannot read {filename}: {exc}") from None
    feats = doc.get("features") if isinstance(doc, dict) else None
    if not isinstance(feats, list):
        raise imp.fail(name, f"{filename} is not a GeoJSON FeatureCollection")
    rows = []
    for feat in feats:
        if not isinstance(feat, dict):
            continue
        props = feat.get("properties") if isinstance(feat.get("properties"), dict) else {}
        assert isinstance(props, dict)
        row: dict[str, Any] = {str(k): str(v) for k, v in props.items()
                               if isinstance(v, str | int | float) and not isinstance(v, bool)}
        if feat.get("id") is not None and "id" not in row:
            row["id"] = str(feat["id"])
        geom = feat.get("geometry")
        if isinstance(geom, dict) and geom.get("type") == "Point":
            coords = geom.get("coordinates")
            if isinstance(coords, list) and len(coords) >= 2:
                row["geometry"] = f"{coords[1]} {coords[0]}"
        rows.append(row)
    return rows


