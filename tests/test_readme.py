"""The README's command-line walk-through, run as written, leaves the checkout clean."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _walkthrough() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## The command line", 1)[1]
    match = re.search(r"```sh\n(.*?)```", section, re.S)
    assert match, "no sh block in the README's command-line section"
    return match.group(1)


def _status() -> str:
    # Untracked and changed files, plus what .gitignore would hide of the walk-through's own
    # (a bytecode cache written meanwhile is not the walk-through's doing).
    status = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain"],
                            capture_output=True, text=True, check=True).stdout
    hidden = sorted(p.name for p in REPO.iterdir() if p.name in ("hq", "field", "usb")
                    or p.suffix == ".sig")
    return status + "\n".join(hidden)


def test_readme_walkthrough_runs_from_a_scratch_folder(tmp_path: Path) -> None:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs the git checkout")
    venv = Path(sys.prefix)
    if not (REPO / ".venv").exists() or (REPO / ".venv").resolve() != venv.resolve():
        pytest.skip("the README activates the checkout's .venv; this is another Python")
    script = _walkthrough()
    assert "~/intake-demo" in script
    before = _status()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "INTAKE_"))}
    env.update(HOME=str(tmp_path), INTAKE_PASSPHRASE="one demo passphrase",
               INTAKE_TESTING_FAST_KDF="1", XDG_DATA_HOME=str(tmp_path / ".local" / "share"))
    r = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=REPO, env=env,
                       capture_output=True, text=True, timeout=300, check=False)
    assert r.returncode == 0, f"{r.stdout[-2000:]}\n{r.stderr[-2000:]}"
    demo = tmp_path / "intake-demo"
    for made in ("hq", "field", "provisioning.sig", "card.sig", "keyring.sig", "usb/receipts"):
        assert (demo / made).exists(), made
    assert re.search(r"^OK ", r.stdout, re.M), r.stdout  # intake verify
    assert _status() == before, "the walk-through wrote into the checkout"
