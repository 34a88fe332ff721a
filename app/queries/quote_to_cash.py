"""Quote-to-cash time of a deal: how long from the first quote sent to the money in, leg
by leg, from the dated facts the chain records.

  quote sent      the earliest `sent_on` of any revision of the deal's quotes
  order           the order's `signed_on`, else the day it was created
  invoice issued  the earliest `issued_on` of the order's invoices
  cash            the day the order was paid in full: every milestone invoiced, every
                  invoice paid, and the latest `received_on` of the payments allocated
A leg whose end has not happened yet has no days; `complete` says all four are known.
"""
from __future__ import annotations

from sqlalchemy import text

from app import clock

LEGS = (("quote_to_order", "quote_sent_on", "order_on"),
        ("order_to_invoice", "order_on", "invoice_issued_on"),
        ("invoice_to_cash", "invoice_issued_on", "cash_on"))


def quote_to_cash(session, deal_id: str) -> dict:
    """{"deal_id", "order_id", "quote_sent_on", "order_on", "invoice_issued_on", "cash_on",
    "legs": [{"leg", "from", "to", "days"}], "total_days", "complete"}; dates are
    YYYY-MM-DD or None."""
    sent = session.execute(text(
        "SELECT min(sent_on) FROM quotes WHERE deal_id = :d AND deleted_at IS NULL AND sent_on IS NOT NULL"),
        {"d": deal_id}).scalar()
    order = session.execute(text(
        "SELECT id, signed_on, created_at, total_minor FROM orders WHERE deal_id = :d AND deleted_at IS NULL "
        "AND status != 'cancelled' ORDER BY created_at, id LIMIT 1"), {"d": deal_id}).mappings().first()
    facts = {"deal_id": deal_id, "order_id": order["id"] if order else None, "quote_sent_on": sent,
             "order_on": None, "invoice_issued_on": None, "cash_on": None}
    if order:
        facts["order_on"] = order["signed_on"] or (order["created_at"] or "")[:10] or None
        facts["invoice_issued_on"] = session.execute(text(
            "SELECT min(issued_on) FROM invoices WHERE order_id = :o AND kind = 'invoice' AND deleted_at IS NULL "
            "AND status IN ('issued', 'partially_paid', 'paid')"), {"o": order["id"]}).scalar()
        facts["cash_on"] = _paid_in_full_on(session, order["id"])
    legs = [{"leg": name, "from": facts[a], "to": facts[b], "days": _days(facts[a], facts[b])}
            for name, a, b in LEGS]
    complete = all(facts[k] for k in ("quote_sent_on", "order_on", "invoice_issued_on", "cash_on"))
    return {**facts, "legs": legs, "total_days": _days(facts["quote_sent_on"], facts["cash_on"]),
            "complete": complete}


def _paid_in_full_on(session, order_id: str) -> str | None:
    uninvoiced = session.execute(text(
        "SELECT count(*) FROM billing_milestones m WHERE m.order_id = :o AND m.deleted_at IS NULL AND "
        "(m.invoice_id IS NULL OR NOT EXISTS (SELECT 1 FROM invoices i WHERE i.id = m.invoice_id "
        "AND i.status = 'paid'))"), {"o": order_id}).scalar()
    invoices = session.execute(text(
        "SELECT status FROM invoices WHERE order_id = :o AND kind = 'invoice' AND deleted_at IS NULL "
        "AND status != 'void'"), {"o": order_id}).scalars().all()
    if uninvoiced or not invoices or any(s != "paid" for s in invoices):
        return None
    return session.execute(text(
        "SELECT max(p.received_on) FROM payment_allocations a JOIN payments p ON p.id = a.payment_id "
        "JOIN invoices i ON i.id = a.invoice_id WHERE i.order_id = :o AND a.deleted_at IS NULL "
        "AND p.deleted_at IS NULL"), {"o": order_id}).scalar()


def _days(start: str | None, end: str | None) -> int | None:
    if not start or not end:
        return None
    return (clock.parse_date(end) - clock.parse_date(start)).days
