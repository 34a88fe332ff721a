"""Payments: the list and what allocating one shows (its open invoices, the oldest-first
proposal, what is already allocated and what stays unallocated)."""
from __future__ import annotations

from app.queries import receivables
from app.queries.listing import Column, ListSpec, SavedFilter, sync_column
from app.services import invoices, payments

LIST = ListSpec(
    entity="payment",
    from_sql="payments p LEFT JOIN customers c ON c.id = p.customer_id",
    id_sql="p.id",
    where="p.deleted_at IS NULL",
    default_sort="received_on",
    descending=True,
    columns=(
        Column("received_on", "Received", "p.received_on", kind="date"),
        Column("customer", "Customer", "c.name"),
        Column("amount", "Amount", "p.amount_minor", kind="money", currency_sql="p.currency"),
        Column("allocated", "Allocated", "p.allocated_minor", kind="money", currency_sql="p.currency"),
        Column("unallocated", "Unallocated", "p.amount_minor - p.allocated_minor", kind="money",
               currency_sql="p.currency"),
        Column("method", "Method", "p.method", kind="vocab:payment_method"),
        Column("reference", "Reference", "p.reference"),
        sync_column("payment", "p.id"),
    ),
    search_sql=("c.name", "p.reference"),
    filters=(
        SavedFilter("unallocated", "With money left to allocate", "p.amount_minor > p.allocated_minor"),
        SavedFilter("my_customers", "My customers' payments", "c.owner_id = :me"),
    ),
    extra={"conditions": {"customer_id": "p.customer_id"}},
)


def allocation_view(uow, payment_id: str) -> dict:
    """The payment, its customer, its allocations (each with the invoice's number), the
    customer's open invoices in the payment's currency (open amounts as the allocation
    service counts them) each with `suggested_minor`, the oldest-first proposal for what
    is unallocated (app/queries/receivables.py), and `unallocated_minor`."""
    payment = uow.require("payment", payment_id)
    allocations = []
    for alloc in payments.allocations_of(uow, payment_id):
        invoice = uow.get("invoice", alloc["invoice_id"]) or {}
        allocations.append({**alloc, "number": invoice.get("number"), "due_on": invoice.get("due_on")})
    suggestion = receivables.suggested_allocation(uow.session, payment_id)
    proposed = {line["invoice_id"]: line["amount_minor"] for line in suggestion["lines"]}
    open_rows = [{**inv, "suggested_minor": proposed.get(inv["id"], 0)}
                 for inv in invoices.open_invoices(uow, payment["customer_id"], payment["currency"])
                 if inv["open_minor"] > 0]
    return {"payment": payment, "customer": uow.get("customer", payment["customer_id"]),
            "allocations": allocations, "invoices": open_rows,
            "unallocated_minor": payments.unallocated_minor(payment)}
