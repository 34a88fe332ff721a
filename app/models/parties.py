"""Users (a local mirror of the server's), customers, contacts and leads."""
from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, register
from app.rules.states import CUSTOMER_STATES, LEAD_STATES, ROLES


@register
class User(Synced, Base):
    __tablename__ = "users"
    __entity__ = "user"
    __scope__ = (("global",),)
    __writers__ = ("admin",)

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16), info={"choices": ROLES, "roles": ("admin",)})
    manager_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "user", "roles": ("admin",)})
    team: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True, info={"roles": ("admin",)})


@register
class Customer(Synced, Base):
    __tablename__ = "customers"
    __entity__ = "customer"
    __scope__ = (("customer", "id"),)

    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str | None] = mapped_column(String(18), index=True, info={"norm": "credit_code"})
    industry: Mapped[str | None] = mapped_column(String(40), info={"vocab": "industry"})
    phone: Mapped[str | None] = mapped_column(String(20), index=True, info={"norm": "phone"})
    email: Mapped[str | None] = mapped_column(String(254), index=True, info={"norm": "email"})
    address: Mapped[str | None] = mapped_column(String(300))
    owner_id: Mapped[str | None] = mapped_column(String(36), index=True, info={"ref": "user"})
    status: Mapped[str] = mapped_column(String(16), default="active", info={"choices": CUSTOMER_STATES})
    credit_limit_minor: Mapped[int | None] = mapped_column(
        Integer, info={"min": 0, "roles": ("finance", "admin")}
    )
    currency: Mapped[str] = mapped_column(String(3), default="CNY", info={"norm": "currency"})
    parent_id: Mapped[str | None] = mapped_column(String(36), index=True, info={"ref": "customer"})
    notes: Mapped[str | None] = mapped_column(Text)
    # The record's key in the system it was imported from ("maven-crm:opportunity:1C1I7A6R"),
    # so a re-import updates it instead of creating a second one.
    external_ref: Mapped[str | None] = mapped_column(String(120), index=True)


@register
class Contact(Synced, Base):
    __tablename__ = "contacts"
    __entity__ = "contact"
    __scope__ = (("customer", "customer_id"),)

    customer_id: Mapped[str] = mapped_column(String(36), index=True, info={"ref": "customer"})
    name: Mapped[str] = mapped_column(String(120))
    title: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(20), index=True, info={"norm": "phone"})
    email: Mapped[str | None] = mapped_column(String(254), index=True, info={"norm": "email"})
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)


@register
class Lead(Synced, Base):
    __tablename__ = "leads"
    __entity__ = "lead"
    __scope__ = (("owner", "owner_id"),)

    company_name: Mapped[str | None] = mapped_column(String(200))
    contact_name: Mapped[str | None] = mapped_column(String(120))
    title: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(20), index=True, info={"norm": "phone"})
    email: Mapped[str | None] = mapped_column(String(254), index=True, info={"norm": "email"})
    credit_code: Mapped[str | None] = mapped_column(String(18), info={"norm": "credit_code"})
    industry: Mapped[str | None] = mapped_column(String(40), info={"vocab": "industry"})
    source: Mapped[str | None] = mapped_column(String(40), info={"vocab": "lead_source"})
    status: Mapped[str] = mapped_column(String(16), default="new", info={"choices": LEAD_STATES, "guarded": True})
    owner_id: Mapped[str | None] = mapped_column(String(36), index=True, info={"ref": "user"})
    disqualify_reason: Mapped[str | None] = mapped_column(String(300), info={"guarded": True})
    converted_customer_id: Mapped[str | None] = mapped_column(
        String(36), info={"ref": "customer", "guarded": True}
    )
    converted_contact_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "contact", "guarded": True})
    converted_deal_id: Mapped[str | None] = mapped_column(String(36), info={"ref": "deal", "guarded": True})
    notes: Mapped[str | None] = mapped_column(Text)
    # The record's key in the system it was imported from ("maven-crm:opportunity:1C1I7A6R"),
    # so a re-import updates it instead of creating a second one.
    external_ref: Mapped[str | None] = mapped_column(String(120), index=True)
