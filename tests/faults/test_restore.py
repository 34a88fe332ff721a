"""The server restored from a backup older than a client's cursor: the client notices
(410 resync_required, reason `restored`), pulls everything again, and loses none of its
unsent work. What it created that the server lost is offered back, ahead of the changes
that need it; other people's lost records leave it until their makers offer them back.
And when only what a user may see changed, the full pull takes away what they no longer
see, except what still carries their unsent work."""
from __future__ import annotations

import shutil
import sqlite3
import uuid

import sqlalchemy as sa

from app.models import OutboxMutation, SyncFlag
from app.services import customers
from tests.faults.conftest import client, held, prepare
from tests.support.server import ServerProcess


def new_customer(engine, label: str) -> str:
    return engine.store.run(customers.create_customer, {"name": f"{label} {uuid.uuid4().hex} Ltd"},
                            allow_duplicate=True)["id"]


def queued(engine) -> list[dict]:
    t = OutboxMutation.__table__
    with engine.store.read() as s:
        return [dict(r) for r in s.execute(sa.select(t).order_by(t.c.seq)).mappings()]


def customers_of(engine) -> dict[str, dict]:
    with engine.store.unit() as uow:
        return {r["id"]: r for r in uow.select("customer")}


def backup(path, target) -> None:
    src, dst = sqlite3.connect(path), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def test_a_server_restored_from_an_older_backup_gets_back_what_the_clients_made(tmp_path):
    db_file = tmp_path / "server.sqlite"
    url = f"sqlite:///{db_file}"
    prepare(url)
    server = ServerProcess(url, log_path=tmp_path / "server-1.log").start()
    laptop = client(tmp_path / "laptop", server.url)
    desktop = client(tmp_path / "desktop", server.url)
    try:
        kept = new_customer(laptop, "Before the backup")
        laptop.sync()
        backup(db_file, tmp_path / "backup.sqlite")

        lost_mine = new_customer(laptop, "Made on the laptop after the backup")
        laptop.sync()
        desktop.sync()
        lost_theirs = new_customer(desktop, "Made on the desktop after the backup")
        desktop.sync()
        laptop.sync()
        assert {kept, lost_mine, lost_theirs} <= set(customers_of(laptop))
        # Unsent work on the laptop: a new customer, an edit of and a contact for a
        # customer the restored server will not have.
        unsent = new_customer(laptop, "Unsent")
        laptop.store.run(customers.update_customer, lost_mine, {"address": "上海市徐汇区"})
        contact = laptop.store.run(customers.create_contact, {"name": "王五", "customer_id": lost_mine})["id"]

        server.stop()
        for f in tmp_path.glob("server.sqlite*"):
            f.unlink()
        shutil.copy(tmp_path / "backup.sqlite", db_file)
        server = ServerProcess(url, port=server.port, log_path=tmp_path / "server-2.log").start()

        summary = laptop.sync()
        assert summary.offered == 1 and summary.rejected == 0 and summary.conflicts == 0
        assert queued(laptop) == []
        mine = customers_of(laptop)
        assert {kept, lost_mine, unsent} <= set(mine) and lost_theirs not in mine
        assert mine[lost_mine]["address"] == "上海市徐汇区" and mine[lost_mine]["version"]
        assert contact in held(laptop.store)

        # The desktop had nothing queued: its pull notices, and it offers back its own.
        summary = desktop.sync()
        assert summary.offered == 1 and summary.rejected == 0
        laptop.sync()
        fresh = client(tmp_path / "fresh", server.url)
        fresh.sync()
        everything = {kept, lost_mine, lost_theirs, unsent}
        for engine in (laptop, desktop, fresh):
            assert everything <= set(customers_of(engine))
            assert held(engine.store) == held(fresh.store)
    finally:
        for engine in (laptop, desktop):
            engine.store.close()
        server.stop()


def test_after_a_change_of_scope_the_full_pull_removes_what_the_user_no_longer_sees(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.sqlite'}"
    prepare(url, reps=("rep1", "rep2"))
    with ServerProcess(url, log_path=tmp_path / "server.log") as server:
        boss = client(tmp_path / "admin", server.url, "admin")
        rep2 = client(tmp_path / "rep2", server.url, "rep2")
        theirs = [new_customer(rep2, "Rep two's") for _ in range(3)]
        rep2.sync()
        promoted = client(tmp_path / "rep1-laptop", server.url, "rep1")
        own = new_customer(promoted, "Rep one's")
        promoted.sync()
        # rep1 is made finance for a while: they see every book...
        boss.sync()
        user = boss.store.run(lambda uow: uow.get("user", promoted.store.actor().id))
        boss.store.run(lambda uow: uow.update("user", user["id"], {"role": "finance"}))
        boss.sync()
        promoted.sync()
        assert set(theirs) <= set(customers_of(promoted))
        # ...and edits one of rep2's customers offline when they become a rep again.
        promoted.store.run(customers.update_customer, theirs[0], {"notes": "seen while in finance"})
        boss.store.run(lambda uow: uow.update("user", user["id"], {"role": "rep"}))
        boss.sync()

        promoted.sync()
        held_now = customers_of(promoted)
        assert own in held_now
        assert theirs[1] not in held_now and theirs[2] not in held_now
        # The record with unsent work stays, flagged.
        assert theirs[0] in held_now
        t = SyncFlag.__table__
        with promoted.store.read() as s:
            kinds = {r.kind for r in s.execute(sa.select(t).where(t.c.record_id == theirs[0]))}
        assert "evicted" in kinds
        for engine in (boss, rep2, promoted):
            engine.store.close()


def test_after_mark_restored_no_client_continues_a_history_the_backup_lost(tmp_path):
    """Restored, and the first client back had not synced since before the backup: its
    pushes reuse the lost sequence numbers, so the other client's cursor would look valid
    again. `main.py server mark-restored` starts a new history: both pull everything."""
    from tests.support.server import run_cli

    db_file = tmp_path / "server.sqlite"
    url = f"sqlite:///{db_file}"
    prepare(url)
    server = ServerProcess(url, log_path=tmp_path / "server-1.log").start()
    behind = client(tmp_path / "behind", server.url)
    ahead = client(tmp_path / "ahead", server.url)
    try:
        behind.sync()
        ahead.sync()
        backup(db_file, tmp_path / "backup.sqlite")
        theirs = [new_customer(ahead, "After the backup") for _ in range(3)]
        ahead.sync()
        server.stop()
        for f in tmp_path.glob("server.sqlite*"):
            f.unlink()
        shutil.copy(tmp_path / "backup.sqlite", db_file)
        run_cli("mark-restored", database_url=url)
        server = ServerProcess(url, port=server.port, log_path=tmp_path / "server-2.log").start()

        made = [new_customer(behind, "Back first") for _ in range(5)]
        assert behind.sync().rejected == 0
        assert ahead.sync().offered == 3
        behind.sync()
        everything = set(theirs) | set(made)
        assert everything <= set(customers_of(behind)) and everything <= set(customers_of(ahead))
        assert held(behind.store) == held(ahead.store)
    finally:
        for engine in (behind, ahead):
            engine.store.close()
        server.stop()
