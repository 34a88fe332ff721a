"""The import engine: one entry for the wizard and the `import` command.

    source = ImportSource.for_file("customer", "accounts.csv", mapping)      # or .for_directory
    plan = plan_import(store, source, answers)        # preview, decisions, per-row outcome
    result = run_import(store, source, answers, mode="valid_rows", dry_run=False,
                        progress=lambda phase, done, total: ..., cancel=event.is_set)

Nothing is written while a decision is open or an answer is not understood; a dry run
writes nothing but the log. Every run, dry runs included, is logged (app/imports/log.py)
and its rejected rows are written to CSV files with the reason beside each row.
"""
from __future__ import annotations

import dataclasses
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from app.imports import log
from app.imports.commit import ALL_OR_NOTHING, MODES, VALID_ROWS, Committer, Outcome
from app.imports.decisions import Decision
from app.imports.errors import Cancelled, FileProblem, MappingProblem
from app.imports.mapping import Mapping, MappingSet, Step, default_mapping, load
from app.imports.plan import Planner
from app.imports.rows import Extra, StepPlan
from app.imports.readers import Table, read_table
from app.exports.tables import write_csv

IMPORTS_DIR = "imports"


@dataclass
class ImportSource:
    """What to import: one file with one mapping, or a directory with a mapping set."""

    path: Path
    steps: tuple[Step, ...]
    name: str
    mapping: Mapping | MappingSet
    encoding: str | None = None
    directory: bool = False
    _tables: dict = field(default_factory=dict, repr=False)

    @classmethod
    def for_file(cls, entity: str, path: Path | str, mapping: Mapping | Path | str | None = None, *,
                 encoding: str | None = None, sheet: str | None = None) -> "ImportSource":
        """One file into `entity`. Without a mapping, columns named like fields are used."""
        path = Path(path)
        if isinstance(mapping, (str, Path)):
            mapping = load(mapping)
        if isinstance(mapping, MappingSet):
            raise MappingProblem("that is a mapping set, for a directory of files (the directory form)")
        source = cls(path, (), path.name, mapping, encoding)
        if mapping is None:
            table = source.table(path, None, sheet)
            mapping = default_mapping(entity, table.columns)
            source.mapping = mapping
        elif mapping.entity != entity:
            raise MappingProblem(f"the mapping is for {mapping.entity}, not {entity}")
        if sheet and not mapping.sheet:
            mapping = dataclasses.replace(mapping, sheet=sheet)
            source.mapping = mapping
        source.steps = (Step(path.stem, path.name, mapping),)
        return source

    @classmethod
    def for_directory(cls, path: Path | str, mapping: MappingSet | Path | str, *,
                      encoding: str | None = None) -> "ImportSource":
        """The files of a directory, in the order of a mapping set's steps."""
        path = Path(path)
        if isinstance(mapping, (str, Path)):
            mapping = load(mapping)
        if not isinstance(mapping, MappingSet):
            raise MappingProblem("the directory form needs a mapping set (a file with steps)")
        if not path.is_dir():
            raise FileProblem(f"{path} is not a directory")
        missing = [s.file for s in mapping.steps if not (path / s.file).is_file()]
        if missing:
            raise FileProblem(f"{path} lacks {', '.join(missing)}, which the mapping set imports")
        return cls(path, mapping.steps, mapping.name, mapping, encoding, directory=True)

    def file(self, step: Step) -> Path:
        return self.path / step.file if self.directory else self.path

    def table(self, path: Path, encoding: str | None, sheet: str | None) -> Table:
        key = (str(path), encoding or self.encoding, sheet)
        if key not in self._tables:
            self._tables[key] = read_table(path, encoding=encoding or self.encoding, sheet=sheet)
        return self._tables[key]

    def step_table(self, step: Step) -> Table:
        return self.table(self.file(step), step.mapping.encoding, step.mapping.sheet)


@dataclass
class ImportPlan:
    source: ImportSource
    steps: list[StepPlan]
    decisions: list[Decision]
    extras: list[Extra]
    bad_answers: dict[str, str]
    unused_answers: list[str]

    def open_decisions(self) -> list[Decision]:
        return [d for d in self.decisions if d.open]

    @property
    def ready(self) -> bool:
        """Nothing stands between the plan and a commit but the rows it rejects."""
        return not self.open_decisions() and not self.bad_answers

    def rejected_rows(self) -> int:
        return sum(1 for s in self.steps for r in s.rows if r.action == "reject")

    def preview(self, step: str, *, limit: int = 200, actions: tuple[str, ...] | None = None) -> list[dict]:
        """Rows of one step as the wizard shows them: line, action, reason, cells."""
        sp = next(s for s in self.steps if s.step.name == step)
        out = []
        for row in sp.rows:
            if actions and row.action not in actions:
                continue
            out.append({"line": row.line, "action": row.action, "reason": row.reason, "cells": row.cells,
                        "changes": sorted(row.changes), "waiting": list(row.waiting)})
            if len(out) >= limit:
                break
        return out


@dataclass
class ImportResult:
    run_id: str
    status: str            # dry_run | committed | needs_decisions | failed | cancelled
    message: str
    source: str
    mapping_name: str | None
    mode: str
    dry_run: bool
    steps: list[dict]
    decisions: list[Decision]
    extras: list[dict]
    bad_answers: dict[str, str]
    rejected_dir: str | None
    elapsed_s: float
    plan: ImportPlan | None = field(default=None, repr=False)

    @property
    def open_decisions(self) -> list[Decision]:
        return [d for d in self.decisions if d.open]

    def as_dict(self) -> dict:
        return {"run_id": self.run_id, "status": self.status, "message": self.message, "source": self.source,
                "mapping": self.mapping_name, "mode": self.mode, "dry_run": self.dry_run, "steps": self.steps,
                "decisions": [d.as_dict() for d in self.decisions], "extras": self.extras,
                "bad_answers": self.bad_answers, "rejected_dir": self.rejected_dir,
                "elapsed_s": round(self.elapsed_s, 3)}


def plan_import(store, source: ImportSource, answers: dict | None = None, *, actor=None, progress=None,
                cancel=None) -> ImportPlan:
    """Read, map, resolve and validate every row of `source` with `answers` to its
    decisions, writing nothing. Raises FileProblem or MappingProblem for a file or
    mapping that cannot be used at all."""
    actor = actor or store.actor()
    answers = answers or {}
    with store.read() as session:
        planner = Planner(session, actor, store.dictionary(), answers)
        steps = []
        for step in source.steps:
            if progress:
                progress("reading", len(steps), len(source.steps))
            table = source.step_table(step)
            steps.append(planner.plan_step(step, table, progress=progress, cancel=_cancel_fn(cancel)))
    unused = sorted(set(answers) - planner.used_answers)
    return ImportPlan(source, steps, list(planner.decisions.values()), list(planner._extras.values()),
                      dict(planner.bad_answers), unused)


def commit_import(store, plan: ImportPlan, *, mode: str = ALL_OR_NOTHING, actor=None, progress=None,
                  cancel=None) -> Outcome:
    """Carry out a ready plan (see app/imports/commit.py for the two modes)."""
    if mode not in MODES:
        raise MappingProblem(f"mode must be one of {', '.join(MODES)}")
    if not plan.ready:
        return Outcome(status="failed", message="open decisions; nothing was imported")
    committer = Committer(store, actor or store.actor(), plan.steps, plan.extras, progress=progress,
                          cancel=_cancel_fn(cancel))
    return committer.all_or_nothing() if mode == ALL_OR_NOTHING else committer.valid_rows()


def run_import(store, source: ImportSource, answers: dict | None = None, *, mode: str = ALL_OR_NOTHING,
               dry_run: bool = False, actor=None, progress=None, cancel=None,
               rejected_dir: Path | str | None = None) -> ImportResult:
    """Plan, then (unless `dry_run`, or decisions are open) commit; log the run and
    write its rejected rows. Returns what happened; FileProblem and MappingProblem
    propagate (logged as failed runs first)."""
    if mode not in MODES:
        raise MappingProblem(f"mode must be one of {', '.join(MODES)}")
    actor = actor or store.actor()
    started = time.perf_counter()
    run_id = str(uuid.uuid4())
    mapping_name = getattr(source.mapping, "name", None)
    log.start(store, run_id, actor=actor, source=str(source.path), mapping_name=mapping_name,
              mapping=source.mapping.as_dict(), mode=mode, dry_run=dry_run)
    try:
        plan = plan_import(store, source, answers, actor=actor, progress=progress, cancel=cancel)
    except Cancelled:
        log.finish(store, run_id, status="cancelled", message="cancelled while reading")
        raise
    except (FileProblem, MappingProblem) as exc:
        log.finish(store, run_id, status="failed", message=exc.message)
        raise
    outcome = None
    if not plan.ready:
        status, message = "needs_decisions", _decisions_message(plan)
    elif dry_run:
        status, message = "dry_run", "dry run: nothing was written"
    elif mode == ALL_OR_NOTHING and plan.rejected_rows():
        status = "failed"
        message = (f"{plan.rejected_rows():,} row(s) cannot be imported; nothing was imported (all or nothing: "
                   "fix them, or import the valid rows only)")
    else:
        try:
            outcome = commit_import(store, plan, mode=mode, actor=actor, progress=progress, cancel=cancel)
        except Exception as exc:  # logged, then raised: an unexpected failure is not hidden
            log.finish(store, run_id, status="failed", message=f"{type(exc).__name__}: {exc}")
            raise
        status, message = outcome.status, outcome.message or _done_message(plan, outcome)
    steps = _step_counts(source, plan, outcome)
    folder = _write_rejected(store, run_id, plan, outcome, rejected_dir)
    result = ImportResult(run_id, status, message, str(source.path), mapping_name, mode, dry_run, steps,
                          plan.decisions, outcome.extras if outcome else [], plan.bad_answers,
                          str(folder) if folder else None, time.perf_counter() - started, plan)
    log.finish(store, run_id, status=status, message=message, counts={s["name"]: s for s in steps},
               decisions=[d.as_dict() for d in plan.decisions], rejected_path=result.rejected_dir,
               files=[{"path": str(source.file(s.step)), "format": s.table.format, "encoding": s.table.encoding,
                       "rows": len(s.table.rows)} for s in plan.steps])
    return result


def _cancel_fn(cancel):
    if cancel is None:
        return None
    if hasattr(cancel, "is_set"):
        return cancel.is_set
    return cancel


def _decisions_message(plan: ImportPlan) -> str:
    parts = []
    if plan.open_decisions():
        parts.append(f"{len(plan.open_decisions())} decision(s) need an answer")
    if plan.bad_answers:
        parts.append(f"{len(plan.bad_answers)} answer(s) are not usable")
    return "; ".join(parts) + "; nothing was imported"


def _done_message(plan: ImportPlan, outcome: Outcome) -> str:
    created, updated = sum(outcome.created.values()), sum(outcome.updated.values())
    failed = sum(len(f) for f in outcome.failures.values())
    text = f"imported: {created:,} created, {updated:,} updated"
    rejected = plan.rejected_rows() + failed
    return text + (f", {rejected:,} rejected" if rejected else "")


def _step_counts(source: ImportSource, plan: ImportPlan, outcome: Outcome | None) -> list[dict]:
    out = []
    for sp in plan.steps:
        c = sp.counts()
        failures = outcome.failures.get(sp.step.name, {}) if outcome else {}
        out.append({
            "name": sp.step.name, "entity": sp.step.mapping.entity, "file": str(source.file(sp.step)),
            "encoding": sp.table.encoding, "format": sp.table.format, "rows": c["rows"], "merged": sp.merged,
            "plan": {k: c[k] for k in ("create", "update", "unchanged", "reject", "skip", "undecided")},
            "created": outcome.created.get(sp.step.name, 0) if outcome else 0,
            "updated": outcome.updated.get(sp.step.name, 0) if outcome else 0,
            "failed": len(failures), "skipped_step": sp.skipped,
        })
    return out


def _write_rejected(store, run_id: str, plan: ImportPlan, outcome: Outcome | None, folder) -> Path | None:
    """One CSV per step with its rejected and skipped rows: the source cells (so the file
    can be fixed and imported again), the line, and the reason."""
    folder = Path(folder) if folder else store.profile_dir / IMPORTS_DIR / run_id
    written = False
    for sp in plan.steps:
        failures = outcome.failures.get(sp.step.name, {}) if outcome else {}
        rows = [(r, failures.get(r.index)) for r in sp.rows if r.action in ("reject", "skip") or r.index in failures]
        if not rows:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        columns = list(sp.table.columns) + ["line", "status", "reason"]
        write_csv(folder / f"{sp.step.name}-rejected.csv", columns,
                  ([r.cells.get(c, "") for c in sp.table.columns] +
                   [r.line, "rejected" if (r.action == "reject" or failure) else "skipped", failure or r.reason]
                   for r, failure in rows))
        written = True
    return folder if written else None


__all__ = ["ImportSource", "ImportPlan", "ImportResult", "plan_import", "commit_import", "run_import",
           "ALL_OR_NOTHING", "VALID_ROWS"]
