"""A record's history from the server's audit trail: what an admin looks at before
deciding an orphan (was the parent deleted on purpose, by whom, when?)."""
from __future__ import annotations

import orjson
from sqlalchemy import select

from app.errors import NotFound
from app.rules import permissions
from app.rules.schema import entity_names
from server.records import load
from server.scopes import Viewer
from server.tables import audit, users

ADMIN = ("admin",)
MAX_EVENTS = 500


def _json(text):
    return None if text is None else orjson.loads(text)


def record_history(db, viewer: Viewer, entity: str, record_id: str) -> dict:
    """The record as stored now (deleted ones too) and its audit events, newest first.
    Admins only (403); 404 for an unknown entity or record."""
    permissions.require_role(viewer.role, ADMIN, "read a record's server history")
    if entity not in entity_names():
        raise NotFound(f"unknown entity {entity!r}")
    with db.read() as conn:
        row = load(conn, [record_id]).get(record_id)
        if row is None or row.entity != entity:
            raise NotFound(f"no {entity} with id {record_id}", details={"entity": entity, "id": record_id})
        stmt = (select(audit, users.c.username).select_from(audit.outerjoin(users, users.c.id == audit.c.user_id))
                .where(audit.c.entity == entity, audit.c.record_id == record_id)
                .order_by(audit.c.id.desc()).limit(MAX_EVENTS))
        events = [{"seq": r["seq"], "at": r["at"], "user_id": r["user_id"], "username": r["username"],
                   "action": r["action"], "field": r["field"], "old": _json(r["old"]), "new": _json(r["new"]),
                   "origin": r["origin"]} for r in conn.execute(stmt).mappings()]
    return {"entity": entity, "id": record_id, "version": row.version, "deleted": row.deleted, "data": row.data,
            "conflict_ids": list(row.conflict_ids), "events": events}
