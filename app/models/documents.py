"""The documents that turn a deal into cash: quotes with lines, approvals, orders with
their billing plan, invoices with lines, payments with their allocations."""
from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, register
from app.models.types import IsoDate, UtcDateTime
from app.rules.states import (
    APPROVAL_KINDS, APPROVAL_STATES, CREDIT_STATES, INVOICE_KINDS, INVOICE_STATES, ORDER_STATES,
    QUOTE_STATES,
)

FINANCE = ("finance", "admin")
MANAGERS = ("manager", "admin")


@register
class Quote(Synced, Base):
    __tablename__ = "quotes"
    __entity__ = "quote"
    __scope__ = (("customer", "customer_id"),)

    deal_id: Mapped[str] = mapped_column(String(36), index=True, info={"ref": "deal"})
    customer_id: Mapped[str] = mapped_column(String(36), index=True, info={"ref": "customer"})
    revision: Mapped[int] = mapped_column(Integer, default=1, info={"min": 1, "guarded": True})
    supersedes_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "quote", "guarded": True})
    status: Mapped[str] = mapped_column(String(20), default="draft", info={"choices": QUOTE_STATES, "guarded": True})
    currency: Mapped[str] = mapped_column(String(3), default="CNY", info={"norm": "currency"})
    subtotal_minor: Mapped[int] = mapped_column(Integer, default=0, info={"guarded": True})
    discount_minor: Mapped[int] = mapped_column(Integer, default=0, info={"guarded": True})
    tax_minor: Mapped[int] = mapped_column(Integer, default=0, info={"guarded": True})
    total_minor: Mapped[int] = mapped_column(Integer, default=0, info={"guarded": True})
    max_discount_bp: Mapped[int] = mapped_column(Integer, default=0, info={"guarded": True})
    content_hash: Mapped[str | None] = mapped_column(String(64), info={"guarded": True})
    approved_hash: Mapped[str | None] = mapped_column(String(64), info={"guarded": True})
    valid_until: Mapped[str | None] = mapped_column(IsoDate)
    sent_on: Mapped[str | None] = mapped_column(IsoDate, info={"guarded": True})
    decided_on: Mapped[str | None] = mapped_column(IsoDate, info={"guarded": True})
    owner_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "user"})
    notes: Mapped[str | None] = mapped_column(Text)


@register
class QuoteLine(Synced, Base):
    __tablename__ = "quote_lines"
    __entity__ = "quote_line"
    __scope__ = (("parent", "quote", "quote_id"),)

    quote_id: Mapped[str] = mapped_column(String(36), index=True, info={"ref": "quote"})
    position: Mapped[int] = mapped_column(Integer, default=0)
    product_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "product"})
    description: Mapped[str] = mapped_column(String(300))
    quantity_milli: Mapped[int] = mapped_column(Integer, info={"min": 1})
    # Negative only on an adjustment line (no product, no discount), e.g. the price cut
    # of an approved change request (app/rules/validation.py).
    unit_price_minor: Mapped[int] = mapped_column(Integer)
    discount_bp: Mapped[int] = mapped_column(Integer, default=0, info={"min": 0, "max": 10000})
    tax_rate_bp: Mapped[int] = mapped_column(Integer, default=0, info={"min": 0, "max": 10000})
    net_minor: Mapped[int] = mapped_column(Integer, default=0, info={"guarded": True})
    tax_minor: Mapped[int] = mapped_column(Integer, default=0, info={"guarded": True})
    total_minor: Mapped[int] = mapped_column(Integer, default=0, info={"guarded": True})


@register
class Approval(Synced, Base):
    """A request for a decision (quote over threshold, credit release, change request),
    bound to a hash of the content it approves."""

    __tablename__ = "approvals"
    __entity__ = "approval"
    __scope__ = (("customer", "customer_id"),)

    kind: Mapped[str] = mapped_column(String(20), info={"choices": APPROVAL_KINDS})
    subject_entity: Mapped[str] = mapped_column(String(30))
    subject_id: Mapped[str] = mapped_column(String(36), index=True)
    customer_id: Mapped[str] = mapped_column(String(36), index=True, info={"ref": "customer"})
    status: Mapped[str] = mapped_column(String(16), default="pending", info={"choices": APPROVAL_STATES, "guarded": True})
    content_hash: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(String(300))
    requested_by: Mapped[str | None] = mapped_column(String(36), info={"ref": "user"})
    requested_at: Mapped[str | None] = mapped_column(UtcDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(36), info={"ref": "user", "guarded": True})
    decided_at: Mapped[str | None] = mapped_column(UtcDateTime, info={"guarded": True})
    comment: Mapped[str | None] = mapped_column(Text)


@register
class Order(Synced, Base):
    __tablename__ = "orders"
    __entity__ = "order"
    __scope__ = (("customer", "customer_id"),)

    customer_id: Mapped[str] = mapped_column(String(36), index=True, info={"ref": "customer"})
    deal_id: Mapped[str | None] = mapped_column(String(36), index=True, info={"ref": "deal"})
    quote_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "quote"})
    number: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="confirmed", info={"choices": ORDER_STATES, "guarded": True})
    credit_status: Mapped[str] = mapped_column(String(20), default="ok", info={"choices": CREDIT_STATES, "guarded": True})
    credit_exposure_minor: Mapped[int | None] = mapped_column(Integer, info={"guarded": True})
    total_minor: Mapped[int] = mapped_column(Integer, info={"min": 0, "guarded": True})
    currency: Mapped[str] = mapped_column(String(3), default="CNY", info={"norm": "currency"})
    signed_on: Mapped[str | None] = mapped_column(IsoDate)
    owner_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "user"})
    notes: Mapped[str | None] = mapped_column(Text)


@register
class BillingMilestone(Synced, Base):
    __tablename__ = "billing_milestones"
    __entity__ = "billing_milestone"
    __scope__ = (("parent", "order", "order_id"),)

    order_id: Mapped[str] = mapped_column(String(36), index=True, info={"ref": "order"})
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(120))
    percent_bp: Mapped[int | None] = mapped_column(Integer, info={"min": 0, "max": 10000})
    amount_minor: Mapped[int] = mapped_column(Integer, info={"min": 0})
    due_on: Mapped[str | None] = mapped_column(IsoDate)
    invoice_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "invoice", "guarded": True})


@register
class Invoice(Synced, Base):
    __tablename__ = "invoices"
    __entity__ = "invoice"
    __scope__ = (("customer", "customer_id"),)

    customer_id: Mapped[str] = mapped_column(String(36), index=True, info={"ref": "customer"})
    order_id: Mapped[str | None] = mapped_column(String(36), index=True, info={"ref": "order"})
    milestone_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "billing_milestone"})
    kind: Mapped[str] = mapped_column(String(16), default="invoice", info={"choices": INVOICE_KINDS})
    credited_invoice_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "invoice"})
    series: Mapped[str] = mapped_column(String(10), default="INV")
    number: Mapped[str | None] = mapped_column(String(40), info={"server": True, "guarded": True})
    status: Mapped[str] = mapped_column(String(20), default="draft", info={"choices": INVOICE_STATES, "guarded": True})
    issued_on: Mapped[str | None] = mapped_column(IsoDate, info={"server": True, "guarded": True})
    due_on: Mapped[str | None] = mapped_column(IsoDate)
    total_minor: Mapped[int] = mapped_column(Integer)
    tax_minor: Mapped[int] = mapped_column(Integer, default=0)
    paid_minor: Mapped[int] = mapped_column(Integer, default=0, info={"guarded": True})
    currency: Mapped[str] = mapped_column(String(3), info={"norm": "currency"})
    notes: Mapped[str | None] = mapped_column(Text)


@register
class InvoiceLine(Synced, Base):
    __tablename__ = "invoice_lines"
    __entity__ = "invoice_line"
    __scope__ = (("parent", "invoice", "invoice_id"),)

    invoice_id: Mapped[str] = mapped_column(String(36), index=True, info={"ref": "invoice"})
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(String(300))
    quantity_milli: Mapped[int] = mapped_column(Integer, default=1000)
    unit_price_minor: Mapped[int] = mapped_column(Integer)
    tax_rate_bp: Mapped[int] = mapped_column(Integer, default=0, info={"min": 0, "max": 10000})
    net_minor: Mapped[int] = mapped_column(Integer, default=0)
    tax_minor: Mapped[int] = mapped_column(Integer, default=0)
    total_minor: Mapped[int] = mapped_column(Integer, default=0)


@register
class Payment(Synced, Base):
    __tablename__ = "payments"
    __entity__ = "payment"
    __scope__ = (("customer", "customer_id"),)
    __writers__ = FINANCE

    customer_id: Mapped[str] = mapped_column(String(36), index=True, info={"ref": "customer"})
    received_on: Mapped[str | None] = mapped_column(IsoDate)
    amount_minor: Mapped[int] = mapped_column(Integer, info={"min": 1})
    currency: Mapped[str] = mapped_column(String(3), info={"norm": "currency"})
    method: Mapped[str | None] = mapped_column(String(30), info={"vocab": "payment_method"})
    reference: Mapped[str | None] = mapped_column(String(120))
    allocated_minor: Mapped[int] = mapped_column(Integer, default=0, info={"guarded": True})
    notes: Mapped[str | None] = mapped_column(Text)


@register
class PaymentAllocation(Synced, Base):
    __tablename__ = "payment_allocations"
    __entity__ = "payment_allocation"
    __scope__ = (("parent", "payment", "payment_id"),)
    __writers__ = FINANCE

    payment_id: Mapped[str] = mapped_column(String(36), index=True, info={"ref": "payment"})
    invoice_id: Mapped[str] = mapped_column(String(36), index=True, info={"ref": "invoice"})
    amount_minor: Mapped[int] = mapped_column(Integer, info={"min": 1})
