"""The editor renders the field types XLSForm import added: rank (tick in order of
preference, the order is the value) and geopoint/geotrace/geoshape (typed by hand)."""

from __future__ import annotations

from typing import Any

import pytest

from intake_app.forms import Form, validate_record
from intake_app.gui.editor.base import EditorContext
from intake_app.gui.editor.choice_fields import RankField
from intake_app.gui.editor.panel import WIDGETS, FieldsPanel, make_field

pytestmark = pytest.mark.gui

FORM = Form.from_dict({
    "id": "xt", "version": "1",
    "languages": [{"code": "en", "name": "English", "direction": "ltr"}],
    "fields": [{"name": "order", "type": "rank", "choices": "needs",
                "label": {"en": "Order the needs"}},
               {"name": "site", "type": "geopoint", "label": {"en": "Where"}},
               {"name": "route", "type": "geotrace"}, {"name": "area", "type": "geoshape"}],
    "choice_lists": {"needs": [{"name": "safety", "label": {"en": "Safety"}},
                               {"name": "money", "label": {"en": "Money"}},
                               {"name": "school", "label": {"en": "School"}}]},
})


def test_every_field_type_has_a_widget() -> None:
    from intake_app.forms.model import FIELD_TYPES

    assert set(FIELD_TYPES) - {"group", "repeat"} <= set(WIDGETS)


def test_rank_and_geo_widgets(qtbot: Any) -> None:
    ctx = EditorContext(session=None, form=FORM, lang="en")  # type: ignore[arg-type]
    panel = FieldsPanel(FORM.fields, ctx)
    qtbot.addWidget(panel)
    rank = make_field(FORM.field("order"), ctx, "")
    qtbot.addWidget(rank)
    assert isinstance(rank, RankField)
    rank.checks["money"].setChecked(True)
    rank.checks["safety"].setChecked(True)
    assert rank.value() == ["money", "safety"]  # the order ticked, not the sheet order
    assert rank.checks["money"].text() == "1. Money"
    assert rank.checks["safety"].text() == "2. Safety"
    rank.checks["money"].setChecked(False)
    assert rank.value() == ["safety"] and rank.checks["safety"].text() == "1. Safety"
    rank.set_value(["school", "safety"])
    assert rank.checks["school"].text() == "1. School"
    site = make_field(FORM.field("site"), ctx, "")
    qtbot.addWidget(site)
    site.edit.setText("34.5281 69.1723")  # type: ignore[attr-defined]
    assert site.edit.placeholderText()  # type: ignore[attr-defined]
    values = {"order": rank.value(), "site": site.value()}
    assert validate_record(FORM, values) == {"order": ["school", "safety"],
                                             "site": "34.5281 69.1723"}
