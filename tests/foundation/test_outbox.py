"""Every service write records its audit events and one outbox mutation in the same
transaction; edits before a sync coalesce, their base staying the last synced value."""
from __future__ import annotations

import pytest
from sqlalchemy import select, update

from app.errors import ValidationError
from app.models import AuditEvent, Customer, OutboxMutation, SyncFlag

O = OutboxMutation.__table__


def outbox(store):
    with store.read() as s:
        return [dict(r) for r in s.execute(select(O).order_by(O.c.seq)).mappings()]


def audit(store, record_id):
    t = AuditEvent.__table__
    with store.read() as s:
        return [dict(r) for r in s.execute(select(t).where(t.c.record_id == record_id).order_by(t.c.id)).mappings()]


def mark_synced(store, entity_table, record_id, version):
    """What a successful push does: the mutation is gone and the record has a version."""
    with store.write() as s:
        s.execute(O.delete().where(O.c.record_id == record_id))
        s.execute(update(entity_table).where(entity_table.c.id == record_id).values(version=version))


def create_customer(store, **values):
    return store.run(lambda uow: uow.create("customer", {"name": "星河科技有限公司", **values}))


def test_a_create_writes_the_record_its_audit_event_and_one_create_mutation(store):
    c = create_customer(store, phone="13800138000")
    [m] = outbox(store)
    assert (m["entity"], m["record_id"], m["op"], m["base_version"], m["state"]) == ("customer", c["id"], "create", None, "pending")
    assert m["changes"]["name"] == "星河科技有限公司"
    assert m["changes"]["phone"] == "+8613800138000"
    [event] = audit(store, c["id"])
    assert (event["action"], event["origin"], event["actor_id"]) == ("create", "local", store.actor().id)


def test_edits_before_the_first_sync_fold_into_the_create(store):
    c = create_customer(store)
    store.run(lambda uow: uow.update("customer", c["id"], {"phone": "13900139000"}))
    store.run(lambda uow: uow.update("customer", c["id"], {"phone": "13700137000", "notes": "VIP"}))
    [m] = outbox(store)
    assert m["op"] == "create"
    assert m["changes"]["phone"] == "+8613700137000" and m["changes"]["notes"] == "VIP"
    assert [e["field"] for e in audit(store, c["id"])] == [None, "phone", "phone", "notes"]


def test_edits_of_a_synced_record_coalesce_and_keep_the_last_synced_value_as_base(store):
    c = create_customer(store, phone="13800138000")
    mark_synced(store, Customer.__table__, c["id"], 7)
    store.run(lambda uow: uow.update("customer", c["id"], {"phone": "13900139000"}))
    store.run(lambda uow: uow.update("customer", c["id"], {"phone": "13700137000", "email": "a@b.cn"}))
    [m] = outbox(store)
    assert m["op"] == "update" and m["base_version"] == 7
    assert m["base"] == {"phone": "+8613800138000", "email": None}
    assert m["changes"] == {"phone": "+8613700137000", "email": "a@b.cn"}


def test_a_field_edited_back_to_its_synced_value_is_no_longer_sent(store):
    c = create_customer(store, notes="old")
    mark_synced(store, Customer.__table__, c["id"], 3)
    store.run(lambda uow: uow.update("customer", c["id"], {"notes": "new", "address": "上海"}))
    store.run(lambda uow: uow.update("customer", c["id"], {"notes": "old"}))
    [m] = outbox(store)
    assert m["changes"] == {"address": "上海"} and m["base"] == {"address": None}
    store.run(lambda uow: uow.update("customer", c["id"], {"address": None}))
    assert outbox(store) == []


def test_a_record_created_and_deleted_before_a_sync_leaves_nothing_to_send(store):
    c = create_customer(store)
    store.run(lambda uow: uow.delete("customer", c["id"]))
    assert outbox(store) == []
    assert [e["action"] for e in audit(store, c["id"])] == ["create", "delete"]


def test_an_edit_then_a_delete_sends_one_delete_based_on_the_synced_version(store):
    c = create_customer(store)
    mark_synced(store, Customer.__table__, c["id"], 4)
    store.run(lambda uow: uow.update("customer", c["id"], {"notes": "x"}))
    store.run(lambda uow: uow.delete("customer", c["id"]))
    [m] = outbox(store)
    assert (m["op"], m["base_version"], m["changes"]) == ("delete", 4, {})


def test_a_mutation_already_sent_is_frozen_and_later_edits_queue_behind_it(store):
    c = create_customer(store)
    with store.write() as s:
        s.execute(O.update().values(state="sent"))
    store.run(lambda uow: uow.update("customer", c["id"], {"notes": "after send"}))
    first, second = outbox(store)
    assert first["state"] == "sent" and "notes" not in first["changes"]
    assert second["op"] == "update" and second["changes"] == {"notes": "after send"}


def test_fixing_a_rejected_change_resends_it_under_a_new_mutation_id(store):
    c = create_customer(store)
    mark_synced(store, Customer.__table__, c["id"], 2)
    store.run(lambda uow: uow.update("customer", c["id"], {"notes": "bad"}))
    [m] = outbox(store)
    with store.write() as s:
        s.execute(O.update().values(state="rejected", error={"code": "validation_failed", "message": "no"}))
        s.execute(SyncFlag.__table__.insert().values(entity="customer", record_id=c["id"], kind="rejected",
                                                     mutation_id=m["mutation_id"], created_at="2026-01-01T00:00:00Z"))
    store.run(lambda uow: uow.update("customer", c["id"], {"notes": "fixed"}))
    [fixed] = outbox(store)
    assert fixed["state"] == "pending" and fixed["error"] is None
    assert fixed["mutation_id"] != m["mutation_id"]
    assert fixed["changes"] == {"notes": "fixed"} and fixed["base"] == {"notes": None}
    with store.read() as s:
        assert s.execute(select(SyncFlag.__table__)).all() == []


def test_a_change_pointing_at_a_newer_record_is_not_folded_into_an_older_mutation(store):
    """Parents before children: the contact's re-pointing must travel after the new customer."""
    a = create_customer(store)
    contact = store.run(lambda uow: uow.create("contact", {"customer_id": a["id"], "name": "王五"}))
    b = create_customer(store, name="另一家公司")
    store.run(lambda uow: uow.update("contact", contact["id"], {"customer_id": b["id"]}))
    order = [(m["entity"], m["record_id"], m["op"]) for m in outbox(store)]
    assert order == [("customer", a["id"], "create"), ("contact", contact["id"], "create"),
                     ("customer", b["id"], "create"), ("contact", contact["id"], "update")]


def test_a_refused_write_changes_nothing(store):
    c = create_customer(store)
    before = (outbox(store), audit(store, c["id"]))
    with pytest.raises(ValidationError):
        store.run(lambda uow: (uow.update("customer", c["id"], {"notes": "ok"}),
                               uow.update("customer", c["id"], {"phone": "not a phone"})))
    assert (outbox(store), audit(store, c["id"])) == before
    with store.read() as s:
        assert s.get(Customer, c["id"]).notes is None


def test_references_must_point_at_live_records(store):
    with pytest.raises(ValidationError) as info:
        store.run(lambda uow: uow.create("contact", {"customer_id": "missing", "name": "赵六"}))
    assert "no customer" in info.value.fields["customer_id"]


def test_guarded_state_fields_cannot_be_set_by_a_plain_edit(store):
    c = create_customer(store)
    deal = store.run(lambda uow: uow.create("deal", {"customer_id": c["id"], "name": "d", "stage": "prospecting"},
                                            transition=True))
    with pytest.raises(ValidationError) as info:
        store.run(lambda uow: uow.update("deal", deal["id"], {"stage": "won"}))
    assert "stage" in info.value.fields


def test_a_record_the_server_never_saw_is_sent_whole_when_first_edited(store):
    """Seeded sample rows have no version and nothing queued: an edit sends a create."""
    now = "2026-11-01T00:00:00Z"
    with store.write() as s:
        s.execute(Customer.__table__.insert().values(id="seeded-1", name="样例客户", status="active",
                                                    currency="CNY", created_at=now, updated_at=now))
    store.run(lambda uow: uow.update("customer", "seeded-1", {"notes": "edited"}))
    [m] = outbox(store)
    assert (m["op"], m["base_version"]) == ("create", None)
    assert m["changes"] == {"name": "样例客户", "status": "active", "currency": "CNY", "notes": "edited",
                            "created_at": now}
    with store.write() as s:
        s.execute(Customer.__table__.insert().values(id="seeded-2", name="另一个样例", status="active",
                                                    currency="CNY", created_at=now, updated_at=now))
    store.run(lambda uow: uow.delete("customer", "seeded-2"))
    assert [x["record_id"] for x in outbox(store)] == ["seeded-1"]


def test_two_moves_of_a_state_machine_travel_as_two_mutations(store):
    """The server checks every move against its copy: approved -> sent -> accepted
    folded into one update would arrive as an impossible approved -> accepted."""
    from app.services import leads

    lead = store.run(leads.create_lead, {"company_name": "状态机测试公司"})
    from app.models import Lead

    mark_synced(store, Lead.__table__, lead["id"], 3)
    store.run(leads.start_work, lead["id"])
    store.run(leads.qualify, lead["id"])
    moves = [(m["op"], m["changes"].get("status")) for m in outbox(store)]
    assert moves == [("update", "working"), ("update", "qualified")]
    # An ordinary field still folds into the last queued mutation of the record.
    store.run(lambda uow: uow.update("lead", lead["id"], {"notes": "跟进中"}))
    assert len(outbox(store)) == 2


def test_an_edited_shipped_default_travels_as_an_update(store):
    """Every server has the shipped dictionary under the same ids."""
    from app.rules.dictionary import entry_id

    store.run(lambda uow: uow.update("dictionary_entry", entry_id("industry", "retail"), {"label_zh": "零售业"}))
    [m] = outbox(store)
    assert (m["op"], m["base_version"], m["base"]) == ("update", 0, {"label_zh": "零售"})
