"""Applying pulled pages: inserts, updates, tombstones, evictions, rebase of pending
local edits, conflict flags, and the cursor stored with its page."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import AuditEvent, OutboxMutation, ProfileSetting, SyncFlag
from sync.applier import apply_page

O = OutboxMutation.__table__


def upsert(entity, rid, version, **data):
    return {"entity": entity, "record_id": rid, "version": version, "op": "upsert",
            "data": {"id": rid, **data}, "conflict_ids": data.pop("_conflicts", [])}


def apply(store, changes, cursor="c1"):
    with store.write() as s:
        return apply_page(s, changes, cursor)


def get(store, entity, rid):
    return store.run(lambda uow: uow.get(entity, rid, include_deleted=True))


def outbox(store):
    with store.read() as s:
        return [dict(r) for r in s.execute(select(O).order_by(O.c.seq)).mappings()]


def test_new_records_arrive_with_their_version_and_the_cursor_moves_with_the_page(store):
    stats = apply(store, [upsert("customer", "c-1", 5, name="远景能源有限公司", status="active", currency="CNY"),
                          upsert("contact", "k-1", 6, customer_id="c-1", name="刘一", is_primary=True)], "cur-6")
    assert stats.upserted == 2
    assert get(store, "customer", "c-1")["version"] == 5
    assert get(store, "contact", "k-1")["customer_id"] == "c-1"
    assert store.setting("cursor") == "cur-6"
    assert outbox(store) == []  # what came from the server is not sent back


def test_a_child_may_arrive_before_its_parent(store):
    apply(store, [upsert("contact", "k-1", 3, customer_id="c-9", name="陈二")])
    apply(store, [upsert("customer", "c-9", 4, name="后到的客户", status="active", currency="CNY")])
    assert get(store, "contact", "k-1")["customer_id"] == "c-9"


def test_changed_fields_of_known_records_are_audited_as_sync(store):
    apply(store, [upsert("customer", "c-1", 5, name="旧名", status="active", currency="CNY")])
    apply(store, [upsert("customer", "c-1", 8, name="新名", status="active", currency="CNY")])
    t = AuditEvent.__table__
    with store.read() as s:
        rows = s.execute(select(t.c.field, t.c.old, t.c.new, t.c.origin).where(t.c.record_id == "c-1")).all()
    assert rows == [("name", "旧名", "新名", "sync")]


def test_tombstones_delete_and_evictions_remove(store):
    apply(store, [upsert("customer", "c-1", 5, name="A", status="active", currency="CNY"),
                  upsert("customer", "c-2", 6, name="B", status="active", currency="CNY")])
    stats = apply(store, [{"entity": "customer", "record_id": "c-1", "version": 9, "op": "delete", "data": {}},
                          {"entity": "customer", "record_id": "c-2", "version": 10, "op": "evict", "data": {}}])
    assert (stats.deleted, stats.evicted) == (1, 1)
    assert get(store, "customer", "c-1")["deleted_at"] is not None
    assert get(store, "customer", "c-2") is None


def test_pending_local_edits_are_rebased_not_clobbered(store):
    apply(store, [upsert("customer", "c-1", 5, name="A", phone="+8613800138000", notes="old",
                         status="active", currency="CNY")])
    store.run(lambda uow: uow.update("customer", "c-1", {"notes": "mine"}))
    apply(store, [upsert("customer", "c-1", 7, name="A renamed", phone="+8613800138000", notes="theirs",
                         status="active", currency="CNY")])
    row = get(store, "customer", "c-1")
    assert (row["name"], row["notes"], row["version"]) == ("A renamed", "mine", 7)
    [m] = outbox(store)
    # The base version moves forward; the base value stays what the user last saw, so
    # the server still sees that both sides changed `notes`.
    assert (m["base_version"], m["base"], m["changes"]) == (7, {"notes": "old"}, {"notes": "mine"})


def test_a_pending_edit_the_server_already_holds_converges_and_is_dropped(store):
    apply(store, [upsert("customer", "c-1", 5, name="A", notes="old", status="active", currency="CNY")])
    store.run(lambda uow: uow.update("customer", "c-1", {"notes": "same"}))
    apply(store, [upsert("customer", "c-1", 6, name="A", notes="same", status="active", currency="CNY")])
    assert outbox(store) == []


def test_an_eviction_keeps_a_record_with_unsent_edits_and_flags_it(store):
    apply(store, [upsert("customer", "c-1", 5, name="A", status="active", currency="CNY")])
    store.run(lambda uow: uow.update("customer", "c-1", {"notes": "offline work"}))
    stats = apply(store, [{"entity": "customer", "record_id": "c-1", "version": 9, "op": "evict", "data": {}}])
    assert stats.kept == 1
    assert get(store, "customer", "c-1")["notes"] == "offline work"
    with store.read() as s:
        kinds = [f.kind for f in s.execute(select(SyncFlag.__table__))]
    assert kinds == ["evicted"]


def test_a_server_delete_does_not_hide_a_record_the_user_is_still_editing(store):
    apply(store, [upsert("customer", "c-1", 5, name="A", status="active", currency="CNY")])
    store.run(lambda uow: uow.update("customer", "c-1", {"notes": "offline work"}))
    apply(store, [{"entity": "customer", "record_id": "c-1", "version": 9, "op": "delete", "data": {}}])
    row = get(store, "customer", "c-1")
    assert row["deleted_at"] is None and row["notes"] == "offline work"
    assert outbox(store)[0]["base_version"] == 5  # the push will meet the deletion as a conflict


def test_conflict_flags_follow_the_servers_list(store):
    apply(store, [upsert("customer", "c-1", 5, name="A", status="active", currency="CNY", _conflicts=["x-1"])])
    with store.read() as s:
        assert [f.conflict_id for f in s.execute(select(SyncFlag.__table__))] == ["x-1"]
    apply(store, [upsert("customer", "c-1", 6, name="A", status="active", currency="CNY")])
    with store.read() as s:
        assert s.execute(select(SyncFlag.__table__)).all() == []


def test_a_page_that_fails_leaves_neither_rows_nor_cursor(store):
    apply(store, [upsert("customer", "c-0", 1, name="before", status="active", currency="CNY")], "cur-1")
    broken = upsert("customer", "c-2", 3, status="active", currency="CNY")  # name missing: NOT NULL
    with pytest.raises(Exception):
        apply(store, [upsert("customer", "c-1", 2, name="ok", status="active", currency="CNY"), broken], "cur-3")
    assert get(store, "customer", "c-1") is None
    assert store.setting("cursor") == "cur-1"


def test_unknown_entities_and_fields_from_a_newer_server_are_ignored(store):
    apply(store, [{"entity": "hologram", "record_id": "h", "version": 1, "op": "upsert", "data": {}},
                  upsert("customer", "c-1", 2, name="A", status="active", currency="CNY", mood="sunny")])
    assert get(store, "customer", "c-1")["name"] == "A"
