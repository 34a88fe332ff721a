"""Shared reference data every client reads: products and price list, the data
dictionary and the responsibility matrix. Admins change them; everyone syncs them."""
from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, register
from app.rules.states import PROCESS_STEPS, RACI, ROLES

ADMIN = ("admin",)


@register
class Product(Synced, Base):
    __tablename__ = "products"
    __entity__ = "product"
    __scope__ = (("global",),)
    __writers__ = ADMIN

    code: Mapped[str | None] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(200))
    series: Mapped[str | None] = mapped_column(String(80))
    description: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(20))
    unit_price_minor: Mapped[int] = mapped_column(Integer, default=0, info={"min": 0})
    currency: Mapped[str] = mapped_column(String(3), default="CNY", info={"norm": "currency"})
    tax_rate_bp: Mapped[int] = mapped_column(Integer, default=1300, info={"min": 0, "max": 10000})
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The record's key in the system it was imported from ("maven-crm:opportunity:1C1I7A6R"),
    # so a re-import updates it instead of creating a second one.
    external_ref: Mapped[str | None] = mapped_column(String(120), index=True)


@register
class DictionaryEntry(Synced, Base):
    """One code of a controlled vocabulary, or one named number (stage probability,
    approval threshold, hand-off target time) in `value`."""

    __tablename__ = "dictionary_entries"
    __entity__ = "dictionary_entry"
    __scope__ = (("global",),)
    __writers__ = ADMIN
    __table_args__ = (UniqueConstraint("vocabulary", "code"),)

    vocabulary: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(60))
    label_en: Mapped[str | None] = mapped_column(String(120))
    label_zh: Mapped[str | None] = mapped_column(String(120))
    value: Mapped[int | None] = mapped_column(Integer)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


@register
class Responsibility(Synced, Base):
    """RACI: for a process step, what a role is (Responsible, Accountable, Consulted, Informed)."""

    __tablename__ = "responsibilities"
    __entity__ = "responsibility"
    __scope__ = (("global",),)
    __writers__ = ADMIN
    __table_args__ = (UniqueConstraint("step", "role"),)

    step: Mapped[str] = mapped_column(String(40), info={"choices": PROCESS_STEPS})
    role: Mapped[str] = mapped_column(String(16), info={"choices": ROLES})
    raci: Mapped[str] = mapped_column(String(1), info={"choices": RACI})
