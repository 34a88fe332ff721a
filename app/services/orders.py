"""Orders: made from an accepted quote, checked against the customer's credit, billed by a
plan of milestones that always sums exactly to the order total.

pending_credit -> confirmed -> completed, or cancelled; credit_status ok, or
needs_approval -> released | refused (finance decides).
"""
from __future__ import annotations

from app.errors import Immutable, InvalidTransition, ValidationError
from app.rules import money
from app.rules.permissions import FINANCE_ROLES, require_role
from app.rules.schema import entity_spec
from app.rules.states import ORDER_TRANSITIONS, can_move
from app.services import approvals, invoices

ORDER_FIELDS = ("quote_id", "number", "signed_on", "owner_id", "notes")
FROM_QUOTE = ("customer_id", "deal_id", "currency", "total_minor")
MILESTONE_FIELDS = ("id", "label", "due_on", "percent_bp", "amount_minor")


def create_order(uow, values: dict, *, milestones: list[dict] | None = None) -> dict:
    """Create an order from the accepted quote `values["quote_id"]`: customer, deal, total
    and currency come from the quote. Runs the credit check; if it fails the order waits
    in pending_credit (credit_status needs_approval) with a credit Approval for finance.
    The billing plan is `milestones` (see `set_billing_plan`), by default one milestone
    for the full amount. Returns the order plus "credit_check" (the check's figures)."""
    values = dict(values)
    errors = {k: "is set by the order service" for k in values
              if k not in ORDER_FIELDS + FROM_QUOTE and k in entity_spec("order").fields}
    if not values.get("quote_id"):
        errors["quote_id"] = "is required: an order is made from an accepted quote"
    if errors:
        raise ValidationError(errors)
    quote = uow.require("quote", values["quote_id"])
    if quote["status"] != "accepted":
        raise InvalidTransition({"quote_id": f"only an accepted quote becomes an order (this one is {quote['status']})"})
    fixed = {k: f"comes from the quote ({quote[k]})" for k in FROM_QUOTE
             if values.get(k) is not None and values[k] != quote[k]}
    if fixed:
        raise ValidationError(fixed)
    c = uow.c("order")
    if uow.select("order", c.quote_id == quote["id"], c.status != "cancelled"):
        raise ValidationError({"quote_id": "the quote already has an order"})
    check = credit_check(uow, quote["customer_id"], quote["total_minor"], quote["currency"])
    passed = check["passed"]
    values.setdefault("owner_id", quote["owner_id"])
    order = uow.create("order", {
        **values, **{k: quote[k] for k in FROM_QUOTE},
        "status": "confirmed" if passed else "pending_credit",
        "credit_status": "ok" if passed else "needs_approval",
        "credit_exposure_minor": check["exposure_minor"],
    }, transition=True)
    set_billing_plan(uow, order["id"], milestones or [
        {"label": "Full amount", "percent_bp": 10_000, "due_on": values.get("signed_on")}])
    if not passed:
        approvals.open_approval(uow, kind="credit", subject_entity="order", subject_id=order["id"],
                                customer_id=order["customer_id"], reason=check["reason"])
    return {**uow.require("order", order["id"]), "credit_check": check}


def credit_check(uow, customer_id: str, order_minor: int, currency: str) -> dict:
    """The customer's credit limit against open receivables plus this order. A customer
    without a limit is not credit-managed and passes; an order in another currency than
    the limit's cannot be compared and goes to finance. Returns the figures, `passed`
    and a `reason`."""
    customer = uow.require("customer", customer_id)
    limit = customer["credit_limit_minor"]
    receivables = invoices.open_receivables(uow, customer_id, customer["currency"])
    check = money.CreditCheck(limit, receivables, order_minor)
    result = {**check.as_dict(), "currency": customer["currency"]}
    if limit is not None and currency != customer["currency"]:
        result.update(passed=False, reason=f"the order is in {currency}, the credit limit in "
                                           f"{customer['currency']}: finance must decide")
    elif check.passed:
        result["reason"] = "no credit limit set" if limit is None else "within the credit limit"
    else:
        result["reason"] = (f"exposure {check.exposure_minor} (open receivables {receivables} + order "
                            f"{order_minor}) is over the credit limit {limit} {customer['currency']}")
    return result


def release_credit(uow, order_id: str, comment: str | None = None) -> dict:
    """Finance releases an order held for credit: it becomes confirmed (credit_status
    released) and its credit approval approved."""
    require_role(uow.actor.role, FINANCE_ROLES, "release an order's credit")
    order = _held(uow, order_id)
    _close_credit_approvals(uow, order_id, "approved", comment)
    return uow.update("order", order["id"], {"status": "confirmed", "credit_status": "released"}, transition=True)


def refuse_credit(uow, order_id: str, comment: str) -> dict:
    """Finance refuses an order held for credit (a comment is required): it is cancelled
    with credit_status refused and its credit approval rejected."""
    require_role(uow.actor.role, FINANCE_ROLES, "refuse an order's credit")
    if not (comment or "").strip():
        raise ValidationError({"comment": "is required to refuse credit"})
    order = _held(uow, order_id)
    _close_credit_approvals(uow, order_id, "rejected", comment)
    return uow.update("order", order["id"], {"status": "cancelled", "credit_status": "refused"}, transition=True)


def _held(uow, order_id: str) -> dict:
    order = uow.require("order", order_id)
    if order["status"] != "pending_credit" or order["credit_status"] != "needs_approval":
        raise InvalidTransition({"credit_status": f"the order is not waiting for credit (it is {order['status']}, "
                                                  f"credit {order['credit_status']})"})
    return order


def _close_credit_approvals(uow, order_id: str, status: str, comment: str | None) -> None:
    for approval in approvals.pending_for(uow, "order", order_id):
        if approval["kind"] == "credit":
            approvals.close_approval(uow, approval["id"], status, comment)


def cancel_order(uow, order_id: str, reason: str) -> dict:
    """Cancel an order nothing has been invoiced on yet; the reason is kept in its notes."""
    order = uow.require("order", order_id)
    if not (reason or "").strip():
        raise ValidationError({"reason": "is required to cancel an order"})
    _check_move(order, "cancelled")
    if any(m["invoice_id"] for m in billing_plan(uow, order_id)):
        raise ValidationError({"status": "the order has invoices; credit them instead of cancelling"})
    for approval in approvals.pending_for(uow, "order", order_id):
        approvals.close_approval(uow, approval["id"], "void", "order cancelled")
    notes = "\n".join(filter(None, [order["notes"], f"Cancelled: {reason.strip()}"]))
    return uow.update("order", order_id, {"status": "cancelled", "notes": notes}, transition=True)


def complete_order(uow, order_id: str) -> dict:
    """Close a confirmed order whose every milestone has been invoiced."""
    order = uow.require("order", order_id)
    _check_move(order, "completed")
    if not all(m["invoice_id"] for m in billing_plan(uow, order_id)):
        raise ValidationError({"status": "some milestones are not invoiced yet"})
    return uow.update("order", order_id, {"status": "completed"}, transition=True)


def update_order(uow, order_id: str, changes: dict) -> dict:
    """Edit number, signed_on, owner_id or notes. `status` (confirmed, cancelled,
    completed) and `credit_status` (released, refused) go through their actions, the
    `notes` given serving as the reason where one is needed."""
    changes = dict(changes)
    status, credit = changes.pop("status", None), changes.pop("credit_status", None)
    order = uow.require("order", order_id)
    bad = {k: "comes from the quote" if k in FROM_QUOTE + ("quote_id",) else "is kept by the order service"
           for k in changes if k not in ORDER_FIELDS or k == "quote_id"}
    if bad:
        raise ValidationError(bad)
    reason = changes.get("notes")
    if credit == "released" or (status == "confirmed" and order["status"] == "pending_credit"):
        return release_credit(uow, order_id, reason)
    if credit == "refused":
        return refuse_credit(uow, order_id, reason)
    if credit not in (None, order["credit_status"]):
        raise InvalidTransition({"credit_status": "changes only by releasing or refusing credit"})
    if status == "cancelled" and order["status"] != "cancelled":
        return cancel_order(uow, order_id, reason or "")
    if changes:
        order = uow.update("order", order_id, changes)
    if status == "completed" and order["status"] != "completed":
        return complete_order(uow, order_id)
    if status not in (None, order["status"]):
        raise InvalidTransition({"status": f"cannot go from {order['status']} to {status}"})
    return order


def delete_order(uow, order_id: str) -> dict:
    """Delete an order entered in error, with its billing plan and open approvals; one with
    invoices is kept (cancel it or credit them)."""
    uow.require("order", order_id)
    plan = billing_plan(uow, order_id)
    if any(m["invoice_id"] for m in plan):
        raise ValidationError({"id": "the order has invoices; it cannot be deleted"})
    for approval in approvals.pending_for(uow, "order", order_id):
        approvals.close_approval(uow, approval["id"], "void", "order deleted")
    for m in plan:
        uow.delete("billing_milestone", m["id"])
    return uow.delete("order", order_id)


def _check_move(order: dict, target: str) -> None:
    if not can_move(ORDER_TRANSITIONS, order["status"], target):
        raise InvalidTransition({"status": f"cannot go from {order['status']} to {target}"})


# -- billing plan ------------------------------------------------------------------------

def billing_plan(uow, order_id: str) -> list[dict]:
    c = uow.c("billing_milestone")
    return uow.select("billing_milestone", c.order_id == order_id, order_by=[c.position, c.created_at, c.id])


def set_billing_plan(uow, order_id: str, milestones: list[dict]) -> list[dict]:
    """Replace an order's billing plan with `milestones` (dicts of label, due_on and either
    percent_bp or amount_minor; `id` to keep an existing milestone). An all-percentage
    plan is split with money.split_by_percent (the last takes the rounding remainder).
    Raises ValidationError if the plan does not sum exactly to the order total, or would
    remove or alter a milestone already invoiced. Returns the new plan."""
    order = uow.require("order", order_id)
    if order["status"] in ("cancelled", "completed"):
        raise Immutable(f"a {order['status']} order's billing plan cannot change")
    existing = {m["id"]: m for m in billing_plan(uow, order_id)}
    entries, errors = _plan_entries(milestones, existing)
    if not errors:
        errors.update(_plan_amounts(order["total_minor"], entries))
    if not errors:
        errors.update(_invoiced_kept(entries, existing))
    if errors:
        raise ValidationError(errors)
    kept = {e["id"] for e in entries if e.get("id")}
    for mid, m in existing.items():
        if mid not in kept:
            uow.delete("billing_milestone", mid)
    for position, e in enumerate(entries, start=1):
        row = {"label": e["label"], "due_on": e["due_on"], "percent_bp": e["percent_bp"],
               "amount_minor": e["amount_minor"], "position": position}
        if e.get("id"):
            uow.update("billing_milestone", e["id"], row)
        else:
            uow.create("billing_milestone", {**row, "order_id": order_id})
    return billing_plan(uow, order_id)


def _plan_entries(milestones: list[dict], existing: dict) -> tuple[list[dict], dict]:
    """Input milestones filled from the stored ones they name; each with its `source`."""
    entries, errors = [], {}
    for i, m in enumerate(milestones):
        unknown = [k for k in m if k not in MILESTONE_FIELDS]
        if unknown:
            errors[f"milestones[{i}]"] = f"unknown field(s) {', '.join(unknown)}"
            continue
        stored = existing.get(m.get("id")) if m.get("id") else None
        if m.get("id") and stored is None:
            errors[f"milestones[{i}].id"] = "is not a milestone of this order"
            continue
        e = {"id": m.get("id"), "label": m.get("label", stored and stored["label"]),
             "due_on": m.get("due_on", stored and stored["due_on"]),
             "percent_bp": m.get("percent_bp"), "amount_minor": m.get("amount_minor")}
        if e["percent_bp"] is not None and e["amount_minor"] is not None:
            errors[f"milestones[{i}]"] = "give a percentage or an amount, not both"
            continue
        if e["percent_bp"] is None and e["amount_minor"] is None:
            if stored is None:
                errors[f"milestones[{i}]"] = "needs a percentage or an amount"
                continue
            if stored["percent_bp"] is not None and not stored["invoice_id"]:
                e["percent_bp"] = stored["percent_bp"]
            else:  # an amount (and any invoiced milestone) is kept whatever the total became
                e["amount_minor"] = stored["amount_minor"]
                e["percent_bp"] = stored["percent_bp"]
                e["fixed"] = True
        if not e["label"]:
            errors[f"milestones[{i}].label"] = "is required"
        entries.append(e)
    return entries, errors


def _plan_amounts(total: int, entries: list[dict]) -> dict:
    """Fill each entry's amount; errors if the plan does not sum to `total` exactly."""
    by_percent = [e for e in entries if e["percent_bp"] is not None and not e.get("fixed")]
    for e in by_percent:
        if not 0 < e["percent_bp"] <= 10_000:
            return {"milestones": f"a percentage must be above 0 and at most 100% (got {e['percent_bp']} bp)"}
    if entries and len(by_percent) == len(entries):
        try:
            amounts = money.split_by_percent(total, [e["percent_bp"] for e in entries])
        except ValueError:
            pct = sum(e["percent_bp"] for e in entries)
            return {"milestones": f"the percentages add up to {pct} bp, not 10000 (100%)"}
        for e, amount in zip(entries, amounts):
            e["amount_minor"] = amount
    else:
        for e in by_percent:
            e["amount_minor"] = money.div_round(total * e["percent_bp"], 10_000)
    for e in entries:
        if e["amount_minor"] < 0:
            return {"milestones": f"milestone {e['label']!r} has a negative amount"}
    planned = sum(e["amount_minor"] for e in entries)
    if planned != total:
        return {"milestones": f"the milestones add up to {planned}, the order total is {total}"}
    return {}


def _invoiced_kept(entries: list[dict], existing: dict) -> dict:
    given = {e["id"]: e for e in entries if e.get("id")}
    errors = {}
    for mid, stored in existing.items():
        if not stored["invoice_id"]:
            continue
        e = given.get(mid)
        if e is None:
            errors["milestones"] = f"milestone {stored['label']!r} is invoiced and cannot be removed"
        elif (e["label"], e["due_on"], e["amount_minor"]) != (stored["label"], stored["due_on"], stored["amount_minor"]):
            errors["milestones"] = f"milestone {stored['label']!r} is invoiced and cannot be changed"
    return errors


def update_milestone(uow, milestone_id: str, changes: dict) -> dict:
    """The `records edit billing_milestone` door: a milestone not yet invoiced may change
    its label or due date; amounts change only through the whole plan."""
    milestone = uow.require("billing_milestone", milestone_id)
    bad = {k: "changes through the order's billing plan (set_billing_plan)" for k in changes
           if k not in ("label", "due_on")}
    if bad:
        raise ValidationError(bad)
    if milestone["invoice_id"]:
        raise Immutable("an invoiced milestone cannot change")
    return uow.update("billing_milestone", milestone_id, changes)


def refuse_single_milestone(uow, *args, **kwargs):
    """The `records add/delete billing_milestone` door: a plan changes only as a whole."""
    raise ValidationError({"order_id": "a billing plan changes as a whole, so that it always sums to the "
                                       "order total: use set_billing_plan"})
