"""Versioned schema migrations. ``PRAGMA user_version`` holds the applied version.

Each migration is a list of statements applied in one transaction. Never edit
a migration that has shipped: add a new one. ``tests/test_store_migrations.py``
builds a store at every earlier version and upgrades it.
"""

from __future__ import annotations

MIGRATIONS: list[list[str]] = [
    # 1: profile metadata, forms, records with append-only revisions, attachments, search.
    [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE forms (
            form_id TEXT NOT NULL, version TEXT NOT NULL,
            definition BLOB NOT NULL, installed_at INTEGER NOT NULL,
            PRIMARY KEY (form_id, version))""",
        # seq is the stable rowid that the search index is keyed by.
        """CREATE TABLE records (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            form_id TEXT NOT NULL, form_version TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
            current_rev INTEGER NOT NULL)""",
        "CREATE INDEX records_status ON records(status, updated_at)",
        "CREATE INDEX records_form ON records(form_id, updated_at)",
        "CREATE INDEX records_updated ON records(updated_at)",
        """CREATE TABLE revisions (
            record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
            rev INTEGER NOT NULL,
            saved_at INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (record_id, rev)) WITHOUT ROWID""",
        # Revisions are history: they may be purged with their record, never rewritten.
        """CREATE TRIGGER revisions_append_only BEFORE UPDATE ON revisions
            BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END""",
        """CREATE TABLE attachments (
            id TEXT PRIMARY KEY,
            record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
            name TEXT NOT NULL, mime TEXT NOT NULL,
            size INTEGER NOT NULL, sha256 TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            complete INTEGER NOT NULL DEFAULT 0)""",
        "CREATE INDEX attachments_record ON attachments(record_id)",
        """CREATE TABLE attachment_chunks (
            attachment_id TEXT NOT NULL REFERENCES attachments(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (attachment_id, idx)) WITHOUT ROWID""",
        # rowid = records.seq; text is folded by intake_app.textnorm before indexing.
        """CREATE VIRTUAL TABLE records_fts USING fts5(
            body, tokenize = 'unicode61 remove_diacritics 2')""",
    ],
]

LATEST = len(MIGRATIONS)
