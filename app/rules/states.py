"""The state machines of the chain: states and the transitions each allows."""
from __future__ import annotations

LEAD_STATES = ("new", "working", "qualified", "converted", "disqualified")
LEAD_TRANSITIONS = {
    "new": {"working", "qualified", "disqualified"},
    "working": {"qualified", "disqualified"},
    "qualified": {"converted", "disqualified", "working"},
    "disqualified": {"working"},  # reopen
    "converted": set(),
}

DEAL_STAGES = ("prospecting", "qualification", "proposal", "negotiation", "won", "lost")
OPEN_STAGES = ("prospecting", "qualification", "proposal", "negotiation")
CLOSED_STAGES = ("won", "lost")
DEAL_TRANSITIONS = {
    **{stage: set(DEAL_STAGES) - {stage} for stage in OPEN_STAGES},
    "won": set(),
    "lost": {"prospecting", "qualification", "proposal", "negotiation"},  # reopen
}

QUOTE_STATES = ("draft", "pending_approval", "approved", "sent", "accepted", "rejected", "superseded")
QUOTE_TRANSITIONS = {
    "draft": {"pending_approval", "approved", "sent", "superseded"},
    "pending_approval": {"approved", "draft", "superseded"},
    "approved": {"sent", "draft", "superseded"},
    "sent": {"accepted", "rejected", "draft", "superseded"},
    "accepted": set(),
    "rejected": {"superseded"},
    "superseded": set(),
}

APPROVAL_STATES = ("pending", "approved", "rejected", "void")
APPROVAL_KINDS = ("quote", "credit", "change_request")

ORDER_STATES = ("pending_credit", "confirmed", "completed", "cancelled")
ORDER_TRANSITIONS = {
    "pending_credit": {"confirmed", "cancelled"},  # credit released or refused
    "confirmed": {"completed", "cancelled"},
    "completed": set(),
    "cancelled": set(),
}
CREDIT_STATES = ("ok", "needs_approval", "released", "refused")

INVOICE_STATES = ("draft", "pending_issue", "issued", "partially_paid", "paid", "void")
INVOICE_KINDS = ("invoice", "credit_note")
INVOICE_TRANSITIONS = {
    "draft": {"pending_issue", "issued", "void"},
    "pending_issue": {"issued", "draft", "void"},
    "issued": {"partially_paid", "paid"},
    "partially_paid": {"paid", "issued"},
    "paid": {"partially_paid", "issued"},  # an allocation removed by a correction
    "void": set(),
}
# Once issued, the document itself never changes: only its payment status moves.
ISSUED_STATES = ("issued", "partially_paid", "paid")

CHANGE_REQUEST_STATES = ("open", "approved", "rejected")
# A hand-off between teams: accepted by the receiving side, or returned with a comment
# to the sender, who fixes what was missing and hands it over again.
HANDOFF_STATES = ("open", "accepted", "returned")
HANDOFF_TRANSITIONS = {"open": {"accepted", "returned"}, "returned": {"open"}, "accepted": set()}
CUSTOMER_STATES = ("prospect", "active", "inactive")
ACTIVITY_KINDS = ("call", "visit", "meeting", "email", "task", "note", "reminder")
ROLES = ("rep", "manager", "finance", "admin")
RACI = ("R", "A", "C", "I")
PROCESS_STEPS = (
    "quote_approval", "order_acceptance", "credit_release", "invoicing", "collection", "change_approval",
)


def can_move(transitions: dict[str, set[str]], current: str | None, target: str) -> bool:
    if current is None:
        return True
    return target in transitions.get(current, set())
