"""Package data (forms, translations, fonts) located with ``importlib.resources``.

Works the same in an installed wheel, an editable checkout and the frozen app:
never a path relative to the repository.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def package_path(package: str, *parts: str) -> Path:
    """The folder or file ``parts`` inside ``package``, as a real file-system path."""
    root = resources.files(package)
    target = root.joinpath(*parts) if parts else root
    if isinstance(target, Path):
        return target
    # A zipped install would need extracting: the app's data is opened by Qt and by path.
    raise RuntimeError(f"{package}: package data is not on the file system ({target})")
