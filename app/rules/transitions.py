"""State-machine checks on a record before and after a change, shared by both ends."""
from __future__ import annotations

from app.errors import InvalidTransition, Immutable
from app.rules.states import (
    DEAL_TRANSITIONS, HANDOFF_TRANSITIONS, INVOICE_TRANSITIONS, ISSUED_STATES, LEAD_TRANSITIONS,
    ORDER_TRANSITIONS, QUOTE_TRANSITIONS, can_move,
)

MACHINES = {
    "lead": ("status", LEAD_TRANSITIONS),
    "deal": ("stage", DEAL_TRANSITIONS),
    "quote": ("status", QUOTE_TRANSITIONS),
    "invoice": ("status", INVOICE_TRANSITIONS),
    "order": ("status", ORDER_TRANSITIONS),
    "handoff": ("status", HANDOFF_TRANSITIONS),
}

# Fields of an issued invoice that payments move; everything else is frozen.
INVOICE_PAYMENT_FIELDS = frozenset({"status", "paid_minor", "updated_at", "version"})


def check_transition(entity: str, before: dict | None, after: dict) -> None:
    """Raise InvalidTransition if `before` -> `after` is a move its state machine refuses,
    or Immutable if it changes a document that may no longer change."""
    machine = MACHINES.get(entity)
    if machine and before is not None:
        field, transitions = machine
        old, new = before.get(field), after.get(field)
        if old != new and not can_move(transitions, old, new):
            raise InvalidTransition({field: f"cannot go from {old} to {new}"})
    if before is None:
        return
    if entity == "invoice" and before.get("status") in ISSUED_STATES:
        changed = {k for k in after if after.get(k) != before.get(k)}
        frozen = sorted(changed - INVOICE_PAYMENT_FIELDS)
        if frozen:
            raise Immutable(f"an issued invoice cannot change ({', '.join(frozen)}); issue a credit note",
                            details={"fields": frozen})
    if entity == "invoice" and before.get("status") == "void":
        raise Immutable("a void invoice cannot change")
    if entity in ("payment", "payment_allocation"):
        changed = {k for k in after if after.get(k) != before.get(k)} - {"allocated_minor", "updated_at", "version"}
        if changed:
            raise Immutable(f"a recorded {entity.replace('_', ' ')} cannot change; record a correction",
                            details={"fields": sorted(changed)})


def check_delete(entity: str, record: dict) -> None:
    """Raise Immutable if a record may not be deleted in its present state."""
    if entity == "invoice" and record.get("status") not in ("draft", "pending_issue"):
        raise Immutable("only a draft invoice can be deleted; void it or issue a credit note")
    if entity == "payment" and (record.get("allocated_minor") or 0) > 0:
        raise Immutable("a payment allocated to invoices cannot be deleted; remove its allocations first")
    if entity == "deal_stage_event":
        raise Immutable("stage history cannot be deleted")
