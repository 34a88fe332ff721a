"""Change requests: their impact, and an approval that yields a new quote revision or an
adjusted billing plan, never a silent edit."""
from __future__ import annotations

import pytest

from app.errors import InvalidTransition, PermissionDenied, ValidationError
from app.services import approvals, change_requests, invoices, orders, quotes
from tests.conftest import as_role
from tests.foundation import chain


@pytest.fixture
def sent_quote(store):
    c = chain.customer(store)
    d = chain.deal(store, c["id"])
    q = chain.quote(store, d["id"], [chain.line(10_000, quantity_milli=2000, tax_rate_bp=1300)])  # 226.00
    return store.run(quotes.send_quote, q["id"])


def raise_change(store, entity, subject_id, **values):
    return store.run(change_requests.open_change_request, {
        "subject_entity": entity, "subject_id": subject_id, "description": "加装一台检测工位", **values})


def test_a_change_on_a_deal_states_its_impact_and_asks_a_manager(store, sent_quote):
    as_role(store, "rep")
    cr = raise_change(store, "deal", sent_quote["deal_id"], amount_delta_minor=5_000, date_delta_days=14)
    assert (cr["status"], cr["customer_id"], cr["requested_by"]) == \
        ("open", sent_quote["customer_id"], store.actor().id)
    assert cr["impact"] == {"current_total_minor": 22_600, "amount_delta_minor": 5_000, "new_total_minor": 27_600,
                            "invoiced_minor": 0, "date_delta_days": 14}
    [approval] = chain.rows(store, "approval", subject_id=cr["id"])
    assert (approval["kind"], approval["status"]) == ("change_request", "pending")
    assert [m["op"] for m in chain.outbox(store, "change_request", cr["id"])] == ["create"]


def test_approving_a_deal_change_makes_a_new_quote_revision_with_an_adjustment_line(store, sent_quote):
    as_role(store, "rep")
    cr = raise_change(store, "deal", sent_quote["deal_id"], amount_delta_minor=5_000)
    with pytest.raises(PermissionDenied):
        store.run(change_requests.approve_change_request, cr["id"])
    as_role(store, "manager")
    approved = store.run(change_requests.approve_change_request, cr["id"], "agreed on site")
    new = chain.get(store, "quote", approved["result_quote_id"])
    assert (approved["status"], new["revision"], new["supersedes_id"], new["status"]) == \
        ("approved", 2, sent_quote["id"], "draft")
    assert new["total_minor"] == 22_600 + 5_000
    assert chain.get(store, "quote", sent_quote["id"])["status"] == "superseded"
    adjustment = store.run(quotes.quote_lines, new["id"])[-1]
    assert (adjustment["description"], adjustment["unit_price_minor"], adjustment["tax_rate_bp"]) == \
        ("Change: 加装一台检测工位", 5_000, 0)
    assert chain.rows(store, "approval", subject_id=cr["id"])[0]["status"] == "approved"
    with pytest.raises(InvalidTransition):
        store.run(change_requests.reject_change_request, cr["id"], "too late")


def test_a_price_cut_becomes_a_negative_line_that_needs_quote_approval(store, sent_quote):
    cr = raise_change(store, "deal", sent_quote["deal_id"], amount_delta_minor=-2_600)
    as_role(store, "manager")
    [approval] = chain.rows(store, "approval", subject_id=cr["id"])
    store.run(approvals.decide_approval, approval["id"], "approved")
    new = chain.get(store, "quote", chain.get(store, "change_request", cr["id"])["result_quote_id"])
    assert new["total_minor"] == 20_000
    assert any("negative" in r for r in store.run(quotes.approval_reasons, new["id"]))
    with pytest.raises(InvalidTransition):
        store.run(quotes.send_quote, new["id"])


def test_a_change_needs_a_quote_that_can_still_change(store, sent_quote):
    c = chain.customer(store, name="无报价公司")
    bare = chain.deal(store, c["id"])
    store.run(quotes.accept_quote, sent_quote["id"])
    before = chain.counts(store)
    for subject in (bare["id"], sent_quote["deal_id"]):
        with pytest.raises(ValidationError):
            raise_change(store, "deal", subject, amount_delta_minor=100)
    with pytest.raises(ValidationError):
        raise_change(store, "deal", sent_quote["deal_id"], status="approved")
    assert chain.counts(store) == before


@pytest.fixture
def invoiced_order(store):
    """An order of 100.01 billed 30/70 (30.00 due Dec 1, 70.01 due Feb 1), the deposit issued."""
    order = chain.confirmed_order(store, total=10_001, milestones=[
        {"label": "Deposit", "percent_bp": 3000, "due_on": "2026-12-01"},
        {"label": "Acceptance", "percent_bp": 7000, "due_on": "2027-02-01"}])
    deposit = store.run(orders.billing_plan, order["id"])[0]
    inv = store.run(invoices.draft_invoice_from_milestone, deposit["id"])
    store.run(invoices.request_issue, inv["id"])
    chain.server_issues(store, inv["id"], "INV-1")
    return chain.get(store, "order", order["id"])


def test_approving_an_order_change_adjusts_the_open_milestones_and_the_total(store, invoiced_order):
    cr = raise_change(store, "order", invoiced_order["id"], amount_delta_minor=2_000, date_delta_days=10)
    assert cr["impact"] == {"current_total_minor": 10_001, "amount_delta_minor": 2_000, "new_total_minor": 12_001,
                            "invoiced_minor": 3_000, "date_delta_days": 10}
    before_plan = store.run(orders.billing_plan, invoiced_order["id"])
    as_role(store, "manager")
    store.run(change_requests.approve_change_request, cr["id"])
    assert chain.get(store, "order", invoiced_order["id"])["total_minor"] == 12_001
    after = store.run(orders.billing_plan, invoiced_order["id"])
    assert [(m["id"], m["amount_minor"], m["due_on"]) for m in after] == [
        (before_plan[0]["id"], 3_000, "2026-12-01"),   # invoiced: untouched
        (before_plan[1]["id"], 9_001, "2027-02-11")]   # 70.01 + 20.00, ten days later
    assert sum(m["amount_minor"] for m in after) == 12_001


def test_the_delta_is_spread_over_open_milestones_in_proportion(store):
    order = chain.confirmed_order(store, total=10_000, milestones=[
        {"label": "A", "amount_minor": 2_500}, {"label": "B", "amount_minor": 2_500},
        {"label": "C", "amount_minor": 5_000}])
    cr = raise_change(store, "order", order["id"], amount_delta_minor=-1_001)
    store.run(change_requests.approve_change_request, cr["id"])
    # -10.01 in shares 1:1:2 -> -2.50 (2.5025), -2.50, and the last takes the rest: -5.01
    assert [m["amount_minor"] for m in store.run(orders.billing_plan, order["id"])] == [2_250, 2_250, 4_499]


def test_an_order_change_below_what_is_invoiced_is_refused_and_changes_nothing(store, invoiced_order):
    cr = raise_change(store, "order", invoiced_order["id"], amount_delta_minor=-7_002)  # 100.01 - 70.02 < 30.00
    as_role(store, "manager")
    before = chain.counts(store)
    with pytest.raises(ValidationError):
        store.run(change_requests.approve_change_request, cr["id"])
    assert chain.counts(store) == before
    assert chain.get(store, "order", invoiced_order["id"])["total_minor"] == 10_001
    assert chain.get(store, "change_request", cr["id"])["status"] == "open"


def test_rejecting_needs_a_reason(store, sent_quote):
    cr = raise_change(store, "deal", sent_quote["deal_id"], amount_delta_minor=100)
    as_role(store, "manager")
    before = chain.counts(store)
    with pytest.raises(ValidationError):
        store.run(change_requests.reject_change_request, cr["id"], "  ")
    assert chain.counts(store) == before
    rejected = store.run(change_requests.reject_change_request, cr["id"], "out of scope for phase 1")
    assert (rejected["status"], rejected["reject_reason"], rejected["result_quote_id"]) == \
        ("rejected", "out of scope for phase 1", None)
    assert chain.rows(store, "approval", subject_id=cr["id"])[0]["status"] == "rejected"
    assert chain.get(store, "quote", sent_quote["id"])["status"] == "sent"  # nothing else moved


def test_editing_an_open_request_recomputes_and_asks_again(store, sent_quote):
    cr = raise_change(store, "deal", sent_quote["deal_id"], amount_delta_minor=100)
    edited = store.run(change_requests.update_change_request, cr["id"], {"amount_delta_minor": 300})
    assert edited["impact"]["new_total_minor"] == 22_900
    assert sorted(a["status"] for a in chain.rows(store, "approval", subject_id=cr["id"])) == ["pending", "void"]
