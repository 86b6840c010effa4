"""HQ case screens (queues, a case, duplicate review, dashboard) in a real window over
a real SQLCipher store: a transition made in the GUI reaches the store and the signed
event log; a referral without consent is refused in the GUI with the reason; a merge
from duplicate review; the dashboard shows the service's numbers."""

from __future__ import annotations

import gc
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from intake_app.gui.hq import case_view
from tests.case_helpers import PASS, example, make_hq, seed
from tests.test_gui_hq_support import open_hq_window, wait_idle

pytestmark = pytest.mark.gui


def case_records() -> list[dict[str, Any]]:
    """Maryam twice (two spellings: a likely duplicate), Ali without referral consent."""
    return [example(),
            example(name_latin="Mariam Ahmady", contact_detail="+92 300 0000000"),
            example(name_latin="Ali Rezaei", name_native="علی رضایی", birth_date="1980",
                    contact_detail="+92 311 1111111", province_of_origin="kabul",
                    consent_refer_partners=False, needs=["legal_aid"], risk_level="low")]


@pytest.fixture(scope="module")
def desk_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("desk")
    svc = make_hq(root)
    seed(svc, case_records())
    svc.lock()
    return root / "hq"


def close_and_collect(qtbot: Any, window: Any) -> None:
    """Close the window and collect its garbage here, on the GUI thread: a cycle holding
    Qt wrappers collected later on some worker thread can crash the interpreter."""
    wait_idle(qtbot, window)
    window.close()
    qtbot.wait(10)
    gc.collect()


@pytest.fixture
def desk(qtbot: Any, tmp_path: Path, desk_template: Path) -> Iterator[Any]:
    hq = tmp_path / "hq"
    shutil.copytree(desk_template, hq)
    window = open_hq_window(qtbot, hq)
    yield window
    close_and_collect(qtbot, window)


def unlock(qtbot: Any, window: Any) -> Any:
    window.unlock_page.passphrase.setText(PASS)
    window.unlock_page.try_unlock()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=15_000)
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.cases.vocab is not None and len(ws.cases.queues.cases) == 3,
                    timeout=15_000)
    wait_idle(qtbot, window)
    return ws


def open_case(qtbot: Any, ws: Any, name: str) -> Any:
    q = ws.cases.queues
    row = next(i for i, c in enumerate(q.cases) if c.display_name == name)
    q.table.cellClicked.emit(row, 0)
    view = ws.cases.case
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.summary.display_name
                    == name and not view.busy, timeout=10_000)
    return view


def test_queues_show_names_filter_and_search(qtbot: Any, desk: Any) -> None:
    ws = unlock(qtbot, desk)
    q = ws.cases.queues
    names = {q.table.item(r, 0).text() for r in range(q.table.rowCount())}
    assert names == {"Maryam Ahmadi", "Mariam Ahmady", "Ali Rezaei"}
    q.province_box.setCurrentIndex(q.province_box.findData("kabul"))
    qtbot.waitUntil(lambda: not q.loading and [c.display_name for c in q.cases] ==
                    ["Ali Rezaei"], timeout=10_000)
    assert q.table.item(0, 4).text() == "Kabul"  # the province's label, not its code
    q.province_box.setCurrentIndex(0)
    q.search.setText("علی")
    q.refresh()
    qtbot.waitUntil(lambda: not q.loading and [c.display_name for c in q.cases] ==
                    ["Ali Rezaei"], timeout=10_000)
    q.search.clear()
    q.select_queue("overdue")  # the example's follow-up dates (2025) are past
    qtbot.waitUntil(lambda: not q.loading and len(q.cases) == 3, timeout=10_000)
    q.select_queue("mine")
    qtbot.waitUntil(lambda: not q.loading and q.cases == [], timeout=10_000)
    wait_idle(qtbot, desk)


def test_a_transition_from_the_gui_reaches_the_store_and_the_log(qtbot: Any,
                                                                 desk: Any) -> None:
    ws = unlock(qtbot, desk)
    ws.cases.me.setText("amina")
    view = open_case(qtbot, ws, "Ali Rezaei")
    cid = view.detail.id
    assert view.status_button.text().replace("&", "") == "Triage"
    view.status_button.click()  # no reason: refused by the service, shown
    qtbot.waitUntil(lambda: "reason" in view.message.text(), timeout=10_000)
    wait_idle(qtbot, desk)
    view.reason.setText("seen by the desk")
    view.status_button.click()
    qtbot.waitUntil(lambda: view.detail.summary.status == "triaged" and not view.busy,
                    timeout=10_000)
    wait_idle(qtbot, desk)
    view.priority_box.setCurrentIndex(view.priority_box.findData("urgent"))
    view.reason.setText("new threat by phone")
    view.priority_button.click()
    qtbot.waitUntil(lambda: view.detail.summary.priority == "urgent" and not view.busy,
                    timeout=10_000)
    wait_idle(qtbot, desk)
    view.parts.note_text.setPlainText("Called back, safe for now.")
    view.parts.add_note_button.click()
    qtbot.waitUntil(lambda: len(view.detail.notes) == 1 and not view.busy, timeout=10_000)
    wait_idle(qtbot, desk)
    svc = desk.session.hq
    d = svc.case(cid)
    assert (d.summary.status, d.summary.priority) == ("triaged", "urgent")
    assert [(h.action, h.actor, h.reason) for h in d.history[-3:]] == [
        ("status", "amina", "seen by the desk"), ("priority", "amina", "new threat by phone"),
        ("note", "amina", "Called back, safe for now.")]
    kinds = [e.kind for e in svc.log_entries()]
    assert kinds[-3:] == ["case-status", "case-priority", "case-note"]
    assert view.parts.history.item(0, 2).text() == "Note"  # newest first


def test_a_referral_without_consent_is_refused_with_the_reason(
        qtbot: Any, desk: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = unlock(qtbot, desk)
    view = open_case(qtbot, ws, "Ali Rezaei")
    view.parts.partner.setText("Legal aid partner")
    view.parts.need_box.setCurrentIndex(view.parts.need_box.findData("legal_aid"))
    view.reason.setText("needs a lawyer")
    view.parts.refer_button.click()
    refusal = view.parts.refusal
    qtbot.waitUntil(lambda: refusal.isVisibleTo(view) and not view.busy, timeout=10_000)
    wait_idle(qtbot, desk)
    assert "did not consent" in refusal.text()
    assert "consent_refer_partners = no" in refusal.text()
    d = desk.session.hq.case(view.detail.id)
    assert d.referrals == () and d.summary.status == "new"
    assert d.history[-1].action == "refer-refused"
    assert desk.session.hq.log_entries()[-1].kind == "consent-refused"
    # Maryam consented: her referral goes through, with the package saved on request.
    out = tmp_path / "chosen" / "referral.jsonl"
    out.parent.mkdir()
    monkeypatch.setattr(case_view, "choose_save", lambda *a, **k: out)
    view = open_case(qtbot, ws, "Maryam Ahmadi")
    view.parts.partner.setText("Relocation programme")
    view.reason.setText("relocation")
    view.parts.save_package.setChecked(True)
    view.parts.refer_button.click()
    qtbot.waitUntil(lambda: len(view.detail.referrals) == 1 and not view.busy,
                    timeout=10_000)
    assert not refusal.isVisibleTo(view)
    wait_idle(qtbot, desk)
    package = json.loads(out.read_text(encoding="utf-8"))
    assert package["partner"] == "Relocation programme"
    assert [r["record_id"] for r in package["records"]] == list(view.detail.referrals[0].records)
    assert "saved" in view.message.text()


def test_merge_and_unmerge_from_duplicate_review(qtbot: Any, desk: Any) -> None:
    ws = unlock(qtbot, desk)
    dups = ws.duplicates
    qtbot.waitUntil(lambda: not dups.busy and len(dups.pairs) == 1, timeout=10_000)
    pair = dups.pairs[0]
    assert {pair.a.display_name, pair.b.display_name} == {"Maryam Ahmadi", "Mariam Ahmady"}
    assert "names match" in dups.table.item(0, 3).text()
    dups.table.selectRow(0)
    dups.reason.setText("same person, same phone")
    dups.merge_button.click()
    qtbot.waitUntil(lambda: not dups.busy and dups.pairs == [] and bool(dups.done),
                    timeout=10_000)
    wait_idle(qtbot, desk)
    svc = desk.session.hq
    assert svc.case(pair.b.id).summary.merged_into == pair.a.id
    assert svc.case(pair.a.id).summary.interviews == 2
    qtbot.waitUntil(lambda: len(ws.cases.queues.cases) == 2, timeout=10_000)
    assert dups.unmerge_button.isEnabled()
    dups.reason.setText("different people after all")
    dups.unmerge_button.click()
    qtbot.waitUntil(lambda: not dups.busy and not dups.done and len(dups.pairs) == 1,
                    timeout=10_000)
    wait_idle(qtbot, desk)
    assert svc.case(pair.b.id).summary.merged_into is None
    assert [e.kind for e in svc.log_entries()][-2:] == ["case-merge", "case-unmerge"]
    # "Not a duplicate" is stored in the service (it outlives this window) and undone.
    dups.table.selectRow(0)
    dups.reason.setText("sisters")
    dups.not_dup_button.click()
    qtbot.waitUntil(lambda: not dups.busy and dups.pairs == [] and bool(dups.done),
                    timeout=10_000)
    wait_idle(qtbot, desk)
    assert dups.table.rowCount() == 0
    assert [(m.a.id, m.b.id) for m in svc.not_duplicates()] == [(pair.a.id, pair.b.id)]
    assert svc.duplicates() == []
    dups.reason.setText("same phone after all")
    dups.unmerge_button.click()
    qtbot.waitUntil(lambda: not dups.busy and not dups.done and len(dups.pairs) == 1,
                    timeout=10_000)
    wait_idle(qtbot, desk)
    assert svc.not_duplicates() == []
    assert [e.kind for e in svc.log_entries()][-2:] == ["case-not-duplicate",
                                                        "case-not-duplicate-undone"]


def test_dashboard_numbers_equal_the_service(qtbot: Any, desk: Any) -> None:
    ws = unlock(qtbot, desk)
    dash = ws.dashboard
    qtbot.waitUntil(lambda: dash.stats is not None and not dash.busy, timeout=10_000)
    wait_idle(qtbot, desk)
    st = desk.session.hq.dashboard_stats(within_days=dash.days.value())
    assert dash.stats == st
    assert dash.open_tile.value == st.open_cases == 3
    assert dash.overdue.value == st.overdue_follow_ups
    assert dash.expiring.value == st.expiring_documents
    assert dash.expired.value == st.expired_documents
    assert [n for _t, n, _c in dash.priority.entries] == [n for _l, n in st.by_priority]
    assert [n for _t, n, _c in dash.status.entries] == [n for _s, n in st.by_status]
    assert [n for _t, n, _c in dash.weeks.entries] == [n for _w, n in st.new_per_week]
    assert sum(n for _t, n, _c in dash.needs.entries) == sum(
        n for _p, _n, n in st.needs_by_province)
    assert any(t.startswith("Kabul · Legal aid") for t, _n, _c in dash.needs.entries)
    dash.grab()  # paints every chart


def test_dari_case_screens_are_right_to_left(qtbot: Any, tmp_path: Path,
                                             desk_template: Path) -> None:
    hq = tmp_path / "hq"
    shutil.copytree(desk_template, hq)
    window = open_hq_window(qtbot, hq, "fa-AF")
    ws = unlock(qtbot, window)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    q = ws.cases.queues
    assert q.table.horizontalHeaderItem(0).text() != "Name"
    assert any(q.table.item(r, 4).text() == "کابل" for r in range(q.table.rowCount()))
    # The duplicate score in Dari's own digits and decimal sign (was "0.93" in Latin).
    dups = ws.duplicates
    qtbot.waitUntil(lambda: not dups.busy and len(dups.pairs) == 1, timeout=10_000)
    score = dups.table.item(0, 2).text()
    assert not any("0" <= c <= "9" for c in score) and score[0] in "۰۱"
    why = dups.table.item(0, 3).text()  # "... (1991)" and "100%" in Dari digits
    assert "۱۹۹۱" in why and not any("0" <= c <= "9" for c in why)
    ws.dashboard.grab()
    close_and_collect(qtbot, window)


@pytest.mark.parametrize("lang", ["fa-AF", "ps", "ur"])
def test_priority_reasons_and_form_follow_ups_read_in_the_interface_language(
        qtbot: Any, tmp_path: Path, desk_template: Path, lang: str) -> None:
    hq = tmp_path / "hq"
    shutil.copytree(desk_template, hq)
    window = open_hq_window(qtbot, hq, lang)
    ws = unlock(qtbot, window)
    view = open_case(qtbot, ws, "Maryam Ahmadi")
    d = view.detail
    v = window.session.hq.case_vocabulary(lang)
    why = view.why.text()
    assert d.priority_reasons and "because" not in why and " days" not in why
    for reason in d.priority_reasons:  # stored in English: "urgent: document_expiry ..."
        field = reason.split()[1]
        assert v.fields[field] in why and field not in why
    from intake_app.gui.hq import case_labels as L

    text = L.reason_text(v, "high: risk_level in high, extreme")
    assert text.startswith(L.level_text("high")) and v.fields["risk_level"] in text
    assert v.values["risk_level"]["extreme"] in text and " in " not in text
    assert L.reason_text(v, "urgent: detained_in_pakistan in True").endswith(
        L._labels().tr("yes") + {"fa-AF": " است", "ps": " دی", "ur": " ہے"}[lang])
    shown = {view.parts.follow_ups.item(r, 1).text()
             for r in range(view.parts.follow_ups.rowCount())}
    form_labels = {f.label for f in d.follow_ups if f.source == "form"}
    assert form_labels and not shown & form_labels
    assert v.follow_ups["next risk review"] in shown
    close_and_collect(qtbot, window)


def test_follow_ups_assign_and_unmerge_from_the_case_screen(qtbot: Any, desk: Any) -> None:
    ws = unlock(qtbot, desk)
    ws.cases.me.setText("bilal")
    view = open_case(qtbot, ws, "Maryam Ahmadi")
    cid = view.detail.id
    before = len(view.detail.follow_ups)
    view.parts.follow_label.setText("Call about the visa")
    view.parts.add_follow_button.click()
    qtbot.waitUntil(lambda: len(view.detail.follow_ups) == before + 1 and not view.busy,
                    timeout=10_000)
    wait_idle(qtbot, desk)
    row = next(i for i, f in enumerate(view.detail.follow_ups)
               if f.label == "Call about the visa")
    view.parts.follow_ups.selectRow(row)
    view.parts.done_button.click()
    qtbot.waitUntil(lambda: not view.busy and any(
        f.label == "Call about the visa" and f.done_by == "bilal"
        for f in view.detail.follow_ups), timeout=10_000)
    wait_idle(qtbot, desk)
    view.assignee.setText("bilal")
    view.reason.setText("my region")
    view.assign_button.click()
    qtbot.waitUntil(lambda: view.detail.summary.assignee == "bilal" and not view.busy,
                    timeout=10_000)
    wait_idle(qtbot, desk)
    q = ws.cases.queues
    q.select_queue("mine")
    qtbot.waitUntil(lambda: not q.loading and [c.id for c in q.cases] == [cid],
                    timeout=10_000)
    # A merge made elsewhere (the CLI) is undone from the target case.
    svc = desk.session.hq
    other = next(c.id for c in svc.cases() if c.display_name == "Mariam Ahmady")
    svc.merge(cid, other, actor="cli", reason="same person")
    view.load(cid)
    qtbot.waitUntil(lambda: not view.busy and view.detail.merged_cases == (other,),
                    timeout=10_000)
    assert view.unmerge_button.isVisibleTo(view)
    view.reason.setText("not the same after all")
    view.unmerge_button.click()
    qtbot.waitUntil(lambda: not view.busy and view.detail.merged_cases == (),
                    timeout=10_000)
    wait_idle(qtbot, desk)
    assert svc.case(other).summary.merged_into is None
    assert [(h.action, h.actor) for h in svc.case(cid).history[-1:]] == [("unmerge", "bilal")]
    # Lock: the case screens are thrown away with the workspace.
    desk.lock()
    qtbot.waitUntil(lambda: desk.workspace is None, timeout=10_000)
