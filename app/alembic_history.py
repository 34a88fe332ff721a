"""What the local store's and the server's Alembic histories share: a programmatic
configuration (dated file names), the head and current revisions, and the environment's
one way of running migrations (batch mode: SQLite cannot ALTER most things)."""
from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

FILE_TEMPLATE = "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s"


class History:
    """One Alembic history in `folder` (its env.py and versions/)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def config(self, connection=None) -> Config:
        cfg = Config()
        cfg.set_main_option("script_location", str(self.folder))
        cfg.set_main_option("file_template", FILE_TEMPLATE)
        cfg.attributes["connection"] = connection
        return cfg

    def head(self) -> str:
        return ScriptDirectory.from_config(self.config()).get_current_head()

    @staticmethod
    def current(connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()


def run_environment(context, metadata, *, scratch_url: str, include_object=None) -> None:
    """The body of an env.py: migrate the connection the caller handed in, or (command-line
    use, e.g. `alembic revision --autogenerate`) a scratch database at the configured URL."""
    from sqlalchemy import create_engine

    def run(connection):
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                          include_object=include_object, compare_type=True)
        with context.begin_transaction():
            context.run_migrations()

    connection = context.config.attributes.get("connection")
    if connection is not None:
        run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url") or scratch_url
    with create_engine(url).begin() as conn:
        run(conn)
