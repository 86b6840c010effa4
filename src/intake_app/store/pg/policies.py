"""Migration 12: the row-level policies say which group they are for (``CREATE POLICY
... TO <group>``) instead of asking ``intake_sees_all()`` on every row.

Migrations 6 and 8 wrote each policy as ``intake_sees_all() OR <the caseworker's rule>``.
``intake_sees_all`` is a function with its own ``search_path`` (so that a member cannot
redirect it), which PostgreSQL never inlines: the policy called it once per row the scan
looked at, ~37 µs each (two ``pg_has_role`` lookups and the path switch). A queue's first
page walks an index until it has 50 rows the policy passes: 46,000 calls, 1.3-2.3 s, for
a caseworker with 1,000 of 60,000 cases, and the supervisor's ``needs`` filter the same
(bench_team --members, 200,000 records; at 1M records with 20 member sessions the queue's
p95 was 97 s). The OR also kept the caseworker's ``assignee = session_user`` out of any
index condition.

Now each table has two permissive policies, each for its groups only (a policy whose
roles the login is not in is not applied at all): importer and supervisor ``USING
(true)``; caseworker the same rule as before without the OR. Who sees what is
unchanged: a login in several groups gets the union, as before; an auditor or a login
in no group is in no policy and reads no row, as before (the auditor has no grant on
these tables either). The difference: membership is PostgreSQL's own (the policy's role
list, checked for the current role, whose privileges a login inherits from its group)
where ``intake_is`` checked ``session_user``'s membership; inside the definer functions
the current role is the owner, whom row-level security never binds, so nothing reads
differently. Group names depend on the database (``intake_group``), hence the DO block.
"""

from __future__ import annotations

# The login as text in the columns' own collation: ``session_user`` is a ``name``, whose
# collation is "C", and a comparison in another collation than an index's cannot use
# it: ``assignee = session_user`` read every case (22-30 ms at 90,000 cases) where
# ``cases_assignee`` gives a caseworker's 50 in under 1 ms.
ME = 'CAST(session_user AS text) COLLATE "default"'
_MINE = f"SELECT id FROM cases WHERE assignee = {ME}"

# table -> the caseworker's rule (migration 6's and 8's, without ``intake_sees_all() OR``)
RULES: dict[str, str] = {
    "cases": f"assignee = {ME}",
    **{t: f"case_id IN ({_MINE})" for t in ("case_records", "case_notes", "case_followups",
                                             "case_referrals", "case_history")},
    "case_not_duplicates": f"case_a IN ({_MINE}) AND case_b IN ({_MINE})",
    "records": f"id IN (SELECT record_id FROM case_records WHERE case_id IN ({_MINE}))",
    "attachments": ("record_id IN (SELECT cr.record_id FROM case_records cr JOIN cases c "
                    f"ON c.id = cr.case_id WHERE c.assignee = {ME})"),
}


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _statements() -> list[str]:
    lines = ["DO $$ DECLARE imp text := intake_group('importer'); "
             "sup text := intake_group('supervisor'); cw text := intake_group('caseworker');",
             "BEGIN"]
    for table, rule in RULES.items():
        lines += [
            f"DROP POLICY {table}_by_role ON {table};",
            f"EXECUTE format('CREATE POLICY {table}_all ON {table} TO %I, %I "
            "USING (true) WITH CHECK (true)', imp, sup);",
            f"EXECUTE format('CREATE POLICY {table}_mine ON {table} TO %I USING (' || "
            f"{_sql_literal(rule)} || ') WITH CHECK (' || {_sql_literal(rule)} || ')', cw);",
        ]
    lines.append("END $$")
    return ["\n".join(lines)]


MIGRATION_12: list[str] = _statements()
