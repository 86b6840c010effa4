"""Likely duplicates across scripts, with reasons; analyst merge and unmerge, logged."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake_app.errors import IntakeError
from intake_app.hq import eventlog
from intake_app.hq.duplicates import THRESHOLD, Person, candidates, score
from intake_app.hq.namekeys import name_keys
from intake_app.models import CaseFilter
from intake_app.services.hq import HQService
from intake_app.store import records as rec_store
from tests.case_helpers import PASS, example, make_hq, seed
from tests.cli_helpers import run


@pytest.fixture
def hq(tmp_path: Path, hq_backend: str | None) -> HQService:
    svc = make_hq(tmp_path, hq_backend)
    yield svc
    svc.close()


@pytest.mark.parametrize("a,b", [
    ("مریم احمدی", "Maryam Ahmadi"), ("Maryam Ahmadi", "Mariam Ahmady"),
    ("محمد یوسف", "Muhammad Yusuf"), ("فاطمه حسینی", "Fatima Hosseini"),
    ("عبدالله", "Abdullah"), ("خالد", "Khalid"), ("قاسم", "Qasim"), ("ښکلا", "Shkula"),
])
def test_name_keys_meet_across_scripts_and_spellings(a: str, b: str) -> None:
    assert name_keys([a]) == name_keys([b])


@pytest.mark.parametrize("a,b", [("Maryam Ahmadi", "Zahra Rezaei"), ("Khalid", "Karim"),
                                 ("مریم", "Mohammad")])
def test_different_names_do_not_meet(a: str, b: str) -> None:
    assert not set(name_keys([a])) & set(name_keys([b]))


def p(rid: str, names: str, year: int | None = None, phone: str = "",
      prov: str = "herat") -> Person:
    return Person(rid, "C-" + rid, tuple(name_keys([names])), year,
                  (phone,) if phone else (), prov)


def test_score_and_reasons() -> None:
    s, why = score(p("1", "مریم احمدی", 1991), p("2", "Mariam Ahmady", 1991))
    assert s >= 0.75 and "same birth year (1991)" in why and any("names match" in w for w in why)
    s2, why2 = score(p("1", "Maryam Ahmadi", 1991), p("2", "Maryam Ahmadi", 1970,
                                                       prov="kabul"))
    assert s2 < 0.75 and "birth years 21 apart (against)" in why2
    s3, why3 = score(p("1", "Ali", phone="3001234567"), p("2", "Zahra", phone="3001234567"))
    assert "same phone number" in why3 and s3 >= 0.4


def test_score_does_not_depend_on_the_order_of_the_pair() -> None:
    # kbr is one edit from kbrI: one way round, three of p's keys matched two of q's
    # ("150% of the shorter name"), the other way round two.
    p = Person("r1", "c1", ("kbrI", "rhm", "kdrI", "kbr"), 1961, (), "kunduz")
    q = Person("r2", "c2", ("rhm", "kdrI"), None, (), "kunduz")
    assert score(p, q) == score(q, p)
    assert "150%" not in " ".join(score(p, q)[1])


@pytest.mark.parametrize("size", [12, 120])  # a small block's filter, a large one's groups
def test_year_window_finds_what_comparing_every_pair_finds(size: int) -> None:
    """Name blocks skip birth years more than 2 apart; the result is unchanged."""
    people = [Person(f"r{i}", f"c{i}", ("ahmd", "krImI", *(("mhmd",) if i % 3 else ())),
                     1950 + (i * 7) % 40 if i % 5 else None,
                     (f"7000{i % 9}",) if i % 4 == 0 else (), "herat")
              for i in range(size)]
    full = {}
    for i, p in enumerate(people):
        for q in people[i + 1:]:
            sc, _why = score(p, q)
            if sc >= THRESHOLD:
                full[tuple(sorted((p.case_id, q.case_id)))] = sc
    assert {(c.a, c.b): c.score for c in candidates(people)} == full
    assert full


def test_no_name_keys_stay_cached_and_the_collector_runs_again() -> None:
    import gc

    from intake_app.hq import duplicates as d

    people = [p("1", "مریم احمدی", 1991), p("2", "Mariam Ahmady", 1992)]
    assert candidates(people) and d.candidates_for(people[0], people[1:])
    assert d._names.cache_info().currsize == 0 and d._close.cache_info().currsize == 0
    assert gc.isenabled()


def test_candidates_over_a_small_set() -> None:
    people = [p("1", "مریم احمدی", 1991), p("2", "Mariam Ahmady", 1992),
              p("3", "Zahra Rezaei", 1985), p("4", "Maryam Ahmadi", 1960, prov="kabul")]
    found = candidates(people)
    assert [(c.a, c.b) for c in found] == [("C-1", "C-2")]


def test_duplicates_found_in_the_store_with_reasons(hq: HQService) -> None:
    seed(hq, [example(),
              example(name_native=None, name_latin="Mariam Ahmady", birth_date="1991-03-02",
                      contact_detail="0300 0000000"),
              example(name_native="زهرا رضایی", name_latin="Zahra Rezaei",
                      birth_date="1970", contact_detail="+92 311 1111111")])
    pairs = hq.duplicates()
    assert len(pairs) == 1
    pair = pairs[0]
    assert {pair.a.display_name, pair.b.display_name} == {"Maryam Ahmadi", "Mariam Ahmady"}
    assert "same phone number" in pair.reasons and "same province (herat)" in pair.reasons
    of = hq.duplicates_of(pair.a.id)
    assert [(x.a.id, x.b.id) for x in of] == [(pair.a.id, pair.b.id)]


def test_a_run_over_the_store_finds_what_the_keys_in_memory_find(hq: HQService) -> None:
    """The full run reads the blocks stored at sync (no block keys computed): the same
    pairs, scores and reasons as ``candidates`` over the same keys; a purged record's
    keys and blocks go with it, and the collector runs again after the run."""
    import gc

    from intake_app.hq import duplicates as d
    from intake_app.store import cases as store_cases

    seed(hq, [example(), example(name_native=None, name_latin="Mariam Ahmady"),
              example(name_native=None, name_latin="Maryam Ahmadi", contact_detail=None),
              example(name_native="زهرا رضایی", name_latin="Zahra Rezaei", birth_date="1970",
                      contact_detail="+92 311 1111111"),
              example(name_native=None, name_latin="Zahra Rezayee", birth_date="1971",
                      contact_detail=None),
              example(name_native=None, name_latin="Zahra Rezaei", birth_date="1950",
                      province_of_origin="kabul", contact_detail=None)])
    keys = d.people(store_cases.person_keys(hq._store))
    assert len(keys) == 6
    expect = [(c.a, c.b, c.score, c.reasons, c.records) for c in d.candidates(keys)]
    got = [(x.a.id, x.b.id, x.score, x.reasons, x.records) for x in hq.duplicates()]
    assert got == expect and len(got) >= 3
    assert gc.isenabled() and d._names.cache_info().currsize == 0
    # Purged (as a retention purge does: the record row goes): no pair names it again.
    gone = got[0][4][1]
    with hq._store.transaction() as conn:
        conn.execute("DELETE FROM case_records WHERE record_id = ?", (gone,))
        rec_store.delete_record_in(conn, gone)
    for table in ("person_keys", "person_blocks"):
        assert hq._store.execute(f"SELECT count(*) FROM {table} WHERE record_id = ?",
                                 (gone,)).fetchone()[0] == 0
    after = hq.duplicates()
    assert after and all(gone not in x.records for x in after)


def test_a_name_without_name_keys_and_a_birth_year(hq: HQService) -> None:
    """A name no key is made of (another script, "-") with a birth date: the desk still
    opens the cases (block_keys took the first name key of an empty list) and the
    phone still finds the pair (under the threshold: no name to agree on)."""
    seed(hq, [example(name_native=None, name_latin="-"),
              example(name_native="张伟", name_latin=None)])
    assert len(hq.cases()) == 2
    assert hq.duplicates() == []
    (pair,) = hq.duplicates(threshold=0.7)
    assert pair.score == 0.75 and pair.reasons == (
        "same phone number", "same birth year (1991)", "same province (herat)")


def test_cases_by_ids_past_the_engines_parameter_limits(hq: HQService) -> None:
    """A full run (``duplicates(limit=...)``, the CLI's ``--limit``) reads every case of
    its pairs at once: past 65,535 ids PostgreSQL refused the statement (and SQLite past
    250,000). The rows come in the order asked, missing ids left out."""
    from intake_app.store import cases as store_cases

    seed(hq, [example(), example(name_native=None, name_latin="Mariam Ahmady")])
    real = [c.id for c in hq.cases()]
    ids = [f"C-x{i}" for i in range(250_001)]
    ids[70_000:70_000] = [real[1]]
    ids.append(real[0])
    assert [r[0] for r in store_cases.cases_by_ids(hq._store, ids)] == [real[1], real[0]]


def test_blocks_of_an_older_block_keys_are_rebuilt_from_the_keys(
        hq: HQService, tmp_path: Path, hq_backend: str | None) -> None:
    """The finder reads the blocks as stored: blocks written by another version of
    block_keys (here: none left, version "1") are rebuilt at the next sync."""
    seed(hq, [example(), example(name_native=None, name_latin="Mariam Ahmady")])
    (pair,) = hq.duplicates()
    stored = sorted(hq._store.execute("SELECT key, record_id FROM person_blocks").fetchall())
    with hq._store.transaction() as conn:
        conn.execute("DELETE FROM person_blocks")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'person_blocks_version'")
    hq.close()
    again = HQService(tmp_path / "hq", hq_backend)
    again.unlock(PASS)
    try:
        assert [(x.a.id, x.b.id) for x in again.duplicates_of(pair.a.id)] == [
            (pair.a.id, pair.b.id)]
        assert [(x.a.id, x.b.id) for x in again.duplicates()] == [(pair.a.id, pair.b.id)]
        assert sorted(again._store.execute(
            "SELECT key, record_id FROM person_blocks").fetchall()) == stored
    finally:
        again.close()


def test_age_instead_of_a_birth_date(hq: HQService) -> None:
    seed(hq, [example(birth_date="1990", contact_detail=None),
              example(birth_date=None, approximate_age=35, interview_date="2025-06-14",
                      name_latin="Mariam Ahmadi", name_native=None, contact_detail=None)])
    (pair,) = hq.duplicates()
    assert "same birth year (1990)" in pair.reasons


def test_merge_and_unmerge(hq: HQService) -> None:
    a, b = seed(hq, [example(next_review="2031-01-01"),
                     example(name_latin="Mariam Ahmady", risk_level="extreme")])
    ca = next(c.id for c in hq.cases(limit=10) if a in [r.id for r in hq.case(c.id).records])
    cb = next(c.id for c in hq.cases(limit=10) if c.id != ca)
    hq.add_note(cb, "note on b", actor="x")
    hq.merge(ca, cb, actor="analyst", reason="same person: same phone")
    d = hq.case(ca)
    assert {r.id for r in d.records} == {a, b} and d.merged_cases == (cb,)
    assert d.summary.interviews == 2 and d.summary.priority == "urgent"
    assert "note on b" in [n.text for n in d.notes]
    assert [c.id for c in hq.cases(limit=10)] == [ca]  # merged cases leave the queues
    assert hq.duplicates() == []
    with pytest.raises(IntakeError, match="merged into"):
        hq.set_status(cb, "triaged", actor="x", reason="y")
    with pytest.raises(IntakeError, match="itself"):
        hq.merge(ca, ca, actor="x", reason="y")
    hq.unmerge(cb, actor="analyst", reason="different mothers' names")
    assert [r.id for r in hq.case(ca).records] == [a]
    assert [r.id for r in hq.case(cb).records] == [b]
    assert hq.case(ca).summary.interviews == 1
    assert hq.case(cb).summary.merged_into is None
    assert sorted(c.id for c in hq.cases(limit=10)) == sorted([ca, cb])
    with pytest.raises(IntakeError, match="not merged"):
        hq.unmerge(cb, actor="x", reason="y")
    log = [e for e in hq.log_entries() if e.kind in ("case-merge", "case-unmerge")]
    assert [(e.kind, e.detail["source"], e.detail["by"]) for e in log] == [
        ("case-merge", cb, "analyst"), ("case-unmerge", cb, "analyst")]
    assert [h.action for h in hq.case(cb).history][-2:] == ["merged-into", "unmerged-from"]


def test_not_a_duplicate_is_stored_logged_and_can_be_undone(
        hq: HQService, tmp_path: Path, hq_backend: str | None) -> None:
    seed(hq, [example(), example(name_latin="Mariam Ahmady"), example(
        name_native="زهرا رضایی", name_latin="Zahra Rezaei", birth_date="1970",
        contact_detail="+92 311 1111111")])
    (pair,) = hq.duplicates()
    a, b = pair.a.id, pair.b.id
    with pytest.raises(IntakeError, match="reason"):
        hq.not_duplicate(a, b, actor="analyst", reason=" ")
    hq.not_duplicate(b, a, actor="analyst", reason="different fathers")  # either order
    assert hq.duplicates() == [] and hq.duplicates_of(a) == []
    with pytest.raises(IntakeError, match="already"):
        hq.not_duplicate(a, b, actor="analyst", reason="again")
    hq.close()
    again = HQService(tmp_path / "hq", hq_backend)  # a restart: the mark is in the store
    again.unlock(PASS)
    try:
        assert again.duplicates() == []
        assert [(m.a.id, m.b.id) for m in again.not_duplicates()] == [(a, b)]
        again.undo_not_duplicate(a, b, actor="lead", reason="same phone after all")
        assert [(p.a.id, p.b.id) for p in again.duplicates()] == [(a, b)]
        assert again.not_duplicates() == []
        with pytest.raises(IntakeError, match="not marked"):
            again.undo_not_duplicate(a, b, actor="lead", reason="twice")
        log = [e for e in again.log_entries() if e.kind.startswith("case-not-duplicate")]
        assert [(e.kind, e.detail["case"], e.detail["other"], e.detail["by"]) for e in log] == [
            ("case-not-duplicate", a, b, "analyst"),
            ("case-not-duplicate-undone", a, b, "lead")]
        assert "different fathers" not in str([e.detail for e in log])  # its hash only
        assert [h.action for h in again.case(b).history][-2:] == [
            "not-duplicate", "not-duplicate-undone"]
        check = eventlog.verify_log(again.log_bytes(), again.signing_key().verify_key,
                                    again.hq_id)
        assert check.ok, check
    finally:
        again.close()


def test_unmerge_returns_cases_merged_into_the_source_too(hq: HQService) -> None:
    ids = seed(hq, [example(), example(), example()])
    cases = [c.id for c in hq.cases(CaseFilter(queue="new"), limit=10)]
    x, y, z = sorted(cases)
    hq.merge(y, z, actor="a", reason="r")
    hq.merge(x, y, actor="a", reason="r")
    assert len(hq.case(x).records) == 3
    hq.unmerge(y, actor="a", reason="r")
    assert len(hq.case(x).records) == 1 and len(hq.case(y).records) == 2
    assert set(ids) == {r.id for c in (x, y) for r in hq.case(c).records}


def test_cli_duplicates_merge_unmerge(tmp_path: Path) -> None:
    svc = make_hq(tmp_path)
    seed(svc, [example(), example(name_latin="Mariam Ahmady")])
    svc.close()

    def h(*argv: object) -> tuple[int, str, str]:
        r = run("--data-dir", tmp_path / "hq", "hq", *argv, passphrase=PASS)
        return r.rc, r.out, r.err

    rc, out, _ = h("duplicates")
    assert rc == 0 and "Mariam Ahmady" in out and "same phone number" in out
    import json

    rc, out, _ = h("duplicates", "--json")
    pair = json.loads(out)[0]
    a, b = pair["a"]["id"], pair["b"]["id"]
    assert h("cases", "merge", a, b, "--as", "an", "--reason", "same")[0] == 0
    assert json.loads(h("duplicates", "--json")[1]) == []
    rc, _, err = h("cases", "merge", a, b, "--as", "an", "--reason", "again")
    assert rc == 1 and "merged into" in err
    assert h("cases", "unmerge", b, "--as", "an", "--reason", "not the same")[0] == 0
    assert len(json.loads(h("duplicates", "--json")[1])) == 1
    assert h("cases", "not-duplicate", a, b, "--as", "an", "--reason", "sisters")[0] == 0
    assert json.loads(h("duplicates", "--json")[1]) == []
    marked = json.loads(h("duplicates", "--not-duplicates", "--json")[1])
    assert [(m["a"]["id"], m["b"]["id"]) for m in marked] == [(a, b)]
    rc, out, _ = h("cases", "undo-not-duplicate", a, b, "--as", "an", "--reason", "no")
    assert rc == 0 and "again" in out
    assert len(json.loads(h("duplicates", "--json")[1])) == 1


@pytest.mark.parametrize("a,b", [
    ("Mohammad", "Muhammad"), ("Muhammad", "محمد"), ("Mohammed", "محمد"),
    ("Ahmad", "Ahmed"), ("Ahmed", "احمد"), ("Gul", "گل"),
    ("منیژه", "Manija"), ("Manizha", "Manija"),  # ژ: zh or j
    ("باقری", "Bagheri"), ("Bagheri", "Baqiri"),  # ق: q, k or gh
    ("لیلا", "Laila"), ("Leila", "Layla"), ("رویا", "Ruya"),  # one-consonant names
    ("رضایی", "Rezayee"), ("Rezai", "Rezaei"),
])
def test_real_variants_meet(a: str, b: str) -> None:
    assert name_keys([a]) == name_keys([b]) != []


def test_first_name_province_phone_and_year_in_the_score() -> None:
    same = p("1", "Ahmad Sultani", 1990)
    # A middle name is not the given name: Sahar Ahmad Sultani is someone else.
    s, why = score(p("2", "Sahar Ahmad Sultani", 1991), same)
    assert s < 0.8 and "first names differ (against)" in why
    # Both phones given and none shared counts against.
    s1, _ = score(p("3", "Ahmad Sultani", 1991, phone="3001111111"),
                  p("4", "Ahmad Sultani", 1990, phone="3002222222"))
    s2, _ = score(p("3", "Ahmad Sultani", 1991), same)
    assert s1 < 0.8 <= s2
    # Province agreement lifts, disagreement lowers.
    s3, why3 = score(p("5", "Ahmad Sultani", 1990, prov="kabul"), same)
    assert s3 < s2 and "different province (against)" in why3


def test_a_missing_province_still_finds_the_pair() -> None:
    a = p("1", "هما قادری", 1990, prov="logar")
    b = p("2", "Homa Kaderi", 1990, prov="")
    assert [(c.a, c.b) for c in candidates([a, b])] == [("C-1", "C-2")]
