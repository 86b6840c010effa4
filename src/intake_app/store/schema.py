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
            PRIMARY KEY (record_id, rev))""",
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
            PRIMARY KEY (attachment_id, idx))""",
        # (Rowid tables on purpose: large values in a WITHOUT ROWID b-tree write at a
        # third of the speed.)
        # rowid = records.seq; text is folded by intake_app.textnorm before indexing.
        """CREATE VIRTUAL TABLE records_fts USING fts5(
            body, tokenize = 'unicode61 remove_diacritics 2')""",
    ],
    # 2: sealed bundles. Field side: outbox and which records each bundle holds.
    # HQ side: keys, enrolled devices, received bundles and where records came from.
    [
        "ALTER TABLE records ADD COLUMN exported_rev INTEGER NOT NULL DEFAULT 0",
        """CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL,
            statement_hash TEXT NOT NULL,
            prev TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            size INTEGER NOT NULL,
            record_count INTEGER NOT NULL,
            state TEXT NOT NULL,
            delivered_at INTEGER)""",
        """CREATE TABLE bundle_records (
            seq INTEGER NOT NULL REFERENCES outbox(seq),
            record_id TEXT NOT NULL,
            PRIMARY KEY (seq, record_id)) WITHOUT ROWID""",
        "CREATE INDEX bundle_records_record ON bundle_records(record_id)",
        """CREATE TABLE hq_keys (
            id INTEGER PRIMARY KEY,
            purpose TEXT NOT NULL,
            label TEXT NOT NULL,
            secret BLOB NOT NULL,
            public_hex TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL,
            retired_at INTEGER)""",
        """CREATE TABLE devices (
            device_id TEXT PRIMARY KEY,
            public_hex TEXT NOT NULL UNIQUE,
            label TEXT NOT NULL,
            enrolled_at INTEGER NOT NULL,
            revoked_at INTEGER)""",
        """CREATE TABLE received_bundles (
            device_id TEXT NOT NULL REFERENCES devices(device_id),
            seq INTEGER NOT NULL,
            statement_hash TEXT NOT NULL,
            prev TEXT NOT NULL,
            size INTEGER NOT NULL,
            record_count INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            imported_at INTEGER NOT NULL,
            PRIMARY KEY (device_id, seq))""",
        """CREATE TABLE record_sources (
            record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
            rev INTEGER NOT NULL,
            device_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (record_id, rev)) WITHOUT ROWID""",
        """CREATE TABLE hq_events (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL)""",
    ],
    # 3: HQ's event log becomes a hash chain (intake_app.hq.eventlog): each entry's
    # hash covers the previous one; signed checkpoints pin the head now and then.
    # Rows written before this migration are chained on the next append.
    [
        "ALTER TABLE hq_events ADD COLUMN prev TEXT",
        "ALTER TABLE hq_events ADD COLUMN hash TEXT",
        "CREATE INDEX hq_events_unchained ON hq_events(id) WHERE hash IS NULL",
        """CREATE TABLE hq_log_checkpoints (
            id INTEGER PRIMARY KEY,
            size INTEGER NOT NULL,
            head TEXT NOT NULL,
            at INTEGER NOT NULL,
            document BLOB NOT NULL)""",
        # The log only grows: entries are never edited once chained, nor deleted.
        """CREATE TRIGGER hq_events_no_delete BEFORE DELETE ON hq_events
            BEGIN SELECT RAISE(ABORT, 'the HQ event log is append-only'); END""",
        """CREATE TRIGGER hq_events_chained_final BEFORE UPDATE ON hq_events
            WHEN OLD.hash IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'the HQ event log is append-only'); END""",
    ],
    # 4: each attachment's chunks are sealed under its own random key (AEAD, bound to
    # attachment id and chunk index). Destroying the one small row that holds the key
    # erases the attachment, so purging a large file need not overwrite every page.
    # NULL: chunks written before this migration, stored as they are.
    [
        "ALTER TABLE attachments ADD COLUMN chunk_key BLOB",
    ],
    # 5: FTS5's secure-delete: a deleted row's terms are removed from the index's data
    # blocks at once. Without it they stay in older segments (a purged interview's
    # vocabulary readable to whoever opens the store). 'optimize' then merges every
    # segment, which drops what deletions before this migration left behind.
    [
        "INSERT INTO records_fts (records_fts, rank) VALUES ('secure-delete', 1)",
        "INSERT INTO records_fts (records_fts) VALUES ('optimize')",
    ],
    # 6: HQ's case desk (intake_app.services.cases). A case is one person: the records
    # that joined it, its status, priority, caseworker, follow-ups, append-only notes,
    # referrals and history. Derived columns (name, province, needs, dates) make the
    # queues single index walks. person_keys holds the duplicate finder's keys.
    [
        """CREATE TABLE cases (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL,
            prev_status TEXT,
            priority INTEGER NOT NULL,
            priority_level TEXT NOT NULL,
            priority_auto INTEGER NOT NULL,
            priority_override INTEGER NOT NULL DEFAULT 0,
            priority_reasons TEXT NOT NULL DEFAULT '[]',
            assignee TEXT,
            display_name TEXT NOT NULL DEFAULT '',
            province TEXT NOT NULL DEFAULT '',
            needs TEXT NOT NULL DEFAULT '',
            form_id TEXT NOT NULL,
            doc_expiry TEXT,
            next_due TEXT,
            interviews INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            status_at INTEGER NOT NULL,
            merged_into TEXT)""",
        "CREATE INDEX cases_queue ON cases(status, priority DESC, updated_at DESC)",
        "CREATE INDEX cases_priority ON cases(priority DESC, updated_at DESC)",
        "CREATE INDEX cases_assignee ON cases(assignee, priority DESC, updated_at DESC)",
        "CREATE INDEX cases_due ON cases(next_due) WHERE next_due IS NOT NULL",
        "CREATE INDEX cases_expiry ON cases(doc_expiry) WHERE doc_expiry IS NOT NULL",
        "CREATE INDEX cases_created ON cases(created_at)",
        # home_case: the case the record first joined, where an unmerge returns it.
        """CREATE TABLE case_records (
            record_id TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
            case_id TEXT NOT NULL,
            home_case TEXT NOT NULL,
            seen_rev INTEGER NOT NULL) WITHOUT ROWID""",
        "CREATE INDEX case_records_case ON case_records(case_id)",
        "CREATE INDEX case_records_home ON case_records(home_case)",
        """CREATE TABLE case_notes (
            id INTEGER PRIMARY KEY,
            case_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            author TEXT NOT NULL,
            text TEXT NOT NULL)""",
        "CREATE INDEX case_notes_case ON case_notes(case_id, id)",
        """CREATE TRIGGER case_notes_append_only BEFORE UPDATE ON case_notes
            BEGIN SELECT RAISE(ABORT, 'case notes are append-only'); END""",
        """CREATE TABLE case_followups (
            id INTEGER PRIMARY KEY,
            case_id TEXT NOT NULL,
            due TEXT NOT NULL,
            label TEXT NOT NULL,
            source TEXT NOT NULL,
            record_id TEXT,
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            done_at INTEGER,
            done_by TEXT)""",
        "CREATE INDEX case_followups_case ON case_followups(case_id, due)",
        """CREATE TABLE case_referrals (
            id INTEGER PRIMARY KEY,
            case_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            partner TEXT NOT NULL,
            need TEXT NOT NULL,
            reason TEXT NOT NULL,
            records TEXT NOT NULL)""",
        "CREATE INDEX case_referrals_case ON case_referrals(case_id, id)",
        """CREATE TABLE case_history (
            id INTEGER PRIMARY KEY,
            case_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL,
            reason TEXT NOT NULL)""",
        "CREATE INDEX case_history_case ON case_history(case_id, id)",
        """CREATE TRIGGER case_history_append_only BEFORE UPDATE ON case_history
            BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END""",
        """CREATE TABLE person_keys (
            record_id TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
            names TEXT NOT NULL,
            birth_year INTEGER,
            phones TEXT NOT NULL,
            province TEXT NOT NULL) WITHOUT ROWID""",
    ],
    # 7: the duplicate finder's blocks (intake_app.hq.duplicates.block_keys), so the
    # likely duplicates of one new record are a few index lookups.
    [
        """CREATE TABLE person_blocks (
            key TEXT NOT NULL,
            record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
            PRIMARY KEY (key, record_id)) WITHOUT ROWID""",
        "CREATE INDEX person_blocks_record ON person_blocks(record_id)",
    ],
    # 8: a sealed volume exported to a stick but killed before the stick's copy got its
    # final name (issue 14, finding 4): 1 until that copy is renamed into place, so the
    # next export writes it. Earlier rows are taken as written (unknowable now).
    [
        "ALTER TABLE outbox ADD COLUMN unwritten INTEGER NOT NULL DEFAULT 0",
    ],
    # 9: attachment ciphertext in blob files beside the store (store/blobs.py, issue 20):
    # the random file name; NULL keeps the chunks in attachment_chunks (every attachment
    # written before this migration, and v1 imports). A chunk row with empty data marks
    # a chunk held in the blob file.
    [
        "ALTER TABLE attachments ADD COLUMN blob TEXT",
    ],
    # 10: the case desk at 100,000 records (bench/bench_desk.py): the form's follow-ups
    # are looked up by record when a revision is read (a scan per record made opening
    # cases quadratic), and a case's merged cases by merged_into (a scan per case open
    # and per next-due refresh).
    [
        "CREATE INDEX case_followups_record ON case_followups(record_id, label, due) "
        "WHERE record_id IS NOT NULL",
        "CREATE INDEX cases_merged ON cases(merged_into) WHERE merged_into IS NOT NULL",
    ],
    # 11: the queues walk live cases only (bench/bench_desk.py: at 100,000 records in
    # 30,000 cases, 70,000 merged cases sat in every queue index; "new" and "overdue"
    # first pages took 370-400 ms at p95). Each queue's order over live cases.
    [
        "CREATE INDEX cases_live_priority ON cases(priority DESC, updated_at DESC) "
        "WHERE merged_into IS NULL",
        "CREATE INDEX cases_live_status ON cases(status, created_at DESC) "
        "WHERE merged_into IS NULL",
        "CREATE INDEX cases_live_due ON cases(next_due, priority DESC) "
        "WHERE merged_into IS NULL AND next_due IS NOT NULL",
        "CREATE INDEX cases_live_expiry ON cases(doc_expiry, priority DESC) "
        "WHERE merged_into IS NULL AND doc_expiry IS NOT NULL",
        "CREATE INDEX cases_live_assignee ON cases(assignee, status, priority DESC, "
        "updated_at DESC) WHERE merged_into IS NULL",
    ],
    # 12: an analyst's "not a duplicate" (services.duplicates): the pair of cases (a < b)
    # is no longer suggested; deleting the row undoes it. Who, when and why stay in both
    # cases' history and the event log.
    [
        """CREATE TABLE case_not_duplicates (
            case_a TEXT NOT NULL,
            case_b TEXT NOT NULL,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            PRIMARY KEY (case_a, case_b))""",
        "CREATE INDEX case_not_duplicates_b ON case_not_duplicates(case_b)",
    ],
]

LATEST = len(MIGRATIONS)
