"""Hand-offs between teams: an item in the inbox of the role Responsible for a process
step (the RACI matrix), e.g. a won deal handed from sales to finance for order acceptance.
It carries what the receiving side needs by reference; the details (customer, accepted
quote, billing plan, contacts) are read when the item is opened, so they are never stale."""
from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, register
from app.models.types import UtcDateTime
from app.rules.states import HANDOFF_STATES, PROCESS_STEPS, ROLES


@register
class Handoff(Synced, Base):
    __tablename__ = "handoffs"
    __entity__ = "handoff"
    __scope__ = (("customer", "customer_id"),)

    step: Mapped[str] = mapped_column(String(40), info={"choices": PROCESS_STEPS})
    subject_entity: Mapped[str] = mapped_column(String(30))
    subject_id: Mapped[str] = mapped_column(String(36), index=True)
    customer_id: Mapped[str] = mapped_column(String(36), index=True, info={"ref": "customer"})
    deal_id: Mapped[str | None] = mapped_column(String(36), index=True, info={"ref": "deal"})
    quote_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "quote"})
    order_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "order"})
    assigned_role: Mapped[str] = mapped_column(String(16), info={"choices": ROLES})
    status: Mapped[str] = mapped_column(String(16), default="open", index=True,
                                        info={"choices": HANDOFF_STATES, "guarded": True})
    title: Mapped[str] = mapped_column(String(300))
    amount_minor: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str | None] = mapped_column(String(3), info={"norm": "currency"})
    requested_by: Mapped[str | None] = mapped_column(String(36), info={"ref": "user"})
    requested_at: Mapped[str | None] = mapped_column(UtcDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(36), info={"ref": "user", "guarded": True})
    decided_at: Mapped[str | None] = mapped_column(UtcDateTime, info={"guarded": True})
    comment: Mapped[str | None] = mapped_column(Text)
