"""Activities and tasks, and change requests: the work around the chain."""
from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, register
from app.models.types import UtcDateTime
from app.rules.states import ACTIVITY_KINDS, CHANGE_REQUEST_STATES


@register
class Activity(Synced, Base):
    __tablename__ = "activities"
    __entity__ = "activity"
    # An activity about a customer is in that customer's book; one about a lead only,
    # or a private task, is in its owner's.
    __scope__ = (("customer", "customer_id"), ("parent", "lead", "lead_id"), ("owner", "owner_id"))
    # A deal's activities with their dates, so "no activity in N days" reads only the index.
    __table_args__ = (Index(None, "deal_id", "done_at", "due_at", "deleted_at"),)

    kind: Mapped[str] = mapped_column(String(16), info={"choices": ACTIVITY_KINDS})
    subject: Mapped[str] = mapped_column(String(300))
    due_at: Mapped[str | None] = mapped_column(UtcDateTime, index=True)
    done_at: Mapped[str | None] = mapped_column(UtcDateTime)
    customer_id: Mapped[str | None] = mapped_column(String(36), index=True, info={"ref": "customer"})
    deal_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "deal"})
    contact_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "contact"})
    lead_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "lead"})
    # The invoice a collection reminder is about (app/services/collections.py).
    invoice_id: Mapped[str | None] = mapped_column(String(36), index=True, info={"ref": "invoice"})
    owner_id: Mapped[str | None] = mapped_column(String(36), index=True, info={"ref": "user"})
    notes: Mapped[str | None] = mapped_column(Text)


@register
class ChangeRequest(Synced, Base):
    """A requirement change on a deal or an order, with its impact; approving it produces
    a new quote version or an adjusted billing plan, never a silent edit."""

    __tablename__ = "change_requests"
    __entity__ = "change_request"
    __scope__ = (("customer", "customer_id"),)

    subject_entity: Mapped[str] = mapped_column(String(16), info={"choices": ("deal", "order")})
    subject_id: Mapped[str] = mapped_column(String(36), index=True)
    customer_id: Mapped[str] = mapped_column(String(36), index=True, info={"ref": "customer"})
    description: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[str | None] = mapped_column(String(36), info={"ref": "user"})
    requested_at: Mapped[str | None] = mapped_column(UtcDateTime)
    amount_delta_minor: Mapped[int] = mapped_column(Integer, default=0)
    date_delta_days: Mapped[int] = mapped_column(Integer, default=0)
    current_total_minor: Mapped[int | None] = mapped_column(Integer, info={"guarded": True})
    invoiced_minor: Mapped[int | None] = mapped_column(Integer, info={"guarded": True})
    status: Mapped[str] = mapped_column(String(16), default="open", info={"choices": CHANGE_REQUEST_STATES, "guarded": True})
    decided_by: Mapped[str | None] = mapped_column(String(36), info={"ref": "user", "guarded": True})
    decided_at: Mapped[str | None] = mapped_column(UtcDateTime, info={"guarded": True})
    reject_reason: Mapped[str | None] = mapped_column(Text, info={"guarded": True})
    result_quote_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "quote", "guarded": True})
