"""Helpers shared by the benchmarks: timing, percentiles, peak RSS of a child."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def child_pythonpath() -> str:
    """PYTHONPATH for a bench's child processes: this tree's ``src`` first, so that a
    bench run from another tree (an A/B against ``git archive`` of an older commit)
    measures that tree's code, not the package the venv has installed (an editable
    install's finder comes after PYTHONPATH), then the tree itself (tests/, bench/)."""
    return os.pathsep.join([str(ROOT / "src"), str(ROOT)])


def pct(samples: list[float], q: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, round(q / 100 * (len(s) - 1)))]


def ms(x: float) -> str:
    return f"{x * 1000:.2f} ms"


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def run_child(code: str, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run python ``code`` in a fresh process; it prints one JSON line. Adds peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False,
        env={**os.environ, **(env or {}), "PYTHONPATH": child_pythonpath()},
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr)
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the max over all children so far: only trust growth.
    result["peak_rss_mib"] = round(max(peak, before) / 1024, 1)
    return result


def peak_rss_of(cmd: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS MiB) of an external command, via GNU time if present."""
    t = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, check=True)
    dt = time.perf_counter() - t
    rss_kib = int(proc.stderr.decode().strip().splitlines()[-1])
    return dt, rss_kib / 1024


# The start of every measured child script: its peak RSS (VmHWM) reset and read.
HWM_PRELUDE = r"""
import json, os, sys, time
from pathlib import Path
def reset_hwm():
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) / 1024
"""
