"""Admin tests: the real server (as in tests/server: a process on SQLite and, for the
endpoint tests, on PostgreSQL too) and signed-in client profiles against it."""
from __future__ import annotations

import pytest

from tests.server.conftest import (  # noqa: F401 - fixtures used by the tests here
    PASSWORD, Api, Server, admin, company, create, delete, new_id, pg_database, phone, postgres_server, rep,
    server, sqlite_server, update,
)
from tests.support.clients import Clients


@pytest.fixture
def clients(sqlite_server, tmp_path):
    """`clients(username)` -> a signed-in SyncEngine on a fresh profile (SQLite server)."""
    made = Clients(sqlite_server, tmp_path)
    yield made
    made.close()


@pytest.fixture
def desk(qapp):
    """`desk(engine)` -> a Workspace over the engine's profile whose sync adapter runs
    the real engine when asked, on the calling thread (no background loop racing the
    syncs the tests make themselves)."""
    from ui.sync_status import SyncAdapter
    from ui.workspace import Workspace

    class DirectSync(SyncAdapter):
        def __init__(self, engine):
            super().__init__()
            self.engine = engine
            self.runs = 0

        def available(self) -> bool:
            return True

        def online(self) -> bool:
            return True

        def sync_now(self) -> None:
            self.runs += 1
            summary = self.engine.sync()
            self.sig_finished.emit({"ok": True, "cancelled": False, "message": summary.line(),
                                    "pushed": summary.pushed, "pulled": summary.pulled})

    made = []

    def make(engine):
        workspace = Workspace(engine.store, sync=DirectSync(engine))
        made.append(workspace)
        return workspace

    yield make
    for workspace in made:
        workspace.ops.wait()
