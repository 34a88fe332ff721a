"""Receivables: what customers owe, how late it is, and who to call about it.

An open item is an issued invoice (kind invoice, issued or partially paid) with money
still to collect: total less payments less its *issued* credit notes (a draft credit
note is not yet a legal correction). Its age is counted in days past its due date (the
issue date when it has none) as of a given day, and falls in one bucket: not yet due,
1-30, 31-60, 61-90 or over 90 days past due. Amounts are never added across currencies.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from app import clock
from app.rules import money

BUCKETS = ("current", "1_30", "31_60", "61_90", "over_90")
BUCKET_LABELS = {"current": "Not yet due", "1_30": "1-30 days", "31_60": "31-60 days",
                 "61_90": "61-90 days", "over_90": "Over 90 days"}

_OPEN_SQL = """
SELECT i.id, i.customer_id, c.name AS customer_name, c.owner_id, i.order_id, i.number, i.series,
       i.status, i.issued_on, i.due_on, i.total_minor, i.paid_minor, i.currency,
       coalesce((SELECT -sum(n.total_minor) FROM invoices n WHERE n.credited_invoice_id = i.id
                 AND n.kind = 'credit_note' AND n.deleted_at IS NULL
                 AND n.status IN ('issued', 'partially_paid', 'paid')), 0) AS credited_minor
FROM invoices i LEFT JOIN customers c ON c.id = i.customer_id
WHERE i.deleted_at IS NULL AND i.kind = 'invoice' AND i.status IN ('issued', 'partially_paid')
"""


def bucket_of(days_past_due: int) -> str:
    """The aging bucket of an item `days_past_due` days late (0 or less: not yet due)."""
    if days_past_due <= 0:
        return "current"
    if days_past_due <= 30:
        return "1_30"
    if days_past_due <= 60:
        return "31_60"
    if days_past_due <= 90:
        return "61_90"
    return "over_90"


def open_items(session, as_of: str | dt.date | None = None, *, customer_id: str | None = None,
               currency: str | None = None) -> list[dict]:
    """Open invoices as of `as_of` (default today), oldest due first: the invoice fields
    plus customer_name, owner_id, credited_minor, open_minor, days_past_due, bucket and
    overdue."""
    day = _day(as_of)
    sql, params = _OPEN_SQL, {}
    if customer_id:
        sql += " AND i.customer_id = :customer_id"
        params["customer_id"] = customer_id
    if currency:
        sql += " AND i.currency = :currency"
        params["currency"] = currency
    sql += " ORDER BY coalesce(i.due_on, i.issued_on), i.issued_on, i.id"
    items = []
    for row in session.execute(text(sql), params).mappings():
        item = dict(row)
        item["open_minor"] = item["total_minor"] - item["paid_minor"] - item["credited_minor"]
        if item["open_minor"] <= 0:
            continue
        due = item["due_on"] or item["issued_on"]
        days = (day - clock.parse_date(due)).days if due else 0
        item.update(days_past_due=days, bucket=bucket_of(days), overdue=days > 0)
        items.append(item)
    return items


def aging(session, as_of: str | dt.date | None = None, *, customer_id: str | None = None) -> dict:
    """Aging as of `as_of`: {"as_of", "buckets" (keys in order), "totals": {currency:
    {bucket: minor, "total", "overdue"}}, "customers": [{customer_id, customer_name,
    owner_id, currency, <bucket>: minor, total, overdue, oldest_days_past_due,
    unallocated_minor}]} with the customers owing the most overdue first."""
    day = _day(as_of)
    totals: dict[str, dict] = {}
    rows: dict[tuple[str, str], dict] = {}
    for item in open_items(session, day, customer_id=customer_id):
        cur = item["currency"]
        t = totals.setdefault(cur, _empty())
        key = (item["customer_id"], cur)
        r = rows.setdefault(key, {"customer_id": item["customer_id"], "customer_name": item["customer_name"],
                                  "owner_id": item["owner_id"], "currency": cur, **_empty(),
                                  "oldest_days_past_due": 0, "unallocated_minor": 0})
        for bucket_row in (t, r):
            bucket_row[item["bucket"]] += item["open_minor"]
            bucket_row["total"] += item["open_minor"]
            if item["overdue"]:
                bucket_row["overdue"] += item["open_minor"]
        r["oldest_days_past_due"] = max(r["oldest_days_past_due"], item["days_past_due"])
    for (cid, cur), minor in unallocated(session, customer_id=customer_id).items():
        if (cid, cur) in rows:
            rows[(cid, cur)]["unallocated_minor"] = minor
    customers = sorted(rows.values(), key=lambda r: (-r["overdue"], -r["total"], r["customer_name"] or ""))
    return {"as_of": day.isoformat(), "buckets": list(BUCKETS), "totals": totals, "customers": customers}


def customer_receivables(session, customer_id: str, as_of: str | dt.date | None = None) -> dict:
    """One customer's receivables: {"customer_id", "as_of", "aging": {currency: {bucket:
    minor, "total", "overdue"}}, "open_invoices", "overdue_invoices", "unallocated":
    {currency: minor}, "payments_with_remainder": [payment + unallocated_minor]}."""
    day = _day(as_of)
    items = open_items(session, day, customer_id=customer_id)
    by_currency: dict[str, dict] = {}
    for item in items:
        t = by_currency.setdefault(item["currency"], _empty())
        t[item["bucket"]] += item["open_minor"]
        t["total"] += item["open_minor"]
        if item["overdue"]:
            t["overdue"] += item["open_minor"]
    payments = [dict(r) for r in session.execute(text(
        "SELECT id, received_on, amount_minor, allocated_minor, currency, method, reference, "
        "amount_minor - allocated_minor AS unallocated_minor FROM payments WHERE deleted_at IS NULL "
        "AND customer_id = :id AND amount_minor > allocated_minor ORDER BY received_on, id"),
        {"id": customer_id}).mappings()]
    remainder: dict[str, int] = {}
    for p in payments:
        remainder[p["currency"]] = remainder.get(p["currency"], 0) + p["unallocated_minor"]
    return {"customer_id": customer_id, "as_of": day.isoformat(), "aging": by_currency, "open_invoices": items,
            "overdue_invoices": [i for i in items if i["overdue"]], "unallocated": remainder,
            "payments_with_remainder": payments}


def overdue_invoices(session, as_of: str | dt.date | None = None, *, customer_id: str | None = None) -> list[dict]:
    """Open invoices past their due date as of `as_of`, the latest first."""
    items = [i for i in open_items(session, as_of, customer_id=customer_id) if i["overdue"]]
    return sorted(items, key=lambda i: (-i["days_past_due"], i["id"]))


def unallocated(session, *, customer_id: str | None = None) -> dict[tuple[str, str], int]:
    """Money received but not yet allocated, per (customer_id, currency)."""
    sql = ("SELECT customer_id, currency, sum(amount_minor - allocated_minor) FROM payments "
           "WHERE deleted_at IS NULL AND amount_minor > allocated_minor")
    params = {}
    if customer_id:
        sql += " AND customer_id = :id"
        params["id"] = customer_id
    return {(cid, cur): n for cid, cur, n in session.execute(text(sql + " GROUP BY customer_id, currency"), params)}


def suggested_allocation(session, payment_id: str) -> dict:
    """How a payment's unallocated amount would be spread over its customer's open
    invoices in its currency, the oldest due first (money.allocate_oldest_first): the
    proposal a person edits before allocating. Each open amount here also deducts draft
    credit notes, as the allocation service does. Returns {"payment_id",
    "unallocated_minor", "lines": [{invoice_id, number, due_on, open_minor, amount_minor}],
    "remainder_minor"}; unknown payments give no lines."""
    payment = session.execute(text(
        "SELECT id, customer_id, currency, amount_minor - allocated_minor AS room FROM payments "
        "WHERE id = :id AND deleted_at IS NULL"), {"id": payment_id}).mappings().first()
    if payment is None:
        return {"payment_id": payment_id, "unallocated_minor": 0, "lines": [], "remainder_minor": 0}
    invoices = [dict(r) for r in session.execute(text(
        "SELECT i.id, i.number, i.due_on, i.issued_on, i.total_minor - i.paid_minor - "
        "coalesce((SELECT -sum(n.total_minor) FROM invoices n WHERE n.credited_invoice_id = i.id "
        "AND n.kind = 'credit_note' AND n.deleted_at IS NULL AND n.status != 'void'), 0) AS open_minor "
        "FROM invoices i WHERE i.deleted_at IS NULL AND i.kind = 'invoice' "
        "AND i.status IN ('issued', 'partially_paid') AND i.customer_id = :cid AND i.currency = :cur"),
        {"cid": payment["customer_id"], "cur": payment["currency"]}).mappings()]
    invoices = [i for i in invoices if i["open_minor"] > 0]
    by_id = {i["id"]: i for i in invoices}
    pairs = money.allocate_oldest_first(payment["room"], invoices)
    lines = [{"invoice_id": iid, "number": by_id[iid]["number"], "due_on": by_id[iid]["due_on"],
              "open_minor": by_id[iid]["open_minor"], "amount_minor": amount} for iid, amount in pairs]
    return {"payment_id": payment_id, "unallocated_minor": payment["room"], "lines": lines,
            "remainder_minor": payment["room"] - sum(l["amount_minor"] for l in lines)}


def _empty() -> dict:
    return {**{b: 0 for b in BUCKETS}, "total": 0, "overdue": 0}


def _day(value) -> dt.date:
    if value is None:
        return clock.today()
    if isinstance(value, dt.date):
        return value
    return clock.parse_date(value)
