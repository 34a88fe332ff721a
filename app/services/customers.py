"""Customers and contacts."""
from __future__ import annotations

from sqlalchemy import or_, select

from app.errors import DuplicateFound, ValidationError
from app.rules.matching import Match, find_matches, natural_keys

CHILDREN = (("contact", "customer_id"), ("deal", "customer_id"), ("quote", "customer_id"),
            ("order", "customer_id"), ("invoice", "customer_id"), ("payment", "customer_id"),
            ("activity", "customer_id"), ("customer", "parent_id"))


def matching_customers(uow, candidate: dict, *, limit: int = 10) -> list[Match]:
    """Live customers that look like `candidate` (credit code, phone, e-mail, name)."""
    c = uow.c("customer")
    keys = natural_keys(candidate)
    exact = [getattr(c, k) == keys[k] for k in ("credit_code", "phone", "email") if keys[k]]
    wanted = [c.id, c.name, c.credit_code, c.phone, c.email]
    live = c.deleted_at.is_(None)
    # Keys are indexed: fetch their matches whole. Names need every name (fuzzy).
    pool = {}
    if exact:
        for r in uow.session.execute(select(*wanted).where(live, or_(*exact))).mappings():
            pool[r["id"]] = dict(r)
    if keys["name"]:
        for r in uow.session.execute(select(c.id, c.name).where(live)).mappings():
            pool.setdefault(r["id"], dict(r))
    return find_matches(candidate, pool.values(), limit=limit)


def create_customer(uow, values: dict, *, allow_duplicate: bool = False) -> dict:
    """Create a customer; raises DuplicateFound (with the matches) if it looks like an
    existing one, unless `allow_duplicate`."""
    if not allow_duplicate:
        matches = matching_customers(uow, values)
        if matches:
            names = ", ".join(m.name or m.id for m in matches[:3])
            raise DuplicateFound(f"this looks like an existing customer: {names}",
                                 [m.as_dict() for m in matches])
    return uow.create("customer", values)


def update_customer(uow, customer_id: str, changes: dict) -> dict:
    if changes.get("parent_id"):
        _check_no_cycle(uow, customer_id, changes["parent_id"])
    return uow.update("customer", customer_id, changes)


def set_credit_limit(uow, customer_id: str, credit_limit_minor: int | None) -> dict:
    """Finance or admin only (the field's role rule refuses anyone else)."""
    return uow.update("customer", customer_id, {"credit_limit_minor": credit_limit_minor})


def reassign_customer(uow, customer_id: str, owner_id: str) -> dict:
    return uow.update("customer", customer_id, {"owner_id": owner_id})


def delete_customer(uow, customer_id: str) -> dict:
    """Delete a customer that nothing hangs off any more."""
    uow.require("customer", customer_id)
    counts = {}
    for entity, field in CHILDREN:
        n = len(uow.select(entity, getattr(uow.c(entity), field) == customer_id))
        if n:
            counts[entity] = n
    if counts:
        listed = ", ".join(f"{n} {entity}(s)" for entity, n in counts.items())
        raise ValidationError({"id": f"the customer still has {listed}; delete or move them first"})
    return uow.delete("customer", customer_id)


def _check_no_cycle(uow, customer_id: str, parent_id: str) -> None:
    seen = {customer_id}
    current = parent_id
    while current:
        if current in seen:
            raise ValidationError({"parent_id": "would make the customer its own ancestor"})
        seen.add(current)
        row = uow.get("customer", current)
        current = row["parent_id"] if row else None


def create_contact(uow, values: dict) -> dict:
    contact = uow.create("contact", values)
    if contact.get("is_primary"):
        _demote_other_primaries(uow, contact)
    return contact


def update_contact(uow, contact_id: str, changes: dict) -> dict:
    contact = uow.update("contact", contact_id, changes)
    if changes.get("is_primary"):
        _demote_other_primaries(uow, contact)
    return contact


def _demote_other_primaries(uow, contact: dict) -> None:
    c = uow.c("contact")
    for other in uow.select("contact", c.customer_id == contact["customer_id"], c.is_primary.is_(True),
                            c.id != contact["id"]):
        uow.update("contact", other["id"], {"is_primary": False})
