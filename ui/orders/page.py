"""The orders list: orders made from accepted quotes, opened in the order screen."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog

from app.queries import orders as order_queries
from ui import formatting
from ui.orders.create_dialog import OrderCreateDialog
from ui.orders.view import OrderView
from ui.records.page import ListPage


class OrdersPage(ListPage):
    """`sig_open(entity, id)` asks the window to show a record (an invoice, a quote)."""

    sig_open = Signal(str, str)

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, order_queries.LIST, self.tr("Orders"), parent)
        self.add_button(self.tr("New order from an accepted quote…"), self.new_order)
        self.add_button(self.tr("Open"), lambda: self.edit(self.list.current_id()), needs_selection=True)
        self.list.sig_open.connect(self.edit)

    def new_order(self) -> None:
        self.ws.ops.query(order_queries.quotes_to_order, on_done=self._choose_quote)

    def _choose_quote(self, quotes: list[dict]):
        if not quotes:
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(self.tr("No accepted quote is waiting for an order: a quote becomes "
                                                       "an order once the customer accepts it."), 8000)
            return None
        names = [f"{q['customer_name']} · {q['deal_name']} · r{q['revision']} · "
                 f"{formatting.money(q['total_minor'], q['currency'])}" for q in quotes]
        choice, ok = QInputDialog.getItem(self, self.tr("New order"), self.tr("Make an order from the accepted quote:"),
                                          names, 0, False)
        if not ok:
            return None
        dialog = OrderCreateDialog(self.ws, quotes[names.index(choice)]["id"], self)
        dialog.sig_created.connect(lambda order: self.edit(order["id"]))
        dialog.open()
        return dialog

    def edit(self, order_id: str | None):
        if not order_id:
            return None
        view = OrderView(self.ws, order_id, self)
        view.sig_open.connect(self.sig_open)
        view.finished.connect(lambda _r: view.deleteLater())
        view.open()
        return view

    def open_change_request(self, request_id: str | None):
        from ui.change_requests.dialog import ChangeRequestView

        if not request_id:
            return None
        view = ChangeRequestView(self.ws, request_id, self)
        view.sig_open.connect(self.sig_open)
        view.finished.connect(lambda _r: view.deleteLater())
        view.open()
        return view
