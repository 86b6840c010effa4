"""The monthly report: the dashboard's figures (``DashboardDesk.dashboard_stats``)
for one month, under the rules of a statistics export (``ConsentDesk``).

* Consent: a statistics-type output needs statistics consent. Any live case with a
  record that does not consent refuses the report, with the reason, and the refusal
  is logged, as ``export_purpose("statistics")`` does; ``only_consenting`` leaves
  those cases out instead (a case's figures mix its records, so one record without
  consent keeps the whole case out) and the report says how many.
* Small cells: counts under ``k`` (HQ policy, default 5) are suppressed
  (``hq.monthly``).
* Logged: a ``report-monthly`` entry in the signed event log, content-free (month,
  who, k, counts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from intake_app.errors import UsageError
from intake_app.forms import Form
from intake_app.hq import monthly
from intake_app.hq import purpose as hq_purpose
from intake_app.models import CaseFilter, MonthlyReport
from intake_app.services.base import locked
from intake_app.services.cases import _need
from intake_app.services.dashboard import DashboardDesk, week_start
from intake_app.store import cases as store_cases

WITHIN_DAYS = 30


class ReportDesk(DashboardDesk):
    """Mixed into HQService after DashboardDesk."""

    def _labeler(self, lang: str | None) -> Callable[[str, str], str]:
        """Province and need labels from the forms' own choice lists."""
        forms: list[tuple[Form, str | None, str | None]] = []
        for f in self.registry().list():
            cw = self.casework(f.id, f.version)
            if cw.province or cw.needs:
                forms.append((f, cw.province, cw.needs))

        def label(kind: str, key: str) -> str:
            if kind in ("province", "need") and key:
                for form, province, needs in forms:
                    name = province if kind == "province" else needs
                    info = form.index.fields.get(name or "")
                    if info is not None and info.field.choices:
                        got = form.choice_label(info.field.choices, key,
                                                lang or form.default_language)
                        if got != key:
                            return got
            return monthly.plain_label(kind, key)
        return label

    @locked
    def monthly_report(self, month: str, *, actor: str, only_consenting: bool = False,
                       k: int | None = None, lang: str | None = None,
                       today: dt.date | None = None) -> MonthlyReport:
        """The report for ``month`` (YYYY-MM): figures, suppressed tables and HTML."""
        actor = _need(actor, "who (--as)")
        try:
            first, as_of = monthly.month_bounds(month, today or dt.datetime.now(dt.UTC).date())
        except ValueError:
            raise UsageError(f"month {month!r}: expected YYYY-MM, not in the future") from None
        k = k if k is not None else self.statistics_k()
        if k < hq_purpose.MIN_K:
            raise UsageError(f"small-cell threshold k must be at least {hq_purpose.MIN_K}")
        self._ensure_cases()
        ids = [r[0] for r in store_cases.list_cases(
            self._store, CaseFilter(queue="all"), "9999-12-31", -1, 0)]
        ids += [r[0] for r in store_cases.list_cases(
            self._store, CaseFilter(queue="closed"), "9999-12-31", -1, 0)]
        _allowed, refused = self._split(self._members(ids), "statistics")
        if refused and not only_consenting:
            raise self._refuse("statistics", actor, refused, "report")
        skip = sorted({m.case_id for m, _ in refused})
        weeks = (week_start(as_of) - week_start(first)).days // 7 + 1
        stats = self.dashboard_stats(today=as_of.isoformat(), weeks=weeks,
                                     within_days=WITHIN_DAYS, skip=skip)
        tables = monthly.build_tables(stats, k, self._labeler(lang))
        counted = stats.open_cases + stats.closed_cases
        report = MonthlyReport(
            month=month, as_of=as_of.isoformat(), k=k,
            cases=counted if counted >= k or counted == 0 else None,
            excluded_cases=len(skip), within_days=WITHIN_DAYS, tables=tables, html="")
        page = monthly.render_html(report, self.meta("org_name") or "", lang=lang or "en")
        with self._store.transaction() as conn:
            self._log_in(conn, "report-monthly", {
                "month": month, "by": actor, "k": k, "cases": report.cases,
                "excluded_cases": len(skip)})
        return report.model_copy(update={"html": page})
