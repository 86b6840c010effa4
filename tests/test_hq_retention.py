"""Per-status retention: preview, purge (nothing left in the store or its search index),
content-free tombstone in the signed log."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake_app.errors import UsageError
from intake_app.models import CaseFilter
from intake_app.services.hq import HQService
from intake_app.store import search
from intake_app.store.attachments import new_chunk_key
from tests.case_helpers import PASS, example, make_hq, seed
from tests.cli_helpers import run

DAY = 86_400_000
UNIQUE = "Zarghuna Qalandari"


@pytest.fixture
def hq(tmp_path: Path, hq_backend: str | None) -> HQService:
    svc = make_hq(tmp_path, hq_backend)
    yield svc
    svc.close()


def closed_case(hq: HQService, name: str, native: str = "زرغونه قلندری"
                ) -> tuple[str, list[str]]:
    ids = seed(hq, [example(name_latin=name, name_native=native)])
    cid = next(c.id for c in hq.cases(CaseFilter(queue="new"), limit=100)
               if c.display_name == name)
    hq.add_note(cid, f"note about {name}", actor="x")
    hq.add_follow_up(cid, "2031-01-01", "call", actor="x")
    hq.set_status(cid, "triaged", actor="x", reason="r")
    hq.set_status(cid, "closed", actor="x", reason="relocated")
    return cid, ids


def add_attachment(hq: HQService, rid: str) -> None:
    with hq._store.transaction() as conn:
        conn.execute("INSERT INTO attachments (id, record_id, name, mime, size, sha256, "
                     "created_at, complete, chunk_key) VALUES ('att1', ?, 'scan.pdf', "
                     "'application/pdf', 4, 'x', 1, 1, ?)", (rid, new_chunk_key()))
        conn.execute("INSERT INTO attachment_chunks (attachment_id, idx, data) VALUES "
                     "('att1', 0, x'00010203')")


def rows_mentioning(hq: HQService, case_id: str, record_ids: list[str]) -> dict[str, int]:
    db = hq._store
    out = {}
    for table, col in (("cases", "id"), ("case_notes", "case_id"),
                       ("case_followups", "case_id"), ("case_history", "case_id"),
                       ("case_referrals", "case_id"), ("case_records", "case_id")):
        out[table] = db.execute(f"SELECT count(*) FROM {table} WHERE {col} = ?",
                                (case_id,)).fetchone()[0]
    for table in ("records", "revisions", "attachments", "person_keys", "person_blocks",
                  "record_sources"):
        col = "id" if table == "records" else "record_id"
        out[table] = sum(db.execute(f"SELECT count(*) FROM {table} WHERE {col} = ?",
                                    (r,)).fetchone()[0] for r in record_ids)
    out["case_not_duplicates"] = db.execute(
        "SELECT count(*) FROM case_not_duplicates WHERE case_a = ? OR case_b = ?",
        (case_id, case_id)).fetchone()[0]
    out["attachment_chunks"] = db.execute(
        "SELECT count(*) FROM attachment_chunks WHERE attachment_id = 'att1'").fetchone()[0]
    cond, query = search.match(db, "zarghuna") or ("", "")
    out["fts"] = db.execute(f"SELECT count(*) FROM records_fts f WHERE {cond}",
                            (query,)).fetchone()[0]
    return out


def test_preview_then_purge_leaves_nothing_but_a_tombstone(hq: HQService) -> None:
    cid, rids = closed_case(hq, UNIQUE)
    add_attachment(hq, rids[0])
    keep, _ = closed_case(hq, "Maryam Ahmadi", "مریم احمدی")
    hq.not_duplicate(cid, keep, actor="analyst", reason="different people")
    assert hq.retention_preview() == []  # no policy: nothing goes
    hq.set_retention("closed", 6, actor="director")
    later = hq.case(cid).summary.status_at + 200 * DAY
    # only cases closed before the cutoff: "keep" was closed at the same time, so move it
    hq.set_status(keep, "in_progress", actor="x", reason="reopened")
    preview = hq.retention_preview(now_ms_=later)
    assert [(p.case_id, p.records, p.attachments) for p in preview] == [(cid, 1, 1)]
    assert hq.retention_preview(now_ms_=later - 100 * DAY) == []  # not yet 6 months
    assert any(v for v in rows_mentioning(hq, cid, rids).values())
    gone = hq.purge_retained(actor="director", now_ms_=later)
    assert [g.case_id for g in gone] == [cid]
    assert rows_mentioning(hq, cid, rids) == dict.fromkeys(rows_mentioning(hq, cid, rids), 0)
    assert hq.search_cases("Zarghuna") == [] and hq.search_cases("قلندری") == []
    assert [c.display_name for c in hq.cases(limit=10)] == ["Maryam Ahmadi"]
    tomb = [e for e in hq.log_entries() if e.kind == "case-purged"]
    assert len(tomb) == 1
    assert tomb[0].detail["case"] == cid and tomb[0].detail["records"] == 1
    assert "Zarghuna" not in repr([e.detail for e in hq.log_entries()])


def test_purge_takes_merged_cases_with_it(hq: HQService) -> None:
    cid, rids = closed_case(hq, UNIQUE)
    other = seed(hq, [example(name_latin="Zarghuna Qalandary")])
    oid = next(c.id for c in hq.cases(CaseFilter(queue="new"), limit=10))
    hq.set_status(cid, "in_progress", actor="x", reason="reopen to merge")
    hq.merge(cid, oid, actor="a", reason="same person")
    hq.set_status(cid, "closed", actor="x", reason="done")
    hq.set_retention("closed", 1, actor="d")
    (item,) = hq.retention_preview(now_ms_=hq.case(cid).summary.status_at + 40 * DAY)
    assert item.merged_cases == (oid,) and item.records == 2
    hq.purge_retained(actor="d", now_ms_=hq.case(cid).summary.status_at + 40 * DAY)
    assert rows_mentioning(hq, oid, other)["cases"] == 0
    assert rows_mentioning(hq, cid, rids + other)["records"] == 0


def test_policy_is_checked(hq: HQService) -> None:
    with pytest.raises(UsageError):
        hq.set_retention("bogus", 3, actor="d")
    with pytest.raises(UsageError):
        hq.set_retention("closed", 0, actor="d")
    assert hq.set_retention("closed", 12, actor="d") == {"closed": 12}
    assert hq.set_retention("closed", None, actor="d") == {}


def test_cli_retention(tmp_path: Path) -> None:
    svc = make_hq(tmp_path)
    closed_case(svc, UNIQUE)
    svc.close()

    def h(*argv: object) -> tuple[int, str, str]:
        r = run("--data-dir", tmp_path / "hq", "hq", "retention", *argv, passphrase=PASS)
        return r.rc, r.out, r.err

    assert h("set", "closed", "1", "--as", "d")[0] == 0
    rc, out, _ = h("preview", "--json")
    assert rc == 0 and out.strip() == "[]"  # closed just now
    rc, _, _ = h("set", "nonsense", "1", "--as", "d")
    assert rc == 2
