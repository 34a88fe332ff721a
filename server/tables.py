"""The server's tables (SQLAlchemy Core).

Synced records live in one generic table, `records`: the server is a reconciliation hub
and the shared rules work on dicts, so each record is kept as its wire JSON (stored once
and spliced into pull pages without decoding) beside the columns that sync and scopes need.
"""
from __future__ import annotations

from sqlalchemy import (
    BigInteger, Boolean, Column, Index, Integer, MetaData, String, Table, Text, UniqueConstraint,
)

from app.models.base import NAMING_CONVENTION

metadata = MetaData(naming_convention=NAMING_CONVENTION)

ID = 64  # record ids are client-made UUIDs; a little room for other clients' ids
STAMP = 20  # YYYY-MM-DDTHH:MM:SSZ

# A record's book (`book_owner_id`): the user whose book it is, GLOBAL_BOOK for reference
# data everyone reads, or NULL for a record nobody owns (only finance and admin see it).
GLOBAL_BOOK = "*"

records = Table(
    "records", metadata,
    Column("id", String(ID), primary_key=True),
    Column("entity", String(40), nullable=False),
    Column("data", Text, nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("book_owner_id", String(ID)),
    # The root of the book the record hangs off (its customer, or the lead of a lead's
    # activity); a reassignment of the root moves every record with this root_id.
    Column("root_id", String(ID)),
    Column("field_versions", Text, nullable=False),
    Column("conflict_ids", Text),
    Column("created_at", String(STAMP), nullable=False),
    Column("updated_at", String(STAMP), nullable=False),
    Index(None, "version"),
    Index(None, "book_owner_id", "version"),
    Index(None, "root_id"),
    Index(None, "entity", "deleted"),
)

# Natural keys of live customers, kept beside `records` so a duplicate check neither
# decodes every customer's JSON nor re-spells every name in pinyin.
customer_keys = Table(
    "customer_keys", metadata,
    Column("id", String(ID), primary_key=True),
    Column("name", String(200)),
    Column("name_key", String(200)),
    Column("pinyin_key", String(800)),
    Column("credit_code", String(18), index=True),
    Column("phone", String(20), index=True),
    Column("email", String(254), index=True),
)

users = Table(
    "users", metadata,
    Column("id", String(ID), primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", String(120)),
    Column("role", String(16), nullable=False),
    Column("manager_id", String(ID), index=True),
    Column("team", String(64)),
    Column("password_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    # The sequence number at which what this user may see last changed (role, team):
    # a pull cursor from before it cannot be continued, the client starts over.
    Column("scope_seq", BigInteger, nullable=False, default=0),
    Column("created_at", String(STAMP), nullable=False),
    Column("updated_at", String(STAMP), nullable=False),
)

tokens = Table(
    "tokens", metadata,
    Column("token_hash", String(64), primary_key=True),  # sha256 hex; the token itself is never kept
    Column("user_id", String(ID), nullable=False, index=True),
    Column("device_name", String(120)),
    Column("client_id", String(ID)),
    Column("created_at", String(STAMP), nullable=False),
    Column("expires_at", String(STAMP), nullable=False),
    Column("revoked_at", String(STAMP)),
)

login_failures = Table(
    "login_failures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False),
    Column("address", String(64), nullable=False),
    Column("at", String(STAMP), nullable=False),
    Index(None, "username", "at"),
    Index(None, "address", "at"),
)

mutation_results = Table(
    "mutation_results", metadata,
    Column("mutation_id", String(ID), primary_key=True),
    Column("client_id", String(ID)),
    Column("user_id", String(ID), nullable=False),
    Column("result", Text, nullable=False),
    Column("created_at", String(STAMP), nullable=False),
)

conflicts = Table(
    "conflicts", metadata,
    Column("id", String(ID), primary_key=True),
    Column("entity", String(40), nullable=False),
    Column("record_id", String(ID), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("fields", Text, nullable=False),
    Column("candidates", Text, nullable=False),
    Column("details", Text, nullable=False),
    Column("status", String(10), nullable=False),
    Column("created_at", String(STAMP), nullable=False),
    Column("user_id", String(ID), index=True),
    Column("device_name", String(120)),
    Column("client_id", String(ID)),
    Column("mutation_id", String(ID)),
    Column("resolution", Text),
    Column("note", Text),
    Column("resolved_by", String(ID)),
    Column("resolved_at", String(STAMP)),
    Index(None, "status", "created_at"),
)

redirects = Table(
    "redirects", metadata,
    Column("from_id", String(ID), primary_key=True),
    Column("entity", String(40), nullable=False),
    Column("to_id", String(ID), nullable=False),
    Column("created_at", String(STAMP), nullable=False),
)

evictions = Table(
    "evictions", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("user_id", String(ID), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("record_id", String(ID), nullable=False),
    Index(None, "user_id", "seq"),
)

audit = Table(
    "audit", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("seq", BigInteger, index=True),
    Column("at", String(STAMP), nullable=False),
    Column("user_id", String(ID)),
    Column("entity", String(40), nullable=False),
    Column("record_id", String(ID), nullable=False),
    Column("action", String(16), nullable=False),
    Column("field", String(60)),
    Column("old", Text),
    Column("new", Text),
    Column("origin", String(12), nullable=False),
    Column("mutation_id", String(ID)),
    Index(None, "entity", "record_id"),
)

devices = Table(
    "devices", metadata,
    Column("client_id", String(ID), primary_key=True),
    Column("user_id", String(ID), nullable=False, index=True),
    Column("device_name", String(120)),
    Column("app_version", String(40)),
    Column("pending", Integer),
    Column("last_push_at", String(STAMP)),
    Column("last_pull_at", String(STAMP)),
)

invoice_series = Table(
    "invoice_series", metadata,
    Column("series", String(10), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("next_number", BigInteger, nullable=False),
)

server_state = Table(
    "server_state", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", BigInteger, nullable=False),
    Column("epoch", String(40), nullable=False),
    UniqueConstraint("epoch"),
)
