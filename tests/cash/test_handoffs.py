"""The sales-to-finance hand-off and the shared inbox: a won deal lands with the role the
RACI matrix makes Responsible, carries what finance needs, is accepted or returned with a
comment, and every inbox item shows its age against the step's target."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest

from app import clock
from app.errors import InvalidTransition, PermissionDenied, ValidationError
from app.models import User
from app.rules import raci
from app.services import (
    approvals, change_requests, customers, deals, handoffs, invoices, orders, quotes, responsibilities,
)
from app.store import Actor
from tests.conftest import as_role
from tests.foundation import chain


def become(store, role: str, username: str) -> Actor:
    """Act as another (local) user with `role`, as signing in on this profile would."""
    user_id = str(uuid.uuid4())
    with store.write() as s:
        s.execute(User.__table__.insert().values(id=user_id, username=username, role=role, active=True))
    actor = Actor(user_id, username, role, username)
    store.set_actor(actor)
    return actor


def later(timestamp: str, hours: float) -> str:
    return clock.format_datetime(clock.parse_datetime(timestamp) + dt.timedelta(hours=hours))


@pytest.fixture
def won(store):
    """A rep's deal with an accepted quote, an order on a 30/70 plan and a primary contact,
    then won: returns the deal, quote, order and the hand-off it produced."""
    as_role(store, "rep")
    c = chain.customer(store)
    store.run(customers.create_contact, {"customer_id": c["id"], "name": "王建国", "phone": "13912345678",
                                         "is_primary": True})
    q = chain.accepted_quote(store, [chain.line(1_000_000, tax_rate_bp=1300)], customer_id=c["id"])
    order = store.run(orders.create_order, {"quote_id": q["id"], "number": "SO-7"}, milestones=[
        {"label": "预付款", "percent_bp": 3000, "due_on": "2026-12-01"},
        {"label": "验收款", "percent_bp": 7000, "due_on": "2027-03-01"}])
    deal = store.run(deals.win, q["deal_id"])
    [item] = chain.rows(store, "handoff", deal_id=deal["id"])
    return {"customer": c, "deal": deal, "quote": q, "order": order, "handoff": item}


def test_winning_a_deal_hands_it_to_the_role_responsible_for_order_acceptance(store, won):
    item = won["handoff"]
    assert (item["step"], item["status"], item["assigned_role"]) == ("order_acceptance", "open", "finance")
    assert (item["quote_id"], item["order_id"]) == (won["quote"]["id"], won["order"]["id"])
    assert (item["amount_minor"], item["currency"]) == (won["order"]["total_minor"], "CNY")
    assert item["requested_by"] == store.actor().id and item["customer_id"] == won["customer"]["id"]
    assert [m["op"] for m in chain.outbox(store, "handoff", item["id"])] == ["create"]  # it syncs
    assert store.run(handoffs.on_deal_won, won["deal"]) is None  # once per deal


def test_a_lost_or_still_open_deal_hands_nothing_over(store):
    c = chain.customer(store)
    open_deal = chain.deal(store, c["id"])
    store.run(deals.move_stage, open_deal["id"], "negotiation")
    store.run(deals.lose, open_deal["id"], "price")
    assert chain.rows(store, "handoff") == []


def test_the_hand_off_carries_customer_quote_billing_plan_contacts_and_credit(store, won):
    as_role(store, "finance")
    detail = store.run(handoffs.handoff_detail, won["handoff"]["id"])
    assert detail["customer"]["name"] == won["customer"]["name"]
    assert detail["quote"]["status"] == "accepted" and len(detail["quote"]["lines"]) == 1
    plan = detail["order"]["billing_plan"]
    assert [(m["label"], m["amount_minor"]) for m in plan] == [("预付款", 339_000), ("验收款", 791_000)]
    assert [c["name"] for c in detail["contacts"]] == ["王建国"]
    assert detail["credit_check"]["passed"] and detail["credit_check"]["order_minor"] == 1_130_000
    assert detail["missing"] == []


def test_a_hand_off_without_an_accepted_quote_order_or_contact_says_what_is_missing(store):
    as_role(store, "rep")
    c = chain.customer(store)
    d = chain.deal(store, c["id"], stage="negotiation")
    store.run(deals.win, d["id"])
    [item] = chain.rows(store, "handoff", deal_id=d["id"])
    assert item["quote_id"] is None and item["amount_minor"] == d["amount_minor"]
    detail = store.run(handoffs.handoff_detail, item["id"])
    assert detail["missing"] == ["accepted_quote", "order", "contact"]


def test_finance_accepts_a_hand_off_and_a_rep_cannot(store, won):
    item = won["handoff"]
    with pytest.raises(PermissionDenied):
        store.run(handoffs.accept_handoff, item["id"])
    as_role(store, "finance")
    accepted = store.run(handoffs.accept_handoff, item["id"], "资料齐全")
    assert (accepted["status"], accepted["decided_by"], accepted["comment"]) == ("accepted", store.actor().id, "资料齐全")
    with pytest.raises(InvalidTransition):
        store.run(handoffs.return_handoff, item["id"], "too late")
    history = [(a["field"], a["new"]) for a in chain.audit(store, "handoff", item["id"]) if a["field"] == "status"]
    assert history == [("status", "accepted")]


def test_a_returned_hand_off_goes_back_to_its_sender_with_the_comment_and_comes_back_fixed(store, won):
    item, rep = won["handoff"], store.actor()
    finance = become(store, "finance", "fin")
    before = chain.counts(store)
    with pytest.raises(ValidationError) as err:
        store.run(handoffs.return_handoff, item["id"], "  ")
    assert "comment" in err.value.fields and chain.counts(store) == before
    store.run(handoffs.return_handoff, item["id"], "缺少盖章合同")
    returned = chain.get(store, "handoff", item["id"])
    assert (returned["status"], returned["decided_by"]) == ("returned", finance.id)
    assert item["id"] not in {i["id"] for i in store.run(handoffs.inbox)}
    store.set_actor(rep)
    [back] = [i for i in store.run(handoffs.inbox) if i["id"] == item["id"]]
    assert (back["status"], back["note"]) == ("returned", "缺少盖章合同")
    again = store.run(handoffs.resubmit_handoff, item["id"], "已补充合同扫描件")
    assert again["status"] == "open" and again["decided_by"] is None and again["requested_by"] == rep.id
    assert again["requested_at"] >= item["requested_at"]
    assert item["id"] not in {i["id"] for i in store.run(handoffs.inbox)}  # a rep is not Responsible
    store.set_actor(finance)
    assert item["id"] in {i["id"] for i in store.run(handoffs.inbox)}
    statuses = [a["new"] for a in chain.audit(store, "handoff", item["id"]) if a["field"] == "status"]
    assert statuses == ["returned", "open"]  # the record's history keeps every round


def test_every_inbox_item_shows_its_age_against_the_steps_target(store, won):
    as_role(store, "finance")
    since = won["handoff"]["requested_at"]
    early = {i["id"]: i for i in store.run(handoffs.inbox, now=later(since, 23))}[won["handoff"]["id"]]
    late = {i["id"]: i for i in store.run(handoffs.inbox, now=later(since, 25.5))}[won["handoff"]["id"]]
    assert (early["age_hours"], early["target_hours"], early["overdue"]) == (23.0, 24, False)
    assert (late["age_hours"], late["overdue"]) == (25.5, True)
    assert late["due_at"] == later(since, 24) and late["customer_name"] == won["customer"]["name"]


def test_approvals_credit_releases_change_requests_and_invoicing_share_the_inbox(store):
    as_role(store, "rep")
    c = chain.customer(store, name="乙公司")
    d = chain.deal(store, c["id"])
    q = chain.quote(store, d["id"], [chain.line(100_000, discount_bp=2000)])
    approval = store.run(quotes.request_approval, q["id"])["approval"]
    d2 = chain.deal(store, c["id"], name="二期")
    chain.quote(store, d2["id"], [chain.line(50_000)])  # a change is raised on a quoted deal
    change = store.run(change_requests.open_change_request, {"subject_entity": "deal", "subject_id": d2["id"],
                                                             "description": "加一台", "amount_delta_minor": 10_000})
    as_role(store, "finance")
    store.run(customers.set_credit_limit, c["id"], 1)
    held = chain.confirmed_order(store, 30_000, customer_id=c["id"])  # over the limit: waits for finance
    paid_plan = chain.confirmed_order(store, 20_000, milestones=[
        {"label": "到期", "amount_minor": 20_000, "due_on": "2026-01-15"}])
    draft = store.run(invoices.create_invoice, {"customer_id": c["id"]},
                      lines=[{"description": "服务费", "unit_price_minor": 5_000}])
    store.run(invoices.request_issue, draft["id"])
    as_role(store, "manager")
    manager = {(i["kind"], i["subject_id"]) for i in store.run(handoffs.inbox)}
    as_role(store, "finance")
    finance = {(i["kind"], i["step"], i["subject_id"]) for i in store.run(handoffs.inbox)}
    assert manager == {("approval", q["id"]), ("approval", change["id"])}
    assert ("approval", "credit_release", held["id"]) in finance
    assert ("invoice", "invoicing", draft["id"]) in finance
    [due] = chain.rows(store, "billing_milestone", order_id=paid_plan["id"])
    assert ("milestone", "invoicing", due["id"]) in finance
    assert not any(step in ("quote_approval", "change_approval") for _, step, _ in finance)
    as_role(store, "admin")
    everything = {i["id"] for i in store.run(handoffs.inbox)}
    assert approval["id"] in everything and draft["id"] in everything


def test_a_fresh_profile_has_the_default_matrix_with_shared_ids(store):
    rows = chain.rows(store, "responsibility")
    assert len(rows) == len(raci.DEFAULT_MATRIX) * 4
    assert {r["id"] for r in rows} == {raci.responsibility_id(r["step"], r["role"]) for r in rows}
    assert all(r["version"] == 0 for r in rows) and chain.outbox(store, "responsibility") == []
    with store.unit() as uow:
        assert responsibilities.responsible_role(uow, "order_acceptance") == "finance"
        assert responsibilities.responsible_role(uow, "quote_approval") == "manager"


def test_an_admin_moves_a_step_to_another_role_and_its_items_follow(store):
    as_role(store, "finance")
    before = chain.counts(store)
    with pytest.raises(PermissionDenied):
        store.run(responsibilities.set_step, "order_acceptance", {"manager": "R", "finance": "C"})
    as_role(store, "admin")
    with pytest.raises(ValidationError) as err:
        store.run(responsibilities.set_step, "order_acceptance", {"manager": "R"})  # two R
    assert "R" in err.value.fields and chain.counts(store) == before
    row = store.run(responsibilities.set_step, "order_acceptance", {"manager": "R", "finance": "c"})
    assert row == {"rep": "C", "manager": "R", "finance": "C", "admin": "I"}
    queued = {m["record_id"]: m["changes"]["raci"] for m in chain.outbox(store, "responsibility")}
    assert queued == {raci.responsibility_id("order_acceptance", "manager"): "R",
                      raci.responsibility_id("order_acceptance", "finance"): "C"}
    as_role(store, "rep")
    c = chain.customer(store)
    d = chain.deal(store, c["id"], stage="negotiation")
    store.run(deals.win, d["id"])
    [item] = chain.rows(store, "handoff", deal_id=d["id"])
    assert item["assigned_role"] == "manager"
    as_role(store, "manager")
    assert item["id"] in {i["id"] for i in store.run(handoffs.inbox)}
    as_role(store, "finance")
    assert item["id"] not in {i["id"] for i in store.run(handoffs.inbox)}
    with pytest.raises(PermissionDenied):  # finance is only Consulted now
        store.run(handoffs.accept_handoff, item["id"])
    with store.unit() as uow:
        table = {r["step"]: r for r in responsibilities.table(uow)}
    assert (table["order_acceptance"]["R"], table["order_acceptance"]["A"]) == ("manager", None)


def test_an_approval_opens_with_what_the_decider_needs(store):
    as_role(store, "rep")
    c = chain.customer(store)
    d = chain.deal(store, c["id"])
    v1 = chain.quote(store, d["id"], [chain.line(100_000)])
    store.run(quotes.send_quote, v1["id"])
    change = store.run(change_requests.open_change_request, {"subject_entity": "deal", "subject_id": d["id"],
                                                             "description": "让利", "amount_delta_minor": -5_000})
    as_role(store, "manager")
    [cr_approval] = [i for i in store.run(handoffs.inbox) if i["subject_id"] == change["id"]]
    detail = store.run(handoffs.approval_detail, cr_approval["id"])
    assert detail["subject"]["impact"]["new_total_minor"] == 95_000 and detail["approval"]["target_hours"] == 48
    store.run(approvals.decide_approval, cr_approval["id"], "approved")
    v2 = chain.get(store, "change_request", change["id"])["result_quote_id"]
    as_role(store, "rep")
    request = store.run(quotes.request_approval, v2)["approval"]
    detail = store.run(handoffs.approval_detail, request["id"])
    assert detail["comparison"]["counts"] == {"same": 1, "changed": 0, "added": 1, "removed": 0}
    assert detail["comparison"]["totals"]["total_minor"]["delta"] == -5_000 and len(detail["subject"]["lines"]) == 2

    as_role(store, "finance")
    store.run(customers.set_credit_limit, c["id"], 10_000)
    held = chain.confirmed_order(store, 60_000, customer_id=c["id"], milestones=[
        {"label": "一期", "percent_bp": 5000}, {"label": "二期", "percent_bp": 5000}])
    [credit] = [i for i in store.run(handoffs.inbox) if i["subject_id"] == held["id"]]
    detail = store.run(handoffs.approval_detail, credit["id"])
    assert not detail["credit_check"]["passed"] and detail["credit_check"]["credit_limit_minor"] == 10_000
    assert [m["amount_minor"] for m in detail["subject"]["billing_plan"]] == [30_000, 30_000]
    store.run(approvals.decide_approval, credit["id"], "approved", "老客户，放行")
    first = min(chain.rows(store, "billing_milestone", order_id=held["id"]), key=lambda m: m["position"])
    store.run(invoices.draft_invoice_from_milestone, first["id"])
    order_change = store.run(change_requests.open_change_request, {
        "subject_entity": "order", "subject_id": held["id"], "description": "增加培训", "amount_delta_minor": 4_000})
    as_role(store, "manager")
    [oc] = [i for i in store.run(handoffs.inbox) if i["subject_id"] == order_change["id"]]
    impact = store.run(handoffs.approval_detail, oc["id"])["subject"]["impact"]
    assert [m["label"] for m in impact["remaining_plan"]] == ["二期"] and impact["remaining_minor"] == 30_000
    assert (impact["current_total_minor"], impact["new_total_minor"]) == (60_000, 64_000)
