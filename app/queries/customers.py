"""Customers: the list, and the 360 view (overview, contacts, deals, timeline, documents)."""
from __future__ import annotations

from sqlalchemy import text

from app.queries.listing import Column, ListSpec, SavedFilter, sync_column

LIST = ListSpec(
    entity="customer",
    from_sql="customers c LEFT JOIN users u ON u.id = c.owner_id",
    id_sql="c.id",
    where="c.deleted_at IS NULL",
    default_sort="name",
    columns=(
        Column("name", "Name", "c.name"),
        Column("phone", "Phone", "c.phone"),
        Column("email", "E-mail", "c.email"),
        Column("industry", "Industry", "c.industry", kind="vocab:industry"),
        Column("status", "Status", "c.status", kind="status"),
        Column("owner", "Owner", "coalesce(u.display_name, u.username)"),
        Column("credit_limit", "Credit limit", "c.credit_limit_minor", kind="money", currency_sql="c.currency",
               visible=False),
        Column("credit_code", "Credit code", "c.credit_code", visible=False),
        Column("address", "Address", "c.address", visible=False),
        Column("updated", "Updated", "c.updated_at", kind="datetime", visible=False),
        sync_column("customer", "c.id"),
    ),
    search_sql=("c.name", "c.phone", "c.email", "c.credit_code"),
    filters=(
        SavedFilter("mine", "My customers", "c.owner_id = :me"),
        SavedFilter("no_activity_90", "Customers with no activity in 90 days",
                    "NOT EXISTS (SELECT 1 FROM activities a WHERE a.customer_id = c.id AND a.deleted_at IS NULL "
                    "AND coalesce(a.done_at, a.created_at) >= :days_90_ago)"),
        SavedFilter("prospects", "Prospects", "c.status = 'prospect'"),
    ),
)


def overview(session, customer_id: str) -> dict | None:
    """The customer with its owner's name, open receivables and open pipeline; None if absent."""
    row = session.execute(text(
        "SELECT c.*, coalesce(u.display_name, u.username) AS owner_name, p.name AS parent_name "
        "FROM customers c LEFT JOIN users u ON u.id = c.owner_id LEFT JOIN customers p ON p.id = c.parent_id "
        "WHERE c.id = :id AND c.deleted_at IS NULL"), {"id": customer_id}).mappings().first()
    if row is None:
        return None
    out = dict(row)
    out["receivables"] = [dict(r) for r in session.execute(text(
        "SELECT currency, sum(total_minor - paid_minor) AS open_minor, count(*) AS invoices FROM invoices "
        "WHERE customer_id = :id AND deleted_at IS NULL AND status IN ('issued', 'partially_paid') "
        "GROUP BY currency ORDER BY currency"), {"id": customer_id}).mappings()]
    out["pipeline"] = [dict(r) for r in session.execute(text(
        "SELECT currency, count(*) AS deals, sum(coalesce(amount_minor, 0)) AS amount_minor FROM deals "
        "WHERE customer_id = :id AND deleted_at IS NULL AND stage NOT IN ('won', 'lost') "
        "GROUP BY currency ORDER BY currency"), {"id": customer_id}).mappings()]
    return out


def contacts(session, customer_id: str) -> list[dict]:
    return [dict(r) for r in session.execute(text(
        "SELECT id, name, title, phone, email, is_primary FROM contacts WHERE customer_id = :id "
        "AND deleted_at IS NULL ORDER BY is_primary DESC, name"), {"id": customer_id}).mappings()]


def deals(session, customer_id: str) -> list[dict]:
    return [dict(r) for r in session.execute(text(
        "SELECT id, name, stage, amount_minor, currency, expected_close, closed_on FROM deals "
        "WHERE customer_id = :id AND deleted_at IS NULL "
        "ORDER BY stage IN ('won', 'lost'), expected_close IS NULL, expected_close, name"),
        {"id": customer_id}).mappings()]


def timeline(session, customer_id: str, limit: int = 200) -> list[dict]:
    """Activities and tasks about the customer (or its deals), newest first."""
    return [dict(r) for r in session.execute(text(
        "SELECT a.id, a.kind, a.subject, a.due_at, a.done_at, a.created_at, a.deal_id, d.name AS deal_name, "
        "coalesce(a.done_at, a.due_at, a.created_at) AS at FROM activities a "
        "LEFT JOIN deals d ON d.id = a.deal_id WHERE a.customer_id = :id AND a.deleted_at IS NULL "
        "ORDER BY at DESC LIMIT :limit"), {"id": customer_id, "limit": limit}).mappings()]


DOCUMENT_SQL = {
    "quote": "SELECT id, 'quote' AS entity, 'Quote r' || revision AS title, status, total_minor AS amount_minor, "
             "currency, coalesce(sent_on, substr(created_at, 1, 10)) AS on_date FROM quotes",
    "order": "SELECT id, 'order' AS entity, coalesce(number, 'Order') AS title, status, total_minor AS amount_minor, "
             "currency, coalesce(signed_on, substr(created_at, 1, 10)) AS on_date FROM orders",
    "invoice": "SELECT id, 'invoice' AS entity, coalesce(number, 'Draft invoice') AS title, status, "
               "total_minor AS amount_minor, currency, coalesce(issued_on, substr(created_at, 1, 10)) AS on_date "
               "FROM invoices",
    "payment": "SELECT id, 'payment' AS entity, coalesce(reference, 'Payment') AS title, "
               "CASE WHEN allocated_minor >= amount_minor THEN 'allocated' ELSE 'unallocated' END AS status, "
               "amount_minor, currency, received_on AS on_date FROM payments",
}


def documents(session, customer_id: str) -> list[dict]:
    """Quotes, orders, invoices and payments of the customer, newest first."""
    union = " UNION ALL ".join(f"{sql} WHERE customer_id = :id AND deleted_at IS NULL" for sql in DOCUMENT_SQL.values())
    return [dict(r) for r in session.execute(text(f"SELECT * FROM ({union}) ORDER BY on_date DESC"),
                                             {"id": customer_id}).mappings()]


def parents(session, exclude: str | None = None, limit: int = 50, like: str = "") -> list[tuple[str, str]]:
    """(id, name) of customers for a picker, filtered by a name substring."""
    return [tuple(r) for r in session.execute(text(
        "SELECT id, name FROM customers WHERE deleted_at IS NULL AND id IS NOT :ex AND name LIKE :like "
        "ORDER BY name LIMIT :limit"), {"ex": exclude, "like": f"%{like}%", "limit": limit})]


def view(session, customer_id: str) -> dict | None:
    """Everything the customer 360 shows, in one read: overview, contacts, deals,
    timeline, documents, history and sync problems; None if the customer is gone."""
    from app.queries import history, sync_status

    info = overview(session, customer_id)
    if info is None:
        return None
    return {"overview": info, "contacts": contacts(session, customer_id), "deals": deals(session, customer_id),
            "timeline": timeline(session, customer_id), "documents": documents(session, customer_id),
            "history": history.record_history(session, "customer", customer_id),
            "problems": sync_status.problems(session, "customer", customer_id)}
