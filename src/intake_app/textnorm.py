"""Text normalisation for search over Latin and Arabic-script text.

Dari, Pashto and Urdu text reaches us typed on different keyboards: Arabic
yeh/kaf versus Persian/Urdu ones, optional short vowels, tatweel, zero-width
joiners. Index and query go through the same folding so they meet.
"""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans(
    {
        "\u064a": "\u06cc",  # ARABIC YEH -> FARSI YEH
        "\u0649": "\u06cc",  # ALEF MAKSURA -> FARSI YEH
        "\u0643": "\u06a9",  # ARABIC KAF -> KEHEH
        "\u0629": "\u0647",  # TEH MARBUTA -> HEH
        "\u06c0": "\u0647",  # HEH WITH YEH ABOVE -> HEH
        "\u0623": "\u0627",  # ALEF WITH HAMZA ABOVE -> ALEF
        "\u0625": "\u0627",  # ALEF WITH HAMZA BELOW -> ALEF
        "\u0622": "\u0627",  # ALEF WITH MADDA -> ALEF
        "\u0640": None,  # TATWEEL
        "\u200c": " ",  # ZWNJ: word-internal in Persian, a break for the tokenizer
        "\u200d": None,  # ZWJ
        "\u200f": None,  # RLM
        "\u200e": None,  # LRM
    }
)
# Persian and Arabic-Indic digits to ASCII.
_DIGITS = str.maketrans({**{chr(0x06F0 + i): str(i) for i in range(10)},
                         **{chr(0x0660 + i): str(i) for i in range(10)}})


# Combining marks to drop: Latin diacritics left decomposed, Arabic harakat
# (short vowels, tanwin, shadda, sukun), superscript alef and Quranic marks.
_MARKS = re.compile("[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+")


_TABLE: dict[int, str | None] = {**_FOLD, **_DIGITS}
# Substituting only the characters that need it is far cheaper than str.translate,
# which looks up every character of the text in a Python dict.
_NEEDS_FOLD = re.compile("[" + "".join(chr(c) for c in _TABLE) + "]")


def _fold_char(m: re.Match[str]) -> str:
    return _TABLE[ord(m.group())] or ""


def _fold_marks(text: str) -> str:
    """``fold_for_search`` before its casefold."""
    text = _NEEDS_FOLD.sub(_fold_char, unicodedata.normalize("NFKC", text))
    return _MARKS.sub("", text)


def fold_for_search(text: str) -> str:
    if text.isascii():
        return text.casefold()
    return _fold_marks(text).casefold()


def _parts(values: object) -> list[str]:
    """Every string and number inside ``values``, in order (depth first)."""
    parts: list[str] = []
    stack = [values]
    pop, push, add = stack.pop, stack.extend, parts.append
    while stack:
        v = pop()
        t = type(v)
        if t is str:
            add(v)  # type: ignore[arg-type]
        elif t is dict:
            push(reversed(v.values()))  # type: ignore[attr-defined]
        elif t is list:
            push(reversed(v))  # type: ignore[call-overload]
        elif v is None or t is bool:
            pass
        elif t is int or t is float:
            add(str(v))
        elif isinstance(v, str):  # subclasses, as the types above
            add(v)
        elif isinstance(v, bool):
            pass
        elif isinstance(v, int | float):
            add(str(v))
        elif isinstance(v, dict):
            push(reversed(list(v.values())))
        elif isinstance(v, list | tuple):
            push(reversed(v))
    return parts


def searchable_text(values: object) -> str:
    """Every string and number inside a record's values, folded, one per line.

    Folded a part at a time: the line breaks between parts end every normalisation,
    substitution and mark run, so only the parts that are not ASCII need more than the
    casefold (HQ folds every record it imports)."""
    return "\n".join(p if p.isascii() else _fold_marks(p)
                     for p in _parts(values)).casefold()


def searchable_word_set(values: object) -> set[str]:
    """``set(search_words(searchable_text(values)))`` without the text (PostgreSQL's
    index keeps only the words): the line breaks between parts end every word, so the
    words are each part's own; the ASCII parts are split as one lowered text."""
    plain: list[str] = []
    other: list[str] = []
    for p in _parts(values):
        (plain if p.isascii() else other).append(p)
    words = set(_ASCII_WORD.findall("\n".join(plain).lower()))
    for p in other:
        words.update(_split_words(_fold_marks(p).casefold()))
    return words


def fts_query(user_query: str) -> str | None:
    """Turn free text into a safe FTS5 query: every word must match as a prefix.

    User text never reaches MATCH as syntax, so quotes, NEAR, column filters
    and unbalanced parentheses cannot cause errors or surprises.
    """
    words = [w for w in _split_words(fold_for_search(user_query)) if w]
    if not words:
        return None
    return " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)


def search_words(folded: str) -> list[str]:
    """The words of already folded text, split as queries are (store.search on PostgreSQL)."""
    return _split_words(folded)


def is_word_char(ch: str) -> bool:
    """Letters, numbers and nonspacing marks make words; everything else splits them."""
    cat = unicodedata.category(ch)
    return cat[0] in "LN" or cat == "Mn"


class _Splitters(dict[int, int]):
    """``str.translate`` table sending every character that is not a word character to a
    space, filled on first sight (no word character is whitespace, so ``split()`` then
    gives the words): a C loop instead of one category lookup per character in Python
    (an import or ``intake hq migrate`` on PostgreSQL splits every record's text)."""

    def __missing__(self, code: int) -> int:
        value = code if is_word_char(chr(code)) else 32
        self[code] = value
        return value


_SPLITTERS = _Splitters()


# ASCII's word characters are its letters and digits, so ASCII punctuation and spaces
# always split: runs of ASCII letters and digits and of anything not ASCII, found by the
# regex engine, and only the runs with non-ASCII text translated (a record's text is
# mostly ASCII: half the time of translating all of it, per character, through the table).
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
_RUN = re.compile(r"[A-Za-z0-9\x80-\U0010ffff]+")


def _split_words(text: str) -> list[str]:
    if text.isascii():
        return _ASCII_WORD.findall(text)
    out: list[str] = []
    for run in _RUN.findall(text):
        if run.isascii():
            out.append(run)
        else:
            out += run.translate(_SPLITTERS).split()
    return out
