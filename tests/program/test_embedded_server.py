"""The embedded server (server/embedded.py): the real application in a thread, for the
self-test and the demo."""
from __future__ import annotations

import os
import socket

import pytest
import requests

from app.errors import ValidationError
from app.models import Customer
from app.services import customers
from app.store import Store
from server.embedded import start_embedded
from sync.engine import SyncEngine


def _refuses_connections(url: str) -> bool:
    host, port = url.removeprefix("http://").split(":")
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex((host, int(port))) != 0


def test_embedded_server_serves_sync_for_a_user_it_created(tmp_path):
    with start_embedded() as server:
        assert server.url.startswith("http://127.0.0.1:")
        assert requests.get(server.url + "/api/v1/health", timeout=5).json()["status"] == "ok"
        user = server.add_user("rep1", "rep", "pass-word-1")
        assert user["role"] == "rep"

        first = Store.open(tmp_path / "a")
        second = Store.open(tmp_path / "b")
        try:
            a, b = SyncEngine(first), SyncEngine(second)
            a.login(server.url, "rep1", "pass-word-1")
            b.login(server.url, "rep1", "pass-word-1")
            created = first.run(customers.create_customer, {"name": "嵌入式测试有限公司"})
            assert a.sync().pushed == 1
            b.sync()
            with second.read() as s:
                names = [c.name for c in s.query(Customer).filter(Customer.id == created["id"])]
            assert names == ["嵌入式测试有限公司"]
        finally:
            first.close()
            second.close()


def test_stop_closes_the_port_and_removes_the_temporary_database():
    server = start_embedded()
    folder = server.database_url.removeprefix("sqlite:///").rsplit("/", 1)[0]
    assert os.path.isdir(folder)
    server.stop()
    assert not server.running
    assert _refuses_connections(server.url)
    assert not os.path.exists(folder)
    server.stop()  # twice is harmless


def test_a_named_database_survives_a_restart(tmp_path):
    url = f"sqlite:///{tmp_path / 'team.sqlite'}"
    with start_embedded(url) as server:
        server.add_user("mgr", "manager", "pw-manager")
    assert (tmp_path / "team.sqlite").exists()
    with start_embedded(url) as again:
        token = requests.post(again.url + "/api/v1/auth/login",
                              json={"username": "mgr", "password": "pw-manager", "device_name": "t"},
                              timeout=10).json()["token"]
        assert token


def test_two_embedded_servers_run_side_by_side_on_their_own_ports():
    with start_embedded() as one, start_embedded() as two:
        assert one.url != two.url
        one.add_user("solo", "admin", "pw")
        reply = requests.post(two.url + "/api/v1/auth/login",
                              json={"username": "solo", "password": "pw", "device_name": "t"}, timeout=10)
        assert reply.status_code == 401


def test_a_taken_user_name_is_a_validation_error():
    with start_embedded() as server:
        server.add_user("fin", "finance", "pw")
        with pytest.raises(ValidationError):
            server.add_user("fin", "finance", "other")


def test_stop_does_not_wait_for_an_open_long_poll():
    import threading
    import time

    server = start_embedded()
    server.add_user("rep9", "rep", "pw")
    token = requests.post(server.url + "/api/v1/auth/login",
                          json={"username": "rep9", "password": "pw", "device_name": "t"}, timeout=10).json()["token"]
    headers = {"Authorization": f"Bearer {token}", "X-LTC-Protocol": "1"}
    cursor, more = None, True
    while more:
        page = requests.get(server.url + "/api/v1/sync/pull", params={"cursor": cursor} if cursor else {},
                            headers=headers, timeout=10).json()
        cursor, more = page["cursor"], page["has_more"]
    outcome = {}

    def poll():
        try:
            outcome["status"] = requests.get(server.url + "/api/v1/sync/wait", params={"timeout": 30, "cursor": cursor},
                                             headers=headers, timeout=40).status_code
        except requests.RequestException as exc:
            outcome["error"] = exc

    poller = threading.Thread(target=poll)
    poller.start()
    time.sleep(0.5)
    assert poller.is_alive()  # the poll is parked on the server
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 5
    poller.join(10)
    assert not poller.is_alive()
