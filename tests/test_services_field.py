"""FieldService behaviour the GUI relies on beyond the CLI: drafts in progress."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake_app.errors import InvalidState, ValidationFailed
from intake_app.models import RecordStatus
from intake_app.services.field import FieldService
from tests.cli_helpers import FIELD_PASS, example_values


def test_save_draft_then_finalize(tmp_path: Path) -> None:
    svc = FieldService(tmp_path / "f")
    svc.create(FIELD_PASS)
    values = example_values()
    incomplete = {k: v for k, v in values.items() if k != "name_native"}
    with pytest.raises(ValidationFailed):
        svc.new_record("hrd_intake", incomplete)
    rid = svc.save_draft(None, "hrd_intake", incomplete)
    with pytest.raises(ValidationFailed) as err:
        svc.finalize(rid)
    assert [e.path for e in err.value.errors] == ["name_native"]
    with pytest.raises(ValidationFailed):  # other rules still hold in a draft
        svc.save_draft(rid, "hrd_intake", {**incomplete, "years_active": 99})
    assert svc.save_draft(rid, "hrd_intake", values) == rid
    svc.finalize(rid)
    assert svc.summary(rid).status is RecordStatus.FINALIZED
    with pytest.raises(InvalidState):  # a finalized record is no draft any more
        svc.save_draft(rid, "hrd_intake", incomplete)
    assert [r.rev for r in svc.record(rid).revisions] == [1, 2]
    svc.lock()


def test_draft_position_is_kept_for_drafts_only_and_forgotten(tmp_path: Path) -> None:
    svc = FieldService(tmp_path / "f")
    svc.create(FIELD_PASS)
    values = example_values()
    a = svc.save_draft(None, "hrd_intake", {"name_native": values["name_native"]})
    b = svc.save_draft(None, "hrd_intake", {"name_native": values["name_native"]})
    assert svc.draft_position(a) is None
    svc.set_draft_position(a, 2, "incidents[0].place")
    svc.set_draft_position(b, 1, "name_native")
    assert svc.draft_position(a) == (2, "incidents[0].place")
    svc.purge_drafts([a])
    assert svc.draft_position(a) is None and a not in (svc.meta("gui.draft_positions") or "")
    assert svc.save_draft(b, "hrd_intake", values) == b
    svc.finalize(b)
    assert svc.draft_position(b) is None
    with pytest.raises(InvalidState):
        svc.set_draft_position(b, 0, "x")
    svc.lock()
