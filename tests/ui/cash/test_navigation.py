"""The window shows every cash record in its screen: a document double-clicked on the
customer 360, or an item opened from the inbox, lands in its editor or view."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.services import change_requests, payments
from tests.conftest import as_role
from tests.foundation import chain
from tests.ui.conftest import settle


def top_dialogs(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()] + [
        w for top in QApplication.topLevelWidgets() for w in top.findChildren(kind) if w.isVisible()]


def test_each_cash_record_opens_in_its_screen(store, workspace_as, qtbot):
    from ui.change_requests.dialog import ChangeRequestView
    from ui.invoices.allocation import AllocationDialog
    from ui.invoices.view import InvoiceView
    from ui.main_window import MainWindow
    from ui.orders.view import OrderView
    from ui.quotes.editor import QuoteEditor

    as_role(store, "finance")
    order = chain.confirmed_order(store, 200_000)
    invoice = chain.issued_invoice(store, order["customer_id"], 50_000, due_on="2026-12-31", number="INV-9")
    payment = store.run(payments.record_payment, {"customer_id": order["customer_id"], "amount_minor": 10_000})
    request = store.run(change_requests.open_change_request, {
        "subject_entity": "order", "subject_id": order["id"], "description": "加急", "date_delta_days": -7})
    ws = workspace_as("finance")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, ws)
    for entity, record_id, kind in (("quote", order["quote_id"], QuoteEditor), ("order", order["id"], OrderView),
                                    ("invoice", invoice["id"], InvoiceView), ("payment", payment["id"], AllocationDialog),
                                    ("change_request", request["id"], ChangeRequestView)):
        window.open_record(entity, record_id)
        settle(qtbot, ws)
        shown = top_dialogs(kind)
        assert shown, entity
        for dialog in shown:
            dialog.close()
        settle(qtbot, ws)

    # From the customer 360's documents: the invoice opens in its view.
    window.open_record("customer", order["customer_id"])
    settle(qtbot, ws)
    docs = window.detail.documents
    row = next(i for i, r in enumerate(docs.rows) if r["entity"] == "invoice")
    window.detail.documents_view.doubleClicked.emit(docs.index(row, 0))
    settle(qtbot, ws)
    assert any(d.invoice_id == invoice["id"] for d in top_dialogs(InvoiceView))
