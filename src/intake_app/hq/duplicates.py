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
from dataclasses import dataclass
from itertools import combinations

MAX_BLOCK = 200
THRESHOLD = 0.75
YEAR_WINDOW = 2  # birth years further apart score -0.5 (see score)


@dataclass(frozen=True, slots=True)
class Person:
    record_id: str
    case_id: str
    names: tuple[str, ...]  # name keys
    birth_year: int | None
    phones: tuple[str, ...]
    province: str


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
    keys = [f"n:{a}|{b}|{p.province}" for a, b in combinations(sorted(p.names[:5]), 2)]
    keys += [f"p:{ph}" for ph in p.phones]
    if len(p.names) == 1:
        keys.append(f"y:{p.names[0]}|{p.birth_year}|{p.province}")
    return keys


def _close(a: str, b: str) -> bool:
    """Equal, or one edit apart for keys of four letters or more."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def score(p: Person, q: Person) -> tuple[float, tuple[str, ...]]:
    """0..1 and the reasons. A shared name alone is not enough (common names are
    common): it takes the birth year, a phone number or both to reach the threshold."""
    reasons: list[str] = []
    s = 0.0
    if p.names and q.names:
        # Both ways and the fewer: one key may be close to two of the other's, and
        # the score must not depend on the order of the pair.
        mp = [k for k in p.names if any(_close(k, m) for m in q.names)]
        mq = [k for k in q.names if any(_close(k, m) for m in p.names)]
        matched = min(mp, mq, key=lambda m: (len(m), m))
        overlap = len(matched) / min(len(p.names), len(q.names))
        # Three or more words in common are rarer than a first and a last name.
        s += 0.5 * overlap + 0.15 * max(0, len(matched) - 2)
        if matched:
            reasons.append(f"names match ({' '.join(matched)}; {overlap:.0%} of the "
                           "shorter name)")
    if set(p.phones) & set(q.phones):
        s += 0.4
        reasons.append("same phone number")
    if p.birth_year is not None and q.birth_year is not None:
        d = abs(p.birth_year - q.birth_year)
        if d == 0:
            s += 0.25
            reasons.append(f"same birth year ({p.birth_year})")
        elif d == 1:
            s += 0.15
            reasons.append("birth years 1 apart")
        elif d > 2:
            s -= 0.5
            reasons.append(f"birth years {d} apart (against)")
    if p.province and q.province:
        if p.province == q.province:
            s += 0.1
            reasons.append(f"same province ({p.province})")
        else:
            s -= 0.2
            reasons.append("different province (against)")
    return round(min(s, 1.0), 3), tuple(reasons)


def _best(pairs: dict[tuple[str, str], Candidate], p: Person, q: Person,
          threshold: float) -> None:
    if p.case_id == q.case_id:
        return
    sc, why = score(p, q)
    if sc < threshold:
        return
    a, b = sorted((p.case_id, q.case_id))
    old = pairs.get((a, b))
    if old is None or sc > old.score:
        recs = (p.record_id, q.record_id) if p.case_id == a else (q.record_id, p.record_id)
        pairs[(a, b)] = Candidate(a, b, sc, why, recs)


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
