"""The records' search index on both backends: FTS5 on SQLite, a tsvector on PostgreSQL.

The semantics are the same: every word of the query must match the start of a word of
the record (``textnorm.fts_query``). On PostgreSQL the lexemes are computed here, not by
a text-search parser (whose idea of a word depends on the server's locale): the record's
folded text is split into words as the query is, diacritics are dropped as FTS5's
``remove_diacritics 2`` does, and the query becomes ``'w1':* & 'w2':*``.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from typing import Any

from intake_app.textnorm import (
    fold_for_search,
    fts_query,
    search_words,
    searchable_text,
    searchable_word_set,
)


def is_pg(conn: Any) -> bool:
    """``conn``: a Database, a PgDatabase or the connection a transaction yielded."""
    return getattr(conn, "dialect", "sqlite") == "postgresql"


@functools.lru_cache(maxsize=1 << 16)
def _lexeme(word: str) -> str:
    # Cached: the same words (names, places, choice values) recur across records.
    plain = "".join(c for c in unicodedata.normalize("NFD", word)
                    if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", plain)


def lexemes(folded_text: str) -> list[str]:
    return _lexemes(set(search_words(folded_text)))


def _lexemes(words: set[str]) -> list[str]:
    # An ASCII word is its own lexeme (no decomposition, no marks).
    found = {w for w in words if w.isascii()}
    found.update(map(_lexeme, [w for w in words if not w.isascii()]))
    found.discard("")  # a word of marks only
    return sorted(found)


# The lexemes travel as one text split again by the server: psycopg's array dumper cost
# about a millisecond per record (as in store/pg/copy.py). U+001F is never in a word.
_PG_PUT = ("INSERT INTO records_fts (rowid, tsv) VALUES "
           "(?, array_to_tsvector(string_to_array(?, chr(31))))")


def _joined(folded_text: str) -> str:
    return "\x1f".join(lexemes(folded_text))


def put(conn: Any, rowid: int, folded_text: str) -> None:
    """Index a record's text (``textnorm.searchable_text``) under its ``records.seq``."""
    if is_pg(conn):
        conn.execute(_PG_PUT, (rowid, _joined(folded_text)))
    else:
        conn.execute("INSERT INTO records_fts (rowid, body) VALUES (?, ?)",
                     (rowid, folded_text))


# ``put`` of many records: the rows as one JSON text (as store.bulk), one statement.
_PG_PUT_MANY = ("INSERT INTO records_fts (rowid, tsv) SELECT x.rowid, "
                "array_to_tsvector(string_to_array(x.lex, chr(31))) "
                "FROM json_to_recordset(CAST(? AS json)) AS x(rowid bigint, lex text)")


def index_form(conn: Any, folded_text: str) -> str:
    """What ``put_many_ready`` takes for a record's text: its lexemes joined by U+001F on
    PostgreSQL, the text itself for FTS5."""
    return _joined(folded_text) if is_pg(conn) else folded_text


def index_values(conn: Any, values: object) -> str:
    """``index_form(conn, searchable_text(values))``, on PostgreSQL in one walk of the
    values with no text made (textnorm.searchable_word_set)."""
    if is_pg(conn):
        return "\x1f".join(_lexemes(searchable_word_set(values)))
    return searchable_text(values)


def put_many(conn: Any, rows: list[tuple[int, str]]) -> None:
    """``put`` for many records in one statement."""
    put_many_ready(conn, [(rowid, index_form(conn, text)) for rowid, text in rows])


def put_many_ready(conn: Any, rows: list[tuple[int, str]]) -> None:
    """``put_many`` of (rowid, ``index_form`` of the text)."""
    if not rows:
        return
    if is_pg(conn):
        conn.execute(_PG_PUT_MANY, (json.dumps(
            [{"rowid": rowid, "lex": lex} for rowid, lex in rows],
            ensure_ascii=False, separators=(",", ":")),))
    else:
        conn.executemany("INSERT INTO records_fts (rowid, body) VALUES (?, ?)", rows)


def drop(conn: Any, rowid: int) -> None:
    conn.execute("DELETE FROM records_fts WHERE rowid = ?", (rowid,))


def _tsquery(query: str) -> str | None:
    words = [lx for w in search_words(fold_for_search(query)) if (lx := _lexeme(w))]
    if not words:
        return None
    return " & ".join("'" + w.replace("\\", "\\\\").replace("'", "''") + "':*" for w in words)


def match(conn: Any, query: str, alias: str = "f") -> tuple[str, str] | None:
    """(SQL condition on the index table ``alias``, its one parameter), or None when the
    query has no words."""
    if is_pg(conn):
        q = _tsquery(query)
        return None if q is None else (f"{alias}.tsv @@ CAST(? AS tsquery)", q)
    m = fts_query(query)
    return None if m is None else ("records_fts MATCH ?", m)
