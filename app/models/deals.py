"""Deals and their dated stage history."""
from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, register
from app.models.types import IsoDate, UtcDateTime
from app.rules.states import DEAL_STAGES


@register
class Deal(Synced, Base):
    __tablename__ = "deals"
    __entity__ = "deal"
    __scope__ = (("customer", "customer_id"),)
    # Stage, then close date: a stage filter, and the deals won or lost in a period; the
    # columns after them let the reports count those deals from the index alone.
    __table_args__ = (Index("ix_deals_stage_closed_on", "stage", "closed_on", "currency", "deleted_at", "owner_id",
                            "product_id", "amount_minor", "id"),)

    customer_id: Mapped[str] = mapped_column(String(36), index=True, info={"ref": "customer"})
    name: Mapped[str] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(16), info={"choices": DEAL_STAGES, "guarded": True})
    amount_minor: Mapped[int | None] = mapped_column(Integer, info={"min": 0})
    currency: Mapped[str] = mapped_column(String(3), default="CNY", info={"norm": "currency"})
    probability: Mapped[int | None] = mapped_column(Integer, info={"min": 0, "max": 100})
    expected_close: Mapped[str | None] = mapped_column(IsoDate)
    closed_on: Mapped[str | None] = mapped_column(IsoDate, info={"guarded": True})
    lost_reason: Mapped[str | None] = mapped_column(String(40), info={"vocab": "lost_reason", "guarded": True})
    owner_id: Mapped[str | None] = mapped_column(String(36), index=True, info={"ref": "user"})
    product_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "product"})
    lead_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "lead"})
    stage_changed_at: Mapped[str | None] = mapped_column(UtcDateTime, info={"guarded": True})
    notes: Mapped[str | None] = mapped_column(Text)
    # The record's key in the system it was imported from ("maven-crm:opportunity:1C1I7A6R"),
    # so a re-import updates it instead of creating a second one.
    external_ref: Mapped[str | None] = mapped_column(String(120), index=True)


@register
class DealStageEvent(Synced, Base):
    """One change of a deal's stage: append-only, so cycle time and stage age are facts."""

    __tablename__ = "deal_stage_events"
    __entity__ = "deal_stage_event"
    __scope__ = (("parent", "deal", "deal_id"),)
    # Covers a deal's whole history, so cycle-time reports never read the table itself.
    __table_args__ = (Index(None, "deal_id", "from_stage", "to_stage", "changed_at"),)

    deal_id: Mapped[str] = mapped_column(String(36), info={"ref": "deal"})
    from_stage: Mapped[str | None] = mapped_column(String(16), info={"choices": DEAL_STAGES})
    to_stage: Mapped[str] = mapped_column(String(16), info={"choices": DEAL_STAGES})
    changed_at: Mapped[str] = mapped_column(UtcDateTime)
    changed_by: Mapped[str | None] = mapped_column(String(36), info={"ref": "user"})
