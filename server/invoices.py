"""Issuing invoices: the legal number comes from the server, gapless and unique per
series and year.

The number is taken by incrementing the series row inside the issuing transaction: the
row stays locked until the commit, so concurrent issues queue, and an issue that fails
rolls its increment back and gives the number back.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite

from app import clock
from app.errors import InvalidTransition, NotFound
from app.rules import permissions, transitions
from app.rules.validation import validate_record
from server.scopes import Viewer
from server.tables import invoice_series
from server.writer import Writer

ISSUED = ("issued", "partially_paid", "paid")
ISSUABLE = ("draft", "pending_issue")


def format_number(series: str, year: int, n: int) -> str:
    return f"{series}-{year}-{n:06d}"


def next_number(conn, series: str, year: int) -> int:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(invoice_series).values(series=series, year=year, next_number=1)
                 .on_conflict_do_nothing(index_elements=["series", "year"]))
    taken = conn.execute(update(invoice_series)
                         .where(invoice_series.c.series == series, invoice_series.c.year == year)
                         .values(next_number=invoice_series.c.next_number + 1)
                         .returning(invoice_series.c.next_number)).scalar_one()
    return taken - 1


def issue(db, viewer: Viewer, invoice_id: str) -> dict:
    """Issue a draft (or pending) invoice: next number of its series, issued today, due
    after the dictionary's payment terms unless a due date is set. Finance and admin
    only. Issuing an issued invoice again answers the same number (a retry is safe)."""
    permissions.require_role(viewer.role, permissions.FINANCE_ROLES, "issue an invoice")
    return db.run_write(_issue, db, viewer, invoice_id)


def _issue(conn, db, viewer: Viewer, invoice_id: str) -> dict:
    writer = Writer(conn, viewer, origin="issue", lock=db.is_postgres)
    row = writer.get(invoice_id)
    if row is None or row.entity != "invoice" or row.deleted:
        raise NotFound(f"no invoice with id {invoice_id}")
    data = row.data
    if data.get("status") in ISSUED:
        return _answer(row.id, row.version, data, already=True)
    if data.get("status") not in ISSUABLE:
        raise InvalidTransition({"status": f"a {data.get('status')} invoice cannot be issued"})
    today = clock.today()
    series = data.get("series") or "INV"
    number = format_number(series, today.year, next_number(conn, series, today.year))
    after = {**data, "number": number, "status": "issued", "issued_on": today.isoformat()}
    if not after.get("due_on"):
        days = writer.dictionary.number("payment_terms_days", "default", 30) or 0
        after["due_on"] = (today + dt.timedelta(days=days)).isoformat()
    fields = [f for f in ("number", "status", "issued_on", "due_on") if after.get(f) != data.get(f)]
    after = validate_record("invoice", after, dictionary=writer.dictionary, changed=fields)
    transitions.check_transition("invoice", data, after)
    change = writer.save(row, after, fields)
    writer.changes.commit()
    return _answer(row.id, change.seq, after)


def _answer(invoice_id: str, version: int, data: dict, already: bool = False) -> dict:
    return {"id": invoice_id, "version": version, "number": data["number"], "status": data["status"],
            "issued_on": data["issued_on"], "due_on": data.get("due_on"), "already_issued": already}
