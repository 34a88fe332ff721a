"""What a merge view shows, from the local copy: two records of one entity side by side
(the fields a person may choose between) and the records hanging off each, which follow
the survivor."""
from __future__ import annotations

from sqlalchemy import func, or_, select

from app.models import ENTITIES
from app.queries.sync_problems import NAME_FIELDS, labels, record_label
from app.rules.schema import entity_names, entity_spec

SHOWN_CHILDREN = 50  # per entity; the rest are counted


def choosable_fields(entity: str) -> list[str]:
    """Fields whose surviving value a person picks in a merge (not the ones the sync,
    the server or a state-machine action sets)."""
    return [n for n, f in entity_spec(entity).fields.items()
            if not (f.system or f.guarded or f.server) and n != "external_ref"]


def children(session, entity: str, record_id: str) -> list[dict]:
    """Live records pointing at the record: {entity, field, count, items: [{id, label}]}
    per (entity, field), largest first."""
    out = []
    for other in entity_names():
        for field, target in entity_spec(other).refs().items():
            if target != entity:
                continue
            t = ENTITIES[other].__table__
            live = (t.c[field] == record_id, t.c.deleted_at.is_(None), t.c.id != record_id)
            count = session.scalar(select(func.count()).select_from(t).where(*live))
            if not count:
                continue
            rows = session.execute(select(t).where(*live).order_by(t.c.created_at, t.c.id)
                                   .limit(SHOWN_CHILDREN)).mappings()
            out.append({"entity": other, "field": field, "count": count,
                        "items": [{"id": r["id"], "label": record_label(other, dict(r))} for r in rows]})
    out.sort(key=lambda c: (-c["count"], c["entity"], c["field"]))
    return out


def merge_preview(session, entity: str, first_id: str, second_id: str) -> dict:
    """{"entity", "fields": [choosable field names], "records": {id: row or None},
    "children": {id: children(...)}, "labels": {(entity, id): name of each record the two
    refer to}} for the two records (None: not in the local copy)."""
    t = ENTITIES[entity].__table__
    records, kids = {}, {}
    for rid in (first_id, second_id):
        row = session.execute(select(t).where(t.c.id == rid)).mappings().first()
        records[rid] = dict(row) if row else None
        kids[rid] = children(session, entity, rid) if row else []
    refs = entity_spec(entity).refs()
    pairs = [(refs[f], row[f]) for row in records.values() if row for f in refs if row.get(f)]
    return {"entity": entity, "fields": choosable_fields(entity), "records": records, "children": kids,
            "labels": labels(session, pairs)}


def find_records(session, entity: str, like: str = "", limit: int = 30) -> list[tuple[str, str]]:
    """(id, label) of live records of `entity` whose name contains `like`, newest first."""
    t = ENTITIES[entity].__table__
    names = [t.c[f] for f in NAME_FIELDS if f in t.c]
    stmt = select(t).where(t.c.deleted_at.is_(None))
    if like and names:
        stmt = stmt.where(or_(*(n.like(f"%{like}%") for n in names)))
    rows = session.execute(stmt.order_by(t.c.updated_at.desc(), t.c.id).limit(limit)).mappings()
    return [(r["id"], record_label(entity, dict(r))) for r in rows]
