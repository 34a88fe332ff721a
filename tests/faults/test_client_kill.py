"""The client killed (SIGKILL) inside the transaction that applies a pulled page: the
page and its cursor go together or not at all, so the profile holds exactly the whole
pages before it, opens cleanly (indexes deferred for the first sync are rebuilt) and the
next sync completes the book."""
from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import requests
import sqlalchemy as sa

from app.store import DB_NAME, Store
from sync.engine import SyncEngine
from sync.protocol import decode_cursor
from tests.faults.conftest import SYNCED, client, held, integrity, prepare
from tests.support.server import PASSWORD, ROOT, ServerProcess


def in_write_transaction(path) -> bool:
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def kill_inside_a_page(proc: subprocess.Popen, profile, last_seq: int, deadline: float) -> int | None:
    """Stop the process at random moments until it is caught holding the profile's write
    lock after at least one whole page and before the last (so inside a page's apply),
    then kill it there; returns the cursor's sequence number it left, or None if the
    process finished first."""
    rng = random.Random()
    path = profile / DB_NAME
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(rng.uniform(0.002, 0.02))
        proc.send_signal(signal.SIGSTOP)
        try:
            if path.exists() and in_write_transaction(path):
                seq = cursor_seq(profile)
                if seq and seq < last_seq:
                    proc.send_signal(signal.SIGKILL)
                    proc.wait(10)
                    return seq
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGCONT)
    return None


def server_view(url: str) -> tuple[dict[str, tuple[str, int]], int]:
    """What rep1 may pull, straight from the API: record id -> (entity, version) of the
    live records, and the last cursor's sequence number."""
    token = requests.post(f"{url}/api/v1/auth/login", json={"username": "rep1", "password": PASSWORD}).json()["token"]
    headers = {"Authorization": f"Bearer {token}", "X-LTC-Protocol": "1"}
    out, cursor = {}, None
    while True:
        page = requests.get(f"{url}/api/v1/sync/pull", headers=headers,
                            params={"limit": 10000, **({"cursor": cursor} if cursor else {})}).json()
        for c in page["changes"]:
            if c["op"] == "upsert":
                out[c["record_id"]] = (c["entity"], c["version"])
            else:
                out.pop(c["record_id"], None)
        cursor = page["cursor"]
        if not page["has_more"]:
            return out, decode_cursor(cursor)[1]


def cursor_seq(profile) -> int | None:
    raw = sqlite3.connect(profile / DB_NAME)
    try:
        row = raw.execute("SELECT value FROM profile_settings WHERE key = 'cursor'").fetchone()
    finally:
        raw.close()
    value = row and row[0] and row[0].strip('"')
    return decode_cursor(value)[1] if value and value != "null" else None


def test_killed_while_applying_a_page_it_keeps_whole_pages_and_finishes_later(tmp_path, shared_keyring):
    url = f"sqlite:///{tmp_path / 'server.sqlite'}"
    prepare(url, customers=2000, deals=2000)
    with ServerProcess(url, log_path=tmp_path / "server.log") as server:
        view, last_seq = server_view(server.url)
        expected = {r: v for r, (e, v) in view.items() if e in SYNCED}
        profile = tmp_path / "laptop"
        seq = None
        for attempt in range(5):  # a run that finishes before it is caught is tried again
            shutil.rmtree(profile, ignore_errors=True)
            client(profile, server.url).store.close()
            proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "sync", "--profile", str(profile),
                                     "--quiet", "--page-size", "1000"], cwd=ROOT, env={**os.environ},
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            seq = kill_inside_a_page(proc, profile, last_seq, time.monotonic() + 60)
            if seq:
                break
        assert seq, "the client was never caught applying a page"
        store = Store.open(profile)  # opens cleanly after the kill
        assert integrity(store) == "ok"
        # Exactly the whole pages up to the cursor: nothing beyond it, nothing missing before it.
        mine = held(store)
        assert 0 < len(mine) < len(expected)
        assert mine == {r: v for r, v in expected.items() if v <= seq}
        # The indexes the first sync deferred are back, as in any new profile.
        with store.read() as s:
            indexes = {r for r, in s.execute(sa.text("SELECT name FROM sqlite_master WHERE type = 'index'"))}
            assert s.execute(sa.text("SELECT count(*) FROM profile_settings WHERE key = 'deferred_indexes'")
                             ).scalar() == 0
        fresh = Store.open(tmp_path / "fresh")
        with fresh.read() as s:
            assert indexes == {r for r, in s.execute(sa.text("SELECT name FROM sqlite_master WHERE type = 'index'"))}
        fresh.close()

        SyncEngine(store).sync()
        assert held(store) == expected
        store.close()
