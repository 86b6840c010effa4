"""Likely duplicates: the same person interviewed twice, names spelled differently.

Each record has name keys (``hq.namekeys``: one per word, across scripts), a birth
year (given, or estimated from the approximate age), phone numbers (last 9 digits)
and a province. Candidate pairs come from blocks: two records sharing a pair of name
keys, or a phone number. Blocks larger than ``MAX_BLOCK`` (very common names) are
skipped: they say nothing about one person. Each pair is scored; the reasons say why.
Nothing is merged automatically: an analyst decides (services.duplicates).
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Any, Final

MAX_BLOCK = 200
THRESHOLD = 0.8
YEAR_WINDOW = 2  # birth years further apart score -0.5 (see score)
# Raise with any change to block_keys: the store keeps each record's blocks (a full run
# and a one-record lookup read them) and rebuilds them from its keys when this differs.
BLOCK_KEYS_VERSION = "2"


class Person:
    """One record's keys. A plain slotted class, not a frozen dataclass: a full run
    makes one per record (100,000), and a frozen dataclass's ``__init__`` costs three
    times as much. Read-only (``Final``): the score runs per pair."""

    __slots__ = ("birth_year", "case_id", "names", "phone_set", "phones", "province",
                 "record_id")

    def __init__(self, record_id: str, case_id: str, names: tuple[str, ...],
                 birth_year: int | None, phones: tuple[str, ...], province: str) -> None:
        self.record_id: Final = record_id
        self.case_id: Final = case_id
        self.names: Final = names  # name keys
        self.birth_year: Final = birth_year
        self.phones: Final = phones
        self.province: Final = province
        self.phone_set: Final = frozenset(phones)  # computed once: the score runs per pair

    def __repr__(self) -> str:
        return (f"Person({self.record_id!r}, {self.case_id!r}, {self.names!r}, "
                f"{self.birth_year!r}, {self.phones!r}, {self.province!r})")


@dataclass(frozen=True)
class Candidate:
    a: str  # case ids, a < b
    b: str
    score: float
    reasons: tuple[str, ...]
    records: tuple[str, str]


def person(row: Sequence[object]) -> Person:
    """From store.cases.person_keys' row."""
    names, phones = str(row[2] or ""), str(row[4] or "")
    year = row[3]
    return Person(str(row[0]), str(row[1]), tuple(names.split()),
                  int(year) if isinstance(year, int) else None, tuple(phones.split()),
                  str(row[5] or ""))


def people(rows: Iterable[Sequence[Any]]) -> list[Person]:
    """``person`` over many rows (a full run's 100,000): the same, in one loop."""
    return [Person(rid, cid, tuple(names.split()) if names else (),
                   year if isinstance(year, int) else None,
                   tuple(phones.split()) if phones else (), prov or "")
            for rid, cid, names, year, phones, prov in rows]


def block_keys(p: Person) -> list[str]:
    """Two name keys and the province, or a phone number. The province keeps blocks
    of common names small; a phone number finds the rest."""
    pairs = list(combinations(sorted(p.names[:5]), 2))
    keys = [f"n:{a}|{b}|{p.province}" for a, b in pairs]
    # The given name, another, the year: no province needed. (No pairs: no given name,
    # e.g. a name in a script no key is made of.)
    if p.birth_year is not None and pairs:
        first = p.names[0]
        keys += [f"b:{a}|{b}|{p.birth_year}" for a, b in pairs if first in (a, b)]
    keys += [f"p:{ph}" for ph in p.phones]
    if len(p.names) == 1:
        keys.append(f"y:{p.names[0]}|{p.birth_year}|{p.province}")
    return keys


@lru_cache(maxsize=1 << 16)
def _close(a: str, b: str) -> bool:
    """Equal, or one edit apart for keys of four letters or more. Cached: name keys
    come from a small vocabulary (a few thousand first and family names), pairs of
    them recur across every block."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if la < 4 or lb < 4 or la - lb > 1 or lb - la > 1:
        return False
    if la == lb:
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if la < lb else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _matched(pn: tuple[str, ...], qn: tuple[str, ...]) -> list[str]:
    """``pn``'s keys equal or close to one of ``qn``'s."""
    out = []
    for k in pn:
        if k in qn:
            out.append(k)
        elif len(k) >= 4:
            for m in qn:
                if _close(k, m):
                    out.append(k)
                    break
    return out


@lru_cache(maxsize=1 << 16)
def _names(pn: tuple[str, ...], qn: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """The keys the two names share (equal or one edit apart), and whether the first
    (given) names agree. Both ways and the fewer: one key may be close to two of the
    other's, and the score must not depend on the order of the pair. Cached: a pair of
    names (not of people) recurs in every block it shares."""
    mp, mq = _matched(pn, qn), _matched(qn, pn)
    matched = min(mp, mq, key=lambda m: (len(m), m))
    return tuple(matched), _close(pn[0], qn[0])


def score(p: Person, q: Person) -> tuple[float, tuple[str, ...]]:
    """0..1 and the reasons. A shared name alone is not enough (common names are
    common): it takes the birth year, a phone number or both to reach the threshold."""
    reasons: list[str] = []
    return _score(p, q, reasons), tuple(reasons)


def _score(p: Person, q: Person, reasons: list[str] | None,
           floor: float | None = None) -> float:
    """The score; the reasons go to ``reasons`` unless None (most pairs scored fall
    under the threshold: their reasons are never shown, so never formatted). With
    ``floor``, a pair that cannot reach it even with every name matching returns
    early (the name comparison is most of the cost)."""
    why: list[str] | None = None if reasons is None else []
    s = 0.0
    if p.phone_set & q.phone_set:
        s += 0.4
        if why is not None:
            why.append("same phone number")
    elif p.phones and q.phones:
        s -= 0.15
        if why is not None:
            why.append("different phone numbers (against)")
    py, qy = p.birth_year, q.birth_year
    if py is not None and qy is not None:
        d = py - qy if py >= qy else qy - py
        if d == 0:
            s += 0.25
            if why is not None:
                why.append(f"same birth year ({py})")
        elif d == 1:
            s += 0.15
            if why is not None:
                why.append("birth years 1 apart")
        elif d > 2:
            s -= 0.5
            if why is not None:
                why.append(f"birth years {d} apart (against)")
    if p.province and q.province:
        if p.province == q.province:
            s += 0.1
            if why is not None:
                why.append(f"same province ({p.province})")
        else:
            s -= 0.2
            if why is not None:
                why.append("different province (against)")
    lp, lq = len(p.names), len(q.names)
    if not (lp and lq):
        return _done(s, why, reasons)
    shorter = lp if lp < lq else lq
    best = _BEST_NAMES[shorter] if shorter < len(_BEST_NAMES) else 0.55 + 0.15 * (shorter - 2)
    if floor is not None and s + best < floor - 1e-9:
        return s  # under the floor whatever the names say
    matched, first_agrees = _names(p.names, q.names)
    n = len(matched)
    overlap = n / shorter
    # Three or more words in common are rarer than a first and a last name.
    s += 0.5 * overlap + (0.15 * (n - 2) if n > 2 else 0.0)
    if not matched:
        return _done(s, why, reasons)
    # The first word is the given name: "Sahar Ahmad Sultani" is not "Ahmad Sultani"
    # (a middle name becoming the first would be rare; a sibling is not).
    s += 0.05 if first_agrees else -0.2
    if why is not None:
        why[:0] = [f"names match ({' '.join(matched)}; {overlap:.0%} of the shorter name)",
                   *([] if first_agrees else ["first names differ (against)"])]
    return _done(s, why, reasons)


# What the names can add at most, by the length of the shorter name: every key
# matched (0.5), the given name agreeing (0.05), 0.15 a word after two.
_BEST_NAMES = [0.55 + 0.15 * max(0, k - 2) for k in range(8)]


def _done(s: float, why: list[str] | None, reasons: list[str] | None) -> float:
    if reasons is not None and why is not None:
        reasons.extend(why)
    return round(s if s < 1.0 else 1.0, 3)


def _best(pairs: dict[tuple[str, str], Candidate], p: Person, q: Person,
          threshold: float) -> None:
    if p.case_id == q.case_id:
        return
    sc = _score(p, q, None, threshold)
    if sc < threshold:
        return
    a, b = (p.case_id, q.case_id) if p.case_id < q.case_id else (q.case_id, p.case_id)
    old = pairs.get((a, b))
    if old is None or sc > old.score:
        why: list[str] = []
        _score(p, q, why)
        recs = (p.record_id, q.record_id) if p.case_id == a else (q.record_id, p.record_id)
        pairs[(a, b)] = Candidate(a, b, sc, tuple(why), recs)


def _pairs_in(key: str, members: list[int], years: list[int | None], n: int) -> set[int]:
    """The pairs of a block worth scoring, as ``i * n + j`` (indexes into ``years``'
    people, i < j: ``members`` ascend). In a name block, birth years more than
    ``YEAR_WINDOW`` apart cost 0.5: such a pair stays under the threshold unless it
    shares a phone, and then the phone's own block finds it. Skipping them here is
    most of the speed (a common name pair spans every birth year)."""
    if not key.startswith("n:"):
        return {i * n + j for i, j in combinations(members, 2)}
    if len(members) <= 16:  # a small block: filter its pairs (cheaper than grouping)
        return {i * n + j for i, j in combinations(members, 2)
                if (yi := years[i]) is None or (yj := years[j]) is None
                or -YEAR_WINDOW <= yi - yj <= YEAR_WINDOW}
    by_year: dict[int, list[int]] = defaultdict(list)
    unknown: list[int] = []
    for m in members:
        y = years[m]
        (unknown if y is None else by_year[y]).append(m)
    if not unknown and len(by_year) == 1:
        return {i * n + j for i, j in combinations(members, 2)}
    out = {i * n + j for i, j in combinations(unknown, 2)}
    out.update(u * n + m if u < m else m * n + u
               for u in unknown for m in members if years[m] is not None)
    for y, group in by_year.items():
        out.update(i * n + j for i, j in combinations(group, 2))
        for d in range(1, YEAR_WINDOW + 1):
            other = by_year.get(y + d)
            if other:
                out.update(i * n + j if i < j else j * n + i for i in group for j in other)
    return out


def candidates(people: Iterable[Person], threshold: float = THRESHOLD) -> list[Candidate]:
    """Every likely duplicate pair of cases among ``people``, best first."""
    with one_run():  # the run's blocks die with _candidates, inside the pause
        return _candidates(*_blocked(list(people)), threshold)


def _blocked(ps: list[Person]) -> tuple[list[Person], Iterable[tuple[str, list[int]]]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(ps):
        for k in block_keys(p):
            blocks[k].append(i)
    return ps, blocks.items()


def candidates_in_blocks(people: Sequence[Person], blocks: Iterable[tuple[str, Sequence[int]]],
                         threshold: float = THRESHOLD) -> list[Candidate]:
    """``candidates`` with the blocks given: (key, indexes into ``people``), as the store
    keeps them (``store.cases.person_block_members``), so a run over the store computes
    no block keys. The same pairs as ``candidates`` when the blocks are ``block_keys``'."""
    with one_run():
        return _candidates(people, blocks, threshold)


@contextmanager
def one_run() -> Iterator[None]:
    """The cycle collector paused: the pairs are short-lived tuples without cycles, and
    each collection would walk every Person (at 100,000 records, an eighth of the time).
    Callers may widen it (the service's run reads the keys and builds the pairs'
    snapshots under it too) and should let the run's Person objects die inside it, or
    the first collection after it walks them all. The name caches are emptied at the
    end: no name keys stay in memory after the call (the profile may be locked next)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        _names.cache_clear()
        _close.cache_clear()
        if was:
            gc.enable()


def _candidates(ps: Sequence[Person], blocks: Iterable[tuple[str, Sequence[int]]],
                threshold: float) -> list[Candidate]:
    years = [p.birth_year for p in ps]
    n = len(ps)
    # Every pair worth scoring, once (a pair shares several blocks).
    todo: set[int] = set()
    for block, members in blocks:
        if 2 <= len(members) <= MAX_BLOCK:
            todo |= _pairs_in(block, sorted(members), years, n)
    pairs: dict[tuple[str, str], Candidate] = {}
    for key in sorted(todo):  # sorted: ties keep the same record pair on every run
        i, j = divmod(key, n)
        _best(pairs, ps[i], ps[j], threshold)
    return sorted(pairs.values(), key=lambda c: (-c.score, c.a, c.b))


def candidates_for(new: Person, others: Iterable[Person],
                   threshold: float = THRESHOLD) -> list[Candidate]:
    """Likely duplicates of one record among ``others`` (already blocked by the caller)."""
    pairs: dict[tuple[str, str], Candidate] = {}
    with one_run():
        for q in others:
            if q.record_id != new.record_id:
                _best(pairs, new, q, threshold)
    return sorted(pairs.values(), key=lambda c: (-c.score, c.a, c.b))
