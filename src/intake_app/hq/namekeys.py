"""Transliteration-aware name keys: مریم احمدی, Maryam Ahmadi and Mariam Ahmady meet.

Dari, Pashto and Urdu write few vowels; Latin spellings of the same name differ
mostly in vowels, doubled letters and digraphs. So both scripts go to one Latin
consonant skeleton: letters that sound alike become one class (س ص ث / s, ذ ز ض ظ /
z, ق ک غ / q k c gh, ژ ج / zh j, ...), vowels and the letters that often stand for
them (ا و ی ع) are dropped except at the start of a word, a final ه / h is dropped,
and repeats collapse. A key is a short string per word; a name is the set of its
words' keys, first word first.

The classes follow how Afghan and Pakistani names are really romanised: ق is written
q, k or gh (باقری: Baqiri, Bagheri), ژ zh or j (منیژه: Manizha, Manija), and a name
of one consonant (لیلا: Laila, Leila, Layla; رویا: Roya, Ruya) still has a key.
"""

from __future__ import annotations

import re
import unicodedata

from intake_app.textnorm import fold_for_search

# Arabic-script letters (after textnorm's folding) to consonant classes; "" drops.
_AR: dict[str, str] = {
    "ب": "b", "پ": "p", "ت": "t", "ط": "t", "ټ": "t", "ٹ": "t", "ث": "s", "س": "s",
    "ص": "s", "څ": "s", "ج": "j", "چ": "C", "ح": "h", "ه": "h", "ہ": "h", "خ": "X",
    "د": "d", "ډ": "d", "ڈ": "d", "ذ": "z", "ز": "z", "ض": "z", "ظ": "z", "ځ": "z",
    "ر": "r", "ړ": "r", "ڑ": "r", "ژ": "j", "ږ": "j", "ش": "S", "ښ": "S", "غ": "k",
    "ف": "f", "ق": "k", "ک": "k", "گ": "g", "ګ": "g", "ل": "l", "م": "m", "ن": "n",
    "ڼ": "n", "ں": "n", "ھ": "", "و": "w", "ی": "y", "ې": "y", "ۍ": "y", "ئ": "y",
    "ے": "y", "ا": "a", "ع": "a", "ء": "", "ؤ": "w", "ة": "h",
}
_VOWELISH = set("awy")  # kept only as the first letter of a word
_LATIN_DIGRAPHS = [("kh", "X"), ("gh", "k"), ("sh", "S"), ("ch", "C"), ("zh", "j"),
                   ("th", "t"), ("dh", "z"), ("ph", "f"), ("ck", "k")]
_LATIN_SINGLE = str.maketrans({"q": "k", "c": "k", "v": "w", "e": "a", "i": "a", "o": "a",
                               "u": "a", "y": "y", "x": "ks"})
_WORD = re.compile(r"[^\W\d_]+")


def _is_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in word)


def _latin_letters(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _skeleton(classes: str) -> str:
    """Drop non-initial vowels, a final h, and repeated letters."""
    if not classes:
        return ""
    if len(classes) > 1 and classes.endswith("h"):
        classes = classes[:-1]
    first = classes[0]
    head = "a" if first in ("a",) else first
    rest = [c for c in classes[1:] if c not in _VOWELISH]
    out = [head]
    for c in rest:
        if c != out[-1]:
            out.append(c)
    return "".join(out)


def word_key(word: str) -> str:
    """One word's key (empty for a word with no letters)."""
    folded = fold_for_search(word)
    if _is_arabic(folded):
        classes = "".join(_AR.get(ch, "") for ch in folded)
        # A final yeh is a sounded -i (Ahmadi, Ali): it tells Karimi from Karim.
        final_i = len(folded) > 2 and folded.endswith("ی")
    else:
        w = _latin_letters(folded)
        w = re.sub(r"[^a-z]", "", w)
        final_i = len(w) > 2 and w.endswith(("i", "y", "ee"))  # Rezaei, Ahmady, Rezayee
        for a, b in _LATIN_DIGRAPHS:
            w = w.replace(a, b)
        classes = w.translate(_LATIN_SINGLE)
    key = _skeleton(classes)
    return key + "I" if final_i and key else key


def name_keys(names: list[str] | tuple[str, ...],
              memo: dict[str, str] | None = None) -> list[str]:
    """The distinct keys of every word of every name, in first-seen order. ``memo``: a
    caller's {word: key} for many records (names recur); the caller drops it after, so
    no name outlives its run in memory."""
    seen: dict[str, None] = {}
    for name in names:
        for word in _WORD.findall(name):
            k = None if memo is None else memo.get(word)
            if k is None:
                k = word_key(word)
                if memo is not None:
                    memo[word] = k
            if k:
                seen.setdefault(k, None)
    return list(seen)
