"""The monthly report: the dashboard's numbers (``models.DashboardStats``) as tables
with small-cell suppression and charts drawn here as inline SVG, in one HTML file.

Pure: no store, no Qt. The service (``services.report``) decides which cases consent
to statistics and passes their figures; this module suppresses and draws. A cell
under ``k`` shows as ``<k`` in the table, and its bar, column or square is drawn at a
fixed size that tells nothing of the count (a bar's length would give it back); when
exactly one cell of a table is suppressed, the next smallest is too
(``hq.purpose.suppress``). Zero counts are shown: an empty cell discloses no one.
The HTML has no scripts and no external assets (a Content-Security-Policy says so);
every label is escaped and laid out with ``dir="auto"``, so Dari, Pashto and Urdu
province and need labels read right to left.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence

from intake_app.hq.purpose import suppress
from intake_app.models import DashboardStats, MonthlyReport, ReportCell, ReportTable

Labeler = Callable[[str, str], str]  # (kind: status|level|province|need, key) -> label

STATUS_LABELS = {"new": "New", "triaged": "Triaged", "in_progress": "In progress",
                 "referred": "Referred", "closed": "Closed"}
FONT = "'Noto Sans','Noto Naskh Arabic','Noto Nastaliq Urdu',sans-serif"
_CSS = f"""
body{{font-family:{FONT};margin:2em;color:#111}}
h1{{font-size:1.5em}}h2{{font-size:1.2em;margin-top:1.4em;border-bottom:1px solid #999}}
table{{border-collapse:collapse;margin:.5em 0}}td,th{{border:1px solid #bbb;
padding:.2em .5em;text-align:start}}th{{background:#eee}}td.n{{text-align:end}}
.note{{color:#444;font-size:.9em}}
"""
BAR = "#3a6ea5"
HIDDEN = "#c8c8c8"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def plain_label(kind: str, key: str) -> str:
    if kind == "status":
        return STATUS_LABELS.get(key, key)
    return key or "(not given)"


def suppressed(rows: Sequence[tuple[str, int]], k: int) -> dict[str, int | None]:
    """``hq.purpose.suppress`` over the non-zero counts, in the rows' own order."""
    nonzero = {key: n for key, n in rows if n > 0}
    shown = dict(suppress(nonzero, k)) if nonzero else {}
    return {key: shown.get(key, n) for key, n in rows}


def _cells(rows: Sequence[tuple[str, int]], k: int, kind: str,
           label: Labeler) -> tuple[ReportCell, ...]:
    counts = suppressed(rows, k)
    return tuple(ReportCell(key=key, label=label(kind, key), count=counts[key])
                 for key, _n in rows)


def build_tables(stats: DashboardStats, k: int, label: Labeler) -> tuple[ReportTable, ...]:
    """The report's tables from the dashboard's figures, suppressed."""
    weeks = tuple(ReportCell(key=w, label=w, count=n) for w, n in zip(
        (w for w, _ in stats.new_per_week),
        suppressed(stats.new_per_week, k).values(), strict=True))
    # Four separate figures (not parts of one total): each is suppressed on its own.
    singles = [("overdue_follow_ups", "Follow-ups past due", stats.overdue_follow_ups),
               ("overdue_cases", "Open cases with a follow-up past due", stats.overdue_cases),
               ("expired_documents", "Documents already expired", stats.expired_documents),
               ("expiring_documents", f"Documents expiring within {stats.within_days} days",
                stats.expiring_documents)]
    follow = [ReportCell(key=key, label=text, count=suppressed([(key, n)], k)[key])
              for key, text, n in singles]
    if follow[1].count is None:  # follow-ups of fewer than k cases: count people, not rows
        follow[0] = follow[0].model_copy(update={"count": None})
    grid_rows = [(f"{p}|{need}", n) for p, need, n in stats.needs_by_province]
    grid_counts = suppressed(grid_rows, k)
    grid = tuple(ReportCell(key=key, label=f"{label('province', key.split('|')[0])} | "
                                           f"{label('need', key.split('|')[1])}",
                            count=grid_counts[key]) for key, _n in grid_rows)
    return (
        ReportTable(name="by_priority", title="Open cases by priority", chart="bars",
                    cells=_cells(stats.by_priority, k, "level", label)),
        ReportTable(name="by_status", title="Cases by status", chart="bars",
                    cells=_cells(stats.by_status, k, "status", label)),
        ReportTable(name="new_per_week", title="New cases per week (week from Monday)",
                    chart="columns", cells=weeks),
        ReportTable(name="follow_ups", title="Overdue follow-ups and expiring documents",
                    chart="bars", cells=tuple(follow)),
        ReportTable(name="needs_by_province", title="Open cases' needs by province",
                    chart="grid", cells=grid),
    )


# -- charts -------------------------------------------------------------------------


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{_e(title)}" '
            f'font-family="{_e(FONT)}" font-size="12">' + "".join(body) + "</svg>")


def _shown(n: int | None, k: int) -> str:
    return f"<{k}" if n is None else str(n)


def bar_chart(title: str, cells: Sequence[ReportCell], k: int) -> str:
    """Horizontal bars; a suppressed bar is a short grey stub of fixed length."""
    label_w, bar_w, row_h = 260, 300, 24
    top = max([c.count or 0 for c in cells] + [1])
    body: list[str] = []
    for i, c in enumerate(cells):
        y = 6 + i * row_h
        body.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">'
                    f"{_e(c.label)}</text>")
        if c.count is None:
            w, fill = 12, HIDDEN
        else:
            w, fill = round(bar_w * c.count / top), BAR
        body.append(f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{row_h - 8}" '
                    f'fill="{fill}"/>')
        body.append(f'<text x="{label_w + w + 6}" y="{y + 15}">{_e(_shown(c.count, k))}'
                    "</text>")
    return _svg(label_w + bar_w + 60, 12 + row_h * len(cells), title, body)


def column_chart(title: str, cells: Sequence[ReportCell], k: int) -> str:
    """Vertical columns (one per week); a suppressed one is a fixed grey stub."""
    col_w, plot_h, left = 44, 160, 10
    top = max([c.count or 0 for c in cells] + [1])
    body: list[str] = []
    for i, c in enumerate(cells):
        x = left + i * col_w
        h, fill = (10, HIDDEN) if c.count is None else (round(plot_h * c.count / top), BAR)
        body.append(f'<rect x="{x + 6}" y="{20 + plot_h - h}" width="{col_w - 12}" '
                    f'height="{h}" fill="{fill}"/>')
        body.append(f'<text x="{x + col_w / 2}" y="{14 + plot_h - h}" text-anchor="middle">'
                    f"{_e(_shown(c.count, k))}</text>")
        body.append(f'<text x="{x + col_w / 2}" y="{plot_h + 36}" text-anchor="middle" '
                    f'font-size="10">{_e(c.label[5:])}</text>')
    return _svg(left * 2 + col_w * len(cells), plot_h + 44, title, body)


def grid_chart(title: str, cells: Sequence[ReportCell], k: int) -> str:
    """Provinces down, needs across; a square's shade grows with the count, a
    suppressed one is plain grey with ``<k``."""
    rows = list(dict.fromkeys(c.label.split(" | ")[0] for c in cells))
    cols = list(dict.fromkeys(c.label.split(" | ", 1)[1] for c in cells))
    label_w, cell_w, cell_h, head = 150, 90, 24, 44
    top = max([c.count or 0 for c in cells] + [1])
    at = {(c.label.split(" | ")[0], c.label.split(" | ", 1)[1]): c for c in cells}
    body: list[str] = []
    for j, col in enumerate(cols):
        # Staggered in two rows: long need labels would overlap side by side.
        body.append(f'<text x="{label_w + j * cell_w + cell_w / 2}" '
                    f'y="{head - 8 - (j % 2) * 16}" text-anchor="middle" font-size="11">'
                    f"{_e(col)}</text>")
    for i, row in enumerate(rows):
        y = head + i * cell_h
        body.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{_e(row)}</text>')
        for j, col in enumerate(cols):
            c = at.get((row, col))
            if c is None:
                continue
            x = label_w + j * cell_w
            if c.count is None:
                fill, ink = HIDDEN, "#111"
            else:
                shade = 0.15 + 0.85 * c.count / top
                fill = f"rgb({round(255 - 197 * shade)},{round(255 - 145 * shade)}," \
                       f"{round(255 - 90 * shade)})"
                ink = "#fff" if shade > 0.55 else "#111"
            body.append(f'<rect x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" '
                        f'height="{cell_h - 2}" fill="{fill}"/>')
            body.append(f'<text x="{x + cell_w / 2}" y="{y + 16}" text-anchor="middle" '
                        f'fill="{ink}">{_e(_shown(c.count, k))}</text>')
    return _svg(label_w + cell_w * max(1, len(cols)) + 10, head + cell_h * len(rows) + 6,
                title, body)


CHARTS = {"bars": bar_chart, "columns": column_chart, "grid": grid_chart}


# -- the page -----------------------------------------------------------------------


def _table(t: ReportTable, k: int) -> str:
    head = ("<tr><th>Province</th><th>Need</th><th>Open cases</th></tr>"
            if t.chart == "grid" else "<tr><th></th><th>Count</th></tr>")
    rows = []
    for c in t.cells:
        labels = c.label.split(" | ", 1) if t.chart == "grid" else [c.label]
        rows.append("<tr>" + "".join(f'<td dir="auto">{_e(x)}</td>' for x in labels)
                    + f'<td class="n">{_e(_shown(c.count, k))}</td></tr>')
    return f'<table data-table="{_e(t.name)}">{head}{"".join(rows)}</table>'


def render_html(report: MonthlyReport, org: str, *, lang: str = "en",
                made_at: dt.datetime | None = None) -> str:
    """The whole report as one self-contained HTML page (``report.html`` is ignored)."""
    k = report.k
    made = (made_at or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'">',
        f"<title>Monthly report {_e(report.month)}: {_e(org)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f'<h1>Monthly report {_e(report.month)}: <span dir="auto">{_e(org)}</span></h1>',
        "<table>",
        f"<tr><th>Month</th><td>{_e(report.month)}</td></tr>",
        f"<tr><th>Dates measured against</th><td>{_e(report.as_of)}</td></tr>",
        f'<tr><th>Cases counted</th><td class="n">{_e(_shown(report.cases, k))}</td></tr>',
        "<tr><th>Left out (no statistics consent)</th>"
        f'<td class="n">{report.excluded_cases}</td></tr>',
        f"<tr><th>Smallest count shown (k)</th><td>{k}</td></tr>",
        f"<tr><th>Report made</th><td>{_e(made)}</td></tr>",
        "</table>",
        f'<p class="note">Counts under {k} are shown as &lt;{k} and drawn at a fixed size; '
        "where one count of a table is hidden, the next smallest is hidden too. Cases "
        "without consent to anonymised statistics are not counted. Status, priority, "
        "needs and provinces are the desk's state when the report was made; follow-ups "
        "and documents are measured against the date above.</p>",
    ]
    for t in report.tables:
        out.append(f"<h2>{_e(t.title)}</h2>")
        if not t.cells:
            out.append("<p>None.</p>")
            continue
        out.append(f'<div class="chart">{CHARTS[t.chart](t.title, t.cells, k)}</div>')
        out.append(_table(t, k))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def month_bounds(month: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """(first day, the day dates are measured against: the last day, or today in the
    current month). ValueError for a malformed or future month."""
    first = dt.datetime.strptime(month, "%Y-%m").date()
    if len(month) != 7:
        raise ValueError(month)
    nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    if first > today:
        raise ValueError(f"{month} has not begun")
    return first, min(nxt - dt.timedelta(days=1), today)


__all__ = ["build_tables", "month_bounds", "plain_label", "render_html", "suppressed"]
