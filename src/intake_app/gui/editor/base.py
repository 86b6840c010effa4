"""What every field widget shares: label, required marker, hint, inline error."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from intake_app.forms import Form, FormField
from intake_app.forms.i18n import pick
from intake_app.gui.adapter import PendingAttachment
from intake_app.gui.session import Session
from intake_app.gui.widgets import wrapped_label
from intake_app.models import AttachmentInfo

ERROR_STYLE = "color: #b00020;"
# A field in error is outlined, so the eye finds it without reading the message.
ERROR_OUTLINE = "border: 2px solid #b00020; border-radius: 3px;"
HINT_STYLE = "color: palette(placeholder-text);"


@dataclass
class EditorContext:
    """Shared by every widget of one editor: form, language, attachment state."""

    session: Session
    form: Form
    lang: str
    pending: dict[str, PendingAttachment] = field(default_factory=dict)
    stored: dict[str, AttachmentInfo] = field(default_factory=dict)

    def text(self, texts: dict[str, str]) -> str:
        return pick(texts, self.lang, self.form.default_language)

    def clear(self) -> None:
        self.pending.clear()
        self.stored.clear()


class FieldWidget(QWidget):
    """Base for one question. Subclasses build ``self.input`` and map values."""

    changed = Signal()

    def __init__(self, f: FormField, ctx: EditorContext, prefix: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = f
        self.ctx = ctx
        self.prefix = prefix
        self.touched = False
        self.setObjectName(f"field_{f.name}")
        self.label = wrapped_label()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = wrapped_label(ctx.text(f.hint))
        # Style sheets and visibility only where needed: each call re-polishes, and a
        # draft opens a hundred of these (bench/bench_autosave.py).
        if self.hint.text():
            self.hint.setStyleSheet(HINT_STYLE)
        else:
            self.hint.setVisible(False)
        self.error = wrapped_label(name=f"error_{f.name}")
        self.error.setVisible(False)
        self._error_shown: str | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 4, 0, 4)
        self.layout_.setSpacing(2)
        self.layout_.addWidget(self.label)
        self.layout_.addWidget(self.hint)
        self.input = self.build()
        if self.input is not None:
            self.layout_.addWidget(self.input)
            self.label.setBuddy(self.focus_widget())
        self.layout_.addWidget(self.error)
        self._set_label()

    # -------------------------------------------------------------- for subclasses
    def build(self) -> QWidget | None:
        raise NotImplementedError

    def value(self) -> Any:
        return None

    def set_value(self, value: Any) -> None:
        """Show a stored value; must not count as a user edit."""

    def focus_widget(self) -> QWidget:
        return self.input if self.input is not None else self

    # -------------------------------------------------------------- shared
    @property
    def path(self) -> str:
        return self.prefix + self.field.name

    @property
    def is_required(self) -> bool:
        # Only an unconditional rule earns the marker: a "required if ..." question is
        # not required now, and the engine names it in the errors when it becomes so.
        return self.field.required is True

    def _set_label(self) -> None:
        text = self.ctx.text(self.field.label) or self.field.name
        if self.is_required:
            text += " *"
        if self.field.sensitive:
            text += "  " + self.tr("(sensitive — only if needed)")
        self.label.setText(text)
        name = self.ctx.text(self.field.label) or self.field.name
        w = self.focus_widget()
        w.setAccessibleName(name)
        self._required_text = self.tr("Required") if self.is_required else ""
        self._describe(None)

    def user_changed(self, *_args: object) -> None:
        self.touched = True
        self.changed.emit()

    def set_error(self, message: str | None) -> None:
        message = message or None
        if message == self._error_shown:
            return
        self._error_shown = message
        if message and not self.error.styleSheet():
            self.error.setStyleSheet(ERROR_STYLE)
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        if self.input is not None:  # the control itself, so no style cascades into a container
            self.focus_widget().setStyleSheet(ERROR_OUTLINE if message else "")
        self._describe(message)

    def _describe(self, message: str | None) -> None:
        """Screen readers hear the error first, then whether it is required, then the hint."""
        parts = (message, getattr(self, "_required_text", ""), self.ctx.text(self.field.hint))
        self.focus_widget().setAccessibleDescription(". ".join(p for p in parts if p))

    def set_computed(self, value: Any) -> None:
        """Calculated fields show the value the forms layer computed."""

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        """Select fields: the choices offered now (choice filters)."""

    def clear_sensitive(self) -> None:
        """Forget what the widget shows (on lock)."""
        self.set_value(None)
