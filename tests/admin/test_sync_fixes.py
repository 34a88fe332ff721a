"""A change the server refused is fixed and sent again, sent again as it is, or
discarded (the record goes back to what the server last had). The refusal arrives the
way a real push answer does (sync.pusher.apply_results)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.models import OutboxMutation, SyncFlag
from app.queries import sync_problems
from app.services import customers, sync_fixes
from sync import pusher


def outbox(store):
    with store.read() as s:
        return [dict(r) for r in s.execute(select(OutboxMutation.__table__).order_by(OutboxMutation.seq)).mappings()]


def flags(store):
    with store.read() as s:
        return [dict(r) for r in s.execute(select(SyncFlag.__table__)).mappings()]


def send(store, status_of) -> None:
    """Push everything queued; `status_of(mutation)` says how the server answers."""
    with store.write() as s:
        batch = pusher.next_batch(s, 100)
        pusher.mark_sent(s, batch)
    results = []
    for version, m in enumerate(batch, start=10):
        status = status_of(m)
        result = {"mutation_id": m["mutation_id"], "status": status, "version": version if status != "rejected" else None}
        if status == "rejected":
            result["error"] = {"code": "validation_failed", "message": "notes: the server says no",
                               "fields": {"notes": "the server says no"}, "details": {}}
        results.append(result)
    with store.write() as s:
        pusher.apply_results(s, batch, results)


def synced_customer(store, **values):
    c = store.run(customers.create_customer, {"name": "修正测试公司", **values}, allow_duplicate=True)
    send(store, lambda m: "applied")
    return c


def test_a_rejected_edit_is_listed_fixed_and_resent_under_a_new_id(store):
    c = synced_customer(store, notes="synced")
    store.run(customers.update_customer, c["id"], {"notes": "refused text", "address": "北京"})
    send(store, lambda m: "rejected")
    [item] = store.run(lambda uow: sync_problems.rejected_changes(uow.session))
    assert item["label"] == "修正测试公司" and item["error"]["fields"] == {"notes": "the server says no"}
    assert item["changes"] == {"notes": "refused text", "address": "北京"} and item["current"]["notes"] == "refused text"
    old_id = item["mutation_id"]
    result = store.run(sync_fixes.resend, old_id, {"notes": "accepted text"})
    [queued] = outbox(store)
    assert queued["mutation_id"] == result["mutation_id"] != old_id
    assert (queued["state"], queued["changes"]) == ("pending", {"notes": "accepted text", "address": "北京"})
    assert queued["base"] == {"notes": "synced", "address": None}
    assert [f for f in flags(store) if f["kind"] == "rejected"] == []
    send(store, lambda m: "applied")
    assert outbox(store) == [] and store.run(lambda uow: uow.get("customer", c["id"]))["notes"] == "accepted text"


def test_a_rejected_change_is_resent_as_it_is(store):
    c = synced_customer(store)
    store.run(customers.update_customer, c["id"], {"notes": "try again later"})
    send(store, lambda m: "rejected")
    [old] = outbox(store)
    result = store.run(sync_fixes.resend, old["mutation_id"])
    [queued] = outbox(store)
    assert queued["mutation_id"] == result["mutation_id"] != old["mutation_id"]
    assert (queued["state"], queued["changes"], queued["error"]) == ("pending", {"notes": "try again later"}, None)


def test_a_fix_is_checked_by_the_shared_rules_and_refused_when_wrong(store):
    c = synced_customer(store)
    store.run(customers.update_customer, c["id"], {"phone": "13800138000"})
    send(store, lambda m: "rejected")
    [old] = outbox(store)
    with pytest.raises(ValidationError) as caught:
        store.run(sync_fixes.resend, old["mutation_id"], {"phone": "12345"})
    assert "phone" in caught.value.fields
    with pytest.raises(ValidationError):
        store.run(sync_fixes.resend, old["mutation_id"], {"status": "inactive"})  # not part of the change
    assert outbox(store)[0]["state"] == "rejected"


def test_discarding_a_rejected_edit_restores_the_synced_values(store):
    c = synced_customer(store, notes="synced", phone="13900139000")
    store.run(customers.update_customer, c["id"], {"notes": "refused", "phone": "13700137000"})
    send(store, lambda m: "rejected")
    [old] = outbox(store)
    store.run(sync_fixes.discard, old["mutation_id"])
    after = store.run(lambda uow: uow.get("customer", c["id"]))
    assert (after["notes"], after["phone"]) == ("synced", "+8613900139000")
    assert outbox(store) == [] and flags(store) == []
    with store.read() as s:
        assert sync_problems.rejected_changes(s) == []


def test_discarding_a_rejected_delete_brings_the_record_back(store):
    c = synced_customer(store)
    store.run(customers.delete_customer, c["id"])
    send(store, lambda m: "rejected")
    store.run(sync_fixes.discard, outbox(store)[0]["mutation_id"])
    assert store.run(lambda uow: uow.get("customer", c["id"]))["name"] == "修正测试公司"


def test_discarding_a_rejected_create_removes_the_record_unless_something_points_at_it(store):
    c = store.run(customers.create_customer, {"name": "从未被接受的公司"})
    contact = store.run(customers.create_contact, {"name": "联系人", "customer_id": c["id"]})
    send(store, lambda m: "rejected")
    by_entity = {m["entity"]: m for m in outbox(store)}
    with pytest.raises(ValidationError):
        store.run(sync_fixes.discard, by_entity["customer"]["mutation_id"])
    store.run(sync_fixes.discard, by_entity["contact"]["mutation_id"])
    store.run(sync_fixes.discard, by_entity["customer"]["mutation_id"])
    assert store.run(lambda uow: uow.get("customer", c["id"], include_deleted=True)) is None
    assert store.run(lambda uow: uow.get("contact", contact["id"], include_deleted=True)) is None
    assert outbox(store) == []


def test_only_a_rejected_change_can_be_discarded(store):
    c = store.run(customers.create_customer, {"name": "待发送公司"})
    [pending] = outbox(store)
    with pytest.raises(ValidationError):
        store.run(sync_fixes.discard, pending["mutation_id"])
    assert store.run(lambda uow: uow.get("customer", c["id"])) is not None
