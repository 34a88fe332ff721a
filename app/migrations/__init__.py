"""Alembic history of the local store, applied when a profile opens."""
from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent


def config(connection=None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    return ScriptDirectory.from_config(config()).get_current_head()


def current(connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(store, target: str = "head") -> None:
    """Bring the store's schema to `target`, backing the file up first if it holds data."""
    from app.store import backup_database

    existed = store.path.exists() and store.path.stat().st_size > 0
    with store.engine.connect() as conn:
        rev = current(conn)
    if rev == head() and target == "head":
        return
    if existed:
        backup_database(store.path, f"before-{head()[:8]}")
    with store.engine.begin() as conn:
        command.upgrade(config(conn), target)
    log.info("local store %s migrated from %s to %s", store.path, rev, target)


def downgrade(store, target: str = "base") -> None:
    with store.engine.begin() as conn:
        command.downgrade(config(conn), target)
