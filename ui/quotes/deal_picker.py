"""Choosing the deal a new quote is for: type part of the deal's or customer's name."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from app.queries import quotes as quote_queries
from ui import formatting

ID_ROLE = Qt.ItemDataRole.UserRole


class DealPicker(QDialog):
    """`sig_picked(deal_id)` when a deal is chosen; `sig_loaded()` after each lookup."""

    sig_picked = Signal(str)
    sig_loaded = Signal()

    def __init__(self, workspace, parent=None, *, customer_id: str | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.customer_id = customer_id
        self.setWindowTitle(self.tr("New quote: which deal?"))
        self.resize(560, 440)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("A quote prices a deal. Type part of the deal's or the customer's name:"), self))
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        layout.addWidget(self.buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.lookup)
        self.search.textEdited.connect(lambda _t: self.timer.start())
        self.buttons.accepted.connect(self.pick)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.pick())
        self.lookup()

    def lookup(self) -> None:
        self.ws.ops.query(quote_queries.deal_choices, self.search.text(), 100, self.customer_id,
                          on_done=self._arrived, latest=(self, "_arrived"))

    def _arrived(self, rows: list[dict]) -> None:
        self.list.clear()
        for r in rows:
            item = QListWidgetItem(f"{r['name']} — {r['customer_name'] or ''}  ({formatting.stage(r['stage'])})")
            item.setData(ID_ROLE, r["id"])
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.sig_loaded.emit()

    def pick(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.sig_picked.emit(item.data(ID_ROLE))
            self.accept()
