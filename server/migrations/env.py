"""Alembic environment of the server database (batch mode: SQLite cannot ALTER most things)."""
from alembic import context
from sqlalchemy import create_engine

from server.tables import metadata

config = context.config


def run(connection):
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    # Command-line use (`alembic -c ... revision --autogenerate`): a scratch database.
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///dev-server-migrations.sqlite"
    with create_engine(url).begin() as conn:
        run(conn)
