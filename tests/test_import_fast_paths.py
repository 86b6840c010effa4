"""Fast paths HQ's import takes for every record (issue 19, import speed) give what the
full paths give: the search word splitter's regex runs, bounded JSON skipping the
checks that cannot fail for a short text, PostgreSQL's lexemes made in one walk of the
values, the desk's priority rules skipping fields with no answer."""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake_app import boundedjson, textnorm
from intake_app.hq.casework import Rule, parse_date
from intake_app.store import search

# -- the word splitter's fast path ----------------------------------------------------


def test_split_words_is_the_translate_table_split() -> None:
    """The regex runs split exactly where the per-character table does (any script,
    marks, digits, spaces of every kind, controls, astral characters)."""
    alphabet = ("abcXYZ019 _-.,'\"\n\t\u00a0\u2003\u3000\x1c\x1f\u200c\u200d"
                "\u0627\u0644\u064b\u06cc\u06f1\u0660\u0301e\u0300\u00b2\u2460"
                "\u0915\u093f\u20ac\U0001f600\U00020000")
    rnd = random.Random(19)
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24)))
        assert textnorm._split_words(text) == text.translate(textnorm._SPLITTERS).split(), \
            repr(text)


# -- bounded JSON: the checks it skips cannot fail --------------------------------------


@pytest.mark.parametrize(("text", "kw", "refused"), [
    ("[[[1]]]", {"max_depth": 3}, None),
    ("[[[[1]]]]", {"max_depth": 3}, "nested more than 3"),
    ('["[[[[[[{{{{"]', {"max_depth": 3}, None),  # brackets in a string do not nest
    ("[1,2,3]", {"max_nodes": 4}, None),
    ("[1,2,3,4]", {"max_nodes": 4}, "more than 4 values"),
    ('["abcde"]', {"max_string": 5}, None),
    ('["abcdef"]', {"max_string": 5}, "longer than 5"),
    ('{"abcdef":1}', {"max_string": 5}, "key is longer"),
    ('{"a":[{"b":[1,{"c":"d"}]}]}', {}, None),
])
def test_bounded_json_limits_hold_at_their_edges(text: str, kw: dict[str, int],
                                                 refused: str | None) -> None:
    if refused is None:
        assert boundedjson.loads(text, **kw) == json.loads(text)
    else:
        with pytest.raises(boundedjson.JsonBoundsError, match=refused):
            boundedjson.loads(text, **kw)


# -- the record's search text, folded a part at a time -----------------------------------


def _searchable_reference(values: object) -> str:
    """searchable_text as it was: every part joined, then folded as one text."""
    parts: list[str] = []

    def walk(v: object) -> None:
        if isinstance(v, str):
            parts.append(v)
        elif isinstance(v, bool) or v is None:
            return
        elif isinstance(v, int | float):
            parts.append(str(v))
        elif isinstance(v, dict):
            for item in v.values():
                walk(item)
        elif isinstance(v, list | tuple):
            for item in v:
                walk(item)

    walk(values)
    return textnorm.fold_for_search("\n".join(parts))


class _Str(str):
    pass


def test_searchable_text_is_the_whole_text_folded() -> None:
    letters = ("aZ 9\n\u0627\u064a\u0643\u064b\u0651\u0640\u200c\u200d\u200f\u06f3\u0663"
               "e\u0301\u0300\u00c5\ufb01\u2460\u00df\u03a3\u0130\U0001d400")
    rnd = random.Random(20)

    def text() -> str:
        return "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 8)))

    def value(depth: int) -> object:
        kind = rnd.randrange(9 if depth < 3 else 6)
        return [text, lambda: None, lambda: rnd.random() < 0.5, lambda: rnd.randint(-99, 99),
                lambda: rnd.random() * 100, lambda: _Str(text()),
                lambda: {text(): value(depth + 1) for _ in range(rnd.randint(0, 4))},
                lambda: [value(depth + 1) for _ in range(rnd.randint(0, 4))],
                lambda: tuple(value(depth + 1) for _ in range(rnd.randint(0, 3)))][kind]()

    for _ in range(5_000):
        v = value(0)
        assert textnorm.searchable_text(v) == _searchable_reference(v), repr(v)


# -- PostgreSQL's lexemes in one walk of the values -------------------------------------

# Every kind of character the folding, the splitter and the lexemes treat apart: ASCII
# letters, digits and punctuation, Arabic-script letters the folding maps, harakat,
# tatweel, joiners and marks, Persian and Arabic-Indic digits, Latin letters with
# combining or precomposed marks, compatibility forms, case folding's expansions,
# separators of every kind, astral letters.
_CHARS = st.sampled_from(list(
    "aZq09 _-.,'\"\n\t\x1f\x00\u00a0\u2003\u0627\u064a\u0643\u0629\u0623\u064b\u0651"
    "\u0640\u200c\u200d\u200f\u06f3\u0663e\u0301\u0300\u00c5\u00e9\ufb01\u2460\u00df"
    "\u03a3\u0130\u1e9e\U0001d400\U00020000\u0915\u093f\u20ac"))
_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False)
    | st.text(_CHARS, max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.text(_CHARS, max_size=6), inner, max_size=4),
    max_leaves=24)


@settings(max_examples=400, deadline=None)
@given(_JSONISH)
def test_one_walk_lexemes_are_the_texts(values: object) -> None:
    """What PostgreSQL's index is given for a record (search.index_values, no text
    made) is what it was given from the record's search text (index_form)."""
    text = textnorm.searchable_text(values)
    assert textnorm.searchable_word_set(values) == set(textnorm.search_words(text))
    pg = type("Pg", (), {"dialect": "postgresql"})()
    assert search.index_values(pg, values) == search.index_form(pg, text)
    assert search.index_values(object(), values) == search.index_form(object(), text) == text


# -- the desk's priority rules ------------------------------------------------------------


def _matches_reference(rule: Rule, values: dict[str, Any], today: dt.date) -> bool:
    """Rule.matches as it was, before the early answer for a field with no value."""
    v = values.get(rule.field)
    if rule.within_days is not None:
        d = parse_date(v)
        return d is not None and (d - today).days <= rule.within_days
    got = v if isinstance(v, list) else [v]
    return any(x in rule.values for x in got if x is not None)


_ANSWER = st.none() | st.booleans() | st.integers(-3, 3) | st.floats(-3, 3) | st.sampled_from(
    ["high", "urgent", "2026-12-10", "2026-11-01", "2027-01-30", "2026-12-4", ""])


@settings(max_examples=500, deadline=None)
@given(st.none() | _ANSWER | st.lists(_ANSWER, max_size=4), st.lists(_ANSWER, max_size=3),
       st.none() | st.integers(-20, 60), st.booleans())
def test_priority_rules_match_as_before(answer: Any, listed: list[Any], within: int | None,
                                        given_at_all: bool) -> None:
    rule = Rule(field="f", priority="high", values=tuple(listed), within_days=within)
    values = {"f": answer} if given_at_all else {"g": answer}
    today = dt.date(2026, 12, 4)
    assert rule.matches(values, today) == _matches_reference(rule, values, today)
