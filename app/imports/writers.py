"""Writing one planned record through the service that owns its rules, so every imported
record is validated, audited and queued for sync like one typed in by hand."""
from __future__ import annotations

from app.errors import ValidationError
from app.rules.states import CLOSED_STAGES
from app.services import customers, deals, leads, products, quotas, records


def create(uow, entity: str, values: dict, *, opened_at: str | None = None,
           opened_stage: str | None = None) -> dict:
    """Create a record of `entity` from planned values; returns it."""
    # An id from the file only finds a record to update; a new record gets its own.
    values = {k: v for k, v in values.items() if v is not None and k != "id"}
    if entity == "customer":
        # The plan has already put any look-alike to the user as a decision.
        return customers.create_customer(uow, values, allow_duplicate=True)
    if entity == "deal":
        return _create_deal(uow, values, opened_at, opened_stage)
    if entity == "lead":
        return _create_lead(uow, values)
    if entity == "product":
        return products.create_product(uow, values)
    if entity == "activity":
        if values.get("deal_id") and not values.get("customer_id"):
            values["customer_id"] = uow.require("deal", values["deal_id"])["customer_id"]
        return uow.create("activity", values)
    if entity == "quota":
        return quotas.set_quota(uow, values)
    if entity == "user":
        return uow.create("user", values)
    return records.add(uow, entity, values)


def update(uow, entity: str, record_id: str, changes: dict) -> dict:
    """Apply planned changes to an existing record; returns it."""
    changes = {k: v for k, v in changes.items() if k != "id"}
    if entity == "deal":
        return _update_deal(uow, record_id, changes)
    if entity == "product":
        return products.update_product(uow, record_id, changes)
    if entity == "user":
        return uow.update("user", record_id, changes)
    if entity == "quota":
        record = uow.require("quota", record_id)
        return quotas.set_quota(uow, {**record, **changes})
    return records.edit(uow, entity, record_id, changes)


def _at(day: str | None) -> str | None:
    return f"{day}T00:00:00Z" if day else None


def _create_deal(uow, values: dict, opened_at: str | None, opened_stage: str | None) -> dict:
    """A deal with the history the source knows: opened (at `opened_stage`) on its
    opening day, then closed on its closing day; an open deal starts at its stage."""
    stage = values.get("stage") or "prospecting"
    if stage not in CLOSED_STAGES:
        return deals.create_deal(uow, values, at=opened_at)
    if not opened_at:
        return deals.create_deal(uow, values, at=_at(values.get("closed_on")))
    opening = {k: v for k, v in values.items() if k not in ("stage", "closed_on", "lost_reason")}
    deal = deals.create_deal(uow, {**opening, "stage": opened_stage or "prospecting"}, at=opened_at)
    outcome = {k: values[k] for k in ("closed_on", "lost_reason") if values.get(k)}
    return deals.move_stage(uow, deal["id"], stage, at=_at(values.get("closed_on")) or opened_at, **outcome)


def _update_deal(uow, deal_id: str, changes: dict) -> dict:
    changes = dict(changes)
    stage = changes.pop("stage", None)
    outcome = {k: changes.pop(k) for k in ("closed_on", "lost_reason") if k in changes}
    deal = deals.update_deal(uow, deal_id, changes) if changes else uow.require("deal", deal_id)
    if stage:
        at = _at(outcome.get("closed_on")) if stage in CLOSED_STAGES else None
        deal = deals.move_stage(uow, deal_id, stage, at=at, **outcome)
    elif outcome:
        raise ValidationError({k: "changes only with a stage move" for k in outcome})
    return deal


def _create_lead(uow, values: dict) -> dict:
    status = values.pop("status", None) or "new"
    if status == "converted":
        raise ValidationError({"status": "a lead cannot arrive converted; import it as qualified and convert it"})
    reason = values.pop("disqualify_reason", None)
    lead = leads.create_lead(uow, values)
    if status == "disqualified":
        return leads.disqualify(uow, lead["id"], reason or "")
    return leads.update_lead(uow, lead["id"], {"status": status}) if status != "new" else lead


def plan_problems(entity: str, values: dict) -> list[str]:
    """Reasons a row would fail in its writer that the plan can tell in advance."""
    if entity == "lead" and values.get("status") == "converted":
        return ["status: a lead cannot arrive converted; import it as qualified and convert it"]
    return []

