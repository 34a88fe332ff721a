"""Applying pulled pages to the local store: bulk Core statements, one transaction per
page together with its cursor, so a crash mid-pull resumes at the last whole page.

Records with unsent local edits are rebased, not clobbered: the server's values land
in the fields the user did not touch, the user's edits stay pending on top, and the
queued mutation's base version moves forward. Its base values do not: if the server
changed a field the user also changed, the push still tells the server what the user
last saw, so the server can call it a conflict instead of silently overwriting.
"""
from __future__ import annotations

import logging
import operator
from collections import defaultdict
from dataclasses import dataclass, field

from functools import cache

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.dialects import sqlite

from app import clock
from app.models import ENTITIES, AuditEvent, OutboxMutation, ProfileSetting, SyncFlag
from app.rules.schema import entity_spec

log = logging.getLogger(__name__)

OUTBOX = OutboxMutation.__table__
FLAGS = SyncFlag.__table__
AUDIT = AuditEvent.__table__
OPEN_STATES = ("pending", "sent", "rejected")


@dataclass
class PageStats:
    upserted: int = 0
    deleted: int = 0
    evicted: int = 0
    rebased: int = 0
    kept: int = 0  # evictions or deletions held back because of unsent local edits
    entities: set = field(default_factory=set)


def _columns(entity: str) -> list[str]:
    return list(entity_spec(entity).fields)


@cache
def _tuple_maker(entity: str):
    """change -> the row as a tuple in column order, for a record new to this profile.
    The server sends every field, so one C-level itemgetter usually does it; a record
    missing a field (an older server) takes the slow path with the model's defaults."""
    cols = _columns(entity)
    getter = operator.itemgetter(*cols)
    defaults = _defaults(entity)
    # Columns where a null means "take the default" (or, for timestamps, "now").
    strict = [i for i, c in enumerate(cols) if defaults.get(c) is not None or c in ("created_at", "updated_at")]

    def make(change: dict, now: str) -> tuple:
        data = change.get("data") or {}
        try:
            row = getter({**data, "id": change["record_id"], "version": change["version"], "deleted_at": None})
        except KeyError:
            built = _row_from(entity, change, now)
            return tuple(built[c] for c in cols)
        if any(row[i] is None for i in strict):  # a null where the model has a default
            built = _row_from(entity, change, now)
            return tuple(built[c] for c in cols)
        return row

    return make


@cache
def _insert_sql(entity: str) -> str:
    t = ENTITIES[entity].__table__
    return str(insert(t).values({c: bindparam(c) for c in _columns(entity)}).compile(dialect=sqlite.dialect()))


@cache
def _defaults(entity: str) -> dict:
    return {n: f.default for n, f in entity_spec(entity).fields.items()}


def _row_from(entity: str, change: dict, now: str) -> dict:
    data = change.get("data") or {}
    row = {name: (default if (value := data.get(name)) is None else value)
           for name, default in _defaults(entity).items()}
    row["id"] = change["record_id"]
    row["version"] = change["version"]
    row["deleted_at"] = None
    row["created_at"] = data.get("created_at") or now
    row["updated_at"] = data.get("updated_at") or now
    return row


def apply_page(session, changes: list[dict], cursor: str, *, actor_id: str | None = None) -> PageStats:
    """Apply one pulled page and store `cursor`, in the caller's transaction."""
    now = clock.now_iso()
    stats = PageStats()
    # The last change of a record in a page is its state at the page's end.
    last: dict[tuple[str, str], dict] = {}
    for change in changes:
        if change.get("entity") not in ENTITIES:
            log.warning("ignoring a change of unknown entity %r (newer server?)", change.get("entity"))
            continue
        last[(change["entity"], change["record_id"])] = change
    by_entity: dict[str, list[dict]] = defaultdict(list)
    for (entity, _), change in last.items():
        by_entity[entity].append(change)

    ids = [rid for _, rid in last]
    pending = _pending_by_record(session, ids)
    for entity, group in by_entity.items():
        stats.entities.add(entity)
        _apply_entity(session, entity, group, pending, now, stats, actor_id)
    _refresh_conflict_flags(session, list(last.values()), now)
    session.execute(delete(ProfileSetting.__table__).where(ProfileSetting.key == "cursor"))
    session.execute(insert(ProfileSetting.__table__).values(key="cursor", value=cursor))
    return stats


def _pending_by_record(session, ids: list[str]) -> dict[str, list[dict]]:
    if not ids or session.execute(select(OUTBOX.c.seq).limit(1)).first() is None:
        return {}
    out = defaultdict(list)
    for chunk in _chunks(ids, 900):
        for m in session.execute(select(OUTBOX).where(OUTBOX.c.record_id.in_(chunk),
                                                      OUTBOX.c.state.in_(OPEN_STATES))
                                 .order_by(OUTBOX.c.seq)).mappings():
            out[m["record_id"]].append(dict(m))
    return out


def _apply_entity(session, entity, group, pending, now, stats, actor_id) -> None:
    t = ENTITIES[entity].__table__
    cols = _columns(entity)
    ids = [c["record_id"] for c in group]
    existing = {}
    for chunk in _chunks(ids, 900):
        for r in session.execute(select(t).where(t.c.id.in_(chunk))).mappings():
            existing[r["id"]] = dict(r)
    inserts, updates, audit = [], [], []
    as_tuple = _tuple_maker(entity)
    for change in group:
        rid, op = change["record_id"], change["op"]
        local = pending.get(rid)
        old = existing.get(rid)
        if op == "upsert" and old is None and not local:
            inserts.append(as_tuple(change, now))
            stats.upserted += 1
            continue
        if op == "upsert":
            row = _row_from(entity, change, now)
            if local:
                row = _rebase(session, entity, row, old, local)
                stats.rebased += 1
            if old is None:
                inserts.append(tuple(row[c] for c in cols))
            else:
                updates.append(row)
                for name in cols:
                    if name in ("version", "updated_at", "created_at") or old.get(name) == row.get(name):
                        continue
                    audit.append({"at": now, "actor_id": None, "entity": entity, "record_id": rid,
                                  "action": "update", "field": name, "old": old.get(name),
                                  "new": row.get(name), "origin": "sync"})
            stats.upserted += 1
        elif op == "delete":
            if local:
                # Our unsent edit meets a deletion: the push will bring it to the server
                # as an edit/delete conflict. Until then the user still sees the record.
                stats.kept += 1
                continue
            if old is not None and old.get("deleted_at") is None:
                session.execute(update(t).where(t.c.id == rid).values(
                    deleted_at=(change.get("data") or {}).get("deleted_at") or now, version=change["version"]))
                audit.append({"at": now, "actor_id": None, "entity": entity, "record_id": rid,
                              "action": "delete", "field": None, "old": None, "new": None, "origin": "sync"})
            stats.deleted += 1
        elif op == "evict":
            if local:
                _flag(session, entity, rid, "evicted", now,
                      "this record left your book on the server; your unsent changes are kept here")
                stats.kept += 1
                continue
            session.execute(delete(t).where(t.c.id == rid))
            stats.evicted += 1
    if inserts:
        # The first sync is almost all inserts: one prepared statement, executed for a
        # page of plain tuples (values are already in the stored wire form).
        session.connection().exec_driver_sql(_insert_sql(entity), inserts)
    if updates:
        # Executemany of one UPDATE per row, binding every column by name.
        stmt = update(t).where(t.c.id == bindparam("_id")).values(
            {c: bindparam(c) for c in cols if c != "id"})
        session.execute(stmt, [{**{c: r[c] for c in cols if c != "id"}, "_id": r["id"]} for r in updates])
    if audit:
        session.execute(insert(AUDIT), audit)


def _rebase(session, entity, row: dict, old: dict | None, local: list[dict]) -> dict:
    """The row to store for a record with unsent local changes: the server's values with
    the user's pending values on top. Pending update mutations move their base version
    forward and drop fields the server now holds at the user's value (converged); their
    base values stay (see module doc). Sent mutations are frozen, rejected ones wait."""
    server = dict(row)
    mine: dict = {}
    for m in local:
        mine.update(m["changes"])
    for m in local:
        if m["op"] != "update" or m["state"] != "pending":
            continue
        converged = {k for k, v in m["changes"].items() if k in server and server[k] == v}
        changes = {k: v for k, v in m["changes"].items() if k not in converged}
        if not changes:
            session.execute(delete(OUTBOX).where(OUTBOX.c.seq == m["seq"]))
            continue
        base = {k: v for k, v in m["base"].items() if k not in converged}
        session.execute(update(OUTBOX).where(OUTBOX.c.seq == m["seq"]).values(
            base_version=row["version"], changes=changes, base=base))
    for name, value in mine.items():
        if name in row:
            row[name] = value
    if any(m["op"] == "delete" for m in local) and old is not None:
        row["deleted_at"] = old.get("deleted_at")
    return row


def _refresh_conflict_flags(session, changes: list[dict], now: str) -> None:
    """The server lists a record's open conflicts with every change of it: mirror that."""
    touched = [c["record_id"] for c in changes if c["op"] != "evict"]
    if not touched:
        return
    any_flag = session.execute(select(FLAGS.c.id).where(FLAGS.c.kind == "conflict").limit(1)).first()
    if any_flag is None and not any(c.get("conflict_ids") for c in changes):
        return
    # What the push learnt about a conflict (the values involved) is kept while it stays open.
    known = {}
    for chunk in _chunks(touched, 900):
        for r in session.execute(select(FLAGS).where(FLAGS.c.kind == "conflict", FLAGS.c.record_id.in_(chunk),
                                                     FLAGS.c.details.is_not(None))).mappings():
            known[r["conflict_id"]] = r
        session.execute(delete(FLAGS).where(FLAGS.c.kind == "conflict", FLAGS.c.record_id.in_(chunk)))
    rows = [{"entity": c["entity"], "record_id": c["record_id"], "kind": "conflict", "conflict_id": cid,
             "message": known[cid]["message"] if cid in known else
             "a conflict on this record waits for an administrator's decision",
             "details": known[cid]["details"] if cid in known else None,
             "mutation_id": known[cid]["mutation_id"] if cid in known else None, "created_at": now}
            for c in changes if c["op"] != "evict" for cid in (c.get("conflict_ids") or [])]
    if rows:
        session.execute(insert(FLAGS), rows)


def _flag(session, entity, record_id, kind, now, message, **extra) -> None:
    session.execute(delete(FLAGS).where(FLAGS.c.record_id == record_id, FLAGS.c.kind == kind))
    session.execute(insert(FLAGS).values(entity=entity, record_id=record_id, kind=kind, message=message,
                                         created_at=now, **extra))


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
