"""Export numbers agree: the estimate matches the bytes written, and the records the
field app says it sealed are the records HQ counts for the same bundle (records
saved several times travel as several revisions; both sides count records)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from intake_app.services.field import FieldService
from intake_app.services.hq import HQService
from tests.cli_helpers import FIELD_PASS, HQ_PASS, enrolled_pair
from tests.test_gui_support import all_types_form, complete_values


def _prepare(root: Path, *, photo: int) -> tuple[object, FieldService]:
    setup = enrolled_pair(root)
    svc = FieldService(setup.field)
    svc.unlock(FIELD_PASS)
    svc.install_form(all_types_form())
    for i in range(3):
        rid = svc.save_draft(None, "gui_all_types", {"full_name": f"P{i}"}, "en")
        svc.save_draft(rid, "gui_all_types", complete_values(f"P{i}", story="x" * 500), "en")
        if i == 0 and photo:  # a record with several revisions and a photo
            att = svc.attach(rid, io.BytesIO(b"\x89PNG" + bytes(photo)), "p.png", "image/png")
            svc.save_draft(rid, "gui_all_types", complete_values(f"P{i}", photo=att.id), "en")
        svc.finalize(rid, "en")
    svc.save_draft(None, "gui_all_types", {"full_name": "still a draft"}, "en")
    hq = HQService(setup.hq)
    hq.unlock(HQ_PASS)
    hq.install_form(all_types_form())
    hq.lock()
    return setup, svc


@pytest.mark.parametrize("photo", [0, 300_000])
def test_estimate_matches_written_and_hq_counts_the_same_records(tmp_path: Path,
                                                                 photo: int) -> None:
    setup, svc = _prepare(tmp_path / "org", photo=photo)
    count, estimate = svc.export_estimate()
    out = tmp_path / "stick"
    out.mkdir()
    res = svc.export(out)
    svc.lock()
    written = sum(Path(p).stat().st_size for p in res.paths)
    assert count == res.record_count == 3
    assert res.bytes_written == written
    assert abs(estimate - written) <= 0.03 * written, (estimate, written)
    hq = HQService(setup.hq)  # type: ignore[attr-defined]
    hq.unlock(HQ_PASS)
    outcomes = [hq.import_bundle(Path(p)) for p in res.paths]
    assert [o.verdict for o in outcomes] == ["imported"] * len(outcomes), outcomes
    assert sum(o.records for o in outcomes) == res.record_count
    hq.lock()
