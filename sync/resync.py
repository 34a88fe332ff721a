"""Starting the pull over when the server cannot continue our cursor (410 resync_required),
and settling, after that full pull, what we hold that the server did not send.

Why the server could not continue decides what such a record is (the 410's
`details.reason`):
- `scope`, `bad_cursor`: the server still has its history; what it no longer sends us is
  out of our sight now. Removed here, unless it carries unsent work: then it stays,
  flagged, like a record evicted while we still had edits for it.
- `restored`, `other_database`: the server went back to an older backup (or is another
  database): records changed after that point are gone from it. What this profile
  created, and whatever still carries its unsent work, is offered back: queued as a
  create of the whole record as we hold it, ahead of the rest of the queue (parents
  first), so changes that refer to it follow it. Other people's records are removed
  here: their makers' clients offer them back, and the next pull brings them.

A marker in the profile's settings says a full pull is under way. The ids it delivered
are counted in memory only, so if the program stops before the full pull ends, the next
sync starts it over; the settling happens in one transaction once it is complete.
"""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update

from app import clock
from app.models import ENTITIES, AuditEvent, OutboxMutation, ProfileSetting, SyncFlag
from app.rules.schema import entity_spec

log = logging.getLogger(__name__)

MARKER = "resync"
HISTORY_LOST = ("restored", "other_database")
OUTBOX = OutboxMutation.__table__
FLAGS = SyncFlag.__table__
AUDIT = AuditEvent.__table__
OPEN_STATES = ("pending", "sent", "rejected")


@dataclass
class Settled:
    removed: int = 0
    kept: int = 0
    offered: int = 0


class Sweep:
    """What one full pull from the start delivered. Ids are kept as hashes: a collision
    can only keep a record that should have gone, never remove one."""

    def __init__(self, marker: dict):
        self.marker = marker
        self.seen: set[int] = set()

    def saw(self, changes: list[dict]) -> None:
        for change in changes:
            if change.get("op") == "evict":
                self.seen.discard(hash(change["record_id"]))
            else:
                self.seen.add(hash(change["record_id"]))

    def finish(self, session) -> Settled:
        """Settle every record the full pull did not deliver (see the module doc) and
        clear the marker, in the caller's transaction."""
        lost = bool(self.marker.get("history_lost"))
        now = clock.now_iso()
        work: dict[str, list[dict]] = {}
        for m in session.execute(select(OUTBOX).where(OUTBOX.c.state.in_(OPEN_STATES))).mappings():
            work.setdefault(m["record_id"], []).append(dict(m))
        made_here: set[str] = set()
        if lost:
            made_here = {r for r, in session.execute(select(AUDIT.c.record_id).where(
                AUDIT.c.action == "create", AUDIT.c.origin != "sync"))}
        settled = Settled()
        offers: list[tuple[str, dict, list[dict]]] = []
        for entity, model in ENTITIES.items():
            t = model.__table__
            # Version 0 marks shipped reference rows and NULL rows the server never
            # confirmed: neither is the server's to take away.
            absent = [rid for rid, in session.execute(select(t.c.id).where(t.c.version > 0))
                      if hash(rid) not in self.seen]
            for rid in absent:
                row = dict(session.execute(select(t).where(t.c.id == rid)).mappings().one())
                mine = work.get(rid, [])
                if not lost:
                    if mine:
                        _flag(session, entity, rid, now)
                        settled.kept += 1
                    else:
                        _remove(session, t, rid)
                        settled.removed += 1
                elif row["deleted_at"] is not None or (mine and all(m["op"] == "delete" for m in mine)):
                    # Deleted here and gone there: nothing is left to say about it.
                    session.execute(delete(OUTBOX).where(OUTBOX.c.record_id == rid))
                    _remove(session, t, rid)
                    settled.removed += 1
                elif mine or rid in made_here:
                    offers.append((entity, row, mine))
                else:
                    _remove(session, t, rid)
                    settled.removed += 1
        if offers:
            settled.offered = _offer(session, offers, now)
        session.execute(delete(ProfileSetting.__table__).where(ProfileSetting.key == MARKER))
        if settled.removed or settled.kept or settled.offered:
            log.warning("after a full pull (%s): %d records removed, %d kept with unsent work, %d offered back",
                        self.marker.get("reason"), settled.removed, settled.kept, settled.offered)
        return settled


def begin(store, error) -> Sweep:
    """Note that a full pull starts over because of `error` (a ResyncRequired) and forget
    the cursor; returns the Sweep that follows the pull."""
    reason = (getattr(error, "details", None) or {}).get("reason") or "unknown"
    previous = store.setting(MARKER) or {}
    marker = {"reason": reason, "at": clock.now_iso(),
              "history_lost": reason in HISTORY_LOST or bool(previous.get("history_lost"))}
    with store.write() as s:
        s.merge(ProfileSetting(key=MARKER, value=marker))
        s.execute(delete(ProfileSetting.__table__).where(ProfileSetting.key == "cursor"))
    log.warning("the server cannot continue this profile's pull (%s): pulling everything again", reason)
    return Sweep(marker)


def resume(store, current: Sweep | None) -> Sweep | None:
    """The Sweep of a full pull under way, if any. A marker without a Sweep in memory (the
    program stopped mid-way) starts the full pull over."""
    marker = store.setting(MARKER)
    if marker is None:
        return None
    if current is not None:
        return current
    with store.write() as s:
        s.execute(delete(ProfileSetting.__table__).where(ProfileSetting.key == "cursor"))
    return Sweep(marker)


def _remove(session, table, record_id: str) -> None:
    session.execute(delete(table).where(table.c.id == record_id))
    session.execute(delete(FLAGS).where(FLAGS.c.record_id == record_id))


def _flag(session, entity: str, record_id: str, now: str) -> None:
    session.execute(delete(FLAGS).where(FLAGS.c.record_id == record_id, FLAGS.c.kind == "evicted"))
    session.execute(insert(FLAGS).values(
        entity=entity, record_id=record_id, kind="evicted", created_at=now,
        message="the server no longer shows you this record; your unsent changes are kept here"))


def _rank() -> dict[str, int]:
    """Entities ordered parents first (by their reference fields)."""
    order: dict[str, int] = {}

    def visit(entity: str, path: tuple = ()) -> int:
        if entity in order:
            return order[entity]
        parents = [t for t in entity_spec(entity).refs().values() if t != entity and t not in path and t in ENTITIES]
        order[entity] = 1 + max((visit(p, path + (entity,)) for p in parents), default=0)
        return order[entity]

    for entity in ENTITIES:
        visit(entity)
    return order


def _offer(session, offers, now: str) -> int:
    """Queue each record as a create of its whole current self, parents first and ahead
    of everything already queued; the record waits, unconfirmed, for the server's answer."""
    rank = _rank()
    offers.sort(key=lambda o: rank.get(o[0], 0))
    first = session.execute(select(OUTBOX.c.seq).order_by(OUTBOX.c.seq).limit(1)).scalar()
    seq = min(first if first is not None else 1, 1) - len(offers) - 1
    for entity, row, mine in offers:
        rid = row["id"]
        spec = entity_spec(entity)
        whole = {k: row[k] for k in spec.data_fields() if k != "id" and row.get(k) is not None}
        if row.get("created_at"):
            whole["created_at"] = row["created_at"]
        session.execute(delete(OUTBOX).where(OUTBOX.c.record_id == rid, OUTBOX.c.state.in_(OPEN_STATES)))
        session.execute(delete(FLAGS).where(FLAGS.c.record_id == rid))
        session.execute(insert(OUTBOX).values(
            seq=seq, mutation_id=str(uuid.uuid4()), entity=entity, record_id=rid, op="create", base_version=None,
            base={}, changes=whole, state="pending", attempts=0, created_at=now, updated_at=now))
        t = ENTITIES[entity].__table__
        session.execute(update(t).where(t.c.id == rid).values(version=None))
        seq += 1
    return len(offers)
