"""Per-device bundle chains: sequence numbers plus prev = previous statement hash.

Rules (checked by HQ on import and by auditors over a directory of bundles):
  duplicate  same device+sequence, same statement hash: an exact replay, skip it.
  fork       same device+sequence, different hash: refuse, report the device.
  wrong-prev seq-1 is known and prev differs from its statement hash: refuse.
  older      seq below the highest known and seq-1 unknown, so the bundle cannot be
             linked to anything HQ holds: refuse (a late volume that links to a known
             predecessor fills a gap and is accepted).
  gap        sequences missing below the highest seen: reported, not refused, so a
             lost USB stick does not block the volumes after it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from intake_app.errors import BundleError

if TYPE_CHECKING:
    from intake_app.crypto.bundle import VerifiedBundle

FindingKind = Literal["duplicate", "fork", "wrong-prev", "older", "gap"]
REFUSE: frozenset[str] = frozenset({"fork", "wrong-prev", "older"})


@dataclass(frozen=True)
class ChainFinding:
    kind: FindingKind
    device_id: str
    sequence: int  # for a gap: the first missing sequence
    statement_hash: str = ""  # hex, the bundle concerned ("" for gaps)
    detail: str = ""

    @property
    def refuse(self) -> bool:
        return self.kind in REFUSE

    def error(self) -> BundleError:
        msg = f"{self.kind}: device {self.device_id} #{self.sequence} {self.detail}"
        return BundleError("chain", msg.strip())


def check_chain(
    verified: Iterable[VerifiedBundle],
    known: Mapping[str, Sequence[tuple[int, str]]] | None = None,
) -> list[ChainFinding]:
    """Classify ``verified`` (any order) against ``known`` {device_id: [(seq, hash hex)]}."""
    state: dict[str, dict[int, str]] = {d: dict(v) for d, v in (known or {}).items()}
    findings: list[ChainFinding] = []
    for v in sorted(verified, key=lambda b: (b.device_id, b.sequence)):
        seqs = state.setdefault(v.device_id, {})
        s, h, prev = v.sequence, v.statement_hash.hex(), v.prev.hex()
        if s in seqs:
            kind: FindingKind = "duplicate" if seqs[s] == h else "fork"
            findings.append(ChainFinding(kind, v.device_id, s, h, f"known {seqs[s][:16]}"))
            continue
        if s - 1 in seqs and seqs[s - 1] != prev:
            findings.append(ChainFinding("wrong-prev", v.device_id, s, h, "prev mismatch"))
            continue
        if seqs and s < max(seqs) and s - 1 not in seqs and s != 1:
            findings.append(ChainFinding("older", v.device_id, s, h, f"highest {max(seqs)}"))
            continue
        seqs[s] = h
    for dev, seqs in sorted(state.items()):
        if not seqs:
            continue
        missing = sorted(set(range(1, max(seqs) + 1)) - set(seqs))
        for i, m in enumerate(missing):
            if i == 0 or missing[i - 1] != m - 1:
                findings.append(ChainFinding("gap", dev, m, "", "sequence missing"))
    return findings


def enforce_chain(findings: Iterable[ChainFinding], *, refuse_gaps: bool = False) -> None:
    """Raise BundleError('chain') for the first refusing finding."""
    for f in findings:
        if f.refuse or (refuse_gaps and f.kind == "gap"):
            raise f.error()
