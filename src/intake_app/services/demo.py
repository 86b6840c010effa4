""""Try a demo": a practice HQ and an enrolled field profile with sample records.

Built from public service calls alone, under ``base_dir``, apart from any real
profile, so a newcomer can walk interview -> export -> HQ import safely.
The sample people are fictional.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from intake_app.forms import builtin_forms_dir
from intake_app.services.field import FieldService
from intake_app.services.hq import HQService

DEMO_ORG = "Demo HQ (practice only)"
SAMPLE_NAMES = (("مریم احمدی", "Maryam Ahmadi"), ("فرشته کریمی", "Fereshta Karimi"),
                ("احمد ظاهر", "Ahmad Zaher"))


def _example() -> dict[str, Any] | None:
    path = builtin_forms_dir() / "examples" / "hrd_intake.json"
    try:
        values: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return values


def create_demo(base_dir: Path, passphrase: str) -> tuple[Path, Path]:
    """Make ``base_dir/hq`` and ``base_dir/field`` (enrolled, with sample records).

    Returns (field dir, hq dir); both open with ``passphrase``."""
    base_dir = Path(base_dir)
    hq_dir, field_dir = base_dir / "hq", base_dir / "field"
    hq = HQService(hq_dir)
    hq.init_hq(passphrase, DEMO_ORG)
    try:
        provisioning = hq.provisioning()
        fp = hq.fingerprint()
        field = FieldService(field_dir)
        field.create(passphrase)
        try:
            _info, card = field.enroll(provisioning, fp, label="demo laptop")
            example = _example()
            if example is not None and "hrd_intake" in field.registry():
                for i, (native, latin) in enumerate(SAMPLE_NAMES):
                    rid = field.new_record("hrd_intake", {**example, "name_native": native,
                                                          "name_latin": latin}, "en")
                    if i < 2:
                        field.finalize(rid, "en")
        finally:
            field.lock()
        hq.enroll_device(card)
    finally:
        hq.lock()
    return field_dir, hq_dir
