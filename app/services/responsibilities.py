"""The responsibility matrix (RACI) as admins edit it and the inbox reads it."""
from __future__ import annotations

from app.rules import raci
from app.rules.permissions import require_role
from app.rules.states import PROCESS_STEPS, ROLES

ADMINS = ("admin",)


def matrix(uow) -> dict[str, dict[str, str]]:
    """step -> role -> letter (R, A, C or I) for every step and role, as stored (the
    defaults fill any cell not yet stored)."""
    return raci.matrix_from_rows(uow.select("responsibility"))


def table(uow) -> list[dict]:
    """The matrix as rows for a grid: [{"step", "R": role, "A": role|None, "roles": {role: letter}}]
    in process order."""
    m = matrix(uow)
    rows = []
    for step in PROCESS_STEPS:
        row = m[step]
        rows.append({"step": step, "roles": dict(row),
                     "R": next((r for r in ROLES if row.get(r) == "R"), None),
                     "A": next((r for r in ROLES if row.get(r) == "A"), None)})
    return rows


def responsible_role(uow, step: str) -> str:
    """The role whose inbox holds `step`'s items (the R of the matrix)."""
    return raci.roles_with(matrix(uow), step, "R")[0]


def set_step(uow, step: str, assignments: dict[str, str]) -> dict[str, str]:
    """Replace one step's row of the matrix (admin only). `assignments` maps roles to
    letters; roles not named keep their letter. The result must have exactly one R and
    at most one A (ValidationError otherwise; nothing changes). Returns the new row."""
    require_role(uow.actor.role, ADMINS, "edit the responsibility matrix")
    current = matrix(uow).get(step, {})
    row = {**current, **{role: (letter or "").strip().upper() for role, letter in assignments.items()}}
    raci.check_step(step, row)
    c = uow.c("responsibility")
    stored = {r["role"]: r for r in uow.select("responsibility", c.step == step)}
    for role, letter in row.items():
        record = stored.get(role)
        if record is None:
            # A cell the profile never had (the matrix is full by default): its id is the
            # shared deterministic one, so every installation names it alike.
            uow.create("responsibility", {"step": step, "role": role, "raci": letter},
                       record_id=raci.responsibility_id(step, role))
        elif record["raci"] != letter:
            uow.update("responsibility", record["id"], {"raci": letter})
    return row
