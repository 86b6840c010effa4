"""Case search on PostgreSQL: the first page without reading every match.

A search returns the live cases whose records match, each case once, the case with the
newest matching record first. Grouping every match by case before the LIMIT (the first
version) costs as many matches as the words have: at 1,000,000 records a common name
matches tens of thousands of records, and the GIN match, three joins and a GROUP BY over
all of them took seconds (bench/bench_team.py). Here the matches are walked newest
first in batches (``f.rowid < bound ORDER BY f.rowid DESC LIMIT n``), each batch joined
to its cases, until the page is full: the order is the same, since the first time a
case turns up in that walk is its newest matching record. For each batch PostgreSQL
picks its plan from the words: a common word walks the rowid index backwards and stops
after a few hundred rows, a rare one takes its few matches from the GIN index and sorts
them. Each statement is planned for its own words (``prepare=False`` here,
``plan_cache_mode`` in the function below): a plan cached for one word would make
another's search scan the whole index.

The same walk runs inside ``intake_search_cases`` (SECURITY DEFINER) for team members,
who may not read the search index themselves (store.pg.roles, migration 7).
"""

from __future__ import annotations

from typing import Any

FIRST_BATCH = 200
MAX_BATCH = 20_000
_END = (1 << 63) - 1  # above every rowid

# One batch: the next ``n`` matches below the bound, newest first, with the case each
# belongs to and whether it is one to show (linked to a case, and that case live). Outer
# joins: every match comes back, so the walk's bound moves past all of them.
BATCH = """SELECT m.rowid, c.id, c.id IS NOT NULL AND c.merged_into IS NULL FROM (
    SELECT f.rowid FROM records_fts f WHERE f.tsv @@ CAST(? AS tsquery) AND f.rowid < ?
    ORDER BY f.rowid DESC LIMIT ?) m
    LEFT JOIN records r ON r.seq = m.rowid
    LEFT JOIN case_records cr ON cr.record_id = r.id
    LEFT JOIN cases c ON c.id = cr.case_id
    ORDER BY m.rowid DESC"""


def case_ids(db: Any, tsquery: str, limit: int) -> list[str]:
    """The page of live case ids for ``tsquery`` (store.search's PostgreSQL form)."""
    out: list[str] = []
    seen: set[str] = set()
    bound, batch = _END, max(FIRST_BATCH, 4 * limit)
    while len(out) < limit:
        rows = db.execute(BATCH, (tsquery, bound, batch), prepare=False).fetchall()
        for rowid, cid, live in rows:
            bound = int(rowid)
            if live and cid not in seen:
                seen.add(cid)
                out.append(str(cid))
                if len(out) >= limit:
                    break
        if len(rows) < batch:
            break
        batch = min(batch * 4, MAX_BATCH)
    return out


def _function(shown: str, first: str = "") -> list[str]:
    """intake_search_cases walking the matches as ``case_ids`` does; ``shown``: which
    rows of a batch are a case the member may see (supervisor: all, caseworker: those
    assigned to them); ``first``: statements before the walk."""
    return [f"""CREATE OR REPLACE FUNCTION intake_search_cases(p_query text, p_limit bigint)
        RETURNS TABLE (case_id text) LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
        #variable_conflict use_column
        DECLARE
            q tsquery := CAST(p_query AS tsquery);
            sees_all boolean := intake_sees_all();
            me text := session_user;
            bound bigint := {_END};
            batch bigint := greatest({FIRST_BATCH}, 4 * p_limit);
            got bigint;
            found_n bigint := 0;
            seen text[] := '{{}}';
            m record;
        BEGIN{first}
            LOOP
                got := 0;
                FOR m IN SELECT x.rowid, c.id AS cid, {shown} AS ok
                        FROM (SELECT f.rowid FROM records_fts f
                              WHERE f.tsv @@ q AND f.rowid < bound
                              ORDER BY f.rowid DESC LIMIT batch) x
                        LEFT JOIN records r ON r.seq = x.rowid
                        LEFT JOIN case_records cr ON cr.record_id = r.id
                        LEFT JOIN cases c ON c.id = cr.case_id
                        ORDER BY x.rowid DESC LOOP
                    got := got + 1;
                    bound := m.rowid;
                    IF m.ok AND NOT (m.cid = ANY (seen)) THEN
                        seen := seen || m.cid;
                        case_id := m.cid;
                        RETURN NEXT;
                        found_n := found_n + 1;
                        IF found_n >= p_limit THEN
                            RETURN;
                        END IF;
                    END IF;
                END LOOP;
                EXIT WHEN got < batch;
                batch := least(batch * 4, {MAX_BATCH});
            END LOOP;
        END $$""",
    # CREATE OR REPLACE resets the function's settings: the search path again (as in
    # migration 7), and a plan per call's words (see the module docstring).
    """DO $$ BEGIN
        EXECUTE format('ALTER FUNCTION intake_search_cases(text, bigint) '
                       'SET search_path = pg_catalog, %I, pg_temp', current_schema());
        END $$""",
    "ALTER FUNCTION intake_search_cases(text, bigint) SET plan_cache_mode = force_custom_plan",
    ]


# Migration 9: the walk. Migration 10: a match no case holds yet (its sync still to come)
# is skipped; 9 returned a NULL id for it when it came before any case.
MIGRATION = _function("""(c.merged_into IS NULL
                            AND (sees_all OR c.assignee = me))""")
SHOWN_10 = "(c.id IS NOT NULL AND c.merged_into IS NULL AND (sees_all OR c.assignee = me))"
MIGRATION_10 = _function(SHOWN_10)
# Migration 11: a caseworker with few cases (at most CASEWORKER_FIRST) searches their
# own cases' records, not the walk: the walk over every match could read all of a
# common name's matches to find the few of theirs.
CASEWORKER_FIRST = 2000
MIGRATION_11 = _function(SHOWN_10, f"""
            IF NOT sees_all AND (SELECT count(*) FROM (SELECT 1 FROM cases c
                    WHERE c.assignee = me AND c.merged_into IS NULL
                    LIMIT {CASEWORKER_FIRST + 1}) y) <= {CASEWORKER_FIRST} THEN
                RETURN QUERY SELECT c.id FROM cases c
                    JOIN case_records cr ON cr.case_id = c.id
                    JOIN records r ON r.id = cr.record_id
                    JOIN records_fts f ON f.rowid = r.seq
                    WHERE c.assignee = me AND c.merged_into IS NULL AND f.tsv @@ q
                    GROUP BY c.id ORDER BY max(f.rowid) DESC LIMIT p_limit;
                RETURN;
            END IF;""")
