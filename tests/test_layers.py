"""The layer table of docs/architecture.md, enforced on the code.

Every import between the units of ``intake_app`` (its subpackages and its top-level
modules) counts: module level, inside functions (lazy), under ``TYPE_CHECKING``,
relative, ``from intake_app import x`` and ``importlib.import_module("intake_app.x")``.
The code may import only what the table allows, the table lists no edge the code
does not use (so it stays exact), and neither has a cycle.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import intake_app

PKG = Path(intake_app.__file__).parent
DOC = Path(__file__).resolve().parents[1] / "docs" / "architecture.md"

Edges = dict[tuple[str, str], list[str]]


def unit_of(rel: Path) -> str:
    """``store/db.py`` -> ``store``; ``errors.py`` -> ``errors``; ``__init__.py`` -> ``""``."""
    if len(rel.parts) > 1:
        return rel.parts[0]
    return "" if rel.stem == "__init__" else rel.stem


def _targets(node: ast.AST, rel: Path) -> list[str]:
    """Dotted intake_app module names ``node`` imports (empty if none)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            here = ["intake_app", *rel.parent.parts]
            base = here[: len(here) - node.level + 1]
            module = ".".join([*base, *([node.module] if node.module else [])])
        else:
            module = node.module or ""
        if module == "intake_app":  # from intake_app import errors, __version__
            return [f"intake_app.{a.name}" for a in node.names]
        return [module]
    if (
        isinstance(node, ast.Call)
        and (
            getattr(node.func, "id", "") == "__import__"
            or getattr(node.func, "attr", "") == "import_module"
        )
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return [node.args[0].value]
    return []


def import_edges(root: Path) -> Edges:
    """{(importing unit, imported unit): [file:line, ...]} for the package at ``root``."""
    edges: Edges = {}
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        src = unit_of(rel)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for target in _targets(node, rel):
                parts = target.split(".")
                if parts[0] != "intake_app" or len(parts) < 2:
                    continue
                dst = parts[1]
                if not (root / dst).is_dir() and not (root / f"{dst}.py").exists():
                    continue  # a name such as __version__, not a unit
                if dst != src and src:
                    edges.setdefault((src, dst), []).append(f"{rel}:{node.lineno}")
    return edges


def read_table(text: str) -> dict[str, set[str]]:
    """The table under '## Layers' in docs/architecture.md: | `unit` | `a`, `b` |."""
    section = text.split("## Layers", 1)[1].split("\n## ", 1)[0]
    table: dict[str, set[str]] = {}
    for line in section.splitlines():
        m = re.match(r"\|\s*`([a-z_]+)`\s*\|(.*)\|\s*$", line)
        if m:
            table[m.group(1)] = set(re.findall(r"`([a-z_]+)`", m.group(2).split("|")[0]))
    return table


def violations(edges: Edges, table: dict[str, set[str]]) -> list[str]:
    return [
        f"{src} -> {dst} ({', '.join(where[:3])})"
        for (src, dst), where in sorted(edges.items())
        if dst not in table.get(src, set())
    ]


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as [a, b, ..., a], or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                return [*stack[stack.index(m):], m]
            if m not in state and (found := visit(m)) is not None:
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state and (found := visit(n)) is not None:
            return found
    return None


def _graph(edges: Edges) -> dict[str, set[str]]:
    g: dict[str, set[str]] = {}
    for src, dst in edges:
        g.setdefault(src, set()).add(dst)
    return g


TABLE = read_table(DOC.read_text(encoding="utf-8"))


def test_the_table_names_every_unit() -> None:
    units = {unit_of(p.relative_to(PKG)) for p in PKG.rglob("*.py")} - {""}
    assert units == set(TABLE)


def test_imports_stay_inside_the_table() -> None:
    assert violations(import_edges(PKG), TABLE) == []


def test_the_table_lists_only_imports_that_exist() -> None:
    used = set(import_edges(PKG))
    listed = {(src, dst) for src, dsts in TABLE.items() for dst in dsts}
    assert sorted(listed - used) == []


def test_no_cycle_between_units() -> None:
    assert find_cycle(_graph(import_edges(PKG))) is None
    assert find_cycle(TABLE) is None


def test_gui_and_cli_call_services_only() -> None:
    for front in ("gui", "cli"):
        # `resources` only locates package data (translation and font files): no logic.
        # The CLI may call the other front, the GUI (its PDF writer for the monthly
        # report), which is held to the same rule: nothing below services either way.
        allowed = {"services", "models", "errors", "forms", "resources"}
        assert TABLE[front] <= allowed | ({"gui"} if front == "cli" else set())
    assert "cli" not in TABLE["gui"]


# -- the checker catches what it must ------------------------------------------------


def _fake_package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "intake_app"
    for name, body in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(body)
    for d in [root, *[p for p in root.rglob("*") if p.is_dir()]]:
        (d / "__init__.py").touch()
    return root


@pytest.mark.parametrize(
    "body",
    [
        "from intake_app.store.db import Database\n",
        "import intake_app.store.records\n",
        "def f():\n    from intake_app.store import records\n",  # lazy
        "import typing\nif typing.TYPE_CHECKING:\n    from intake_app.store import db\n",
        "from ..store import db\n",  # relative
        "from intake_app import store\n",
        "import importlib\nimportlib.import_module('intake_app.store.db')\n",
    ],
)
def test_an_injected_violation_is_caught(tmp_path: Path, body: str) -> None:
    files = {"gui/view.py": body, "store/db.py": "", "store/records.py": ""}
    root = _fake_package(tmp_path, files)
    found = violations(import_edges(root), {"gui": {"services"}, "store": set()})
    assert len(found) == 1 and found[0].startswith("gui -> store (gui/view.py:")


def test_the_real_tree_with_one_injected_import_fails(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "intake_app"
    shutil.copytree(PKG, root, ignore=shutil.ignore_patterns("translations", "fonts", "*.json"))
    assert violations(import_edges(root), TABLE) == []
    view = root / "gui" / "records_view.py"
    view.write_text(view.read_text() + "\n\ndef _peek():\n    from intake_app.store import db\n")
    assert violations(import_edges(root), TABLE) == [f"gui -> store (gui/records_view.py:"
                                                     f"{view.read_text().count(chr(10))})"]


def test_an_injected_cycle_is_caught(tmp_path: Path) -> None:
    root = _fake_package(tmp_path, {
        "store/a.py": "def f():\n    from intake_app.services import b\n",
        "services/b.py": "from intake_app.store import a\n",
    })
    assert find_cycle(_graph(import_edges(root))) in (
        ["services", "store", "services"], ["store", "services", "store"])


def test_the_table_parser_reads_the_page() -> None:
    text = "## Layers\n\n| unit | may import |\n|---|---|\n| `gui` | `services`, `models` |\n" \
           "| `errors` | (nothing) |\n\n## Next\n| `x` | `y` |\n"
    assert read_table(text) == {"gui": {"services", "models"}, "errors": set()}
