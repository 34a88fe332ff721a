"""Tables that exist only in a client's profile: the outbox, the audit trail, sync flags
and the profile's own settings. Never synced as records."""
from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.types import Json, UtcDateTime

AUDIT_ORIGINS = ("local", "sync", "merge", "resolution")


class OutboxMutation(Base):
    """One queued change, shaped as a push mutation of PROTOCOL.md.

    `state` is `pending` (may still absorb later edits of the same record), `sent`
    (went out at least once: frozen, so a replay after a lost response carries exactly
    what the server stored) or `rejected` (the server refused it; kept for the user to
    fix and resend, or discard).
    """

    __tablename__ = "outbox"
    __table_args__ = (Index(None, "entity", "record_id"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(8))
    base_version: Mapped[int | None] = mapped_column(Integer)
    base: Mapped[dict] = mapped_column(Json, default=dict)
    changes: Mapped[dict] = mapped_column(Json, default=dict)
    state: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[dict | None] = mapped_column(Json)
    created_at: Mapped[str] = mapped_column(UtcDateTime)
    updated_at: Mapped[str] = mapped_column(UtcDateTime)


class AuditEvent(Base):
    """Who changed which field of which record, from what to what, and how it arrived."""

    __tablename__ = "audit_events"
    __table_args__ = (Index(None, "entity", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(UtcDateTime)
    actor_id: Mapped[str | None] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(16))
    field: Mapped[str | None] = mapped_column(String(60))
    old: Mapped[object | None] = mapped_column(Json)
    new: Mapped[object | None] = mapped_column(Json)
    origin: Mapped[str] = mapped_column(String(12), default="local")


class SyncFlag(Base):
    """A mark on a record the user must see: an open conflict, a rejected change, or a
    record that left the user's scope while it still had unsent edits."""

    __tablename__ = "sync_flags"
    __table_args__ = (Index(None, "entity", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(16))
    conflict_id: Mapped[str | None] = mapped_column(String(36))
    mutation_id: Mapped[str | None] = mapped_column(String(36))
    message: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict | None] = mapped_column(Json)
    created_at: Mapped[str] = mapped_column(UtcDateTime)


class ProfileSetting(Base):
    """Key/value facts about this profile: its client id, user, server, pull cursor."""

    __tablename__ = "profile_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[object | None] = mapped_column(Json)
