"""Change requests on screen: raised on an order with its impact shown while typing, then
approved by a manager, which adjusts the billing plan (never a silent edit); raised on a
deal, approving it makes a new quote revision."""
from __future__ import annotations

from tests.foundation import chain
from tests.ui.conftest import settle


def raise_change(ws, qtbot, entity, subject_id, description, amount, days=0):
    from ui.change_requests.dialog import ChangeRequestDialog

    dialog = ChangeRequestDialog(ws, entity, subject_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10000):
        dialog.show()
    dialog.description.setPlainText(description)
    dialog.amount.setText(amount)
    dialog.amount.textEdited.emit(amount)
    dialog.days.setValue(days)
    return dialog


def test_a_change_on_an_order_shows_its_impact_and_approving_it_adjusts_the_plan(store, workspace_as, qtbot,
                                                                                comments):
    from ui.change_requests.dialog import ChangeRequestView

    rep = workspace_as("rep")
    order = chain.confirmed_order(store, 1_000_000, milestones=[
        {"label": "预付款", "percent_bp": 4000, "due_on": "2026-12-01"},
        {"label": "尾款", "percent_bp": 6000, "due_on": "2027-02-01"}])
    dialog = raise_change(rep, qtbot, "order", order["id"], "增加两台备用电机", "20,000", days=14)
    values = {k: v.text() for k, v in dialog.impact.values.items()}
    assert values["current_total_minor"] == "¥10,000.00" and values["amount_delta_minor"] == "+¥20,000.00"
    assert values["new_total_minor"] == "¥30,000.00" and values["date_delta_days"] == "+14 day(s)"
    dialog.amount.setText("-12,000")
    dialog.amount.textEdited.emit("-12,000")
    assert dialog.impact.values["new_total_minor"].text() == "-¥2,000.00"
    assert "below what is already invoiced" in dialog.impact.warning.text()
    dialog.amount.setText("2,000")
    dialog.amount.textEdited.emit("2,000")
    assert dialog.impact.warning.text() == ""
    with qtbot.waitSignal(dialog.sig_created, timeout=10000) as created:
        dialog.raise_button.click()
    settle(qtbot, rep)
    request = created.args[0]
    assert (request["status"], request["amount_delta_minor"], request["date_delta_days"]) == ("open", 200_000, 14)

    manager = workspace_as("manager")
    view = ChangeRequestView(manager, request["id"])
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.show()
    assert view.impact.values["remaining_minor"].text() == "¥10,000.00"
    assert "预付款" in view.impact.plan.text() and "尾款" in view.impact.plan.text()
    assert view.approve_button.isEnabled()
    comments.push("客户已确认追加")
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.approve_button.click()
    qtbot.waitUntil(lambda: view.data["status"] == "approved", timeout=10000)
    settle(qtbot, manager)
    assert not view.approve_button.isEnabled() and "decided by" in view.state.text()
    assert chain.get(store, "order", order["id"])["total_minor"] == 1_200_000
    plan = sorted(chain.rows(store, "billing_milestone", order_id=order["id"]), key=lambda m: m["position"])
    assert [(m["amount_minor"], m["due_on"]) for m in plan] == [(480_000, "2026-12-15"), (720_000, "2027-02-15")]


def test_approving_a_change_on_a_deal_makes_a_new_quote_revision(store, workspace_as, qtbot, comments):
    from ui.change_requests.dialog import ChangeRequestView

    rep = workspace_as("rep")
    customer = chain.customer(store)
    deal = chain.deal(store, customer["id"])
    quote = chain.quote(store, deal["id"], [chain.line(300_000, description="软件许可")])
    dialog = raise_change(rep, qtbot, "deal", deal["id"], "客户要求优惠", "-500")
    assert dialog.impact.values["new_total_minor"].text() == "¥2,500.00"
    with qtbot.waitSignal(dialog.sig_created, timeout=10000) as created:
        dialog.raise_button.click()
    settle(qtbot, rep)
    manager = workspace_as("manager")
    view = ChangeRequestView(manager, created.args[0]["id"])
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.show()
    comments.push("")
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.approve_button.click()
    qtbot.waitUntil(lambda: view.data["status"] == "approved", timeout=10000)
    assert view.quote_button.isVisibleTo(view)
    new = chain.get(store, "quote", view.data["result_quote_id"])
    assert (new["revision"], new["supersedes_id"], new["total_minor"]) == (2, quote["id"], 250_000)
    opened = []
    view.sig_open.connect(lambda entity, rid: opened.append((entity, rid)))
    view.quote_button.click()
    assert opened == [("quote", new["id"])]


def test_a_deal_without_a_quote_takes_no_change(store, workspace_as, qtbot):
    rep = workspace_as("rep")
    customer = chain.customer(store)
    deal = chain.deal(store, customer["id"])
    dialog = raise_change(rep, qtbot, "deal", deal["id"], "随便改改", "100")
    assert "no quote" in dialog.message.text() and not dialog.raise_button.isEnabled()
