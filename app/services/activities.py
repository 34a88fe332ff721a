"""Activities (calls, visits, meetings...) and tasks with due dates."""
from __future__ import annotations

from app.errors import ValidationError

LOGGED_KINDS = ("call", "visit", "meeting", "email", "note", "reminder")


def log_activity(uow, kind: str, subject: str, **fields) -> dict:
    """Record something that happened (done now unless `done_at` says otherwise)."""
    if kind == "task":
        raise ValidationError({"kind": "use create_task for a task"})
    fields.setdefault("done_at", uow.now)
    return uow.create("activity", {"kind": kind, "subject": subject, **_with_customer(uow, fields)})


def create_task(uow, subject: str, due_at, **fields) -> dict:
    return uow.create("activity", {"kind": "task", "subject": subject, "due_at": due_at,
                                   **_with_customer(uow, fields)})


def complete(uow, activity_id: str) -> dict:
    return uow.update("activity", activity_id, {"done_at": uow.now})


def reopen(uow, activity_id: str) -> dict:
    return uow.update("activity", activity_id, {"done_at": None})


def update_activity(uow, activity_id: str, changes: dict) -> dict:
    return uow.update("activity", activity_id, changes)


def _with_customer(uow, fields: dict) -> dict:
    """An activity about a deal is also about the deal's customer (so it sits in that book)."""
    if fields.get("deal_id") and not fields.get("customer_id"):
        deal = uow.require("deal", fields["deal_id"])
        fields = {**fields, "customer_id": deal["customer_id"]}
    return fields
