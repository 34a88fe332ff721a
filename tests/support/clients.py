"""Fixtures: a real server process per module (SQLite file) and signed-in client profiles.

Import `server` and `clients` into a conftest.py to use them."""
from __future__ import annotations

import itertools

import pytest

from app.store import Store
from sync.engine import SyncEngine
from tests.support.server import PASSWORD, ServerProcess

_names = itertools.count(1)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("server")
    proc = ServerProcess(f"sqlite:///{folder / 'server.sqlite'}").start()
    proc.create_users([("admin", "admin", None), ("fin", "finance", None), ("mgr", "manager", None),
                       ("rep1", "rep", "mgr"), ("rep2", "rep", "mgr")])
    yield proc
    proc.stop()


class Clients:
    """Makes signed-in client profiles: `clients("rep1")` -> a SyncEngine on a new profile."""

    def __init__(self, server, tmp_path):
        self.server, self.tmp_path, self.made = server, tmp_path, []

    def __call__(self, user: str, device: str | None = None, url: str | None = None, **options) -> SyncEngine:
        n = next(_names)
        store = Store.open(self.tmp_path / f"{user}-{n}")
        engine = SyncEngine(store, device_name=device or f"{user}-device-{n}",
                            transport_options={"backoff": 0.05, "max_backoff": 0.2, **options})
        engine.login(url or self.server.url, user, PASSWORD)
        self.made.append(engine)
        return engine

    def close(self):
        for engine in self.made:
            engine.store.close()


@pytest.fixture
def clients(server, tmp_path):
    c = Clients(server, tmp_path)
    yield c
    c.close()
