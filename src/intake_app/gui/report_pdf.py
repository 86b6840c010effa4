"""The monthly report as PDF: Qt lays out the report's HTML (QTextDocument shapes
Dari, Pashto and Urdu with HarfBuzz, right to left, in the bundled Noto fonts) and
QPdfWriter prints it; each inline SVG chart is drawn by QtSvg into an image the
document shows, since Qt's rich text has no SVG of its own.

Here because only ``intake_app.gui`` may import Qt; the CLI imports this module
lazily, for ``intake hq report --out FILE.pdf`` alone (docs/architecture.md), so
``intake`` stays Qt-free at import time. Works without a display: with no Qt
application yet, one is made on the ``offscreen`` platform. The PDF is built in
memory and written 0600 in one atomic rename (no partial file).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtSvg import QSvgRenderer

from intake_app.gui.i18n import load_fonts
from intake_app.services.files import write_private

_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_SIZE = re.compile(r'<svg[^>]*\bwidth="(\d+)"[^>]*\bheight="(\d+)"')
SCALE = 3  # chart images at 3x their CSS size: sharp in print
_app: QGuiApplication | None = None


def _ensure_app() -> None:
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["intake", "-platform", "offscreen"])


def _chart_image(svg: str) -> tuple[QImage, int, int]:
    m = _SIZE.search(svg)
    w, h = (int(m.group(1)), int(m.group(2))) if m else (600, 300)
    image = QImage(w * SCALE, h * SCALE, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter)
    painter.end()
    return image, w, h


def pdf_bytes(page_html: str) -> bytes:
    """The report's HTML as an A4 PDF."""
    _ensure_app()
    load_fonts()
    doc = QTextDocument()
    charts: list[tuple[str, QImage]] = []

    def to_img(m: re.Match[str]) -> str:
        image, w, h = _chart_image(m.group(0))
        name = f"chart{len(charts)}.png"
        charts.append((name, image))
        return f'<img src="{name}" width="{w}" height="{h}">'

    body = _SVG.sub(to_img, page_html)
    for name, image in charts:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setDefaultFont(QGuiApplication.font())
    doc.setHtml(body)
    buf = QByteArray()
    dev = QBuffer(buf)
    dev.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(dev)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(144)
    writer.setTitle("Monthly report")
    writer.setCreator("intake_app")
    # No page size of its own: print_() lays the document out on the writer's pages
    # at screen scale (96 dpi), so the CSS pixel sizes of the charts hold.
    doc.print_(writer)
    dev.close()
    return bytes(buf.data())


def write_pdf(page_html: str, out: Path) -> None:
    write_private(Path(out), pdf_bytes(page_html))


__all__ = ["pdf_bytes", "write_pdf"]
