"""Overwrite-then-unlink of small files: ``store.erase`` (the store's re-key uses it too)."""

from intake_app.store.erase import SMALL_FILE_MAX, fsync_dir, overwrite_in_place, shred, unlink

__all__ = ["SMALL_FILE_MAX", "fsync_dir", "overwrite_in_place", "shred", "unlink"]
