"""Lays out a list of form fields; groups nest, repeats hold rows of panels."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
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
                 parent: QWidget | None = None, *, lazy: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prefix = prefix
        self.fields = fields
        self.items: list[tuple[FormField, QWidget]] = []
        # A lazy panel (a section not yet turned to) keeps the values it was given and the
        # last state applied, and builds its widgets when first shown: opening a draft
        # builds one section, not a hundred questions (bench/bench_autosave.py).
        self.built = False
        self._values: Mapping[str, Any] = {}
        self._applied: tuple[Mapping[str, Any], frozenset[str], Mapping[str, str],
                             frozenset[str] | None] | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        if not lazy:
            self.ensure_built()

    def ensure_built(self) -> bool:
        """Build the widgets now if not yet built; True if this call built them."""
        from intake_app.gui.editor.repeat import RepeatWidget

        if self.built:
            return False
        self.built = True
        lay = self.layout()
        assert isinstance(lay, QVBoxLayout)
        ctx, prefix = self.ctx, self.prefix
        for f in self.fields:
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
        if self._values:
            self.load(self._values)
        if self._applied is not None:
            self.apply(*self._applied)
        self._values, self._applied = {}, None
        return True

    def answers(self) -> list[tuple[str, FormField, Any]]:
        """(path, field, value) of every question here, built or not (section counts)."""
        if self.built:
            return [(w.path, w.field, w.value()) for w in self.field_widgets()]
        return list(_leaves(self.fields, self._values, self.prefix))

    def forget(self) -> None:
        """Drop the values an unbuilt panel holds (on lock or close)."""
        self._values, self._applied = {}, None

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

        if not self.built:
            for name in _value_names(self.fields):
                v = self._values.get(name)
                if v is not None:
                    out[name] = v
            return out

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

        if not self.built:
            self._values = values
            return

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

        if not self.built:
            self._applied = (container, relevant, errors, show)
            return
        for f, w in self.items:
            path = self.prefix + f.name
            visible = path in relevant
            if f.type != "hidden" and w.isHidden() == visible:
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


def _value_names(fields: list[FormField]) -> Iterator[str]:
    """The value keys a panel of ``fields`` fills (a group's sit beside its siblings)."""
    for f in fields:
        if f.type == "group":
            yield from _value_names(f.children)
        elif f.type == "repeat" or (f.has_value and f.type != "calculate"):
            yield f.name


def _leaves(fields: list[FormField], values: Mapping[str, Any],
            prefix: str) -> Iterator[tuple[str, FormField, Any]]:
    """What ``field_widgets`` would walk, from values alone (an unbuilt panel)."""
    for f in fields:
        if f.type == "group":
            yield from _leaves(f.children, values, prefix)
        elif f.type == "repeat":
            rows = values.get(f.name)
            for i, row in enumerate(rows if isinstance(rows, list) else []):
                yield from _leaves(f.children, row if isinstance(row, Mapping) else {},
                                   f"{prefix}{f.name}[{i}].")
        else:
            yield prefix + f.name, f, values.get(f.name)


def tab_order(panels: list[FieldsPanel], tail: list[QWidget], window: QWidget) -> None:
    """Tab walks the built panels' controls in order, then ``tail`` (the editor's buttons)."""
    tab = Qt.FocusPolicy.TabFocus
    chain: list[QWidget] = []
    for panel in panels:
        if panel.built:
            chain += [w for w in panel.findChildren(QWidget)
                      if w.focusPolicy() & tab == tab and w.focusProxy() is None
                      and w.window() is window]  # not the calendar's menu
    for a, b in itertools.pairwise([*chain, *tail]):
        QWidget.setTabOrder(a, b)
