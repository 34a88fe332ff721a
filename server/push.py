"""Push: one database transaction per batch, one result per mutation, in order.

Each mutation runs against a savepoint of the staged changes: if it is refused, only its
own work is dropped and its result is `rejected`; later mutations still run. Every
result, rejections included, is stored in `mutation_results` in the same transaction as
the writes, so a replayed mutation id returns the stored result and changes nothing.
"""
from __future__ import annotations

import orjson
from sqlalchemy import select

from app.errors import DomainError, InvalidTransition, NotFound, PermissionDenied, ValidationError
from app.rules import permissions, transitions
from app.rules.schema import entity_names, entity_spec
from app.rules.validation import check_field, coerce, validate_record
from server import devices
from server.changes import Change
from server.errors import Rejected, mutation_error
from server.merge import three_way
from server.scopes import Viewer
from server.tables import mutation_results
from server.writer import Writer

ENTITIES = frozenset(entity_names())
ISSUED = ("issued", "partially_paid", "paid")
PAYMENT_STATES = ("partially_paid", "paid")


def push(db, viewer: Viewer, body) -> list[dict]:
    """Apply a push request (a PushRequest) for `viewer`; returns the results in order."""
    return db.run_write(_push, db, viewer, body)


def _push(conn, db, viewer: Viewer, body) -> list[dict]:
    writer = Writer(conn, viewer, origin="push", lock=db.is_postgres, client_id=body.client_id)
    mutations = body.mutations
    stored = _stored_results(conn, [m.mutation_id for m in mutations])
    targets, referenced = set(), set()
    for m in mutations:
        if m.mutation_id in stored or m.entity not in ENTITIES:
            continue
        targets.add(m.record_id)
        refs = entity_spec(m.entity).refs()
        referenced.update(v for k, v in m.changes.items() if k in refs and isinstance(v, str))
    writer.preload(targets, referenced - targets)
    results: list[dict] = []
    fresh: list[dict] = []
    seen: dict[str, dict] = {}
    for m in mutations:
        if m.mutation_id in seen:
            results.append(seen[m.mutation_id])
            continue
        previous = stored.get(m.mutation_id)
        if previous is not None:
            owner, result = previous
            if owner != viewer.id:
                result = _rejected(m, Rejected("mutation_id_taken", "this mutation id was used by another user"))
            results.append(result)
            seen[m.mutation_id] = result
            continue
        savepoint = writer.changes.savepoint()
        try:
            result = apply(writer, m)
        except DomainError as exc:
            writer.changes.rollback(savepoint)
            result = _rejected(m, exc)
        results.append(result)
        fresh.append(result)
        seen[m.mutation_id] = result
    devices.report(writer.changes, viewer, body)
    writer.changes.number()
    for result in fresh:
        if isinstance(result["version"], Change):
            result["version"] = result["version"].seq
        writer.changes.insert(mutation_results, {
            "mutation_id": result["mutation_id"], "client_id": body.client_id, "user_id": viewer.id,
            "result": orjson.dumps(result).decode(), "created_at": writer.now})
    writer.changes.write()
    return results



def _stored_results(conn, ids) -> dict[str, tuple[str, dict]]:
    found = {}
    ids = sorted(set(ids))
    for start in range(0, len(ids), 500):
        rows = conn.execute(select(mutation_results.c.mutation_id, mutation_results.c.user_id,
                                   mutation_results.c.result)
                            .where(mutation_results.c.mutation_id.in_(ids[start:start + 500])))
        for r in rows:
            found[r.mutation_id] = (r.user_id, orjson.loads(r.result))
    return found


def _result(m, status: str, version=None, *, conflict_ids=(), merged=(), conflicting=(), error=None,
            redirected=None) -> dict:
    return {"mutation_id": m.mutation_id, "status": status, "version": version,
            "conflict_id": conflict_ids[0] if conflict_ids else None, "merged_fields": sorted(merged),
            "conflict_fields": sorted(conflicting), "error": error, "conflict_ids": list(conflict_ids),
            "redirected": redirected or {}}


def _rejected(m, exc: DomainError) -> dict:
    return _result(m, "rejected", error=mutation_error(exc))


def apply(writer: Writer, m) -> dict:
    """Apply one mutation; raises a DomainError to have it rejected."""
    if m.entity not in ENTITIES:
        raise Rejected("unknown_entity", f"unknown entity {m.entity!r}", details={"entity": m.entity})
    spec = entity_spec(m.entity)
    changes = dict(m.changes)
    if "id" in changes and changes.pop("id") != m.record_id:
        raise ValidationError({"id": "must be the mutation's record_id"})
    errors = {}
    for name in changes:
        field = spec.fields.get(name)
        if field is None:
            errors[name] = f"is not a field of {m.entity}"
        elif field.system and not (m.op == "create" and name == "created_at"):
            errors[name] = "is kept by the server"
    if errors:
        raise ValidationError(errors)
    if m.op == "create":
        return _create(writer, m, spec, changes)
    if m.op == "update":
        return _update(writer, m, spec, changes)
    return _delete(writer, m, spec)


def _document_rules(writer: Writer, entity: str, before: dict | None, after: dict) -> None:
    """What only the server or finance may do to invoices, beyond the shared rules."""
    if entity != "invoice":
        return
    old = (before or {}).get("status")
    new = after.get("status")
    if new in ISSUED and old not in ISSUED:
        raise InvalidTransition({"status": "an invoice is issued by the server: POST /api/v1/invoices/{id}/issue"})
    paid_moved = new != old and (new in PAYMENT_STATES or old in PAYMENT_STATES)
    if (paid_moved or (before or {}).get("paid_minor", 0) != after.get("paid_minor", 0)) \
            and writer.viewer.role not in permissions.FINANCE_ROLES:
        raise PermissionDenied("only finance records what was paid on an invoice", details={"field": "paid_minor"})


def _create(writer: Writer, m, spec, changes: dict) -> dict:
    entity = m.entity
    if writer.get(m.record_id) is not None:
        raise Rejected("already_exists", f"a record with id {m.record_id} already exists",
                       details={"record_id": m.record_id})
    if entity == "user":
        raise PermissionDenied("accounts are created on the server (main.py server create-user)")
    permissions.check_write(entity, writer.viewer.role, [k for k, v in changes.items() if v is not None],
                            op="create")
    created_at = changes.pop("created_at", None)
    if created_at is not None:
        try:
            created_at = coerce(spec.fields["created_at"], created_at)
        except ValueError as exc:
            raise ValidationError({"created_at": str(exc)}) from None
    # Every data field is stored (absent ones as null), so a pulled record is complete.
    record = {name: f.default for name, f in spec.fields.items() if not f.system}
    if "owner_id" in spec.fields and changes.get("owner_id") is None:
        record["owner_id"] = writer.viewer.id
    record.update(changes)
    record["id"] = m.record_id
    record = validate_record(entity, record, dictionary=writer.dictionary)
    _document_rules(writer, entity, None, record)
    transitions.check_transition(entity, None, record)
    redirected, orphans = writer.check_refs(entity, record, list(record))
    book, _ = writer.place(entity, record)
    writer.scope.require_write(entity, book)
    conflict_ids = []
    if entity == "customer":
        candidates = writer.customers.matches(record)
        if candidates:
            conflict_ids.append(writer.open_conflict(
                m.record_id, entity, "duplicate", candidates=candidates, mutation_id=m.mutation_id,
                details={"reasons": sorted({r for c in candidates for r in c["reasons"]})}))
    for name, parent in orphans.items():
        conflict_ids.append(writer.open_conflict(
            m.record_id, entity, "orphan", mutation_id=m.mutation_id,
            fields={name: {"base": None, "server": None, "client": record[name]}},
            details={"field": name, "parent_entity": parent.entity, "parent_id": parent.id}))
    change = writer.create(entity, {**record, "created_at": created_at}, mutation_id=m.mutation_id,
                           conflict_ids=tuple(conflict_ids))
    return _result(m, "conflict" if conflict_ids else "applied", change, conflict_ids=conflict_ids,
                   conflicting=[f for f in orphans], redirected=redirected)


def _normalised(writer: Writer, spec, changes: dict) -> dict:
    out, errors = {}, {}
    for name, value in changes.items():
        try:
            out[name] = check_field(spec.fields[name], value, writer.dictionary)
        except ValueError as exc:
            errors[name] = str(exc)
    if errors:
        raise ValidationError(errors)
    return out


def _existing(writer: Writer, m):
    row = writer.get(m.record_id)
    if row is None or row.entity != m.entity:
        raise NotFound(f"no {m.entity} with id {m.record_id}", details={"entity": m.entity, "id": m.record_id})
    writer.scope.require_write(m.entity, row.book)
    return row


def _update(writer: Writer, m, spec, changes: dict) -> dict:
    entity = m.entity
    row = _existing(writer, m)
    changes = _normalised(writer, spec, changes)
    touched = [k for k, v in changes.items() if v != row.data.get(k)]
    permissions.check_write(entity, writer.viewer.role, touched, op="change")
    if row.deleted:
        if not touched:
            return _result(m, "applied", row.version)
        conflict_id = writer.open_conflict(
            row.id, entity, "edit_delete", mutation_id=m.mutation_id,
            fields={f: {"base": m.base.get(f), "server": None, "client": changes[f]} for f in touched},
            details={"client_values": changes})
        change = writer.touch(row, conflict_ids=row.conflict_ids + (conflict_id,))
        return _result(m, "conflict", change, conflict_ids=[conflict_id], conflicting=touched)
    base_version = m.base_version if m.base_version is not None else row.creation_version()
    merge = three_way(row.data, row.field_versions, base_version, m.base, changes)
    after = {**row.data, **merge.applied}
    after = validate_record(entity, after, dictionary=writer.dictionary, changed=list(merge.applied))
    _document_rules(writer, entity, row.data, after)
    transitions.check_transition(entity, row.data, after)
    redirected, orphans = writer.check_refs(entity, after, list(merge.applied))
    book, _ = writer.place(entity, after)
    writer.scope.require_write(entity, book)
    if entity == "user" and "username" in merge.applied:
        raise ValidationError({"username": "is changed on the server"})
    conflict_ids = list(row.conflict_ids)
    opened = []
    if merge.conflicts:
        opened.append(writer.open_conflict(row.id, entity, "field", fields=merge.conflicts,
                                           mutation_id=m.mutation_id))
    for name, parent in orphans.items():
        opened.append(writer.open_conflict(
            row.id, entity, "orphan", mutation_id=m.mutation_id,
            fields={name: {"base": m.base.get(name), "server": row.data.get(name), "client": after[name]}},
            details={"field": name, "parent_entity": parent.entity, "parent_id": parent.id}))
    version = row.version
    if merge.applied or opened:
        version = writer.save(row, after, list(merge.applied), mutation_id=m.mutation_id,
                              conflict_ids=tuple(conflict_ids + opened))
    if opened:
        status = "conflict"
    elif merge.merged:
        status = "merged"
    else:
        status = "applied"
    return _result(m, status, version, conflict_ids=opened, merged=merge.merged,
                   conflicting=list(merge.conflicts) + list(orphans), redirected=redirected)


def _delete(writer: Writer, m, spec) -> dict:
    entity = m.entity
    row = _existing(writer, m)
    permissions.check_write(entity, writer.viewer.role, [], op="delete")
    if row.deleted:
        return _result(m, "applied", row.version)
    if entity == "user":
        raise PermissionDenied("accounts are disabled on the server (main.py server disable-user)")
    transitions.check_delete(entity, row.data)
    base_version = m.base_version if m.base_version is not None else row.creation_version()
    edited = sorted(f for f, v in row.field_versions.items() if v is not None and v > (base_version or 0))
    if edited:
        conflict_id = writer.open_conflict(
            row.id, entity, "delete_edit", mutation_id=m.mutation_id,
            fields={f: {"base": m.base.get(f), "server": row.data.get(f), "client": None} for f in edited},
            details={"client_op": "delete", "base_version": base_version})
        change = writer.touch(row, conflict_ids=row.conflict_ids + (conflict_id,))
        return _result(m, "conflict", change, conflict_ids=[conflict_id], conflicting=edited)
    change = writer.tombstone(row, mutation_id=m.mutation_id)
    return _result(m, "applied", change)
