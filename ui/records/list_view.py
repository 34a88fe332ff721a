"""A list screen: quick filter, saved filters, column chooser, multi-select, export (CSV,
XLSX, and vCard or iCalendar where the records fit), over a RecordTableModel."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QTableView,
    QToolButton, QVBoxLayout, QWidget,
)

from ui import formatting
from ui.records import export_menu
from ui.records.table_model import RecordTableModel

# Which entities' changes a list shows (names of other records appear in its columns).
SHOWS = {
    "customer": {"customer", "user", "sync"},
    "contact": {"contact", "customer", "sync"},
    "lead": {"lead", "user", "sync"},
    "deal": {"deal", "customer", "user", "sync"},
    "activity": {"activity", "customer", "deal", "sync"},
    "quote": {"quote", "customer", "deal", "user", "sync"},
    "order": {"order", "customer", "deal", "user", "sync"},
    "invoice": {"invoice", "customer", "order", "sync"},
    "payment": {"payment", "customer", "sync"},
    "product": {"product", "sync"},
}


class RecordListView(QWidget):
    """`sig_open(record_id)` when a row is activated (double-click or Enter)."""

    sig_open = Signal(str)

    def __init__(self, workspace, spec, parent=None, *, conditions: dict | None = None, compact: bool = False,
                 params: dict | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.spec = spec
        self.model = RecordTableModel(workspace, spec, self, conditions=conditions, params=params)
        self._dirty = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar = QHBoxLayout()
        layout.addLayout(self.toolbar)
        self.quick = QLineEdit(self)
        self.quick.setPlaceholderText(self.tr("Filter this list…"))
        self.quick.setClearButtonEnabled(True)
        self.quick.setMaximumWidth(260)
        self.filters = QComboBox(self)
        self.filters.addItem(self.tr("All"), "")
        for f in spec.filters:
            self.filters.addItem(formatting.label(f.label), f.key)
        self.count_label = QLabel(self)
        self.columns_button = QToolButton(self)
        self.columns_button.setText(self.tr("Columns"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setToolTip(self.tr("Export the selected rows (or the whole list) to a file"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_actions = QMenu(self)
        self.export_actions = {}
        for fmt in export_menu.formats(spec.entity):
            action = export_actions.addAction(export_menu.menu_text(fmt))
            action.triggered.connect(lambda _checked=False, fmt=fmt: self.export_selection(fmt=fmt))
            self.export_actions[fmt] = action
        self.export_button.setMenu(export_actions)
        self.toolbar.addWidget(self.quick)
        self.toolbar.addWidget(self.filters)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.count_label)
        self.toolbar.addWidget(self.columns_button)
        self.toolbar.addWidget(self.export_button)
        if compact:
            for w in (self.quick, self.filters, self.columns_button):
                w.hide()

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        sort_col = next((i for i, c in enumerate(spec.columns) if c.key == spec.default_sort), 0)
        header.setSortIndicator(sort_col, Qt.SortOrder.DescendingOrder if spec.descending else Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        layout.addWidget(self.table)

        self._quick_timer = QTimer(self)
        self._quick_timer.setSingleShot(True)
        self._quick_timer.setInterval(250)
        self._quick_timer.timeout.connect(lambda: self.model.set_quick(self.quick.text()))
        self.quick.textChanged.connect(lambda _t: self._quick_timer.start())
        self.filters.currentIndexChanged.connect(lambda _i: self.model.set_filter(self.filters.currentData()))
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        open_action = QAction(self)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(lambda: self._open(self.table.currentIndex().row()))
        self.table.addAction(open_action)
        self.model.sig_loaded.connect(self._loaded)
        self.model.modelReset.connect(self._apply_widths)
        workspace.events.sig_changed.connect(self._changed)
        self._build_column_menu()

    # -- behaviour ------------------------------------------------------------------
    def start(self, filter_key: str | None = None) -> None:
        """Load the list (optionally with a saved filter chosen)."""
        if filter_key:
            index = self.filters.findData(filter_key)
            if index >= 0:
                self.filters.blockSignals(True)
                self.filters.setCurrentIndex(index)
                self.filters.blockSignals(False)
                self.model.filter_key = filter_key
        self.model.reload()

    def _open(self, row: int) -> None:
        rid = self.model.record_id(row)
        if rid:
            self.sig_open.emit(rid)

    def _loaded(self, count: int, seconds: float) -> None:
        self.count_label.setText(self.tr("%n record(s)", "", count))

    def _changed(self, names: set) -> None:
        if names & SHOWS.get(self.spec.entity, {self.spec.entity}):
            if self.isVisible():
                self.model.refresh()
            else:
                self._dirty = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.model.refresh()

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [rid for rid in (self.model.record_id(r) for r in rows) if rid]

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    # -- columns ----------------------------------------------------------------------
    def _settings_key(self) -> str:
        return f"lists/{self.spec.entity}/hidden"

    def _build_column_menu(self) -> None:
        menu = QMenu(self)
        hidden = QSettings().value(self._settings_key())
        hidden = set(hidden) if isinstance(hidden, list) else ({hidden} if isinstance(hidden, str) and hidden else None)
        for i, c in enumerate(self.spec.columns):
            action = menu.addAction(formatting.label(c.label))
            action.setCheckable(True)
            visible = (c.key not in hidden) if hidden is not None else c.visible
            action.setChecked(visible)
            self.table.setColumnHidden(i, not visible)
            action.toggled.connect(lambda on, i=i: self._toggle_column(i, on))
        self.columns_button.setMenu(menu)

    def _toggle_column(self, i: int, on: bool) -> None:
        self.table.setColumnHidden(i, not on)
        hidden = [c.key for n, c in enumerate(self.spec.columns) if self.table.isColumnHidden(n)]
        QSettings().setValue(self._settings_key(), hidden)

    def _apply_widths(self) -> None:
        header = self.table.horizontalHeader()
        for i, c in enumerate(self.spec.columns):
            if header.sectionSize(i) == header.defaultSectionSize():
                header.resizeSection(i, 260 if c.key in ("name", "subject", "company", "customer", "deal") else 130)

    # -- export ----------------------------------------------------------------------
    def export_selection(self, path: str | None = None, fmt: str | None = None):
        """Export the selected rows (or the whole list) to `path` (asked for when not
        given) in `fmt` (by default the path's suffix, else CSV). Returns the task."""
        ids = self.selected_ids() or self.model.known_ids()
        if not ids:
            return None
        fmt = fmt or export_menu.format_of(path or "")
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), f"{self.spec.entity}s."
                                                  f"{export_menu.FORMATS[fmt]}", export_menu.file_filter(fmt))
            if not path:
                return None
            path = export_menu.with_suffix(path, fmt)
        columns = [c.key for i, c in enumerate(self.spec.columns) if not self.table.isColumnHidden(i)]
        labels = {c.key: formatting.label(c.label) for c in self.spec.columns}
        return self.ws.ops.query(export_menu.write, fmt, self.spec, ids, path, columns=columns, labels=labels,
                                 dictionary=self.ws.dictionary, on_done=self._exported)

    def _exported(self, message: str) -> None:
        if hasattr(self.window(), "statusBar"):
            self.window().statusBar().showMessage(message, 6000)
