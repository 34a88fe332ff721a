"""What a user does with a change the server refused: fix it and send it again, send it
again as it is (after whatever blocked it was sorted out on the server), or discard it,
which puts the record back the way the server last had it.

A rejected mutation stays in the outbox (state `rejected`) with the server's reason
until one of these happens; the record keeps the user's values meanwhile.
"""
from __future__ import annotations

from sqlalchemy import delete, select, update

from app.errors import NotFound, ValidationError
from app.models import AuditEvent, OutboxMutation, SyncFlag
from app.rules.schema import entity_names, entity_spec
from app.services import records
from app.services.unit import new_id, table

OUTBOX = OutboxMutation.__table__
FLAGS = SyncFlag.__table__
AUDIT = AuditEvent.__table__


def _rejected(uow, mutation_id: str) -> dict:
    row = uow.session.execute(select(OUTBOX).where(OUTBOX.c.mutation_id == mutation_id)).mappings().first()
    if row is None:
        raise NotFound(f"no queued change with id {mutation_id}")
    if row["state"] != "rejected":
        raise ValidationError({"mutation_id": "only a change the server refused can be fixed or discarded here"})
    return dict(row)


def fixable_fields(mutation: dict) -> list[str]:
    """The fields of a rejected change the user may correct by editing (not the ones a
    state-machine action sets, nor the sync bookkeeping)."""
    if mutation["op"] == "delete":
        return []
    spec = entity_spec(mutation["entity"])
    return [name for name in (mutation["changes"] or {})
            if name in spec.fields and not spec.fields[name].system and not spec.fields[name].guarded
            and not spec.fields[name].server]


def resend(uow, mutation_id: str, fixes: dict | None = None) -> dict:
    """Send a rejected change again, first with `fixes` (field -> corrected value) applied
    through the entity's own service, so the shared rules check them. The fixed change
    goes out under a new mutation id (the old id's stored result is the refusal).
    Returns {"mutation_id": the queued id or None if nothing is left to send}."""
    m = _rejected(uow, mutation_id)
    fixes = dict(fixes or {})
    if fixes:
        allowed = fixable_fields(m)
        wrong = {k: "is not part of this change, or is set by its own action" for k in fixes if k not in allowed}
        if wrong:
            raise ValidationError(wrong)
        records.edit(uow, m["entity"], m["record_id"], fixes)
    row = uow.session.execute(select(OUTBOX).where(OUTBOX.c.seq == m["seq"])).mappings().first()
    if row is None:
        return {"mutation_id": None}
    if row["state"] == "rejected":
        # Nothing changed locally (or the fix equalled what was refused): send it as it is.
        fresh = new_id()
        uow.session.execute(update(OUTBOX).where(OUTBOX.c.seq == m["seq"]).values(
            mutation_id=fresh, state="pending", error=None, updated_at=uow.now))
        uow.session.execute(delete(FLAGS).where(FLAGS.c.mutation_id == mutation_id))
        uow.changed.append((m["entity"], m["record_id"], "update"))
        return {"mutation_id": fresh}
    return {"mutation_id": row["mutation_id"]}


def _referrers(uow, entity: str, record_id: str) -> list[tuple[str, str]]:
    """Live local records that point at `record_id`."""
    found = []
    for other in entity_names():
        for name, target in entity_spec(other).refs().items():
            if target != entity:
                continue
            c = uow.c(other)
            for (rid,) in uow.session.execute(select(c.id).where(c[name] == record_id, c.deleted_at.is_(None),
                                                                 c.id != record_id)).all():
                found.append((other, rid))
    return found


def discard(uow, mutation_id: str) -> dict:
    """Drop a rejected change and put the record back as the server last had it: an
    edit's fields get their synced values back (the change's base), a deleted record
    comes back, a record the server never accepted disappears (refused while anything
    still points at it). Returns {"entity", "record_id", "op"}."""
    m = _rejected(uow, mutation_id)
    entity, record_id, op = m["entity"], m["record_id"], m["op"]
    t = table(entity)
    record = uow.get(entity, record_id, include_deleted=True)
    audit = []
    if record is not None and op == "update":
        base = {k: v for k, v in (m["base"] or {}).items() if k in t.c}
        if base:
            uow.session.execute(update(t).where(t.c.id == record_id).values(**base, updated_at=uow.now))
        audit = [("revert", name, record.get(name), value) for name, value in base.items()]
    elif record is not None and op == "delete":
        uow.session.execute(update(t).where(t.c.id == record_id).values(deleted_at=None, updated_at=uow.now))
        audit = [("restore", None, None, None)]
    elif record is not None and op == "create":
        children = _referrers(uow, entity, record_id)
        if children:
            listed = ", ".join(f"{e} {rid[:8]}" for e, rid in children[:5])
            raise ValidationError({"record_id": f"other records still point at it ({listed}); "
                                                "discard or move them first"})
        uow.session.execute(delete(t).where(t.c.id == record_id))
        audit = [("discard", None, None, None)]
    for action, field, old, new in audit:
        uow.session.execute(AUDIT.insert(), dict(at=uow.now, actor_id=uow.actor.id, entity=entity,
                                                 record_id=record_id, action=action, field=field, old=old,
                                                 new=new, origin="local"))
    uow.session.execute(delete(OUTBOX).where(OUTBOX.c.seq == m["seq"]))
    uow.session.execute(delete(FLAGS).where(FLAGS.c.mutation_id == mutation_id))
    uow.changed.append((entity, record_id, "delete" if op == "create" else "update"))
    return {"entity": entity, "record_id": record_id, "op": op}
