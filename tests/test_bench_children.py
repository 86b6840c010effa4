"""The benches' child processes run the code of the tree the bench is in, not the package
the venv has installed: an A/B against an older commit (its tree from ``git archive``,
the same venv) must measure that commit (bench/_common.py ``child_pythonpath``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench import _common


def test_a_child_imports_intake_app_from_the_benchs_own_tree(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "other-tree"
    (other / "src" / "intake_app").mkdir(parents=True)
    (other / "src" / "intake_app" / "__init__.py").write_text("TREE = 'other'\n")
    monkeypatch.setattr(_common, "ROOT", other)
    out = _common.run_child(
        "import json, intake_app\n"
        "print(json.dumps({'tree': getattr(intake_app, 'TREE', 'installed'),"
        " 'file': intake_app.__file__}))")
    assert out["tree"] == "other", out
    assert Path(out["file"]).is_relative_to(other / "src")
