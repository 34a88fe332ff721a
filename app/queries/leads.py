"""Leads: the list and what a conversion should know first."""
from __future__ import annotations

from app.queries.listing import Column, ListSpec, SavedFilter, sync_column

LIST = ListSpec(
    entity="lead",
    from_sql="leads l LEFT JOIN users u ON u.id = l.owner_id",
    id_sql="l.id",
    where="l.deleted_at IS NULL",
    default_sort="created",
    descending=True,
    columns=(
        Column("company", "Company", "l.company_name"),
        Column("contact", "Contact", "l.contact_name"),
        Column("phone", "Phone", "l.phone"),
        Column("email", "E-mail", "l.email"),
        Column("source", "Source", "l.source", kind="vocab:lead_source"),
        Column("status", "Status", "l.status", kind="status"),
        Column("owner", "Owner", "coalesce(u.display_name, u.username)"),
        Column("created", "Created", "l.created_at", kind="datetime"),
        sync_column("lead", "l.id"),
    ),
    search_sql=("l.company_name", "l.contact_name", "l.phone", "l.email"),
    filters=(
        SavedFilter("open", "Open leads", "l.status IN ('new', 'working', 'qualified')"),
        SavedFilter("mine_open", "My open leads", "l.owner_id = :me AND l.status IN ('new', 'working', 'qualified')"),
        SavedFilter("qualified", "Qualified, ready to convert", "l.status = 'qualified'"),
    ),
)


def lead(session, lead_id: str) -> dict | None:
    from sqlalchemy import text

    row = session.execute(text("SELECT * FROM leads WHERE id = :id AND deleted_at IS NULL"),
                          {"id": lead_id}).mappings().first()
    return dict(row) if row else None


def conversion_candidates(session, lead_id: str) -> dict:
    """The lead and the existing customers it may already be (credit code, phone, e-mail,
    near-identical name), best first: what a person sees before converting."""
    from sqlalchemy import text

    from app.rules.matching import find_matches, natural_keys

    record = lead(session, lead_id)
    if record is None:
        return {"lead": None, "matches": []}
    candidate = {"name": record.get("company_name") or record.get("contact_name"), "phone": record.get("phone"),
                 "email": record.get("email"), "credit_code": record.get("credit_code")}
    keys = natural_keys(candidate)
    pool = {}
    exact = [(k, keys[k]) for k in ("credit_code", "phone", "email") if keys[k]]
    for key, value in exact:
        for r in session.execute(text(f"SELECT id, name, credit_code, phone, email FROM customers "
                                      f"WHERE deleted_at IS NULL AND {key} = :v"), {"v": value}).mappings():
            pool[r["id"]] = dict(r)
    if keys["name"]:
        for r in session.execute(text("SELECT id, name FROM customers WHERE deleted_at IS NULL")).mappings():
            pool.setdefault(r["id"], dict(r))
    return {"lead": record, "matches": [m.as_dict() for m in find_matches(candidate, pool.values())]}
