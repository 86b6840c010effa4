"""Only intake_app.gui may import Qt: the core stays usable headless."""

from __future__ import annotations

import ast
from pathlib import Path

import intake_app

PKG = Path(intake_app.__file__).parent
QT_ROOTS = {"PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2", "qtpy"}


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", "") == "__import__"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            roots.add(str(node.args[0].value).split(".")[0])
    return roots


def test_no_qt_outside_gui() -> None:
    offenders = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG)
        if rel.parts[0] == "gui":
            continue
        bad = _imported_roots(path) & QT_ROOTS
        if bad:
            offenders.append(f"{rel}: {sorted(bad)}")
    assert offenders == []


def test_checker_sees_qt_imports(tmp_path: Path) -> None:
    f = tmp_path / "m.py"
    f.write_text("from PySide6.QtCore import QObject\nimport shiboken6\n")
    assert _imported_roots(f) >= {"PySide6", "shiboken6"}


def test_core_imports_without_qt_loaded() -> None:
    import subprocess
    import sys

    code = (
        "import sys, intake_app.cli, intake_app.services, intake_app.store.db;"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


SQL_CALLS = {"execute", "executemany", "executescript"}


def _sql_calls(source: str) -> list[int]:
    """Lines that call ``.execute``/``.executemany``/``.executescript`` on anything."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in SQL_CALLS
    ]


def test_only_the_store_runs_sql() -> None:
    offenders = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG)
        if rel.parts[0] == "store":
            continue
        offenders += [f"{rel}:{n}" for n in _sql_calls(path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_sql_checker_catches_an_injected_call() -> None:
    src = "def f(svc):\n    return svc.db.execute('SELECT 1').fetchone()\n"
    assert _sql_calls(src) == [2]
    assert _sql_calls("def f(c):\n    c.executemany('x', [])\n") == [2]


def test_every_user_facing_error_is_in_the_error_tree() -> None:
    """Public exception classes live in errors.py and appear in its docstring tree."""
    from intake_app import errors

    names = {n for n, c in vars(errors).items() if isinstance(c, type)
             and issubclass(c, errors.IntakeError)}
    outside = []
    for path in PKG.rglob("*.py"):
        if path.name == "errors.py" and path.parent == PKG:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                getattr(b, "id", getattr(b, "attr", "")) in names | {"Exception"}
                for b in node.bases
            ) and not node.name.startswith("_"):
                outside.append(f"{path.relative_to(PKG)}: {node.name}")
    assert outside == []
    tree = errors.__doc__ or ""
    subclasses = [c for c in vars(errors).values()
                  if isinstance(c, type) and issubclass(c, errors.IntakeError)]
    assert len(subclasses) > 15
    assert [c.__name__ for c in subclasses if c.__name__ not in tree] == []


def test_outbox_states_and_bundle_kinds_are_enums() -> None:
    from intake_app.errors import BundleError, BundleErrorKind
    from intake_app.models import OutboxState

    assert BundleError("chain", "x").kind is BundleErrorKind.CHAIN
    assert OutboxState("pending") == "pending"
