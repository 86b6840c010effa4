"""Fast paths HQ's import takes for every record (issue 19, import speed) give what the
full paths give: the search word splitter's regex runs, and bounded JSON skipping the
checks that cannot fail for a short text."""

from __future__ import annotations

import json
import random

import pytest

from intake_app import boundedjson, textnorm

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
