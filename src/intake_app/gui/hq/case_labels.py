"""How the case screens name statuses, priority levels, needs, provinces, priority
reasons and follow-ups, in the interface language (needs, provinces and the fields and
choices a reason names come from the forms, via the service's DeskVocabulary)."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from intake_app.gui.i18n import local_digits
from intake_app.models import CaseSummary, DeskVocabulary

LEVEL_COLOURS = {"urgent": QColor("#b00020"), "high": QColor("#e65100"),
                 "medium": QColor("#f9a825"), "low": QColor("#607d8b")}
STATUS_COLOURS = {"new": QColor("#1565c0"), "triaged": QColor("#6a1b9a"),
                  "in_progress": QColor("#00838f"), "referred": QColor("#2e7d32"),
                  "closed": QColor("#9e9e9e")}
OTHER = QColor("#78909c")


class CaseLabels(QObject):
    """Translations live in the "CaseLabels" context (self.tr is what lupdate reads)."""

    def status_text(self, status: str) -> str:
        return {
            "new": self.tr("New"),
            "triaged": self.tr("Triaged"),
            "in_progress": self.tr("In progress"),
            "referred": self.tr("Referred"),
            "closed": self.tr("Closed"),
        }.get(status, status)

    def level_text(self, level: str) -> str:
        return {
            "low": self.tr("Low"),
            "medium": self.tr("Medium"),
            "high": self.tr("High"),
            "urgent": self.tr("Urgent"),
            "auto": self.tr("As the form says"),
        }.get(level, level)

    def action_text(self, action: str) -> str:
        return {
            "opened": self.tr("Opened"),
            "status": self.tr("Status changed"),
            "reopen": self.tr("Reopened"),
            "priority": self.tr("Priority changed"),
            "assign": self.tr("Assigned"),
            "note": self.tr("Note"),
            "follow-up": self.tr("Follow-up added"),
            "follow-up-done": self.tr("Follow-up done"),
            "refer": self.tr("Referred"),
            "refer-refused": self.tr("Referral refused"),
            "merge": self.tr("Merged"),
            "merged-into": self.tr("Merged into another case"),
            "unmerge": self.tr("Unmerged"),
            "unmerged-from": self.tr("Unmerged"),
            "not-duplicate": self.tr("Marked as not a duplicate"),
            "not-duplicate-undone": self.tr("Not-a-duplicate mark undone"),
        }.get(action, action)

    def no_name(self) -> str:
        return self.tr("(no name)")

    def reason_text(self, vocab: DeskVocabulary | None, reason: str) -> str:
        """A priority reason as the case desk stores it (hq.casework: "urgent:
        risk_level in extreme", "high: document_expiry within 60 days"), in words."""
        m = _WITHIN.fullmatch(reason)
        if m:
            return self.tr("{level}: {field} within {n} days").format(
                level=self.level_text(m[1]), field=_field(vocab, m[2]),
                n=local_digits(m[3]))
        m = _IN.fullmatch(reason)
        if m:
            names = (vocab.values.get(m[2], {}) if vocab else {})
            shown = [{"True": self.tr("yes"), "False": self.tr("no")}.get(v, names.get(v, v))
                     for v in m[3].split(", ")]
            return self.tr("{level}: {field} is {values}").format(
                level=self.level_text(m[1]), field=_field(vocab, m[2]),
                values=self.tr(", ").join(shown))
        return reason

    def follow_up_text(self, vocab: DeskVocabulary | None, label: str) -> str:
        """A follow-up the form declared (its stored label) in the interface language,
        with how long before the form's date it falls due; an analyst's as written."""
        text = vocab.follow_ups.get(label, label) if vocab else label
        days = vocab.follow_up_days.get(label, 0) if vocab else 0
        if days:
            return self.tr("{what} ({n} days before)").format(what=text,
                                                               n=local_digits(str(days)))
        return text


_WITHIN = re.compile(r"(\w+): (\S+) within (\d+) days")
_IN = re.compile(r"(\w+): (\S+) in (.+)")


def _field(vocab: DeskVocabulary | None, name: str) -> str:
    return vocab.fields.get(name, name) if vocab else name


_LABELS: CaseLabels | None = None


def _labels() -> CaseLabels:
    global _LABELS
    if _LABELS is None:
        _LABELS = CaseLabels()
    return _LABELS


def status_text(status: str) -> str:
    return _labels().status_text(status)


def level_text(level: str) -> str:
    return _labels().level_text(level)


def action_text(action: str) -> str:
    return _labels().action_text(action)


def reason_text(vocab: DeskVocabulary | None, reason: str) -> str:
    return _labels().reason_text(vocab, reason)


def follow_up_text(vocab: DeskVocabulary | None, label: str) -> str:
    return _labels().follow_up_text(vocab, label)


def need_text(vocab: DeskVocabulary | None, need: str) -> str:
    return vocab.needs.get(need, need) if vocab else need


def province_text(vocab: DeskVocabulary | None, province: str) -> str:
    return vocab.provinces.get(province, province) if vocab else province


def needs_text(vocab: DeskVocabulary | None, s: CaseSummary) -> str:
    return ", ".join(need_text(vocab, n) for n in s.needs)


def name_of(s: CaseSummary) -> str:
    return s.display_name or _labels().no_name()
