from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake_app.errors import InvalidState, NotFound
from intake_app.models import RecordFilter, RecordStatus
from intake_app.store import attachments as att
from intake_app.store import profile
from intake_app.store import records as rec
from intake_app.store.db import Database
from intake_app.textnorm import fold_for_search, fts_query
from tests.conftest import PASSPHRASE


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    d = profile.create_profile(data_dir, PASSPHRASE, "field")
    yield d
    d.close()


def test_create_and_revisions(db: Database) -> None:
    rid = rec.create_record(db, "f", "1", {"name": "Zahra"})
    rev = rec.update_record(db, rid, {"name": "Zahra A."}, (RecordStatus.DRAFT,))
    assert rev == 2
    assert rec.get_values(db, rid) == {"name": "Zahra A."}
    assert rec.get_values(db, rid, 1) == {"name": "Zahra"}
    detail = rec.get_detail(db, rid)
    assert [r.rev for r in detail.revisions] == [1, 2]
    assert detail.summary.revision == 2


def test_revisions_are_append_only(db: Database) -> None:
    rid = rec.create_record(db, "f", "1", {"a": 1})
    import sqlcipher3

    with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
        db.conn.execute("UPDATE revisions SET data = '{}' WHERE record_id = ?", (rid,))


def test_status_rules(db: Database) -> None:
    rid = rec.create_record(db, "f", "1", {})
    rec.set_status(db, rid, RecordStatus.FINALIZED, (RecordStatus.DRAFT,))
    with pytest.raises(InvalidState):
        rec.set_status(db, rid, RecordStatus.FINALIZED, (RecordStatus.DRAFT,))
    with pytest.raises(InvalidState):
        rec.update_record(db, rid, {}, (RecordStatus.DRAFT,))
    with pytest.raises(NotFound):
        rec.get_summary(db, "0" * 32)


def test_list_filters_and_paging(db: Database) -> None:
    ids = [rec.create_record(db, "a" if i % 2 else "b", "1", {"i": i}) for i in range(10)]
    rec.set_status(db, ids[0], RecordStatus.FINALIZED, (RecordStatus.DRAFT,))
    assert rec.count_records(db) == 10
    assert rec.count_records(db, RecordFilter(form_id="a")) == 5
    assert [r.id for r in rec.list_records(db, RecordFilter(status=RecordStatus.FINALIZED))] == [
        ids[0]
    ]
    page1 = rec.list_records(db, limit=4)
    page2 = rec.list_records(db, limit=4, offset=4)
    assert len(page1) == 4 and len(page2) == 4
    assert not {r.id for r in page1} & {r.id for r in page2}
    future = RecordFilter(since_ms=rec.now_ms() + 10_000)
    assert rec.list_records(db, future) == []


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Threatened by unknown men in Peshawar", "peshawar"),
        ("Threatened by unknown men in Peshawar", "threat"),
        ("خبرنگار در کابل تهدید شد", "کابل"),  # Dari
        ("خبرنگار در كابل تهديد شد", "کابل تهدید"),  # Arabic kaf/yeh typed, Persian searched
        ("زه په پېښور کې اوسېږم", "پېښور"),  # Pashto
        ("مجھے دھمکیاں ملی ہیں", "دھمکیاں"),  # Urdu
        ("کابُل", "کابل"),  # short vowel ignored
        ("Born ۱۳۶۵", "1365"),  # Persian digits
        ("São Paulo", "sao"),
    ],
)
def test_search_latin_and_arabic_script(db: Database, text: str, query: str) -> None:
    rid = rec.create_record(db, "f", "1", {"narrative": text, "n": [{"x": "other"}]})
    rec.create_record(db, "f", "1", {"narrative": "unrelated content"})
    assert [r.id for r in rec.search_records(db, query)] == [rid]


def test_search_follows_edits_and_filters(db: Database) -> None:
    rid = rec.create_record(db, "f", "1", {"t": "alpha"})
    rec.update_record(db, rid, {"t": "beta"}, (RecordStatus.DRAFT,))
    assert rec.search_records(db, "alpha") == []
    assert [r.id for r in rec.search_records(db, "beta")] == [rid]
    assert rec.search_records(db, "beta", RecordFilter(form_id="other")) == []
    assert rec.search_records(db, "beta", RecordFilter(status=RecordStatus.DRAFT))[0].id == rid


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_fts_query_never_breaks_syntax(text: str) -> None:
    q = fts_query(text)
    if q is not None:
        assert q.count('"') % 2 == 0


def test_search_with_hostile_queries(db: Database) -> None:
    rec.create_record(db, "f", "1", {"t": "hello"})
    for q in ['"', "NEAR(a b)", "body:hello", "(", "a OR", "*", "-", "AND"]:
        rec.search_records(db, q)  # must not raise


def test_fold_for_search() -> None:
    assert fold_for_search("ي ك ۱۲٣") == "ی ک 123"


def test_attachment_roundtrip(db: Database) -> None:
    rid = rec.create_record(db, "f", "1", {})
    payload = os.urandom(att.CHUNK_SIZE * 2 + 12345)
    info = att.add_attachment(db, rid, io.BytesIO(payload), "../../etc/photo.jpg")
    assert info.name == "photo.jpg"
    assert info.mime == "image/jpeg"
    assert info.size == len(payload)
    assert info.sha256 == hashlib.sha256(payload).hexdigest()
    assert b"".join(att.iter_attachment(db, info.id)) == payload
    assert rec.get_detail(db, rid).attachments == (info,)


def test_attachment_empty_file(db: Database) -> None:
    rid = rec.create_record(db, "f", "1", {})
    info = att.add_attachment(db, rid, io.BytesIO(b""), "empty.txt")
    assert info.size == 0
    assert b"".join(att.iter_attachment(db, info.id)) == b""


class _Failing(io.RawIOBase):
    def __init__(self, after: int) -> None:
        self.left = after

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        if self.left <= 0:
            raise OSError("device removed")
        self.left -= 1
        return b"x" * att.CHUNK_SIZE


def test_failed_attachment_leaves_nothing(db: Database) -> None:
    rid = rec.create_record(db, "f", "1", {})
    with pytest.raises(OSError, match="device removed"):
        att.add_attachment(db, rid, _Failing(3), "a.bin")  # type: ignore[arg-type]
    assert db.execute("SELECT count(*) FROM attachments").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM attachment_chunks").fetchone()[0] == 0


def test_attachment_to_missing_record(db: Database) -> None:
    with pytest.raises(NotFound):
        att.add_attachment(db, "f" * 32, io.BytesIO(b"x"), "a")


def test_purge_incomplete(db: Database) -> None:
    rid = rec.create_record(db, "f", "1", {})
    with db.transaction() as c:
        c.execute("INSERT INTO attachments (id, record_id, name, mime, size, sha256, "
                  "created_at, complete) VALUES ('x', ?, 'n', 'm', 0, '', 0, 0)", (rid,))
        c.execute("INSERT INTO attachment_chunks VALUES ('x', 0, x'00')")
    assert rec.get_detail(db, rid).attachments == ()
    with pytest.raises(NotFound):
        att.get_attachment(db, "x")
    assert att.purge_incomplete(db) == 1
    assert db.execute("SELECT count(*) FROM attachment_chunks").fetchone()[0] == 0


def test_delete_record_cascades(db: Database) -> None:
    rid = rec.create_record(db, "f", "1", {"t": "secret words"})
    att.add_attachment(db, rid, io.BytesIO(b"abc"), "a.txt")
    rec.delete_record(db, rid)
    for table in ("records", "revisions", "attachments", "attachment_chunks"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert rec.search_records(db, "secret") == []


def test_chunks_are_sealed_under_the_attachment_key(db: Database) -> None:
    rid = rec.create_record(db, "f", "1", {})
    payload = b"CANARY chunk content " * 10_000
    info = att.add_attachment(db, rid, io.BytesIO(payload), "a.txt")
    stored = b"".join(bytes(r[0]) for r in db.execute(
        "SELECT data FROM attachment_chunks WHERE attachment_id = ? ORDER BY idx", (info.id,)))
    assert b"CANARY" not in stored  # what SQLCipher pages hold is sealed again
    # A chunk moved to another index (or attachment) does not open.
    db.conn.execute("UPDATE attachment_chunks SET idx = 5 WHERE attachment_id = ?", (info.id,))
    from intake_app.errors import StoreCorrupt

    stored_chunk = db.execute("SELECT data FROM attachment_chunks WHERE attachment_id = ?",
                              (info.id,)).fetchone()[0]
    with pytest.raises(StoreCorrupt):
        att.open_chunk(att.chunk_key(db, info.id), info.id, 5, stored_chunk)


def test_erase_destroys_the_key_and_the_chunks(db: Database) -> None:
    rid = rec.create_record(db, "f", "1", {})
    info = att.add_attachment(db, rid, io.BytesIO(os.urandom(3 * att.CHUNK_SIZE)), "b.bin")
    with db.transaction() as conn:
        att.erase_attachments(conn, "id = ?", (info.id,))
    assert db.execute("SELECT count(*) FROM attachments").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM attachment_chunks").fetchone()[0] == 0
    assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1
