"""Initial schema: the whole Lead-to-Cash chain, the outbox, audit trail and sync flags.

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 09:59:11.681871
"""
from alembic import op
import sqlalchemy as sa
import app.models.types


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('activities',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('due_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('done_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('customer_id', sa.String(length=36), nullable=True),
    sa.Column('deal_id', sa.String(length=36), nullable=True),
    sa.Column('contact_id', sa.String(length=36), nullable=True),
    sa.Column('lead_id', sa.String(length=36), nullable=True),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activities'))
    )
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activities_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_version'), ['version'], unique=False)

    op.create_table('approvals',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('subject_entity', sa.String(length=30), nullable=False),
    sa.Column('subject_id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=True),
    sa.Column('reason', sa.String(length=300), nullable=True),
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
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approvals'))
    )
    with op.batch_alter_table('approvals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_approvals_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_approvals_subject_id'), ['subject_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_approvals_version'), ['version'], unique=False)

    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', app.models.types.UtcDateTime(length=20), nullable=False),
    sa.Column('actor_id', sa.String(length=36), nullable=True),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=True),
    sa.Column('old', app.models.types.Json(), nullable=True),
    sa.Column('new', app.models.types.Json(), nullable=True),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_entity_record_id'), ['entity', 'record_id'], unique=False)

    op.create_table('billing_milestones',
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.Column('percent_bp', sa.Integer(), nullable=True),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('due_on', app.models.types.IsoDate(length=10), nullable=True),
    sa.Column('invoice_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_billing_milestones'))
    )
    with op.batch_alter_table('billing_milestones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_billing_milestones_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_billing_milestones_version'), ['version'], unique=False)

    op.create_table('change_requests',
    sa.Column('subject_entity', sa.String(length=16), nullable=False),
    sa.Column('subject_id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('requested_by', sa.String(length=36), nullable=True),
    sa.Column('requested_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('amount_delta_minor', sa.Integer(), nullable=False),
    sa.Column('date_delta_days', sa.Integer(), nullable=False),
    sa.Column('current_total_minor', sa.Integer(), nullable=True),
    sa.Column('invoiced_minor', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('decided_by', sa.String(length=36), nullable=True),
    sa.Column('decided_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('reject_reason', sa.Text(), nullable=True),
    sa.Column('result_quote_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_requests'))
    )
    with op.batch_alter_table('change_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_requests_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_change_requests_subject_id'), ['subject_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_change_requests_version'), ['version'], unique=False)

    op.create_table('contacts',
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts'))
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_email'), ['email'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_phone'), ['phone'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_version'), ['version'], unique=False)

    op.create_table('customers',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('credit_code', sa.String(length=18), nullable=True),
    sa.Column('industry', sa.String(length=40), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('credit_limit_minor', sa.Integer(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('parent_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers'))
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customers_credit_code'), ['credit_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_email'), ['email'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_phone'), ['phone'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_version'), ['version'], unique=False)

    op.create_table('deal_stage_events',
    sa.Column('deal_id', sa.String(length=36), nullable=False),
    sa.Column('from_stage', sa.String(length=16), nullable=True),
    sa.Column('to_stage', sa.String(length=16), nullable=False),
    sa.Column('changed_at', app.models.types.UtcDateTime(length=20), nullable=False),
    sa.Column('changed_by', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal_stage_events'))
    )
    with op.batch_alter_table('deal_stage_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deal_stage_events_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deal_stage_events_version'), ['version'], unique=False)

    op.create_table('deals',
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('probability', sa.Integer(), nullable=True),
    sa.Column('expected_close', app.models.types.IsoDate(length=10), nullable=True),
    sa.Column('closed_on', app.models.types.IsoDate(length=10), nullable=True),
    sa.Column('lost_reason', sa.String(length=40), nullable=True),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('product_id', sa.String(length=36), nullable=True),
    sa.Column('lead_id', sa.String(length=36), nullable=True),
    sa.Column('stage_changed_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deals'))
    )
    with op.batch_alter_table('deals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deals_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deals_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deals_stage'), ['stage'], unique=False)
        batch_op.create_index(batch_op.f('ix_deals_version'), ['version'], unique=False)

    op.create_table('dictionary_entries',
    sa.Column('vocabulary', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('label_en', sa.String(length=120), nullable=True),
    sa.Column('label_zh', sa.String(length=120), nullable=True),
    sa.Column('value', sa.Integer(), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dictionary_entries')),
    sa.UniqueConstraint('vocabulary', 'code', name=op.f('uq_dictionary_entries_vocabulary_code'))
    )
    with op.batch_alter_table('dictionary_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dictionary_entries_version'), ['version'], unique=False)

    op.create_table('invoice_lines',
    sa.Column('invoice_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('quantity_milli', sa.Integer(), nullable=False),
    sa.Column('unit_price_minor', sa.Integer(), nullable=False),
    sa.Column('tax_rate_bp', sa.Integer(), nullable=False),
    sa.Column('net_minor', sa.Integer(), nullable=False),
    sa.Column('tax_minor', sa.Integer(), nullable=False),
    sa.Column('total_minor', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice_lines'))
    )
    with op.batch_alter_table('invoice_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invoice_lines_invoice_id'), ['invoice_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invoice_lines_version'), ['version'], unique=False)

    op.create_table('invoices',
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=True),
    sa.Column('milestone_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('credited_invoice_id', sa.String(length=36), nullable=True),
    sa.Column('series', sa.String(length=10), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('issued_on', app.models.types.IsoDate(length=10), nullable=True),
    sa.Column('due_on', app.models.types.IsoDate(length=10), nullable=True),
    sa.Column('total_minor', sa.Integer(), nullable=False),
    sa.Column('tax_minor', sa.Integer(), nullable=False),
    sa.Column('paid_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoices'))
    )
    with op.batch_alter_table('invoices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invoices_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invoices_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invoices_version'), ['version'], unique=False)

    op.create_table('leads',
    sa.Column('company_name', sa.String(length=200), nullable=True),
    sa.Column('contact_name', sa.String(length=120), nullable=True),
    sa.Column('title', sa.String(length=120), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('credit_code', sa.String(length=18), nullable=True),
    sa.Column('industry', sa.String(length=40), nullable=True),
    sa.Column('source', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('disqualify_reason', sa.String(length=300), nullable=True),
    sa.Column('converted_customer_id', sa.String(length=36), nullable=True),
    sa.Column('converted_contact_id', sa.String(length=36), nullable=True),
    sa.Column('converted_deal_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_leads'))
    )
    with op.batch_alter_table('leads', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_leads_email'), ['email'], unique=False)
        batch_op.create_index(batch_op.f('ix_leads_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_leads_phone'), ['phone'], unique=False)
        batch_op.create_index(batch_op.f('ix_leads_version'), ['version'], unique=False)

    op.create_table('orders',
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('deal_id', sa.String(length=36), nullable=True),
    sa.Column('quote_id', sa.String(length=36), nullable=True),
    sa.Column('number', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('credit_status', sa.String(length=20), nullable=False),
    sa.Column('credit_exposure_minor', sa.Integer(), nullable=True),
    sa.Column('total_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('signed_on', app.models.types.IsoDate(length=10), nullable=True),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_orders'))
    )
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_orders_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_version'), ['version'], unique=False)

    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('mutation_id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=8), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=True),
    sa.Column('base', app.models.types.Json(), nullable=False),
    sa.Column('changes', app.models.types.Json(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', app.models.types.Json(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=False),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('mutation_id', name=op.f('uq_outbox_mutation_id'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_entity_record_id'), ['entity', 'record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_state'), ['state'], unique=False)

    op.create_table('payment_allocations',
    sa.Column('payment_id', sa.String(length=36), nullable=False),
    sa.Column('invoice_id', sa.String(length=36), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_allocations'))
    )
    with op.batch_alter_table('payment_allocations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_allocations_invoice_id'), ['invoice_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_allocations_payment_id'), ['payment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_allocations_version'), ['version'], unique=False)

    op.create_table('payments',
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('received_on', app.models.types.IsoDate(length=10), nullable=True),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('method', sa.String(length=30), nullable=True),
    sa.Column('reference', sa.String(length=120), nullable=True),
    sa.Column('allocated_minor', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payments'))
    )
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payments_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payments_version'), ['version'], unique=False)

    op.create_table('products',
    sa.Column('code', sa.String(length=40), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('series', sa.String(length=80), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('unit', sa.String(length=20), nullable=True),
    sa.Column('unit_price_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('tax_rate_bp', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products'))
    )
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_products_code'), ['code'], unique=False)
        batch_op.create_index(batch_op.f('ix_products_version'), ['version'], unique=False)

    op.create_table('profile_settings',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', app.models.types.Json(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_profile_settings'))
    )
    op.create_table('quote_lines',
    sa.Column('quote_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=True),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('quantity_milli', sa.Integer(), nullable=False),
    sa.Column('unit_price_minor', sa.Integer(), nullable=False),
    sa.Column('discount_bp', sa.Integer(), nullable=False),
    sa.Column('tax_rate_bp', sa.Integer(), nullable=False),
    sa.Column('net_minor', sa.Integer(), nullable=False),
    sa.Column('tax_minor', sa.Integer(), nullable=False),
    sa.Column('total_minor', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quote_lines'))
    )
    with op.batch_alter_table('quote_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quote_lines_quote_id'), ['quote_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quote_lines_version'), ['version'], unique=False)

    op.create_table('quotes',
    sa.Column('deal_id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('supersedes_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('subtotal_minor', sa.Integer(), nullable=False),
    sa.Column('discount_minor', sa.Integer(), nullable=False),
    sa.Column('tax_minor', sa.Integer(), nullable=False),
    sa.Column('total_minor', sa.Integer(), nullable=False),
    sa.Column('max_discount_bp', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=True),
    sa.Column('approved_hash', sa.String(length=64), nullable=True),
    sa.Column('valid_until', app.models.types.IsoDate(length=10), nullable=True),
    sa.Column('sent_on', app.models.types.IsoDate(length=10), nullable=True),
    sa.Column('decided_on', app.models.types.IsoDate(length=10), nullable=True),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotes'))
    )
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotes_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_version'), ['version'], unique=False)

    op.create_table('responsibilities',
    sa.Column('step', sa.String(length=40), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('raci', sa.String(length=1), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_responsibilities')),
    sa.UniqueConstraint('step', 'role', name=op.f('uq_responsibilities_step_role'))
    )
    with op.batch_alter_table('responsibilities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_responsibilities_version'), ['version'], unique=False)

    op.create_table('sync_flags',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('conflict_id', sa.String(length=36), nullable=True),
    sa.Column('mutation_id', sa.String(length=36), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('details', app.models.types.Json(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_flags'))
    )
    with op.batch_alter_table('sync_flags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_flags_entity_record_id'), ['entity', 'record_id'], unique=False)

    op.create_table('users',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=120), nullable=True),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('manager_id', sa.String(length=36), nullable=True),
    sa.Column('team', sa.String(length=64), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('created_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('updated_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.Column('deleted_at', app.models.types.UtcDateTime(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_version'), ['version'], unique=False)




def downgrade() -> None:
    
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_version'))

    op.drop_table('users')
    with op.batch_alter_table('sync_flags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_flags_entity_record_id'))

    op.drop_table('sync_flags')
    with op.batch_alter_table('responsibilities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_responsibilities_version'))

    op.drop_table('responsibilities')
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotes_version'))
        batch_op.drop_index(batch_op.f('ix_quotes_deal_id'))
        batch_op.drop_index(batch_op.f('ix_quotes_customer_id'))

    op.drop_table('quotes')
    with op.batch_alter_table('quote_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quote_lines_version'))
        batch_op.drop_index(batch_op.f('ix_quote_lines_quote_id'))

    op.drop_table('quote_lines')
    op.drop_table('profile_settings')
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_products_version'))
        batch_op.drop_index(batch_op.f('ix_products_code'))

    op.drop_table('products')
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payments_version'))
        batch_op.drop_index(batch_op.f('ix_payments_customer_id'))

    op.drop_table('payments')
    with op.batch_alter_table('payment_allocations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_allocations_version'))
        batch_op.drop_index(batch_op.f('ix_payment_allocations_payment_id'))
        batch_op.drop_index(batch_op.f('ix_payment_allocations_invoice_id'))

    op.drop_table('payment_allocations')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_state'))
        batch_op.drop_index(batch_op.f('ix_outbox_entity_record_id'))

    op.drop_table('outbox')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_orders_version'))
        batch_op.drop_index(batch_op.f('ix_orders_deal_id'))
        batch_op.drop_index(batch_op.f('ix_orders_customer_id'))

    op.drop_table('orders')
    with op.batch_alter_table('leads', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_leads_version'))
        batch_op.drop_index(batch_op.f('ix_leads_phone'))
        batch_op.drop_index(batch_op.f('ix_leads_owner_id'))
        batch_op.drop_index(batch_op.f('ix_leads_email'))

    op.drop_table('leads')
    with op.batch_alter_table('invoices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invoices_version'))
        batch_op.drop_index(batch_op.f('ix_invoices_order_id'))
        batch_op.drop_index(batch_op.f('ix_invoices_customer_id'))

    op.drop_table('invoices')
    with op.batch_alter_table('invoice_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invoice_lines_version'))
        batch_op.drop_index(batch_op.f('ix_invoice_lines_invoice_id'))

    op.drop_table('invoice_lines')
    with op.batch_alter_table('dictionary_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dictionary_entries_version'))

    op.drop_table('dictionary_entries')
    with op.batch_alter_table('deals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deals_version'))
        batch_op.drop_index(batch_op.f('ix_deals_stage'))
        batch_op.drop_index(batch_op.f('ix_deals_owner_id'))
        batch_op.drop_index(batch_op.f('ix_deals_customer_id'))

    op.drop_table('deals')
    with op.batch_alter_table('deal_stage_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deal_stage_events_version'))
        batch_op.drop_index(batch_op.f('ix_deal_stage_events_deal_id'))

    op.drop_table('deal_stage_events')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_version'))
        batch_op.drop_index(batch_op.f('ix_customers_phone'))
        batch_op.drop_index(batch_op.f('ix_customers_parent_id'))
        batch_op.drop_index(batch_op.f('ix_customers_owner_id'))
        batch_op.drop_index(batch_op.f('ix_customers_email'))
        batch_op.drop_index(batch_op.f('ix_customers_credit_code'))

    op.drop_table('customers')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contacts_version'))
        batch_op.drop_index(batch_op.f('ix_contacts_phone'))
        batch_op.drop_index(batch_op.f('ix_contacts_email'))
        batch_op.drop_index(batch_op.f('ix_contacts_customer_id'))

    op.drop_table('contacts')
    with op.batch_alter_table('change_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_requests_version'))
        batch_op.drop_index(batch_op.f('ix_change_requests_subject_id'))
        batch_op.drop_index(batch_op.f('ix_change_requests_customer_id'))

    op.drop_table('change_requests')
    with op.batch_alter_table('billing_milestones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_billing_milestones_version'))
        batch_op.drop_index(batch_op.f('ix_billing_milestones_order_id'))

    op.drop_table('billing_milestones')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_entity_record_id'))

    op.drop_table('audit_events')
    with op.batch_alter_table('approvals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_approvals_version'))
        batch_op.drop_index(batch_op.f('ix_approvals_subject_id'))
        batch_op.drop_index(batch_op.f('ix_approvals_customer_id'))

    op.drop_table('approvals')
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activities_version'))
        batch_op.drop_index(batch_op.f('ix_activities_owner_id'))
        batch_op.drop_index(batch_op.f('ix_activities_due_at'))
        batch_op.drop_index(batch_op.f('ix_activities_deal_id'))
        batch_op.drop_index(batch_op.f('ix_activities_customer_id'))

    op.drop_table('activities')

