"""Where forms come from: files in ``forms/`` and forms added at run time."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from intake_app.errors import FormError, NotFound
from intake_app.forms.model import Form
from intake_app.resources import package_path

FORMS_DIR_ENV = "INTAKE_FORMS_DIR"
# The repository's forms/ folder, mapped into the package by pyproject.toml.
BUILTIN_FORMS_PACKAGE = "intake_app.builtin_forms"


def builtin_forms_dir() -> Path:
    """``$INTAKE_FORMS_DIR``, else the forms shipped in the package (``builtin_forms``)."""
    env = os.environ.get(FORMS_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return package_path(BUILTIN_FORMS_PACKAGE)


def load_form_file(path: Path) -> Form:
    """Load a form JSON file; ``FormError`` names the file on any problem."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FormError(f"{path.name}: cannot read form file: {exc.strerror or exc}") from None
    try:
        return Form.from_json(data)
    except FormError as exc:
        raise FormError(f"{path.name}: {exc}") from None


_PART_RE = re.compile(r"(\d+)|(\D+)")


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Natural order: ``"2"`` < ``"10"``, ``"2024.1"`` < ``"2024.10"``."""
    return tuple((0, int(d)) if d else (1, s) for d, s in _PART_RE.findall(version))


class FormRegistry:
    """Forms by id and version. Files are read once, at construction."""

    def __init__(self, dirs: Sequence[Path] = ()) -> None:
        self._forms: dict[str, dict[str, Form]] = {}
        for d in dirs:
            self.load_dir(d)

    def load_dir(self, directory: Path) -> list[Form]:
        """Add every ``*.json`` form directly in ``directory`` (not sub-folders)."""
        loaded: list[Form] = []
        if not directory.is_dir():
            return loaded
        for path in sorted(directory.glob("*.json")):
            form = load_form_file(path)
            self.add(form)
            loaded.append(form)
        return loaded

    def add(self, form: Form) -> None:
        """Add (or replace with identical content) one form version."""
        versions = self._forms.setdefault(form.id, {})
        old = versions.get(form.version)
        if old is not None and old.canonical_json() != form.canonical_json():
            raise FormError(
                f"form {form.id} version {form.version} already exists with different content; "
                "give the changed form a new version"
            )
        versions[form.version] = form

    def extend(self, forms: Iterable[Form]) -> None:
        for form in forms:
            self.add(form)

    def get(self, form_id: str, version: str | None = None) -> Form:
        versions = self._forms.get(form_id)
        if not versions:
            raise NotFound(f"unknown form {form_id}")
        if version is None:
            return versions[max(versions, key=version_key)]
        form = versions.get(version)
        if form is None:
            raise NotFound(f"unknown version {version} of form {form_id}")
        return form

    def list(self) -> list[Form]:
        """Every form version, by id then version."""
        return [self._forms[i][v] for i in sorted(self._forms)
                for v in sorted(self._forms[i], key=version_key)]

    def __contains__(self, form_id: object) -> bool:
        return form_id in self._forms

    @classmethod
    def default_registry(cls) -> FormRegistry:
        return cls([builtin_forms_dir()])
