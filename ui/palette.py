"""Light and dark: the client follows the system's colour scheme (Qt 6.5+ reports it and
announces changes), or the choice in Settings. Dark uses the Fusion style with a dark
palette, because the platform styles (Windows' in particular) do not draw dark widgets;
light goes back to the platform's own style and palette."""
from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

log = logging.getLogger(__name__)

THEME_KEY = "ui/theme"
SYSTEM, LIGHT, DARK = "system", "light", "dark"
CHOICES = (SYSTEM, LIGHT, DARK)

_platform_style: str | None = None
_following = False


def chosen_theme() -> str:
    value = QSettings().value(THEME_KEY, SYSTEM)
    return value if value in CHOICES else SYSTEM


def set_chosen_theme(choice: str) -> None:
    if choice not in CHOICES:
        raise ValueError(f"unknown theme {choice!r}")
    QSettings().setValue(THEME_KEY, choice)


def system_scheme(app: QApplication) -> str:
    """"dark" or "light" as the system reports it (unknown counts as light)."""
    return DARK if app.styleHints().colorScheme() == Qt.ColorScheme.Dark else LIGHT


def dark_palette() -> QPalette:
    """A dark palette with readable contrast for text, selection, links and disabled text."""
    p = QPalette()
    window, base, alt, button = QColor(45, 45, 48), QColor(30, 30, 32), QColor(40, 40, 43), QColor(55, 55, 59)
    text, dim = QColor(232, 232, 232), QColor(140, 140, 145)
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base, QPalette.ColorRole.AlternateBase: alt,
        QPalette.ColorRole.ToolTipBase: QColor(60, 60, 64), QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: dim, QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: button, QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 110, 110),
        QPalette.ColorRole.Light: QColor(80, 80, 85), QPalette.ColorRole.Midlight: QColor(65, 65, 70),
        QPalette.ColorRole.Mid: QColor(100, 100, 105), QPalette.ColorRole.Dark: QColor(25, 25, 27),
        QPalette.ColorRole.Shadow: QColor(10, 10, 10),
        QPalette.ColorRole.Highlight: QColor(42, 130, 218), QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Link: QColor(110, 170, 255), QPalette.ColorRole.LinkVisited: QColor(190, 140, 255),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 120, 124))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor(70, 70, 75))
    return p


def apply(app: QApplication, choice: str | None = None, *, system: str | None = None) -> str:
    """Give the application the palette for `choice` (default: the Settings choice, which
    by default follows the system; `system` says what the system's scheme is, when
    known already); returns "dark" or "light"."""
    global _platform_style
    if _platform_style is None:
        _platform_style = app.style().name()
    choice = choice or chosen_theme()
    scheme = (system or system_scheme(app)) if choice == SYSTEM else choice
    if scheme == DARK:
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
    else:
        style = QStyleFactory.create(_platform_style) or QStyleFactory.create("Fusion")
        app.setStyle(style)
        app.setPalette(style.standardPalette())
    log.info("colour scheme %s (choice %s)", scheme, choice)
    return scheme


def follow_system(app: QApplication) -> None:
    """Apply the chosen scheme now and again whenever the system's scheme changes."""
    global _following
    apply(app)
    if not _following:
        _following = True
        app.styleHints().colorSchemeChanged.connect(lambda scheme: _system_changed(app, scheme))


def _system_changed(app: QApplication, scheme) -> None:
    if chosen_theme() == SYSTEM:
        apply(app, SYSTEM, system=DARK if scheme == Qt.ColorScheme.Dark else LIGHT)
