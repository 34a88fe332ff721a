"""What a plan holds: each row's outcome, the records decisions create, each step."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.imports.mapping import Step
from app.imports.readers import Table
from app.imports.references import Pending


@dataclass
class RowPlan:
    index: int
    line: int
    cells: dict[str, str]
    values: dict = field(default_factory=dict)   # field -> value; references as id or Pending
    action: str = "create"                       # create | update | unchanged | reject | skip | undecided
    target_id: str | None = None                 # the existing record an update changes
    changes: dict = field(default_factory=dict)
    deferred: dict = field(default_factory=dict) # references to rows of the same step, set afterwards
    reasons: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
    opened_at: str | None = None
    handle: Pending | None = None

    def reject(self, reason: str) -> None:
        self.reasons.append(reason)
        if self.action != "skip":
            self.action = "reject"

    def skip(self, reason: str) -> None:
        self.reasons.append(reason)
        self.action = "skip"

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)

    @property
    def writes(self) -> bool:
        return self.action in ("create", "update")


@dataclass
class Extra:
    """A record a decision creates (a new product, a placeholder customer)."""

    handle: Pending
    entity: str
    values: dict


@dataclass
class StepPlan:
    step: Step
    table: Table
    rows: list[RowPlan] = field(default_factory=list)
    extras: list[Extra] = field(default_factory=list)
    skipped: str | None = None
    merged: int = 0   # rows folded into an earlier one by unique_by

    def counts(self) -> dict:
        out = {k: 0 for k in ("create", "update", "unchanged", "reject", "skip", "undecided")}
        for row in self.rows:
            out[row.action] += 1
        return {"rows": len(self.rows), **out}
