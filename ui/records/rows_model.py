"""A table model over a short list of dicts whose columns know how to show themselves:
text, alignment (money right-aligned), a colour per cell or per row (overdue in red),
bold rows (totals), tooltips, and which cells a person may edit. Editable models (quote
lines, a billing plan, an allocation) subclass it and implement `edit`."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

ID_ROLE = Qt.ItemDataRole.UserRole
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
OVERDUE = "#c62828"
WARNING = "#e65100"
MUTED = "#616e7c"
GOOD = "#2e7d32"


@dataclass
class Col:
    """One column: `key` of the row, `header`, `text(row)` for its display (default the
    value as text), `right` for amounts, `colour(row)` -> a colour name or "" for its
    foreground, `tip(row)` for its tooltip, `editable` if a person may type in it."""

    key: str
    header: str
    text: Callable[[dict], str] | None = None
    right: bool = False
    colour: Callable[[dict], str] | None = None
    tip: Callable[[dict], str] | None = None
    editable: bool = False
    center: bool = False


class RowsModel(QAbstractTableModel):
    """Rows of dicts shown through `columns` (Col). `row_colour(row)` colours whole rows,
    `row_bold(row)` makes a row bold (a totals row)."""

    def __init__(self, columns: list[Col], parent=None, *, row_colour=None, row_bold=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[dict] = []
        self.row_colour = row_colour
        self.row_bold = row_bold
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = [dict(r) for r in rows]
        self.endResetModel()

    def row(self, index: int) -> dict:
        return self.rows[index] if 0 <= index < len(self.rows) else {}

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def text(self, row: int, key: str) -> str:
        """The display text of one cell, by column key."""
        return self.data(self.index(row, self.column_of(key)))

    # -- model --------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole:
                col = self.columns[section]
                return int((RIGHT if col.right else CENTER if col.center else LEFT).value)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = self.columns[index.column()]
        if col.editable and self.can_edit(index.row(), col.key):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def display(self, row: dict, col: Col) -> str:
        value = col.text(row) if col.text else row.get(col.key)
        return "" if value is None else str(value)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.edit_text(row, col) if role == Qt.ItemDataRole.EditRole else self.display(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((RIGHT if col.right else CENTER if col.center else LEFT).value)
        if role == Qt.ItemDataRole.ForegroundRole:
            name = (col.colour(row) if col.colour else "") or (self.row_colour(row) if self.row_colour else "")
            return QColor(name) if name else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if self.row_bold is not None and self.row_bold(row) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tip(row) if col.tip else None
        if role == ID_ROLE:
            return str(row.get("id") or "")
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        col = self.columns[index.column()]
        if not (col.editable and self.can_edit(index.row(), col.key)):
            return False
        if not self.edit(index.row(), col.key, value):
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1))
        return True

    # -- for editable subclasses ------------------------------------------------------
    def can_edit(self, row: int, key: str) -> bool:
        return True

    def edit_text(self, row: dict, col: Col) -> str:
        """What an editor starts from (default: the display text)."""
        return self.display(row, col)

    def edit(self, row: int, key: str, value) -> bool:
        """Take what a person typed into a cell; False if it is not acceptable."""
        return False
