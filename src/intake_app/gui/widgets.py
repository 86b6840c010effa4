"""Small builders for what nearly every screen repeats."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def wrapped_label(text: str = "", name: str = "") -> QLabel:
    """A label that wraps its text (translations run longer than English); ``name``:
    its object name, by which tests and screenshots find it."""
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    return label
