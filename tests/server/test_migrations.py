"""The server's Alembic history and its table definitions describe the same schema, on
SQLite and on PostgreSQL."""
from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from server import migrations
from server.db import Database
from server.tables import metadata, server_state


def _check(db: Database) -> None:
    db.migrate()
    with db.engine.connect() as conn:
        assert migrations.current(conn) == migrations.head()
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
        assert diff == []
        epoch, seq = conn.execute(sa.select(server_state.c.epoch, server_state.c.seq)).one()
        assert seq == 0 and len(epoch) == 32
    migrations.downgrade(db, "base")
    with db.engine.connect() as conn:
        assert "records" not in sa.inspect(conn).get_table_names()
    db.migrate()
    db.dispose()


def test_sqlite_history_matches_the_tables(tmp_path):
    _check(Database(f"sqlite:///{tmp_path / 'm.sqlite'}"))


def test_postgresql_history_matches_the_tables(postgres_url):
    _check(Database(postgres_url))


def test_each_new_database_gets_its_own_epoch(tmp_path):
    epochs = set()
    for name in ("a", "b"):
        db = Database(f"sqlite:///{tmp_path / name}.sqlite")
        db.migrate()
        with db.read() as conn:
            epochs.add(conn.execute(sa.select(server_state.c.epoch)).scalar_one())
        db.dispose()
    assert len(epochs) == 2
