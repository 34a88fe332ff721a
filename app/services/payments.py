"""Payments received and their allocation to issued invoices. Finance work: a rep may
neither record nor allocate one. What a payment has not yet paid off stays visible as
its unallocated remainder."""
from __future__ import annotations

from app import clock
from app.errors import ValidationError
from app.rules import money
from app.rules.permissions import FINANCE_ROLES, require_role
from app.services import invoices


def record_payment(uow, values: dict) -> dict:
    """Record money received from `values["customer_id"]`: amount_minor, currency (default
    the customer's), received_on (default today), method (vocabulary payment_method) and
    reference. Finance or admin only. Returns the payment, nothing allocated yet."""
    require_role(uow.actor.role, FINANCE_ROLES, "record a payment")
    values = dict(values)
    if not values.get("customer_id"):
        raise ValidationError({"customer_id": "is required"})
    customer = uow.require("customer", values["customer_id"])
    values.setdefault("currency", customer["currency"])
    values.setdefault("received_on", clock.today().isoformat())
    return uow.create("payment", values)


def delete_payment(uow, payment_id: str) -> dict:
    """Delete a payment recorded in error; one still allocated must be unallocated first."""
    require_role(uow.actor.role, FINANCE_ROLES, "delete a payment")
    return uow.delete("payment", payment_id)


def allocations_of(uow, payment_id: str) -> list[dict]:
    c = uow.c("payment_allocation")
    return uow.select("payment_allocation", c.payment_id == payment_id, order_by=[c.created_at, c.id])


def unallocated_minor(payment: dict) -> int:
    return payment["amount_minor"] - payment["allocated_minor"]


def customer_unallocated(uow, customer_id: str) -> dict[str, int]:
    """The customer's money received but not yet allocated, per currency (only currencies
    with something left)."""
    c = uow.c("payment")
    out: dict[str, int] = {}
    for p in uow.select("payment", c.customer_id == customer_id):
        if unallocated_minor(p):
            out[p["currency"]] = out.get(p["currency"], 0) + unallocated_minor(p)
    return out


def allocate_payment(uow, payment_id: str, allocations: list | None = None) -> dict:
    """Allocate a payment to issued invoices of its customer in its currency. With
    `allocations` None, the oldest due first (money.allocate_oldest_first); otherwise a
    list of (invoice_id, amount_minor) pairs (or dicts with those keys), which must not
    exceed the payment's unallocated amount nor any invoice's open amount. Each invoice's
    paid_minor and status follow (partially_paid, paid). Finance or admin only.
    Returns {"payment", "allocations" (made now), "unallocated_minor"}."""
    require_role(uow.actor.role, FINANCE_ROLES, "allocate a payment")
    payment = uow.require("payment", payment_id)
    room = unallocated_minor(payment)
    if allocations is None:
        pairs = money.allocate_oldest_first(
            room, invoices.open_invoices(uow, payment["customer_id"], payment["currency"]))
    else:
        pairs = _checked_pairs(uow, payment, allocations, room)
    made = []
    for invoice_id, amount in pairs:
        made.append(uow.create("payment_allocation", {"payment_id": payment_id, "invoice_id": invoice_id,
                                                      "amount_minor": amount}))
        _move_paid(uow, invoice_id, amount)
    if made:
        payment = uow.update("payment", payment_id,
                             {"allocated_minor": payment["allocated_minor"] + sum(a for _, a in pairs)},
                             transition=True)
    return {"payment": payment, "allocations": made, "unallocated_minor": unallocated_minor(payment)}


def _checked_pairs(uow, payment: dict, allocations: list, room: int) -> list[tuple[str, int]]:
    pairs, errors = [], {}
    for i, item in enumerate(allocations):
        invoice_id, amount = (item.get("invoice_id"), item.get("amount_minor")) if isinstance(item, dict) else item
        if isinstance(amount, bool) or not isinstance(amount, int) or amount < 1:
            errors[f"allocations[{i}].amount_minor"] = "must be a whole number of at least 1"
            continue
        invoice = uow.get("invoice", invoice_id) if invoice_id else None
        if invoice is None:
            errors[f"allocations[{i}].invoice_id"] = f"no invoice with id {invoice_id}"
        elif invoice["customer_id"] != payment["customer_id"]:
            errors[f"allocations[{i}].invoice_id"] = "the invoice is another customer's"
        elif invoice["currency"] != payment["currency"]:
            errors[f"allocations[{i}].invoice_id"] = f"the invoice is in {invoice['currency']}, the payment in " \
                                                     f"{payment['currency']}"
        elif invoice["kind"] != "invoice" or invoice["status"] not in invoices.OPEN_STATES:
            errors[f"allocations[{i}].invoice_id"] = f"the invoice is {invoice['status']}, not open for payment"
        else:
            pairs.append((invoice_id, amount))
    if not errors:
        per_invoice: dict[str, int] = {}
        for invoice_id, amount in pairs:
            per_invoice[invoice_id] = per_invoice.get(invoice_id, 0) + amount
        for invoice_id, amount in per_invoice.items():
            open_minor = invoices.open_amount(uow, uow.require("invoice", invoice_id))
            if amount > open_minor:
                errors[f"invoice {invoice_id}"] = f"allocates {amount}, but only {open_minor} is open"
        asked = sum(per_invoice.values())
        if asked > room:
            errors["allocations"] = f"allocates {asked}, but only {room} of the payment is unallocated"
    if errors:
        raise ValidationError(errors)
    return pairs


def unallocate(uow, allocation_id: str) -> dict:
    """Remove an allocation: the payment's amount is free again and the invoice's paid
    amount and status move back. Finance or admin only. Returns the removed allocation."""
    require_role(uow.actor.role, FINANCE_ROLES, "remove a payment allocation")
    allocation = uow.require("payment_allocation", allocation_id)
    payment = uow.require("payment", allocation["payment_id"])
    uow.delete("payment_allocation", allocation_id)
    _move_paid(uow, allocation["invoice_id"], -allocation["amount_minor"])
    uow.update("payment", payment["id"], {"allocated_minor": payment["allocated_minor"] - allocation["amount_minor"]},
               transition=True)
    return allocation


def _move_paid(uow, invoice_id: str, delta: int) -> dict:
    invoice = uow.require("invoice", invoice_id)
    paid = invoice["paid_minor"] + delta
    return uow.update("invoice", invoice_id, {"paid_minor": paid, "status": invoices.settled_status(uow, invoice, paid)},
                      transition=True)


def add_allocation(uow, values: dict) -> dict:
    """The `records add payment_allocation` door: one explicit allocation."""
    unknown = {k: "is not set on an allocation" for k in values if k not in ("payment_id", "invoice_id", "amount_minor")}
    if unknown or not values.get("payment_id"):
        raise ValidationError(unknown or {"payment_id": "is required"})
    result = allocate_payment(uow, values["payment_id"], [(values.get("invoice_id"), values.get("amount_minor"))])
    return result["allocations"][0]
