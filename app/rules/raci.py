"""The responsibility matrix (RACI): for each process step, what each role is.

Responsible does the work (their inbox holds the step's items), Accountable answers for
the outcome, Consulted is asked, Informed is told. The matrix is a set of synced
`responsibility` records that admins edit; a fresh profile or server starts from
DEFAULT_MATRIX, whose ids are derived from (step, role) so every installation agrees on
them without talking to each other first (like the dictionary's defaults).

Every role has a letter for every step (the matrix is full, so an edit is always an
update of a known record), and each step has exactly one R and at most one A.
"""
from __future__ import annotations

import uuid

from app.errors import ValidationError
from app.rules.states import PROCESS_STEPS, RACI, ROLES

RESPONSIBILITY_NAMESPACE = uuid.UUID("0f3c9c1e-7d0a-4a51-b2a4-6a1f1d9e2c77")

#                       rep  manager finance admin
DEFAULT_MATRIX: dict[str, dict[str, str]] = {
    "quote_approval":   {"rep": "C", "manager": "R", "finance": "I", "admin": "A"},
    "order_acceptance": {"rep": "C", "manager": "A", "finance": "R", "admin": "I"},
    "credit_release":   {"rep": "I", "manager": "C", "finance": "R", "admin": "A"},
    "invoicing":        {"rep": "I", "manager": "I", "finance": "R", "admin": "A"},
    "collection":       {"rep": "C", "manager": "I", "finance": "R", "admin": "A"},
    "change_approval":  {"rep": "C", "manager": "R", "finance": "C", "admin": "A"},
}


def responsibility_id(step: str, role: str) -> str:
    return str(uuid.uuid5(RESPONSIBILITY_NAMESPACE, f"{step}:{role}"))


def default_rows() -> list[dict]:
    """The starting matrix as `responsibility` records (one per step and role)."""
    return [{"id": responsibility_id(step, role), "step": step, "role": role, "raci": letter}
            for step, row in DEFAULT_MATRIX.items() for role, letter in row.items()]


def check_step(step: str, assignments: dict[str, str]) -> None:
    """Raise ValidationError unless `assignments` (role -> letter, every role) is a valid
    row of the matrix for `step`: known step, roles and letters, one R, at most one A."""
    errors = {}
    if step not in PROCESS_STEPS:
        errors["step"] = f"must be one of {', '.join(PROCESS_STEPS)}"
    for role, letter in assignments.items():
        if role not in ROLES:
            errors[role] = f"is not a role; roles are {', '.join(ROLES)}"
        elif letter not in RACI:
            errors[role] = f"must be one of {', '.join(RACI)}"
    missing = [r for r in ROLES if r not in assignments]
    if missing:
        errors["roles"] = f"every role needs a letter (missing: {', '.join(missing)})"
    if not errors:
        letters = list(assignments.values())
        if letters.count("R") != 1:
            errors["R"] = f"a step has exactly one Responsible role (got {letters.count('R')})"
        if letters.count("A") > 1:
            errors["A"] = "a step has at most one Accountable role"
    if errors:
        raise ValidationError(errors)


def matrix_from_rows(rows) -> dict[str, dict[str, str]]:
    """step -> role -> letter from `responsibility` records, the defaults filling gaps."""
    matrix = {step: dict(row) for step, row in DEFAULT_MATRIX.items()}
    for r in rows:
        if r["step"] in matrix and r["role"] in ROLES:
            matrix[r["step"]][r["role"]] = r["raci"]
    return matrix


def roles_with(matrix: dict[str, dict[str, str]], step: str, letters: str) -> list[str]:
    """The roles whose letter for `step` is one of `letters`, in ROLES order."""
    row = matrix.get(step, DEFAULT_MATRIX.get(step, {}))
    return [role for role in ROLES if row.get(role) in letters]


def steps_for(matrix: dict[str, dict[str, str]], role: str, letters: str = "R") -> list[str]:
    """The steps where `role` holds one of `letters`, in PROCESS_STEPS order."""
    return [step for step in PROCESS_STEPS if matrix.get(step, {}).get(role) in letters]
