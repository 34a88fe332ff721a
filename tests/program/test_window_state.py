"""The main window comes back as it was left (geometry, last view, navigation width) and
carries the program's menus."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from ui import about, menus

pytestmark = pytest.mark.usefixtures("isolated_settings")


@pytest.fixture
def ws(store, qtbot):
    from ui.workspace import Workspace

    workspace = Workspace(store)
    yield workspace
    workspace.ops.wait()


def make_window(ws, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(ws)
    qtbot.addWidget(window)
    return window


def test_geometry_last_view_and_navigation_width_are_restored(ws, qtbot):
    window = make_window(ws, qtbot)
    window.restore()
    window.show()
    window.resize(760, 540)
    window.show_view("deals")
    total = sum(window.splitter.sizes())
    window.splitter.setSizes([260, total - 260])
    sizes = window.splitter.sizes()
    assert sizes != make_window(ws, qtbot).splitter.sizes()
    qtbot.waitUntil(ws.ops.idle, timeout=10000)
    window.close()

    again = make_window(ws, qtbot)
    again.restore()
    again.show()
    qtbot.waitUntil(ws.ops.idle, timeout=10000)
    assert again.current_view == "deals"
    assert again.size() == window.size()
    assert again.splitter.sizes() == sizes


def test_file_and_help_menus_open_settings_and_about(ws, qtbot, monkeypatch):
    window = make_window(ws, qtbot)
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert "File" in titles and "Help" in titles
    opened = []
    monkeypatch.setattr(about.AboutDialog, "exec", lambda self: opened.append(self.title.text()) or 0)
    window.program_actions["about"].trigger()
    assert opened and "LTC Desk" in opened[0]

    from ui.settings_dialog import SettingsDialog

    monkeypatch.setattr(SettingsDialog, "exec", lambda self: opened.append(self.windowTitle()) or 0)
    window.program_actions["settings"].trigger()
    assert opened[-1] == "Settings"
    monkeypatch.setattr(QMessageBox, "aboutQt", lambda parent: opened.append("Qt"))
    window.program_actions["about_qt"].trigger()
    assert opened[-1] == "Qt"


def test_open_log_folder_opens_the_folder_of_the_current_log(tmp_path, monkeypatch, root_logging):
    from app import logs

    path = logs.setup_logging("client", folder=tmp_path / "logs", console_level=None)
    urls = []
    monkeypatch.setattr(menus.QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()))
    menus.open_log_folder()
    assert urls == [str(path.parent)]
