"""The collections list: overdue invoices with the person to call and the last reminder.

A reminder is an activity of kind `reminder` naming the invoice (app/services/
collections.py logs one in a call). An invoice is due for a reminder when none was
logged about it within the `collection` step's target time (dictionary
`handoff_target_hours`), counted from now.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, text

from app import clock
from app.queries.receivables import overdue_invoices


def collections(session, as_of: str | dt.date | None = None, *, now: str | None = None,
                target_hours: int | None = 168, owner_id: str | None = None) -> list[dict]:
    """Overdue invoices as of `as_of` (most days late first), each an open item of
    app/queries/receivables.py plus owner_name, contact_id, contact_name, contact_title,
    contact_phone (the customer's phone when the contact has none), contact_email,
    last_reminder_at, last_reminder_subject, last_reminder_by (about this invoice),
    reminders (how many), and reminder_due (no reminder within `target_hours` before
    `now`). `owner_id` limits the list to one rep's customers."""
    items = overdue_invoices(session, as_of)
    if owner_id:
        items = [i for i in items if i["owner_id"] == owner_id]
    if not items:
        return []
    customer_ids = sorted({i["customer_id"] for i in items})
    contacts = _primary_contacts(session, customer_ids)
    reminders = _reminders(session, [i["id"] for i in items])
    people = {i["owner_id"] for i in items} | {r["owner_id"] for rs in reminders.values() for r in rs}
    names = _names(session, sorted(p for p in people if p))
    phones = dict(session.execute(text("SELECT id, phone FROM customers WHERE id IN :ids")
                                  .bindparams(bindparam("ids", expanding=True)), {"ids": customer_ids}).all())
    moment = clock.parse_datetime(now) if now else clock.now()
    cutoff = clock.format_datetime(moment - dt.timedelta(hours=target_hours)) if target_hours is not None else None
    out = []
    for item in items:
        contact = contacts.get(item["customer_id"]) or {}
        done = reminders.get(item["id"], [])
        last = done[0] if done else None
        out.append({
            **item, "owner_name": names.get(item["owner_id"]),
            "contact_id": contact.get("id"), "contact_name": contact.get("name"),
            "contact_title": contact.get("title"),
            "contact_phone": contact.get("phone") or phones.get(item["customer_id"]),
            "contact_email": contact.get("email"),
            "last_reminder_at": last["at"] if last else None,
            "last_reminder_subject": last["subject"] if last else None,
            "last_reminder_by": names.get(last["owner_id"]) if last else None,
            "reminders": len(done),
            "reminder_due": cutoff is not None and (last is None or last["at"] < cutoff),
        })
    return out


def _primary_contacts(session, customer_ids: list[str]) -> dict[str, dict]:
    """customer id -> the contact to call: the primary one, else the first by name."""
    rows = session.execute(text(
        "SELECT id, customer_id, name, title, phone, email FROM contacts WHERE deleted_at IS NULL "
        "AND customer_id IN :ids ORDER BY customer_id, is_primary DESC, (phone IS NULL), name, id")
        .bindparams(bindparam("ids", expanding=True)), {"ids": customer_ids}).mappings()
    out: dict[str, dict] = {}
    for r in rows:
        out.setdefault(r["customer_id"], dict(r))
    return out


def _reminders(session, invoice_ids: list[str]) -> dict[str, list[dict]]:
    """invoice id -> its reminder activities, the latest first."""
    rows = session.execute(text(
        "SELECT invoice_id, coalesce(done_at, created_at) AS at, subject, owner_id FROM activities "
        "WHERE deleted_at IS NULL AND kind = 'reminder' AND invoice_id IN :ids ORDER BY at DESC, id")
        .bindparams(bindparam("ids", expanding=True)), {"ids": invoice_ids}).mappings()
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r["invoice_id"], []).append(dict(r))
    return out


def _names(session, user_ids: list[str]) -> dict[str, str]:
    if not user_ids:
        return {}
    return dict(session.execute(text(
        "SELECT id, coalesce(display_name, username) FROM users WHERE id IN :ids")
        .bindparams(bindparam("ids", expanding=True)), {"ids": user_ids}).all())
