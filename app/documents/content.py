"""What a document says, gathered from the local store as plain data: the header facts,
the customer, the lines and the totals of a quote, an invoice or a credit note. The PDF
layout (app/documents/pdf.py) only arranges this; it reads nothing itself."""
from __future__ import annotations

import phonenumbers
from sqlalchemy import select

from app import clock
from app.errors import NotFound
from app.models import ENTITIES
from app.rules.amount_words import amount_in_words
from app.rules.dictionary import Dictionary
from app.rules.states import ISSUED_STATES


def quote_content(session, quote_id: str, dictionary: Dictionary) -> dict:
    """The document of a quote: number (QT-<id prefix>-<revision>), date (sent, else
    created), validity, deal, customer, lines with product units, and totals."""
    quote = _require(session, "quote", quote_id)
    deal = _get(session, "deal", quote["deal_id"])
    lines = _rows(session, "quote_line", "quote_id", quote_id)
    products = {p["id"]: p for p in _rows_in(session, "product", [l["product_id"] for l in lines if l["product_id"]])}
    terms_days = dictionary.number("payment_terms_days", "default", 30)
    return {
        "kind": "quote",
        "number": quote_number(quote),
        "date": quote["sent_on"] or (quote["created_at"] or "")[:10],
        "meta": [("revision", str(quote["revision"])), ("valid_until", quote["valid_until"]),
                 ("deal", deal["name"] if deal else None), ("currency", quote["currency"])],
        "customer": _customer(session, quote["customer_id"]),
        "currency": quote["currency"],
        "lines": [{**_line(l), "unit": (products.get(l["product_id"]) or {}).get("unit")} for l in lines],
        "show_discount": any(l["discount_bp"] for l in lines),
        "totals": [("subtotal", quote["subtotal_minor"]), ("discount", -quote["discount_minor"]),
                   ("net", quote["subtotal_minor"] - quote["discount_minor"]), ("tax", quote["tax_minor"]),
                   ("total", quote["total_minor"])],
        "amount_words": amount_in_words(quote["total_minor"]) if quote["currency"] == "CNY" else None,
        "terms": {"valid_until": quote["valid_until"], "payment_days": terms_days},
        "notes": quote["notes"],
        "watermark": {"superseded": "superseded", "rejected": "rejected"}.get(quote["status"]),
        "status": quote["status"],
    }


def invoice_content(session, invoice_id: str, dictionary: Dictionary) -> dict:
    """The document of an invoice or credit note: server number (or none yet: a draft
    watermark), issue and due dates, order number, the credited invoice's number for a
    credit note, lines, totals with what is paid and due, and the amount in words."""
    invoice = _require(session, "invoice", invoice_id)
    lines = _rows(session, "invoice_line", "invoice_id", invoice_id)
    order = _get(session, "order", invoice["order_id"]) if invoice["order_id"] else None
    credited = _get(session, "invoice", invoice["credited_invoice_id"]) if invoice["credited_invoice_id"] else None
    note = invoice["kind"] == "credit_note"
    net = sum(l["net_minor"] for l in lines)
    totals = [("net", net), ("tax", invoice["tax_minor"]), ("total", invoice["total_minor"])]
    if not note and invoice["status"] in ISSUED_STATES:
        credited_minor = -sum(n["total_minor"] for n in _credit_notes(session, invoice_id))
        if credited_minor:
            totals.append(("credited", -credited_minor))
        totals += [("paid", -invoice["paid_minor"]),
                   ("balance", invoice["total_minor"] - invoice["paid_minor"] - credited_minor)]
    watermark = None
    if invoice["status"] == "void":
        watermark = "void"
    elif invoice["status"] not in ISSUED_STATES:
        watermark = "draft"
    return {
        "kind": "credit_note" if note else "invoice",
        "number": invoice["number"],
        "date": invoice["issued_on"],
        "meta": [("due_on", None if note else invoice["due_on"]), ("order", order["number"] if order else None),
                 ("credits", credited["number"] if credited else None), ("currency", invoice["currency"])],
        "customer": _customer(session, invoice["customer_id"]),
        "currency": invoice["currency"],
        "lines": [{**_line(l), "unit": None} for l in lines],
        "show_discount": False,
        "totals": totals,
        "amount_words": amount_in_words(invoice["total_minor"]) if invoice["currency"] == "CNY" else None,
        "terms": {"due_on": None if note else invoice["due_on"], "payment_days": _days_between(
            invoice["issued_on"], invoice["due_on"])},
        "notes": invoice["notes"],
        "watermark": watermark,
        "status": invoice["status"],
    }


def quote_number(quote: dict) -> str:
    """A quote's reference for the customer: stable, short, naming the revision."""
    return f"QT-{quote['id'][:8].upper()}-{quote['revision']}"


def _line(l: dict) -> dict:
    return {"description": l["description"], "quantity_milli": l["quantity_milli"],
            "unit_price_minor": l["unit_price_minor"], "discount_bp": l.get("discount_bp") or 0,
            "tax_rate_bp": l["tax_rate_bp"], "net_minor": l["net_minor"], "tax_minor": l["tax_minor"],
            "total_minor": l["total_minor"]}


def _customer(session, customer_id: str) -> dict:
    customer = _get(session, "customer", customer_id) or {"name": "", "id": customer_id}
    t = ENTITIES["contact"].__table__
    contact = session.execute(select(t).where(t.c.customer_id == customer_id, t.c.deleted_at.is_(None))
                              .order_by(t.c.is_primary.desc(), t.c.name, t.c.id).limit(1)).mappings().first()
    return {"name": customer.get("name"), "address": customer.get("address"),
            "credit_code": customer.get("credit_code"), "phone": _phone(customer.get("phone")),
            "email": customer.get("email"),
            "contact_name": contact["name"] if contact else None,
            "contact_title": contact["title"] if contact else None,
            "contact_phone": _phone(contact["phone"]) if contact else None,
            "contact_email": contact["email"] if contact else None}


def _phone(e164: str | None) -> str | None:
    """+8651262881234 as +86 512 6288 1234: stored E.164, printed readable."""
    if not e164:
        return None
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _credit_notes(session, invoice_id: str) -> list[dict]:
    t = ENTITIES["invoice"].__table__
    return [dict(r) for r in session.execute(select(t).where(
        t.c.credited_invoice_id == invoice_id, t.c.kind == "credit_note", t.c.deleted_at.is_(None),
        t.c.status.in_(ISSUED_STATES))).mappings()]


def _days_between(start: str | None, end: str | None) -> int | None:
    if not start or not end:
        return None
    return (clock.parse_date(end) - clock.parse_date(start)).days


def _get(session, entity: str, record_id: str | None) -> dict | None:
    if not record_id:
        return None
    t = ENTITIES[entity].__table__
    row = session.execute(select(t).where(t.c.id == record_id, t.c.deleted_at.is_(None))).mappings().first()
    return dict(row) if row else None


def _require(session, entity: str, record_id: str) -> dict:
    row = _get(session, entity, record_id)
    if row is None:
        raise NotFound(f"no {entity} with id {record_id}", details={"entity": entity, "id": record_id})
    return row


def _rows(session, entity: str, field: str, value: str) -> list[dict]:
    t = ENTITIES[entity].__table__
    return [dict(r) for r in session.execute(select(t).where(t.c[field] == value, t.c.deleted_at.is_(None))
                                             .order_by(t.c.position, t.c.created_at, t.c.id)).mappings()]


def _rows_in(session, entity: str, ids: list[str]) -> list[dict]:
    if not ids:
        return []
    t = ENTITIES[entity].__table__
    return [dict(r) for r in session.execute(select(t).where(t.c.id.in_(sorted(set(ids))))).mappings()]

