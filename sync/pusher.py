"""Pushing the outbox: batches in queue order (parents before children), at most one
mutation per record per batch, and each result handled so nothing is lost.

A batch is marked `sent` and committed before it goes out. If the program dies after
sending and before the results are recorded, the same mutations (same ids, frozen
content) are sent again and the server answers with the results it stored.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, delete, insert, select, update

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
    """Record the server's answer to `batch` (results in the same order), in a few
    batched statements: a push of thousands must not cost thousands of round trips."""
    if len(results) != len(batch):
        raise ValueError(f"the server answered {len(results)} results for {len(batch)} mutations")
    now = clock.now_iso()
    stats = PushStats()
    done_seqs, versions, flags, rejected = [], {}, [], []
    settled = []  # (mutation, version) whose later mutations of the record need rebasing
    for m, result in zip(batch, results):
        if result.get("mutation_id") != m["mutation_id"]:
            raise ValueError("the server's results are not in the order of the mutations")
        status = result.get("status")
        entity, rid = m["entity"], m["record_id"]
        if status in ("applied", "merged", "conflict"):
            done_seqs.append(m["seq"])
            if result.get("version") is not None:
                versions.setdefault(entity, []).append({"rid": rid, "v": result["version"]})
                settled.append((m, result["version"]))
            if status == "conflict":
                stats.conflicts += 1
                fields = result.get("conflict_fields") or []
                flags.append({
                    "entity": entity, "record_id": rid, "kind": "conflict", "conflict_id": result.get("conflict_id"),
                    "mutation_id": m["mutation_id"], "created_at": now,
                    "message": "your change conflicts with another; the server's value stays until an "
                               "administrator decides" + (f" ({', '.join(fields)})" if fields else ""),
                    "details": {"conflict_fields": fields, "changes": m["changes"], "base": m["base"]}})
            elif status == "merged":
                stats.merged += 1
            else:
                stats.applied += 1
        elif status == "rejected":
            error = result.get("error") or {"code": "rejected", "message": "the server refused the change"}
            rejected.append({"s": m["seq"], "e": error})
            flags.append({"entity": entity, "record_id": rid, "kind": "rejected", "conflict_id": None,
                          "mutation_id": m["mutation_id"], "message": error.get("message"), "details": error,
                          "created_at": now})
            stats.rejected += 1
        else:
            raise ValueError(f"unknown push status {status!r}")
    # Whatever the outcome, an earlier refusal of these records is superseded.
    for entity, rids in _by_entity(batch).items():
        for chunk in _chunks(rids, 500):
            session.execute(delete(FLAGS).where(FLAGS.c.entity == entity, FLAGS.c.record_id.in_(chunk),
                                                FLAGS.c.kind == "rejected"))
    for chunk in _chunks(done_seqs, 500):
        session.execute(delete(OUTBOX).where(OUTBOX.c.seq.in_(chunk)))
    if rejected:
        session.execute(update(OUTBOX).where(OUTBOX.c.seq == bindparam("s")).values(
            state="rejected", error=bindparam("e"), updated_at=now), rejected)
    for entity, rows in versions.items():
        t = ENTITIES[entity].__table__
        session.execute(update(t).where(t.c.id == bindparam("rid"),
                                        (t.c.version.is_(None)) | (t.c.version < bindparam("v")))
                        .values(version=bindparam("v")), rows)
    if flags:
        session.execute(insert(FLAGS), flags)
    _rebase_later(session, settled)
    return stats


def _by_entity(batch: list[dict]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in batch:
        out.setdefault(m["entity"], []).append(m["record_id"])
    return out


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _rebase_later(session, settled: list[tuple[dict, int]]) -> None:
    """Later pending mutations of the same records were based on what these replaced:
    base them on the results instead, so they do not conflict with our own changes."""
    if not settled:
        return
    by_record = {(m["entity"], m["record_id"]): (m, version) for m, version in settled}
    candidates = []
    for entity, rids in _by_entity([m for m, _ in settled]).items():
        for chunk in _chunks(rids, 500):
            candidates += session.execute(select(OUTBOX).where(
                OUTBOX.c.entity == entity, OUTBOX.c.record_id.in_(chunk),
                OUTBOX.c.state == "pending")).mappings().all()
    for later in candidates:
        sent, version = by_record[(later["entity"], later["record_id"])]
        if later["seq"] <= sent["seq"]:
            continue
        base = dict(later["base"] or {})
        for name in base:
            if name in (sent["changes"] or {}):
                base[name] = sent["changes"][name]
        session.execute(update(OUTBOX).where(OUTBOX.c.seq == later["seq"]).values(base_version=version, base=base))
