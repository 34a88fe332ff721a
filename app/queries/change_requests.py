"""Change requests as the change screen shows them: the request with its impact, what it
is about, and the approval waiting on it."""
from __future__ import annotations

from app.rules.states import ISSUED_STATES
from app.services import approvals, change_requests, orders, quotes


def change_request_view(uow, request_id: str) -> dict:
    """The request with "impact" (current and new total, delta, already invoiced, days;
    for an order also `remaining_plan`, the milestones not yet invoiced, and
    `remaining_minor`), `subject_name` (the deal's name or the order's number), the
    customer, `approval_id` of the pending approval (None once decided) and who raised
    and decided it."""
    request = change_requests.with_impact(uow.require("change_request", request_id))
    subject = uow.get(request["subject_entity"], request["subject_id"]) or {}
    if request["subject_entity"] == "order" and subject:
        remaining = [m for m in orders.billing_plan(uow, subject["id"]) if not m["invoice_id"]]
        request["impact"].update(remaining_plan=remaining, remaining_minor=sum(m["amount_minor"] for m in remaining))
    name = subject.get("name") if request["subject_entity"] == "deal" else subject.get("number")
    pending = approvals.pending_for(uow, "change_request", request_id)
    users = {u["id"]: u["display_name"] or u["username"] for u in uow.select("user")}
    return {**request, "subject_name": name, "customer": uow.get("customer", request["customer_id"]),
            "approval_id": pending[0]["id"] if pending else None,
            "requested_by_name": users.get(request["requested_by"]),
            "decided_by_name": users.get(request["decided_by"]),
            "currency": subject.get("currency") or "CNY",
            "result_quote": uow.get("quote", request["result_quote_id"]) if request["result_quote_id"] else None}


def preview_impact(uow, subject_entity: str, subject_id: str) -> dict:
    """Before a request is raised: the subject's current total and what is already
    invoiced on it, so the person sees the impact while typing the deltas, and `problem`
    when the subject takes no change (the service refuses it then, with the same words)."""
    subject = uow.require(subject_entity, subject_id)
    out = {"subject_entity": subject_entity, "subject_id": subject_id, "currency": subject["currency"],
           "subject_name": subject.get("name") if subject_entity == "deal" else subject.get("number"),
           "current_total_minor": 0, "invoiced_minor": 0, "problem": None}
    if subject_entity == "deal":
        quote = quotes.latest_quote(uow, subject_id)
        if quote is None:
            out["problem"] = "the deal has no quote to change; quote it first"
        elif quote["status"] == "accepted":
            out["problem"] = "the deal's quote is accepted; raise the change on its order"
        else:
            out["current_total_minor"] = quote["total_minor"]
        return out
    c = uow.c("invoice")
    issued = uow.select("invoice", c.order_id == subject_id, c.status.in_(ISSUED_STATES))
    out["current_total_minor"] = subject["total_minor"]
    out["invoiced_minor"] = sum(i["total_minor"] for i in issued)
    if subject["status"] not in ("pending_credit", "confirmed"):
        out["problem"] = f"a {subject['status']} order takes no change"
    return out
