"""The people of a team HQ: one PostgreSQL login each, in one of four roles the database
enforces (store.pg.roles), and the profile a team member opens the HQ with.

``TeamAdmin`` is the database owner's: add, list and remove people. Passwords are given
by the caller (a prompt or stdin, never argv) and reach the server only as a SCRAM
verifier. Each change is an entry in HQ's event log.

``join_team`` makes a member's own profile folder: passphrase-protected like any
profile, holding only the connection string and the HQ store's id; no key. Opened with
``HQService(folder, db_password=...)``, the service then works as that login: the
database decides what it sees, and content reads go through the logged functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from intake_app.errors import NotFound, ProfileError, UsageError
from intake_app.hq import eventlog
from intake_app.store import meta as store_meta
from intake_app.store import profile as store_profile
from intake_app.store.ids import now_ms

ROLES = ("importer", "supervisor", "caseworker", "auditor")
# Lower-case PostgreSQL identifiers, no quoting surprises (and not our group names).
_LOGIN = re.compile(r"[a-z_][a-z0-9_]{1,47}\Z")


@dataclass(frozen=True)
class TeamMember:
    login: str
    role: str


def check_login(login: str) -> str:
    if not _LOGIN.match(login):
        raise UsageError(f"bad login name {login!r}: 2-48 of a-z, 0-9 and _, "
                         "not starting with a digit")
    return login


class TeamAdmin:
    """The owner's connection to a team HQ database (``with TeamAdmin(url) as t:``)."""

    def __init__(self, database: str, password: str | None = None) -> None:
        from intake_app.store.pg import roles
        from intake_app.store.pg.db import PgDatabase, check_no_password

        check_no_password(database)
        self._roles = roles
        self._db = PgDatabase(database, password=password)
        try:
            if store_meta.get_meta(self._db, "kind") != "hq":
                raise ProfileError("that database holds no HQ store (intake hq init first)")
            if roles.group_of(self._db.conn) != "owner":
                raise ProfileError("only the HQ database's owner manages its people")
        except BaseException:
            self._db.close()
            raise

    def __enter__(self) -> TeamAdmin:
        return self

    def __exit__(self, *exc: object) -> None:
        self._db.close()

    def people(self) -> list[TeamMember]:
        return [TeamMember(login, role) for login, role in self._roles.people(self._db.conn)]

    def add(self, login: str, role: str, password: str) -> TeamMember:
        check_login(login)
        if role not in ROLES:
            raise UsageError(f"unknown role {role!r}: one of {', '.join(ROLES)}")
        if len(password) < 12:
            raise UsageError("the password must have at least 12 characters")
        if self._roles.role_exists(self._db.conn, login):
            raise ProfileError(f"a database role {login} exists already")
        with self._db.transaction() as conn:
            self._roles.add_person(conn, login, role, password)
            self._log(conn, "team-add", {"login": login, "role": role})
        return TeamMember(login, role)

    def remove(self, login: str) -> None:
        if login not in {p.login for p in self.people()}:
            raise NotFound(f"{login} is nobody in this HQ")
        with self._db.transaction() as conn:
            self._roles.remove_person(conn, login)
            self._log(conn, "team-remove", {"login": login})

    def _log(self, conn: object, kind: str, detail: dict[str, str]) -> None:
        # No signing key here (it stays on the importer's machine): the importer's next
        # checkpoint signs over this entry.
        eventlog.append_entry(conn, kind=kind, detail=detail, at=now_ms(), signing_key=None,
                              hq_id=store_meta.get_meta(self._db, "hq_id") or "")


def join_team(data_dir: Path, passphrase: str, database: str,
              db_password: str | None = None, blobs: str | None = None) -> TeamMember:
    """A new profile in ``data_dir`` for this login's work in the team HQ ``database``
    (the login must have a role there). Holds no key: only where the store is, and
    ``blobs``, the bucket of its attachments (s3://bucket/prefix; read with the
    member's own S3 settings from the environment)."""
    from intake_app import objstore
    from intake_app.services.hq_backend import (
        BLOBS_KEY,
        DATABASE_KEY,
        NO_ROLE,
        STORE_ID_KEY,
        connect,
    )
    from intake_app.store.pg import roles
    from intake_app.store.pg.db import check_no_password

    check_no_password(database)
    if blobs is not None:
        objstore.parse_url(blobs)  # a bad URL: one line, before anything is made
    if store_profile.profile_exists(data_dir):
        raise ProfileError(f"a profile already exists in {data_dir}")
    pg = connect(database, db_password)
    try:
        role = roles.group_of(pg.conn)
        store_id = store_meta.get_meta(pg, STORE_ID_KEY)
        if store_meta.get_meta(pg, "kind") != "hq" or store_id is None:
            raise ProfileError("that database holds no HQ store")
        if role is None:
            raise ProfileError(NO_ROLE)
        login = roles.login(pg.conn)
    finally:
        pg.close()
    db = store_profile.create_profile(data_dir, passphrase, "hq")
    try:
        with db.transaction() as conn:
            store_meta.put_meta(conn, {DATABASE_KEY: database, STORE_ID_KEY: store_id,
                                       **({BLOBS_KEY: blobs} if blobs else {})})
    finally:
        db.close()
    return TeamMember(login, role)
