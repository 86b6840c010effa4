"""Passphrase entry with a strength indication (shared by the wizard and settings)."""

from __future__ import annotations

import itertools
import math
import string

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QWidget,
)

MIN_LENGTH = 8  # the store refuses shorter passphrases

_COMMON = frozenset({
    "password", "passw0rd", "12345678", "123456789", "1234567890", "qwertyui", "qwerty123",
    "iloveyou", "afghanistan", "pakistan", "kabul123", "password1", "11111111", "abcdefgh",
})


def strength(passphrase: str) -> int:
    """A rough score 0–4: 0 too short or common, 4 very strong.

    Estimates bits from length and character variety; several words count
    as a passphrase (about 11 bits per word as in a diceware list).
    """
    if len(passphrase) < MIN_LENGTH or passphrase.lower() in _COMMON:
        return 0
    if len(set(passphrase)) <= 2:
        return 0
    pool = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        pool += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        pool += 26
    if any(c.isdigit() for c in passphrase):
        pool += 10
    if any(c in string.punctuation or c == " " for c in passphrase):
        pool += 33
    if any(ord(c) > 127 for c in passphrase):
        pool += 60  # Dari, Pashto, Urdu letters
    # Characters continuing a run (abcd, 1234, aaaa) add almost nothing.
    predictable = sum(1 for a, b in itertools.pairwise(passphrase)
                      if ord(b) - ord(a) in (-1, 0, 1))
    bits = (len(passphrase) - predictable) * math.log2(max(pool, 2)) + predictable
    words = [w for w in passphrase.split() if len(w) >= 3]
    if len(words) >= 3:
        bits = max(bits, len(words) * 11.0 + 10)
    if bits < 40:
        return 1
    if bits < 60:
        return 2
    if bits < 80:
        return 3
    return 4


class PassphraseFields(QWidget):
    """New passphrase + confirmation, a strength bar and a match message."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Repeat the passphrase"))
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.meter_label = QLabel()
        self.match_label = QLabel()
        self.show_box = QCheckBox(self.tr("Show passphrase"))
        lay = QFormLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        first_label = QLabel(self.tr("&New passphrase:"))
        first_label.setBuddy(self.first)
        second_label = QLabel(self.tr("&Repeat:"))
        second_label.setBuddy(self.second)
        lay.addRow(first_label, self.first)
        lay.addRow(second_label, self.second)
        lay.addRow(self.tr("Strength:"), self.meter)
        lay.addRow("", self.meter_label)
        lay.addRow("", self.match_label)
        lay.addRow("", self.show_box)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self.show_box.toggled.connect(self._toggle_echo)
        self.setTabOrder(self.first, self.second)
        self.setTabOrder(self.second, self.show_box)
        self._update()

    def _toggle_echo(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def strength_text(self, score: int) -> str:
        return [
            self.tr("Too short or too easy to guess (use at least 8 characters; "
                    "several words are best)"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Strong"),
            self.tr("Very strong"),
        ][score]

    def _update(self) -> None:
        text = self.first.text()
        score = strength(text)
        self.meter.setValue(score)
        self.meter_label.setText(self.strength_text(score) if text else "")
        if self.second.text() and self.second.text() != text:
            self.match_label.setText(self.tr("The two passphrases do not match."))
        else:
            self.match_label.setText("")
        self.changed.emit()

    def passphrase(self) -> str:
        return self.first.text()

    def is_acceptable(self) -> bool:
        text = self.first.text()
        return len(text) >= MIN_LENGTH and strength(text) > 0 and text == self.second.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
