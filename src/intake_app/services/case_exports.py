"""Consent enforced: referrals and purpose-bound exports (referral, advocacy,
statistics). Which field holds which consent is the form's declaration
(``metadata.casework.consent``); only an explicit yes allows. A purpose without
consent is refused with the reason, and the refusal goes into the signed event log.

* Referral of a case: the package holds only the records whose consent allows
  referral, and only the fields the form's referral template lists; refused when no
  record of the case consents.
* Export for a purpose: refused if any selected record lacks that consent, unless
  the caller asks to leave those records out (``only_consenting``; the count left
  out is reported and logged). Statistics are aggregated with small-cell
  suppression (``hq.purpose``), never per person.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from intake_app.errors import ConsentRefused, IntakeError, UsageError
from intake_app.hq import purpose as hq_purpose
from intake_app.hq.casework import EXPORT_PURPOSES, TRANSITIONS
from intake_app.hq.export import display_values
from intake_app.models import CaseFilter, PurposeExport, Referral
from intake_app.services.base import locked
from intake_app.services.cases import CaseDesk, _need, digest
from intake_app.store import cases as store_cases
from intake_app.store import meta as store_meta
from intake_app.store.ids import now_ms

STATISTICS_K_META = "statistics_k"
_SHOWN = 5  # refusals name this many cases, then a count


class Member:
    __slots__ = ("case_id", "form_id", "record_id", "values", "version")

    def __init__(self, case_id: str, record_id: str, form_id: str, version: str,
                 values: dict[str, Any]) -> None:
        self.case_id, self.record_id, self.form_id = case_id, record_id, form_id
        self.version, self.values = version, values


class ConsentDesk(CaseDesk):
    """Mixed into HQService after CaseDesk."""

    def _members(self, case_ids: Sequence[str]) -> list[Member]:
        out = []
        for cid in case_ids:
            for rid, fid, ver, data, _c in store_cases.member_data(self._store, cid):
                out.append(Member(cid, rid, fid, ver, json.loads(data)))
        return out

    def _split(self, members: list[Member], purpose: str
               ) -> tuple[list[Member], list[tuple[Member, str]]]:
        allowed, refused = [], []
        for m in members:
            ok, why = self.casework(m.form_id, m.version).consent_for(purpose, m.values)
            if ok:
                allowed.append(m)
            else:
                refused.append((m, why))
        return allowed, refused

    def _refuse(self, purpose: str, actor: str, refused: list[tuple[Member, str]],
                what: str) -> ConsentRefused:
        cases = list(dict.fromkeys(m.case_id for m, _ in refused))
        reasons = Counter(why for _, why in refused)
        with self._store.transaction() as conn:
            self._log_in(conn, "consent-refused", {
                "purpose": purpose, "by": actor, "what": what, "records": len(refused),
                "cases": cases[:50], "reasons": dict(sorted(reasons.items()))})
            if what == "referral":
                for cid in cases:
                    store_cases.add_history(conn, cid, now_ms(), actor, "refer-refused",
                                            {"purpose": purpose}, "; ".join(sorted(reasons)))
        named = ", ".join(cases[:_SHOWN]) + (f" and {len(cases) - _SHOWN} more"
                                             if len(cases) > _SHOWN else "")
        why = "; ".join(f"{r} ({n})" for r, n in sorted(reasons.items()))
        return ConsentRefused(f"{purpose} refused: no {purpose} consent for {len(refused)} "
                              f"record(s) of case(s) {named}: {why}")

    def statistics_k(self) -> int:
        raw = store_meta.get_meta(self._store, STATISTICS_K_META)
        return int(raw) if raw else hq_purpose.DEFAULT_K

    @locked
    def set_statistics_k(self, k: int, *, actor: str) -> None:
        """HQ policy: the smallest count a statistics export shows."""
        if k < hq_purpose.MIN_K:
            raise UsageError(f"k must be at least {hq_purpose.MIN_K}")
        with self._store.transaction() as conn:
            store_meta.put_meta(conn, {STATISTICS_K_META: str(k)})
            self._log_in(conn, "policy", {"statistics_k": k, "by": actor})

    # -- referral ---------------------------------------------------------------------
    @locked
    def refer(self, case_id: str, partner: str, need: str, *, actor: str, reason: str,
              out: Path | None = None, lang: str | None = None) -> Referral:
        """Refer a case to a partner. Writes the package (JSON, 0600) to ``out``."""
        actor, reason = _need(actor, "who (--as)"), _need(reason, "a reason")
        partner, need = _need(partner, "the partner"), _need(need, "the need")
        self._ensure_cases()
        s = self._live(case_id)
        allowed, refused = self._split(self._members([case_id]), "referral")
        if not allowed:
            raise self._refuse("referral", actor, refused, "referral")
        package = self._package(case_id, partner, need, allowed, lang)
        at = now_ms()
        with self._store.transaction() as conn:
            rid = store_cases.add_referral(conn, case_id, at, actor, partner, need, reason,
                                           [m.record_id for m in allowed])
            if "referred" in TRANSITIONS.get(s.status, ()):
                store_cases.update_case(conn, case_id, at, status="referred",
                                        prev_status=s.status, status_at=at)
            self._change(conn, case_id, actor, "refer", {
                "referral": rid, "partner_sha256": digest(partner), "need": need,
                "records": len(allowed), "left_out": len(refused),
                "from": s.status}, reason, at)
        if out is not None:
            hq_purpose.write_jsonl(Path(out), [package])
        return Referral(id=rid, case_id=case_id, at=at, actor=actor, partner=partner,
                        need=need, reason=reason,
                        records=tuple(m.record_id for m in allowed))

    def _package(self, case_id: str, partner: str, need: str, allowed: list[Member],
                 lang: str | None) -> dict[str, Any]:
        recs = []
        for m in allowed:
            cw = self.casework(m.form_id, m.version)
            form = self.registry().get(m.form_id, m.version)
            shown = display_values(form, m.values, lang or form.default_language)
            recs.append({"record_id": m.record_id,
                         "values": hq_purpose.pick_fields(shown, cw.referral_fields)})
        return {"type": "intake-referral", "case": case_id, "partner": partner, "need": need,
                "records": recs}

    @locked
    def referral_package(self, case_id: str, lang: str | None = None) -> dict[str, Any]:
        """What a referral of this case would carry now (consenting records only)."""
        allowed, _ = self._split(self._members([case_id]), "referral")
        return self._package(case_id, "", "", allowed, lang)

    # -- purpose-bound exports ----------------------------------------------------------
    @locked
    def export_purpose(self, purpose: str, out: Path, *, actor: str,
                       case_ids: Sequence[str] | None = None, flt: CaseFilter | None = None,
                       only_consenting: bool = False, k: int | None = None,
                       lang: str | None = None, fmt: str = "jsonl") -> PurposeExport:
        """Export the selected cases (``case_ids``, else the filter's, closed included)
        for one purpose. ``out``: a JSON Lines file (referral, advocacy; ``fmt="uwazi"``:
        Uwazi's CSV import format) or a folder of CSV tables (statistics)."""
        actor = _need(actor, "who (--as)")
        if fmt not in ("jsonl", "uwazi") or (fmt == "uwazi" and purpose == "statistics"):
            raise UsageError(f"format {fmt!r}: jsonl or uwazi (referral, advocacy)")
        if purpose not in EXPORT_PURPOSES:
            raise UsageError(f"unknown purpose {purpose!r} (one of: "
                             f"{', '.join(EXPORT_PURPOSES)})")
        self._ensure_cases()
        if case_ids is None:
            sel = flt or CaseFilter(queue="all", status=None)
            ids = [r[0] for r in store_cases.list_cases(self._store, sel, "9999-12-31", -1, 0)]
            if flt is None:
                ids += [r[0] for r in store_cases.list_cases(
                    self._store, CaseFilter(queue="closed"), "9999-12-31", -1, 0)]
        else:
            ids = list(case_ids)
            for cid in ids:
                self._live(cid)
        allowed, refused = self._split(self._members(ids), purpose)
        if refused and not only_consenting:
            raise self._refuse(purpose, actor, refused, "export")
        if not allowed:
            raise IntakeError(f"nothing to export for {purpose}: no selected record "
                              "consents")
        out = Path(out)
        k_used: int | None = None
        if purpose == "statistics":
            k_used = k if k is not None else self.statistics_k()
            people = self._people(allowed)
            dims = self._dimensions(allowed)
            paths = hq_purpose.write_statistics(
                out, hq_purpose.statistics(people, dims, k_used))
        else:
            rows = []
            for m in allowed:
                cw = self.casework(m.form_id, m.version)
                fields = cw.referral_fields if purpose == "referral" else cw.advocacy_fields
                form = self.registry().get(m.form_id, m.version)
                shown = display_values(form, m.values, lang or form.default_language)
                row: dict[str, Any] = {"values": hq_purpose.pick_fields(shown, fields)}
                if purpose == "referral":  # advocacy: no ids that lead back to a person
                    row = {"case": m.case_id, "record_id": m.record_id, **row}
                rows.append(row)
            if fmt == "uwazi":
                cols = list(dict.fromkeys(
                    f for m in allowed for f in (
                        self.casework(m.form_id, m.version).referral_fields
                        if purpose == "referral" else
                        self.casework(m.form_id, m.version).advocacy_fields)))
                titled = [{"title": self._summary(r["case"]).display_name if
                           purpose == "referral" else f"{purpose} {i + 1}", **r}
                          for i, r in enumerate(rows)]
                hq_purpose.write_uwazi(out, titled, cols)
            else:
                hq_purpose.write_jsonl(out, rows)
            paths = [str(out)]
        cases = len({m.case_id for m in allowed})
        with self._store.transaction() as conn:
            self._log_in(conn, "export-purpose", {
                "purpose": purpose, "by": actor, "cases": cases, "records": len(allowed),
                "excluded": len(refused), "k": k_used})
        return PurposeExport(purpose=purpose, paths=tuple(paths), cases=cases,
                             records=len(allowed), excluded=len(refused), k=k_used)

    def _dimensions(self, members: list[Member]) -> list[str]:
        dims: dict[str, None] = {}
        for m in members:
            for d in self.casework(m.form_id, m.version).statistics_dimensions:
                dims.setdefault(d, None)
        return list(dims)

    @staticmethod
    def _people(members: list[Member]) -> list[dict[str, Any]]:
        """One value set per case: the newest consenting record speaks for the person."""
        by_case: dict[str, dict[str, Any]] = {}
        for m in members:
            by_case[m.case_id] = m.values
        return list(by_case.values())
