"""A client process killed (SIGKILL) in the middle of a pull or a push: restarted, it
finishes with nothing lost and nothing applied twice."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import keyring
import pytest

from app.store import Store
from sync.engine import SyncEngine
from tests.keyring_backend import FileKeyring
from tests.support.proxy import FaultyProxy
from tests.support.server import PASSWORD, ROOT
from tests.sync.test_sync_e2e import new_customer, outbox, rows


@pytest.fixture(autouse=True)
def shared_keyring(tmp_path, monkeypatch):
    """The client processes started here read the token the test stored: a file keyring."""
    monkeypatch.setenv("LTC_TEST_KEYRING_FILE", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.keyring_backend.FileKeyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield
    keyring.set_keyring(previous)


def sync_process(profile, *extra):
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "sync", "--profile", str(profile),
                             "--quiet", *extra], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ})


def wait_for(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def signed_in_profile(path, url):
    store = Store.open(path)
    SyncEngine(store, device_name=path.name).login(url, "rep1", PASSWORD)
    return store


def test_killed_in_the_middle_of_a_pull_it_resumes_from_the_last_whole_page(clients, server, tmp_path):
    writer = clients("rep1")
    writer.sync()
    made = [new_customer(writer)["id"] for _ in range(30)]
    writer.sync()

    pulls = []

    def hold_third_pull(n, method, path):
        if "/sync/pull" in path:
            pulls.append(path)
            if len(pulls) == 3:
                return "hold"
        return None

    with FaultyProxy(server.url, hold_third_pull, delay=30) as proxy:
        store = signed_in_profile(tmp_path / "victim", proxy.url)
        cursor_before = store.setting("cursor")
        store.close()
        proc = sync_process(tmp_path / "victim", "--page-size", "10")
        assert wait_for(lambda: len(pulls) >= 3), "the third page was never requested"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        store = Store.open(tmp_path / "victim")
        assert store.setting("cursor") != cursor_before  # two whole pages are in
        store.close()
    # Restarted against the server directly (same profile, same server data).
    store = Store.open(tmp_path / "victim")
    store.set_setting("server_url", server.url)
    engine = SyncEngine(store)
    engine.login(server.url, "rep1", PASSWORD)
    engine.sync()
    mine = rows(engine, "customer")
    assert set(made) <= set(mine)
    store.close()


def test_killed_after_sending_a_push_the_replay_applies_nothing_twice(clients, server, tmp_path):
    with FaultyProxy(server.url, lambda n, m, p: "hold" if p.startswith("/api/v1/sync/push") else None,
                     delay=30) as proxy:
        store = signed_in_profile(tmp_path / "pusher", proxy.url)
        engine = SyncEngine(store)
        made = [new_customer(engine)["id"] for _ in range(25)]
        store.close()
        proc = sync_process(tmp_path / "pusher")
        assert wait_for(lambda: any(p.startswith("/api/v1/sync/push") for _, p, _ in proxy.seen))
        time.sleep(1.0)  # the server has applied the push; its answer is being held
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    store = Store.open(tmp_path / "pusher")
    store.set_setting("server_url", server.url)
    engine = SyncEngine(store)
    engine.login(server.url, "rep1", PASSWORD)
    assert {m["state"] for m in outbox(engine)} == {"sent"}
    summary = engine.sync()
    assert summary.pushed == 25 and summary.conflicts == 0 and summary.rejected == 0
    assert outbox(engine) == []
    reader = clients("rep1")
    reader.sync()
    names = [r["name"] for r in rows(reader, "customer").values() if r["id"] in made]
    assert len(names) == 25 == len(set(made))
    store.close()
