"""Orders: the list, what the order screen shows, and what making an order from a quote
would mean for the customer's credit."""
from __future__ import annotations

from sqlalchemy import text

from app.queries.listing import Column, ListSpec, SavedFilter, sync_column
from app.services import approvals, change_requests, invoices, orders

LIST = ListSpec(
    entity="order",
    from_sql="orders o LEFT JOIN customers c ON c.id = o.customer_id LEFT JOIN deals d ON d.id = o.deal_id "
             "LEFT JOIN users u ON u.id = o.owner_id",
    id_sql="o.id",
    where="o.deleted_at IS NULL",
    default_sort="updated",
    descending=True,
    columns=(
        Column("number", "Number", "o.number"),
        Column("customer", "Customer", "c.name"),
        Column("deal", "Deal", "d.name"),
        Column("status", "Status", "o.status", kind="status"),
        Column("credit", "Credit", "o.credit_status", kind="status"),
        Column("total", "Total", "o.total_minor", kind="money", currency_sql="o.currency"),
        Column("signed_on", "Signed", "o.signed_on", kind="date"),
        Column("owner", "Owner", "coalesce(u.display_name, u.username)"),
        Column("updated", "Updated", "o.updated_at", kind="datetime", visible=False),
        sync_column("order", "o.id"),
    ),
    search_sql=("o.number", "c.name", "d.name"),
    filters=(
        SavedFilter("mine", "My orders", "o.owner_id = :me"),
        SavedFilter("pending_credit", "Waiting for credit release", "o.status = 'pending_credit'"),
        SavedFilter("confirmed", "Confirmed (being billed)", "o.status = 'confirmed'"),
        SavedFilter("closed", "Completed or cancelled", "o.status IN ('completed', 'cancelled')"),
    ),
    extra={"conditions": {"customer_id": "o.customer_id", "deal_id": "o.deal_id"}},
)


def order_view(uow, order_id: str) -> dict:
    """The order with its customer, deal, quote, billing plan (each milestone with its
    invoice's number and status), credit check as of now, invoices and credit notes,
    change requests with their impact, and the credit approval waiting, if any."""
    order = uow.require("order", order_id)
    inv = uow.c("invoice")
    docs = uow.select("invoice", inv.order_id == order_id, order_by=[inv.created_at, inv.id])
    by_id = {d["id"]: d for d in docs}
    plan = []
    for m in orders.billing_plan(uow, order_id):
        doc = by_id.get(m["invoice_id"]) or (uow.get("invoice", m["invoice_id"]) if m["invoice_id"] else None)
        plan.append({**m, "invoice_number": doc["number"] if doc else None,
                     "invoice_status": doc["status"] if doc else None})
    cr = uow.c("change_request")
    changes = [change_requests.with_impact(r) for r in uow.select(
        "change_request", cr.subject_entity == "order", cr.subject_id == order_id, order_by=[cr.requested_at])]
    waiting = [a for a in approvals.pending_for(uow, "order", order_id) if a["kind"] == "credit"]
    return {
        "order": order, "customer": uow.get("customer", order["customer_id"]),
        "deal": uow.get("deal", order["deal_id"]) if order["deal_id"] else None,
        "quote": uow.get("quote", order["quote_id"]) if order["quote_id"] else None,
        "plan": plan, "credit_check": orders.credit_check(uow, order["customer_id"], order["total_minor"],
                                                          order["currency"]),
        "invoices": [{**d, "open_minor": invoices.open_amount(uow, d)} for d in docs],
        "change_requests": changes, "credit_approval": waiting[0] if waiting else None,
    }


def order_draft(uow, quote_id: str) -> dict:
    """What making an order from the accepted quote `quote_id` would be: the quote, its
    customer and deal, and the credit check of its total as of now."""
    quote = uow.require("quote", quote_id)
    return {"quote": quote, "customer": uow.get("customer", quote["customer_id"]),
            "deal": uow.get("deal", quote["deal_id"]),
            "credit_check": orders.credit_check(uow, quote["customer_id"], quote["total_minor"], quote["currency"])}



def quotes_to_order(session, limit: int = 200) -> list[dict]:
    """Accepted quotes with no order yet (none, or only cancelled ones): {id, revision,
    total_minor, currency, customer_name, deal_name}, the latest accepted first."""
    rows = session.execute(text(
        "SELECT q.id, q.revision, q.total_minor, q.currency, c.name AS customer_name, d.name AS deal_name "
        "FROM quotes q LEFT JOIN customers c ON c.id = q.customer_id LEFT JOIN deals d ON d.id = q.deal_id "
        "WHERE q.deleted_at IS NULL AND q.status = 'accepted' AND NOT EXISTS (SELECT 1 FROM orders o "
        "WHERE o.quote_id = q.id AND o.deleted_at IS NULL AND o.status != 'cancelled') "
        "ORDER BY q.decided_on DESC, q.updated_at DESC LIMIT :limit"), {"limit": limit}).mappings()
    return [dict(r) for r in rows]
