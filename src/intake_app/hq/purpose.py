"""Purpose-bound outputs of the case desk: referral packages, advocacy extracts and
aggregated statistics with small-cell suppression. Pure: the service decides which
records consented; this module only keeps the declared fields and counts.

* A field list names top-level fields (``needs``) or fields inside a repeat
  (``threats.act_type``: that field of every row of the ``threats`` repeat).
* Statistics: one table per declared dimension (value, count), counted per case (a
  person interviewed twice counts once), and a province by dimension table. A cell
  under ``k`` shows as ``<k`` and its count is withheld; when exactly one cell of a
  table is suppressed, the next smallest is suppressed too, so totals cannot give it
  back (complementary suppression). No names, ids or free text ever appear.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from intake_app.errors import UsageError
from intake_app.hq.files import write_private

MIN_K = 2
DEFAULT_K = 5


def pick_fields(values: Mapping[str, Any], fields: Sequence[str]) -> dict[str, Any]:
    """Only the listed fields (``repeat.field`` keeps that field of each row)."""
    out: dict[str, Any] = {}
    for name in fields:
        if "." in name:
            rep, sub = name.split(".", 1)
            rows = values.get(rep)
            if isinstance(rows, list):
                kept = out.setdefault(rep, [{} for _ in rows])
                for i, row in enumerate(rows):
                    if isinstance(row, dict) and sub in row:
                        kept[i][sub] = row[sub]
        elif name in values:
            out[name] = values[name]
    return out


def _keys(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value] or ["(none)"]
    if value is None or value == "":
        return ["(not answered)"]
    return [str(value).lower() if isinstance(value, bool) else str(value)]


def suppress(counts: Mapping[str, int], k: int) -> list[tuple[str, int | None]]:
    """(value, count or None when suppressed), largest first."""
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    hidden = {v for v, n in rows if n < k}
    if len(hidden) == 1 and len(rows) > 1:
        rest = [(v, n) for v, n in rows if v not in hidden]
        hidden.add(min(rest, key=lambda kv: kv[1])[0])
    return [(v, None if v in hidden else n) for v, n in rows]


def statistics(people: Iterable[Mapping[str, Any]], dimensions: Sequence[str],
               k: int) -> dict[str, Any]:
    """``people``: one merged set of values per case. Returns the tables."""
    if k < MIN_K:
        raise UsageError(f"small-cell threshold k must be at least {MIN_K}")
    people = list(people)
    tables: dict[str, list[tuple[str, int | None]]] = {}
    for dim in dimensions:
        c: Counter[str] = Counter()
        for p in people:
            for key in set(_keys(p.get(dim))):
                c[key] += 1
        tables[dim] = suppress(c, k)
    if dimensions:
        first = dimensions[0]
        for dim in dimensions[1:]:
            c2: Counter[str] = Counter()
            for p in people:
                for a in set(_keys(p.get(first))):
                    for b in set(_keys(p.get(dim))):
                        c2[f"{a} | {b}"] += 1
            tables[f"{first} x {dim}"] = suppress(c2, k)
    total = len(people)
    return {"k": k, "people": total if total >= k else None, "tables": tables}


def write_statistics(path: Path, stats: Mapping[str, Any]) -> list[str]:
    """A folder of CSV files (table, value, count; ``<k`` for a suppressed cell)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    written = []
    k = stats["k"]
    for name, rows in stats["tables"].items():
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(["value", "count"])
        for value, n in rows:
            w.writerow([value, f"<{k}" if n is None else n])
        target = path / (name.replace(" ", "_").replace("|", "") + ".csv")
        write_private(target, ("\ufeff" + buf.getvalue()).encode("utf-8"))
        written.append(str(target))
    people = stats["people"]
    write_private(path / "summary.json", json.dumps(
        {"k": k, "people": people if people is not None else f"<{k}"}).encode("utf-8"))
    written.append(str(path / "summary.json"))
    return written


def write_jsonl(path: Path, rows: Iterable[Mapping[str, Any]]) -> int:
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows]
    write_private(path, ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8"))
    return len(lines)


def uwazi_key(field_name: str) -> str:
    """Uwazi template property keys: lower case, words joined by '_'."""
    return field_name.replace(".", "_").lower()


def _uwazi_cell(value: Any) -> str:
    if isinstance(value, list):
        return "|".join(_uwazi_cell(v) for v in value if v not in (None, ""))
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value).replace("|", "/")


def write_uwazi(path: Path, rows: Sequence[Mapping[str, Any]], fields: Sequence[str]) -> int:
    """Uwazi's CSV import: ``title`` then one column per template property key, '|'
    between the values of a multi-value property (a repeat's field across its rows
    too). ``rows``: {"title": ..., "values": pick_fields(...)}."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["title", *(uwazi_key(f) for f in fields)])
    for row in rows:
        vals = row["values"]
        cells = [str(row["title"])]
        for f in fields:
            if "." in f:
                rep, sub = f.split(".", 1)
                got: list[Any] = []
                for r in vals.get(rep) or []:
                    v = r.get(sub)
                    got += v if isinstance(v, list) else [v]
                cells.append(_uwazi_cell(got))
            else:
                cells.append(_uwazi_cell(vals.get(f)))
        w.writerow([c if not c.startswith(("=", "+", "-", "@")) else "'" + c for c in cells])
    write_private(path, buf.getvalue().encode("utf-8"))
    return len(rows)
