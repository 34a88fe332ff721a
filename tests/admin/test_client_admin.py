"""The admin's client against the real server: bulk decisions, accounts and books,
devices, and a dictionary edit that reaches another client and is enforced at both ends."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.models import OutboxMutation, SyncFlag
from app.rules.dictionary import entry_id
from app.services import customers, sync_fixes
from app.services import dictionary as dictionary_service
from sync import admin_conflicts, admin_users
from sync.admin_conflicts import BulkRule


def get(engine, entity, rid, deleted=False):
    return engine.store.run(lambda uow: uow.get(entity, rid, include_deleted=deleted))


def flags(engine):
    with engine.store.read() as s:
        return [dict(r) for r in s.execute(select(SyncFlag.__table__)).mappings()]


def outbox(engine):
    with engine.store.read() as s:
        return [dict(r) for r in s.execute(select(OutboxMutation.__table__)).mappings()]


def conflict_on(sqlite_server, clients, field_values: dict):
    """A rep and their manager edit the same customer's fields offline; the rep's push
    conflicts. Returns (rep engine, manager engine, customer id)."""
    manager = sqlite_server.user("manager")
    rep_name = sqlite_server.user("rep", manager=manager)
    rep, boss = clients(rep_name), clients(manager)
    c = rep.store.run(customers.create_customer, {"name": f"批量 {rep_name}", **{k: "base" for k in field_values}},
                      allow_duplicate=True)
    rep.sync()
    boss.sync()
    boss.store.run(customers.update_customer, c["id"], {k: "manager" for k in field_values})
    boss.sync()
    rep.store.run(customers.update_customer, c["id"], field_values)
    assert rep.sync().conflicts == 1
    return rep, boss, c["id"]


def test_a_bulk_rule_decides_the_conflicts_it_names_and_skips_the_rest(sqlite_server, clients):
    admin = clients(sqlite_server.user("admin"))
    notes_only = [conflict_on(sqlite_server, clients, {"notes": f"rep {n}"}) for n in range(2)]
    both = conflict_on(sqlite_server, clients, {"notes": "rep", "address": "rep"})
    reps = {rep.store.actor().username for rep, _, _ in [*notes_only, both]}
    queue = [c for c in admin_conflicts.list_conflicts(admin, kind="field") if c["user"] in reps]
    assert len(queue) == 3
    result = admin_conflicts.resolve_many(admin, queue, BulkRule("field", take="server", field="notes",
                                                                 note="bulk: server wins on notes"))
    assert len(result["resolved"]) == 2 and result["failed"] == {}
    assert list(result["skipped"].values()) == ["is also about address"]
    for rep, boss, cid in notes_only:
        rep.sync()
        assert get(rep, "customer", cid)["notes"] == "manager"
        assert [f for f in flags(rep) if f["kind"] == "conflict"] == []
    rep, _, cid = both
    rep.sync()
    assert [f["record_id"] for f in flags(rep) if f["kind"] == "conflict"] == [cid]
    history = [c for c in admin_conflicts.list_conflicts(admin, status="resolved") if c["id"] in result["resolved"]]
    assert {c["note"] for c in history} == {"bulk: server wins on notes"}


def test_a_bulk_rule_explains_why_it_leaves_a_conflict_alone():
    rule = BulkRule("field", take="client", field="phone")
    decided, skipped = admin_conflicts.plan([
        {"id": "a", "kind": "field", "fields": {"phone": {}}},
        {"id": "b", "kind": "field", "fields": {"notes": {}}},
        {"id": "c", "kind": "duplicate", "fields": {}},
    ], rule)
    assert [(c["id"], body) for c, body in decided] == [("a", {"fields": {"phone": {"take": "client"}}})]
    assert [(c["id"], why) for c, why in skipped] == [("b", "is not about phone"),
                                                       ("c", "is a duplicate conflict, the rule is for field")]


def test_a_dictionary_edit_reaches_another_client_and_both_ends_enforce_it(sqlite_server, clients):
    admin = clients(sqlite_server.user("admin"))
    stale = clients(sqlite_server.user("rep"), device="离线笔记本")
    stale.sync()  # holds the dictionary from before the edits
    code = f"space_{stale.store.actor().username[-4:]}"
    admin.store.run(dictionary_service.add_entry, {"vocabulary": "industry", "code": code,
                                                   "label_en": "Space", "label_zh": "航天"})
    admin.store.run(dictionary_service.update_entry, entry_id("stage_probability", "qualification"), {"value": 25})
    admin.store.run(dictionary_service.deactivate_entry, entry_id("industry", "energy"))
    assert admin.sync().rejected == 0
    rep = clients(sqlite_server.user("rep"))
    rep.sync()
    assert code in rep.store.dictionary().codes("industry")
    assert rep.store.dictionary().stage_probability("qualification") == 25
    c = rep.store.run(customers.create_customer, {"name": f"航天客户 {code}", "industry": code}, allow_duplicate=True)
    with pytest.raises(ValidationError):
        rep.store.run(customers.create_customer, {"name": "能源客户", "industry": "energy"}, allow_duplicate=True)
    assert rep.sync().rejected == 0 and get(rep, "customer", c["id"])["version"]
    # The client that had not heard of it yet is refused by the server, then fixes and resends.
    old = stale.store.run(customers.create_customer, {"name": f"能源客户 {code}", "industry": "energy"},
                          allow_duplicate=True)
    assert stale.sync().rejected == 1
    [refused] = [m for m in outbox(stale) if m["state"] == "rejected"]
    assert "industry" in refused["error"]["fields"]
    [device] = [d for d in admin_users.list_devices(admin) if d["client_id"] == stale.store.client_id()]
    assert (device["device_name"], device["rejected"]) == ("离线笔记本", 1)
    stale.store.run(sync_fixes.resend, refused["mutation_id"], {"industry": code})
    assert stale.sync().rejected == 0 and outbox(stale) == []
    assert get(stale, "customer", old["id"])["version"] and get(stale, "customer", old["id"])["industry"] == code


def test_accounts_and_a_book_move_from_the_admins_client(sqlite_server, clients, tmp_path):
    from app.store import Store
    from sync.engine import SyncEngine, SyncError

    admin = clients(sqlite_server.user("admin"))
    leaving = clients(sqlite_server.user("rep"))
    c = leaving.store.run(customers.create_customer, {"name": f"交接客户 {leaving.store.actor().username}"},
                          allow_duplicate=True)
    contact = leaving.store.run(customers.create_contact, {"name": "联系人", "customer_id": c["id"]})
    leaving.sync()
    manager = admin_users.create_user(admin, f"mgr_{c['id'][:6]}", "first pass", "manager", display_name="经理")
    taker = admin_users.create_user(admin, f"rep_{c['id'][:6]}", "first pass", "rep",
                                    manager_id=manager["id"], team="华南")
    assert (taker["manager"], taker["team"]) == (manager["username"], "华南")
    store = Store.open(tmp_path / "taker")
    taking = SyncEngine(store, device_name="taker-laptop")
    taking.login(sqlite_server.url, taker["username"], "first pass")
    taking.sync()
    moved = admin_users.reassign_book(admin, leaving.store.actor().id, taker["id"])
    assert (moved["customers"], moved["leads"], moved["deals"]) == (1, 0, 0)
    leaving.sync()
    taking.sync()
    assert get(leaving, "customer", c["id"], deleted=True) is None
    assert get(leaving, "contact", contact["id"], deleted=True) is None
    assert get(taking, "customer", c["id"])["owner_id"] == taker["id"]
    assert get(taking, "contact", contact["id"])["name"] == "联系人"
    listed = {u["username"]: u for u in admin_users.list_users(admin)}
    assert listed[taker["username"]]["customers"] == 1
    admin_users.update_user(admin, taker["id"], active=False)
    with pytest.raises(SyncError):
        taking.sync()
    admin.sync()
    assert get(admin, "user", taker["id"])["active"] is False
    store.close()


def test_each_device_reports_its_name_version_and_what_it_still_holds(sqlite_server, clients):
    from app import __version__

    admin = clients(sqlite_server.user("admin"))
    rep = clients(sqlite_server.user("rep"), device="销售笔记本")
    for name in ("青岛海洋设备", "成都熊猫食品", "西安古城文旅"):
        rep.store.run(customers.create_customer, {"name": f"{name} {uuid.uuid4().hex}"}, allow_duplicate=True)
    rep.sync()
    [device] = [d for d in admin_users.list_devices(admin) if d["client_id"] == rep.store.client_id()]
    assert (device["device_name"], device["app_version"]) == ("销售笔记本", __version__)
    assert (device["username"], device["rejected"], device["open_conflicts"]) == (rep.store.actor().username, 0, 0)
    # Everything it queued went up with that push: nothing is left on the device.
    assert device["pending"] == 0 and device["last_push_at"]


def test_a_device_with_nothing_to_send_still_shows_when_it_last_synced(sqlite_server, clients):
    admin = clients(sqlite_server.user("admin"))
    reader = clients(sqlite_server.user("manager"), device="经理台式机")

    def device():
        [d] = [d for d in admin_users.list_devices(admin) if d["client_id"] == reader.store.client_id()]
        return d

    reader.sync()  # nothing queued: no push, only a pull
    first = device()
    assert (first["device_name"], first["last_push_at"]) == ("经理台式机", None)
    assert first["last_pull_at"] and first["last_sync_at"] == first["last_pull_at"]
    reader.store.run(customers.create_customer, {"name": f"只拉取的设备 {uuid.uuid4().hex}"}, allow_duplicate=True)
    reader.sync()  # a push, then the pull that finishes the sync
    second = device()
    assert first["last_pull_at"] <= second["last_push_at"] == second["last_sync_at"]
    # A pull is written down at most once a minute per device (no write on every sync).
    assert second["last_pull_at"] == first["last_pull_at"]
    assert second["app_version"] and second["pending"] == 0
