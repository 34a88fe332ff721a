"""Collections: chasing what is overdue. Logging a reminder is one call, and it becomes an
activity (kind `reminder`) on the customer's timeline, naming the invoice."""
from __future__ import annotations

from app import clock
from app.errors import ValidationError
from app.rules.standards import currency_exponent
from app.services import invoices


def log_reminder(uow, invoice_id: str, *, note: str | None = None, contact_id: str | None = None,
                 subject: str | None = None) -> dict:
    """Record that the customer was reminded about an open invoice: an activity of kind
    reminder, done now, on the invoice's customer, naming the invoice and the contact
    (default: the customer's primary contact), with `note` as its notes and a subject
    stating the number, days overdue and open amount unless `subject` is given. Anyone
    who sees the invoice may log one. Returns the activity."""
    invoice = uow.require("invoice", invoice_id)
    if invoice["kind"] != "invoice" or invoice["status"] not in invoices.OPEN_STATES:
        raise ValidationError({"invoice_id": f"only an issued invoice with money open is chased "
                                             f"(this one is {invoice['status']})"})
    if contact_id:
        contact = uow.require("contact", contact_id)
        if contact["customer_id"] != invoice["customer_id"]:
            raise ValidationError({"contact_id": "is not a contact of the invoice's customer"})
    else:
        c = uow.c("contact")
        found = uow.select("contact", c.customer_id == invoice["customer_id"],
                           order_by=[c.is_primary.desc(), c.name, c.id])
        contact_id = found[0]["id"] if found else None
    if not subject:
        open_minor = invoices.open_amount(uow, invoice)
        due = invoice["due_on"] or invoice["issued_on"]
        days = (clock.today() - clock.parse_date(due)).days if due else 0
        late = f"{days} days overdue" if days > 0 else "not yet due"
        subject = (f"Payment reminder: {invoice['number'] or 'invoice'} ({late}, "
                   f"{_amount(open_minor, invoice['currency'])} {invoice['currency']} open)")
    return uow.create("activity", {
        "kind": "reminder", "subject": subject[:300], "done_at": uow.now, "customer_id": invoice["customer_id"],
        "invoice_id": invoice_id, "contact_id": contact_id, "notes": (note or "").strip() or None})


def reminders_for(uow, invoice_id: str) -> list[dict]:
    """The reminders logged about an invoice, the latest first."""
    c = uow.c("activity")
    return uow.select("activity", c.invoice_id == invoice_id, c.kind == "reminder",
                      order_by=[c.done_at.desc(), c.created_at.desc()])


def _amount(minor: int, currency: str) -> str:
    exp = currency_exponent(currency)
    whole, frac = divmod(abs(minor), 10 ** exp) if exp else (abs(minor), 0)
    return ("-" if minor < 0 else "") + f"{whole:,}" + (f".{frac:0{exp}d}" if exp else "")
