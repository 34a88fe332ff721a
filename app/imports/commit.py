"""Carrying out an import plan through the services.

all_or_nothing: one unit of work for everything; the first row that fails rolls it all
back, so the store is exactly as before. valid_rows: batches of rows, each row in its
own savepoint, so a row the services refuse is reported and the rest go in. Either way a
cancel stops between rows; in valid_rows mode the batches already committed stay.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError

from app.errors import DomainError
from app.imports import writers
from app.imports.errors import Cancelled
from app.imports.rows import RowPlan, StepPlan
from app.imports.references import Pending

BATCH_ROWS = 500
PROGRESS_EVERY = 10  # rows between progress reports (a bar needs no more)
ALL_OR_NOTHING = "all_or_nothing"
VALID_ROWS = "valid_rows"
MODES = (ALL_OR_NOTHING, VALID_ROWS)


class RowFailed(Exception):
    def __init__(self, step: StepPlan, row: RowPlan | None, reason: str):
        super().__init__(reason)
        self.step, self.row, self.reason = step, row, reason

    def where(self) -> str:
        return f"{self.step.step.name} line {self.row.line}" if self.row else self.step.step.name


@dataclass
class Outcome:
    """What a commit did: per step the rows created and updated, and the rows the
    services refused while writing (step name -> row index -> reason)."""

    status: str = "committed"            # committed | failed | cancelled
    message: str = ""
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    failures: dict[str, dict[int, str]] = field(default_factory=dict)
    extras: list[dict] = field(default_factory=list)


class Committer:
    def __init__(self, store, actor, steps: list[StepPlan], extras: list, *, progress=None, cancel=None,
                 batch_rows: int | None = None):
        self.store, self.actor, self.steps, self.extras = store, actor, steps, extras
        self.progress, self.cancel, self.batch_rows = progress, cancel, batch_rows or BATCH_ROWS
        self.resolved: dict[Pending, str] = {}
        self.failed: dict[Pending, str] = {}
        self.record_ids: dict[tuple[str, int], str] = {}
        self.outcome = Outcome()
        self.total = sum(1 for s in steps for r in s.rows if r.writes) + \
            sum(1 for s in steps for r in s.rows if r.writes and r.deferred)
        self.done = 0

    # -- modes ------------------------------------------------------------------------------
    def all_or_nothing(self) -> Outcome:
        try:
            with self.store.unit(self.actor) as uow:
                for extra in self.extras:
                    self._create_extra(uow, extra)
                for sp in self.steps:
                    for row in sp.rows:
                        if row.writes:
                            self._tick()
                            self._write(uow, sp, row)
                    for row in sp.rows:
                        if row.writes and row.deferred:
                            self._tick()
                            self._link(uow, sp, row)
        except RowFailed as exc:
            return Outcome(status="failed", message=f"{exc.where()}: {exc.reason}; nothing was imported")
        except Cancelled:
            return Outcome(status="cancelled", message="cancelled; nothing was imported")
        return self.outcome

    def valid_rows(self) -> Outcome:
        try:
            if self.extras:
                with self.store.unit(self.actor) as uow:
                    for extra in self.extras:
                        self._guarded(uow, None, None, lambda: self._create_extra(uow, extra), extra.handle)
            for sp in self.steps:
                self._batches(sp, [r for r in sp.rows if r.writes], self._write)
                self._batches(sp, [r for r in sp.rows if r.writes and r.deferred], self._link)
        except Cancelled:
            self.outcome.status = "cancelled"
            self.outcome.message = "cancelled; the batches written before the cancel are kept"
        return self.outcome

    def _batches(self, sp: StepPlan, rows: list[RowPlan], action) -> None:
        for start in range(0, len(rows), self.batch_rows):
            chunk = rows[start:start + self.batch_rows]
            before = dict(self.outcome.created), dict(self.outcome.updated)
            try:
                with self.store.unit(self.actor) as uow:
                    for row in chunk:
                        self._tick()
                        self._guarded(uow, sp, row, lambda row=row: action(uow, sp, row), row.handle)
            except Cancelled:
                self.outcome.created, self.outcome.updated = before  # that batch was rolled back
                raise

    def _guarded(self, uow, sp, row, fn, handle) -> None:
        """Run one row's writes in a savepoint; a refusal is that row's failure only."""
        try:
            with uow.session.begin_nested():
                fn()
        except RowFailed as exc:
            self._fail(exc.step, exc.row, exc.reason, handle)
        except (DomainError, IntegrityError) as exc:
            self._fail(sp, row, _reason(exc), handle)

    def _fail(self, sp, row, reason, handle) -> None:
        if handle is not None:
            self.failed[handle] = reason
        if sp is not None and row is not None:
            self.outcome.failures.setdefault(sp.step.name, {})[row.index] = reason
        else:
            self.outcome.extras.append({"failed": str(handle), "reason": reason})

    def _tick(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        self.done += 1
        if self.progress and (self.done % PROGRESS_EVERY == 0 or self.done == self.total):
            self.progress("writing", self.done, self.total)

    # -- rows -------------------------------------------------------------------------------
    def _create_extra(self, uow, extra) -> None:
        try:
            record = writers.create(uow, extra.entity, dict(extra.values))
        except (DomainError, IntegrityError) as exc:
            raise RowFailed(self.steps[0], None, f"{extra.handle}: {_reason(exc)}") from None
        self.resolved[extra.handle] = record["id"]
        self.outcome.extras.append({"entity": extra.entity, "id": record["id"], "label": str(extra.handle)})

    def _write(self, uow, sp: StepPlan, row: RowPlan) -> None:
        entity = sp.step.mapping.entity
        try:
            if row.action == "create":
                history = sp.step.mapping.history or {}
                record = writers.create(uow, entity, self._resolve(sp, row, row.values),
                                        opened_at=row.opened_at, opened_stage=history.get("opened_stage"))
                self.record_ids[(sp.step.name, row.index)] = record["id"]
                if row.handle is not None:
                    self.resolved[row.handle] = record["id"]
                self._count(self.outcome.created, sp)
            elif row.changes:
                writers.update(uow, entity, row.target_id, self._resolve(sp, row, row.changes))
                self.record_ids[(sp.step.name, row.index)] = row.target_id
                self._count(self.outcome.updated, sp)
            else:
                self.record_ids[(sp.step.name, row.index)] = row.target_id
                self._count(self.outcome.updated, sp)
        except (DomainError, IntegrityError) as exc:
            raise RowFailed(sp, row, _reason(exc)) from None

    def _link(self, uow, sp: StepPlan, row: RowPlan) -> None:
        record_id = self.record_ids.get((sp.step.name, row.index))
        if record_id is None:
            return  # the row itself failed
        try:
            writers.update(uow, sp.step.mapping.entity, record_id, self._resolve(sp, row, row.deferred))
        except (DomainError, IntegrityError) as exc:
            raise RowFailed(sp, row, f"imported without {', '.join(row.deferred)}: {_reason(exc)}") from None

    def _resolve(self, sp: StepPlan, row: RowPlan, values: dict) -> dict:
        out = {}
        for name, value in values.items():
            if isinstance(value, Pending):
                if value in self.resolved:
                    value = self.resolved[value]
                else:
                    why = self.failed.get(value, "it was not written")
                    raise RowFailed(sp, row, f"{name}: {value} is not imported ({why})")
            out[name] = value
        return out

    @staticmethod
    def _count(counter: dict, sp: StepPlan) -> None:
        counter[sp.step.name] = counter.get(sp.step.name, 0) + 1


def _reason(exc) -> str:
    if isinstance(exc, IntegrityError):
        return f"conflicts with an existing record ({exc.orig})"
    return exc.message
