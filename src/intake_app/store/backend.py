"""What the services hold as "the store": the SQLCipher file (``store.db.Database``) or,
for a team HQ, PostgreSQL (``store.pg.db.PgDatabase``). Both run the store's SQL; the
dialect differences are the store's (``store.pg.dialect``, ``store.search``)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol


class Store(Protocol):
    path: Path

    def execute(self, sql: str, params: Any = ()) -> Any: ...

    def transaction(self) -> AbstractContextManager[Any]: ...

    def integrity_problems(self) -> list[str]: ...

    def small_cache(self) -> AbstractContextManager[None]: ...

    def checkpoint(self) -> None: ...

    def close(self) -> None: ...
