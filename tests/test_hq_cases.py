"""HQ case desk: cases, the status machine, priority from the form and overrides,
caseworkers, notes, follow-ups, queues, search, history and the signed event log."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
import sqlcipher3

from intake_app.errors import IntakeError, UsageError
from intake_app.hq.casework import STATUSES, TRANSITIONS
from intake_app.models import CaseFilter
from intake_app.services.cases import digest
from intake_app.services.hq import HQService
from tests.case_helpers import example, make_hq, seed


@pytest.fixture
def hq(tmp_path: Path, hq_backend: str | None) -> HQService:
    svc = make_hq(tmp_path, hq_backend)
    yield svc
    svc.close()


def one_case(hq: HQService, **changes: object) -> str:
    seed(hq, [example(**changes)])
    return hq.cases(CaseFilter(queue="new"), limit=1)[0].id


def walk_to(hq: HQService, case_id: str, status: str) -> None:
    path = {"new": [], "triaged": ["triaged"], "in_progress": ["triaged", "in_progress"],
            "referred": ["triaged", "referred"], "closed": ["triaged", "closed"]}[status]
    for s in path:
        hq.set_status(case_id, s, actor="amina", reason=f"to {s}")


def test_each_received_record_opens_a_new_case_with_the_persons_name(hq: HQService) -> None:
    seed(hq, [example(), example(name_latin="Ali Rezaei", name_native="علی رضایی")])
    cases = hq.cases(CaseFilter(queue="new"))
    assert sorted(c.display_name for c in cases) == ["Ali Rezaei", "Maryam Ahmadi"]
    assert all(c.status == "new" and c.interviews == 1 for c in cases)
    assert {c.province for c in cases} == {"herat"}


@pytest.mark.parametrize("old", STATUSES)
@pytest.mark.parametrize("new", STATUSES)
def test_every_transition_allowed_or_refused(hq: HQService, old: str, new: str) -> None:
    cid = one_case(hq)
    walk_to(hq, cid, old)
    if new in TRANSITIONS[old]:
        s = hq.set_status(cid, new, actor="amina", reason="because")
        assert s.status == new
        last = hq.case(cid).history[-1]
        assert (last.action, last.detail, last.actor, last.reason) == (
            "reopen" if old == "closed" else "status", {"from": old, "to": new}, "amina",
            "because")
    else:
        with pytest.raises(IntakeError, match=r"cannot become|unknown"):
            hq.set_status(cid, new, actor="amina", reason="because")
        assert hq.case(cid).summary.status == old


def test_reopen_a_closed_case(hq: HQService) -> None:
    cid = one_case(hq)
    walk_to(hq, cid, "closed")
    assert hq.set_status(cid, "in_progress", actor="b", reason="new threat").status == \
        "in_progress"
    assert [e.kind for e in hq.log_entries()][-1] == "case-reopen"


def test_a_status_change_needs_a_reason_and_who(hq: HQService) -> None:
    cid = one_case(hq)
    with pytest.raises(UsageError, match="reason"):
        hq.set_status(cid, "triaged", actor="amina", reason="  ")
    with pytest.raises(UsageError, match="who"):
        hq.set_status(cid, "triaged", actor="", reason="x")
    assert hq.case(cid).summary.status == "new"


def test_priority_comes_from_the_form_declaration(hq: HQService) -> None:
    low = one_case(hq, risk_level="low", imminence_flags=["none"], detained_in_pakistan=False,
                   document_expiry=None, **{f"urgency_{n}": None for n in (
                       "relocation", "legal_aid", "shelter", "physical_security")})
    ext = one_case(hq, risk_level="extreme")
    assert hq.case(low).summary.priority == "low"
    d = hq.case(ext)
    assert d.summary.priority == "urgent"
    assert any("risk_level in extreme" in r for r in d.priority_reasons)


def test_priority_from_a_document_about_to_expire(hq: HQService) -> None:
    import datetime as dt

    soon = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    cid = one_case(hq, risk_level="low", imminence_flags=["none"], document_expiry=soon,
                   detained_in_pakistan=False)
    d = hq.case(cid)
    assert d.summary.priority == "urgent"
    assert any("document_expiry within 14 days" in r for r in d.priority_reasons)


def test_priority_override_needs_a_reason_and_survives_new_revisions(hq: HQService) -> None:
    cid = one_case(hq, risk_level="extreme")
    with pytest.raises(UsageError):
        hq.set_priority(cid, "low", actor="amina", reason="")
    with pytest.raises(IntakeError, match="unknown priority"):
        hq.set_priority(cid, "enormous", actor="amina", reason="x")
    s = hq.set_priority(cid, "medium", actor="amina", reason="relocated last week")
    assert (s.priority, s.priority_override) == ("medium", True)
    rid = hq.case(cid).records[0].id
    seed(hq, [example(risk_level="extreme", name_latin="Maryam Ahmadi")], ids=[rid], rev=2)
    d = hq.case(cid)
    assert (d.summary.priority, d.priority_auto) == ("medium", "urgent")
    back = hq.set_priority(cid, "auto", actor="amina", reason="review")
    assert (back.priority, back.priority_override) == ("urgent", False)


def test_forms_without_a_declaration_still_join_cases(hq: HQService) -> None:
    seed(hq, [example()], version="2025.1")  # the older version: the newest declaration
    c = hq.cases()[0]
    assert c.display_name == "Maryam Ahmadi" and c.priority in ("low", "medium", "high",
                                                                 "urgent")


def test_triage_and_assign_and_my_queue(hq: HQService) -> None:
    cid = one_case(hq)
    s = hq.triage(cid, actor="lead", reason="read the interview", priority="high",
                  assignee="Farida")
    assert (s.status, s.priority, s.assignee) == ("triaged", "high", "Farida")
    assert [c.id for c in hq.cases(CaseFilter(queue="mine", me="Farida"))] == [cid]
    assert hq.cases(CaseFilter(queue="mine", me="someone else")) == []
    assert hq.cases(CaseFilter(queue="new")) == []
    hq.assign(cid, None, actor="lead")
    assert hq.case(cid).summary.assignee is None
    actions = [h.action for h in hq.case(cid).history]
    assert actions == ["opened", "priority", "assign", "status", "assign"]


def test_notes_are_append_only(hq: HQService) -> None:
    cid = one_case(hq)
    n1 = hq.add_note(cid, "Called via Signal; safe.", actor="farida")
    hq.add_note(cid, "Second call.", actor="farida")
    assert [n.text for n in hq.case(cid).notes] == ["Called via Signal; safe.", "Second call."]
    with pytest.raises((sqlcipher3.IntegrityError, psycopg.IntegrityError),
                       match="append-only"), \
            hq._store.transaction() as conn:
        conn.execute("UPDATE case_notes SET text = 'x' WHERE id = ?", (n1.id,))
    with pytest.raises(UsageError):
        hq.add_note(cid, "   ", actor="farida")


def test_follow_ups_from_the_forms_date_fields_and_from_the_analyst(hq: HQService) -> None:
    cid = one_case(hq, next_review="2030-01-10", follow_up_date="2030-02-01",
                   document_expiry="2030-03-31")
    fus = {(f.label, f.due, f.source) for f in hq.case(cid).follow_ups}
    assert ("next risk review", "2030-01-10", "form") in fus
    assert ("follow-up date", "2030-02-01", "form") in fus
    assert ("visa or PoR card expires", "2030-03-01", "form") in fus  # 30 days before
    fu = hq.add_follow_up(cid, "2020-01-01", "call back about the visa", actor="farida")
    assert hq.case(cid).summary.next_due == "2020-01-01"
    overdue = hq.cases(CaseFilter(queue="overdue", today="2025-01-01"))
    assert [c.id for c in overdue] == [cid]
    hq.complete_follow_up(fu.id, actor="farida", reason="called")
    assert hq.case(cid).summary.next_due == "2030-01-10"
    assert hq.cases(CaseFilter(queue="overdue", today="2025-01-01")) == []
    with pytest.raises(UsageError):
        hq.add_follow_up(cid, "next week", "x", actor="farida")


def test_a_revised_record_does_not_duplicate_form_follow_ups(hq: HQService) -> None:
    cid = one_case(hq, next_review="2030-01-10")
    rid = hq.case(cid).records[0].id
    seed(hq, [example(next_review="2030-01-10")], ids=[rid], rev=2)
    assert [f.due for f in hq.case(cid).follow_ups].count("2030-01-10") == 1


def test_queues_and_filters(hq: HQService) -> None:
    seed(hq, [example(province_of_origin="kabul", needs=["shelter"], risk_level="extreme",
                      document_expiry=None),
              example(province_of_origin="herat", needs=["medical"], risk_level="low",
                      imminence_flags=["none"], detained_in_pakistan=False,
                      document_expiry="2025-01-20"),
              example(province_of_origin="balkh", needs=["legal_aid"],
                      document_expiry="2026-06-01")])
    assert hq.count_cases() == 3
    assert [c.province for c in hq.cases(CaseFilter(province="kabul"))] == ["kabul"]
    assert [c.province for c in hq.cases(CaseFilter(need="medical"))] == ["herat"]
    assert next(c.province for c in hq.cases(CaseFilter(priority="urgent"))) == "kabul"
    ranks = [c.priority_rank for c in hq.cases(CaseFilter(queue="priority"))]
    assert ranks == sorted(ranks, reverse=True)
    exp = hq.cases(CaseFilter(queue="expiring", within_days=30, today="2025-01-01"))
    assert [c.province for c in exp] == ["herat"]
    assert hq.cases(CaseFilter(form_id="other_form")) == []
    with pytest.raises(IntakeError, match="unknown queue"):
        hq.cases(CaseFilter(queue="bogus"))
    cid = hq.cases(CaseFilter(province="balkh"))[0].id
    walk_to(hq, cid, "closed")
    assert hq.count_cases() == 2
    assert [c.id for c in hq.cases(CaseFilter(queue="closed"))] == [cid]
    assert [c.id for c in hq.cases(CaseFilter(status="closed"))] == [cid]


def test_search_shows_names_in_either_script(hq: HQService) -> None:
    seed(hq, [example(), example(name_latin="Ali Rezaei", name_native="علی رضایی")])
    assert [c.display_name for c in hq.search_cases("ahmadi")] == ["Maryam Ahmadi"]
    assert [c.display_name for c in hq.search_cases("رضایی")] == ["Ali Rezaei"]
    assert hq.search_cases("nobody-at-all") == []


def test_every_change_is_in_the_signed_log_without_its_text(hq: HQService) -> None:
    cid = one_case(hq)
    hq.triage(cid, actor="lead", reason="secret reason words", assignee="Farida")
    hq.add_note(cid, "She is hiding in Peshawar", actor="farida")
    fu = hq.add_follow_up(cid, "2031-01-01", "call", actor="farida")
    hq.complete_follow_up(fu.id, actor="farida")
    hq.set_priority(cid, "high", actor="lead", reason="r")
    kinds = [e.kind for e in hq.log_entries()]
    for k in ("case-sync", "case-assign", "case-status", "case-note", "case-follow-up",
              "case-follow-up-done", "case-priority"):
        assert k in kinds
    entries = [e for e in hq.log_entries() if e.kind.startswith("case-") and
               e.kind != "case-sync"]
    assert all(e.detail["case"] == cid and "by" in e.detail for e in entries)
    note = next(e for e in entries if e.kind == "case-note")
    assert note.detail["reason_sha256"] == digest("She is hiding in Peshawar")
    text = repr([e.detail for e in hq.log_entries()])
    assert "Peshawar" not in text and "secret reason" not in text and "Ahmadi" not in text
    from intake_app.hq import eventlog

    check = eventlog.verify_log(hq.log_bytes(), hq.signing_key().verify_key, hq.hq_id)
    assert check.ok, check


# -- the CLI -----------------------------------------------------------------------


def test_cli_cases_end_to_end(tmp_path: Path) -> None:
    from tests.case_helpers import PASS
    from tests.cli_helpers import run

    svc = make_hq(tmp_path)
    seed(svc, [example(next_review="2030-01-10")])
    svc.close()

    def h(*argv: str) -> tuple[int, str, str]:
        r = run("--data-dir", tmp_path / "hq", "hq", "cases", *argv, passphrase=PASS)
        return r.rc, r.out, r.err

    rc, out, _ = h("list", "--queue", "new", "--json")
    assert rc == 0
    rows = __import__("json").loads(out)
    cid = rows[0]["id"]
    assert rows[0]["display_name"] == "Maryam Ahmadi"
    rc, out, _ = h("list")
    assert "Maryam Ahmadi" in out and cid in out
    rc, out, err = h("status", cid, "closed", "--as", "a", "--reason", "x")
    assert rc == 1 and "cannot become closed" in err and "Traceback" not in err
    rc, out, err = h("triage", cid, "--as", "lead", "--reason", "read", "--priority", "high",
                     "--caseworker", "Farida", "--json")
    assert rc == 0, err
    assert __import__("json").loads(out)["status"] == "triaged"
    assert h("assign", cid, "Zarmina", "--as", "lead")[0] == 0
    assert h("note", cid, "Called; safe for now.", "--as", "Zarmina")[0] == 0
    assert h("follow-up", cid, "--due", "2030-05-01", "--label", "visa", "--as", "Z")[0] == 0
    assert h("status", cid, "in_progress", "--as", "Z", "--reason", "working")[0] == 0
    assert h("priority", cid, "auto", "--as", "Z", "--reason", "back to the form")[0] == 0
    rc, out, _ = h("show", cid)
    assert rc == 0
    for text in ("Maryam Ahmadi", "مریم احمدی", "Zarmina", "Called; safe for now.",
                 "2030-05-01 visa", "2030-01-10 next risk review", "in_progress"):
        assert text in out, text
    rc, out, _ = h("show", cid, "--json")
    d = __import__("json").loads(out)
    fid = d["follow_ups"][0]["id"]
    assert h("follow-up", "--done", str(fid), "--as", "Z")[0] == 0
    assert h("list", "--search", "Ahmadi", "--json")[1].count(cid) == 1
    assert h("list", "--queue", "mine", "--as", "Zarmina", "--json")[1].count(cid) == 1
    rc, _, err = h("show", "C-999999")
    assert rc == 1 and "no case" in err
    rc, _, err = h("follow-up", cid, "--due", "soon", "--label", "x", "--as", "Z")
    assert rc == 2 and "YYYY-MM-DD" in err
    rc, _, err = h("triage", cid, "--as", "Z")  # --reason is required
    assert rc == 2
