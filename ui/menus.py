"""The program's own menus on the main window: File (Settings, Quit) and Help (open the
log folder, About LTC Desk, About Qt). Feature menus are the features' business."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMessageBox

from app.logs import current_log_file
from app.paths import log_dir

translate = QCoreApplication.translate


def install_program_menus(window) -> dict[str, QAction]:
    """Add File and Help to `window`'s menu bar; returns the actions by name."""
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("Menus", "&File"))
    file_menu.setObjectName("fileMenu")
    settings = QAction(translate("Menus", "&Settings…"), window)
    settings.setMenuRole(QAction.MenuRole.PreferencesRole)
    settings.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
    settings.triggered.connect(lambda: open_settings(window))
    quit_action = QAction(translate("Menus", "&Quit"), window)
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
    quit_action.triggered.connect(window.close)
    file_menu.addAction(settings)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    help_menu = bar.addMenu(translate("Menus", "&Help"))
    help_menu.setObjectName("helpMenu")
    logs = QAction(translate("Menus", "Open the &log folder"), window)
    logs.triggered.connect(open_log_folder)
    about = QAction(translate("Menus", "&About LTC Desk"), window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: open_about(window))
    about_qt = QAction(translate("Menus", "About &Qt"), window)
    about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
    about_qt.triggered.connect(lambda: QMessageBox.aboutQt(window))
    help_menu.addAction(logs)
    help_menu.addSeparator()
    help_menu.addAction(about)
    help_menu.addAction(about_qt)
    return {"settings": settings, "quit": quit_action, "logs": logs, "about": about, "about_qt": about_qt}


def open_settings(window) -> None:
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window)
    if dialog.exec() and dialog.language_changed and hasattr(window, "statusBar"):
        window.statusBar().showMessage(
            translate("Menus", "The new language takes effect when LTC Desk starts again."), 10000)


def open_about(window) -> None:
    from ui.about import AboutDialog

    AboutDialog(window).exec()


def open_log_folder() -> None:
    log_file = current_log_file()
    folder = log_file.parent if log_file else log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


