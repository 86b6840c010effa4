"""How the case screens name statuses, priority levels, needs and provinces, in the
interface language (the needs and provinces come from the forms, via the service)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

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


def need_text(vocab: DeskVocabulary | None, need: str) -> str:
    return vocab.needs.get(need, need) if vocab else need


def province_text(vocab: DeskVocabulary | None, province: str) -> str:
    return vocab.provinces.get(province, province) if vocab else province


def needs_text(vocab: DeskVocabulary | None, s: CaseSummary) -> str:
    return ", ".join(need_text(vocab, n) for n in s.needs)


def name_of(s: CaseSummary) -> str:
    return s.display_name or _labels().no_name()
