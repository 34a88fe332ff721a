"""Alembic environment for the local store (batch mode: SQLite cannot ALTER most things)."""
from alembic import context
from sqlalchemy import create_engine

from app.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to):
    # Search indexes are FTS5 virtual tables (and their shadow tables) managed by
    # hand-written migrations; autogenerate cannot describe them.
    if type_ == "table" and name.startswith("search_"):
        return False
    return True


def run(connection):
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True, include_object=include_object, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    # Command-line use (`alembic revision --autogenerate`): a scratch database at the URL.
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///dev-migrations.sqlite"
    with create_engine(url).begin() as conn:
        run(conn)
