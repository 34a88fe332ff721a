"""The sync contract end to end: client profiles against the real server over HTTP."""
from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select

from app.models import OutboxMutation, SyncFlag
from app.services import customers, deals
from sync import admin
from tests.support.proxy import FaultyProxy


def rows(engine, entity):
    with engine.store.unit() as uow:
        return {r["id"]: r for r in uow.select(entity)}


def get(engine, entity, rid):
    return engine.store.run(lambda uow: uow.get(entity, rid))


def flags(engine, kind=None):
    t = SyncFlag.__table__
    with engine.store.read() as s:
        q = select(t)
        if kind:
            q = q.where(t.c.kind == kind)
        return [dict(r) for r in s.execute(q).mappings()]


def outbox(engine):
    t = OutboxMutation.__table__
    with engine.store.read() as s:
        return [dict(r) for r in s.execute(select(t)).mappings()]


def new_customer(engine, **values):
    values = {"name": f"测试客户 {time.monotonic_ns()}", **values}
    return engine.store.run(customers.create_customer, values, allow_duplicate=True)


def shared_customer(clients, owner, *others):
    """A customer created by `owner` and pulled by every other client."""
    c = new_customer(owner, phone=None)
    owner.sync()
    for engine in others:
        engine.sync()
    return c


def test_different_fields_edited_offline_on_three_clients_merge_and_converge(clients):
    laptop, desktop, admin_client = clients("rep1"), clients("rep1"), clients("admin")
    c = shared_customer(clients, laptop, desktop, admin_client)
    laptop.store.run(customers.update_customer, c["id"], {"phone": "13800138000"})
    desktop.store.run(customers.update_customer, c["id"], {"address": "上海市浦东新区"})
    admin_client.store.run(customers.update_customer, c["id"], {"notes": "重点客户"})
    results = [e.sync() for e in (laptop, desktop, admin_client)]
    assert [r.conflicts for r in results] == [0, 0, 0]
    assert results[1].merged == 1 and results[2].merged == 1
    for e in (laptop, desktop, admin_client):
        e.sync()
    seen = {(r["phone"], r["address"], r["notes"], r["version"]) for r in
            (get(e, "customer", c["id"]) for e in (laptop, desktop, admin_client))}
    assert seen == {("+8613800138000", "上海市浦东新区", "重点客户", get(laptop, "customer", c["id"])["version"])}


def test_the_same_field_changed_on_both_sides_is_a_conflict_the_admin_resolves(clients):
    laptop, desktop, admin_client = clients("rep1"), clients("rep1"), clients("admin")
    c = shared_customer(clients, laptop, desktop, admin_client)
    laptop.store.run(customers.update_customer, c["id"], {"notes": "laptop says A"})
    desktop.store.run(customers.update_customer, c["id"], {"notes": "desktop says B"})
    assert laptop.sync().conflicts == 0
    assert desktop.sync().conflicts == 1
    [flag] = flags(desktop, "conflict")
    assert get(desktop, "customer", c["id"])["notes"] == "laptop says A"  # the server value stays
    admin_client.sync()
    [conflict] = [x for x in admin.list_conflicts(admin_client) if x["id"] == flag["conflict_id"]]
    assert conflict["kind"] == "field"
    assert conflict["fields"]["notes"] == {"base": None, "server": "laptop says A", "client": "desktop says B"}
    admin.resolve_conflict(admin_client, conflict["id"], {"fields": {"notes": {"take": "client"}},
                                                          "note": "desktop was right"})
    for e in (laptop, desktop, admin_client):
        e.sync()
        assert get(e, "customer", c["id"])["notes"] == "desktop says B"
        assert flags(e, "conflict") == []


@pytest.mark.parametrize("deleter", ["first", "second"])
def test_edit_against_delete_is_a_conflict_either_way_round(clients, deleter):
    a, b, admin_client = clients("rep1"), clients("rep1"), clients("admin")
    c = shared_customer(clients, a, b)
    if deleter == "first":
        a.store.run(customers.delete_customer, c["id"])
        b.store.run(customers.update_customer, c["id"], {"notes": "still needed"})
        kind = "edit_delete"
    else:
        a.store.run(customers.update_customer, c["id"], {"notes": "still needed"})
        b.store.run(customers.delete_customer, c["id"])
        kind = "delete_edit"
    a.sync()
    assert b.sync().conflicts == 1
    conflicts = [x for x in admin.list_conflicts(admin_client) if x["record_id"] == c["id"]]
    assert [x["kind"] for x in conflicts] == [kind]
    if kind == "edit_delete":
        assert conflicts[0]["fields"]["notes"]["client"] == "still needed"


def test_two_reps_create_the_same_customer_offline_and_the_admin_merges_them(clients):
    rep1, rep2, admin_client = clients("rep1"), clients("rep2"), clients("admin")
    code = "91350100M000100Y43"
    c1 = new_customer(rep1, name="厦门鹭岛软件有限公司", credit_code=code)
    c2 = new_customer(rep2, name="鹭岛软件（厦门）", credit_code=code)
    d1 = rep1.store.run(deals.create_deal, {"customer_id": c1["id"], "name": "ERP 升级"})
    d2 = rep2.store.run(deals.create_deal, {"customer_id": c2["id"], "name": "云迁移"})
    rep1.sync()
    assert rep2.sync().conflicts == 1
    admin_client.sync()
    [dup] = [x for x in admin.list_conflicts(admin_client) if x["record_id"] == c2["id"]]
    assert dup["kind"] == "duplicate" and dup["candidates"][0]["id"] == c1["id"]
    admin.resolve_conflict(admin_client, dup["id"], {"merge_into": c1["id"]})
    for e in (rep1, rep2, admin_client):
        e.sync()
    assert {d["customer_id"] for d in rows(admin_client, "deal").values() if d["id"] in (d1["id"], d2["id"])} == {c1["id"]}
    assert {d["customer_id"] for d in rows(rep1, "deal").values() if d["id"] in (d1["id"], d2["id"])} == {c1["id"]}
    assert c2["id"] not in rows(admin_client, "customer")
    assert c2["id"] not in rows(rep2, "customer") and d2["id"] not in rows(rep2, "deal")


def test_a_customer_reassigned_to_another_rep_moves_between_their_copies(clients):
    rep1, rep2, admin_client = clients("rep1"), clients("rep2"), clients("admin")
    c = new_customer(rep1)
    d = rep1.store.run(deals.create_deal, {"customer_id": c["id"], "name": "年度框架协议"})
    rep1.sync()
    admin_client.sync()
    rep2_id = next(u["id"] for u in rows(admin_client, "user").values() if u["username"] == "rep2")
    admin_client.store.run(customers.reassign_customer, c["id"], rep2_id)
    admin_client.sync()
    summary = rep1.sync()
    assert summary.evicted >= 2
    assert c["id"] not in rows(rep1, "customer") and d["id"] not in rows(rep1, "deal")
    rep2.sync()
    assert get(rep2, "customer", c["id"])["owner_id"] == rep2_id
    assert get(rep2, "deal", d["id"])["customer_id"] == c["id"]


def test_a_change_on_one_online_client_shows_on_another_within_three_seconds(clients):
    from sync.loop import SyncLoop

    writer, reader = clients("rep1"), clients("rep1")
    writer.sync()
    reader.sync()
    arrived = threading.Event()
    target = {}

    def finished(summary, error):
        if target and get(reader, "customer", target["id"]):
            arrived.set()

    loop = SyncLoop(reader, interval=300, poll_timeout=20, on_finished=finished)
    loop.start()
    try:
        time.sleep(0.5)  # the reader is now waiting in the long poll
        target.update(new_customer(writer))
        started = time.monotonic()
        writer.sync()
        assert arrived.wait(3.0), "the change did not arrive within 3 s"
        assert time.monotonic() - started < 3.0
    finally:
        loop.stop()


def test_a_stopped_loop_stays_silent_when_its_open_long_poll_fails_later(clients, server):
    """Closing the window stops the loop while its long poll may still wait on the
    server; when that poll fails afterwards, nobody (a window already gone) is told."""
    from sync.loop import SyncLoop

    parked, release = threading.Event(), threading.Event()

    def faults(_n, _method, path):
        if "/sync/wait" in path:
            parked.set()
            release.wait(20)
            return "drop"
        return None

    states = []
    synced = threading.Event()
    with FaultyProxy(server.url, faults) as proxy:
        engine = clients("rep1", url=proxy.url, retries=0)
        loop = SyncLoop(engine, interval=300, poll_timeout=20, on_state=states.append,
                        on_finished=lambda _summary, _error: synced.set())
        loop.start()
        assert synced.wait(15) and parked.wait(15)  # the waiting thread's poll is open
        poller = loop._poller
        loop.stop()
        states.clear()
        release.set()  # now the open poll fails
        poller.join(15)
        assert not poller.is_alive()
    assert states == []


def test_syncs_complete_through_drops_delays_502s_and_truncated_replies(clients, server):
    faults = ["drop", "502", "truncate", "delay", "reset", "after", "502", "truncate"]
    queue = list(faults)

    def on_sync_calls(n, method, path):
        return queue.pop(0) if "/sync/" in path and queue else None

    with FaultyProxy(server.url, on_sync_calls, delay=0.5) as proxy:
        writer = clients("rep1", url=proxy.url, retries=12)
        made = [new_customer(writer) for _ in range(5)]
        writer.store.run(customers.update_customer, made[0]["id"], {"notes": "through the storm"})
        writer.sync()
        writer.sync()
    assert outbox(writer) == []
    reader = clients("rep1")
    reader.sync()
    mine = rows(reader, "customer")
    assert all(c["id"] in mine for c in made)
    assert mine[made[0]["id"]]["notes"] == "through the storm"
    assert {f for _, _, f in proxy.seen if f} == set(faults)


def test_a_rejected_change_stays_visible_with_the_servers_reason(clients):
    rep = clients("rep1")
    c = new_customer(rep)
    rep.sync()
    # Reps may not change a credit limit: the local rules refuse too, so forge the
    # queued mutation the way an old or tampered client would send it.
    with rep.store.write() as s:
        s.execute(OutboxMutation.__table__.insert().values(
            mutation_id="00000000-0000-4000-8000-000000000001", entity="customer", record_id=c["id"],
            op="update", base_version=get(rep, "customer", c["id"])["version"], base={"credit_limit_minor": None},
            changes={"credit_limit_minor": 10}, state="pending", attempts=0,
            created_at="2026-01-01T00:00:00Z", updated_at="2026-01-01T00:00:00Z"))
    summary = rep.sync()
    assert summary.rejected == 1
    [m] = outbox(rep)
    assert m["state"] == "rejected" and m["error"]["code"] == "permission_denied"
    [flag] = flags(rep, "rejected")
    assert "credit" in flag["message"]


def test_a_revoked_sign_in_stops_the_engine_without_losing_anything_queued(clients):
    from sync.engine import NEEDS_SIGN_IN, SyncError

    rep = clients("rep1")
    rep.sync()
    c = new_customer(rep)
    rep.store.run(customers.update_customer, c["id"], {"notes": "queued while signed out"})
    before = outbox(rep)
    rep.logout()  # the server revokes the token; the keyring forgets it
    with pytest.raises(SyncError) as info:
        rep.sync()
    assert info.value.state == NEEDS_SIGN_IN and rep.state == NEEDS_SIGN_IN
    assert outbox(rep) == before
    from tests.support.server import PASSWORD

    rep.login(rep.server_url, "rep1", PASSWORD)
    assert rep.sync().pushed == 1 and outbox(rep) == []


def test_a_token_the_server_no_longer_accepts_asks_for_sign_in(clients, server):
    import requests

    from sync import credentials
    from sync.engine import NEEDS_SIGN_IN, SyncError

    rep = clients("rep1")
    token = credentials.load_token(rep.server_url, "rep1")
    requests.post(server.url + "/api/v1/auth/logout", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    new_customer(rep)
    with pytest.raises(SyncError) as info:
        rep.sync()
    assert info.value.state == NEEDS_SIGN_IN
    assert len(outbox(rep)) == 1 and outbox(rep)[0]["state"] in ("pending", "sent")
