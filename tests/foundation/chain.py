"""Builders for the cash side of the chain (customer -> deal -> quote -> order -> invoice),
shared by the quote, order, invoice, payment and change-request tests."""
from __future__ import annotations

from sqlalchemy import func, select

from app.models import ENTITIES, AuditEvent, OutboxMutation
from app.services import deals, invoices, orders, quotes
from tests.conftest import as_role

OUTBOX = OutboxMutation.__table__
AUDIT = AuditEvent.__table__


def customer(store, **values) -> dict:
    return store.run(lambda uow: uow.create("customer", {"name": "华东精密制造有限公司", **values}))


def deal(store, customer_id: str, **values) -> dict:
    return store.run(deals.create_deal, {"customer_id": customer_id, "name": "产线升级", "stage": "proposal",
                                         "amount_minor": 1_000_000, "expected_close": "2026-12-31", **values})


def line(price: int, quantity_milli: int = 1000, discount_bp: int = 0, tax_rate_bp: int = 0, **more) -> dict:
    return {"description": more.pop("description", "Service"), "quantity_milli": quantity_milli,
            "unit_price_minor": price, "discount_bp": discount_bp, "tax_rate_bp": tax_rate_bp, **more}


def quote(store, deal_id: str, lines: list[dict]) -> dict:
    return store.run(quotes.create_quote, {"deal_id": deal_id}, lines=lines)


def accepted_quote(store, lines: list[dict] | None = None, *, customer_id: str | None = None,
                   **customer_values) -> dict:
    """A sent and accepted quote (within thresholds) on a new deal, for `customer_id` or a
    new customer."""
    customer_id = customer_id or customer(store, **customer_values)["id"]
    d = deal(store, customer_id)
    q = quote(store, d["id"], lines or [line(10_001)])
    store.run(quotes.send_quote, q["id"])
    return store.run(quotes.accept_quote, q["id"])


def confirmed_order(store, total: int = 10_001, milestones: list[dict] | None = None, *,
                    customer_id: str | None = None, **customer_values) -> dict:
    """An order for an accepted quote of `total` (no tax); confirmed unless credit holds it."""
    q = accepted_quote(store, [line(total)], customer_id=customer_id, **customer_values)
    return store.run(orders.create_order, {"quote_id": q["id"], "number": "SO-1"}, milestones=milestones)


def server_issues(store, invoice_id: str, number: str, issued_on: str = "2026-11-01") -> None:
    """What a pull brings when the server has issued an invoice: number, date, status.
    Written as the pull applier writes (straight to the table), not as a local edit."""
    t = ENTITIES["invoice"].__table__
    with store.write() as s:
        s.execute(t.update().where(t.c.id == invoice_id).values(
            status="issued", number=number, issued_on=issued_on, version=1))


def issued_invoice(store, customer_id: str, total: int, *, due_on: str, number: str, currency: str = "CNY",
                   tax_rate_bp: int = 0) -> dict:
    """A free-standing invoice for `total` (tax-inclusive when tax_rate_bp is 0), issued."""
    role = store.actor().role
    as_role(store, "finance")
    inv = store.run(invoices.create_invoice, {"customer_id": customer_id, "due_on": due_on, "currency": currency},
                    lines=[{"description": "Service", "unit_price_minor": total, "tax_rate_bp": tax_rate_bp}])
    store.run(invoices.request_issue, inv["id"])
    server_issues(store, inv["id"], number, issued_on=min(due_on, "2026-11-01"))
    as_role(store, role)
    return get(store, "invoice", inv["id"])


def get(store, entity: str, record_id: str) -> dict:
    with store.unit() as uow:
        return uow.get(entity, record_id, include_deleted=True)


def rows(store, entity: str, **filters) -> list[dict]:
    with store.unit() as uow:
        c = uow.c(entity)
        return uow.select(entity, *[c[k] == v for k, v in filters.items()], order_by=[c.created_at, c.id])


def counts(store) -> dict:
    """Row counts of every synced table plus the outbox and the audit trail: a refused
    call must leave them all as they were."""
    with store.read() as s:
        out = {name: s.scalar(select(func.count()).select_from(model.__table__))
               for name, model in ENTITIES.items()}
        out["outbox"] = s.scalar(select(func.count()).select_from(OUTBOX))
        out["audit"] = s.scalar(select(func.count()).select_from(AUDIT))
    return out


def outbox(store, entity: str, record_id: str | None = None) -> list[dict]:
    with store.read() as s:
        stmt = select(OUTBOX).where(OUTBOX.c.entity == entity)
        if record_id:
            stmt = stmt.where(OUTBOX.c.record_id == record_id)
        return [dict(r) for r in s.execute(stmt.order_by(OUTBOX.c.seq)).mappings()]


def audit(store, entity: str, record_id: str) -> list[dict]:
    with store.read() as s:
        return [dict(r) for r in s.execute(select(AUDIT).where(AUDIT.c.entity == entity, AUDIT.c.record_id == record_id)
                                           .order_by(AUDIT.c.id)).mappings()]
