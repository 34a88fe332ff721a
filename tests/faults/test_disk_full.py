"""The local disk fills up during a pull (simulated with SQLite's own limit on the size
of the database, `PRAGMA max_page_count`, on the profile's connections): the sync stops
with a clear message, the database stays whole (integrity check, cursor and rows agree),
and once there is room again the next sync completes."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import event

from app.models import ProfileSetting
from sync.engine import SyncError
from sync.protocol import decode_cursor
from tests.faults.conftest import client, held, integrity, prepare
from tests.support.server import ServerProcess


def test_a_full_disk_during_a_pull_stops_cleanly_and_the_next_sync_finishes(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.sqlite'}"
    prepare(url)
    with ServerProcess(url, log_path=tmp_path / "server.log") as server:
        engine = client(tmp_path / "laptop", server.url)
        engine.sync()
        _grow(url, engine.store.actor().id)  # the book grows on the server
        store = engine.store
        with store.read() as s:
            pages_now = s.execute(sa.text("PRAGMA page_count")).scalar()
        # From now on the profile's connections may not grow the file by more than ~400 KB.
        store.engine.dispose()

        def limit(dbapi_conn, _record):
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages_now + 100}")

        event.listen(store.engine, "connect", limit)
        engine.pull_limit = 300
        before = held(store)
        try:
            engine.sync()
            raise AssertionError("the sync should have run out of room")
        except SyncError as exc:
            assert "disk is full" in exc.message and "nothing was lost" in exc.message.lower()
            assert engine.status()["last_error"] == exc.message
        event.remove(store.engine, "connect", limit)
        store.engine.dispose()

        assert integrity(store) == "ok"
        cursor = store.setting("cursor")
        seq = decode_cursor(cursor)[1]
        now = held(store)
        assert len(now) > len(before)  # some whole pages made it in before the disk filled
        assert all(v <= seq for v in now.values())
        with store.read() as s:
            assert s.get(ProfileSetting, "cursor").value == cursor

        engine.sync()
        reference = client(tmp_path / "fresh", server.url)
        reference.sync()
        everything = held(reference.store)
        assert len(everything) >= 2400
        # What it held after the failure was exactly the whole pages up to its cursor.
        assert now == {r: v for r, v in everything.items() if v <= seq}
        assert held(store) == everything
        store.close()
        reference.store.close()


def _grow(url: str, owner_id: str) -> None:
    from app.seed import generate
    from server import bulk, dictionary
    from server.db import Database

    db = Database(url)
    try:
        with db.read() as conn:
            current = dictionary.current(conn)
        bulk.load(db, generate(customers=800, deals=800, seed=11, owner_ids=[owner_id], dictionary=current))
    finally:
        db.dispose()
