"""A user's own sync problems, read from the local copy (so they show offline too):
changes the server refused, and records with a conflict waiting for an admin."""
from __future__ import annotations

from sqlalchemy import select

from app.models import ENTITIES, OutboxMutation, SyncFlag

OUTBOX = OutboxMutation.__table__
FLAGS = SyncFlag.__table__
# The fields that name a record for a person, tried in order.
NAME_FIELDS = ("name", "company_name", "contact_name", "subject", "number", "title", "code", "display_name", "username",
               "reference")


def record_label(entity: str, row: dict | None) -> str:
    """A short human name for a record ("" if it is gone)."""
    if not row:
        return ""
    for field in NAME_FIELDS:
        if row.get(field):
            return str(row[field])
    return row.get("id", "")[:8]


def _rows(session, entity: str, ids: list[str]) -> dict[str, dict]:
    if entity not in ENTITIES or not ids:
        return {}
    t = ENTITIES[entity].__table__
    return {r["id"]: dict(r) for r in session.execute(select(t).where(t.c.id.in_(ids))).mappings()}


def labels(session, pairs) -> dict[tuple[str, str], str]:
    """{(entity, id): a short name} for records of the local copy (deleted ones too;
    records not held here are absent)."""
    by_entity: dict[str, list[str]] = {}
    for entity, rid in pairs:
        by_entity.setdefault(entity, []).append(rid)
    return {(e, rid): record_label(e, row) for e, ids in by_entity.items()
            for rid, row in _rows(session, e, ids).items()}


def _labels(session, items: list[dict]) -> None:
    by_entity: dict[str, list[str]] = {}
    for item in items:
        by_entity.setdefault(item["entity"], []).append(item["record_id"])
    rows = {(e, rid): row for e, ids in by_entity.items() for rid, row in _rows(session, e, ids).items()}
    for item in items:
        row = rows.get((item["entity"], item["record_id"]))
        item["label"] = record_label(item["entity"], row)
        item["current"] = {k: row.get(k) for k in item.get("changes") or {}} if row else {}


def rejected_changes(session) -> list[dict]:
    """Changes the server refused, oldest first: {mutation_id, entity, record_id, op,
    changes, base, error {code, message, fields}, at, label, current}."""
    items = [{"mutation_id": r["mutation_id"], "entity": r["entity"], "record_id": r["record_id"], "op": r["op"],
              "changes": r["changes"] or {}, "base": r["base"] or {}, "error": r["error"] or {},
              "at": r["updated_at"]}
             for r in session.execute(select(OUTBOX).where(OUTBOX.c.state == "rejected")
                                      .order_by(OUTBOX.c.seq)).mappings()]
    _labels(session, items)
    return items


def conflict_flags(session) -> list[dict]:
    """Records flagged with an open conflict, one item per conflict: {conflict_id,
    entity, record_id, message, details, at, label}."""
    seen, items = set(), []
    for r in session.execute(select(FLAGS).where(FLAGS.c.kind == "conflict").order_by(FLAGS.c.id)).mappings():
        key = r["conflict_id"] or r["record_id"]
        if key in seen:
            # The pusher's flag (with the values) and the pull's flag can both exist.
            if r["details"]:
                next(i for i in items if (i["conflict_id"] or i["record_id"]) == key)["details"] = r["details"]
            continue
        seen.add(key)
        items.append({"conflict_id": r["conflict_id"], "entity": r["entity"], "record_id": r["record_id"],
                      "message": r["message"], "details": r["details"] or {}, "at": r["created_at"],
                      "changes": (r["details"] or {}).get("changes") or {}})
    _labels(session, items)
    return items



def users(session) -> list[tuple[str, str]]:
    """(id, user name) of every user this copy knows, by name."""
    t = ENTITIES["user"].__table__
    return [tuple(r) for r in session.execute(select(t.c.id, t.c.username).order_by(t.c.username))]
