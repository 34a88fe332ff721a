"""Change requests: a requirement change on a deal or an order, with its impact, decided
by a manager. Approving one never edits silently: a deal gets a new quote revision, an
order an adjusted billing plan and total.
"""
from __future__ import annotations

import datetime as dt
import hashlib

import orjson

from app import clock
from app.errors import InvalidTransition, ValidationError
from app.rules import money
from app.rules.permissions import APPROVER_ROLES, require_role
from app.rules.schema import entity_spec
from app.rules.states import ISSUED_STATES
from app.services import approvals, orders, quotes

EDITABLE = ("description", "amount_delta_minor", "date_delta_days")


def open_change_request(uow, values: dict) -> dict:
    """Raise a change on `values["subject_entity"]` ("deal" or "order") `subject_id`,
    with description, amount_delta_minor and date_delta_days. The service works out its
    impact (current_total_minor: the deal's latest quote total or the order total;
    invoiced_minor: the order's issued invoices net of credit notes) and opens an
    Approval for a manager. Returns the request with "impact"."""
    values = dict(values)
    spec = entity_spec("change_request")
    errors = {k: "is set by the change request service" for k in values
              if k in spec.fields and spec.fields[k].guarded}
    for name in ("subject_entity", "subject_id"):
        if not values.get(name):
            errors[name] = "is required"
    if values.get("subject_entity") and values["subject_entity"] not in ("deal", "order"):
        errors["subject_entity"] = "must be deal or order"
    if errors:
        raise ValidationError(errors)
    subject = uow.require(values["subject_entity"], values["subject_id"])
    if values.get("customer_id") not in (None, subject["customer_id"]):
        raise ValidationError({"customer_id": f"comes from the {values['subject_entity']}"})
    current, invoiced = _impact(uow, values["subject_entity"], subject)
    request = uow.create("change_request", {
        **values, "customer_id": subject["customer_id"], "requested_by": uow.actor.id,
        "requested_at": uow.now, "current_total_minor": current, "invoiced_minor": invoiced}, transition=True)
    _open_approval(uow, request)
    return with_impact(request)


def with_impact(request: dict) -> dict:
    """The request plus "impact": current total, delta, resulting total, invoiced, days."""
    current = request["current_total_minor"] or 0
    return {**request, "impact": {
        "current_total_minor": current, "amount_delta_minor": request["amount_delta_minor"],
        "new_total_minor": current + request["amount_delta_minor"],
        "invoiced_minor": request["invoiced_minor"] or 0, "date_delta_days": request["date_delta_days"]}}


def update_change_request(uow, request_id: str, changes: dict) -> dict:
    """Edit an open request's description or deltas (its impact is worked out again and
    the manager asked afresh); `status` approved/rejected decides it, with
    `reject_reason` as the reason."""
    changes = dict(changes)
    status = changes.pop("status", None)
    reason = changes.pop("reject_reason", None)
    request = _open(uow, request_id)
    bad = {k: "cannot change after the request is raised" for k in changes if k not in EDITABLE}
    if bad:
        raise ValidationError(bad)
    if changes:
        subject = uow.require(request["subject_entity"], request["subject_id"])
        current, invoiced = _impact(uow, request["subject_entity"], subject)
        updated = uow.update("change_request", request_id,
                             {**changes, "current_total_minor": current, "invoiced_minor": invoiced}, transition=True)
        if _hash(updated) != _hash(request):
            approvals.void_for(uow, "change_request", request_id, "change_request", "the request changed")
            _open_approval(uow, updated)
        request = updated
    if status == "approved":
        return approve_change_request(uow, request_id)
    if status == "rejected":
        return reject_change_request(uow, request_id, reason or "")
    if status not in (None, "open"):
        raise InvalidTransition({"status": f"must be approved or rejected, not {status}"})
    return with_impact(request)


def approve_change_request(uow, request_id: str, comment: str | None = None) -> dict:
    """Carry out an open change (manager or admin). On a deal: a new revision of its latest
    quote, with an adjustment line for a nonzero amount delta (`result_quote_id` names
    it). On an order: the total moves by the delta, spread over the milestones not yet
    invoiced in proportion to their amounts, whose due dates shift by date_delta_days;
    refused if the new total would fall below what is already invoiced."""
    require_role(uow.actor.role, APPROVER_ROLES, "approve a change request")
    request = _open(uow, request_id)
    subject = uow.require(request["subject_entity"], request["subject_id"])
    current, invoiced = _impact(uow, request["subject_entity"], subject)
    changes = {"status": "approved", "decided_by": uow.actor.id, "decided_at": uow.now,
               "current_total_minor": current, "invoiced_minor": invoiced}
    if request["subject_entity"] == "deal":
        changes["result_quote_id"] = _new_quote_version(uow, request, subject)["id"]
    else:
        _adjust_order(uow, request, subject)
    for approval in approvals.pending_for(uow, "change_request", request_id):
        approvals.close_approval(uow, approval["id"], "approved", comment)
    return with_impact(uow.update("change_request", request_id, changes, transition=True))


def reject_change_request(uow, request_id: str, reason: str) -> dict:
    """Reject an open change (manager or admin); a reason is required."""
    require_role(uow.actor.role, APPROVER_ROLES, "reject a change request")
    if not (reason or "").strip():
        raise ValidationError({"reject_reason": "is required to reject a change request"})
    _open(uow, request_id)
    for approval in approvals.pending_for(uow, "change_request", request_id):
        approvals.close_approval(uow, approval["id"], "rejected", reason.strip())
    return with_impact(uow.update("change_request", request_id, {
        "status": "rejected", "reject_reason": reason.strip(), "decided_by": uow.actor.id,
        "decided_at": uow.now}, transition=True))


def delete_change_request(uow, request_id: str) -> dict:
    """Withdraw an open request (its approval is voided); a decided one stays on record."""
    _open(uow, request_id)
    approvals.void_for(uow, "change_request", request_id, "change_request", "request withdrawn")
    return uow.delete("change_request", request_id)


def _open(uow, request_id: str) -> dict:
    request = uow.require("change_request", request_id)
    if request["status"] != "open":
        raise InvalidTransition({"status": f"the change request is already {request['status']}"})
    return request


def _impact(uow, entity: str, subject: dict) -> tuple[int, int]:
    """(current total, amount invoiced) of a subject that can still take a change."""
    if entity == "deal":
        quote = quotes.latest_quote(uow, subject["id"])
        if quote is None:
            raise ValidationError({"subject_id": "the deal has no quote to change; quote it first"})
        if quote["status"] == "accepted":
            raise ValidationError({"subject_id": "the deal's quote is accepted; raise the change on its order"})
        return quote["total_minor"], 0
    if subject["status"] not in ("pending_credit", "confirmed"):
        raise ValidationError({"subject_id": f"a {subject['status']} order takes no change"})
    c = uow.c("invoice")
    issued = uow.select("invoice", c.order_id == subject["id"], c.status.in_(ISSUED_STATES))
    return subject["total_minor"], sum(i["total_minor"] for i in issued)


def _hash(request: dict) -> str:
    payload = [request["description"], request["amount_delta_minor"], request["date_delta_days"]]
    return hashlib.sha256(orjson.dumps(payload)).hexdigest()


def _open_approval(uow, request: dict) -> dict:
    reason = (f"{request['subject_entity']} change: amount {request['amount_delta_minor']:+d}, "
              f"dates {request['date_delta_days']:+d} days: {request['description']}")
    return approvals.open_approval(uow, kind="change_request", subject_entity="change_request",
                                   subject_id=request["id"], customer_id=request["customer_id"],
                                   reason=reason, content_hash=_hash(request))


def _new_quote_version(uow, request: dict, deal: dict) -> dict:
    latest = quotes.latest_quote(uow, deal["id"])
    new = quotes.revise_quote(uow, latest["id"])
    if request["amount_delta_minor"]:
        quotes.add_line(uow, {"quote_id": new["id"], "description": f"Change: {request['description']}"[:300],
                              "quantity_milli": 1000, "unit_price_minor": request["amount_delta_minor"],
                              "discount_bp": 0, "tax_rate_bp": 0})
    return new


def _adjust_order(uow, request: dict, order: dict) -> None:
    plan = orders.billing_plan(uow, order["id"])
    delta, days = request["amount_delta_minor"], request["date_delta_days"]
    new_total = order["total_minor"] + delta
    # Milestones with an invoice (even a draft) are fixed, so they are a floor too.
    locked = sum(m["amount_minor"] for m in plan if m["invoice_id"])
    _, invoiced = _impact(uow, "order", order)
    floor = max(locked, invoiced)
    if new_total < floor:
        raise ValidationError({"amount_delta_minor": f"the order total would be {new_total}, below the {floor} "
                                                     "already invoiced"})
    open_ms = [m for m in plan if not m["invoice_id"]]
    shares = iter(_spread(delta, [m["amount_minor"] for m in open_ms]))
    entries = []
    for m in plan:
        if m["invoice_id"]:
            entries.append({"id": m["id"]})
            continue
        entries.append({"id": m["id"], "label": m["label"], "due_on": _shift(m["due_on"], days),
                        "amount_minor": m["amount_minor"] + next(shares)})
    if not open_ms and delta:
        entries.append({"label": f"Change: {request['description']}"[:120], "amount_minor": delta})
    uow.update("order", order["id"], {"total_minor": new_total}, transition=True)
    orders.set_billing_plan(uow, order["id"], entries)


def _spread(delta: int, amounts: list[int]) -> list[int]:
    """`delta` in shares proportional to `amounts`, the last taking the remainder."""
    if not amounts:
        return []
    base = sum(amounts)
    if base <= 0:
        return [0] * (len(amounts) - 1) + [delta]
    shares = [money.div_round(delta * a, base) for a in amounts[:-1]]
    return shares + [delta - sum(shares)]


def _shift(day: str | None, days: int) -> str | None:
    if not day or not days:
        return day
    return (clock.parse_date(day) + dt.timedelta(days=days)).isoformat()
