"""The case desk in numbers: one function for the HQ dashboard and the monthly
report, so both show the same figures (``DashboardStats``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from intake_app.forms import Form
from intake_app.hq.casework import DEFAULT_LEVELS, STATUSES, TRANSITIONS
from intake_app.models import DashboardStats, DeskVocabulary
from intake_app.services.base import locked
from intake_app.services.retention import RetentionDesk
from intake_app.store import case_stats


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class DashboardDesk(RetentionDesk):
    """Mixed into HQService after RetentionDesk."""

    @locked
    def dashboard_stats(self, *, today: str | None = None, weeks: int = 12,
                        within_days: int = 30, skip: Sequence[str] = ()) -> DashboardStats:
        """Open cases by priority and status, cases opened per week (the last
        ``weeks`` weeks, this one included, UTC), overdue follow-ups, documents
        expired or expiring within ``within_days``, needs by province. ``skip``:
        case ids not counted (the monthly report's cases without statistics consent)."""
        self._ensure_cases()
        day = dt.date.fromisoformat(today) if today else dt.datetime.now(dt.UTC).date()
        status = case_stats.by_status(self._store, skip)
        first = week_start(day) - dt.timedelta(weeks=weeks - 1)
        since = int(dt.datetime.combine(first, dt.time(), dt.UTC).timestamp() * 1000)
        per_week: Counter[dt.date] = Counter(
            week_start(dt.datetime.fromtimestamp(ms / 1000, dt.UTC).date())
            for ms in case_stats.created_since(self._store, since, skip))
        weeks_out = tuple((w.isoformat(), per_week.get(w, 0))
                          for w in (first + dt.timedelta(weeks=i) for i in range(weeks)))
        overdue, overdue_cases = case_stats.overdue_follow_ups(self._store, day.isoformat(),
                                                               skip)
        until = (day + dt.timedelta(days=within_days)).isoformat()
        expired, expiring = case_stats.expiring(self._store, day.isoformat(), until, skip)
        needs: Counter[tuple[str, str]] = Counter()
        for province, packed in case_stats.province_needs(self._store, skip):
            for need in packed.split("|"):
                if need:
                    needs[(province, need)] += 1
        return DashboardStats(
            today=day.isoformat(),
            open_cases=sum(n for s, n in status.items() if s != "closed"),
            closed_cases=status.get("closed", 0),
            by_priority=tuple((lvl, n) for _r, lvl, n in case_stats.by_priority(
                self._store, skip=skip)),
            by_status=tuple((s, status.get(s, 0)) for s in STATUSES),
            new_per_week=weeks_out, overdue_follow_ups=overdue, overdue_cases=overdue_cases,
            expired_documents=expired, expiring_documents=expiring, within_days=within_days,
            needs_by_province=tuple((p, n, c) for (p, n), c in sorted(
                needs.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1]))))

    @locked
    def case_vocabulary(self, lang: str) -> DeskVocabulary:
        """Statuses, transitions, levels and the labels of needs and provinces in
        ``lang`` (the newest version of each form; a value no form lists keeps its name)."""
        reg = self.registry()
        latest: dict[str, Form] = {}
        for f in reg.list():
            latest[f.id] = reg.get(f.id)
        levels: list[str] = []
        needs: dict[str, str] = {}
        provinces: dict[str, str] = {}
        fields: dict[str, str] = {}
        values: dict[str, dict[str, str]] = {}
        follow: dict[str, str] = {}
        days: dict[str, int] = {}
        for form in latest.values():
            cw = self.casework(form.id, form.version)
            levels += [lv for lv in cw.levels if lv not in levels]
            for name, out in ((cw.needs, needs), (cw.province, provinces),
                              *((r.field, values.setdefault(r.field, {})) for r in cw.rules)):
                for value, label in _choices(form, name, lang):
                    out.setdefault(value, label)
            for name in [r.field for r in cw.rules] + [fu.field for fu in cw.follow_ups]:
                label = _label(form, name, lang)
                if label:
                    fields.setdefault(name, label)
            for fu in cw.follow_ups:
                # The declaration's label is English; elsewhere the date field's own label.
                follow.setdefault(fu.label, fu.label if lang == "en" else
                                  _label(form, fu.field, lang) or fu.label)
                days.setdefault(fu.label, fu.days_before)
        return DeskVocabulary(
            statuses=STATUSES, transitions=dict(TRANSITIONS),
            levels=tuple(levels) or DEFAULT_LEVELS, needs=needs, provinces=provinces,
            forms={f.id: f.title_text(lang) for f in latest.values()}, fields=fields,
            values={k: v for k, v in values.items() if v}, follow_ups=follow,
            follow_up_days=days)


def _choices(form: Form, name: str | None, lang: str) -> list[tuple[str, str]]:
    """(value, label in ``lang``) of the field's choice list; none for a field that has
    none or is not in this form."""
    try:
        lst = form.field(name).choices if name else None
    except KeyError:
        return []
    return [(c.name, form.choice_label(lst or "", c.name, lang))
            for c in form.choice_lists.get(lst or "", [])]


def _label(form: Form, name: str, lang: str) -> str:
    try:
        return form.field(name).text("label", lang)
    except KeyError:
        return ""
