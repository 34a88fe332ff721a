"""Shared fixtures: real SQLite files in temp dirs, a real PostgreSQL when present."""
from __future__ import annotations

import os
import tempfile
import uuid

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.keyring_backend.MemoryKeyring")
# Cheap password hashing for the servers tests start (production keeps argon2's defaults).
os.environ.setdefault("LTC_SERVER_ARGON2", "1,1024,1")
# The commands tests run write their log files here, not into the developer's own log folder.
os.environ.setdefault("LTC_LOG_DIR", tempfile.mkdtemp(prefix="ltc-test-logs-"))

import pytest  # noqa: E402

from app.store import Actor, Store  # noqa: E402

POSTGRES_URL = os.environ.get("LTC_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture
def profile_dir(tmp_path):
    return tmp_path / "profile"


@pytest.fixture
def store(profile_dir):
    s = Store.open(profile_dir)
    yield s
    s.close()


def as_role(store: Store, role: str, username: str | None = None) -> Actor:
    """Make the profile's user act with `role` (a server sign-in would do the same)."""
    actor = store.actor()
    new = Actor(actor.id, username or actor.username, role, actor.display_name)
    store.set_actor(new)
    return new


def _postgres_available() -> str | None:
    try:
        import psycopg

        dsn = POSTGRES_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(dsn, connect_timeout=3):
            return None
    except Exception as exc:  # the reason goes into the skip message
        return f"no PostgreSQL at {POSTGRES_URL}: {exc}"


@pytest.fixture(scope="session")
def postgres_admin_url():
    reason = _postgres_available()
    if reason:
        if os.environ.get("LTC_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"LTC_REQUIRE_POSTGRES=1 but {reason}")
        pytest.skip(reason)
    return POSTGRES_URL


@pytest.fixture
def postgres_url(postgres_admin_url):
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    import psycopg

    name = f"ltc_test_{uuid.uuid4().hex[:12]}"
    dsn = postgres_admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = postgres_admin_url.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
