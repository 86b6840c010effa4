"""An HQ profile with received records, for the case desk tests and benchmarks.

Records enter the way a bundle import writes them (``store.received.store_revision``),
without sealing a bundle for each: the desk reads what import wrote."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intake_app.services.hq import HQService
from intake_app.store.received import store_revision

EXAMPLE = Path(__file__).resolve().parents[1] / "forms" / "examples" / "hrd_intake.json"
PASS = "hq case desk passphrase"


@dataclass(frozen=True)
class Rev:
    record_id: str
    form_id: str
    form_version: str
    created_at: int
    rev: int
    saved_at: int
    values: dict[str, Any] = field(default_factory=dict)


def example(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}


def make_hq(root: Path, database: str | None = None) -> HQService:
    """``database``: a PostgreSQL URL (the ``hq_backend`` fixture); None: SQLCipher."""
    svc = HQService(root / "hq", database)
    svc.init_hq(PASS, "Test Org")
    return svc


def seed(svc: HQService, records: list[dict[str, Any]], *, version: str = "2025.2",
         device: str = "dev-1", at: int = 1_750_000_000_000, ids: list[str] | None = None,
         rev: int = 1) -> list[str]:
    out = []
    with svc._store.transaction() as conn:
        for i, values in enumerate(records):
            rid = ids[i] if ids else uuid.uuid4().hex
            store_revision(conn, Rev(rid, "hrd_intake", version, at + i, rev, at + i + rev,
                                     values), device, 1)
            out.append(rid)
    svc._sync_cases()
    return out
