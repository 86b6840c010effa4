"""Issue 14, finding 3: two ``hq import`` runs at once on one HQ store.

Real processes, started together, importing the same bundles: every bundle is imported
exactly once, the other run reports it as ``duplicate``, neither run fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_helpers import HQ_PASS, Setup, enrolled_pair, example_values


def _bundles(s: Setup, tmp_path: Path, n: int) -> list[Path]:
    usb = tmp_path / "usb"
    usb.mkdir()
    out: list[Path] = []
    for i in range(n):
        f = tmp_path / f"v{i}.json"
        f.write_text(json.dumps(example_values(interviewer_notes=f"bundle {i}")))
        rid = s.f("record", "new", "--form", "hrd_intake", "--json", f).out.strip()
        assert s.f("record", "finalize", rid).rc == 0
        att = tmp_path / f"photo{i}.jpg"
        att.write_bytes(os.urandom(400_000))
        assert s.f("attach", rid, att).rc == 0
        r = s.f("export", "--to", usb)
        assert r.rc == 0, r.err
        out += [Path(p) for p in r.out.split()]
    return out


def _import_proc(s: Setup, bundles: list[Path]) -> subprocess.Popen[str]:
    env = dict(os.environ, INTAKE_PASSPHRASE=HQ_PASS)
    code = "import sys; from intake_app.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.Popen(
        [sys.executable, "-c", code, "--data-dir", str(s.hq), "hq", "import", "--json",
         *map(str, bundles)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("round_", range(2))
def test_two_imports_at_once(tmp_path: Path, round_: int) -> None:
    s = enrolled_pair(tmp_path)
    bundles = _bundles(s, tmp_path, 4)
    procs = [_import_proc(s, bundles), _import_proc(s, list(reversed(bundles)))]
    results = [p.communicate(timeout=300) for p in procs]
    verdicts: dict[str, list[str]] = {str(b): [] for b in bundles}
    for p, (out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
        assert "internal error" not in err and "IntegrityError" not in err, err
        for o in json.loads(out):
            verdicts[o["path"]].append(o["verdict"])
    for path, vs in verdicts.items():
        assert sorted(vs) == ["duplicate", "imported"], (path, vs)
    # HQ holds each record once, and the store is sound.
    imported = s.h("hq", "records", "list", "--json").json()
    assert len(imported) == len(bundles)
    from intake_app.services.hq import HQService

    with HQService(s.hq) as svc:
        svc.unlock(HQ_PASS)
        assert svc.check() == []


def test_duplicate_found_inside_the_transaction(tmp_path: Path) -> None:
    """The chain check before the transaction can be stale: the commit itself re-checks,
    so a bundle committed meanwhile by another run is a duplicate, not a UNIQUE error."""
    from intake_app.services.hq import HQService

    s = enrolled_pair(tmp_path)
    [bundle] = _bundles(s, tmp_path, 1)
    with HQService(s.hq) as svc:
        svc.unlock(HQ_PASS)
        stale = svc._known_chains()
        assert svc.import_bundle(bundle).verdict == "imported"
        svc._known_chains = lambda: stale  # type: ignore[method-assign]
        again = svc.import_bundle(bundle)
    assert again.verdict == "duplicate", again
