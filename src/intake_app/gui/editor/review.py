"""The editor's error list and review page: every answer on one page, with links back.

Both are built from the editor's widgets and its last evaluation, so they show
what is on screen (nothing is read from or written to anywhere else).
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from intake_app.forms import FormField
from intake_app.gui.editor.base import EditorContext
from intake_app.gui.i18n import set_text_language

if TYPE_CHECKING:
    from intake_app.gui.editor.editor import RecordEditor

SKIP = ("note", "hidden")


def _computed(values: Any, path: str) -> Any:
    """The evaluated value at ``path`` ("a[0].b") in the engine's nested values."""
    cur = values
    for part in path.split("."):
        m = re.fullmatch(r"(.+?)((?:\[\d+\])*)", part)
        if m is None or not isinstance(cur, dict):
            return None
        cur = cur.get(m.group(1))
        for n in re.findall(r"\[(\d+)\]", m.group(2)):
            if not isinstance(cur, list) or int(n) >= len(cur):
                return None
            cur = cur[int(n)]
    return cur


def question_text(ctx: EditorContext, f: FormField, path: str) -> str:
    """The question's label; inside a repeat, with its row number ("Date (2)")."""
    text = ctx.text(f.label) or f.name
    rows = re.findall(r"\[(\d+)\]", path)
    return text + "".join(f" ({int(n) + 1})" for n in rows)


class ErrorList(QListWidget):
    """One row per answer to fix: section, question, message. Activating a row jumps."""

    jump = Signal(str)  # a field path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorList")
        self.setAccessibleName(self.tr("Answers to fix"))
        self.setMaximumHeight(120)
        self.setVisible(False)
        self.itemClicked.connect(self._go)
        self.itemActivated.connect(self._go)

    def show_entries(self, entries: list[tuple[str, str]]) -> None:
        """``entries``: (path, text) in form order."""
        self.clear()
        for path, text in entries:
            item = QListWidgetItem("⚠ " + text)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(text)
            self.addItem(item)
        self.setVisible(bool(entries))

    def _go(self, item: QListWidgetItem) -> None:
        self.jump.emit(str(item.data(Qt.ItemDataRole.UserRole)))


class ReviewPage(QWidget):
    """All sections' answers on one scrollable page; links jump back to a question."""

    jump = Signal(str)  # a field path, or "#<section index>"
    back = Signal()
    finalize = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.heading = QLabel(self.tr("Review the answers"))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.browser = QTextBrowser()
        self.browser.setObjectName("reviewText")
        self.browser.setAccessibleName(self.tr("All answers"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        self.back_button = QPushButton(self.tr("&Back to the form"))
        self.finalize_button = QPushButton(self.tr("&Finalize…"))
        foot = QHBoxLayout()
        foot.addWidget(self.back_button)
        foot.addStretch(1)
        foot.addWidget(self.finalize_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.heading)
        lay.addWidget(self.browser, 1)
        lay.addLayout(foot)
        self.back_button.clicked.connect(self.back.emit)
        self.finalize_button.clicked.connect(self.finalize.emit)

    def _link(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("go:"):
            self.jump.emit(target[3:])

    def answer_text(self, ctx: EditorContext, f: FormField, value: Any) -> str:
        """An answer as the interviewer sees it: choice labels, Yes/No, plain text."""
        if value in (None, "", [], {}):
            return ""
        if f.choices:
            names = {c.name: ctx.text(c.label) or c.name
                     for c in ctx.form.choice_lists.get(f.choices, [])}
            if isinstance(value, list):
                return ", ".join(names.get(str(v), str(v)) for v in value)
            return names.get(str(value), str(value))
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    def fill(self, editor: RecordEditor, errors: dict[str, str]) -> None:
        """Rebuild from the editor's sections (relevant questions only)."""
        rtl = editor.form.direction(editor.lang) == "rtl"
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        self.setLayoutDirection(direction)
        set_text_language(self.browser, editor.lang, direction)
        state = editor.state
        relevant = state.relevant if state is not None else frozenset()
        align = "right" if rtl else "left"
        edit = html.escape(self.tr("Edit"))
        empty = html.escape(self.tr("Not answered"))
        parts = [f'<div dir="{"rtl" if rtl else "ltr"}" align="{align}">']
        for i, panel in enumerate(editor.panels):
            item = editor.page_list.item(i)
            if item is None or item.isHidden():
                continue
            parts.append(f'<h3>{html.escape(editor.page_titles[i])} '
                         f'<a href="go:#{i}">{edit}</a></h3><table width="100%" '
                         f'cellspacing="0" cellpadding="3">')
            for path, f, value in panel.answers():  # built or not (sections build lazily)
                if path not in relevant or f.type in SKIP:
                    continue
                if f.type == "calculate" and state is not None:
                    value = _computed(state.values, path)
                answer = self.answer_text(editor.ctx, f, value)
                shown = html.escape(answer) if answer else f'<i style="color:gray">{empty}</i>'
                err = errors.get(path)
                if err:
                    shown += f'<br/><span style="color:#b00020">⚠ {html.escape(err)}</span>'
                link = html.escape(path, quote=True)
                cells = [f'<td width="40%" valign="top"><a href="go:{link}">'
                         f'{html.escape(question_text(editor.ctx, f, path))}</a></td>',
                         f'<td valign="top">{shown}</td>']
                # Qt lays table columns out left to right whatever the direction: the
                # question goes first in reading order, so on the right in Dari, Pashto, Urdu.
                parts.append(f'<tr>{"".join(reversed(cells) if rtl else cells)}</tr>')
            parts.append("</table>")
        parts.append("</div>")
        self.browser.setHtml("".join(parts))
        self.finalize_button.setEnabled(not editor.busy)
