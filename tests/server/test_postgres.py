"""PostgreSQL with concurrent writers: pulls never skip a change committed late, and
several server processes serve one database together."""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from sync.protocol import decode_cursor
from server.writer import Writer
from tests.server.conftest import Server, create, new_id
from tests.support.server import ServerProcess


def _product(name: str) -> dict:
    return {"name": name, "code": name[:40], "unit_price_minor": 100, "currency": "CNY", "tax_rate_bp": 1300,
            "active": True, "series": None, "description": None, "unit": None}


def _held_writer(db):
    """A writer transaction on its own connection, left open by the caller."""
    conn = db.engine.connect()
    txn = conn.begin()
    writer = Writer(conn, None, origin="system", lock=True)
    record_id = new_id()
    writer.create("product", {"id": record_id, **_product("held " + record_id)})
    return conn, txn, writer, record_id


def test_a_change_that_commits_after_a_later_one_is_still_pulled(postgres_server):
    admin = postgres_server.client("admin")
    _, cursor = admin.pull_all()
    conn, txn, writer, held_id = _held_writer(postgres_server.db)
    try:
        # Its work is done but not numbered; another writer commits meanwhile.
        other = create("product", _product("other " + new_id()))
        assert admin.push_one(other)["status"] == "applied"
        seen, cursor = admin.pull_all(cursor)
        assert other["record_id"] in {c["record_id"] for c in seen}
        assert held_id not in {c["record_id"] for c in seen}
        writer.changes.commit()
        txn.commit()
    finally:
        conn.close()
    late = admin.pull_all(cursor)[0]
    assert held_id in {c["record_id"] for c in late}


def test_a_reader_never_moves_past_a_writer_that_holds_the_counter(postgres_server):
    admin = postgres_server.client("admin")
    _, cursor = admin.pull_all()
    conn, txn, writer, held_id = _held_writer(postgres_server.db)
    other = create("product", _product("queued " + new_id()))
    pushed = {}
    try:
        writer.changes.number()  # holds server_state's row lock until it commits
        held_seq = max(op[1].seq for op in writer.changes.ops if op[0] == "change")
        pusher = threading.Thread(target=lambda: pushed.update(result=admin.push_one(other)))
        pusher.start()
        time.sleep(0.5)
        assert pusher.is_alive(), "a later writer waits for the counter"
        seen, during = admin.pull_all(cursor)
        assert not {held_id, other["record_id"]} & {c["record_id"] for c in seen}
        assert decode_cursor(during)[1] < held_seq
        writer.changes.write()
        txn.commit()
    finally:
        conn.close()
    pusher.join(30)
    assert pushed["result"]["version"] > held_seq
    after = [c["record_id"] for c in admin.pull_all(during)[0]]
    assert after.index(held_id) < after.index(other["record_id"])


def test_two_server_processes_serve_one_database_without_losing_a_change(postgres_server, tmp_path):
    proc = ServerProcess(postgres_server.database_url, env={"TMPDIR": str(tmp_path)}).start()
    second = Server("postgres", proc.url, postgres_server.database_url, proc)
    try:
        name = postgres_server.user("rep")
        one, two = postgres_server.login(name), second.login(name)
        m = create("customer", {"name": "Shared " + new_id()})
        one.push_one(m)
        assert m["record_id"] in two.records()
        _, start = one.pull_all()

        def burst(api):
            made = [create("lead", {"company_name": f"Burst {new_id()}"}) for _ in range(20)]
            results = api.push(*made)
            assert all(r["status"] == "applied" for r in results)
            return {mm["record_id"]: r["version"] for mm, r in zip(made, results)}

        with ThreadPoolExecutor(6) as pool:
            bursts = list(pool.map(burst, [one, two] * 6))
        versions = {rid: v for b in bursts for rid, v in b.items()}
        assert len(set(versions.values())) == len(versions) == 240
        for api in (one, two):
            pulled = {c["record_id"]: c["version"] for c in api.pull_all(start)[0]}
            assert {rid: pulled.get(rid) for rid in versions} == versions
    finally:
        proc.stop()
        second.db.dispose()
