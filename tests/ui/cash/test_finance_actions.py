"""Rules hold on screen: a rep is not offered issuing an invoice, recording a payment,
releasing credit or changing a credit limit; finance is."""
from __future__ import annotations

import pytest

from app.services import invoices
from tests.conftest import as_role
from tests.foundation import chain
from tests.ui.conftest import settle

FINANCE_BUTTONS = ("request", "withdraw", "issue", "credit", "payment")


def draft_invoice(store, customer_id):
    return store.run(invoices.create_invoice, {"customer_id": customer_id, "due_on": "2026-12-31"},
                     lines=[{"description": "技术服务费", "unit_price_minor": 50_000, "tax_rate_bp": 600}])


def open_invoice(ws, qtbot, invoice_id):
    from ui.invoices.view import InvoiceView

    view = InvoiceView(ws, invoice_id)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.show()
    return view


def test_a_rep_is_not_offered_issuing_payments_credit_notes_or_credit_limits(store, workspace_as, qtbot):
    rep = workspace_as("rep")
    customer = chain.customer(store)
    invoice = draft_invoice(store, customer["id"])
    view = open_invoice(rep, qtbot, invoice["id"])
    assert all(view.buttons[key].isHidden() for key in FINANCE_BUTTONS)
    # A rep may still work on the draft itself.
    assert not view.buttons["void"].isHidden() and view.buttons["void"].isEnabled()
    assert view.buttons["delete"].isEnabled()

    from ui.invoices.page import InvoicesPage

    page = InvoicesPage(rep)
    qtbot.addWidget(page)
    assert page.record_button.isHidden() and page.allocate_button.text() == "Open"

    from ui.customers.editor import customer_editor

    editor = customer_editor(rep, None, {**customer, "customer_name": customer["name"]})
    qtbot.addWidget(editor)
    assert not editor.widgets["credit_limit_minor"].isEnabled()

    from ui.customers.view360 import Customer360

    view360 = Customer360(rep, customer["id"])
    qtbot.addWidget(view360)
    settle(qtbot, rep)
    assert view360.documents_box.payment_button.isHidden()
    assert not view360.documents_box.quote_button.isHidden()


def test_a_rep_sees_why_an_order_waits_for_credit_but_cannot_release_it(store, workspace_as, qtbot):
    from ui.orders.view import OrderView

    as_role(store, "finance")
    customer = chain.customer(store, credit_limit_minor=100_000)
    rep = workspace_as("rep")
    order = chain.confirmed_order(store, 500_000, customer_id=customer["id"])
    assert order["status"] == "pending_credit"
    view = OrderView(rep, order["id"])
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.show()
    assert view.release_button.isHidden() and view.refuse_button.isHidden()
    assert "waits for finance" in view.hold.text()
    assert view.credit.values["exposure_minor"].text() == "¥5,000.00"
    assert "Over the limit" in view.credit.result.text()


@pytest.mark.parametrize("role", ["finance", "admin"])
def test_finance_is_offered_what_a_rep_is_not(store, workspace_as, qtbot, role):
    ws = workspace_as(role)
    customer = chain.customer(store)
    invoice = draft_invoice(store, customer["id"])
    view = open_invoice(ws, qtbot, invoice["id"])
    assert not any(view.buttons[key].isHidden() for key in FINANCE_BUTTONS)
    assert view.buttons["request"].isEnabled()
    # A local-only profile has no server to number the invoice: issuing waits for one.
    assert not view.buttons["issue"].isEnabled() and "connect" in view.buttons["issue"].toolTip()
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.buttons["request"].click()
    settle(qtbot, ws)
    assert chain.get(store, "invoice", invoice["id"])["status"] == "pending_issue"
    assert view.buttons["withdraw"].isEnabled() and not view.buttons["request"].isEnabled()

    from ui.customers.editor import customer_editor

    editor = customer_editor(ws, None, customer)
    qtbot.addWidget(editor)
    assert editor.widgets["credit_limit_minor"].isEnabled()
