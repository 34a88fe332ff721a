"""Generic record access for scripts (the `records` command): every write is routed to
the service that owns the entity's rules, falling back to the unit of work's plain
create/update/delete (which still validates, audits and queues)."""
from __future__ import annotations

from sqlalchemy import func, select

from app.errors import NotFound, ValidationError
from app.models import OutboxMutation, SyncFlag
from app.rules.schema import entity_names, entity_spec
from app.services import (
    activities, approvals, change_requests, customers, deals, invoices, leads, orders, payments, quotas, quotes,
)

CREATE = {
    "customer": customers.create_customer,
    "contact": customers.create_contact,
    "lead": leads.create_lead,
    "deal": deals.create_deal,
    "quote": quotes.create_quote,
    "quote_line": quotes.add_line,
    "approval": approvals.add_approval,
    "order": orders.create_order,
    "billing_milestone": orders.refuse_single_milestone,
    "invoice": invoices.create_invoice,
    "invoice_line": invoices.add_invoice_line,
    "payment": payments.record_payment,
    "payment_allocation": payments.add_allocation,
    "change_request": change_requests.open_change_request,
    "quota": quotas.set_quota,
}
UPDATE = {
    "customer": customers.update_customer,
    "contact": customers.update_contact,
    "lead": leads.update_lead,
    "deal": deals.update_deal,
    "activity": activities.update_activity,
    "quote": quotes.update_quote,
    "quote_line": quotes.update_line,
    "approval": approvals.update_approval,
    "order": orders.update_order,
    "billing_milestone": orders.update_milestone,
    "invoice": invoices.update_invoice,
    "invoice_line": invoices.update_invoice_line,
    "change_request": change_requests.update_change_request,
}
DELETE = {
    "customer": customers.delete_customer,
    "quote": quotes.delete_quote,
    "approval": approvals.delete_approval,
    "order": orders.delete_order,
    "quote_line": quotes.remove_line,
    "billing_milestone": orders.refuse_single_milestone,
    "invoice": invoices.delete_invoice,
    "invoice_line": invoices.remove_invoice_line,
    "payment": payments.delete_payment,
    "payment_allocation": payments.unallocate,
    "change_request": change_requests.delete_change_request,
}
CREATE_OPTIONS = {"customer": ("allow_duplicate",)}


def check_entity(entity: str) -> None:
    if entity not in entity_names():
        raise ValidationError({"entity": f"unknown entity {entity!r}; known: {', '.join(entity_names())}"})


def add(uow, entity: str, values: dict, **options) -> dict:
    check_entity(entity)
    allowed = {k: v for k, v in options.items() if k in CREATE_OPTIONS.get(entity, ()) and v}
    fn = CREATE.get(entity)
    if fn is None:
        return uow.create(entity, values)
    return fn(uow, values, **allowed)


def edit(uow, entity: str, record_id: str, changes: dict) -> dict:
    check_entity(entity)
    fn = UPDATE.get(entity)
    if fn is None:
        return uow.update(entity, record_id, changes)
    return fn(uow, record_id, changes)


def remove(uow, entity: str, record_id: str) -> dict:
    check_entity(entity)
    fn = DELETE.get(entity)
    return fn(uow, record_id) if fn else uow.delete(entity, record_id)


def list_records(uow, entity: str, filters: dict, *, limit: int | None = 200) -> list[dict]:
    check_entity(entity)
    spec = entity_spec(entity)
    unknown = {k: f"is not a field of {entity}" for k in filters if k not in spec.fields}
    if unknown:
        raise ValidationError(unknown)
    c = uow.c(entity)
    rows = uow.select(entity, *[c[k] == v for k, v in filters.items()], order_by=[c.created_at, c.id])
    return rows if limit is None else rows[:limit]


def sync_state(uow, entity: str, record_id: str) -> dict:
    """What the sync knows about a record: queued changes, version, conflict and rejection flags."""
    o = OutboxMutation.__table__
    f = SyncFlag.__table__
    queued = uow.session.execute(select(o.c.op, o.c.state, o.c.mutation_id, o.c.error).where(
        o.c.entity == entity, o.c.record_id == record_id).order_by(o.c.seq)).mappings().all()
    flags = uow.session.execute(select(f).where(f.c.entity == entity, f.c.record_id == record_id)).mappings().all()
    record = uow.get(entity, record_id, include_deleted=True)
    if record is None:
        raise NotFound(f"no {entity} with id {record_id}")
    rejected = [q for q in queued if q["state"] == "rejected"]
    return {
        "version": record["version"],
        "pending": any(q["state"] in ("pending", "sent") for q in queued),
        "queued": [{"op": q["op"], "state": q["state"], "mutation_id": q["mutation_id"]} for q in queued],
        "conflict": any(fl["kind"] == "conflict" for fl in flags),
        "conflict_ids": [fl["conflict_id"] for fl in flags if fl["kind"] == "conflict"],
        "rejected": bool(rejected),
        "rejections": [q["error"] for q in rejected],
        "flags": [{"kind": fl["kind"], "message": fl["message"], "details": fl["details"]} for fl in flags],
        "deleted": record["deleted_at"] is not None,
    }


def pending_count(session) -> int:
    o = OutboxMutation.__table__
    return session.scalar(select(func.count()).select_from(o).where(o.c.state.in_(("pending", "sent"))))
