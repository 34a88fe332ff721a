"""Sales quotas: what a rep should win per calendar month. Managers and admins set them.

A rep has at most one quota per month: its id is derived from (rep, month), so two
managers setting it offline write the same record, and the sync merges or flags it
like any other edit instead of leaving two quotas that would double the target.
"""
from __future__ import annotations

import uuid

from app.errors import ValidationError
from app.rules.permissions import APPROVER_ROLES, require_role
from app.rules.standards import normalise_month

QUOTA_NAMESPACE = uuid.UUID("a4f1c3de-2b7e-4c55-9d0a-6e1f0b3c7d21")


def quota_id(user_id: str, period: str) -> str:
    return str(uuid.uuid5(QUOTA_NAMESPACE, f"{user_id}:{period}"))


def set_quota(uow, values: dict) -> dict:
    """Set the quota of `values["user_id"]` for `values["period"]` (YYYY-MM) to
    `amount_minor` in `currency` (default CNY): creates it or changes the one there.
    Managers and admins only. Returns the quota."""
    require_role(uow.actor.role, APPROVER_ROLES, "set a sales quota")
    values = dict(values)
    errors = {k: "is required" for k in ("user_id", "period", "amount_minor") if values.get(k) in (None, "")}
    if errors:
        raise ValidationError(errors)
    try:
        period = normalise_month(str(values["period"]))
    except ValueError as exc:
        raise ValidationError({"period": str(exc)}) from None
    values["period"] = period
    rid = quota_id(values["user_id"], period)
    existing = uow.get("quota", rid, include_deleted=True)
    if existing is None:
        return uow.create("quota", values, record_id=rid)
    if existing["deleted_at"]:
        raise ValidationError({"period": "this quota was deleted; it comes back once the deletion has synced"})
    return uow.update("quota", rid, {k: v for k, v in values.items() if k in ("amount_minor", "currency")})


def delete_quota(uow, user_id: str, period: str) -> dict:
    require_role(uow.actor.role, APPROVER_ROLES, "delete a sales quota")
    return uow.delete("quota", quota_id(user_id, normalise_month(period)))


def quotas_for(uow, period_from: str, period_to: str) -> list[dict]:
    """Live quotas of the months from `period_from` to `period_to` (inclusive), by month and rep."""
    c = uow.c("quota")
    return uow.select("quota", c.period >= period_from, c.period <= period_to, order_by=[c.period, c.user_id])
