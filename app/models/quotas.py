"""Sales quotas: what a rep is expected to win in a calendar month. Managers set them;
pipeline coverage and attainment are measured against them."""
from __future__ import annotations

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, register


@register
class Quota(Synced, Base):
    __tablename__ = "quotas"
    __entity__ = "quota"
    # In the rep's book, so the rep and their manager both see it.
    __scope__ = (("owner", "user_id"),)
    __writers__ = ("manager", "admin")
    __table_args__ = (Index(None, "period", "user_id"),)

    user_id: Mapped[str] = mapped_column(String(36), info={"ref": "user"})
    period: Mapped[str] = mapped_column(String(7), info={"norm": "month"})  # YYYY-MM
    amount_minor: Mapped[int] = mapped_column(Integer, info={"min": 0})
    currency: Mapped[str] = mapped_column(String(3), default="CNY", info={"norm": "currency"})
