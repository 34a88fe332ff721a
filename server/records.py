"""Synced records as the server holds them: one row of the generic `records` table.

`data` is the record in wire format (every data field, its id, created_at, updated_at);
the other attributes are the sync and scope bookkeeping around it.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import orjson
from sqlalchemy import select

from server.tables import records, redirects

MAX_REDIRECT_HOPS = 16


@dataclass(slots=True)
class Row:
    id: str
    entity: str
    data: dict
    version: int | None          # None until the transaction that creates it commits
    deleted: bool
    book: str | None             # book_owner_id
    root: str | None             # root_id
    field_versions: dict         # field -> version of its last change (None: this transaction)
    conflict_ids: tuple = ()
    stored: bool = False         # already in the database

    def but(self, **changes) -> "Row":
        return replace(self, **changes)

    def creation_version(self) -> int | None:
        """The version the record was created with (the oldest of its field versions)."""
        known = [v for v in self.field_versions.values() if v is not None]
        return min(known) if known else self.version


def from_db(r) -> Row:
    return Row(
        id=r.id, entity=r.entity, data=orjson.loads(r.data), version=r.version, deleted=bool(r.deleted),
        book=r.book_owner_id, root=r.root_id, field_versions=orjson.loads(r.field_versions),
        conflict_ids=tuple(orjson.loads(r.conflict_ids)) if r.conflict_ids else (), stored=True)


def load(conn, ids, *, lock: bool = False, share: bool = False) -> dict[str, Row]:
    """The stored rows of `ids` (missing ids are absent). `lock` takes row locks
    (PostgreSQL; `share`: shared ones, which only keep others from changing the rows), in
    id order so that two transactions rarely wait on each other in a circle."""
    ids = sorted(set(ids))
    found: dict[str, Row] = {}
    for start in range(0, len(ids), 500):
        stmt = select(records).where(records.c.id.in_(ids[start:start + 500])).order_by(records.c.id)
        if lock:
            stmt = stmt.with_for_update(read=share)
        for r in conn.execute(stmt):
            found[r.id] = from_db(r)
    return found


def redirect_map(conn, ids) -> dict[str, str]:
    """For ids that were merged away, the id of the record that survives (following chains)."""
    out: dict[str, str] = {}
    pending = set(ids)
    hops = 0
    current = {i: i for i in pending}
    while pending and hops < MAX_REDIRECT_HOPS:
        rows = conn.execute(select(redirects.c.from_id, redirects.c.to_id)
                            .where(redirects.c.from_id.in_(sorted({current[i] for i in pending})))).all()
        step = dict(rows)
        still = set()
        for original in pending:
            target = step.get(current[original])
            if target is not None:
                current[original] = target
                out[original] = target
                still.add(original)
        pending = still
        hops += 1
    return out
