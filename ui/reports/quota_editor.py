"""Sales quotas for managers: a grid of people by month, edited in place, saved through
the quota service (one quota per rep and month; coverage and attainment use them)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTableView,
    QVBoxLayout,
)

from app import clock
from app.errors import DomainError
from app.queries import quotas as quota_queries
from app.services import quotas as quota_services
from ui import formatting
from ui.reports import metric_text

CURRENCIES = ("CNY", "USD", "EUR", "HKD", "JPY", "GBP")


def save_quotas(uow, changes: dict, currency: str) -> int:
    """Set (or, for None, delete) each (user_id, month) -> amount in minor units; returns
    how many quotas changed."""
    for (user_id, month), amount in sorted(changes.items()):
        if amount is None:
            quota_services.delete_quota(uow, user_id, month)
        else:
            quota_services.set_quota(uow, {"user_id": user_id, "period": month, "amount_minor": amount,
                                           "currency": currency})
    return len(changes)


class QuotaModel(QAbstractTableModel):
    """People (rows) by month (columns); cells are amounts, edited as text in the currency."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.people: list[dict] = []
        self.months: list[str] = []
        self.amounts: dict[str, dict[str, int]] = {}
        self.currency = "CNY"
        self.changes: dict[tuple[str, str], int | None] = {}

    def set_grid(self, grid: dict) -> None:
        self.beginResetModel()
        self.people, self.months = list(grid["people"]), list(grid["months"])
        self.amounts = {k: dict(v) for k, v in grid["amounts"].items()}
        self.currency = grid["currency"]
        self.changes = {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.months)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.months):
            return self.months[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.people):
            person = self.people[section]
            return person["name"] + (f" ({person['team']})" if person.get("team") else "")
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def amount(self, row: int, column: int) -> int | None:
        key = (self.people[row]["id"], self.months[column])
        if key in self.changes:
            return self.changes[key]
        return self.amounts.get(key[0], {}).get(key[1])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.people) and 0 <= index.column() < len(self.months)):
            return None
        amount = self.amount(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return formatting.money(amount, self.currency) if amount is not None else ""
        if role == Qt.ItemDataRole.EditRole:
            return "" if amount is None else formatting.money(amount, self.currency)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            key = (self.people[index.row()]["id"], self.months[index.column()])
            if key in self.changes:
                from PySide6.QtGui import QFont

                font = QFont()
                font.setBold(True)
                return font
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        try:
            amount = formatting.parse_money(str(value or ""), self.currency)
        except ValueError:
            return False
        if amount is not None and amount < 0:
            return False
        user_id, month = self.people[index.row()]["id"], self.months[index.column()]
        original = self.amounts.get(user_id, {}).get(month)
        if amount == original or (amount is None and original is None):
            self.changes.pop((user_id, month), None)
        else:
            self.changes[(user_id, month)] = amount
        self.dataChanged.emit(index, index)
        return True


class QuotaDialog(QDialog):
    """`sig_saved(count)` after the changed quotas were written."""

    sig_saved = Signal(int)

    def __init__(self, workspace, parent=None, *, currency: str = "CNY"):
        super().__init__(parent)
        self.ws = workspace
        self.setWindowTitle(self.tr("Sales quotas"))
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Each person's quota per month. Type an amount in a cell; clear it to remove "
                                        "the quota. Coverage and attainment are measured against these."), self))
        bar = QHBoxLayout()
        today = clock.today()
        start = dt.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
        self.first = QDateEdit(QDate(start.year, start.month, 1), self)
        self.last = QDateEdit(QDate(start.year, start.month, 1).addMonths(2), self)
        for edit in (self.first, self.last):
            edit.setDisplayFormat("yyyy-MM")
            edit.setCalendarPopup(False)
        self.currency = QComboBox(self)
        for code in dict.fromkeys((currency, *CURRENCIES)):
            self.currency.addItem(metric_text.currency(code), code)
        for label, widget in ((self.tr("From"), self.first), (self.tr("To"), self.last),
                              (self.tr("Currency"), self.currency)):
            bar.addWidget(QLabel(label, self))
            bar.addWidget(widget)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.model = QuotaModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        layout.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #c62828;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(lambda _d: self.reload())
        self.currency.currentIndexChanged.connect(lambda _i: self.reload())
        self.reload()

    def months(self) -> tuple[str, str]:
        first, last = self.first.date().toString("yyyy-MM"), self.last.date().toString("yyyy-MM")
        return min(first, last), max(first, last)

    def reload(self):
        first, last = self.months()
        return self.ws.ops.query(quota_queries.grid, self.ws.actor, first, last, self.currency.currentData(),
                                 on_done=self.model.set_grid, latest=(self, "set_grid"))

    def save(self):
        """Write the changed cells; the dialog closes when they are saved."""
        if not self.model.changes:
            self.accept()
            return None
        return self.ws.ops.service(save_quotas, dict(self.model.changes), self.model.currency,
                                   on_done=self._saved, on_error=self._failed)

    def _saved(self, count: int) -> None:
        self.sig_saved.emit(count)
        self.accept()

    def _failed(self, exc) -> None:
        self.message.setText(exc.message if isinstance(exc, DomainError) else str(exc))
