"""Planning an import: every row mapped, resolved and validated before anything is written.

The plan says, per row, what a commit would do (create, update, leave unchanged,
reject with reasons, skip by a decision) and collects the decisions the file's defects
need. Planning reads the store but never writes it: the wizard's preview and a dry run
are a plan; a commit carries one out (app/imports/commit.py).
"""
from __future__ import annotations

from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from app.imports import cells, writers
from app.imports.decisions import Decision
from app.imports.duplicates import DuplicateIndex
from app.imports.errors import Cancelled
from app.imports.mapping import LOOKUP, FieldRule, Mapping, Step, username_of
from app.imports.readers import Table
from app.imports.rows import Extra, RowPlan, StepPlan
from app.imports.references import Pending, Registry
from app.models import ENTITIES
from app.rules import permissions
from app.rules.schema import FieldSpec, entity_spec
from app.rules.states import CLOSED_STAGES, DEAL_TRANSITIONS, can_move
from app.rules.validation import check_field, validate_record

PLACEHOLDER_ID = "00000000-0000-4000-8000-000000000000"
# What the services fill in on create that the models leave without a default.
CREATE_DEFAULTS = {"deal": {"stage": "prospecting"}}
# Records a decision may create from a bare name, and how.
CREATABLE = {
    "customer": lambda name: {"name": name},
    "product": lambda name: {"name": name},
    "user": lambda name: {"username": username_of(name) or name, "display_name": name, "role": "rep"},
}
# Guarded deal fields an import sets only together with a stage move.
DEAL_OUTCOME = ("closed_on", "lost_reason")


class Planner:
    """Plans the steps of one import in order, sharing names and decisions across them."""

    def __init__(self, session, actor, dictionary, answers: dict[str, dict]):
        self.session = session
        self.actor = actor
        self.dictionary = dictionary
        self.answers = answers
        self.registry = Registry(session)
        self.decisions: dict[str, Decision] = {}
        self.bad_answers: dict[str, str] = {}
        self.used_answers: set[str] = set()
        self._duplicates: DuplicateIndex | None = None
        self._extras: dict[str, Extra] = {}

    # -- steps --------------------------------------------------------------------------
    def plan_step(self, step: Step, table: Table, progress=None, cancel=None) -> StepPlan:
        mapping = step.mapping
        mapping.check_columns(table.columns, table.path.name)
        plan = StepPlan(step, table)
        spec = entity_spec(mapping.entity)
        seen_rows: set[tuple] = set()
        records = list(table.records())
        if step.optional and not self._may_create(mapping.entity):
            plan.skipped = (f"a {self.actor.role} may not create {mapping.entity} records: this step is skipped and "
                            f"its names are looked up among existing {mapping.entity}s")
        seen_keys: dict[str, int] = {}
        for i, (line, row_cells, problem) in enumerate(records):
            if cancel is not None and cancel():
                raise Cancelled()
            if mapping.unique_by:
                key = tuple(cells.fold(row_cells.get(c, "")) for c in mapping.unique_by)
                if key in seen_rows:
                    plan.merged += 1
                    continue
                seen_rows.add(key)
            row = RowPlan(len(plan.rows), line, row_cells)
            plan.rows.append(row)
            if plan.skipped:
                row.skip(plan.skipped)
                continue
            if problem:
                row.reject(f"the row {problem}")
            else:
                self._plan_row(plan, row, spec, seen_keys)
            self._register(plan, row)
            if progress and i % 100 == 0:
                progress("planning", i, len(records))
        for row in plan.rows:
            if row.deferred and row.action not in ("reject", "skip"):
                self._resolve_deferred(plan, row, spec)
        if progress:
            progress("planning", len(records), len(records))
        return plan

    def _may_create(self, entity: str) -> bool:
        try:
            permissions.check_write(entity, self.actor.role, [], op="create")
        except PermissionDenied:
            return False
        return True

    # -- one row ------------------------------------------------------------------------
    def _plan_row(self, plan: StepPlan, row: RowPlan, spec, seen_keys: dict[str, int]) -> None:
        mapping = plan.step.mapping
        currency = self._currency(mapping, row)
        for name, rule in sorted(mapping.fields.items(), key=lambda kv: kv[0] != "currency"):
            fspec = spec.fields[name]
            try:
                value = self._field(plan, row, rule, fspec, currency)
            except ValueError as exc:
                row.reject(f"{name}: {exc}")
                continue
            if value is not None:
                row.values[name] = value
        if mapping.history and mapping.history.get("opened"):
            self._opened(mapping, row)
        if row.action in ("reject", "skip"):
            return
        existing = self._match(plan, row, seen_keys)
        if row.action in ("reject", "skip"):
            return
        if existing is None:
            self._plan_create(plan, row, spec)
        else:
            self._plan_update(plan, row, spec, existing)
        if row.waiting and row.action not in ("reject", "skip"):
            row.action = "undecided"

    def _currency(self, mapping: Mapping, row: RowPlan) -> str | None:
        rule = mapping.fields.get("currency")
        if rule is None:
            return None
        text = str(rule.value) if rule.has_constant else rule.text(row.cells)
        return text.strip().upper() or None

    def _field(self, plan: StepPlan, row: RowPlan, rule: FieldRule, fspec: FieldSpec, currency):
        mapping = plan.step.mapping
        if rule.has_constant and not isinstance(rule.value, str):
            return rule.value
        text = str(rule.value) if rule.has_constant else rule.text(row.cells)
        if text and rule.values is not None and cells.fold(text) in rule.values:
            mapped = rule.values[cells.fold(text)]
            if mapped is None:
                return None
            if not isinstance(mapped, str):
                return mapped
            text = mapped
        if text and rule.transform:
            text = username_of(text) if rule.transform == "username" else \
                text.lower() if rule.transform == "lower" else text.upper()
        if not text and rule.default is not None:
            if not isinstance(rule.default, str):
                return rule.default
            text = rule.default
        if fspec.name == "id":
            return text or None
        if fspec.ref:
            if fspec.ref == mapping.entity:
                if text:
                    row.deferred[fspec.name] = text
                return None
            return self._reference(plan, row, rule, fspec, text)
        if not text:
            return None
        if fspec.vocab or fspec.choices:
            return self._code(plan, row, rule, fspec, text)
        return cells.convert(fspec, text, currency=currency, unit=rule.unit,
                             fmt=rule.format or (mapping.date_format if fspec.type == "date" else None),
                             tz=mapping.timezone)

    def _opened(self, mapping: Mapping, row: RowPlan) -> None:
        text = row.cells.get(mapping.history["opened"], "").strip()
        if not text:
            return
        try:
            opened = cells.parse_date(text, mapping.date_format)
        except ValueError as exc:
            row.reject(f"{mapping.history['opened']}: {exc}")
            return
        closed = row.values.get("closed_on")
        if closed and closed < opened:
            row.reject(f"it closes ({closed}) before it opens ({opened})")
        row.opened_at = f"{opened}T00:00:00Z"

    # -- codes and references --------------------------------------------------------------
    def _code(self, plan, row, rule, fspec: FieldSpec, text: str):
        code = self.code_of(fspec, text)
        if code is not None:
            return code
        target = fspec.vocab or fspec.name
        options = ("map",) + (() if fspec.required else ("empty",)) + ("reject",)
        decision = self._decision(plan, row, "unknown_value", fspec.name, rule.column, text, target, options,
                                  suggestion=self._closest_code(fspec, text))
        return self._apply(decision, row, lambda value: self._answer_code(fspec, value))

    def code_of(self, fspec: FieldSpec, text: str) -> str | None:
        """The vocabulary or choice code `text` names (its code or a label, folded)."""
        folded = cells.fold(text)
        if fspec.choices:
            return next((c for c in fspec.choices if cells.fold(c) == folded), None)
        for entry in self.dictionary.entries:
            if entry["vocabulary"] != fspec.vocab or not entry.get("active", True):
                continue
            names = (entry["code"], entry.get("label_en") or "", entry.get("label_zh") or "")
            if folded in {cells.fold(n) for n in names if n}:
                return entry["code"]
        return None

    def _closest_code(self, fspec: FieldSpec, text: str) -> dict | None:
        from rapidfuzz import fuzz, process

        codes = list(fspec.choices) if fspec.choices else self.dictionary.codes(fspec.vocab)
        best = process.extractOne(cells.fold(text), codes, scorer=fuzz.ratio, score_cutoff=70)
        return {"action": "map", "value": best[0]} if best else None

    def _answer_code(self, fspec: FieldSpec, value: str) -> str:
        code = self.code_of(fspec, str(value))
        if code is None:
            raise ValueError(f"“{value}” is not a {fspec.vocab or fspec.name} code")
        return code

    def _reference(self, plan, row, rule, fspec: FieldSpec, text: str):
        mapping = plan.step.mapping
        target = fspec.ref
        fields = mapping.lookup_fields(fspec.name, target)
        if not text:
            if not fspec.required:
                return None
            options = ("reject", "map") + (("placeholder",) if self._creatable(target) else ())
            decision = self._decision(plan, row, "missing_reference", fspec.name, rule.column, None, target,
                                      options)
            return self._apply(decision, row, lambda value: self._answer_reference(target, fields, value),
                               placeholder=lambda value: self._extra(target, value, {}, reuse=True))
        found = self.registry.find(target, fields, text)
        live = [t for t in found if t not in self.registry.failed]
        if not live and found:
            row.reject(f"{fspec.name}: {target} “{text}” is not imported ({self.registry.failed[found[0]]})")
            return None
        if len(live) == 1:
            return live[0]
        options = ("map",) + (("create",) if self._creatable(target) and not live else ()) + \
            (() if fspec.required else ("empty",)) + ("reject",)
        suggestion = self.registry.suggest(target, fields, text) if not live else None
        decision = self._decision(
            plan, row, "unknown_reference", fspec.name, rule.column, text, target, options,
            suggestion={"action": "map", "value": suggestion} if suggestion else None,
            detail=f"{len(live)} {target}s have this name" if live else None)
        return self._apply(decision, row, lambda value: self._answer_reference(target, fields, value),
                           create=lambda answer: self._extra(target, text, answer.get("values") or {}))

    def _answer_reference(self, target: str, fields: tuple[str, ...], value: str):
        found = [t for t in self.registry.find(target, fields, str(value)) if t not in self.registry.failed]
        if len(found) != 1:
            raise ValueError(f"no single {target} is named “{value}” ({len(found)} found)")
        return found[0]

    def _creatable(self, target: str) -> bool:
        return target in CREATABLE and self._may_create(target)

    def _extra(self, entity: str, name: str, values: dict, reuse: bool = False):
        key = f"{entity}:{cells.fold(name)}"
        if key in self._extras:
            return self._extras[key].handle
        if reuse:
            existing = self.registry.find(entity, LOOKUP.get(entity, ("name",)), name)
            if existing:
                return existing[0]
        handle = Pending("decisions", key, f"new {entity} “{name}”")
        record = {**CREATABLE[entity](name), **values}
        self._extras[key] = Extra(handle, entity, record)
        self.registry.add(entity, record, handle)
        return handle

    # -- decisions --------------------------------------------------------------------------
    def _decision(self, plan, row, kind, field_name, column, value, target, options, *, suggestion=None,
                  default=None, detail=None) -> Decision:
        step = plan.step
        folded = cells.fold(value) if value else ""
        key = f"{step.name}/{field_name}/{kind}" + (f"/{folded}" if folded else "")
        decision = self.decisions.get(key)
        if decision is None:
            decision = Decision(key, kind, step.name, step.mapping.entity, field_name, column, value, target,
                                tuple(options), suggestion=suggestion, default=default, detail=detail)
            answer = self.answers.get(key)
            if answer is not None:
                self.used_answers.add(key)
                if answer["action"] not in decision.options:
                    self.bad_answers[key] = f"{answer['action']} is not one of {', '.join(decision.options)}"
                else:
                    decision.answer = answer
            self.decisions[key] = decision
        decision.count(row.line)
        return decision

    def _apply(self, decision: Decision, row: RowPlan, resolve, *, create=None, placeholder=None):
        """The value a decision's answer gives this row; None while it is open (the row waits)."""
        answer = decision.answer
        if answer is None:
            row.waiting.append(decision.key)
            return None
        action = answer["action"]
        if action == "reject":
            row.skip(f"{decision.field} “{decision.value or ''}”: rejected by decision".replace(" “”", " missing"))
            return None
        if action == "empty":
            return None
        try:
            if action in ("map", "set"):
                return resolve(answer["value"])
            if action == "create" and create:
                return create(answer)
            if action == "placeholder" and placeholder:
                return placeholder(answer["value"])
        except ValueError as exc:
            self.bad_answers[decision.key] = str(exc)
            decision.answer = None
            row.waiting.append(decision.key)
        return None

    # -- matching, creating, updating ----------------------------------------------------------
    def _match(self, plan: StepPlan, row: RowPlan, seen_keys: dict[str, int]) -> dict | None:
        match = plan.step.mapping.match
        if not match or row.values.get(match) in (None, ""):
            return None
        value = row.values[match]
        fspec = entity_spec(plan.step.mapping.entity).fields[match]
        if not fspec.system and not isinstance(value, Pending):
            try:  # compare in the stored form: a phone as E.164, an e-mail lower-cased
                value = check_field(fspec, value, self.dictionary)
            except ValueError:
                return None  # validation rejects the row with the reason
        key = str(value)
        if key in seen_keys:
            row.reject(f"the same {match} as line {seen_keys[key]}")
            return None
        seen_keys[key] = row.line
        table = ENTITIES[plan.step.mapping.entity].__table__
        found = [dict(r) for r in self.session.execute(select(table).where(
            table.c[match] == value, table.c.deleted_at.is_(None))).mappings()]
        if len(found) > 1:
            row.reject(f"{len(found)} existing records have this {match}; merge them first")
            return None
        return found[0] if found else None

    def _plan_create(self, plan: StepPlan, row: RowPlan, spec) -> None:
        entity = plan.step.mapping.entity
        record = {n: f.default for n, f in spec.fields.items() if not f.system}
        record.update(CREATE_DEFAULTS.get(entity, {}))
        if "owner_id" in spec.fields:
            record["owner_id"] = self.actor.id
        record.update({k: _plain(v) for k, v in row.values.items()})
        record["id"] = PLACEHOLDER_ID
        self._check_permission(row, entity, [k for k, v in row.values.items() if v is not None], "create")
        for problem in writers.plan_problems(entity, row.values):
            row.reject(problem)
        self._validate(plan, row, entity, record, None)
        if entity == "customer" and row.action == "create":
            self._check_duplicate(plan, row, record)

    def _plan_update(self, plan: StepPlan, row: RowPlan, spec, existing: dict) -> None:
        entity = plan.step.mapping.entity
        row.target_id = existing["id"]
        row.action = "update"
        changed = [k for k, v in row.values.items() if v is not None]
        record = {n: existing[n] for n in spec.data_fields()}
        record.update({k: _plain(v) for k, v in row.values.items() if v is not None})
        normalised = self._validate(plan, row, entity, record, changed)
        if normalised is None or row.action in ("reject", "skip"):
            return
        row.changes = {k: row.values[k] if isinstance(row.values[k], Pending) else normalised[k]
                       for k in changed if isinstance(row.values[k], Pending) or normalised[k] != existing[k]}
        if entity == "deal":
            self._check_deal_move(row, existing)
        if row.action == "update" and row.changes:
            self._check_permission(row, entity, list(row.changes), "change")
        if row.action == "update" and not row.changes and not row.deferred:
            row.action = "unchanged"  # deferred references may still change it (_resolve_deferred)

    def _check_deal_move(self, row: RowPlan, existing: dict) -> None:
        stage = row.changes.get("stage")
        if stage and not can_move(DEAL_TRANSITIONS, existing["stage"], stage):
            row.reject(f"the deal cannot go from {existing['stage']} to {stage}")
        outcome = [f for f in DEAL_OUTCOME if f in row.changes]
        if outcome and not stage:
            if existing["stage"] in CLOSED_STAGES:
                row.reject(f"{', '.join(outcome)} of a {existing['stage']} deal change only with a stage move")
            else:
                for f in outcome:  # an open deal keeps no outcome; nothing to write
                    row.changes.pop(f)

    def _check_permission(self, row: RowPlan, entity: str, fields: list[str], op: str) -> None:
        try:
            permissions.check_write(entity, self.actor.role, fields, op=op)
        except PermissionDenied as exc:
            row.reject(exc.message)

    def _validate(self, plan, row, entity, record, changed) -> dict | None:
        waiting_fields = {self.decisions[k].field for k in row.waiting}
        try:
            return validate_record(entity, record, dictionary=self.dictionary, changed=changed)
        except ValidationError as exc:
            errors = {f: m for f, m in exc.fields.items() if f not in waiting_fields}
        mapping = plan.step.mapping
        for name in list(errors):
            rule = mapping.fields.get(name)
            if rule and rule.ask_when_missing is not None and "is required" in errors[name]:
                value = self._ask_missing(plan, row, rule, entity_spec(entity).fields[name], errors.pop(name))
                if value is not None:
                    row.values[name] = value
                    record[name] = value
                    if changed is not None:
                        changed.append(name)
                    return self._validate(plan, row, entity, record, changed)
        if errors:
            row.reject("; ".join(f"{f}: {m}" for f, m in errors.items()))
        return None

    def _ask_missing(self, plan, row, rule: FieldRule, fspec: FieldSpec, message: str):
        default = rule.ask_when_missing.get("default")
        decision = self._decision(plan, row, "missing_value", fspec.name, rule.column, None,
                                  fspec.vocab or fspec.name, ("set", "reject"),
                                  default={"action": "set", "value": default} if default is not None else None,
                                  detail=message)

        def resolve(value):
            if fspec.vocab or fspec.choices:
                return self._answer_code(fspec, value)
            return cells.convert(fspec, str(value))
        return self._apply(decision, row, resolve)

    def _check_duplicate(self, plan, row, record) -> None:
        if self._duplicates is None:
            self._duplicates = DuplicateIndex(self.session)
        matches = self._duplicates.matches(record)
        if matches:
            target, name, why = matches[0]
            decision = self._decision(plan, row, "duplicate", "name", None, record.get("name"), "customer",
                                      ("link", "create", "reject"), detail=f"{why} {'to' if why.startswith('a very') else 'as'} “{name}”")
            answer = decision.answer
            if answer is None:
                row.waiting.append(decision.key)
            elif answer["action"] == "reject":
                row.skip("looks like an existing customer: rejected by decision")
            elif answer["action"] == "link":
                if isinstance(target, Pending):
                    row.skip(f"the same customer as {target}")
                else:
                    existing = self.session.execute(select(ENTITIES["customer"].__table__).where(
                        ENTITIES["customer"].__table__.c.id == target)).mappings().first()
                    self._plan_update(plan, row, entity_spec("customer"), dict(existing))
                    return
        self._duplicates.add(Pending(plan.step.name, str(row.index), ""), record)

    # -- names for later rows and steps ---------------------------------------------------------
    def _register(self, plan: StepPlan, row: RowPlan) -> None:
        entity = plan.step.mapping.entity
        names = {f: row.values.get(f) for f in LOOKUP.get(entity, ("name",))}
        if not any(names.values()):
            return
        if row.target_id:
            self.registry.add(entity, names, row.target_id)
            return
        row.handle = Pending(plan.step.name, str(row.index), f"{plan.step.name} line {row.line}")
        self.registry.add(entity, names, row.handle)
        if row.action in ("reject", "skip"):
            self.registry.fail(row.handle, f"{row.handle}: {row.reason}")

    def _resolve_deferred(self, plan: StepPlan, row: RowPlan, spec) -> None:
        mapping = plan.step.mapping
        for name, text in list(row.deferred.items()):
            fspec = spec.fields[name]
            value = self._reference(plan, row, mapping.fields[name], fspec, text)
            if value is None:
                del row.deferred[name]
                continue
            if value == row.target_id or (row.handle is not None and value == row.handle):
                row.reject(f"{name}: a {mapping.entity} cannot be its own parent")
                continue
            row.deferred[name] = value
            if row.target_id:
                table = ENTITIES[mapping.entity].__table__
                current = self.session.execute(select(table.c[name]).where(table.c.id == row.target_id)).scalar()
                if current == value:
                    del row.deferred[name]
        if row.action in ("update", "unchanged"):
            row.action = "update" if row.changes or row.deferred else "unchanged"
        if row.waiting and row.action not in ("reject", "skip"):
            row.action = "undecided"


def _plain(value):
    return PLACEHOLDER_ID if isinstance(value, Pending) else value
