"""Who may write what: the role checks both ends apply to every write.

Scope (which records a user may see at all) is the server's business; these are the
rules that hold whatever the scope: finance-only records and fields, admin-only
reference data, and fields only the server assigns.
"""
from __future__ import annotations

from collections.abc import Iterable

from app.errors import PermissionDenied
from app.rules.schema import entity_spec

FINANCE_ROLES = ("finance", "admin")
APPROVER_ROLES = ("manager", "admin")


def check_write(entity: str, role: str, fields: Iterable[str], *, op: str = "update",
                server: bool = False) -> None:
    """Raise PermissionDenied if `role` may not `op` an `entity` touching `fields`.

    `server=True` is the server applying its own assignments (invoice numbers)."""
    spec = entity_spec(entity)
    if spec.writers and role not in spec.writers:
        raise PermissionDenied(
            f"a {role} may not {op} a {entity}; only {' or '.join(spec.writers)} may",
            details={"entity": entity, "role": role})
    for name in fields:
        field = spec.fields.get(name)
        if field is None:
            continue
        if field.server and not server:
            raise PermissionDenied(f"{entity}.{name} is assigned by the server",
                                   details={"field": name})
        if field.roles and role not in field.roles:
            raise PermissionDenied(
                f"a {role} may not change {entity}.{name}; only {' or '.join(field.roles)} may",
                details={"field": name, "role": role})


def require_role(role: str, allowed: Iterable[str], action: str) -> None:
    allowed = tuple(allowed)
    if role not in allowed:
        raise PermissionDenied(f"a {role} may not {action}; only {' or '.join(allowed)} may",
                               details={"role": role})
