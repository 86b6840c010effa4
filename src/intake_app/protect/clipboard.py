"""Clipboard policy, Qt-free. The GUI owns the clipboard; this says when to clear it.

Rules: clear on lock and on panic (always); clear text the app copied after
``clear_after_ms`` if the clipboard still holds it (compare a digest, not the
text, so nothing else keeps a copy); never copy attachment contents.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from intake_app.protect import guard
from intake_app.store import profile as store_profile


@dataclass(frozen=True)
class ClipboardPolicy:
    clear_after_ms: int = guard.CLIPBOARD_DEFAULT_S * 1000
    clear_on_lock: bool = True


def clipboard_policy(data_dir: Path) -> ClipboardPolicy:
    """Read from profile.aux, so it works while locked too."""
    try:
        header = store_profile.read_header(data_dir)
    except Exception:
        return ClipboardPolicy()
    state = guard.read_state(data_dir, header.salt)
    seconds = state.settings.clipboard_clear_seconds if state else guard.CLIPBOARD_DEFAULT_S
    return ClipboardPolicy(clear_after_ms=seconds * 1000)


def digest(text: str) -> bytes:
    """Remember what was copied by digest; compare before clearing."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def should_clear(copied: bytes | None, current_text: str) -> bool:
    """True when the clipboard still holds what the app put there."""
    return copied is not None and digest(current_text) == copied

