"""The team database (PostgreSQL) a new HQ keeps its store in, for the GUI's connection
dialog: a connection URL from its fields (never holding a password), a test that changes
nothing, and handing the choice to an HQService before ``init_hq``.

The password, when the role has one, is what the user typed: kept in the service's memory
for this session only, never written anywhere. Later sessions find it in ``~/.pgpass``,
``PGPASSFILE`` or a libpq service file, or the unlock screen asks for it
(``typed_password``; docs/team-server.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from intake_app.errors import UsageError

if TYPE_CHECKING:
    from intake_app.services.hq import HQService


@dataclass(frozen=True)
class DatabaseTarget:
    """Where the store is: ``host`` a name, an address or a Unix socket folder (starting
    with /); or ``service``, a libpq service name (its file gives the rest; any field
    given here overrides it)."""

    host: str = ""
    port: int | None = None
    dbname: str = ""
    user: str = ""
    service: str = ""


@dataclass(frozen=True)
class DatabaseCheck:
    server_version: str
    user: str
    database: str
    holds_hq: bool


def connection_url(t: DatabaseTarget) -> str:
    """A postgresql:// URL for ``t`` (libpq parameters in the query: a socket folder is a
    path, not a host name a URL can carry)."""
    host, dbname, user, service = (x.strip() for x in (t.host, t.dbname, t.user, t.service))
    if not service and not (host and dbname):
        raise UsageError("give the server (host or socket folder) and the database, "
                         "or a service name")
    query = {k: v for k, v in (("service", service), ("host", host),
                               ("port", "" if t.port is None else str(t.port)),
                               ("user", user)) if v}
    return f"postgresql:///{quote(dbname, safe='')}?{urlencode(query)}"


def check(url: str, password: str | None = None) -> DatabaseCheck:
    """Connect once and report; one-line errors (StoreCorrupt, UsageError)."""
    from intake_app.store.pg.probe import probe

    p = probe(url, password or None)
    return DatabaseCheck(p.server_version, p.user, p.database, p.holds_hq)


def use(svc: HQService, url: str | None, password: str | None = None) -> None:
    """Before ``svc.init_hq``: create the new HQ's store in ``url`` (None: the profile's
    own SQLCipher file)."""
    if url is not None:
        from intake_app.store.pg.db import check_no_password

        check_no_password(url)
    svc._database, svc._db_password = url, (password or None) if url else None


def typed_password(svc: HQService, password: str) -> None:
    """The team database password typed at the unlock screen's prompt (after the unlock
    failed with DatabaseLoginFailed), for the next ``unlock``: in memory only, forgotten
    when the service locks."""
    with svc._lock:
        svc._db_password, svc._db_password_typed = password or None, True


def wants_password(svc: object, exc: BaseException) -> bool:
    """Whether a failed unlock of ``svc`` is one a database password prompt can fix."""
    from intake_app.errors import DatabaseLoginFailed

    return isinstance(exc, DatabaseLoginFailed) and hasattr(svc, "_db_password_typed")
