"""Import log, quotas, external keys of imported records, and report indexes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 16:00:00

Columns are added in place (SQLite ADD COLUMN), never by recreating a table: the
search index's triggers (0002) live on customers, leads and deals and would be lost
with a recreated table. Three single-column indexes are replaced by wider ones that
start with the same column (so every query the old one served still has an index) and
let the reports read a deal's history and activities from the index alone.
"""
from alembic import op
import sqlalchemy as sa
import app.models.types


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

EXTERNAL_REF = ('customers', 'deals', 'leads', 'products')
# (table, old index, old columns, new index, new columns)
WIDENED = (
    ('deals', 'ix_deals_stage', ['stage'], 'ix_deals_stage_closed_on',
     ['stage', 'closed_on', 'currency', 'deleted_at', 'owner_id', 'product_id', 'amount_minor', 'id']),
    ('deal_stage_events', 'ix_deal_stage_events_deal_id', ['deal_id'],
     'ix_deal_stage_events_deal_id_from_stage_to_stage_changed_at', ['deal_id', 'from_stage', 'to_stage', 'changed_at']),
    ('activities', 'ix_activities_deal_id', ['deal_id'],
     'ix_activities_deal_id_done_at_due_at_deleted_at', ['deal_id', 'done_at', 'due_at', 'deleted_at']),
)


def upgrade() -> None:
    op.create_table('import_runs',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('started_at', app.models.types.UtcDateTime(length=20), nullable=False),
    sa.Column('finished_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('actor_id', sa.String(length=36), nullable=True),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('mapping_name', sa.String(length=200), nullable=True),
    sa.Column('mapping', app.models.types.Json(), nullable=True),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('dry_run', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('files', app.models.types.Json(), nullable=True),
    sa.Column('counts', app.models.types.Json(), nullable=True),
    sa.Column('decisions', app.models.types.Json(), nullable=True),
    sa.Column('rejected_path', sa.Text(), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_runs'))
    )
    with op.batch_alter_table('import_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_runs_started_at'), ['started_at'], unique=False)

    op.create_table('quotas',
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotas'))
    )
    with op.batch_alter_table('quotas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotas_period_user_id'), ['period', 'user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotas_version'), ['version'], unique=False)

    for table in EXTERNAL_REF:
        op.add_column(table, sa.Column('external_ref', sa.String(length=120), nullable=True))
        op.create_index(op.f(f'ix_{table}_external_ref'), table, ['external_ref'], unique=False)

    for table, old, _, new, columns in WIDENED:
        op.drop_index(old, table_name=table)
        op.create_index(new, table, columns, unique=False)


def downgrade() -> None:
    bind = op.get_bind()
    for table, old, old_columns, new, _ in WIDENED:
        op.drop_index(new, table_name=table)
        op.create_index(old, table, old_columns, unique=False)
    for table in EXTERNAL_REF:
        op.drop_index(op.f(f'ix_{table}_external_ref'), table_name=table)
        # SQLite >= 3.35 drops a column in place (no table recreation, triggers kept).
        bind.exec_driver_sql(f'ALTER TABLE {table} DROP COLUMN external_ref')
    with op.batch_alter_table('quotas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotas_version'))
        batch_op.drop_index(batch_op.f('ix_quotas_period_user_id'))
    op.drop_table('quotas')
    with op.batch_alter_table('import_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_runs_started_at'))
    op.drop_table('import_runs')
