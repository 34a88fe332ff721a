"""Customers and contacts as vCard 4.0 (RFC 6350), for address books and phones.

A customer is an organisation card (KIND:org); each of its contacts an individual card
naming it in ORG. UIDs are `urn:uuid:` + the record id, so exporting again updates the
same cards instead of adding new ones.
"""
from __future__ import annotations

from pathlib import Path

import vobject
from sqlalchemy import select

from app.models import Contact, Customer


def _card(kind: str, record_id: str, name: str, updated_at: str | None):
    card = vobject.vCard()
    card.add("version").value = "4.0"
    card.add("kind").value = kind
    card.add("fn").value = name
    card.add("uid").value = f"urn:uuid:{record_id}"
    if updated_at:
        card.add("rev").value = updated_at.replace("-", "").replace(":", "")
    return card


def _add(card, prop: str, content, **params) -> None:
    """Add a property with parameters given in lower case (`value_=` for VALUE)."""
    if content in (None, ""):
        return
    item = card.add(prop)
    item.value = content
    for key, values in params.items():
        item.params[key.rstrip("_").upper()] = values


def customer_card(customer: dict, industry_label: str | None = None):
    card = _card("org", customer["id"], customer["name"], customer.get("updated_at"))
    _add(card, "org", [customer["name"]])
    if customer.get("phone"):
        _add(card, "tel", f"tel:{customer['phone']}", value_=["uri"], type=["work", "voice"])
    _add(card, "email", customer.get("email"), type=["work"])
    if customer.get("address"):
        _add(card, "adr", vobject.vcard.Address(street=customer["address"]), type=["work"],
             label=[customer["address"].replace("\n", " ")])
    _add(card, "categories", [industry_label] if industry_label else None)
    _add(card, "note", customer.get("notes"))
    return card


def contact_card(contact: dict, customer: dict | None):
    card = _card("individual", contact["id"], contact["name"], contact.get("updated_at"))
    if customer:
        _add(card, "org", [customer["name"]])
        _add(card, "related", f"urn:uuid:{customer['id']}", type=["co-worker"])
    _add(card, "title", contact.get("title"))
    if contact.get("phone"):
        _add(card, "tel", f"tel:{contact['phone']}", value_=["uri"], type=["work", "voice"])
    _add(card, "email", contact.get("email"), type=["work"])
    _add(card, "note", contact.get("notes"))
    return card


def export_vcards(session, path: Path | str, *, customer_ids: list[str] | None = None,
                  contacts: bool = True, dictionary=None, contact_ids: list[str] | None = None) -> int:
    """Write the customers (all live ones, or `customer_ids`) and, with `contacts`,
    their contacts to one .vcf file; returns the number of cards. With `contact_ids`,
    only those contacts are written (a selection in the contacts list), each naming its
    customer."""
    c, p = Customer.__table__.c, Contact.__table__.c
    if contact_ids is not None:
        return _write(path, _contact_cards(session, contact_ids))
    stmt = select(Customer.__table__).where(c.deleted_at.is_(None))
    if customer_ids is None:
        customers = {r["id"]: dict(r) for r in session.execute(stmt.order_by(c.name, c.id)).mappings()}
    else:  # in chunks: a whole list's ids are more than SQLite takes as parameters
        found = [dict(r) for start in range(0, len(customer_ids), 500) for r in session.execute(
            stmt.where(c.id.in_(customer_ids[start:start + 500]))).mappings()]
        customers = {r["id"]: r for r in sorted(found, key=lambda r: (r["name"], r["id"]))}
    cards = []
    for customer in customers.values():
        label = dictionary.label("industry", customer["industry"], "en") if dictionary and customer["industry"] \
            else customer["industry"]
        cards.append(customer_card(customer, label))
    if contacts and customers:
        ids = list(customers)
        for start in range(0, len(ids), 500):
            for contact in session.execute(select(Contact.__table__).where(p.deleted_at.is_(None), p.customer_id.in_(
                    ids[start:start + 500])).order_by(p.name, p.id)).mappings():
                cards.append(contact_card(dict(contact), customers.get(contact["customer_id"])))
    return _write(path, cards)


def _contact_cards(session, contact_ids: list[str]) -> list:
    c, p = Customer.__table__.c, Contact.__table__.c
    cards = []
    for start in range(0, len(contact_ids), 500):
        rows = [dict(r) for r in session.execute(select(Contact.__table__).where(
            p.deleted_at.is_(None), p.id.in_(contact_ids[start:start + 500])).order_by(p.name, p.id)).mappings()]
        owners = {r["id"]: dict(r) for r in session.execute(select(Customer.__table__).where(
            c.id.in_({r["customer_id"] for r in rows}))).mappings()}
        cards += [contact_card(r, owners.get(r["customer_id"])) for r in rows]
    return cards


def _write(path: Path | str, cards: list) -> int:
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", encoding="utf-8", newline="") as out:
        for card in cards:
            out.write(card.serialize())
    tmp.replace(path)
    return len(cards)
