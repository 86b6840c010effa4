"""Upgrading from every earlier schema version keeps the data and reaches LATEST."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake_app.store import schema
from intake_app.store.db import Database

KEY = bytes(range(32))


@pytest.mark.parametrize("start", range(schema.LATEST))
def test_upgrade_from(start: int, tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    old = Database(path, KEY, create=True, schema_version=start)
    assert old.user_version == start
    if start >= 1:
        with old.transaction() as c:
            c.execute("INSERT INTO meta VALUES ('marker', 'kept')")
            c.execute(
                "INSERT INTO records (id, form_id, form_version, status, created_at, updated_at,"
                " current_rev) VALUES ('r1', 'f', '1', 'draft', 1, 1, 1)"
            )
            c.execute("INSERT INTO revisions VALUES ('r1', 1, 1, '{\"a\": 1}')")
    old.close()

    new = Database(path, KEY)
    assert new.user_version == schema.LATEST
    tables = {r[0] for r in new.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"meta", "records", "revisions", "attachments", "records_fts"} <= tables
    if start >= 1:
        assert new.execute("SELECT value FROM meta WHERE key='marker'").fetchone()[0] == "kept"
        assert new.execute("SELECT data FROM revisions").fetchone()[0] == '{"a": 1}'
    assert new.integrity_problems() == []
    new.close()


def test_newer_schema_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    db = Database(path, KEY, create=True)
    db.conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    db.close()
    from intake_app.errors import StoreCorrupt

    with pytest.raises(StoreCorrupt, match="newer"):
        Database(path, KEY)


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.db"
    Database(path, KEY, create=True).close()
    broken = [*schema.MIGRATIONS, ["CREATE TABLE later (x)", "THIS IS NOT SQL"]]
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    monkeypatch.setattr(schema, "LATEST", len(broken))
    from intake_app.errors import StoreCorrupt

    with pytest.raises(StoreCorrupt):
        Database(path, KEY, schema_version=len(broken))
    monkeypatch.undo()
    db = Database(path, KEY)
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    assert "later" not in names
    db.close()
