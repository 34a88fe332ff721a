"""Applying accepted changes to records inside one write transaction.

Push and conflict resolution both write through a Writer: it checks references (and
follows merge redirects), places the record in its book, moves everything hanging off a
record whose book changed (with evictions for whoever loses sight of it), keeps the
duplicate keys and the accounts behind `user` records in step, and opens conflicts.
"""
from __future__ import annotations

import uuid

from app import clock
from app.errors import ValidationError
from app.rules.schema import entity_spec
from server import users as accounts
from server.changes import Change, ChangeSet, jdump
from server.dictionary import current as current_dictionary
from server.duplicates import CustomerIndex
from server.records import Row, redirect_map
from server.scopes import Audience, Viewer, dependents, placement, scope_of
from server.tables import conflicts

SYSTEM = ("created_at", "updated_at", "deleted_at", "version")


class Writer:
    def __init__(self, conn, viewer: Viewer | None, *, origin: str, lock: bool, client_id: str | None = None):
        self.conn = conn
        self.viewer = viewer
        self.now = clock.now_iso()
        self.changes = ChangeSet(conn, now=self.now, user_id=viewer.id if viewer else None, origin=origin,
                                 lock=lock)
        self.scope = scope_of(conn, viewer) if viewer else None
        self.dictionary = current_dictionary(conn)
        self.audience = Audience(conn)
        self.customers = CustomerIndex(self.changes)
        self.redirects: dict[str, str] = {}
        self._redirects_known: set[str] = set()  # ids already looked up (most have no redirect)
        self.client_id = client_id or (viewer.client_id if viewer else None)

    # -- reads ----------------------------------------------------------------------
    def get(self, record_id) -> Row | None:
        return self.changes.get(record_id) if isinstance(record_id, str) else None

    def preload(self, targets, refs=()) -> None:
        """Read at once the rows a batch changes (`targets`, locked for update) and the
        rows it refers to (`refs`, after merge redirects; locked shared)."""
        self.changes.load({i for i in targets if isinstance(i, str) and i})
        refs = {i for i in refs if isinstance(i, str) and i}
        self._lookup_redirects(refs)
        self.changes.load(refs | set(self.redirects.values()), share=True)

    def _lookup_redirects(self, ids) -> None:
        unknown = set(ids) - self._redirects_known
        if unknown:
            self.redirects.update(redirect_map(self.conn, unknown))
            self._redirects_known |= unknown

    def check_refs(self, entity: str, record: dict, fields) -> tuple[dict, dict]:
        """Check the reference fields among `fields`: a ref to a record merged away is
        re-pointed to the survivor (in `record`; returned as {field: new id}); a ref to a
        deleted record is an orphan (returned as {field: parent Row}); a ref to nothing
        raises ValidationError."""
        spec = entity_spec(entity)
        redirected, orphans, errors = {}, {}, {}
        for name in fields:
            field = spec.fields.get(name)
            value = record.get(name)
            if field is None or not field.ref or value is None:
                continue
            if field.ref == entity and value == record.get("id"):
                continue
            self._lookup_redirects([value])
            if value in self.redirects:
                value = record[name] = redirected[name] = self.redirects[value]
            parent = self.get(value)
            if parent is None or parent.entity != field.ref:
                errors[name] = f"no {field.ref} with id {value}"
            elif parent.deleted:
                orphans[name] = parent
        if errors:
            raise ValidationError(errors)
        return redirected, orphans

    def place(self, entity: str, data: dict) -> tuple[str | None, str | None]:
        return placement(entity, data, self.get)

    # -- writes ---------------------------------------------------------------------
    def create(self, entity: str, data: dict, *, mutation_id: str | None = None,
               conflict_ids: tuple = ()) -> Change:
        """Stage a new record (`data` validated, with id; created_at may be given)."""
        data = {**data}
        data.setdefault("created_at", self.now)
        data["created_at"] = data["created_at"] or self.now
        data["updated_at"] = self.now
        book, root = self.place(entity, data)
        fields = [k for k in data if k not in SYSTEM and k != "id"]
        row = Row(data["id"], entity, data, None, False, book, root, {}, tuple(conflict_ids))
        change = self.changes.put(row, fields, action="create", mutation_id=mutation_id)
        if entity == "customer":
            self.customers.put(data, new=True)
        return change

    def save(self, before: Row, data: dict, fields, *, mutation_id: str | None = None,
             conflict_ids: tuple | None = None, action: str = "update", deleted: bool | None = None) -> Change:
        """Stage `before` changed to `data` in `fields` (audited old -> new); moves the
        record's dependents if its book changed."""
        fields = [f for f in fields if f not in SYSTEM]
        book, root = self.place(before.entity, data)
        after = before.but(data=data, book=book, root=root,
                           conflict_ids=before.conflict_ids if conflict_ids is None else tuple(conflict_ids),
                           deleted=before.deleted if deleted is None else deleted)
        audit = {f: (before.data.get(f), data.get(f)) for f in fields} if action == "update" else None
        change = self.changes.put(after, fields, action=action, mutation_id=mutation_id, audit_fields=audit)
        if (before.book, before.root) != (book, root):
            self._moved(before, after)
        if before.entity == "customer":
            if after.deleted:
                self.customers.remove(after.id)
            elif action == "restore" or any(f in ("name", "credit_code", "phone", "email") for f in fields):
                self.customers.put(data)
        if before.entity == "user" and fields:
            accounts.mirror(self.changes, before.data, data, change)
        return change

    def tombstone(self, row: Row, *, mutation_id: str | None = None, conflict_ids: tuple | None = None) -> Change:
        return self.save(row, {**row.data, "deleted_at": self.now}, (), mutation_id=mutation_id,
                         conflict_ids=conflict_ids, action="delete", deleted=True)

    def touch(self, row: Row, *, conflict_ids: tuple | None = None) -> Change:
        """A new version of a record whose data did not change (a conflict opened or
        closed on it), so every client pulls its state again."""
        return self.save(row, row.data, (), conflict_ids=conflict_ids, action="touch")

    def _moved(self, before: Row, after: Row) -> None:
        """`after` left `before`'s book (or root): evict it from whoever no longer sees
        it, and move everything that hangs off it."""
        self._evict(before.book, after.book, after)
        if after.root == after.id:
            # A root (customer, lead, private task): everything below shares its root.
            for row in self.changes.rows_with_root(after.id):
                if row.id != after.id and row.book != after.book:
                    self.changes.put(row.but(book=after.book), (), action="move")
                    self._evict(row.book, after.book, row)
            return
        if not before.root:
            return
        links = dependents().get(after.entity, ())
        if not links:
            return
        for row in self.changes.rows_with_root(before.root):
            if any(row.entity == child and row.data.get(f) == after.id for child, f in links):
                if (row.book, row.root) != (after.book, after.root):
                    moved = row.but(book=after.book, root=after.root)
                    self.changes.put(moved, (), action="move")
                    self._moved(row, moved)

    def _evict(self, old_book, new_book, row: Row) -> None:
        if old_book == new_book:
            return
        for user_id in sorted(self.audience.viewers(old_book) - self.audience.viewers(new_book)):
            self.changes.evict(user_id, row.entity, row.id)

    # -- conflicts ------------------------------------------------------------------
    def open_conflict(self, row_id: str, entity: str, kind: str, *, fields: dict | None = None,
                      candidates: list | None = None, details: dict | None = None,
                      mutation_id: str | None = None) -> str:
        """Stage a new open conflict on a record; returns its id (the caller lists it in
        the record's conflict_ids when it saves the record)."""
        conflict_id = str(uuid.uuid4())
        self.changes.insert(conflicts, {
            "id": conflict_id, "entity": entity, "record_id": row_id, "kind": kind,
            "fields": jdump(fields or {}), "candidates": jdump(candidates or []), "details": jdump(details or {}),
            "status": "open", "created_at": self.now, "user_id": self.viewer.id if self.viewer else None,
            "device_name": self.viewer.device_name if self.viewer else None, "client_id": self.client_id,
            "mutation_id": mutation_id,
        })
        return conflict_id
