"""Quotes: totals and rounding, the state machine, approvals bound to content, revisions."""
from __future__ import annotations

import pytest

from app.errors import Immutable, InvalidTransition, PermissionDenied, ValidationError
from app.models import ENTITIES
from app.rules import money
from app.services import approvals, quotes, records
from tests.conftest import as_role
from tests.foundation import chain


@pytest.fixture
def deal(store):
    c = chain.customer(store)
    return chain.deal(store, c["id"], currency="CNY")


def test_line_amounts_and_totals_follow_the_rounding_rule(store, deal):
    q = chain.quote(store, deal["id"], [
        # 3 x 33.33 = 99.99; 10% off = 9.999 -> 10.00; net 89.99; 13% tax = 11.6987 -> 11.70; 101.69
        chain.line(3333, quantity_milli=3000, discount_bp=1000, tax_rate_bp=1300),
        # half a unit at 1.05 = 0.525 -> 0.53 (half away from zero); 10% tax = 0.053 -> 0.05; 0.58
        chain.line(105, quantity_milli=500, tax_rate_bp=1000),
        # 0.25 at 10% tax = 0.025 -> 0.03 (half away from zero); 0.28
        chain.line(25, tax_rate_bp=1000),
    ])
    lines = store.run(quotes.quote_lines, q["id"])
    assert [(l["net_minor"], l["tax_minor"], l["total_minor"]) for l in lines] \
        == [(8999, 1170, 10169), (53, 5, 58), (25, 3, 28)]
    assert (q["subtotal_minor"], q["discount_minor"], q["tax_minor"], q["total_minor"], q["max_discount_bp"]) \
        == (9999 + 53 + 25, 1000, 1178, 10255, 1000)
    assert q["total_minor"] == sum(l["total_minor"] for l in lines)
    assert q["content_hash"] == money.content_hash(q, lines)


def test_a_quote_takes_customer_and_currency_from_its_deal_and_starts_as_draft_revision_1(store, deal):
    q = chain.quote(store, deal["id"], [])
    assert (q["customer_id"], q["currency"], q["revision"], q["status"]) == (deal["customer_id"], "CNY", 1, "draft")
    before = chain.counts(store)
    with pytest.raises(ValidationError) as err:
        store.run(quotes.create_quote, {"deal_id": deal["id"], "currency": "USD"})
    assert "currency" in err.value.fields
    assert chain.counts(store) == before


def test_a_product_line_defaults_its_description_price_and_tax_from_the_product(store, deal):
    product = store.run(lambda uow: uow.create("product", {"name": "数控机床维保", "unit_price_minor": 120_000,
                                                           "tax_rate_bp": 600, "currency": "CNY"}))
    q = chain.quote(store, deal["id"], [])
    added = store.run(quotes.add_line, {"quote_id": q["id"], "product_id": product["id"], "quantity_milli": 2000})
    assert (added["description"], added["unit_price_minor"], added["tax_rate_bp"]) == ("数控机床维保", 120_000, 600)
    # 2 x 1200.00 = 2400.00; 6% tax = 144.00
    assert (added["net_minor"], added["tax_minor"], added["total_minor"]) == (240_000, 14_400, 254_400)
    assert chain.get(store, "quote", q["id"])["total_minor"] == 254_400


def test_every_line_change_recomputes_totals_and_content_hash(store, deal):
    q = chain.quote(store, deal["id"], [chain.line(1000), chain.line(2000)])
    lines = store.run(quotes.quote_lines, q["id"])
    store.run(quotes.update_line, lines[0]["id"], {"quantity_milli": 3000})
    after_edit = chain.get(store, "quote", q["id"])
    assert after_edit["total_minor"] == 5000 and after_edit["content_hash"] != q["content_hash"]
    store.run(quotes.remove_line, lines[1]["id"])
    after_remove = chain.get(store, "quote", q["id"])
    assert after_remove["total_minor"] == 3000 and after_remove["content_hash"] != after_edit["content_hash"]


def test_quote_state_machine_allows_the_chain_and_refuses_shortcuts(store, deal):
    q = chain.quote(store, deal["id"], [chain.line(1000)])
    with pytest.raises(InvalidTransition):
        store.run(quotes.accept_quote, q["id"])  # draft -> accepted skips sending
    sent = store.run(quotes.send_quote, q["id"])
    assert sent["status"] == "sent" and sent["sent_on"]
    with pytest.raises(InvalidTransition):
        store.run(quotes.request_approval, q["id"])  # sent -> pending_approval
    line_id = chain.rows(store, "quote_line", quote_id=q["id"])[0]["id"]
    with pytest.raises(Immutable):
        store.run(quotes.update_line, line_id, {"unit_price_minor": 1})
    accepted = store.run(quotes.accept_quote, q["id"])
    assert accepted["status"] == "accepted" and accepted["decided_on"]
    for refused in (quotes.send_quote, quotes.reject_quote, quotes.revise_quote):
        with pytest.raises(InvalidTransition):
            store.run(refused, q["id"])
    assert chain.get(store, "deal", deal["id"])["stage"] == deal["stage"]  # accepting does not move the deal


def test_a_rejected_quote_can_only_be_superseded(store, deal):
    q = chain.quote(store, deal["id"], [chain.line(1000)])
    store.run(quotes.send_quote, q["id"])
    assert store.run(quotes.reject_quote, q["id"])["status"] == "rejected"
    with pytest.raises(InvalidTransition):
        store.run(quotes.accept_quote, q["id"])
    assert store.run(quotes.revise_quote, q["id"])["revision"] == 2


def test_discount_over_threshold_needs_approval_and_cannot_be_sent_without_it(store, deal):
    threshold = store.dictionary().number("approval_threshold", "quote_discount_bp")
    at_limit = chain.quote(store, deal["id"], [chain.line(10_000, discount_bp=threshold)])
    assert store.run(quotes.approval_reasons, at_limit["id"]) == []
    over = chain.quote(store, deal["id"], [chain.line(10_000, discount_bp=threshold + 1)])
    reasons = store.run(quotes.approval_reasons, over["id"])
    assert len(reasons) == 1 and "quote_discount_bp" in reasons[0]
    before = chain.counts(store)
    with pytest.raises(InvalidTransition):
        store.run(quotes.send_quote, over["id"])
    assert chain.counts(store) == before


def test_total_over_threshold_needs_approval(store, deal):
    threshold = store.dictionary().number("approval_threshold", "quote_total_minor")
    q = chain.quote(store, deal["id"], [chain.line(threshold + 1)])
    assert any("quote_total_minor" in r for r in store.run(quotes.approval_reasons, q["id"]))
    with pytest.raises(InvalidTransition):
        store.run(quotes.send_quote, q["id"])


def test_a_rep_requests_approval_and_only_a_manager_decides(store, deal):
    q = chain.quote(store, deal["id"], [chain.line(10_000, discount_bp=2000)])
    as_role(store, "rep")
    result = store.run(quotes.request_approval, q["id"])
    approval, pending = result["approval"], result["quote"]
    assert pending["status"] == "pending_approval"
    assert (approval["kind"], approval["status"], approval["content_hash"]) == ("quote", "pending", q["content_hash"])
    assert "quote_discount_bp" in approval["reason"] and approval["requested_by"] == store.actor().id
    with pytest.raises(PermissionDenied):
        store.run(approvals.decide_approval, approval["id"], "approved")
    as_role(store, "finance")
    with pytest.raises(PermissionDenied):
        store.run(approvals.decide_approval, approval["id"], "approved")
    as_role(store, "manager")
    store.run(approvals.decide_approval, approval["id"], "approved", "ok for this key account")
    approved = chain.get(store, "quote", q["id"])
    assert approved["status"] == "approved" and approved["approved_hash"] == approved["content_hash"]
    decided = chain.get(store, "approval", approval["id"])
    assert (decided["status"], decided["decided_by"], decided["comment"]) == \
        ("approved", store.actor().id, "ok for this key account")
    assert store.run(quotes.send_quote, q["id"])["status"] == "sent"


def test_a_rejection_needs_a_comment_and_returns_the_quote_to_draft(store, deal):
    q = chain.quote(store, deal["id"], [chain.line(10_000, discount_bp=2000)])
    approval = store.run(quotes.request_approval, q["id"])["approval"]
    as_role(store, "manager")
    with pytest.raises(ValidationError):
        store.run(approvals.decide_approval, approval["id"], "rejected", "  ")
    store.run(approvals.decide_approval, approval["id"], "rejected", "20% is too deep")
    assert chain.get(store, "quote", q["id"])["status"] == "draft"
    assert chain.get(store, "approval", approval["id"])["status"] == "rejected"
    with pytest.raises(InvalidTransition):
        store.run(approvals.decide_approval, approval["id"], "approved")


def test_editing_an_approved_quote_voids_its_approval_and_blocks_sending(store, deal):
    q = chain.quote(store, deal["id"], [chain.line(10_000, discount_bp=2000)])
    approval = store.run(quotes.request_approval, q["id"])["approval"]
    as_role(store, "manager")
    store.run(approvals.decide_approval, approval["id"], "approved")
    as_role(store, "rep")
    line_id = chain.rows(store, "quote_line", quote_id=q["id"])[0]["id"]
    store.run(quotes.update_line, line_id, {"discount_bp": 2000})  # same value: nothing changes
    assert chain.get(store, "quote", q["id"])["status"] == "approved"
    store.run(quotes.update_line, line_id, {"discount_bp": 2500})
    edited = chain.get(store, "quote", q["id"])
    assert (edited["status"], edited["approved_hash"]) == ("draft", None)
    assert chain.get(store, "approval", approval["id"])["status"] == "void"
    with pytest.raises(InvalidTransition):
        store.run(quotes.send_quote, q["id"])


def test_editing_a_pending_quote_voids_the_request(store, deal):
    q = chain.quote(store, deal["id"], [chain.line(10_000, discount_bp=2000)])
    approval = store.run(quotes.request_approval, q["id"])["approval"]
    store.run(quotes.add_line, {"quote_id": q["id"], **chain.line(500)})
    assert chain.get(store, "quote", q["id"])["status"] == "draft"
    assert chain.get(store, "approval", approval["id"])["status"] == "void"
    as_role(store, "manager")
    with pytest.raises(InvalidTransition):
        store.run(approvals.decide_approval, approval["id"], "approved")


def test_a_decision_on_content_changed_by_sync_voids_the_request_instead(store, deal):
    q = chain.quote(store, deal["id"], [chain.line(10_000, discount_bp=2000)])
    approval = store.run(quotes.request_approval, q["id"])["approval"]
    # Another device's line edit arrives by pull: written to the tables, not through the service.
    t = ENTITIES["quote"].__table__
    with store.write() as s:
        s.execute(t.update().where(t.c.id == q["id"]).values(content_hash="0" * 64, version=3))
    as_role(store, "manager")
    decided = store.run(approvals.decide_approval, approval["id"], "approved")
    assert decided["status"] == "void"
    assert (chain.get(store, "quote", q["id"])["status"], chain.get(store, "quote", q["id"])["approved_hash"]) == \
        ("draft", None)


def test_revise_copies_header_and_lines_into_the_next_revision_and_supersedes_the_old(store, deal):
    q = chain.quote(store, deal["id"], [chain.line(3333, quantity_milli=3000, discount_bp=2000, tax_rate_bp=1300),
                                        chain.line(500)])
    approval = store.run(quotes.request_approval, q["id"])["approval"]
    new = store.run(quotes.revise_quote, q["id"])
    assert (new["revision"], new["supersedes_id"], new["status"]) == (2, q["id"], "draft")
    assert (new["total_minor"], new["content_hash"]) == (q["total_minor"], q["content_hash"])
    old_lines = store.run(quotes.quote_lines, q["id"])
    new_lines = store.run(quotes.quote_lines, new["id"])
    keys = ("description", "quantity_milli", "unit_price_minor", "discount_bp", "tax_rate_bp", "total_minor")
    assert [[l[k] for k in keys] for l in new_lines] == [[l[k] for k in keys] for l in old_lines]
    assert chain.get(store, "quote", q["id"])["status"] == "superseded"
    assert chain.get(store, "approval", approval["id"])["status"] == "void"
    assert store.run(quotes.latest_quote, deal["id"])["id"] == new["id"]
    with pytest.raises(InvalidTransition):
        store.run(quotes.revise_quote, q["id"])


def test_a_new_quote_is_one_coalesced_create_mutation_with_its_final_totals(store, deal):
    q = chain.quote(store, deal["id"], [chain.line(1000, tax_rate_bp=1300), chain.line(2000)])
    mutations = chain.outbox(store, "quote", q["id"])
    assert len(mutations) == 1 and mutations[0]["op"] == "create"
    assert mutations[0]["changes"]["total_minor"] == 1130 + 2000 == q["total_minor"]
    assert mutations[0]["changes"]["content_hash"] == q["content_hash"]
    assert len(chain.outbox(store, "quote_line")) == 2
    trail = chain.audit(store, "quote", q["id"])
    assert trail[0]["action"] == "create" and {"total_minor", "content_hash"} <= {a["field"] for a in trail}


def test_bad_line_input_changes_nothing(store, deal):
    q = chain.quote(store, deal["id"], [chain.line(1000)])
    before = chain.counts(store)
    for bad in ({"discount_bp": 10_001}, {"quantity_milli": 0}, {"net_minor": 5},
                {"unit_price_minor": -5, "discount_bp": 100}):
        with pytest.raises(ValidationError):
            store.run(quotes.add_line, {"quote_id": q["id"], **chain.line(1000), **bad})
    assert chain.counts(store) == before
    assert chain.get(store, "quote", q["id"])["total_minor"] == 1000


def test_the_records_command_goes_through_the_quote_service(store, deal):
    with store.unit() as uow:
        q = records.add(uow, "quote", {"deal_id": deal["id"]})
        line = records.add(uow, "quote_line", {"quote_id": q["id"], "description": "Install", "quantity_milli": 2000,
                                               "unit_price_minor": 150})
        assert uow.get("quote", q["id"])["total_minor"] == 300
        records.edit(uow, "quote_line", line["id"], {"unit_price_minor": 200})
        assert uow.get("quote", q["id"])["total_minor"] == 400
        with pytest.raises(ValidationError):
            records.edit(uow, "quote", q["id"], {"total_minor": 1})
        assert records.edit(uow, "quote", q["id"], {"status": "sent"})["status"] == "sent"
