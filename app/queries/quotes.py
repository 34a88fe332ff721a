"""Quotes: the list, what the quote editor shows, and the deals a new quote can be for."""
from __future__ import annotations

from sqlalchemy import text

from app.queries.listing import Column, ListSpec, SavedFilter, sync_column
from app.services import quotes
from app.services.products import list_products

LIST = ListSpec(
    entity="quote",
    from_sql="quotes q LEFT JOIN deals d ON d.id = q.deal_id LEFT JOIN customers c ON c.id = q.customer_id "
             "LEFT JOIN users u ON u.id = q.owner_id",
    id_sql="q.id",
    where="q.deleted_at IS NULL",
    default_sort="updated",
    descending=True,
    columns=(
        Column("customer", "Customer", "c.name"),
        Column("deal", "Deal", "d.name"),
        Column("revision", "Revision", "q.revision"),
        Column("status", "Status", "q.status", kind="status"),
        Column("total", "Total", "q.total_minor", kind="money", currency_sql="q.currency"),
        Column("valid_until", "Valid until", "q.valid_until", kind="date"),
        Column("sent_on", "Sent", "q.sent_on", kind="date", visible=False),
        Column("owner", "Owner", "coalesce(u.display_name, u.username)"),
        Column("updated", "Updated", "q.updated_at", kind="datetime", visible=False),
        sync_column("quote", "q.id"),
    ),
    search_sql=("c.name", "d.name"),
    filters=(
        SavedFilter("current", "Current revisions", "q.status != 'superseded'"),
        SavedFilter("mine", "My quotes", "q.owner_id = :me AND q.status != 'superseded'"),
        SavedFilter("drafts", "Drafts", "q.status = 'draft'"),
        SavedFilter("pending_approval", "Waiting for approval", "q.status = 'pending_approval'"),
        SavedFilter("sent", "Sent, awaiting the customer", "q.status = 'sent'"),
        SavedFilter("accepted", "Accepted", "q.status = 'accepted'"),
    ),
    extra={"conditions": {"customer_id": "q.customer_id", "deal_id": "q.deal_id"}},
)


def editor_data(uow, quote_id: str) -> dict:
    """What the quote editor shows about a stored quote: the quote, its lines, deal and
    customer names, every revision of the deal's quote, the approvals asked about this
    one (who decided, and why a void one was voided), the reasons it needs approval now,
    its order if one was made, the deal's change requests and the products a line may
    name (active ones, plus any inactive one a line still names)."""
    quote = uow.require("quote", quote_id)
    lines = quotes.quote_lines(uow, quote_id)
    names = _user_names(uow)
    a = uow.c("approval")
    approvals = [{**r, "requested_by_name": names.get(r["requested_by"]), "decided_by_name": names.get(r["decided_by"])}
                 for r in uow.select("approval", a.subject_entity == "quote", a.subject_id == quote_id,
                                     order_by=[a.requested_at, a.created_at])]
    q = uow.c("quote")
    revisions = [{k: r[k] for k in ("id", "revision", "status", "total_minor", "currency")}
                 for r in uow.select("quote", q.deal_id == quote["deal_id"], order_by=[q.revision, q.created_at])]
    o = uow.c("order")
    orders = uow.select("order", o.quote_id == quote_id, o.status != "cancelled")
    cr = uow.c("change_request")
    changes = uow.select("change_request", cr.subject_entity == "deal", cr.subject_id == quote["deal_id"],
                         order_by=[cr.requested_at])
    return {
        "quote": quote, "lines": lines, "deal": uow.get("deal", quote["deal_id"]),
        "customer": uow.get("customer", quote["customer_id"]), "revisions": revisions, "approvals": approvals,
        "reasons": quotes.approval_reasons(uow, quote_id), "order": orders[0] if orders else None,
        "change_requests": changes, "products": line_products(uow, [l["product_id"] for l in lines]),
    }


def new_quote_data(uow, deal_id: str) -> dict:
    """What the editor shows for a quote not yet saved on `deal_id`."""
    deal = uow.require("deal", deal_id)
    q = uow.c("quote")
    revisions = [{k: r[k] for k in ("id", "revision", "status", "total_minor", "currency")}
                 for r in uow.select("quote", q.deal_id == deal_id, order_by=[q.revision, q.created_at])]
    return {"quote": {"deal_id": deal_id, "customer_id": deal["customer_id"], "currency": deal["currency"],
                      "status": "draft", "revision": 1, "valid_until": None, "notes": None},
            "lines": [], "deal": deal, "customer": uow.get("customer", deal["customer_id"]),
            "revisions": revisions, "approvals": [], "reasons": [], "order": None, "change_requests": [],
            "products": line_products(uow, [])}


def line_products(uow, used_ids) -> list[dict]:
    """Products a quote line may pick: the active price list, plus inactive products
    already named by `used_ids` (so an old line still shows its product)."""
    active = list_products(uow)
    known = {p["id"] for p in active}
    extra = [uow.get("product", pid) for pid in set(filter(None, used_ids)) - known]
    return active + [p for p in extra if p]


def deal_choices(session, like: str = "", limit: int = 50, customer_id: str | None = None) -> list[dict]:
    """Deals a new quote can be for (not lost), matching `like` in the deal or customer
    name, of one customer when given: {id, name, customer_id, customer_name, stage,
    currency}, most recently changed first."""
    sql = ("SELECT d.id, d.name, d.customer_id, c.name AS customer_name, d.stage, d.currency FROM deals d "
           "LEFT JOIN customers c ON c.id = d.customer_id WHERE d.deleted_at IS NULL AND d.stage != 'lost' "
           "AND (d.name LIKE :like OR c.name LIKE :like)")
    params = {"like": f"%{like.strip()}%", "limit": limit}
    if customer_id:
        sql += " AND d.customer_id = :customer_id"
        params["customer_id"] = customer_id
    rows = session.execute(text(sql + " ORDER BY d.updated_at DESC, d.id LIMIT :limit"), params).mappings()
    return [dict(r) for r in rows]


def _user_names(uow) -> dict[str, str]:
    return {u["id"]: u["display_name"] or u["username"] for u in uow.select("user")}
