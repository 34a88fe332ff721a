"""Orders on screen: the billing plan editor shows what is still to plan while typing and
saves only a plan that adds up; the credit check figures are shown before the order is
made; an order over the limit waits for finance, who releases it; a milestone is
invoiced from the plan."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import as_role
from tests.foundation import chain
from tests.ui.cash.conftest import check_model
from tests.ui.conftest import settle


def type_cell(model, row, key, text):
    return model.setData(model.index(row, model.column_of(key)), text, Qt.ItemDataRole.EditRole)


def test_a_billing_plan_shows_its_remainder_and_makes_the_order_only_when_it_adds_up(store, workspace_as, qtbot,
                                                                                     qtmodeltester):
    from ui.orders.create_dialog import OrderCreateDialog

    rep = workspace_as("rep")
    quote = chain.accepted_quote(store, [chain.line(1_000_001, description="产线改造")])
    dialog = OrderCreateDialog(rep, quote["id"])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10000):
        dialog.show()
    plan = dialog.plan
    model = plan.model
    assert [r["amount_minor"] for r in model.rows] == [1_000_001]
    assert plan.remainder.text() == "Plan complete: ¥10,000.01"
    assert dialog.credit.result.text().startswith("Passed")
    assert dialog.credit.values["credit_limit_minor"].text() == "none set"

    assert type_cell(model, 0, "percent_bp", "30")
    assert plan.remainder.text() == "Still to plan: ¥7,000.01 of ¥10,000.01"
    assert not dialog.create_button.isEnabled()
    row = model.add_milestone()  # takes the missing 70%
    assert model.row(row)["percent_bp"] == 7000 and plan.remainder.text().startswith("Plan complete")
    # The last percentage milestone takes the rounding remainder, as the order service splits.
    assert [r["amount_minor"] for r in model.rows] == [300_000, 700_001]
    assert type_cell(model, row, "label", "验收款") and type_cell(model, row, "due_on", "2027-03-01")
    assert not type_cell(model, row, "due_on", "三月")
    assert "Due on" in plan.message.text()
    assert type_cell(model, 1, "amount_minor", "8,000")  # an amount instead: the plan no longer adds up
    assert plan.remainder.text() == "Over the order total by ¥999.99"
    assert not dialog.create_button.isEnabled()
    assert type_cell(model, 1, "amount_minor", "7,000.01")
    assert dialog.create_button.isEnabled()
    check_model(qtmodeltester, model)

    dialog.number.setText("SO-2026-031")
    with qtbot.waitSignal(dialog.sig_created, timeout=10000) as created:
        dialog.create_button.click()
    settle(qtbot, rep)
    order = created.args[0]
    assert order["status"] == "confirmed" and order["number"] == "SO-2026-031"
    plan_rows = chain.rows(store, "billing_milestone", order_id=order["id"])
    assert sorted((m["label"], m["amount_minor"], m["due_on"]) for m in plan_rows) == [
        ("Full amount", 300_000, order["signed_on"]), ("验收款", 700_001, "2027-03-01")]


def test_an_order_over_the_credit_limit_waits_and_finance_releases_it(store, workspace_as, qtbot, comments):
    from ui.orders.create_dialog import OrderCreateDialog
    from ui.orders.view import OrderView

    as_role(store, "finance")
    customer = chain.customer(store, credit_limit_minor=500_000)
    rep = workspace_as("rep")
    quote = chain.accepted_quote(store, [chain.line(800_000)], customer_id=customer["id"])
    dialog = OrderCreateDialog(rep, quote["id"])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10000):
        dialog.show()
    assert dialog.credit.values["exposure_minor"].text() == "¥8,000.00"
    assert "Over the limit" in dialog.credit.result.text()
    with qtbot.waitSignal(dialog.sig_created, timeout=10000) as created:
        dialog.create_button.click()
    settle(qtbot, rep)
    order = created.args[0]
    assert (order["status"], order["credit_status"]) == ("pending_credit", "needs_approval")

    finance = workspace_as("finance")
    view = OrderView(finance, order["id"])
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.show()
    assert view.release_button.isEnabled() and not view.invoice_button.isEnabled()
    assert "over the credit limit" in view.hold.text()
    comments.push("客户已提供银行保函")
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.release_button.click()
    settle(qtbot, finance)
    assert chain.get(store, "order", order["id"])["status"] == "confirmed"
    assert "released" in view.hold.text() and not view.release_button.isEnabled()

    # Invoicing a milestone from the plan opens the new draft.
    opened = []
    view.sig_open.connect(lambda entity, rid: opened.append((entity, rid)))
    view.plan.table.selectRow(0)
    assert view.invoice_button.isEnabled()
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.invoice_button.click()
    settle(qtbot, finance)
    [(entity, invoice_id)] = opened
    assert entity == "invoice" and chain.get(store, "invoice", invoice_id)["total_minor"] == 800_000
    assert view.invoices.rows[0]["id"] == invoice_id
    assert view.plan.model.row(0)["invoice_id"] == invoice_id
    assert not view.plan.model.flags(view.plan.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable  # invoiced: fixed
