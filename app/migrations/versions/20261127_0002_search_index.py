"""Search index: FTS5 trigram table, short-query grams, and the triggers feeding its queue.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 14:00:00

The statements come from app/search.py so the triggers and the code that reads the
queue cannot disagree; a later change of the index ships as a new revision that drops
and recreates it (app.search.drop_sql, schema_sql, mark_all_sql), so replaying this one
stays correct.
"""
from alembic import op

from app import search

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    for statement in search.schema_sql():
        bind.exec_driver_sql(statement)
    # Records already in the profile are queued; the client indexes them in the background.
    for statement in search.mark_all_sql():
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    for statement in search.drop_sql():
        bind.exec_driver_sql(statement)
