"""Every core error the field GUI can show reads in the interface language (issue 16):
each IntakeError kind has its own sentence, translated into Dari, Pashto and Urdu."""

from __future__ import annotations

import inspect

import pytest
from PySide6.QtWidgets import QApplication

from intake_app import errors as E
from intake_app.gui import i18n
from intake_app.gui.dialogs import error_text
from intake_app.gui.error_texts import TEXTS

pytestmark = pytest.mark.gui


def _kinds() -> list[type[E.IntakeError]]:
    return sorted((c for _n, c in inspect.getmembers(E, inspect.isclass)
                   if issubclass(c, E.IntakeError)), key=lambda c: c.__name__)


def _examples() -> list[E.IntakeError]:
    """One instance of every error kind (each bundle error kind too), English inside."""
    special: dict[type[E.IntakeError], list[E.IntakeError]] = {
        E.WrongPassphrase: [E.WrongPassphrase()],
        E.ValidationFailed: [E.ValidationFailed([E.FieldError("age", "this field is "
                                                                     "required")])],
        E.SaveFailed: [E.SaveFailed(E.DiskFull("disk full while saving"), "r1", {})],
        E.ExportCancelled: [E.ExportCancelled()],
        E.Cancelled: [E.Cancelled()],
        E.DropboxError: [E.DropboxError(409, "conflict", "sequence already held")],
        E.Problem: [E.Problem(503, "busy", "try again later")],
        E.AuthError: [E.AuthError("token expired", 401)],
        E.BundleError: [E.BundleError(k, "bad thing in the file") for k in E.BUNDLE_ERROR_KINDS],
    }
    out: list[E.IntakeError] = []
    for cls in _kinds():
        out.extend(special.get(cls) or [cls(f"{cls.__name__} happened in English")])
    return out


def test_every_error_kind_has_its_own_sentence() -> None:
    listed = {cls for cls, _text in TEXTS}
    # A kind added to errors.py later falls back to its base class's sentence (still
    # translated: the test below), until it gets its own here.
    assert len(listed & set(_kinds())) >= 24
    # most specific first: no entry is shadowed by a base class listed before it
    seen: list[type[E.IntakeError]] = []
    for cls, _text in TEXTS:
        assert not any(issubclass(cls, earlier) for earlier in seen), cls
        seen.append(cls)


def test_english_keeps_the_core_line(qtbot) -> None:
    for exc in _examples():
        assert error_text(exc) == str(exc)


@pytest.mark.parametrize("code", ["fa-AF", "ps", "ur"])
def test_each_error_kind_reads_in_the_interface_language(qtbot, code: str) -> None:
    mgr = i18n.LanguageManager(QApplication.instance())
    try:
        assert mgr.apply(code)
        texts = {}
        for exc in _examples():
            text = error_text(exc)
            assert text and text != str(exc)
            assert not any("a" <= c.lower() <= "z" for c in text), (type(exc), text)
            texts[text] = exc
        # a sentence per kind (and per bundle error kind), not one for all
        own = [exc for exc in _examples() if type(exc) in {cls for cls, _t in TEXTS}]
        assert len({error_text(exc) for exc in own}) == len(own) - 1  # SaveFailed: its cause
    finally:
        mgr.apply("en")


@pytest.mark.parametrize("code", ["fa-AF", "ps", "ur"])
def test_hq_first_run_wizard_buttons_are_translated(qtbot, tmp_path, code: str) -> None:
    """Qt's own "< Back" / "Finish" stayed English in Urdu (Qt has no Urdu translation)."""
    from PySide6.QtWidgets import QWizard

    from tests.test_gui_hq_support import open_hq_window

    window = open_hq_window(qtbot, tmp_path / "new-hq", code)
    try:
        wiz = window.setup_wizard
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                       QWizard.WizardButton.FinishButton):
            text = wiz.buttonText(button).replace("&", "")
            assert text and not any("a" <= c.lower() <= "z" for c in text.split("(")[0]), text
    finally:
        window.languages.apply("en")


@pytest.mark.parametrize("code", ["fa-AF", "ps", "ur"])
def test_standard_buttons_are_translated(qtbot, code: str) -> None:
    """Qt has no Pashto or Urdu translation: OK, Cancel, Yes, No were English there."""
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    mgr = i18n.LanguageManager(QApplication.instance())
    try:
        assert mgr.apply(code)
        box = QMessageBox(QMessageBox.Icon.Question, "t", "t",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        bar = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        texts = [box.button(QMessageBox.StandardButton.Yes).text(),
                 box.button(QMessageBox.StandardButton.No).text(),
                 bar.button(QDialogButtonBox.StandardButton.Ok).text(),
                 bar.button(QDialogButtonBox.StandardButton.Cancel).text()]
        for text in texts:
            assert text and not any("a" <= c.lower() <= "z" for c in text.split("(")[0]), texts
    finally:
        mgr.apply("en")
