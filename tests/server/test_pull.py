"""Pull pages, cursors, tombstones, resync, and the long poll."""
from __future__ import annotations

import threading
import time

import sqlalchemy as sa

from server.tables import server_state
from sync.protocol import decode_cursor, encode_cursor
from tests.server.conftest import company, create, delete


def test_pages_of_any_size_deliver_every_change_once_in_version_order(rep):
    made = [create("customer", {"name": company()}) for _ in range(7)]
    rep.push(*made)
    whole, end = rep.pull_all()
    paged, paged_end = rep.pull_all(limit=3)
    assert [c["version"] for c in paged] == [c["version"] for c in whole]
    assert [c["version"] for c in whole] == sorted({c["version"] for c in whole})
    assert {m["record_id"] for m in made} <= {c["record_id"] for c in whole}
    assert decode_cursor(paged_end) == decode_cursor(end)
    first = rep.get("/sync/pull", limit=3).json()
    assert len(first["changes"]) == 3 and first["has_more"] is True


def test_a_pull_with_nothing_new_is_empty_and_keeps_its_place(rep):
    _, cursor = rep.pull_all()
    page = rep.get("/sync/pull", cursor=cursor).json()
    assert page == {"changes": [], "cursor": page["cursor"], "has_more": False}
    assert decode_cursor(page["cursor"])[1] >= decode_cursor(cursor)[1]


def test_an_upsert_carries_the_whole_record_and_a_delete_arrives_as_a_tombstone(rep):
    m = create("customer", {"name": company()})
    v = rep.push_one(m)["version"]
    changes, cursor = rep.pull_all()
    upsert = [c for c in changes if c["record_id"] == m["record_id"]][0]
    assert upsert["op"] == "upsert" and upsert["entity"] == "customer" and upsert["version"] == v
    assert {"id", "name", "owner_id", "credit_code", "created_at", "updated_at"} <= set(upsert["data"])
    rep.push_one(delete("customer", m["record_id"], v))
    tomb = [c for c in rep.pull_all(cursor)[0] if c["record_id"] == m["record_id"]]
    assert [c["op"] for c in tomb] == ["delete"]


def test_a_cursor_this_database_cannot_continue_is_answered_410_resync_required(server, rep):
    with server.db.read() as conn:
        epoch, seq = conn.execute(sa.select(server_state.c.epoch, server_state.c.seq)).one()
    for cursor in (encode_cursor("another-database", 1), encode_cursor(epoch, seq + 1000), "garbage!"):
        r = rep.get("/sync/pull", cursor=cursor)
        assert r.status_code == 410, cursor
        assert r.json()["error"]["code"] == "resync_required"
        assert rep.get("/sync/wait", cursor=cursor, timeout=0).status_code == 410


def test_the_long_poll_wakes_within_a_second_of_a_change_in_scope(rep):
    _, cursor = rep.pull_all()
    reply = {}

    def wait():
        reply["body"] = rep.get("/sync/wait", cursor=cursor, timeout=20).json()
        reply["at"] = time.monotonic()

    t = threading.Thread(target=wait)
    t.start()
    time.sleep(0.6)
    rep.push_one(create("lead", {"company_name": "Wake Up Co"}))
    committed = time.monotonic()
    t.join(15)
    assert reply["body"]["changed"] is True
    assert reply["at"] - committed < 1.0


def test_the_long_poll_answers_unchanged_at_its_timeout(rep):
    _, cursor = rep.pull_all()
    started = time.monotonic()
    body = rep.get("/sync/wait", cursor=cursor, timeout=1).json()
    assert body["changed"] is False
    assert 0.9 <= time.monotonic() - started < 3
    assert rep.get("/sync/pull", cursor=body["cursor"]).json()["changes"] == []


def test_the_long_poll_answers_at_once_when_changes_are_waiting(rep):
    _, cursor = rep.pull_all()
    rep.push_one(create("lead", {"company_name": "Already There"}))
    started = time.monotonic()
    assert rep.get("/sync/wait", cursor=cursor, timeout=20).json()["changed"] is True
    assert time.monotonic() - started < 1
