"""Pushing the outbox: batches in queue order (parents before children), at most one
mutation per record per batch, and each result handled so nothing is lost.

A batch is marked `sent` and committed before it goes out. If the program dies after
sending and before the results are recorded, the same mutations (same ids, frozen
content) are sent again and the server answers with the results it stored.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update

from app import clock
from app.models import ENTITIES, OutboxMutation, SyncFlag

OUTBOX = OutboxMutation.__table__
FLAGS = SyncFlag.__table__


@dataclass
class PushStats:
    applied: int = 0
    merged: int = 0
    conflicts: int = 0
    rejected: int = 0

    def add(self, other: "PushStats") -> None:
        for name in ("applied", "merged", "conflicts", "rejected"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def next_batch(session, limit: int) -> list[dict]:
    """The oldest sendable mutations, at most one per record (a second edit of the same
    record waits for the first one's result, which rebases it)."""
    batch, seen = [], set()
    rows = session.execute(select(OUTBOX).where(OUTBOX.c.state.in_(("pending", "sent")))
                           .order_by(OUTBOX.c.seq).limit(limit * 4)).mappings()
    for m in rows:
        key = (m["entity"], m["record_id"])
        if key in seen:
            continue
        seen.add(key)
        batch.append(dict(m))
        if len(batch) >= limit:
            break
    return batch


def mark_sent(session, batch: list[dict]) -> None:
    seqs = [m["seq"] for m in batch]
    session.execute(update(OUTBOX).where(OUTBOX.c.seq.in_(seqs)).values(
        state="sent", attempts=OUTBOX.c.attempts + 1, updated_at=clock.now_iso()))


def as_wire(m: dict) -> dict:
    return {"mutation_id": m["mutation_id"], "entity": m["entity"], "record_id": m["record_id"], "op": m["op"],
            "base_version": m["base_version"], "base": m["base"] or {}, "changes": m["changes"] or {}}


def apply_results(session, batch: list[dict], results: list[dict]) -> PushStats:
    """Record the server's answer to `batch` (results in the same order)."""
    if len(results) != len(batch):
        raise ValueError(f"the server answered {len(results)} results for {len(batch)} mutations")
    now = clock.now_iso()
    stats = PushStats()
    for m, result in zip(batch, results):
        if result.get("mutation_id") != m["mutation_id"]:
            raise ValueError("the server's results are not in the order of the mutations")
        status = result.get("status")
        entity, rid = m["entity"], m["record_id"]
        if status in ("applied", "merged", "conflict"):
            session.execute(delete(OUTBOX).where(OUTBOX.c.seq == m["seq"]))
            session.execute(delete(FLAGS).where(FLAGS.c.record_id == rid, FLAGS.c.kind == "rejected"))
            if result.get("version") is not None:
                _record_version(session, entity, rid, result["version"])
                _rebase_later(session, m, result["version"])
            if status == "conflict":
                stats.conflicts += 1
                fields = result.get("conflict_fields") or []
                session.execute(insert(FLAGS).values(
                    entity=entity, record_id=rid, kind="conflict", conflict_id=result.get("conflict_id"),
                    mutation_id=m["mutation_id"], created_at=now,
                    message="your change conflicts with another; the server's value stays until an "
                            "administrator decides" + (f" ({', '.join(fields)})" if fields else ""),
                    details={"conflict_fields": fields, "changes": m["changes"], "base": m["base"]}))
            elif status == "merged":
                stats.merged += 1
            else:
                stats.applied += 1
        elif status == "rejected":
            error = result.get("error") or {"code": "rejected", "message": "the server refused the change"}
            session.execute(update(OUTBOX).where(OUTBOX.c.seq == m["seq"]).values(
                state="rejected", error=error, updated_at=now))
            session.execute(delete(FLAGS).where(FLAGS.c.record_id == rid, FLAGS.c.kind == "rejected"))
            session.execute(insert(FLAGS).values(
                entity=entity, record_id=rid, kind="rejected", mutation_id=m["mutation_id"],
                message=error.get("message"), details=error, created_at=now))
            stats.rejected += 1
        else:
            raise ValueError(f"unknown push status {status!r}")
    return stats


def _record_version(session, entity: str, record_id: str, version: int) -> None:
    t = ENTITIES[entity].__table__
    session.execute(update(t).where(t.c.id == record_id, (t.c.version.is_(None)) | (t.c.version < version))
                    .values(version=version))


def _rebase_later(session, sent: dict, version: int) -> None:
    """Later pending mutations of the same record were based on what this one replaced:
    base them on its result instead, so they do not conflict with our own change."""
    later = session.execute(select(OUTBOX).where(
        OUTBOX.c.entity == sent["entity"], OUTBOX.c.record_id == sent["record_id"],
        OUTBOX.c.seq > sent["seq"], OUTBOX.c.state == "pending")).mappings().all()
    for m in later:
        base = dict(m["base"] or {})
        for name in base:
            if name in (sent["changes"] or {}):
                base[name] = sent["changes"][name]
        session.execute(update(OUTBOX).where(OUTBOX.c.seq == m["seq"]).values(base_version=version, base=base))
