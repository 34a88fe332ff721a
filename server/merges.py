"""Merging two records that are the same party (customers, contacts, leads), inside or
outside the conflict queue.

The same machinery as a duplicate conflict's `merge_into`: the survivor first takes the
field values the admin chose, then every record pointing at the loser is re-pointed and
re-versioned, a redirect is kept (children still offline land on the survivor when they
arrive), and the loser becomes a tombstone. Open duplicate conflicts between the two are
closed as decided by this merge. One transaction, audited.
"""
from __future__ import annotations

import orjson
from sqlalchemy import select, update

from app.errors import NotFound, ValidationError
from app.rules import permissions, transitions
from app.rules.schema import entity_spec
from app.rules.validation import validate_record
from server.changes import jdump
from server.conflicts import repoint
from server.errors import ApiError
from server.scopes import Viewer
from server.tables import conflicts
from server.writer import Writer

ADMIN = ("admin",)


def merge(db, viewer: Viewer, body) -> dict:
    """Merge `body.loser_id` into `body.survivor_id` (a MergeRequest). Admins only (403);
    404 unknown records; 409 a record already deleted or the conflict already decided;
    422 values that break the rules or a conflict that is not about these two."""
    permissions.require_role(viewer.role, ADMIN, "merge records")
    return db.run_write(_merge, db, viewer, body)


def _merge(conn, db, viewer: Viewer, body) -> dict:
    writer = Writer(conn, viewer, origin="merge", lock=db.is_postgres)
    entity = body.entity
    if body.survivor_id == body.loser_id:
        raise ValidationError({"loser_id": "must differ from survivor_id"})
    writer.changes.load([body.survivor_id, body.loser_id])
    survivor, loser = writer.get(body.survivor_id), writer.get(body.loser_id)
    for name, row in (("survivor_id", survivor), ("loser_id", loser)):
        if row is None or row.entity != entity:
            raise NotFound(f"no {entity} with id {getattr(body, name)}", details={"field": name})
        if row.deleted:
            raise ApiError(409, "record_deleted", f"the {entity} {row.id} is deleted already", {"field": name})
    decided = _conflicts_decided(conn, db, body, survivor.id, loser.id)
    values = _checked_values(writer, entity, survivor, body.fields)
    # A survivor pointing at the loser (a company merged with its parent) would point
    # at itself once re-pointed: that link goes.
    for name, target in entity_spec(entity).refs().items():
        if target == entity and {**survivor.data, **values}.get(name) == loser.id:
            values[name] = None
    if values:
        writer.save(survivor, {**survivor.data, **values}, list(values))
    moved = repoint(writer, loser, writer.get(survivor.id))
    closed = set(decided)
    survivor = writer.get(survivor.id)
    if closed & set(survivor.conflict_ids):
        writer.touch(survivor, conflict_ids=tuple(c for c in survivor.conflict_ids if c not in closed))
    loser = writer.get(loser.id)
    gone = writer.tombstone(loser, conflict_ids=tuple(c for c in loser.conflict_ids if c not in closed))
    resolution = {"merge_into": survivor.id, "merged": loser.id, "fields": values}
    writer.changes.audit(gone, entity, "merge", old={"id": loser.id},
                         new={**resolution, "repointed": moved, "note": body.note})
    for conflict_id in sorted(closed):
        writer.changes.execute(update(conflicts).where(conflicts.c.id == conflict_id).values(
            status="resolved", resolution=jdump(resolution), note=body.note, resolved_by=viewer.id,
            resolved_at=writer.now))
    writer.changes.commit()
    return {"survivor_id": survivor.id, "loser_id": loser.id, "version": writer.get(survivor.id).version,
            "repointed": moved, "resolved_conflicts": sorted(closed)}


def _checked_values(writer: Writer, entity: str, survivor, fields: dict) -> dict:
    """The chosen values that differ from the survivor's, checked like any edit."""
    spec = entity_spec(entity)
    errors = {}
    for name in fields:
        field = spec.fields.get(name)
        if field is None:
            errors[name] = f"is not a field of {entity}"
        elif field.system or field.server:
            errors[name] = "is kept by the server"
        elif field.guarded:
            errors[name] = "is changed through its own action, not by a merge"
    if errors:
        raise ValidationError(errors)
    after = validate_record(entity, {**survivor.data, **fields}, dictionary=writer.dictionary, changed=list(fields))
    values = {k: after[k] for k in fields if after.get(k) != survivor.data.get(k)}
    permissions.check_write(entity, writer.viewer.role, values, op="change")
    transitions.check_transition(entity, survivor.data, after)
    _, orphans = writer.check_refs(entity, after, list(values))
    if orphans:
        raise ValidationError({name: "points at a deleted record" for name in orphans})
    return values


def _conflicts_decided(conn, db, body, survivor_id: str, loser_id: str) -> list[str]:
    """Open duplicate conflicts this merge decides: the one named, and any other that
    pairs exactly these two records."""
    pair = {survivor_id, loser_id}
    stmt = select(conflicts).where(conflicts.c.kind == "duplicate", conflicts.c.status == "open",
                                   conflicts.c.record_id.in_(sorted(pair)))
    if db.is_postgres:
        stmt = stmt.with_for_update()
    decided = []
    for r in conn.execute(stmt).mappings():
        candidates = {c.get("id") for c in orjson.loads(r["candidates"])}
        if pair - {r["record_id"]} <= candidates:
            decided.append(r["id"])
    if body.conflict_id and body.conflict_id not in decided:
        named = conn.execute(select(conflicts.c.status, conflicts.c.kind).where(
            conflicts.c.id == body.conflict_id)).first()
        if named is None:
            raise NotFound(f"no conflict with id {body.conflict_id}")
        if named.status != "open":
            raise ApiError(409, "already_resolved", "this conflict was resolved already")
        raise ApiError(422, "bad_resolution", "the conflict is not a duplicate of these two records")
    return decided
