"""Invoices and credit notes: the list and what the invoice screen shows."""
from __future__ import annotations

from sqlalchemy import func, select

from app.models import OutboxMutation
from app.queries.listing import Column, ListSpec, SavedFilter, sync_column
from app.services import collections, invoices

OUTBOX = OutboxMutation.__table__

LIST = ListSpec(
    entity="invoice",
    from_sql="invoices i LEFT JOIN customers c ON c.id = i.customer_id LEFT JOIN orders o ON o.id = i.order_id",
    id_sql="i.id",
    where="i.deleted_at IS NULL",
    default_sort="updated",
    descending=True,
    columns=(
        Column("number", "Number", "i.number"),
        Column("kind", "Kind", "i.kind", kind="status"),
        Column("customer", "Customer", "c.name"),
        Column("status", "Status", "i.status", kind="status"),
        Column("issued_on", "Issued", "i.issued_on", kind="date"),
        Column("due_on", "Due", "i.due_on", kind="date"),
        Column("total", "Total", "i.total_minor", kind="money", currency_sql="i.currency"),
        Column("paid", "Paid", "i.paid_minor", kind="money", currency_sql="i.currency"),
        Column("order", "Order", "o.number", visible=False),
        Column("updated", "Updated", "i.updated_at", kind="datetime", visible=False),
        sync_column("invoice", "i.id"),
    ),
    search_sql=("i.number", "c.name", "o.number"),
    filters=(
        SavedFilter("drafts", "Drafts", "i.status = 'draft'"),
        SavedFilter("pending_issue", "Waiting to be issued", "i.status = 'pending_issue'"),
        SavedFilter("open", "Open (money to collect)", "i.kind = 'invoice' AND i.status IN ('issued', 'partially_paid')"),
        SavedFilter("overdue", "Overdue", "i.kind = 'invoice' AND i.status IN ('issued', 'partially_paid') "
                                          "AND coalesce(i.due_on, i.issued_on) < :today"),
        SavedFilter("credit_notes", "Credit notes", "i.kind = 'credit_note'"),
        SavedFilter("my_customers", "My customers' invoices", "c.owner_id = :me"),
    ),
    extra={"conditions": {"customer_id": "i.customer_id", "order_id": "i.order_id"}},
)


def invoice_view(uow, invoice_id: str) -> dict:
    """The invoice (or credit note) with its lines, customer, order and milestone, the
    invoice a credit note credits or the credit notes of an invoice, the payments
    allocated to it, what is open on it, the reminders logged about it and `queued`:
    how many of its changes wait in the outbox (the server has not seen them yet)."""
    invoice = uow.require("invoice", invoice_id)
    c = uow.c("invoice")
    notes = uow.select("invoice", c.credited_invoice_id == invoice_id, c.kind == "credit_note",
                       order_by=[c.created_at])
    a = uow.c("payment_allocation")
    allocations = []
    for alloc in uow.select("payment_allocation", a.invoice_id == invoice_id, order_by=[a.created_at]):
        payment = uow.get("payment", alloc["payment_id"]) or {}
        allocations.append({**alloc, "received_on": payment.get("received_on"),
                            "reference": payment.get("reference"), "method": payment.get("method")})
    queued = uow.session.execute(select(func.count()).select_from(OUTBOX).where(
        OUTBOX.c.entity == "invoice", OUTBOX.c.record_id == invoice_id,
        OUTBOX.c.state.in_(("pending", "sent", "rejected")))).scalar()
    return {
        "invoice": invoice, "lines": invoices.invoice_lines(uow, invoice_id),
        "customer": uow.get("customer", invoice["customer_id"]),
        "order": uow.get("order", invoice["order_id"]) if invoice["order_id"] else None,
        "milestone": uow.get("billing_milestone", invoice["milestone_id"]) if invoice["milestone_id"] else None,
        "credited": uow.get("invoice", invoice["credited_invoice_id"]) if invoice["credited_invoice_id"] else None,
        "credit_notes": notes, "allocations": allocations, "open_minor": invoices.open_amount(uow, invoice),
        "reminders": collections.reminders_for(uow, invoice_id), "queued": queued,
    }
