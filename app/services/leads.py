"""Leads: new -> working -> qualified -> converted | disqualified."""
from __future__ import annotations

from app.errors import DuplicateFound, InvalidTransition
from app.rules.states import LEAD_TRANSITIONS, can_move
from app.services import customers, deals


def create_lead(uow, values: dict) -> dict:
    return uow.create("lead", values)


def update_lead(uow, lead_id: str, changes: dict) -> dict:
    """Edit ordinary fields; a `status` among them goes through the matching transition."""
    changes = dict(changes)
    status = changes.pop("status", None)
    lead = uow.require("lead", lead_id)
    if changes:
        lead = uow.update("lead", lead_id, changes)
    if status is not None and status != lead["status"]:
        if status == "disqualified":
            return disqualify(uow, lead_id, changes.get("disqualify_reason") or "")
        if status == "converted":
            return convert(uow, lead_id)["lead"]
        return _move(uow, lead_id, status)
    return lead


def start_work(uow, lead_id: str) -> dict:
    return _move(uow, lead_id, "working")


def qualify(uow, lead_id: str) -> dict:
    return _move(uow, lead_id, "qualified")


def reopen(uow, lead_id: str) -> dict:
    return _move(uow, lead_id, "working", disqualify_reason=None)


def disqualify(uow, lead_id: str, reason: str) -> dict:
    """Disqualify with a reason (required)."""
    return _move(uow, lead_id, "disqualified", disqualify_reason=reason)


def convert(uow, lead_id: str, *, customer_id: str | None = None, deal: dict | None = None,
            allow_duplicate: bool = False) -> dict:
    """Turn a qualified lead into a customer, a contact and a deal, in this one transaction.

    If the lead's company matches an existing customer (credit code, phone, e-mail or a
    near-identical name), raises DuplicateFound with the matches instead of creating a
    second one; call again with `customer_id` of the match to attach the lead to it, or
    with `allow_duplicate=True` after a person has decided they differ.
    Returns {"lead", "customer", "contact" (or None), "deal"}.
    """
    lead = uow.require("lead", lead_id)
    if not can_move(LEAD_TRANSITIONS, lead["status"], "converted"):
        raise InvalidTransition({"status": f"only a qualified lead converts (this one is {lead['status']})"})
    owner = lead.get("owner_id") or uow.actor.id
    if customer_id:
        customer = uow.require("customer", customer_id)
    else:
        values = {"name": lead.get("company_name") or lead.get("contact_name"), "phone": lead.get("phone"),
                  "email": lead.get("email"), "credit_code": lead.get("credit_code"),
                  "industry": lead.get("industry"), "owner_id": owner, "notes": lead.get("notes")}
        if not allow_duplicate:
            matches = customers.matching_customers(uow, values)
            if matches:
                raise DuplicateFound(
                    "the lead's company looks like an existing customer; convert into it or confirm a new one",
                    [m.as_dict() for m in matches])
        customer = uow.create("customer", values)
    contact = None
    if lead.get("contact_name"):
        contact = customers.create_contact(uow, {
            "customer_id": customer["id"], "name": lead["contact_name"], "title": lead.get("title"),
            "phone": lead.get("phone"), "email": lead.get("email"), "is_primary": customer_id is None})
    deal_values = {"customer_id": customer["id"], "owner_id": owner, "lead_id": lead_id,
                   "name": (lead.get("company_name") or lead.get("contact_name")) + " - new deal",
                   "stage": "qualification", **(deal or {})}
    new_deal = deals.create_deal(uow, deal_values)
    lead = uow.update("lead", lead_id, {
        "status": "converted", "converted_customer_id": customer["id"],
        "converted_contact_id": contact["id"] if contact else None, "converted_deal_id": new_deal["id"],
    }, transition=True)
    return {"lead": lead, "customer": customer, "contact": contact, "deal": new_deal}


def _move(uow, lead_id: str, status: str, **fields) -> dict:
    lead = uow.require("lead", lead_id)
    if not can_move(LEAD_TRANSITIONS, lead["status"], status):
        raise InvalidTransition({"status": f"cannot go from {lead['status']} to {status}"})
    return uow.update("lead", lead_id, {"status": status, **fields}, transition=True)
