"""Hand-offs (the shared inbox between sales and finance) and the invoice a reminder is about.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 18:00:00

activities.invoice_id is added in place (SQLite ADD COLUMN), never by recreating the
table: the search index's triggers (0002) live on activities and would be lost with a
recreated table.
"""
from alembic import op
import sqlalchemy as sa
import app.models.types


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('handoffs',
    sa.Column('step', sa.String(length=40), nullable=False),
    sa.Column('subject_entity', sa.String(length=30), nullable=False),
    sa.Column('subject_id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('deal_id', sa.String(length=36), nullable=True),
    sa.Column('quote_id', sa.String(length=36), nullable=True),
    sa.Column('order_id', sa.String(length=36), nullable=True),
    sa.Column('assigned_role', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('requested_by', sa.String(length=36), nullable=True),
    sa.Column('requested_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('decided_by', sa.String(length=36), nullable=True),
    sa.Column('decided_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handoffs'))
    )
    with op.batch_alter_table('handoffs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handoffs_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_handoffs_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_handoffs_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_handoffs_subject_id'), ['subject_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_handoffs_version'), ['version'], unique=False)

    op.add_column('activities', sa.Column('invoice_id', sa.String(length=36), nullable=True))
    op.create_index(op.f('ix_activities_invoice_id'), 'activities', ['invoice_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_activities_invoice_id'), table_name='activities')
    # SQLite >= 3.35 drops a column in place (no table recreation, triggers kept).
    op.get_bind().exec_driver_sql('ALTER TABLE activities DROP COLUMN invoice_id')
    with op.batch_alter_table('handoffs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handoffs_version'))
        batch_op.drop_index(batch_op.f('ix_handoffs_subject_id'))
        batch_op.drop_index(batch_op.f('ix_handoffs_status'))
        batch_op.drop_index(batch_op.f('ix_handoffs_deal_id'))
        batch_op.drop_index(batch_op.f('ix_handoffs_customer_id'))
    op.drop_table('handoffs')
