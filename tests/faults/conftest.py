"""Fault tests: real server processes on a SQLite file or a PostgreSQL database, killed,
restarted and restored; client profiles in temp dirs, some driven as processes."""
from __future__ import annotations

import os

# Cheap argon2 for the accounts made here (still argon2); set before server.auth loads.
os.environ.setdefault("LTC_SERVER_ARGON2", "1,1024,1")

import keyring  # noqa: E402
import pytest  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from app.store import Store  # noqa: E402
from sync.engine import SyncEngine  # noqa: E402
from tests.keyring_backend import FileKeyring  # noqa: E402
from tests.support.server import PASSWORD  # noqa: E402

SYNCED = ("customer", "contact", "deal", "deal_stage_event", "activity")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    """An empty server database: a SQLite file, then (the same test again) PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.sqlite'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def shared_keyring(tmp_path, monkeypatch):
    """Client processes started by a test read the token it stored: a file keyring."""
    monkeypatch.setenv("LTC_TEST_KEYRING_FILE", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.keyring_backend.FileKeyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield
    keyring.set_keyring(previous)


def prepare(url: str, *, reps=("rep1",), customers: int = 0, deals: int = 0) -> dict[str, str]:
    """Migrate the server database, create the accounts (plus an admin) and give the first
    rep a generated book; returns user name -> id."""
    from app.seed import generate
    from server import bulk, dictionary
    from server.db import Database
    from server.users import create_user

    db = Database(url)
    try:
        db.migrate()
        dictionary.seed_defaults(db)
        ids = {"admin": create_user(db, "admin", role="admin", password=PASSWORD)["id"]}
        for name in reps:
            ids[name] = create_user(db, name, role="rep", password=PASSWORD)["id"]
        if customers:
            with db.read() as conn:
                current = dictionary.current(conn)
            bulk.load(db, generate(customers=customers, deals=deals, seed=3, owner_ids=[ids[reps[0]]],
                                   dictionary=current))
    finally:
        db.dispose()
    return ids


def client(path, url: str, user: str = "rep1", **transport) -> SyncEngine:
    """A signed-in engine on a new profile; patient retries, as a laptop's would be."""
    options = {"retries": 20, "backoff": 0.1, "max_backoff": 1.0, **transport}
    engine = SyncEngine(Store.open(path), device_name=f"{user}-{path.name}", transport_options=options)
    engine.login(url, user, PASSWORD)
    return engine


def held(store: Store) -> dict[str, int]:
    """Every synced record this profile holds: id -> version (local-only rows left out)."""
    from app.rules.schema import entity_spec

    out = {}
    with store.read() as s:
        for entity in SYNCED:
            table = entity_spec(entity).table
            for rid, version in s.execute(sa.text(f"SELECT id, version FROM {table} WHERE deleted_at IS NULL")):
                out[rid] = version
    return out


def integrity(store_or_path) -> str:
    import sqlite3

    path = store_or_path.path if isinstance(store_or_path, Store) else store_or_path
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
