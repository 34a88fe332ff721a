"""Lead and deal state machines, lead conversion, customers and contacts."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import DuplicateFound, InvalidTransition, PermissionDenied, ValidationError
from app.models import Contact, Customer, Deal, DealStageEvent, Lead, OutboxMutation
from app.services import activities, customers, deals, leads
from tests.conftest import as_role


def count(store, model):
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model.__table__))


def new_lead(store, **values):
    return store.run(leads.create_lead, {"company_name": "杭州云帆科技有限公司", "contact_name": "张三",
                                         "phone": "13912345678", "email": "zs@yunfan.cn", **values})


# -- leads -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", [
    ["working", "qualified"], ["qualified"], ["working", "disqualified"], ["disqualified", "working"],
])
def test_lead_allowed_transitions(store, path):
    lead = new_lead(store)
    for status in path:
        if status == "disqualified":
            lead = store.run(leads.disqualify, lead["id"], "没有预算")
        elif status == "working" and lead["status"] == "disqualified":
            lead = store.run(leads.reopen, lead["id"])
        else:
            lead = store.run(leads._move, lead["id"], status)
        assert lead["status"] == status


def test_lead_refused_transitions(store):
    lead = new_lead(store)
    with pytest.raises(InvalidTransition):
        store.run(leads.convert, lead["id"])  # new -> converted skips qualification
    store.run(leads.qualify, lead["id"])
    store.run(leads.convert, lead["id"])
    for move in (leads.start_work, leads.qualify, leads.reopen):
        with pytest.raises(InvalidTransition):
            store.run(move, lead["id"])


def test_disqualifying_needs_a_reason(store):
    lead = new_lead(store)
    with pytest.raises(ValidationError) as info:
        store.run(leads.disqualify, lead["id"], "  ")
    assert "disqualify_reason" in info.value.fields
    assert store.run(lambda uow: uow.get("lead", lead["id"]))["status"] == "new"


def test_converting_creates_customer_contact_and_deal_in_one_transaction(store):
    lead = new_lead(store, industry="software", credit_code="91350100M000100Y43")
    store.run(leads.qualify, lead["id"])
    out = store.run(leads.convert, lead["id"])
    assert out["customer"]["name"] == "杭州云帆科技有限公司"
    assert out["customer"]["credit_code"] == "91350100M000100Y43"
    assert out["contact"]["customer_id"] == out["customer"]["id"] and out["contact"]["is_primary"]
    assert out["deal"]["customer_id"] == out["customer"]["id"] and out["deal"]["lead_id"] == lead["id"]
    assert out["lead"]["status"] == "converted"
    assert out["lead"]["converted_deal_id"] == out["deal"]["id"]
    assert (count(store, Customer), count(store, Contact), count(store, Deal)) == (1, 1, 1)


def test_conversion_refuses_a_customer_that_already_exists_and_offers_the_match(store):
    existing = store.run(customers.create_customer, {"name": "杭州云帆科技股份有限公司"})
    lead = new_lead(store)
    store.run(leads.qualify, lead["id"])
    with pytest.raises(DuplicateFound) as info:
        store.run(leads.convert, lead["id"])
    assert info.value.matches[0]["id"] == existing["id"] and "name" in info.value.matches[0]["reasons"]
    assert (count(store, Customer), count(store, Contact), count(store, Deal)) == (1, 0, 0)
    out = store.run(leads.convert, lead["id"], customer_id=existing["id"])
    assert out["deal"]["customer_id"] == existing["id"]
    assert count(store, Customer) == 1


@pytest.mark.parametrize("key, value, stored", [
    ("phone", "+86 139 1234 5678", "13912345678"),
    ("email", "ZS@YUNFAN.CN", "zs@yunfan.cn"),
    ("credit_code", "91350100M000100Y43", "91350100M000100Y43"),
])
def test_conversion_matches_by_normalised_natural_keys(store, key, value, stored):
    store.run(customers.create_customer, {"name": "Completely Different Ltd", key: stored})
    lead = new_lead(store, **{key: value})
    store.run(leads.qualify, lead["id"])
    with pytest.raises(DuplicateFound) as info:
        store.run(leads.convert, lead["id"])
    assert key in info.value.matches[0]["reasons"]


def test_a_failed_conversion_writes_nothing(store):
    lead = new_lead(store)
    store.run(leads.qualify, lead["id"])
    before = count(store, OutboxMutation)
    with pytest.raises(ValidationError):
        store.run(leads.convert, lead["id"], deal={"stage": "proposal"})  # proposal needs an amount
    assert (count(store, Customer), count(store, Deal), count(store, OutboxMutation)) == (0, 0, before)
    assert store.run(lambda uow: uow.get("lead", lead["id"]))["status"] == "qualified"


# -- deals -----------------------------------------------------------------------------

@pytest.fixture
def customer(store):
    return store.run(customers.create_customer, {"name": "成都蓝海物流有限公司"})


def new_deal(store, customer, **values):
    return store.run(deals.create_deal, {"customer_id": customer["id"], "name": "仓储系统", **values})


def test_a_new_deal_starts_prospecting_with_the_dictionary_probability_and_a_first_event(store, customer):
    deal = new_deal(store, customer)
    assert (deal["stage"], deal["probability"]) == ("prospecting", 10)
    with store.unit() as uow:
        [event] = deals.stage_history(uow, deal["id"])
    assert (event["from_stage"], event["to_stage"]) == (None, "prospecting")


def test_moving_a_deal_records_a_dated_event_and_follows_the_dictionary(store, customer):
    deal = new_deal(store, customer)
    store.run(deals.move_stage, deal["id"], "qualification")
    moved = store.run(deals.move_stage, deal["id"], "proposal", amount_minor=1_200_000_00, expected_close="2027-03-31")
    assert (moved["stage"], moved["probability"], moved["amount_minor"]) == ("proposal", 50, 1_200_000_00)
    with store.unit() as uow:
        history = deals.stage_history(uow, deal["id"])
    assert [(e["from_stage"], e["to_stage"]) for e in history] == [
        (None, "prospecting"), ("prospecting", "qualification"), ("qualification", "proposal")]
    assert all(e["changed_at"].endswith("Z") and e["changed_by"] == store.actor().id for e in history)


def test_stage_requirements_are_enforced_on_the_move(store, customer):
    deal = new_deal(store, customer)
    with pytest.raises(ValidationError) as info:
        store.run(deals.move_stage, deal["id"], "proposal")
    assert set(info.value.fields) == {"amount_minor", "expected_close"}
    with pytest.raises(ValidationError) as info:
        store.run(deals.lose, deal["id"], None)
    assert "lost_reason" in info.value.fields
    with pytest.raises(ValidationError):
        store.run(deals.lose, deal["id"], "not-a-reason")
    assert count(store, DealStageEvent) == 1


def test_won_is_final_and_lost_can_be_reopened(store, customer):
    won = new_deal(store, customer, amount_minor=500, expected_close="2027-01-01")
    won = store.run(deals.win, won["id"])
    assert won["closed_on"] and won["probability"] == 100
    for stage in ("negotiation", "lost", "prospecting"):
        with pytest.raises(InvalidTransition):
            store.run(deals.move_stage, won["id"], stage)
    lost = store.run(deals.lose, new_deal(store, customer)["id"], "competitor")
    assert (lost["closed_on"] is not None, lost["probability"]) == (True, 0)
    reopened = store.run(deals.move_stage, lost["id"], "qualification")
    assert (reopened["lost_reason"], reopened["closed_on"], reopened["probability"]) == (None, None, 20)


def test_editing_a_deal_with_a_stage_goes_through_the_stage_move(store, customer):
    deal = new_deal(store, customer)
    moved = store.run(deals.update_deal, deal["id"], {"stage": "lost", "lost_reason": "timing"})
    assert moved["stage"] == "lost"
    assert count(store, DealStageEvent) == 2


# -- customers and contacts ------------------------------------------------------------

def test_creating_a_customer_that_exists_is_refused_unless_confirmed(store, customer):
    with pytest.raises(DuplicateFound):
        store.run(customers.create_customer, {"name": "成都蓝海物流"})
    store.run(customers.create_customer, {"name": "成都蓝海物流"}, allow_duplicate=True)
    assert count(store, Customer) == 2


def test_a_customer_with_records_hanging_off_it_cannot_be_deleted(store, customer):
    contact = store.run(customers.create_contact, {"customer_id": customer["id"], "name": "周七"})
    with pytest.raises(ValidationError) as info:
        store.run(customers.delete_customer, customer["id"])
    assert "1 contact" in info.value.fields["id"]
    store.run(lambda uow: uow.delete("contact", contact["id"]))
    store.run(customers.delete_customer, customer["id"])
    assert store.run(lambda uow: uow.get("customer", customer["id"])) is None


def test_a_customer_cannot_become_its_own_ancestor(store, customer):
    child = store.run(customers.create_customer, {"name": "蓝海物流（重庆）分部", "parent_id": customer["id"]},
                      allow_duplicate=True)
    with pytest.raises(ValidationError) as info:
        store.run(customers.update_customer, customer["id"], {"parent_id": child["id"]})
    assert "ancestor" in info.value.fields["parent_id"]


def test_only_finance_or_admin_change_a_credit_limit(store, customer):
    as_role(store, "rep")
    with pytest.raises(PermissionDenied):
        store.run(customers.set_credit_limit, customer["id"], 100_000_00)
    as_role(store, "finance")
    assert store.run(customers.set_credit_limit, customer["id"], 100_000_00)["credit_limit_minor"] == 100_000_00


def test_one_primary_contact_per_customer(store, customer):
    a = store.run(customers.create_contact, {"customer_id": customer["id"], "name": "A", "is_primary": True})
    store.run(customers.create_contact, {"customer_id": customer["id"], "name": "B", "is_primary": True})
    assert store.run(lambda uow: uow.get("contact", a["id"]))["is_primary"] is False


# -- activities ------------------------------------------------------------------------

def test_activities_about_a_deal_join_its_customers_book_and_tasks_need_a_due_date(store, customer):
    deal = new_deal(store, customer)
    call = store.run(activities.log_activity, "call", "首次电话沟通", deal_id=deal["id"])
    assert call["customer_id"] == customer["id"] and call["done_at"]
    with pytest.raises(ValidationError):
        store.run(activities.create_task, "准备报价", None)
    task = store.run(activities.create_task, "准备报价", "2026-12-01T09:00:00+08:00", customer_id=customer["id"])
    assert task["due_at"] == "2026-12-01T01:00:00Z" and task["done_at"] is None
    assert store.run(activities.complete, task["id"])["done_at"]
