"""A small read-only table model over a list of dicts (a customer's contacts, a deal's
history): for lists that fit in memory; big lists use RecordTableModel."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

ID_ROLE = Qt.ItemDataRole.UserRole


class DictTableModel(QAbstractTableModel):
    """`columns` are (key, header, formatter) where formatter(row) -> str; `colour`
    (row) -> colour name or "" marks rows (overdue tasks)."""

    def __init__(self, columns, parent=None, *, colour=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[dict] = []
        self.colour = colour

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> dict:
        return self.rows[index] if 0 <= index < len(self.rows) else {}

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return self.columns[section][1]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            key, _, fmt = self.columns[index.column()]
            value = fmt(row) if fmt else row.get(key)
            return "" if value is None else str(value)
        if role == ID_ROLE:
            return str(row.get("id") or "")
        if role == Qt.ItemDataRole.ForegroundRole and self.colour is not None:
            name = self.colour(row)
            return QColor(name) if name else None
        return None
