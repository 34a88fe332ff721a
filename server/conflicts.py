"""The conflict queue: listing conflicts and resolving them.

A conflict keeps both sides until a person decides. Every resolution is an audited
change with a new version of the record (even `keep_both`), so every client pulls the
outcome and drops the record's conflict flag.
"""
from __future__ import annotations

import datetime as dt

import orjson
from sqlalchemy import func, select, update

from app import clock

from app.errors import NotFound, ValidationError
from app.rules import permissions, transitions
from app.rules.validation import validate_record
from server.changes import jdump
from server.errors import ApiError
from server.records import Row, load
from server.scopes import Viewer
from server.tables import conflicts, redirects, users
from server.writer import Writer
from sync.protocol import CONFLICT_KINDS

ADMIN = ("admin",)


def _visible(stmt, viewer: Viewer, status: str, *, kind: str | None = None, entity: str | None = None,
             user: str | None = None, device: str | None = None, min_age_hours: int | None = None):
    stmt = stmt.where(conflicts.c.status == status)
    if viewer.role != "admin":
        stmt = stmt.where(conflicts.c.user_id == viewer.id)
    if kind:
        stmt = stmt.where(conflicts.c.kind == kind)
    if entity:
        stmt = stmt.where(conflicts.c.entity == entity)
    if user:
        stmt = stmt.where(users.c.username == user)
    if device:
        stmt = stmt.where(conflicts.c.device_name == device)
    if min_age_hours:
        cutoff = clock.now() - dt.timedelta(hours=min_age_hours)
        stmt = stmt.where(conflicts.c.created_at <= clock.format_datetime(cutoff))
    return stmt


def list_conflicts(conn, viewer: Viewer, status: str = "open", *, limit: int | None = None,
                   newest_first: bool = False, **filters) -> list[dict]:
    """Conflicts with `status`: all of them for an admin, the ones they caused for anyone
    else; narrowed by `filters` (kind, entity, user name, device name, min_age_hours),
    oldest first (by when they arose; decided ones by when they were decided), or newest
    first; at most `limit` of them."""
    joined = conflicts.outerjoin(users, users.c.id == conflicts.c.user_id)
    stmt = _visible(select(conflicts, users.c.username).select_from(joined), viewer, status, **filters)
    when = conflicts.c.resolved_at if status == "resolved" else conflicts.c.created_at
    order = (when.desc(), conflicts.c.id.desc()) if newest_first else (when, conflicts.c.id)
    stmt = stmt.order_by(*order)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = [_out(r) for r in conn.execute(stmt).mappings()]
    stored = load(conn, [r["record_id"] for r in rows])
    for r in rows:
        row = stored.get(r["record_id"])
        r["record_name"] = _name(row.data) if row is not None else None
    return rows


def _name(data: dict) -> str | None:
    """What people call a record (a deleted one too: the admin may never have held it)."""
    for field in ("name", "company_name", "contact_name", "subject", "number", "title", "code", "username"):
        if data.get(field):
            return str(data[field])
    return None


def counts(conn, viewer: Viewer, status: str = "open") -> dict:
    """How many conflicts with `status` the viewer sees: in total, per kind, per entity."""
    joined = conflicts.outerjoin(users, users.c.id == conflicts.c.user_id)
    out = {"status": status, "total": 0, "by_kind": {kind: 0 for kind in CONFLICT_KINDS}, "by_entity": {}}
    for column, key in ((conflicts.c.kind, "by_kind"), (conflicts.c.entity, "by_entity")):
        stmt = _visible(select(column, func.count()).select_from(joined), viewer, status).group_by(column)
        for name, n in conn.execute(stmt):
            out[key][name] = n
    out["total"] = sum(out["by_kind"].values())
    return out


def _out(r) -> dict:
    return {
        "id": r["id"], "entity": r["entity"], "record_id": r["record_id"], "kind": r["kind"],
        "fields": orjson.loads(r["fields"]), "candidates": orjson.loads(r["candidates"]),
        "details": orjson.loads(r["details"]), "created_at": r["created_at"], "user": r["username"],
        "user_id": r["user_id"], "device_name": r["device_name"], "mutation_id": r["mutation_id"],
        "status": r["status"], "resolution": orjson.loads(r["resolution"]) if r["resolution"] else None,
        "note": r["note"], "resolved_by": r["resolved_by"], "resolved_at": r["resolved_at"],
    }


def resolve(db, viewer: Viewer, conflict_id: str, body) -> dict:
    """Resolve one conflict as `body` (a ResolveRequest) says; returns {"version"}.
    Admins only (403); 404 unknown; 409 already resolved; 422 a decision that does not
    fit the conflict or breaks the rules."""
    permissions.require_role(viewer.role, ADMIN, "resolve conflicts")
    return db.run_write(_resolve, db, viewer, conflict_id, body)


def _resolve(conn, db, viewer: Viewer, conflict_id: str, body) -> dict:
    stmt = select(conflicts).where(conflicts.c.id == conflict_id)
    if db.is_postgres:
        stmt = stmt.with_for_update()
    found = conn.execute(stmt).mappings().first()
    if found is None:
        raise NotFound(f"no conflict with id {conflict_id}")
    if found["status"] != "open":
        raise ApiError(409, "already_resolved", "this conflict was resolved already",
                       {"resolved_by": found["resolved_by"], "resolved_at": found["resolved_at"]})
    conflict = _out({**found, "username": None})
    writer = Writer(conn, viewer, origin="resolution", lock=db.is_postgres)
    row = writer.get(conflict["record_id"])
    if row is None:
        raise NotFound("the conflict's record no longer exists")
    kind = conflict["kind"]
    handler = {"field": _field, "duplicate": _duplicate, "edit_delete": _edit_delete,
               "delete_edit": _delete_edit, "orphan": _orphan}[kind]
    remaining = tuple(c for c in row.conflict_ids if c != conflict_id)
    change, resolution = handler(writer, conflict, row, remaining, body)
    writer.changes.audit(change, row.entity, "resolve", field=kind, old={"conflict_id": conflict_id},
                         new={**resolution, "note": body.note})
    writer.changes.execute(update(conflicts).where(conflicts.c.id == conflict_id).values(
        status="resolved", resolution=jdump(resolution), note=body.note, resolved_by=viewer.id,
        resolved_at=writer.now))
    writer.changes.commit()
    return {"version": change.seq}


def _require(ok: bool, message: str) -> None:
    if not ok:
        raise ApiError(422, "bad_resolution", message)


def _field(writer: Writer, conflict: dict, row: Row, remaining: tuple, body):
    _require(body.fields is not None and body.merge_into is None and not body.keep_both and body.action is None,
             "a field conflict is resolved with `fields`: {field: {take: server|client} | {value: ...}}")
    unknown = sorted(set(body.fields) - set(conflict["fields"]))
    _require(not unknown, f"not fields of this conflict: {', '.join(unknown)}")
    if row.deleted:
        raise ApiError(409, "record_deleted", "the record was deleted since; nothing to take")
    values, decisions = {}, {}
    for name, side in conflict["fields"].items():
        choice = body.fields.get(name)
        if choice is None or choice.take == "server":
            decisions[name] = {"take": "server"}
            continue
        if choice.take == "client":
            values[name] = side.get("client")
            decisions[name] = {"take": "client"}
        elif "value" in choice.model_fields_set:
            values[name] = choice.value
            decisions[name] = {"value": choice.value}
        else:
            raise ApiError(422, "bad_resolution", f"{name}: say take server, take client, or give a value")
    values = {k: v for k, v in values.items() if v != row.data.get(k)}
    after = validate_record(row.entity, {**row.data, **values}, dictionary=writer.dictionary, changed=list(values))
    transitions.check_transition(row.entity, row.data, after)
    writer.check_refs(row.entity, after, list(values))
    change = writer.save(row, after, list(values), conflict_ids=remaining)
    return change, {"fields": decisions}


def _duplicate(writer: Writer, conflict: dict, row: Row, remaining: tuple, body):
    if body.keep_both:
        _require(body.merge_into is None, "say either merge_into or keep_both")
        return writer.touch(row, conflict_ids=remaining), {"keep_both": True}
    _require(bool(body.merge_into), "a duplicate is resolved with merge_into: <id> or keep_both: true")
    survivor = writer.get(body.merge_into)
    _require(survivor is not None and survivor.entity == row.entity and not survivor.deleted
             and survivor.id != row.id, f"merge_into must name another live {row.entity}")
    if row.deleted:
        raise ApiError(409, "record_deleted", "the duplicate was deleted since; resolve with keep_both")
    repoint(writer, row, survivor)
    change = writer.tombstone(writer.get(row.id), conflict_ids=remaining)
    return change, {"merge_into": survivor.id}


def repoint(writer: Writer, gone: Row, survivor: Row) -> int:
    """Re-point every reference to `gone` at `survivor` and keep a redirect, so children
    created offline against `gone` land on the survivor when they arrive. Returns how
    many records were re-pointed."""
    from sqlalchemy import delete

    from app.rules.schema import entity_spec
    from server.tables import records

    like = f'%"{gone.id}"%'
    ids = [r.id for r in writer.conn.execute(select(records.c.id).where(records.c.data.like(like),
                                                                        records.c.id != gone.id))]
    writer.changes.load(ids)
    moved = 0
    for record_id in ids:
        row = writer.get(record_id)
        refs = entity_spec(row.entity).refs()
        fields = [f for f, target in refs.items() if target == gone.entity and row.data.get(f) == gone.id]
        if fields:
            writer.save(row, {**row.data, **{f: survivor.id for f in fields}}, fields)
            moved += 1
    writer.changes.execute(update(redirects).where(redirects.c.to_id == gone.id).values(to_id=survivor.id))
    writer.changes.execute(delete(redirects).where(redirects.c.from_id == gone.id))
    writer.changes.insert(redirects, {"from_id": gone.id, "entity": gone.entity, "to_id": survivor.id,
                                      "created_at": writer.now})
    return moved


def _edit_delete(writer: Writer, conflict: dict, row: Row, remaining: tuple, body):
    _require(body.action in ("restore", "confirm_delete"),
             "an edit/delete conflict is resolved with action restore or confirm_delete")
    if body.action == "confirm_delete" or not row.deleted:
        return writer.touch(row, conflict_ids=remaining), {"action": body.action}
    values = conflict["details"].get("client_values") or {}
    data = {k: v for k, v in row.data.items() if k != "deleted_at"}
    after = validate_record(row.entity, {**data, **values}, dictionary=writer.dictionary, changed=list(values))
    writer.check_refs(row.entity, after, list(values))
    change = writer.save(row, after, list(values), conflict_ids=remaining, action="restore", deleted=False)
    return change, {"action": "restore"}


def _delete_edit(writer: Writer, conflict: dict, row: Row, remaining: tuple, body):
    _require(body.action in ("restore", "confirm_delete"),
             "a delete/edit conflict is resolved with action restore (keep the record) or confirm_delete")
    if body.action == "restore" or row.deleted:
        return writer.touch(row, conflict_ids=remaining), {"action": body.action}
    transitions.check_delete(row.entity, row.data)
    return writer.tombstone(row, conflict_ids=remaining), {"action": "confirm_delete"}


def _orphan(writer: Writer, conflict: dict, row: Row, remaining: tuple, body):
    _require(body.action in ("reparent", "restore_parent", "discard"),
             "an orphan is resolved with action reparent (with parent_id), restore_parent or discard")
    field = conflict["details"]["field"]
    if body.action == "discard":
        if row.deleted:
            return writer.touch(row, conflict_ids=remaining), {"action": "discard"}
        return writer.tombstone(row, conflict_ids=remaining), {"action": "discard"}
    if body.action == "restore_parent":
        parent = writer.get(conflict["details"]["parent_id"])
        if parent is not None and parent.deleted:
            data = {k: v for k, v in parent.data.items() if k != "deleted_at"}
            writer.save(parent, data, (), action="restore", deleted=False)
        return writer.touch(writer.get(row.id), conflict_ids=remaining), {"action": "restore_parent"}
    _require(bool(body.parent_id), "reparent needs parent_id")
    after = {**row.data, field: body.parent_id}
    after = validate_record(row.entity, after, dictionary=writer.dictionary, changed=[field])
    _, orphans = writer.check_refs(row.entity, after, [field])
    if orphans:
        raise ValidationError({"parent_id": "that record is deleted too"})
    change = writer.save(row, after, [field], conflict_ids=remaining)
    return change, {"action": "reparent", "parent_id": body.parent_id}
