"""The server's database: engines for SQLite and PostgreSQL, transactions, retries.

SQLite gets the local store's per-connection set-up (WAL, busy timeout) and its write
transactions start with BEGIN IMMEDIATE, so writers queue instead of failing half way.
PostgreSQL runs at READ COMMITTED; write transactions lock the rows they change, and a
transaction that loses a deadlock or a unique-key race is retried from the start.
"""
from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from app.store import configure_sqlite

log = logging.getLogger(__name__)

# PostgreSQL errors after which the whole transaction may simply run again.
RETRYABLE_PG = {"40001", "40P01", "23505"}  # serialization failure, deadlock, unique race
ATTEMPTS = 5


class Database:
    """One server database. Thread-safe: every transaction takes its own connection."""

    def __init__(self, url: str):
        self.url = make_url(url)
        self.is_postgres = self.url.get_backend_name() == "postgresql"
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        if self.is_sqlite:
            path = self.url.database
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(self.url, pool_size=8, max_overflow=16, pool_timeout=60)
            configure_sqlite(self.engine)
        else:
            self.engine = create_engine(self.url, pool_size=10, max_overflow=20, pool_pre_ping=True,
                                        pool_timeout=60)
        self._writer = self.engine.execution_options(immediate=True)

    @property
    def display_url(self) -> str:
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def read(self):
        """A connection in a read transaction, never committed."""
        with self.engine.connect() as conn:
            with conn.begin() as txn:
                try:
                    yield conn
                finally:
                    txn.rollback()

    @contextmanager
    def write(self):
        """A connection in a write transaction, committed on a clean exit."""
        with self._writer.connect() as conn:
            with conn.begin():
                yield conn

    def run_write(self, fn, *args, **kwargs):
        """Run `fn(conn, *args, **kwargs)` in a write transaction and return its result,
        running it again (a few times) when PostgreSQL reports a deadlock, a
        serialization failure or a lost race for a new key: `fn` must have no effect
        outside the transaction."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with self.write() as conn:
                    return fn(conn, *args, **kwargs)
            except (OperationalError, IntegrityError, DBAPIError) as exc:
                if attempt == ATTEMPTS or not self._retryable(exc):
                    raise
                log.info("retrying a write transaction after %s", type(exc.orig).__name__)
                time.sleep(0.01 * attempt)
        raise AssertionError("unreachable")

    def _retryable(self, exc: DBAPIError) -> bool:
        if self.is_postgres:
            return getattr(exc.orig, "sqlstate", None) in RETRYABLE_PG
        return False

    def migrate(self) -> None:
        from server import migrations

        migrations.upgrade(self)

    def dispose(self) -> None:
        self.engine.dispose()

