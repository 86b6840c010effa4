"""File helpers the GUI and the CLI use for what they write (re-exported from paths/hq)."""

from intake_app import boundedjson
from intake_app.hq.files import write_private
from intake_app.paths import atomic_write, ensure_private_dir, resolve_data_dir

__all__ = ["atomic_write", "boundedjson", "ensure_private_dir", "resolve_data_dir",
           "write_private"]
