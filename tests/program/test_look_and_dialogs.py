"""The program's own surfaces: light and dark palettes following the system, the About and
Settings dialogs, the menus that open them, and the icon."""
from __future__ import annotations

import platform

import pytest
from PySide6.QtCore import QSettings, Qt, qVersion
from PySide6.QtGui import QGuiApplication, QPalette

from app import __version__
from ui import i18n, palette
from ui.about import AboutDialog
from ui.icons import app_icon
from ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.usefixtures("isolated_settings", "restore_look")


def _lightness(app, role=QPalette.ColorRole.Window) -> int:
    return app.palette().color(role).lightness()


def test_dark_scheme_gets_fusion_with_a_dark_palette_and_light_text(qapp):
    assert palette.apply(qapp, palette.DARK) == palette.DARK
    assert qapp.style().name().lower() == "fusion"
    assert _lightness(qapp) < 80 and _lightness(qapp, QPalette.ColorRole.Base) < 80
    assert _lightness(qapp, QPalette.ColorRole.WindowText) > 200
    assert _lightness(qapp, QPalette.ColorRole.Text) > 200
    disabled = qapp.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).lightness()
    assert 90 < disabled < 200  # readable, yet visibly off


def test_light_scheme_gets_a_light_palette_and_dark_text(qapp):
    palette.apply(qapp, palette.DARK)
    assert palette.apply(qapp, palette.LIGHT) == palette.LIGHT
    assert _lightness(qapp) > 180
    assert _lightness(qapp, QPalette.ColorRole.WindowText) < 80


def test_the_system_choice_follows_the_system_scheme_as_it_changes(qapp, monkeypatch):
    monkeypatch.setattr(palette, "system_scheme", lambda app: palette.DARK)
    palette.follow_system(qapp)
    assert _lightness(qapp) < 80
    hints = qapp.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert _lightness(qapp) > 180
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert _lightness(qapp) < 80


def test_an_explicit_light_choice_ignores_the_system_going_dark(qapp):
    palette.set_chosen_theme(palette.LIGHT)
    palette.follow_system(qapp)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert _lightness(qapp) > 180


def test_about_shows_version_licence_and_what_it_runs_on(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.body.text()
    assert __version__ in dialog.title.text()
    assert "MIT" in text
    assert qVersion() in text and platform.python_version() in text
    dialog.copy_details()
    copied = QGuiApplication.clipboard().text()
    assert f"version: {__version__}" in copied and "licence: MIT" in copied


def test_settings_store_the_language_for_the_next_start_and_apply_the_theme_now(qtbot, qapp):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == i18n.SYSTEM
    dialog.language.setCurrentIndex(dialog.language.findData(i18n.CHINESE))
    dialog.theme.setCurrentIndex(dialog.theme.findData(palette.DARK))
    dialog.accept()
    assert dialog.language_changed
    assert QSettings().value(i18n.LANGUAGE_KEY) == i18n.CHINESE
    assert i18n.chosen_language() == i18n.CHINESE
    assert palette.chosen_theme() == palette.DARK
    assert _lightness(qapp) < 80
    again = SettingsDialog()
    qtbot.addWidget(again)
    assert again.language.currentData() == i18n.CHINESE and again.theme.currentData() == palette.DARK


def test_the_icon_has_every_rendered_size():
    icon = app_icon()
    sizes = {s.width() for s in icon.availableSizes()}
    assert {16, 32, 48, 256} <= sizes
