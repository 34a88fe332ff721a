"""Allocating a payment: the oldest due invoices are proposed first, the person edits the
amounts (paying some invoices only in part), what stays unallocated is shown while
typing, and after allocating it shows on the customer's 360."""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import payments
from tests.conftest import as_role
from tests.foundation import chain
from tests.ui.cash.conftest import check_model
from tests.ui.conftest import settle


def customer_with_open_invoices(store):
    customer = chain.customer(store, name="杭州远景贸易有限公司")
    made = [chain.issued_invoice(store, customer["id"], total, due_on=due, number=number)
            for total, due, number in ((300_000, "2026-10-01", "INV-2026-000003"),
                                       (100_000, "2026-08-01", "INV-2026-000001"),
                                       (200_000, "2026-09-01", "INV-2026-000002"))]
    return customer, made


def allocation_dialog(ws, qtbot, payment_id):
    from ui.invoices.allocation import AllocationDialog

    dialog = AllocationDialog(ws, payment_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10000):
        dialog.show()
    return dialog


def type_amount(model, row, text):
    return model.setData(model.index(row, model.column_of("amount_minor")), text, Qt.ItemDataRole.EditRole)


def test_a_payment_is_proposed_oldest_first_edited_partly_allocated_and_its_remainder_shown(
        store, workspace_as, qtbot, qtmodeltester):
    finance = workspace_as("finance", "财务小陈")
    customer, _ = customer_with_open_invoices(store)
    payment = store.run(payments.record_payment, {"customer_id": customer["id"], "amount_minor": 450_000,
                                                  "method": "bank_transfer", "reference": "HZ-0918"})
    dialog = allocation_dialog(finance, qtbot, payment["id"])
    model = dialog.model
    assert [r["number"] for r in model.rows] == ["INV-2026-000001", "INV-2026-000002", "INV-2026-000003"]
    assert [r["amount_minor"] for r in model.rows] == [100_000, 200_000, 150_000]  # the oldest due first
    assert dialog.remainder.text() == "Stays unallocated: ¥0.00"
    check_model(qtmodeltester, model)

    # The person pays the second and third invoices only in part.
    assert type_amount(model, 1, "1,500.00") and type_amount(model, 2, "1000")
    assert dialog.allocating.text() == "Allocating now: ¥3,500.00"
    assert dialog.remainder.text() == "Stays unallocated: ¥1,000.00"
    assert not type_amount(model, 0, "一千")  # not an amount: refused, nothing changes
    assert dialog.allocate_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10000):
        dialog.allocate_button.click()
    settle(qtbot, finance)
    assert "¥1,000.00 stays unallocated" in dialog.message.text()
    by_number = {i["number"]: i for i in chain.rows(store, "invoice", customer_id=customer["id"])}
    assert [(by_number[n]["status"], by_number[n]["paid_minor"]) for n in sorted(by_number)] == [
        ("paid", 100_000), ("partially_paid", 150_000), ("partially_paid", 100_000)]
    assert chain.get(store, "payment", payment["id"])["allocated_minor"] == 350_000
    # Reloaded: what is allocated is listed, the rest is still open and proposed.
    assert sorted(r["amount_minor"] for r in dialog.allocated.rows) == [100_000, 100_000, 150_000]
    assert [r["open_minor"] for r in model.rows] == [50_000, 200_000]
    assert [r["amount_minor"] for r in model.rows] == [50_000, 50_000]
    assert dialog.remainder.text() == "Stays unallocated: ¥0.00"

    # The customer's 360 shows the money received and not yet allocated.
    from ui.customers.view360 import Customer360

    view = Customer360(finance, customer["id"])
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.documents_box.sig_loaded, timeout=10000):
        pass
    settle(qtbot, finance)
    text = view.documents_box.receivables.text()
    assert "Received, not yet allocated: ¥1,000.00" in text
    assert "Open ¥2,500.00" in text
    payment_row = next(r for r in view.documents.rows if r["entity"] == "payment")
    assert view.documents.text(view.documents.rows.index(payment_row), "status") == "Unallocated"
    check_model(qtmodeltester, view.documents)


def test_more_than_is_open_or_left_cannot_be_allocated(store, workspace_as, qtbot):
    finance = workspace_as("finance")
    customer, _ = customer_with_open_invoices(store)
    payment = store.run(payments.record_payment, {"customer_id": customer["id"], "amount_minor": 120_000})
    dialog = allocation_dialog(finance, qtbot, payment["id"])
    model = dialog.model
    assert [r["amount_minor"] for r in model.rows] == [100_000, 20_000, 0]
    type_amount(model, 0, "1,200")  # more than the invoice's ¥1,000.00
    assert not dialog.allocate_button.isEnabled() and "more than is open" in dialog.message.text()
    type_amount(model, 0, "1,000")
    type_amount(model, 2, "500")  # now ¥1,700.00 of a ¥1,200.00 payment
    assert dialog.remainder.text() == "Stays unallocated: -¥500.00"
    assert not dialog.allocate_button.isEnabled() and "more than the payment has left" in dialog.message.text()
    dialog.suggest_button.click()
    assert dialog.allocate_button.isEnabled() and dialog.message.text() == ""
    assert chain.get(store, "payment", payment["id"])["allocated_minor"] == 0


def test_a_rep_sees_a_payment_but_is_not_offered_to_allocate_it(store, workspace_as, qtbot):
    customer, _ = customer_with_open_invoices(store)
    as_role(store, "finance")
    payment = store.run(payments.record_payment, {"customer_id": customer["id"], "amount_minor": 10_000})
    rep = workspace_as("rep")
    dialog = allocation_dialog(rep, qtbot, payment["id"])
    assert all(b.isHidden() for b in (dialog.allocate_button, dialog.suggest_button, dialog.unallocate_button))
    assert not model_editable(dialog.model)
    assert [r["amount_minor"] for r in dialog.model.rows] == [0, 0, 0]


def model_editable(model) -> bool:
    index = model.index(0, model.column_of("amount_minor"))
    return bool(model.flags(index) & Qt.ItemFlag.ItemIsEditable)
