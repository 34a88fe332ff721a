"""Declarative base, naming convention and the columns every synced record carries.

Column `info` describes each field to the shared rule set (app/rules/schema.py), which
builds the data dictionary from the models, so the two cannot drift:
  ref="customer"     the field holds the id of a record of that entity
  vocab="industry"   value must be a code of that dictionary vocabulary
  choices=(...)      value must be one of a fixed set (state machines)
  norm="phone"       normalised by a data standard (phone, email, credit_code, currency)
  min=0              smallest allowed integer
  guarded=True       changed only by the transition services, never by a plain edit
  server=True        assigned by the server (e.g. an invoice number); clients never set it
  roles=(...)        only these roles may set or change it

Synced tables carry no database-level foreign keys to other synced tables: the server
is authoritative and pages arrive in version order, so a child can legitimately land
before its parent. References are checked by the rules and services instead, and by
the server (orphan conflicts). Local-only tables use real foreign keys.
"""
from __future__ import annotations

from sqlalchemy import Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.models.types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Fields the sync machinery owns: never part of a mutation's `changes` (except
# created_at on create) and never a reason for a conflict.
SYSTEM_FIELDS = frozenset({"id", "version", "created_at", "updated_at", "deleted_at"})


class Synced:
    """Columns of every record that travels between client and server.

    `__entity__` is the protocol name; `__scope__` says whose book the record belongs to,
    as rules tried in order until one's field is set: ("customer", "customer_id") hangs
    off a customer, ("owner", "owner_id") belongs to a user, ("parent", "<entity>",
    "<field>") follows its parent, ("global",) is shared by everyone. `__writers__`, when
    present, names the only roles that may create, change or delete the record.
    """

    __entity__: str
    __scope__: tuple

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int | None] = mapped_column(Integer, index=True)
    created_at: Mapped[str | None] = mapped_column(UtcDateTime)
    updated_at: Mapped[str | None] = mapped_column(UtcDateTime)
    deleted_at: Mapped[str | None] = mapped_column(UtcDateTime)


ENTITIES: dict[str, type] = {}


def register(cls):
    """Class decorator: make a synced model known by its protocol entity name."""
    ENTITIES[cls.__entity__] = cls
    return cls
