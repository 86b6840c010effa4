"""The store's SQL is written once, for SQLite; this turns it into PostgreSQL's.

What differs and how it is handled:
- placeholders: ``?`` becomes ``%s``; ``?N`` (SQLite's numbered form) becomes ``%s`` with
  the parameters reordered; a literal ``%`` is doubled (psycopg reads ``%`` everywhere);
- ``x'00ff'`` blob literals become ``'\\x00ff'::bytea``;
- ``INSERT OR IGNORE`` becomes ``... ON CONFLICT DO NOTHING``; ``INSERT OR REPLACE``
  becomes ``... ON CONFLICT (primary key) DO UPDATE`` (keys from ``PRIMARY_KEYS``);
- ``LIMIT -1`` (SQLite: no limit) becomes ``LIMIT NULL``;
- ``cursor.lastrowid``: an INSERT ... VALUES into a table with a generated key gets
  ``RETURNING <key>`` (``GENERATED_KEYS``).
Full-text search (FTS5 MATCH) is not translated here: ``store.search`` has both forms.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Tables whose SQLite INTEGER PRIMARY KEY is generated (an identity column on PostgreSQL).
GENERATED_KEYS = {
    "records": "seq", "cases": "seq", "outbox": "seq", "hq_keys": "id", "hq_events": "id",
    "hq_log_checkpoints": "id", "case_notes": "id", "case_followups": "id",
    "case_referrals": "id", "case_history": "id",
}
# (primary key, every column) of the tables the store writes with INSERT OR REPLACE.
PRIMARY_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "meta": (("key",), ("key", "value")),
    "attachment_chunks": (("attachment_id", "idx"), ("attachment_id", "idx", "data")),
    "person_keys": (("record_id",), ("record_id", "names", "birth_year", "phones",
                                     "province")),
}

_OR = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*(\(([^)]*)\))?",
                 re.IGNORECASE)
_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)", re.IGNORECASE)
_VALUES = re.compile(r"\bVALUES\b", re.IGNORECASE)


@dataclass(frozen=True)
class Translated:
    sql: str
    # Parameter order for ``?N`` placeholders (indexes into the caller's tuple); None: as given.
    order: tuple[int, ...] | None
    returns_key: bool
    # Parameters bound to ``LIMIT ?``: SQLite's negative limit (none) is NULL here.
    limits: tuple[int, ...] = ()


def _placeholders(sql: str) -> tuple[str, tuple[int, ...] | None, tuple[int, ...]]:
    out: list[str] = []
    limits: list[int] = []
    order: list[int] = []
    numbered = False
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch == "'":  # a string literal, copied as it is ('' is an escaped quote)
            j = i + 1
            while j < n:
                if sql[j] == "'" and (j + 1 >= n or sql[j + 1] != "'"):
                    break
                j += 2 if sql[j] == "'" else 1
            out.append(sql[i:j + 1].replace("%", "%%"))
            i = j + 1
        elif ch in "xX" and i + 1 < n and sql[i + 1] == "'" and (
                i == 0 or not (sql[i - 1].isalnum() or sql[i - 1] == "_")):
            j = sql.index("'", i + 2)
            out.append(f"'\\x{sql[i + 2:j]}'::bytea")
            i = j + 1
        elif ch == "?":
            j = i + 1
            while j < n and sql[j].isdigit():
                j += 1
            if j > i + 1:
                numbered = True
                order.append(int(sql[i + 1:j]) - 1)
            else:
                order.append(len(order))
            if "".join(out[-8:]).rstrip().upper().endswith("LIMIT"):
                limits.append(len(order) - 1)
            out.append("%s")
            i = j
        elif ch == "%":
            out.append("%%")
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out), (tuple(order) if numbered else None), tuple(limits)


@functools.lru_cache(maxsize=1024)
def translate(sql: str) -> Translated:
    text, order, limits = _placeholders(sql)
    m = _OR.match(text)
    returns_key = False
    if m:
        verb, table, cols = m.group(1).upper(), m.group(2), m.group(4)
        if not cols and verb == "REPLACE" and table in PRIMARY_KEYS:
            cols = ", ".join(PRIMARY_KEYS[table][1])
        text = f"INSERT INTO {table}" + (f" ({cols}) " if cols else " ") + text[m.end():].lstrip()
        if verb == "IGNORE":
            text += " ON CONFLICT DO NOTHING"
        else:
            if table not in PRIMARY_KEYS:
                raise ValueError(f"INSERT OR REPLACE into {table}: no primary key known")
            pk = PRIMARY_KEYS[table][0]
            names = [c.strip() for c in cols.split(",")]
            rest = [c for c in names if c not in pk]
            sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in rest)
            text += f" ON CONFLICT ({', '.join(pk)}) " + (f"DO UPDATE SET {sets}" if sets
                                                          else "DO NOTHING")
    else:
        ins = _INSERT.match(text)
        # One row (VALUES) has a key to return; an INSERT ... SELECT of many has none.
        if (ins and ins.group(1) in GENERATED_KEYS and "RETURNING" not in text.upper()
                and _VALUES.search(text)):
            text += f" RETURNING {GENERATED_KEYS[ins.group(1)]}"
            returns_key = True
    return Translated(text, order, returns_key, limits)
