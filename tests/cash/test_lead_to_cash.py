"""Lead to cash end to end, through the services and the real server: a rep, a manager and
finance on their own profiles, each change travelling by sync. And the rule that holds at
every layer: a rep cannot issue an invoice, record a payment or change a credit limit."""
from __future__ import annotations

import datetime as dt
import random
import uuid

import pytest
import requests

from app import clock
from app.errors import PermissionDenied
from app.queries import receivables
from app.queries.quote_to_cash import quote_to_cash
from app.services import (
    approvals, change_requests, customers, deals, handoffs, invoices, leads, orders, payments, quotes,
)
from sync import admin
from tests.foundation import chain


def day(offset: int) -> str:
    return (clock.today() + dt.timedelta(days=offset)).isoformat()


def one(engine, entity: str, record_id: str) -> dict:
    return engine.store.run(lambda uow: uow.get(entity, record_id))


def inbox(engine) -> dict:
    return {i["id"]: i for i in engine.store.run(handoffs.inbox)}


def mobile() -> str:
    return "139" + "".join(random.choice("0123456789") for _ in range(8))


def test_a_lead_becomes_cash_and_the_deal_knows_its_quote_to_cash_time(clients):
    rep, mgr, fin = clients("rep1"), clients("mgr"), clients("fin")
    company = f"苏州精工机械有限公司{uuid.uuid4().hex[:6]}"

    # Lead -> customer, contact and deal (the rep, on the road).
    lead = rep.store.run(leads.create_lead, {"company_name": company, "contact_name": "周敏", "title": "采购总监",
                                             "phone": mobile(), "source": "trade_show"})
    rep.store.run(leads.qualify, lead["id"])
    converted = rep.store.run(leads.convert, lead["id"], deal={"name": "数控产线改造"})
    customer, deal = converted["customer"], converted["deal"]
    rep.store.run(deals.move_stage, deal["id"], "proposal", amount_minor=22_600_000, expected_close=day(60))

    # Quote v1, sent to the customer 20 days ago.
    v1 = rep.store.run(quotes.create_quote, {"deal_id": deal["id"], "valid_until": day(30)}, lines=[
        {"description": "五轴数控加工中心", "quantity_milli": 2000, "unit_price_minor": 10_000_000, "tax_rate_bp": 1300}])
    rep.store.run(quotes.send_quote, v1["id"], day(-20))

    # The customer asks for a price cut: a change request, decided by the manager.
    change = rep.store.run(change_requests.open_change_request, {
        "subject_entity": "deal", "subject_id": deal["id"], "description": "客户要求优惠 1 万元",
        "amount_delta_minor": -1_000_000})
    assert change["impact"]["new_total_minor"] == v1["total_minor"] - 1_000_000
    rep.sync()
    mgr.sync()
    [item] = [i for i in inbox(mgr).values() if i["subject_id"] == change["id"]]
    assert item["step"] == "change_approval" and not item["overdue"]
    mgr.store.run(approvals.decide_approval, item["id"], "approved", "同意")
    decided = one(mgr, "change_request", change["id"])
    assert decided["status"] == "approved"
    mgr.sync()

    # Quote v2 (the new revision the approval made) needs approval: asked offline, queued.
    rep.sync()
    v2 = one(rep, "quote", decided["result_quote_id"])
    assert (v2["revision"], v2["total_minor"]) == (2, v1["total_minor"] - 1_000_000)
    assert one(rep, "quote", v1["id"])["status"] == "superseded"
    request = rep.store.run(quotes.request_approval, v2["id"])["approval"]
    rep.sync()
    mgr.sync()
    assert request["id"] in inbox(mgr)
    mgr.store.run(approvals.decide_approval, request["id"], "approved")
    mgr.sync()
    rep.sync()
    assert one(rep, "quote", v2["id"])["status"] == "approved"

    # Sent, accepted, an order on a 30/70 billing plan, and the deal won: the hand-off.
    rep.store.run(quotes.send_quote, v2["id"], day(-15))
    rep.sync()  # the customer answers days later
    rep.store.run(quotes.accept_quote, v2["id"], day(-12))
    order = rep.store.run(orders.create_order, {"quote_id": v2["id"], "number": f"SO-{uuid.uuid4().hex[:6]}",
                                                "signed_on": day(-10)}, milestones=[
        {"label": "预付款 30%", "percent_bp": 3000, "due_on": day(-10)},
        {"label": "验收款 70%", "percent_bp": 7000, "due_on": day(20)}])
    assert order["credit_check"]["passed"] and order["status"] == "confirmed"
    rep.store.run(deals.win, deal["id"])
    rep.sync()

    # Finance finds the hand-off in its inbox, with everything needed, and accepts it.
    fin.sync()
    [handoff] = [i for i in inbox(fin).values() if i["kind"] == "handoff" and i["customer_id"] == customer["id"]]
    detail = fin.store.run(handoffs.handoff_detail, handoff["id"])
    assert detail["missing"] == [] and detail["quote"]["id"] == v2["id"]
    plan = detail["order"]["billing_plan"]
    # 2 x 100,000.00 + 13% VAT = 226,000.00, less the 10,000.00 cut = 216,000.00, split 30/70
    assert [m["amount_minor"] for m in plan] == [6_480_000, 15_120_000]
    fin.store.run(handoffs.accept_handoff, handoff["id"])

    # Invoice 1: drafted and requested by finance, numbered and issued by the server.
    inv1 = fin.store.run(invoices.draft_invoice_from_milestone, plan[0]["id"])
    fin.store.run(invoices.request_issue, inv1["id"])
    fin.sync()
    issued = admin.issue_invoice(fin, inv1["id"])
    assert one(fin, "invoice", inv1["id"])["number"] is None  # not until the pull
    fin.sync()
    inv1 = one(fin, "invoice", inv1["id"])
    assert (inv1["status"], inv1["number"]) == ("issued", issued["number"])
    assert (inv1["issued_on"], inv1["total_minor"]) == (clock.today().isoformat(), 6_480_000)

    # A partial payment; aging shows the rest, overdue once the due date has passed.
    half = inv1["total_minor"] // 2
    p1 = fin.store.run(payments.record_payment, {"customer_id": customer["id"], "amount_minor": half,
                                                 "method": "bank_transfer", "reference": "电汇 001"})
    fin.store.run(payments.allocate_payment, p1["id"])
    fin.sync()
    rest = inv1["total_minor"] - half
    with fin.store.read() as s:
        now = receivables.customer_receivables(s, customer["id"])
        late = receivables.aging(s, clock.parse_date(inv1["due_on"]) + dt.timedelta(days=10),
                                 customer_id=customer["id"])
    assert now["aging"]["CNY"]["total"] == rest and now["aging"]["CNY"]["current"] == rest
    assert one(fin, "invoice", inv1["id"])["status"] == "partially_paid"
    assert late["totals"]["CNY"]["1_30"] == rest and late["customers"][0]["oldest_days_past_due"] == 10

    # Invoice 2, then one payment that settles everything (the oldest first).
    inv2 = fin.store.run(invoices.draft_invoice_from_milestone, plan[1]["id"])
    fin.store.run(invoices.request_issue, inv2["id"])
    fin.sync()
    admin.issue_invoice(fin, inv2["id"])
    fin.sync()
    inv2 = one(fin, "invoice", inv2["id"])
    assert inv2["status"] == "issued" and inv2["number"] != inv1["number"]
    p2 = fin.store.run(payments.record_payment, {"customer_id": customer["id"],
                                                 "amount_minor": rest + inv2["total_minor"]})
    result = fin.store.run(payments.allocate_payment, p2["id"])
    assert result["unallocated_minor"] == 0
    fin.sync()
    assert {one(fin, "invoice", i["id"])["status"] for i in (inv1, inv2)} == {"paid"}

    # The deal's quote-to-cash time, leg by leg, the same on the rep's copy after a sync.
    with fin.store.read() as s:
        q2c = quote_to_cash(s, deal["id"])
    assert q2c["complete"] and (q2c["quote_sent_on"], q2c["order_on"]) == (day(-20), day(-10))
    assert [leg["days"] for leg in q2c["legs"]] == [10, 10, 0] and q2c["total_days"] == 20
    rep.sync()
    assert one(rep, "handoff", handoff["id"])["status"] == "accepted"  # the rep sees finance took it
    with rep.store.read() as s:
        assert quote_to_cash(s, deal["id"]) == q2c
        assert receivables.customer_receivables(s, customer["id"])["open_invoices"] == []


@pytest.fixture
def rep_book(clients):
    """A rep's customer and a draft invoice on the server, and a finance client."""
    rep, fin = clients("rep1"), clients("fin")
    c = rep.store.run(customers.create_customer, {"name": f"深圳前海贸易有限公司{uuid.uuid4().hex[:6]}"},
                      allow_duplicate=True)
    draft = rep.store.run(invoices.create_invoice, {"customer_id": c["id"]},
                          lines=[{"description": "咨询费", "unit_price_minor": 300_000}])
    rep.sync()
    return rep, fin, c, draft


def test_a_rep_cannot_issue_record_a_payment_or_set_a_credit_limit_locally(rep_book):
    rep, _, c, draft = rep_book
    before = chain.counts(rep.store)
    with pytest.raises(PermissionDenied):
        rep.store.run(invoices.request_issue, draft["id"])
    with pytest.raises(PermissionDenied):
        rep.store.run(payments.record_payment, {"customer_id": c["id"], "amount_minor": 100})
    with pytest.raises(PermissionDenied):
        rep.store.run(customers.set_credit_limit, c["id"], 1_000_000)
    assert chain.counts(rep.store) == before


def test_the_server_refuses_a_rep_who_forges_the_same_writes(rep_book, server):
    rep, fin, c, draft = rep_book
    api = requests.Session()
    api.headers.update({"Authorization": f"Bearer {rep._token()}", "X-LTC-Protocol": "1"})
    issue = api.post(f"{server.url}/api/v1/invoices/{draft['id']}/issue", json={})
    assert issue.status_code == 403 and issue.json()["error"]["code"] == "permission_denied"
    customer_version = one(rep, "customer", c["id"])["version"]
    invoice_version = one(rep, "invoice", draft["id"])["version"]
    forged = [
        {"mutation_id": str(uuid.uuid4()), "entity": "payment", "record_id": str(uuid.uuid4()), "op": "create",
         "base_version": None, "base": {},
         "changes": {"customer_id": c["id"], "amount_minor": 300_000, "currency": "CNY"}},
        {"mutation_id": str(uuid.uuid4()), "entity": "customer", "record_id": c["id"], "op": "update",
         "base_version": customer_version, "base": {"credit_limit_minor": None},
         "changes": {"credit_limit_minor": 99_000_000}},
        {"mutation_id": str(uuid.uuid4()), "entity": "invoice", "record_id": draft["id"], "op": "update",
         "base_version": invoice_version, "base": {"status": "draft", "number": None},
         "changes": {"status": "issued", "number": "INV-FAKE-1"}},
    ]
    reply = api.post(f"{server.url}/api/v1/sync/push", json={"client_id": rep.store.client_id(), "mutations": forged})
    assert reply.status_code == 200
    results = reply.json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * 3
    assert [r["error"]["code"] for r in results] == ["permission_denied", "permission_denied", "permission_denied"]
    # Nothing of it reached the books finance reads.
    fin.sync()
    assert one(fin, "customer", c["id"])["credit_limit_minor"] is None
    assert (one(fin, "invoice", draft["id"])["status"], one(fin, "invoice", draft["id"])["number"]) == ("draft", None)
    assert fin.store.run(lambda uow: uow.get("payment", forged[0]["record_id"])) is None
