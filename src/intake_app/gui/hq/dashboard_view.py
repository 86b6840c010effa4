"""The dashboard: open cases by priority and by status, cases opened per week,
overdue follow-ups, expired and expiring documents, needs by province. Painted
with QPainter (QtCharts is not a dependency); every figure comes from
``HQService.dashboard_stats`` (the monthly report uses the same function), and each
chart also shows its numbers. Charts mirror in right-to-left languages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.dialogs import error_text
from intake_app.gui.hq import case_labels as L
from intake_app.gui.hq.common import HQSession, number
from intake_app.gui.i18n import ltr
from intake_app.gui.widgets import wrapped_label
from intake_app.models import DashboardStats, DeskVocabulary

PALETTE = [QColor(c) for c in ("#1565c0", "#2e7d32", "#e65100", "#6a1b9a", "#00838f",
                               "#ad1457", "#f9a825", "#4e342e", "#546e7a", "#9e9d24")]
Entry = tuple[str, int, QColor]
NEEDS_SHOWN = 12  # the largest (province, need) cells; the rest would not fit


class BarChart(QWidget):
    """Horizontal bars: a label, a bar, the number."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.entries: list[Entry] = []
        self.setMinimumHeight(60)

    def set_entries(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.setAccessibleDescription(", ".join(f"{t}: {n}" for t, n, _ in entries))
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def row_height(self) -> int:
        return max(26, QFontMetrics(self.font()).height() + 6)  # Nastaliq is tall

    def sizeHint(self) -> QSize:
        return QSize(320, max(60, self.row_height() * len(self.entries) + 8))

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        w = self.width()
        label_w = min(w // 3, max((fm.horizontalAdvance(t) for t, _n, _c in self.entries),
                                  default=0) + 8)
        num_w = fm.horizontalAdvance(number(max((n for _t, n, _c in self.entries),
                                                default=0))) + 10
        top = max((n for _t, n, _c in self.entries), default=0) or 1
        span = max(1, w - label_w - num_w - 8)
        rh = self.row_height()
        for i, (text, n, colour) in enumerate(self.entries):
            y = 4 + i * rh
            bar = span * n / top
            if rtl:
                label = QRectF(w - label_w, y, label_w - 4, rh - 4)
                rect = QRectF(w - label_w - 4 - bar, y + rh / 2 - 8, bar, 16)
                num = QRectF(rect.left() - num_w, y, num_w - 4, rh - 4)
                align_l, align_n = Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignRight
            else:
                label = QRectF(0, y, label_w - 4, rh - 4)
                rect = QRectF(label_w, y + rh / 2 - 8, bar, 16)
                num = QRectF(rect.right() + 4, y, num_w, rh - 4)
                align_l, align_n = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignLeft
            p.setPen(self.palette().text().color())
            p.drawText(label, int(align_l | Qt.AlignmentFlag.AlignVCenter),
                       fm.elidedText(text, Qt.TextElideMode.ElideRight, int(label.width())))
            p.fillRect(rect, colour)
            p.drawText(num, int(align_n | Qt.AlignmentFlag.AlignVCenter), number(n))
        p.end()


class ColumnChart(QWidget):
    """Columns over time (cases opened per week), oldest first in reading order."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.entries: list[Entry] = []
        self.setMinimumHeight(150)

    def set_entries(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.setAccessibleDescription(", ".join(f"{t}: {n}" for t, n, _ in entries))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 170)

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        fm = QFontMetrics(self.font())
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        k = len(self.entries) or 1
        top = max((n for _t, n, _c in self.entries), default=0) or 1
        h = self.height() - 2 * fm.height() - 6
        slot = self.width() / k
        for i, (text, n, colour) in enumerate(self.entries):
            x = (k - 1 - i) * slot if rtl else i * slot
            bar = h * n / top
            rect = QRectF(x + slot * 0.15, fm.height() + 2 + h - bar, slot * 0.7, bar)
            p.fillRect(rect, colour)
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(x, rect.top() - fm.height() - 1, slot, fm.height()),
                       int(Qt.AlignmentFlag.AlignCenter), number(n))
            p.drawText(QRectF(x, self.height() - fm.height() - 2, slot, fm.height()),
                       int(Qt.AlignmentFlag.AlignCenter),
                       fm.elidedText(text, Qt.TextElideMode.ElideRight, int(slot)))
        p.end()


class Tile(QLabel):
    """One big number and what it counts."""

    def __init__(self, name: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.value = 0
        self.setAccessibleName(name)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet(f"border:2px solid {colour};border-radius:6px;padding:6px")
        self.set_value(0)

    def set_value(self, n: int, detail: str = "") -> None:
        self.value = n
        self.setText(f"<div style='font-size:22pt;font-weight:bold'>{number(n)}</div>"
                     f"<div>{self.name}</div><div style='color:#555'>{detail}</div>")


class DashboardView(QWidget):
    def __init__(self, session: HQSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqDashboard")
        self.session = session
        self.vocab: DeskVocabulary | None = None
        self.stats: DashboardStats | None = None
        self.busy = False
        self.priority = BarChart(self.tr("Open cases by priority"))
        self.status = BarChart(self.tr("Cases by status"))
        self.weeks = ColumnChart(self.tr("New cases per week"))
        self.needs = BarChart(self.tr("Needs by province"))
        self.overdue = Tile(self.tr("overdue follow-ups"), "#b00020")
        self.expiring = Tile(self.tr("documents expiring soon"), "#e65100")
        self.expired = Tile(self.tr("documents already expired"), "#6a1b9a")
        self.open_tile = Tile(self.tr("open cases"), "#1565c0")
        self.days = QSpinBox()
        self.days.setRange(1, 3650)
        self.days.setValue(30)
        self.days.setSuffix(self.tr(" days"))
        self.days.setAccessibleName(self.tr("Expiring within"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.message = wrapped_label()
        tiles = QHBoxLayout()
        for t in (self.open_tile, self.overdue, self.expiring, self.expired):
            tiles.addWidget(t, 1)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Documents expiring within:")))
        head.addWidget(self.days)
        head.addStretch(1)
        head.addWidget(self.message)
        head.addWidget(self.refresh_button)
        grid = QGridLayout()
        for (chart, title), (r, c) in zip(
                ((self.priority, self.tr("Open cases by priority")),
                 (self.status, self.tr("Cases by status")),
                 (self.weeks, self.tr("New cases per week")),
                 (self.needs, self.tr("Needs of open cases, by province"))),
                ((0, 0), (0, 1), (1, 0), (1, 1)), strict=True):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(chart)
            grid.addWidget(box, r, c)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(tiles)
        inner.addLayout(grid, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(scroll, 1)
        self.refresh_button.clicked.connect(self.refresh)
        self.days.valueChanged.connect(self.refresh)

    def set_vocabulary(self, vocab: DeskVocabulary) -> None:
        self.vocab = vocab

    def refresh(self) -> None:
        svc, days = self.session.hq, self.days.value()
        self.busy = True
        self.session.runner.start(lambda: svc.dashboard_stats(within_days=days),
                                  self._show, self._failed)

    def _show(self, stats: Any) -> None:
        assert isinstance(stats, DashboardStats)
        self.busy = False
        self.stats = st = stats
        v = self.vocab
        self.message.setText(self.tr("Figures for {day}").format(day=ltr(st.today)))
        self.priority.set_entries([(L.level_text(lv), n, L.LEVEL_COLOURS.get(lv, L.OTHER))
                                   for lv, n in st.by_priority])
        self.status.set_entries([(L.status_text(s), n, L.STATUS_COLOURS.get(s, L.OTHER))
                                 for s, n in st.by_status])
        self.weeks.set_entries([(w[5:], n, PALETTE[0]) for w, n in st.new_per_week])
        colours: dict[str, QColor] = {}
        rows: list[Entry] = []
        top = sorted(st.needs_by_province, key=lambda r: -r[2])[:NEEDS_SHOWN]
        for province, need, n in sorted(top, key=lambda r: (r[0], -r[2], r[1])):
            colour = colours.setdefault(need, PALETTE[len(colours) % len(PALETTE)])
            rows.append((f"{L.province_text(v, province) or '—'} · {L.need_text(v, need)}",
                         n, colour))
        self.needs.set_entries(rows)
        self.open_tile.set_value(st.open_cases, self.tr("%n closed", "", st.closed_cases))
        self.overdue.set_value(st.overdue_follow_ups,
                               self.tr("on %n case(s)", "", st.overdue_cases))
        self.expiring.set_value(st.expiring_documents,
                                self.tr("within %n day(s)", "", st.within_days))
        self.expired.set_value(st.expired_documents)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.message.setText(error_text(exc))

    def clear(self) -> None:
        self.stats = None
        for c in (self.priority, self.status, self.needs):
            c.set_entries([])
        self.weeks.set_entries([])
