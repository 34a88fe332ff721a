"""The server's own Alembic history, applied when the server starts (and by
`main.py server migrate`)."""
from __future__ import annotations

import logging
from pathlib import Path

from alembic import command

from app.alembic_history import History

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent

HISTORY = History(HERE)
config, head, current = HISTORY.config, HISTORY.head, HISTORY.current


def upgrade(db, target: str = "head") -> None:
    """Bring the server database to `target` (a no-op when it is there already)."""
    with db.engine.connect() as conn:
        rev = current(conn)
    if rev == head() and target == "head":
        return
    with db.engine.begin() as conn:
        if db.is_postgres:
            # Two processes starting on one fresh database must not both create it.
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7317001)")
        command.upgrade(config(conn), target)
    log.info("server database %s migrated from %s to %s", db.display_url, rev, target)


def downgrade(db, target: str = "base") -> None:
    with db.engine.begin() as conn:
        command.downgrade(config(conn), target)
