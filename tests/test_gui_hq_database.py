"""The HQ first-run wizard's team database dialog, against the session's real PostgreSQL
(tests/pg_helpers.py): a new HQ created in it, a password typed once and never saved, a
service name, and the refusals (wrong password, a database already holding an HQ)."""

from __future__ import annotations

import secrets
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from intake_app.gui.hq.connect_dialog import DatabaseDialog
from intake_app.services.hq import HQService
from tests.conftest import scan_for
from tests.pg_helpers import PgServer
from tests.test_gui_hq_support import HQ_PASS, open_hq_window
from tests.test_gui_support import type_text

pytestmark = pytest.mark.gui


def _fill(dlg: DatabaseDialog, server: PgServer, dbname: str, user: str,
          password: str = "") -> None:
    dlg.host.setText(str(server.socket_dir))
    dlg.port.setValue(server.port)
    dlg.dbname.setText(dbname)
    dlg.user.setText(user)
    dlg.password.setText(password)


def _test(qtbot, dlg: DatabaseDialog) -> str:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dlg.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.test_button.isEnabled(), timeout=15_000)
    return dlg.status.text()


def _create(qtbot, window, org: str = "Team Org") -> HQService:  # type: ignore[no-untyped-def]
    page = window.setup_wizard.profile_page
    type_text(page.org, org)
    page.fields.first.setText(HQ_PASS)
    page.fields.second.setText(HQ_PASS)
    window.setup_wizard.next()
    keys = window.setup_wizard.keys_page
    qtbot.waitUntil(lambda: keys.done or "failed" in keys.status.text(), timeout=30_000)
    assert keys.done, keys.status.text()
    return window.session.hq  # type: ignore[no-any-return]


def _holds_hq(server: PgServer, dbname: str) -> str | None:
    with psycopg.connect(server.dsn(dbname)) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'org_name'").fetchone()
    return None if row is None else str(row[0])


def test_new_hq_in_a_team_database_with_a_typed_password(
        qtbot, tmp_path: Path, pg_server: PgServer) -> None:  # type: ignore[no-untyped-def]
    login, password = "hq_owner_" + secrets.token_hex(3), "pw-" + secrets.token_urlsafe(12)
    dbname = "gui_" + secrets.token_hex(4)
    with psycopg.connect(pg_server.dsn(), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {login} LOGIN CREATEROLE PASSWORD '{password}'")
        conn.execute(f'CREATE DATABASE "{dbname}" OWNER {login}')
    window = open_hq_window(qtbot, tmp_path / "hq")
    page = window.setup_wizard.profile_page
    assert "On this computer" in page.store_label.text()
    dlg = page.choose_database()
    _fill(dlg, pg_server, dbname, login, "not the password")
    assert "cannot connect" in _test(qtbot, dlg)
    dlg.password.setText(password)
    assert "Connected to PostgreSQL" in _test(qtbot, dlg) and "empty" in dlg.status.text()
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.database_url is not None, timeout=10_000)
    assert dlg.password.text() == ""  # the field is emptied when the dialog closes
    assert dbname in page.store_label.text() and password not in (page.database_url or "")
    svc = _create(qtbot, window)
    assert page.database_password is None
    assert _holds_hq(pg_server, dbname) == "Team Org"
    assert svc.meta("org_name") == "Team Org"
    # The password was typed, never written: not in the profile, the settings, the temp.
    assert scan_for(tmp_path, password) == []


def test_service_name_and_refusals(qtbot, tmp_path: Path, pg_server: PgServer,
                                   monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    used = pg_server.new_database("gui")
    HQService(tmp_path / "other", pg_server.store_url(used)).init_hq(HQ_PASS, "Other Org")
    fresh = pg_server.new_database("gui")
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[teamhq]\nhost={pg_server.socket_dir}\nport={pg_server.port}\n"
                        f"dbname={fresh}\nuser={pg_server.admin}\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    window = open_hq_window(qtbot, tmp_path / "hq")
    page = window.setup_wizard.profile_page
    dlg = page.choose_database()
    # Nothing given: a one-line message, no connection tried.
    qtbot.mouseClick(dlg.test_button, Qt.MouseButton.LeftButton)
    assert "give the server" in dlg.status.text()
    _fill(dlg, pg_server, used, pg_server.admin)
    assert "already holds an HQ store" in _test(qtbot, dlg)
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()  # OK tests first: refused
    qtbot.wait(300)
    qtbot.waitUntil(lambda: dlg.test_button.isEnabled(), timeout=15_000)
    assert dlg.isVisible() and page.database_url is None
    dlg.by_service.setChecked(True)
    assert not dlg.host.isEnabled() and dlg.service.isEnabled()
    dlg.service.setText("teamhq")
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()  # tests, then accepts
    qtbot.waitUntil(lambda: page.database_url is not None, timeout=15_000)
    assert page.database_url == "postgresql:///?service=teamhq"
    _create(qtbot, window, "Service Org")
    assert _holds_hq(pg_server, fresh) == "Service Org"
    # Reopened from the profile alone: the database is the one the service named.
    window.session.hq.lock()
    again = HQService(tmp_path / "hq")
    again.unlock(HQ_PASS)
    assert again.meta("org_name") == "Service Org"
    again.lock()


def test_a_members_unlock_asks_for_the_database_password_and_never_saves_it(
        qtbot, tmp_path: Path, pg_server: PgServer,
        monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """No ~/.pgpass or service file: the unlock screen asks (a wrong one is asked again
    with the server's reason), unlocks with it, and asks again after a lock."""
    from intake_app.services.hq_team import TeamAdmin, join_team
    from tests.test_gui_hq_support import wait_idle

    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    dbname = pg_server.new_database("gui")
    HQService(tmp_path / "owner", pg_server.store_url(dbname)).init_hq(HQ_PASS, "Team Org")
    login, password = "cw_" + secrets.token_hex(3), "pw-" + secrets.token_urlsafe(12)
    with TeamAdmin(pg_server.store_url(dbname)) as team:
        team.add(login, "caseworker", password)
    member = tmp_path / "member"
    join_team(member, HQ_PASS, pg_server.store_url(dbname, login), password)
    window = open_hq_window(qtbot, member)
    page = window.unlock_page
    page.passphrase.setText(HQ_PASS)
    page.try_unlock()
    qtbot.waitUntil(lambda: page.db_password_dialog is not None, timeout=15_000)
    dlg = page.db_password_dialog
    assert "no password supplied" in dlg.reason.text()
    dlg.password.setText("not the password")
    dlg.accept()
    qtbot.waitUntil(lambda: page.db_password_dialog not in (None, dlg), timeout=15_000)
    again = page.db_password_dialog
    assert "password authentication failed" in again.reason.text()
    again.password.setText(password)
    again.accept()
    assert again.password.text() == ""  # emptied as the dialog closes
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=15_000)
    wait_idle(qtbot, window)
    assert window.session.is_unlocked
    # A caseworker's screens: only those their role can use, none showing a refusal.
    ws = window.workspace
    assert [ws.tabText(i).replace("&", "") for i in range(ws.count())] == [
        "Records", "Cases", "Dashboard"]
    for i in range(ws.count()):
        ws.setCurrentIndex(i)
        wait_idle(qtbot, window)
    assert not [lab.text() for lab in window.findChildren(QLabel) if "refused" in lab.text()]
    assert not window.export_action.isEnabled()
    window.lock()
    assert scan_for(tmp_path, password) == []  # profile, settings, temp: never written
    page = window.unlock_page
    page.passphrase.setText(HQ_PASS)
    page.try_unlock()  # forgotten at lock: asked again; Cancel leaves the reason shown
    qtbot.waitUntil(lambda: page.db_password_dialog is not None, timeout=15_000)
    page.db_password_dialog.reject()
    qtbot.waitUntil(lambda: "no password supplied" in page.error.text(), timeout=10_000)
    assert not window.session.is_unlocked
