"""Alembic history of the local store, applied when a profile opens."""
from __future__ import annotations

import logging
from pathlib import Path

from alembic import command

from app.alembic_history import History

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent

HISTORY = History(HERE)
config, head, current = HISTORY.config, HISTORY.head, HISTORY.current


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
