"""Invoices and credit notes: drafted on the client, numbered and issued by the server.

draft -> pending_issue -> issued -> partially_paid -> paid, or void. An issued invoice
never changes (app/rules/transitions.py); a correction is a credit note, an invoice of
kind credit_note with a negative total that names the invoice it credits.

Who does what: invoices are finance work. A rep may draft (create, edit, delete or void
a draft, and draft a milestone's invoice); requesting issue, withdrawing a request,
voiding or deleting a pending one, and credit notes are finance's or an admin's.
"""
from __future__ import annotations

import datetime as dt

from app import clock
from app.errors import Immutable, InvalidTransition, ValidationError
from app.rules import money
from app.rules.permissions import FINANCE_ROLES, require_role
from app.rules.states import INVOICE_TRANSITIONS, ISSUED_STATES, can_move

DRAFT_FIELDS = ("due_on", "notes", "series")
LINE_FIELDS = ("description", "quantity_milli", "unit_price_minor", "tax_rate_bp", "position")
OPEN_STATES = ("issued", "partially_paid")


# -- figures -----------------------------------------------------------------------------

def credited_minor(uow, invoice_id: str, *, issued_only: bool = False, exclude: str | None = None) -> int:
    """What the invoice's credit notes take off it (a positive amount): every credit note
    not void, or only issued ones."""
    c = uow.c("invoice")
    notes = uow.select("invoice", c.credited_invoice_id == invoice_id, c.kind == "credit_note",
                       c.status.in_(ISSUED_STATES) if issued_only else c.status != "void")
    return -sum(n["total_minor"] for n in notes if n["id"] != exclude)


def open_amount(uow, invoice: dict, *, exclude_credit: str | None = None) -> int:
    """What is still to be collected on an issued invoice: total less payments less
    credit notes (drafts included, so two corrections cannot credit the same amount)."""
    if invoice["kind"] != "invoice" or invoice["status"] not in OPEN_STATES:
        return 0
    return invoice["total_minor"] - invoice["paid_minor"] - credited_minor(uow, invoice["id"], exclude=exclude_credit)


def settled_status(uow, invoice: dict, paid_minor: int) -> str:
    """The payment status an issued invoice has with `paid_minor` paid: paid once payments
    and issued credit notes cover it, partially_paid with any payment, else issued."""
    due = invoice["total_minor"] - credited_minor(uow, invoice["id"], issued_only=True)
    if paid_minor > 0 and paid_minor >= due:
        return "paid"
    return "partially_paid" if paid_minor > 0 else "issued"


def open_invoices(uow, customer_id: str, currency: str) -> list[dict]:
    """The customer's issued, not fully paid invoices in `currency`, each with `open_minor`."""
    c = uow.c("invoice")
    rows = uow.select("invoice", c.customer_id == customer_id, c.currency == currency, c.kind == "invoice",
                      c.status.in_(OPEN_STATES), order_by=[c.due_on, c.issued_on, c.id])
    return [{**r, "open_minor": open_amount(uow, r)} for r in rows]


def open_receivables(uow, customer_id: str, currency: str) -> int:
    """Sum over the customer's issued and partially paid invoices in `currency` of total
    less paid, their issued credit notes counted as negatives."""
    c = uow.c("invoice")
    docs = uow.select("invoice", c.customer_id == customer_id, c.currency == currency,
                      c.status.in_(ISSUED_STATES))
    open_ids = {d["id"] for d in docs if d["kind"] == "invoice" and d["status"] in OPEN_STATES}
    total = 0
    for d in docs:
        if d["id"] in open_ids:
            total += d["total_minor"] - d["paid_minor"]
        elif d["kind"] == "credit_note" and d["credited_invoice_id"] in open_ids:
            total += d["total_minor"]
    return total


def invoice_lines(uow, invoice_id: str) -> list[dict]:
    c = uow.c("invoice_line")
    return uow.select("invoice_line", c.invoice_id == invoice_id, order_by=[c.position, c.created_at, c.id])


def default_due_on(uow) -> str:
    days = uow.dictionary.number("payment_terms_days", "default", 30) or 0
    return (clock.today() + dt.timedelta(days=days)).isoformat()


# -- drafting ----------------------------------------------------------------------------

def create_invoice(uow, values: dict, *, lines: list[dict] | None = None) -> dict:
    """Draft a free-standing invoice (a service fee, say) for `values["customer_id"]`,
    optionally tied to an order: its total is the sum of `lines` (description,
    quantity_milli, unit_price_minor, tax_rate_bp); without lines, one "Service fee"
    line carries the `total_minor` given (with its `tax_minor`). Currency defaults to the
    customer's, due_on to the payment terms."""
    values = dict(values)
    errors = {k: why for k, why in (
        ("kind", "a credit note is made with create_credit_note"),
        ("credited_invoice_id", "a credit note is made with create_credit_note"),
        ("milestone_id", "a milestone's invoice is drafted with draft_invoice_from_milestone"),
    ) if values.get(k) not in (None, "invoice")}
    if not values.get("customer_id"):
        errors["customer_id"] = "is required"
    if lines and values.get("total_minor") is not None:
        errors["total_minor"] = "follows the lines; give one or the other"
    if not lines and values.get("total_minor") is None:
        errors["total_minor"] = "is required (or give lines)"
    if errors:
        raise ValidationError(errors)
    customer = uow.require("customer", values["customer_id"])
    values.setdefault("currency", customer["currency"])
    if values.get("order_id"):
        order = uow.require("order", values["order_id"])
        mismatch = {k: f"must match the order ({order[k]})" for k in ("customer_id", "currency")
                    if values.get(k) != order[k]}
        if mismatch:
            raise ValidationError(mismatch)
    if not values.get("due_on"):
        values["due_on"] = default_due_on(uow)
    if lines:
        rows = [_line_row(line, position) for position, line in enumerate(lines, start=1)]
    else:
        total, tax = values.pop("total_minor"), values.pop("tax_minor", None) or 0
        if total <= 0 or not 0 <= tax < total:
            raise ValidationError({"total_minor": "must be above zero, and above its tax_minor"})
        rows = [_fixed_line("Service fee", total, tax, 1)]
    values["total_minor"] = sum(r["total_minor"] for r in rows)
    values["tax_minor"] = sum(r["tax_minor"] for r in rows)
    invoice = uow.create("invoice", values)
    for row in rows:
        uow.create("invoice_line", {**row, "invoice_id": invoice["id"]})
    return invoice


def draft_invoice_from_milestone(uow, milestone_id: str, *, due_on: str | None = None,
                                 notes: str | None = None) -> dict:
    """Draft the invoice for one billing milestone of a confirmed order: one line of the
    milestone's amount, its tax the quote's share (amount x quote tax / quote total,
    rounded), customer, order and currency from the order, due_on from the payment terms
    unless given. The milestone then points at the invoice."""
    milestone = uow.require("billing_milestone", milestone_id)
    if milestone["invoice_id"]:
        raise ValidationError({"milestone_id": "the milestone already has an invoice"})
    order = uow.require("order", milestone["order_id"])
    if order["status"] != "confirmed":
        raise InvalidTransition({"order_id": f"only a confirmed order is invoiced (this one is {order['status']})"})
    amount = milestone["amount_minor"]
    if amount <= 0:
        raise ValidationError({"amount_minor": "the milestone has nothing to invoice"})
    quote = uow.get("quote", order["quote_id"]) if order["quote_id"] else None
    tax, rate = 0, 0
    if quote and quote["total_minor"] > 0:
        tax = money.div_round(amount * quote["tax_minor"], quote["total_minor"])
        net = quote["subtotal_minor"] - quote["discount_minor"]
        rate = money.div_round(quote["tax_minor"] * 10_000, net) if net > 0 else 0
    label = f"{order['number'] or 'Order'}: {milestone['label']}"
    invoice = uow.create("invoice", {
        "customer_id": order["customer_id"], "order_id": order["id"], "milestone_id": milestone_id,
        "currency": order["currency"], "total_minor": amount, "tax_minor": tax,
        "due_on": due_on or default_due_on(uow), "notes": notes})
    uow.create("invoice_line", {**_fixed_line(label, amount, tax, 1), "tax_rate_bp": min(rate, 10_000),
                                "invoice_id": invoice["id"]})
    uow.update("billing_milestone", milestone_id, {"invoice_id": invoice["id"]}, transition=True)
    return invoice


def update_invoice(uow, invoice_id: str, changes: dict) -> dict:
    """Edit a draft's due_on, notes or series; a `status` goes through its action
    (pending_issue, draft, void, with `notes` as the void reason)."""
    changes = dict(changes)
    status = changes.pop("status", None)
    reason = changes.pop("notes", None) if status == "void" else None
    invoice = _editable(uow, invoice_id)
    bad = {k: "follows the invoice's lines" if k in ("total_minor", "tax_minor") else "cannot be changed on a draft"
           for k in changes if k not in DRAFT_FIELDS}
    if bad:
        raise ValidationError(bad)
    if changes:
        if invoice["status"] != "draft":
            raise Immutable("only a draft invoice can be edited")
        invoice = uow.update("invoice", invoice_id, changes)
    if status is None or status == invoice["status"]:
        return invoice
    if status == "pending_issue":
        return request_issue(uow, invoice_id)
    if status == "draft":
        return withdraw_issue_request(uow, invoice_id)
    if status == "void":
        return void_invoice(uow, invoice_id, reason)
    raise InvalidTransition({"status": f"an invoice becomes {status} on the server or through a payment"})


def add_invoice_line(uow, values: dict) -> dict:
    """Add a line to the draft `values["invoice_id"]`; the invoice's totals follow."""
    values = dict(values)
    if not values.get("invoice_id"):
        raise ValidationError({"invoice_id": "is required"})
    invoice = _lines_editable(uow, values.pop("invoice_id"))
    if values.get("position") is None:
        values["position"] = max((l["position"] for l in invoice_lines(uow, invoice["id"])), default=0) + 1
    line = uow.create("invoice_line", {**_line_row(values, values["position"]), "invoice_id": invoice["id"]})
    _recompute(uow, invoice["id"])
    return line


def update_invoice_line(uow, line_id: str, changes: dict) -> dict:
    line = uow.require("invoice_line", line_id)
    bad = {k: "is computed or fixed" for k in changes if k not in LINE_FIELDS}
    if bad:
        raise ValidationError(bad)
    invoice = uow.require("invoice", line["invoice_id"])
    if set(changes) <= {"description", "position"}:
        _editable(uow, invoice["id"], drafts_only=True)
        return uow.update("invoice_line", line_id, changes)
    _lines_editable(uow, invoice["id"])
    merged = {**line, **changes}
    uow.update("invoice_line", line_id, _line_row(merged, merged["position"]))
    _recompute(uow, invoice["id"])
    return uow.require("invoice_line", line_id)


def remove_invoice_line(uow, line_id: str) -> dict:
    line = uow.require("invoice_line", line_id)
    _lines_editable(uow, line["invoice_id"])
    if len(invoice_lines(uow, line["invoice_id"])) == 1:
        raise ValidationError({"invoice_id": "an invoice keeps at least one line; delete or void the invoice"})
    uow.delete("invoice_line", line_id)
    _recompute(uow, line["invoice_id"])
    return line


def _line_row(line: dict, position: int) -> dict:
    unknown = {k: "is not an invoice line field" for k in line if k not in LINE_FIELDS + (
        "id", "invoice_id", "net_minor", "tax_minor", "total_minor", "created_at", "updated_at", "version",
        "deleted_at")}
    if unknown:
        raise ValidationError(unknown)
    quantity = line.get("quantity_milli") or 1000
    price, rate = line.get("unit_price_minor"), line.get("tax_rate_bp") or 0
    missing = {k: "is required" for k in ("unit_price_minor", "description") if line.get(k) in (None, "")}
    if missing:
        raise ValidationError(missing)
    a = money.line_amounts(quantity, price, 0, rate)
    return {"description": line["description"], "quantity_milli": quantity, "unit_price_minor": price,
            "tax_rate_bp": rate, "position": position, "net_minor": a.net_minor, "tax_minor": a.tax_minor,
            "total_minor": a.total_minor}


def _fixed_line(description: str, total: int, tax: int, position: int) -> dict:
    """One line stating a tax-inclusive amount (a milestone, a fee, a credit)."""
    net = total - tax
    rate = money.div_round(abs(tax) * 10_000, abs(net)) if net else 0
    return {"description": description, "quantity_milli": 1000, "unit_price_minor": net,
            "tax_rate_bp": min(rate, 10_000), "position": position, "net_minor": net, "tax_minor": tax,
            "total_minor": total}


def _recompute(uow, invoice_id: str) -> dict:
    lines = invoice_lines(uow, invoice_id)
    return uow.update("invoice", invoice_id, {"total_minor": sum(l["total_minor"] for l in lines),
                                              "tax_minor": sum(l["tax_minor"] for l in lines)})


def _editable(uow, invoice_id: str, *, drafts_only: bool = False) -> dict:
    invoice = uow.require("invoice", invoice_id)
    if invoice["status"] in ISSUED_STATES:
        raise Immutable("an issued invoice cannot change; issue a credit note")
    if invoice["status"] == "void":
        raise Immutable("a void invoice cannot change")
    if drafts_only and invoice["status"] != "draft":
        raise Immutable("only a draft invoice can be edited")
    return invoice


def _lines_editable(uow, invoice_id: str) -> dict:
    invoice = _editable(uow, invoice_id, drafts_only=True)
    if invoice["milestone_id"] or invoice["kind"] == "credit_note":
        raise ValidationError({"invoice_id": "its amount is fixed (a milestone or a credit); change the plan "
                                             "or void it and draft another"})
    return invoice


# -- issue, void, delete -----------------------------------------------------------------

def request_issue(uow, invoice_id: str) -> dict:
    """Finance asks the server to number and issue a draft: draft -> pending_issue."""
    require_role(uow.actor.role, FINANCE_ROLES, "request the issue of an invoice")
    invoice = uow.require("invoice", invoice_id)
    _check_move(invoice, "pending_issue")
    if invoice["kind"] == "invoice" and invoice["total_minor"] <= 0:
        raise ValidationError({"total_minor": "an invoice of zero is not issued"})
    if invoice["kind"] == "credit_note":
        credited = uow.require("invoice", invoice["credited_invoice_id"])
        room = open_amount(uow, credited, exclude_credit=invoice_id)
        if -invoice["total_minor"] > room:
            raise ValidationError({"total_minor": f"credits {-invoice['total_minor']}, but only {room} is open "
                                                  "on the invoice"})
    return uow.update("invoice", invoice_id, {"status": "pending_issue"}, transition=True)


def withdraw_issue_request(uow, invoice_id: str) -> dict:
    """Finance takes back a request not yet carried out: pending_issue -> draft."""
    require_role(uow.actor.role, FINANCE_ROLES, "withdraw an invoice's issue request")
    invoice = uow.require("invoice", invoice_id)
    _check_move(invoice, "draft")
    return uow.update("invoice", invoice_id, {"status": "draft"}, transition=True)


def void_invoice(uow, invoice_id: str, reason: str | None = None) -> dict:
    """Void an invoice that was never issued (a pending one is finance's to void); its
    milestone is free to be invoiced again. The reason is added to its notes."""
    invoice = _editable(uow, invoice_id)
    if invoice["status"] == "pending_issue":
        require_role(uow.actor.role, FINANCE_ROLES, "void an invoice waiting to be issued")
    _check_move(invoice, "void")
    _release_milestone(uow, invoice)
    changes = {"status": "void"}
    if reason and reason.strip():
        changes["notes"] = "\n".join(filter(None, [invoice["notes"], f"Void: {reason.strip()}"]))
    return uow.update("invoice", invoice_id, changes, transition=True)


def delete_invoice(uow, invoice_id: str) -> dict:
    """Delete an invoice never issued, with its lines (a pending one is finance's)."""
    invoice = _editable(uow, invoice_id)
    if invoice["status"] == "pending_issue":
        require_role(uow.actor.role, FINANCE_ROLES, "delete an invoice waiting to be issued")
    _release_milestone(uow, invoice)
    for line in invoice_lines(uow, invoice_id):
        uow.delete("invoice_line", line["id"])
    return uow.delete("invoice", invoice_id)


def _release_milestone(uow, invoice: dict) -> None:
    if invoice["milestone_id"]:
        milestone = uow.get("billing_milestone", invoice["milestone_id"])
        if milestone and milestone["invoice_id"] == invoice["id"]:
            uow.update("billing_milestone", milestone["id"], {"invoice_id": None}, transition=True)


def _check_move(invoice: dict, target: str) -> None:
    if not can_move(INVOICE_TRANSITIONS, invoice["status"], target):
        raise InvalidTransition({"status": f"cannot go from {invoice['status']} to {target}"})


# -- credit notes ------------------------------------------------------------------------

def create_credit_note(uow, invoice_id: str, *, amount_minor: int | None = None,
                       lines: list[dict] | None = None, reason: str) -> dict:
    """Draft a credit note against an issued invoice, for `amount_minor` (tax-inclusive,
    its tax the invoice's share) or for `lines` given with positive prices: a document of
    kind credit_note, series CN, with negative lines and total, `credited_invoice_id` set,
    for at most what is open on the invoice. Finance or admin only; a reason is required."""
    require_role(uow.actor.role, FINANCE_ROLES, "create a credit note")
    errors = {}
    if not (reason or "").strip():
        errors["reason"] = "is required for a credit note"
    if (amount_minor is None) == (not lines):
        errors["amount_minor"] = "give an amount or lines (one of them)"
    if errors:
        raise ValidationError(errors)
    invoice = uow.require("invoice", invoice_id)
    if invoice["kind"] != "invoice" or invoice["status"] not in ISSUED_STATES:
        raise ValidationError({"invoice_id": "only an issued invoice is corrected by a credit note "
                                             "(a draft is edited or voided)"})
    label = f"Credit for {invoice['number'] or 'invoice'}: {reason.strip()}"
    if lines:
        rows = []
        for position, line in enumerate(lines, start=1):
            row = _line_row(line, position)
            if row["unit_price_minor"] <= 0:
                raise ValidationError({"unit_price_minor": "give the credited price as a positive amount"})
            rows.append(_line_row({**line, "unit_price_minor": -row["unit_price_minor"]}, position))
        amount = -sum(r["total_minor"] for r in rows)
    else:
        amount = amount_minor
        if amount <= 0:
            raise ValidationError({"amount_minor": "must be above zero (the amount credited)"})
        tax = money.div_round(amount * invoice["tax_minor"], invoice["total_minor"]) if invoice["total_minor"] else 0
        rows = [_fixed_line(label[:300], -amount, -tax, 1)]
    room = open_amount(uow, invoice)
    if amount > room:
        raise ValidationError({"amount_minor": f"credits {amount}, but only {room} is open on the invoice"})
    note = uow.create("invoice", {
        "customer_id": invoice["customer_id"], "order_id": invoice["order_id"], "kind": "credit_note",
        "credited_invoice_id": invoice_id, "series": "CN", "currency": invoice["currency"],
        "total_minor": sum(r["total_minor"] for r in rows), "tax_minor": sum(r["tax_minor"] for r in rows),
        "due_on": None, "notes": reason.strip()})
    for row in rows:
        uow.create("invoice_line", {**row, "invoice_id": note["id"]})
    return note
