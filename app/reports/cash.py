"""Cash metrics: quote-to-cash time and its legs, DSO, receivables aging.

Receivables are counted as of a date from the documents themselves: an invoice issued
on or before it, less the payments allocated to it that were received on or before it,
less its credit notes issued on or before it. The people filter applies through the
customer's owner; the product filter does not apply to documents.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from app import clock
from app.reports.facts import Facts

Q2C = ("Quote-to-cash time",
       "Average days per leg, each over the documents that completed it in the period: quote to order (from "
       "the deal's first quote to the order), order to invoice (to the order's first issued invoice), invoice "
       "to cash (from issue to the payment that settled it), and quote to cash for orders invoiced in full "
       "and paid.")
DSO = ("Days sales outstanding (DSO)",
       "Receivables at the end of the period / invoiced sales in the period x days in the period; without "
       "a period, the 90 days up to today. Credit notes reduce both.")
AR_AGING = ("Receivables aging",
            "Open invoice amounts as of the end of the period (or today), by days past their due date: not "
            "yet due, 1-30, 31-60, 61-90 and over 90 days.")
AR_BUCKETS = ((0, "not due"), (30, "1-30"), (60, "31-60"), (90, "61-90"), (None, "90+"))


def _owner(s) -> str:
    cond = s.owner("c.owner_id")
    return f" AND i.customer_id IN (SELECT c.id FROM customers c WHERE 1 = 1{cond})" if cond else ""


def open_invoices(facts: Facts, as_of: str) -> list[dict]:
    """Issued invoices of the report's currency with an amount open on `as_of`."""
    s = facts.scope
    sql = (
        "SELECT i.id, i.customer_id, i.number, i.due_on, i.issued_on, i.total_minor "
        "- coalesce((SELECT sum(a.amount_minor) FROM payment_allocations a JOIN payments p ON p.id = a.payment_id "
        "  WHERE a.invoice_id = i.id AND a.deleted_at IS NULL AND p.deleted_at IS NULL AND p.received_on <= :at), 0) "
        "+ coalesce((SELECT sum(n.total_minor) FROM invoices n WHERE n.credited_invoice_id = i.id "
        "  AND n.kind = 'credit_note' AND n.deleted_at IS NULL AND n.issued_on <= :at "
        "  AND n.status IN ('issued', 'partially_paid', 'paid')), 0) AS open_minor "
        "FROM invoices i WHERE i.deleted_at IS NULL AND i.kind = 'invoice' AND i.currency = :currency "
        f"AND i.status IN ('issued', 'partially_paid', 'paid') AND i.issued_on <= :at{_owner(s)}")
    rows = [dict(r) for r in facts.session.execute(text(sql), {**s.params, "at": as_of}).mappings()]
    return [r for r in rows if r["open_minor"] > 0]


def receivables_aging(facts: Facts) -> dict:
    s = facts.scope
    as_of = clock.parse_date(s.as_of)
    buckets = {label: {"bucket": label, "count": 0, "amount_minor": 0} for _, label in AR_BUCKETS}
    undated = {"count": 0, "amount_minor": 0}
    debtors: dict[str, int] = {}
    for inv in open_invoices(facts, s.as_of):
        debtors[inv["customer_id"]] = debtors.get(inv["customer_id"], 0) + inv["open_minor"]
        if not inv["due_on"]:
            undated["count"] += 1
            undated["amount_minor"] += inv["open_minor"]
            continue
        late = (as_of - clock.parse_date(inv["due_on"])).days
        label = next(lbl for limit, lbl in AR_BUCKETS if limit is None or late <= limit)
        buckets[label]["count"] += 1
        buckets[label]["amount_minor"] += inv["open_minor"]
    names = dict(facts.session.execute(text("SELECT id, name FROM customers WHERE id IN (SELECT value FROM "
                                            "json_each(:ids))"), {"ids": _json_ids(debtors)}).all()) if debtors else {}
    top = sorted(({"customer_id": k, "customer": names.get(k, k), "open_minor": v} for k, v in debtors.items()),
                 key=lambda d: (-d["open_minor"], d["customer"]))[:10]
    rows = list(buckets.values())
    for r in rows:
        # The people filter goes with the bar, so its list holds the invoices it counted.
        people = {k: getattr(s.filter, k) for k in ("rep", "team", "manager") if getattr(s.filter, k)}
        r["drill"] = {"entity": "invoice", "open_on": s.as_of, "overdue": r["bucket"], "currency": s.currency,
                      **people}
    total = sum(r["amount_minor"] for r in rows) + undated["amount_minor"]
    return {"key": "receivables_aging", "title": AR_AGING[0], "definition": AR_AGING[1], "currency": s.currency,
            "as_of": s.as_of, "total_minor": total, "no_due_date": undated, "top_debtors": top,
            "columns": ["bucket", "count", "amount_minor"], "rows": rows}


def dso(facts: Facts) -> dict:
    s = facts.scope
    end = s.date_to or s.as_of
    start = s.date_from or (clock.parse_date(end) - dt.timedelta(days=89)).isoformat()
    days = (clock.parse_date(end) - clock.parse_date(start)).days + 1
    receivables = sum(inv["open_minor"] for inv in open_invoices(facts, end))
    sales = facts.session.execute(text(
        "SELECT coalesce(sum(i.total_minor), 0) FROM invoices i WHERE i.deleted_at IS NULL "
        "AND i.status IN ('issued', 'partially_paid', 'paid') AND i.currency = :currency "
        f"AND i.issued_on >= :start AND i.issued_on <= :end{_owner(s)}"), {**s.params, "start": start, "end": end}
    ).scalar()
    value = round(receivables / sales * days, 1) if sales > 0 else None
    return {"key": "dso", "title": DSO[0], "definition": DSO[1], "currency": s.currency, "dso_days": value,
            "receivables_minor": receivables, "sales_minor": sales, "days": days,
            "period": {"from": start, "to": end},
            "columns": ["from", "to", "days", "sales_minor", "receivables_minor", "dso_days"],
            "rows": [{"from": start, "to": end, "days": days, "sales_minor": sales,
                      "receivables_minor": receivables, "dso_days": value}]}


def quote_to_cash(facts: Facts) -> dict:
    s = facts.scope
    params = s.params
    period = s.period
    owner = _owner(s).replace("i.customer_id", "o.customer_id")
    # The deal's first quote, or the order's own quote for an order without a deal.
    first_quote = ("(SELECT min(q.created_at) FROM quotes q WHERE q.deleted_at IS NULL AND "
                   "(q.deal_id = o.deal_id OR (o.deal_id IS NULL AND q.id = o.quote_id)))")
    order_day = "coalesce(o.signed_on, substr(o.created_at, 1, 10))"
    live_orders = f"o.deleted_at IS NULL AND o.status != 'cancelled' AND o.currency = :currency{owner}"
    first_invoice = ("(SELECT min(i.issued_on) FROM invoices i WHERE i.order_id = o.id AND i.deleted_at IS NULL "
                     "AND i.kind = 'invoice' AND i.status IN ('issued', 'partially_paid', 'paid'))")
    # The day an invoice was settled: the latest receipt among the payments allocated to it.
    paid_on = ("(SELECT max(p.received_on) FROM payment_allocations a JOIN payments p ON p.id = a.payment_id "
               "WHERE a.invoice_id = i.id AND a.deleted_at IS NULL AND p.deleted_at IS NULL)")
    legs = []
    q2o = facts.session.execute(text(
        f"SELECT count(*), avg(julianday({order_day}) - julianday(substr({first_quote}, 1, 10))) FROM orders o "
        f"WHERE {live_orders} AND {first_quote} IS NOT NULL{period(order_day)}"), params).one()
    legs.append(_leg("quote_to_order", *q2o))
    o2i = facts.session.execute(text(
        f"SELECT count(*), avg(julianday({first_invoice}) - julianday({order_day})) FROM orders o "
        f"WHERE {live_orders} AND {first_invoice} IS NOT NULL{period(first_invoice)}"), params).one()
    legs.append(_leg("order_to_invoice", *o2i))
    i2c = facts.session.execute(text(
        f"SELECT count(*), avg(julianday({paid_on}) - julianday(i.issued_on)) FROM invoices i "
        f"WHERE i.deleted_at IS NULL AND i.kind = 'invoice' AND i.status = 'paid' AND i.currency = :currency"
        f"{_owner(s)}{period(paid_on)}"), params).one()
    legs.append(_leg("invoice_to_cash", *i2c))
    # An order is cash once its issued invoices cover its total and are all paid.
    settled = ("(SELECT CASE WHEN sum(i.total_minor) >= o.total_minor AND min(i.status = 'paid') = 1 "
               f"THEN max({paid_on}) END FROM invoices i WHERE i.order_id = o.id AND i.deleted_at IS NULL "
               "AND i.kind = 'invoice' AND i.status IN ('issued', 'partially_paid', 'paid'))")
    q2c = facts.session.execute(text(
        f"SELECT count(*), avg(julianday(settled) - julianday(substr(quoted, 1, 10))) FROM ("
        f"SELECT {settled} AS settled, {first_quote} AS quoted FROM orders o WHERE {live_orders}) "
        f"WHERE settled IS NOT NULL AND quoted IS NOT NULL{period('settled')}"), params).one()
    legs.append(_leg("quote_to_cash", *q2c))
    return {"key": "quote_to_cash", "title": Q2C[0], "definition": Q2C[1], "currency": s.currency,
            "columns": ["leg", "count", "average_days"], "rows": legs}


def _leg(name: str, count: int, days) -> dict:
    return {"leg": name, "count": count, "average_days": round(days, 1) if days is not None else None}


def _json_ids(ids) -> str:
    import json

    return json.dumps(list(ids))
