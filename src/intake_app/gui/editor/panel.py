"""Lays out a list of form fields; groups nest, repeats hold rows of panels."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from intake_app.forms import FormField
from intake_app.gui.editor.attachment_fields import AttachmentField
from intake_app.gui.editor.base import EditorContext, FieldWidget
from intake_app.gui.editor.choice_fields import (
    RankField,
    SelectMultipleField,
    SelectOneField,
    YesNoField,
)
from intake_app.gui.editor.date_fields import DateField
from intake_app.gui.editor.text_fields import (
    CalculatedField,
    HiddenField,
    LineField,
    LongTextField,
    NoteField,
)

WIDGETS: dict[str, type[FieldWidget]] = {
    "text": LineField,
    "integer": LineField,
    "decimal": LineField,
    "long_text": LongTextField,
    "date": DateField,
    "select_one": SelectOneField,
    "select_multiple": SelectMultipleField,
    "yes_no": YesNoField,
    "note": NoteField,
    "attachment": AttachmentField,
    "calculate": CalculatedField,
    "hidden": HiddenField,
    "rank": RankField,
    # No GPS on a laptop: positions are typed ("lat lon [alt [accuracy]]", ";" between).
    "geopoint": LineField,
    "geotrace": LineField,
    "geoshape": LineField,
}


def make_field(f: FormField, ctx: EditorContext, prefix: str) -> FieldWidget:
    return WIDGETS[f.type](f, ctx, prefix)


class GroupBox(QGroupBox):
    """A group: a titled box; its fields' values sit beside the group's siblings."""

    def __init__(self, f: FormField, ctx: EditorContext, prefix: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx.text(f.label) or f.name, parent)
        self.field = f
        self.setObjectName(f"group_{f.name}")
        self.panel = FieldsPanel(f.children, ctx, prefix)
        lay = QVBoxLayout(self)
        lay.addWidget(self.panel)


class FieldsPanel(QWidget):
    """The widgets for ``fields`` (one section, one group, or one repeat row)."""

    changed = Signal()

    def __init__(self, fields: list[FormField], ctx: EditorContext, prefix: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from intake_app.gui.editor.repeat import RepeatWidget

        self.ctx = ctx
        self.prefix = prefix
        self.items: list[tuple[FormField, QWidget]] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for f in fields:
            w: QWidget
            if f.type == "group":
                box = GroupBox(f, ctx, prefix)
                box.panel.changed.connect(self.changed)
                w = box
            elif f.type == "repeat":
                rep = RepeatWidget(f, ctx, prefix)
                rep.changed.connect(self.changed)
                w = rep
            else:
                fw = make_field(f, ctx, prefix)
                fw.changed.connect(self.changed)
                w = fw
            self.items.append((f, w))
            lay.addWidget(w)
        lay.addStretch(1)

    # -------------------------------------------------------------- walking
    def field_widgets(self) -> Iterator[FieldWidget]:
        """Every field widget, including those inside groups and repeat rows."""
        from intake_app.gui.editor.repeat import RepeatWidget

        for _f, w in self.items:
            if isinstance(w, GroupBox):
                yield from w.panel.field_widgets()
            elif isinstance(w, RepeatWidget):
                for row in w.rows:
                    yield from row.panel.field_widgets()
            elif isinstance(w, FieldWidget):
                yield w

    def repeats(self) -> Iterator[Any]:
        from intake_app.gui.editor.repeat import RepeatWidget

        for _f, w in self.items:
            if isinstance(w, GroupBox):
                yield from w.panel.repeats()
            elif isinstance(w, RepeatWidget):
                yield w
                for row in w.rows:
                    yield from row.panel.repeats()

    def set_prefix(self, prefix: str) -> None:
        from intake_app.gui.editor.repeat import RepeatWidget

        self.prefix = prefix
        for _f, w in self.items:
            if isinstance(w, GroupBox):
                w.panel.set_prefix(prefix)
            elif isinstance(w, RepeatWidget):
                w.set_prefix(prefix)
            elif isinstance(w, FieldWidget):
                w.prefix = prefix

    # -------------------------------------------------------------- values
    def collect(self, out: dict[str, Any]) -> dict[str, Any]:
        from intake_app.gui.editor.repeat import RepeatWidget

        for f, w in self.items:
            if isinstance(w, GroupBox):
                w.panel.collect(out)
            elif isinstance(w, RepeatWidget):
                out[f.name] = w.collect()
            elif isinstance(w, FieldWidget) and f.has_value and f.type != "calculate":
                v = w.value()
                if v is not None:
                    out[f.name] = v
        return out

    def load(self, values: Mapping[str, Any]) -> None:
        from intake_app.gui.editor.repeat import RepeatWidget

        for f, w in self.items:
            if isinstance(w, GroupBox):
                w.panel.load(values)
            elif isinstance(w, RepeatWidget):
                rows = values.get(f.name)
                w.load(rows if isinstance(rows, list) else [])
            elif isinstance(w, FieldWidget):
                w.set_value(values.get(f.name))

    def apply(self, container: Mapping[str, Any], relevant: frozenset[str],
              errors: Mapping[str, str], show: frozenset[str] | None) -> None:
        """Show relevant fields only, computed values, and the errors to show.

        ``container`` holds the evaluated values at this level; ``show`` is the
        set of paths whose errors may be shown (None: all of them).
        """
        from intake_app.gui.editor.repeat import RepeatWidget

        for f, w in self.items:
            path = self.prefix + f.name
            visible = path in relevant
            if f.type != "hidden":
                w.setVisible(visible)
            if isinstance(w, GroupBox):
                w.panel.apply(container, relevant, errors, show)
            elif isinstance(w, RepeatWidget):
                rows = container.get(f.name)
                w.apply(rows if isinstance(rows, list) else [], relevant, errors, show)
            elif isinstance(w, FieldWidget):
                if f.type == "calculate":
                    w.set_computed(container.get(f.name))
                msg = errors.get(path) if visible else None
                if msg is not None and show is not None and path not in show:
                    msg = None
                w.set_error(msg)
