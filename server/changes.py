"""A write transaction's changes, staged in memory and numbered when the transaction ends.

Every accepted change of a record (and every eviction) gets its own sequence number, so
a pull page boundary can never split two changes that share one. Work is staged here
first: a mutation that fails rolls back only its own staged work (`savepoint`), and the
rows are written in a few batched statements at the end, which keeps a push of a
thousand mutations well under a second.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import orjson
from sqlalchemy import bindparam, select, update

from server import records as rec
from server.records import Row
from server.tables import audit, evictions, records, server_state


@dataclass(eq=False)
class Change:
    """One numbered change of a record: `seq` is set when the transaction is numbered."""

    row_id: str
    fields: tuple[str, ...]
    seq: int | None = None


@dataclass(eq=False)
class Eviction:
    user_id: str
    entity: str
    record_id: str
    seq: int | None = None


@dataclass(eq=False)
class _Savepoint:
    ops: int
    undo: int
    extra: dict = field(default_factory=dict)


def jdump(value) -> str:
    return orjson.dumps(value).decode()


class ChangeSet:
    """The staged changes of one write transaction on `conn`.

    `rows` caches what the transaction has read and changed (None: known not to exist),
    so later mutations of a batch see the earlier ones.
    """

    def __init__(self, conn, *, now: str, user_id: str | None, origin: str, lock: bool):
        self.conn = conn
        self.now = now
        self.user_id = user_id
        self.origin = origin
        self.lock = lock
        self.rows: dict[str, Row | None] = {}
        self.ops: list[tuple] = []
        self._undo: list[tuple[str, object]] = []
        self._missing = object()

    # -- reads ----------------------------------------------------------------------
    def load(self, ids, *, share: bool = False) -> None:
        """Read (and on PostgreSQL lock) the rows of `ids` not read yet. `share` takes
        shared locks: for rows this transaction only reads (a referenced parent), so
        that many pushes can refer to one product or customer at once while nobody
        changes it under them."""
        wanted = [i for i in set(ids) if i and isinstance(i, str) and i not in self.rows]
        if not wanted:
            return
        found = rec.load(self.conn, wanted, lock=self.lock, share=share)
        for i in wanted:
            self.rows[i] = found.get(i)

    def get(self, record_id: str) -> Row | None:
        if record_id not in self.rows:
            self.load([record_id])
        return self.rows.get(record_id)

    def rows_with_root(self, root_id: str) -> list[Row]:
        """Every row (stored or staged, live or not) whose root is `root_id`."""
        stmt = select(records.c.id).where(records.c.root_id == root_id)
        self.load([r.id for r in self.conn.execute(stmt)])
        return [r for r in self.rows.values() if r is not None and r.root == root_id]

    # -- staging --------------------------------------------------------------------
    def put(self, row: Row, fields, *, action: str = "update", audit_fields: dict | None = None,
            mutation_id: str | None = None) -> Change:
        """Stage `row` as the record's new state, changed in `fields` (empty: the record
        only needs a new version, e.g. it moved books or a conflict opened on it).
        `audit_fields` maps field -> (old, new) for the audit trail."""
        fields = tuple(fields)
        fv = dict(row.field_versions)
        for name in fields:
            fv[name] = None
        data = row.data
        if fields or action in ("create", "delete", "restore"):
            data = {**data, "updated_at": self.now}
        new = row.but(field_versions=fv, data=data)
        self._remember(row.id)
        self.rows[row.id] = new
        change = Change(row.id, fields)
        self.ops.append(("change", change))
        if action in ("create", "delete", "restore"):
            self.ops.append(("audit", change, new.entity, action, None, None,
                             jdump(new.data) if action != "delete" else None, mutation_id))
        for name, (old, value) in (audit_fields or {}).items():
            self.ops.append(("audit", change, new.entity, "update", name, jdump(old), jdump(value), mutation_id))
        return change

    def audit(self, change: Change, entity: str, action: str, *, field: str | None = None, old=None, new=None,
              mutation_id: str | None = None) -> None:
        """Stage one more audit row for `change` (e.g. the decision that resolved a conflict)."""
        self.ops.append(("audit", change, entity, action, field, jdump(old), jdump(new), mutation_id))

    def evict(self, user_id: str, entity: str, record_id: str) -> None:
        self.ops.append(("evict", Eviction(user_id, entity, record_id)))

    def insert(self, table, params: dict) -> None:
        """Stage an insert into another table; a value that is a Change becomes its seq."""
        self.ops.append(("insert", table, params))

    def execute(self, stmt, params: dict | None = None) -> None:
        """Stage any other statement, run in order after the records are written."""
        self.ops.append(("exec", stmt, params or {}))

    def has_changes(self) -> bool:
        return any(op[0] in ("change", "evict") for op in self.ops)

    def savepoint(self) -> _Savepoint:
        return _Savepoint(len(self.ops), len(self._undo))

    def rollback(self, sp: _Savepoint) -> None:
        del self.ops[sp.ops:]
        while len(self._undo) > sp.undo:
            row_id, old = self._undo.pop()
            if old is self._missing:
                self.rows.pop(row_id, None)
            else:
                self.rows[row_id] = old

    def _remember(self, row_id: str) -> None:
        self._undo.append((row_id, self.rows.get(row_id, self._missing)))

    # -- commit ---------------------------------------------------------------------
    def number(self) -> None:
        """Give every staged change and eviction its sequence number.

        This is what makes pulls never skip a change. The numbers are taken with one
        `UPDATE server_state SET seq = seq + n ... RETURNING seq` at the very end of the
        transaction, right before it writes its rows and commits. On PostgreSQL that
        UPDATE holds the row lock of server_state until the commit, and a waiting
        transaction gets the lock only after the commit is visible; so a transaction
        that takes later numbers can only commit after every transaction with earlier
        numbers has become visible: sequence order is visibility order, and a reader
        that sees seq N (in server_state or in a record) already sees every committed
        change below N. A pull reads the counter first and never looks past it, so its
        cursor never moves past a change that is still on its way. On SQLite, writers
        are serialised by BEGIN IMMEDIATE, which gives the same order.
        """
        numbered = [op[1] for op in self.ops if op[0] in ("change", "evict")]
        if not numbered:
            return
        stmt = (update(server_state).where(server_state.c.id == 1)
                .values(seq=server_state.c.seq + len(numbered)).returning(server_state.c.seq))
        last = self.conn.execute(stmt).scalar_one()
        first = last - len(numbered) + 1
        for offset, item in enumerate(numbered):
            item.seq = first + offset

    def write(self) -> None:
        """Write everything staged (after `number`)."""
        assigned: dict[str, dict] = {}
        last: dict[str, int] = {}
        for op in self.ops:
            if op[0] == "change":
                change = op[1]
                last[change.row_id] = change.seq
                slot = assigned.setdefault(change.row_id, {})
                for name in change.fields:
                    slot[name] = change.seq
        inserts, updates = [], []
        for row_id, seq in last.items():
            row = self.rows[row_id]
            fv = {k: v for k, v in row.field_versions.items() if v is not None}
            fv.update(assigned[row_id])
            values = {
                "entity": row.entity, "data": jdump(row.data), "version": seq, "deleted": row.deleted,
                "book_owner_id": row.book, "root_id": row.root, "field_versions": jdump(fv),
                "conflict_ids": jdump(list(row.conflict_ids)) if row.conflict_ids else None,
                "updated_at": self.now,
            }
            if row.stored:
                updates.append({"b_id": row_id, **values})
            else:
                inserts.append({"id": row_id, "created_at": row.data.get("created_at") or self.now, **values})
            self.rows[row_id] = row.but(version=seq, field_versions=fv, stored=True)
        if inserts:
            self.conn.execute(records.insert(), inserts)
        if updates:
            cols = {k: bindparam(k) for k in updates[0] if k != "b_id"}
            self.conn.execute(update(records).where(records.c.id == bindparam("b_id")).values(**cols), updates)
        evicted = [{"seq": op[1].seq, "user_id": op[1].user_id, "entity": op[1].entity,
                    "record_id": op[1].record_id} for op in self.ops if op[0] == "evict"]
        if evicted:
            self.conn.execute(evictions.insert(), evicted)
        audited = [{"seq": op[1].seq, "at": self.now, "user_id": self.user_id, "entity": op[2],
                    "record_id": op[1].row_id, "action": op[3], "field": op[4], "old": op[5], "new": op[6],
                    "origin": self.origin, "mutation_id": op[7]} for op in self.ops if op[0] == "audit"]
        if audited:
            self.conn.execute(audit.insert(), audited)
        batch_table, batch = None, []
        for op in self.ops:
            if op[0] == "insert":
                params = {k: (v.seq if isinstance(v, Change) else v) for k, v in op[2].items()}
                if op[1] is not batch_table and batch:
                    self.conn.execute(batch_table.insert(), batch)
                    batch = []
                batch_table = op[1]
                batch.append(params)
            elif op[0] == "exec":
                if batch:
                    self.conn.execute(batch_table.insert(), batch)
                    batch_table, batch = None, []
                self.conn.execute(op[1], {k: (v.seq if isinstance(v, Change) else v) for k, v in op[2].items()})
        if batch:
            self.conn.execute(batch_table.insert(), batch)

    def commit(self) -> None:
        """Number and write everything staged; the caller's transaction then commits."""
        self.number()
        self.write()
