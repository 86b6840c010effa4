"""The required marker (*) shows only on questions required unconditionally."""

from __future__ import annotations

import pytest

from intake_app.forms import Form, FormField
from intake_app.forms.model import Language
from intake_app.gui.editor.base import EditorContext
from intake_app.gui.editor.text_fields import LineField

pytestmark = pytest.mark.gui


def _form() -> Form:
    return Form(id="m", version="1", title={"en": "M"},
                languages=[Language(code="en", name="English", direction="ltr")], fields=[
        FormField(name="a", type="text", label={"en": "A"}),
        FormField(name="b", type="text", label={"en": "B"}, required="${a} = 'y'"),
        FormField(name="c", type="text", label={"en": "C"}, required=True),
    ])


def test_marker_only_when_required_unconditionally(qtbot) -> None:
    form = _form()
    ctx = EditorContext(session=None, form=form, lang="en")  # type: ignore[arg-type]
    w = {f.name: LineField(f, ctx, "") for f in form.fields}
    for x in w.values():
        qtbot.addWidget(x)
    assert w["a"].label.text() == "A"
    assert w["b"].label.text() == "B"
    assert "Required" not in w["b"].focus_widget().accessibleDescription()
    assert w["c"].label.text() == "C *"
    assert "Required" in w["c"].focus_widget().accessibleDescription()


def test_field_in_error_is_outlined_until_fixed(qtbot) -> None:
    form = _form()
    ctx = EditorContext(session=None, form=form, lang="en")  # type: ignore[arg-type]
    w = LineField(form.fields[2], ctx, "")
    qtbot.addWidget(w)
    assert w.input is not None
    assert w.focus_widget().styleSheet() == ""
    w.set_error("This answer is required.")
    assert "border: 2px solid #b00020" in w.focus_widget().styleSheet()
    w.set_error(None)
    assert w.focus_widget().styleSheet() == ""
