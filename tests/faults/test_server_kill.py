"""The server killed (SIGKILL) while it works on a push or a pull, then started again on
the same database: the client, still retrying, finishes with nothing lost and nothing
applied twice. On a SQLite file and on PostgreSQL."""
from __future__ import annotations

import signal
import sqlite3
import threading
import time
import uuid

import sqlalchemy as sa

from app.services import customers
from tests.faults.conftest import client, held, prepare
from tests.support.proxy import FaultyProxy
from tests.support.server import ServerProcess


class KillOn:
    """A proxy fault rule: lets requests through, and when the `nth` request to `path`
    arrives, has the server killed `after` seconds later (the request is in flight)."""

    def __init__(self, server: ServerProcess, path: str, nth: int = 1, after: float = 0.1):
        self.server, self.path, self.nth, self.after = server, path, nth, after
        self.seen = 0
        self.killed = threading.Event()

    def __call__(self, n, method, path):
        if path.startswith(self.path) and not self.killed.is_set():
            self.seen += 1
            if self.seen == self.nth:
                threading.Thread(target=self._kill, daemon=True).start()
        return None

    def _kill(self):
        time.sleep(self.after)
        self.server.kill()
        self.killed.set()


class KillInsideWrite(KillOn):
    """Kills the server inside its write transaction: from the moment the request arrives,
    the server is stopped (SIGSTOP) again and again until the database shows a write
    transaction of it open, and then killed (SIGKILL) while stopped there."""

    def _kill(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            self.server.proc.send_signal(signal.SIGSTOP)
            if writing(self.server.database_url):
                self.inside = True
                break
            self.server.proc.send_signal(signal.SIGCONT)
            time.sleep(0.002)
        self.server.kill()
        self.killed.set()


def writing(url: str) -> bool:
    """True while another connection holds a write transaction open on the database."""
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            conn.close()
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                            "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL").fetchone()[0] > 0


def run_sync(engine) -> dict:
    box = {}

    def work():
        try:
            box["summary"] = engine.sync()
        except Exception as exc:  # the test asserts on it
            box["error"] = exc

    thread = threading.Thread(target=work)
    thread.start()
    return {"thread": thread, "box": box}


def restart_after_kill(rule: KillOn, server: ServerProcess, tmp_path) -> ServerProcess:
    assert rule.killed.wait(60), "the server was never killed"
    return ServerProcess(server.database_url, port=server.port, log_path=tmp_path / "server-2.log").start()


def test_server_killed_mid_push_restarts_and_the_retry_applies_each_mutation_once(database_url, tmp_path):
    prepare(database_url)
    server = ServerProcess(database_url, log_path=tmp_path / "server-1.log").start()
    rule = KillInsideWrite(server, "/api/v1/sync/push")
    second = None
    try:
        with FaultyProxy(server.url, rule) as proxy:
            engine = client(tmp_path / "laptop", proxy.url)
            engine.sync()
            made = [engine.store.run(customers.create_customer, {"name": f"Kill {uuid.uuid4().hex} Co"},
                                     allow_duplicate=True)["id"] for _ in range(250)]
            running = run_sync(engine)
            second = restart_after_kill(rule, server, tmp_path)
            running["thread"].join(120)
            assert "error" not in running["box"], running["box"]
            summary = running["box"]["summary"]
        assert getattr(rule, "inside", False), "the server was not caught inside its push transaction"
        # Every create has one outcome: applied once, never refused as already there.
        assert summary.pushed == 250 and summary.rejected == 0 and summary.conflicts == 0
        assert set(made) <= set(held(engine.store))
        db = sa.create_engine(database_url)
        with db.connect() as conn:
            stored = dict(conn.execute(sa.text("SELECT id, version FROM records WHERE entity = 'customer'")).all())
            creates = conn.execute(sa.text(
                "SELECT record_id, count(*) FROM audit WHERE action = 'create' AND record_id IN :ids "
                "GROUP BY record_id").bindparams(sa.bindparam("ids", expanding=True)), {"ids": made}).all()
            results = conn.execute(sa.text("SELECT count(*) FROM mutation_results")).scalar()
        db.dispose()
        assert set(made) <= set(stored)
        assert len(creates) == 250 and {n for _, n in creates} == {1}
        assert results == 250
        assert {rid: v for rid, v in held(engine.store).items() if rid in made} == {r: stored[r] for r in made}
        engine.store.close()
    finally:
        server.stop()
        if second:
            second.stop()


def test_server_killed_mid_pull_restarts_and_the_client_ends_with_the_whole_book(database_url, tmp_path):
    prepare(database_url, customers=700, deals=700)
    server = ServerProcess(database_url, log_path=tmp_path / "server-1.log").start()
    rule = KillOn(server, "/api/v1/sync/pull", nth=3, after=0.02)
    second = None
    try:
        with FaultyProxy(server.url, rule) as proxy:
            engine = client(tmp_path / "laptop", proxy.url)
            engine.pull_limit = 300
            running = run_sync(engine)
            second = restart_after_kill(rule, server, tmp_path)
            running["thread"].join(120)
            assert "error" not in running["box"], running["box"]
        reference = client(tmp_path / "fresh", second.url)
        reference.sync()
        mine, theirs = held(engine.store), held(reference.store)
        assert len(theirs) > 1500
        assert mine == theirs
        engine.store.close()
        reference.store.close()
    finally:
        server.stop()
        if second:
            second.stop()
