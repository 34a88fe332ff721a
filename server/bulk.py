"""Loading many records at once (generated sample data, a demo data set), far faster than
pushing them: rows go straight into `records` in batched inserts, numbered from the
same counter as every other change, so clients pull them like any other change.

Loaded rows carry no audit events (they are a data set, not anyone's work) and no
per-field versions (a later edit starts the field history). Customers' natural keys go
into `customer_keys`, so the duplicate check knows them.
"""
from __future__ import annotations

from collections.abc import Iterable

import orjson
from sqlalchemy import insert, update

from app import clock
from app.rules.schema import entity_spec
from server import duplicates, scopes
from server.records import load as load_rows
from server.tables import customer_keys, records, server_state


class _Placed:
    """What `scopes.placement` needs of a parent: its book and root."""

    __slots__ = ("book", "root")

    def __init__(self, book, root):
        self.book, self.root = book, root


def load(db, batches: Iterable[tuple[str, list[dict]]]) -> dict[str, int]:
    """Insert every (entity, rows) batch, one transaction per batch; rows are wire-format
    records (every data field, id, created_at, updated_at). Returns rows per entity."""
    placed: dict[str, _Placed] = {}
    counts: dict[str, int] = {}

    def parent(record_id: str):
        if record_id not in placed:
            with db.read() as conn:
                row = load_rows(conn, [record_id]).get(record_id)
            placed[record_id] = _Placed(row.book, row.root) if row else None
        return placed[record_id]

    for entity, rows in batches:
        if not rows:
            continue
        fields = ["id", *entity_spec(entity).data_fields(), "created_at", "updated_at"]
        now = clock.now_iso()
        prepared = []
        for row in rows:
            data = {f: row.get(f) for f in fields}
            data["created_at"] = data["created_at"] or now
            data["updated_at"] = data["updated_at"] or now
            book, root = scopes.placement(entity, data, parent)
            placed[data["id"]] = _Placed(book, root)
            prepared.append((data, book, root))

        def write(conn, prepared=prepared, entity=entity):
            last = conn.execute(update(server_state).where(server_state.c.id == 1)
                                .values(seq=server_state.c.seq + len(prepared))
                                .returning(server_state.c.seq)).scalar_one()
            first = last - len(prepared) + 1
            conn.execute(insert(records), [
                {"id": data["id"], "entity": entity, "data": orjson.dumps(data).decode(), "version": first + i,
                 "deleted": False, "book_owner_id": book, "root_id": root, "field_versions": "{}",
                 "conflict_ids": None, "created_at": data["created_at"], "updated_at": data["updated_at"]}
                for i, (data, book, root) in enumerate(prepared)])
            if entity == "customer":
                conn.execute(insert(customer_keys), [duplicates.keys_of(data) for data, _, _ in prepared])

        db.run_write(write)
        counts[entity] = counts.get(entity, 0) + len(prepared)
    return counts
