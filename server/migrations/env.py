"""Alembic environment of the server database."""
from alembic import context

from app.alembic_history import run_environment
from server.tables import metadata

run_environment(context, metadata, scratch_url="sqlite:///dev-server-migrations.sqlite")
