"""A damaged local database at start: found by the check on open (PRAGMA quick_check),
the unsent work saved first, a clear message with the commands that recover, and both
ways out (the automatic backup, or a fresh sync) end with nothing unsent lost."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid

import pytest

from app import recovery
from app.services import customers
from app.store import DB_NAME, Store
from sync.engine import SyncEngine
from tests.faults.conftest import client, held, integrity, prepare
from tests.support.server import ROOT, ServerProcess


def damage(profile, table: str = "customers") -> None:
    """Overwrite the first page of `table` with garbage (the store is closed)."""
    path = profile / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * size)
        f.write(bytes((i * 37 + 11) % 256 for i in range(size)))


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ}, timeout=60)


@pytest.fixture
def server(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.sqlite'}"
    prepare(url)
    with ServerProcess(url, log_path=tmp_path / "server.log") as proc:
        yield proc


def worked_profile(tmp_path, server):
    """A profile with synced customers, a daily backup, then more synced work and three
    unsent changes; returns (profile dir, the unsent ids, client id)."""
    engine = client(tmp_path / "laptop", server.url)
    store = engine.store
    for i in range(20):
        store.run(customers.create_customer, {"name": f"Synced {i} {uuid.uuid4().hex} Ltd"}, allow_duplicate=True)
    engine.sync()
    assert recovery.daily_backup(store) is not None
    assert recovery.daily_backup(store) is None  # one a day
    later = store.run(customers.create_customer, {"name": f"After the backup {uuid.uuid4().hex}"},
                      allow_duplicate=True)["id"]
    engine.sync()
    unsent = store.run(customers.create_customer, {"name": f"Unsent {uuid.uuid4().hex}"}, allow_duplicate=True)["id"]
    store.run(customers.update_customer, later, {"notes": "edited offline"})
    first = next(iter(r for r in held(store) if r not in (later, unsent)))
    contact = store.run(customers.create_contact, {"name": "李四", "customer_id": first})["id"]
    client_id = store.client_id()
    store.close()
    return tmp_path / "laptop", {"later": later, "unsent": unsent, "contact": contact}, client_id


def opened_damaged(profile) -> recovery.DatabaseCorrupt:
    with pytest.raises(recovery.DatabaseCorrupt) as caught:
        Store.open(profile)
    return caught.value


def assert_pushed_and_converged(tmp_path, server, profile, ids) -> None:
    store = Store.open(profile)
    assert integrity(store) == "ok"
    mine = held(store)
    assert ids["unsent"] in mine and ids["contact"] in mine  # the user sees their work at once
    summary = SyncEngine(store).sync()
    assert summary.rejected == 0 and summary.conflicts == 0 and summary.pushed >= 3
    reference = client(tmp_path / "reference", server.url)
    reference.sync()
    assert held(store) == held(reference.store)
    with reference.store.unit() as uow:
        assert uow.get("customer", ids["later"])["notes"] == "edited offline"
        assert uow.get("contact", ids["contact"]) is not None
    reference.store.close()
    store.close()


def test_damage_is_found_on_open_and_the_unsent_work_is_saved_first(tmp_path, server):
    profile, ids, _ = worked_profile(tmp_path, server)
    damage(profile)
    error = opened_damaged(profile)
    assert error.problems and error.saved == 3 and error.backups
    saved = json.loads(error.exported.read_text(encoding="utf-8"))
    assert {m["record_id"] for m in saved["mutations"]} == {ids["unsent"], ids["later"], ids["contact"]}
    assert saved["settings"]["server_url"] == server.url
    assert "--restore-backup" in error.message and "--fresh-sync" in error.message
    # The command line says the same in one line, never a traceback.
    for args in (("records", "list", "customer", "--profile", str(profile)), ("sync", "--profile", str(profile))):
        out = cli(*args)
        assert out.returncode == 1 and "Traceback" not in out.stderr
        assert "damaged" in out.stderr and "main.py recover" in out.stderr
    check = cli("recover", "--check", "--profile", str(profile))
    assert check.returncode == 1 and "damaged" in check.stderr


def test_restoring_the_backup_queues_the_unsent_work_again(tmp_path, server):
    profile, ids, _ = worked_profile(tmp_path, server)
    damage(profile)
    opened_damaged(profile)
    out = cli("recover", "--restore-backup", "--profile", str(profile))
    assert out.returncode == 0, out.stderr
    assert "3 unsent change(s) queued again" in out.stdout
    assert list((profile / "damaged").glob("*.sqlite"))
    assert_pushed_and_converged(tmp_path, server, profile, ids)


def test_a_fresh_sync_keeps_the_identity_and_the_unsent_work(tmp_path, server):
    profile, ids, client_id = worked_profile(tmp_path, server)
    damage(profile)
    opened_damaged(profile)
    done = recovery.fresh_sync(profile)
    assert done["requeued"] == 3 and done["server_url"] == server.url
    store = Store.open(profile)
    assert store.client_id() == client_id and store.setting("server_username") == "rep1"
    assert store.actor().username == "rep1"
    store.close()
    assert_pushed_and_converged(tmp_path, server, profile, ids)


def test_a_big_healthy_profile_is_fully_checked_only_after_a_session_that_did_not_close(tmp_path, monkeypatch):
    store = Store.open(tmp_path / "p")
    store.run(customers.create_customer, {"name": "Kept"})
    store.close()
    damage(tmp_path / "p")
    # As if the database were big: only the header, schema and the unsent work are checked...
    monkeypatch.setattr(recovery, "FULL_CHECK_BYTES", 0)
    Store.open(tmp_path / "p").close()
    # ...unless the last session ended without closing (its marker's process is gone).
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / "p" / "sessions" / f"{dead.stdout.strip()}-0000").touch()
    opened_damaged(tmp_path / "p")


def test_the_open_store_backs_itself_up_once_a_day_in_the_background(tmp_path):
    store = Store.open(tmp_path / "p")
    store.run(customers.create_customer, {"name": "Backed up"})
    store.close()
    store = Store.open(tmp_path / "p")
    assert store._maintenance is not None  # scheduled, not run during start-up
    store._maintenance.cancel()
    timer = recovery.schedule_daily_backup(store, delay=0)
    timer.join(30)
    [backup] = recovery.good_backups(tmp_path / "p")
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT name FROM customers").fetchall() == [("Backed up",)]
    conn.close()
    store.close()
