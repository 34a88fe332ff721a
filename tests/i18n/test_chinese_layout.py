"""Every view in Chinese at 1366x768: no text cut off, no widgets on top of each other
(ui/layout_check.py). The screenshots in docs/screenshots show the same at 200%."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.seed import seed_profile
from tests.conftest import as_role
from ui import i18n
from ui.layout_check import english_left, problems

SIZE = (1366, 768)


@pytest.fixture
def chinese(tmp_path, qapp):
    QCoreApplication.setOrganizationName("LTC Desk Tests")
    QCoreApplication.setApplicationName("LTC Desk Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    i18n.install(qapp, i18n.CHINESE)
    yield
    i18n.install(qapp, i18n.ENGLISH)
    QLocale.setDefault(QLocale.system())


@pytest.fixture
def window(store, chinese, qtbot):
    as_role(store, "admin")  # every page, the administration too
    seed_profile(store, customers=40, deals=60, activities=60, contacts=30, seed=3)
    from ui.main_window import MainWindow
    from ui.workspace import Workspace

    workspace = Workspace(store)
    win = MainWindow(workspace)
    qtbot.addWidget(win)
    win.resize(*SIZE)
    win.show()
    assert (win.width(), win.height()) == SIZE
    qtbot.waitUntil(workspace.ops.idle, timeout=10000)
    yield win
    workspace.ops.wait()


def test_the_checker_notices_cut_off_text_and_overlaps(qtbot):
    """The check itself: a squeezed button and two widgets placed on one spot are found."""
    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    squeezed = QPushButton("一个相当长的按钮标题文字", box)
    squeezed.setMaximumWidth(40)
    layout.addWidget(squeezed)
    first, second = QLabel("甲", box), QLabel("乙", box)
    layout.addWidget(first)
    layout.addWidget(second)
    box.show()
    second.setGeometry(first.geometry())
    found = problems(box)
    assert any(line.startswith("cut off:") and "一个相当长" in line for line in found)
    assert any(line.startswith("overlap:") for line in found)


def test_every_view_fits_in_chinese_at_1366x768(window, qtbot):
    assert window.windowTitle().startswith("LTC Desk")
    assert window.nav.item(0).text() == "工作台"
    found = {}
    for key in list(window.pages):
        window.show_view(key)
        qtbot.waitUntil(window.ws.ops.idle, timeout=10000)
        qtbot.wait(30)
        issues = problems(window)
        if issues:
            found[key] = issues
    assert not found, "\n".join(f"{view}: {line}" for view, lines in found.items() for line in lines)


def test_the_program_dialogs_fit_in_chinese(chinese, qtbot):
    from ui.about import AboutDialog
    from ui.settings_dialog import SettingsDialog

    for dialog in (AboutDialog(), SettingsDialog()):
        qtbot.addWidget(dialog)
        dialog.show()
        assert problems(dialog) == []


def test_no_english_is_left_on_any_view_in_chinese(window, qtbot):
    """Text that reaches the screen through a variable lupdate cannot follow (a table of
    names, a choice list) shows up here when nobody marked it for translation."""
    kept = {w for w in (window.ws.actor.display_name or "", window.ws.actor.username) for w in w.split()}
    found = {}
    for key in list(window.pages):
        window.show_view(key)
        qtbot.waitUntil(window.ws.ops.idle, timeout=10000)
        left = english_left(window, kept)
        if left:
            found[key] = left
    assert not found, "\n".join(f"{view}: {line}" for view, lines in found.items() for line in lines)
