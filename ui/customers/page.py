"""The customers list."""
from __future__ import annotations

from PySide6.QtCore import Signal

from app.queries import customers as customer_queries
from ui.customers.editor import customer_editor
from ui.records.page import ListPage


class CustomersPage(ListPage):
    """`sig_open(entity, id)` asks the window to show a record."""

    sig_open = Signal(str, str)

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, customer_queries.LIST, self.tr("Customers"), parent)
        self.add_button(self.tr("New customer"), self.new_customer)
        self.list.sig_open.connect(lambda rid: self.sig_open.emit("customer", rid))

    def new_customer(self):
        dialog = customer_editor(self.ws, self)
        dialog.sig_saved.connect(lambda r: self.sig_open.emit("customer", r["id"]))
        dialog.open()
        return dialog
