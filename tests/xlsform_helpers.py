"""The XLSForm fixture builders in tests/xlsforms/ (plain scripts, not a package), loaded
as modules for the tests that build their workbooks."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load_fixtures(name: str) -> ModuleType:
    """tests/xlsforms/<name>.py as a module, loaded once per process."""
    key = f"xlsform_{name}"
    if key in sys.modules:
        return sys.modules[key]
    path = Path(__file__).parent / "xlsforms" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(key, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module
