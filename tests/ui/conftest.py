"""UI fixtures: a Workspace over a real profile, QSettings kept in the test's temp dir."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    QCoreApplication.setOrganizationName("LTC Desk Tests")
    QCoreApplication.setApplicationName("LTC Desk Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    yield


@pytest.fixture
def ws(store, qtbot):
    from ui.workspace import Workspace

    workspace = Workspace(store)
    yield workspace
    workspace.ops.wait()


def settle(qtbot, ws, timeout: int = 10000) -> None:
    """Wait until every background operation has delivered its result."""
    qtbot.waitUntil(ws.ops.idle, timeout=timeout)


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch):
    """A modal question left open would block the test run: answer Discard/No unless a
    test says otherwise (tests that expect a question patch it themselves)."""
    from PySide6.QtWidgets import QMessageBox

    def answer(*_args, **_kwargs):
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", answer)


from tests.support.clients import clients, server  # noqa: E402,F401  (fixtures: a real server)
