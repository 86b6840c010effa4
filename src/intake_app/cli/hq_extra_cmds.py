"""Commands added by a later issue; registered from intake_app.cli."""

from __future__ import annotations

from typing import Any


def register(sub: Any, hq_sub: Any) -> None:
    """No commands yet. ``sub``: top-level subparsers; ``hq_sub``: those of ``intake hq``."""
