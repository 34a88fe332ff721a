"""Import and export in the File menu: the import wizard, the import log, and exporting
the list on screen (CSV, XLSX; vCard for customers and contacts; iCalendar for
activities and tasks). The actions go first in the menu the program installs."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.records import export_menu
from ui.records.list_view import RecordListView

translate = QCoreApplication.translate


def current_list(window) -> RecordListView | None:
    """The list the window shows now (a list page, the deals tab, a report's drill-down)."""
    page = window.stack.currentWidget()
    if page is None:
        return None
    if isinstance(page, RecordListView):
        return page
    lists = [w for w in page.findChildren(RecordListView) if w.isVisibleTo(window)]
    return lists[0] if lists else None


def install_interchange_actions(window) -> dict[str, QAction]:
    """Put Import…, Import log… and Export ▸ at the top of `window`'s File menu; returns
    the actions by name."""
    file_menu = window.menuBar().findChild(QMenu, "fileMenu")
    if file_menu is None:
        file_menu = window.menuBar().addMenu(translate("Menus", "&File"))
    first = file_menu.actions()[0] if file_menu.actions() else None
    import_action = QAction(translate("ImportMenu", "&Import…"), window)
    import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
    import_action.triggered.connect(lambda: open_import_wizard(window))
    log_action = QAction(translate("ImportMenu", "Import &log…"), window)
    log_action.triggered.connect(lambda: open_import_log(window))
    export = QMenu(translate("ImportMenu", "&Export this list"), file_menu)
    export.setObjectName("exportMenu")
    actions = {"import": import_action, "import_log": log_action}
    for fmt in export_menu.FORMATS:
        action = export.addAction(export_menu.menu_text(fmt))
        action.triggered.connect(lambda _checked=False, fmt=fmt: export_current(window, fmt))
        actions[f"export_{fmt}"] = action

    def offer():
        shown = current_list(window)
        offered = export_menu.formats(shown.spec.entity) if shown is not None else []
        for fmt in export_menu.FORMATS:
            actions[f"export_{fmt}"].setEnabled(fmt in offered)
    export.aboutToShow.connect(offer)
    file_menu.insertAction(first, import_action)
    file_menu.insertAction(first, log_action)
    file_menu.insertMenu(first, export)
    file_menu.insertSeparator(first)
    actions["export_menu"] = export.menuAction()
    return actions


def open_import_wizard(window):
    from ui.imports.wizard import ImportWizard

    wizard = ImportWizard(window.ws, window)
    wizard.open()
    return wizard


def open_import_log(window):
    from ui.imports.log_dialog import ImportLogDialog

    dialog = ImportLogDialog(window.ws, window)
    dialog.open()
    return dialog


def export_current(window, fmt: str, path: str | None = None):
    """Export the list on screen (its selection, or all its rows) in `fmt`."""
    shown = current_list(window)
    if shown is None or fmt not in export_menu.formats(shown.spec.entity):
        window.statusBar().showMessage(translate("ImportMenu", "Open a list to export it."), 6000)
        return None
    return shown.export_selection(path, fmt=fmt)
