"""What the acting user's role may do on the cash side, for showing or hiding actions.
The services and the server enforce the same rules (app/rules/permissions.py); a screen
only avoids offering what would be refused."""
from __future__ import annotations

from app.rules.permissions import APPROVER_ROLES, FINANCE_ROLES


def is_finance(workspace) -> bool:
    """Issues invoices, records and allocates payments, releases credit, sets credit limits."""
    return workspace.actor.role in FINANCE_ROLES


def is_approver(workspace) -> bool:
    """Decides quote approvals and change requests."""
    return workspace.actor.role in APPROVER_ROLES


def is_admin(workspace) -> bool:
    """Edits products and the responsibility matrix."""
    return workspace.actor.role == "admin"
