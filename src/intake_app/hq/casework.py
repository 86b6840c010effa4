"""What a form declares for HQ's case desk, and what a record yields under it.

A form opts in with ``metadata.casework`` (see forms/source/hrd_intake.py): which
fields name the person, hold each purpose's consent, raise the priority, give
follow-up dates and feed referral packages. Nothing here names a form's fields;
a record of a form without a declaration joins a case with the lowest priority,
no follow-ups and no consent for anything beyond what HQ already holds.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from intake_app.errors import CaseworkError, IntakeError

PURPOSES = ("store", "send_hq", "referral", "advocacy", "statistics", "legal")
EXPORT_PURPOSES = ("referral", "advocacy", "statistics")
DEFAULT_LEVELS = ("low", "medium", "high", "urgent")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(value: Any) -> dt.date | None:
    """A full ISO date, or None (partial or approximate dates give no deadline)."""
    if not isinstance(value, str):
        return None
    m = _DATE.match(value.strip())
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def birth_year(value: Any) -> int | None:
    """The year of a full, partial ('1991-05') or approximate ('1991~') date."""
    if isinstance(value, str):
        m = re.match(r"^\s*(\d{4})", value)
        if m is not None:
            return int(m[1])
    return None


@dataclass(frozen=True)
class Rule:
    field: str
    priority: str
    values: tuple[Any, ...] = ()
    within_days: int | None = None

    def matches(self, values: dict[str, Any], today: dt.date) -> bool:
        v = values.get(self.field)
        if v is None:  # no date, and no answer is in any list (most rules' fields)
            return False
        if self.within_days is not None:
            d = parse_date(v)
            return d is not None and (d - today).days <= self.within_days
        if isinstance(v, list):
            return any(x in self.values for x in v if x is not None)
        return v in self.values

    def describe(self) -> str:
        if self.within_days is not None:
            return f"{self.field} within {self.within_days} days"
        return f"{self.field} in {', '.join(str(v) for v in self.values)}"


@dataclass(frozen=True)
class FollowUpField:
    field: str
    label: str
    days_before: int = 0


@dataclass(frozen=True)
class Casework:
    names: tuple[str, ...] = ()
    display_name: tuple[str, ...] = ()
    birth_date: str | None = None
    age: str | None = None
    interview_date: str | None = None
    phones: tuple[str, ...] = ()
    province: str | None = None
    needs: str | None = None
    document_expiry: str | None = None
    follow_ups: tuple[FollowUpField, ...] = ()
    consent: dict[str, str] = field(default_factory=dict)
    levels: tuple[str, ...] = DEFAULT_LEVELS
    default_level: str = DEFAULT_LEVELS[0]
    rules: tuple[Rule, ...] = ()
    referral_fields: tuple[str, ...] = ()
    advocacy_fields: tuple[str, ...] = ()
    statistics_dimensions: tuple[str, ...] = ()
    declared: bool = False

    # -- priority -----------------------------------------------------------------
    def level_rank(self, level: str) -> int:
        try:
            return self.levels.index(level)
        except ValueError:
            raise IntakeError(f"unknown priority {level!r} (one of: "
                              f"{', '.join(self.levels)})") from None

    def priority(self, values: dict[str, Any], today: dt.date) -> tuple[int, tuple[str, ...]]:
        """(rank, reasons): the highest level any rule raises, and the rules that did."""
        best = self.level_rank(self.default_level)
        reasons: list[tuple[int, str]] = []
        for rule in self.rules:
            if rule.matches(values, today):
                rank = self.level_rank(rule.priority)
                reasons.append((rank, f"{rule.priority}: {rule.describe()}"))
                best = max(best, rank)
        return best, tuple(r for rank, r in reasons if rank == best)

    # -- consent ------------------------------------------------------------------
    def consent_for(self, purpose: str, values: dict[str, Any]) -> tuple[bool, str]:
        """(allowed, reason). Only an explicit yes allows; a missing answer refuses."""
        if purpose not in PURPOSES:
            raise IntakeError(f"unknown purpose {purpose!r}")
        name = self.consent.get(purpose)
        if name is None:
            return False, f"the form declares no consent field for {purpose}"
        answer = values.get(name)
        if answer is True:
            return True, f"{name} = yes"
        if answer is None:
            return False, f"{name} not answered"
        return False, f"{name} = no"

    # -- facts ----------------------------------------------------------------------
    def names_of(self, values: dict[str, Any]) -> list[str]:
        return [str(values[n]) for n in self.names if isinstance(values.get(n), str)
                and values[n].strip()]

    def display_of(self, values: dict[str, Any]) -> str:
        for n in self.display_name or self.names:
            v = values.get(n)
            if isinstance(v, str) and v.strip():
                return " ".join(v.split())
        return ""

    def phones_of(self, values: dict[str, Any]) -> list[str]:
        out = []
        for n in self.phones:
            digits = re.sub(r"\D", "", _ascii_digits(str(values.get(n) or "")))
            if len(digits) >= 7:
                out.append(digits[-9:])  # country codes and leading zeros vary
        return out

    def needs_of(self, values: dict[str, Any]) -> list[str]:
        v = values.get(self.needs) if self.needs else None
        return [str(x) for x in v] if isinstance(v, list) else ([str(v)] if v else [])

    def text_of(self, values: dict[str, Any], name: str | None) -> str:
        v = values.get(name) if name else None
        return v if isinstance(v, str) else ""

    def age_of(self, values: dict[str, Any]) -> tuple[int | None, int | None]:
        """(birth year, approximate age), either may be None."""
        year = birth_year(values.get(self.birth_date)) if self.birth_date else None
        age = values.get(self.age) if self.age else None
        return year, (int(age) if isinstance(age, int | float) and 0 < age < 130 else None)

    def follow_up_dates(self, values: dict[str, Any]) -> list[tuple[str, dt.date]]:
        out = []
        for f in self.follow_ups:
            d = parse_date(values.get(f.field))
            if d is not None:
                out.append((f.label, d - dt.timedelta(days=f.days_before)))
        return out


_DIGITS: dict[int, str] = {**{0x06F0 + i: str(i) for i in range(10)},
                           **{0x0660 + i: str(i) for i in range(10)}}


def _ascii_digits(text: str) -> str:
    return text.translate(_DIGITS)


def _strs(value: Any, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CaseworkError(f"casework {what}: expected a list of field names")
    return tuple(value)


def _opt(value: Any, what: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise CaseworkError(f"casework {what}: expected a field name")


def parse_casework(metadata: dict[str, Any]) -> Casework:
    """The form's declaration, checked; an empty one for forms that declare none."""
    raw = metadata.get("casework")
    if raw is None:
        return Casework()
    if not isinstance(raw, dict):
        raise CaseworkError("casework: expected an object")
    prio = raw.get("priority") or {}
    levels = tuple(prio.get("levels") or DEFAULT_LEVELS)
    default = str(prio.get("default") or levels[0])
    rules = []
    for r in prio.get("rules") or []:
        if not isinstance(r, dict) or "field" not in r or r.get("priority") not in levels:
            raise CaseworkError(f"casework priority rule {r!r}: needs field and a known "
                                "priority")
        within = r.get("within_days")
        rules.append(Rule(field=str(r["field"]), priority=str(r["priority"]),
                          values=tuple(r.get("in") or ()),
                          within_days=int(within) if within is not None else None))
    follow = []
    for f in raw.get("follow_ups") or []:
        if not isinstance(f, dict) or not isinstance(f.get("field"), str):
            raise CaseworkError(f"casework follow-up {f!r}: needs a field")
        follow.append(FollowUpField(f["field"], str(f.get("label") or f["field"]),
                                    int(f.get("days_before") or 0)))
    consent = raw.get("consent") or {}
    if not isinstance(consent, dict) or not all(
            k in PURPOSES and isinstance(v, str) for k, v in consent.items()):
        raise CaseworkError(f"casework consent: maps purposes ({', '.join(PURPOSES)}) to "
                            "field names")
    return Casework(
        names=_strs(raw.get("names"), "names"),
        display_name=_strs(raw.get("display_name"), "display_name"),
        birth_date=_opt(raw.get("birth_date"), "birth_date"),
        age=_opt(raw.get("age"), "age"),
        interview_date=_opt(raw.get("interview_date"), "interview_date"),
        phones=_strs(raw.get("phones"), "phones"),
        province=_opt(raw.get("province"), "province"),
        needs=_opt(raw.get("needs"), "needs"),
        document_expiry=_opt(raw.get("document_expiry"), "document_expiry"),
        follow_ups=tuple(follow), consent=dict(consent), levels=levels,
        default_level=default, rules=tuple(rules),
        referral_fields=_strs(raw.get("referral_fields"), "referral_fields"),
        advocacy_fields=_strs(raw.get("advocacy_fields"), "advocacy_fields"),
        statistics_dimensions=_strs(raw.get("statistics_dimensions"),
                                    "statistics_dimensions"),
        declared=True)


# -- the status machine ------------------------------------------------------------

STATUSES = ("new", "triaged", "in_progress", "referred", "closed")
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("triaged",),
    "triaged": ("in_progress", "referred", "closed"),
    "in_progress": ("referred", "closed"),
    "referred": ("in_progress", "closed"),
    "closed": ("in_progress",),  # reopen
}


def check_transition(old: str, new: str) -> None:
    if new not in STATUSES:
        raise IntakeError(f"unknown status {new!r} (one of: {', '.join(STATUSES)})")
    if new not in TRANSITIONS.get(old, ()):
        allowed = ", ".join(TRANSITIONS.get(old, ())) or "none"
        raise IntakeError(f"a {old} case cannot become {new} (allowed: {allowed})")
