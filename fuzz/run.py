"""atheris harness for the fuzz targets in fuzz/targets.py (one per untrusted-bytes parser).

    .venv/bin/python fuzz/run.py TARGET [atheris/libFuzzer options] [corpus_dir ...]
    make fuzz                      # every target (and fuzz_xlsform.py), FUZZ_RUNS each

TARGET is one of: bundle, receipt, provisioning, keyring, dropbox, payload. The valid
seed inputs are written to a fresh corpus folder first, so mutation starts from inputs
that reach deep into the parser. A crash (any exception but the parser's documented
error) stops the run and leaves the input in ./crash-*.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris  # type: ignore[import-not-found]

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with atheris.instrument_imports():
    from fuzz.targets import TARGETS, seeds


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: run.py {{{','.join(TARGETS)}}} [atheris options] [corpus ...]")
    name = sys.argv.pop(1)
    target = TARGETS[name]
    corpus = Path(tempfile.mkdtemp(prefix=f"fuzz-{name}-"))
    for i, seed in enumerate(seeds()[name]):
        (corpus / f"seed-{i}").write_bytes(seed)
    args = list(sys.argv)
    if not any(not a.startswith("-") for a in args[1:]):
        args.append(str(corpus))
    atheris.Setup(args, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
