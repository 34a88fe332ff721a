"""Orders: made from accepted quotes only, the credit check and its release, billing plans
that sum exactly to the total and never lose an invoiced milestone."""
from __future__ import annotations

import pytest

from app.errors import Immutable, InvalidTransition, PermissionDenied, ValidationError
from app.services import approvals, customers, invoices, orders, quotes, records
from tests.conftest import as_role
from tests.foundation import chain


def plan(store, order_id):
    return store.run(orders.billing_plan, order_id)


def test_an_order_comes_only_from_an_accepted_quote(store):
    c = chain.customer(store)
    d = chain.deal(store, c["id"])
    q = chain.quote(store, d["id"], [chain.line(10_001)])
    store.run(quotes.send_quote, q["id"])
    before = chain.counts(store)
    with pytest.raises(InvalidTransition):
        store.run(orders.create_order, {"quote_id": q["id"]})
    assert chain.counts(store) == before
    store.run(quotes.accept_quote, q["id"])
    order = store.run(orders.create_order, {"quote_id": q["id"], "signed_on": "2026-11-20"})
    assert (order["customer_id"], order["deal_id"], order["total_minor"], order["currency"]) == \
        (c["id"], d["id"], 10_001, "CNY")
    assert (order["status"], order["credit_status"]) == ("confirmed", "ok")
    assert [(m["label"], m["amount_minor"], m["due_on"]) for m in plan(store, order["id"])] == \
        [("Full amount", 10_001, "2026-11-20")]
    with pytest.raises(ValidationError):
        store.run(orders.create_order, {"quote_id": q["id"]})  # one order per quote
    with pytest.raises(ValidationError):
        store.run(orders.create_order, {"quote_id": q["id"], "total_minor": 1})


def test_a_new_order_is_one_create_mutation_carrying_its_credit_figures(store):
    order = chain.confirmed_order(store)
    mutations = chain.outbox(store, "order", order["id"])
    assert [m["op"] for m in mutations] == ["create"]
    assert mutations[0]["changes"]["credit_exposure_minor"] == order["credit_check"]["exposure_minor"] == 10_001
    assert len(chain.outbox(store, "billing_milestone")) == 1


def test_a_30_70_plan_of_an_odd_total_sums_exactly(store):
    order = chain.confirmed_order(store, total=10_001)
    milestones = store.run(orders.set_billing_plan, order["id"], [
        {"label": "Deposit", "percent_bp": 3000, "due_on": "2026-12-01"},
        {"label": "Acceptance", "percent_bp": 7000, "due_on": "2027-02-01"}])
    # 30% of 100.01 = 30.003 -> 30.00; the last takes the rest: 70.01
    assert [(m["label"], m["percent_bp"], m["amount_minor"]) for m in milestones] == \
        [("Deposit", 3000, 3000), ("Acceptance", 7000, 7001)]
    assert sum(m["amount_minor"] for m in milestones) == order["total_minor"]


def test_a_plan_that_does_not_sum_to_the_total_is_refused_and_changes_nothing(store):
    order = chain.confirmed_order(store, total=10_001)
    before, old_plan = chain.counts(store), plan(store, order["id"])
    bad_plans = [
        [{"label": "A", "amount_minor": 5000}, {"label": "B", "amount_minor": 5000}],
        [{"label": "A", "percent_bp": 3000}, {"label": "B", "percent_bp": 6000}],
        [{"label": "A", "percent_bp": 3333}, {"label": "B", "amount_minor": 6667}],  # 33.33 + 66.67 = 100.00
        [{"label": "A", "percent_bp": 5000, "amount_minor": 5000}, {"label": "B", "percent_bp": 5000}],
        [{"label": "", "amount_minor": 10_001}],
    ]
    for bad in bad_plans:
        with pytest.raises(ValidationError):
            store.run(orders.set_billing_plan, order["id"], bad)
    assert chain.counts(store) == before and plan(store, order["id"]) == old_plan
    # 50% of 100.01 = 50.005 -> 50.01, beside a fixed 50.00
    mixed = store.run(orders.set_billing_plan, order["id"], [{"label": "B", "amount_minor": 5000},
                                                             {"label": "A", "percent_bp": 5000}])
    assert [m["amount_minor"] for m in mixed] == [5000, 5001]


def test_an_invoiced_milestone_cannot_be_removed_or_altered(store):
    order = chain.confirmed_order(store, total=10_001, milestones=[
        {"label": "Deposit", "percent_bp": 3000}, {"label": "Acceptance", "percent_bp": 7000}])
    deposit, rest = plan(store, order["id"])
    store.run(invoices.draft_invoice_from_milestone, deposit["id"])
    before = chain.counts(store)
    for bad in ([{"id": rest["id"], "amount_minor": 10_001}],
                [{"id": deposit["id"], "amount_minor": 3001}, {"id": rest["id"], "amount_minor": 7000}],
                [{"id": deposit["id"], "label": "Advance"}, {"id": rest["id"]}]):
        with pytest.raises(ValidationError):
            store.run(orders.set_billing_plan, order["id"], bad)
    assert chain.counts(store) == before
    kept = store.run(orders.set_billing_plan, order["id"], [
        {"id": deposit["id"]}, {"id": rest["id"], "amount_minor": 5000},
        {"label": "Final", "amount_minor": 2001, "due_on": "2027-06-30"}])
    assert [(m["label"], m["amount_minor"], m["invoice_id"] is not None) for m in kept] == \
        [("Deposit", 3000, True), ("Acceptance", 5000, False), ("Final", 2001, False)]


def test_credit_check_passes_within_the_limit_and_keeps_its_figures(store):
    c = chain.customer(store, credit_limit_minor=100_000)
    invoice = chain.issued_invoice(store, c["id"], 30_000, due_on="2026-12-01", number="INV-1")
    as_role(store, "finance")
    note = store.run(invoices.create_credit_note, invoice["id"], amount_minor=4_000, reason="price agreed lower")
    store.run(invoices.request_issue, note["id"])
    chain.server_issues(store, note["id"], "CN-1")
    as_role(store, "rep")
    order = chain.confirmed_order(store, total=50_000, customer_id=c["id"])
    # open receivables: 300.00 invoiced less the 40.00 credit note = 260.00; + 500.00 order
    assert order["credit_check"] == {"credit_limit_minor": 100_000, "open_receivables_minor": 26_000,
                                     "order_minor": 50_000, "exposure_minor": 76_000, "passed": True,
                                     "currency": "CNY", "reason": "within the credit limit"}
    assert (order["status"], order["credit_status"], order["credit_exposure_minor"]) == ("confirmed", "ok", 76_000)


def test_credit_check_failure_holds_the_order_for_finance_to_release(store):
    c = chain.customer(store, credit_limit_minor=100_000)
    chain.issued_invoice(store, c["id"], 30_000, due_on="2026-12-01", number="INV-1")
    as_role(store, "rep")
    order = chain.confirmed_order(store, total=80_000, customer_id=c["id"])
    assert order["credit_check"]["passed"] is False
    assert (order["credit_check"]["exposure_minor"], order["credit_exposure_minor"]) == (110_000, 110_000)
    assert (order["status"], order["credit_status"]) == ("pending_credit", "needs_approval")
    [approval] = chain.rows(store, "approval", subject_id=order["id"])
    assert (approval["kind"], approval["status"]) == ("credit", "pending")
    assert "110000" in approval["reason"] and "100000" in approval["reason"]
    with pytest.raises(InvalidTransition):
        store.run(invoices.draft_invoice_from_milestone, plan(store, order["id"])[0]["id"])
    for role in ("rep", "manager"):
        as_role(store, role)
        with pytest.raises(PermissionDenied):
            store.run(orders.release_credit, order["id"])
        with pytest.raises(PermissionDenied):
            store.run(approvals.decide_approval, approval["id"], "approved")
    as_role(store, "finance")
    released = store.run(orders.release_credit, order["id"], "deposit received by wire")
    assert (released["status"], released["credit_status"]) == ("confirmed", "released")
    assert chain.get(store, "approval", approval["id"])["status"] == "approved"
    with pytest.raises(InvalidTransition):
        store.run(orders.release_credit, order["id"])


def test_finance_refuses_credit_with_a_comment_through_the_approval(store):
    c = chain.customer(store, credit_limit_minor=1_000)
    order = chain.confirmed_order(store, total=5_000, customer_id=c["id"])
    [approval] = chain.rows(store, "approval", subject_id=order["id"])
    as_role(store, "finance")
    with pytest.raises(ValidationError):
        store.run(approvals.decide_approval, approval["id"], "rejected")
    store.run(approvals.decide_approval, approval["id"], "rejected", "overdue since March")
    refused = chain.get(store, "order", order["id"])
    assert (refused["status"], refused["credit_status"]) == ("cancelled", "refused")
    assert chain.get(store, "approval", approval["id"])["status"] == "rejected"


def test_an_order_in_another_currency_than_the_credit_limit_goes_to_finance(store):
    c = chain.customer(store, credit_limit_minor=10_000_000)
    d = chain.deal(store, c["id"], currency="USD")
    q = chain.quote(store, d["id"], [chain.line(100)])
    store.run(quotes.send_quote, q["id"])
    store.run(quotes.accept_quote, q["id"])
    order = store.run(orders.create_order, {"quote_id": q["id"]})
    assert order["status"] == "pending_credit" and "USD" in order["credit_check"]["reason"]


def test_a_rep_cannot_change_a_credit_limit(store):
    c = chain.customer(store)
    as_role(store, "rep")
    before = chain.counts(store)
    with pytest.raises(PermissionDenied):
        store.run(customers.set_credit_limit, c["id"], 500_000)
    assert chain.counts(store) == before
    as_role(store, "finance")
    assert store.run(customers.set_credit_limit, c["id"], 500_000)["credit_limit_minor"] == 500_000


def test_order_state_machine(store):
    order = chain.confirmed_order(store, total=10_000, milestones=[
        {"label": "A", "percent_bp": 5000}, {"label": "B", "percent_bp": 5000}])
    with pytest.raises(InvalidTransition):  # the shared rule refuses it for any writer
        store.run(lambda uow: uow.update("order", order["id"], {"status": "pending_credit"}, transition=True))
    with pytest.raises(ValidationError):
        store.run(orders.complete_order, order["id"])  # milestones not invoiced yet
    for m in plan(store, order["id"]):
        store.run(invoices.draft_invoice_from_milestone, m["id"])
    with pytest.raises(ValidationError):
        store.run(orders.cancel_order, order["id"], "customer withdrew")  # invoiced: credit instead
    assert store.run(orders.complete_order, order["id"])["status"] == "completed"
    for refused in (lambda uow: orders.cancel_order(uow, order["id"], "late"),
                    lambda uow: orders.update_order(uow, order["id"], {"status": "confirmed"})):
        with pytest.raises(InvalidTransition):
            store.run(refused)
    with pytest.raises(Immutable):
        store.run(orders.set_billing_plan, order["id"], [{"label": "All", "amount_minor": 10_000}])


def test_cancelling_needs_a_reason_and_voids_the_pending_credit_approval(store):
    c = chain.customer(store, credit_limit_minor=0)
    order = chain.confirmed_order(store, total=5_000, customer_id=c["id"])
    with pytest.raises(ValidationError):
        store.run(orders.cancel_order, order["id"], " ")
    cancelled = store.run(orders.cancel_order, order["id"], "customer withdrew")
    assert cancelled["status"] == "cancelled" and "customer withdrew" in cancelled["notes"]
    assert chain.rows(store, "approval", subject_id=order["id"])[0]["status"] == "void"


def test_deleting_an_order_takes_its_plan_but_never_an_invoiced_one(store):
    c = chain.customer(store, credit_limit_minor=0)
    held = chain.confirmed_order(store, total=5_000, customer_id=c["id"])
    [approval] = chain.rows(store, "approval", subject_id=held["id"])
    with pytest.raises(ValidationError):  # approvals are a record of decisions
        store.run(records.remove, "approval", approval["id"])
    store.run(records.remove, "order", held["id"])
    assert chain.rows(store, "billing_milestone", order_id=held["id"]) == []
    assert chain.get(store, "approval", approval["id"])["status"] == "void"
    invoiced = chain.confirmed_order(store, total=5_000)
    store.run(invoices.draft_invoice_from_milestone, plan(store, invoiced["id"])[0]["id"])
    before = chain.counts(store)
    with pytest.raises(ValidationError):
        store.run(records.remove, "order", invoiced["id"])
    assert chain.counts(store) == before
