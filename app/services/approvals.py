"""Approvals: requests for a decision (a quote over threshold, a credit release, a change
request), each bound to the content it is about, and the decisions on them.

The subject's service opens the approval; `decide_approval` is the one door for a
decision, and hands it to the subject's service so the subject moves in the same
transaction. Requests are plain records, so a rep can raise one offline.
"""
from __future__ import annotations

from app.errors import InvalidTransition, ValidationError
from app.rules.permissions import require_role

# Who decides each kind. Credit is finance work; discounts and changes are the manager's.
DECIDERS = {
    "quote": ("manager", "admin"),
    "change_request": ("manager", "admin"),
    "credit": ("finance", "admin"),
}
DECISIONS = ("approved", "rejected")


def open_approval(uow, *, kind: str, subject_entity: str, subject_id: str, customer_id: str,
                  reason: str, content_hash: str | None = None) -> dict:
    """Record a pending request for a decision of `kind` about one subject record."""
    return uow.create("approval", {
        "kind": kind, "subject_entity": subject_entity, "subject_id": subject_id,
        "customer_id": customer_id, "content_hash": content_hash, "reason": reason[:300],
        "requested_by": uow.actor.id, "requested_at": uow.now,
    })


def pending_for(uow, subject_entity: str, subject_id: str) -> list[dict]:
    """Undecided approvals about one record, oldest first."""
    c = uow.c("approval")
    return uow.select("approval", c.subject_entity == subject_entity, c.subject_id == subject_id,
                      c.status == "pending", order_by=[c.requested_at, c.id])


def inbox(uow, kinds: tuple[str, ...] | None = None) -> list[dict]:
    """Every pending approval (of `kinds`, default all), oldest request first."""
    c = uow.c("approval")
    conditions = [c.status == "pending"]
    if kinds:
        conditions.append(c.kind.in_(kinds))
    return uow.select("approval", *conditions, order_by=[c.requested_at, c.id])


def close_approval(uow, approval_id: str, status: str, comment: str | None = None) -> dict:
    """Settle an approval as approved, rejected or void, recording who and when."""
    approval = uow.require("approval", approval_id)
    if approval["status"] != "pending" and not (status == "void" and approval["status"] == "approved"):
        raise InvalidTransition({"status": f"the approval is already {approval['status']}"})
    changes = {"status": status}
    if status != "void":
        changes.update(decided_by=uow.actor.id, decided_at=uow.now)
    if comment:
        changes["comment"] = comment
    return uow.update("approval", approval_id, changes, transition=True)


def void_for(uow, subject_entity: str, subject_id: str, kind: str, comment: str) -> list[dict]:
    """Void the pending and approved approvals of `kind` about a record whose content
    changed: what they decided is no longer what the record says."""
    c = uow.c("approval")
    live = uow.select("approval", c.subject_entity == subject_entity, c.subject_id == subject_id,
                      c.kind == kind, c.status.in_(("pending", "approved")))
    return [close_approval(uow, a["id"], "void", comment) for a in live]


def decide_approval(uow, approval_id: str, decision: str, comment: str | None = None) -> dict:
    """Approve or reject a pending approval (`decision` is "approved" or "rejected"); the
    subject follows: a quote becomes approved or returns to draft, an order's credit is
    released or refused, a change request is carried out or rejected. Quote and change
    approvals are a manager's or admin's, credit approvals finance's or admin's
    (PermissionDenied otherwise). A rejection needs a comment. Returns the approval."""
    # Imported here: the subject services open approvals through this module.
    from app.services import change_requests, orders, quotes

    if decision not in DECISIONS:
        raise ValidationError({"decision": f"must be one of {', '.join(DECISIONS)}"})
    approval = uow.require("approval", approval_id)
    require_role(uow.actor.role, DECIDERS[approval["kind"]], f"decide a {approval['kind']} approval")
    if approval["status"] != "pending":
        raise InvalidTransition({"status": f"the approval is already {approval['status']}"})
    comment = (comment or "").strip() or None
    if decision == "rejected" and not comment:
        raise ValidationError({"comment": "is required to reject"})
    kind, subject_id = approval["kind"], approval["subject_id"]
    if kind == "quote":
        quotes.settle_approval(uow, approval, decision, comment)
    elif kind == "credit":
        if decision == "approved":
            orders.release_credit(uow, subject_id, comment)
        else:
            orders.refuse_credit(uow, subject_id, comment)
    elif decision == "approved":
        change_requests.approve_change_request(uow, subject_id, comment)
    else:
        change_requests.reject_change_request(uow, subject_id, comment)
    return uow.require("approval", approval_id)


def add_approval(uow, values: dict) -> dict:
    """The `records add approval` door: only a quote's approval can be asked for by hand
    (credit and change approvals come from the order and the change request)."""
    from app.services import quotes

    if values.get("kind", "quote") != "quote" or values.get("subject_entity", "quote") != "quote":
        raise ValidationError({"kind": "only a quote approval is requested by hand; credit and change "
                                       "approvals are opened by the order and the change request"})
    if not values.get("subject_id"):
        raise ValidationError({"subject_id": "is required (the quote)"})
    return quotes.request_approval(uow, values["subject_id"], values.get("comment"))["approval"]


def update_approval(uow, approval_id: str, changes: dict) -> dict:
    """The `records edit approval` door: `status=approved|rejected [comment=...]` decides."""
    changes = dict(changes)
    status = changes.pop("status", None)
    comment = changes.pop("comment", None)
    if changes:
        raise ValidationError({k: "is set when the approval is requested" for k in changes})
    if status is not None:
        return decide_approval(uow, approval_id, status, comment)
    return uow.update("approval", approval_id, {"comment": comment})


def delete_approval(uow, approval_id: str) -> dict:
    """The `records delete approval` door: approvals are a record of decisions and stay;
    a request goes away by being decided or by its subject changing (void)."""
    uow.require("approval", approval_id)
    raise ValidationError({"id": "an approval is kept; decide it, or change its subject to void it"})
