"""Record and attachment ids, and the millisecond clock every table uses."""

from __future__ import annotations

import time
import uuid


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def new_id() -> str:
    return uuid.uuid4().hex
