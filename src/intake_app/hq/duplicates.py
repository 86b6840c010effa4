"""Likely duplicates: the same person interviewed twice, names spelled differently.

Each record has name keys (``hq.namekeys``: one per word, across scripts), a birth
year (given, or estimated from the approximate age), phone numbers (last 9 digits)
and a province. Candidate pairs come from blocks: two records sharing a pair of name
keys, or a phone number. Blocks larger than ``MAX_BLOCK`` (very common names) are
skipped: they say nothing about one person. Each pair is scored; the reasons say why.
Nothing is merged automatically: an analyst decides (services.duplicates).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

MAX_BLOCK = 200
THRESHOLD = 0.8
YEAR_WINDOW = 2  # birth years further apart score -0.5 (see score)


@dataclass(frozen=True, slots=True)
class Person:
    record_id: str
    case_id: str
    names: tuple[str, ...]  # name keys
    birth_year: int | None
    phones: tuple[str, ...]
    province: str
    name_set: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:  # computed once: score runs per pair
        object.__setattr__(self, "name_set", frozenset(self.names))


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


def block_keys(p: Person) -> list[str]:
    """Two name keys and the province, or a phone number. The province keeps blocks
    of common names small; a phone number finds the rest."""
    pairs = list(combinations(sorted(p.names[:5]), 2))
    keys = [f"n:{a}|{b}|{p.province}" for a, b in pairs]
    if p.birth_year is not None:  # the given name, another, the year: no province needed
        first = p.names[0]
        keys += [f"b:{a}|{b}|{p.birth_year}" for a, b in pairs if first in (a, b)]
    keys += [f"p:{ph}" for ph in p.phones]
    if len(p.names) == 1:
        keys.append(f"y:{p.names[0]}|{p.birth_year}|{p.province}")
    return keys


def _close(a: str, b: str) -> bool:
    """Equal, or one edit apart for keys of four letters or more."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if la < 4 or lb < 4 or la - lb > 1 or lb - la > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _matched(p: Person, q: Person) -> list[str]:
    """``p``'s keys equal (a set lookup) or close to one of ``q``'s."""
    qs = q.name_set
    return [k for k in p.names if k in qs or (len(k) >= 4 and any(_close(k, m)
                                                                for m in q.names))]


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
    why: list[str] = []
    s = 0.0
    if set(p.phones) & set(q.phones):
        s += 0.4
        why.append("same phone number")
    elif p.phones and q.phones:
        s -= 0.15
        why.append("different phone numbers (against)")
    if p.birth_year is not None and q.birth_year is not None:
        d = abs(p.birth_year - q.birth_year)
        if d == 0:
            s += 0.25
            why.append(f"same birth year ({p.birth_year})")
        elif d == 1:
            s += 0.15
            why.append("birth years 1 apart")
        elif d > 2:
            s -= 0.5
            why.append(f"birth years {d} apart (against)")
    if p.province and q.province:
        if p.province == q.province:
            s += 0.1
            why.append(f"same province ({p.province})")
        else:
            s -= 0.2
            why.append("different province (against)")
    if not (p.names and q.names):
        return _done(s, why, reasons)
    shorter = min(len(p.names), len(q.names))
    if floor is not None and s + 0.55 + 0.15 * max(0, shorter - 2) < floor - 1e-9:
        return s  # under the floor whatever the names say
    # Both ways and the fewer: one key may be close to two of the other's, and
    # the score must not depend on the order of the pair.
    mp = _matched(p, q)
    mq = _matched(q, p)
    matched = min(mp, mq, key=lambda m: (len(m), m))
    overlap = len(matched) / shorter
    # Three or more words in common are rarer than a first and a last name.
    s += 0.5 * overlap + 0.15 * max(0, len(matched) - 2)
    head: list[str] = []
    if matched:
        head.append(f"names match ({' '.join(matched)}; {overlap:.0%} of the shorter "
                    "name)")
        # The first word is the given name: "Sahar Ahmad Sultani" is not "Ahmad
        # Sultani" (a middle name becoming the first would be rare; a sibling is not).
        if _close(p.names[0], q.names[0]):
            s += 0.05
        else:
            s -= 0.2
            head.append("first names differ (against)")
    return _done(s, head + why, reasons)


def _done(s: float, why: list[str], reasons: list[str] | None) -> float:
    if reasons is not None:
        reasons.extend(why)
    return round(min(s, 1.0), 3)


def _best(pairs: dict[tuple[str, str], Candidate], p: Person, q: Person,
          threshold: float) -> None:
    if p.case_id == q.case_id:
        return
    sc = _score(p, q, None, threshold)
    if sc < threshold:
        return
    a, b = sorted((p.case_id, q.case_id))
    old = pairs.get((a, b))
    if old is None or sc > old.score:
        why: list[str] = []
        _score(p, q, why)
        recs = (p.record_id, q.record_id) if p.case_id == a else (q.record_id, p.record_id)
        pairs[(a, b)] = Candidate(a, b, sc, tuple(why), recs)


def _pairs_in(key: str, members: list[Person]) -> Iterable[tuple[Person, Person]]:
    """The pairs of a block worth scoring. In a name block, birth years more than
    ``YEAR_WINDOW`` apart cost 0.5: such a pair stays under the threshold unless it
    shares a phone, and then the phone's own block finds it. Skipping them here is
    most of the speed (a common name pair spans every birth year)."""
    if not key.startswith("n:"):
        return combinations(members, 2)
    by_year: dict[int, list[Person]] = defaultdict(list)
    unknown: list[Person] = []
    for m in members:
        (unknown if m.birth_year is None else by_year[m.birth_year]).append(m)
    out: list[tuple[Person, Person]] = list(combinations(unknown, 2))
    out += [(u, m) for u in unknown for m in members if m.birth_year is not None]
    for y, group in by_year.items():
        out += combinations(group, 2)
        for d in range(1, YEAR_WINDOW + 1):
            out += [(p, q) for p in group for q in by_year.get(y + d, ())]
    return out


def candidates(people: Iterable[Person], threshold: float = THRESHOLD) -> list[Candidate]:
    """Every likely duplicate pair of cases among ``people``, best first."""
    blocks: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        for k in block_keys(p):
            blocks[k].append(p)
    pairs: dict[tuple[str, str], Candidate] = {}
    seen: set[tuple[str, str]] = set()
    for block, members in blocks.items():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for p, q in _pairs_in(block, members):
            key = (p.record_id, q.record_id) if p.record_id < q.record_id else \
                (q.record_id, p.record_id)
            if key in seen:
                continue
            seen.add(key)
            _best(pairs, p, q, threshold)
    return sorted(pairs.values(), key=lambda c: (-c.score, c.a, c.b))


def candidates_for(new: Person, others: Iterable[Person],
                   threshold: float = THRESHOLD) -> list[Candidate]:
    """Likely duplicates of one record among ``others`` (already blocked by the caller)."""
    pairs: dict[tuple[str, str], Candidate] = {}
    for q in others:
        if q.record_id != new.record_id:
            _best(pairs, new, q, threshold)
    return sorted(pairs.values(), key=lambda c: (-c.score, c.a, c.b))
