"""WHERE clauses from optional filters (one way for the record list and the case
queues): a filter left as None adds nothing; the SQL names columns of alias ``c``."""

from __future__ import annotations

from typing import Any


class Where:
    def __init__(self, *fixed: str) -> None:
        self.clauses: list[str] = list(fixed)
        self.params: list[Any] = []

    def add(self, clause: str, value: Any) -> None:
        """``clause`` with one ``?`` for ``value``, unless ``value`` is None."""
        if value is not None:
            self.clauses.append(clause)
            self.params.append(value)

    def equal(self, **columns: Any) -> None:
        for col, value in columns.items():
            self.add(f"c.{col} = ?", value)

    def between(self, col: str, since: Any, until: Any) -> None:
        """``since <= c.col <= until``, either end open when None."""
        self.add(f"c.{col} >= ?", since)
        self.add(f"c.{col} <= ?", until)

    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "TRUE"
