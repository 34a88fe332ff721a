"""The local store's Alembic history and the models describe the same schema."""
from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app import migrations
from app.models import Base
from app.store import Store, sqlite_engine


def test_models_and_migration_head_do_not_drift(store):
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": _include})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def _include(obj, name, type_, reflected, compare_to):
    return not (type_ == "table" and name.startswith("search_"))


def test_upgrade_from_empty_then_downgrade_to_base_and_back(tmp_path):
    store = Store(tmp_path)
    migrations.upgrade(store)
    with store.engine.connect() as conn:
        assert migrations.current(conn) == migrations.head()
        assert "customers" in inspect(conn).get_table_names()
    migrations.downgrade(store, "base")
    with store.engine.connect() as conn:
        assert migrations.current(conn) is None
        assert "customers" not in inspect(conn).get_table_names()
    migrations.upgrade(store)
    with store.engine.connect() as conn:
        assert migrations.current(conn) == migrations.head()
    store.close()


def test_an_outdated_database_is_backed_up_before_it_is_migrated(tmp_path):
    store = Store.open(tmp_path)
    store.run(lambda uow: uow.create("customer", {"name": "备份测试公司"}))
    migrations.downgrade(store, "base")
    # Simulate a profile from an older release: data present, schema behind.
    with sqlite3.connect(store.path) as raw:
        raw.execute("CREATE TABLE legacy_note (x TEXT)")
        raw.execute("INSERT INTO legacy_note VALUES ('kept')")
    store.close()
    reopened = Store.open(tmp_path)
    backups = list((tmp_path / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as raw:
        assert raw.execute("SELECT x FROM legacy_note").fetchall() == [("kept",)]
    with reopened.engine.connect() as conn:
        assert migrations.current(conn) == migrations.head()
    reopened.close()


def test_every_connection_gets_the_pragmas(tmp_path):
    engine = sqlite_engine(tmp_path / "x.sqlite")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
    engine.dispose()
