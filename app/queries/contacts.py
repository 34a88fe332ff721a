"""Contacts: the list across customers."""
from __future__ import annotations

from app.queries.listing import Column, ListSpec, SavedFilter, sync_column

LIST = ListSpec(
    entity="contact",
    from_sql="contacts p LEFT JOIN customers c ON c.id = p.customer_id",
    id_sql="p.id",
    where="p.deleted_at IS NULL",
    default_sort="name",
    columns=(
        Column("name", "Name", "p.name"),
        Column("customer", "Customer", "c.name"),
        Column("title", "Title", "p.title"),
        Column("phone", "Phone", "p.phone"),
        Column("email", "E-mail", "p.email"),
        Column("primary", "Primary", "p.is_primary", kind="bool"),
        sync_column("contact", "p.id"),
    ),
    search_sql=("p.name", "p.phone", "p.email", "c.name"),
    filters=(SavedFilter("my_customers", "Contacts of my customers", "c.owner_id = :me"),
             SavedFilter("primary", "Primary contacts", "p.is_primary = 1")),
    extra={"conditions": {"customer_id": "p.customer_id"}},
)


def contact(session, contact_id: str) -> dict | None:
    """The contact with its customer's name, or None."""
    from sqlalchemy import text

    row = session.execute(text(
        "SELECT p.*, c.name AS customer_name FROM contacts p LEFT JOIN customers c ON c.id = p.customer_id "
        "WHERE p.id = :id AND p.deleted_at IS NULL"), {"id": contact_id}).mappings().first()
    return dict(row) if row else None
