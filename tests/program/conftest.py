"""Program fixtures: QSettings in the test's temp dir, the root logger put back after a
test that set up log files, and the application's look restored."""
from __future__ import annotations

import logging

import pytest


@pytest.fixture
def isolated_settings(tmp_path, qapp):
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("LTC Desk Tests")
    QCoreApplication.setApplicationName("LTC Desk Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    yield


@pytest.fixture
def root_logging():
    """Whatever a test does to the root logger (app.logs.setup_logging replaces its
    handlers) is undone afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture
def restore_look(qapp):
    """Style and palette as they were: other tests share the QApplication."""
    style, palette = qapp.style().name(), qapp.palette()
    yield qapp
    from PySide6.QtWidgets import QStyleFactory

    qapp.setStyle(QStyleFactory.create(style))
    qapp.setPalette(palette)
