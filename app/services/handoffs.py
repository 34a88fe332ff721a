"""Hand-offs between sales and finance, and the one inbox every role works from.

A won deal lands as an `order_acceptance` item with the role Responsible for that step
(the RACI matrix); that role accepts it or returns it with a comment, and the sender
hands it over again once fixed. The inbox also gathers the other work waiting on a role:
pending approvals (quote, credit, change request), invoices waiting to be issued and
billing milestones due for invoicing, each with its age against the step's target time
(dictionary `handoff_target_hours`) and an overdue flag.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app import clock
from app.errors import InvalidTransition, ValidationError
from app.rules import raci
from app.rules.permissions import require_role
from app.rules.states import HANDOFF_TRANSITIONS, PROCESS_STEPS, can_move
from app.services import orders, quotes, responsibilities

APPROVAL_STEPS = {"quote": "quote_approval", "credit": "credit_release", "change_request": "change_approval"}


# -- creating ---------------------------------------------------------------------------

def on_deal_won(uow, deal: dict) -> dict | None:
    """Hand a just-won deal to the role Responsible for order acceptance, once per deal
    (a second call returns None). The item names the accepted quote (else the latest)
    and the deal's order if one is drafted; its amount is the order's, quote's or deal's."""
    c = uow.c("handoff")
    if uow.select("handoff", c.deal_id == deal["id"], c.step == "order_acceptance"):
        return None
    quote = _deal_quote(uow, deal["id"])
    order = _deal_order(uow, deal["id"])
    source = order or quote or deal
    return hand_over(uow, "order_acceptance", "deal", deal["id"], deal_id=deal["id"],
                     quote_id=quote["id"] if quote else None, order_id=order["id"] if order else None,
                     amount_minor=source.get("total_minor", source.get("amount_minor")),
                     currency=source.get("currency"))


def hand_over(uow, step: str, subject_entity: str, subject_id: str, *, title: str | None = None,
              **refs) -> dict:
    """Open an item of `step` about one record for the role Responsible for the step.
    `refs` may name deal_id, quote_id, order_id, amount_minor and currency; the customer
    is the subject's. Returns the item."""
    if step not in PROCESS_STEPS:
        raise ValidationError({"step": f"must be one of {', '.join(PROCESS_STEPS)}"})
    subject = uow.require(subject_entity, subject_id)
    customer_id = subject["id"] if subject_entity == "customer" else subject.get("customer_id")
    if not customer_id:
        raise ValidationError({"subject_id": f"the {subject_entity} belongs to no customer"})
    customer = uow.require("customer", customer_id)
    if title is None:
        title = " — ".join(filter(None, [customer["name"], subject.get("name") or subject.get("number")]))
    return uow.create("handoff", {
        "step": step, "subject_entity": subject_entity, "subject_id": subject_id, "customer_id": customer_id,
        "assigned_role": responsibilities.responsible_role(uow, step), "title": title[:300],
        "requested_by": uow.actor.id, "requested_at": uow.now, **refs})


# -- deciding ---------------------------------------------------------------------------

def accept_handoff(uow, handoff_id: str, comment: str | None = None) -> dict:
    """The receiving side takes the item (a role that is R or A for its step, or an
    admin). Returns the item."""
    _deciding(uow, handoff_id, "accepted")
    return uow.update("handoff", handoff_id, {
        "status": "accepted", "decided_by": uow.actor.id, "decided_at": uow.now,
        "comment": (comment or "").strip() or None}, transition=True)


def return_handoff(uow, handoff_id: str, comment: str) -> dict:
    """Send the item back to its sender with what is missing (a comment is required)."""
    if not (comment or "").strip():
        raise ValidationError({"comment": "is required to return a hand-off: say what is missing"})
    _deciding(uow, handoff_id, "returned")
    return uow.update("handoff", handoff_id, {
        "status": "returned", "decided_by": uow.actor.id, "decided_at": uow.now, "comment": comment.strip()},
        transition=True)


def resubmit_handoff(uow, handoff_id: str, comment: str | None = None) -> dict:
    """Hand a returned item over again once fixed: open, its age counted afresh, the
    accepted quote and order looked up again for a deal."""
    item = uow.require("handoff", handoff_id)
    _check_move(item, "open")
    changes = {"status": "open", "requested_by": uow.actor.id, "requested_at": uow.now,
               "decided_by": None, "decided_at": None, "comment": (comment or "").strip() or None}
    if item["deal_id"]:
        quote, order = _deal_quote(uow, item["deal_id"]), _deal_order(uow, item["deal_id"])
        source = order or quote
        changes.update(quote_id=quote["id"] if quote else None, order_id=order["id"] if order else None)
        if source:
            changes.update(amount_minor=source["total_minor"], currency=source["currency"])
    return uow.update("handoff", handoff_id, changes, transition=True)


def _deciding(uow, handoff_id: str, target: str) -> dict:
    item = uow.require("handoff", handoff_id)
    deciders = raci.roles_with(responsibilities.matrix(uow), item["step"], "RA")
    require_role(uow.actor.role, tuple(dict.fromkeys([*deciders, "admin"])), f"decide a {item['step']} hand-off")
    _check_move(item, target)
    return item


def _check_move(item: dict, target: str) -> None:
    if not can_move(HANDOFF_TRANSITIONS, item["status"], target):
        raise InvalidTransition({"status": f"the hand-off is {item['status']}; it cannot become {target}"})


# -- reading ----------------------------------------------------------------------------

def handoff_detail(uow, handoff_id: str, *, now=None) -> dict:
    """Everything the receiving side needs, read now: the item with its age, the
    customer, the deal, the quote with its lines, the order with its billing plan and
    credit check, the contacts (primary first), and `missing`: what a complete hand-off
    would have and this one lacks."""
    item = uow.require("handoff", handoff_id)
    customer = uow.require("customer", item["customer_id"])
    deal = uow.get("deal", item["deal_id"]) if item["deal_id"] else None
    quote = uow.get("quote", item["quote_id"]) if item["quote_id"] else None
    order = uow.get("order", item["order_id"]) if item["order_id"] else None
    if deal and not order:  # drafted after the hand-off
        order = _deal_order(uow, deal["id"])
    c = uow.c("contact")
    contacts = uow.select("contact", c.customer_id == customer["id"], order_by=[c.is_primary.desc(), c.name])
    missing = []
    if quote is None or quote["status"] != "accepted":
        missing.append("accepted_quote")
    plan = orders.billing_plan(uow, order["id"]) if order else []
    if order is None:
        missing.append("order")
    if not contacts:
        missing.append("contact")
    amount = (order or quote or {}).get("total_minor", item["amount_minor"])
    currency = (order or quote or {}).get("currency", item["currency"] or customer["currency"])
    check = orders.credit_check(uow, customer["id"], amount, currency) if amount is not None else None
    return {
        "handoff": {**item, **_timing(uow, item["step"], item["requested_at"] or item["created_at"], now)},
        "customer": customer, "deal": deal,
        "quote": {**quote, "lines": quotes.quote_lines(uow, quote["id"])} if quote else None,
        "order": {**order, "billing_plan": plan} if order else None,
        "credit_check": check, "contacts": contacts, "missing": missing,
    }


def approval_detail(uow, approval_id: str, *, now=None) -> dict:
    """What a decider needs to decide an approval from the inbox: the approval with its
    age, the customer, and by kind: a quote with its lines and its comparison with the
    revision it supersedes (app/services/quote_comparison.py); an order with its billing
    plan and credit check; a change request with its impact (current and new total,
    already invoiced and, for an order, the remaining plan: milestones not yet invoiced,
    and their sum)."""
    from app.services import change_requests
    from app.services.quote_comparison import compare_quotes

    approval = uow.require("approval", approval_id)
    step = APPROVAL_STEPS[approval["kind"]]
    out = {"approval": {**approval, **_timing(uow, step, approval["requested_at"] or approval["created_at"], now)},
           "customer": uow.get("customer", approval["customer_id"])}
    subject = uow.get(approval["subject_entity"], approval["subject_id"])
    if subject is None:
        return {**out, "subject": None}
    if approval["kind"] == "quote":
        out["subject"] = {**subject, "lines": quotes.quote_lines(uow, subject["id"])}
        previous = uow.get("quote", subject["supersedes_id"]) if subject["supersedes_id"] else None
        out["comparison"] = compare_quotes(uow, previous["id"], subject["id"]) \
            if previous and previous["currency"] == subject["currency"] else None
    elif approval["kind"] == "credit":
        out["subject"] = {**subject, "billing_plan": orders.billing_plan(uow, subject["id"])}
        out["credit_check"] = orders.credit_check(uow, subject["customer_id"], subject["total_minor"],
                                                  subject["currency"])
    else:
        request = change_requests.with_impact(subject)
        if subject["subject_entity"] == "order":  # a deal has no plan yet: its quote changes
            remaining = [m for m in orders.billing_plan(uow, subject["subject_id"]) if not m["invoice_id"]]
            request["impact"].update(remaining_plan=remaining,
                                     remaining_minor=sum(m["amount_minor"] for m in remaining))
        out["subject"] = request
    return out


def inbox(uow, role: str | None = None, *, now=None) -> list[dict]:
    """The work waiting on `role` (default: the actor's): the items of every step where
    the role is Responsible (an admin sees every step), plus hand-offs returned to the
    actor. Each item: kind (handoff | approval | invoice | milestone), id, step, title,
    customer_id, customer_name, subject_entity, subject_id, amount_minor, currency,
    status, since, age_hours, target_hours, due_at, overdue, requested_by, note. The
    most urgent (earliest due) first."""
    role = role or uow.actor.role
    now = _moment(now)
    steps = list(PROCESS_STEPS) if role == "admin" else raci.steps_for(responsibilities.matrix(uow), role, "R")
    items = []
    c = uow.c("handoff")
    for h in uow.select("handoff", c.status == "open", c.step.in_(steps)):
        items.append(_handoff_item(h))
    for h in uow.select("handoff", c.status == "returned", c.requested_by == uow.actor.id):
        items.append({**_handoff_item(h), "note": h["comment"]})
    kinds = [kind for kind, step in APPROVAL_STEPS.items() if step in steps]
    if kinds:
        a = uow.c("approval")
        for approval in uow.select("approval", a.status == "pending", a.kind.in_(kinds)):
            items.append(_approval_item(uow, approval))
    if "invoicing" in steps:
        items.extend(_invoicing_items(uow, now.date().isoformat()))
    names = _customer_names(uow, {i["customer_id"] for i in items})
    out = [{**item, "customer_name": names.get(item["customer_id"]), **_timing(uow, item["step"], item["since"], now)}
           for item in items]
    return sorted(out, key=lambda i: (i["due_at"] or "9999", i["since"] or "", i["id"]))


def _handoff_item(h: dict) -> dict:
    return {"kind": "handoff", "id": h["id"], "step": h["step"], "title": h["title"],
            "customer_id": h["customer_id"],
            "subject_entity": h["subject_entity"], "subject_id": h["subject_id"],
            "amount_minor": h["amount_minor"], "currency": h["currency"], "status": h["status"],
            "since": h["requested_at"] or h["created_at"], "requested_by": h["requested_by"],
            "note": h["comment"] if h["status"] == "open" else None}


def _approval_item(uow, approval: dict) -> dict:
    subject = uow.get(approval["subject_entity"], approval["subject_id"]) or {}
    amount = subject.get("total_minor")
    if approval["kind"] == "change_request":
        amount = subject.get("amount_delta_minor")
    title = {"quote": f"Quote revision {subject.get('revision', '?')}",
             "credit": f"Credit release for order {subject.get('number') or ''}".rstrip(),
             "change_request": f"Change: {subject.get('description') or ''}"}[approval["kind"]]
    return {"kind": "approval", "id": approval["id"], "step": APPROVAL_STEPS[approval["kind"]], "title": title,
            "customer_id": approval["customer_id"],
            "subject_entity": approval["subject_entity"], "subject_id": approval["subject_id"],
            "amount_minor": amount, "currency": subject.get("currency"), "status": approval["status"],
            "since": approval["requested_at"] or approval["created_at"], "requested_by": approval["requested_by"],
            "note": approval["reason"]}


def _invoicing_items(uow, today: str) -> list[dict]:
    """Invoices waiting for the server to issue them, and milestones of confirmed orders
    due by `today` with no invoice yet: aged from the due date."""
    items = []
    c = uow.c("invoice")
    for inv in uow.select("invoice", c.status == "pending_issue"):
        items.append({"kind": "invoice", "id": inv["id"], "step": "invoicing",
                      "title": f"Issue {'credit note' if inv['kind'] == 'credit_note' else 'invoice'}",
                      "customer_id": inv["customer_id"],
                      "subject_entity": "invoice", "subject_id": inv["id"], "amount_minor": inv["total_minor"],
                      "currency": inv["currency"], "status": inv["status"], "since": inv["updated_at"],
                      "requested_by": None, "note": inv["notes"]})
    m, o = uow.c("billing_milestone"), uow.c("order")
    confirmed = {r["id"]: r for r in uow.select("order", o.status == "confirmed")}
    for ms in uow.select("billing_milestone", m.invoice_id.is_(None), m.due_on <= today):
        order = confirmed.get(ms["order_id"])
        if order is None:
            continue
        items.append({"kind": "milestone", "id": ms["id"], "step": "invoicing",
                      "title": f"Invoice {order['number'] or 'order'}: {ms['label']}",
                      "customer_id": order["customer_id"],
                      "subject_entity": "billing_milestone", "subject_id": ms["id"],
                      "amount_minor": ms["amount_minor"], "currency": order["currency"], "status": "due",
                      "since": f"{ms['due_on']}T00:00:00Z", "requested_by": None, "note": None})
    return items


def _timing(uow, step: str, since: str | None, now) -> dict:
    """Age of an item against its step's target: age_hours (one decimal), target_hours,
    due_at and overdue."""
    target = uow.dictionary.number("handoff_target_hours", step)
    if since is None:
        return {"age_hours": None, "target_hours": target, "due_at": None, "overdue": False}
    now = _moment(now)
    start = clock.parse_datetime(since)
    age = round((now - start).total_seconds() / 3600, 1)
    due = clock.format_datetime(start + dt.timedelta(hours=target)) if target is not None else None
    return {"age_hours": age, "target_hours": target, "due_at": due,
            "overdue": target is not None and age > target}


def _moment(value) -> dt.datetime:
    """`value` (None: now, an ISO timestamp, or an aware datetime) as an aware UTC datetime."""
    if value is None:
        return clock.now()
    return clock.parse_datetime(value) if isinstance(value, str) else value.astimezone(clock.UTC)


def _customer_names(uow, ids: set) -> dict[str, str]:
    c = uow.c("customer")
    return dict(uow.session.execute(select(c.id, c.name).where(c.id.in_(sorted(ids)))).all()) if ids else {}


def _deal_quote(uow, deal_id: str) -> dict | None:
    c = uow.c("quote")
    accepted = uow.select("quote", c.deal_id == deal_id, c.status == "accepted", order_by=[c.revision.desc()])
    return accepted[0] if accepted else quotes.latest_quote(uow, deal_id)


def _deal_order(uow, deal_id: str) -> dict | None:
    c = uow.c("order")
    rows = uow.select("order", c.deal_id == deal_id, c.status != "cancelled", order_by=[c.created_at.desc()])
    return rows[0] if rows else None
