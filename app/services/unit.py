"""The unit of work: one transaction in which a use case reads, validates and writes.

Every write goes through `create`, `update` or `delete` here, which apply the shared
rules and record, in the same transaction, the audit events and one outbox mutation
shaped as PROTOCOL.md's push. Edits of a record not yet sent coalesce into its pending
mutation, whose base stays the last synced value.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from functools import cache

from sqlalchemy import bindparam, select

from app import clock
from app.errors import NotFound
from app.models import ENTITIES, SYSTEM_FIELDS, AuditEvent, OutboxMutation, SyncFlag
from app.rules import permissions, transitions
from app.rules.schema import entity_spec
from app.rules.validation import validate_record

OUTBOX = OutboxMutation.__table__
AUDIT = AuditEvent.__table__
FLAGS = SyncFlag.__table__


def table(entity: str):
    return ENTITIES[entity].__table__


def new_id() -> str:
    return str(uuid.uuid4())


# The statements every write runs, built once: building an expression per call cost more
# than running it (an import of 7,500 deals spent half its time composing SQL).
@cache
def _by_id(entity: str):
    t = table(entity)
    return select(t).where(t.c.id == bindparam("rid"))


@cache
def _live_id(entity: str):
    t = table(entity)
    return select(t.c.id).where(t.c.id == bindparam("rid"), t.c.deleted_at.is_(None))


@cache
def _update_by_id(entity: str):
    t = table(entity)
    return t.update().where(t.c.id == bindparam("rid"))


_OPEN_MUTATION = (select(OUTBOX).where(OUTBOX.c.entity == bindparam("entity"),
                                       OUTBOX.c.record_id == bindparam("rid"),
                                       OUTBOX.c.state.in_(("pending", "rejected")))
                  .order_by(OUTBOX.c.seq.desc()).limit(1))
_ANY_MUTATION = select(OUTBOX.c.seq).where(OUTBOX.c.entity == bindparam("entity"),
                                           OUTBOX.c.record_id == bindparam("rid")).limit(1)


class UnitOfWork:
    """Context manager: commits on a clean exit, rolls back on any exception.

    `actor` is who acts (role checks); `origin` is written to the audit trail.
    """

    def __init__(self, store, actor, *, origin: str = "local"):
        self.store = store
        self.actor = actor
        self.origin = origin
        self.session = None
        self.changed: list[tuple[str, str, str]] = []  # (entity, id, op) for observers
        self._ctx = None

    def __enter__(self) -> "UnitOfWork":
        self._ctx = self.store.write()
        self.session = self._ctx.__enter__()
        self.now = clock.now_iso()
        return self

    def __exit__(self, exc_type, exc, tb):
        result = self._ctx.__exit__(exc_type, exc, tb)
        if exc_type is None and any(e == "dictionary_entry" for e, _, _ in self.changed):
            self.store.invalidate_dictionary()
        return result

    @property
    def dictionary(self):
        return self.store.dictionary()

    # -- reads ----------------------------------------------------------------------
    def get(self, entity: str, record_id: str, *, include_deleted: bool = False) -> dict | None:
        row = self.session.execute(_by_id(entity), {"rid": record_id}).mappings().first()
        if row is None or (row["deleted_at"] and not include_deleted):
            return None
        return dict(row)

    def require(self, entity: str, record_id: str) -> dict:
        row = self.get(entity, record_id)
        if row is None:
            raise NotFound(f"no {entity} with id {record_id}", details={"entity": entity, "id": record_id})
        return row

    def select(self, entity: str, *conditions, order_by=None) -> list[dict]:
        """Live (not deleted) records of `entity` matching column conditions."""
        t = table(entity)
        stmt = select(t).where(t.c.deleted_at.is_(None), *conditions)
        if order_by is not None:
            stmt = stmt.order_by(*order_by) if isinstance(order_by, (list, tuple)) else stmt.order_by(order_by)
        return [dict(r) for r in self.session.execute(stmt).mappings()]

    def c(self, entity: str):
        """The columns of an entity's table, for conditions: `uow.c('deal').stage == 'won'`."""
        return table(entity).c

    # -- writes ---------------------------------------------------------------------
    def create(self, entity: str, values: dict, *, record_id: str | None = None,
               transition: bool = False) -> dict:
        """Insert a validated record; returns it as stored. `transition=True` lets a
        state-machine service set guarded fields."""
        spec = entity_spec(entity)
        values = {k: v for k, v in values.items() if k not in SYSTEM_FIELDS}
        self._check_guarded(spec, values, transition, creating=True)
        permissions.check_write(entity, self.actor.role, [k for k, v in values.items() if v is not None],
                                op="create")
        record = {name: f.default for name, f in spec.fields.items() if not f.system}
        if "owner_id" in spec.fields and values.get("owner_id") is None:
            record["owner_id"] = self.actor.id
        record.update(values)
        record["id"] = record_id or new_id()
        record = validate_record(entity, record, dictionary=self.dictionary)
        self._check_refs(spec, record, record)
        record.update(created_at=self.now, updated_at=self.now, version=None, deleted_at=None)
        # Values as execute parameters, not .values(): the statement is then built and
        # cached once per table instead of once per row (an import writes thousands).
        self.session.execute(table(entity).insert(), record)
        # Unset fields travel as absent, not as nulls: the create stays small.
        data = {k: v for k, v in record.items()
                if v is not None and (k not in SYSTEM_FIELDS or k == "created_at")}
        self._audit(entity, record["id"], "create", None, None, data)
        self._enqueue(entity, record["id"], "create", None, {}, {k: v for k, v in data.items() if k != "id"})
        self.changed.append((entity, record["id"], "create"))
        return record

    def update(self, entity: str, record_id: str, changes: dict, *, transition: bool = False) -> dict:
        """Change some fields of a record; returns the record after the change.
        Fields whose value does not actually change are ignored."""
        spec = entity_spec(entity)
        before = self.require(entity, record_id)
        changes = {k: v for k, v in changes.items() if k not in SYSTEM_FIELDS}
        self._check_guarded(spec, changes, transition)
        after = {"id": record_id, **{k: before[k] for k in spec.data_fields()}}
        after.update(changes)
        after = validate_record(entity, after, dictionary=self.dictionary, changed=list(changes))
        changed = {k: after[k] for k in changes if k in after and after[k] != before.get(k)}
        if not changed:
            return before
        permissions.check_write(entity, self.actor.role, changed, op="change")
        transitions.check_transition(entity, before, after)
        self._check_refs(spec, after, changed)
        changed["updated_at"] = self.now
        self.session.execute(_update_by_id(entity), {**changed, "rid": record_id})
        del changed["updated_at"]
        for name, value in changed.items():
            self._audit(entity, record_id, "update", name, before.get(name), value)
        if self._unknown_to_server(entity, before):
            # Local data the server has never seen (e.g. seeded samples): send it whole.
            whole = {k: v for k, v in {**after, "created_at": before.get("created_at")}.items()
                     if v is not None and k != "id"}
            self._enqueue(entity, record_id, "create", None, {}, whole)
        else:
            self._enqueue(entity, record_id, "update", before.get("version"),
                          {k: before.get(k) for k in changed}, changed)
        self.changed.append((entity, record_id, "update"))
        return {**before, **changed, "updated_at": self.now}

    def delete(self, entity: str, record_id: str) -> dict:
        """Soft-delete a record (a tombstone until the server confirms)."""
        before = self.require(entity, record_id)
        permissions.check_write(entity, self.actor.role, [], op="delete")
        transitions.check_delete(entity, before)
        t = table(entity)
        self.session.execute(t.update().where(t.c.id == record_id).values(deleted_at=self.now, updated_at=self.now))
        self._audit(entity, record_id, "delete", None, None, None)
        if not self._unknown_to_server(entity, before):
            self._enqueue(entity, record_id, "delete", before.get("version"), {}, {})
        self.changed.append((entity, record_id, "delete"))
        return before

    # -- internals ------------------------------------------------------------------
    def _check_guarded(self, spec, values: dict, transition: bool, creating: bool = False) -> None:
        if transition:
            return
        from app.errors import ValidationError

        guarded = {n: f"is changed through its own action (e.g. a stage move), not by editing"
                   for n in values if n in spec.fields and spec.fields[n].guarded
                   and not (creating and values[n] is None)}
        # A new record may start in its machine's first state.
        if creating:
            for name in list(guarded):
                field = spec.fields[name]
                if field.choices and values[name] == field.default:
                    del guarded[name]
        if guarded:
            raise ValidationError(guarded)

    def _check_refs(self, spec, record: dict, fields: Iterable[str]) -> None:
        """Every reference being set must point at a live local record."""
        from app.errors import ValidationError

        errors = {}
        for name in fields:
            target = spec.fields.get(name) and spec.fields[name].ref
            value = record.get(name)
            if not target or value is None:
                continue
            if target == spec.entity and value == record.get("id"):
                continue
            found = self.session.execute(_live_id(target), {"rid": value}).first()
            if found is None:
                errors[name] = f"no {target} with id {value}"
        if errors:
            raise ValidationError(errors)

    def _audit(self, entity, record_id, action, field, old, new) -> None:
        self.session.execute(AUDIT.insert(), dict(
            at=self.now, actor_id=self.actor.id, entity=entity, record_id=record_id, action=action,
            field=field, old=old, new=new, origin=self.origin))

    def _enqueue(self, entity, record_id, op, base_version, base: dict, changes: dict) -> None:
        """Queue the change, coalescing with an unsent mutation of the same record."""
        open_rows = self.session.execute(_OPEN_MUTATION, {"entity": entity, "rid": record_id}).mappings().first()
        if (open_rows is not None and not self._references_later_create(entity, changes, open_rows["seq"])
                and not _second_state_move(entity, open_rows, op, changes)):
            merged = coalesce(dict(open_rows), op, base, changes)
            if merged is None:  # nothing left to send
                self.session.execute(OUTBOX.delete().where(OUTBOX.c.seq == open_rows["seq"]))
                self.session.execute(FLAGS.delete().where(FLAGS.c.mutation_id == open_rows["mutation_id"]))
            else:
                if open_rows["state"] == "rejected":
                    # A fix of a refused change goes out as a new mutation: the old id's
                    # stored result on the server is the refusal.
                    merged.update(mutation_id=new_id(), state="pending", error=None)
                    self.session.execute(FLAGS.delete().where(
                        FLAGS.c.mutation_id == open_rows["mutation_id"]))
                merged["updated_at"] = self.now
                self.session.execute(OUTBOX.update().where(OUTBOX.c.seq == open_rows["seq"]), merged)
            return
        self.session.execute(OUTBOX.insert(), dict(
            mutation_id=new_id(), entity=entity, record_id=record_id, op=op,
            base_version=base_version, base=base, changes=changes, state="pending",
            attempts=0, created_at=self.now, updated_at=self.now))

    def _unknown_to_server(self, entity: str, before: dict) -> bool:
        """A record with no version and nothing queued was never sent (local sample data)."""
        if before.get("version") is not None:
            return False
        queued = self.session.execute(_ANY_MUTATION, {"entity": entity, "rid": before["id"]}).first()
        return queued is None

    def _references_later_create(self, entity: str, changes: dict, seq: int) -> bool:
        """True if `changes` points at a record whose create is queued after `seq`:
        folding them into the older mutation would send the child before its parent."""
        refs = entity_spec(entity).refs()
        ids = [v for k, v in changes.items() if k in refs and v]
        if not ids:
            return False
        later = self.session.execute(select(OUTBOX.c.seq).where(
            OUTBOX.c.record_id.in_(ids), OUTBOX.c.op == "create", OUTBOX.c.seq > seq)).first()
        return later is not None


def _second_state_move(entity: str, existing: dict, op: str, changes: dict) -> bool:
    """True if both the queued update and this one move the record's state machine: the
    server checks each move against its own copy, so `approved -> sent -> accepted` must
    travel as two mutations, not as one impossible `approved -> accepted`."""
    machine = transitions.MACHINES.get(entity)
    if machine is None or op != "update" or existing["op"] != "update" or existing["state"] != "pending":
        return False
    field = machine[0]
    return field in changes and field in (existing["changes"] or {})


def coalesce(existing: dict, op: str, base: dict, changes: dict) -> dict | None:
    """Fold a new change into an unsent mutation of the same record.

    Returns the columns to update, or None when the mutation should disappear (a
    create followed by a delete, or every field edited back to its synced value). The base keeps the first-seen (last synced) value of
    each field; changes keep the latest value.
    """
    if op == "delete":
        if existing["op"] == "create":
            return None
        return {"op": "delete", "changes": {}, "base": existing["base"]}
    merged_changes = {**existing["changes"], **changes}
    if existing["op"] == "create":
        return {"changes": merged_changes}
    if existing["op"] == "delete":
        raise AssertionError("a deleted record cannot be edited")
    merged_base = {**base, **existing["base"]}
    # A field edited back to its synced value no longer needs sending.
    for name in list(merged_changes):
        if name in merged_base and merged_base[name] == merged_changes[name]:
            del merged_changes[name]
            del merged_base[name]
    if not merged_changes:
        return None
    return {"changes": merged_changes, "base": merged_base}
