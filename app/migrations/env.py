"""Alembic environment for the local store."""
from alembic import context

from app.alembic_history import run_environment
from app.models import Base


def include_object(obj, name, type_, reflected, compare_to):
    # Search indexes are FTS5 virtual tables (and their shadow tables) managed by
    # hand-written migrations; autogenerate cannot describe them.
    return not (type_ == "table" and name.startswith("search_"))


run_environment(context, Base.metadata, scratch_url="sqlite:///dev-migrations.sqlite",
                include_object=include_object)
