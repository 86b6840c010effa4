"""Finding 2: a purged record leaves none of its words in any table or FTS5 shadow table.

Without FTS5's secure-delete, deleting a row from ``records_fts`` only appends a delete
marker; the words stay in the older segments of ``records_fts_data``. Each test opens the
store with its key after the purge and reads every row of every table (shadow tables
included) looking for the purged record's words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from intake_app.services.field import FieldService
from intake_app.store import db as store_db
from intake_app.store import records as rec
from intake_app.store.db import Database
from intake_app.textnorm import searchable_text
from tests.cli_helpers import Setup, enrolled_pair, example_values

# Distinct rare words (folded as the index folds them), each with an unusual prefix so
# FTS5's prefix compression cannot hide them behind a neighbour term.
SECRET = "Qzorvexa Wyxthumbrel Jaqquinox ژرفاوندیار"
OTHER = "ordinary words about a market in Peshawar"


def _needles() -> list[bytes]:
    words = [w for w in searchable_text({"t": SECRET}).split() if len(w) >= 6]
    assert len(words) == 4
    # Terms are stored as UTF-8; a few bytes of each word's tail survive prefix
    # compression against any neighbour, so the whole word or its 7-byte tail is searched.
    return [w.encode() for w in words] + [w.encode()[-7:] for w in words]


def find_words(db: Database) -> list[str]:
    """Every (table, column) holding one of the secret words, shadow tables included."""
    hits: list[str] = []
    needles = _needles()
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]
    assert "records_fts_data" in tables and "records_fts_content" in tables
    for table in tables:
        cur = db.execute(f'SELECT * FROM "{table}"')
        names = [d[0] for d in cur.description]
        for row in cur.fetchall():
            for name, value in zip(names, row, strict=True):
                if isinstance(value, str):
                    blob = value.encode()
                    blob += searchable_text({"t": value}).encode()
                elif isinstance(value, bytes | memoryview):
                    blob = bytes(value)
                else:
                    continue
                if any(n in blob for n in needles):
                    hits.append(f"{table}.{name}")
    return hits



def _fill(svc: FieldService) -> str:
    # Neighbours before and after, so the secret record's terms sit in shared segments.
    for i in range(5):
        svc.new_record("hrd_intake", example_values(interviewer_notes=f"{OTHER} {i}"))
    rid = svc.new_record("hrd_intake", example_values(interviewer_notes=SECRET))
    for i in range(5):
        svc.new_record("hrd_intake", example_values(interviewer_notes=f"{OTHER} after {i}"))
    assert find_words(svc._store), "the test must see the words while the record exists"
    return rid


def test_draft_purge_leaves_no_words(svc: FieldService) -> None:
    rid = _fill(svc)
    assert svc.purge_drafts([rid]) == 1
    assert svc.search("Qzorvexa") == []
    assert find_words(svc._store) == []


def test_record_deletion_leaves_no_words(svc: FieldService) -> None:
    rid = _fill(svc)
    rec.delete_record(svc._store, rid)
    assert find_words(svc._store) == []


def test_edit_leaves_no_words_of_the_old_text_in_the_index(svc: FieldService) -> None:
    rid = _fill(svc)
    svc.edit_record(rid, example_values(interviewer_notes=OTHER))
    # The old revision is history (kept in ``revisions``); only the index must forget it.
    hits = [h for h in find_words(svc._store) if not h.startswith("revisions.")]
    assert hits == []


def test_seal_and_receipt_purge_leave_no_words(tmp_path: Path) -> None:
    s: Setup = enrolled_pair(tmp_path)
    svc = FieldService(s.field)
    from tests.cli_helpers import FIELD_PASS

    svc.unlock(FIELD_PASS)
    try:
        rid = _fill(svc)
        svc.finalize(rid)
    finally:
        svc.lock()
    usb = tmp_path / "usb"
    usb.mkdir()
    assert s.f("export", "--to", usb).rc == 0
    svc.unlock(FIELD_PASS)
    try:
        assert find_words(svc._store) == []
    finally:
        svc.lock()


def test_sqlite_without_secure_delete_is_refused() -> None:
    with pytest.raises(Exception, match=r"3\.42"):
        store_db.check_sqlite_version("3.41.2")
    store_db.check_sqlite_version("3.42.0")
